/* SPDX-License-Identifier: ISC */
/*
 * transform.c - stage 4: applies our stylesheets (never one named by a
 * source) to the enriched tree.  Each stylesheet is compiled once per
 * run.  Every transform runs with security preferences that forbid
 * reading files, writing files, creating directories and the network:
 * the tree already holds everything a stylesheet needs, and styrdok's
 * own writer (write.c) puts the result in place.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "styrdok.h"

struct stylesheet {
	xsltStylesheetPtr style;
	xsltSecurityPrefsPtr sec;
	char *name;
};

/*
 * Compiles templates/<name>.  Returns NULL after a diagnostic when the
 * stylesheet is missing or broken (an installation problem).
 */
struct stylesheet *
stylesheet_new(struct project *p, const char *name)
{
	struct stylesheet *s;
	char *path = xasprintf("%s/%s", p->templates, name);
	xsltStylesheetPtr style;
	static int exslt_ready;

	if (!exslt_ready) {
		exsltRegisterAll();
		exslt_ready = 1;
	}
	style = xsltParseStylesheetFile(BAD_CAST path);
	if (style == NULL) {
		diag_add(p->diags, path, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "cannot compile stylesheet");
		free(path);
		return NULL;
	}
	free(path);
	s = xcalloc(1, sizeof(*s));
	s->style = style;
	s->name = xstrdup(name);
	s->sec = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid);
	xsltSetSecurityPrefs(s->sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid);
	return s;
}

void
stylesheet_free(struct stylesheet *s)
{
	if (s == NULL)
		return;
	xsltFreeStylesheet(s->style);
	xsltFreeSecurityPrefs(s->sec);
	free(s->name);
	free(s);
}

/*
 * The number of nodes of the project tree as a page's transformation
 * sees it (render.c sets aside what a page does not read, so it is
 * counted for each): a walk as long as the tree the stylesheet reads.
 */
static size_t
tree_nodes(const struct project *p)
{
	xmlNodePtr n;
	size_t count = 0;

	for (n = xmlDocGetRootElement(p->tree); n != NULL;) {
		count++;
		if (n->children != NULL && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent != NULL && n->parent->type == XML_ELEMENT_NODE ?
			    n->parent : NULL;
		if (n != NULL)
			n = n->next;
	}
	return count;
}

/*
 * The bound on a transformation's XPath work: a stylesheet that runs away
 * on small input stops at libxslt's "Operation limit exceeded", while a
 * register of any size that check accepts still builds: its work grows
 * with its nodes (the systems page of 40,000 systems, 1.4 million nodes:
 * 186 million operations, which a fixed limit of 100 million stopped).
 */
static unsigned long
work_limit(const struct project *p)
{
	size_t nodes = tree_nodes(p);
	unsigned long base = 100000000UL, per_node = 2000UL;

	if (nodes > (ULONG_MAX / 2 - base) / per_node)
		return ULONG_MAX / 2;
	return base + per_node * (unsigned long)nodes;
}

/*
 * Applies s to the project tree with string parameters (name, value,
 * ..., NULL; values are quoted by libxslt, never by hand).  Returns the
 * result tree (the caller frees it), or NULL after a diagnostic.
 */
xmlDocPtr
stylesheet_transform(struct project *p, struct stylesheet *s,
    const char **params)
{
	xsltTransformContextPtr ctxt;
	xmlDocPtr res;

	ctxt = xsltNewTransformContext(s->style, p->tree);
	if (ctxt == NULL)
		return NULL;
	xsltSetCtxtSecurityPrefs(s->sec, ctxt);
	xsltSetCtxtParseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOCDATA);
	ctxt->maxTemplateDepth = 3000;
	ctxt->opLimit = work_limit(p);
	if (ctxt->xpathCtxt != NULL)
		ctxt->xpathCtxt->opLimit = ctxt->opLimit;
	if (params != NULL && xsltQuoteUserParams(ctxt, params) != 0) {
		diag_add(p->diags, s->name, 0, 0, SEV_ERROR, RULE_XSLT,
		    "bad stylesheet parameters");
		xsltFreeTransformContext(ctxt);
		return NULL;
	}
	res = xsltApplyStylesheetUser(s->style, p->tree, NULL, NULL, NULL,
	    ctxt);
	if (res == NULL || ctxt->state != XSLT_STATE_OK) {
		diag_add(p->diags, s->name, 0, 0, SEV_ERROR, RULE_XSLT,
		    "transformation failed");
		xmlFreeDoc(res);
		res = NULL;
	}
	xsltFreeTransformContext(ctxt);
	return res;
}

/*
 * Applies s as stylesheet_transform() does and appends the result as
 * XML without a document type declaration: the XSL-FO that FOP reads.
 * (The register, report and packet stylesheets of the PDF format import
 * HTML ones and so inherit a doctype-system that XSLT 1.0 cannot unset,
 * and FOP refuses any DOCTYPE.)  Returns 0, or -1 after a diagnostic.
 */
int
stylesheet_apply_xml(struct project *p, struct stylesheet *s,
    const char **params, struct buf *out)
{
	xmlDocPtr res = stylesheet_transform(p, s, params);
	xmlDtdPtr dtd;
	xmlChar *text = NULL;
	int len = 0;

	if (res == NULL)
		return -1;
	if ((dtd = xmlGetIntSubset(res)) != NULL) {
		xmlUnlinkNode((xmlNodePtr)dtd);
		xmlFreeDtd(dtd);
	}
	xmlDocDumpMemoryEnc(res, &text, &len, "UTF-8");
	if (text != NULL)
		buf_add(out, (char *)text, (size_t)len);
	xmlFree(text);
	xmlFreeDoc(res);
	if (text == NULL) {
		diag_add(p->diags, s->name, 0, 0, SEV_ERROR, RULE_XSLT,
		    "cannot serialise the result");
		return -1;
	}
	return 0;
}

/*
 * Applies s as stylesheet_transform() does and appends the result,
 * serialised as the stylesheet's xsl:output says, to out.  Returns 0,
 * or -1 after a diagnostic.
 */
int
stylesheet_apply(struct project *p, struct stylesheet *s,
    const char **params, struct buf *out)
{
	xmlDocPtr res = stylesheet_transform(p, s, params);
	xmlChar *text = NULL;
	int len = 0, rc = -1;

	if (res == NULL)
		return -1;
	if (xsltSaveResultToString(&text, &len, res, s->style) != 0)
		diag_add(p->diags, s->name, 0, 0, SEV_ERROR, RULE_XSLT,
		    "cannot serialise the result");
	else {
		buf_add(out, text ? (char *)text : "", (size_t)len);
		rc = 0;
	}
	xmlFree(text);
	xmlFreeDoc(res);
	return rc;
}

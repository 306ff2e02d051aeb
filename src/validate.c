/* SPDX-License-Identifier: ISC */
/*
 * validate.c - stage 2a: structure.  Each source in the project tree is
 * checked against templates/project.rng (which includes styrdok.rng, the
 * schema editors use), one source at a time, so a source with any schema
 * error - also one inside a part it includes - is known for certain and
 * left out of the later stages, which may then trust the structure.
 * Meaning is checked next, by rules.c.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "styrdok.h"

/* Compiles templates/<name>; its errors are diagnostics.  NULL if broken. */
static xmlRelaxNGPtr
compile_schema(struct project *p, const char *name)
{
	char *path = xasprintf("%s/%s", p->templates, name);
	xmlRelaxNGParserCtxtPtr pctxt = xmlRelaxNGNewParserCtxt(path);
	xmlRelaxNGPtr schema;

	free(path);
	xmlRelaxNGSetParserStructuredErrors(pctxt, diag_xml_error, p->diags);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	return schema;
}

/*
 * Puts the words of explain.c in place of libxml2's for a source that
 * failed the schema: the diagnostics added since mark are replaced by
 * the explainer's, when it found the mistakes (otherwise libxml2's
 * stand).  *ex is read from the schema on first use.
 */
static void
explain(struct project *p, struct explainer **ex, xmlNodePtr top,
    size_t mark)
{
	struct diags *words;

	if (*ex == NULL) {
		char *path = xasprintf("%s/styrdok.rng", p->templates);

		*ex = explainer_new(path);
		free(path);
	}
	words = diags_new(p->root);
	if (explain_source(*ex, words, top) > 0) {
		diags_truncate(p->diags, mark);
		diags_move(p->diags, words);
	}
	diags_free(words);
}

/*
 * Remembers the ids of a source left out for its schema errors, so that
 * references to them are not reported again in every other source: the
 * one mistake is reported where it is.
 */
static void
remember_ids(struct project *p, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((id = xmlGetProp(n, BAD_CAST "id")) != NULL) {
			if (p->left_out == NULL)
				p->left_out = xmlHashCreate(64);
			xmlHashAddEntry(p->left_out, id, p);
			xmlFree(id);
		}
		remember_ids(p, n->children);
	}
}

/*
 * Returns 0 when every source is valid, 1 when some were not (they are
 * removed from the tree after their diagnostics) and -1 when the schema
 * itself cannot be used (a broken installation).
 */
int
validate_schema(struct project *p)
{
	xmlRelaxNGValidCtxtPtr vctxt;
	xmlRelaxNGPtr schema;
	xmlNodePtr root = xmlDocGetRootElement(p->tree), src, *v = NULL;
	struct explainer *ex = NULL;
	size_t n = 0, i, mark;
	int invalid = 0;

	if ((schema = compile_schema(p, "project.rng")) == NULL)
		return -1;
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vctxt, diag_xml_error, p->diags);

	/* Take the sources out; put each back alone to validate it. */
	while ((src = root->children) != NULL) {
		xmlUnlinkNode(src);
		if (src->type != XML_ELEMENT_NODE) {
			xmlFreeNode(src);
			continue;
		}
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = src;
	}
	for (i = 0; i < n; i++) {
		xmlNodePtr top = xmlFirstElementChild(v[i]);

		xmlAddChild(root, v[i]);
		/* libxml2 cannot place some errors; they go to this source. */
		diags_set_fallback(p->diags, top);
		mark = diags_len(p->diags);
		if (xmlRelaxNGValidateDoc(vctxt, p->tree) != 0) {
			invalid = 1;
			explain(p, &ex, top, mark);
			remember_ids(p, top);
			if (top != NULL &&
			    xmlStrEqual(top->name, BAD_CAST "organisation"))
				p->organisation_invalid = 1;
			xmlUnlinkNode(v[i]);
			xmlFreeNode(v[i]);
			v[i] = NULL;
		} else
			xmlUnlinkNode(v[i]);
		diags_set_fallback(p->diags, NULL);
	}
	for (i = 0; i < n; i++)
		if (v[i] != NULL)
			xmlAddChild(root, v[i]);
	free(v);
	explainer_free(ex);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	return invalid;
}

/*
 * Validates a document that is not part of the project (a version given
 * to diff) against styrdok.rng.  Returns 0 when valid.
 */
int
validate_document(struct project *p, xmlDocPtr doc)
{
	xmlRelaxNGValidCtxtPtr vctxt;
	xmlRelaxNGPtr schema;
	int rc = -1;

	if ((schema = compile_schema(p, "styrdok.rng")) == NULL)
		return -1;
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vctxt, diag_xml_error, p->diags);
	diags_set_fallback(p->diags, xmlDocGetRootElement(doc));
	size_t mark = diags_len(p->diags);
	struct explainer *ex = NULL;

	if ((rc = xmlRelaxNGValidateDoc(vctxt, doc)) != 0)
		explain(p, &ex, xmlDocGetRootElement(doc), mark);
	explainer_free(ex);
	diags_set_fallback(p->diags, NULL);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	return rc;
}

/* SPDX-License-Identifier: ISC */
/*
 * markdown.c - part of the enrich stage: Markdown prose becomes part of
 * the one tree.  cmark parses each <prose> and its node tree is built
 * directly into the document in cmark's XML vocabulary (the CommonMark
 * namespace, the same element and attribute names as cmark's XML
 * renderer), so no text is serialised and re-parsed and no DOCTYPE is
 * involved.  While splicing, raw HTML is dropped and link destinations
 * outside the allow-list are removed (cmark's XML renderer would keep
 * both), each with a warning at its file:line.
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <libxml/hash.h>

#include "styrdok.h"

/*
 * cmark 0.30.2 is quadratic in some runs of inline markup (![[]() took
 * 0.25 s per 64 KiB, CVE-2023-22486; runs of _, <, & and [a]( 0.06 s),
 * so the work of one fragment grows with the square of its markup and
 * that of a run with the markup of its largest fragments.  Capping the
 * markup characters per fragment bounds both: 20 MiB of the worst input
 * costs about 2 s.  Real prose has a few dozen.
 */
#define MARKUP_LIMIT 2048
#define MARKUP_CHARS "*_`[]!<&\\"

struct splice {
	struct project *p;
	xmlNodePtr prose;
	const char *text;	/* the prose as written, for positions */
	size_t indent;		/* columns removed by dedent */
	xmlHashTablePtr anchors; /* ids in this document */
	xmlNsPtr ns;
};

/* Byte offset in the original prose of cmark's (line, column). */
static size_t
prose_offset(const struct splice *s, cmark_node *node)
{
	int line = cmark_node_get_start_line(node);
	int col = cmark_node_get_start_column(node);
	size_t off = 0;

	while (node != NULL && line <= 0) {
		node = cmark_node_parent(node);
		line = node ? cmark_node_get_start_line(node) : 0;
		col = node ? cmark_node_get_start_column(node) : 0;
	}
	for (int l = 1; l < line && s->text[off] != '\0'; off++)
		if (s->text[off] == '\n')
			l++;
	for (size_t i = 0; col > 0 && i < s->indent + (size_t)col - 1 &&
	    s->text[off] != '\0' && s->text[off] != '\n'; i++)
		off++;
	return off;
}

static const char *
node_name(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_DOCUMENT: return "document";
	case CMARK_NODE_BLOCK_QUOTE: return "block_quote";
	case CMARK_NODE_LIST: return "list";
	case CMARK_NODE_ITEM: return "item";
	case CMARK_NODE_CODE_BLOCK: return "code_block";
	case CMARK_NODE_PARAGRAPH: return "paragraph";
	case CMARK_NODE_HEADING: return "heading";
	case CMARK_NODE_THEMATIC_BREAK: return "thematic_break";
	case CMARK_NODE_TEXT: return "text";
	case CMARK_NODE_SOFTBREAK: return "softbreak";
	case CMARK_NODE_LINEBREAK: return "linebreak";
	case CMARK_NODE_CODE: return "code";
	case CMARK_NODE_EMPH: return "emph";
	case CMARK_NODE_STRONG: return "strong";
	case CMARK_NODE_LINK: return "link";
	case CMARK_NODE_IMAGE: return "image";
	default: return NULL; /* html_*, custom_*: never spliced */
	}
}

static void
set_attrs(struct splice *s, xmlNodePtr e, cmark_node *n)
{
	char num[32];

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HEADING:
		snprintf(num, sizeof(num), "%d", cmark_node_get_heading_level(n));
		xmlSetProp(e, BAD_CAST "level", BAD_CAST num);
		diag_text(s->p->diags, s->prose, prose_offset(s, n), s->text,
		    SEV_WARNING, RULE_MD_HEADING, "Markdown heading in prose; "
		    "use a <section> so it is numbered and in the table of "
		    "contents");
		break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST) {
			xmlSetProp(e, BAD_CAST "type", BAD_CAST "ordered");
			snprintf(num, sizeof(num), "%d",
			    cmark_node_get_list_start(n));
			xmlSetProp(e, BAD_CAST "start", BAD_CAST num);
			xmlSetProp(e, BAD_CAST "delim", BAD_CAST
			    (cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ?
			    "paren" : "period"));
		} else
			xmlSetProp(e, BAD_CAST "type", BAD_CAST "bullet");
		xmlSetProp(e, BAD_CAST "tight", BAD_CAST
		    (cmark_node_get_list_tight(n) ? "true" : "false"));
		break;
	case CMARK_NODE_CODE_BLOCK: {
		const char *info = cmark_node_get_fence_info(n);

		if (info != NULL && *info != '\0')
			xmlSetProp(e, BAD_CAST "info", BAD_CAST info);
		break;
	}
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(n);
		const char *title = cmark_node_get_title(n);

		if (!link_allowed(url))
			diag_text(s->p->diags, s->prose, prose_offset(s, n),
			    s->text, SEV_WARNING, RULE_MD_LINK_SCHEME,
			    "link to \"%.60s\" removed: only relative, #id, "
			    "http, https and mailto links are allowed", url);
		else if (url[0] == '#' &&
		    xmlHashLookup(s->anchors, BAD_CAST url + 1) == NULL)
			diag_text(s->p->diags, s->prose, prose_offset(s, n),
			    s->text, SEV_ERROR, RULE_REF_ANCHOR,
			    "link to \"%s\": no section, requirement or term "
			    "with that id in this document", url);
		else
			xmlSetProp(e, BAD_CAST "destination", BAD_CAST url);
		if (title != NULL && *title != '\0')
			xmlSetProp(e, BAD_CAST "title", BAD_CAST title);
		break;
	}
	default:
		break;
	}
}

static int
is_inline_container(cmark_node_type type)
{
	return type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG ||
	    type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE;
}

static size_t
markup_count(const char *text)
{
	size_t n = 0;

	for (; *text != '\0'; text++)
		if (strchr(MARKUP_CHARS, *text) != NULL)
			n++;
	return n;
}

/*
 * Replaces the text of prose with the parsed Markdown.  anchors holds
 * the ids of the enclosing document, for #id links.
 */
void
markdown_splice(struct project *p, xmlNodePtr prose, xmlHashTablePtr anchors)
{
	struct splice s = {p, prose, NULL, 0, anchors, NULL};
	char *text = (char *)xmlNodeGetContent(prose), *md;
	cmark_node *doc;
	cmark_iter *it;
	cmark_event_type ev;
	xmlNodePtr parent, top = NULL;
	int depth = 0, inline_depth = 0, failed = 0;
	size_t markup;

	s.text = text;
	if (strlen(text) > LIMIT_MARKDOWN_BYTES) {
		diag_node(p->diags, prose, NULL, SEV_ERROR, RULE_MD_LIMIT,
		    "prose is %zu bytes; the limit is %d (split it into "
		    "sections)", strlen(text), LIMIT_MARKDOWN_BYTES);
		xmlFree(text);
		return;
	}
	/* The nodes of a run's Markdown live until it ends: bound them all. */
	if ((p->markdown_bytes += strlen(text)) > LIMIT_RUN_MARKDOWN_BYTES) {
		if (p->markdown_bytes - strlen(text) <= LIMIT_RUN_MARKDOWN_BYTES)
			diag_node(p->diags, prose, NULL, SEV_ERROR, RULE_MD_LIMIT,
			    "the prose of all sources exceeds %zu bytes; this "
			    "block and the rest are not parsed",
			    LIMIT_RUN_MARKDOWN_BYTES);
		xmlFree(text);
		return;
	}
	if ((markup = markup_count(text)) > MARKUP_LIMIT) {
		diag_node(p->diags, prose, NULL, SEV_ERROR, RULE_MD_LIMIT,
		    "prose has %zu Markdown markup characters (* _ ` [ ] ! < & "
		    "\\); the limit is %d (split it into sections)", markup,
		    MARKUP_LIMIT);
		xmlFree(text);
		return;
	}
	s.ns = xmlSearchNsByHref(prose->doc, xmlDocGetRootElement(prose->doc),
	    NS_COMMONMARK);
	md = dedent(text, &s.indent);
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_VALIDATE_UTF8);
	it = cmark_iter_new(doc);
	parent = NULL;
	while (!failed && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *name = node_name(n);
		cmark_node_type type = cmark_node_get_type(n);

		if (type == CMARK_NODE_HTML_BLOCK ||
		    type == CMARK_NODE_HTML_INLINE) {
			diag_text(p->diags, prose, prose_offset(&s, n), text,
			    SEV_WARNING, RULE_MD_RAW_HTML, "raw HTML in "
			    "Markdown is dropped from every output");
			continue;
		}
		if (name == NULL)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			parent = parent->parent;
			if (type == CMARK_NODE_BLOCK_QUOTE ||
			    type == CMARK_NODE_LIST)
				depth--;
			else if (is_inline_container(type))
				inline_depth--;
			continue;
		}
		if (type == CMARK_NODE_IMAGE) {
			diag_text(p->diags, prose, prose_offset(&s, n), text,
			    SEV_WARNING, RULE_MD_IMAGE, "images are not "
			    "supported in prose; only the alt text is kept");
			name = "emph";
		}
		/* Levels are block quotes and lists, as a writer counts. */
		if ((type == CMARK_NODE_BLOCK_QUOTE ||
		    type == CMARK_NODE_LIST) && ++depth > LIMIT_MARKDOWN_DEPTH) {
			diag_text(p->diags, prose, prose_offset(&s, n), text,
			    SEV_ERROR, RULE_MD_LIMIT, "Markdown nested deeper "
			    "than %d levels", LIMIT_MARKDOWN_DEPTH);
			failed = 1;
			break;
		}
		/* Deeper inlines only feed recursive walkers downstream. */
		if (is_inline_container(type) &&
		    ++inline_depth > LIMIT_MARKDOWN_DEPTH) {
			diag_text(p->diags, prose, prose_offset(&s, n), text,
			    SEV_ERROR, RULE_MD_LIMIT, "Markdown emphasis and links "
			    "nested deeper than %d levels", LIMIT_MARKDOWN_DEPTH);
			failed = 1;
			break;
		}
		xmlNodePtr e = xmlNewDocNode(prose->doc, s.ns, BAD_CAST name,
		    NULL);
		const char *literal = cmark_node_get_literal(n);

		if (literal != NULL && type != CMARK_NODE_IMAGE)
			xmlNodeAddContent(e, BAD_CAST literal);
		if (type != CMARK_NODE_IMAGE)
			set_attrs(&s, e, n);
		if (parent == NULL)
			top = e;
		else
			xmlAddChild(parent, e);
		/* Leaves get no EXIT event; containers become the parent. */
		if (type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE &&
		    type != CMARK_NODE_CODE_BLOCK &&
		    type != CMARK_NODE_SOFTBREAK &&
		    type != CMARK_NODE_LINEBREAK &&
		    type != CMARK_NODE_THEMATIC_BREAK)
			parent = e;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	free(md);
	if (failed || top == NULL) {
		xmlFreeNode(top);
	} else {
		/* The text is replaced by its tree; positions stay known. */
		xmlNodeSetContent(prose, NULL);
		xmlAddChild(prose, top);
	}
	xmlFree(text);
}

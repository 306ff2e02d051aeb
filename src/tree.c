/* SPDX-License-Identifier: ISC */
/*
 * tree.c - small accessors for the project tree, shared by the stages
 * that read it: elements of the styrdok namespace, their children and
 * attributes, and the root element of a source by kind and id.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "styrdok.h"

/* Whether n is the element name in the styrdok namespace. */
int
tree_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, NS_STYRDOK) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

/* The first child element name of n, or NULL. */
xmlNodePtr
tree_child(xmlNodePtr n, const char *name)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (tree_is(n, name))
			return n;
	return NULL;
}

/* Attribute name of n as a string the caller frees, or NULL. */
char *
tree_prop(xmlNodePtr n, const char *name)
{
	return n ? (char *)xmlGetProp(n, BAD_CAST name) : NULL;
}

/* The root element of kind (document, case, ...) with this id, or NULL. */
xmlNodePtr
tree_find(struct project *p, const char *kind, const char *id)
{
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);
		xmlChar *tid;
		int match;

		if (!tree_is(top, kind))
			continue;
		tid = xmlGetProp(top, BAD_CAST "id");
		match = xmlStrEqual(tid, BAD_CAST id);
		xmlFree(tid);
		if (match)
			return top;
	}
	return NULL;
}

/*
 * What an id of a source left out for schema errors maps to in the ids
 * table: no element (its type is not one), so references to it are
 * neither followed nor reported.
 */
xmlNode tree_left_out = {.type = XML_COMMENT_NODE};

struct hint_scan {
	const char *kind;
	const char **v;
	size_t n;
};

static void
hint_collect(void *payload, void *data, const xmlChar *name)
{
	struct hint_scan *h = data;

	if (!tree_is(payload, h->kind))
		return;
	h->v = xrealloc(h->v, (h->n + 1) * sizeof(*h->v));
	h->v[h->n++] = (const char *)name;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds fmt to en in English and to local in the user's language. */
static void
hint_printf(struct buf *en, struct buf *local, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
hint_printf(struct buf *en, struct buf *local, const char *fmt, ...)
{
	va_list ap, again;
	char *s;

	va_start(ap, fmt);
	va_copy(again, ap);
	if (vasprintf(&s, fmt, ap) >= 0) {
		buf_adds(en, s);
		free(s);
	}
	if (vasprintf(&s, gettext(fmt), again) >= 0) {
		buf_adds(local, s);
		free(s);
	}
	va_end(again);
	va_end(ap);
}

/*
 * What to tell someone who wrote bad where an id of kind was wanted:
 * "; did you mean \"X\"?" with the nearest id of that kind, else the
 * ids there are (up to 12), else that none is declared (bilingual, see
 * bilingual()).  ids maps every id of the project to its element.  The
 * caller frees the string.
 */
char *
tree_hint(xmlHashTablePtr ids, const char *kind, const char *bad)
{
	struct hint_scan h = {kind, NULL, 0};
	const char *near;
	struct buf en = {0}, local = {0};
	char *hint;

	if (ids != NULL)
		xmlHashScan(ids, hint_collect, &h);
	if (h.n == 0)
		hint_printf(&en, &local, "; no <%s> with an id is declared",
		    kind);
	else {
		qsort(h.v, h.n, sizeof(*h.v), cmp_str);
		if ((near = closest_word(bad, h.v, h.n)) != NULL)
			hint_printf(&en, &local, "; did you mean \"%s\"?",
			    near);
		else {
			hint_printf(&en, &local, "; use one of: ");
			for (size_t i = 0; i < h.n && i < 12; i++)
				hint_printf(&en, &local, "%s%s", i ? ", " : "",
				    h.v[i]);
			if (h.n > 12)
				hint_printf(&en, &local, " (and %zu more)",
				    h.n - 12);
		}
	}
	free(h.v);
	hint = bilingual(en.data, local.data);
	buf_free(&en);
	buf_free(&local);
	return hint;
}

static void
ids_of_kind(xmlHashTablePtr h, xmlNodePtr n, const char *kind)
{
	for (; n != NULL; n = n->next) {
		char *id;

		if (!tree_is(n, kind) && n->type == XML_ELEMENT_NODE) {
			ids_of_kind(h, n->children, kind);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((id = tree_prop(n, "id")) != NULL)
			xmlHashAddEntry(h, BAD_CAST id, n);
		free(id);
	}
}

/*
 * tree_hint() for a value given on the command line: the ids of every
 * element named kind in p's tree (documents, organs, cases, systems).
 */
char *
tree_hint_in(struct project *p, const char *kind, const char *bad)
{
	xmlHashTablePtr h = xmlHashCreate(64);
	char *shown = text_clip(bad, 60), *hint;

	ids_of_kind(h, xmlDocGetRootElement(p->tree)->children, kind);
	hint = tree_hint(h, kind, shown);
	xmlHashFree(h, NULL);
	free(shown);
	return hint;
}

/*
 * The element that attribute attr of n names, when it is of kind; else
 * an error (rule, "does not name <what>") and NULL.  ids maps every id
 * of the project to its element.
 */
xmlNodePtr
tree_ref(struct diags *d, xmlHashTablePtr ids, xmlNodePtr n, const char *attr,
    const char *kind, enum rule rule, const char *what)
{
	char *id = tree_prop(n, attr);
	xmlNodePtr t;

	if (id == NULL)
		return NULL;
	t = xmlHashLookup(ids, BAD_CAST id);
	if (t == TREE_LEFT_OUT)
		t = NULL;
	else if (!tree_is(t, kind)) {
		char *shown = text_clip(id, 60);
		char *hint = tree_hint(ids, kind, shown);
		char *named = bilingual(what, gettext(what));

		diag_node(d, n, attr, SEV_ERROR, rule,
		    "%s=\"%s\" does not name %s%s", attr, shown, named, hint);
		free(named);
		free(hint);
		free(shown);
		t = NULL;
	}
	free(id);
	return t;
}

/*
 * The root elements named kind of the project's sources, in source
 * order; NULL kind means every source.  *n is their number; the caller
 * frees the array.
 */
xmlNodePtr *
tree_sources(struct project *p, const char *kind, size_t *n)
{
	xmlNodePtr *v = NULL;

	*n = 0;
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);

		if (s->type != XML_ELEMENT_NODE || top == NULL ||
		    (kind != NULL && !tree_is(top, kind)))
			continue;
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = top;
	}
	return v;
}

/* Whether some source has a root element named kind. */
int
tree_has_source(struct project *p, const char *kind)
{
	size_t n;
	xmlNodePtr *v = tree_sources(p, kind, &n);

	free(v);
	return n > 0;
}

/*
 * The text of field name in doc's <meta> ("" when there is none), as a
 * string the caller frees with free().
 */
char *
tree_meta(xmlNodePtr doc, const char *name)
{
	xmlChar *v = xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    name));
	char *s = xstrdup(v ? (char *)v : "");

	xmlFree(v);
	return s;
}

/*
 * diff.c - the redline between two versions of a document, as marks in
 * the tree.  Each version is flattened into units in reading order:
 * section headings, prose blocks (paragraphs, list items, quotes, code),
 * requirements and defined terms.  Units with ids (sections,
 * requirements, terms) are matched by id; the rest by their text.  The
 * longest common subsequence of the matched units gives the order both
 * versions share; a matched unit outside it has moved.  A removed prose
 * block next to an added one is a changed block, shown word by word.
 *
 * The result is a <diff> element added to the project tree: a summary of
 * the changes readers care about (requirements added, removed, reworded
 * or given another role; sections added, removed, moved, renamed;
 * metadata), and the merged units with their marks.  The stylesheets of
 * every format render it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "styrdok.h"

enum unit_kind { U_HEADING, U_PROSE, U_REQUIREMENT, U_TERM };

static const char *const kind_names[] = {"heading", "prose", "requirement",
    "term"};

struct unit {
	enum unit_kind kind;
	char *id;		/* sections, requirements, terms; else NULL */
	char *text;		/* what is compared */
	char *extra;		/* requirement: role; heading: level */
	xmlNodePtr node;	/* the element in its version's tree */
	const char *section;	/* id of the enclosing section */
	int match;		/* index in the other version, or -1 */
	int in_order;		/* part of the common order */
};

struct units {
	struct unit *v;
	size_t n;
};

static int
is_in(xmlNodePtr n, const char *ns, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, BAD_CAST ns) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}


/* Text with runs of white space made one space, trimmed. */
static char *
squeeze(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
			space = o != out;
		else {
			if (space)
				*o++ = ' ';
			space = 0;
			*o++ = *s;
		}
	}
	*o = '\0';
	return out;
}

/* The text below n; a Markdown line break counts as a space. */
static void
collect_text(struct buf *b, xmlNodePtr n)
{
	for (; n != NULL; n = n->next)
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			buf_adds(b, n->content ? (char *)n->content : "");
		else if (n->type == XML_ELEMENT_NODE &&
		    (xmlStrEqual(n->name, BAD_CAST "softbreak") ||
		    xmlStrEqual(n->name, BAD_CAST "linebreak")))
			buf_add(b, " ", 1);
		else if (n->type == XML_ELEMENT_NODE)
			collect_text(b, n->children);
}

static char *
content(xmlNodePtr n)
{
	struct buf b = {0};
	char *s;

	buf_add(&b, "", 0);
	/* An absent field (n is NULL) compares as empty. */
	if (n != NULL && (n->type == XML_TEXT_NODE ||
	    n->type == XML_CDATA_SECTION_NODE))
		buf_adds(&b, n->content ? (char *)n->content : "");
	else if (n != NULL)
		collect_text(&b, n->children);
	s = squeeze(b.data);
	buf_free(&b);
	return s;
}

static void
add(struct units *u, enum unit_kind kind, xmlNodePtr node, char *id,
    char *text, char *extra, const char *section)
{
	u->v = xrealloc(u->v, (u->n + 1) * sizeof(*u->v));
	u->v[u->n++] = (struct unit){kind, id, text, extra, node, section, -1,
	    0};
}

/* The blocks of a prose element: paragraphs, list items, code, quotes. */
static void
flatten_blocks(struct units *u, xmlNodePtr n, const char *section)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_in(n, (const char *)NS_COMMONMARK, "list") ||
		    is_in(n, (const char *)NS_COMMONMARK, "block_quote") ||
		    is_in(n, (const char *)NS_COMMONMARK, "document"))
			flatten_blocks(u, n->children, section);
		else if (is_in(n, (const char *)NS_COMMONMARK, "item")) {
			/* An item is one block, with any nested list after. */
			xmlNodePtr first = xmlFirstElementChild(n);

			add(u, U_PROSE, n, NULL, first ? content(first) :
			    xstrdup(""), xstrdup("item"), section);
			for (xmlNodePtr c = first ? first->next : NULL; c;
			    c = c->next)
				flatten_blocks(u, c, section);
		} else
			add(u, U_PROSE, n, NULL, content(n), NULL, section);
	}
}

static void
flatten(struct units *u, xmlNodePtr n, int level, const char *section)
{
	for (; n != NULL; n = n->next) {
		if (is_in(n, (const char *)NS_STYRDOK, "section")) {
			char *id = (char *)xmlGetProp(n, BAD_CAST "id");

			add(u, U_HEADING, n, id, content(tree_child(n, "title")),
			    xasprintf("%d", level), id);
			flatten(u, n->children, level + 1, id);
		} else if (is_in(n, (const char *)NS_STYRDOK, "prose")) {
			flatten_blocks(u, n->children, section);
		} else if (is_in(n, (const char *)NS_STYRDOK, "requirement")) {
			add(u, U_REQUIREMENT, n,
			    (char *)xmlGetProp(n, BAD_CAST "id"),
			    content(tree_child(n, "statement")),
			    (char *)xmlGetProp(n, BAD_CAST "role"), section);
			flatten_blocks(u, tree_child(n, "prose") ?
			    tree_child(n, "prose")->children : NULL, section);
		} else if (is_in(n, (const char *)NS_STYRDOK, "definitions")) {
			for (xmlNodePtr t = n->children; t; t = t->next)
				if (is_in(t, (const char *)NS_STYRDOK, "term")) {
					char *name = content(tree_child(t, "name"));
					char *def = content(tree_child(t,
					    "definition"));

					add(u, U_TERM, t,
					    (char *)xmlGetProp(t, BAD_CAST "id"),
					    xasprintf("%s: %s", name, def), NULL,
					    section);
					free(name);
					free(def);
				}
		}
	}
}

static void
units_free(struct units *u)
{
	for (size_t i = 0; i < u->n; i++) {
		free(u->v[i].id);
		free(u->v[i].text);
		free(u->v[i].extra);
	}
	free(u->v);
}

/* Matches by id first, then units of the same kind by equal text. */
static void
match(struct units *a, struct units *b)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; a->v[i].id && j < b->n; j++)
			if (b->v[j].match < 0 && b->v[j].id &&
			    a->v[i].kind == b->v[j].kind &&
			    strcmp(a->v[i].id, b->v[j].id) == 0) {
				a->v[i].match = (int)j;
				b->v[j].match = (int)i;
				break;
			}
	for (size_t i = 0; i < a->n; i++)
		for (size_t j = 0; a->v[i].match < 0 && j < b->n; j++)
			if (b->v[j].match < 0 && a->v[i].kind == b->v[j].kind &&
			    strcmp(a->v[i].text, b->v[j].text) == 0) {
				a->v[i].match = (int)j;
				b->v[j].match = (int)i;
			}
}

/*
 * Marks the matched pairs that keep their relative order: the longest
 * increasing run of b-indexes over a, O(n log n).
 */
static void
common_order(struct units *a, struct units *b)
{
	size_t n = a->n, len = 0;
	int *tail = xcalloc(n + 1, sizeof(int)), *prev = xcalloc(n + 1,
	    sizeof(int));

	for (size_t i = 0; i < n; i++) {
		size_t lo = 0, hi = len;

		prev[i] = -1;
		if (a->v[i].match < 0)
			continue;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;

			if (a->v[tail[mid]].match < a->v[i].match)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo > 0 ? tail[lo - 1] : -1;
		tail[lo] = (int)i;
		if (lo == len)
			len++;
	}
	for (int i = len ? tail[len - 1] : -1; i >= 0; i = prev[i]) {
		a->v[i].in_order = 1;
		b->v[a->v[i].match].in_order = 1;
	}
	free(tail);
	free(prev);
}

/* ---- words ------------------------------------------------------------ */

struct tokens {
	char **v;
	size_t n;
};

/* Words, spaces and single punctuation marks. */
static void
tokenize(const char *s, struct tokens *t)
{
	while (*s) {
		const char *start = s;
		unsigned char c = (unsigned char)*s;

		if (c == ' ')
			while (*s == ' ')
				s++;
		else if (c >= 0x80 || (c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			while (*s && ((unsigned char)*s >= 0x80 ||
			    (*s >= '0' && *s <= '9') ||
			    ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')))
				s++;
		else
			s++;
		t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
		t->v[t->n++] = strndup(start, (size_t)(s - start));
	}
}

static void
tokens_free(struct tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

static void
emit(xmlNodePtr parent, const char *op, const char *s)
{
	xmlNodePtr last = parent->last;

	/* Runs of the same kind become one node. */
	if (op == NULL && last != NULL && last->type == XML_TEXT_NODE) {
		xmlNodeAddContent(last, BAD_CAST s);
		return;
	}
	if (op != NULL && last != NULL && xmlStrEqual(last->name, BAD_CAST op) &&
	    last->type == XML_ELEMENT_NODE) {
		xmlNodeAddContent(last, BAD_CAST s);
		return;
	}
	if (op == NULL)
		xmlAddChild(parent, xmlNewText(BAD_CAST s));
	else
		xmlNewTextChild(parent, parent->ns, BAD_CAST op, BAD_CAST s);
}

/*
 * Appends to parent the word diff of old and new: text, <ins>, <del>.
 * Very long texts are shown as deleted and inserted whole.
 */
static void
word_diff(xmlNodePtr parent, const char *old, const char *new)
{
	struct tokens a = {0}, b = {0};
	unsigned short *dp;

	tokenize(old, &a);
	tokenize(new, &b);
	if ((a.n + 1) * (b.n + 1) > 4000000) {
		emit(parent, "del", old);
		emit(parent, "ins", new);
		goto out;
	}
	/* dp[i][j]: common tokens of a[i..] and b[j..]. */
	dp = xcalloc((a.n + 1) * (b.n + 1), sizeof(*dp));
#define DP(i, j) dp[(i) * (b.n + 1) + (j)]
	for (size_t i = a.n; i-- > 0;)
		for (size_t j = b.n; j-- > 0;)
			DP(i, j) = strcmp(a.v[i], b.v[j]) == 0 ?
			    DP(i + 1, j + 1) + 1 : DP(i + 1, j) > DP(i, j + 1) ?
			    DP(i + 1, j) : DP(i, j + 1);
	size_t i = 0, j = 0;

	while (i < a.n || j < b.n) {
		if (i < a.n && j < b.n && strcmp(a.v[i], b.v[j]) == 0) {
			emit(parent, NULL, b.v[j]);
			i++;
			j++;
		} else if (i < a.n && (j == b.n || DP(i + 1, j) >= DP(i, j + 1)))
			emit(parent, "del", a.v[i++]);	/* deleted words first */
		else
			emit(parent, "ins", b.v[j++]);
	}
#undef DP
	free(dp);
out:
	tokens_free(&a);
	tokens_free(&b);
}

/* ---- the marked tree --------------------------------------------------- */

struct diff {
	xmlNodePtr root;	/* <diff> */
	xmlNodePtr summary, units;
	int changes;
};

static xmlNodePtr
new_unit(struct diff *d, const struct unit *u, const char *change)
{
	xmlNodePtr e = xmlNewChild(d->units, d->units->ns, BAD_CAST "unit",
	    NULL);
	char *num;

	xmlSetProp(e, BAD_CAST "kind", BAD_CAST kind_names[u->kind]);
	xmlSetProp(e, BAD_CAST "change", BAD_CAST change);
	if (u->id != NULL)
		xmlSetProp(e, BAD_CAST "ref", BAD_CAST u->id);
	if (u->kind == U_HEADING)
		xmlSetProp(e, BAD_CAST "level", BAD_CAST u->extra);
	if (u->kind == U_PROSE && u->extra != NULL)
		xmlSetProp(e, BAD_CAST "item", BAD_CAST "yes");
	if ((num = (char *)xmlGetProp(u->node, BAD_CAST "num")) != NULL)
		xmlSetProp(e, BAD_CAST "num", BAD_CAST num);
	xmlFree(num);
	return e;
}

static void
summary(struct diff *d, const char *kind, const struct unit *u,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
summary(struct diff *d, const char *kind, const struct unit *u,
    const char *fmt, ...)
{
	va_list ap;
	char *msg;
	xmlNodePtr c;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	c = xmlNewTextChild(d->summary, d->summary->ns, BAD_CAST "change",
	    BAD_CAST(msg ? msg : ""));
	xmlSetProp(c, BAD_CAST "kind", BAD_CAST kind);
	if (u != NULL && u->id != NULL)
		xmlSetProp(c, BAD_CAST "ref", BAD_CAST u->id);
	free(msg);
	d->changes++;
}

/* A unit as it stands, with its text (the version's own rendering). */
static void
plain_unit(struct diff *d, const struct unit *u, const char *change)
{
	xmlNodePtr e = new_unit(d, u, change);

	if (u->kind == U_REQUIREMENT && u->extra != NULL)
		xmlSetProp(e, BAD_CAST "role", BAD_CAST u->extra);
	xmlNewTextChild(e, e->ns, BAD_CAST "text", BAD_CAST u->text);
}

/*
 * Whether unit n moved only because its section moved (then the section
 * is the move, not each paragraph in it).  sections: the new version.
 */
static int
moved_with_section(const struct units *b, const struct unit *n)
{
	if (n->section == NULL || n->kind == U_HEADING)
		return 0;
	for (size_t j = 0; j < b->n; j++)
		if (b->v[j].kind == U_HEADING &&
		    strcmp(b->v[j].id, n->section) == 0)
			return b->v[j].match >= 0 && !b->v[j].in_order;
	return 0;
}

/* A unit present in both versions: same, changed or moved. */
static void
pair_unit(struct diff *d, const struct units *b, const struct unit *o,
    const struct unit *n)
{
	int text_changed = strcmp(o->text, n->text) != 0;
	int role_changed = n->kind == U_REQUIREMENT && o->extra && n->extra &&
	    strcmp(o->extra, n->extra) != 0;
	int moved = !n->in_order && !moved_with_section(b, n);
	const char *change = moved ? "moved" :
	    (text_changed || role_changed) ? "changed" : "same";
	xmlNodePtr e = new_unit(d, n, change), t;

	if (n->kind == U_REQUIREMENT) {
		xmlSetProp(e, BAD_CAST "role", BAD_CAST n->extra);
		if (role_changed)
			xmlSetProp(e, BAD_CAST "old-role", BAD_CAST o->extra);
	}
	t = xmlNewChild(e, e->ns, BAD_CAST "text", NULL);
	if (text_changed)
		word_diff(t, o->text, n->text);
	else
		xmlNodeAddContent(t, BAD_CAST n->text);
	if (n->kind == U_HEADING && !n->in_order)
		summary(d, "section-moved", n, "Avsnittet \"%s\" har flyttats.",
		    n->text);
	if (n->kind == U_HEADING && text_changed)
		summary(d, "section-renamed", n, "Avsnittet \"%s\" heter nu "
		    "\"%s\".", o->text, n->text);
	if (n->kind == U_REQUIREMENT && text_changed)
		summary(d, "requirement-reworded", n, "Kravet %s har ny "
		    "lydelse.", n->id);
	if (role_changed)
		summary(d, "requirement-role", n, "Kravet %s har fått en annan "
		    "ansvarig roll.", n->id);
	if (n->kind == U_TERM && text_changed)
		summary(d, "term-changed", n, "Begreppet %s har ändrats.",
		    n->id);
}

static void
gone_unit(struct diff *d, const struct unit *o, int prose_changed)
{
	plain_unit(d, o, "removed");
	if (o->kind == U_REQUIREMENT)
		summary(d, "requirement-removed", o, "Kravet %s är borttaget: "
		    "%s", o->id, o->text);
	else if (o->kind == U_HEADING)
		summary(d, "section-removed", o, "Avsnittet \"%s\" är "
		    "borttaget.", o->text);
	else if (o->kind == U_TERM)
		summary(d, "term-removed", o, "Begreppet %s är borttaget.",
		    o->id);
	else if (!prose_changed)
		d->changes++;
}

static void
new_unit_added(struct diff *d, const struct unit *n)
{
	plain_unit(d, n, "added");
	if (n->kind == U_REQUIREMENT)
		summary(d, "requirement-added", n, "Nytt krav %s: %s", n->id,
		    n->text);
	else if (n->kind == U_HEADING)
		summary(d, "section-added", n, "Nytt avsnitt \"%s\".", n->text);
	else if (n->kind == U_TERM)
		summary(d, "term-added", n, "Nytt begrepp %s.", n->id);
	else
		d->changes++;
}

/*
 * Walks both sequences in step: units of the old version that are not in
 * the common order are emitted where they stood (removed, or "moved
 * away"), then the new version's units.
 */
static void
merge(struct diff *d, struct units *a, struct units *b)
{
	size_t i = 0, j = 0;
	int prose_edits = 0;

	while (i < a->n || j < b->n) {
		/* Old units before the next shared one. */
		while (i < a->n && !a->v[i].in_order) {
			const struct unit *o = &a->v[i];

			if (o->match >= 0) {
				if (o->kind == U_HEADING)
					plain_unit(d, o, "moved-away");
			} else if (o->kind == U_PROSE && j < b->n &&
			    b->v[j].kind == U_PROSE && b->v[j].match < 0) {
				/* A paragraph rewritten in place. */
				const struct unit *n = &b->v[j++];
				xmlNodePtr e = new_unit(d, n, "changed");

				word_diff(xmlNewChild(e, e->ns, BAD_CAST "text",
				    NULL), o->text, n->text);
				prose_edits++;
			} else
				gone_unit(d, o, 0);
			i++;
		}
		/* New units before the next shared one. */
		while (j < b->n && !b->v[j].in_order) {
			const struct unit *n = &b->v[j];

			if (n->match >= 0)
				pair_unit(d, b, &a->v[n->match], n);
			else
				new_unit_added(d, n);
			j++;
		}
		if (i < a->n && j < b->n) {
			pair_unit(d, b, &a->v[i], &b->v[j]);
			i++;
			j++;
		}
	}
	if (prose_edits > 0) {
		char num[16];
		xmlNodePtr c;

		snprintf(num, sizeof(num), "%d", prose_edits);
		c = xmlNewTextChild(d->summary, d->summary->ns,
		    BAD_CAST "change", BAD_CAST num);
		xmlSetProp(c, BAD_CAST "kind", BAD_CAST "prose-changed");
		d->changes++;
	}
}

/* Metadata readers care about: field label, old and new value. */
static void
meta_changes(struct diff *d, xmlNodePtr old, xmlNodePtr new)
{
	static const char *const fields[] = {"title", "version", "status",
	    "applies-to", "valid-from", "review-by"};
	static const char *const labels[] = {"Titel", "Version", "Status",
	    "Gäller för", "Giltig från", "Revideras senast"};
	xmlNodePtr om = tree_child(old, "meta"), nm = tree_child(new, "meta");

	for (size_t f = 0; f < sizeof(fields) / sizeof(*fields); f++) {
		char *a = content(tree_child(om, fields[f]));
		char *b = content(tree_child(nm, fields[f]));

		if (strcmp(a, b) != 0) {
			xmlNodePtr c = xmlNewChild(d->summary, d->summary->ns,
			    BAD_CAST "meta", NULL);

			xmlSetProp(c, BAD_CAST "field", BAD_CAST fields[f]);
			xmlSetProp(c, BAD_CAST "label", BAD_CAST labels[f]);
			xmlSetProp(c, BAD_CAST "old", BAD_CAST a);
			xmlSetProp(c, BAD_CAST "new", BAD_CAST b);
			/* A new version number alone is not a change. */
			if (strcmp(fields[f], "version") != 0 &&
			    strcmp(fields[f], "status") != 0)
				d->changes++;
		}
		free(a);
		free(b);
	}
	static const char *const attrs[][2] = {{"owner", "role"},
	    {"decision", "organ"}};
	static const char *const alabels[] = {"Dokumentansvarig",
	    "Fastställs av"};

	for (size_t f = 0; f < 2; f++) {
		xmlChar *a = xmlGetProp(tree_child(om, attrs[f][0]),
		    BAD_CAST attrs[f][1]);
		xmlChar *b = xmlGetProp(tree_child(nm, attrs[f][0]),
		    BAD_CAST attrs[f][1]);

		if (!xmlStrEqual(a, b)) {
			xmlNodePtr c = xmlNewChild(d->summary, d->summary->ns,
			    BAD_CAST "meta", NULL);

			xmlSetProp(c, BAD_CAST "field", BAD_CAST attrs[f][0]);
			xmlSetProp(c, BAD_CAST "label", BAD_CAST alabels[f]);
			xmlSetProp(c, BAD_CAST "old", a ? a : BAD_CAST "");
			xmlSetProp(c, BAD_CAST "new", b ? b : BAD_CAST "");
			d->changes++;
		}
		xmlFree(a);
		xmlFree(b);
	}
}

/*
 * Compares the enriched documents old and new and adds the marked
 * <diff> to the project tree.  Returns the number of changes (0: equal).
 */
int
diff_documents(xmlDocPtr tree, xmlNodePtr old, xmlNodePtr new,
    const char *old_label, const char *new_label)
{
	xmlNodePtr root = xmlDocGetRootElement(tree);
	struct units a = {0}, b = {0};
	struct diff d = {0};
	xmlChar *id = xmlGetProp(new, BAD_CAST "id");

	d.root = xmlNewChild(root, root->ns, BAD_CAST "diff", NULL);
	xmlSetProp(d.root, BAD_CAST "doc", id);
	xmlFree(id);
	/* The new version may not be in the project: name it here. */
	for (size_t f = 0; f < 2; f++) {
		static const char *const field[] = {"title", "version"};
		char *v = content(tree_child(tree_child(new, "meta"), field[f]));

		xmlSetProp(d.root, BAD_CAST field[f], BAD_CAST v);
		free(v);
	}
	xmlSetProp(d.root, BAD_CAST "old", BAD_CAST old_label);
	xmlSetProp(d.root, BAD_CAST "new", BAD_CAST new_label);
	d.summary = xmlNewChild(d.root, root->ns, BAD_CAST "summary", NULL);
	d.units = xmlNewChild(d.root, root->ns, BAD_CAST "units", NULL);
	meta_changes(&d, old, new);
	flatten(&a, tree_child(old, "body") ? tree_child(old, "body")->children : NULL,
	    2, NULL);
	flatten(&b, tree_child(new, "body") ? tree_child(new, "body")->children : NULL,
	    2, NULL);
	match(&a, &b);
	common_order(&a, &b);
	merge(&d, &a, &b);
	xmlSetProp(d.root, BAD_CAST "equal", BAD_CAST(d.changes ? "no" :
	    "yes"));
	units_free(&a);
	units_free(&b);
	return d.changes;
}

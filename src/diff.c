/* SPDX-License-Identifier: ISC */
/*
 * diff.c - the redline between two versions of a document, as marks on
 * a copy of the new version.  The bodies are compared level by level:
 * sections, requirements and terms are matched by id (anywhere in the
 * document, so a move is seen as one), other blocks (paragraphs, lists,
 * items, quotes) by their content along a longest common subsequence,
 * and a removed block next to an added one of the same kind is a
 * changed block.  Inside a changed block the words are compared, and
 * the inline markup (emphasis, links, code) of both versions is kept.
 *
 * The result, appended to the project tree for the stylesheets, is
 *
 *   <redline doc old new equal sha256>
 *     <previous><meta>...</meta></previous>   the old version's metadata
 *     <changes><change kind ref num>...</changes>   data for the summary
 *     <document>...</document>                the new version, marked
 *   </redline>
 *
 * with marks in the change namespace (NS_CHANGE, prefix c): c:change on
 * an element ("inserted", "deleted", "moved", "moved-away", "changed"),
 * c:old-NAME for an attribute that changed, c:old on a metadata field,
 * and c:ins / c:del elements around words inside text.  A deleted block
 * is a copy of the old one, put where it stood.  Each format's document
 * stylesheet renders the marks; the summary sentences are the
 * stylesheets' (common/redline.xsl), not this file's.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "styrdok.h"

/* Above this many cells a comparison table is not built (see lcs). */
#define LCS_CELLS 4000000

struct redline {
	xmlNodePtr root;	/* <redline> */
	xmlNodePtr changes;	/* <changes> */
	xmlNsPtr cns;		/* the change namespace, declared on root */
	xmlHashTablePtr old_ids, new_ids; /* id -> section/requirement/term */
	int count;		/* changes a reader would count */
	int prose;		/* prose blocks changed, added or removed */
};

/* ---- what the nodes are ------------------------------------------------ */

static int
is_md(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, NS_COMMONMARK) &&
	    (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

/* Sections, requirements and terms: matched by their id. */
static int
is_keyed(xmlNodePtr n)
{
	return tree_is(n, "section") || tree_is(n, "requirement") ||
	    tree_is(n, "term");
}

/* Blocks whose content is text and inline markup: compared by words. */
static int
is_text_block(xmlNodePtr n)
{
	return is_md(n, "paragraph") || is_md(n, "heading") ||
	    is_md(n, "code_block");
}

/* Blocks that hold other blocks: compared child by child. */
static int
is_container(xmlNodePtr n)
{
	static const char *const s_names[] = {"body", "section", "prose",
	    "requirement", "definitions", "term"};
	static const char *const md_names[] = {"document", "block_quote",
	    "item", "list"};

	for (size_t i = 0; i < sizeof(s_names) / sizeof(*s_names); i++)
		if (tree_is(n, s_names[i]))
			return 1;
	for (size_t i = 0; i < sizeof(md_names) / sizeof(*md_names); i++)
		if (is_md(n, md_names[i]))
			return 1;
	return 0;
}

/* The text fields of an element that are compared by words, not blocks. */
static int
is_field_of(xmlNodePtr parent, xmlNodePtr n)
{
	return (tree_is(parent, "section") && tree_is(n, "title")) ||
	    (tree_is(parent, "requirement") && tree_is(n, "statement")) ||
	    (tree_is(parent, "term") && (tree_is(n, "name") ||
	    tree_is(n, "definition")));
}

static int
same_name(xmlNodePtr a, xmlNodePtr b)
{
	return xmlStrEqual(a->name, b->name) &&
	    (a->ns == NULL) == (b->ns == NULL) &&
	    (a->ns == NULL || xmlStrEqual(a->ns->href, b->ns->href));
}

/*
 * The element children of n that are blocks to compare, in order (an
 * array even when there are none, so callers may offset into it).
 */
static xmlNodePtr *
blocks(xmlNodePtr n, size_t *count)
{
	xmlNodePtr *v = xcalloc(1, sizeof(*v));

	*count = 0;
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || is_field_of(n, c))
			continue;
		v = xrealloc(v, (*count + 1) * sizeof(*v));
		v[(*count)++] = c;
	}
	return v;
}

/* ---- text ---------------------------------------------------------------- */

static int
is_space(int c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/*
 * s with every run of white space made one space; trim drops the runs
 * at both ends.  Returns a string the caller frees.
 */
static char *
collapse(const char *s, int trim)
{
	char *out = xmalloc(strlen(s) + 1), *o = out;
	int space = 0;

	for (; *s; s++) {
		if (is_space((unsigned char)*s)) {
			space = 1;
			continue;
		}
		if (space && (o != out || !trim))
			*o++ = ' ';
		space = 0;
		*o++ = *s;
	}
	if (space && !trim)
		*o++ = ' ';
	*o = '\0';
	return out;
}

/* Appends the text below n to b, leaving out words marked deleted. */
static void
text_below(struct buf *b, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				buf_adds(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !(c->ns != NULL &&
		    xmlStrEqual(c->ns->href, NS_CHANGE) &&
		    xmlStrEqual(c->name, BAD_CAST "del")))
			text_below(b, c);
	}
}

/*
 * The text below n, white space collapsed and trimmed ("" for NULL):
 * for a field of the marked copy, its new text (a summary quotes the
 * new wording, not the old and new words run together).
 */
static char *
text_of(xmlNodePtr n)
{
	struct buf b = {0};
	char *s;

	buf_add(&b, "", 0);
	if (n != NULL)
		text_below(&b, n);
	s = collapse(b.data, 1);
	free(b.data);
	return s;
}

/*
 * A string that is equal for two subtrees exactly when a reader sees the
 * same thing: names, attributes (but not the computed numbering) and
 * collapsed text.
 */
static void
signature(struct buf *b, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			char *t = collapse(n->content ? (char *)n->content :
			    "", 1);

			if (*t != '\0') {
				buf_adds(b, t);
				buf_add(b, "\x1f", 1);
			}
			free(t);
		} else if (n->type == XML_ELEMENT_NODE) {
			buf_printf(b, "<%s", (const char *)n->name);
			for (xmlAttrPtr a = n->properties; a; a = a->next) {
				xmlChar *v;

				if (a->ns != NULL ||
				    xmlStrEqual(a->name, BAD_CAST "num"))
					continue;
				v = xmlNodeGetContent((xmlNodePtr)a);
				buf_printf(b, " %s=%s", (const char *)a->name,
				    v ? (const char *)v : "");
				xmlFree(v);
			}
			buf_add(b, ">", 1);
			signature(b, n->children);
			buf_add(b, "</>", 3);
		}
	}
}

static char *
signature_of(xmlNodePtr n)
{
	struct buf b = {0};

	buf_add(&b, "", 0);
	signature(&b, n->children);
	return b.data;
}

/* ---- longest common subsequence ------------------------------------------ */

typedef int (*equal_fn)(void *ctx, size_t i, size_t j);

/*
 * The pairs (pa[k], pb[k]) of a longest common subsequence of two
 * sequences of lengths na and nb, where eq says whether a[i] equals
 * b[j]; returns their number.  The common start and end are matched
 * first; when what is left would need more than LCS_CELLS cells, no
 * pair is found in it (it shows as removed and added whole).
 */
static size_t
lcs(size_t na, size_t nb, equal_fn eq, void *ctx, size_t *pa, size_t *pb)
{
	size_t head = 0, tail = 0, n = 0, ma, mb;
	unsigned *dp;

	while (head < na && head < nb && eq(ctx, head, head))
		head++;
	while (tail < na - head && tail < nb - head &&
	    eq(ctx, na - 1 - tail, nb - 1 - tail))
		tail++;
	for (size_t k = 0; k < head; k++, n++)
		pa[n] = pb[n] = k;
	ma = na - head - tail;
	mb = nb - head - tail;
	if (ma > 0 && mb > 0 && (ma + 1) * (mb + 1) <= LCS_CELLS) {
		/* dp[i][j]: the common length of a[head+i..] and b[head+j..]. */
		dp = xcalloc((ma + 1) * (mb + 1), sizeof(*dp));
#define DP(i, j) dp[(i) * (mb + 1) + (j)]
		for (size_t i = ma; i-- > 0;)
			for (size_t j = mb; j-- > 0;)
				DP(i, j) = eq(ctx, head + i, head + j) ?
				    DP(i + 1, j + 1) + 1 :
				    DP(i + 1, j) > DP(i, j + 1) ?
				    DP(i + 1, j) : DP(i, j + 1);
		for (size_t i = 0, j = 0; i < ma && j < mb;) {
			if (eq(ctx, head + i, head + j) &&
			    DP(i, j) == DP(i + 1, j + 1) + 1) {
				pa[n] = head + i++;
				pb[n++] = head + j++;
			} else if (DP(i + 1, j) >= DP(i, j + 1))
				i++;
			else
				j++;
		}
#undef DP
		free(dp);
	}
	for (size_t k = 0; k < tail; k++, n++) {
		pa[n] = na - tail + k;
		pb[n] = nb - tail + k;
	}
	return n;
}

/* ---- words ------------------------------------------------------------------ */

/*
 * One token of a text block: a word, a run of spaces, a punctuation
 * mark, or an inline element compared whole (code, a line break).  leaf
 * is where it came from: a text node, or an element of cmark's tree;
 * sig says what it is with its inline markup, so "word" and *word* are
 * different tokens.
 */
struct token {
	char *text;
	xmlNodePtr leaf;
	const char *sig;	/* owned by struct tokens.sigs */
};

struct tokens {
	struct token *v;
	size_t n;
	char **sigs;
	size_t nsigs;
	xmlNodePtr block;
};

static void
token_add(struct tokens *t, const char *s, size_t len, xmlNodePtr leaf,
    const char *sig)
{
	t->v = xrealloc(t->v, (t->n + 1) * sizeof(*t->v));
	t->v[t->n++] = (struct token){strndup(s, len), leaf, sig};
}

static int
is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Splits text into words, runs of spaces, line ends and other marks. */
static void
split(struct tokens *t, const char *s, xmlNodePtr leaf, const char *sig)
{
	while (*s) {
		const char *start = s;

		if (*s == ' ' || *s == '\t')
			while (*s == ' ' || *s == '\t')
				s++;
		else if (is_word_byte((unsigned char)*s))
			while (*s && is_word_byte((unsigned char)*s))
				s++;
		else
			s++;
		token_add(t, start, (size_t)(s - start), leaf, sig);
	}
}

/* The inline markup from the block down to n: "emph/link(url)/...". */
static char *
chain_sig(xmlNodePtr block, xmlNodePtr n, const char *leaf_kind)
{
	struct buf b = {0};

	buf_add(&b, "", 0);
	for (; n != NULL && n != block; n = n->parent) {
		xmlChar *dest = xmlGetProp(n, BAD_CAST "destination");
		xmlChar *title = xmlGetProp(n, BAD_CAST "title");

		buf_printf(&b, "%s(%s|%s)/", (const char *)n->name,
		    dest ? (const char *)dest : "",
		    title ? (const char *)title : "");
		xmlFree(dest);
		xmlFree(title);
	}
	buf_adds(&b, leaf_kind);
	return b.data;
}

static const char *
keep_sig(struct tokens *t, char *sig)
{
	t->sigs = xrealloc(t->sigs, (t->nsigs + 1) * sizeof(*t->sigs));
	t->sigs[t->nsigs++] = sig;
	return sig;
}

/*
 * The tokens below n, a node of block.  In a code block white space is
 * kept as written; elsewhere each run of it is one space (a Markdown
 * soft break is such a space).
 */
static void
tokenize(struct tokens *t, xmlNodePtr n, int verbatim)
{
	for (; n != NULL; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			const char *sig = keep_sig(t, chain_sig(t->block,
			    n->parent, "text"));
			char *s = verbatim ? xstrdup(n->content ?
			    (char *)n->content : "") : collapse(n->content ?
			    (char *)n->content : "", n->parent == t->block);

			/* A leading text node of a field keeps no space. */
			split(t, s, n, sig);
			free(s);
		} else if (is_md(n, "text")) {
			xmlChar *c = xmlNodeGetContent(n);
			char *s = collapse(c ? (char *)c : "", 0);

			split(t, s, n, keep_sig(t, chain_sig(t->block,
			    n->parent, "text")));
			free(s);
			xmlFree(c);
		} else if (is_md(n, "softbreak")) {
			token_add(t, " ", 1, n, keep_sig(t, chain_sig(t->block,
			    n->parent, "text")));
		} else if (is_md(n, "emph") || is_md(n, "strong") ||
		    is_md(n, "link")) {
			tokenize(t, n->children, verbatim);
		} else if (n->type == XML_ELEMENT_NODE) {
			/* code, line break, image: one token each. */
			xmlChar *c = xmlNodeGetContent(n);

			token_add(t, c ? (char *)c : "", c ? strlen((char *)c) :
			    0, n, keep_sig(t, chain_sig(t->block, n->parent,
			    (const char *)n->name)));
			xmlFree(c);
		}
	}
}

static void
tokens_free(struct tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	for (size_t i = 0; i < t->nsigs; i++)
		free(t->sigs[i]);
	free(t->v);
	free(t->sigs);
}

struct token_pair {
	const struct tokens *a, *b;
};

static int
token_equal(void *ctx, size_t i, size_t j)
{
	const struct token_pair *p = ctx;

	return strcmp(p->a->v[i].text, p->b->v[j].text) == 0 &&
	    strcmp(p->a->v[i].sig, p->b->v[j].sig) == 0;
}

enum op { KEEP, INS, DEL };

#define CHAIN_MAX (LIMIT_MARKDOWN_DEPTH + 8)

/*
 * Rebuilds a text block from tokens under out: each token goes below
 * copies of the inline elements it stood in (emphasis, strong, link),
 * an inserted or deleted one inside a c:ins or c:del there.  Runs of
 * tokens with the same markup share their elements.
 */
struct emitter {
	struct redline *r;
	xmlNodePtr out;
	xmlNsPtr mdns;		/* cmark's namespace where out will live */
	xmlNodePtr open[CHAIN_MAX];
	char *open_sig[CHAIN_MAX];
	size_t depth;
};

/* The inline elements between block and leaf, outermost first. */
static size_t
chain(xmlNodePtr block, xmlNodePtr leaf, xmlNodePtr *out)
{
	xmlNodePtr up[CHAIN_MAX];
	size_t n = 0, k = 0;

	for (xmlNodePtr p = leaf->parent; p != NULL && p != block &&
	    n < CHAIN_MAX; p = p->parent)
		up[n++] = p;
	while (n > 0)
		out[k++] = up[--n];
	return k;
}

/* What makes two inline elements the same: name, link target, title. */
static char *
level_sig(xmlNodePtr n)
{
	xmlChar *dest = xmlGetProp(n, BAD_CAST "destination");
	xmlChar *title = xmlGetProp(n, BAD_CAST "title");
	char *s = xasprintf("%s(%s|%s)", (const char *)n->name,
	    dest ? (const char *)dest : "", title ? (const char *)title : "");

	xmlFree(dest);
	xmlFree(title);
	return s;
}

/* Appends the token's own content (text, or its element) to parent. */
static void
put_leaf(struct emitter *e, xmlNodePtr parent, const struct token *t)
{
	xmlDocPtr doc = e->out->doc;
	xmlNodePtr last = parent->last;

	if (t->leaf->type == XML_TEXT_NODE ||
	    t->leaf->type == XML_CDATA_SECTION_NODE) {
		if (last != NULL && last->type == XML_TEXT_NODE)
			xmlNodeAddContent(last, BAD_CAST t->text);
		else
			xmlAddChild(parent, xmlNewDocText(doc, BAD_CAST t->text));
	} else if (is_md(t->leaf, "text")) {
		if (!is_md(last, "text"))
			last = xmlNewChild(parent, e->mdns, BAD_CAST "text",
			    NULL);
		xmlNodeAddContent(last, BAD_CAST t->text);
	} else
		xmlAddChild(parent, xmlDocCopyNode(t->leaf, doc, 1));
}

/* Emits token t, which stood in block, as op. */
static void
emit(struct emitter *e, xmlNodePtr block, const struct token *t, enum op op)
{
	xmlNodePtr want[CHAIN_MAX], parent, last;
	size_t n = chain(block, t->leaf, want), k = 0;

	for (; k < n && k < e->depth; k++) {
		char *s = level_sig(want[k]);
		int same = strcmp(s, e->open_sig[k]) == 0;

		free(s);
		if (!same)
			break;
	}
	while (e->depth > k)
		free(e->open_sig[--e->depth]);
	for (; k < n; k++) {
		xmlNodePtr c = xmlNewDocNode(e->out->doc, e->mdns,
		    want[k]->name, NULL);

		c->properties = xmlCopyPropList(c, want[k]->properties);
		xmlAddChild(e->depth ? e->open[e->depth - 1] : e->out, c);
		e->open[e->depth] = c;
		e->open_sig[e->depth++] = level_sig(want[k]);
	}
	parent = e->depth ? e->open[e->depth - 1] : e->out;
	if (op != KEEP) {
		const char *name = op == INS ? "ins" : "del";

		last = parent->last;
		if (last != NULL && last->type == XML_ELEMENT_NODE &&
		    last->ns == e->r->cns && xmlStrEqual(last->name,
		    BAD_CAST name))
			parent = last;
		else
			parent = xmlNewChild(parent, e->r->cns, BAD_CAST name,
			    NULL);
	}
	put_leaf(e, parent, t);
}

/*
 * Drops from the n pairs (pa, pb) of a word comparison each shared run
 * of spaces that has a change on both sides, so that "när den behövs"
 * against "från och med 2027" reads as one deletion and one insertion
 * rather than three word swaps split by kept spaces.  Deleted and
 * inserted runs keep their own spaces, so no space is lost or doubled:
 * the old text is still the kept and deleted tokens, the new one the
 * kept and inserted ones.  Returns the pairs left.
 */
static size_t
merge_spaces(const struct tokens *ta, const struct tokens *tb, size_t *pa,
    size_t *pb, size_t n)
{
	size_t out = 0;

	for (size_t k = 0; k < n; k++) {
		/* Ends of the last pair kept, and the next pair's starts. */
		size_t ea = out ? pa[out - 1] + 1 : 0;
		size_t eb = out ? pb[out - 1] + 1 : 0;
		size_t na = k + 1 < n ? pa[k + 1] : ta->n;
		size_t nb = k + 1 < n ? pb[k + 1] : tb->n;
		const char *t = tb->v[pb[k]].text;
		int before = pa[k] > ea || pb[k] > eb;
		int after = na > pa[k] + 1 || nb > pb[k] + 1;

		if (t[0] == ' ' && t[strspn(t, " \t")] == '\0' && before &&
		    after)
			continue;
		pa[out] = pa[k];
		pb[out++] = pb[k];
	}
	return out;
}

/*
 * Compares the text blocks (or fields) a, of the old version, and b, in
 * the marked copy, word by word; when they differ, b's content becomes
 * the merged text with c:ins and c:del.  Returns 1 when they differ.
 */
static int
words(struct redline *r, xmlNodePtr a, xmlNodePtr b)
{
	struct tokens ta = {0}, tb = {0};
	struct token_pair pair = {&ta, &tb};
	struct emitter e = {0};
	int verbatim = is_md(a, "code_block"), same;
	size_t *pa, *pb, n, i = 0, j = 0;
	xmlNodePtr c;

	ta.block = a;
	tb.block = b;
	tokenize(&ta, a->children, verbatim);
	tokenize(&tb, b->children, verbatim);
	same = ta.n == tb.n;
	for (size_t k = 0; same && k < ta.n; k++)
		same = token_equal(&pair, k, k);
	if (same) {
		tokens_free(&ta);
		tokens_free(&tb);
		return 0;
	}
	pa = xcalloc(ta.n + 1, sizeof(*pa));
	pb = xcalloc(ta.n + 1, sizeof(*pb));
	n = lcs(ta.n, tb.n, token_equal, &pair, pa, pb);
	n = merge_spaces(&ta, &tb, pa, pb, n);
	e.r = r;
	e.out = xmlNewDocNode(b->doc, NULL, BAD_CAST "out", NULL);
	e.mdns = xmlSearchNsByHref(b->doc, b, NS_COMMONMARK);
	/* Deleted words first, then inserted ones, then the shared one. */
	for (size_t k = 0; k <= n; k++) {
		size_t ai = k < n ? pa[k] : ta.n, bj = k < n ? pb[k] : tb.n;

		while (i < ai)
			emit(&e, a, &ta.v[i++], DEL);
		while (j < bj)
			emit(&e, b, &tb.v[j++], INS);
		if (k < n) {
			emit(&e, b, &tb.v[j++], KEEP);
			i++;
		}
	}
	while (e.depth > 0)
		free(e.open_sig[--e.depth]);
	/* The tokens point into b's old content: replace it only now. */
	while ((c = b->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	while ((c = e.out->children) != NULL) {
		xmlUnlinkNode(c);
		xmlAddChild(b, c);
	}
	xmlFreeNode(e.out);
	free(pa);
	free(pb);
	tokens_free(&ta);
	tokens_free(&tb);
	return 1;
}

/* ---- marks and the summary ------------------------------------------------ */

static void
mark(struct redline *r, xmlNodePtr n, const char *change)
{
	xmlSetNsProp(n, r->cns, BAD_CAST "change", BAD_CAST change);
}

/* A summary entry about n (a node of the marked copy, or NULL). */
static xmlNodePtr
summary(struct redline *r, const char *kind, xmlNodePtr n, int counts)
{
	xmlNodePtr c = xmlNewChild(r->changes, r->root->ns, BAD_CAST "change",
	    NULL);
	xmlChar *v;

	xmlSetProp(c, BAD_CAST "kind", BAD_CAST kind);
	if (n != NULL && (v = xmlGetProp(n, BAD_CAST "id")) != NULL) {
		xmlSetProp(c, BAD_CAST "ref", v);
		xmlFree(v);
	}
	if (n != NULL && (v = xmlGetProp(n, BAD_CAST "num")) != NULL) {
		xmlSetProp(c, BAD_CAST "num", v);
		xmlFree(v);
	}
	if (counts)
		r->count++;
	return c;
}

/* Adds <name>the text of field (collapsed)</name> to a summary entry. */
static void
summary_text(struct redline *r, xmlNodePtr entry, const char *name,
    xmlNodePtr field)
{
	char *t = text_of(field);

	xmlNewTextChild(entry, r->root->ns, BAD_CAST name, BAD_CAST t);
	free(t);
}

/* The field of a keyed element that names it: title, statement, name. */
static xmlNodePtr
naming_field(xmlNodePtr n)
{
	if (tree_is(n, "section"))
		return tree_child(n, "title");
	if (tree_is(n, "requirement"))
		return tree_child(n, "statement");
	return tree_child(n, "name");
}

/* "section-added", "requirement-removed", ... for a keyed element. */
static void
summary_keyed(struct redline *r, const char *what, xmlNodePtr n)
{
	char *kind = xasprintf("%s-%s", (const char *)n->name, what);

	summary_text(r, summary(r, kind, n, 1), "text", naming_field(n));
	free(kind);
}

/* ---- the comparison of blocks -------------------------------------------- */

static void merge_children(struct redline *, xmlNodePtr, xmlNodePtr);
static void pair(struct redline *, xmlNodePtr, xmlNodePtr, int);

static xmlNodePtr
keyed_in(xmlHashTablePtr ids, xmlNodePtr like)
{
	xmlChar *id = xmlGetProp(like, BAD_CAST "id");
	xmlNodePtr n = id ? xmlHashLookup(ids, id) : NULL;

	xmlFree(id);
	return n != NULL && same_name(n, like) ? n : NULL;
}

/*
 * Gives the elements of a copied old subtree whose id the new version
 * also has an id of their own ("ID.old", the original in c:id), so
 * every id in the redline stays unique, and marks them moved away.
 */
static void
rename_ids(struct redline *r, xmlNodePtr n, int top)
{
	for (; n != NULL; n = top ? NULL : n->next) {
		xmlChar *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		id = xmlGetProp(n, BAD_CAST "id");
		if (id != NULL && is_keyed(n) && xmlHashLookup(r->new_ids, id)) {
			char *old = xasprintf("%s.old", (const char *)id);

			xmlSetNsProp(n, r->cns, BAD_CAST "id", id);
			xmlSetProp(n, BAD_CAST "id", BAD_CAST old);
			if (!top)
				mark(r, n, "moved-away");
			free(old);
		}
		xmlFree(id);
		rename_ids(r, n->children, 0);
	}
}

/*
 * Summary entries for the sections, requirements and terms inside a
 * removed block (what) or an added one; an added one whose id the old
 * version has somewhere else has moved here and is compared with it.
 */
static void
inner_keyed(struct redline *r, xmlNodePtr n, const char *what)
{
	for (n = n->children; n != NULL; n = n->next) {
		xmlNodePtr old;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_keyed(n) && strcmp(what, "added") == 0 &&
		    (old = keyed_in(r->old_ids, n)) != NULL) {
			pair(r, old, n, 1);
			continue;
		}
		if (is_keyed(n) && strcmp(what, "removed") == 0 &&
		    xmlHasNsProp(n, BAD_CAST "change", NS_CHANGE))
			continue;	/* moved away: told where it went */
		if (is_keyed(n))
			summary_keyed(r, what, n);
		inner_keyed(r, n, what);
	}
}

/*
 * Puts copy c of an old element, marked change, where it stood: before
 * anchor, or at the end of parent when anchor is NULL.
 */
static void
put_old(struct redline *r, xmlNodePtr parent, xmlNodePtr anchor,
    xmlNodePtr c, const char *change)
{
	rename_ids(r, c, 1);
	mark(r, c, change);
	if (anchor != NULL)
		xmlAddPrevSibling(anchor, c);
	else
		xmlAddChild(parent, c);
}

/* A removed block: a whole copy of old element a, marked deleted. */
static void
put_deleted(struct redline *r, xmlNodePtr parent, xmlNodePtr anchor,
    xmlNodePtr a)
{
	xmlNodePtr c = xmlDocCopyNode(a, parent->doc, 1);

	put_old(r, parent, anchor, c, "deleted");
	if (is_keyed(c))
		summary_keyed(r, "removed", c);
	else
		r->prose++;
	inner_keyed(r, c, "removed");
}

/*
 * Where a keyed element stood before it moved: a copy of it with its
 * naming fields only, marked moved away.
 */
static void
put_moved_away(struct redline *r, xmlNodePtr parent, xmlNodePtr anchor,
    xmlNodePtr a)
{
	xmlNodePtr c = xmlDocCopyNode(a, parent->doc, 2);

	for (xmlNodePtr f = a->children; f != NULL; f = f->next)
		if (f->type == XML_ELEMENT_NODE && is_field_of(a, f))
			xmlAddChild(c, xmlDocCopyNode(f, parent->doc, 1));
	put_old(r, parent, anchor, c, "moved-away");
}

/* Marks attributes of b that differ from a's: c:old-NAME="old value". */
static int
attributes(struct redline *r, xmlNodePtr a, xmlNodePtr b)
{
	int changed = 0;

	for (int side = 0; side < 2; side++)
		for (xmlAttrPtr p = (side ? b : a)->properties; p; p = p->next) {
			xmlChar *va, *vb;
			char *name;

			if (p->ns != NULL || xmlStrEqual(p->name, BAD_CAST "id") ||
			    xmlStrEqual(p->name, BAD_CAST "num"))
				continue;
			/* An attribute both have is looked at from a only. */
			if (side == 1 && xmlHasProp(a, p->name))
				continue;
			va = xmlGetProp(a, p->name);
			vb = xmlGetProp(b, p->name);
			if (!xmlStrEqual(va, vb)) {
				name = xasprintf("old-%s", (const char *)p->name);
				xmlSetNsProp(b, r->cns, BAD_CAST name,
				    va ? va : BAD_CAST "");
				free(name);
				changed = 1;
			}
			xmlFree(va);
			xmlFree(vb);
		}
	return changed;
}

/* Compares field name of a and b by words, marking b's when it changed. */
static int
field(struct redline *r, xmlNodePtr a, xmlNodePtr b, const char *name)
{
	xmlNodePtr fa = tree_child(a, name), fb = tree_child(b, name);

	if (fa == NULL || fb == NULL || !words(r, fa, fb))
		return 0;
	mark(r, fb, "changed");
	return 1;
}

/*
 * a (old) and b (the copy) are the same block: compares what is in
 * them.  moved: b stands elsewhere than a did.
 */
static void
pair(struct redline *r, xmlNodePtr a, xmlNodePtr b, int moved)
{
	int attrs = attributes(r, a, b);

	if (moved) {
		mark(r, b, "moved");
		summary_keyed(r, "moved", b);
	}
	if (tree_is(b, "section") && field(r, a, b, "title")) {
		xmlNodePtr e = summary(r, "section-renamed", b, 1);

		summary_text(r, e, "old", tree_child(a, "title"));
		summary_text(r, e, "new", tree_child(b, "title"));
	}
	if (tree_is(b, "requirement")) {
		if (field(r, a, b, "statement"))
			summary_keyed(r, "reworded", b);
		if (xmlHasNsProp(b, BAD_CAST "old-role", NS_CHANGE)) {
			xmlNodePtr e = summary(r, "requirement-role", b, 1);
			xmlChar *was = xmlGetNsProp(b, BAD_CAST "old-role",
			    NS_CHANGE), *is = xmlGetProp(b, BAD_CAST "role");

			xmlSetProp(e, BAD_CAST "old", was);
			xmlSetProp(e, BAD_CAST "new", is);
			xmlFree(was);
			xmlFree(is);
		}
	}
	if (tree_is(b, "term") && (field(r, a, b, "name") |
	    field(r, a, b, "definition")))
		summary_keyed(r, "changed", b);
	if (is_text_block(b)) {
		if (words(r, a, b) || attrs) {
			mark(r, b, "changed");
			r->prose++;
		}
	} else if (is_container(b))
		merge_children(r, a, b);
}

/* The old and new blocks of one container, with their signatures. */
struct block_lists {
	xmlNodePtr *a, *b;
	char **sa, **sb;
};

static const char *
block_sig(char **cache, xmlNodePtr *v, size_t i)
{
	if (cache[i] == NULL)
		cache[i] = signature_of(v[i]);
	return cache[i];
}

static int
block_equal(void *ctx, size_t i, size_t j)
{
	struct block_lists *l = ctx;
	xmlNodePtr x = l->a[i], y = l->b[j];
	xmlChar *ix, *iy;
	int eq;

	if (!same_name(x, y) || is_keyed(x) != is_keyed(y))
		return 0;
	if (!is_keyed(x))
		return strcmp(block_sig(l->sa, l->a, i),
		    block_sig(l->sb, l->b, j)) == 0;
	ix = xmlGetProp(x, BAD_CAST "id");
	iy = xmlGetProp(y, BAD_CAST "id");
	eq = xmlStrEqual(ix, iy);
	xmlFree(ix);
	xmlFree(iy);
	return eq;
}

/* Whether two unkeyed blocks of the same kind can be one changed block. */
static int
pairable(xmlNodePtr x, xmlNodePtr y)
{
	return !is_keyed(x) && !is_keyed(y) && same_name(x, y) &&
	    (is_text_block(x) || is_container(x));
}

/*
 * The blocks between two shared ones: old ga[0..na), new gb[0..nb),
 * the next shared new block anchor (NULL: the end of parent).  Old
 * blocks that pair with a new one of their kind are changed blocks;
 * the others are removed (or moved away) and put back where they were;
 * new ones left over are added (or moved here).
 */
static void
gap(struct redline *r, xmlNodePtr parent, xmlNodePtr *ga, size_t na,
    xmlNodePtr *gb, size_t nb, xmlNodePtr anchor)
{
	int *partner = xcalloc(nb + 1, sizeof(*partner));
	size_t next = 0;

	for (size_t i = 0; i < na; i++) {
		xmlNodePtr x = ga[i];
		size_t m = nb;

		if (!is_keyed(x))
			for (m = next; m < nb && !pairable(x, gb[m]); m++)
				;
		if (m < nb) {
			partner[m] = (int)i + 1;
			next = m + 1;
			continue;
		}
		if (is_keyed(x) && keyed_in(r->new_ids, x) != NULL)
			put_moved_away(r, parent, next < nb ? gb[next] : anchor,
			    x);
		else
			put_deleted(r, parent, next < nb ? gb[next] : anchor, x);
	}
	for (size_t m = 0; m < nb; m++) {
		xmlNodePtr y = gb[m], old;

		if (partner[m])
			pair(r, ga[partner[m] - 1], y, 0);
		else if (is_keyed(y) && (old = keyed_in(r->old_ids, y)) != NULL)
			pair(r, old, y, 1);
		else {
			mark(r, y, "inserted");
			if (is_keyed(y))
				summary_keyed(r, "added", y);
			else
				r->prose++;
			inner_keyed(r, y, "added");
		}
	}
	free(partner);
}

/* Compares the blocks of old container a with those of its copy b. */
static void
merge_children(struct redline *r, xmlNodePtr a, xmlNodePtr b)
{
	struct block_lists l;
	size_t na, nb, n, *pa, *pb, i = 0, j = 0;

	l.a = blocks(a, &na);
	l.b = blocks(b, &nb);
	l.sa = xcalloc(na + 1, sizeof(*l.sa));
	l.sb = xcalloc(nb + 1, sizeof(*l.sb));
	pa = xcalloc(na + 1, sizeof(*pa));
	pb = xcalloc(na + 1, sizeof(*pb));
	n = lcs(na, nb, block_equal, &l, pa, pb);
	for (size_t k = 0; k <= n; k++) {
		size_t ai = k < n ? pa[k] : na, bj = k < n ? pb[k] : nb;

		gap(r, b, l.a + i, ai - i, l.b + j, bj - j,
		    k < n ? l.b[bj] : NULL);
		if (k < n)
			pair(r, l.a[ai], l.b[bj], 0);
		i = ai + 1;
		j = bj + 1;
	}
	for (size_t k = 0; k < na; k++)
		free(l.sa[k]);
	for (size_t k = 0; k < nb; k++)
		free(l.sb[k]);
	free(l.sa);
	free(l.sb);
	free(l.a);
	free(l.b);
	free(pa);
	free(pb);
}

/* Every section, requirement and term below n by id (the first wins). */
static void
index_ids(xmlHashTablePtr ids, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *id;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_keyed(n) && (id = xmlGetProp(n, BAD_CAST "id")) != NULL) {
			xmlHashAddEntry(ids, id, n);
			xmlFree(id);
		}
		index_ids(ids, n->children);
	}
}

/* ---- metadata ---------------------------------------------------------- */

/*
 * Metadata readers care about: each field that differs gets a summary
 * entry (field = its profile label key) and, on the copy, c:old.  A new
 * version number or status alone is not a change.
 */
static void
meta_changes(struct redline *r, xmlNodePtr old, xmlNodePtr new)
{
	static const char *const fields[] = {"title", "version", "status",
	    "applies-to", "valid-from", "review-by"};
	static const struct {
		const char *element, *attr, *key;
	} refs[] = {{"owner", "role", "owner"}, {"decision", "organ",
	    "decided-by"}};
	xmlNodePtr om = tree_child(old, "meta"), nm = tree_child(new, "meta");

	for (size_t f = 0; f < sizeof(fields) / sizeof(*fields); f++) {
		xmlNodePtr fa = tree_child(om, fields[f]);
		xmlNodePtr fb = tree_child(nm, fields[f]);
		char *a = text_of(fa), *b = text_of(fb);

		if (strcmp(a, b) != 0) {
			int counts = strcmp(fields[f], "version") != 0 &&
			    strcmp(fields[f], "status") != 0;
			xmlNodePtr e = summary(r, "meta", NULL, counts);

			xmlSetProp(e, BAD_CAST "field", BAD_CAST fields[f]);
			xmlNewTextChild(e, r->root->ns, BAD_CAST "old", BAD_CAST a);
			xmlNewTextChild(e, r->root->ns, BAD_CAST "new", BAD_CAST b);
			if (fb != NULL)
				xmlSetNsProp(fb, r->cns, BAD_CAST "old", BAD_CAST a);
		}
		free(a);
		free(b);
	}
	for (size_t f = 0; f < sizeof(refs) / sizeof(*refs); f++) {
		xmlNodePtr ea = tree_child(om, refs[f].element);
		xmlNodePtr eb = tree_child(nm, refs[f].element);
		xmlChar *a = ea ? xmlGetProp(ea, BAD_CAST refs[f].attr) : NULL;
		xmlChar *b = eb ? xmlGetProp(eb, BAD_CAST refs[f].attr) : NULL;

		if (!xmlStrEqual(a, b)) {
			xmlNodePtr e = summary(r, "meta", NULL, 1);

			/* old and new are ids: the stylesheets name them. */
			xmlSetProp(e, BAD_CAST "field", BAD_CAST refs[f].key);
			xmlSetProp(e, BAD_CAST "names", BAD_CAST "yes");
			xmlNewTextChild(e, r->root->ns, BAD_CAST "old", a);
			xmlNewTextChild(e, r->root->ns, BAD_CAST "new", b);
			if (eb != NULL) {
				char *name = xasprintf("old-%s", refs[f].attr);

				xmlSetNsProp(eb, r->cns, BAD_CAST name,
				    a ? a : BAD_CAST "");
				free(name);
			}
		}
		xmlFree(a);
		xmlFree(b);
	}
}

/*
 * Compares the enriched documents old and new and appends the
 * <redline> described above to the project tree: labels name the two
 * sides, sha256 is the new version's source hash.  Returns the number
 * of changes a reader would count (0: the same text).
 */
int
diff_documents(xmlDocPtr tree, xmlNodePtr old, xmlNodePtr new,
    const char *old_label, const char *new_label, const char *sha256)
{
	xmlNodePtr root = xmlDocGetRootElement(tree), copy, prev, ob, nb;
	struct redline r = {0};
	xmlChar *id = xmlGetProp(new, BAD_CAST "id");

	r.root = xmlNewChild(root, root->ns, BAD_CAST "redline", NULL);
	r.cns = xmlNewNs(r.root, NS_CHANGE, BAD_CAST "c");
	xmlSetProp(r.root, BAD_CAST "doc", id);
	xmlSetProp(r.root, BAD_CAST "old", BAD_CAST old_label);
	xmlSetProp(r.root, BAD_CAST "new", BAD_CAST new_label);
	xmlSetProp(r.root, BAD_CAST "sha256", BAD_CAST(sha256 ? sha256 : ""));
	xmlFree(id);
	prev = xmlNewChild(r.root, root->ns, BAD_CAST "previous", NULL);
	if (tree_child(old, "meta") != NULL)
		xmlAddChild(prev, xmlDocCopyNode(tree_child(old, "meta"), tree,
		    1));
	r.changes = xmlNewChild(r.root, root->ns, BAD_CAST "changes", NULL);
	copy = xmlDocCopyNode(new, tree, 1);
	xmlAddChild(r.root, copy);
	r.old_ids = xmlHashCreate(64);
	r.new_ids = xmlHashCreate(64);
	index_ids(r.old_ids, old->children);
	index_ids(r.new_ids, copy->children);
	meta_changes(&r, old, copy);
	ob = tree_child(old, "body");
	nb = tree_child(copy, "body");
	if (ob != NULL && nb != NULL)
		merge_children(&r, ob, nb);
	if (r.prose > 0) {
		char count[16];
		xmlNodePtr e = summary(&r, "prose-changed", NULL, 0);

		snprintf(count, sizeof(count), "%d", r.prose);
		xmlSetProp(e, BAD_CAST "count", BAD_CAST count);
		r.count += r.prose;
	}
	xmlSetProp(r.root, BAD_CAST "equal", BAD_CAST(r.count ? "no" : "yes"));
	xmlHashFree(r.old_ids, NULL);
	xmlHashFree(r.new_ids, NULL);
	return r.count;
}

/* SPDX-License-Identifier: ISC */
/*
 * rules.c - stage 2b: meaning.  Each rule has a stable id, listed with
 * its meaning in styrdok(1).  Rules run on the tree that passed the
 * schema, so they may trust its structure; they never change the tree.
 * Broken sources are errors; the state of the municipality's
 * governance (a required document not yet written) is a warning.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "styrdok.h"

struct rules {
	struct project *p;
	struct diags *d;
	xmlHashTablePtr ids;	/* id -> element */
	xmlNodePtr org;		/* <organisation>, or NULL */
};

static char *
text_of(xmlNodePtr n)
{
	return n ? (char *)xmlNodeGetContent(n) : NULL;
}

static void
collect_ids(struct rules *r, xmlNodePtr top)
{
	for (xmlNodePtr n = top; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || n->ns == NULL ||
		    !xmlStrEqual(n->ns->href, NS_STYRDOK))
			continue;
		xmlChar *id = xmlGetProp(n, BAD_CAST "id");

		if (id != NULL) {
			xmlNodePtr first = xmlHashLookup(r->ids, id);

			if (first != NULL) {
				diag_node(r->d, n, "id", SEV_ERROR, RULE_ID_UNIQUE,
				    "id \"%s\" is already used", id);
				diag_node(r->d, first, "id", SEV_NOTE,
				    RULE_ID_UNIQUE, "\"%s\" first defined here",
				    id);
			} else
				xmlHashAddEntry(r->ids, id, n);
			xmlFree(id);
		}
		collect_ids(r, n->children);
	}
}

/* Scanner of left_out_ids(): adds one id when it is not taken. */
static void
add_left_out(void *payload, void *data, const xmlChar *id)
{
	struct rules *r = data;

	(void)payload;
	if (xmlHashLookup(r->ids, id) == NULL)
		xmlHashAddEntry(r->ids, id, TREE_LEFT_OUT);
}

/*
 * The ids of sources left out for schema errors name TREE_LEFT_OUT, so
 * a reference to one is not an error of its own (tree_ref).
 */
static void
left_out_ids(struct rules *r)
{
	if (r->p->left_out != NULL)
		xmlHashScan(r->p->left_out, add_left_out, r);
}

static void
check_organisation(struct rules *r)
{
	xmlNodePtr organs = tree_child(r->org, "organs");

	for (xmlNodePtr o = organs ? organs->children : NULL; o; o = o->next)
		if (tree_is(o, "organ"))
			tree_ref(r->d, r->ids, o, "parent", "organ", RULE_REF_ORGAN,
			    "an organ");
}

/* The date in attribute (or element text when attr is NULL), if valid. */
static char *
checked_date(struct rules *r, xmlNodePtr n, const char *attr)
{
	char *s = attr ? tree_prop(n, attr) : text_of(n);

	if (s != NULL && !iso_date_valid(s)) {
		if (attr != NULL)
			diag_node(r->d, n, attr, SEV_ERROR, RULE_DATE_INVALID,
			    "%s=\"%s\" is not a real date", attr, s);
		else
			diag_text(r->d, n, 0, s, SEV_ERROR, RULE_DATE_INVALID,
			    "\"%s\" is not a real date", s);
		free(s);
		return NULL;
	}
	return s;
}

static void
check_dates(struct rules *r, xmlNodePtr meta)
{
	xmlNodePtr dec = tree_child(meta, "decision");
	xmlNodePtr vf = tree_child(meta, "valid-from"), rb = tree_child(meta, "review-by");
	char *d = checked_date(r, dec, "date");
	char *v = checked_date(r, vf, NULL);
	char *b = checked_date(r, rb, NULL);

	for (xmlNodePtr s = meta->children; s != NULL; s = s->next)
		if (tree_is(s, "supersedes"))
			free(checked_date(r, s, "date"));
	if (d != NULL && v != NULL && strcmp(v, d) < 0)
		diag_node(r->d, vf, NULL, SEV_ERROR, RULE_DATE_ORDER,
		    "valid from %s is before the decision %s", v, d);
	if (v != NULL && b != NULL && strcmp(b, v) < 0)
		diag_node(r->d, rb, NULL, SEV_ERROR, RULE_DATE_ORDER,
		    "review by %s is before valid from %s", b, v);
	else if (d != NULL && b != NULL && strcmp(b, d) < 0)
		diag_node(r->d, rb, NULL, SEV_ERROR, RULE_DATE_ORDER,
		    "review by %s is before the decision %s", b, d);
	free(d);
	free(v);
	free(b);
}

/*
 * Whether organ may adopt a document of type according to the adoption
 * ladder of org.  When not, *why gets the reason (caller frees).
 */
int
organ_may_adopt(xmlNodePtr org, xmlNodePtr organ, const char *type,
    char **why)
{
	char *kind = tree_prop(organ, "kind"), *oid = tree_prop(organ, "id");
	xmlNodePtr ladder = tree_child(org, "adoption");
	int ruled = 0, allowed = 0;

	for (xmlNodePtr a = ladder ? ladder->children : NULL; a; a = a->next) {
		char *t, *kinds, *save = NULL;

		if (!tree_is(a, "allow"))
			continue;
		t = tree_prop(a, "type");
		kinds = tree_prop(a, "kinds");
		if (strcmp(t, type) == 0) {
			ruled = 1;
			for (char *k = strtok_r(kinds, " \t\n", &save); k;
			    k = strtok_r(NULL, " \t\n", &save))
				allowed |= strcmp(k, kind) == 0;
		}
		free(t);
		free(kinds);
	}
	if (!allowed && why != NULL)
		*why = ruled ? xasprintf("%s (%s) may not adopt a document of "
		    "type %s", oid, kind, type) : xasprintf("%s (%s): no "
		    "organ may adopt type %s (see <adoption> in the "
		    "organisation)", oid, kind, type);
	free(kind);
	free(oid);
	return allowed;
}

static void
check_decision(struct rules *r, xmlNodePtr doc, xmlNodePtr meta)
{
	xmlNodePtr dec = tree_child(meta, "decision");
	char *status = text_of(tree_child(meta, "status"));
	char *type = tree_prop(doc, "type");
	xmlNodePtr organ;
	static const char *const needed[] = {"date", "paragraph", "dnr"};
	static const char *const label[] = {N_("decision date"),
	    N_("paragraph (§)"), N_("diarienummer (dnr)")};

	if (strcmp(status, "beslutad") == 0 || strcmp(status, "upphavd") == 0)
		for (int i = 0; i < 3; i++)
			if (!xmlHasProp(dec, BAD_CAST needed[i])) {
				char *what = bilingual(label[i], _(label[i]));

				diag_node(r->d, dec, NULL, SEV_ERROR,
				    RULE_DECISION_INCOMPLETE, "a document with "
				    "status %s must give its %s (%s=)",
				    status, what, needed[i]);
				free(what);
			}
	organ = r->org ? tree_ref(r->d, r->ids, dec, "organ", "organ", RULE_REF_ORGAN,
	    "an organ") : NULL;
	if (organ != NULL) {
		char *why = NULL;

		if (!organ_may_adopt(r->org, organ, type, &why))
			diag_node(r->d, dec, "organ", SEV_ERROR, RULE_ORGAN_TYPE,
			    "%s", why);
		free(why);
	}
	free(status);
	free(type);
}

static void
check_history(struct rules *r, xmlNodePtr meta, xmlNodePtr history)
{
	char *version = text_of(tree_child(meta, "version"));
	char *status = text_of(tree_child(meta, "status"));
	char *prev_v = NULL, *prev_d = NULL;
	xmlNodePtr last = NULL;

	for (xmlNodePtr h = history->children; h != NULL; h = h->next) {
		if (!tree_is(h, "revision"))
			continue;
		char *v = tree_prop(h, "version"), *d = checked_date(r, h, "date");

		if (r->org != NULL) {
			tree_ref(r->d, r->ids, h, "organ", "organ", RULE_REF_ORGAN, "an organ");
			tree_ref(r->d, r->ids, h, "author", "role", RULE_REF_ROLE, "a role");
		}
		if (prev_v != NULL && version_compare(v, prev_v) <= 0)
			diag_node(r->d, h, "version", SEV_ERROR,
			    RULE_HISTORY_ORDER, "version %s does not follow %s; "
			    "list revisions oldest first with increasing "
			    "versions", v, prev_v);
		if (prev_d != NULL && d != NULL && strcmp(d, prev_d) < 0)
			diag_node(r->d, h, "date", SEV_ERROR, RULE_HISTORY_ORDER,
			    "revision date %s is before the previous "
			    "revision's %s", d, prev_d);
		free(prev_v);
		prev_v = v;
		if (d != NULL) {
			free(prev_d);
			prev_d = d;
		}
		last = h;
	}
	if (last != NULL && version_compare(prev_v, version) != 0)
		diag_node(r->d, tree_child(meta, "version"), NULL, SEV_ERROR,
		    RULE_HISTORY_CURRENT, "version %s is not the newest entry "
		    "in the history (%s)", version, prev_v);
	else if (last != NULL && strcmp(status, "beslutad") == 0) {
		xmlNodePtr dec = tree_child(meta, "decision");
		static const char *const a[] = {"organ", "date", "paragraph"};

		for (int i = 0; i < 3; i++) {
			char *x = tree_prop(dec, a[i]), *y = tree_prop(last, a[i]);

			if (x != NULL && (y == NULL || strcmp(x, y) != 0))
				diag_node(r->d, last, a[i], SEV_ERROR,
				    RULE_HISTORY_CURRENT, "the newest revision "
				    "must record the decision: %s=\"%s\"",
				    a[i], x);
			free(x);
			free(y);
		}
	}
	free(prev_v);
	free(prev_d);
	free(version);
	free(status);
}

static void
check_meta_refs(struct rules *r, xmlNodePtr meta)
{
	char *doc_title = text_of(tree_child(meta, "title"));

	for (xmlNodePtr m = meta->children; m != NULL; m = m->next) {
		if (tree_is(m, "owner") && r->org != NULL)
			tree_ref(r->d, r->ids, m, "role", "role", RULE_REF_ROLE, "a role");
		else if (tree_is(m, "supersedes") && r->org != NULL)
			tree_ref(r->d, r->ids, m, "organ", "organ", RULE_REF_ORGAN, "an organ");
		else if (tree_is(m, "related"))
			tree_ref(r->d, r->ids, m, "doc", "document", RULE_REF_DOCUMENT,
			    "a document in this project");
		else if (tree_is(m, "requires")) {
			char *id = tree_prop(m, "doc"), *title = text_of(m);
			xmlNodePtr t = xmlHashLookup(r->ids, BAD_CAST id);

			if (t != TREE_LEFT_OUT && !tree_is(t, "document")) {
				gap_node(r->d, m, "doc", RULE_CHILD_MISSING, "required document \"%s\" "
				    "(%s) does not exist yet", title, id);
				gap_fact(r->d, "title", "%s", title);
				gap_fact(r->d, "document", "%s",
				    doc_title ? doc_title : "");
			}
			free(id);
			free(title);
		}
	}
	free(doc_title);
}

/* Requirement statements over READABILITY_STATEMENT_WORDS words. */
static void
check_statements(struct rules *r, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (tree_is(n, "statement")) {
			struct lix l = {0, 0, 0};
			char *t = text_of(n);

			lix_add(&l, t);
			if (l.words > READABILITY_STATEMENT_WORDS)
				diag_node(r->d, n, NULL, SEV_NOTE, RULE_REQ_LONG,
				    "the requirement has %zu words; keep it to "
				    "%d or split it (plain Swedish)", l.words,
				    READABILITY_STATEMENT_WORDS);
			free(t);
		} else if (n->type == XML_ELEMENT_NODE)
			check_statements(r, n->children);
	}
}

/*
 * Markdown written where the text is plain (a title, statement, term,
 * definition): a link or strong text there is printed as written, so
 * it belongs in the prose.  Returns where it starts, or NULL.
 */
static const char *
plain_markup(const char *t)
{
	const char *link = strstr(t, "](");

	if (link != NULL) {
		for (const char *b = link; b > t; b--)
			if (b[-1] == '[')
				return b - 1;
	}
	return strstr(t, "**");
}

/*
 * Words of plain Swedish (språklagen): "skall" is "ska"; and no
 * Markdown where the text is plain.
 */
static void
check_language(struct rules *r, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->children != NULL && xmlFirstElementChild(n) == NULL) {
			char *t = text_of(n);
			const char *m;

			if (!tree_is(n, "prose") && (m = plain_markup(t)) != NULL)
				diag_text(r->d, n, (size_t)(m - t), t,
				    SEV_WARNING, RULE_PLAIN_MARKUP,
				    "<%s> is plain text, so this Markdown is "
				    "printed as written; put links and emphasis "
				    "in a <prose>", (const char *)n->name);

			for (const char *w = find_word_ci(t, "skall"); w;
			    w = find_word_ci(w + 5, "skall"))
				diag_text(r->d, n, (size_t)(w - t), t,
				    SEV_WARNING, RULE_LANG_SKALL,
				    "write \"ska\", not \"%.5s\" (plain Swedish)",
				    w);
			free(t);
		} else
			check_language(r, n->children);
	}
}

static void
check_body(struct rules *r, xmlNodePtr n, int depth)
{
	for (; n != NULL; n = n->next) {
		if (tree_is(n, "section")) {
			if (depth > LIMIT_SECTION_DEPTH)
				diag_node(r->d, n, NULL, SEV_ERROR,
				    RULE_SECTION_DEPTH, "sections nest deeper "
				    "than %d levels", LIMIT_SECTION_DEPTH);
			check_body(r, n->children, depth + 1);
		} else if (tree_is(n, "matrix-ref")) {
			tree_ref(r->d, r->ids, n, "ref", "matrix", RULE_REF_MATRIX,
			    "a responsibility matrix");
		} else if (tree_is(n, "risk-method-ref")) {
			tree_ref(r->d, r->ids, n, "ref", "risk-method",
			    RULE_RISK_METHOD, "a risk method");
		} else if (tree_is(n, "requirement")) {
			xmlNodePtr st = tree_child(n, "statement");
			char *t = text_of(st);

			if (r->org != NULL) {
				tree_ref(r->d, r->ids, n, "role", "role", RULE_REF_ROLE,
				    "a role");
				tree_ref(r->d, r->ids, n, "service", "service",
				    RULE_REF_SERVICE, "a provider's service");
			}
			if (find_word_ci(t, "ska") == NULL)
				diag_node(r->d, st, NULL, SEV_WARNING,
				    RULE_REQ_SKA, "a requirement states what "
				    "someone \"ska\" do");
			free(t);
		}
	}
}

/* Adds the readable text under n (prose, statements, definitions). */
static void
readable_text(xmlNodePtr n, struct lix *l, struct buf *all)
{
	for (; n != NULL; n = n->next) {
		if (tree_is(n, "prose") || tree_is(n, "statement") ||
		    tree_is(n, "definition")) {
			char *t = text_of(n);

			lix_add(l, t);
			buf_adds(all, t);
			buf_adds(all, "\n\n");
			free(t);
		} else if (n->type == XML_ELEMENT_NODE)
			readable_text(n->children, l, all);
	}
}

/*
 * Plain Swedish (språklagen 11 §): the document's LIX, against its
 * lix-max= or READABILITY_LIX_MAX, and every requirement statement
 * longer than READABILITY_STATEMENT_WORDS words.  LIX says little of a
 * short text, so documents under READABILITY_MIN_WORDS get no value.
 */
static void
check_readability(struct rules *r, xmlNodePtr doc, struct buf *all)
{
	struct lix l = {0, 0, 0};
	char *mx = tree_prop(doc, "lix-max");
	int max = mx ? atoi(mx) : READABILITY_LIX_MAX, value;

	free(mx);
	readable_text(tree_child(doc, "body")->children, &l, all);
	if (l.words >= READABILITY_MIN_WORDS) {
		value = lix_value(&l);
		diag_node(r->d, doc, NULL, value > max ? SEV_WARNING :
		    SEV_NOTE, RULE_READABILITY, "LIX %d (%zu words in %zu "
		    "sentences, %zu long); at most %d for this document",
		    value, l.words, l.sentences, l.long_words, max);
	}
	check_statements(r, tree_child(doc, "body")->children);
}

static void
check_document(struct rules *r, xmlNodePtr doc)
{
	xmlNodePtr meta = tree_child(doc, "meta");

	check_dates(r, meta);
	check_decision(r, doc, meta);
	check_history(r, meta, tree_child(doc, "history"));
	check_meta_refs(r, meta);
	check_body(r, tree_child(doc, "body")->children, 1);
	check_language(r, doc->children);
}

/*
 * Whether name occurs in text as the start of a word, ignoring the case
 * of its first letter (A-Z, Å, Ä, Ö), so inflected forms count.
 */
static int
term_used(const char *text, const char *name)
{
	size_t n = strlen(name);
	char *lower = xstrdup(name);
	int found = 0;

	if ((unsigned char)lower[0] < 0x80)
		lower[0] = (char)tolower((unsigned char)lower[0]);
	else if ((unsigned char)lower[0] == 0xC3 && (unsigned char)lower[1] >= 0x80 &&
	    (unsigned char)lower[1] < 0xA0)
		lower[1] = (char)((unsigned char)lower[1] + 0x20);
	for (const char *p = text; !found && *p != '\0'; p++) {
		const char *q = p - 1;

		if (strncmp(p, name, n) != 0 && strncmp(p, lower, n) != 0)
			continue;
		if (p == text) {
			found = 1;
			break;
		}
		while (q > text && ((unsigned char)*q & 0xC0) == 0x80)
			q--;
		/* A letter before it (ASCII, or Latin-1 such as å) joins it. */
		found = (unsigned char)*q < 0x80 ? !isalnum((unsigned char)*q) &&
		    *q != '-' : (unsigned char)*q != 0xC3;
	}
	free(lower);
	return found;
}

/* Appends the name of every term in n's subtree to b, one a line. */
static void
term_names(xmlNodePtr n, struct buf *b)
{
	for (; n != NULL; n = n->next) {
		if (tree_is(n, "term")) {
			char *name = text_of(tree_child(n, "name"));

			buf_printf(b, "%s\n", name);
			free(name);
		} else if (n->type == XML_ELEMENT_NODE)
			term_names(n->children, b);
	}
}

/* Whether name is a line of list (as term_names writes it), any case. */
static int
term_listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; p != NULL && *p != '\0';
	    p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncasecmp(p, name, n) == 0 && p[n] == '\n')
			return 1;
	return 0;
}

/* The terms of document docs[i] used in another document's text. */
static void
check_doc_terms(struct rules *r, xmlNodePtr n, xmlNodePtr *docs,
    struct buf *texts, size_t ndocs, size_t i, const char *defined)
{
	for (; n != NULL; n = n->next) {
		if (!tree_is(n, "term")) {
			if (n->type == XML_ELEMENT_NODE)
				check_doc_terms(r, n->children, docs, texts,
				    ndocs, i, defined);
			continue;
		}
		char *name = text_of(tree_child(n, "name"));

		for (size_t j = 0; j < ndocs; j++) {
			char *other;

			if (j == i || texts[j].data == NULL ||
			    !term_used(texts[j].data, name) ||
			    term_listed(defined, name))
				continue;
			other = tree_prop(docs[j], "id");
			diag_node(r->d, n, NULL, SEV_WARNING, RULE_TERM_SCOPE,
			    "\"%s\" is also used in %s: define it in the "
			    "policy's Begrepp, which hold for every document "
			    "under it", name, other);
			free(other);
			break;
		}
		free(name);
	}
}

/*
 * A term defined in an instruction but used in another document belongs
 * in the policy's Begrepp, where it holds for every document under it
 * (one definition, one meaning).  texts[i] is document docs[i]'s text.
 */
static void
check_term_scope(struct rules *r, xmlNodePtr *docs, struct buf *texts,
    size_t n)
{
	xmlNodePtr policy = NULL;
	struct buf defined = {0};

	for (size_t i = 0; i < n && policy == NULL; i++) {
		char *type = tree_prop(docs[i], "type");

		if (strcmp(type, "policy") == 0)
			policy = docs[i];
		free(type);
	}
	if (policy == NULL)
		return;
	buf_adds(&defined, "");
	term_names(tree_child(policy, "body"), &defined);
	for (size_t i = 0; i < n; i++)
		if (docs[i] != policy)
			check_doc_terms(r, tree_child(docs[i], "body"), docs,
			    texts, n, i, defined.data);
	buf_free(&defined);
}

void
rules_run(struct project *p)
{
	struct rules r = {p, p->diags, xmlHashCreate(256), NULL};
	xmlNodePtr src, top;

	collect_ids(&r, xmlDocGetRootElement(p->tree)->children);
	left_out_ids(&r);
	for (src = xmlDocGetRootElement(p->tree)->children; src;
	    src = src->next) {
		if (!tree_is(top = xmlFirstElementChild(src), "organisation"))
			continue;
		if (r.org != NULL) {
			char *first = node_file(r.d, r.org);

			diag_node(r.d, top, NULL, SEV_ERROR,
			    RULE_ORGANISATION_UNIQUE, "a project describes one "
			    "organisation; %s already does", first);
			free(first);
		} else
			r.org = top;
	}
	if (r.org == NULL && !p->organisation_invalid)
		diag_add(r.d, "policies", 0, 0, SEV_ERROR,
		    RULE_ORGANISATION_MISSING, "no <organisation> source "
		    "found; roles and organs cannot be resolved");
	if (r.org != NULL) {
		check_organisation(&r);
		check_language(&r, r.org->children);
	}
	size_t ndocs;
	xmlNodePtr *docs = tree_sources(p, "document", &ndocs);
	struct buf *texts = xcalloc(ndocs ? ndocs : 1, sizeof(*texts));

	for (size_t i = 0; i < ndocs; i++) {
		check_document(&r, docs[i]);
		check_readability(&r, docs[i], &texts[i]);
	}
	check_term_scope(&r, docs, texts, ndocs);
	for (size_t i = 0; i < ndocs; i++)
		buf_free(&texts[i]);
	free(texts);
	free(docs);
	registers_check(p, r.ids);
	xmlHashFree(r.ids, NULL);
}

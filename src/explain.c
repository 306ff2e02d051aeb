/* SPDX-License-Identifier: ISC */
/*
 * explain.c - schema errors in the vocabulary's own terms.  libxml2's
 * RELAX NG validator says that a source is invalid, but in words such
 * as "Did not expect element related there" or "Error validating
 * datatype string".  When it has, validate.c asks this file to walk the
 * source against templates/styrdok.rng itself and say what is wrong and
 * what was expected: "missing <review-by> in <meta> (expected after
 * <valid-from>)", "date 1/2/2026 must be YYYY-MM-DD".  It reads the
 * subset of RELAX NG the schema uses (element, attribute, group by
 * nesting, choice, optional, zeroOrMore, oneOrMore, ref, text, data with
 * pattern and minLength, value, list, empty): the children of an element
 * are matched by a small automaton built from its content, and a child
 * that does not fit is explained by the shortest run of elements that
 * would make it fit.  Each mistake gives one diagnostic; after it the
 * walk goes on as if it had been mended, so one mistake is not a cascade.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/xmlregexp.h>

#include "styrdok.h"

#define NS_RNG ((const xmlChar *)"http://relaxng.org/ns/structure/1.0")
#define NS_XML ((const xmlChar *)"http://www.w3.org/XML/1998/namespace")
#define MAX_STATES 2048
#define MAX_SEARCH 3		/* elements inserted to explain a misfit */

/* One state of the automaton of an element's children. */
struct state {
	int eps[2];		/* epsilon moves, -1 when unused */
	int next;		/* the move on an element, -1 when none */
	const xmlChar *name;	/* that element's name */
	xmlNodePtr rng;		/* and its <element> in the schema */
};

/* An attribute an element may have. */
struct attr {
	const xmlChar *name;	/* "xml:base" for the XML namespace */
	xmlNodePtr value;	/* the pattern of its value, or NULL: text */
	const char *type;	/* the define it came through, or NULL */
	int required;
	int group;		/* > 0: one of a choice of attributes */
};

/* What an <element> of the schema allows, compiled once. */
struct model {
	struct state *s;
	size_t n;
	int start, accept;
	struct attr *a;
	size_t na;
	int ngroups;
	xmlNodePtr text;	/* the pattern its text must match, or NULL */
	const char *text_type;
	int has_text;		/* text is allowed at all */
	int text_required;	/* and must be there */
};

struct explainer {
	xmlDocPtr rng;
	xmlHashTablePtr defines;	/* name -> <define> */
	xmlHashTablePtr models;		/* "%p" of <element> -> model */
	xmlHashTablePtr regexps;	/* pattern -> xmlRegexpPtr */
	xmlNodePtr start;		/* <start> */
	struct diags *d;
	int found;			/* diagnostics given */
	int english;			/* words in English (the first walk) */
};

/*
 * A piece of an explanation: English on the first walk, for the message
 * the machine formats and documents keep, and in the user's language on
 * the second (explain_source).
 */
#define T_(ex, s) ((ex)->english ? (s) : gettext(s))

static int
rng_is(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    xmlStrEqual(n->ns->href, NS_RNG) &&
	    xmlStrEqual(n->name, BAD_CAST name);
}

/* The <define> a <ref> names. */
static xmlNodePtr
define_of(struct explainer *ex, xmlNodePtr ref)
{
	xmlChar *name = xmlGetProp(ref, BAD_CAST "name");
	xmlNodePtr def = name ? xmlHashLookup(ex->defines, name) : NULL;

	xmlFree(name);
	return def;
}

/* ---- building the automaton ------------------------------------------ */

static int
state_new(struct model *m)
{
	if (m->n == MAX_STATES)
		return -1;
	m->s = xrealloc(m->s, (m->n + 1) * sizeof(*m->s));
	m->s[m->n] = (struct state){{-1, -1}, -1, NULL, NULL};
	return (int)m->n++;
}

static void
eps(struct model *m, int from, int to)
{
	if (from < 0 || to < 0)
		return;
	if (m->s[from].eps[0] < 0)
		m->s[from].eps[0] = to;
	else if (m->s[from].eps[1] < 0)
		m->s[from].eps[1] = to;
	else {
		int mid = state_new(m);

		if (mid < 0)
			return;
		m->s[mid].eps[0] = m->s[from].eps[1];
		m->s[mid].eps[1] = to;
		m->s[from].eps[1] = mid;
	}
}

static void fragment(struct explainer *, struct model *, xmlNodePtr,
    int *in, int *out, int required, const char *type, int depth);

/* The patterns among the children of p in sequence, from *in to *out. */
static void
sequence(struct explainer *ex, struct model *m, xmlNodePtr p, int *in,
    int *out, int required, const char *type, int depth)
{
	int cur = state_new(m);

	*in = cur;
	for (xmlNodePtr c = p->children; c != NULL; c = c->next) {
		int a, b;

		if (c->type != XML_ELEMENT_NODE || c->ns == NULL ||
		    !xmlStrEqual(c->ns->href, NS_RNG))
			continue;
		fragment(ex, m, c, &a, &b, required, type, depth);
		eps(m, cur, a);
		cur = b;
	}
	*out = cur;
}

/* Adds an attribute the element may have. */
static void
attr_add(struct model *m, xmlNodePtr at, int required, int group,
    const char *type)
{
	xmlChar *name = xmlGetProp(at, BAD_CAST "name");
	xmlChar *ns = xmlGetProp(at, BAD_CAST "ns");
	xmlNodePtr v = xmlFirstElementChild(at);

	while (v != NULL && !(v->ns && xmlStrEqual(v->ns->href, NS_RNG)))
		v = xmlNextElementSibling(v);
	/* A value by reference is named by its define: date, version. */
	if (rng_is(v, "ref")) {
		xmlChar *t = xmlGetProp(v, BAD_CAST "name");

		type = (const char *)xmlDictLookup(at->doc->dict, t, -1);
		xmlFree(t);
	}
	m->a = xrealloc(m->a, (m->na + 1) * sizeof(*m->a));
	m->a[m->na++] = (struct attr){xmlStrEqual(ns, NS_XML) ?
	    xmlStrdup(BAD_CAST "xml:base") : xmlStrdup(name), v, type,
	    required, group};
	xmlFree(name);
	xmlFree(ns);
}

/*
 * One pattern p as a piece of automaton from *in to *out; attributes
 * and text go into the model beside it.  type is the define the
 * pattern was reached through, for messages about values.
 */
static void
fragment(struct explainer *ex, struct model *m, xmlNodePtr p, int *in,
    int *out, int required, const char *type, int depth)
{
	*in = *out = state_new(m);
	if (depth > 64 || *in < 0)
		return;
	if (rng_is(p, "element")) {
		xmlChar *name = xmlGetProp(p, BAD_CAST "name");

		*out = state_new(m);
		if (*out < 0) {
			xmlFree(name);
			return;
		}
		m->s[*in].next = *out;
		m->s[*in].name = xmlDictLookup(ex->rng->dict, name, -1);
		m->s[*in].rng = p;
		xmlFree(name);
	} else if (rng_is(p, "attribute"))
		attr_add(m, p, required, 0, type);
	else if (rng_is(p, "text") || rng_is(p, "data") ||
	    rng_is(p, "value") || rng_is(p, "list")) {
		m->has_text = 1;
		if (!rng_is(p, "text") && m->text == NULL) {
			m->text = p;
			m->text_type = type;
			m->text_required = required;
		}
	} else if (rng_is(p, "ref")) {
		xmlNodePtr def = define_of(ex, p);
		xmlChar *name = xmlGetProp(p, BAD_CAST "name");
		const char *t = name ? (const char *)xmlDictLookup(
		    ex->rng->dict, name, -1) : type;

		xmlFree(name);
		if (def != NULL)
			sequence(ex, m, def, in, out, required, t, depth + 1);
	} else if (rng_is(p, "choice")) {
		int attrs_only = 1, any = 0;

		for (xmlNodePtr c = xmlFirstElementChild(p); c; c =
		    xmlNextElementSibling(c)) {
			any = 1;
			attrs_only &= rng_is(c, "attribute");
		}
		int texts_only = any;

		for (xmlNodePtr c = xmlFirstElementChild(p); c; c =
		    xmlNextElementSibling(c))
			texts_only &= rng_is(c, "value") || rng_is(c, "data") ||
			    rng_is(c, "text");
		if (texts_only) {
			/* A choice of values is one pattern for the text. */
			m->has_text = 1;
			if (m->text == NULL) {
				m->text = p;
				m->text_type = type;
				m->text_required = required;
			}
			return;
		}
		if (any && attrs_only) {
			/* One of these attributes (operator kind= or provider=). */
			m->ngroups++;
			for (xmlNodePtr c = xmlFirstElementChild(p); c; c =
			    xmlNextElementSibling(c))
				attr_add(m, c, 0, required ? m->ngroups : -1,
				    type);
			return;
		}
		*out = state_new(m);
		for (xmlNodePtr c = p->children; c != NULL; c = c->next) {
			int a, b;

			if (c->type != XML_ELEMENT_NODE || c->ns == NULL ||
			    !xmlStrEqual(c->ns->href, NS_RNG))
				continue;
			fragment(ex, m, c, &a, &b, 0, type, depth + 1);
			eps(m, *in, a);
			eps(m, b, *out);
		}
	} else if (rng_is(p, "optional") || rng_is(p, "zeroOrMore") ||
	    rng_is(p, "oneOrMore")) {
		int a, b, optional = !rng_is(p, "oneOrMore");

		sequence(ex, m, p, &a, &b, required && !optional, type,
		    depth + 1);
		*out = state_new(m);
		eps(m, *in, a);
		eps(m, b, *out);
		if (optional)
			eps(m, *in, *out);
		if (!rng_is(p, "optional"))
			eps(m, b, a);
	} else if (rng_is(p, "group") || rng_is(p, "define"))
		sequence(ex, m, p, in, out, required, type, depth + 1);
	/* empty, notAllowed and annotations add nothing. */
}

static void
model_free(void *payload, const xmlChar *name)
{
	struct model *m = payload;

	(void)name;
	for (size_t i = 0; i < m->na; i++)
		xmlFree((xmlChar *)m->a[i].name);
	free(m->a);
	free(m->s);
	free(m);
}

/* The model of <element> e, built on first use. */
static struct model *
model_of(struct explainer *ex, xmlNodePtr e)
{
	char key[32];
	struct model *m;

	snprintf(key, sizeof(key), "%p", (void *)e);
	if ((m = xmlHashLookup(ex->models, BAD_CAST key)) != NULL)
		return m;
	m = xcalloc(1, sizeof(*m));
	sequence(ex, m, e, &m->start, &m->accept, 1, NULL, 0);
	xmlHashAddEntry(ex->models, BAD_CAST key, m);
	return m;
}

/* ---- running it ------------------------------------------------------- */

/* Adds the states reachable from set by epsilon moves. */
static void
closure(const struct model *m, char *set)
{
	int changed = 1;

	while (changed) {
		changed = 0;
		for (size_t i = 0; i < m->n; i++)
			for (int k = 0; set[i] && k < 2; k++)
				if (m->s[i].eps[k] >= 0 && !set[m->s[i].eps[k]]) {
					set[m->s[i].eps[k]] = 1;
					changed = 1;
				}
	}
}

/* The set after an element named name; returns whether it is not empty. */
static int
step(const struct model *m, const char *from, const xmlChar *name,
    char *to, xmlNodePtr *rng)
{
	int any = 0;

	memset(to, 0, m->n);
	for (size_t i = 0; i < m->n; i++)
		if (from[i] && m->s[i].next >= 0 &&
		    xmlStrEqual(m->s[i].name, name)) {
			if (rng != NULL && !any)
				*rng = m->s[i].rng;
			to[m->s[i].next] = 1;
			any = 1;
		}
	closure(m, to);
	return any;
}

/* The names the set may go on with, in schema order, one each. */
static size_t
expected(const struct model *m, const char *set, const xmlChar **v,
    size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < m->n && n < max; i++) {
		size_t k;

		if (!set[i] || m->s[i].next < 0)
			continue;
		for (k = 0; k < n && !xmlStrEqual(v[k], m->s[i].name); k++)
			;
		if (k == n)
			v[n++] = m->s[i].name;
	}
	return n;
}

/* Whether set is where name fits (name NULL: where the element may end). */
static int
goal(const struct model *m, const char *set, const xmlChar *name)
{
	char *probe;
	int ok;

	if (name == NULL)
		return set[m->accept];
	probe = xmalloc(m->n);
	ok = step(m, set, name, probe, NULL);
	free(probe);
	return ok;
}

/* A run of exactly left elements from set to the goal, into run. */
static int
search(const struct model *m, const char *set, const xmlChar *name,
    const xmlChar **run, int left)
{
	const xmlChar *names[64];
	char *next;
	size_t nn;
	int found = 0;

	if (left == 0)
		return goal(m, set, name);
	nn = expected(m, set, names, 64);
	next = xmalloc(m->n);
	for (size_t i = 0; i < nn && !found; i++) {
		step(m, set, names[i], next, NULL);
		if ((found = search(m, next, name, run + 1, left - 1)))
			run[0] = names[i];
	}
	free(next);
	return found;
}

/*
 * The shortest run of elements (at most MAX_SEARCH) that takes set to
 * where name fits (name NULL: to the end of the element), written to
 * run.  Returns its length, or -1 when there is none that short.
 */
static int
mend(const struct model *m, const char *set, const xmlChar *name,
    const xmlChar **run)
{
	for (int len = 0; len <= MAX_SEARCH; len++)
		if (search(m, set, name, run, len))
			return len;
	return -1;
}

/* "<a>", "<a> and <b>", "<a>, <b> and <c>" into b. */
static void
name_list(struct buf *b, const xmlChar **v, size_t n, const char *last)
{
	for (size_t i = 0; i < n; i++)
		buf_printf(b, "%s<%s>", i == 0 ? "" : i + 1 == n ? last : ", ",
		    (const char *)v[i]);
}

/* ---- values ----------------------------------------------------------- */

static xmlRegexpPtr
regexp_of(struct explainer *ex, const xmlChar *pattern)
{
	xmlRegexpPtr re = xmlHashLookup(ex->regexps, pattern);

	if (re == NULL && (re = xmlRegexpCompile(pattern)) != NULL)
		xmlHashAddEntry(ex->regexps, pattern, re);
	return re;
}

static void
regexp_free(void *payload, const xmlChar *name)
{
	(void)name;
	xmlRegFreeRegexp(payload);
}

/* s from its first letter on, or "id" when it has none. */
static const char *
id_letter_first(const char *s)
{
	while (*s != '\0' && !(*s >= 'a' && *s <= 'z'))
		s++;
	return *s ? s : "id";
}

/* The <value>s of a choice (or a lone value) into v; their number. */
static size_t
values_of(struct explainer *ex, xmlNodePtr p, const char **v, size_t max,
    int depth)
{
	size_t n = 0;

	if (depth > 16)
		return 0;
	if (rng_is(p, "value")) {
		if (max > 0 && p->children != NULL && p->children->content)
			v[n++] = (const char *)p->children->content;
		return n;
	}
	if (rng_is(p, "ref"))
		return values_of(ex, define_of(ex, p), v, max, depth + 1);
	if (rng_is(p, "choice") || rng_is(p, "define"))
		for (xmlNodePtr c = xmlFirstElementChild(p); c && n < max;
		    c = xmlNextElementSibling(c))
			n += values_of(ex, c, v + n, max - n, depth + 1);
	return n;
}

/*
 * Whether value matches pattern p; on no, *why says what is expected
 * (the caller frees it), in the words of what the value is: what names
 * its define (date, id, version) or the choice of values.
 */
static int
value_ok(struct explainer *ex, xmlNodePtr p, const char *value,
    const char *type, char **why, int depth)
{
	*why = NULL;
	if (p == NULL || depth > 16)
		return 1;
	if (rng_is(p, "ref")) {
		xmlChar *name = xmlGetProp(p, BAD_CAST "name");
		const char *t = (const char *)xmlDictLookup(ex->rng->dict,
		    name, -1);

		xmlFree(name);
		return value_ok(ex, define_of(ex, p), value, t, why, depth + 1);
	}
	if (rng_is(p, "define") || rng_is(p, "group")) {
		xmlNodePtr c = xmlFirstElementChild(p);

		while (c != NULL && !(c->ns && xmlStrEqual(c->ns->href, NS_RNG)))
			c = xmlNextElementSibling(c);
		return value_ok(ex, c, value, type, why, depth + 1);
	}
	if (rng_is(p, "text"))
		return 1;
	if (rng_is(p, "list")) {
		char *copy = xstrdup(value), *save = NULL;
		int ok = 1;

		for (char *w = strtok_r(copy, " \t\r\n", &save); w && ok;
		    w = strtok_r(NULL, " \t\r\n", &save))
			ok = value_ok(ex, xmlFirstElementChild(p), w, type, why,
			    depth + 1);
		free(copy);
		return ok;
	}
	if (rng_is(p, "value") || rng_is(p, "choice")) {
		const char *v[64];
		size_t n = values_of(ex, p, v, 64, 0);
		struct buf b = {0};
		const char *near;

		for (size_t i = 0; i < n; i++)
			if (strcmp(v[i], value) == 0)
				return 1;
		if (n == 0) {
			/* A choice of data: any alternative will do. */
			for (xmlNodePtr c = xmlFirstElementChild(p); c; c =
			    xmlNextElementSibling(c)) {
				char *w;

				if (value_ok(ex, c, value, type, &w, depth + 1))
					return 1;
				free(*why);
				*why = w;
			}
			return 0;
		}
		buf_adds(&b, T_(ex, "must be one of "));
		for (size_t i = 0; i < n; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", v[i]);
		if (strlen(value) < 100 &&
		    (near = closest_word(value, v, n)) != NULL)
			buf_printf(&b, T_(ex, " (did you mean \"%s\"?)"), near);
		*why = b.data;
		return 0;
	}
	if (rng_is(p, "data")) {
		for (xmlNodePtr prm = xmlFirstElementChild(p); prm; prm =
		    xmlNextElementSibling(prm)) {
			xmlChar *pn = xmlGetProp(prm, BAD_CAST "name");
			xmlChar *pv = xmlNodeGetContent(prm);
			int bad = 0;

			if (xmlStrEqual(pn, BAD_CAST "minLength"))
				bad = (int)strlen(value) < atoi((char *)pv);
			else if (xmlStrEqual(pn, BAD_CAST "pattern")) {
				xmlRegexpPtr re = regexp_of(ex, pv);

				bad = re != NULL && xmlRegexpExec(re,
				    BAD_CAST value) != 1;
			}
			xmlFree(pn);
			xmlFree(pv);
			if (!bad)
				continue;
			if (type == NULL)
				*why = xstrdup(T_(ex, "does not have the form "
				    "the schema wants"));
			else if (strcmp(type, "date") == 0) {
				char guess[11];

				*why = strlen(value) < 32 && date_guess(value, guess) ?
				    xasprintf(T_(ex, "must be YYYY-MM-DD (try %s)"),
				    guess) : xstrdup(T_(ex, "must be YYYY-MM-DD, "
				    "such as 2027-03-22"));
			} else if (strcmp(type, "docid") == 0) {
				char *c = text_clip(value, 60);
				char *t = id_suggest(c);

				free(c);

				*why = xasprintf(T_(ex, "may only use a–z, 0–9 "
				    "and - (try \"%s\")"), id_letter_first(t));
				free(t);
			} else if (strcmp(type, "id.attr") == 0 ||
			    strcmp(type, "idref") == 0) {
				char *c = text_clip(value, 60);
				char *t = id_suggest(c);

				free(c);

				*why = xasprintf(T_(ex, "may only use a–z, A–Z, "
				    "0–9, - and _, starting with a letter (try "
				    "\"%s\")"), id_letter_first(t));
				free(t);
			} else if (strcmp(type, "version") == 0)
				*why = xstrdup(T_(ex, "must be numbers with "
				    "dots between, such as 1.0 or 2.1"));
			else if (strcmp(type, "paragraph") == 0)
				*why = xstrdup(T_(ex, "must be the number of "
				    "the paragraph (§) alone, such as 115 or "
				    "115a"));
			else if (strcmp(type, "colour") == 0)
				*why = xstrdup(T_(ex, "must be a colour "
				    "#rrggbb, such as #1f4e79"));
			else if (strcmp(type, "text") == 0)
				*why = xstrdup(T_(ex, "must not be empty"));
			else
				*why = xasprintf(T_(ex, "is not a valid %s"),
				    type);
			return 0;
		}
		return 1;
	}
	return 1;
}

/* What a value of pattern p looks like, for "lacks the attribute". */
static const char *
value_kind(struct explainer *ex, xmlNodePtr p, const char *type)
{
	const char *v[1];

	if (type != NULL && strcmp(type, "date") == 0)
		return T_(ex, " (a date YYYY-MM-DD)");
	if (type != NULL && (strcmp(type, "idref") == 0 ||
	    strcmp(type, "docid") == 0))
		return T_(ex, " (an id)");
	if (type != NULL && strcmp(type, "id.attr") == 0)
		return T_(ex, " (an id unique in the project)");
	if (type != NULL && strcmp(type, "version") == 0)
		return T_(ex, " (numbers with dots between, such as 1.0)");
	if (type != NULL && strcmp(type, "paragraph") == 0)
		return T_(ex, " (the paragraph number, such as 115)");
	if (p != NULL && values_of(ex, p, v, 1, 0) > 0)
		return T_(ex, " (one of the values the schema lists)");
	return "";
}

/* ---- the walk ------------------------------------------------------- */

static void
say(struct explainer *ex, xmlNodePtr n, const char *attr, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

/* A schema error, in English or the user's language (ex->english). */
static void
say(struct explainer *ex, xmlNodePtr n, const char *attr, const char *fmt,
    ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, T_(ex, fmt), ap) < 0)
		msg = NULL;
	va_end(ap);
	diag_node(ex->d, n, attr, SEV_ERROR, RULE_SCHEMA, "%s",
	    msg ? msg : "schema error");
	free(msg);
	ex->found++;
}

static int
in_vocabulary(xmlNodePtr n)
{
	return n->ns != NULL && xmlStrEqual(n->ns->href, NS_STYRDOK);
}

static void element(struct explainer *, xmlNodePtr, xmlNodePtr);

/* The attributes of n against the model. */
static void
attributes(struct explainer *ex, xmlNodePtr n, struct model *m)
{
	const char *meant[16];	/* missing attributes a typo stands for */
	size_t nmeant = 0;

	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		const xmlChar *name = a->ns && xmlStrEqual(a->ns->href, NS_XML) ?
		    BAD_CAST "xml:base" : a->name;
		struct attr *at = NULL;
		xmlChar *v;
		char *why;

		for (size_t i = 0; i < m->na && at == NULL; i++)
			if (xmlStrEqual(m->a[i].name, name))
				at = &m->a[i];
		if (at == NULL) {
			const char *names[64], *near;
			size_t k = 0;
			struct buf b = {0};

			for (size_t i = 0; i < m->na && k < 64; i++)
				if (!xmlStrEqual(m->a[i].name, BAD_CAST "xml:base"))
					names[k++] = (const char *)m->a[i].name;
			near = closest_word((const char *)name, names, k);
			if (near != NULL && nmeant < 16)
				meant[nmeant++] = near;
			if (near != NULL)
				buf_printf(&b, T_(ex, "; did you mean %s?"),
				    near);
			else if (k > 0) {
				buf_adds(&b, T_(ex, "; it may have "));
				for (size_t i = 0; i < k; i++)
					buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 ==
					    k ? T_(ex, " and ") : ", ", names[i]);
			} else
				buf_adds(&b, T_(ex, "; it has no attributes"));
			say(ex, n, (const char *)name, "<%s> has no attribute "
			    "%s%s", n->name, name, b.data);
			buf_free(&b);
			continue;
		}
		v = xmlNodeGetContent((xmlNodePtr)a);
		if (!value_ok(ex, at->value, v ? (char *)v : "", at->type,
		    &why, 0)) {
			/* Quote a value of any length as a short one. */
			char *full = (char *)v;

			v = BAD_CAST text_clip(full ? full : "", 60);
			xmlFree(full);
			const char *what = at->type && strcmp(at->type,
			    "date") == 0 ? "date" : at->type &&
			    (strcmp(at->type, "id.attr") == 0 ||
			    strcmp(at->type, "idref") == 0 ||
			    strcmp(at->type, "docid") == 0) ? "id" : NULL;

			if (what != NULL && strcmp(what, "date") == 0 &&
			    strcmp((char *)name, "date") == 0)
				say(ex, n, (const char *)name, "date %s %s", v,
				    why);
			else if (what != NULL && strcmp(what, "date") == 0)
				say(ex, n, (const char *)name, "%s=\"%s\": the "
				    "date %s", name, v, why);
			else if (what != NULL && strcmp((char *)name, "id") == 0)
				say(ex, n, (const char *)name, "id \"%s\" %s", v,
				    why);
			else
				say(ex, n, (const char *)name, "%s=\"%s\" %s",
				    name, v, why);
			free(v);
			v = NULL;
		}
		free(why);
		xmlFree(v);
	}
	for (size_t i = 0; i < m->na; i++) {
		size_t k;

		/* A misspelt attribute was reported as that already. */
		for (k = 0; k < nmeant && !xmlStrEqual(BAD_CAST meant[k],
		    m->a[i].name); k++)
			;
		if (k < nmeant)
			continue;
		if (m->a[i].required && m->a[i].group == 0 &&
		    !xmlHasProp(n, m->a[i].name) &&
		    !xmlStrEqual(m->a[i].name, BAD_CAST "xml:base"))
			say(ex, n, NULL, "<%s> lacks %s=\"...\"%s; add it",
			    n->name, m->a[i].name, value_kind(ex,
			    m->a[i].value, m->a[i].type));
	}
	for (int g = 1; g <= m->ngroups; g++) {
		struct buf b = {0};
		int present = 0, k = 0;

		for (size_t i = 0; i < m->na; i++)
			if (m->a[i].group == g) {
				present += xmlHasProp(n, m->a[i].name) != NULL;
				buf_printf(&b, "%s%s=", k++ ? T_(ex, " or ") :
				    "", m->a[i].name);
			}
		if (k > 0 && present == 0)
			say(ex, n, NULL, "<%s> needs %s", n->name, b.data);
		else if (present > 1)
			say(ex, n, NULL, "<%s> takes only one of %s", n->name,
			    b.data);
		buf_free(&b);
	}
}

/* The text of n against the model. */
static void
text(struct explainer *ex, xmlNodePtr n, struct model *m)
{
	int has = 0;
	xmlChar *t;
	char *why;

	for (xmlNodePtr c = n->children; c != NULL; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type ==
		    XML_CDATA_SECTION_NODE) && !xmlIsBlankNode(c))
			has = 1;
	if (has && !m->has_text) {
		say(ex, n, NULL, "<%s> holds text, but only elements belong "
		    "in it; put the text in the element meant for it", n->name);
		return;
	}
	if (!m->has_text || m->text == NULL || (!has && !m->text_required))
		return;
	t = xmlNodeGetContent(n);
	if (!value_ok(ex, m->text, t ? (char *)t : "", m->text_type, &why,
	    0)) {
		char *v = t ? xstrdup((char *)t) : xstrdup("");

		/* Show the value as written, trimmed, not its whole text. */
		if (strlen(v) > 40)
			strcpy(v + 37, "...");
		if (m->text_type && strcmp(m->text_type, "date") == 0)
			say(ex, n, NULL, "date %s %s", v, why);
		else if (*v == '\0' || (m->text_type &&
		    strcmp(m->text_type, "text") == 0))
			say(ex, n, NULL, "<%s> is empty; it must have a text",
			    n->name);
		else
			say(ex, n, NULL, "<%s>%s</%s>: the text %s", n->name, v,
			    n->name, why);
		free(v);
	}
	free(why);
	xmlFree(t);
}

/* The children of n against the model, each one that fits walked in turn. */
static void
children(struct explainer *ex, xmlNodePtr n, struct model *m)
{
	char *set = xcalloc(m->n, 1), *next = xcalloc(m->n, 1), *tmp;
	xmlNodePtr prev = NULL, rng;
	const xmlChar *run[MAX_SEARCH], *exp[64];
	int len;

	set[m->start] = 1;
	closure(m, set);
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!in_vocabulary(c)) {
			say(ex, c, NULL, "<%s> is not in the styrdok vocabulary "
			    "(namespace urn:styrdok:1); remove it or write it as "
			    "the schema names it", c->name);
			continue;
		}
		rng = NULL;
		if (step(m, set, c->name, next, &rng)) {
			element(ex, c, rng);
			tmp = set, set = next, next = tmp;
			prev = c;
			continue;
		}
		if ((len = mend(m, set, c->name, run)) > 0) {
			struct buf b = {0};

			name_list(&b, run, (size_t)len, T_(ex, " and "));
			if (prev != NULL)
				say(ex, c, NULL, "missing %s in <%s> (expected "
				    "after <%s>, before <%s>)", b.data, n->name,
				    prev->name, c->name);
			else
				say(ex, c, NULL, "missing %s in <%s> (expected "
				    "first, before <%s>)", b.data, n->name,
				    c->name);
			buf_free(&b);
			for (int i = 0; i < len; i++) {
				step(m, set, run[i], next, NULL);
				tmp = set, set = next, next = tmp;
			}
			step(m, set, c->name, next, &rng);
			element(ex, c, rng);
			tmp = set, set = next, next = tmp;
			prev = c;
			continue;
		}
		/* An element where only text belongs. */
		int any_element = 0;

		for (size_t i = 0; i < m->n && !any_element; i++)
			any_element = m->s[i].next >= 0;
		if (!any_element) {
			say(ex, c, NULL, "<%s> holds only text; <%s> does not "
			    "belong in it (write its text without the tags)",
			    n->name, c->name);
			continue;
		}
		/* Not here: say what may come instead, and go on without it. */
		size_t ne = expected(m, set, exp, 64);
		struct buf b = {0};
		const char *names[64], *near;

		for (size_t i = 0; i < ne; i++)
			names[i] = (const char *)exp[i];
		near = closest_word((const char *)c->name, names, ne);
		if (near != NULL)
			buf_printf(&b, T_(ex, "; did you mean <%s>?"), near);
		else if (ne > 0) {
			buf_adds(&b, T_(ex, "; expected "));
			name_list(&b, exp, ne, T_(ex, " or "));
			if (set[m->accept])
				buf_adds(&b, T_(ex, " or the end of it"));
		} else
			buf_printf(&b, T_(ex, "; nothing more belongs in <%s> "
			    "here"), n->name);
		say(ex, c, NULL, prev ? "<%s> does not belong here in <%s>%s" :
		    N_("<%s> does not belong first in <%s>%s"), c->name,
		    n->name, b.data);
		buf_free(&b);
	}
	if (!set[m->accept] && (len = mend(m, set, NULL, run)) > 0) {
		struct buf b = {0};

		name_list(&b, run, (size_t)len, T_(ex, " and "));
		if (prev != NULL)
			say(ex, prev, NULL, "missing %s in <%s> (expected after "
			    "<%s>)", b.data, n->name, prev->name);
		else
			say(ex, n, NULL, "missing %s in <%s>", b.data, n->name);
		buf_free(&b);
	}
	free(set);
	free(next);
}

/* n against the schema's <element> e: attributes, text, children. */
static void
element(struct explainer *ex, xmlNodePtr n, xmlNodePtr e)
{
	struct model *m;

	if (e == NULL)
		return;
	m = model_of(ex, e);
	attributes(ex, n, m);
	text(ex, n, m);
	children(ex, n, m);
}

/* The <element> of <start> named name (through refs and choices). */
static xmlNodePtr
start_element(struct explainer *ex, xmlNodePtr p, const xmlChar *name,
    struct buf *names, int depth)
{
	xmlNodePtr found = NULL;

	if (p == NULL || depth > 16)
		return NULL;
	if (rng_is(p, "element")) {
		xmlChar *en = xmlGetProp(p, BAD_CAST "name");
		int is = xmlStrEqual(en, name);

		buf_printf(names, "%s<%s>", names->len ? ", " : "", en);
		xmlFree(en);
		return is ? p : NULL;
	}
	if (rng_is(p, "ref"))
		return start_element(ex, define_of(ex, p), name, names,
		    depth + 1);
	for (xmlNodePtr c = xmlFirstElementChild(p); c; c =
	    xmlNextElementSibling(c))
		if (rng_is(c, "element") || rng_is(c, "ref") ||
		    rng_is(c, "choice")) {
			xmlNodePtr f = start_element(ex, c, name, names,
			    depth + 1);

			if (found == NULL)
				found = f;
		}
	return found;
}

/* ---- the interface ---------------------------------------------------- */

/*
 * Reads the schema at path (styrdok.rng).  Returns NULL when it cannot
 * be read; validate.c then keeps libxml2's own words.
 */
struct explainer *
explainer_new(const char *path)
{
	xmlDocPtr rng = xmlReadFile(path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	struct explainer *ex;
	xmlNodePtr root = xmlDocGetRootElement(rng);

	if (root == NULL || !rng_is(root, "grammar") || rng->dict == NULL) {
		xmlFreeDoc(rng);
		return NULL;
	}
	ex = xcalloc(1, sizeof(*ex));
	ex->rng = rng;
	ex->defines = xmlHashCreate(128);
	ex->models = xmlHashCreate(256);
	ex->regexps = xmlHashCreate(32);
	for (xmlNodePtr c = xmlFirstElementChild(root); c; c =
	    xmlNextElementSibling(c)) {
		if (rng_is(c, "define")) {
			xmlChar *name = xmlGetProp(c, BAD_CAST "name");

			if (name != NULL)
				xmlHashAddEntry(ex->defines, name, c);
			xmlFree(name);
		} else if (rng_is(c, "start"))
			ex->start = c;
	}
	return ex;
}

void
explainer_free(struct explainer *ex)
{
	if (ex == NULL)
		return;
	xmlHashFree(ex->defines, NULL);
	xmlHashFree(ex->models, model_free);
	xmlHashFree(ex->regexps, regexp_free);
	xmlFreeDoc(ex->rng);
	free(ex);
}

/* One walk of the source whose root is top, its diagnostics added to d. */
static int
walk(struct explainer *ex, struct diags *d, xmlNodePtr top)
{
	struct buf names = {0};
	xmlNodePtr e;

	ex->d = d;
	ex->found = 0;
	buf_adds(&names, "");
	e = start_element(ex, ex->start, top->name, &names, 0);
	if (!in_vocabulary(top))
		say(ex, top, NULL, "<%s> is not in the styrdok vocabulary: "
		    "write <%s xmlns=\"urn:styrdok:1\">", top->name, top->name);
	else if (e == NULL)
		say(ex, top, NULL, "<%s> cannot be the root of a source; it "
		    "must be one of %s", top->name, names.data);
	else
		element(ex, top, e);
	buf_free(&names);
	return ex->found;
}

/*
 * Explains why the source whose root element is top does not follow
 * the schema, in diagnostics (rule schema) added to d.  Returns how
 * many it gave: 0 means it found nothing, and libxml2's words stand.
 */
int
explain_source(struct explainer *ex, struct diags *d, xmlNodePtr top)
{
	struct diags *local;
	size_t first = diags_len(d);
	int found;

	if (ex == NULL || top == NULL)
		return 0;
	ex->english = 1;
	found = walk(ex, d, top);
	if (found == 0 || !diags_translated())
		return found;
	/* The same walk again in the user's language, message by message. */
	local = diags_new(NULL);
	ex->english = 0;
	if (walk(ex, local, top) == found)
		for (int i = 0; i < found; i++)
			diags_set_text(d, first + (size_t)i,
			    diags_get(local, (size_t)i)->msg);
	diags_free(local);
	ex->d = d;
	ex->found = found;
	return found;
}

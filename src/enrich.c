/* SPDX-License-Identifier: ISC */
/*
 * enrich.c - stage 3: adds what is derived, so the stylesheets only
 * present: Markdown prose becomes tree (markdown.c), sections and
 * requirements get their numbers, the house-style profile is copied in,
 * and the tree gets the date outputs may print.  After this stage the
 * tree is complete: `styrdok build --dump` prints it, and plain xsltproc
 * with the same stylesheets gives the same output.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/hash.h>
#include <libxml/parser.h>

#include "styrdok.h"

static void
collect_anchors(xmlHashTablePtr h, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *id = xmlGetProp(n, BAD_CAST "id");

		if (id != NULL)
			xmlHashAddEntry(h, id, n);
		xmlFree(id);
		collect_anchors(h, n->children);
	}
}

struct numbering {
	int requirement;	/* requirements so far in this chapter */
	int chapter;		/* the top-level section's number, or 0 */
	xmlHashTablePtr anchors;
	struct project *p;
};

/*
 * Numbers sections 1, 1.1, ... and requirements by chapter: the second
 * requirement anywhere in section 4 is "4.2", so a reader can find it
 * and a politician can name it in a debate.
 */
static void
number_body(struct numbering *nb, xmlNodePtr n, const char *prefix)
{
	int section = 0;
	char num[64];

	for (; n != NULL; n = n->next) {
		if (tree_is(n, "section")) {
			snprintf(num, sizeof(num), "%s%s%d", prefix,
			    *prefix ? "." : "", ++section);
			xmlSetProp(n, BAD_CAST "num", BAD_CAST num);
			if (*prefix == '\0') {
				nb->chapter = section;
				nb->requirement = 0;
			}
			number_body(nb, n->children, num);
		} else if (tree_is(n, "requirement")) {
			if (nb->chapter > 0)
				snprintf(num, sizeof(num), "%d.%d", nb->chapter,
				    ++nb->requirement);
			else
				snprintf(num, sizeof(num), "%d", ++nb->requirement);
			xmlSetProp(n, BAD_CAST "num", BAD_CAST num);
			number_body(nb, n->children, prefix);
		} else if (tree_is(n, "prose"))
			markdown_splice(nb->p, n, nb->anchors);
	}
}

static void
splice_all_prose(struct project *p, xmlNodePtr n, xmlHashTablePtr anchors)
{
	for (; n != NULL; n = n->next) {
		if (tree_is(n, "prose"))
			markdown_splice(p, n, anchors);
		else if (n->type == XML_ELEMENT_NODE)
			splice_all_prose(p, n->children, anchors);
	}
}

/* Appends text to b as one line of Markdown that shows it as written. */
static void
md_text(struct buf *b, const char *text)
{
	int blank = 1;

	for (const char *t = text; t != NULL && *t != '\0'; t++) {
		if (isspace((unsigned char)*t)) {
			if (!blank)
				buf_add(b, " ", 1);
			blank = 1;
			continue;
		}
		if (strchr("\\`*_[]<>&#!~|", *t) != NULL)
			buf_add(b, "\\", 1);
		buf_add(b, t, 1);
		blank = 0;
	}
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
}

/* A numbered list of the scale's labels of kind, with what each means. */
static void
md_scale(struct buf *b, xmlNodePtr scale, const char *kind)
{
	for (xmlNodePtr l = scale->children; l != NULL; l = l->next) {
		char *lv, *label, *what;

		if (!tree_is(l, kind))
			continue;
		lv = tree_prop(l, "level");
		label = (char *)xmlNodeGetContent(l);
		what = tree_prop(l, "description");
		buf_printf(b, "%s. **", lv);
		md_text(b, label);
		buf_adds(b, ".**");
		if (what != NULL) {
			buf_adds(b, " ");
			md_text(b, what);
		}
		buf_adds(b, "\n");
		free(lv);
		free(label);
		free(what);
	}
	buf_adds(b, "\n");
}

/*
 * The risk method as Markdown prose, so every format shows it as it
 * shows any prose and the method is written once, as data.  The few
 * fixed words are Swedish reader text.
 */
static char *
method_markdown(xmlNodePtr m)
{
	xmlNodePtr scale = tree_child(m, "scale"), prio = tree_child(m, "priority");
	char *levels = tree_prop(scale, "levels"), *thr = tree_prop(scale,
	    "threshold");
	int max = atoi(levels);
	struct buf b = {0};

	buf_adds(&b, "**Sannolikhet**\n\n");
	md_scale(&b, scale, "probability");
	buf_adds(&b, "**Konsekvens**\n\n");
	md_scale(&b, scale, "consequence");
	buf_printf(&b, "**Riskvärde** är sannolikheten multiplicerad med "
	    "konsekvensen, från 1 till %d. **Acceptansnivån är riskvärde %s.**"
	    "\n\n", max * max, thr);
	for (xmlNodePtr band = m->children; band != NULL; band = band->next) {
		char *from, *to, *text;

		if (!tree_is(band, "band"))
			continue;
		from = tree_prop(band, "from");
		to = tree_prop(band, "to");
		text = (char *)xmlNodeGetContent(band);
		if (strcmp(from, to) == 0)
			buf_printf(&b, "- **Riskvärde %s.** ", from);
		else
			buf_printf(&b, "- **Riskvärde %s–%s.** ", from, to);
		md_text(&b, text);
		buf_adds(&b, "\n");
		free(from);
		free(to);
		free(text);
	}
	if (prio != NULL) {
		char *lv = tree_prop(prio, "level"), *h = tree_prop(prio,
		    "max-downtime");

		buf_adds(&b, "\n**Prioriterat system.** Ett system är "
		    "prioriterat när minst ett av följande gäller:\n\n");
		buf_printf(&b, "- konfidentialitet, riktighet, tillgänglighet "
		    "eller spårbarhet har nivå %s eller högre,\n", lv);
		if (h != NULL)
			buf_printf(&b, "- den längsta acceptabla avbrottstiden "
			    "är %s timmar eller kortare,\n", h);
		for (xmlNodePtr c = prio->children; c != NULL; c = c->next) {
			char *text;

			if (!tree_is(c, "criterion"))
				continue;
			text = (char *)xmlNodeGetContent(c);
			buf_adds(&b, "- ");
			md_text(&b, text);
			buf_adds(&b, "\n");
			free(text);
		}
		free(lv);
		free(h);
	}
	free(levels);
	free(thr);
	return b.data;
}

/*
 * Replaces each <risk-method-ref> of the document by the method as
 * prose; a reference that names no method was reported by the rules
 * and shows nothing.
 */
static void
expand_method_refs(struct project *p, xmlNodePtr n)
{
	while (n != NULL) {
		xmlNodePtr next = n->next;

		if (tree_is(n, "risk-method-ref")) {
			char *ref = tree_prop(n, "ref");
			xmlNodePtr m = tree_find(p, "risk-method", ref);
			char *md = m ? method_markdown(m) : NULL;

			if (md != NULL) {
				xmlNodePtr prose = xmlNewDocNode(n->doc, n->ns,
				    BAD_CAST "prose", NULL);

				xmlNodeAddContent(prose, BAD_CAST md);
				xmlAddPrevSibling(n, prose);
			}
			xmlUnlinkNode(n);
			xmlFreeNode(n);
			free(ref);
			free(md);
		} else if (n->type == XML_ELEMENT_NODE)
			expand_method_refs(p, n->children);
		n = next;
	}
}

/*
 * An analysis that follows a method without a scale of its own gets a
 * copy of the method's, so the registers show the scale it was made on.
 */
static void
add_method_scale(struct project *p, xmlNodePtr analysis)
{
	char *ref = tree_prop(analysis, "method");
	xmlNodePtr m = ref ? tree_find(p, "risk-method", ref) : NULL;
	xmlNodePtr part = tree_child(analysis, "participants");

	if (m != NULL && tree_child(analysis, "scale") == NULL && part != NULL)
		xmlAddNextSibling(part, xmlDocCopyNode(tree_child(m, "scale"),
		    analysis->doc, 1));
	free(ref);
}

/*
 * Numbers the document and turns its prose into tree; also used by diff
 * for a version that is not part of the project.
 */
void
enrich_document(struct project *p, xmlNodePtr doc)
{
	if (xmlSearchNsByHref(doc->doc, xmlDocGetRootElement(doc->doc),
	    NS_COMMONMARK) == NULL)
		xmlNewNs(xmlDocGetRootElement(doc->doc), NS_COMMONMARK,
		    BAD_CAST "md");
	struct numbering nb = {0, 0, xmlHashCreate(64), p};

	expand_method_refs(p, doc->children);
	collect_anchors(nb.anchors, doc);
	for (xmlNodePtr n = doc->children; n != NULL; n = n->next)
		if (tree_is(n, "body"))
			number_body(&nb, n->children, "");
	xmlHashFree(nb.anchors, NULL);
}

/* Newest date anywhere in the sources' histories, or NULL. */
static void
newest_date(xmlNodePtr n, char *best)
{
	for (; n != NULL; n = n->next) {
		if (tree_is(n, "revision")) {
			xmlChar *d = xmlGetProp(n, BAD_CAST "date");

			if (d != NULL && iso_date_valid((char *)d) &&
			    strcmp((char *)d, best) > 0)
				snprintf(best, 11, "%s", (char *)d);
			xmlFree(d);
		} else if (n->type == XML_ELEMENT_NODE)
			newest_date(n->children, best);
	}
}

/*
 * The date outputs may show as "generated": SOURCE_DATE_EPOCH when set,
 * otherwise the newest revision date in the sources, never the clock.
 */
static void
set_build_date(struct project *p)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	xmlNodePtr root = xmlDocGetRootElement(p->tree);
	char date[11] = "0000-00-00";

	if (epoch != NULL && *epoch != '\0') {
		char *end;
		long long v = strtoll(epoch, &end, 10);
		time_t t = (time_t)v;
		struct tm tm;

		if (*end == '\0' && v >= 0 && gmtime_r(&t, &tm) != NULL) {
			strftime(date, sizeof(date), "%Y-%m-%d", &tm);
			xmlSetProp(root, BAD_CAST "build-date", BAD_CAST date);
			return;
		}
		diag_add(p->diags, NULL, 0, 0, SEV_WARNING, RULE_ENVIRONMENT,
		    "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds; "
		    "ignored", epoch);
	}
	newest_date(root->children, date);
	if (strcmp(date, "0000-00-00") != 0)
		xmlSetProp(root, BAD_CAST "build-date", BAD_CAST date);
}

/* Riskvärde = sannolikhet x konsekvens, computed for every risk. */
static void
compute_risk_values(xmlNodePtr analysis)
{
	for (xmlNodePtr r = analysis->children; r != NULL; r = r->next) {
		xmlChar *pr, *co;
		char num[16];

		if (!tree_is(r, "risk"))
			continue;
		pr = xmlGetProp(r, BAD_CAST "probability");
		co = xmlGetProp(r, BAD_CAST "consequence");
		snprintf(num, sizeof(num), "%d", atoi((char *)pr) *
		    atoi((char *)co));
		xmlSetProp(r, BAD_CAST "risk-value", BAD_CAST num);
		xmlFree(pr);
		xmlFree(co);
	}
}

/* The element a governance gap is shown on: the register entry or document. */
static xmlNodePtr
gap_holder(xmlNodePtr n)
{
	static const char *const holders[] = {"risk", "system",
	    "continuity-plan", "risk-analysis", "document"};

	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		for (size_t i = 0; i < sizeof(holders) / sizeof(*holders); i++)
			if (tree_is(n, holders[i]))
				return n;
	return NULL;
}

/*
 * Attaches every governance gap the rules found to its node as
 * <gap rule="..." fact="...">message</gap>, so the index and the report
 * count and list them from the tree: the facts (gap_fact()) for the
 * reader's Swedish text, the message for the command line's user.
 */
static void
attach_gaps(struct project *p)
{
	for (size_t i = 0; i < diags_len(p->diags); i++) {
		const struct diag *g = diags_get(p->diags, i);
		xmlNodePtr holder, gap;

		if (g->node == NULL || (holder = gap_holder(g->node)) == NULL)
			continue;
		gap = xmlNewTextChild(holder, holder->ns, BAD_CAST "gap",
		    BAD_CAST g->msg);
		xmlSetProp(gap, BAD_CAST "rule", BAD_CAST rule_info(g->rule)->id);
		for (size_t f = 0; f < g->nfacts; f++)
			xmlSetProp(gap, BAD_CAST g->facts[2 * f],
			    BAD_CAST g->facts[2 * f + 1]);
	}
}

void
enrich(struct project *p)
{
	xmlNodePtr root = xmlDocGetRootElement(p->tree);

	xmlNewNs(root, NS_COMMONMARK, BAD_CAST "md");
	for (xmlNodePtr src = root->children; src != NULL; src = src->next) {
		xmlNodePtr top = xmlFirstElementChild(src);

		if (tree_is(top, "document"))
			enrich_document(p, top);
		else if (tree_is(top, "risk-analysis")) {
			add_method_scale(p, top);
			compute_risk_values(top);
		}
		else if (top != NULL) {
			/* Prose elsewhere (roles, continuity plans, cases). */
			xmlHashTablePtr anchors = xmlHashCreate(16);

			collect_anchors(anchors, top);
			splice_all_prose(p, top, anchors);
			xmlHashFree(anchors, NULL);
		}
	}
	attach_gaps(p);
	profile_apply(p);
	set_build_date(p);
	xmlSetProp(root, BAD_CAST "as-of", BAD_CAST p->today);
}

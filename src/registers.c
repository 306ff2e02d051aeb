/* SPDX-License-Identifier: ISC */
/*
 * registers.c - stage 2b, continued: the rules over the registers (system
 * register, risk analyses, continuity plans, action plan), the
 * responsibility matrix and the age of documents.  These are the checks
 * the 2019 audit asks for.  What is wrong with a source is an error;
 * what is missing in the municipality's governance (a system without an
 * owner, an old risk analysis) is a warning, and enrich.c attaches each
 * such warning to its node as a <gap> so the report can count them.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>

#include "styrdok.h"

struct reg {
	struct project *p;
	struct diags *d;
	xmlHashTablePtr ids;
	xmlHashTablePtr newest;	/* system id -> its newest risk analysis */
	xmlHashTablePtr planned; /* system id -> a continuity plan for it */
	xmlNodePtr method;	/* the first <risk-method>, or NULL */
	int has_organisation;	/* looked up once, not per system */
	char year_ago[11];	/* today minus one year */
	char three_years_ago[11];
	char four_years_ago[11];
};

static int
prop_is(xmlNodePtr n, const char *name, const char *value)
{
	char *v = tree_prop(n, name);
	int eq = v != NULL && strcmp(v, value) == 0;

	free(v);
	return eq;
}

static char *
name_of(xmlNodePtr n)
{
	xmlNodePtr name = tree_child(n, "name");

	return name ? (char *)xmlNodeGetContent(name) : tree_prop(n, "id");
}

/*
 * The name of the system that analysis a is of, for its gaps' facts;
 * its id when the register has no such system (reported as ref-system).
 */
static char *
analysis_system(struct reg *r, xmlNodePtr a)
{
	char *id = tree_prop(a, "system");
	xmlNodePtr sys = id ? xmlHashLookup(r->ids, BAD_CAST id) : NULL;

	if (sys == NULL || sys == TREE_LEFT_OUT || !tree_is(sys, "system"))
		return id ? id : xstrdup("");
	free(id);
	return name_of(sys);
}

/* YYYY-MM-DD moved back by years (dates compare as strings). */
static void
years_before(const char *today, int years, char out[11])
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%04d%s", atoi(today) - years, today + 4);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

/*
 * Indexes the risk analyses and continuity plans by the system they are
 * about, once, so checking a register costs one lookup per system.
 */
static void
index_by_system(struct reg *r)
{
	r->newest = xmlHashCreate(64);
	r->planned = xmlHashCreate(64);
	for (xmlNodePtr s = xmlDocGetRootElement(r->p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr a = xmlFirstElementChild(s), best;
		xmlChar *sys;

		if (tree_is(a, "continuity-plan") &&
		    (sys = xmlGetProp(a, BAD_CAST "system")) != NULL) {
			xmlHashAddEntry(r->planned, sys, a);
			xmlFree(sys);
		}
		if (!tree_is(a, "risk-analysis") ||
		    (sys = xmlGetProp(a, BAD_CAST "system")) == NULL)
			continue;
		if ((best = xmlHashLookup(r->newest, sys)) == NULL)
			xmlHashAddEntry(r->newest, sys, a);
		else {
			char *date = tree_prop(a, "date");
			char *best_date = tree_prop(best, "date");

			if (strcmp(date, best_date) > 0)
				xmlHashUpdateEntry(r->newest, sys, a, NULL);
			free(date);
			free(best_date);
		}
		xmlFree(sys);
	}
}

/* The level of KLASSA aspect a ("k", "r", "t", "s") of c; -1 if unset. */
static int
aspect_level(xmlNodePtr c, const char *a)
{
	char *v = tree_prop(c, a);
	int level = v ? atoi(v) : -1;

	free(v);
	return level;
}

/*
 * The four KLASSA aspects of a classified system: each level 0-4,
 * spårbarhet set, level 4 with its separate analysis (<level4>), and
 * the prioritisation criteria of the risk method met only by a
 * prioritised system.
 */
static void
check_classification(struct reg *r, xmlNodePtr sys, xmlNodePtr c,
    const char *name, int prioritised)
{
	static const char *const aspects[] = {"k", "r", "t", "s"};
	xmlNodePtr l4 = tree_child(sys, "level4"), prio, md;
	int top = -1, four = 0;
	char fours[16] = "", letters[16] = "";

	for (int i = 0; i < 4; i++) {
		int level = aspect_level(c, aspects[i]);

		if (level > 4) {
			char *v = tree_prop(c, aspects[i]);

			diag_node(r->d, c, aspects[i], SEV_ERROR,
			    RULE_CLASSIFICATION_LEVEL, "%s=\"%s\": KLASSA "
			    "levels are 0 to 4", aspects[i], v);
			free(v);
			continue;
		}
		if (level == 4) {
			size_t at = strlen(fours);

			/* "K", "K and R": the aspects at level 4, upper case. */
			snprintf(fours + at, sizeof(fours) - at, "%s%c",
			    four ? ", " : "", aspects[i][0] - 'a' + 'A');
			at = strlen(letters);
			snprintf(letters + at, sizeof(letters) - at, "%s%s",
			    four++ ? " " : "", aspects[i]);
		}
		if (level > top)
			top = level;
	}
	if (!xmlHasProp(c, BAD_CAST "s")) {
		gap_node(r->d, c, NULL, RULE_SYSTEM_CLASSIFICATION,
		    "%s is classified for K, R and T but not for spårbarhet "
		    "(s=)", name);
		gap_fact(r->d, "case", "no-s");
		gap_fact(r->d, "system", "%s", name);
	}
	if (four && l4 == NULL) {
		gap_node(r->d, sys, NULL, RULE_CLASSIFICATION_LEVEL4,
		    "%s has level 4 for %s, which KLASSA gives no protection "
		    "for: it needs a separate analysis and a decision on where "
		    "the information may be handled (<level4>)", name, fours);
		gap_fact(r->d, "system", "%s", name);
		gap_fact(r->d, "aspects", "%s", letters);
	} else if (l4 != NULL) {
		xmlNodePtr a = tree_ref(r->d, r->ids, l4, "analysis",
		    "risk-analysis", RULE_CLASSIFICATION_LEVEL4,
		    "a risk analysis");
		char *id = tree_prop(sys, "id"), *of = a ? tree_prop(a,
		    "system") : NULL;

		if (a != NULL && (of == NULL || strcmp(of, id) != 0))
			diag_node(r->d, l4, "analysis", SEV_ERROR,
			    RULE_CLASSIFICATION_LEVEL4, "that analysis is of "
			    "another system");
		free(id);
		free(of);
	}
	if (prioritised || r->method == NULL ||
	    (prio = tree_child(r->method, "priority")) == NULL)
		return;
	char *lv = tree_prop(prio, "level"), *hs = tree_prop(prio,
	    "max-downtime");
	int hours = -1;

	if ((md = tree_child(sys, "max-downtime")) != NULL) {
		char *h = tree_prop(md, "hours");

		hours = atoi(h);
		free(h);
	}
	if (lv != NULL && top >= atoi(lv)) {
		gap_node(r->d, sys, "prioritised", RULE_SYSTEM_PRIORITY,
		    "%s has a KLASSA level of %d, so it is prioritised under "
		    "the criteria of the risk method (level %s or higher), "
		    "but prioritised=\"no\"", name, top, lv);
		gap_fact(r->d, "case", "level");
		gap_fact(r->d, "system", "%s", name);
		gap_fact(r->d, "level", "%d", top);
		gap_fact(r->d, "limit", "%s", lv);
	} else if (hs != NULL && hours >= 0 && hours <= atoi(hs)) {
		gap_node(r->d, sys, "prioritised", RULE_SYSTEM_PRIORITY,
		    "%s may be down at most %d hours, so it is prioritised "
		    "under the criteria of the risk method (%s hours or less), "
		    "but prioritised=\"no\"", name, hours, hs);
		gap_fact(r->d, "case", "downtime");
		gap_fact(r->d, "system", "%s", name);
		gap_fact(r->d, "hours", "%d", hours);
		gap_fact(r->d, "limit", "%s", hs);
	}
	free(lv);
	free(hs);
}

static void
check_system(struct reg *r, xmlNodePtr sys)
{
	char *id = tree_prop(sys, "id"), *name = name_of(sys);
	int prioritised = prop_is(sys, "prioritised", "yes");
	xmlNodePtr c, plan, n;

	tree_ref(r->d, r->ids, tree_child(sys, "committee"), "organ", "organ", RULE_REF_ORGAN,
	    "an organ");
	if (r->has_organisation)
		tree_ref(r->d, r->ids, tree_child(sys, "operator"), "provider",
		    "provider", RULE_REF_PROVIDER, "a provider of the "
		    "organisation");
	if (tree_child(sys, "owner") == NULL) {
		gap_node(r->d, sys, NULL, RULE_SYSTEM_OWNER,
		    "%s has no systemägare", name);
		gap_fact(r->d, "system", "%s", name);
	}
	if ((c = tree_child(sys, "classification")) == NULL) {
		gap_node(r->d, sys, NULL, RULE_SYSTEM_CLASSIFICATION,
		    "%s is not classified (K/R/T/S)", name);
		gap_fact(r->d, "case", "none");
		gap_fact(r->d, "system", "%s", name);
	} else {
		check_classification(r, sys, c, name, prioritised);
		char *date = tree_prop(c, "date");

		if (iso_date_valid(date) &&
		    strcmp(date, r->three_years_ago) < 0) {
			gap_node(r->d, c, "date", RULE_CLASSIFICATION_AGE,
			    "%s was classified %s, more than three years ago",
			    name, date);
			gap_fact(r->d, "system", "%s", name);
			gap_fact(r->d, "date", "%s", date);
		}
		free(date);
	}
	if ((n = tree_child(sys, "continuity")) != NULL &&
	    (plan = tree_ref(r->d, r->ids, n, "plan", "continuity-plan", RULE_REF_PLAN,
	    "a continuity plan")) != NULL && !prop_is(plan, "system", id))
		diag_node(r->d, n, "plan", SEV_ERROR, RULE_REF_PLAN,
		    "that continuity plan belongs to another system");
	if (prioritised) {
		xmlNodePtr a = xmlHashLookup(r->newest, BAD_CAST id);

		if (a == NULL) {
			gap_node(r->d, sys, NULL, RULE_RISK_ANALYSIS,
			    "prioritised system %s has no risk analysis", name);
			gap_fact(r->d, "case", "none");
			gap_fact(r->d, "system", "%s", name);
		} else {
			char *date = tree_prop(a, "date");

			if (strcmp(date, r->year_ago) < 0) {
				gap_node(r->d, sys, NULL,
				    RULE_RISK_ANALYSIS, "the newest risk analysis "
				    "of prioritised system %s is from %s, more "
				    "than 12 months ago", name, date);
				gap_fact(r->d, "case", "old");
				gap_fact(r->d, "system", "%s", name);
				gap_fact(r->d, "date", "%s", date);
			}
			free(date);
		}
		if (tree_child(sys, "max-downtime") == NULL) {
			gap_node(r->d, sys, NULL,
			    RULE_CONTINUITY_DOWNTIME, "prioritised system %s has "
			    "no maximum tolerable downtime", name);
			gap_fact(r->d, "system", "%s", name);
		}
		if (tree_child(sys, "continuity") == NULL) {
			int unlinked = xmlHashLookup(r->planned,
			    BAD_CAST id) != NULL;

			gap_node(r->d, sys, NULL, RULE_CONTINUITY_PLAN,
			    unlinked ? "prioritised system %s has a "
			    "continuity plan, but the register does not link "
			    "it (<continuity plan=\"...\"/>)" : N_("prioritised "
			    "system %s has no continuity plan"), name);
			gap_fact(r->d, "case", unlinked ? "unlinked" : "none");
			gap_fact(r->d, "system", "%s", name);
		}
		if (tree_child(sys, "ups") == NULL) {
			gap_node(r->d, sys, NULL, RULE_CONTINUITY_UPS,
			    "the UPS need of prioritised system %s is not "
			    "decided", name);
			gap_fact(r->d, "system", "%s", name);
		}
		if (tree_child(sys, "operations-agreement") == NULL) {
			gap_node(r->d, sys, NULL,
			    RULE_OPERATIONS_AGREEMENT, "prioritised system %s has "
			    "no operations agreement (driftsavtal)", name);
			gap_fact(r->d, "system", "%s", name);
		}
	}
	if (prop_is(sys, "outside-hours", "yes")) {
		xmlNodePtr sa = tree_child(sys, "support-agreement");

		if (sa == NULL) {
			gap_node(r->d, sys, NULL,
			    RULE_SUPPORT_OUTSIDE_HOURS, "%s is used outside "
			    "office hours but has no support agreement", name);
			gap_fact(r->d, "case", "none");
			gap_fact(r->d, "system", "%s", name);
		} else if (prop_is(sa, "covers", "office")) {
			gap_node(r->d, sa, "covers",
			    RULE_SUPPORT_OUTSIDE_HOURS, "%s is used outside "
			    "office hours but its support agreement covers "
			    "office hours only", name);
			gap_fact(r->d, "case", "office");
			gap_fact(r->d, "system", "%s", name);
		}
	}
	if ((n = tree_child(sys, "support-agreement")) != NULL) {
		char *exp = tree_prop(n, "expires");

		if (exp != NULL && iso_date_valid(exp) &&
		    strcmp(exp, r->p->today) < 0) {
			gap_node(r->d, n, "expires", RULE_SUPPORT_EXPIRED,
			    "the support agreement of %s expired %s", name, exp);
			gap_fact(r->d, "system", "%s", name);
			gap_fact(r->d, "date", "%s", exp);
		}
		free(exp);
	}
	if ((n = tree_child(sys, "access-review")) == NULL) {
		gap_node(r->d, sys, NULL, RULE_ACCESS_REVIEW,
		    "access to %s has never been reviewed", name);
		gap_fact(r->d, "case", "never");
		gap_fact(r->d, "system", "%s", name);
	} else {
		char *date = tree_prop(n, "date");

		if (iso_date_valid(date) && strcmp(date, r->year_ago) < 0) {
			gap_node(r->d, n, "date", RULE_ACCESS_REVIEW,
			    "access to %s was last reviewed %s, more than 12 "
			    "months ago", name, date);
			gap_fact(r->d, "case", "old");
			gap_fact(r->d, "system", "%s", name);
			gap_fact(r->d, "date", "%s", date);
		}
		free(date);
	}
	free(id);
	free(name);
}

/*
 * A scale's own consistency: every level 1..levels labelled once for
 * probability and consequence, the threshold within reach.  Returns the
 * number of levels (4 or 5, by the schema).
 */
static int
check_scale(struct reg *r, xmlNodePtr scale)
{
	char *levels = tree_prop(scale, "levels"), *thr = tree_prop(scale, "threshold");
	int max = atoi(levels), threshold = atoi(thr), np = 0, nc = 0;
	unsigned pseen = 0, cseen = 0;

	for (xmlNodePtr l = scale->children; l != NULL; l = l->next) {
		char *lv = tree_prop(l, "level");
		unsigned *seen = tree_is(l, "probability") ? &pseen :
		    tree_is(l, "consequence") ? &cseen : NULL;

		if (seen != NULL && atoi(lv) > max)
			diag_node(r->d, l, "level", SEV_ERROR, RULE_RISK_SCALE,
			    "level %s is outside the scale 1-%d", lv, max);
		else if (seen != NULL && (*seen & (1u << atoi(lv))))
			diag_node(r->d, l, "level", SEV_ERROR, RULE_RISK_SCALE,
			    "level %s has two labels", lv);
		else if (seen != NULL)
			*seen |= 1u << atoi(lv);
		np += tree_is(l, "probability");
		nc += tree_is(l, "consequence");
		free(lv);
	}
	if (threshold > max * max)
		diag_node(r->d, scale, "threshold", SEV_ERROR, RULE_RISK_SCALE,
		    "threshold %d is above the highest risk value %d of the "
		    "scale", threshold, max * max);
	if (np != max || nc != max)
		diag_node(r->d, scale, NULL, SEV_ERROR, RULE_RISK_SCALE,
		    "a %d-level scale needs %d probability and %d consequence "
		    "labels (has %d and %d)", max, max, max, np, nc);
	free(levels);
	free(thr);
	return max;
}

/* The label of level lv among the <kind> children of scale, or NULL. */
static char *
scale_label(xmlNodePtr scale, const char *kind, const char *lv)
{
	for (xmlNodePtr l = scale->children; l != NULL; l = l->next)
		if (tree_is(l, kind) && prop_is(l, "level", lv))
			return (char *)xmlNodeGetContent(l);
	return NULL;
}

/*
 * An analysis that keeps a scale of its own beside method= must have
 * the method's levels, threshold and labels: otherwise its values cannot
 * be compared with the other analyses (the audit's "gemensam metod").
 * Each kind of difference is one gap, naming every differing label.
 */
static void
compare_scales(struct reg *r, xmlNodePtr own, xmlNodePtr common,
    const char *method)
{
	static const char *const kinds[] = {"probability", "consequence"};
	static const char *const names[] = {"sannolikhet", "konsekvens"};
	char *ol = tree_prop(own, "levels"), *cl = tree_prop(common, "levels");
	char *ot = tree_prop(own, "threshold"), *ct = tree_prop(common, "threshold");
	char *sys = analysis_system(r, own->parent);
	struct buf b = {0};
	int differ = 0;

	if (strcmp(ol, cl) != 0) {
		gap_node(r->d, own, "levels", RULE_RISK_METHOD, "the analysis "
		    "uses a %s-level scale; the risk method %s has %s levels",
		    ol, method, cl);
		gap_fact(r->d, "case", "levels");
		gap_fact(r->d, "system", "%s", sys);
		gap_fact(r->d, "levels", "%s", ol);
		gap_fact(r->d, "limit", "%s", cl);
	}
	if (strcmp(ot, ct) != 0) {
		gap_node(r->d, own, "threshold", RULE_RISK_METHOD, "the "
		    "analysis has the acceptance threshold %s; the risk method "
		    "%s has %s", ot, method, ct);
		gap_fact(r->d, "case", "threshold");
		gap_fact(r->d, "system", "%s", sys);
		gap_fact(r->d, "threshold", "%s", ot);
		gap_fact(r->d, "limit", "%s", ct);
	}
	for (size_t k = 0; k < 2; k++)
		for (xmlNodePtr l = own->children; l != NULL; l = l->next) {
			char *lv, *mine, *theirs;

			if (!tree_is(l, kinds[k]))
				continue;
			lv = tree_prop(l, "level");
			mine = (char *)xmlNodeGetContent(l);
			theirs = scale_label(common, kinds[k], lv);
			if (theirs == NULL || strcmp(mine, theirs) != 0) {
				buf_printf(&b, "%s%s %s \"%s\" (the method: %s%s%s)",
				    b.len ? ", " : "", names[k], lv, mine,
				    theirs ? "\"" : "", theirs ? theirs :
				    "no such level", theirs ? "\"" : "");
				differ++;
			}
			free(lv);
			free(mine);
			free(theirs);
		}
	if (b.len > 0) {
		gap_node(r->d, own, NULL, RULE_RISK_METHOD, "the labels differ "
		    "from the risk method %s: %s", method, b.data);
		gap_fact(r->d, "case", "labels");
		gap_fact(r->d, "system", "%s", sys);
		gap_fact(r->d, "count", "%d", differ);
	}
	buf_free(&b);
	free(sys);
	free(ol);
	free(cl);
	free(ot);
	free(ct);
}

/*
 * A risk analysis: the method it follows (method=, whose scale it takes
 * unless it keeps its own), its scale, each risk's value, the measures
 * a value at or above the threshold needs, and measures past their
 * deadline.
 */
static void
check_risk_analysis(struct reg *r, xmlNodePtr a)
{
	xmlNodePtr own = tree_child(a, "scale"), method = NULL, scale;
	char *thr, *mid = tree_prop(a, "method");
	int max, threshold, nr = 0;

	tree_ref(r->d, r->ids, a, "system", "system", RULE_REF_SYSTEM, "a system");
	if (mid != NULL)
		method = tree_ref(r->d, r->ids, a, "method", "risk-method",
		    RULE_RISK_METHOD, "a risk method");
	else if (r->method != NULL) {
		char *common = tree_prop(r->method, "id");
		char *sys = analysis_system(r, a);

		gap_node(r->d, a, NULL, RULE_RISK_METHOD, "the analysis does "
		    "not follow the common risk method (method=\"%s\")",
		    common);
		gap_fact(r->d, "case", "none");
		gap_fact(r->d, "system", "%s", sys);
		free(common);
		free(sys);
	}
	scale = own ? own : method ? tree_child(method, "scale") : NULL;
	if (scale == NULL) {
		if (mid == NULL)
			diag_node(r->d, a, NULL, SEV_ERROR, RULE_RISK_SCALE,
			    "the analysis has no scale: give method=\"...\" "
			    "or a <scale>");
		free(mid);
		return;
	}
	if (own != NULL)
		max = check_scale(r, own);
	else {
		char *lv = tree_prop(scale, "levels");

		max = atoi(lv);
		free(lv);
	}
	if (own != NULL && method != NULL)
		compare_scales(r, own, tree_child(method, "scale"), mid);
	thr = tree_prop(scale, "threshold");
	threshold = atoi(thr);
	free(thr);
	free(mid);
	for (xmlNodePtr k = a->children; k != NULL; k = k->next) {
		if (!tree_is(k, "risk"))
			continue;
		nr++;	/* the registers number the risks R1, R2... */
		char *ps = tree_prop(k, "probability"), *cs = tree_prop(k, "consequence");
		char *vs = tree_prop(k, "value");
		int pr = atoi(ps), co = atoi(cs), value = pr * co;
		xmlNodePtr m = tree_child(k, "measure");

		if (pr < 1 || pr > max)
			diag_node(r->d, k, "probability", SEV_ERROR,
			    RULE_RISK_SCALE, "probability %d is outside the "
			    "scale 1-%d", pr, max);
		if (co < 1 || co > max)
			diag_node(r->d, k, "consequence", SEV_ERROR,
			    RULE_RISK_SCALE, "consequence %d is outside the "
			    "scale 1-%d", co, max);
		if (vs != NULL && atoi(vs) != value)
			diag_node(r->d, k, "value", SEV_ERROR, RULE_RISK_VALUE,
			    "risk value %s disagrees with probability %d "
			    "x consequence %d = %d", vs, pr, co, value);
		/* An out-of-scale value is one mistake, reported above. */
		if (pr >= 1 && pr <= max && co >= 1 && co <= max &&
		    value >= threshold && !prop_is(k, "status", "accepted") &&
		    (m == NULL || !xmlHasProp(m, BAD_CAST "responsible") ||
		    !xmlHasProp(m, BAD_CAST "deadline"))) {
			gap_node(r->d, m ? m : k, NULL,
			    RULE_RISK_MEASURE, "risk value %d is at or above the "
			    "threshold %d: it needs a measure with a "
			    "responsible and a deadline", value, threshold);
			gap_fact(r->d, "case", m ? "incomplete" : "none");
			gap_fact(r->d, "risk", "R%d", nr);
			gap_fact(r->d, "value", "%d", value);
			gap_fact(r->d, "threshold", "%d", threshold);
		}
		if (m != NULL) {
			char *due = tree_prop(m, "deadline"), *st = tree_prop(k,
			    "status"), *rid = tree_prop(k, "id");

			tree_ref(r->d, r->ids, m, "responsible", "role", RULE_REF_ROLE,
			    "a role");
			/* A measure is late until it is done or the risk accepted. */
			if (due != NULL && iso_date_valid(due) &&
			    strcmp(due, r->p->today) < 0 &&
			    strcmp(st, "done") != 0 &&
			    strcmp(st, "accepted") != 0) {
				gap_node(r->d, m, "deadline", RULE_RISK_OVERDUE,
				    "the measure for risk %s (value %d) was due "
				    "%s and is still %s", rid, value, due, st);
				gap_fact(r->d, "risk", "R%d", nr);
				gap_fact(r->d, "value", "%d", value);
				gap_fact(r->d, "date", "%s", due);
			}
			free(due);
			free(st);
			free(rid);
		}
		free(ps);
		free(cs);
		free(vs);
	}
}

/* The risk method itself: its scale, and the prioritisation criteria. */
static void
check_risk_method(struct reg *r, xmlNodePtr m)
{
	xmlNodePtr prio = tree_child(m, "priority");
	char *lv = prio ? tree_prop(prio, "level") : NULL;

	check_scale(r, tree_child(m, "scale"));
	if (lv != NULL && atoi(lv) > 4)
		diag_node(r->d, prio, "level", SEV_ERROR, RULE_RISK_METHOD,
		    "level=\"%s\": KLASSA levels are 0 to 4", lv);
	free(lv);
}

/*
 * What a plan must say to show that its system can be brought back in
 * time (ikd-kontinuitetsplaner): how much information may be lost, and
 * how long each restore step took at the last test, steps that together
 * fit within the system's maximum tolerable downtime (ikd-plan-avbrottstid).
 */
static void
check_restore(struct reg *r, xmlNodePtr plan, xmlNodePtr sys,
    const char *name)
{
	xmlNodePtr order = tree_child(plan, "restore-order"), untimed = NULL,
	    md = sys ? tree_child(sys, "max-downtime") : NULL;
	long total = 0;
	int steps = 0, missing = 0;

	if (tree_child(plan, "data-loss") == NULL) {
		gap_node(r->d, plan, NULL, RULE_CONTINUITY_DATA_LOSS,
		    "the continuity plan of %s does not say how much "
		    "information may be lost (<data-loss hours=\"...\"/>)",
		    name);
		gap_fact(r->d, "system", "%s", name);
	}
	for (xmlNodePtr s = order ? order->children : NULL; s; s = s->next) {
		char *m;

		if (!tree_is(s, "step"))
			continue;
		steps++;
		if ((m = tree_prop(s, "minutes")) == NULL) {
			missing++;
			if (untimed == NULL)
				untimed = s;
		} else
			total += atol(m);
		free(m);
	}
	/* One gap per plan: the first step without a time stands for all. */
	if (missing == steps && steps > 0) {
		gap_node(r->d, untimed, NULL, RULE_CONTINUITY_RESTORE,
		    "no restore step of the continuity plan of %s has a time "
		    "from the last test (minutes=)", name);
		gap_fact(r->d, "case", "untimed");
		gap_fact(r->d, "system", "%s", name);
	} else if (missing > 0) {
		gap_node(r->d, untimed, NULL, RULE_CONTINUITY_RESTORE,
		    missing == 1 ? "%d of the %d restore steps of the "
		    "continuity plan of %s has no time from the last test "
		    "(minutes=)" : N_("%d of the %d restore steps of the "
		    "continuity plan of %s have no time from the last test "
		    "(minutes=)"), missing, steps, name);
		gap_fact(r->d, "case", "some-untimed");
		gap_fact(r->d, "system", "%s", name);
		gap_fact(r->d, "count", "%d", missing);
		gap_fact(r->d, "steps", "%d", steps);
	} else if (md != NULL) {
		char *h = tree_prop(md, "hours");
		long limit = atol(h) * 60;

		if (total > limit) {
			gap_node(r->d, order, NULL, RULE_CONTINUITY_RESTORE,
			    "the restore steps of the continuity plan of %s "
			    "took %ld minutes at the last test, more than its "
			    "maximum tolerable downtime of %s hours (%ld "
			    "minutes)", name, total, h, limit);
			gap_fact(r->d, "case", "slow");
			gap_fact(r->d, "system", "%s", name);
			gap_fact(r->d, "minutes", "%ld", total);
			gap_fact(r->d, "hours", "%s", h);
		}
		free(h);
	}
}

static void
check_continuity_plan(struct reg *r, xmlNodePtr plan)
{
	xmlNodePtr sys = tree_ref(r->d, r->ids, plan, "system", "system", RULE_REF_SYSTEM,
	    "a system");
	xmlNodePtr ex = tree_child(plan, "exercise");
	char *name = sys ? name_of(sys) : tree_prop(plan, "system");

	for (xmlNodePtr dep = tree_child(plan, "dependencies"), n =
	    dep ? dep->children : NULL; n != NULL; n = n->next)
		if (tree_is(n, "depends"))
			tree_ref(r->d, r->ids, n, "system", "system", RULE_REF_SYSTEM,
			    "a system");
	if (ex == NULL) {
		gap_node(r->d, plan, NULL, RULE_CONTINUITY_EXERCISE,
		    "the continuity plan of %s has never been exercised",
		    name);
		gap_fact(r->d, "case", "never");
		gap_fact(r->d, "system", "%s", name);
	} else {
		char *date = tree_prop(ex, "date");

		if (iso_date_valid(date) && strcmp(date, r->year_ago) < 0) {
			gap_node(r->d, ex, "date",
			    RULE_CONTINUITY_EXERCISE, "the continuity plan of %s "
			    "was last exercised %s, more than 12 months ago",
			    name, date);
			gap_fact(r->d, "case", "old");
			gap_fact(r->d, "system", "%s", name);
			gap_fact(r->d, "date", "%s", date);
		}
		free(date);
	}
	check_restore(r, plan, sys, name);
	free(name);
}

static void
check_matrix(struct reg *r, xmlNodePtr m)
{
	for (xmlNodePtr a = m->children; a != NULL; a = a->next) {
		int accountable = 0;

		if (!tree_is(a, "activity"))
			continue;
		for (xmlNodePtr part = a->children; part; part = part->next) {
			xmlNodePtr party;

			if (!tree_is(part, "part"))
				continue;
			party = tree_ref(r->d, r->ids, part, "party", "party", RULE_REF_PARTY,
			    "a party");
			if (party != NULL && party->parent->parent != m)
				diag_node(r->d, part, "party", SEV_ERROR,
				    RULE_REF_PARTY, "the party belongs to another "
				    "matrix");
			accountable += prop_is(part, "role", "A");
		}
		if (accountable != 1)
			diag_node(r->d, a, NULL, SEV_ERROR, RULE_MATRIX_ACCOUNTABLE,
			    "an activity must have exactly one party that "
			    "answers for it (A); this one has %d", accountable);
	}
}

/*
 * An action or an audit finding may concern a document that is still to
 * be written, so doc= names an existing document or one another document
 * requires.
 */
static void
check_doc_ref(struct reg *r, xmlNodePtr a)
{
	char *id = tree_prop(a, "doc");
	xmlNodePtr root = xmlDocGetRootElement(r->p->tree);
	int known = 0;

	if (id == NULL)
		return;
	/* A document left out for its schema errors is reported there. */
	known = xmlHashLookup(r->ids, BAD_CAST id) == TREE_LEFT_OUT ||
	    tree_is(xmlHashLookup(r->ids, BAD_CAST id), "document");
	for (xmlNodePtr s = root->children; s != NULL && !known; s = s->next) {
		xmlNodePtr doc = xmlFirstElementChild(s);

		if (!tree_is(doc, "document"))
			continue;
		for (xmlNodePtr m = tree_child(doc, "meta")->children; m && !known;
		    m = m->next)
			known = tree_is(m, "requires") && prop_is(m, "doc", id);
	}
	if (!known)
		diag_node(r->d, a, "doc", SEV_ERROR, RULE_REF_DOCUMENT,
		    "doc=\"%s\" is not a document of this project, nor one "
		    "that a document requires", id);
	free(id);
}

static void
check_action_plan(struct reg *r, xmlNodePtr plan)
{
	for (xmlNodePtr a = plan->children; a != NULL; a = a->next) {
		if (!tree_is(a, "action"))
			continue;
		tree_ref(r->d, r->ids, a, "responsible", "role", RULE_REF_ROLE, "a role");
		check_doc_ref(r, a);
	}
}

/* Documents past their review date, or decided more than 4 years ago. */
static void
check_document_age(struct reg *r, xmlNodePtr doc)
{
	xmlNodePtr meta = tree_child(doc, "meta");
	xmlNodePtr rb = tree_child(meta, "review-by"), dec = tree_child(meta, "decision");
	char *review = (char *)xmlNodeGetContent(rb);
	char *decided = tree_prop(dec, "date");
	char *title = (char *)xmlNodeGetContent(tree_child(meta, "title"));
	char *status = (char *)xmlNodeGetContent(tree_child(meta, "status"));

	if (status != NULL && strcmp(status, "upphavd") == 0)
		; /* a repealed document is not reviewed any more */
	else if (iso_date_valid(review) && strcmp(review, r->p->today) < 0) {
		gap_node(r->d, rb, NULL, RULE_REVIEW_DUE,
		    "%s should have been reviewed by %s", title, review);
		gap_fact(r->d, "case", "review-by");
		gap_fact(r->d, "title", "%s", title);
		gap_fact(r->d, "date", "%s", review);
	} else if (decided != NULL && iso_date_valid(decided) &&
	    strcmp(decided, r->four_years_ago) < 0) {
		gap_node(r->d, dec, "date", RULE_REVIEW_DUE,
		    "%s was decided %s, more than four years ago", title,
		    decided);
		gap_fact(r->d, "case", "decided");
		gap_fact(r->d, "title", "%s", title);
		gap_fact(r->d, "date", "%s", decided);
	}
	free(review);
	free(decided);
	free(title);
	free(status);
}

/*
 * Every date in a register is a real date.  The schema has checked the
 * form YYYY-MM-DD; the attributes and elements are named for what they
 * hold, so one walk covers them all.
 */
static void
check_register_dates(struct reg *r, xmlNodePtr n)
{
	static const char *const names[] = {"date", "due", "deadline",
	    "expires", "answer-by", "tested"};

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
			char *v = tree_prop(n, names[i]);

			if (v != NULL && !iso_date_valid(v))
				diag_node(r->d, n, names[i], SEV_ERROR,
				    RULE_DATE_INVALID, "%s=\"%s\" is not a real "
				    "date", names[i], v);
			free(v);
		}
		if (tree_is(n, "updated")) {
			char *v = (char *)xmlNodeGetContent(n);

			if (!iso_date_valid(v))
				diag_node(r->d, n, NULL, SEV_ERROR,
				    RULE_DATE_INVALID, "\"%s\" is not a real date",
				    v);
			free(v);
		}
		check_register_dates(r, n->children);
	}
}

/*
 * A finding is answered by requirements or actions (answered-by=): each
 * has an owner (the role, the responsible) and a date (the document's
 * valid-from, the action's due date), so the reply to the auditors can
 * say who does what by when.
 */
static void
check_answer(struct reg *r, xmlNodePtr f)
{
	char *ids = tree_prop(f, "answered-by"), *save = NULL;

	if (ids == NULL) {
		diag_node(r->d, f, NULL, SEV_WARNING, RULE_FINDING_ANSWER,
		    "the finding is not answered: answered-by= names the "
		    "requirements or actions that answer it");
		return;
	}
	for (char *w = strtok_r(ids, " \t\n", &save); w != NULL;
	    w = strtok_r(NULL, " \t\n", &save)) {
		xmlNodePtr t = xmlHashLookup(r->ids, BAD_CAST w);

		if (!tree_is(t, "requirement") && !tree_is(t, "action"))
			diag_node(r->d, f, "answered-by", SEV_ERROR,
			    RULE_FINDING_ANSWER, "\"%s\" is neither a "
			    "requirement nor an action of the action plan", w);
	}
	free(ids);
}

static void
check_audit(struct reg *r, xmlNodePtr audit)
{
	for (xmlNodePtr f = audit->children; f != NULL; f = f->next) {
		char *rules, *save = NULL;

		if (!tree_is(f, "finding"))
			continue;
		if (!xmlHasProp(f, BAD_CAST "rules") &&
		    !xmlHasProp(f, BAD_CAST "doc") &&
		    !xmlHasProp(f, BAD_CAST "answered-by"))
			diag_node(r->d, f, NULL, SEV_ERROR, RULE_REF_RULE,
			    "a finding needs rules=, doc= or answered-by= so "
			    "its status can be measured");
		check_doc_ref(r, f);
		check_answer(r, f);
		rules = tree_prop(f, "rules");
		for (char *w = rules ? strtok_r(rules, " \t\n", &save) : NULL;
		    w != NULL; w = strtok_r(NULL, " \t\n", &save)) {
			enum rule rule;

			/* Only governance gaps can be counted (the rule table). */
			if (rule_find(w, &rule) != 0 || !rule_info(rule)->gap)
				diag_node(r->d, f, "rules", SEV_ERROR,
				    RULE_REF_RULE, "\"%s\" is not a rule that "
				    "reports governance gaps (see styrdok(1))",
				    w);
		}
		free(rules);
	}
}

/* Rank of an organ kind in a decision path: utskott, styrelse, fullmäktige. */
static int
path_rank(xmlNodePtr organ)
{
	static const char *const order[] = {"forvaltning", "utskott", "namnd",
	    "styrelse", "fullmaktige"};
	char *kind = tree_prop(organ, "kind");
	int rank = -1;

	for (int i = 0; kind != NULL && i < 5; i++)
		if (strcmp(kind, order[i]) == 0)
			rank = i;
	free(kind);
	return rank;
}

/*
 * An ärende: the decision path in order, the tjänsteskrivelse first in
 * the beslutsunderlag, every consequence heading, every bilaga existing,
 * every decision a bilaga supersedes named as repealed, coverage of old
 * topics pointing into the new document.
 */
static void
check_case(struct reg *r, xmlNodePtr c)
{
	static const char *const aspects[] = {"ekonomi", "organisation",
	    "barnratt", "jamstalldhet", "miljo", "dataskydd", "mbl"};
	xmlNodePtr path = tree_child(c, "path"), cons = tree_child(c, "consequences");
	xmlNodePtr basis = tree_child(c, "basis"), att = tree_child(c, "attachments");
	int prev_rank = -1;
	char *prev_date = NULL;

	for (xmlNodePtr st = path->children; st != NULL; st = st->next) {
		xmlNodePtr organ;
		char *meeting;

		if (!tree_is(st, "step"))
			continue;
		organ = tree_ref(r->d, r->ids, st, "organ", "organ", RULE_REF_ORGAN,
		    "an organ");
		meeting = tree_prop(st, "meeting");
		if (organ != NULL && path_rank(organ) < prev_rank)
			diag_node(r->d, st, "organ", SEV_ERROR, RULE_CASE_PATH,
			    "the decision path goes upwards: an utskott, then "
			    "the styrelse, then fullmäktige");
		if (prev_date != NULL && strcmp(meeting, prev_date) < 0)
			diag_node(r->d, st, "meeting", SEV_ERROR, RULE_CASE_PATH,
			    "meeting %s is before the previous step's %s",
			    meeting, prev_date);
		if (organ != NULL)
			prev_rank = path_rank(organ);
		free(prev_date);
		prev_date = meeting;
	}
	free(prev_date);
	for (size_t a = 0; a < sizeof(aspects) / sizeof(*aspects); a++) {
		int n = 0;

		for (xmlNodePtr k = cons->children; k != NULL; k = k->next)
			n += tree_is(k, "consequence") && prop_is(k, "aspect",
			    aspects[a]);
		if (n != 1)
			diag_node(r->d, cons, NULL, SEV_ERROR,
			    RULE_CASE_CONSEQUENCES, n == 0 ? "no consequence for "
			    "%s: state it, or write \"Inga.\"" : N_("the "
			    "consequence for %s is given twice"), aspects[a]);
	}
	xmlNodePtr first = tree_child(basis, "item");
	char *t = first ? (char *)xmlNodeGetContent(first) : NULL;

	if (t == NULL || find_word_ci(t, "tjänsteskrivelse") == NULL)
		diag_node(r->d, first ? first : basis, NULL, SEV_ERROR,
		    RULE_CASE_BASIS, "the beslutsunderlag lists the "
		    "tjänsteskrivelse first");
	free(t);
	for (xmlNodePtr a = att->children; a != NULL; a = a->next) {
		xmlNodePtr doc;

		if (!tree_is(a, "attachment"))
			continue;
		doc = tree_ref(r->d, r->ids, a, "doc", "document", RULE_REF_DOCUMENT,
		    "a document in this project");
		if (doc == NULL)
			continue;
		/* Every decision the document supersedes is repealed here. */
		for (xmlNodePtr m = tree_child(doc, "meta")->children; m; m = m->next) {
			char *organ, *date;
			int named = 0;

			if (!tree_is(m, "supersedes"))
				continue;
			organ = tree_prop(m, "organ");
			date = tree_prop(m, "date");
			for (xmlNodePtr rp = a->children; rp; rp = rp->next)
				named |= tree_is(rp, "repeals") &&
				    prop_is(rp, "organ", organ) &&
				    prop_is(rp, "date", date);
			if (!named)
				diag_node(r->d, a, "doc", SEV_ERROR,
				    RULE_CASE_REPEAL, "the document replaces the "
				    "decision %s %s; the case must name it in "
				    "<repeals>", organ, date);
			free(organ);
			free(date);
		}
		for (xmlNodePtr cv = a->children; cv; cv = cv->next) {
			xmlNodePtr sec;

			if (!tree_is(cv, "covers"))
				continue;
			/* A section, a requirement or a term covers a topic. */
			char *sid = tree_prop(cv, "section");

			sec = xmlHashLookup(r->ids, BAD_CAST sid);
			if (sec != TREE_LEFT_OUT && !tree_is(sec, "section") &&
			    !tree_is(sec, "requirement") && !tree_is(sec, "term")) {
				diag_node(r->d, cv, "section", SEV_ERROR,
				    RULE_REF_SECTION, "section=\"%s\" names no "
				    "section, requirement or term", sid);
				sec = NULL;
			}
			if (sec == TREE_LEFT_OUT)
				sec = NULL;
			free(sid);
			if (sec != NULL) {
				xmlNodePtr up = sec;

				while (up != NULL && !tree_is(up, "document"))
					up = up->parent;
				if (up != doc)
					diag_node(r->d, cv, "section", SEV_ERROR,
					    RULE_REF_SECTION, "the section is not in "
					    "the attached document");
			}
		}
	}
	tree_ref(r->d, r->ids, tree_child(c, "answers"), "audit", "audit", RULE_REF_AUDIT,
	    "an audit");
}

/* Runs the register rules; ids maps every id of the project to its node. */
void
registers_check(struct project *p, xmlHashTablePtr ids)
{
	struct reg r = {p, p->diags, ids, NULL, NULL, NULL, 0, "", "", ""};
	xmlNodePtr root = xmlDocGetRootElement(p->tree);
	size_t nm;
	xmlNodePtr *methods = tree_sources(p, "risk-method", &nm);

	/* The first method is the common one; analyses name theirs. */
	r.method = nm > 0 ? methods[0] : NULL;
	free(methods);
	r.has_organisation = tree_has_source(p, "organisation");

	index_by_system(&r);
	years_before(p->today, 1, r.year_ago);
	years_before(p->today, 3, r.three_years_ago);
	years_before(p->today, 4, r.four_years_ago);
	for (xmlNodePtr s = root->children; s != NULL; s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);

		if (!tree_is(top, "document") && !tree_is(top, "organisation"))
			check_register_dates(&r, top);
		if (tree_is(top, "audit"))
			check_audit(&r, top);
		else if (tree_is(top, "case"))
			check_case(&r, top);
		else if (tree_is(top, "systems")) {
			for (xmlNodePtr sys = top->children; sys; sys = sys->next)
				if (tree_is(sys, "system"))
					check_system(&r, sys);
		} else if (tree_is(top, "risk-analysis"))
			check_risk_analysis(&r, top);
		else if (tree_is(top, "risk-method"))
			check_risk_method(&r, top);
		else if (tree_is(top, "continuity-plan"))
			check_continuity_plan(&r, top);
		else if (tree_is(top, "matrix"))
			check_matrix(&r, top);
		else if (tree_is(top, "action-plan"))
			check_action_plan(&r, top);
		else if (tree_is(top, "document"))
			check_document_age(&r, top);
	}
	xmlHashFree(r.newest, NULL);
	xmlHashFree(r.planned, NULL);
}

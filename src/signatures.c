/* SPDX-License-Identifier: ISC */
/*
 * signatures.c - the check stage for signature registers
 * (<signatures doc staff>): each returned sheet names a version the
 * document has, carries that version's hash and a person on the staff
 * list; the tree gets <acknowledgements> saying, per person on the list,
 * whether they signed the version in force, an older one or nothing.
 * Also the staff list reader that sign shares.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "styrdok.h"

/*
 * Reads and checks a staff list file; diagnostics name it as given.
 * Returns 0 with the people in *st, or an exit status.
 */
int
staff_load(struct project *p, const char *path, int cp1252, struct staff *st)
{
	size_t len = 0;
	char *data = file_read(path, &len);
	int rc;

	memset(st, 0, sizeof(*st));
	if (data == NULL) {
		diag_add(p->diags, path, 0, 0, SEV_ERROR, RULE_IO, "cannot read "
		    "the staff list: %s", errno ? strerror(errno) :
		    "not a regular file");
		return EXIT_SYSTEM;
	}
	rc = staff_parse(p->diags, path, data, len, cp1252, st);
	free(data);
	return rc == 0 ? EXIT_OK : EXIT_INPUT;
}

/*
 * The version in force of doc: the newest revision with a decision that
 * nothing superseded.  Returns a string the caller frees, or NULL.
 */
char *
signatures_in_force(xmlNodePtr doc)
{
	xmlNodePtr hist = tree_child(doc, "history"), best = NULL;

	for (xmlNodePtr r = hist ? hist->children : NULL; r; r = r->next)
		if (tree_is(r, "revision") && xmlHasProp(r, BAD_CAST "organ") &&
		    xmlHasProp(r, BAD_CAST "date") &&
		    !xmlHasProp(r, BAD_CAST "superseded"))
			best = r;
	return best ? (char *)xmlGetProp(best, BAD_CAST "version") : NULL;
}

/*
 * The short content hash of doc@version when styrdok knows the text:
 * the current source's for its version, else the archived source's.
 * Returns a string the caller frees, or NULL (a text not archived).
 */
char *
signatures_hash(xmlNodePtr doc, const char *id, const char *version)
{
	char *cur = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    "version"));
	char *hash = NULL;

	if (strcmp(cur, version) == 0)
		hash = (char *)xmlGetProp(doc->parent, BAD_CAST "sha256");
	else {
		char *path = archive_source_path(id, version);
		size_t len;
		char *data = file_read(path, &len), hex[65];

		if (data != NULL) {
			sha256_hex(data, len, hex);
			hash = xstrdup(hex);
		}
		free(data);
		free(path);
	}
	if (hash != NULL)
		hash[12] = '\0';
	free(cur);
	return hash;
}

/* Whether doc's history has a revision version. */
int
signatures_has_version(xmlNodePtr doc, const char *version)
{
	xmlNodePtr hist = tree_child(doc, "history");

	for (xmlNodePtr r = hist ? hist->children : NULL; r; r = r->next) {
		xmlChar *v = xmlGetProp(r, BAD_CAST "version");
		int match = tree_is(r, "revision") &&
		    xmlStrEqual(v, BAD_CAST version);

		xmlFree(v);
		if (match)
			return 1;
	}
	return 0;
}

static void
free_entry(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/*
 * The short hash of doc@version, read once per version: a register of
 * thousands of sheets names a handful of versions.  "" when unknown.
 */
static const char *
cached_hash(xmlHashTablePtr cache, xmlNodePtr doc, const char *id,
    const char *version)
{
	char *h = xmlHashLookup(cache, BAD_CAST version);

	if (h == NULL) {
		if ((h = signatures_hash(doc, id, version)) == NULL)
			h = xstrdup("");
		xmlHashAddEntry(cache, BAD_CAST version, h);
	}
	return h;
}

/* What one person on the list has signed. */
struct signer {
	char *best;	/* newest version signed whose text is known */
	char *stale;	/* newest draft signed whose text has changed since */
};

static void
free_signer(void *payload, const xmlChar *name)
{
	struct signer *g = payload;

	(void)name;
	free(g->best);
	free(g->stale);
	free(g);
}

/* Keeps the newer of *slot and v in *slot; v is taken. */
static void
keep_newest(char **slot, char *v)
{
	if (*slot == NULL || version_compare(v, *slot) > 0) {
		free(*slot);
		*slot = v;
	} else
		free(v);
}

/* Counts per unit. */
struct unit_count {
	const char *name;
	size_t staff, current, old, none;
};

/* Units by name, so a förvaltning's units stand together. */
static int
unit_order(const void *a, const void *b)
{
	return strcmp(((const struct unit_count *)a)->name,
	    ((const struct unit_count *)b)->name);
}

/*
 * Adds <acknowledgements doc in-force signed staff> to the tree: a
 * <member employee name unit status [signed]> per person on the list
 * (status current: signed the version in force or a newer one; old:
 * only an older version, or a draft whose text has changed since;
 * none), then a <unit name staff signed old none> per unit, by name.
 */
static void
add_acknowledgements(struct project *p, xmlNodePtr reg, const char *id,
    const char *in_force, const struct staff *st, xmlHashTablePtr signers)
{
	xmlNodePtr out = xmlNewChild(xmlDocGetRootElement(p->tree), reg->ns,
	    BAD_CAST "acknowledgements", NULL);
	xmlHashTablePtr units = xmlHashCreate(16);
	struct unit_count *uc = xcalloc(st->n ? st->n : 1, sizeof(*uc));
	size_t nunits = 0, signed_now = 0;
	char num[32];

	xmlSetProp(out, BAD_CAST "doc", BAD_CAST id);
	if (in_force != NULL)
		xmlSetProp(out, BAD_CAST "in-force", BAD_CAST in_force);
	for (size_t i = 0; i < st->n; i++) {
		xmlNodePtr m = xmlNewChild(out, reg->ns, BAD_CAST "member", NULL);
		struct signer *g = xmlHashLookup(signers,
		    BAD_CAST st->v[i].employee);
		const char *shown = NULL, *status = "none";
		struct unit_count *u = xmlHashLookup(units,
		    BAD_CAST st->v[i].unit);

		if (g != NULL && g->best != NULL && in_force != NULL &&
		    version_compare(g->best, in_force) >= 0)
			shown = g->best, status = "current";
		else if (g != NULL && (g->best != NULL || g->stale != NULL)) {
			/* The newer of the two is what they last signed. */
			shown = g->best == NULL ? g->stale : g->stale == NULL ?
			    g->best : version_compare(g->stale, g->best) > 0 ?
			    g->stale : g->best;
			status = "old";
		}
		xmlSetProp(m, BAD_CAST "employee", BAD_CAST st->v[i].employee);
		xmlSetProp(m, BAD_CAST "name", BAD_CAST st->v[i].name);
		xmlSetProp(m, BAD_CAST "unit", BAD_CAST st->v[i].unit);
		if (shown != NULL)
			xmlSetProp(m, BAD_CAST "signed", BAD_CAST shown);
		if (g != NULL && shown != NULL && shown == g->stale)
			xmlSetProp(m, BAD_CAST "draft", BAD_CAST "yes");
		xmlSetProp(m, BAD_CAST "status", BAD_CAST status);
		if (u == NULL) {
			u = &uc[nunits++];
			u->name = st->v[i].unit;
			xmlHashAddEntry(units, BAD_CAST u->name, u);
		}
		u->staff++;
		if (*status == 'c')
			u->current++, signed_now++;
		else if (*status == 'o')
			u->old++;
		else
			u->none++;
	}
	if (nunits > 1)
		qsort(uc, nunits, sizeof(*uc), unit_order);
	for (size_t k = 0; k < nunits; k++) {
		xmlNodePtr un = xmlNewChild(out, reg->ns, BAD_CAST "unit", NULL);

		xmlSetProp(un, BAD_CAST "name", BAD_CAST uc[k].name);
		snprintf(num, sizeof(num), "%zu", uc[k].staff);
		xmlSetProp(un, BAD_CAST "staff", BAD_CAST num);
		snprintf(num, sizeof(num), "%zu", uc[k].current);
		xmlSetProp(un, BAD_CAST "signed", BAD_CAST num);
		snprintf(num, sizeof(num), "%zu", uc[k].old);
		xmlSetProp(un, BAD_CAST "old", BAD_CAST num);
		snprintf(num, sizeof(num), "%zu", uc[k].none);
		xmlSetProp(un, BAD_CAST "none", BAD_CAST num);
	}
	snprintf(num, sizeof(num), "%zu", signed_now);
	xmlSetProp(out, BAD_CAST "signed", BAD_CAST num);
	snprintf(num, sizeof(num), "%zu", st->n);
	xmlSetProp(out, BAD_CAST "staff", BAD_CAST num);
	xmlHashFree(units, NULL);
	free(uc);
}

/*
 * Checks one signature register against its document and staff list and
 * adds <acknowledgements> to the tree: per person in the staff list,
 * whether they signed the version in force, only an older version, or
 * nothing.  The report lists who must sign.  A sheet signed as a draft
 * (draft="yes") whose text has changed since, as every draft's does
 * when it is adopted, is no error: it counts as an older version.
 */
static void
check_signatures(struct project *p, xmlNodePtr reg)
{
	char *id = (char *)xmlGetProp(reg, BAD_CAST "doc");
	char *staffrel = (char *)xmlGetProp(reg, BAD_CAST "staff");
	char *file = node_file(p->diags, reg), *path = NULL, *slash;
	char *in_force = NULL;
	xmlNodePtr doc = tree_find(p, "document", id);
	struct staff st = {0};
	xmlHashTablePtr hashes = NULL, versions = NULL, signers = NULL;
	xmlHashTablePtr on_list = NULL;

	if (doc == NULL) {
		diag_node(p->diags, reg, "doc", SEV_ERROR, RULE_REF_DOCUMENT,
		    "doc=\"%s\" does not name a document in this project", id);
		goto done;
	}
	slash = file ? strrchr(file, '/') : NULL;
	path = slash ? xasprintf("%.*s/%s", (int)(slash - file), file,
	    staffrel) : xstrdup(staffrel);
	/* The list the register names is a source: it stays in policies/. */
	char *real = realpath(path, NULL);
	int inside = real != NULL && strncmp(real, p->policies,
	    strlen(p->policies)) == 0 && real[strlen(p->policies)] == '/';

	free(real);
	if (strstr(staffrel, "..") != NULL || !inside ||
	    staff_load(p, path, 0, &st) != EXIT_OK) {
		diag_node(p->diags, reg, "staff", SEV_ERROR, RULE_SIGNATURE_STAFF,
		    "the staff list %s cannot be used", path);
		goto done;
	}
	in_force = signatures_in_force(doc);
	hashes = xmlHashCreate(8);
	versions = xmlHashCreate(8);
	signers = xmlHashCreate(st.n + 1);
	on_list = xmlHashCreate(st.n + 1);
	for (size_t i = 0; i < st.n; i++)
		xmlHashAddEntry(on_list, BAD_CAST st.v[i].employee, &st.v[i]);
	for (xmlNodePtr s = reg->children; s != NULL; s = s->next) {
		char *emp, *ver, *hash;
		const char *known = NULL;
		int known_version, draft, stale = 0;
		struct signer *g;

		if (!tree_is(s, "signed"))
			continue;
		emp = (char *)xmlGetProp(s, BAD_CAST "employee");
		ver = (char *)xmlGetProp(s, BAD_CAST "version");
		hash = (char *)xmlGetProp(s, BAD_CAST "hash");
		draft = xmlHasProp(s, BAD_CAST "draft") != NULL;
		/* versions maps a version to "y" or "n": in the history? */
		const char *kv = xmlHashLookup(versions, BAD_CAST ver);

		if (kv == NULL) {
			kv = signatures_has_version(doc, ver) ? "y" : "n";
			xmlHashAddEntry(versions, BAD_CAST ver, (void *)kv);
		}
		known_version = *kv == 'y';
		if (known_version && hash != NULL)
			known = cached_hash(hashes, doc, id, ver);
		if (!known_version)
			diag_node(p->diags, s, "version", SEV_ERROR,
			    RULE_SIGNATURE_VERSION, "%s has no version %s", id, ver);
		else if (known != NULL && *known != '\0' &&
		    strcmp(known, hash) != 0) {
			if (draft)
				stale = 1;
			else
				diag_node(p->diags, s, "hash", SEV_ERROR,
				    RULE_SIGNATURE_HASH, "the sheet's hash %s is "
				    "not that of %s version %s (%s): the person "
				    "signed another text", hash, id, ver, known);
		}
		if (xmlHashLookup(on_list, BAD_CAST emp) == NULL)
			diag_node(p->diags, s, "employee", SEV_WARNING,
			    RULE_SIGNATURE_UNKNOWN, "employee %s is not on the "
			    "staff list", emp);
		else if (known_version) {
			if ((g = xmlHashLookup(signers, BAD_CAST emp)) == NULL) {
				g = xcalloc(1, sizeof(*g));
				xmlHashAddEntry(signers, BAD_CAST emp, g);
			}
			keep_newest(stale ? &g->stale : &g->best, ver);
			ver = NULL;
		}
		free(emp);
		free(ver);
		free(hash);
	}
	add_acknowledgements(p, reg, id, in_force, &st, signers);
done:
	xmlHashFree(hashes, free_entry);
	xmlHashFree(versions, NULL);
	xmlHashFree(signers, free_signer);
	xmlHashFree(on_list, NULL);
	staff_free(&st);
	free(id);
	free(staffrel);
	free(file);
	free(path);
	free(in_force);
}

/* Every signature register of the project (the pipeline runs this). */
void
signatures_check(struct project *p)
{
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next)
		if (tree_is(xmlFirstElementChild(s), "signatures"))
			check_signatures(p, xmlFirstElementChild(s));
}

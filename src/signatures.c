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

/* The newest revision of doc with a decision that nothing superseded. */
static char *
version_in_force(xmlNodePtr doc)
{
	xmlNodePtr hist = tree_child(doc, "history"), best = NULL;

	for (xmlNodePtr r = hist ? hist->children : NULL; r; r = r->next)
		if (tree_is(r, "revision") && xmlHasProp(r, BAD_CAST "organ") &&
		    xmlHasProp(r, BAD_CAST "date") &&
		    !xmlHasProp(r, BAD_CAST "superseded"))
			best = r;
	return best ? (char *)xmlGetProp(best, BAD_CAST "version") : NULL;
}

/* The short content hash of doc@version, when styrdok knows the text. */
static char *
known_hash(xmlNodePtr doc, const char *id, const char *version)
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

/*
 * Checks one signature register against its document and staff list and
 * adds <acknowledgements> to the tree: per person in the staff list,
 * whether they signed the version in force, only an older version, or
 * nothing.  The report lists who must sign.
 */
static void
check_signatures(struct project *p, xmlNodePtr reg)
{
	char *id = (char *)xmlGetProp(reg, BAD_CAST "doc");
	char *staffrel = (char *)xmlGetProp(reg, BAD_CAST "staff");
	char *file = node_file(p->diags, reg), *path = NULL, *slash;
	char *in_force = NULL;
	xmlNodePtr doc = tree_find(p, "document", id), out;
	struct staff st = {0};
	size_t signed_now = 0;

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
	in_force = version_in_force(doc);
	for (xmlNodePtr s = reg->children; s != NULL; s = s->next) {
		char *emp, *ver, *hash, *known;
		int known_version = 0, on_list = 0;

		if (!tree_is(s, "signed"))
			continue;
		emp = (char *)xmlGetProp(s, BAD_CAST "employee");
		ver = (char *)xmlGetProp(s, BAD_CAST "version");
		hash = (char *)xmlGetProp(s, BAD_CAST "hash");
		for (xmlNodePtr r = tree_child(doc, "history")->children; r;
		    r = r->next) {
			xmlChar *v = xmlGetProp(r, BAD_CAST "version");

			known_version |= tree_is(r, "revision") &&
			    xmlStrEqual(v, BAD_CAST ver);
			xmlFree(v);
		}
		if (!known_version)
			diag_node(p->diags, s, "version", SEV_ERROR,
			    RULE_SIGNATURE_VERSION, "%s has no version %s", id, ver);
		else if (hash != NULL && (known = known_hash(doc, id, ver)) !=
		    NULL) {
			if (strcmp(known, hash) != 0)
				diag_node(p->diags, s, "hash", SEV_ERROR,
				    RULE_SIGNATURE_HASH, "the sheet's hash %s is "
				    "not that of %s version %s (%s): the person "
				    "signed another text", hash, id, ver, known);
			free(known);
		}
		for (size_t i = 0; i < st.n; i++)
			on_list |= strcmp(st.v[i].employee, emp) == 0;
		if (!on_list)
			diag_node(p->diags, s, "employee", SEV_WARNING,
			    RULE_SIGNATURE_UNKNOWN, "employee %s is not on the "
			    "staff list", emp);
		free(emp);
		free(ver);
		free(hash);
	}
	out = xmlNewChild(xmlDocGetRootElement(p->tree), reg->ns,
	    BAD_CAST "acknowledgements", NULL);
	xmlSetProp(out, BAD_CAST "doc", BAD_CAST id);
	if (in_force != NULL)
		xmlSetProp(out, BAD_CAST "in-force", BAD_CAST in_force);
	for (size_t i = 0; i < st.n; i++) {
		xmlNodePtr m = xmlNewChild(out, reg->ns, BAD_CAST "member", NULL);
		char *newest = NULL;

		for (xmlNodePtr s = reg->children; s != NULL; s = s->next) {
			char *emp, *ver;

			if (!tree_is(s, "signed"))
				continue;
			emp = (char *)xmlGetProp(s, BAD_CAST "employee");
			ver = (char *)xmlGetProp(s, BAD_CAST "version");
			if (strcmp(emp, st.v[i].employee) == 0 &&
			    (newest == NULL || version_compare(ver, newest) > 0)) {
				free(newest);
				newest = ver;
				ver = NULL;
			}
			free(emp);
			free(ver);
		}
		xmlSetProp(m, BAD_CAST "employee", BAD_CAST st.v[i].employee);
		xmlSetProp(m, BAD_CAST "name", BAD_CAST st.v[i].name);
		xmlSetProp(m, BAD_CAST "unit", BAD_CAST st.v[i].unit);
		if (newest != NULL)
			xmlSetProp(m, BAD_CAST "signed", BAD_CAST newest);
		xmlSetProp(m, BAD_CAST "status", BAD_CAST(newest == NULL ?
		    "none" : in_force != NULL && version_compare(newest,
		    in_force) >= 0 ? "current" : "old"));
		signed_now += newest != NULL && in_force != NULL &&
		    version_compare(newest, in_force) >= 0;
		free(newest);
	}
	char num[32];

	snprintf(num, sizeof(num), "%zu", signed_now);
	xmlSetProp(out, BAD_CAST "signed", BAD_CAST num);
	snprintf(num, sizeof(num), "%zu", st.n);
	xmlSetProp(out, BAD_CAST "staff", BAD_CAST num);
done:
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

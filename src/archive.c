/* SPDX-License-Identifier: ISC */
/*
 * archive.c - the archive of adopted versions, policies/adopted/<id>/
 * <version>/ (canonical source, rendered outputs and a MANIFEST of
 * SHA-256 sums that sha256sum -c reads): where a version's files are,
 * the newest adopted version, and the check-stage proof that no archive
 * changed since its adoption.  Writing archives is cmd_adopt.c's.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "styrdok.h"

/*
 * An entry of policies/adopted/<id>/: "VERSION" for a version's first
 * adoption, "VERSION+N" (N >= 2) for the Nth, after the earlier ones
 * were withdrawn.  Returns N (1 for a plain VERSION) and the version in
 * version, or 0 when name is no entry.
 */
static int
entry_parse(const char *name, char *version, size_t size)
{
	const char *plus = strchr(name, '+');
	size_t len = plus ? (size_t)(plus - name) : strlen(name);
	char *end;
	long n = 1;

	if (len == 0 || len >= size || name[0] == '.' ||
	    strspn(name, "0123456789.") != len)
		return 0;
	if (plus != NULL && ((n = strtol(plus + 1, &end, 10)) < 2 || *end))
		return 0;
	memcpy(version, name, len);
	version[len] = '\0';
	return (int)n;
}

static int
is_withdrawn(const char *docdir, const char *entry)
{
	char *path = xasprintf("%s/%s/" WITHDRAWN, docdir, entry);
	struct stat st;
	int yes = lstat(path, &st) == 0;

	free(path);
	return yes;
}

/*
 * The newest entry of id@version (the highest N), the newest one not
 * withdrawn when valid is set.  Returns its directory, which the caller
 * frees, or NULL.
 */
static char *
entry_find(const char *id, const char *version, int valid)
{
	char *docdir = xasprintf(ADOPTED "/%s", id), *best = NULL;
	DIR *d = opendir(docdir);
	struct dirent *e;
	int best_n = 0;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char v[256];
		int n = entry_parse(e->d_name, v, sizeof(v));

		if (n > best_n && strcmp(v, version) == 0 &&
		    (!valid || !is_withdrawn(docdir, e->d_name))) {
			free(best);
			best = xasprintf("%s/%s", docdir, e->d_name);
			best_n = n;
		}
	}
	if (d != NULL)
		closedir(d);
	free(docdir);
	return best;
}

/* The archive in force of id@version, or NULL; the caller frees. */
char *
archive_entry(const char *id, const char *version)
{
	return entry_find(id, version, 1);
}

/*
 * The name under policies/adopted/<id>/ for a new adoption of version:
 * VERSION, or VERSION+N after withdrawn ones.  The caller frees.
 */
char *
archive_next_entry(const char *id, const char *version)
{
	char *last = entry_find(id, version, 0), v[256], *name;
	int n = last ? entry_parse(strrchr(last, '/') + 1, v, sizeof(v)) : 0;

	name = n == 0 ? xstrdup(version) : xasprintf("%s+%d", version, n + 1);
	free(last);
	return name;
}

/*
 * The archived source of id@version: that of the archive in force, else
 * of the newest withdrawn one, else where a first one would be.  The
 * caller frees.
 */
char *
archive_source_path(const char *id, const char *version)
{
	char *dir = entry_find(id, version, 1), *path;

	if (dir == NULL)
		dir = entry_find(id, version, 0);
	path = dir ? xasprintf("%s/%s.xml", dir, id) :
	    xasprintf(ADOPTED "/%s/%s/%s.xml", id, version, id);
	free(dir);
	return path;
}

/* The newest version of id with an archive in force, or NULL. */
char *
newest_adopted(const char *id)
{
	char *dir = xasprintf(ADOPTED "/%s", id), *best = NULL;
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char v[256];

		if (entry_parse(e->d_name, v, sizeof(v)) == 0 ||
		    is_withdrawn(dir, e->d_name))
			continue;
		if (best == NULL || version_compare(v, best) > 0) {
			free(best);
			best = xstrdup(v);
		}
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	return best;
}

/*
 * The record that entry dir was withdrawn: its fields (NULL when
 * absent) and whether its own hash and the MANIFEST's it names hold.
 */
struct withdrawal {
	char *text;
	const char *document, *version, *decision, *date, *by, *reason;
	const char *manifest, *sha256;
	char computed[65];	/* the hash of what the sha256 line covers */
};

static void
withdrawal_free(struct withdrawal *w)
{
	free(w->text);
	memset(w, 0, sizeof(*w));
}

/* Reads dir/WITHDRAWN.  Returns 0, or -1 when there is none. */
static int
withdrawal_read(const char *dir, struct withdrawal *w)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{"dokument: ", offsetof(struct withdrawal, document)},
		{"version: ", offsetof(struct withdrawal, version)},
		{"beslut: ", offsetof(struct withdrawal, decision)},
		{"återkallat: ", offsetof(struct withdrawal, date)},
		{"av: ", offsetof(struct withdrawal, by)},
		{"skäl: ", offsetof(struct withdrawal, reason)},
		{"MANIFEST: ", offsetof(struct withdrawal, manifest)},
		{"sha256: ", offsetof(struct withdrawal, sha256)},
	};
	char *path = xasprintf("%s/" WITHDRAWN, dir), *line, *nl, *sum;
	size_t len;

	memset(w, 0, sizeof(*w));
	w->text = file_read(path, &len);
	free(path);
	if (w->text == NULL)
		return -1;
	sum = strstr(w->text, "\nsha256: ");
	sha256_hex(w->text, sum ? (size_t)(sum + 1 - w->text) : len,
	    w->computed);
	for (line = w->text; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			break;
		*nl = '\0';
		for (size_t k = 0; k < sizeof(keys) / sizeof(*keys); k++)
			if (strncmp(line, keys[k].key, strlen(keys[k].key)) == 0)
				*(const char **)((char *)w + keys[k].off) =
				    line + strlen(keys[k].key);
	}
	return 0;
}

/*
 * The text of the record of a withdrawal: who, when and why, the
 * decision withdrawn, the hash of the archive's MANIFEST it concerns,
 * and a hash of all of it.  The caller frees.
 */
char *
withdrawal_text(const char *id, const char *version, const char *decision,
    const char *date, const char *by, const char *reason,
    const char *manifest_hex)
{
	struct buf b = {0};
	char hex[65];

	buf_printf(&b, "Återkallelse av ett felaktigt registrerat beslut "
	    "(styrdok adopt --withdraw)\n"
	    "dokument: %s\nversion: %s\nbeslut: %s\nåterkallat: %s\n"
	    "av: %s\nskäl: %s\nMANIFEST: %s\n", id, version, decision, date,
	    by, reason, manifest_hex);
	sha256_hex(b.data, b.len, hex);
	buf_printf(&b, "sha256: %s\n", hex);
	return b.data;
}

/*
 * Checks the record of a withdrawal in archive dir: its own hash, and
 * that it names this archive's MANIFEST.
 */
static void
verify_withdrawal(struct diags *d, const char *dir)
{
	struct withdrawal w;
	char hex[65], *mpath, *m, *path;
	size_t len = 0;

	if (withdrawal_read(dir, &w) != 0)
		return;
	path = xasprintf("%s/" WITHDRAWN, dir);
	mpath = xasprintf("%s/MANIFEST", dir);
	if (w.sha256 == NULL || strcmp(w.sha256, w.computed) != 0 ||
	    w.reason == NULL || w.date == NULL || w.by == NULL)
		diag_add(d, path, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
		    "WITHDRAWN has changed since the withdrawal was recorded, "
		    "or is incomplete");
	else if ((m = file_read(mpath, &len)) != NULL) {
		sha256_hex(m, len, hex);
		if (w.manifest == NULL || strcmp(w.manifest, hex) != 0)
			diag_add(d, path, 0, 0, SEV_ERROR,
			    RULE_ARCHIVE_INTEGRITY, "WITHDRAWN names another "
			    "MANIFEST than this archive's");
		free(m);
	}
	withdrawal_free(&w);
	free(path);
	free(mpath);
}

/*
 * An archive path that is there but cannot be read: nothing in it can
 * be verified, which is an error, not silence (nor "missing").
 */
static void
unreadable(struct diags *d, const char *path)
{
	diag_add(d, path, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY, "cannot "
	    "be read (%s), so it cannot be verified", strerror(errno));
}

/*
 * Checks one archive directory against its MANIFEST: every listed file
 * present with its hash, and no file that is not listed.
 */
static void
verify_archive(struct diags *d, const char *dir)
{
	char *mpath = xasprintf("%s/MANIFEST", dir), line[1024];
	char **listed = NULL;
	size_t nlisted = 0;
	FILE *f = fopen(mpath, "r");
	int lineno = 0;

	if (f == NULL) {
		if (errno == ENOENT)
			diag_add(d, dir, 0, 0, SEV_ERROR,
			    RULE_ARCHIVE_INTEGRITY, "the archive has no MANIFEST");
		else
			unreadable(d, mpath);
		free(mpath);
		return;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char hex[65], name[512], actual[65], *path, *data;
		size_t len;

		lineno++;
		if (sscanf(line, "%64[0-9a-f]  %511[^\n]", hex, name) != 2 ||
		    strchr(name, '/') != NULL || name[0] == '.') {
			diag_add(d, mpath, lineno, 1, SEV_ERROR,
			    RULE_ARCHIVE_INTEGRITY, "not a line of the form "
			    "\"SHA256  FILE\"");
			continue;
		}
		listed = xrealloc(listed, (nlisted + 1) * sizeof(*listed));
		listed[nlisted++] = xstrdup(name);
		path = xasprintf("%s/%s", dir, name);
		if ((data = file_read(path, &len)) == NULL) {
			struct stat st;

			if (lstat(path, &st) != 0 && errno == ENOENT)
				diag_add(d, path, 0, 0, SEV_ERROR,
				    RULE_ARCHIVE_INTEGRITY, "%s is listed in "
				    "the MANIFEST but missing", name);
			else
				unreadable(d, path);
			free(path);
			continue;
		}
		sha256_hex(data, len, actual);
		if (strcmp(actual, hex) != 0)
			diag_add(d, path, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
			    "%s has changed since it was adopted (SHA-256 %.12s, "
			    "MANIFEST %.12s)", name, actual, hex);
		free(data);
		free(path);
	}
	fclose(f);
	DIR *dh = opendir(dir);
	struct dirent *e;

	while (dh != NULL && (e = readdir(dh)) != NULL) {
		size_t i;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, "MANIFEST") == 0 ||
		    strcmp(e->d_name, WITHDRAWN) == 0)
			continue;
		for (i = 0; i < nlisted; i++)
			if (strcmp(listed[i], e->d_name) == 0)
				break;
		if (i == nlisted) {
			char *path = xasprintf("%s/%s", dir, e->d_name);

			diag_add(d, path, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
			    "%s was added to the archive after adoption",
			    e->d_name);
			free(path);
		}
	}
	if (dh != NULL)
		closedir(dh);
	verify_withdrawal(d, dir);
	for (size_t i = 0; i < nlisted; i++)
		free(listed[i]);
	free(listed);
	free(mpath);
}

/* The pid in a staging directory's name ".VERSION.staging.PID", or 0. */
static long
staging_pid(const char *name)
{
	const char *at = strstr(name, ".staging.");

	return name[0] == '.' && at != NULL ? strtol(at + 9, NULL, 10) : 0;
}

static int
is_symlink(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
}

/* ---- the adopted text --------------------------------------------- */

/* A node the comparison looks at: elements and text that is not blank. */
static int
significant(xmlNodePtr n)
{
	if (n->type == XML_ELEMENT_NODE)
		return 1;
	if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
		return 0;
	for (const xmlChar *c = n->content; c && *c; c++)
		if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
			return 1;
	return 0;
}

static xmlNodePtr
next_significant(xmlNodePtr n)
{
	while (n != NULL && !significant(n))
		n = n->next;
	return n;
}

/*
 * Whether attribute a of element el may differ from the archive: where
 * the file came from (xml:base), and what happens after adoption: a
 * later decision that supersedes a version.
 */
static int
attr_may_differ(xmlNodePtr el, xmlAttrPtr a)
{
	if (a->ns != NULL && xmlStrEqual(a->ns->href, XML_XML_NAMESPACE))
		return 1;
	return tree_is(el, "revision") &&
	    xmlStrEqual(a->name, BAD_CAST "superseded");
}

/* Whether element a has every attribute of b with its value. */
static int
attrs_within(xmlNodePtr a, xmlNodePtr b)
{
	for (xmlAttrPtr x = b->properties; x != NULL; x = x->next) {
		xmlChar *mine, *theirs;
		int same;

		if (attr_may_differ(b, x))
			continue;
		mine = xmlGetNsProp(a, x->name, x->ns ? x->ns->href : NULL);
		theirs = xmlNodeGetContent((xmlNodePtr)x);
		same = mine != NULL && xmlStrEqual(mine, theirs);
		xmlFree(mine);
		xmlFree(theirs);
		if (!same)
			return 0;
	}
	return 1;
}

/*
 * The first node of the source's element a at which it differs from
 * the archived element b (an element, or the element holding changed
 * text), or NULL when they are the same but for what may differ.  A
 * status may go from beslutad to upphavd (the document was repealed).
 */
static xmlNodePtr
first_difference(xmlNodePtr a, xmlNodePtr b)
{
	xmlNodePtr x, y;

	if (!xmlStrEqual(a->name, b->name) ||
	    !xmlStrEqual(a->ns ? a->ns->href : NULL, b->ns ? b->ns->href :
	    NULL) || !attrs_within(a, b) || !attrs_within(b, a))
		return a;
	if (tree_is(a, "status") && tree_is(a->parent, "meta")) {
		xmlChar *now = xmlNodeGetContent(a), *then = xmlNodeGetContent(b);
		int ok = xmlStrEqual(now, then) || (xmlStrEqual(now,
		    BAD_CAST "upphavd") && xmlStrEqual(then, BAD_CAST "beslutad"));

		xmlFree(now);
		xmlFree(then);
		return ok ? NULL : a;
	}
	for (x = next_significant(a->children), y = next_significant(b->children);
	    x != NULL && y != NULL; x = next_significant(x->next),
	    y = next_significant(y->next)) {
		xmlNodePtr at;

		if (x->type != y->type)
			return x->type == XML_ELEMENT_NODE ? x : a;
		if (x->type != XML_ELEMENT_NODE) {
			if (!xmlStrEqual(x->content, y->content))
				return a;
			continue;
		}
		if ((at = first_difference(x, y)) != NULL)
			return at;
	}
	if (x != NULL)
		return x->type == XML_ELEMENT_NODE ? x : a;
	return y != NULL ? a : NULL;
}

/* Whether n is <decision> or a decision attribute's revision. */
static int
about_decision(xmlNodePtr n)
{
	return tree_is(n, "decision") || tree_is(n, "revision");
}

/*
 * The text of an adopted version is frozen: for each document whose
 * current version has an archive in force and is beslutad or upphavd,
 * its source (includes expanded) must be the archived canonical source
 * but for what adoption's aftermath may change (attr_may_differ, the
 * status).  The first difference is an error at the source.
 */
static void
adopted_text_verify(struct project *p)
{
	size_t n;
	xmlNodePtr *docs = tree_sources(p, "document", &n);

	for (size_t i = 0; i < n; i++) {
		char *id = tree_prop(docs[i], "id");
		char *version = tree_meta(docs[i], "version");
		char *status = tree_meta(docs[i], "status");
		char *entry = NULL, *path = NULL, *data = NULL, hex[65];
		xmlChar *sha = xmlGetProp(docs[i]->parent, BAD_CAST "sha256");
		xmlDocPtr arch = NULL;
		xmlNodePtr at;
		size_t len = 0;

		if (id == NULL || version == NULL || status == NULL ||
		    !docid_valid(id) || (strcmp(status, "beslutad") != 0 &&
		    strcmp(status, "upphavd") != 0) ||
		    (entry = archive_entry(id, version)) == NULL)
			goto next;
		path = xasprintf("%s/%s.xml", entry, id);
		/* Unchanged since adoption: the same canonical bytes. */
		if ((data = file_read(path, &len)) == NULL)
			goto next;	/* verify_archive says why */
		sha256_hex(data, len, hex);
		if (sha != NULL && strcmp((char *)sha, hex) == 0)
			goto next;
		if ((arch = document_file_load(p, path)) == NULL)
			goto next;
		at = first_difference(docs[i], xmlDocGetRootElement(arch));
		if (at != NULL && about_decision(at))
			diag_node(p->diags, at, NULL, SEV_ERROR,
			    RULE_ADOPTED_TEXT, "the decision recorded when "
			    "version %s was adopted was changed here (see %s); "
			    "a decision registered in error is withdrawn with "
			    "`styrdok adopt --withdraw %s@%s`", version, path,
			    id, version);
		else if (at != NULL)
			diag_node(p->diags, at, NULL, SEV_ERROR,
			    RULE_ADOPTED_TEXT, "the text of adopted version %s "
			    "was changed here (it differs from %s); start a new "
			    "version with `styrdok revise %s`", version, path,
			    id);
next:
		xmlFreeDoc(arch);
		xmlFree(sha);
		free(id);
		free(version);
		free(status);
		free(entry);
		free(path);
		free(data);
	}
	free(docs);
}

/*
 * Puts a <withdrawal> in the tree (under the root) for every archive
 * whose adoption was withdrawn, for the pages that list them.
 */
void
archive_withdrawals(struct project *p)
{
	DIR *top = opendir(ADOPTED), *sub;
	struct dirent *e, *v;
	xmlNodePtr root = xmlDocGetRootElement(p->tree);

	while (top != NULL && (e = readdir(top)) != NULL) {
		char *docdir;

		if (e->d_name[0] == '.' || !docid_valid(e->d_name))
			continue;
		docdir = xasprintf("%s/%s", ADOPTED, e->d_name);
		sub = is_symlink(docdir) ? NULL : opendir(docdir);
		while (sub != NULL && (v = readdir(sub)) != NULL) {
			char ver[256], *dir;
			struct withdrawal w;
			xmlNodePtr n;

			if (entry_parse(v->d_name, ver, sizeof(ver)) == 0)
				continue;
			dir = xasprintf("%s/%s", docdir, v->d_name);
			if (withdrawal_read(dir, &w) == 0) {
				n = xmlNewChild(root, root->ns,
				    BAD_CAST "withdrawal", NULL);
				xmlSetProp(n, BAD_CAST "doc", BAD_CAST e->d_name);
				xmlSetProp(n, BAD_CAST "version", BAD_CAST ver);
				xmlSetProp(n, BAD_CAST "archive", BAD_CAST dir);
				xmlSetProp(n, BAD_CAST "decision",
				    BAD_CAST(w.decision ? w.decision : ""));
				xmlSetProp(n, BAD_CAST "date",
				    BAD_CAST(w.date ? w.date : ""));
				xmlSetProp(n, BAD_CAST "by",
				    BAD_CAST(w.by ? w.by : ""));
				xmlSetProp(n, BAD_CAST "reason",
				    BAD_CAST(w.reason ? w.reason : ""));
				withdrawal_free(&w);
			}
			free(dir);
		}
		if (sub != NULL)
			closedir(sub);
		free(docdir);
	}
	if (top != NULL)
		closedir(top);
}

/* Verifies every archive under policies/adopted/ (check runs this). */
void
archives_verify(struct project *p)
{
	DIR *top = opendir(ADOPTED), *sub;
	struct dirent *e, *v;

	if (top == NULL) {
		if (errno != ENOENT)
			unreadable(p->diags, ADOPTED);
		else
			adopted_text_verify(p);
		return;
	}
	while ((e = readdir(top)) != NULL) {
		char *docdir;

		if (e->d_name[0] == '.')
			continue;
		docdir = xasprintf("%s/%s", ADOPTED, e->d_name);
		/* An archive read through a link is not the archive. */
		if (is_symlink(docdir)) {
			diag_add(p->diags, docdir, 0, 0, SEV_ERROR,
			    RULE_ARCHIVE_INTEGRITY, "a symbolic link: an archive "
			    "is a directory of the project, never read through "
			    "a link");
			free(docdir);
			continue;
		}
		if ((sub = opendir(docdir)) == NULL)
			unreadable(p->diags, docdir);
		else {
			while ((v = readdir(sub)) != NULL) {
				char *dir;

				if (strcmp(v->d_name, ".") == 0 ||
				    strcmp(v->d_name, "..") == 0)
					continue;
				dir = xasprintf("%s/%s", docdir, v->d_name);
				if (v->d_name[0] == '.') {
					/* A running adopt's is its own business. */
					if (!pid_alive(staging_pid(v->d_name)))
						diag_add(p->diags, dir, 0, 0,
						    SEV_WARNING,
						    RULE_ARCHIVE_INTEGRITY, "an "
						    "interrupted adopt left this "
						    "staging directory; the next "
						    "command that writes removes "
						    "it");
				} else
					verify_archive(p->diags, dir);
				free(dir);
			}
			closedir(sub);
		}
		free(docdir);
	}
	closedir(top);
	adopted_text_verify(p);
}


/*
 * Removes the staging directories that adopt runs no longer alive left
 * (the lock's holder runs this; see lock.c).
 */
void
archive_clean_stale(struct diags *d)
{
	DIR *top = opendir(ADOPTED), *sub;
	struct dirent *e, *v;

	while (top != NULL && (e = readdir(top)) != NULL) {
		char *docdir;

		if (e->d_name[0] == '.')
			continue;
		docdir = xasprintf("%s/%s", ADOPTED, e->d_name);
		if (!is_symlink(docdir) && (sub = opendir(docdir)) != NULL) {
			while ((v = readdir(sub)) != NULL) {
				long pid = staging_pid(v->d_name);
				char *dir;

				if (pid <= 0 || pid == (long)getpid() ||
				    pid_alive(pid))
					continue;
				dir = xasprintf("%s/%s", docdir, v->d_name);
				remove_tree(dir);
				diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_RECOVERY,
				    "removed %s, which a stopped adopt left; "
				    "that adopt changed nothing", dir);
				free(dir);
			}
			closedir(sub);
		}
		free(docdir);
	}
	if (top != NULL)
		closedir(top);
}

/* SPDX-License-Identifier: ISC */
/*
 * record.c - what each output was built from, so a build re-renders only
 * what changed.  The record is output/styrdok-build.record, one line per
 * output: the key of its inputs (a SHA-256 over the sources, templates and
 * settings the page depends on), the SHA-256 of the file written, and its
 * path.  A page is skipped only when its key is the same and the file on
 * disk still has the recorded hash, so a deleted or hand-edited output is
 * rendered again.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "styrdok.h"

#define RECORD_NAME "styrdok-build.record"

struct entry {
	char key[65], out[65];
	char *path;
};

struct record {
	struct entry *v;
	size_t n;
	xmlHashTablePtr index;	/* path -> 1 + its place in v */
};


static int
entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
	    ((const struct entry *)b)->path);
}

/*
 * The record of the output directory dir; empty when there is none or
 * dir is NULL (build --force).
 */
struct record *
record_load(const char *dir)
{
	struct record *r = xcalloc(1, sizeof(*r));
	char *path = dir ? xasprintf("%s/%s", dir, RECORD_NAME) : NULL;
	char *data = NULL, *line, *save;
	size_t len;

	r->index = xmlHashCreate(64);
	if (path != NULL && (data = file_read(path, &len)) != NULL)
		for (line = strtok_r(data, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			char key[65], out[65], p[1024];

			if (sscanf(line, "%64[0-9a-f] %64[0-9a-f] %1023s", key,
			    out, p) != 3)
				continue;
			if (xmlHashLookup(r->index, BAD_CAST p) != NULL)
				continue;
			r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
			memcpy(r->v[r->n].key, key, 65);
			memcpy(r->v[r->n].out, out, 65);
			r->v[r->n++].path = xstrdup(p);
			xmlHashAddEntry(r->index, BAD_CAST p,
			    (void *)(uintptr_t)r->n);
		}
	free(data);
	free(path);
	return r;
}

void
record_free(struct record *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].path);
	free(r->v);
	xmlHashFree(r->index, NULL);
	free(r);
}

/* The entry of path, or NULL; by the index, so a build stays linear. */
static struct entry *
find(struct record *r, const char *path)
{
	uintptr_t at = (uintptr_t)xmlHashLookup(r->index, BAD_CAST path);

	return at > 0 ? &r->v[at - 1] : NULL;
}

/* Whether dir/path was built from key and is still as written. */
int
record_current(struct record *r, const char *dir, const char *path,
    const char *key)
{
	struct entry *e = find(r, path);
	char *full, *data, hex[65];
	size_t len;
	int ok = 0;

	if (e == NULL || strcmp(e->key, key) != 0)
		return 0;
	full = xasprintf("%s/%s", dir, path);
	if ((data = file_read(full, &len)) != NULL) {
		sha256_hex(data, len, hex);
		ok = strcmp(hex, e->out) == 0;
	}
	free(data);
	free(full);
	return ok;
}

/* Notes that path was written with data from inputs key. */
void
record_set(struct record *r, const char *path, const char *key,
    const char *data, size_t len)
{
	struct entry *e = find(r, path);

	if (e == NULL) {
		r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
		e = &r->v[r->n++];
		e->path = xstrdup(path);
		xmlHashAddEntry(r->index, BAD_CAST path,
		    (void *)(uintptr_t)r->n);
	}
	memcpy(e->key, key, 65);
	sha256_hex(data ? data : "", len, e->out);
}

/*
 * Writes the record into the output directory, unless the file there
 * says the same already.  Returns 0 or -1.
 */
int
record_save(struct record *r, struct outdir *od, const char *dir)
{
	struct buf b = {0};
	char *path = xasprintf("%s/%s", dir, RECORD_NAME), *old;
	size_t len = 0;
	int rc = 0;

	/* Sorted by path, so the file does not depend on the build order;
	 * the index then points by place no more. */
	qsort(r->v, r->n, sizeof(*r->v), entry_cmp);
	xmlHashFree(r->index, NULL);
	r->index = xmlHashCreate(64);
	for (size_t i = 0; i < r->n; i++)
		xmlHashAddEntry(r->index, BAD_CAST r->v[i].path,
		    (void *)(uintptr_t)(i + 1));
	buf_adds(&b, "");
	for (size_t i = 0; i < r->n; i++)
		buf_printf(&b, "%s %s %s\n", r->v[i].key, r->v[i].out,
		    r->v[i].path);
	old = file_read(path, &len);
	if (old == NULL || len != b.len || memcmp(old, b.data, len) != 0)
		rc = outdir_write(od, RECORD_NAME, b.data, b.len);
	free(old);
	free(path);
	buf_free(&b);
	return rc;
}

/* A set of names, in the order they were added. */
struct names {
	char **v;
	size_t n;
};

static void
names_add(struct names *s, const char *name, size_t len)
{
	for (size_t i = 0; i < s->n; i++)
		if (strlen(s->v[i]) == len && strncmp(s->v[i], name, len) == 0)
			return;
	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	s->v[s->n++] = xasprintf("%.*s", (int)len, name);
}

/*
 * Adds to refs each directory a template names as a sibling of its own
 * (href="../html/css.xsl" names html).
 */
static void
sibling_refs(const char *data, size_t len, struct names *refs)
{
	const char *end = data + len;

	for (const char *q = data; (q = memmem(q, (size_t)(end - q), "../",
	    3)) != NULL; q += 3) {
		const char *name = q + 3, *e = name;

		if (q == data || (q[-1] != '"' && q[-1] != '\''))
			continue;
		while (e < end && (isalnum((unsigned char)*e) || *e == '_' ||
		    *e == '-'))
			e++;
		if (e > name && e < end && *e == '/')
			names_add(refs, name, (size_t)(e - name));
	}
}

/*
 * Adds the files of dir (sorted; names relative to top, so the key does
 * not depend on where the project lives; contents) to b: those below
 * it too with recurse, only those with the name suffix when given.  With
 * refs, the directories the files name as siblings go there.
 */
static void
hash_tree(struct buf *b, const char *top, const char *dir,
    const char *suffix, int recurse, struct names *refs)
{
	size_t n;
	char **names = dir_names(dir, &n);

	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]), *data;
		struct stat st;
		size_t len, sl = strlen(names[i]);

		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (recurse)
				hash_tree(b, top, path, suffix, 1, refs);
		} else if ((suffix == NULL || (sl > strlen(suffix) &&
		    strcmp(names[i] + sl - strlen(suffix), suffix) == 0)) &&
		    (data = file_read(path, &len)) != NULL) {
			char hex[65];

			sha256_hex(data, len, hex);
			buf_printf(b, "%s %s\n", path + strlen(top), hex);
			if (refs != NULL)
				sibling_refs(data, len, refs);
			free(data);
		}
		free(path);
		free(names[i]);
	}
	free(names);
}

/*
 * The hash of every file below dir (with the name suffix, if given), in
 * name order: for the staff lists, which the report counts.  Returns hex
 * the caller frees.
 */
char *
record_tree_hash(const char *dir, const char *suffix)
{
	struct buf b = {0};
	char hex[65];

	hash_tree(&b, dir, dir, suffix, 1, NULL);
	sha256_hex(b.data ? b.data : "", b.len, hex);
	buf_free(&b);
	return xstrdup(hex);
}

/*
 * The hash of the templates the pages of one format are made with, so
 * that a build reads those rather than every format's: the files at the
 * top of the templates directory (the schema, the default profile),
 * common/, the format's directory (fmtdir) and every directory one of
 * their stylesheets imports from (fo/ takes the registers' tables from
 * html/), each in name order.  Returns hex the caller frees.
 */
char *
record_templates_hash(const char *templates, const char *fmtdir)
{
	struct buf b = {0};
	struct names dirs = {0};
	char hex[65];

	hash_tree(&b, templates, templates, NULL, 0, NULL);
	names_add(&dirs, "common", strlen("common"));
	names_add(&dirs, fmtdir, strlen(fmtdir));
	/* dirs grows as the files read name more of them. */
	for (size_t i = 0; i < dirs.n; i++) {
		char *dir = xasprintf("%s/%s", templates, dirs.v[i]);

		hash_tree(&b, templates, dir, NULL, 1, &dirs);
		free(dir);
	}
	for (size_t i = 0; i < dirs.n; i++)
		free(dirs.v[i]);
	free(dirs.v);
	sha256_hex(b.data ? b.data : "", b.len, hex);
	buf_free(&b);
	return xstrdup(hex);
}

/*
 * archive.c - the archive of adopted versions, policies/adopted/<id>/
 * <version>/ (canonical source, rendered outputs and a MANIFEST of
 * SHA-256 sums that sha256sum -c reads): where a version's files are,
 * the newest adopted version, and the check-stage proof that no archive
 * changed since its adoption.  Writing archives is cmd_adopt.c's.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "styrdok.h"

/* The archived source of id@version; the caller frees. */
char *
archive_source_path(const char *id, const char *version)
{
	return xasprintf(ADOPTED "/%s/%s/%s.xml", id, version, id);
}

/* The newest version archived under policies/adopted/<id>/, or NULL. */
char *
newest_adopted(const char *id)
{
	char *dir = xasprintf(ADOPTED "/%s", id), *best = NULL;
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    strspn(e->d_name, "0123456789.") != strlen(e->d_name))
			continue;
		if (best == NULL || version_compare(e->d_name, best) > 0) {
			free(best);
			best = xstrdup(e->d_name);
		}
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	return best;
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
		diag_add(d, dir, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
		    "the archive has no MANIFEST");
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
			diag_add(d, path, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
			    "%s is listed in the MANIFEST but missing", name);
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
		    strcmp(e->d_name, "MANIFEST") == 0)
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

/* Verifies every archive under policies/adopted/ (check runs this). */
void
archives_verify(struct project *p)
{
	DIR *top = opendir(ADOPTED), *sub;
	struct dirent *e, *v;

	if (top == NULL)
		return;
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
		if ((sub = opendir(docdir)) != NULL) {
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

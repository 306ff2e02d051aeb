/*
 * write.c - stage 5: puts results under the output directory and nowhere
 * else.  The directory is opened once; subdirectories are created and
 * entered with *at() calls that refuse symbolic links, and every file is
 * written to a temporary name in its final directory, synced, and
 * renamed into place, so a reader sees the old file or the new one,
 * never half of one, and a planted symlink is replaced, not followed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "styrdok.h"

struct outdir {
	int fd;
	char *path;
	struct diags *diags;	/* where write failures are reported */
};

/*
 * Opens (creating if needed) the output directory.  Returns NULL after
 * an environment diagnostic in d (the run exits 3).
 */
/*
 * Whether the output directory path can be used: an existing directory
 * (not a symbolic link) or a name whose parent is one, in which a
 * directory can be made (tried, and removed again, so a read-only file
 * system or /proc is found out too).  For the commands to call before
 * they render.  Returns 0, or -1 after a diagnostic.
 */
int
outdir_check(struct diags *d, const char *path)
{
	struct stat st;
	char *dir, *slash, *probe;
	int exists = lstat(path, &st) == 0, rc = 0;

	if (exists && !S_ISDIR(st.st_mode)) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s: %s",
		    path, S_ISLNK(st.st_mode) ? "not a directory (symbolic "
		    "links are not followed)" : "not a directory");
		return -1;
	}
	if (exists)
		dir = xstrdup(path);
	else if ((slash = strrchr(path, '/')) == NULL)
		dir = xstrdup(".");
	else
		dir = slash == path ? xstrdup("/") :
		    xasprintf("%.*s", (int)(slash - path), path);
	probe = xasprintf("%s/.styrdok.probe.XXXXXX", dir);
	if (mkdtemp(probe) == NULL) {
		if (exists)
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
			    "%s: cannot write there: %s", path, strerror(errno));
		else
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
			    "%s: cannot make the directory in %s: %s", path,
			    dir, strerror(errno));
		rc = -1;
	} else
		rmdir(probe);
	free(probe);
	free(dir);
	return rc;
}

struct outdir *
outdir_new(struct diags *d, const char *path)
{
	struct outdir *o;
	int fd;

	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s: %s",
		    path, strerror(errno));
		return NULL;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s: %s",
		    path, errno == ELOOP || errno == ENOTDIR ? "not a "
		    "directory (symbolic links are not followed)" :
		    strerror(errno));
		return NULL;
	}
	o = xcalloc(1, sizeof(*o));
	o->fd = fd;
	o->path = xstrdup(path);
	o->diags = d;
	return o;
}

void
outdir_free(struct outdir *o)
{
	if (o == NULL)
		return;
	close(o->fd);
	free(o->path);
	free(o);
}

/* A path component we are willing to create: no '.', '..', '/', '-'. */
static int
component_ok(const char *c, size_t n)
{
	if (n == 0 || c[0] == '.' || c[0] == '-')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (c[i] == '/' || (unsigned char)c[i] < 0x20)
			return 0;
	return 1;
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A file being written: its temporary name in its final directory. */
struct outfile {
	struct outdir *o;
	char *relpath;	/* for messages */
	char *name;	/* final name in dir */
	char tmp[64];
	int dir, fd;
};

static void
outfile_fail(struct outfile *f)
{
	int saved = errno;

	diag_add(f->o->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
	    "%s/%s: %s", f->o->path, f->relpath, strerror(saved));
	if (f->fd >= 0) {
		close(f->fd);
		unlinkat(f->dir, f->tmp, 0);
	}
	if (f->dir >= 0)
		close(f->dir);
	free(f->relpath);
	free(f);
}

/*
 * Starts writing relpath ("a/b/c.html") under the output directory:
 * creates the directories (never through a symbolic link) and a
 * temporary file beside the final one.  Returns NULL after a message.
 */
struct outfile *
outfile_open(struct outdir *o, const char *relpath)
{
	struct outfile *f = xcalloc(1, sizeof(*f));
	const char *p, *slash;

	f->o = o;
	f->relpath = xstrdup(relpath);
	f->fd = -1;
	p = f->relpath;
	if ((f->dir = dup(o->fd)) < 0)
		goto fail;
	while ((slash = strchr(p, '/')) != NULL) {
		char *comp = strndup(p, (size_t)(slash - p));
		int next;

		if (comp == NULL || !component_ok(comp, strlen(comp))) {
			errno = EINVAL;
			free(comp);
			goto fail;
		}
		if (mkdirat(f->dir, comp, 0755) != 0 && errno != EEXIST) {
			free(comp);
			goto fail;
		}
		next = openat(f->dir, comp, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC);
		free(comp);
		if (next < 0)
			goto fail;
		close(f->dir);
		f->dir = next;
		p = slash + 1;
	}
	f->name = (char *)p;
	if (!component_ok(f->name, strlen(f->name))) {
		errno = EINVAL;
		goto fail;
	}
	for (int attempt = 0; attempt < 100 && f->fd < 0; attempt++) {
		snprintf(f->tmp, sizeof(f->tmp), ".styrdok.%ld.%d.tmp",
		    (long)getpid(), attempt);
		f->fd = openat(f->dir, f->tmp, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0644);
		if (f->fd < 0 && errno != EEXIST)
			goto fail;
	}
	if (f->fd < 0)
		goto fail;
	return f;
fail:
	outfile_fail(f);
	return NULL;
}

/* Appends data.  Returns 0, or -1 after a message (f is then gone). */
int
outfile_write(struct outfile *f, const char *data, size_t len)
{
	if (write_all(f->fd, data, len) != 0) {
		outfile_fail(f);
		return -1;
	}
	return 0;
}

/*
 * Syncs the file and renames it into place, replacing (not following)
 * whatever had the name.  Returns 0, or -1 after a message; f is gone.
 */
int
outfile_commit(struct outfile *f)
{
	if (fsync(f->fd) != 0 || close(f->fd) != 0) {
		f->fd = -1;
		unlinkat(f->dir, f->tmp, 0);
		outfile_fail(f);
		return -1;
	}
	f->fd = -1;
	if (renameat(f->dir, f->tmp, f->dir, f->name) != 0) {
		unlinkat(f->dir, f->tmp, 0);
		outfile_fail(f);
		return -1;
	}
	close(f->dir);
	free(f->relpath);
	free(f);
	return 0;
}

/* Gives up a file: nothing of it is left behind. */
void
outfile_abort(struct outfile *f)
{
	if (f == NULL)
		return;
	close(f->fd);
	unlinkat(f->dir, f->tmp, 0);
	close(f->dir);
	free(f->relpath);
	free(f);
}

/*
 * Writes data to relpath under the output directory, atomically.
 * Returns 0, or -1 after a diagnostic (nothing is left behind).
 */
int
outdir_write(struct outdir *o, const char *relpath, const char *data,
    size_t len)
{
	struct outfile *f = outfile_open(o, relpath);

	if (f == NULL || outfile_write(f, data, len) != 0)
		return -1;
	return outfile_commit(f);
}

/*
 * Reads a whole regular file of at most LIMIT_RUN_BYTES (an output, an
 * archived source, a staff list).  Returns the bytes, NUL-terminated, for
 * the caller to free, or NULL.
 */
char *
file_read(const char *path, size_t *len)
{
	struct stat st;
	FILE *f;
	char *data;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > LIMIT_RUN_BYTES || (f = fopen(path, "rb")) == NULL)
		return NULL;
	data = xmalloc((size_t)st.st_size + 1);
	*len = fread(data, 1, (size_t)st.st_size, f);
	fclose(f);
	data[*len] = '\0';
	return data;
}

/* SPDX-License-Identifier: ISC */
/*
 * write.c - stage 5: puts results under the output directory and nowhere
 * else, all of a run's files at once.  The directory is opened once;
 * subdirectories are created and entered with *at() calls that refuse
 * symbolic links; every file is written to a temporary name in its final
 * directory and synced.  Nothing is visible until write_commit(), which
 * renames every file of the run into place together: a run that fails
 * before it changes nothing, and a planted symlink is replaced, not
 * followed.
 *
 * The commit is a transaction.  Before the first rename, the list of
 * renames is written to .styrdok/journal in the project (synced, renamed
 * into place); the file each rename replaces is kept under a second name
 * until all are done.  A commit that fails part-way puts the replaced
 * files back; one that is killed is completed by the next run from the
 * journal (write_recover).  Directories are synced after the renames in
 * them, so the order survives a crash of the machine too.
 *
 * Temporary names are .styrdok.PID.N.tmp (and .old for a replaced file):
 * the next run removes those of runs that are no longer alive
 * (write_clean_stale).  STYRDOK_FAULT makes a chosen write step fail or
 * the process die there, for the crash-consistency tests.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "styrdok.h"

#define JOURNAL_DIR ".styrdok"
#define JOURNAL JOURNAL_DIR "/journal"
#define JOURNAL_TMP JOURNAL_DIR "/journal.tmp"

/* ---- failure injection ---------------------------------------------- */

/*
 * Every step that changes the disk calls this first.  STYRDOK_FAULT=N
 * (or enospc:N) makes the Nth step fail with ENOSPC, when it is a step
 * that can fail (may_fail; syncing a directory after its renames is
 * not: the files are in place then); kill:N kills the process there
 * with SIGKILL, as a crash would.  Returns 0, or -1 with errno set.
 */
static int
fault_at(int may_fail)
{
	static long step, at = -1;
	static int kill_there;
	const char *env;

	if (at == -1) {
		at = 0;
		if ((env = getenv("STYRDOK_FAULT")) != NULL) {
			if (strncmp(env, "kill:", 5) == 0) {
				kill_there = 1;
				env += 5;
			} else if (strncmp(env, "enospc:", 7) == 0)
				env += 7;
			at = strtol(env, NULL, 10);
		}
	}
	if (at <= 0 || ++step != at)
		return 0;
	if (kill_there)
		raise(SIGKILL);
	if (!may_fail)
		return 0;
	errno = ENOSPC;
	return -1;
}

static int
fault(void)
{
	return fault_at(1);
}

/* ---- the run's transaction ------------------------------------------ */

/* An output directory of the run, kept open until the commit. */
struct root {
	int fd;
	char *abs;
};

/* A file (or a staged directory) waiting to be renamed into place. */
struct staged {
	size_t root;	/* in txn.roots */
	char *dir;	/* relative to the root; "" for the root itself */
	char *tmp;	/* temporary name in dir */
	char *name;	/* final name in dir */
	char *shown;	/* path for messages */
	char *old;	/* what the replaced file is kept as, or NULL */
	int is_dir;	/* renamed without replacing anything */
};

static struct {
	struct root *roots;
	size_t nroots;
	struct staged *v;
	size_t n;
	unsigned long serial;	/* numbers temporary names */
	int committed;		/* a commit of this run put files in place */
} txn;

struct outdir {
	size_t root;
	char *path;
	int private;		/* a staging directory: renamed at once */
	struct diags *diags;	/* where write failures are reported */
};

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n;

		if (fault() != 0)
			return -1;
		n = write(fd, data, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Syncs directory fd (or the directory at path when fd < 0); may_fail
 * as for fault_at().
 */
static int
sync_dir(int fd, const char *path, int may_fail)
{
	int own = fd < 0, rc;

	if (own && (fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	rc = fault_at(may_fail) == 0 && fsync(fd) == 0 ? 0 : -1;
	if (own)
		close(fd);
	return rc;
}

/* A fresh temporary name of this run: .styrdok.PID.N.SUFFIX. */
static void
temp_name(char *out, size_t size, const char *suffix)
{
	snprintf(out, size, ".styrdok.%ld.%lu.%s", (long)getpid(),
	    txn.serial++, suffix);
}

/*
 * Opens the directory dir below root fd without following a symbolic
 * link, creating what is missing when create is set.  Returns an fd,
 * or -1 with errno set (EINVAL for a name we never create).
 */
static int
open_below(int fd, const char *dir, int create)
{
	char *copy = xstrdup(dir), *save = NULL;
	int cur = dup(fd);

	for (char *c = strtok_r(copy, "/", &save); c != NULL && cur >= 0;
	    c = strtok_r(NULL, "/", &save)) {
		int next;

		if (c[0] == '.' || c[0] == '-') {
			close(cur);
			cur = -1;
			errno = EINVAL;
			break;
		}
		if (create && mkdirat(cur, c, 0755) != 0 && errno != EEXIST) {
			close(cur);
			cur = -1;
			break;
		}
		next = openat(cur, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		close(cur);
		cur = next;
	}
	free(copy);
	return cur;
}

static void
staged_free(struct staged *s)
{
	free(s->dir);
	free(s->tmp);
	free(s->name);
	free(s->shown);
	free(s->old);
}

/*
 * Removes the temporary files of every staged entry from index from on
 * and forgets them.
 */
static void
unstage(size_t from)
{
	int fd = -1;
	const char *open_dir = NULL;
	size_t open_root = 0;

	for (size_t i = from; i < txn.n; i++) {
		struct staged *s = &txn.v[i];

		if (open_dir == NULL || open_root != s->root ||
		    strcmp(open_dir, s->dir) != 0) {
			if (fd >= 0)
				close(fd);
			fd = open_below(txn.roots[s->root].fd, s->dir, 0);
			open_dir = s->dir;
			open_root = s->root;
		}
		if (fd >= 0 && s->is_dir) {
			char *path = xasprintf("%s/%s%s%s",
			    txn.roots[s->root].abs, s->dir, *s->dir ? "/" : "",
			    s->tmp);

			remove_tree(path);
			free(path);
		} else if (fd >= 0)
			unlinkat(fd, s->tmp, 0);
		signals_hold(-1);
	}
	if (fd >= 0)
		close(fd);
	for (size_t i = from; i < txn.n; i++)
		staged_free(&txn.v[i]);
	txn.n = from;
}

static void
roots_free(void)
{
	for (size_t i = 0; i < txn.nroots; i++) {
		close(txn.roots[i].fd);
		free(txn.roots[i].abs);
	}
	free(txn.roots);
	txn.roots = NULL;
	txn.nroots = 0;
}

/* Gives up every file staged in the run: nothing of them is left. */
void
write_abort(void)
{
	unstage(0);
	free(txn.v);
	txn.v = NULL;
	roots_free();
}

/* Whether a commit of this run has put files in place. */
int
write_committed(void)
{
	return txn.committed;
}

static void
stage(struct outdir *o, const char *dir, const char *tmp, const char *name,
    const char *shown, int is_dir)
{
	struct staged *s;

	txn.v = xrealloc(txn.v, (txn.n + 1) * sizeof(*txn.v));
	s = &txn.v[txn.n++];
	memset(s, 0, sizeof(*s));
	s->root = o->root;
	s->dir = xstrdup(dir);
	s->tmp = xstrdup(tmp);
	s->name = xstrdup(name);
	s->shown = xstrdup(shown);
	s->is_dir = is_dir;
}

/* ---- output directories and files -------------------------------- */

/*
 * Whether the output directory path can be used: an existing directory
 * (not a symbolic link) this process may write in, or a name whose
 * parent is one, in which a directory can be made (tried, and removed
 * again, so a read-only file system or /proc is found out too).  An
 * existing directory is only asked, never written, so a build with
 * nothing to do changes nothing.  For the commands to call before they
 * render.  Returns 0, or -1 after a diagnostic.
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
	if (exists) {
		if (faccessat(AT_FDCWD, path, W_OK | X_OK, AT_EACCESS) == 0)
			return 0;
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "%s: cannot write there: %s", path, strerror(errno));
		return -1;
	}
	if ((slash = strrchr(path, '/')) == NULL)
		dir = xstrdup(".");
	else
		dir = slash == path ? xstrdup("/") :
		    xasprintf("%.*s", (int)(slash - path), path);
	probe = xasprintf("%s/.styrdok.probe.XXXXXX", dir);
	if (mkdtemp(probe) == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "%s: cannot make the directory in %s: %s", path, dir,
		    strerror(errno));
		rc = -1;
	} else
		rmdir(probe);
	free(probe);
	free(dir);
	return rc;
}

/*
 * Opens (creating if needed) the output directory, for the run's commit.
 * Temporary files that dead runs left below it are removed.  Returns
 * NULL after an environment diagnostic in d (the run exits 3).
 */
struct outdir *
outdir_new(struct diags *d, const char *path)
{
	struct outdir *o;
	char *abs;
	int fd;

	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s: %s",
		    path, strerror(errno));
		return NULL;
	}
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || (abs = realpath(path, NULL)) == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s: %s",
		    path, errno == ELOOP || errno == ENOTDIR ? "not a "
		    "directory (symbolic links are not followed)" :
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	write_clean_stale(d, path);
	txn.roots = xrealloc(txn.roots, (txn.nroots + 1) * sizeof(*txn.roots));
	txn.roots[txn.nroots].fd = fd;
	txn.roots[txn.nroots].abs = abs;
	o = xcalloc(1, sizeof(*o));
	o->root = txn.nroots++;
	o->path = xstrdup(path);
	o->diags = d;
	return o;
}

/*
 * Makes o a staging directory: a file written in it is renamed into
 * place at once, since the directory itself is not yet visible and is
 * put in place whole by write_stage_dir().
 */
void
outdir_set_private(struct outdir *o)
{
	o->private = 1;
}

void
outdir_free(struct outdir *o)
{
	if (o == NULL)
		return;
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

/* A file being written: its temporary name in its final directory. */
struct outfile {
	struct outdir *o;
	char *relpath;	/* for messages */
	char *reldir;	/* the directory part of relpath */
	char *name;	/* final name in dir */
	char tmp[64];
	int dir, fd;
};

static void
outfile_free(struct outfile *f)
{
	if (f->fd >= 0) {
		close(f->fd);
		unlinkat(f->dir, f->tmp, 0);
		signals_hold(-1);
	}
	if (f->dir >= 0)
		close(f->dir);
	free(f->relpath);
	free(f->reldir);
	free(f);
}

static void
outfile_fail(struct outfile *f)
{
	int saved = errno;

	diag_add(f->o->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
	    "%s/%s: %s", f->o->path, f->relpath, strerror(saved));
	outfile_free(f);
}

/*
 * Starts writing relpath ("a/b/c.html") under the output directory:
 * creates the directories (never through a symbolic link) and a
 * temporary file beside the final one.  A directory where the file
 * goes is refused now, not at the commit.  Returns NULL after a message.
 */
struct outfile *
outfile_open(struct outdir *o, const char *relpath)
{
	struct outfile *f = xcalloc(1, sizeof(*f));
	const char *slash = strrchr(relpath, '/');
	struct stat st;

	f->o = o;
	f->relpath = xstrdup(relpath);
	f->reldir = slash ? xasprintf("%.*s", (int)(slash - relpath),
	    relpath) : xstrdup("");
	f->name = f->relpath + (slash ? slash - relpath + 1 : 0);
	f->fd = -1;
	for (const char *p = f->reldir, *e; *p != '\0'; p = *e ? e + 1 : e) {
		e = strchr(p, '/');
		if (e == NULL)
			e = p + strlen(p);
		if (!component_ok(p, (size_t)(e - p))) {
			errno = EINVAL;
			f->dir = -1;
			goto fail;
		}
	}
	if (!component_ok(f->name, strlen(f->name))) {
		errno = EINVAL;
		f->dir = -1;
		goto fail;
	}
	if (fault() != 0 || (f->dir = open_below(txn.roots[o->root].fd,
	    f->reldir, 1)) < 0) {
		f->dir = -1;
		goto fail;
	}
	if (fstatat(f->dir, f->name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	temp_name(f->tmp, sizeof(f->tmp), "tmp");
	f->fd = openat(f->dir, f->tmp, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0644);
	if (f->fd < 0)
		goto fail;
	signals_hold(1);
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
 * Finishes the file: synced, and staged for write_commit(), which puts
 * it in place with the run's other files (in a staging directory it is
 * renamed at once).  Returns 0, or -1 after a message; f is gone.
 */
int
outfile_commit(struct outfile *f)
{
	struct outdir *o = f->o;

	if (fault() != 0 || fsync(f->fd) != 0 || close(f->fd) != 0) {
		int saved = errno;

		close(f->fd);
		f->fd = -1;
		unlinkat(f->dir, f->tmp, 0);
		signals_hold(-1);
		errno = saved;
		outfile_fail(f);
		return -1;
	}
	f->fd = -1;
	if (o->private) {
		if (fault() != 0 || renameat(f->dir, f->tmp, f->dir,
		    f->name) != 0) {
			int saved = errno;

			unlinkat(f->dir, f->tmp, 0);
			signals_hold(-1);
			errno = saved;
			outfile_fail(f);
			return -1;
		}
		signals_hold(-1);
	} else
		stage(o, f->reldir, f->tmp, f->name, f->relpath, 0);
	close(f->dir);
	f->dir = -1;
	outfile_free(f);
	return 0;
}

/* Gives up a file: nothing of it is left behind. */
void
outfile_abort(struct outfile *f)
{
	if (f != NULL)
		outfile_free(f);
}

/*
 * Whether relpath under the output directory is a regular file, reached
 * without following a symbolic link, that holds exactly data: a page
 * rendered again the same is not written again (its file keeps its
 * time, and the run syncs and renames nothing for it).
 */
int
outdir_holds(struct outdir *o, const char *relpath, const char *data,
    size_t len)
{
	const char *slash = strrchr(relpath, '/');
	char *reldir = slash ? xasprintf("%.*s", (int)(slash - relpath),
	    relpath) : xstrdup("");
	const char *name = slash ? slash + 1 : relpath;
	int dir = open_below(txn.roots[o->root].fd, reldir, 0), fd = -1;
	int same = 0;
	struct stat st;

	free(reldir);
	if (dir >= 0)
		fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (size_t)st.st_size == len) {
		char *old = xmalloc(len ? len : 1);
		size_t got = 0;
		ssize_t r;

		while (got < len && (r = read(fd, old + got, len - got)) > 0)
			got += (size_t)r;
		same = got == len && memcmp(old, data, len) == 0;
		free(old);
	}
	if (fd >= 0)
		close(fd);
	if (dir >= 0)
		close(dir);
	return same;
}

/*
 * Writes data to relpath under the output directory, staged for the
 * commit.  Returns 0, or -1 after a diagnostic (nothing is left).
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
 * Stages directory staging (a name in o's directory, filled through a
 * private outdir) to be renamed to final by the commit, never replacing
 * anything that exists there.  It is synced first.  The caller's hold on
 * it (signals_hold) passes to the commit, which gives it back.  Returns
 * 0, or -1 after a message.
 */
int
write_stage_dir(struct outdir *o, const char *staging, const char *final)
{
	char *path = xasprintf("%s/%s", txn.roots[o->root].abs, staging);
	int rc = sync_dir(-1, path, 1);

	if (rc != 0)
		diag_add(o->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "%s/%s: %s", o->path, staging, strerror(errno));
	else
		stage(o, "", staging, final, final, 1);
	free(path);
	return rc;
}

/* ---- the journal -------------------------------------------------- */

static void
journal_field(struct buf *b, const char *s)
{
	buf_printf(b, " %zu:%s", strlen(s), s);
}

/* Reads a field journal_field() wrote; advances *p.  NULL when torn. */
static char *
journal_read_field(const char **p, const char *end)
{
	char *colon;
	unsigned long n;

	if (*p >= end || **p != ' ')
		return NULL;
	n = strtoul(*p + 1, &colon, 10);
	if (colon >= end || *colon != ':' || (size_t)(end - colon - 1) < n)
		return NULL;
	*p = colon + 1 + n;
	return strndup(colon + 1, n);
}

/* The journal's text: the renames of the commit and a closing hash. */
static void
journal_text(struct buf *b)
{
	char hex[65];

	buf_printf(b, "styrdok-journal 1 %ld\n", (long)getpid());
	for (size_t i = 0; i < txn.n; i++) {
		const struct staged *s = &txn.v[i];
		char *dir = xasprintf("%s%s%s", txn.roots[s->root].abs,
		    *s->dir ? "/" : "", s->dir);

		buf_printf(b, "%c", s->is_dir ? 'd' : 'f');
		journal_field(b, dir);
		journal_field(b, s->tmp);
		journal_field(b, s->name);
		journal_field(b, s->old ? s->old : "");
		buf_adds(b, "\n");
		free(dir);
	}
	sha256_hex(b->data, b->len, hex);
	buf_printf(b, "end %s\n", hex);
}

/*
 * Writes the journal atomically.  Returns 1 when written, 0 when the
 * project cannot hold one (a read-only project: the commit then goes
 * without), -1 on an error (errno set).
 */
static int
journal_write(void)
{
	struct buf b = {0};
	int fd, rc = -1;

	if (mkdir(JOURNAL_DIR, 0755) != 0 && errno != EEXIST)
		return errno == EROFS || errno == EACCES ? 0 : -1;
	journal_text(&b);
	fd = open(JOURNAL_TMP, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	if (fd < 0) {
		rc = errno == EROFS || errno == EACCES ? 0 : -1;
		buf_free(&b);
		return rc;
	}
	if (write_all(fd, b.data, b.len) == 0 && fault() == 0 &&
	    fsync(fd) == 0 && close(fd) == 0) {
		fd = -1;
		if (fault() == 0 && rename(JOURNAL_TMP, JOURNAL) == 0 &&
		    sync_dir(-1, JOURNAL_DIR, 1) == 0)
			rc = 1;
	}
	if (fd >= 0)
		close(fd);
	if (rc != 1) {
		int saved = errno;

		unlink(JOURNAL_TMP);
		unlink(JOURNAL);
		errno = saved;
	}
	buf_free(&b);
	return rc;
}

static void
journal_remove(void)
{
	unlink(JOURNAL);
	sync_dir(-1, JOURNAL_DIR, 0);
}

/* ---- the commit --------------------------------------------------- */

/*
 * Puts back what entries [0, done) of the commit replaced; dirs[i] is
 * the open directory of entry i.
 */
static void
roll_back(int *dirs, size_t done)
{
	for (size_t i = done; i-- > 0;) {
		struct staged *s = &txn.v[i];

		if (s->is_dir)
			continue;	/* an archive once in place stays */
		if (s->old != NULL)
			renameat(dirs[i], s->old, dirs[i], s->name);
		else
			unlinkat(dirs[i], s->name, 0);
		fsync(dirs[i]);
	}
}

/*
 * Puts every file staged in the run in place together (see the comment
 * at the top).  Returns 0, or -1 after a diagnostic in d, with every
 * earlier file as it was.
 */
int
write_commit(struct diags *d)
{
	int *dirs = NULL, rc = -1, journal = 0;
	size_t done = 0, i;
	const char *what = "";

	if (txn.n == 0) {
		roots_free();
		return 0;
	}
	if (interrupted()) {
		write_abort();
		return -1;
	}
	signals_block(1);
	/*
	 * Directories (an adopted archive, which once in place is never
	 * taken back) go last, so a failure before them can still undo
	 * every file.
	 */
	for (i = 0, done = 0; i < txn.n; i++)
		if (!txn.v[i].is_dir) {
			struct staged s = txn.v[i];

			memmove(txn.v + done + 1, txn.v + done,
			    (i - done) * sizeof(*txn.v));
			txn.v[done++] = s;
		}
	done = 0;
	dirs = xcalloc(txn.n, sizeof(*dirs));
	for (i = 0; i < txn.n; i++)
		dirs[i] = -1;
	/* Each directory once; the replaced files kept under a second name. */
	for (i = 0; i < txn.n; i++) {
		struct staged *s = &txn.v[i];
		char old[64];
		struct stat st;

		for (size_t k = 0; k < i && dirs[i] < 0; k++)
			if (txn.v[k].root == s->root &&
			    strcmp(txn.v[k].dir, s->dir) == 0)
				dirs[i] = dup(dirs[k]);
		if (dirs[i] < 0 && (dirs[i] = open_below(txn.roots[s->root].fd,
		    s->dir, 0)) < 0) {
			what = s->shown;
			goto fail;
		}
		if (s->is_dir || fstatat(dirs[i], s->name, &st,
		    AT_SYMLINK_NOFOLLOW) != 0)
			continue;
		temp_name(old, sizeof(old), "old");
		if (fault() != 0 || linkat(dirs[i], s->name, dirs[i], old,
		    0) != 0) {
			what = s->shown;
			goto fail;
		}
		s->old = xstrdup(old);
	}
	if ((journal = journal_write()) < 0) {
		what = JOURNAL;
		goto fail;
	}
	for (done = 0; done < txn.n; done++) {
		struct staged *s = &txn.v[done];
		int r;

		if (fault() != 0)
			r = -1;
		else if (s->is_dir)
			r = renameat2(dirs[done], s->tmp, dirs[done], s->name,
			    RENAME_NOREPLACE);
		else
			r = renameat(dirs[done], s->tmp, dirs[done], s->name);
		if (r != 0) {
			what = s->shown;
			goto fail;
		}
	}
	for (i = 0; i < txn.n; i++)
		if ((i == 0 || txn.v[i].root != txn.v[i - 1].root ||
		    strcmp(txn.v[i].dir, txn.v[i - 1].dir) != 0) &&
		    sync_dir(dirs[i], NULL, 0) != 0) {
			what = txn.v[i].shown;
			goto fail_late;
		}
	rc = 0;
	goto out;
fail:
	{
		int saved = errno;

		diag_add(d, NULL, 0, 0, SEV_ERROR, errno == EEXIST ?
		    RULE_ARCHIVE_INTEGRITY : RULE_ENVIRONMENT, "%s: %s%s", what,
		    errno == EEXIST ? "already exists; an archive is never "
		    "replaced" : strerror(saved), done > 0 ? "; the files "
		    "already put in place were put back" : "");
	}
	roll_back(dirs, done);
	if (journal > 0)
		journal_remove();
	/* What is not yet in place goes; so do the kept old files. */
	for (i = 0; i < txn.n; i++)
		if (txn.v[i].old != NULL && dirs[i] >= 0)
			unlinkat(dirs[i], txn.v[i].old, 0);
	goto release;
fail_late:
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s: cannot sync "
	    "its directory (%s): the files are in place but might not survive "
	    "a crash of the machine", what, strerror(errno));
out:
	if (journal > 0)
		journal_remove();
	for (i = 0; i < txn.n; i++)
		if (txn.v[i].old != NULL && dirs[i] >= 0)
			unlinkat(dirs[i], txn.v[i].old, 0);
	txn.committed = 1;
	done = txn.n;
release:
	for (i = 0; i < txn.n; i++)
		if (dirs[i] >= 0)
			close(dirs[i]);
	free(dirs);
	/* The entries put in place hold nothing any more. */
	for (i = 0; i < done; i++) {
		signals_hold(-1);
		staged_free(&txn.v[i]);
	}
	memmove(txn.v, txn.v + done, (txn.n - done) * sizeof(*txn.v));
	txn.n -= done;
	unstage(0);
	free(txn.v);
	txn.v = NULL;
	roots_free();
	signals_block(0);
	return rc;
}

/* ---- what earlier runs left ------------------------------------------ */

/*
 * Completes a commit that a run which died left in the journal: every
 * rename still to do is done, the kept old files are removed.  A note
 * in d says so.  Returns 0, or -1 after a diagnostic when a rename
 * failed (the journal is kept for the next try).
 */
int
write_recover(struct diags *d)
{
	size_t len = 0, n = 0, failed = 0;
	char *text = file_read(JOURNAL, &len), *nl, hex[65];
	const char *p, *end, *mark;
	long pid = 0;

	if (text == NULL)
		return 0;
	mark = strstr(text, "\nend ");
	if (mark == NULL || sscanf(text, "styrdok-journal 1 %ld", &pid) != 1) {
		/* Never renamed into place whole: the commit never began. */
		unlink(JOURNAL);
		free(text);
		return 0;
	}
	sha256_hex(text, (size_t)(mark + 1 - text), hex);
	if (strncmp(mark + 5, hex, 64) != 0) {
		diag_add(d, JOURNAL, 0, 0, SEV_ERROR, RULE_RECOVERY, "the "
		    "journal of an interrupted commit is damaged; it is left "
		    "for inspection and nothing was completed");
		free(text);
		return -1;
	}
	p = strchr(text, '\n') + 1;
	end = mark + 1;
	/* Every rename first, then the old files: a crash here repeats it. */
	for (int pass = 0; pass < 2; pass++) {
		const char *q = p;

		while (q < end && (nl = memchr(q, '\n', (size_t)(end - q)))) {
			char kind = *q, *dir, *tmp, *name, *old;
			const char *f = q + 1;

			dir = journal_read_field(&f, nl);
			tmp = journal_read_field(&f, nl);
			name = journal_read_field(&f, nl);
			old = journal_read_field(&f, nl);
			if (dir && tmp && name && old) {
				char *from = xasprintf("%s/%s", dir, tmp);
				char *to = xasprintf("%s/%s", dir, name);
				struct stat st;

				if (pass == 0 && lstat(from, &st) == 0) {
					if ((kind == 'd' ? renameat2(AT_FDCWD,
					    from, AT_FDCWD, to, RENAME_NOREPLACE) :
					    rename(from, to)) != 0) {
						diag_add(d, to, 0, 0, SEV_ERROR,
						    RULE_RECOVERY, "cannot "
						    "complete the interrupted "
						    "commit: %s",
						    strerror(errno));
						failed++;
					} else
						n++;
					sync_dir(-1, dir, 0);
				} else if (pass == 1 && *old != '\0' &&
				    failed == 0) {
					free(from);
					from = xasprintf("%s/%s", dir, old);
					unlink(from);
				}
				free(from);
				free(to);
			}
			free(dir);
			free(tmp);
			free(name);
			free(old);
			q = nl + 1;
		}
	}
	if (failed == 0) {
		journal_remove();
		diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_RECOVERY, "run %ld was "
		    "stopped while it put its files in place; the %zu that "
		    "were left are now in place too", pid, n);
	}
	free(text);
	return failed ? -1 : 0;
}

/* The pid in a temporary name ".styrdok.PID.N.tmp", or 0. */
static long
temp_pid(const char *name)
{
	char *end;
	long pid;

	if (strncmp(name, ".styrdok.", 9) != 0)
		return 0;
	pid = strtol(name + 9, &end, 10);
	return *end == '.' ? pid : 0;
}

static void
clean_below(int fd, int depth, size_t *removed)
{
	DIR *d;
	struct dirent *e;
	int dfd = dup(fd);

	if (dfd < 0 || (d = fdopendir(dfd)) == NULL) {
		if (dfd >= 0)
			close(dfd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		long pid = temp_pid(e->d_name);

		if (pid > 0 && pid != (long)getpid() && !pid_alive(pid)) {
			if (unlinkat(fd, e->d_name, 0) == 0)
				(*removed)++;
		} else if (e->d_name[0] != '.' && depth < 8 &&
		    (e->d_type == DT_DIR || e->d_type == DT_UNKNOWN)) {
			int sub = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY |
			    O_NOFOLLOW | O_CLOEXEC);

			if (sub >= 0) {
				clean_below(sub, depth + 1, removed);
				close(sub);
			}
		}
	}
	closedir(d);
}

/*
 * Removes the temporary files (.styrdok.PID.*) that runs no longer
 * alive left below dir.  Nothing is removed while a journal waits to
 * be completed: its files are among them.
 */
void
write_clean_stale(struct diags *d, const char *dir)
{
	size_t removed = 0;
	struct stat st;
	int fd;

	if (lstat(JOURNAL, &st) == 0)
		return;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0)
		return;
	clean_below(fd, 0, &removed);
	close(fd);
	if (removed == 1)
		diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_RECOVERY, "removed %zu "
		    "temporary file that stopped runs left in %s/", removed,
		    dir);
	else if (removed > 1)
		diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_RECOVERY, "removed %zu "
		    "temporary files that stopped runs left in %s/", removed,
		    dir);
}

/* Removes directory path and the files in it (a staging directory). */
void
remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		char *f;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		f = xasprintf("%s/%s", path, e->d_name);
		if (unlink(f) != 0 && errno == EISDIR)
			remove_tree(f);
		free(f);
	}
	if (d != NULL)
		closedir(d);
	rmdir(path);
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

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in directory dir, dot files left out, sorted so every run
 * sees them in the same order; *n of them, each and the array for the
 * caller to free.  None when dir cannot be read.
 */
char **
dir_names(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;

	*n = 0;
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = xrealloc(names, (*n + 1) * sizeof(*names));
		names[(*n)++] = xstrdup(e->d_name);
	}
	if (d != NULL)
		closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof(*names), name_cmp);
	return names;
}

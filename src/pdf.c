/*
 * pdf.c - PDF through Apache FOP.  The fo/ stylesheets turn the tree into
 * XSL-FO; FOP (Debian package fop, a Java program) sets it as PDF/A-2a
 * with the configuration templates/fo/fop.xconf, which embeds the fonts.
 * FOP runs as a child process without a shell, one per PDF and as many
 * side by side as there are processors, in a private temporary
 * directory; its messages become our diagnostics, and its PDF is read
 * back so the writer (write.c) puts it in place atomically.  A PDF that
 * FOP did not finish never reaches the output directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "styrdok.h"

extern char **environ;

/* A FOP run that takes longer than this is stopped (a hung JVM). */
#define LIMIT_FOP_SECONDS 600

/*
 * The fop program: $STYRDOK_FOP when set (an empty value means none),
 * else the first "fop" on PATH.  Returns a path the caller frees, or
 * NULL when FOP is not installed.
 */
static char *
fop_find(void)
{
	const char *env = getenv("STYRDOK_FOP"), *path = getenv("PATH");
	char *dirs, *dir, *save, *found = NULL;

	if (env != NULL)
		return *env != '\0' && access(env, X_OK) == 0 ? xstrdup(env) :
		    NULL;
	dirs = xstrdup(path != NULL ? path : "/usr/bin:/bin");
	for (dir = strtok_r(dirs, ":", &save); dir != NULL && found == NULL;
	    dir = strtok_r(NULL, ":", &save)) {
		char *cand = xasprintf("%s/fop", *dir ? dir : ".");
		struct stat st;

		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(cand, X_OK) == 0)
			found = cand;
		else
			free(cand);
	}
	free(dirs);
	return found;
}

/* Writes a private temporary file.  Returns 0, or -1 after a message. */
static int
write_file(struct project *p, const char *path, const char *data,
    size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	size_t done = 0;

	while (fd >= 0 && done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	if (fd >= 0 && done == len && close(fd) == 0)
		return 0;
	diag_add(p->diags, path, 0, 0, SEV_ERROR, RULE_IO, "cannot write: %s",
	    strerror(errno));
	if (fd >= 0 && done < len)
		close(fd);
	return -1;
}

/* Whether FOP can be run. */
int
fop_installed(void)
{
	char *fop = fop_find();
	int found = fop != NULL;

	free(fop);
	return found;
}

/*
 * For a command that was asked for PDF: 0 when FOP is installed, else a
 * diagnostic naming the Debian package and EXIT_SYSTEM.
 */
int
fop_require(struct diags *d, const char *cmd)
{
	if (fop_installed())
		return 0;
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_FOP, "%s: PDF needs Apache "
	    "FOP, which is not installed (Debian package fop: apt-get "
	    "install fop)", cmd);
	return EXIT_SYSTEM;
}

/* The one note for a PDF a command makes by default but cannot now. */
void
fop_skipped(struct diags *d, const char *cmd, const char *what)
{
	diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_FOP, "%s%s%s skipped: Apache "
	    "FOP is not installed (Debian package fop)", cmd ? cmd : "",
	    cmd ? ": " : "", what);
}

/* One FOP child: its files in the temporary directory and its pid. */
struct run {
	char *fo, *pdf, *log;
	pid_t pid;
	time_t started;
};

/*
 * FOP's environment: ours, with SOURCE_DATE_EPOCH set to the production
 * date of the tree when it is not set already.  FOP then stamps the PDF
 * with that date instead of the clock, and the same tree gives the same
 * bytes.  The caller frees the array and *added, the string added.
 */
static char **
fop_environment(struct project *p, char **added)
{
	size_t n = 0;
	char **env, *date;
	struct tm tm = {0};

	while (environ[n] != NULL)
		n++;
	env = xcalloc(n + 2, sizeof(*env));
	memcpy(env, environ, n * sizeof(*env));
	date = tree_prop(xmlDocGetRootElement(p->tree), "build-date");
	if (getenv("SOURCE_DATE_EPOCH") == NULL && date != NULL &&
	    strptime(date, "%Y-%m-%d", &tm) != NULL)
		env[n] = xasprintf("SOURCE_DATE_EPOCH=%lld",
		    (long long)timegm(&tm));
	*added = env[n];
	free(date);
	return env;
}

static pid_t
spawn_fop(struct project *p, const char *fop, const char *conf,
    char **env, struct run *r)
{
	posix_spawn_file_actions_t fa;
	char opt_c[] = "-c", opt_fo[] = "-fo", opt_pdf[] = "-pdf";
	char *argv[] = {(char *)fop, opt_c, (char *)conf, opt_fo, r->fo,
	    opt_pdf, r->pdf, NULL};
	pid_t pid = -1;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, r->log,
	    O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, 1, 2);
	rc = posix_spawn(&pid, fop, &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		diag_add(p->diags, fop, 0, 0, SEV_ERROR, RULE_FOP,
		    "cannot start: %s", strerror(rc));
		return -1;
	}
	return pid;
}

/*
 * FOP's messages as diagnostics: one per "[ERROR]", "[WARN]", "SEVERE:"
 * or "WARNING:" line (Java stack traces and the launcher's own chatter
 * are left out).  Returns how many were errors.
 */
static int
fop_messages(struct project *p, struct pdf_job *j, const char *log,
    const char *tmpdir)
{
	size_t len;
	char *text = file_read(log, &len), *line, *save;
	int errors = 0;
	static const struct {
		const char *prefix;
		enum severity sev;
	} kinds[] = {
		{"[ERROR] ", SEV_ERROR}, {"[FATAL] ", SEV_ERROR},
		{"SEVERE: ", SEV_ERROR}, {"[WARN] ", SEV_WARNING},
		{"WARNING: ", SEV_WARNING},
	};

	if (text == NULL)
		return 0;
	for (line = strtok_r(text, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		for (size_t k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
			size_t n = strlen(kinds[k].prefix);
			char *msg, *tmp;

			if (strncmp(line, kinds[k].prefix, n) != 0)
				continue;
			msg = line + n;
			/* Our temporary file names mean nothing to a reader. */
			while ((tmp = strstr(msg, tmpdir)) != NULL) {
				char *end = tmp + strlen(tmpdir);

				end += strspn(end, "/0123456789");
				if (strncmp(end, ".fo", 3) == 0)
					end += 3;
				if (tmp - msg >= 5 && !strncmp(tmp - 5, "file:", 5))
					tmp -= 5;
				memcpy(tmp, "XSL-FO", 6);
				memmove(tmp + 6, end, strlen(end) + 1);
			}
			if (strlen(msg) > 300)
				strcpy(msg + 297, "...");
			if (j->about != NULL)
				diag_node(p->diags, j->about, NULL, kinds[k].sev,
				    RULE_FOP, "%s: %s", j->what, msg);
			else
				diag_add(p->diags, j->what, 0, 0, kinds[k].sev,
				    RULE_FOP, "%s", msg);
			errors += kinds[k].sev == SEV_ERROR;
			break;
		}
	}
	free(text);
	return errors;
}

/*
 * Waits for any child of runs and returns its index; a child past the
 * time limit is killed and returned with *timed_out set.  Returns
 * (size_t)-1 when there is no child to wait for.
 */
static size_t
reap(struct run *runs, size_t n, int *status, int *timed_out)
{
	for (;;) {
		pid_t pid = waitpid(-1, status, WNOHANG);
		time_t now = time(NULL);

		*timed_out = 0;
		if (pid > 0)
			for (size_t i = 0; i < n; i++)
				if (runs[i].pid == pid)
					return i;
		if (pid < 0 && errno != EINTR)
			return (size_t)-1;
		for (size_t i = 0; i < n; i++)
			if (runs[i].pid > 0 &&
			    now - runs[i].started > LIMIT_FOP_SECONDS) {
				kill(runs[i].pid, SIGKILL);
				waitpid(runs[i].pid, status, 0);
				*timed_out = 1;
				return i;
			}
		if (pid == 0) {
			struct timespec ts = {0, 20 * 1000 * 1000};

			nanosleep(&ts, NULL);
		}
	}
}

/*
 * Renders every job with FOP, up to one per processor at a time.
 * Returns 0 when all PDFs were made, -1 otherwise (each failure has its
 * diagnostic and its job failed set).
 */
int
pdf_render(struct project *p, struct pdf_job *jobs, size_t n)
{
	char *fop = fop_find(), *conf, *tmpdir, **env, *added = NULL;
	const char *tmp = getenv("TMPDIR");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t next = 0, running = 0, max = cpus > 0 ? (size_t)cpus : 1;
	struct run *runs;
	int rc = 0;

	if (n == 0) {
		free(fop);
		return 0;
	}
	if (fop == NULL) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_FOP,
		    "PDF needs Apache FOP: install the Debian package fop");
		free(fop);
		return -1;
	}
	/* A profile font the bundled configuration lacks: profile.c's. */
	conf = p->fop_conf ? xstrdup(p->fop_conf) :
	    xasprintf("%s/fo/fop.xconf", p->templates);
	tmpdir = xasprintf("%s/styrdok-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		diag_add(p->diags, tmpdir, 0, 0, SEV_ERROR, RULE_IO,
		    "cannot make a temporary directory: %s", strerror(errno));
		free(fop);
		free(conf);
		free(tmpdir);
		return -1;
	}
	env = fop_environment(p, &added);
	runs = xcalloc(n, sizeof(*runs));
	for (size_t i = 0; i < n; i++) {
		runs[i].fo = xasprintf("%s/%zu.fo", tmpdir, i);
		runs[i].pdf = xasprintf("%s/%zu.pdf", tmpdir, i);
		runs[i].log = xasprintf("%s/%zu.log", tmpdir, i);
	}
	while (next < n || running > 0) {
		while (next < n && running < max) {
			struct run *r = &runs[next];

			if (write_file(p, r->fo, jobs[next].fo.data,
			    jobs[next].fo.len) != 0 ||
			    (r->pid = spawn_fop(p, fop, conf, env, r)) < 0) {
				jobs[next].failed = 1;
				r->pid = 0;
				rc = -1;
			} else {
				r->started = time(NULL);
				running++;
			}
			next++;
		}
		if (running == 0)
			continue;
		int status, timed_out;
		size_t i = reap(runs, n, &status, &timed_out);

		if (i == (size_t)-1) {
			/* Children we started are gone unseen: none succeeded. */
			for (size_t k = 0; k < n; k++)
				if (runs[k].pid > 0) {
					jobs[k].failed = 1;
					diag_add(p->diags, jobs[k].what, 0, 0,
					    SEV_ERROR, RULE_FOP, "lost the FOP "
					    "process: %s", strerror(errno));
				}
			rc = -1;
			break;
		}
		runs[i].pid = 0;
		running--;
		struct pdf_job *j = &jobs[i];
		size_t len = 0;
		char *pdf;
		int errors = fop_messages(p, j, runs[i].log, tmpdir);

		if (timed_out)
			diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP,
			    "FOP did not finish in %d seconds",
			    LIMIT_FOP_SECONDS);
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
		    errors > 0) {
			/* An error FOP reported is a PDF we do not trust. */
			if (errors == 0)
				diag_add(p->diags, j->what, 0, 0, SEV_ERROR,
				    RULE_FOP, "FOP failed (%s %d)",
				    WIFEXITED(status) ? "exit" : "signal",
				    WIFEXITED(status) ? WEXITSTATUS(status) :
				    WTERMSIG(status));
		} else if ((pdf = file_read(runs[i].pdf, &len)) == NULL ||
		    len < 5 || memcmp(pdf, "%PDF-", 5) != 0) {
			diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP,
			    "FOP wrote no PDF");
			free(pdf);
		} else {
			buf_add(j->pdf, pdf, len);
			free(pdf);
			continue;
		}
		j->failed = 1;
		rc = -1;
	}
	for (size_t i = 0; i < n; i++) {
		unlink(runs[i].fo);
		unlink(runs[i].pdf);
		unlink(runs[i].log);
		free(runs[i].fo);
		free(runs[i].pdf);
		free(runs[i].log);
	}
	rmdir(tmpdir);
	free(added);
	free(env);
	free(runs);
	free(fop);
	free(conf);
	free(tmpdir);
	return rc;
}

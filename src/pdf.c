/* SPDX-License-Identifier: ISC */
/*
 * pdf.c - PDF through Apache FOP.  The fo/ stylesheets turn the tree into
 * XSL-FO; FOP (Debian package fop, a Java program) sets it as PDF/A-2a
 * with the configuration templates/fo/fop.xconf, which embeds the fonts.
 * FOP runs as a child process without a shell, one per PDF and as many
 * side by side as there are processors, in a temporary directory only
 * the user can read (the sheets hold staff names); its messages become
 * our diagnostics, and its PDF is read back so the writer (write.c) puts
 * it in place with the run's other files.
 *
 * A FOP never outlives styrdok: each runs in a process group of its own
 * (so a wrapper's children are reached too) that is killed when it
 * ends, when it runs past its time limit (TERM, then KILL), or when
 * styrdok is stopped (signals.c); PR_SET_PDEATHSIG ends it should
 * styrdok be killed outright, and what such a run left is removed by
 * the project's next writer (its marker in .styrdok says where to look,
 * pdf_clean_stale) or by any PDF run (pdf_clean_tmp).  A PDF is
 * accepted only when it is complete:
 * a header, a cross-reference that startxref points to, %%EOF at the
 * end, and the number of pages FOP reported, read back by pdfinfo when
 * poppler-utils is installed.  Otherwise the earlier PDF stays.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "styrdok.h"

extern char **environ;

/*
 * A FOP run may take FOP_SECONDS (STYRDOK_FOP_TIMEOUT) and as much again
 * for every MiB of XSL-FO; past that it is stopped: TERM, then KILL
 * after STOP_GRACE seconds.
 */
#define FOP_SECONDS 120
#define STOP_GRACE 5
#define TMP_PREFIX "styrdok-"
/*
 * While a run has FOP's temporary directory, .styrdok/pdf.PID in the
 * project names the directory it is in (TMPDIR), so the project's next
 * writer finds what a killed run left without reading all of TMPDIR.
 */
#define MARKER_PREFIX ".styrdok/pdf."

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


/* ---- child processes ------------------------------------------------ */

/* One child: its process group (= pid) and its clock. */
struct child {
	pid_t pid;
	double limit;		/* seconds it may run */
	struct timespec started, stopping;	/* stopping: TERM sent */
};

static double
since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/*
 * Starts prog with argv and env, standard input from /dev/null and
 * standard output and error to the file out, in a process group of its
 * own that dies with styrdok.  Returns 0, or -1 after a message.
 */
static int
child_start(struct project *p, struct child *c, const char *prog,
    char **argv, char **env, const char *out, double limit)
{
	pid_t parent = getpid(), pid;
	sigset_t all, old;
	int fd;

	if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0) {
		diag_add(p->diags, out, 0, 0, SEV_ERROR, RULE_IO, "cannot "
		    "write: %s", strerror(errno));
		return -1;
	}
	/* No stop between the fork and the child's entry in the table. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid = fork();
	if (pid == 0) {
		/* The child: only async-signal-safe calls until execve. */
		int null = open("/dev/null", O_RDONLY);
		struct sigaction dfl;

		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		memset(&dfl, 0, sizeof(dfl));
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGINT, &dfl, NULL);
		sigaction(SIGTERM, &dfl, NULL);
		sigaction(SIGHUP, &dfl, NULL);
		sigaction(SIGALRM, &dfl, NULL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (null < 0 || dup2(null, 0) < 0 || dup2(fd, 1) < 0 ||
		    dup2(fd, 2) < 0)
			_exit(127);
		execve(prog, argv, env);
		_exit(127);
	}
	if (pid > 0) {
		setpgid(pid, pid);
		child_add(pid);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(fd);
	if (pid < 0) {
		diag_add(p->diags, prog, 0, 0, SEV_ERROR, RULE_FOP,
		    "cannot start: %s", strerror(errno));
		return -1;
	}
	memset(c, 0, sizeof(*c));
	c->pid = pid;
	c->limit = limit;
	clock_gettime(CLOCK_MONOTONIC, &c->started);
	return 0;
}

/*
 * Stops children past their limit, or all when styrdok is told to stop:
 * TERM to the group, KILL STOP_GRACE seconds later.
 */
static void
children_police(struct child *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct child *c = &v[i];

		if (c->pid <= 0)
			continue;
		if (c->stopping.tv_sec == 0 && (interrupted() ||
		    since(&c->started) > c->limit)) {
			kill(-c->pid, SIGTERM);
			clock_gettime(CLOCK_MONOTONIC, &c->stopping);
		} else if (c->stopping.tv_sec != 0 &&
		    since(&c->stopping) > STOP_GRACE)
			kill(-c->pid, SIGKILL);
	}
}

/*
 * Waits for any child of v to end and returns its index, its wait
 * status in *status; the rest of its process group is killed.  Only
 * v's children are waited for (never waitpid(-1): pdfinfo runs while
 * FOPs do, and must not reap theirs).  Returns (size_t)-1 when there is
 * no child to wait for.
 */
static size_t
children_reap(struct child *v, size_t n, int *status)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	sigset_t chld, old;
	size_t found = (size_t)-1;

	/*
	 * SIGCHLD is held while the loop runs, so a child that ends between
	 * the look and the wait still wakes it: the wait returns when a
	 * child ends, a stop signal comes, or the pause is over.
	 */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old);
	while (found == (size_t)-1) {
		size_t alive = 0;
		int lost = 0;

		for (size_t i = 0; i < n && found == (size_t)-1 && !lost;
		    i++) {
			pid_t pid;

			if (v[i].pid <= 0)
				continue;
			alive++;
			pid = waitpid(v[i].pid, status, WNOHANG);
			if (pid == v[i].pid) {
				child_remove(pid);
				found = i;
			} else if (pid < 0 && errno != EINTR)
				lost = 1;
		}
		if (found != (size_t)-1 || lost || alive == 0)
			break;
		children_police(v, n);
		sigtimedwait(&chld, NULL, &pause);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return found;
}

/* ---- is it a complete PDF? ------------------------------------------ */

/* The last occurrence of needle in the n bytes at hay, or NULL. */
static const char *
last_of(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = n >= k ? n - k + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

/*
 * What makes data no complete PDF, or NULL: the header, %%EOF at the
 * end, and a startxref that points to a cross-reference table or
 * stream inside the file.
 */
static const char *
pdf_defect(const char *data, size_t len)
{
	size_t e = len, tail = len > 1024 ? 1024 : len;
	const char *sx, *at;
	unsigned long off, obj, gen;
	char *num_end;
	int used = 0;

	if (len < 64 || memcmp(data, "%PDF-", 5) != 0)
		return "it has no PDF header";
	while (e > 0 && isspace((unsigned char)data[e - 1]))
		e--;
	if (e < 5 || memcmp(data + e - 5, "%%EOF", 5) != 0)
		return "it does not end in %%EOF (it is incomplete)";
	if ((sx = last_of(data + len - tail, tail, "startxref")) == NULL)
		return "it has no startxref";
	sx += 9;
	while (sx < data + len && isspace((unsigned char)*sx))
		sx++;
	if (sx >= data + len || !isdigit((unsigned char)*sx))
		return "its startxref has no offset";
	off = strtoul(sx, &num_end, 10);
	if (off >= len)
		return "its startxref points outside the file";
	at = data + off;
	if (len - off >= 4 && memcmp(at, "xref", 4) == 0)
		return NULL;
	if (sscanf(at, "%lu %lu obj%n", &obj, &gen, &used) == 2 && used > 0 &&
	    last_of(at, len - off < 2048 ? len - off : 2048, "/XRef") != NULL)
		return NULL;
	return "its startxref does not point to a cross-reference";
}

/* The pages FOP says it rendered ("Rendered page #N."), or 0. */
static long
fop_pages(const char *log)
{
	size_t len;
	char *text = file_read(log, &len);
	const char *at = text;
	long pages = 0;

	while (at != NULL && (at = strstr(at, "Rendered page #")) != NULL) {
		long n = strtol(at + 15, NULL, 10);

		if (n > pages)
			pages = n;
		at += 15;
	}
	free(text);
	return pages;
}

/* pdfinfo, the first on PATH, or NULL; the caller frees. */
static char *
pdfinfo_find(void)
{
	const char *path = getenv("PATH");
	char *dirs = xstrdup(path != NULL ? path : "/usr/bin:/bin"), *save;
	char *found = NULL;

	for (char *dir = strtok_r(dirs, ":", &save); dir != NULL &&
	    found == NULL; dir = strtok_r(NULL, ":", &save)) {
		char *cand = xasprintf("%s/pdfinfo", *dir ? dir : ".");

		if (access(cand, X_OK) == 0)
			found = cand;
		else
			free(cand);
	}
	free(dirs);
	return found;
}

/*
 * The page count poppler reads from the PDF at path: >= 1, 0 when it
 * cannot read the file as a PDF, -1 when pdfinfo is not installed.
 */
static long
pdfinfo_pages(struct project *p, const char *path, const char *out)
{
	char *prog = pdfinfo_find(), *text, *at;
	char *argv[] = {(char *)"pdfinfo", (char *)path, NULL};
	struct child c;
	size_t len;
	long pages = 0;
	int status;

	if (prog == NULL)
		return -1;
	if (child_start(p, &c, prog, argv, environ, out, 30) != 0) {
		free(prog);
		return 0;
	}
	free(prog);
	if (children_reap(&c, 1, &status) == 0 && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0 && (text = file_read(out, &len)) !=
	    NULL) {
		if ((at = strstr(text, "\nPages:")) != NULL ||
		    (at = strncmp(text, "Pages:", 6) == 0 ? text - 1 : NULL))
			pages = strtol(at + 7, NULL, 10);
		free(text);
	}
	unlink(out);
	return pages;
}

/*
 * Whether the PDF FOP made for job j is to be kept: complete, with the
 * pages FOP rendered (and j's expected count, when it has one) as
 * pdfinfo reads them.  Otherwise a diagnostic says why.
 */
static int
pdf_accept(struct project *p, struct pdf_job *j, const char *pdf,
    const char *data, size_t len, const char *log, const char *info)
{
	const char *defect = pdf_defect(data, len);
	long fop = fop_pages(log), read;

	if (defect == NULL && (read = pdfinfo_pages(p, pdf, info)) >= 0) {
		if (read == 0)
			defect = "pdfinfo cannot read it";
		else if (fop > 0 && read != fop)
			defect = "it has another number of pages than FOP "
			    "rendered";
		else if (j->pages > 0 && read != j->pages)
			defect = "it does not have one page per sheet";
	}
	if (defect == NULL)
		return 1;
	diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP, "FOP wrote "
	    "no usable PDF: %s; the earlier file is kept", defect);
	return 0;
}

/* ---- FOP -------------------------------------------------------------- */

/*
 * Whether code point c belongs to a script FOP must shape or reorder
 * (Hebrew, Arabic and the scripts after them up to the Latin additions,
 * the Indic and South-East Asian ones among them, their presentation
 * forms, anything beyond the first plane) or is a bidirectional control.
 */
static int
complex_script(unsigned long c)
{
	return (c >= 0x0590 && c <= 0x1DFF) || (c >= 0x200E && c <= 0x200F) ||
	    (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
	    (c >= 0xA800 && c <= 0xABFF) || (c >= 0xFB1D && c <= 0xFDFF) ||
	    (c >= 0xFE70 && c <= 0xFEFF) || c >= 0x10000;
}

/*
 * Whether the n bytes of XSL-FO at s hold such a character, as UTF-8 or
 * as a character reference.
 */
static int
fo_needs_shaping(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		unsigned long c = 0;
		size_t more;

		if (b == '&' && i + 2 < n && s[i + 1] == '#') {
			int hex = s[i + 2] == 'x';
			size_t j = i + 2 + (size_t)hex;

			for (; j < n && c <= 0x10FFFF &&
			    (hex ? isxdigit((unsigned char)s[j]) :
			    isdigit((unsigned char)s[j])); j++)
				c = c * (hex ? 16 : 10) + (unsigned long)
				    (isdigit((unsigned char)s[j]) ? s[j] - '0' :
				    tolower((unsigned char)s[j]) - 'a' + 10);
			if (complex_script(c))
				return 1;
			continue;
		}
		if (b < 0xC0)
			continue;
		more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
		if (i + more >= n)
			break;
		c = b & (0x3Fu >> more);
		for (size_t j = 1; j <= more; j++)
			c = c << 6 | ((unsigned char)s[i + j] & 0x3Fu);
		i += more;
		if (complex_script(c))
			return 1;
	}
	return 0;
}

/*
 * The configuration FOP gets in this run.  FOP's support for complex
 * scripts (bidirectional text, shaping from the fonts' GSUB and GPOS
 * tables) sets Latin text as it does without it, but reading those
 * tables costs a tenth of a second a PDF (README, Performance).  So when
 * no FO of the run needs it, FOP gets a copy of conf in the run's
 * directory with <complex-scripts disabled="true"/>; otherwise, when
 * conf already says, or when the copy cannot be made, conf itself.
 */
static char *
conf_for_run(const char *conf, const struct pdf_job *jobs, size_t n,
    const char *tmpdir)
{
	xmlDocPtr doc;
	xmlNodePtr root, cs;
	char *path;

	for (size_t i = 0; i < n; i++)
		if (fo_needs_shaping(jobs[i].fo.data, jobs[i].fo.len))
			return xstrdup(conf);
	doc = xmlReadFile(conf, NULL, XML_PARSE_NONET);
	if ((root = doc ? xmlDocGetRootElement(doc) : NULL) == NULL) {
		xmlFreeDoc(doc);
		return xstrdup(conf);
	}
	for (cs = root->children; cs != NULL; cs = cs->next)
		if (cs->type == XML_ELEMENT_NODE &&
		    xmlStrEqual(cs->name, BAD_CAST "complex-scripts")) {
			xmlFreeDoc(doc);
			return xstrdup(conf);
		}
	cs = xmlNewNode(root->ns, BAD_CAST "complex-scripts");
	xmlSetProp(cs, BAD_CAST "disabled", BAD_CAST "true");
	if (root->children != NULL)
		xmlAddPrevSibling(root->children, cs);
	else
		xmlAddChild(root, cs);
	path = xasprintf("%s/fop.xconf", tmpdir);
	if (xmlSaveFile(path, doc) < 0) {
		unlink(path);
		free(path);
		path = xstrdup(conf);
	}
	xmlFreeDoc(doc);
	return path;
}

/* One FOP run: its files in the temporary directory. */
struct run {
	char *fo, *pdf, *log, *info;
};

/*
 * FOP's environment: ours, with SOURCE_DATE_EPOCH set to the production
 * date of the tree when it is not set already.  FOP then stamps the PDF
 * with that date instead of the clock, and the same tree gives the same
 * bytes; and STYRDOK_PARENT, this run's pid.  The caller frees the
 * array and the (up to two) strings added.
 */
static char **
fop_environment(struct project *p, char **added)
{
	size_t n = 0;
	char **env, *date;
	struct tm tm = {0};

	while (environ[n] != NULL)
		n++;
	/* Room for JAVA_ARGS, which each run sets (pdf_render). */
	env = xcalloc(n + 4, sizeof(*env));
	memcpy(env, environ, n * sizeof(*env));
	date = tree_prop(xmlDocGetRootElement(p->tree), "build-date");
	/* How the next run knows a stray process as this run's. */
	added[0] = env[n++] = xasprintf("STYRDOK_PARENT=%ld", (long)getpid());
	if (getenv("SOURCE_DATE_EPOCH") == NULL && date != NULL &&
	    strptime(date, "%Y-%m-%d", &tm) != NULL)
		added[1] = env[n] = xasprintf("SOURCE_DATE_EPOCH=%lld",
		    (long long)timegm(&tm));
	free(date);
	return env;
}

/*
 * The byte offset in fo of FOP's "L:C" (from 1; C counts UTF-16 units,
 * as Java does), or -1.
 */
static long
fo_offset(const struct buf *fo, int line, int col)
{
	size_t i = 0;

	for (int l = 1; l < line; l++) {
		const char *nl = memchr(fo->data + i, '\n', fo->len - i);

		if (nl == NULL)
			return -1;
		i = (size_t)(nl - fo->data) + 1;
	}
	for (int c = 1; c < col && i < fo->len && fo->data[i] != '\n'; i++) {
		unsigned char b = (unsigned char)fo->data[i];

		if ((b & 0xC0) != 0x80)
			c += b >= 0xF0 ? 2 : 1;	/* astral: a surrogate pair */
	}
	return (long)i;
}

/* The element of the tree below node whose id is id, or NULL. */
static xmlNodePtr
find_id(xmlNodePtr node, const xmlChar *id)
{
	for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
		xmlNodePtr hit;
		xmlChar *v;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetNoNsProp(c, BAD_CAST "id")) != NULL) {
			int same = xmlStrEqual(v, id);

			xmlFree(v);
			if (same)
				return c;
		}
		if ((hit = find_id(c, id)) != NULL)
			return hit;
	}
	return NULL;
}

/* The element of the tree whose id is the id="..." of the start tag at
 * tag (ending at gt), or NULL; heading set: only a heading's (role=H...). */
static xmlNodePtr
tag_source(struct project *p, const char *tag, const char *gt, int heading)
{
	const char *id = NULL, *end;
	int is_heading = 0;
	xmlNodePtr found = NULL;

	for (const char *c = tag; c < gt; c++)
		if (strncmp(c, " id=\"", 5) == 0 && id == NULL)
			id = c + 5;
		else if (strncmp(c, " role=\"H", 8) == 0)
			is_heading = 1;
	if (id == NULL || (heading && !is_heading) ||
	    (end = memchr(id, '"', (size_t)(gt - id))) == NULL)
		return NULL;
	char *name = xasprintf("%.*s", (int)(end - id), id);

	if (strncmp(name, "styrdok-", 8) != 0)
		found = find_id(xmlDocGetRootElement(p->tree), BAD_CAST name);
	free(name);
	return found;
}

/*
 * FOP names the place in the XSL-FO where something went wrong ("(See
 * position L:C)": the end of the start tag of the formatting object).
 * The fo/ stylesheets give the blocks they make for requirements, risks
 * and the like, and the headings of sections, the source's own ids, so
 * the nearest FO element around that place whose id is an element's id
 * in the tree is the source to blame, or else the section whose heading
 * comes last before it.  Returns that element (or NULL), with the first
 * words of the text there in *snippet (the caller frees it; NULL when
 * none).
 */
static xmlNodePtr
fo_source(struct project *p, const struct buf *fo, const char *msg,
    char **snippet)
{
	const char *at = strstr(msg, "(See position ");
	int line, col, depth = 0;
	long off, i;
	struct buf text = {0};
	xmlNodePtr found = NULL, heading = NULL;

	*snippet = NULL;
	if (at == NULL || fo->data == NULL ||
	    sscanf(at, "(See position %d:%d)", &line, &col) != 2 ||
	    (off = fo_offset(fo, line, col)) < 0)
		return NULL;
	/* The text of that object, without its markup: what a reader sees. */
	for (i = off; (size_t)i < fo->len && text.len < 48; i++) {
		const char *c = fo->data + i, *gt;

		if (*c == '<') {
			if ((gt = memchr(c, '>', fo->len - (size_t)i)) == NULL)
				break;
			if (c[1] == '/' && --depth < 0)
				break;	/* its end tag */
			if (c[1] != '/' && c[1] != '!' && c[1] != '?' &&
			    gt[-1] != '/')
				depth++;
			i = gt - fo->data;
			if (text.len > 0 && text.data[text.len - 1] != ' ')
				buf_adds(&text, " ");
		} else if (strncmp(c, "\xc2\xad", 2) == 0) {
			i++;	/* a soft hyphen: not seen unless broken */
		} else {
			size_t n = 1;

			while ((size_t)i + n < fo->len &&
			    (c[n] & 0xC0) == 0x80)
				n++;	/* a whole UTF-8 character */
			buf_add(&text, *c == '\n' ? " " : c, *c == '\n' ? 1 : n);
			i += (long)n - 1;
		}
	}
	if (text.len >= 48)
		buf_adds(&text, "\u2026");	/* cut short */
	if (text.len > 0) {
		text.data[text.len] = '\0';
		*snippet = xstrdup(text.data);
	}
	buf_free(&text);
	/* Outwards through the enclosing start tags, looking at each id. */
	depth = 0;
	for (i = off - 1; i >= 0 && found == NULL; i--) {
		const char *gt;

		if (fo->data[i] != '<' || i + 1 >= (long)fo->len)
			continue;
		if (fo->data[i + 1] == '/') {
			depth++;
			continue;
		}
		if (fo->data[i + 1] == '!' || fo->data[i + 1] == '?' ||
		    (gt = memchr(fo->data + i, '>', fo->len - (size_t)i)) ==
		    NULL || gt[-1] == '/')
			continue;
		if (depth > 0) {
			/* A sibling before it: sections are not blocks of
			 * their own in the FO, their headings are. */
			if (--depth == 0 && heading == NULL)
				heading = tag_source(p, fo->data + i, gt, 1);
			continue;
		}
		found = tag_source(p, fo->data + i, gt, 0);
	}
	if (found == NULL)
		found = heading;
	return found;
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
			char *msg, *tmp, *snippet;
			xmlNodePtr source;

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
			if ((source = fo_source(p, &j->fo, msg, &snippet)) !=
			    NULL || snippet != NULL) {
				/* The FO's position means nothing to a reader. */
				char *pos = strstr(msg, " (See position ");

				if (pos != NULL)
					*pos = '\0';
			}
			if (source != NULL)
				diag_node(p->diags, source, NULL, kinds[k].sev,
				    RULE_FOP, "%s: %s%s%s%s", j->what, msg,
				    snippet ? " (at \"" : "",
				    snippet ? snippet : "", snippet ? "\")" : "");
			else if (j->about != NULL)
				diag_node(p->diags, j->about, NULL, kinds[k].sev,
				    RULE_FOP, "%s: %s%s%s%s", j->what, msg,
				    snippet ? " (at \"" : "",
				    snippet ? snippet : "", snippet ? "\")" : "");
			else
				diag_add(p->diags, j->what, 0, 0, kinds[k].sev,
				    RULE_FOP, "%s%s%s%s", msg,
				    snippet ? " (at \"" : "",
				    snippet ? snippet : "", snippet ? "\")" : "");
			free(snippet);
			errors += kinds[k].sev == SEV_ERROR;
			break;
		}
	}
	free(text);
	return errors;
}

/* STYRDOK_FOP_TIMEOUT, or FOP_SECONDS. */
static double
fop_seconds(void)
{
	const char *env = getenv("STYRDOK_FOP_TIMEOUT");
	char *end;
	double s;

	if (env == NULL || *env == '\0')
		return FOP_SECONDS;
	s = strtod(env, &end);
	return *end == '\0' && s > 0 ? s : FOP_SECONDS;
}

/* Removes the marker of run pid (see MARKER_PREFIX). */
static void
marker_remove(long pid)
{
	char *marker = xasprintf(MARKER_PREFIX "%ld", pid);

	unlink(marker);
	free(marker);
}

/*
 * A private temporary directory of this run: TMPDIR/styrdok-PID-XXXXXX,
 * mode 0700.  Returns its path, or NULL after a message.
 */
static char *
private_tmpdir(struct project *p)
{
	const char *tmp = getenv("TMPDIR");
	const char *top = tmp && *tmp ? tmp : "/tmp";
	char *dir = xasprintf("%s/" TMP_PREFIX "%ld-XXXXXX", top,
	    (long)getpid());
	char *marker = xasprintf(MARKER_PREFIX "%ld", (long)getpid());
	int fd;

	pdf_clean_tmp(p->diags, top, 0);
	/* Best effort: without .styrdok, the next PDF run cleans up. */
	if ((fd = open(marker, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0644)) >= 0) {
		if (write(fd, top, strlen(top)) != (ssize_t)strlen(top)) {
			close(fd);
			unlink(marker);
		} else
			close(fd);
	}
	free(marker);
	if (mkdtemp(dir) == NULL) {
		diag_add(p->diags, dir, 0, 0, SEV_ERROR, RULE_IO,
		    "cannot make a temporary directory: %s", strerror(errno));
		marker_remove((long)getpid());
		free(dir);
		return NULL;
	}
	signals_hold(1);
	return dir;
}

/*
 * Sets one finished FOP run's result on its job: the PDF, or a failure
 * with its diagnostics.  Returns 0 or -1.
 */
static int
fop_result(struct project *p, struct pdf_job *j, struct run *r,
    struct child *c, int status, const char *tmpdir)
{
	int errors = fop_messages(p, j, r->log, tmpdir);
	size_t len = 0;
	char *pdf;

	if (c->stopping.tv_sec != 0 && !interrupted())
		diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP,
		    "FOP did not finish in %.0f seconds (the limit for this "
		    "document; STYRDOK_FOP_TIMEOUT); it was stopped",
		    c->limit);
	else if (interrupted())
		diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP,
		    "FOP was stopped with styrdok");
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    errors > 0) {
		/* An error FOP reported is a PDF we do not trust. */
		if (errors == 0)
			diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP,
			    "FOP failed (%s %d)", WIFEXITED(status) ? "exit" :
			    "signal", WIFEXITED(status) ? WEXITSTATUS(status) :
			    WTERMSIG(status));
	} else if ((pdf = file_read(r->pdf, &len)) == NULL)
		diag_add(p->diags, j->what, 0, 0, SEV_ERROR, RULE_FOP,
		    "FOP wrote no PDF (or one over %ld bytes)", LIMIT_RUN_BYTES);
	else {
		struct buf links = {0};
		int ok;

		/*
		 * Each link annotation gets its description (pdflinks.c) in
		 * an update appended to FOP's bytes; pdfinfo then reads the
		 * whole file.
		 */
		if (pdf_link_contents(pdf, len, &links) > 0) {
			pdf = xrealloc(pdf, len + links.len);
			memcpy(pdf + len, links.data, links.len);
			len += links.len;
			if (unlink(r->pdf) != 0 ||
			    write_file(p, r->pdf, pdf, len) != 0) {
				buf_free(&links);
				free(pdf);
				j->failed = 1;
				return -1;
			}
		}
		buf_free(&links);
		ok = pdf_accept(p, j, r->pdf, pdf, len, r->log, r->info);
		if (ok)
			buf_add(j->pdf, pdf, len);
		free(pdf);
		if (ok)
			return 0;
	}
	j->failed = 1;
	return -1;
}

/* The JAVA_ARGS slot of env (fop_environment leaves it last). */
static void
java_args_set(char **env, char *value)
{
	size_t i = 0;

	while (env[i] != NULL && strncmp(env[i], "JAVA_ARGS=", 10) != 0)
		i++;
	env[i] = value;
}

/* Orders jobs by the size of their XSL-FO, largest first. */
static const struct pdf_job *sort_jobs;

static int
larger_first(const void *a, const void *b)
{
	size_t x = sort_jobs[*(const size_t *)a].fo.len;
	size_t y = sort_jobs[*(const size_t *)b].fo.len;

	if (x != y)
		return x < y ? 1 : -1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/*
 * Sets every job in one JVM through FOP's Ant task (jvm.c), largest
 * first, threads at a time; each job's messages are split out of the
 * run's log into its own, and the result is judged as for a run of its
 * own.  Returns 0, or -1 after diagnostics, or 1 when the driver
 * itself did not run (no job was heard of): the caller then runs FOP
 * once per PDF, and no FO file is left behind.
 */
static int
pdf_batch(struct project *p, struct jvm *jvm, struct pdf_job *jobs,
    size_t n, struct run *runs, const size_t *order, size_t threads,
    char **env, const char *conf, const char *tmpdir, double base)
{
	struct buf xml = {0}, *logs = xcalloc(n, sizeof(*logs));
	char *buildfile = xasprintf("%s/build.xml", tmpdir);
	char *antlog = xasprintf("%s/ant.log", tmpdir);
	char **argv = NULL, **fo = xcalloc(n, sizeof(*fo)), *text = NULL;
	char **pdf = xcalloc(n, sizeof(*pdf));
	struct child kid;
	double limit = base;
	size_t len = 0, heard;
	int status = 0, rc = 0, started = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		fo[i] = runs[i].fo;
		pdf[i] = runs[i].pdf;
		limit += base * (double)jobs[i].fo.len / (1024.0 * 1024.0);
		if (write_file(p, runs[i].fo, jobs[i].fo.data,
		    jobs[i].fo.len) != 0)
			rc = -1;
	}
	jvm_buildfile(&xml, conf, fo, pdf, order, n, threads);
	if (rc == 0 && write_file(p, buildfile, xml.data, xml.len) == 0) {
		argv = jvm_batch_argv(jvm, buildfile);
		started = !interrupted() && child_start(p, &kid, argv[0], argv,
		    env, antlog, limit) == 0;
	}
	if (!started) {
		for (size_t i = 0; i < n; i++)
			jobs[i].failed = 1;
		rc = -1;
		goto out;
	}
	if (children_reap(&kid, 1, &status) == (size_t)-1) {
		for (size_t i = 0; i < n; i++) {
			jobs[i].failed = 1;
			diag_add(p->diags, jobs[i].what, 0, 0, SEV_ERROR,
			    RULE_FOP, "lost the FOP process: %s",
			    strerror(errno));
		}
		child_remove(kid.pid);
		rc = -1;
		goto out;
	}
	text = file_read(antlog, &len);
	heard = jvm_split_log(text ? text : "", len, logs, n, NULL);
	if (heard == 0 && kid.stopping.tv_sec == 0 && !interrupted() &&
	    (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
		/* Ant or its JVM did not start: FOP's own program will. */
		jvm_done(jvm, 0);
		for (size_t i = 0; i < n; i++)
			unlink(runs[i].fo);
		rc = 1;
		goto out;
	}
	jvm_done(jvm, WIFEXITED(status) && WEXITSTATUS(status) == 0);
	for (size_t i = 0; i < n; i++)
		if (write_file(p, runs[i].log, logs[i].data ? logs[i].data :
		    "", logs[i].len) != 0 || fop_result(p, &jobs[i], &runs[i],
		    &kid, status, tmpdir) != 0) {
			jobs[i].failed = 1;
			rc = -1;
		}
out:
	unlink(buildfile);
	unlink(antlog);
	for (size_t i = 0; i < n; i++)
		buf_free(&logs[i]);
	free(logs);
	buf_free(&xml);
	jvm_argv_free(argv);
	free(buildfile);
	free(antlog);
	free(text);
	free(fo);
	free(pdf);
	return rc;
}

/*
 * Renders every job with FOP, the largest first: all in one JVM when
 * there are several and Debian's FOP and Ant allow it (jvm.c), else one
 * FOP per PDF, up to one per processor at a time.  Returns 0 when all
 * PDFs were made, -1 otherwise (each failure has its diagnostic and its
 * job failed set).
 */
int
pdf_render(struct project *p, struct pdf_job *jobs, size_t n)
{
	char *fop = fop_find(), *conf, *tmpdir, **env, *added[2] = {0};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t next = 0, running = 0, max = cpus > 0 ? (size_t)cpus : 1;
	size_t *order, maker = (size_t)-1;
	struct run *runs;
	struct child *kids;
	struct jvm *jvm;
	char **java_args, *given;
	double base = fop_seconds();
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
	if ((tmpdir = private_tmpdir(p)) == NULL) {
		free(fop);
		return -1;
	}
	/* A profile font the bundled configuration lacks: profile.c's. */
	conf = p->fop_conf ? xstrdup(p->fop_conf) :
	    xasprintf("%s/fo/fop.xconf", p->templates);
	given = conf;
	conf = conf_for_run(given, jobs, n, tmpdir);
	free(given);
	env = fop_environment(p, added);
	runs = xcalloc(n, sizeof(*runs));
	kids = xcalloc(n, sizeof(*kids));
	java_args = xcalloc(n, sizeof(*java_args));
	order = xcalloc(n, sizeof(*order));
	for (size_t i = 0; i < n; i++) {
		runs[i].fo = xasprintf("%s/%zu.fo", tmpdir, i);
		runs[i].pdf = xasprintf("%s/%zu.pdf", tmpdir, i);
		runs[i].log = xasprintf("%s/%zu.log", tmpdir, i);
		runs[i].info = xasprintf("%s/%zu.info", tmpdir, i);
		order[i] = i;
	}
	sort_jobs = jobs;
	qsort(order, n, sizeof(*order), larger_first);
	/*
	 * A FOP named by STYRDOK_FOP is a program to run once per PDF; so is
	 * a lone PDF, which Ant's start-up would only slow down (0.1 s).
	 */
	jvm = jvm_new(tmpdir, fop, getenv("STYRDOK_FOP") == NULL && n > 1);
	if (jvm_batch(jvm)) {
		rc = pdf_batch(p, jvm, jobs, n, runs, order, n < max ? n : max,
		    env, conf, tmpdir, base);
		if (rc != 1) {
			next = n;
			goto done;
		}
		/* The driver did not run: FOP's own program, once per PDF. */
		rc = 0;
		jvm_free(jvm);
		jvm = jvm_new(tmpdir, fop, 0);
	}
	while (next < n || running > 0) {
		while (next < n && running < max && !interrupted()) {
			size_t i = order[next];
			struct run *r = &runs[i];
			char *argv[] = {fop, (char *)"-c", conf, (char *)"-fo",
			    r->fo, (char *)"-pdf", r->pdf, NULL};
			double limit = base + base *
			    (double)jobs[i].fo.len / (1024.0 * 1024.0);
			/* One run at a time makes the archive. */
			int making = maker == (size_t)-1 && jvm_making(jvm);

			java_args[i] = jvm_java_args(jvm, making);
			java_args_set(env, java_args[i]);
			if (write_file(p, r->fo, jobs[i].fo.data,
			    jobs[i].fo.len) != 0 || child_start(p,
			    &kids[i], fop, argv, env, r->log, limit) != 0) {
				jobs[i].failed = 1;
				rc = -1;
			} else {
				running++;
				if (making)
					maker = i;
			}
			next++;
		}
		diag_progress(p->diags, "PDF: %zu/%zu done, %zu running with "
		    "FOP", next - running, n, running);
		if (running == 0) {
			/* Stopped: the jobs not started fail. */
			for (; next < n; next++)
				jobs[order[next]].failed = 1;
			if (interrupted())
				rc = -1;
			continue;
		}
		int status;
		size_t i = children_reap(kids, n, &status);

		if (i == (size_t)-1) {
			/* Children we started are gone unseen: none succeeded. */
			for (size_t k = 0; k < n; k++)
				if (kids[k].pid > 0) {
					jobs[k].failed = 1;
					diag_add(p->diags, jobs[k].what, 0, 0,
					    SEV_ERROR, RULE_FOP, "lost the FOP "
					    "process: %s", strerror(errno));
					child_remove(kids[k].pid);
				}
			rc = -1;
			break;
		}
		running--;
		diag_progress(p->diags, "PDF: %zu/%zu done, %zu running with "
		    "FOP", next - running, n, running);
		if (i == maker)
			jvm_done(jvm, WIFEXITED(status) &&
			    WEXITSTATUS(status) == 0);
		if (fop_result(p, &jobs[i], &runs[i], &kids[i], status,
		    tmpdir) != 0)
			rc = -1;
		kids[i].pid = 0;
	}
done:
	for (size_t i = 0; i < n; i++) {
		unlink(runs[i].fo);
		unlink(runs[i].pdf);
		unlink(runs[i].log);
		unlink(runs[i].info);
		free(runs[i].fo);
		free(runs[i].pdf);
		free(runs[i].log);
		free(runs[i].info);
		free(java_args[i]);
	}
	/* A run stopped before its archive was made leaves none. */
	jvm_free(jvm);
	/* Whatever FOP left of its own goes too. */
	remove_tree(tmpdir);
	marker_remove((long)getpid());
	signals_hold(-1);
	free(added[0]);
	free(added[1]);
	free(env);
	free(runs);
	free(kids);
	free(java_args);
	free(order);
	free(fop);
	free(conf);
	free(tmpdir);
	return rc;
}

/*
 * Whether process pid was started for the styrdok run dead (its
 * environment has STYRDOK_PARENT=dead).
 */
static int
started_for(const char *pid, long dead)
{
	char *path = xasprintf("/proc/%s/environ", pid), *want, *env;
	size_t len = 0;
	int found = 0;
	FILE *f = fopen(path, "rb");

	free(path);
	if (f == NULL)
		return 0;
	env = xmalloc(65536);
	len = fread(env, 1, 65535, f);
	fclose(f);
	want = xasprintf("STYRDOK_PARENT=%ld", dead);
	for (size_t i = 0; i < len && !found; i += strlen(env + i) + 1) {
		env[len] = '\0';
		found = strcmp(env + i, want) == 0;
	}
	free(want);
	free(env);
	return found;
}

/* Kills what is left of the FOP processes of dead run pid. */
static void
kill_strays(long dead)
{
	DIR *d = opendir("/proc");
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (isdigit((unsigned char)e->d_name[0]) &&
		    started_for(e->d_name, dead))
			kill((pid_t)strtol(e->d_name, NULL, 10), SIGKILL);
	if (d != NULL)
		closedir(d);
}

/*
 * Removes the temporary directories in top (TMPDIR/styrdok-PID-*) of
 * runs no longer alive, of run only when only is not 0, and kills any
 * FOP process of theirs that is left.
 */
void
pdf_clean_tmp(struct diags *d, const char *top, long only)
{
	DIR *dir = opendir(top);
	struct dirent *e;
	size_t removed = 0;

	while (dir != NULL && (e = readdir(dir)) != NULL) {
		char *end, *path;
		long pid;
		struct stat st;

		if (strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		pid = strtol(e->d_name + strlen(TMP_PREFIX), &end, 10);
		if (pid <= 0 || *end != '-' || pid == (long)getpid() ||
		    (only != 0 && pid != only) || pid_alive(pid))
			continue;
		path = xasprintf("%s/%s", top, e->d_name);
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_uid == geteuid()) {
			kill_strays(pid);
			remove_tree(path);
			removed++;
		}
		free(path);
	}
	if (dir != NULL)
		closedir(dir);
	if (removed == 1)
		diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_RECOVERY, "removed %zu "
		    "temporary directory of stopped runs from %s (and any FOP "
		    "process of theirs)", removed, top);
	else if (removed > 1)
		diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_RECOVERY, "removed %zu "
		    "temporary directories of stopped runs from %s (and any "
		    "FOP process of theirs)", removed, top);
}

/*
 * The project's part, for its writer: the temporary directories of the
 * dead runs whose markers are in .styrdok, and the markers.
 */
void
pdf_clean_stale(struct diags *d)
{
	DIR *dir = opendir(".styrdok");
	const char *name = MARKER_PREFIX + strlen(".styrdok/");
	struct dirent *e;

	while (dir != NULL && (e = readdir(dir)) != NULL) {
		char *end, *marker, *top;
		long pid;
		size_t len;

		if (strncmp(e->d_name, name, strlen(name)) != 0)
			continue;
		pid = strtol(e->d_name + strlen(name), &end, 10);
		if (pid <= 0 || *end != '\0' || pid == (long)getpid() ||
		    pid_alive(pid))
			continue;
		marker = xasprintf(MARKER_PREFIX "%ld", pid);
		if ((top = file_read(marker, &len)) != NULL && len > 0 &&
		    strlen(top) == len)
			pdf_clean_tmp(d, top, pid);
		else
			kill_strays(pid);
		free(top);
		free(marker);
		marker_remove(pid);
	}
	if (dir != NULL)
		closedir(dir);
}

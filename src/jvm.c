/* SPDX-License-Identifier: ISC */
/*
 * jvm.c - how FOP's Java virtual machine is started (for pdf.c).  A PDF
 * costs FOP little; the JVM starting and warming up costs most of it, so:
 *
 *  - the JVM gets settings for short runs: the client compiler only
 *    (-XX:TieredStopAtLevel=1), the serial collector, no performance
 *    data file in /tmp, no logging, and its crash log in the run's
 *    private temporary directory;
 *  - it maps a class-data-sharing archive of FOP's classes, made by the
 *    first run that needs it (-XX:ArchiveClassesAtExit) in the user's
 *    cache directory ($STYRDOK_CACHE, else $XDG_CACHE_HOME/styrdok, else
 *    ~/.cache/styrdok) and named by a key of the Java and FOP files it
 *    was made from, so an upgrade of either makes a new one.  It is
 *    never required: a cache that cannot be made or is not the user's
 *    alone means no archive, and the JVM ignores an archive that does
 *    not fit (-Xshare:auto);
 *  - several PDFs share one JVM through FOP's own Ant task
 *    (org.apache.fop.tools.anttasks.Fop in Debian's fop.jar), run by
 *    Ant's org.apache.tools.ant.Main (Debian package ant) over a build
 *    file listing them, largest first, one thread per processor.  Each
 *    PDF's task has a name of its own, so its messages can be told
 *    apart.  For a lone PDF, or without Ant or Debian's jars, FOP's own
 *    program runs once per PDF with the same settings in JAVA_ARGS.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "styrdok.h"

/* Debian's jars of FOP as /usr/bin/fop lists them, then Ant's. */
static const char *const fop_jars[] = {
	"/usr/share/java/commons-io.jar", "/usr/share/java/serializer.jar",
	"/usr/share/java/xalan2.jar", "/usr/share/java/xml-apis.jar",
	"/usr/share/java/batik-all.jar", "/usr/share/java/commons-logging.jar",
	"/usr/share/java/xercesImpl.jar",
	"/usr/share/java/xmlgraphics-commons.jar",
	"/usr/share/java/xml-apis-ext.jar", "/usr/share/java/fontbox2.jar",
	"/usr/share/fop/fop-hyph.jar", "/usr/share/java/fop.jar",
	"/usr/share/java/ant.jar", "/usr/share/java/ant-launcher.jar",
};
/* Those without which there is no Ant route. */
static const char *const needed_jars[] = {
	"/usr/share/java/fop.jar", "/usr/share/java/ant.jar",
	"/usr/share/java/commons-logging.jar",
};

/* The settings, each measured (README, Performance). */
static const char *const jvm_flags[] = {
	"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
	"-Xshare:auto", "-Xlog:disable",
};
/* What /usr/bin/fop sets, for the Ant route that does without it. */
static const char *const fop_properties[] = {
	"-Djava.awt.headless=true",
	("-Dorg.apache.commons.logging.Log="
	    "org.apache.commons.logging.impl.SimpleLog"),
	"-Dorg.apache.commons.logging.simplelog.defaultlog=INFO",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

struct jvm {
	char *java;		/* the java program (Ant route), or NULL */
	char *classpath;	/* the Ant route's, or NULL */
	char *cache;		/* the cache directory, or NULL: none */
	char *archive;		/* the archive of this route */
	char *making;		/* the archive being made, or NULL */
	char *route;		/* "ant" or "fop": the archive's prefix */
	char *errfile;		/* -XX:ErrorFile=... in the tmpdir */
	int archive_ok;		/* the archive is there to use */
};

/* Whether path is a regular file. */
static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * The java program: $JAVA_HOME/bin/java, else the first java on PATH,
 * resolved (Debian's alternatives are symbolic links).  The caller
 * frees; NULL when there is none.
 */
static char *
java_find(void)
{
	const char *home = getenv("JAVA_HOME"), *path = getenv("PATH");
	char *dirs, *save, *found = NULL, *real;

	if (home != NULL && *home != '\0') {
		char *cand = xasprintf("%s/bin/java", home);

		if (access(cand, X_OK) == 0)
			found = cand;
		else
			free(cand);
	}
	dirs = xstrdup(path != NULL ? path : "/usr/bin:/bin");
	for (char *dir = strtok_r(dirs, ":", &save); dir != NULL &&
	    found == NULL; dir = strtok_r(NULL, ":", &save)) {
		char *cand = xasprintf("%s/java", *dir ? dir : ".");

		if (is_file(cand) && access(cand, X_OK) == 0)
			found = cand;
		else
			free(cand);
	}
	free(dirs);
	if (found == NULL || (real = realpath(found, NULL)) == NULL)
		return found;
	free(found);
	return real;
}

/*
 * The cache directory: $STYRDOK_CACHE (empty: none), else
 * $XDG_CACHE_HOME/styrdok when that is absolute, else
 * $HOME/.cache/styrdok; made (0700) when missing.  It must be a
 * directory of this user that nobody else can write to, since what
 * the JVM maps from it runs as code.  Returns it (the caller frees),
 * or NULL: no archive this time.
 */
char *
jvm_cache_dir(void)
{
	const char *env = getenv("STYRDOK_CACHE"), *xdg, *home;
	char *dir;
	struct stat st;

	if (env != NULL)
		dir = *env != '\0' ? xstrdup(env) : NULL;
	else if ((xdg = getenv("XDG_CACHE_HOME")) != NULL && *xdg == '/')
		dir = xasprintf("%s/styrdok", xdg);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		dir = xasprintf("%s/.cache/styrdok", home);
	else
		dir = NULL;
	if (dir == NULL)
		return NULL;
	if (env == NULL) {
		/* The parent (~/.cache) as XDG says: 0700 when we make it. */
		char *parent = xstrdup(dir), *slash = strrchr(parent, '/');

		if (slash != NULL && slash != parent) {
			*slash = '\0';
			(void)mkdir(parent, 0700);
		}
		free(parent);
	}
	(void)mkdir(dir, 0700);
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 022) != 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* Adds "path size mtime" of a file to a key, or "path -" when missing. */
static void
key_file(struct buf *k, const char *path)
{
	struct stat st;

	if (path != NULL && stat(path, &st) == 0)
		buf_printf(k, "%s %lld %lld.%09ld\n", path,
		    (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		    st.st_mtim.tv_nsec);
	else
		buf_printf(k, "%s -\n", path ? path : "");
}

/*
 * The key of an archive: the route, the settings, and size and time of
 * every Java and FOP file it depends on (the java program, the JVM
 * library, the class modules, FOP's program and jars), so that an
 * upgrade of Java or FOP names another archive.  hex gets 16 digits.
 */
void
jvm_key(const char *route, const char *java, const char *fop,
    const char *const *jars, size_t njars, char hex[17])
{
	struct buf k = {0};
	char full[65];

	buf_printf(&k, "%s\n", route);
	for (size_t i = 0; i < NELEM(jvm_flags); i++)
		buf_printf(&k, "%s\n", jvm_flags[i]);
	key_file(&k, java);
	if (java != NULL) {
		/* JAVA_HOME/bin/java: the JVM and modules beside it. */
		char *home = xstrdup(java), *slash = strrchr(home, '/'), *f;

		if (slash != NULL)
			*slash = '\0';
		f = xasprintf("%s/../lib/server/libjvm.so", home);
		key_file(&k, f);
		free(f);
		f = xasprintf("%s/../lib/modules", home);
		key_file(&k, f);
		free(f);
		free(home);
	}
	key_file(&k, fop);
	for (size_t i = 0; i < njars; i++)
		key_file(&k, jars[i]);
	sha256_hex(k.data, k.len, full);
	memcpy(hex, full, 16);
	hex[16] = '\0';
	buf_free(&k);
}

/* Whether s can go through /usr/bin/fop's unquoted $JAVA_ARGS as is. */
static int
shell_word(const char *s)
{
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/._-+=:,@%") == strlen(s);
}

/*
 * Sets up the archive of route in the cache: to use when one is there,
 * else to make in this run (a temporary name, renamed by jvm_done).
 */
static void
archive_setup(struct jvm *j, const char *route, const char *fop)
{
	char key[17];
	const char *java_for_key = j->java;
	char *found = NULL;
	struct stat st;

	if ((j->cache = jvm_cache_dir()) == NULL)
		return;
	if (java_for_key == NULL)
		java_for_key = found = java_find();
	j->route = xstrdup(route);
	if (strcmp(route, "ant") == 0)
		jvm_key(route, java_for_key, NULL, fop_jars, NELEM(fop_jars),
		    key);
	else {
		const char *jar = "/usr/share/java/fop.jar";

		jvm_key(route, java_for_key, fop, &jar, 1, key);
	}
	free(found);
	j->archive = xasprintf("%s/%s-%s.jsa", j->cache, route, key);
	/* Only an archive of this user's that no one else could change. */
	if (lstat(j->archive, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_uid == geteuid() && (st.st_mode & 022) == 0 &&
	    st.st_size > 0)
		j->archive_ok = 1;
	else
		j->making = xasprintf("%s/.%s-%s.%ld.tmp", j->cache, route, key,
		    (long)getpid());
}

/*
 * The JVM of a run of PDFs; batch asks for the Ant route, tmpdir is the
 * run's private directory (the JVM's crash log goes there), fop the fop
 * program of the per-PDF route.  Never fails: without a cache there is
 * no archive, without Ant there is no batch.
 */
struct jvm *
jvm_new(const char *tmpdir, const char *fop, int batch)
{
	struct jvm *j = xcalloc(1, sizeof(*j));
	struct buf cp = {0};
	int have = 1;

	for (size_t i = 0; i < NELEM(needed_jars); i++)
		have &= is_file(needed_jars[i]);
	if (batch && have && (j->java = java_find()) != NULL) {
		for (size_t i = 0; i < NELEM(fop_jars); i++)
			if (is_file(fop_jars[i]))
				buf_printf(&cp, "%s%s", cp.len ? ":" : "",
				    fop_jars[i]);
		j->classpath = cp.data;
	}
	j->errfile = xasprintf("-XX:ErrorFile=%s/hs_err.log", tmpdir);
	archive_setup(j, j->classpath != NULL ? "ant" : "fop", fop);
	return j;
}

void
jvm_free(struct jvm *j)
{
	if (j == NULL)
		return;
	if (j->making != NULL)
		unlink(j->making);
	free(j->java);
	free(j->classpath);
	free(j->cache);
	free(j->archive);
	free(j->making);
	free(j->route);
	free(j->errfile);
	free(j);
}

/* Whether PDFs go through one JVM with Ant. */
int
jvm_batch(const struct jvm *j)
{
	return j->classpath != NULL;
}

/* The -XX option for the archive, or NULL: to use it, or to make it. */
static char *
archive_option(struct jvm *j, int maker)
{
	if (j->archive_ok)
		return xasprintf("-XX:SharedArchiveFile=%s", j->archive);
	if (j->making != NULL && maker)
		return xasprintf("-XX:ArchiveClassesAtExit=%s", j->making);
	return NULL;
}

/*
 * The argument vector of the Ant route for the build file: java, the
 * settings, the archive option, the class path, Ant's main class.  The
 * caller frees the vector and its strings (argv_free).
 */
char **
jvm_batch_argv(struct jvm *j, const char *buildfile)
{
	size_t n = 0, max = NELEM(jvm_flags) + NELEM(fop_properties) + 12;
	char **v = xcalloc(max, sizeof(*v)), *opt;

	v[n++] = xstrdup(j->java);
	for (size_t i = 0; i < NELEM(fop_properties); i++)
		v[n++] = xstrdup(fop_properties[i]);
	for (size_t i = 0; i < NELEM(jvm_flags); i++)
		v[n++] = xstrdup(jvm_flags[i]);
	v[n++] = xstrdup(j->errfile);
	if ((opt = archive_option(j, 1)) != NULL)
		v[n++] = opt;
	v[n++] = xstrdup("-cp");
	v[n++] = xstrdup(j->classpath);
	v[n++] = xstrdup("org.apache.tools.ant.Main");
	v[n++] = xstrdup("-noinput");
	v[n++] = xstrdup("-buildfile");
	v[n++] = xstrdup(buildfile);
	return v;
}

void
jvm_argv_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/*
 * JAVA_ARGS=... for one run of /usr/bin/fop, which passes the words of
 * JAVA_ARGS to java unquoted: a word that would not survive that is
 * left out.  maker: this run may make the archive.  The caller frees.
 */
char *
jvm_java_args(struct jvm *j, int maker)
{
	struct buf b = {0};
	char *opt = archive_option(j, maker);

	buf_adds(&b, "JAVA_ARGS=");
	for (size_t i = 0; i < NELEM(jvm_flags); i++)
		buf_printf(&b, "%s%s", i ? " " : "", jvm_flags[i]);
	if (shell_word(j->errfile))
		buf_printf(&b, " %s", j->errfile);
	if (opt != NULL && shell_word(opt))
		buf_printf(&b, " %s", opt);
	free(opt);
	return b.data;
}

/* Whether a run started now would make the archive. */
int
jvm_making(const struct jvm *j)
{
	return !j->archive_ok && j->making != NULL;
}

/*
 * After the run that made the archive: when it ended well, the archive
 * is put in place (and those of earlier Java or FOP versions of the
 * route removed); otherwise it is dropped and the next run tries again.
 */
void
jvm_done(struct jvm *j, int ok)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	size_t plen;

	if (j->making == NULL || j->archive_ok)
		return;
	if (!ok || lstat(j->making, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size == 0 || rename(j->making, j->archive) != 0) {
		unlink(j->making);
		free(j->making);
		j->making = NULL;
		return;
	}
	free(j->making);
	j->making = NULL;
	j->archive_ok = 1;
	if ((d = opendir(j->cache)) == NULL)
		return;
	plen = strlen(j->route);
	while ((e = readdir(d)) != NULL) {
		const char *dot = strrchr(e->d_name, '.'), *n = e->d_name;
		char *path;
		int stale;

		/* An archive of an earlier Java or FOP, or a half-made one
		 * of a run that was killed (.ROUTE-KEY.PID.tmp). */
		if (n[0] == '.' && strncmp(n + 1, j->route, plen) == 0 &&
		    n[plen + 1] == '-' && dot != NULL &&
		    strcmp(dot, ".tmp") == 0) {
			const char *pid = dot;

			while (pid > n && pid[-1] != '.')
				pid--;
			stale = pid > n + 1 &&
			    !pid_alive(strtol(pid, NULL, 10));
		} else
			stale = strncmp(n, j->route, plen) == 0 &&
			    n[plen] == '-' && dot != NULL &&
			    strcmp(dot, ".jsa") == 0;
		path = xasprintf("%s/%s", j->cache, n);
		if (stale && strcmp(path, j->archive) != 0)
			unlink(path);
		free(path);
	}
	closedir(d);
}

/* Appends s to b as an XML attribute value Ant does not expand. */
static void
ant_value(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		case '$':
			/* Ant's property expansion: $$ is one $. */
			buf_adds(b, "$$");
			break;
		default:
			buf_add(b, s, 1);
		}
}

/*
 * The Ant build file that sets fo[order[k]] as pdf[order[k]] with the
 * configuration conf, in that order, threads at a time; task i's
 * messages are marked "[fopI]".  A failed PDF does not stop the others.
 */
void
jvm_buildfile(struct buf *b, const char *conf, char *const *fo,
    char *const *pdf, const size_t *order, size_t n, size_t threads)
{
	buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<project name=\"styrdok\" default=\"pdf\">\n"
	    "<taskdef name=\"fop\" "
	    "classname=\"org.apache.fop.tools.anttasks.Fop\"/>\n"
	    "<target name=\"pdf\">\n");
	buf_printf(b, "<parallel threadCount=\"%zu\" failonany=\"false\">\n",
	    threads > 0 ? threads : 1);
	for (size_t k = 0; k < n; k++) {
		size_t i = order[k];

		buf_printf(b, "<fop taskname=\"fop%zu\" "
		    "format=\"application/pdf\" messagelevel=\"info\" "
		    "force=\"true\" throwexceptions=\"false\" "
		    "logFiles=\"false\" userconfig=\"", i);
		ant_value(b, conf);
		buf_adds(b, "\" fofile=\"");
		ant_value(b, fo[i]);
		buf_adds(b, "\" outfile=\"");
		ant_value(b, pdf[i]);
		buf_adds(b, "\"/>\n");
	}
	buf_adds(b, "</parallel>\n</target>\n</project>\n");
}

/*
 * Splits the Ant run's log into one text per task: a line
 * "    [fopI] TEXT" goes to out[I] as "TEXT"; other lines (Ant's own)
 * go to rest.  Returns how many lines were a task's.
 */
size_t
jvm_split_log(const char *log, size_t len, struct buf *out, size_t n,
    struct buf *rest)
{
	const char *at = log, *end = log + len;
	size_t lines = 0;

	while (at < end) {
		const char *nl = memchr(at, '\n', (size_t)(end - at));
		const char *eol = nl ? nl : end, *s = at;
		char *num_end;
		unsigned long i;

		while (s < eol && *s == ' ')
			s++;
		if (eol - s > 5 && strncmp(s, "[fop", 4) == 0 &&
		    s[4] >= '0' && s[4] <= '9' &&
		    (i = strtoul(s + 4, &num_end, 10)) < n &&
		    num_end < eol && *num_end == ']') {
			s = num_end + 1;
			if (s < eol && *s == ' ')
				s++;
			buf_add(&out[i], s, (size_t)(eol - s));
			buf_add(&out[i], "\n", 1);
			lines++;
		} else if (rest != NULL) {
			buf_add(rest, at, (size_t)(eol - at));
			buf_add(rest, "\n", 1);
		}
		at = nl ? nl + 1 : end;
	}
	return lines;
}

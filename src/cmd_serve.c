/* SPDX-License-Identifier: ISC */
/*
 * cmd_serve.c - serve: the live preview while drafting.  Builds the
 * project (HTML, plus the formats of -f) with the build of build.c,
 * serves the output directory over HTTP on 127.0.0.1 with
 * libmicrohttpd, watches policies/ and the templates with inotify and
 * rebuilds after every save; pages open in a browser are told to
 * reload by server-sent events.  The one script that does this is
 * added by the server to the HTML it sends and is in no file on disk.
 * While the sources have errors every HTML page is answered with the
 * list of problems, and the files on disk stay as the last good build
 * left them (a build with errors writes nothing).
 *
 * Threads: the main thread watches and rebuilds; libmicrohttpd's pool
 * answers requests and never waits for a build.  They share struct
 * preview only, under its mutex, which no one holds while calling into
 * libmicrohttpd.
 */
#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>
#include <nettle/base64.h>
#include <nettle/sha2.h>

#include "cmd.h"
#include "render.h"

#define SERVE_PORT 8000		/* the default, as mkdocs serve */
#define SERVE_THREADS 2		/* libmicrohttpd's pool */
#define SERVE_CONNECTIONS 64	/* open connections at once */
#define SERVE_LISTENERS 16	/* of them pages waiting for a reload */
#define SERVE_TIMEOUT 15	/* seconds an idle connection is kept */
#define SERVE_PING_MS 10000	/* a listener hears from us this often */
#define SERVE_QUIET_MS 30	/* a save's burst of events is over */
#define SERVE_HTML_MAX (64L * 1024 * 1024) /* pages given the script */
#define SERVE_WATCHES 4096	/* directories watched at most */
#define EVENTS_PATH "/_styrdok/events" /* no output path starts so */

/*
 * The script added to every HTML page served: it listens for reload
 * events and reloads when the page's own path was rebuilt, or on "*"
 * (the problems appeared, changed or went).  data-since on its tag is
 * the rebuild the page was read after, so a rebuild between reading
 * the page and listening is not missed.  The problem page is shown from
 * its top; a page comes back where it was read before the reload.
 */
static const char reload_script[] =
    "(function(){var s=document.currentScript,"
    "p=document.getElementById('styrdok-problem'),"
    "k='styrdok-y:'+location.pathname,y=sessionStorage.getItem(k),"
    "h=location.pathname.replace(/\\/$/,'/index.html'),"
    "e=new EventSource('" EVENTS_PATH "?since='+"
    "encodeURIComponent(s.getAttribute('data-since')));"
    "history.scrollRestoration='manual';"
    "if(p)scrollTo(0,0);"
    "else if(y!==null){sessionStorage.removeItem(k);"
    "addEventListener('load',function(){scrollTo(0,+y);});}"
    "e.addEventListener('reload',function(m){"
    "if(m.data==='*'||m.data.split(' ').indexOf(h)>=0){"
    "if(!p)sessionStorage.setItem(k,String(scrollY));"
    "location.reload();}});})();";

/* A page listening for reloads: one server-sent event stream. */
struct listener {
	struct MHD_Connection *conn;
	struct preview *pv;
	unsigned long seen;	/* the last rebuild it was told of */
	unsigned long pinged;	/* the last keepalive it was sent */
	int greeted;		/* the retry interval was sent */
	enum { L_ACTIVE, L_SUSPENDING, L_SUSPENDED } state;
	int wake;		/* resume it as soon as it is suspended */
	struct listener *next;
};

/* What the main thread and libmicrohttpd's threads share. */
struct preview {
	pthread_mutex_t lock;
	unsigned long generation; /* bumped by a rebuild pages must see */
	char *changed;		/* its URLs, space-separated, or "*" */
	char *problems;		/* the problem page, or NULL: all is well */
	unsigned long ping;
	int stopping;
	struct listener *listeners;
	size_t nlisteners;
	/* Set before the server starts, then only read. */
	const char *outdir;
	int port;
	char csp[256];		/* Content-Security-Policy of HTML pages */
};

/* The directories watched, by watch descriptor. */
struct watcher {
	int fd;
	char **dirs;		/* relative to the root where inside it */
	size_t ndirs;
	size_t nwatched;
	const char *skip;	/* realpath of the output directory */
	char changed[512];	/* the file saved, for the line */
	int named;		/* changed was saved, not only created */
};

/* Everything serve keeps for its run. */
struct serve {
	struct options *o;
	struct format_set fs;
	struct preview pv;
	struct watcher w;
	char *root;		/* realpath of the project */
	char *outreal;
};

/* ---- the shared state ---------------------------------------------- */

/*
 * Resumes every listener that waits, so it sends what is new.  A
 * listener about to suspend itself is told to resume at once instead:
 * libmicrohttpd must never be asked to resume a connection that is not
 * suspended.
 */
static void
preview_wake(struct preview *pv)
{
	struct MHD_Connection *resume[SERVE_LISTENERS];
	size_t n = 0;

	pthread_mutex_lock(&pv->lock);
	for (struct listener *l = pv->listeners; l != NULL; l = l->next)
		if (l->state == L_SUSPENDED && n < SERVE_LISTENERS) {
			l->state = L_ACTIVE;
			resume[n++] = l->conn;
		} else if (l->state == L_SUSPENDING)
			l->wake = 1;
	pthread_mutex_unlock(&pv->lock);
	/* Still suspended, so not freed: only this thread resumes them. */
	for (size_t i = 0; i < n; i++)
		MHD_resume_connection(resume[i]);
}

/*
 * Publishes a rebuild: the output paths it wrote (one a line) and the
 * problem page (taken over; NULL when the build succeeded).  Pages are
 * told to reload when something they show changed.
 */
static void
preview_publish(struct preview *pv, const struct buf *written,
    char *problems)
{
	int all, bump;

	pthread_mutex_lock(&pv->lock);
	all = (pv->problems == NULL) != (problems == NULL) ||
	    (problems != NULL && strcmp(pv->problems, problems) != 0);
	bump = all || written->len > 0;
	if (bump) {
		struct buf urls = {0};

		for (const char *s = written->data; !all && s && *s; ) {
			const char *nl = strchr(s, '\n');
			size_t n = nl ? (size_t)(nl - s) : strlen(s);

			buf_printf(&urls, "%s/%.*s", urls.len ? " " : "",
			    (int)n, s);
			s += n + (nl != NULL);
		}
		free(pv->changed);
		pv->changed = all || urls.data == NULL ? xstrdup("*") :
		    urls.data;
		if (all)
			buf_free(&urls);
		pv->generation++;
	}
	free(pv->problems);
	pv->problems = problems;
	pthread_mutex_unlock(&pv->lock);
	if (bump)
		preview_wake(pv);
}

/* ---- answering requests ---------------------------------------------- */

/* Queues r with the headers every answer carries, and lets it go. */
static enum MHD_Result
respond(struct MHD_Connection *c, unsigned int status,
    struct MHD_Response *r, const char *type)
{
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
respond_text(struct MHD_Connection *c, unsigned int status, const char *text)
{
	return respond(c, status, MHD_create_response_from_buffer(strlen(text),
	    (void *)text, MHD_RESPMEM_PERSISTENT), "text/plain; charset=utf-8");
}

/* An HTML page, the script added before its </body>; takes html over. */
static enum MHD_Result
respond_html(struct preview *pv, struct MHD_Connection *c, char *html,
    size_t len, unsigned long since)
{
	struct MHD_Response *r;
	struct buf b = {0};
	size_t at = len;

	for (size_t i = len; i >= 7 && at == len; i--)
		if (strncasecmp(html + i - 7, "</body>", 7) == 0)
			at = i - 7;
	buf_add(&b, html, at);
	buf_printf(&b, "<script data-since=\"%lu\">%s</script>\n", since,
	    reload_script);
	buf_add(&b, html + at, len - at);
	free(html);
	r = MHD_create_response_from_buffer(b.len, b.data,
	    MHD_RESPMEM_MUST_FREE);
	if (r == NULL) {
		buf_free(&b);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Security-Policy", pv->csp);
	return respond(c, MHD_HTTP_OK, r, "text/html; charset=utf-8");
}

/* The content type of a file served, by its name. */
static const char *
content_type(const char *path)
{
	static const struct {
		const char *suffix, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"},
		{".md", "text/markdown; charset=utf-8"},
		{".json", "application/json"},
		{".pdf", "application/pdf"},
		{".docx", "application/vnd.openxmlformats-officedocument."
		    "wordprocessingml.document"},
		{".odt", "application/vnd.oasis.opendocument.text"},
		{".csv", "text/csv; charset=utf-8"},
		{".png", "image/png"},
		{".record", "text/plain; charset=utf-8"},
		{"/MANIFEST", "text/plain; charset=utf-8"},
	};
	size_t n = strlen(path);

	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		size_t k = strlen(types[i].suffix);

		if (n >= k && strcmp(path + n - k, types[i].suffix) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

/*
 * The file a URL path names, relative to the output directory ("/"
 * and any path ending in "/" name index.html).  Returns NULL unless
 * every component is a plain name: not empty, ".", ".." or hidden, no
 * control character or backslash.  libmicrohttpd has already decoded
 * %XX, so "%2e%2e" arrives as "..".
 */
static char *
url_file(const char *url)
{
	char *rel;

	if (url[0] != '/')
		return NULL;
	rel = url[strlen(url) - 1] == '/' ?
	    xasprintf("%sindex.html", url + 1) : xstrdup(url + 1);
	for (char *c = rel; ; ) {
		size_t n = strcspn(c, "/");
		int plain = n > 0 && c[0] != '.';

		for (size_t i = 0; plain && i < n; i++)
			plain = (unsigned char)c[i] >= 0x20 && c[i] != 0x7f &&
			    c[i] != '\\';
		if (!plain) {
			free(rel);
			return NULL;
		}
		if (c[n] == '\0')
			return rel;
		c += n + 1;
	}
}

/*
 * Opens rel under dir: every directory on the way and the file itself
 * without following a symbolic link.  Returns a descriptor of a
 * regular file (its status in *st), or -1.
 */
static int
open_under(const char *dir, const char *rel, struct stat *st)
{
	char *path = xstrdup(rel), *name = path, *slash;
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int fd = -1;

	while (dfd >= 0 && (slash = strchr(name, '/')) != NULL) {
		int sub;

		*slash = '\0';
		sub = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		close(dfd);
		dfd = sub;
		name = slash + 1;
	}
	if (dfd >= 0) {
		/* O_NONBLOCK: a FIFO planted here must not hang the thread. */
		fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		close(dfd);
	}
	if (fd >= 0 && (fstat(fd, st) != 0 || !S_ISREG(st->st_mode))) {
		close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

/* Reads the whole of fd (closed) into a new string.  NULL on failure. */
static char *
read_fd(int fd, size_t size, size_t *len)
{
	char *data = xmalloc(size + 1);
	size_t got = 0;

	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*len = got;
	return data;
}

/*
 * Whether the request's Host is this server: 127.0.0.1 or localhost,
 * with our port or none.  A page on another site whose name was made
 * to point at 127.0.0.1 (DNS rebinding) sends its own name and is
 * refused.
 */
static int
host_ok(struct preview *pv, struct MHD_Connection *c)
{
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	const char *colon;
	size_t n;
	char port[16];

	if (host == NULL)
		return 0;
	colon = strrchr(host, ':');
	n = colon ? (size_t)(colon - host) : strlen(host);
	snprintf(port, sizeof(port), "%d", pv->port);
	if (colon != NULL && strcmp(colon + 1, port) != 0)
		return 0;
	return (n == 9 && strncmp(host, "127.0.0.1", n) == 0) ||
	    (n == 9 && strncasecmp(host, "localhost", n) == 0);
}

/*
 * The event stream of one listener.  It sends "reload" with the URLs
 * rebuilt since it last heard (or "*"), a comment now and then so a
 * closed page is noticed, and otherwise suspends its connection until
 * preview_wake() resumes it: no thread waits for a build.
 */
static ssize_t
listener_read(void *cls, uint64_t pos, char *out, size_t max)
{
	struct listener *l = cls;
	struct preview *pv = l->pv;
	int n = 0, resume = 0;

	(void)pos;
	pthread_mutex_lock(&pv->lock);
	if (pv->stopping) {
		pthread_mutex_unlock(&pv->lock);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (!l->greeted) {
		n = snprintf(out, max, "retry: 1000\n\n");
		l->greeted = 1;
	} else if (l->seen < pv->generation) {
		const char *what = l->seen + 1 == pv->generation ?
		    pv->changed : "*";

		n = snprintf(out, max, "event: reload\ndata: %s\n\n", what);
		if (n < 0 || (size_t)n >= max)
			n = snprintf(out, max, "event: reload\ndata: *\n\n");
		l->seen = pv->generation;
	} else if (l->pinged < pv->ping) {
		n = snprintf(out, max, ": ping\n\n");
		l->pinged = pv->ping;
	}
	if (n > 0 && (size_t)n < max) {
		pthread_mutex_unlock(&pv->lock);
		return n;
	}
	l->state = L_SUSPENDING;
	pthread_mutex_unlock(&pv->lock);
	MHD_suspend_connection(l->conn);
	pthread_mutex_lock(&pv->lock);
	if (l->wake) {
		l->wake = 0;
		l->state = L_ACTIVE;
		resume = 1;
	} else
		l->state = L_SUSPENDED;
	pthread_mutex_unlock(&pv->lock);
	if (resume)
		MHD_resume_connection(l->conn);
	return 0;
}

/* The stream is over (the page went, or the server stops). */
static void
listener_free(void *cls)
{
	struct listener *l = cls;
	struct preview *pv = l->pv;

	pthread_mutex_lock(&pv->lock);
	for (struct listener **pp = &pv->listeners; *pp != NULL;
	    pp = &(*pp)->next)
		if (*pp == l) {
			*pp = l->next;
			pv->nlisteners--;
			break;
		}
	pthread_mutex_unlock(&pv->lock);
	free(l);
}

/* GET /_styrdok/events?since=N: a page starts listening. */
static enum MHD_Result
answer_events(struct preview *pv, struct MHD_Connection *c, int head)
{
	const char *since = MHD_lookup_connection_value(c,
	    MHD_GET_ARGUMENT_KIND, "since");
	struct MHD_Response *r;
	struct listener *l;

	if (head)
		return respond(c, MHD_HTTP_OK, MHD_create_response_from_buffer(
		    0, NULL, MHD_RESPMEM_PERSISTENT), "text/event-stream");
	pthread_mutex_lock(&pv->lock);
	if (pv->stopping || pv->nlisteners >= SERVE_LISTENERS) {
		pthread_mutex_unlock(&pv->lock);
		return respond_text(c, MHD_HTTP_SERVICE_UNAVAILABLE,
		    "För många sidor lyssnar redan på förhandsvisningen.\n");
	}
	l = xcalloc(1, sizeof(*l));
	l->conn = c;
	l->pv = pv;
	l->seen = since ? strtoul(since, NULL, 10) : 0;
	if (l->seen > pv->generation)
		l->seen = pv->generation;
	l->pinged = pv->ping;
	l->next = pv->listeners;
	pv->listeners = l;
	pv->nlisteners++;
	pthread_mutex_unlock(&pv->lock);
	/* From here libmicrohttpd calls listener_free when it is done. */
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024,
	    listener_read, l, listener_free);
	if (r == NULL) {
		listener_free(l);
		return MHD_NO;
	}
	return respond(c, MHD_HTTP_OK, r, "text/event-stream");
}

/*
 * Every request: GET and HEAD only, addressed to 127.0.0.1 or
 * localhost; the event stream; otherwise a file under the output
 * directory, an HTML page with the script added, or the problem page
 * while the sources have errors.
 */
static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **req)
{
	static const char refused[] = "Bara GET och HEAD: "
	    "förhandsvisningen ändrar ingenting.\n";
	static int started;	/* *req of a request whose headers are in */
	struct preview *pv = cls;
	struct MHD_Response *r;
	int head = strcmp(method, MHD_HTTP_METHOD_HEAD) == 0, html, fd;
	unsigned long since;
	char *rel, *page = NULL;	/* the problem page, or the file */
	struct stat st;
	size_t len;

	(void)version;
	(void)upload;
	if (!head && strcmp(method, MHD_HTTP_METHOD_GET) != 0) {
		r = MHD_create_response_from_buffer(strlen(refused),
		    (void *)refused, MHD_RESPMEM_PERSISTENT);
		if (r != NULL)
			MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW,
			    "GET, HEAD");
		return respond(c, MHD_HTTP_METHOD_NOT_ALLOWED, r,
		    "text/plain; charset=utf-8");
	}
	/*
	 * Answer once the whole request is in (a body is read and
	 * dropped), so the connection can be kept for the next one.
	 */
	if (*req == NULL || *upload_size != 0) {
		*req = &started;
		*upload_size = 0;
		return MHD_YES;
	}
	if (!host_ok(pv, c))
		return respond_text(c, MHD_HTTP_FORBIDDEN, "Förhandsvisningen "
		    "svarar bara på 127.0.0.1 och localhost.\n");
	if (strcmp(url, EVENTS_PATH) == 0)
		return answer_events(pv, c, head);
	if ((rel = url_file(url)) == NULL)
		return respond_text(c, MHD_HTTP_NOT_FOUND, "Finns inte.\n");
	len = strlen(rel);
	html = len >= 5 && strcmp(rel + len - 5, ".html") == 0;
	/* The rebuild the page is read after: read it first. */
	pthread_mutex_lock(&pv->lock);
	since = pv->generation;
	if (html && pv->problems != NULL)
		page = xstrdup(pv->problems);
	pthread_mutex_unlock(&pv->lock);
	if (page != NULL) {
		free(rel);
		return respond_html(pv, c, page, strlen(page), since);
	}
	fd = open_under(pv->outdir, rel, &st);
	if (fd >= 0 && html && st.st_size <= SERVE_HTML_MAX) {
		free(rel);
		page = read_fd(fd, (size_t)st.st_size, &len);
		return respond_html(pv, c, page, len, since);
	}
	/* libmicrohttpd sends the file and closes fd. */
	r = fd < 0 ? NULL : MHD_create_response_from_fd((size_t)st.st_size, fd);
	if (r == NULL) {
		if (fd >= 0)
			close(fd);
		free(rel);
		return respond_text(c, MHD_HTTP_NOT_FOUND, "Finns inte.\n");
	}
	enum MHD_Result ret = respond(c, MHD_HTTP_OK, r, content_type(rel));

	free(rel);
	return ret;
}

/* ---- the problem page -------------------------------------------------- */

static void
html_escape(struct buf *b, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			buf_adds(b, "&amp;");
			break;
		case '<':
			buf_adds(b, "&lt;");
			break;
		case '>':
			buf_adds(b, "&gt;");
			break;
		case '"':
			buf_adds(b, "&quot;");
			break;
		default:
			buf_add(b, s, 1);
		}
}

/*
 * Errors first, then warnings, then notes; within each the file just
 * saved (arg) first, then by file and place as check prints them.
 */
static int
problem_order(const void *a, const void *b, void *arg)
{
	const struct diag *x = *(const struct diag *const *)a;
	const struct diag *y = *(const struct diag *const *)b;
	const char *saved = arg, *fx = x->file ? x->file : "";
	const char *fy = y->file ? y->file : "";
	int c;

	if (x->sev != y->sev)
		return x->sev > y->sev ? -1 : 1;
	if (saved != NULL && (strcmp(fx, saved) == 0) !=
	    (strcmp(fy, saved) == 0))
		return strcmp(fx, saved) == 0 ? -1 : 1;
	if ((c = strcmp(fx, fy)) != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* One problem as an item: its place, then severity, message and rule. */
static void
problem_item(struct buf *b, const struct diag *g)
{
	static const char *const sev[] = {"anmärkning", "varning", "fel"};

	buf_adds(b, "<li><code class=\"plats\">");
	if (g->file != NULL) {
		html_escape(b, g->file);
		if (g->line > 0)
			buf_printf(b, ":%d:%d", g->line, g->col > 0 ? g->col : 1);
	} else
		buf_adds(b, "styrdok");
	buf_printf(b, "</code><br><span class=\"%s\">%s:</span> ",
	    sev[g->sev], sev[g->sev]);
	html_escape(b, diag_message(g));
	buf_printf(b, " <code>[%s]</code></li>\n", rule_info(g->rule)->id);
}

/*
 * The page shown instead of every HTML page while the sources have
 * errors: every problem of the build with its place (file:line:col),
 * severity, message and rule, the errors in a list of their own above
 * the warnings and notes.  saved is the file just saved, listed first
 * (NULL: none).  Made here, not by a stylesheet, so it shows even when
 * the templates are what is broken.
 */
static char *
problem_page(const struct diags *d, const char *outdir, const char *saved)
{
	size_t n = diags_len(d), e = diags_count(d, SEV_ERROR), i;
	const struct diag **v = xcalloc(n ? n : 1, sizeof(*v));
	struct buf b = {0};

	for (i = 0; i < n; i++)
		v[i] = diags_get(d, i);
	qsort_r(v, n, sizeof(*v), problem_order, (void *)saved);
	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<title>Fel i källorna – förhandsvisning</title>\n<style>\n"
	    "body{margin:0;background:#e8e8e8;color:#1a1a1a;"
	    "font-family:\"DejaVu Sans\",Verdana,sans-serif;line-height:1.45;"
	    "overflow-wrap:break-word}\n"
	    "main{max-width:60rem;margin:1.5rem auto;padding:1rem 1.5rem;"
	    "background:#fff;border-top:.5rem solid #a40000;"
	    "box-shadow:0 .2rem .8rem rgba(0,0,0,.25)}\n"
	    "h1{margin:.3rem 0 .8rem;color:#a40000;font-size:1.6rem}\n"
	    "h2{font-size:1.2rem;margin:1.2rem 0 .4rem}\n"
	    "ol{padding-left:1.8rem}\nli{margin:0 0 .7rem}\n"
	    "code{font-family:\"DejaVu Sans Mono\",monospace;"
	    "overflow-wrap:anywhere}\n"
	    ".plats{font-weight:bold}\n"
	    ".fel{color:#a40000;font-weight:bold}\n"
	    ".varning{color:#6b4500;font-weight:bold}\n"
	    "@media (max-width:30rem){main{margin:0;padding:.8rem}}\n"
	    "</style>\n</head>\n<body>\n<main id=\"styrdok-problem\">\n"
	    "<h1>Källorna har fel</h1>\n<p>");
	buf_printf(&b, "Bygget stoppades av %zu fel. Sidan visas igen när "
	    "de är rättade och filen sparad. Filerna i ", e);
	html_escape(&b, outdir);
	buf_adds(&b, "/ är orörda sedan det senaste lyckade bygget.");
	if (saved != NULL) {
		buf_adds(&b, " Senast sparad: <code>");
		html_escape(&b, saved);
		buf_adds(&b, "</code>.");
	}
	buf_printf(&b, "</p>\n<h2>Fel (%zu)</h2>\n<ol>\n", e);
	for (i = 0; i < e; i++)
		problem_item(&b, v[i]);
	buf_adds(&b, "</ol>\n");
	if (n > e) {
		buf_printf(&b, "<h2>Varningar och anmärkningar (%zu)</h2>\n"
		    "<ol>\n", n - e);
		for (; i < n; i++)
			problem_item(&b, v[i]);
		buf_adds(&b, "</ol>\n");
	}
	buf_adds(&b, "<p>Samma lista i terminalen: <code>styrdok "
	    "check</code>.</p>\n</main>\n</body>\n</html>\n");
	free(v);
	return b.data;
}

/* ---- watching the sources ---------------------------------------------- */

/* Names editors save beside a file: swap, backup and lock files. */
static int
ignored_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || name[0] == '#' || n == 0 ||
	    name[n - 1] == '~' || strcmp(name, "4913") == 0 ||
	    (n > 4 && (strcmp(name + n - 4, ".swp") == 0 ||
	    strcmp(name + n - 4, ".swx") == 0));
}

/*
 * Watches dir and every directory under it (dir itself may be a
 * symbolic link; none under it is followed, as the loader reads none;
 * the output directory is left out: its files are ours).  Returns 0,
 * or -1 after a diagnostic.
 */
static int
watch_tree(struct watcher *w, struct diags *d, const char *dir, int top)
{
	char *real = realpath(dir, NULL);
	int skip = real != NULL && w->skip != NULL &&
	    strcmp(real, w->skip) == 0;
	DIR *dh;
	struct dirent *e;
	int wd, rc = 0;

	free(real);
	if (skip)
		return 0;
	if (w->nwatched >= SERVE_WATCHES) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "serve: "
		    "more than %d directories to watch under %s", SERVE_WATCHES,
		    dir);
		return -1;
	}
	wd = inotify_add_watch(w->fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO |
	    IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ONLYDIR |
	    (top ? 0 : IN_DONT_FOLLOW));
	if (wd < 0) {
		if (errno == ENOSPC)
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
			    "serve: cannot watch %s: %s (raise "
			    "fs.inotify.max_user_watches)", dir, strerror(errno));
		else
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
			    "serve: cannot watch %s: %s", dir, strerror(errno));
		return -1;
	}
	if ((size_t)wd >= w->ndirs) {
		size_t n = (size_t)wd + 16;

		w->dirs = xrealloc(w->dirs, n * sizeof(*w->dirs));
		memset(w->dirs + w->ndirs, 0, (n - w->ndirs) *
		    sizeof(*w->dirs));
		w->ndirs = n;
	}
	if (w->dirs[wd] == NULL)
		w->nwatched++;
	free(w->dirs[wd]);
	w->dirs[wd] = xstrdup(dir);
	if ((dh = opendir(dir)) == NULL)
		return 0;
	while (rc == 0 && (e = readdir(dh)) != NULL) {
		struct stat st;
		char *sub;

		if (e->d_name[0] == '.')
			continue;
		sub = xasprintf("%s/%s", dir, e->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			rc = watch_tree(w, d, sub, 0);
		free(sub);
	}
	closedir(dh);
	return rc;
}

/*
 * Reads the pending events.  Returns 1 when a source or template
 * changed (the file saved last in w->changed), else 0.
 */
static int
watch_read(struct watcher *w, struct diags *d)
{
	char ev[16384] __attribute__((aligned(__alignof__(
	    struct inotify_event))));
	int changed = 0;
	ssize_t n;

	while ((n = read(w->fd, ev, sizeof(ev))) > 0) {
		for (char *at = ev; at < ev + n; ) {
			struct inotify_event *e = (struct inotify_event *)at;
			const char *dir = e->wd >= 0 && (size_t)e->wd <
			    w->ndirs ? w->dirs[e->wd] : NULL;

			at += sizeof(*e) + e->len;
			if (e->mask & IN_Q_OVERFLOW)
				changed = 1;
			if (e->mask & IN_IGNORED && dir != NULL) {
				free(w->dirs[e->wd]);
				w->dirs[e->wd] = NULL;
				w->nwatched--;
				continue;
			}
			if (dir == NULL || e->len == 0 ||
			    ignored_name(e->name))
				continue;
			char *path = xasprintf("%s/%s", dir, e->name);

			if ((e->mask & IN_ISDIR) &&
			    (e->mask & (IN_CREATE | IN_MOVED_TO)))
				(void)watch_tree(w, d, path, 0);
			/* Name the saved file, not an editor's temporary. */
			if (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO |
			    IN_DELETE | IN_MOVED_FROM) || !w->named) {
				snprintf(w->changed, sizeof(w->changed), "%s",
				    path);
				w->named = (e->mask & IN_CREATE) == 0;
			}
			changed = 1;
			free(path);
		}
	}
	return changed;
}

static void
watch_free(struct watcher *w)
{
	for (size_t i = 0; i < w->ndirs; i++)
		free(w->dirs[i]);
	free(w->dirs);
	if (w->fd >= 0)
		close(w->fd);
}

/* ---- building ---------------------------------------------------------- */

static long
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 +
	    (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/*
 * One rebuild: the build of build.c into the output directory, then
 * its outcome published to the pages and one line on stdout.  why
 * names what changed (NULL for the first build).
 *
 * The project's writer lock is held for the build only (nothing else
 * in serve writes), so another styrdok may write between two saves.
 */
static void
rebuild(struct serve *s, const char *why)
{
	struct diags *d = diags_new(NULL);
	struct build_result res = {0};
	struct timespec t0;
	char *problems = NULL, clock[16] = "";
	size_t e, w;
	long ms;
	int status;
	time_t now = time(NULL);
	struct tm tm;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if ((status = project_lock(d)) == EXIT_OK)
		status = build_run(s->o, d, &s->fs, 0, NULL, &res);
	write_abort();
	project_unlock();
	ms = ms_since(&t0);
	if (status != EXIT_OK)
		problems = problem_page(d, s->o->outdir, why);
	preview_publish(&s->pv, &res.changed, problems);

	e = diags_count(d, SEV_ERROR);
	w = diags_count(d, SEV_WARNING);
	if (localtime_r(&now, &tm) != NULL)
		strftime(clock, sizeof(clock), "%H:%M:%S ", &tm);
	if (why != NULL)
		printf(_("styrdok: %s%s changed: "), clock, why);
	else
		printf(_("styrdok: %sbuilt: "), clock);
	if (status != EXIT_OK) {
		const struct diag *first = NULL;

		/* The first error of the problem page. */
		for (size_t i = 0; i < diags_len(d); i++) {
			const struct diag *g = diags_get(d, i);

			if (g->sev == SEV_ERROR && (first == NULL ||
			    problem_order(&g, &first, (void *)why) < 0))
				first = g;
		}
		printf(ngettext("not rebuilt, %zu error",
		    "not rebuilt, %zu errors", e), e);
		if (first != NULL)
			printf(_(" (first: %s:%d:%d [%s])"), first->file ?
			    first->file : "styrdok", first->line, first->col,
			    rule_info(first->rule)->id);
		printf(ngettext(", %zu warning in %ld ms; the pages list "
		    "every problem\n", ", %zu warnings in %ld ms; the pages "
		    "list every problem\n", w), w, ms);
	} else if (res.written == 0) {
		printf(ngettext("nothing to re-render in %ld ms (%zu errors, "
		    "%zu warning)\n", "nothing to re-render in %ld ms (%zu "
		    "errors, %zu warnings)\n", w), ms, e, w);
	} else {
		const char *p = res.changed.data;
		size_t shown = 0;

		printf("%s", _("re-rendered "));
		while (p != NULL && *p != '\0' && shown < 5) {
			const char *nl = strchr(p, '\n');
			int len = nl ? (int)(nl - p) : (int)strlen(p);

			printf("%s%.*s", shown++ ? ", " : "", len, p);
			p += len + (nl != NULL);
		}
		if (res.written > shown)
			printf(_(" and %zu more"), res.written - shown);
		printf(ngettext(" in %ld ms (%zu errors, %zu warning)\n",
		    " in %ld ms (%zu errors, %zu warnings)\n", w), ms, e, w);
	}
	fflush(stdout);
	buf_free(&res.changed);
	diags_free(d);
}

/* ---- starting and stopping ---------------------------------------------- */

static int signal_pipe[2] = {-1, -1};

/* SIGINT, SIGTERM: tell the main loop, which stops cleanly. */
static void
on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	(void)write(signal_pipe[1], &c, 1);
	errno = saved;
}

/*
 * The listening socket on 127.0.0.1:port, made here so it can only
 * ever be that address.  Returns it (the port chosen in *bound), or -1
 * after a diagnostic.
 */
static int
listen_loopback(struct diags *d, int port, int *bound)
{
	struct sockaddr_in a = {0};
	socklen_t alen = sizeof(a);
	int fd, one = 1;

	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    listen(fd, SERVE_CONNECTIONS) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &alen) != 0) {
		if (errno == EADDRINUSE)
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
			    "serve: cannot listen on 127.0.0.1:%d: %s (another "
			    "server has it: choose a port with --port, or 0 "
			    "for any free one)", port, strerror(errno));
		else
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
			    "serve: cannot listen on 127.0.0.1:%d: %s", port,
			    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	*bound = ntohs(a.sin_port);
	return fd;
}

/* The CSP of HTML pages: the reload script by its hash, nothing else. */
static void
make_csp(struct preview *pv)
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	char b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];

	sha256_init(&ctx);
	sha256_update(&ctx, strlen(reload_script),
	    (const uint8_t *)reload_script);
	sha256_digest(&ctx, sizeof(digest), digest);
	base64_encode_raw(b64, sizeof(digest), digest);
	b64[sizeof(b64) - 1] = '\0';
	snprintf(pv->csp, sizeof(pv->csp), "default-src 'none'; "
	    "script-src 'sha256-%s'; connect-src 'self'; style-src "
	    "'unsafe-inline'; img-src data:; base-uri 'none'; "
	    "form-action 'none'", b64);
}

/* xdg-open URL, not waited for.  Returns its pid, or -1. */
static pid_t
open_browser(const char *url)
{
	char *argv[] = {(char *)"xdg-open", (char *)url, NULL};
	posix_spawn_file_actions_t fa;
	extern char **environ;
	pid_t pid;
	int rc;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, "xdg-open", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	return pid;
}

/*
 * Checks --port and --bind and chooses the formats.  Returns 0, or an
 * exit status after a diagnostic.
 */
static int
serve_options(struct serve *s, struct diags *d, int *port)
{
	struct options fo = *s->o;
	char *end = NULL, *list;
	long n = SERVE_PORT;
	int status;

	if (s->o->port != NULL) {
		errno = 0;
		n = strtol(s->o->port, &end, 10);
		if (errno || end == s->o->port || *end != '\0' || n < 0 ||
		    n > 65535) {
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "serve: "
			    "--port takes a number from 0 to 65535 (0: any "
			    "free port), not \"%s\"", s->o->port);
			return EXIT_USAGE;
		}
	}
	*port = (int)n;
	if (s->o->bind != NULL && strcmp(s->o->bind, "127.0.0.1") != 0 &&
	    strcmp(s->o->bind, "localhost") != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "serve: refusing "
		    "to serve on %s: the preview shows drafts and is served on "
		    "127.0.0.1 only (publish with build)", s->o->bind);
		return EXIT_USAGE;
	}
	/* HTML always: it is what the browser shows. */
	list = s->o->format ? xasprintf("html,%s", s->o->format) :
	    xstrdup("html");
	fo.format = list;
	status = build_formats(&fo, d, "serve", &s->fs);
	free(list);
	return status;
}

static void
serve_free(struct serve *s)
{
	struct preview *pv = &s->pv;

	watch_free(&s->w);
	free(pv->changed);
	free(pv->problems);
	pthread_mutex_destroy(&pv->lock);
	free(s->root);
	free(s->outreal);
}

/*
 * Watches and rebuilds until SIGINT or SIGTERM: a burst of events is
 * waited out (SERVE_QUIET_MS without another), then one rebuild; every
 * SERVE_PING_MS the listeners are pinged.
 */
static void
serve_loop(struct serve *s, struct diags *d, pid_t opener)
{
	struct pollfd fds[2] = {{signal_pipe[0], POLLIN, 0},
	    {s->w.fd, POLLIN, 0}};
	struct timespec last_event = {0}, last_ping;
	int pending = 0;

	clock_gettime(CLOCK_MONOTONIC, &last_ping);
	for (;;) {
		long timeout = SERVE_PING_MS - ms_since(&last_ping);

		if (pending) {
			long quiet = SERVE_QUIET_MS - ms_since(&last_event);

			timeout = quiet < timeout ? quiet : timeout;
		}
		if (poll(fds, 2, timeout > 0 ? (int)timeout : 0) < 0 &&
		    errno != EINTR)
			break;
		if (fds[0].revents & POLLIN)
			break;
		if ((fds[1].revents & POLLIN) && watch_read(&s->w, d)) {
			pending = 1;
			clock_gettime(CLOCK_MONOTONIC, &last_event);
		}
		if (pending && ms_since(&last_event) >= SERVE_QUIET_MS) {
			char why[sizeof(s->w.changed)];

			pending = 0;
			snprintf(why, sizeof(why), "%s", s->w.changed);
			s->w.named = 0;
			rebuild(s, why);
		}
		if (ms_since(&last_ping) >= SERVE_PING_MS) {
			pthread_mutex_lock(&s->pv.lock);
			s->pv.ping++;
			pthread_mutex_unlock(&s->pv.lock);
			preview_wake(&s->pv);
			clock_gettime(CLOCK_MONOTONIC, &last_ping);
		}
		if (opener > 0 && waitpid(opener, NULL, WNOHANG) != 0)
			opener = 0;
	}
}

int
cmd_serve(struct options *o, struct diags *d, int argc, char **argv)
{
	struct serve s = {0};
	struct project *p;
	struct MHD_Daemon *daemon = NULL;
	struct sigaction sa = {0}, old_int, old_term, old_pipe;
	int status, port, bound = 0, lfd = -1;
	pid_t opener = 0;
	char *url = NULL;

	(void)argc;
	(void)argv;
	s.o = o;
	s.w.fd = -1;
	pthread_mutex_init(&s.pv.lock, NULL);
	s.pv.outdir = o->outdir;
	make_csp(&s.pv);
	if ((status = serve_options(&s, d, &port)) != 0)
		goto out;
	/* The directories to watch are the ones the pipeline reads. */
	status = EXIT_SYSTEM;
	if ((p = pipeline_new(NULL, d)) == NULL)
		goto out;
	s.root = xstrdup(p->root);
	s.outreal = realpath(o->outdir, NULL);
	s.w.skip = s.outreal;
	if ((s.w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0)
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "serve: inotify: %s", strerror(errno));
	else if (watch_tree(&s.w, d, "policies", 1) == 0) {
		size_t n = strlen(s.root);
		const char *t = p->templates;

		/* Templates inside the project are named relative to it. */
		if (strncmp(t, s.root, n) == 0 && t[n] == '/')
			t += n + 1;
		if (watch_tree(&s.w, d, t, 1) == 0)
			status = EXIT_OK;
	}
	pipeline_free(p);
	if (status != EXIT_OK ||
	    dynlib_need(DYNLIB_MICROHTTPD, d, "serve") != 0 ||
	    (lfd = listen_loopback(d, port, &bound)) < 0 ||
	    pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
		status = EXIT_SYSTEM;
		goto out;
	}
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;	/* a build's reads and writes go on */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	/* A page closed mid-answer must not end the server. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &old_pipe);

	s.pv.port = bound;
	rebuild(&s, NULL);
	free(s.outreal);
	s.outreal = realpath(o->outdir, NULL);
	s.w.skip = s.outreal;

	daemon = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD |
	    MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL, answer, &s.pv,
	    MHD_OPTION_LISTEN_SOCKET, lfd,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned int)SERVE_THREADS,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned int)SERVE_CONNECTIONS,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)SERVE_TIMEOUT,
	    MHD_OPTION_END);
	if (daemon == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "serve: the HTTP server (libmicrohttpd) did not start");
		status = EXIT_SYSTEM;
	} else {
		lfd = -1;	/* libmicrohttpd's now; it closes it */
		url = xasprintf("http://127.0.0.1:%d/", bound);
		printf(_("styrdok: serving %s/ at %s (Ctrl-C stops)\n"),
		    o->outdir, url);
		if (o->open && (opener = open_browser(url)) < 0)
			printf(_("styrdok: could not run xdg-open (%s); open "
			    "%s in a browser\n"), strerror(errno), url);
		fflush(stdout);
		serve_loop(&s, d, opener);
		/* Every listener must be resumed, and end, before the stop. */
		pthread_mutex_lock(&s.pv.lock);
		s.pv.stopping = 1;
		pthread_mutex_unlock(&s.pv.lock);
		preview_wake(&s.pv);
		MHD_stop_daemon(daemon);
		printf("%s", _("styrdok: stopped\n"));
		fflush(stdout);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
out:
	if (lfd >= 0)
		close(lfd);
	for (int i = 0; i < 2; i++)
		if (signal_pipe[i] >= 0) {
			close(signal_pipe[i]);
			signal_pipe[i] = -1;
		}
	free(url);
	serve_free(&s);
	return status;
}

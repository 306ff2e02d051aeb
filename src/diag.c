/* SPDX-License-Identifier: ISC */
/*
 * diag.c - every message styrdok gives about its input goes through here:
 * FILE:LINE:COL: SEVERITY: MESSAGE [RULE], FILE relative to the project
 * root.  libxml2 and libxslt errors arrive through diag_xml_error, the
 * structured error handler, so they share the format and never echo the
 * offending source line (which could leak a file read by mistake).
 *
 * libxml2 keeps a line per element but no column, so columns are found
 * by looking at the source text around that line (locate_*).
 */
#include <ctype.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "styrdok.h"
#include "rulehelp.h"	/* RULE_HELP: each rule's text, made from styrdok(1) */

struct source {
	char *path;	/* relative */
	char *text;	/* NULL when unreadable */
	size_t len;
	size_t *bol;	/* offset where each line begins: bol[0] = 0 */
	size_t nlines;
};

struct diags {
	char *root;		/* absolute, no trailing slash */
	struct diag *v;
	size_t n, cap;
	struct source *src;	/* cache for locating columns */
	size_t nsrc;
	struct buf xslt;	/* a libxslt message being assembled */
	char *xslt_file;	/* and the position it named */
	int xslt_line;
	xmlNodePtr fallback;	/* where to put errors libxml2 cannot place */
	struct buf said;	/* status lines, printed after the problems */
	const char *usage;	/* a synopsis to print last, or NULL */
	int json;		/* problems as JSON on stdout */
	int sarif;		/* problems as SARIF 2.1.0 on stdout */
	char *origin;		/* where styrdok was started, or NULL */
	int absolute;		/* print absolute paths */
	int progress;		/* a progress line on stderr, a terminal */
	int progress_shown;	/* the line is on the screen */
	struct timespec started, last; /* of the run; of the last update */
};

#define RULE_ROW(name, id, sev, class, gap) {id, sev, class, gap},
static const struct rule_info rules[RULE_COUNT] = {STYRDOK_RULES(RULE_ROW)};
#undef RULE_ROW

const struct rule_info *
rule_info(enum rule r)
{
	return &rules[r < RULE_COUNT ? r : RULE_XML];
}

/* The rule with this id.  Returns 0, or -1 when there is none. */
int
rule_find(const char *id, enum rule *out)
{
	for (size_t i = 0; i < RULE_COUNT; i++)
		if (strcmp(rules[i].id, id) == 0) {
			*out = (enum rule)i;
			return 0;
		}
	return -1;
}

struct diags *
diags_new(const char *root)
{
	struct diags *d = xcalloc(1, sizeof(*d));

	d->root = xstrdup(root ? root : "");
	return d;
}

/* The directory diagnostics name files relative to. */
void
diags_set_root(struct diags *d, const char *root)
{
	free(d->root);
	d->root = xstrdup(root);
}

/* Frees what diagnostic g holds, not g itself. */
static void
diag_release(struct diag *g)
{
	free(g->file);
	free(g->msg);
	free(g->text);
	for (size_t i = 0; i < 2 * g->nfacts; i++)
		free(g->facts[i]);
	free(g->facts);
}

void
diags_free(struct diags *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		diag_release(&d->v[i]);
	for (i = 0; i < d->nsrc; i++) {
		free(d->src[i].path);
		free(d->src[i].text);
		free(d->src[i].bol);
	}
	free(d->src);
	buf_free(&d->xslt);
	buf_free(&d->said);
	free(d->xslt_file);
	free(d->v);
	free(d->root);
	free(d->origin);
	free(d);
}

/* A message as one line: no trailing space, no line breaks or tabs. */
static void
one_line(char *msg)
{
	size_t len = strlen(msg);

	/* libxml2 messages end in a newline; one line per diagnostic. */
	while (len > 0 && isspace((unsigned char)msg[len - 1]))
		msg[--len] = '\0';
	for (char *p = msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
}

/*
 * Keeps one language of the pieces bilingual() made, "\1EN\2LOCAL\3":
 * the English (local 0) or the user's (local 1).
 */
static void
pick(char *msg, int local)
{
	char *to = msg;
	int part = 0;	/* 0: outside a piece, 1: its English, 2: the other */

	for (char *p = msg; *p != '\0'; p++) {
		if (*p == '\001' || *p == '\002' || *p == '\003') {
			part = *p == '\003' ? 0 : *p;
			continue;
		}
		if (part == 0 || part == 1 + local)
			*to++ = *p;
	}
	*to = '\0';
}

/*
 * fmt is the English format: the message is kept in English for the
 * machine formats (JSON, SARIF) and the documents, which never change
 * with the locale, and once more in the user's language when the
 * catalogue translates fmt or a piece of it (bilingual()), for the text
 * on the terminal.
 */
static void
diag_addv(struct diags *d, const char *file, int line, int col,
    enum severity sev, enum rule rule, const char *fmt, va_list ap)
{
	const char *local = gettext(fmt);
	struct diag *g;
	char *msg, *text = NULL;
	va_list again;

	va_copy(again, ap);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = xstrdup("(message lost: out of memory)");
	if ((local != fmt && strcmp(local, fmt) != 0) ||
	    strchr(msg, '\001') != NULL) {
		if (vasprintf(&text, local, again) < 0)
			text = NULL;
		else {
			pick(text, 1);
			one_line(text);
		}
	}
	va_end(again);
	pick(msg, 0);
	one_line(msg);
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	g = &d->v[d->n++];
	g->file = file ? xstrdup(file) : NULL;
	g->line = line > 0 ? line : 0;
	g->col = col > 0 ? col : 0;
	if (file != NULL && g->line == 0) {
		/* About the whole file: point editors at its start. */
		g->line = 1;
		g->col = 1;
	}
	g->sev = sev;
	g->rule = rule;
	g->msg = msg;
	g->text = text;
	g->seq = d->n;
	g->node = NULL;
	g->facts = NULL;
	g->nfacts = 0;
}

void
diag_add(struct diags *d, const char *file, int line, int col,
    enum severity sev, enum rule rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(d, file, line, col, sev, rule, fmt, ap);
	va_end(ap);
}

/*
 * The message of diagnostic i in the user's language, for a message made
 * before it was added (text NULL: none, the English one is shown).
 */
void
diags_set_text(struct diags *d, size_t i, const char *text)
{
	struct diag *g;

	if (i >= d->n || text == NULL)
		return;
	g = &d->v[i];
	free(g->text);
	g->text = xstrdup(text);
	pick(g->text, 1);
	one_line(g->text);
}

/* Whether messages are translated: a catalogue for the user's language. */
int
diags_translated(void)
{
	static const char probe[] = "error";

	return gettext(probe) != probe;
}

/* Makes an absolute path or file URL relative to the project root. */
char *
diag_relpath(const struct diags *d, const char *path)
{
	size_t n = strlen(d->root);
	char *unescaped = NULL, *rel;

	if (path == NULL)
		return NULL;
	if (strncmp(path, "file://", 7) == 0) {
		unescaped = xmlURIUnescapeString(path + 7, 0, NULL);
		path = unescaped ? unescaped : path;
	}
	if (strncmp(path, d->root, n) == 0 && path[n] == '/')
		rel = xstrdup(path + n + 1);
	else
		rel = xstrdup(path);
	xmlFree(unescaped);
	return rel;
}

/* The file a node came from, relative to the root (xml:base aware). */
char *
node_file(const struct diags *d, xmlNodePtr node)
{
	xmlChar *base;
	char *rel;

	if (node == NULL || node->doc == NULL)
		return NULL;
	base = xmlNodeGetBase(node->doc, node);
	if (base == NULL)
		return NULL;
	/* A base is a URI: "trasig ö.xml" is stored as "trasig%20%C3%B6.xml". */
	if (strncmp((char *)base, "file://", 7) != 0) {
		char *raw = xmlURIUnescapeString((char *)base, 0, NULL);

		if (raw != NULL) {
			xmlFree(base);
			base = (xmlChar *)raw;
		}
	}
	rel = diag_relpath(d, (const char *)base);
	xmlFree(base);
	return rel;
}

/*
 * Lines and columns are counted in characters, so a UTF-16 source (with
 * its byte-order mark, as libxml2 requires) is searched as UTF-8.
 */
static void
utf16_to_utf8(struct source *s)
{
	const unsigned char *b = (const unsigned char *)s->text;
	const char *from;
	iconv_t cd;
	char *in, *out, *utf8;
	size_t inleft, outleft, cap;

	if (s->len >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		from = "UTF-16LE";
	else if (s->len >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		from = "UTF-16BE";
	else
		return;
	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return;
	cap = s->len * 2 + 1;
	utf8 = xmalloc(cap);
	in = s->text + 2;
	inleft = s->len - 2;
	out = utf8;
	outleft = cap - 1;
	if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1) {
		free(utf8);
	} else {
		*out = '\0';
		free(s->text);
		s->text = utf8;
		s->len = (size_t)(out - utf8);
	}
	iconv_close(cd);
}

/*
 * Where each line begins, so that placing a diagnostic costs a binary
 * search rather than a scan from the top: a register with thousands of
 * warnings is otherwise quadratic in its size.
 */
static void
index_lines(struct source *s)
{
	size_t cap = 64;

	s->bol = xmalloc(cap * sizeof(*s->bol));
	s->bol[s->nlines++] = 0;
	for (const char *nl = s->text; (nl = memchr(nl, '\n',
	    s->len - (size_t)(nl - s->text))) != NULL; nl++) {
		if (s->nlines == cap)
			s->bol = xrealloc(s->bol, (cap *= 2) * sizeof(*s->bol));
		s->bol[s->nlines++] = (size_t)(nl - s->text) + 1;
	}
}

static const struct source *
source_get(struct diags *d, const char *rel)
{
	struct source *s;
	struct stat st;
	char *path;
	int fd;
	size_t i;

	for (i = 0; i < d->nsrc; i++)
		if (strcmp(d->src[i].path, rel) == 0)
			return &d->src[i];
	d->src = xrealloc(d->src, (d->nsrc + 1) * sizeof(*d->src));
	s = &d->src[d->nsrc++];
	s->path = xstrdup(rel);
	s->text = NULL;
	s->len = 0;
	s->bol = NULL;
	s->nlines = 0;
	/* Only files inside the project are ever read to find a column. */
	if (rel[0] == '/' || strstr(rel, "..") != NULL)
		return s;
	path = xasprintf("%s/%s", d->root, rel);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	free(path);
	if (fd < 0)
		return s;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size <= LIMIT_FILE_BYTES) {
		s->text = xmalloc((size_t)st.st_size + 1);
		ssize_t got = read(fd, s->text, (size_t)st.st_size);
		s->len = got > 0 ? (size_t)got : 0;
		s->text[s->len] = '\0';
		utf16_to_utf8(s);
		index_lines(s);
	}
	close(fd);
	return s;
}

/* Byte offset of the start of line (from 1), or -1. */
static long
line_start(const struct source *s, int line)
{
	if (s->nlines == 0 || (size_t)line > s->nlines)
		return -1;
	return line < 1 ? 0 : (long)s->bol[line - 1];
}

static void
offset_to_linecol(const struct source *s, size_t off, int *line, int *col)
{
	size_t lo = 0, hi = s->nlines;

	if (s->nlines == 0) {
		*line = *col = 1;
		return;
	}
	if (off > s->len)
		off = s->len;
	/* The last line beginning at or before off. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->bol[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*col = (int)utf8_columns(s->text + s->bol[lo], off - s->bol[lo]) + 1;
}

static int
is_name_end(char c)
{
	return c == '\0' || isspace((unsigned char)c) || c == '>' ||
	    c == '/' || c == '=';
}

/*
 * Finds the start tag of node in the source: libxml2 records the line on
 * which the start tag ends, so search backwards from the end of that
 * line.  Returns the offset of '<' or -1.
 */
static long
locate_tag(const struct source *s, xmlNodePtr node, int line)
{
	char qname[256];
	long bol, end;
	size_t qlen;

	if (node->ns != NULL && node->ns->prefix != NULL)
		snprintf(qname, sizeof(qname), "<%s:%s", node->ns->prefix,
		    node->name);
	else
		snprintf(qname, sizeof(qname), "<%s", node->name);
	qlen = strlen(qname);
	if ((bol = line_start(s, line)) < 0)
		return -1;
	const char *nl = memchr(s->text + bol, '\n', s->len - (size_t)bol);
	end = nl ? nl - s->text : (long)s->len;
	for (long i = end - (long)qlen; i >= 0; i--)
		if (memcmp(s->text + i, qname, qlen) == 0 &&
		    is_name_end(s->text[i + (long)qlen]))
			return i;
	return -1;
}

/* Offset of attribute attr inside the tag at off, or of '>' ends it. */
static long
locate_attr(const struct source *s, long off, const char *attr,
    long *tag_end)
{
	size_t alen = attr ? strlen(attr) : 0;
	char quote = 0;
	long i, found = -1;

	for (i = off + 1; (size_t)i < s->len; i++) {
		char c = s->text[i];

		if (quote) {
			if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '"' || c == '\'')
			quote = c;
		else if (c == '>')
			break;
		else if (found < 0 && attr != NULL &&
		    isspace((unsigned char)s->text[i - 1]) &&
		    strncmp(s->text + i, attr, alen) == 0 &&
		    is_name_end(s->text[i + (long)alen]))
			found = i;
	}
	if (tag_end != NULL)
		*tag_end = (size_t)i < s->len ? i : -1;
	return found;
}

static void
node_position(struct diags *d, xmlNodePtr node, const char *attr,
    char **file, int *line, int *col, long *content)
{
	const struct source *s;
	long off, at, end;

	*file = node_file(d, node);
	*line = (int)xmlGetLineNo(node);
	*col = 0;
	if (content != NULL)
		*content = -1;
	if (*file == NULL || *line <= 0 || node->type != XML_ELEMENT_NODE)
		return;
	s = source_get(d, *file);
	if (s->text == NULL || (off = locate_tag(s, node, *line)) < 0)
		return;
	at = locate_attr(s, off, attr, &end);
	offset_to_linecol(s, (size_t)(at >= 0 ? at : off), line, col);
	if (content != NULL && end >= 0)
		*content = end + 1;
}

void
diag_node(struct diags *d, xmlNodePtr node, const char *attr,
    enum severity sev, enum rule rule, const char *fmt, ...)
{
	va_list ap;
	char *file;
	int line, col;

	node_position(d, node, attr, &file, &line, &col, NULL);
	va_start(ap, fmt);
	diag_addv(d, file, line, col, sev, rule, fmt, ap);
	va_end(ap);
	free(file);
}

/* Bytes of UTF-8 for code point c. */
static size_t
utf8_length(unsigned long c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/*
 * The source offset at which the text content starting at source offset
 * i reaches byte want of its parsed value: entity and character
 * references, comments, CDATA markers and CRLF line ends are undone, so
 * a position in the parsed text maps back to the exact line and column.
 */
static size_t
source_advance(const struct source *s, size_t i, size_t want)
{
	size_t got = 0;
	int cdata = 0;

	while (i < s->len && got < want) {
		const char *t = s->text + i;

		if (!cdata && strncmp(t, "<!--", 4) == 0) {
			const char *end = strstr(t + 4, "-->");

			i = end ? (size_t)(end - s->text) + 3 : s->len;
		} else if (!cdata && strncmp(t, "<![CDATA[", 9) == 0) {
			cdata = 1;
			i += 9;
		} else if (cdata && strncmp(t, "]]>", 3) == 0) {
			cdata = 0;
			i += 3;
		} else if (!cdata && *t == '&' &&
		    memchr(t, ';', s->len - i < 12 ? s->len - i : 12)) {
			const char *semi = memchr(t, ';', 12);

			if (t[1] == '#')
				got += utf8_length(strtoul(t + 2 + (t[2] == 'x'),
				    NULL, t[2] == 'x' ? 16 : 10));
			else
				got++;
			i = (size_t)(semi - s->text) + 1;
		} else if (*t == '\r' && t[1] == '\n') {
			i++;
		} else {
			i++;
			got++;
		}
	}
	return i;
}

/*
 * A warning about the state of governance (a system without an owner, a
 * missing document): it remembers its node, and enrich.c attaches it to
 * the tree as a <gap> for the index and the report.
 */
void
gap_node(struct diags *d, xmlNodePtr node, const char *attr, enum rule rule,
    const char *fmt, ...)
{
	va_list ap;
	char *file;
	int line, col;

	node_position(d, node, attr, &file, &line, &col, NULL);
	va_start(ap, fmt);
	diag_addv(d, file, line, col, SEV_WARNING, rule, fmt, ap);
	va_end(ap);
	d->v[d->n - 1].node = node;
	free(file);
}

/*
 * Records a fact of the gap gap_node() has just added (the system's name,
 * a date, a value), as key=value: enrich.c sets it as an attribute of the
 * <gap>, from which the stylesheets write the reader's Swedish sentence
 * (templates/profile.xml, <gap-texts>), apart from the English message.
 */
void
gap_fact(struct diags *d, const char *key, const char *fmt, ...)
{
	struct diag *g;
	va_list ap;
	char *value;

	if (d->n == 0 || d->v[d->n - 1].node == NULL)
		return;
	g = &d->v[d->n - 1];
	va_start(ap, fmt);
	if (vasprintf(&value, fmt, ap) < 0)
		value = NULL;
	va_end(ap);
	if (value == NULL)
		return;
	g->facts = xrealloc(g->facts, 2 * (g->nfacts + 1) * sizeof(*g->facts));
	g->facts[2 * g->nfacts] = xstrdup(key);
	g->facts[2 * g->nfacts + 1] = value;
	g->nfacts++;
}

/*
 * A diagnostic at byte offset in text, the string value of element node
 * as it starts right after the start tag.
 */
void
diag_text(struct diags *d, xmlNodePtr node, size_t offset, const char *text,
    enum severity sev, enum rule rule, const char *fmt, ...)
{
	va_list ap;
	char *file;
	int line, col;
	long content;

	node_position(d, node, NULL, &file, &line, &col, &content);
	if (content >= 0) {
		const struct source *s = source_get(d, file);

		offset_to_linecol(s, source_advance(s, (size_t)content,
		    offset), &line, &col);
	} else if (line > 0) {
		for (size_t i = 0; i < offset && text[i] != '\0'; i++)
			line += text[i] == '\n';
		col = 0;
	}
	va_start(ap, fmt);
	diag_addv(d, file, line, col, sev, rule, fmt, ap);
	va_end(ap);
	free(file);
}

static enum rule
rule_for_domain(int domain)
{
	switch (domain) {
	case XML_FROM_PARSER:
	case XML_FROM_NAMESPACE:
	case XML_FROM_DTD:
		return RULE_XML_PARSE;
	case XML_FROM_RELAXNGV:
	case XML_FROM_RELAXNGP:
	case XML_FROM_SCHEMASV:
	case XML_FROM_SCHEMASP:
		return RULE_SCHEMA;
	case XML_FROM_XINCLUDE:
		return RULE_XINCLUDE;
	case XML_FROM_XSLT:
	case XML_FROM_XPATH:
		return RULE_XSLT;
	case XML_FROM_IO:
		return RULE_IO;
	default:
		return RULE_XML;
	}
}

/* Structured error handler for libxml2 and libxslt; ctx is the diags. */
void
diag_xml_error(void *ctx, xmlErrorPtr err)
{
	struct diags *d = ctx;
	enum severity sev;
	char msg[1024];
	size_t len;

	snprintf(msg, sizeof(msg), "%s",
	    err->message ? err->message : "unknown error");
	len = strlen(msg);
	while (len > 0 && isspace((unsigned char)msg[len - 1]))
		msg[--len] = '\0';

	sev = err->level == XML_ERR_WARNING ? SEV_WARNING : SEV_ERROR;
	if (err->node != NULL && err->domain != XML_FROM_PARSER &&
	    ((xmlNodePtr)err->node)->type == XML_ELEMENT_NODE) {
		diag_node(d, err->node, NULL, sev,
		    rule_for_domain(err->domain), "%s", msg);
		return;
	}
	if (err->file == NULL && d->fallback != NULL) {
		diag_node(d, d->fallback, NULL, sev,
		    rule_for_domain(err->domain), "%s (in this source)", msg);
		return;
	}
	char *file = diag_relpath(d, err->file);
	diag_add(d, file, err->line, err->int2, sev,
	    rule_for_domain(err->domain), "%s", msg);
	free(file);
}

/* Forgets every diagnostic that is not an error. */
void
diags_keep_errors(struct diags *d)
{
	size_t keep = 0;

	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].sev == SEV_ERROR)
			d->v[keep++] = d->v[i];
		else
			diag_release(&d->v[i]);
	d->n = keep;
}

/*
 * Forgets the diagnostics of rule (about file, or any file when file is
 * NULL).  Returns how many there were.
 */
size_t
diags_forget(struct diags *d, enum rule rule, const char *file)
{
	size_t keep = 0, n = d->n;

	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].rule == rule && (file == NULL || (d->v[i].file &&
		    strcmp(d->v[i].file, file) == 0)))
			diag_release(&d->v[i]);
		else
			d->v[keep++] = d->v[i];
	d->n = keep;
	return n - keep;
}

/* Forgets the diagnostics added after the first n. */
void
diags_truncate(struct diags *d, size_t n)
{
	while (d->n > n) {
		d->n--;
		diag_release(&d->v[d->n]);
	}
}

/* Errors libxml2 reports without a position are put at node. */
void
diags_set_fallback(struct diags *d, xmlNodePtr node)
{
	d->fallback = node;
}

size_t
diags_count(const struct diags *d, enum severity sev)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		if (d->v[i].sev == sev)
			n++;
	return n;
}

size_t
diags_len(const struct diags *d)
{
	return d->n;
}

const struct diag *
diags_get(const struct diags *d, size_t i)
{
	return i < d->n ? &d->v[i] : NULL;
}

/*
 * Keeps only the diagnostics about the given files (check FILE...), and
 * those from the index from on (problems with the operands themselves);
 * a NULL file matches nothing.
 */
void
diags_restrict(struct diags *d, char **files, int nfiles, size_t from)
{
	size_t i, keep = 0;

	for (i = 0; i < d->n; i++) {
		int match = d->v[i].seq > from;

		for (int j = 0; j < nfiles && !match; j++)
			match = d->v[i].file != NULL && files[j] != NULL &&
			    strcmp(d->v[i].file, files[j]) == 0;
		if (match)
			d->v[keep++] = d->v[i];
		else
			diag_release(&d->v[i]);
	}
	d->n = keep;
}

static int
diag_cmp(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int c;

	c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
	if (c != 0)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	/* Ties keep the order in which they were found. */
	return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static void
diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), diag_cmp);
}

/* The severity as the machine formats name it, in any locale. */
static const char *
sev_name(enum severity s)
{
	return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* The severity in the user's language, for the text on the terminal. */
static const char *
sev_text(enum severity s)
{
	return s == SEV_ERROR ? _("error") : s == SEV_WARNING ? _("warning") :
	    _("note");
}

/* The message in the user's language (the English one when untranslated). */
const char *
diag_message(const struct diag *g)
{
	return g->text != NULL ? g->text : g->msg;
}

/*
 * Files are named in the output relative to the directory styrdok was
 * started from (what an editor or a terminal can open after -C), or
 * absolute (diags_set_origin); inside, they stay relative to the root.
 */
void
diags_set_origin(struct diags *d, const char *origin, int absolute)
{
	free(d->origin);
	d->origin = origin ? xstrdup(origin) : NULL;
	d->absolute = absolute;
}

/* The name to print for file, a path relative to the root.  Freed by
 * the caller. */
static char *
display_path(const struct diags *d, const char *file)
{
	char *abs, *rel;

	if (file[0] == '/' || d->root[0] == '\0' || (!d->absolute &&
	    (d->origin == NULL || strcmp(d->origin, d->root) == 0)))
		return xstrdup(file);
	abs = xasprintf("%s/%s", d->root, file);
	if (d->absolute)
		return abs;
	rel = path_relative(d->origin, abs);
	free(abs);
	return rel;
}

void
diags_print(struct diags *d, FILE *f)
{
	size_t i;

	diags_sort(d);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		char *file;

		if (g->file == NULL) {
			fprintf(f, "styrdok: %s: %s [%s]\n", sev_text(g->sev),
			    diag_message(g), rule_info(g->rule)->id);
			continue;
		}
		file = display_path(d, g->file);
		fprintf(f, "%s:%d:%d: %s: %s [%s]\n", file, g->line, g->col,
		    sev_text(g->sev), diag_message(g), rule_info(g->rule)->id);
		free(file);
	}
}

void
diags_print_json(struct diags *d, FILE *f)
{
	struct buf b = {0};
	size_t i;

	diags_sort(d);
	buf_adds(&b, "[");
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		char *file = g->file ? display_path(d, g->file) : NULL;

		buf_adds(&b, i ? ",\n  {\"file\": " : "\n  {\"file\": ");
		json_string(&b, file ? file : "");
		free(file);
		buf_printf(&b, ", \"line\": %d, \"column\": %d, \"severity\": ",
		    g->line, g->col);
		json_string(&b, sev_name(g->sev));
		buf_adds(&b, ", \"message\": ");
		json_string(&b, g->msg);
		buf_adds(&b, ", \"rule\": ");
		json_string(&b, rule_info(g->rule)->id);
		buf_adds(&b, "}");
	}
	buf_adds(&b, d->n ? "\n]\n" : "]\n");
	fputs(b.data, f);
	buf_free(&b);
}

static const char *
rule_help(const char *id)
{
	static const char *const help[][2] = {RULE_HELP};

	for (size_t i = 0; help[i][0] != NULL; i++)
		if (strcmp(help[i][0], id) == 0)
			return help[i][1];
	return id;
}

/* A path as a URI reference: RFC 3986 unreserved characters and '/'
 * as they are, every other byte percent-encoded. */
static void
uri_path(struct buf *b, const char *path)
{
	buf_adds(b, path[0] == '/' ? "file://" : "");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p) != NULL)
			buf_add(b, (const char *)p, 1);
		else
			buf_printf(b, "%%%02X", *p);
}

/*
 * The problems as a SARIF 2.1.0 log (OASIS), what code-scanning
 * services read: one run, every rule with its help text from styrdok(1)
 * and its usual level, and a result per problem with its location.
 */
void
diags_print_sarif(struct diags *d, FILE *f)
{
	struct buf b = {0}, uri = {0};
	size_t i;

	diags_sort(d);
	buf_adds(&b, "{\n  \"$schema\": \"https://json.schemastore.org/"
	    "sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n"
	    "    \"tool\": {\"driver\": {\"name\": \"styrdok\", \"version\": \""
	    STYRDOK_VERSION "\", \"rules\": [");
	for (i = 0; i < RULE_COUNT; i++) {
		const struct rule_info *r = rule_info((enum rule)i);

		buf_adds(&b, i ? ",\n      {\"id\": " : "\n      {\"id\": ");
		json_string(&b, r->id);
		const char *help = rule_help(r->id), *stop = strstr(help, ". ");
		char *first = stop ? strndup(help, (size_t)(stop - help) + 1) :
		    xstrdup(help);

		buf_adds(&b, ", \"shortDescription\": {\"text\": ");
		json_string(&b, first ? first : help);
		free(first);
		buf_adds(&b, "}, \"help\": {\"text\": ");
		json_string(&b, rule_help(r->id));
		buf_printf(&b, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
		    sev_name(r->sev));
	}
	buf_adds(&b, "]}},\n    \"columnKind\": \"unicodeCodePoints\",\n"
	    "    \"results\": [");
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		buf_adds(&b, i ? ",\n      {\"ruleId\": " :
		    "\n      {\"ruleId\": ");
		json_string(&b, rule_info(g->rule)->id);
		buf_printf(&b, ", \"ruleIndex\": %d, \"level\": \"%s\", "
		    "\"message\": {\"text\": ", (int)g->rule, sev_name(g->sev));
		json_string(&b, g->msg);
		buf_adds(&b, "}");
		if (g->file != NULL) {
			char *file = display_path(d, g->file);

			uri.len = 0;
			uri_path(&uri, file);
			free(file);
			buf_adds(&b, ", \"locations\": [{\"physicalLocation\": "
			    "{\"artifactLocation\": {\"uri\": ");
			json_string(&b, uri.data);
			buf_printf(&b, "}, \"region\": {\"startLine\": %d",
			    g->line > 0 ? g->line : 1);
			if (g->col > 0)
				buf_printf(&b, ", \"startColumn\": %d", g->col);
			buf_adds(&b, "}}}]");
		}
		buf_adds(&b, "}");
	}
	buf_adds(&b, d->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n");
	fputs(b.data, f);
	buf_free(&b);
	buf_free(&uri);
}

void
diags_summary(const struct diags *d, FILE *f)
{
	size_t e = diags_count(d, SEV_ERROR), w = diags_count(d, SEV_WARNING);
	char *errors, *warnings;

	/* Each count with its own noun, in the plural the language needs. */
	errors = xasprintf(ngettext("%zu error", "%zu errors", e), e);
	warnings = xasprintf(ngettext("%zu warning", "%zu warnings", w), w);
	/* TRANSLATORS: the count line, "styrdok: 3 errors, 1 warning". */
	fprintf(f, _("styrdok: %s, %s\n"), errors, warnings);
	free(errors);
	free(warnings);
}

/*
 * libxslt reports through a printf-style generic handler, one message in
 * several calls; collect up to each newline and turn every line into a
 * diagnostic.  Its "file F line N" context line gives the position.
 */
void
diag_xslt_error(void *ctx, const char *fmt, ...)
{
	struct diags *d = ctx;
	va_list ap;
	char *part, *nl;

	va_start(ap, fmt);
	if (vasprintf(&part, fmt, ap) < 0)
		part = NULL;
	va_end(ap);
	if (part == NULL)
		return;
	buf_adds(&d->xslt, part);
	free(part);
	while ((nl = strchr(d->xslt.data, '\n')) != NULL) {
		char file[512];
		int line = 0;
		const char *at;

		*nl = '\0';
		if ((at = strstr(d->xslt.data, "file ")) != NULL &&
		    sscanf(at, "file %511s line %d", file, &line) == 2) {
			free(d->xslt_file);
			d->xslt_file = diag_relpath(d, file);
			d->xslt_line = line;
		} else if (d->xslt.data[0] != '\0' &&
		    strcmp(d->xslt.data, "error") != 0 &&
		    strcmp(d->xslt.data, "warning") != 0)
			diag_add(d, d->xslt_file, d->xslt_line, 0, SEV_ERROR,
			    RULE_XSLT, "%s", d->xslt.data);
		memmove(d->xslt.data, nl + 1, strlen(nl + 1) + 1);
		d->xslt.len = strlen(d->xslt.data);
	}
}

/* Moves every diagnostic of from into to (same project root). */
void
diags_move(struct diags *to, struct diags *from)
{
	for (size_t i = 0; i < from->n; i++) {
		struct diag *g = &from->v[i];

		diag_add(to, g->file, g->line, g->col, g->sev, g->rule, "%s",
		    g->msg);
		/* The translation made in from goes along as it is. */
		free(to->v[to->n - 1].text);
		to->v[to->n - 1].text = g->text;
		g->text = NULL;
		diag_release(g);
	}
	from->n = 0;
}

/*
 * A line saying what a command did ("wrote 10 files to output/"):
 * not a problem, printed after them.
 */
void
diag_say(struct diags *d, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	if (vasprintf(&line, gettext(fmt), ap) < 0)
		line = NULL;
	va_end(ap);
	if (line != NULL)
		buf_printf(&d->said, "styrdok: %s\n", line);
	free(line);
}

/* diag_say with a count in the sentence: one or many in the plural
 * the user's language needs for n (ngettext). */
void
diag_say_n(struct diags *d, unsigned long n, const char *one,
    const char *many, ...)
{
	va_list ap;
	char *line;

	va_start(ap, many);
	if (vasprintf(&line, ngettext(one, many, n), ap) < 0)
		line = NULL;
	va_end(ap);
	if (line != NULL)
		buf_printf(&d->said, "styrdok: %s\n", line);
	free(line);
}

/* The problems are printed as JSON on stdout (check --format json). */
void
diags_set_json(struct diags *d)
{
	d->json = 1;
}

/* The problems are printed as SARIF on stdout (check --format sarif). */
void
diags_set_sarif(struct diags *d)
{
	d->sarif = 1;
}

/*
 * A progress line for a long run: shown only when on is set and stderr
 * is a terminal (a log or a pipe gets nothing extra), and only once the
 * run has taken a second.
 */
void
diags_set_progress(struct diags *d, int on)
{
	d->progress = on && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &d->started);
}

static double
seconds_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) +
	    (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/*
 * Says how far a long run has come ("rendering 12/40 pages"), on one
 * line of the terminal that each call overwrites, at most ten times a
 * second; diags_finish clears it before the problems are printed.
 */
void
diag_progress(struct diags *d, const char *fmt, ...)
{
	va_list ap;
	char line[160];

	if (!d->progress || seconds_since(&d->started) < 1.0 ||
	    (d->progress_shown && seconds_since(&d->last) < 0.1))
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), gettext(fmt), ap);
	va_end(ap);
	fprintf(stderr, "\rstyrdok: %s\033[K", line);
	fflush(stderr);
	clock_gettime(CLOCK_MONOTONIC, &d->last);
	d->progress_shown = 1;
}

/* A usage synopsis to print after the problems. */
void
diags_set_usage(struct diags *d, const char *synopsis)
{
	d->usage = synopsis;
}

/*
 * The exit status the problems call for: that of the worst class among
 * the errors (input 1, usage 2, environment 3), 0 without errors.
 */
int
diags_status(const struct diags *d)
{
	int status = EXIT_OK;

	for (size_t i = 0; i < d->n; i++) {
		int s;

		if (d->v[i].sev != SEV_ERROR)
			continue;
		switch (rule_info(d->v[i].rule)->class) {
		case CLASS_ENVIRONMENT:
			s = EXIT_SYSTEM;
			break;
		case CLASS_USAGE:
			s = EXIT_USAGE;
			break;
		case CLASS_INPUT:
		default:
			s = EXIT_INPUT;
			break;
		}
		if (s > status)
			status = s;
	}
	return status;
}

/*
 * Prints everything the run has to say, once, at its end: the problems
 * (text on stderr, or JSON on stdout), their count when there are errors
 * or warnings or summary is set, the status lines, the usage synopsis.
 */
void
diags_finish(struct diags *d, int summary)
{
	size_t counted = diags_count(d, SEV_ERROR) + diags_count(d, SEV_WARNING);

	if (d->progress_shown)
		fputs("\r\033[K", stderr);	/* the progress line goes */
	d->progress_shown = 0;
	if (d->sarif)
		diags_print_sarif(d, stdout);
	else if (d->json)
		diags_print_json(d, stdout);
	else
		diags_print(d, stderr);
	if (summary || counted > 0)
		diags_summary(d, stderr);
	if (d->said.len > 0)
		fputs(d->said.data, stderr);
	if (d->usage != NULL)
		fputs(d->usage, stderr);
	fflush(stdout);
}


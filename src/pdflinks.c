/* SPDX-License-Identifier: ISC */
/*
 * pdflinks.c - a description (/Contents) on each link annotation of a
 * PDF that FOP made, as PDF/UA-1 (7.18.5) asks of every annotation.
 * FOP 2.8 puts the description only on the Link structure element
 * (/Alt, from fox:alt-text); this copies it to the annotation in an
 * incremental update appended to the file: the annotation objects again
 * with /Contents added, and a cross-reference stream for them whose
 * /Prev is FOP's.  The bytes FOP wrote are left as they are.
 *
 * FOP writes the structure elements in object streams (Flate) and the
 * annotations as plain objects "N 0 obj << /Type /Annot /Subtype /Link
 * ... >>".  This reads exactly that: anything else (an indirect length,
 * another filter, a stream that does not inflate, an annotation that is
 * not there) means no update, never a changed PDF.  Every read is bounded
 * by the buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "styrdok.h"

/* Inflated object streams, in all, at most this (FOP's are kilobytes). */
#define LINKS_MAX_INFLATED (64L * 1024 * 1024)

/* One annotation to describe: its object number and the /Alt token. */
struct link {
	long obj;
	const char *alt;	/* the PDF string token, in an inflated stream */
	size_t alt_len;
};

struct links {
	struct link *v;
	size_t n, cap;
	char **streams;		/* inflated object streams, owned */
	size_t nstreams;
	size_t inflated;
};

static int
is_ws(int c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

/* A non-negative integer at *p (after white space), or -1. */
static long
number_at(const char **p, const char *end)
{
	long v = 0;
	int digits = 0;

	while (*p < end && is_ws((unsigned char)**p))
		(*p)++;
	while (*p < end && **p >= '0' && **p <= '9' && v < 100000000L) {
		v = v * 10 + (**p - '0');
		(*p)++;
		digits++;
	}
	return digits > 0 ? v : -1;
}

/* The integer after key (e.g. "/Length") in [dict, end), or -1. */
static long
dict_number(const char *dict, const char *end, const char *key)
{
	const char *k = mem_find(dict, end, key), *p;
	long v;

	if (k == NULL)
		return -1;
	p = k + strlen(key);
	v = number_at(&p, end);
	/* "/Length 12 0 R" is a reference, not a length. */
	while (p < end && is_ws((unsigned char)*p))
		p++;
	if (p < end && *p >= '0' && *p <= '9')
		return -1;
	return v;
}

/*
 * The end of the PDF string token at p ("(...)" with nesting and
 * escapes, or "<hex>"), or NULL.
 */
static const char *
string_end(const char *p, const char *end)
{
	int depth = 0;

	if (p < end && *p == '<') {
		while (++p < end && *p != '>')
			if (!is_ws((unsigned char)*p) &&
			    strchr("0123456789abcdefABCDEF", *p) == NULL)
				return NULL;
		return p < end ? p + 1 : NULL;
	}
	if (p >= end || *p != '(')
		return NULL;
	for (; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p + 1;
	}
	return NULL;
}

/* The end (past ">>") of the dictionary that starts at p, or NULL. */
static const char *
dict_end(const char *p, const char *end)
{
	int depth = 0;

	while (p + 1 < end) {
		if (*p == '(' || (*p == '<' && p[1] != '<')) {
			if ((p = string_end(p, end)) == NULL)
				return NULL;
			continue;
		}
		if (*p == '<' && p[1] == '<') {
			depth++;
			p += 2;
		} else if (*p == '>' && p[1] == '>') {
			p += 2;
			if (--depth == 0)
				return p;
		} else
			p++;
	}
	return NULL;
}

static void
link_add(struct links *l, long obj, const char *alt, size_t alt_len)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].obj = obj;
	l->v[l->n].alt = alt;
	l->v[l->n].alt_len = alt_len;
	l->n++;
}

/*
 * Each Link structure element in [obj, end) of an inflated stream: its
 * /Alt and the annotations its /K names ("/Obj N 0 R").
 */
static void
links_of_object(struct links *l, const char *obj, const char *end)
{
	const char *s = mem_find(obj, end, "/S /Link"), *alt, *alt_end, *k;

	if (s == NULL || (alt = mem_find(obj, end, "/Alt")) == NULL)
		return;
	alt += 4;
	while (alt < end && is_ws((unsigned char)*alt))
		alt++;
	if ((alt_end = string_end(alt, end)) == NULL)
		return;
	for (k = obj; (k = mem_find(k, end, "/Obj")) != NULL;) {
		const char *p = k + 4;
		long n = number_at(&p, end), gen = number_at(&p, end);

		while (p < end && is_ws((unsigned char)*p))
			p++;
		if (n > 0 && gen == 0 && p < end && *p == 'R')
			link_add(l, n, alt, (size_t)(alt_end - alt));
		k = p;
	}
}

/* Inflates len bytes at data, or NULL (over the run's bound, or bad). */
static char *
inflate_stream(struct links *l, const unsigned char *data, size_t len,
    size_t *out_len)
{
	z_stream z;
	size_t cap = len * 4 + 1024, used = 0;
	char *out;
	int rc;

	if (cap > LINKS_MAX_INFLATED)
		cap = LINKS_MAX_INFLATED;
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return NULL;
	out = xmalloc(cap);
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)len;
	do {
		if (used == cap) {
			cap *= 2;
			out = xrealloc(out, cap);
		}
		z.next_out = (unsigned char *)out + used;
		z.avail_out = (uInt)(cap - used);
		rc = inflate(&z, Z_NO_FLUSH);
		used = cap - z.avail_out;
		if (l->inflated + used > LINKS_MAX_INFLATED)
			rc = Z_MEM_ERROR;
	} while (rc == Z_OK);
	inflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(out);
		return NULL;
	}
	l->inflated += used;
	*out_len = used;
	return out;
}

/*
 * Reads the Link elements of every object stream of the PDF into l.
 * Returns -1 when a stream is not as FOP writes it.
 */
static int
links_read(struct links *l, const char *pdf, const char *end)
{
	const char *t;

	for (t = pdf; (t = mem_find(t, end, "/Type /ObjStm")) != NULL;) {
		const char *dict = t, *stream, *dend, *p;
		long n, first, length;
		size_t ilen;
		char *in;

		/* The dictionary starts at the "<<" before the key. */
		while (dict > pdf && !(dict[0] == '<' && dict[1] == '<'))
			dict--;
		if ((dend = dict_end(dict, end)) == NULL ||
		    (n = dict_number(dict, dend, "/N")) < 0 ||
		    (first = dict_number(dict, dend, "/First")) < 0 ||
		    (length = dict_number(dict, dend, "/Length")) < 0 ||
		    mem_find(dict, dend, "/Filter /FlateDecode") == NULL ||
		    (stream = mem_find(dend, end, "stream")) == NULL ||
		    stream - dend > 4)
			return -1;
		stream += 6;
		if (stream < end && *stream == '\r')
			stream++;
		if (stream < end && *stream == '\n')
			stream++;
		if (length > end - stream)
			return -1;
		in = inflate_stream(l, (const unsigned char *)stream,
		    (size_t)length, &ilen);
		if (in == NULL || (size_t)first > ilen) {
			free(in);
			return -1;
		}
		l->streams = xrealloc(l->streams, (l->nstreams + 1) *
		    sizeof(*l->streams));
		l->streams[l->nstreams++] = in;
		/* The header: n pairs "number offset", offsets from first. */
		p = in;
		for (long i = 0; i < n; i++) {
			long off, next = (long)ilen - first;

			if (number_at(&p, in + first) < 0 ||
			    (off = number_at(&p, in + first)) < 0)
				return -1;
			/* It ends where the next one begins. */
			if (i + 1 < n) {
				const char *q = p;

				if (number_at(&q, in + first) < 0 ||
				    (next = number_at(&q, in + first)) < 0)
					return -1;
			}
			if (next < off || first + next > (long)ilen)
				return -1;
			links_of_object(l, in + first + off, in + first + next);
		}
		t = stream + length;
	}
	return 0;
}

/*
 * Where each plain object "N 0 obj <<" of the file starts its dictionary,
 * by N below size: one pass over the file.
 */
static const char **
objects_index(const char *pdf, const char *end, long size)
{
	const char **at = xcalloc((size_t)size, sizeof(*at));
	const char *k;

	for (k = pdf; (k = mem_find(k, end, " 0 obj")) != NULL; k += 6) {
		const char *n = k, *p = k + 6;
		long v;

		while (n > pdf && n[-1] >= '0' && n[-1] <= '9')
			n--;
		if (n == k || (n > pdf && n[-1] != '\n' && n[-1] != '\r'))
			continue;
		v = number_at(&n, k);
		while (p < end && is_ws((unsigned char)*p))
			p++;
		if (v >= 0 && v < size && at[v] == NULL && p + 1 < end &&
		    p[0] == '<' && p[1] == '<')
			at[v] = p;
	}
	return at;
}

/* A type 1 cross-reference entry (/W [1 4 2]): in use, at offset. */
static void
xref_entry(struct buf *b, size_t offset)
{
	char e[7] = {1, (char)(offset >> 24), (char)(offset >> 16),
	    (char)(offset >> 8), (char)offset, 0, 0};

	buf_add(b, e, sizeof(e));
}

static int
by_obj(const void *a, const void *b)
{
	long x = ((const struct link *)a)->obj, y = ((const struct link *)b)->obj;

	return (x > y) - (x < y);
}

/* Copies the value token of key in FOP's last trailer dictionary. */
static int
trailer_value(struct buf *out, const char *dict, const char *dend,
    const char *key)
{
	const char *k = mem_find(dict, dend, key), *p, *v;

	if (k == NULL)
		return -1;
	p = k + strlen(key);
	while (p < dend && is_ws((unsigned char)*p))
		p++;
	v = p;
	if (*p == '[') {
		if ((p = memchr(p, ']', (size_t)(dend - p))) == NULL)
			return -1;
		p++;
	} else {
		/* "N 0 R" */
		while (p < dend && *p != 'R' && *p != '/' && *p != '>')
			p++;
		if (p >= dend || *p != 'R')
			return -1;
		p++;
	}
	buf_printf(out, " %s ", key);
	buf_add(out, v, (size_t)(p - v));
	return 0;
}

/*
 * The incremental update that gives each link annotation of the PDF in
 * [pdf, pdf + len) the description of its Link element, appended to
 * *update.  Returns the number of annotations described (0: nothing to
 * do), or -1 when the PDF is not as FOP writes it (nothing appended).
 */
int
pdf_link_contents(const char *pdf, size_t len, struct buf *update)
{
	const char *end = pdf + len, *sx, *p, *xdict, *xend, **objs = NULL;
	struct links l = {0};
	struct buf u = {0}, entries = {0}, index = {0};
	long prev, size, last = -1;
	size_t done = 0, xref_at, body = len;
	int rc = -1;

	/*
	 * A whole file only (a cut one must stay cut, for pdf.c to refuse),
	 * and FOP's last cross-reference: "startxref N" near the end.
	 */
	while (body > 0 && is_ws((unsigned char)pdf[body - 1]))
		body--;
	if (body < 32 || len > (size_t)LIMIT_RUN_BYTES ||
	    memcmp(pdf + body - 5, "%%EOF", 5) != 0 ||
	    (sx = mem_find(end - (len < 1024 ? len : 1024), end, "startxref")) ==
	    NULL)
		return -1;
	p = sx + 9;
	if ((prev = number_at(&p, end)) < 0 || prev >= (long)len ||
	    (xdict = mem_find(pdf + prev, end, "<<")) == NULL ||
	    (xend = dict_end(xdict, end)) == NULL ||
	    (size = dict_number(xdict, xend, "/Size")) <= 0 ||
	    size > (long)len ||
	    links_read(&l, pdf, end) != 0)
		goto out;
	if (l.n == 0) {
		rc = 0;		/* no Link element: nothing to describe */
		goto out;
	}
	qsort(l.v, l.n, sizeof(*l.v), by_obj);
	objs = objects_index(pdf, end, size);
	if (pdf[len - 1] != '\n')
		buf_adds(&u, "\n");
	for (size_t i = 0; i < l.n; i++) {
		const char *obj, *oend;

		if (l.v[i].obj == last)
			continue;
		last = l.v[i].obj;
		if (last >= size || (obj = objs[last]) == NULL ||
		    (oend = dict_end(obj, end)) == NULL ||
		    mem_find(obj, oend, "/Subtype /Link") == NULL)
			goto out;
		if (mem_find(obj, oend, "/Contents") != NULL)
			continue;
		/* The annotation again, with the description before ">>". */
		xref_entry(&entries, len + u.len);
		buf_printf(&index, "%ld 1 ", last);
		buf_printf(&u, "%ld 0 obj\n", last);
		buf_add(&u, obj, (size_t)(oend - 2 - obj));
		buf_adds(&u, "/Contents ");
		buf_add(&u, l.v[i].alt, l.v[i].alt_len);
		buf_adds(&u, "\n>>\nendobj\n");
		done++;
	}
	if (done == 0) {
		rc = 0;
		goto out;
	}
	/* The cross-reference stream of the update, FOP's as its /Prev. */
	xref_at = len + u.len;
	xref_entry(&entries, xref_at);
	buf_printf(&index, "%ld 1", size);
	buf_printf(&u, "%ld 0 obj\n<< /Type /XRef /Size %ld", size, size + 1);
	if (trailer_value(&u, xdict, xend, "/Root") != 0 ||
	    trailer_value(&u, xdict, xend, "/Info") != 0 ||
	    trailer_value(&u, xdict, xend, "/ID") != 0)
		goto out;
	buf_printf(&u, " /Prev %ld /W [1 4 2] /Index [%s] /Length %zu >>\n"
	    "stream\n", prev, index.data, entries.len);
	buf_add(&u, entries.data, entries.len);
	buf_printf(&u, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
	    xref_at);
	buf_add(update, u.data, u.len);
	rc = (int)done;
out:
	free(objs);
	for (size_t i = 0; i < l.nstreams; i++)
		free(l.streams[i]);
	free(l.streams);
	free(l.v);
	buf_free(&u);
	buf_free(&entries);
	buf_free(&index);
	return rc;
}

/* SPDX-License-Identifier: ISC */
/*
 * pdfdest.c - the page each named destination of a PDF stands on, read
 * from the PDF that FOP made of a document in the same run, so that the
 * DOCX's contents list can carry page numbers when it is opened (a
 * page number is known only after layout, and Word's own layout is not
 * there to ask).
 *
 * FOP writes the destinations (fox:destination, templates/fo/document.xsl)
 * as a name tree of plain objects, "/Names [(id) N 0 R ...]", each N a
 * GoTo action "/D [P 0 R /XYZ ...]" or a destination array, and the pages
 * as one "/Type /Pages" object with "/Kids [P 0 R ...]" in order; only
 * its structure tree goes in object streams.  This reads exactly that
 * and nothing more: a PDF laid out otherwise gives fewer or no pages,
 * never a wrong one, and the contents list then goes without numbers.
 * Every read is bounded by the buffer: the input is a file FOP wrote,
 * but a file all the same.
 */
#include <stdlib.h>
#include <string.h>

#include "styrdok.h"

/* A cursor over the PDF's bytes. */
struct scan {
	const char *p, *end;
};

static int
is_ws(int c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

static void
skip_ws(struct scan *s)
{
	while (s->p < s->end && is_ws((unsigned char)*s->p))
		s->p++;
}

/* An unsigned integer at the cursor, or -1 (past INT_MAX/16: -1 too). */
static long
number(struct scan *s)
{
	long v = 0;

	skip_ws(s);
	if (s->p >= s->end || *s->p < '0' || *s->p > '9')
		return -1;
	while (s->p < s->end && *s->p >= '0' && *s->p <= '9') {
		v = v * 10 + (*s->p++ - '0');
		if (v > 0x7ffffff)
			return -1;
	}
	return v;
}

/* "N G R" at the cursor: N, or -1. */
static long
reference(struct scan *s)
{
	long n = number(s);

	if (n < 0 || number(s) < 0)
		return -1;
	skip_ws(s);
	if (s->p >= s->end || *s->p != 'R')
		return -1;
	s->p++;
	return n;
}

/*
 * A literal string "(...)" at the cursor, escapes undone, into out
 * (NUL-terminated, at most size - 1 bytes).  Returns 0, or -1 when it
 * is not one or is longer than out.
 */
static int
literal(struct scan *s, char *out, size_t size)
{
	size_t n = 0;
	int depth = 1;

	skip_ws(s);
	if (s->p >= s->end || *s->p != '(')
		return -1;
	for (s->p++; s->p < s->end; s->p++) {
		char c = *s->p;

		if (c == '\\') {
			if (++s->p >= s->end)
				return -1;
			c = *s->p;
			if (c == 'n')
				c = '\n';
			else if (c >= '0' && c <= '7') {
				int v = 0;

				for (int k = 0; k < 3 && s->p < s->end &&
				    *s->p >= '0' && *s->p <= '7'; k++)
					v = v * 8 + (*s->p++ - '0');
				s->p--;
				c = (char)v;
			}
		} else if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0) {
			s->p++;
			out[n] = '\0';
			return 0;
		}
		if (n + 1 >= size)
			return -1;
		out[n++] = c;
	}
	return -1;
}

/* The object numbers of the pages in order; *n of them. */
static long *
page_objects(const char *data, const char *end, size_t *n)
{
	long *v = NULL;
	const char *at = data;

	*n = 0;
	while ((at = mem_find(at, end, "/Type /Pages")) != NULL) {
		const char *stop = mem_find(at, end, "endobj");
		const char *kids = mem_find(at, stop ? stop : end, "/Kids [");
		struct scan s;

		at += strlen("/Type /Pages");
		if (kids == NULL)
			continue;
		s = (struct scan){kids + strlen("/Kids ["), stop ? stop : end};
		for (;;) {
			long obj = reference(&s);

			if (obj < 0)
				break;
			v = xrealloc(v, (*n + 1) * sizeof(*v));
			v[(*n)++] = obj;
		}
		if (*n > 0)
			break;
	}
	return v;
}

/*
 * The page object a destination's object obj names: "N 0 obj" then
 * either a GoTo action "/D [P ..." or an array "[P ...".  -1 if none.
 */
static long
dest_page(const char *data, const char *end, long obj)
{
	char head[32];
	const char *at = data, *stop, *d;
	struct scan s;

	snprintf(head, sizeof(head), "%ld 0 obj", obj);
	while ((at = mem_find(at, end, head)) != NULL && at > data &&
	    !is_ws((unsigned char)at[-1]))
		at++;
	if (at == NULL)
		return -1;
	at += strlen(head);
	stop = mem_find(at, end, "endobj");
	s = (struct scan){at, stop ? stop : end};
	skip_ws(&s);
	if (s.p < s.end && *s.p == '[')
		d = s.p;
	else if ((d = mem_find(at, s.end, "/D")) != NULL) {
		s.p = d + 2;
		skip_ws(&s);
		if (s.p >= s.end || *s.p != '[')
			return -1;
		d = s.p;
	} else
		return -1;
	s.p = d + 1;
	return reference(&s);
}

/*
 * " id=page id=page ... " for the named destinations of the PDF in
 * data (len bytes), pages counted from 1; a name whose page is not
 * found is left out.  Returns a string the caller frees, or NULL when
 * none was found.
 */
char *
pdf_dest_pages(const char *data, size_t len)
{
	const char *end = data + len, *at = data;
	size_t npages;
	long *pages = page_objects(data, end, &npages);
	struct buf out = {0};

	while (npages > 0 && (at = mem_find(at, end, "/Names [")) != NULL) {
		struct scan s = {at + strlen("/Names ["), end};
		const char *stop = mem_find(at, end, "]");

		at = s.p;
		if (stop != NULL)
			s.end = stop;
		for (;;) {
			char name[256];
			long obj, page;

			if (literal(&s, name, sizeof(name)) != 0 ||
			    (obj = reference(&s)) < 0)
				break;
			if ((page = dest_page(data, end, obj)) < 0 ||
			    strpbrk(name, " =\t\n\r") != NULL || !*name)
				continue;
			for (size_t i = 0; i < npages; i++)
				if (pages[i] == page) {
					buf_printf(&out, "%s%s=%zu ",
					    out.len ? "" : " ", name, i + 1);
					break;
				}
		}
	}
	free(pages);
	return out.data;
}

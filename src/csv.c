/* SPDX-License-Identifier: ISC */
/*
 * csv.c - the staff list, as HR systems and Excel export it: UTF-8 with
 * or without a byte-order mark (or Windows-1252 when asked), ';' or ','
 * between fields, quoted fields with separators, quotes and line breaks
 * inside, CRLF or LF.  Header names in Swedish or English; other columns
 * are ignored with a note; a personnummer column is refused.  Every
 * problem names its line; when there is one, no person is returned, so
 * nothing is printed from a list with errors.
 */
#include <ctype.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlstring.h>

#include "styrdok.h"

enum column { COL_IGNORED, COL_NAME, COL_UNIT, COL_TITLE, COL_EMPLOYEE,
    COL_FIRST, COL_LAST, COL_MAX };

static const struct {
	const char *header;	/* lower case, spaces and '-' '_' '.' removed */
	enum column col;
} headers[] = {
	{"namn", COL_NAME}, {"name", COL_NAME}, {"fullständigtnamn", COL_NAME},
	{"fullname", COL_NAME},
	/* HR systems export the name in two columns; they are joined. */
	{"förnamn", COL_FIRST}, {"fornamn", COL_FIRST}, {"tilltalsnamn", COL_FIRST},
	{"firstname", COL_FIRST}, {"givenname", COL_FIRST},
	{"efternamn", COL_LAST}, {"lastname", COL_LAST}, {"surname", COL_LAST},
	{"familyname", COL_LAST},
	{"enhet", COL_UNIT}, {"unit", COL_UNIT}, {"avdelning", COL_UNIT},
	{"förvaltning", COL_UNIT}, {"forvaltning", COL_UNIT},
	{"organisationsenhet", COL_UNIT}, {"department", COL_UNIT},
	{"befattning", COL_TITLE}, {"title", COL_TITLE}, {"titel", COL_TITLE},
	{"jobtitle", COL_TITLE},
	{"anställningsnummer", COL_EMPLOYEE}, {"anstallningsnummer", COL_EMPLOYEE},
	{"anstnr", COL_EMPLOYEE}, {"anställningsnr", COL_EMPLOYEE},
	{"anstallningsnr", COL_EMPLOYEE}, {"personalnummer", COL_EMPLOYEE},
	{"personalnr", COL_EMPLOYEE}, {"employeeid", COL_EMPLOYEE},
	{"employeenumber", COL_EMPLOYEE},
};

/* Headers that mean a personal identity number. */
static const char *const personnummer[] = {"personnummer", "personnr",
    "pnr", "personalidentitynumber", "personalidentitynr", "ssn",
    "socialsecuritynumber", "samordningsnummer"};

/* "Anställnings-nummer " -> "anställningsnummer" (ASCII case only). */
static char *
header_key(const char *s)
{
	char *k = xmalloc(strlen(s) + 1), *o = k;

	for (; *s; s++)
		if (*s != ' ' && *s != '-' && *s != '_' && *s != '.' &&
		    *s != '\t')
			*o++ = (char)tolower((unsigned char)*s);
	*o = '\0';
	/* Upper-case Å Ä Ö (UTF-8 C3 85/84/96) to lower case. */
	for (o = k; o[0] && o[1]; o++)
		if ((unsigned char)o[0] == 0xC3 && ((unsigned char)o[1] == 0x85 ||
		    (unsigned char)o[1] == 0x84 || (unsigned char)o[1] == 0x96))
			o[1] = (char)((unsigned char)o[1] + 0x20);
	return k;
}

/* Line (from 1) of the first byte that is not valid UTF-8, or 0. */
static int
invalid_utf8_line(const char *s, size_t len)
{
	int line = 1;
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 :
		    (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;

		if (n == 0 || i + n > len || (n == 2 && c < 0xC2))
			return line;
		for (size_t k = 1; k < n; k++)
			if (((unsigned char)s[i + k] & 0xC0) != 0x80)
				return line;
		if (c == '\n')
			line++;
		i += n;
	}
	return 0;
}

static char *
cp1252_to_utf8(const char *s, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "CP1252");
	size_t cap = len * 3 + 1, inleft = len, outleft = cap - 1;
	char *out = xmalloc(cap), *in = (char *)s, *o = out;

	if (cd == (iconv_t)-1 ||
	    iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		if (cd != (iconv_t)-1)
			iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/* One record: its fields and the line it starts on. */
struct csv_row {
	char **field;
	size_t n;
	int line;
};

static void
row_free(struct csv_row *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->field[i]);
	free(r->field);
	r->field = NULL;
	r->n = 0;
}

/*
 * Reads the record at *pos (RFC 4180 with sep).  Returns 1 for a record,
 * 0 at the end, -1 for an unterminated quote.  *line counts lines.
 */
static int
next_row(const char *s, size_t len, size_t *pos, char sep, int *line,
    struct csv_row *r)
{
	struct buf f = {0};
	size_t i = *pos;
	int quoted = 0, started = 0;

	r->line = *line;
	if (i >= len)
		return 0;
	for (;;) {
		char c = i < len ? s[i] : '\0';

		if (quoted) {
			if (i >= len) {
				buf_free(&f);
				return -1;
			}
			if (c == '"' && i + 1 < len && s[i + 1] == '"') {
				buf_add(&f, "\"", 1);
				i += 2;
			} else if (c == '"') {
				quoted = 0;
				i++;
			} else {
				if (c == '\n')
					(*line)++;
				/* CRLF inside a field is a line break too. */
				if (!(c == '\r' && i + 1 < len && s[i + 1] == '\n'))
					buf_add(&f, &c, 1);
				i++;
			}
			continue;
		}
		if (c == '"' && !started) {
			quoted = started = 1;
			i++;
			continue;
		}
		if (c == sep || c == '\n' || c == '\r' || i >= len) {
			r->field = xrealloc(r->field, (r->n + 1) *
			    sizeof(*r->field));
			r->field[r->n++] = f.data ? f.data : xstrdup("");
			f.data = NULL;
			f.len = f.cap = 0;
			started = 0;
			if (c == sep) {
				i++;
				continue;
			}
			if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
				i++;
			if (i < len) {
				i++;
				(*line)++;
			}
			*pos = i;
			return 1;
		}
		started = 1;
		buf_add(&f, &c, 1);
		i++;
	}
}

/* Trims spaces around a field in place. */
static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}

void
staff_free(struct staff *st)
{
	for (size_t i = 0; i < st->n; i++) {
		free(st->v[i].name);
		free(st->v[i].unit);
		free(st->v[i].title);
		free(st->v[i].employee);
	}
	free(st->v);
	st->v = NULL;
	st->n = 0;
}

/*
 * Parses the staff list data (len bytes) named rel in diagnostics.
 * cp1252 converts from Windows-1252 first.  Returns 0 and fills out, or
 * -1 after error diagnostics (out is then empty).
 */
int
staff_parse(struct diags *d, const char *rel, const char *data, size_t len,
    int cp1252, struct staff *out)
{
	char *converted = NULL, sep;
	const char *s = data, *nul;
	size_t pos = 0, errors = diags_count(d, SEV_ERROR);
	enum column *cols = NULL;
	struct csv_row r = {0};
	int line = 1, found[COL_MAX] = {0}, rc;

	memset(out, 0, sizeof(*out));
	/* NUL ends every string downstream: a name would be cut short. */
	if ((nul = memchr(data, '\0', len)) != NULL) {
		const char *bol = data;

		for (const char *q = data; q < nul; q++)
			if (*q == '\n') {
				line++;
				bol = q + 1;
			}
		diag_add(d, rel, line, (int)utf8_columns(bol,
		    (size_t)(nul - bol)) + 1, SEV_ERROR,
		    RULE_STAFF_ENCODING, "a NUL byte: this is not a text file "
		    "(UTF-16 or a spreadsheet?); save it as \"CSV UTF-8\"");
		return -1;
	}
	if (cp1252) {
		if ((converted = cp1252_to_utf8(data, len, &len)) == NULL) {
			diag_add(d, rel, 1, 1, SEV_ERROR, RULE_STAFF_ENCODING,
			    "cannot convert from Windows-1252");
			return -1;
		}
		s = converted;
	} else if ((line = invalid_utf8_line(data, len)) != 0) {
		diag_add(d, rel, line, 1, SEV_ERROR, RULE_STAFF_ENCODING,
		    "not UTF-8 (probably Windows-1252, as Excel saves \"CSV "
		    "(semikolonavgränsad)\"): save it as \"CSV UTF-8\", or "
		    "give --encoding cp1252");
		return -1;
	}
	line = 1;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	/* Skip blank lines before the header. */
	while (pos < len && (s[pos] == '\n' || s[pos] == '\r')) {
		line += s[pos] == '\n';
		pos++;
	}
	if (pos >= len) {
		diag_add(d, rel, 1, 1, SEV_ERROR, RULE_STAFF_EMPTY,
		    "the staff list is empty");
		goto out;
	}
	/* The separator: whichever of ';' and ',' the header uses more. */
	{
		size_t semi = 0, comma = 0;
		int q = 0;

		for (size_t i = pos; i < len && (q || (s[i] != '\n' &&
		    s[i] != '\r')); i++) {
			if (s[i] == '"')
				q = !q;
			else if (!q)
				semi += s[i] == ';', comma += s[i] == ',';
		}
		sep = semi >= comma ? ';' : ',';
	}
	if (next_row(s, len, &pos, sep, &line, &r) != 1) {
		diag_add(d, rel, line, 1, SEV_ERROR, RULE_STAFF_CSV,
		    "the header line has an unterminated quote");
		goto out;
	}
	cols = xcalloc(r.n, sizeof(*cols));
	for (size_t c = 0; c < r.n; c++) {
		char *key = header_key(trim(r.field[c]));
		size_t h;

		for (size_t p = 0; p < sizeof(personnummer) /
		    sizeof(*personnummer); p++)
			if (strcmp(key, personnummer[p]) == 0)
				diag_add(d, rel, r.line, 1, SEV_ERROR,
				    RULE_STAFF_PERSONNUMMER, "column \"%s\" holds "
				    "personnummer: styrdok does not take them "
				    "(data minimisation); remove the column, the "
				    "employee number identifies the person",
				    r.field[c]);
		for (h = 0; h < sizeof(headers) / sizeof(*headers); h++)
			if (strcmp(key, headers[h].header) == 0)
				break;
		if (h < sizeof(headers) / sizeof(*headers)) {
			cols[c] = headers[h].col;
			found[headers[h].col]++;
		} else if (*key != '\0')
			diag_add(d, rel, r.line, 1, SEV_NOTE, RULE_STAFF_COLUMN,
			    "column \"%s\" is not used", trim(r.field[c]));
		free(key);
	}
	static const char *const need[] = {NULL, "namn (name, or förnamn "
	    "and efternamn)", "enhet (unit, avdelning, förvaltning)", NULL,
	    "anställningsnummer (anst.nr, personalnummer, employee-id)"};

	/* Förnamn and Efternamn together stand for one name column. */
	if (!found[COL_NAME] && found[COL_FIRST] && found[COL_LAST])
		found[COL_NAME] = 1;
	for (int c = COL_NAME; c <= COL_EMPLOYEE; c++)
		if (need[c] != NULL && !found[c])
			diag_add(d, rel, r.line, 1, SEV_ERROR, RULE_STAFF_COLUMN,
			    "no column %s", need[c]);
	size_t ncols = r.n;

	row_free(&r);
	if (diags_count(d, SEV_ERROR) > errors)
		goto out;
	while ((rc = next_row(s, len, &pos, sep, &line, &r)) == 1) {
		struct person p = {0};
		const char *first = NULL, *last = NULL;
		int empty = 1;

		for (size_t c = 0; c < r.n && c < ncols; c++) {
			char *v = trim(r.field[c]);

			empty &= *v == '\0';
			/* register.csv goes back into a spreadsheet. */
			if (cols[c] != COL_IGNORED && *v != '\0' &&
			    strchr("=+-@", *v) != NULL)
				diag_add(d, rel, r.line, 1, SEV_ERROR,
				    RULE_STAFF_ROW, "line %d: \"%.40s\" starts "
				    "with %c, which a spreadsheet runs as a "
				    "formula", r.line, v, *v);
			if (cols[c] == COL_NAME && !p.name)
				p.name = xstrdup(v);
			else if (cols[c] == COL_UNIT && !p.unit)
				p.unit = xstrdup(v);
			else if (cols[c] == COL_TITLE && !p.title)
				p.title = xstrdup(v);
			else if (cols[c] == COL_EMPLOYEE && !p.employee)
				p.employee = xstrdup(v);
			else if (cols[c] == COL_FIRST && !first)
				first = v;
			else if (cols[c] == COL_LAST && !last)
				last = v;
		}
		if (!p.name && (first != NULL || last != NULL))
			p.name = xasprintf("%s%s%s", first ? first : "",
			    first && *first && last && *last ? " " : "",
			    last ? last : "");
		/* A field too many or too few: the columns have shifted. */
		for (size_t c = ncols; c < r.n && !empty; c++)
			if (*trim(r.field[c]) != '\0') {
				diag_add(d, rel, r.line, 1, SEV_ERROR,
				    RULE_STAFF_CSV, "line %d has %zu fields; the "
				    "header has %zu", r.line, r.n, ncols);
				break;
			}
		if (r.n < ncols && !empty)
			diag_add(d, rel, r.line, 1, SEV_ERROR, RULE_STAFF_CSV,
			    "line %d has %zu fields; the header has %zu",
			    r.line, r.n, ncols);
		p.line = r.line;
		row_free(&r);
		if (empty) {
			free(p.name), free(p.unit), free(p.title);
			free(p.employee);
			continue;
		}
		if (!p.name || !*p.name || !p.unit || !*p.unit || !p.employee ||
		    !*p.employee)
			diag_add(d, rel, p.line, 1, SEV_ERROR, RULE_STAFF_ROW,
			    "line %d lacks %s", p.line, !p.name || !*p.name ?
			    "a name" : !p.unit || !*p.unit ? "a unit" :
			    "an employee number");
		for (size_t k = 0; k < out->n && p.employee && *p.employee; k++)
			if (strcmp(out->v[k].employee, p.employee) == 0) {
				diag_add(d, rel, p.line, 1, SEV_ERROR,
				    RULE_STAFF_ROW, "employee number %s is also "
				    "on line %d", p.employee, out->v[k].line);
				break;
			}
		if (!p.title)
			p.title = xstrdup("");
		if (!p.name)
			p.name = xstrdup("");
		if (!p.unit)
			p.unit = xstrdup("");
		if (!p.employee)
			p.employee = xstrdup("");
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = p;
	}
	if (rc < 0)
		diag_add(d, rel, r.line, 1, SEV_ERROR, RULE_STAFF_CSV,
		    "a quoted field that starts on line %d never ends", r.line);
	else if (out->n == 0 && diags_count(d, SEV_ERROR) == errors)
		diag_add(d, rel, line, 1, SEV_ERROR, RULE_STAFF_EMPTY,
		    "the staff list has a header but nobody in it");
out:
	row_free(&r);
	free(cols);
	free(converted);
	if (diags_count(d, SEV_ERROR) > errors) {
		staff_free(out);
		return -1;
	}
	return 0;
}

/*
 * Reads any CSV file as Excel saves it (the encoding, separator and
 * quoting rules of the staff list), for the register.csv that signed
 * reads back: calls row(arg, line, fields, n) for the header and then
 * for each record that is not empty, with the fields trimmed.  Problems
 * with the file itself are errors under rule, named rel.  Returns 0, or
 * -1 after a diagnostic (or when row returned non-zero).
 */
int
csv_read(struct diags *d, const char *rel, const char *data, size_t len,
    int cp1252, enum rule rule,
    int (*row)(void *, int line, char **fields, size_t n), void *arg)
{
	char *converted = NULL, sep;
	const char *s = data;
	size_t pos = 0;
	struct csv_row r = {0};
	int line, rc = -1, got;

	if (memchr(data, '\0', len) != NULL) {
		diag_add(d, rel, 1, 1, SEV_ERROR, rule, "a NUL byte: this is "
		    "not a text file (a spreadsheet?); save it as \"CSV UTF-8\"");
		return -1;
	}
	if (cp1252) {
		if ((converted = cp1252_to_utf8(data, len, &len)) == NULL) {
			diag_add(d, rel, 1, 1, SEV_ERROR, rule,
			    "cannot convert from Windows-1252");
			return -1;
		}
		s = converted;
	} else if ((line = invalid_utf8_line(data, len)) != 0) {
		diag_add(d, rel, line, 1, SEV_ERROR, rule, "not UTF-8 "
		    "(probably Windows-1252, as Excel saves \"CSV "
		    "(semikolonavgränsad)\"): save it as \"CSV UTF-8\", or "
		    "give --encoding cp1252");
		return -1;
	}
	line = 1;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	while (pos < len && (s[pos] == '\n' || s[pos] == '\r')) {
		line += s[pos] == '\n';
		pos++;
	}
	if (pos >= len) {
		diag_add(d, rel, 1, 1, SEV_ERROR, rule, "the file is empty");
		goto out;
	}
	{
		size_t semi = 0, comma = 0;
		int q = 0;

		for (size_t i = pos; i < len && (q || (s[i] != '\n' &&
		    s[i] != '\r')); i++) {
			if (s[i] == '"')
				q = !q;
			else if (!q)
				semi += s[i] == ';', comma += s[i] == ',';
		}
		sep = semi >= comma ? ';' : ',';
	}
	while ((got = next_row(s, len, &pos, sep, &line, &r)) == 1) {
		int empty = 1;

		for (size_t c = 0; c < r.n; c++) {
			char *t = trim(r.field[c]);

			memmove(r.field[c], t, strlen(t) + 1);
			empty &= *r.field[c] == '\0';
		}
		if (!empty && row(arg, r.line, r.field, r.n) != 0) {
			row_free(&r);
			goto out;
		}
		row_free(&r);
	}
	if (got < 0) {
		diag_add(d, rel, r.line, 1, SEV_ERROR, rule, "a quoted field "
		    "that starts on line %d never ends", r.line);
		goto out;
	}
	rc = 0;
out:
	row_free(&r);
	free(converted);
	return rc;
}

/* A header cell as compared: lower case, no spaces, '-', '_' or '.'. */
char *
csv_header_key(const char *s)
{
	return header_key(s);
}

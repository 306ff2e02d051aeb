/* SPDX-License-Identifier: ISC */
/*
 * cmd_signed.c - signed: records returned acknowledgement sheets in the
 * document's signature register (<signatures doc=ID>).  The sheets come
 * as the codes printed on them (STYRDOK1:..., see qr.c), typed by a USB
 * scanner as lines on standard input or given as arguments, as employee
 * numbers for the version in force, or as the register.csv that sign
 * wrote, with its date column filled in.
 *
 * Every entry is checked before anything is written: the document, the
 * version (it exists, is not older than the version in force, and is
 * adopted unless the sheet said UTKAST), the hash (that version's), the
 * person (on the register's staff list) and that the sheet is not
 * recorded already.  The new <signed> elements are then put before the
 * register's end tag, so every byte already in the file stays as it was
 * and every line keeps its number; the new file is checked through the
 * whole pipeline and renamed into place in one step.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxml/tree.h>

#include "cmd.h"

/* One returned sheet, as read. */
struct entry {
	const char *where;	/* file named in diagnostics; NULL: argument */
	int line;		/* line in where, or the argument's number */
	char *employee, *version, *hash, *date;
	int draft;		/* the sheet said UTKAST */
	int ok;			/* passed every check and is to be recorded */
};

/* A run of signed: the project, the register and what is read. */
struct run {
	struct project *p;
	struct diags *d;
	const char *id;
	xmlNodePtr doc, reg;
	char *in_force;		/* the version in force, or NULL */
	xmlHashTablePtr staff;	/* employee -> <member> of the staff list */
	xmlHashTablePtr folded;	/* the same, the employee in lower case */
	xmlHashTablePtr recorded; /* "employee version" -> <signed> */
	xmlHashTablePtr batch;	/* "employee version" -> its entry */
	xmlHashTablePtr hashes;	/* version -> short hash, "" if unknown */
	struct entry *v;
	size_t n, cap;
	size_t bad, skipped;
	const char *date;	/* the date of codes and employee numbers */
	const char *today;
	/* --from: where the needed columns are (-1: absent). */
	const char *from;
	int col_emp, col_ver, col_hash, col_date;
};

static void
problem(struct run *r, const struct entry *e, enum severity sev,
    enum rule rule, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/*
 * A problem with entry e, at its line or naming its argument; fmt is
 * English, translated as diag_add does.
 */
static void
problem(struct run *r, const struct entry *e, enum severity sev,
    enum rule rule, const char *fmt, ...)
{
	const char *local = gettext(fmt);
	va_list ap, again;
	char *msg, *text = NULL, *line;

	va_start(ap, fmt);
	va_copy(again, ap);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	if (local != fmt && vasprintf(&text, local, again) < 0)
		text = NULL;
	va_end(again);
	va_end(ap);
	if (e->where != NULL) {
		diag_add(r->d, e->where, e->line, 1, sev, rule, "%s",
		    msg ? msg : fmt);
		diags_set_text(r->d, diags_len(r->d) - 1, text);
	} else {
		diag_add(r->d, NULL, 0, 0, sev, rule, "signed: argument %d: %s",
		    e->line, msg ? msg : fmt);
		if (text != NULL) {
			line = xasprintf(_("signed: argument %d: %s"), e->line,
			    text);
			diags_set_text(r->d, diags_len(r->d) - 1, line);
			free(line);
		}
	}
	if (sev == SEV_ERROR)
		r->bad++;
	free(text);
	free(msg);
}

/*
 * Text from the input as shown in a message: at most 60 bytes, cut
 * between characters, with "…" when cut.  Returns a string to free.
 */
static char *
clip(const char *s)
{
	size_t n = strlen(s);

	if (n <= 60)
		return xstrdup(s);
	n = 60;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return xasprintf("%.*s…", (int)n, s);
}

/* The short hash of the document's version v, "" when not known. */
static const char *
version_hash(struct run *r, const char *v)
{
	char *h = xmlHashLookup(r->hashes, BAD_CAST v);

	if (h == NULL) {
		if ((h = signatures_hash(r->doc, r->id, v)) == NULL)
			h = xstrdup("");
		xmlHashAddEntry(r->hashes, BAD_CAST v, h);
	}
	return h;
}

/* The revision of version v in the document's history, or NULL. */
static xmlNodePtr
revision(struct run *r, const char *v)
{
	xmlNodePtr hist = tree_child(r->doc, "history");

	for (xmlNodePtr x = hist ? hist->children : NULL; x; x = x->next) {
		xmlChar *xv = xmlGetProp(x, BAD_CAST "version");
		int match = tree_is(x, "revision") && xmlStrEqual(xv,
		    BAD_CAST v);

		xmlFree(xv);
		if (match)
			return x;
	}
	return NULL;
}

static int
adopted(xmlNodePtr rev)
{
	return rev != NULL && xmlHasProp(rev, BAD_CAST "organ") &&
	    xmlHasProp(rev, BAD_CAST "date");
}

/* The version whose short hash is h, or NULL. */
static char *
version_of_hash(struct run *r, const char *h)
{
	xmlNodePtr hist = tree_child(r->doc, "history");

	for (xmlNodePtr x = hist ? hist->children : NULL; x; x = x->next) {
		char *v;

		if (!tree_is(x, "revision"))
			continue;
		v = (char *)xmlGetProp(x, BAD_CAST "version");
		if (v != NULL && strcmp(version_hash(r, v), h) == 0)
			return v;
		free(v);
	}
	return NULL;
}

/* s in lower case (ASCII letters), as a new string. */
static char *
lower(const char *s)
{
	char *l = xstrdup(s);

	for (char *c = l; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return l;
}

static char *
pair_key(const char *employee, const char *version)
{
	return xasprintf("%s\t%s", employee, version);
}

/*
 * Whether <signed> s in the register still records its version: a
 * draft's signature stops doing so once the draft's text has changed,
 * and the person may then sign the version again.
 */
static int
still_recorded(struct run *r, xmlNodePtr s)
{
	char *v, *h;
	int yes;

	if (!xmlHasProp(s, BAD_CAST "draft"))
		return 1;
	v = (char *)xmlGetProp(s, BAD_CAST "version");
	h = (char *)xmlGetProp(s, BAD_CAST "hash");
	yes = v != NULL && h != NULL && strcmp(version_hash(r, v), h) == 0;
	free(v);
	free(h);
	return yes;
}

/*
 * Checks entry e against the document, the staff list, the register and
 * the entries before it; sets e->ok when it is to be recorded.
 */
static void
check_entry(struct run *r, struct entry *e)
{
	xmlNodePtr rev = revision(r, e->version), s, m;
	const char *known = version_hash(r, e->version);
	char *key, *other;
	struct entry *first;

	if (rev == NULL) {
		problem(r, e, SEV_ERROR, RULE_SIGNED_VERSION, "%s has no "
		    "version %s", r->id, e->version);
		return;
	}
	if (r->in_force != NULL && version_compare(e->version,
	    r->in_force) < 0) {
		problem(r, e, SEV_ERROR, RULE_SIGNED_VERSION, "the sheet is "
		    "for version %s, an older version: %s is in force, and "
		    "the person must sign it (styrdok sign %s --missing "
		    "prints the sheets)", e->version, r->in_force, r->id);
		return;
	}
	if (e->draft && adopted(rev)) {
		problem(r, e, SEV_ERROR, RULE_SIGNED_VERSION, "the sheet is "
		    "a draft of version %s (UTKAST), which has been adopted "
		    "since: the person signed the draft, not the adopted "
		    "text, and must sign a new sheet", e->version);
		return;
	}
	if (!e->draft && !adopted(rev)) {
		problem(r, e, SEV_ERROR, RULE_SIGNED_VERSION, "version %s of "
		    "%s is not adopted, but the sheet does not say UTKAST",
		    e->version, r->id);
		return;
	}
	if (e->hash != NULL && strcmp(e->hash, known) != 0) {
		if ((other = version_of_hash(r, e->hash)) != NULL)
			problem(r, e, SEV_ERROR, RULE_SIGNED_HASH, "the sheet's "
			    "hash %s is that of %s version %s, not of version "
			    "%s: the sheet is not what it says", e->hash,
			    r->id, other, e->version);
		else if (*known != '\0')
			problem(r, e, SEV_ERROR, RULE_SIGNED_HASH, "the sheet's "
			    "hash %s matches no version of %s (version %s's is "
			    "%s): it was printed from another text", e->hash,
			    r->id, e->version, known);
		else
			problem(r, e, SEV_ERROR, RULE_SIGNED_HASH, "the sheet's "
			    "hash %s matches no version of %s (the text of "
			    "version %s is not archived)", e->hash, r->id,
			    e->version);
		free(other);
		return;
	}
	/* A row without a hash records the one of the version it names. */
	if (e->hash == NULL && *known != '\0')
		e->hash = xstrdup(known);
	/* A scanner with caps lock on turns the case of letters. */
	if ((m = xmlHashLookup(r->staff, BAD_CAST e->employee)) == NULL) {
		char *low = lower(e->employee);

		if ((m = xmlHashLookup(r->folded, BAD_CAST low)) != NULL) {
			free(e->employee);
			e->employee = (char *)xmlGetProp(m, BAD_CAST "employee");
		}
		free(low);
	}
	if (m == NULL) {
		char *list = (char *)xmlGetProp(r->reg, BAD_CAST "staff");

		char *t = clip(e->employee);

		problem(r, e, SEV_ERROR, RULE_SIGNED_STAFF, "employee number "
		    "%s is not on the register's staff list (%s): mistyped?",
		    t, list);
		free(list);
		free(t);
		return;
	}
	key = pair_key(e->employee, e->version);
	if ((s = xmlHashLookup(r->recorded, BAD_CAST key)) != NULL) {
		char *date = (char *)xmlGetProp(s, BAD_CAST "date");
		char *name = (char *)xmlGetProp(m, BAD_CAST "name");

		problem(r, e, SEV_ERROR, RULE_SIGNED_DUPLICATE, "%s (%s) has "
		    "already signed version %s: recorded on line %ld of the "
		    "register, dated %s", e->employee, name, e->version,
		    xmlGetLineNo(s), date);
		free(date);
		free(name);
	} else if ((first = xmlHashLookup(r->batch, BAD_CAST key)) != NULL)
		problem(r, e, SEV_WARNING, RULE_SIGNED_TWICE, "the same sheet "
		    "as %s %d (scanned twice?): recorded once",
		    first->where ? "on line" : "argument", first->line);
	else {
		xmlHashAddEntry(r->batch, BAD_CAST key, e);
		e->ok = 1;
	}
	free(key);
}

static struct entry *
new_entry(struct run *r, const char *where, int line)
{
	struct entry *e;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xrealloc(r->v, r->cap * sizeof(*r->v));
	}
	e = &r->v[r->n++];
	memset(e, 0, sizeof(*e));
	e->where = where;
	e->line = line;
	return e;
}

/*
 * One scanned or typed line: a sheet's code, or an employee number for
 * the version in force.  Returns 0, or -1 after a diagnostic.
 */
static int
read_line(struct run *r, const char *where, int line, const char *text)
{
	struct entry probe = {where, line, NULL, NULL, NULL, NULL, 0, 0};
	struct sheet_code c;
	struct entry *e;

	char *t = clip(text);

	switch (qr_parse(text, &c)) {
	case QR_LAYOUT:
		problem(r, &probe, SEV_ERROR, RULE_SIGNED_CODE, "\"%s\": %s "
		    "is followed by another character than ':': the scanner "
		    "types with another keyboard layout than the computer's; "
		    "set it to the computer's (Swedish) layout", t, QR_PREFIX);
		free(t);
		return -1;
	case QR_FORMAT:
		problem(r, &probe, SEV_ERROR, RULE_SIGNED_CODE, "\"%s\" is "
		    "not a code styrdok prints (%s:DOCUMENT:VERSION:HASH:"
		    "EMPLOYEE)", t, QR_PREFIX);
		free(t);
		return -1;
	case QR_NOT_CODE:
		if (r->in_force == NULL) {
			problem(r, &probe, SEV_ERROR, RULE_SIGNED_VERSION,
			    "employee number %s: no version of %s is in force, "
			    "so scan the code on the sheet instead", t, r->id);
			free(t);
			return -1;
		}
		free(t);
		e = new_entry(r, where, line);
		e->employee = xstrdup(text);
		e->version = xstrdup(r->in_force);
		e->date = xstrdup(r->date);
		return 0;
	case QR_OK:
		break;
	}
	free(t);
	if (strcmp(c.id, r->id) != 0) {
		problem(r, &probe, SEV_ERROR, RULE_SIGNED_DOCUMENT, "the sheet "
		    "is for %s%s, not %s: record it with styrdok signed %s",
		    c.id, tree_find(r->p, "document", c.id) ? "" :
		    " (no document of this project)", r->id, c.id);
		sheet_code_free(&c);
		return -1;
	}
	e = new_entry(r, where, line);
	e->employee = c.employee;
	e->version = c.version;
	e->hash = c.hash;
	e->draft = c.draft;
	e->date = xstrdup(r->date);
	free(c.id);
	return 0;
}

/*
 * The lines of data (standard input): spaces and the line ends a
 * scanner sends (CR, LF, CRLF) around each are dropped, empty lines
 * skipped.
 */
static void
read_lines(struct run *r, const char *where, char *data, size_t len)
{
	int line = 0;
	char *s = data, *end = data + len;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s)), *e, *b = s;

		e = nl ? nl : end;
		line++;
		s = nl ? nl + 1 : end;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		while (b < e && isspace((unsigned char)*b))
			b++;
		if (b == e)
			continue;
		*e = '\0';
		read_line(r, where, line, b);
	}
}

/* A CSV date: YYYY-MM-DD, perhaps with the time Excel adds. */
static char *
csv_date(const char *s)
{
	if (strlen(s) > 10 && s[10] == ' ' &&
	    strspn(s + 11, "0123456789:") == strlen(s + 11))
		return strndup(s, 10);
	return xstrdup(s);
}

/* One row of register.csv (csv_read's callback); line 1 the header. */
static int
csv_row(void *arg, int line, char **f, size_t n)
{
	struct run *r = arg;
	struct entry probe = {r->from, line, NULL, NULL, NULL, NULL, 0, 0};
	struct entry *e;

	if (r->col_emp == -2) {
		r->col_emp = r->col_ver = r->col_hash = r->col_date = -1;
		for (size_t c = 0; c < n; c++) {
			char *k = csv_header_key(f[c]);

			if (strcmp(k, "anställningsnummer") == 0 ||
			    strcmp(k, "anstallningsnummer") == 0 ||
			    strcmp(k, "employeeid") == 0 ||
			    strcmp(k, "employeenumber") == 0)
				r->col_emp = (int)c;
			else if (strcmp(k, "version") == 0)
				r->col_ver = (int)c;
			else if (strcmp(k, "kontrollsumma") == 0 ||
			    strcmp(k, "hash") == 0)
				r->col_hash = (int)c;
			else if (strcmp(k, "underskrivendatum") == 0 ||
			    strcmp(k, "datum") == 0 || strcmp(k, "date") == 0)
				r->col_date = (int)c;
			free(k);
		}
		if (r->col_emp < 0 || r->col_ver < 0 || r->col_date < 0) {
			problem(r, &probe, SEV_ERROR, RULE_SIGNED_CSV, "no "
			    "column %s: the file should be the register.csv "
			    "that styrdok sign wrote", r->col_emp < 0 ?
			    "Anställningsnummer" : r->col_ver < 0 ? "Version" :
			    "Underskriven datum");
			return -1;
		}
		return 0;
	}
#define FIELD(col) ((col) >= 0 && (size_t)(col) < n ? f[col] : "")
	if (*FIELD(r->col_date) == '\0') {
		r->skipped++;	/* not returned yet */
		return 0;
	}
	if (*FIELD(r->col_emp) == '\0' || *FIELD(r->col_ver) == '\0') {
		problem(r, &probe, SEV_ERROR, RULE_SIGNED_CSV, "line %d has a "
		    "date but no %s", line, *FIELD(r->col_emp) == '\0' ?
		    "employee number" : "version");
		return 0;
	}
	char *date = csv_date(FIELD(r->col_date));

	if (!iso_date_valid(date)) {
		char *t = clip(FIELD(r->col_date));

		problem(r, &probe, SEV_ERROR, RULE_SIGNED_DATE, "\"%s\" is "
		    "not a date as YYYY-MM-DD", t);
		free(t);
		free(date);
		return 0;
	}
	if (strcmp(date, r->today) > 0) {
		problem(r, &probe, SEV_ERROR, RULE_SIGNED_DATE, "%s is after "
		    "today (%s)", date, r->today);
		free(date);
		return 0;
	}
	const char *h = FIELD(r->col_hash);
	xmlNodePtr rev = revision(r, FIELD(r->col_ver));

	if (*h != '\0' && (strlen(h) != 12 ||
	    strspn(h, "0123456789abcdefABCDEF") != 12)) {
		char *t = clip(h);

		problem(r, &probe, SEV_ERROR, RULE_SIGNED_HASH, "\"%s\" is "
		    "not a short hash (12 hexadecimal digits)", t);
		free(t);
		free(date);
		return 0;
	}
	e = new_entry(r, r->from, line);
	e->employee = xstrdup(FIELD(r->col_emp));
	e->version = xstrdup(FIELD(r->col_ver));
	e->hash = *h != '\0' ? xstrdup(h) : NULL;
	for (char *q = e->hash; q && *q; q++)
		*q = (char)tolower((unsigned char)*q);
	/* The file says no more: a version not adopted was a draft. */
	e->draft = rev != NULL && !adopted(rev);
	e->date = date;
#undef FIELD
	return 0;
}

/* Appends s to b with the characters an attribute value must escape. */
static void
attr_escape(struct buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\t': buf_adds(b, "&#9;"); break;
		case '\n': buf_adds(b, "&#10;"); break;
		case '\r': buf_adds(b, "&#13;"); break;
		default: buf_add(b, s, 1);
		}
}

/*
 * Finds the register's end tag, </qname>, in s: the last tag of the
 * file, after which only spaces, comments and processing instructions
 * may follow.  Returns its offset, or (size_t)-1.  *empty is set when
 * the root is written <qname .../>; the offset is then that of "/>".
 */
static size_t
end_tag(const char *s, size_t len, const char *qname, int *empty)
{
	size_t i = len, j, q = strlen(qname);

	*empty = 0;
	for (;;) {
		while (i > 0 && isspace((unsigned char)s[i - 1]))
			i--;
		if (i >= 3 && memcmp(s + i - 3, "-->", 3) == 0) {
			const char *c = memmem(s, i, "<!--", 4), *last = NULL;

			while (c != NULL && (size_t)(c - s) + 4 <= i - 3) {
				last = c;
				c = memmem(c + 1, i - (size_t)(c + 1 - s), "<!--", 4);
			}
			if (last == NULL)
				return (size_t)-1;
			i = (size_t)(last - s);
		} else if (i >= 2 && memcmp(s + i - 2, "?>", 2) == 0) {
			for (j = i - 2; j > 0 && !(s[j - 1] == '<' &&
			    s[j] == '?'); j--)
				;
			if (j == 0)
				return (size_t)-1;
			i = j - 1;
		} else
			break;
	}
	if (i == 0 || s[i - 1] != '>')
		return (size_t)-1;
	for (j = i - 1; j > 0 && s[j - 1] != '<'; j--)
		;
	if (j == 0)
		return (size_t)-1;
	j--;	/* s[j] is '<' */
	if (s[j + 1] == '/') {
		size_t k = j + 2 + q;

		if (k <= len && memcmp(s + j + 2, qname, q) == 0) {
			while (k < i - 1 && isspace((unsigned char)s[k]))
				k++;
			if (k == i - 1)
				return j;
		}
		return (size_t)-1;
	}
	if (i >= 2 && s[i - 2] == '/' && j + 1 + q <= len &&
	    memcmp(s + j + 1, qname, q) == 0 &&
	    (isspace((unsigned char)s[j + 1 + q]) || s[j + 1 + q] == '/')) {
		*empty = 1;
		return i - 2;
	}
	return (size_t)-1;
}

/* Whether the XML declaration of s names an encoding other than UTF-8. */
static int
not_utf8(const char *s, size_t len)
{
	const char *end, *enc;

	if (len >= 2 && ((unsigned char)s[0] == 0xFF ||
	    (unsigned char)s[0] == 0xFE))
		return 1;
	if (len < 5 || memcmp(s, "<?xml", 5) != 0 ||
	    (end = memmem(s, len, "?>", 2)) == NULL)
		return 0;
	if ((enc = memmem(s, (size_t)(end - s), "encoding", 8)) == NULL)
		return 0;
	enc += 8;
	while (enc < end && (*enc == ' ' || *enc == '=' || *enc == '"' ||
	    *enc == '\''))
		enc++;
	return strncasecmp(enc, "utf-8", 5) != 0 &&
	    strncasecmp(enc, "utf8", 4) != 0;
}

/*
 * The register's bytes with the recorded entries added before its end
 * tag, each on a line of its own indented as the entries before it.
 * Returns 0 with the result in out, or -1 after a diagnostic.
 */
static int
compose(struct run *r, const char *rel, const char *s, size_t len,
    struct buf *out)
{
	const char *prefix = r->reg->ns && r->reg->ns->prefix ?
	    (const char *)r->reg->ns->prefix : NULL;
	char *root = prefix ? xasprintf("%s:%s", prefix, "signatures") :
	    xstrdup("signatures");
	const char *nl = memmem(s, len, "\r\n", 2) ? "\r\n" : "\n";
	size_t at, k, b;
	int empty, ascii = 1;
	struct buf add = {0}, indent = {0};

	if ((at = end_tag(s, len, root, &empty)) == (size_t)-1) {
		diag_add(r->d, rel, 0, 0, SEV_ERROR, RULE_REFUSED, "signed: the "
		    "end of the register (</%s>) was not found at the end of "
		    "the file; nothing was written", root);
		free(root);
		return -1;
	}
	/* After the last entry: keep the spaces before the end tag there. */
	k = at;
	while (!empty && k > 0 && isspace((unsigned char)s[k - 1]))
		k--;
	/* The indentation of the line k is on; one step more without entries. */
	for (b = k; b > 0 && s[b - 1] != '\n'; b--)
		;
	while (b < k && (s[b] == ' ' || s[b] == '\t'))
		buf_add(&indent, s + b++, 1);
	if (tree_child(r->reg, "signed") == NULL)
		buf_adds(&indent, "  ");
	for (size_t i = 0; i < r->n; i++) {
		const struct entry *e = &r->v[i];

		if (!e->ok)
			continue;
		buf_printf(&add, "%s%s<%s%ssigned employee=\"", nl,
		    indent.data ? indent.data : "", prefix ? prefix : "",
		    prefix ? ":" : "");
		attr_escape(&add, e->employee);
		buf_printf(&add, "\" version=\"%s\"", e->version);
		if (e->hash != NULL)
			buf_printf(&add, " hash=\"%s\"", e->hash);
		buf_printf(&add, " date=\"%s\"%s/>", e->date, e->draft ?
		    " draft=\"yes\"" : "");
	}
	for (size_t i = 0; i < add.len; i++)
		ascii &= (unsigned char)add.data[i] < 0x80;
	if (!ascii && not_utf8(s, len)) {
		diag_add(r->d, rel, 1, 1, SEV_ERROR, RULE_REFUSED, "signed: the "
		    "register is not UTF-8, and the new entries are; save it "
		    "as UTF-8 first; nothing was written");
		buf_free(&add);
		buf_free(&indent);
		free(root);
		return -1;
	}
	if (empty) {
		buf_add(out, s, at);
		buf_adds(out, ">");
		buf_add(out, add.data, add.len);
		buf_printf(out, "%s</%s>", nl, root);
		buf_add(out, s + at + 2, len - at - 2);
	} else {
		buf_add(out, s, k);
		buf_add(out, add.data, add.len);
		buf_add(out, s + k, len - k);
	}
	buf_free(&add);
	buf_free(&indent);
	free(root);
	return 0;
}

/*
 * Runs the whole pipeline over the project with the register rel
 * replaced by data: the register must stay valid and every signature in
 * it check out.  Returns the checked project (the caller frees it), or
 * NULL after diagnostics.
 */
static struct project *
verify(struct run *r, const char *rel, const char *data, size_t len)
{
	struct project *q = pipeline_new(r->p->templates, NULL);

	if (q == NULL)
		return NULL;
	project_override(q, rel, data, len);
	if (pipeline_run(q, 1) != 0 || diags_count(q->diags, SEV_ERROR) > 0) {
		diags_keep_errors(q->diags);
		diags_move(r->d, q->diags);
		diag_add(r->d, rel, 0, 0, SEV_ERROR, RULE_REFUSED, "signed: the "
		    "register would have errors; nothing was written");
		pipeline_free(q);
		return NULL;
	}
	return q;
}

/* The <acknowledgements> the pipeline made for document id, or NULL. */
static xmlNodePtr
acknowledgements(struct project *q, const char *id)
{
	for (xmlNodePtr a = xmlDocGetRootElement(q->tree)->children; a;
	    a = a->next) {
		xmlChar *doc = xmlGetProp(a, BAD_CAST "doc");
		int match = tree_is(a, "acknowledgements") &&
		    xmlStrEqual(doc, BAD_CAST id);

		xmlFree(doc);
		if (match)
			return a;
	}
	return NULL;
}

/*
 * Adds the checked entries to the register rel, atomically, and says
 * what was recorded.  The register is read, extended, verified and
 * committed here and nowhere else, under the project's writer lock
 * (main.c takes it for signed).  Returns an exit status.
 */
static int
record(struct run *r, const char *rel, size_t count)
{
	size_t len = 0;
	char *old = file_read(rel, &len), *slash, *dir;
	struct buf data = {0};
	struct project *q = NULL;
	struct outdir *od = NULL;
	xmlNodePtr ack;
	int code = EXIT_INPUT;

	if (old == NULL) {
		diag_add(r->d, rel, 0, 0, SEV_ERROR, RULE_IO, "cannot read the "
		    "register");
		return EXIT_SYSTEM;
	}
	if (compose(r, rel, old, len, &data) != 0 ||
	    (q = verify(r, rel, data.data, data.len)) == NULL)
		goto out;
	dir = xstrdup(rel);
	slash = strrchr(dir, '/');
	*slash = '\0';
	code = EXIT_SYSTEM;
	if ((od = outdir_new(r->d, dir)) != NULL &&
	    outdir_write(od, slash + 1, data.data, data.len) == 0 &&
	    write_commit(r->d) == 0)
		code = EXIT_OK;
	free(dir);
	if (code != EXIT_OK)
		goto out;
	for (size_t i = 0; i < r->n; i++) {
		const struct entry *e = &r->v[i];
		xmlNodePtr m;
		char *name;

		if (!e->ok)
			continue;
		m = xmlHashLookup(r->staff, BAD_CAST e->employee);
		name = (char *)xmlGetProp(m, BAD_CAST "name");
		printf("%s\t%s\t%s%s\t%s\n", e->employee, name, e->version,
		    e->draft ? " (utkast)" : "", e->date);
		free(name);
	}
	diag_say_n(r->d, count, "signed: recorded %zu sheet in %s",
	    "signed: recorded %zu sheets in %s", count, rel);
	if ((ack = acknowledgements(q, r->id)) != NULL) {
		char *in_force = (char *)xmlGetProp(ack, BAD_CAST "in-force");
		char *now = (char *)xmlGetProp(ack, BAD_CAST "signed");
		char *staff = (char *)xmlGetProp(ack, BAD_CAST "staff");

		if (in_force != NULL)
			diag_say(r->d, "signed: %s of %s on the staff list have "
			    "now signed version %s of %s, the version in force",
			    now, staff, in_force, r->id);
		else
			diag_say(r->d, "signed: no version of %s is in force "
			    "yet, so none of the %s on the staff list has "
			    "signed it", r->id, staff);
		free(in_force);
		free(now);
		free(staff);
	}
out:
	outdir_free(od);
	pipeline_free(q);
	buf_free(&data);
	free(old);
	return code;
}

/* The one signature register of document id.  NULL after a diagnostic. */
static xmlNodePtr
find_register(struct run *r)
{
	xmlNodePtr found = NULL;
	size_t n = 0;

	for (xmlNodePtr s = xmlDocGetRootElement(r->p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr root = xmlFirstElementChild(s);
		xmlChar *doc;

		if (!tree_is(s, "source") || !tree_is(root, "signatures"))
			continue;
		doc = xmlGetProp(root, BAD_CAST "doc");
		if (xmlStrEqual(doc, BAD_CAST r->id)) {
			found = root;
			n++;
		}
		xmlFree(doc);
	}
	if (n == 1)
		return found;
	if (n == 0)
		diag_add(r->d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "signed: %s "
		    "has no signature register: add a file under policies/ "
		    "holding <signatures xmlns=\"urn:styrdok:1\" id=\"...\" "
		    "doc=\"%s\" staff=\"STAFF.csv\"/>", r->id, r->id);
	else
		diag_add(r->d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "signed: %s "
		    "has %zu signature registers; keep its signatures in one",
		    r->id, n);
	return NULL;
}

static void
free_hash(void *payload, const xmlChar *name)
{
	(void)name;
	free(payload);
}

/* Reads the whole of standard input (bounded).  NULL on failure. */
static char *
read_stdin(size_t *len)
{
	struct buf b = {0};
	char chunk[65536];
	ssize_t n;

	while ((n = read(STDIN_FILENO, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, chunk, (size_t)n);
		if (b.len > LIMIT_FILE_BYTES) {
			buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
	}
	*len = b.len;
	return b.data ? b.data : xstrdup("");
}

/* Reads the sheets from the arguments, --from or standard input. */
static int
read_input(struct run *r, struct options *o, int argc, char **argv,
    int cp1252)
{
	size_t len = 0;
	char *data;

	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			char *t = xstrdup(argv[i]), *e = t + strlen(t);

			while (e > t && isspace((unsigned char)e[-1]))
				*--e = '\0';
			read_line(r, NULL, i, t);
			free(t);
		}
		return 0;
	}
	if (o->from != NULL) {
		errno = 0;
		if ((data = file_read(o->from, &len)) == NULL) {
			diag_add(r->d, o->from, 0, 0, SEV_ERROR, RULE_IO, "cannot "
			    "read the file: %s", errno ? strerror(errno) :
			    "not a regular file");
			return -1;
		}
		r->from = o->from;
		r->col_emp = -2;	/* the header comes first */
		if (csv_read(r->d, o->from, data, len, cp1252,
		    RULE_SIGNED_CSV, csv_row, r) != 0 && r->bad == 0)
			r->bad++;
		free(data);
		return 0;
	}
	if ((data = read_stdin(&len)) == NULL) {
		diag_add(r->d, NULL, 0, 0, SEV_ERROR, RULE_IO, "signed: cannot "
		    "read standard input: %s", strerror(errno));
		return -1;
	}
	read_lines(r, "<stdin>", data, len);
	free(data);
	return 0;
}

/* The staff list the register is checked against, as the check stage read it. */
static void
index_staff(struct run *r)
{
	xmlNodePtr ack = acknowledgements(r->p, r->id);

	for (xmlNodePtr m = ack ? ack->children : NULL; m; m = m->next) {
		xmlChar *emp;

		if (!tree_is(m, "member"))
			continue;
		emp = xmlGetProp(m, BAD_CAST "employee");
		xmlHashAddEntry(r->staff, emp, m);
		char *low = lower((char *)emp);

		xmlHashAddEntry(r->folded, BAD_CAST low, m);
		free(low);
		xmlFree(emp);
	}
	for (xmlNodePtr s = r->reg->children; s; s = s->next) {
		char *emp, *ver, *key;

		if (!tree_is(s, "signed") || !still_recorded(r, s))
			continue;
		emp = (char *)xmlGetProp(s, BAD_CAST "employee");
		ver = (char *)xmlGetProp(s, BAD_CAST "version");
		key = pair_key(emp, ver);
		xmlHashAddEntry(r->recorded, BAD_CAST key, s);
		free(key);
		free(emp);
		free(ver);
	}
}

int
cmd_signed(struct options *o, struct diags *d, int argc, char **argv)
{
	struct run r = {0};
	char *rel = NULL;
	size_t count = 0;
	int code, cp1252 = 0;

	r.d = d;
	r.id = argv[0];
	if (o->from != NULL && argc > 1) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "signed: give "
		    "the sheets as arguments or --from FILE, not both");
		return EXIT_USAGE;
	}
	if (o->encoding != NULL) {
		if (strcasecmp(o->encoding, "cp1252") == 0 ||
		    strcasecmp(o->encoding, "windows-1252") == 0)
			cp1252 = 1;
		else if (strcasecmp(o->encoding, "utf-8") != 0 &&
		    strcasecmp(o->encoding, "utf8") != 0) {
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "signed: "
			    "unknown encoding \"%s\" (utf-8 or cp1252)",
			    o->encoding);
			return EXIT_USAGE;
		}
	}
	if (o->date != NULL && !iso_date_valid(o->date)) {
		char *hint = date_hint(o->date);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "signed: --date "
		    "%s is not a date%s", o->date, hint);
		free(hint);
		return EXIT_USAGE;
	}
	if ((r.p = run_stages(d, STAGES_ENRICH | STAGES_ERRORS_ONLY,
	    &code)) == NULL)
		return code;
	if (code != EXIT_OK) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "signed: the "
		    "sources have errors; fix them first");
		goto out;
	}
	code = EXIT_INPUT;
	r.today = r.p->today;
	r.date = o->date ? o->date : r.today;
	if (strcmp(r.date, r.today) > 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_SIGNED_DATE, "signed: "
		    "--date %s is after today (%s)", r.date, r.today);
		goto out;
	}
	if ((r.doc = tree_find(r.p, "document", r.id)) == NULL) {
		char *hint = tree_hint_in(r.p, "document", r.id);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REF_DOCUMENT, "signed: "
		    "no document with id \"%s\"%s", r.id, hint);
		free(hint);
		goto out;
	}
	if ((r.reg = find_register(&r)) == NULL)
		goto out;
	rel = node_file(d, r.reg);
	r.in_force = signatures_in_force(r.doc);
	r.staff = xmlHashCreate(256);
	r.folded = xmlHashCreate(256);
	r.recorded = xmlHashCreate(256);
	r.batch = xmlHashCreate(256);
	r.hashes = xmlHashCreate(8);
	index_staff(&r);
	if (read_input(&r, o, argc, argv, cp1252) != 0) {
		code = EXIT_SYSTEM;
		goto out;
	}
	for (size_t i = 0; i < r.n; i++) {
		check_entry(&r, &r.v[i]);
		count += r.v[i].ok;
	}
	if (r.bad > 0 && !o->keep_going) {
		diag_say_n(d, r.bad, "signed: nothing was written (%zu entry "
		    "with errors; --keep-going records the others)",
		    "signed: nothing was written (%zu entries with errors; "
		    "--keep-going records the others)", r.bad);
		goto out;
	}
	if (count == 0) {
		diag_say(d, "signed: no sheet to record; nothing was written");
		code = r.bad > 0 ? EXIT_INPUT : EXIT_OK;
		goto out;
	}
	code = record(&r, rel, count);
	if (code == EXIT_OK && r.skipped > 0)
		diag_say_n(d, r.skipped, "signed: %zu row of %s without a "
		    "date (not returned yet)", "signed: %zu rows of %s without "
		    "a date (not returned yet)", r.skipped, r.from);
	if (code == EXIT_OK && r.bad > 0) {
		diag_say_n(d, r.bad, "signed: %zu entry with errors not "
		    "recorded", "signed: %zu entries with errors not recorded",
		    r.bad);
		code = EXIT_INPUT;
	}
out:
	for (size_t i = 0; i < r.n; i++) {
		free(r.v[i].employee);
		free(r.v[i].version);
		free(r.v[i].hash);
		free(r.v[i].date);
	}
	free(r.v);
	xmlHashFree(r.staff, NULL);
	xmlHashFree(r.folded, NULL);
	xmlHashFree(r.recorded, NULL);
	xmlHashFree(r.batch, NULL);
	xmlHashFree(r.hashes, free_hash);
	free(r.in_force);
	free(rel);
	pipeline_free(r.p);
	return code;
}

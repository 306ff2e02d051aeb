/* SPDX-License-Identifier: ISC */
/*
 * util.c - allocation wrappers and small pure functions (dates, versions,
 * ids, Markdown dedent, JSON strings, link schemes).  Everything here is
 * free of I/O and global state, so the unit tests call it directly.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "styrdok.h"

/*
 * Allocation failed.  The one message written here rather than through
 * diag.c: it cannot wait to be collected, and the lowest layer must not
 * call up into the diagnostics (which allocate).
 */
static void
oom(void)
{
	static const char msg[] = "styrdok: out of memory\n";
	ssize_t written = write(STDERR_FILENO, msg, sizeof(msg) - 1);

	(void)written;	/* nothing more can be done */
	exit(EXIT_SYSTEM);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	char *p = strdup(s);

	if (p == NULL)
		oom();
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	if (vasprintf(&p, fmt, ap) < 0)
		oom();
	va_end(ap);
	return p;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&p, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	buf_add(b, p, (size_t)n);
	free(p);
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

const char *
mem_find(const char *from, const char *end, const char *needle)
{
	size_t n = strlen(needle);

	if (from == NULL || from >= end || (size_t)(end - from) < n)
		return NULL;
	return memmem(from, (size_t)(end - from), needle, n);
}

/* Returns 1 when s is YYYY-MM-DD and that day exists (Gregorian). */
int
iso_date_valid(const char *s)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30,
	    31, 31, 30, 31, 30, 31};
	int y, m, d, i, max;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return 0;
	max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/*
 * Compares dotted version numbers numerically component by component:
 * 1.10 > 1.9, and 2 == 2.0.  Returns <0, 0 or >0 like strcmp.
 */
int
version_compare(const char *a, const char *b)
{
	while (*a != '\0' || *b != '\0') {
		unsigned long x = strtoul(a, (char **)&a, 10);
		unsigned long y = strtoul(b, (char **)&b, 10);

		if (x != y)
			return x < y ? -1 : 1;
		if (*a == '.')
			a++;
		if (*b == '.')
			b++;
		if ((*a != '\0' && !isdigit((unsigned char)*a)) ||
		    (*b != '\0' && !isdigit((unsigned char)*b)))
			return strcmp(a, b);
	}
	return 0;
}

/*
 * A document id names files and directories, so it must be a safe path
 * component: [a-z][a-z0-9-]*, at most 64 bytes.
 */
int
docid_valid(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > 64 || !(s[0] >= 'a' && s[0] <= 'z'))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/*
 * Removes the indentation common to all non-blank lines, so Markdown can
 * be indented to match the XML around it.  Blank lines become empty;
 * line count is kept, so line N of the result is line N of the input.
 * *indent receives the number of columns removed.
 */
char *
dedent(const char *s, size_t *indent)
{
	size_t common = SIZE_MAX, n = strlen(s);
	const char *p = s;
	struct buf out = {0};

	while (*p != '\0') {
		size_t w = 0;

		while (p[w] == ' ' || p[w] == '\t')
			w++;
		if (p[w] != '\n' && p[w] != '\0' && w < common)
			common = w;
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
	}
	if (common == SIZE_MAX)
		common = 0;
	p = s;
	while (p < s + n) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t w = 0;

		while (w < len && (p[w] == ' ' || p[w] == '\t'))
			w++;
		if (w < len)
			buf_add(&out, p + common, len - common);
		if (nl == NULL)
			break;
		buf_add(&out, "\n", 1);
		p = nl + 1;
	}
	if (out.data == NULL)
		buf_add(&out, "", 0);
	if (indent != NULL)
		*indent = common;
	return out.data;
}

/* Appends s as a JSON string literal, escaping what RFC 8259 requires. */
void
json_string(struct buf *b, const char *s)
{
	buf_add(b, "\"", 1);
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			buf_add(b, "\\", 1);
			buf_add(b, s, 1);
		} else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_add(b, s, 1);
	}
	buf_add(b, "\"", 1);
}

/*
 * The path of to relative to the directory from; both absolute and
 * without "." or ".." components (as realpath gives them).  Returns a
 * string the caller frees: "." when they are the same.
 */
char *
path_relative(const char *from, const char *to)
{
	size_t common = 0, i;
	struct buf b = {0};

	/* The longest common prefix that ends at a component boundary. */
	for (i = 0; from[i] != '\0' && from[i] == to[i]; i++)
		if (from[i] == '/')
			common = i;
	if (from[i] == '\0' && (to[i] == '/' || to[i] == '\0'))
		common = i;
	else if (to[i] == '\0' && from[i] == '/')
		common = i;
	for (i = common; from[i] != '\0'; i++)
		if (from[i] == '/' && from[i + 1] != '\0')
			buf_adds(&b, b.len ? "/.." : "..");
	if (to[common] == '/')
		common++;
	if (to[common] != '\0') {
		if (b.len)
			buf_adds(&b, "/");
		buf_adds(&b, to + common);
	}
	if (b.len == 0)
		buf_adds(&b, ".");
	return b.data;
}

/* Number of characters (not bytes) in the first n bytes of UTF-8 s. */
size_t
utf8_columns(const char *s, size_t n)
{
	size_t i, cols = 0;

	for (i = 0; i < n && s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			cols++;
	return cols;
}

/* Decodes the UTF-8 sequence at s (no validation beyond its length). */
static unsigned long
utf8_decode(const unsigned char *s)
{
	if (s[0] < 0x80)
		return s[0];
	if ((s[0] & 0xE0) == 0xC0 && s[1] != 0)
		return ((unsigned long)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	if ((s[0] & 0xF0) == 0xE0 && s[1] != 0 && s[2] != 0)
		return ((unsigned long)(s[0] & 0x0F) << 12) |
		    ((unsigned long)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	return 0xFFFD;
}

/*
 * Whether code point c is part of a word: ASCII letters and digits and
 * the Latin letters of U+00C0-U+024F (å, ä, ö, é, ...).  Punctuation such
 * as the typographic quotes, dashes and no-break space is not.
 */
static int
word_codepoint(unsigned long c)
{
	if (c < 0x80)
		return isalnum((int)c);
	return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

/*
 * Finds word w (ASCII, lower case) in UTF-8 text as a whole word,
 * ignoring ASCII case.  Returns a pointer into text or NULL.
 */
const char *
find_word_ci(const char *text, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	for (p = text; *p != '\0'; p++) {
		if (strncasecmp(p, w, n) != 0)
			continue;
		if (p > text) {
			const char *q = p - 1;

			while (q > text && ((unsigned char)*q & 0xC0) == 0x80)
				q--;
			if (word_codepoint(utf8_decode((const unsigned char *)q)))
				continue;
		}
		if (p[n] != '\0' &&
		    word_codepoint(utf8_decode((const unsigned char *)p + n)))
			continue;
		return p;
	}
	return NULL;
}

/*
 * The link allow-list shared by every format: relative references, #id,
 * http, https and mailto.  Anything with another scheme is refused.  A
 * scheme is letters, digits, '+', '-', '.' before the first ':' that comes
 * before any '/', '?' or '#'.  Control characters and whitespace at the
 * start are refused outright (browsers strip them, which hides schemes).
 */
int
link_allowed(const char *url)
{
	const char *p;

	if (url == NULL)
		return 0;
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	if (*url == ' ')
		return 0;
	for (p = url; *p != '\0'; p++) {
		if (*p == ':')
			break;
		if (*p == '/' || *p == '?' || *p == '#')
			return 1;
	}
	if (*p == '\0')
		return 1;
	return (p - url == 4 && strncasecmp(url, "http", 4) == 0) ||
	    (p - url == 5 && strncasecmp(url, "https", 5) == 0) ||
	    (p - url == 6 && strncasecmp(url, "mailto", 6) == 0);
}

/* SHA-256 of data as 64 lower-case hex digits and a NUL. */
void
sha256_hex(const void *data, size_t len, char hex[65])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	sha256_digest(&ctx, sizeof(digest), digest);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

/* Length in bytes of the UTF-8 sequence that starts with byte b. */
static size_t
utf8_len(unsigned char b)
{
	return b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ?
	    3 : (b & 0xF8) == 0xF0 ? 4 : 1;
}

/* Whether the next letter after s (past blanks, markup) is lower-case. */
static int
lower_follows(const char *s)
{
	unsigned long c;

	/* Blanks and the markup that opens emphasis or a link. */
	while (*s == ' ' || *s == '\t' || *s == '[' || *s == '*' ||
	    *s == '_' || *s == '`')
		s++;
	c = utf8_decode((const unsigned char *)s);
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7);
}

/* Whether line s (after a line break) starts a list item or is blank. */
static int
block_starts(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\n' || *s == '\0')
		return 1;
	if ((*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		return 1;
	while (*s >= '0' && *s <= '9')
		s++;
	return (*s == '.' || *s == ')') && s[1] == ' ';
}

/*
 * Adds the words, long words (more than six letters) and sentences of
 * Markdown text to l, for LIX (läsbarhetsindex).  A sentence ends at
 * . ! ? or : before a blank, except a full stop before a lower-case
 * letter (t.ex. en), and at the end of a paragraph, a list item and the
 * text, so a list counts as one sentence per item.  Link destinations
 * and autolinks are not words; a hyphen joins a word (IT-chef).
 */
void
lix_add(struct lix *l, const char *text)
{
	size_t letters = 0, pending = 0;
	int in_word = 0;
	const char *p = text;

	while (*p != '\0') {
		unsigned long c = utf8_decode((const unsigned char *)p);
		size_t n = utf8_len((unsigned char)*p);
		int wordch = word_codepoint(c);

		for (size_t i = 1; i < n; i++)
			if (p[i] == '\0')
				n = i;	/* a cut sequence ends at the NUL */

		if (wordch) {
			in_word = 1;
			letters += !(c >= '0' && c <= '9');
			p += n;
			continue;
		}
		if (c == '-' && in_word && word_codepoint(utf8_decode(
		    (const unsigned char *)p + 1))) {
			p++;
			continue;
		}
		if (in_word) {
			if (letters > 0) {
				l->words++;
				l->long_words += letters > 6;
				pending++;
			}
			in_word = 0;
			letters = 0;
		}
		if (c == ']' && p[1] == '(') {
			const char *q = strchr(p, ')');

			p = q ? q + 1 : p + 2;
			continue;
		}
		if (c == '<' && (strncmp(p + 1, "http", 4) == 0 ||
		    strncmp(p + 1, "mailto:", 7) == 0)) {
			const char *q = strchr(p, '>');

			p = q ? q + 1 : p + 1;
			continue;
		}
		if (pending > 0 && ((strchr(".!?:", (int)c) != NULL &&
		    (p[1] == '\0' || isspace((unsigned char)p[1])) &&
		    !(c == '.' && lower_follows(p + 1))) ||
		    (c == '\n' && block_starts(p + 1)))) {
			l->sentences++;
			pending = 0;
		}
		p += n;
	}
	if (in_word && letters > 0) {
		l->words++;
		l->long_words += letters > 6;
		pending++;
	}
	if (pending > 0)
		l->sentences++;
}

/* LIX = words per sentence + 100 x long words / words, rounded. */
int
lix_value(const struct lix *l)
{
	if (l->words == 0 || l->sentences == 0)
		return 0;
	return (int)((double)l->words / (double)l->sentences +
	    100.0 * (double)l->long_words / (double)l->words + 0.5);
}

/* Levenshtein distance of a and b, case-folded for ASCII; bytes otherwise. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, cur, best;

	row = xcalloc(lb + 1, sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			best = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

/*
 * The candidate closest to word, for "did you mean": a candidate that
 * differs only in case, else the nearest by edit distance when it is
 * within a third of the word's length (at least 2), or one that the
 * word is a prefix of.  NULL when none is near.  Ties go to the first.
 */
const char *
closest_word(const char *word, const char *const *cands, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, limit = strlen(word) / 3, i, d;

	if (limit < 2)
		limit = 2;
	for (i = 0; i < n; i++)
		if (strcasecmp(word, cands[i]) == 0)
			return cands[i];
	for (i = 0; i < n; i++) {
		d = edit_distance(word, cands[i]);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	if (best != NULL && bestd <= limit)
		return best;
	for (i = 0; *word != '\0' && i < n; i++)
		if (strncasecmp(word, cands[i], strlen(word)) == 0)
			return cands[i];
	return NULL;
}

/*
 * A date written the Swedish or American way (22/2/2027, 22.2.2027,
 * 2027/2/22, 20270222) as YYYY-MM-DD in out, for a hint; 0 when s is no
 * date in any such form.  Day first when ambiguous, as in Sweden.
 */
int
date_guess(const char *s, char out[11])
{
	unsigned a, b, c;
	char s1, s2, rest;
	unsigned y, m, d;

	if (sscanf(s, "%4u%2u%2u%c", &a, &b, &c, &rest) == 3 &&
	    strlen(s) == 8) {
		y = a, m = b, d = c;
	} else if (sscanf(s, "%u%c%u%c%u%c", &a, &s1, &b, &s2, &c,
	    &rest) == 5 && s1 == s2 && strchr("/.-", s1) != NULL) {
		if (a > 31)
			y = a, m = b, d = c;
		else
			d = a, m = b, y = c;
	} else
		return 0;
	if (y < 100)
		y += 2000;
	if (y > 9999 || m > 99 || d > 99)
		return 0;
	snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
	return iso_date_valid(out);
}

/*
 * A piece of a message in English and in the user's language, for a
 * message put together before it reaches the diagnostics: they keep the
 * English one in the message of the machine formats and show the other
 * on the terminal (diag.c).  The caller frees it.
 */
char *
bilingual(const char *en, const char *local)
{
	if (strcmp(en, local) == 0)
		return xstrdup(en);
	return xasprintf("\001%s\002%s\003", en, local);
}

/*
 * What to add to a message about a date given as s that is not
 * YYYY-MM-DD: the date it probably means, or the form (bilingual).  The
 * caller frees it.
 */
char *
date_hint(const char *s)
{
	char guess[11], *en, *local, *hint;

	if (strlen(s) == 10 && s[4] == '-' && s[7] == '-')
		return bilingual(" (there is no such day)",
		    _(" (there is no such day)"));
	if (strlen(s) < 32 && !iso_date_valid(s) && date_guess(s, guess)) {
		en = xasprintf(" (write YYYY-MM-DD: did you mean %s?)", guess);
		local = xasprintf(_(" (write YYYY-MM-DD: did you mean %s?)"),
		    guess);
		hint = bilingual(en, local);
		free(en);
		free(local);
		return hint;
	}
	return bilingual(" (write YYYY-MM-DD, such as 2027-03-22)",
	    _(" (write YYYY-MM-DD, such as 2027-03-22)"));
}

/*
 * An id as the schema allows it (a-z, 0-9, -) made from s: letters with
 * Swedish and other Latin diacritics lose them, upper case is lowered,
 * anything else becomes '-'.  The caller frees it.
 */
char *
id_suggest(const char *s)
{
	static const struct { const char *from, *to; } fold[] = {
		{"å", "a"}, {"ä", "a"}, {"ö", "o"}, {"Å", "a"}, {"Ä", "a"},
		{"Ö", "o"}, {"é", "e"}, {"É", "e"}, {"ü", "u"}, {"Ü", "u"},
		{"æ", "ae"}, {"ø", "o"}, {"Æ", "ae"}, {"Ø", "o"},
	};
	struct buf b = {0};
	size_t i;

	while (*s != '\0') {
		for (i = 0; i < sizeof(fold) / sizeof(fold[0]); i++)
			if (strncmp(s, fold[i].from, strlen(fold[i].from)) == 0)
				break;
		if (i < sizeof(fold) / sizeof(fold[0])) {
			buf_adds(&b, fold[i].to);
			s += strlen(fold[i].from);
		} else if (isalnum((unsigned char)*s)) {
			char c = (char)tolower((unsigned char)*s++);
			buf_add(&b, &c, 1);
		} else {
			if (b.len > 0 && b.data[b.len - 1] != '-')
				buf_add(&b, "-", 1);
			/* Skip the rest of a UTF-8 sequence as one character. */
			s++;
			while ((*s & 0xc0) == 0x80)
				s++;
		}
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_adds(&b, "");
	return b.data;
}

/*
 * s cut to at most max bytes at a character boundary, with "…" when
 * cut: what a message quotes of a value that may be any length.  The
 * caller frees it.
 */
char *
text_clip(const char *s, size_t max)
{
	size_t n = strlen(s);
	char *out;

	if (n <= max)
		return xstrdup(s);
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	out = xmalloc(max + sizeof("…"));
	memcpy(out, s, max);
	memcpy(out + max, "…", sizeof("…"));
	return out;
}

/* SPDX-License-Identifier: ISC */
/*
 * util.h - allocation that exits on failure, a growable buffer, and pure
 * helpers (dates, versions, ids, JSON strings, hashes).  May be included
 * by any file; includes nothing of styrdok's own.
 */
#ifndef STYRDOK_UTIL_H
#define STYRDOK_UTIL_H

#include <libintl.h>
#include <stdarg.h>
#include <stddef.h>

/*
 * Messages of the command line in the user's language (GNU gettext,
 * text domain "styrdok", po/).  _() translates where the text is used;
 * N_() only marks a text kept in a table, translated when printed.
 * The diagnostics functions translate their format themselves (diag.c).
 */
#define _(s) gettext(s)
#define N_(s) s

/* Exit status (contract, see styrdok(1)). */
enum exit_status {
	EXIT_OK = 0,
	EXIT_INPUT = 1,
	EXIT_USAGE = 2,
	EXIT_SYSTEM = 3,
};

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
char *xstrdup(const char *);
char *xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer; data is always NUL-terminated. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};
void buf_add(struct buf *, const char *, size_t);
void buf_adds(struct buf *, const char *);
void buf_printf(struct buf *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *);

/* The first place of needle in [from, end), or NULL (from NULL too). */
const char *mem_find(const char *from, const char *end, const char *needle);

int iso_date_valid(const char *);
int version_compare(const char *, const char *);
int docid_valid(const char *);
char *dedent(const char *, size_t *);
void json_string(struct buf *, const char *);
size_t utf8_columns(const char *, size_t);
char *path_relative(const char *from, const char *to);
const char *find_word_ci(const char *, const char *);
int link_allowed(const char *);
void sha256_hex(const void *, size_t, char hex[65]);
const char *closest_word(const char *, const char *const *, size_t);
int date_guess(const char *, char out[11]);
char *id_suggest(const char *);
char *text_clip(const char *, size_t);
char *date_hint(const char *);
char *bilingual(const char *en, const char *local);

/* Counts for LIX (läsbarhetsindex) over one or more texts. */
struct lix {
	size_t words, long_words, sentences;
};
void lix_add(struct lix *, const char *markdown);
int lix_value(const struct lix *);

#endif

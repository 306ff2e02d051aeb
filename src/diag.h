/*
 * diag.h - one diagnostic format, FILE:LINE:COL: SEVERITY: MESSAGE [RULE],
 * for every problem styrdok reports, and the exit status derived from
 * them.  Included through styrdok.h.
 */
#ifndef STYRDOK_DIAG_H
#define STYRDOK_DIAG_H

#include <stdio.h>

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

enum severity { SEV_NOTE, SEV_WARNING, SEV_ERROR };

struct diag {
	char *file;	/* relative to the project root, or NULL */
	int line, col;	/* from 1; 0 when unknown */
	enum severity sev;
	char *msg;
	const char *rule;
	size_t seq;	/* order found, to keep sorting stable */
	xmlNodePtr node; /* a governance gap: the node it is about */
};

struct diags;

struct diags *diags_new(const char *root);
void diags_free(struct diags *);
void diag_add(struct diags *, const char *file, int line, int col,
    enum severity, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void diag_node(struct diags *, xmlNodePtr, const char *attr,
    enum severity, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void gap_node(struct diags *, xmlNodePtr, const char *attr, const char *rule,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_text(struct diags *, xmlNodePtr, size_t offset, const char *text,
    enum severity, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void diag_xml_error(void *, xmlErrorPtr);
void diags_set_fallback(struct diags *, xmlNodePtr);
void diags_truncate(struct diags *, size_t);
void diags_keep_errors(struct diags *);
void diag_xslt_error(void *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
char *diag_relpath(const struct diags *, const char *);
char *node_file(const struct diags *, xmlNodePtr);
size_t diags_count(const struct diags *, enum severity);
void diags_restrict(struct diags *, char **files, int nfiles);
void diags_print(struct diags *, FILE *);
void diags_print_json(struct diags *, FILE *);
void diags_summary(const struct diags *, FILE *);
const struct diag *diags_get(const struct diags *, size_t);
size_t diags_len(const struct diags *);

#endif

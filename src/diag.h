/* SPDX-License-Identifier: ISC */
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

/*
 * What a problem is about; the exit status is that of the worst class
 * among the errors (styrdok(1), EXIT STATUS).
 */
enum diag_class {
	CLASS_INPUT,		/* the sources or a file named: exit 1 */
	CLASS_USAGE,		/* the command line: exit 2 */
	CLASS_ENVIRONMENT,	/* I/O, FOP, the templates: exit 3 */
};

/*
 * Every rule: its enum name, the id printed in brackets and explained in
 * styrdok(1), its usual severity, its class, and whether it is a
 * governance gap that an audit finding may count (rules= of <finding>).
 */
#define STYRDOK_RULES(X) \
	X(ACCESS_REVIEW, "access-review", SEV_WARNING, CLASS_INPUT, 1) \
	X(ADOPTED_TEXT, "adopted-text", SEV_ERROR, CLASS_INPUT, 0) \
	X(ARCHIVE_INTEGRITY, "archive-integrity", SEV_ERROR, CLASS_INPUT, 0) \
	X(CASE_BASIS, "case-basis", SEV_ERROR, CLASS_INPUT, 0) \
	X(CASE_CONSEQUENCES, "case-consequences", SEV_ERROR, CLASS_INPUT, 0) \
	X(CASE_PATH, "case-path", SEV_ERROR, CLASS_INPUT, 0) \
	X(CASE_REPEAL, "case-repeal", SEV_ERROR, CLASS_INPUT, 0) \
	X(CHILD_MISSING, "child-missing", SEV_WARNING, CLASS_INPUT, 1) \
	X(CLASSIFICATION_AGE, "classification-age", SEV_WARNING, CLASS_INPUT, 1) \
	X(CLASSIFICATION_LEVEL, "classification-level", SEV_ERROR, CLASS_INPUT, 0) \
	X(CLASSIFICATION_LEVEL4, "classification-level4", SEV_WARNING, CLASS_INPUT, 1) \
	X(CONTINUITY_DATA_LOSS, "continuity-data-loss", SEV_WARNING, CLASS_INPUT, 1) \
	X(CONTINUITY_DOWNTIME, "continuity-downtime", SEV_WARNING, CLASS_INPUT, 1) \
	X(CONTINUITY_EXERCISE, "continuity-exercise", SEV_WARNING, CLASS_INPUT, 1) \
	X(CONTINUITY_PLAN, "continuity-plan", SEV_WARNING, CLASS_INPUT, 1) \
	X(CONTINUITY_RESTORE, "continuity-restore", SEV_WARNING, CLASS_INPUT, 1) \
	X(CONTINUITY_UPS, "continuity-ups", SEV_WARNING, CLASS_INPUT, 1) \
	X(DATE_INVALID, "date-invalid", SEV_ERROR, CLASS_INPUT, 0) \
	X(DATE_ORDER, "date-order", SEV_ERROR, CLASS_INPUT, 0) \
	X(DRAFT, "draft", SEV_NOTE, CLASS_INPUT, 0) \
	X(DECISION_INCOMPLETE, "decision-incomplete", SEV_ERROR, CLASS_INPUT, 0) \
	X(ENVIRONMENT, "environment", SEV_ERROR, CLASS_ENVIRONMENT, 0) \
	X(FILE_EMPTY, "file-empty", SEV_ERROR, CLASS_INPUT, 0) \
	X(FILE_SIZE, "file-size", SEV_ERROR, CLASS_INPUT, 0) \
	X(FILE_TYPE, "file-type", SEV_ERROR, CLASS_INPUT, 0) \
	X(FINDING_ANSWER, "finding-answer", SEV_WARNING, CLASS_INPUT, 0) \
	X(FOP, "fop", SEV_ERROR, CLASS_ENVIRONMENT, 0) \
	X(FORMAT, "format", SEV_ERROR, CLASS_ENVIRONMENT, 0) \
	X(HISTORY_CURRENT, "history-current", SEV_ERROR, CLASS_INPUT, 0) \
	X(HISTORY_ORDER, "history-order", SEV_ERROR, CLASS_INPUT, 0) \
	X(ID_UNIQUE, "id-unique", SEV_ERROR, CLASS_INPUT, 0) \
	X(INTERRUPTED, "interrupted", SEV_ERROR, CLASS_ENVIRONMENT, 0) \
	X(IO, "io", SEV_ERROR, CLASS_INPUT, 0) \
	X(LANG_SKALL, "lang-skall", SEV_WARNING, CLASS_INPUT, 0) \
	X(LOCK, "lock", SEV_ERROR, CLASS_ENVIRONMENT, 0) \
	X(MATRIX_ACCOUNTABLE, "matrix-accountable", SEV_ERROR, CLASS_INPUT, 0) \
	X(MD_HEADING, "md-heading", SEV_WARNING, CLASS_INPUT, 0) \
	X(MD_IMAGE, "md-image", SEV_WARNING, CLASS_INPUT, 0) \
	X(MD_LIMIT, "md-limit", SEV_ERROR, CLASS_INPUT, 0) \
	X(MD_LINK_SCHEME, "md-link-scheme", SEV_WARNING, CLASS_INPUT, 0) \
	X(MD_RAW_HTML, "md-raw-html", SEV_WARNING, CLASS_INPUT, 0) \
	X(OPERATIONS_AGREEMENT, "operations-agreement", SEV_WARNING, CLASS_INPUT, 1) \
	X(ORGAN_TYPE, "organ-type", SEV_ERROR, CLASS_INPUT, 0) \
	X(ORGANISATION_MISSING, "organisation-missing", SEV_ERROR, CLASS_INPUT, 0) \
	X(ORGANISATION_UNIQUE, "organisation-unique", SEV_ERROR, CLASS_INPUT, 0) \
	X(PLAIN_MARKUP, "plain-markup", SEV_WARNING, CLASS_INPUT, 0) \
	X(PACKAGE, "package", SEV_ERROR, CLASS_ENVIRONMENT, 0) \
	X(RECOVERY, "recovery", SEV_NOTE, CLASS_ENVIRONMENT, 0) \
	X(REF_ANCHOR, "ref-anchor", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_AUDIT, "ref-audit", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_DOCUMENT, "ref-document", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_MATRIX, "ref-matrix", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_ORGAN, "ref-organ", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_PARTY, "ref-party", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_PLAN, "ref-plan", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_PROVIDER, "ref-provider", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_ROLE, "ref-role", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_RULE, "ref-rule", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_SECTION, "ref-section", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_SERVICE, "ref-service", SEV_ERROR, CLASS_INPUT, 0) \
	X(REF_SYSTEM, "ref-system", SEV_ERROR, CLASS_INPUT, 0) \
	X(REFUSED, "refused", SEV_ERROR, CLASS_INPUT, 0) \
	X(READABILITY, "readability", SEV_NOTE, CLASS_INPUT, 0) \
	X(REQ_SKA, "req-ska", SEV_WARNING, CLASS_INPUT, 0) \
	X(REQ_LONG, "req-long", SEV_NOTE, CLASS_INPUT, 0) \
	X(REVIEW_DUE, "review-due", SEV_WARNING, CLASS_INPUT, 1) \
	X(PROFILE, "profile", SEV_ERROR, CLASS_INPUT, 0) \
	X(RISK_ANALYSIS, "risk-analysis", SEV_WARNING, CLASS_INPUT, 1) \
	X(RISK_MEASURE, "risk-measure", SEV_WARNING, CLASS_INPUT, 1) \
	X(RISK_METHOD, "risk-method", SEV_WARNING, CLASS_INPUT, 1) \
	X(RISK_OVERDUE, "risk-overdue", SEV_WARNING, CLASS_INPUT, 1) \
	X(RISK_SCALE, "risk-scale", SEV_ERROR, CLASS_INPUT, 0) \
	X(RISK_VALUE, "risk-value", SEV_ERROR, CLASS_INPUT, 0) \
	X(SCHEMA, "schema", SEV_ERROR, CLASS_INPUT, 0) \
	X(SECTION_DEPTH, "section-depth", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNATURE_HASH, "signature-hash", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNATURE_STAFF, "signature-staff", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNATURE_UNKNOWN, "signature-unknown", SEV_WARNING, CLASS_INPUT, 0) \
	X(SIGNATURE_VERSION, "signature-version", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_CODE, "signed-code", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_CSV, "signed-csv", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_DATE, "signed-date", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_DOCUMENT, "signed-document", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_DUPLICATE, "signed-duplicate", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_HASH, "signed-hash", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_STAFF, "signed-staff", SEV_ERROR, CLASS_INPUT, 0) \
	X(SIGNED_TWICE, "signed-twice", SEV_WARNING, CLASS_INPUT, 0) \
	X(SIGNED_VERSION, "signed-version", SEV_ERROR, CLASS_INPUT, 0) \
	X(STAFF_COLUMN, "staff-column", SEV_ERROR, CLASS_INPUT, 0) \
	X(STAFF_CSV, "staff-csv", SEV_ERROR, CLASS_INPUT, 0) \
	X(STAFF_EMPTY, "staff-empty", SEV_ERROR, CLASS_INPUT, 0) \
	X(STAFF_ENCODING, "staff-encoding", SEV_ERROR, CLASS_INPUT, 0) \
	X(STAFF_PERSONNUMMER, "staff-personnummer", SEV_ERROR, CLASS_INPUT, 0) \
	X(STAFF_ROW, "staff-row", SEV_ERROR, CLASS_INPUT, 0) \
	X(SUPPORT_EXPIRED, "support-expired", SEV_WARNING, CLASS_INPUT, 1) \
	X(SUPPORT_OUTSIDE_HOURS, "support-outside-hours", SEV_WARNING, CLASS_INPUT, 1) \
	X(SYSTEM_CLASSIFICATION, "system-classification", SEV_WARNING, CLASS_INPUT, 1) \
	X(SYSTEM_OWNER, "system-owner", SEV_WARNING, CLASS_INPUT, 1) \
	X(SYSTEM_PRIORITY, "system-priority", SEV_WARNING, CLASS_INPUT, 1) \
	X(TERM_SCOPE, "term-scope", SEV_WARNING, CLASS_INPUT, 0) \
	X(USAGE, "usage", SEV_ERROR, CLASS_USAGE, 0) \
	X(XINCLUDE, "xinclude", SEV_ERROR, CLASS_INPUT, 0) \
	X(XINCLUDE_LIMIT, "xinclude-limit", SEV_ERROR, CLASS_INPUT, 0) \
	X(XINCLUDE_PATH, "xinclude-path", SEV_ERROR, CLASS_INPUT, 0) \
	X(XINCLUDE_REPEAT, "xinclude-repeat", SEV_ERROR, CLASS_INPUT, 0) \
	X(XML, "xml", SEV_ERROR, CLASS_INPUT, 0) \
	X(XML_BASE, "xml-base", SEV_ERROR, CLASS_INPUT, 0) \
	X(XML_DOCTYPE, "xml-doctype", SEV_ERROR, CLASS_INPUT, 0) \
	X(XML_PARSE, "xml-parse", SEV_ERROR, CLASS_INPUT, 0) \
	X(XSLT, "xslt", SEV_ERROR, CLASS_ENVIRONMENT, 0)

#define RULE_ENUM(name, id, sev, class, gap) RULE_##name,
enum rule { STYRDOK_RULES(RULE_ENUM) RULE_COUNT };
#undef RULE_ENUM

struct rule_info {
	const char *id;
	enum severity sev;
	enum diag_class class;
	int gap;
};

const struct rule_info *rule_info(enum rule);
int rule_find(const char *id, enum rule *out);

struct diag {
	char *file;	/* relative to the project root, or NULL */
	int line, col;	/* from 1; 0 when unknown */
	enum severity sev;
	char *msg;	/* English: JSON, SARIF, the documents */
	char *text;	/* in the user's language, or NULL: as msg */
	enum rule rule;
	size_t seq;	/* order found, to keep sorting stable */
	xmlNodePtr node; /* a governance gap: the node it is about */
	char **facts;	/* a gap: key, value, key, value... (gap_fact) */
	size_t nfacts;	/* pairs in facts */
};

struct diags;

struct diags *diags_new(const char *root);
void diags_free(struct diags *);
void diags_set_root(struct diags *, const char *root);
void diags_move(struct diags *to, struct diags *from);
void diag_say(struct diags *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void diag_say_n(struct diags *, unsigned long n, const char *one,
    const char *many, ...) __attribute__((format(printf, 4, 5)));
void diags_set_json(struct diags *);
void diags_set_sarif(struct diags *);
void diags_set_origin(struct diags *, const char *origin, int absolute);
void diags_set_progress(struct diags *, int on);
void diag_progress(struct diags *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void diags_set_usage(struct diags *, const char *synopsis);
int diags_status(const struct diags *);
void diags_finish(struct diags *, int summary);
void diag_add(struct diags *, const char *file, int line, int col,
    enum severity, enum rule, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void diag_node(struct diags *, xmlNodePtr, const char *attr,
    enum severity, enum rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void gap_node(struct diags *, xmlNodePtr, const char *attr, enum rule,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void gap_fact(struct diags *, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_text(struct diags *, xmlNodePtr, size_t offset, const char *text,
    enum severity, enum rule, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void diag_xml_error(void *, xmlErrorPtr);
void diags_set_fallback(struct diags *, xmlNodePtr);
void diags_truncate(struct diags *, size_t);
void diags_keep_errors(struct diags *);
size_t diags_forget(struct diags *, enum rule, const char *file);
void diag_xslt_error(void *, const char *, ...)
    __attribute__((format(printf, 2, 3)));
char *diag_relpath(const struct diags *, const char *);
char *node_file(const struct diags *, xmlNodePtr);
size_t diags_count(const struct diags *, enum severity);
void diags_restrict(struct diags *, char **files, int nfiles, size_t from);
void diags_print(struct diags *, FILE *);
void diags_print_json(struct diags *, FILE *);
void diags_print_sarif(struct diags *, FILE *);
void diags_summary(const struct diags *, FILE *);
const struct diag *diags_get(const struct diags *, size_t);
size_t diags_len(const struct diags *);
const char *diag_message(const struct diag *);
void diags_set_text(struct diags *, size_t, const char *);
int diags_translated(void);

#endif

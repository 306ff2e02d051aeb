/*
 * styrdok.h - the one internal header: the project tree, diagnostics and
 * the stages (load, validate, enrich, transform, write) that pass the
 * tree on.  Included by every file in src/.
 *
 * Ownership: functions named _new return memory the caller frees with the
 * matching _free; every _free accepts NULL.  Allocation failure exits
 * (see xmalloc), so no code path carries out-of-memory branches.
 */
#ifndef STYRDOK_H
#define STYRDOK_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define STYRDOK_VERSION "0.1.0"

/* Namespaces of the source vocabulary and of cmark's XML tree. */
#define NS_STYRDOK ((const xmlChar *)"urn:styrdok:1")
#define NS_COMMONMARK ((const xmlChar *)"http://commonmark.org/xml/1.0")

/* Limits on untrusted input; each is documented in styrdok(1). */
#define LIMIT_FILE_BYTES (20L * 1024 * 1024)
#define LIMIT_RUN_BYTES (100L * 1024 * 1024)
#define LIMIT_INCLUDE_DEPTH 8
#define LIMIT_INCLUDE_COUNT 64
#define LIMIT_MARKDOWN_BYTES (64 * 1024)
#define LIMIT_RUN_MARKDOWN_BYTES ((size_t)8 * 1024 * 1024)
#define LIMIT_MARKDOWN_DEPTH 32
#define LIMIT_SECTION_DEPTH 4

/* Exit status (contract, see styrdok(1)). */
enum exit_status {
	EXIT_OK = 0,
	EXIT_INPUT = 1,
	EXIT_USAGE = 2,
	EXIT_SYSTEM = 3,
};

/* ---- util.c: allocation and pure helpers ---------------------------- */

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

int iso_date_valid(const char *);
int version_compare(const char *, const char *);
int docid_valid(const char *);
char *dedent(const char *, size_t *);
void json_string(struct buf *, const char *);
size_t utf8_columns(const char *, size_t);
const char *find_word_ci(const char *, const char *);
int link_allowed(const char *);
void sha256_hex(const void *, size_t, char hex[65]);

/* ---- diag.c: one diagnostic format ---------------------------------- */

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

/* ---- load.c: safe parsing, confined XInclude, the project tree ------ */

struct project {
	char *root;	 /* realpath of the project root */
	char *policies;	 /* realpath of root/policies */
	char *templates; /* realpath of the templates directory */
	xmlDocPtr tree;	 /* <project>: the one tree every stage works on */
	struct diags *diags;
	int organisation_invalid; /* dropped for schema errors */
	char today[11];	 /* the date rules measure age against */
	size_t markdown_bytes;	/* prose parsed so far in this run */
	char *override_path;	/* read override instead of this file */
	struct buf override;
};

struct project *project_new(const char *templates);
void project_free(struct project *);
int project_load(struct project *);
void secure_libraries(const char *policies, const char *templates);
void project_override(struct project *, const char *rel, const char *data,
    size_t len);
xmlDocPtr source_parse(struct project *, const char *rel);
int source_canonical(struct project *, const char *rel, struct buf *out);
xmlDocPtr document_file_load(struct project *, const char *path);

/* ---- tree.c: reading the project tree -------------------------------- */

int tree_is(xmlNodePtr, const char *name);
xmlNodePtr tree_child(xmlNodePtr, const char *name);
char *tree_prop(xmlNodePtr, const char *name);
xmlNodePtr tree_find(struct project *, const char *kind, const char *id);
xmlNodePtr tree_ref(struct diags *, xmlHashTablePtr ids, xmlNodePtr,
    const char *attr, const char *kind, const char *rule, const char *what);

/* ---- validate.c / rules.c: structure by schema, meaning by rules ----- */

int validate_schema(struct project *);
int validate_document(struct project *, xmlDocPtr);
void rules_run(struct project *);
void registers_check(struct project *, xmlHashTablePtr ids);
int organ_may_adopt(xmlNodePtr org, xmlNodePtr organ, const char *type,
    char **why);

/* ---- markdown.c / enrich.c: derived content ------------------------- */

void markdown_splice(struct project *, xmlNodePtr prose, xmlHashTablePtr anchors);
void enrich(struct project *);
void enrich_document(struct project *, xmlNodePtr document);

/* ---- diff.c: the redline -------------------------------------------- */

int diff_documents(xmlDocPtr tree, xmlNodePtr old, xmlNodePtr new,
    const char *old_label, const char *new_label);

/* ---- transform.c: XSLT with security preferences -------------------- */

struct stylesheet;
struct stylesheet *stylesheet_new(struct project *, const char *name);
void stylesheet_free(struct stylesheet *);
xmlDocPtr stylesheet_transform(struct project *, struct stylesheet *,
    const char **params);
int stylesheet_apply(struct project *, struct stylesheet *,
    const char **params, struct buf *out);

/* ---- package.c / pdf.c: formats finished after the transform --------- */

int package_zip(struct project *, xmlDocPtr manifest, const char *what,
    struct buf *out);

/* One PDF to make: XSL-FO in, PDF bytes out (or failed set). */
struct pdf_job {
	struct buf fo;		/* the XSL-FO from the stylesheet */
	struct buf *pdf;	/* where the PDF goes */
	const char *what;	/* the output's path, for diagnostics */
	xmlNodePtr about;	/* the source it is made from, or NULL */
	int failed;
};

int fop_installed(void);
int fop_require(const char *cmd);
void fop_skipped(const char *cmd, const char *what);
int pdf_render(struct project *, struct pdf_job *, size_t n);

/* ---- write.c: confined, atomic output ------------------------------- */

struct outdir;
struct outdir *outdir_new(const char *path);
void outdir_free(struct outdir *);
int outdir_write(struct outdir *, const char *relpath, const char *data,
    size_t len);
struct outfile;
struct outfile *outfile_open(struct outdir *, const char *relpath);
int outfile_write(struct outfile *, const char *data, size_t len);
int outfile_commit(struct outfile *);
void outfile_abort(struct outfile *);
char *file_read(const char *path, size_t *len);

/* ---- csv.c: the staff list ------------------------------------------ */

struct person {
	char *name, *unit, *title, *employee;
	int line;
};

struct staff {
	struct person *v;
	size_t n;
};

int staff_parse(struct diags *, const char *rel, const char *data,
    size_t len, int cp1252, struct staff *out);
void staff_free(struct staff *);

/* ---- record.c: what each output was built from --------------------- */

struct record;
struct record *record_load(const char *outdir);
void record_free(struct record *);
int record_current(struct record *, const char *outdir, const char *path,
    const char *key);
void record_set(struct record *, const char *path, const char *key,
    const char *data, size_t len);
int record_save(struct record *, struct outdir *);
char *record_tree_hash(const char *dir, const char *suffix);

/* ---- cmd.c: the commands -------------------------------------------- */

struct options {
	const char *dir;	/* -C */
	const char *outdir;	/* -o */
	const char *format;	/* check --format / build -f */
	int dump;		/* build --dump */
	int internal;		/* build, report --internal */
	int strict;		/* check --strict */
	int force;		/* build --force */
	const char *organ, *date, *paragraph, *dnr, *valid_from; /* adopt */
	const char *version;	/* revise --version */
	const char *outfile;	/* diff -o */
	const char *staff;	/* sign --staff */
	const char *encoding;	/* sign --encoding */
};

int cmd_check(struct options *, int argc, char **argv);
int cmd_build(struct options *, int argc, char **argv);
int cmd_list(struct options *, int argc, char **argv);
int cmd_report(struct options *, int argc, char **argv);
int cmd_adopt(struct options *, int argc, char **argv);
int cmd_revise(struct options *, int argc, char **argv);
int cmd_diff(struct options *, int argc, char **argv);
struct project *run_stages(int enrich_too, int *status);
int render_document(struct project *, const char *id, const char *fmt,
    struct buf *out);
int render_format(struct project *, const char *kind, const char *id,
    const char *fmt, struct buf *out);
int render_kind(struct project *, const char *kind, const char *id,
    struct buf *out);
int cmd_sign(struct options *, int argc, char **argv);
int cmd_packet(struct options *, int argc, char **argv);
int staff_load(struct project *, const char *path, int cp1252,
    struct staff *);
char *newest_adopted(const char *id);
void signatures_enrich(struct project *);

/* ---- archive.c: adopted versions ------------------------------------ */

void archives_verify(struct project *);

#endif

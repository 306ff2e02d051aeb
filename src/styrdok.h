/* SPDX-License-Identifier: ISC */
/*
 * styrdok.h - the project tree and the stages that pass it on (load,
 * validate, rules, enrich, diff, transform, write) with the pipeline
 * that runs them in order.  Included by every file in src/; the commands
 * add cmd.h, and render.h when they render.
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
#include <sys/types.h>

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define STYRDOK_VERSION "0.1.0"

/* Namespaces of the source vocabulary and of cmark's XML tree. */
#define NS_STYRDOK ((const xmlChar *)"urn:styrdok:1")
#define NS_COMMONMARK ((const xmlChar *)"http://commonmark.org/xml/1.0")
/* The redline's change marks on a copy of a document (diff.c). */
#define NS_CHANGE ((const xmlChar *)"urn:styrdok:change:1")

/* Limits on untrusted input; each is documented in styrdok(1). */
#define LIMIT_FILE_BYTES (20L * 1024 * 1024)
#define LIMIT_RUN_BYTES (100L * 1024 * 1024)
#define LIMIT_INCLUDE_DEPTH 8
#define LIMIT_INCLUDE_COUNT 64
#define LIMIT_MARKDOWN_BYTES (64 * 1024)
#define LIMIT_RUN_MARKDOWN_BYTES ((size_t)8 * 1024 * 1024)
#define LIMIT_MARKDOWN_DEPTH 32
#define LIMIT_SECTION_DEPTH 4

/* Plain Swedish (rules readability, req-long); see styrdok(1). */
#define READABILITY_LIX_MAX 50	/* unless the document sets lix-max= */
#define READABILITY_MIN_WORDS 300	/* LIX of a shorter text says little */
#define READABILITY_STATEMENT_WORDS 25

#include "util.h"
#include "diag.h"

/* ---- load.c: safe parsing, confined XInclude, the project tree ------ */

struct project {
	char *root;	 /* realpath of the project root */
	char *policies;	 /* realpath of root/policies */
	char *templates; /* realpath of the templates directory */
	xmlDocPtr tree;	 /* <project>: the one tree every stage works on */
	struct diags *diags;
	int own_diags;		/* diags is the project's, freed with it */
	int organisation_invalid; /* dropped for schema errors */
	xmlHashTablePtr left_out; /* ids of sources dropped for them */
	char today[11];	 /* the date rules measure age against */
	size_t markdown_bytes;	/* prose parsed so far in this run */
	char *override_path;	/* read override instead of this file */
	char *fop_conf;		/* a generated FOP configuration, or NULL */
	struct buf override;
	/* The library error handlers this project's replaced (pipeline.c). */
	xmlStructuredErrorFunc saved_xml;
	void *saved_xml_ctx;
	xmlGenericErrorFunc saved_xslt;
	void *saved_xslt_ctx;
};

struct project *project_new(const char *templates, struct diags *);
void project_free(struct project *);
int project_load(struct project *);
void project_override(struct project *, const char *rel, const char *data,
    size_t len);
xmlDocPtr source_parse(struct project *, const char *rel);
int source_canonical(struct project *, const char *rel, struct buf *out);
xmlDocPtr document_file_load(struct project *, const char *path);
int source_sha256(xmlDocPtr, char hex[65]);

/* ---- tree.c: reading the project tree -------------------------------- */

int tree_is(xmlNodePtr, const char *name);
xmlNodePtr tree_child(xmlNodePtr, const char *name);
char *tree_prop(xmlNodePtr, const char *name);
xmlNodePtr tree_find(struct project *, const char *kind, const char *id);
extern xmlNode tree_left_out;
#define TREE_LEFT_OUT (&tree_left_out)	/* an id of a source left out */
char *tree_hint(xmlHashTablePtr ids, const char *kind, const char *bad);
char *tree_hint_in(struct project *, const char *kind, const char *bad);
xmlNodePtr tree_ref(struct diags *, xmlHashTablePtr ids, xmlNodePtr,
    const char *attr, const char *kind, enum rule rule, const char *what);
xmlNodePtr *tree_sources(struct project *, const char *kind, size_t *n);
int tree_has_source(struct project *, const char *kind);
char *tree_meta(xmlNodePtr doc, const char *name);

/* ---- validate.c / rules.c: structure by schema, meaning by rules ----- */

int validate_schema(struct project *);
struct explainer;
struct explainer *explainer_new(const char *rng_path);
void explainer_free(struct explainer *);
int explain_source(struct explainer *, struct diags *, xmlNodePtr top);
int validate_document(struct project *, xmlDocPtr);
void rules_run(struct project *);
void registers_check(struct project *, xmlHashTablePtr ids);
int organ_may_adopt(xmlNodePtr org, xmlNodePtr organ, const char *type,
    char **why);

/* ---- markdown.c / enrich.c: derived content ------------------------- */

void markdown_splice(struct project *, xmlNodePtr prose, xmlHashTablePtr anchors);
void enrich(struct project *);
void enrich_document(struct project *, xmlNodePtr document);

/* ---- profile.c: the house-style profile ----------------------------- */

void profile_check(struct project *);
void profile_apply(struct project *);

/* ---- diff.c: the redline -------------------------------------------- */

int diff_documents(xmlDocPtr tree, xmlNodePtr old, xmlNodePtr new,
    const char *old_label, const char *new_label, const char *sha256);

/* ---- transform.c: XSLT with security preferences -------------------- */

struct stylesheet;
struct stylesheet *stylesheet_new(struct project *, const char *name);
void stylesheet_free(struct stylesheet *);
xmlDocPtr stylesheet_transform(struct project *, struct stylesheet *,
    const char **params);
int stylesheet_apply(struct project *, struct stylesheet *,
    const char **params, struct buf *out);
int stylesheet_apply_xml(struct project *, struct stylesheet *,
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
	long pages;		/* the pages it must have, or 0: any */
	int failed;
};

int fop_installed(void);
int fop_require(struct diags *, const char *cmd);
void fop_skipped(struct diags *, const char *cmd, const char *what);
int pdf_render(struct project *, struct pdf_job *, size_t n);
void pdf_clean_stale(struct diags *);
void pdf_clean_tmp(struct diags *, const char *top, long only);
char *pdf_dest_pages(const char *, size_t);
int pdf_link_contents(const char *, size_t, struct buf *update);

/* dynlib.c: libraries few runs need, opened when first needed. */
enum dynlib { DYNLIB_ZIP, DYNLIB_MICROHTTPD, DYNLIB_FONTCONFIG,
    DYNLIB_QRENCODE };
int dynlib_need(enum dynlib, struct diags *, const char *what);

/* jvm.c: FOP's JVM: settings for short runs, the class-data-sharing
 * archive in the user's cache, several PDFs in one JVM through Ant. */
struct jvm;
struct jvm *jvm_new(const char *tmpdir, const char *fop, int batch);
void jvm_free(struct jvm *);
int jvm_batch(const struct jvm *);
char **jvm_batch_argv(struct jvm *, const char *buildfile);
void jvm_argv_free(char **);
char *jvm_java_args(struct jvm *, int maker);
int jvm_making(const struct jvm *);
void jvm_done(struct jvm *, int ok);
char *jvm_cache_dir(void);
void jvm_key(const char *route, const char *java, const char *fop,
    const char *const *jars, size_t njars, char hex[17]);
void jvm_buildfile(struct buf *, const char *conf, char *const *fo,
    char *const *pdf, const size_t *order, size_t n, size_t threads);
size_t jvm_split_log(const char *log, size_t len, struct buf *out, size_t n,
    struct buf *rest);

/* ---- write.c: confined, atomic output ------------------------------- */

struct outdir;
int outdir_check(struct diags *, const char *path);
struct outdir *outdir_new(struct diags *, const char *path);
void outdir_free(struct outdir *);
int outdir_holds(struct outdir *, const char *relpath, const char *data,
    size_t len);
int outdir_write(struct outdir *, const char *relpath, const char *data,
    size_t len);
struct outfile;
struct outfile *outfile_open(struct outdir *, const char *relpath);
int outfile_write(struct outfile *, const char *data, size_t len);
int outfile_commit(struct outfile *);
void outfile_abort(struct outfile *);
void outdir_set_private(struct outdir *);
int write_stage_dir(struct outdir *, const char *staging, const char *final);
int write_commit(struct diags *);
void write_abort(void);
int write_committed(void);
int write_recover(struct diags *);
void write_clean_stale(struct diags *, const char *dir);
void remove_tree(const char *path);
char *file_read(const char *path, size_t *len);
char **dir_names(const char *dir, size_t *n);

/* ---- signals.c / lock.c: stopping, and one writer at a time ---------- */

void signals_init(void);
int interrupted(void);
void signals_hold(int delta);
void signals_block(int block);
int child_add(pid_t pgid);
void child_remove(pid_t pgid);
int pid_alive(long pid);
int project_lock(struct diags *);
void project_recover(struct diags *);
void project_unlock(void);

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
int csv_read(struct diags *, const char *rel, const char *data, size_t len,
    int cp1252, enum rule,
    int (*row)(void *, int line, char **fields, size_t n), void *arg);
char *csv_header_key(const char *);

/* ---- qr.c: the code on every signing sheet -------------------------- */

#define QR_PREFIX "STYRDOK1"	/* the payload format's name and version */
#define QR_DRAFT "-UTKAST"	/* after the version: the sheet said UTKAST */
#define EMPLOYEE_MAX 64		/* bytes of an employee number in a code */

/* A sheet's code as read back. */
struct sheet_code {
	char *id, *version, *hash, *employee;
	int draft;
};

enum qr_parse { QR_OK, QR_NOT_CODE, QR_LAYOUT, QR_FORMAT };

char *qr_payload(const char *id, const char *version, int draft,
    const char *hash12, const char *employee);
xmlNodePtr qr_node(xmlNodePtr parent, const char *payload);
enum qr_parse qr_parse(const char *line, struct sheet_code *);
void sheet_code_free(struct sheet_code *);

/* ---- record.c: what each output was built from --------------------- */

struct record;
struct record *record_load(const char *outdir);
void record_free(struct record *);
int record_current(struct record *, const char *outdir, const char *path,
    const char *key);
void record_set(struct record *, const char *path, const char *key,
    const char *data, size_t len);
int record_save(struct record *, struct outdir *, const char *dir);
char *record_tree_hash(const char *dir, const char *suffix);
char *record_templates_hash(const char *templates, const char *fmtdir);

/* ---- pipeline.c: the stages in order ------------------------------- */

char *pipeline_templates(struct diags *);
struct project *pipeline_new(const char *templates, struct diags *);
void pipeline_free(struct project *);
int pipeline_run(struct project *, int enrich_too);
#define STAGES_ENRICH 1	/* markdown, numbering, derived values */
#define STAGES_ERRORS_ONLY 2	/* drop the sources' warnings and notes */
struct project *run_stages(struct diags *, int flags, int *status);

/* ---- signatures.c: the signature registers (check stage) ----------- */

int staff_load(struct project *, const char *path, int cp1252,
    struct staff *);
void signatures_check(struct project *);
char *signatures_in_force(xmlNodePtr doc);
char *signatures_hash(xmlNodePtr doc, const char *id, const char *version);
int signatures_has_version(xmlNodePtr doc, const char *version);

/* ---- archive.c: adopted versions ------------------------------------ */

#define ADOPTED "policies/adopted"
#define WITHDRAWN "WITHDRAWN"	/* beside MANIFEST: the adoption was withdrawn */

char *archive_source_path(const char *id, const char *version);
char *archive_entry(const char *id, const char *version);
char *archive_next_entry(const char *id, const char *version);
char *newest_adopted(const char *id);
char *withdrawal_text(const char *id, const char *version,
    const char *decision, const char *date, const char *by,
    const char *reason, const char *manifest_hex);
void archives_verify(struct project *);
void archive_withdrawals(struct project *);
void archive_clean_stale(struct diags *);

#endif

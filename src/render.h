/* SPDX-License-Identifier: ISC */
/*
 * render.h - the renderer: the format table, the page-kind table and a
 * per-run struct renderer that compiles each stylesheet once, renders
 * pages, sets their PDFs with FOP and writes them.  For the command
 * files only (build.c, cmd_*.c); no stage includes it.
 */
#ifndef STYRDOK_RENDER_H
#define STYRDOK_RENDER_H

#include "styrdok.h"

/*
 * One output format: one stylesheet directory and one row of formats[].
 * A page of a kind exists in a format when the format's directory has a
 * stylesheet of the kind's name.  What the stylesheet gives is finished:
 * serialised as it is, set as PDF by FOP (pdf.c), or zipped as an office
 * package (package.c).
 */
enum finish { FINISH_TEXT, FINISH_PDF, FINISH_ZIP };

struct format {
	const char *name;	/* as given to -f */
	const char *dir;	/* under templates/ */
	const char *suffix;	/* file name suffix */
	enum finish finish;
	int in_build;		/* build makes it when -f is not given */
	int always;		/* build makes it whatever -f says */
	int to_stdout;		/* text a terminal can show */
};

extern const struct format formats[];
extern const size_t nformats;

#define FORMATS_MAX 16

/* A choice of formats, in the order of formats[]. */
struct format_set {
	const struct format *v[FORMATS_MAX];
	size_t n;
};

const struct format *format_find(const char *name);
void format_set_add(struct format_set *, const struct format *);
int format_set_has(const struct format_set *, const struct format *);
int format_set_parse(struct format_set *, const char *list,
    int (*allowed)(const struct format *), char **bad);
char *format_names(int (*allowed)(const struct format *));
int format_in_build(const struct format *);
int format_to_stdout(const struct format *);
int format_any(const struct format *);

/* What a page of a kind is built from: the key of the incremental build. */
enum kind_deps {
	DEPS_NONE,	/* made on demand by a command, never recorded */
	DEPS_DOCUMENT,	/* its document, the documents it names, matrices */
	DEPS_REGISTERS,	/* the registers (systems, risks, continuity) */
	DEPS_PROJECT,	/* every source and the staff lists */
};

/* How many pages of a kind a build makes. */
enum kind_scope {
	SCOPE_COMMAND,	/* none: a command makes them (diff, sheets, packet) */
	SCOPE_EACH,	/* one per source whose root element is root */
	SCOPE_ANY,	/* one when any source has root as its root element */
	SCOPE_PROJECT,	/* one for the project */
};

/*
 * One kind of page: a stylesheet name, the root element it is made
 * from, and where build writes it.  In path, %i is the id and %v the
 * version of the source; ".suffix" of the format follows.
 */
struct kind {
	const char *name;	/* stylesheet <format dir>/<name>.xsl */
	const char *root;	/* source root element, or NULL */
	enum kind_scope scope;
	const char *path;	/* output path pattern, or NULL */
	enum kind_deps deps;
	int named;		/* also made when build names documents */
};

extern const struct kind kinds[];
extern const size_t nkinds;

const struct kind *kind_find(const char *name);
char *kind_path(const struct kind *, const struct format *, const char *id,
    const char *version);

/* One file to write: its path under the output directory and bytes. */
struct page {
	char *path;
	struct buf data;
	struct buf fo;		/* a PDF page: XSL-FO still to be set by FOP */
	xmlNodePtr about;	/* the source a PDF is made from, or NULL */
	char key[65];		/* what it is built from; "" when not recorded */
	int current;		/* built from the same inputs: not written */
	int same;		/* rendered, and its file holds these bytes:
				   not written either */
	int borrowed;		/* not of this run's formats; only read */
	/* A DOCX waiting for the pages of the PDF set in the same run. */
	struct stylesheet *wait;
	char *wait_id, *wait_restricted;
	size_t wait_pdf;	/* that PDF's index among the pages */
};

struct renderer;

struct renderer *renderer_new(struct project *);
void renderer_free(struct renderer *);
void renderer_record(struct renderer *, struct record *, const char *outdir);
void renderer_expect(struct renderer *, size_t total);
struct stylesheet *renderer_sheet(struct renderer *, const char *name);
int renderer_has(struct renderer *, const struct format *, const char *kind);
void render_page(struct renderer *, const struct format *, const char *kind,
    const char *id, const char *restricted, char *path, const char *key);
void renderer_keep_current(struct renderer *, const struct format *,
    const char *kind, char *path, const char *key);
int renderer_finish(struct renderer *);
int renderer_write(struct renderer *, const char *dir);
int renderer_failed(const struct renderer *);
size_t renderer_npages(const struct renderer *);
const struct page *renderer_page(const struct renderer *, size_t);
int render_one(struct renderer *, const char *kind, const char *id,
    const char *fmt, const char *what, struct buf *out);

#endif

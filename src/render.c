/* SPDX-License-Identifier: ISC */
/*
 * render.c - stage 4 driven for the commands: the format and page-kind
 * tables, and struct renderer, which owns every stylesheet compiled in
 * a run and the pages rendered so far.  A page is rendered by applying
 * templates/<format dir>/<kind>.xsl to the enriched tree with doc=id,
 * then finished as its format says; PDF pages are set by FOP together
 * (renderer_finish) and the pages are written only when all succeeded
 * (renderer_write).  A document's DOCX whose PDF is set in the same run
 * waits for it, so that its contents list names the PDF's pages.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "render.h"

/* Adding a format: one row here plus its stylesheets (README, Layout). */
const struct format formats[] = {
	/* name   dir         suffix  finish       build always stdout */
	{"html", "html", "html", FINISH_TEXT, 1, 0, 1},
	{"md", "markdown", "md", FINISH_TEXT, 1, 0, 1},
	{"json", "json", "json", FINISH_TEXT, 0, 1, 1},
	{"pdf", "fo", "pdf", FINISH_PDF, 1, 0, 0},
	{"docx", "docx", "docx", FINISH_ZIP, 1, 0, 0},
	{"odt", "odt", "odt", FINISH_ZIP, 1, 0, 0},
};
const size_t nformats = sizeof(formats) / sizeof(formats[0]);

/* The kinds of page, in the order build makes them. */
const struct kind kinds[] = {
	{"document", "document", SCOPE_EACH, "%i/%v/%i", DEPS_DOCUMENT, 1},
	{"systems", "systems", SCOPE_EACH, "register/%i", DEPS_REGISTERS, 0},
	{"risks", "risk-analysis", SCOPE_ANY, "register/riskanalyser",
	    DEPS_REGISTERS, 0},
	{"continuity", "continuity-plan", SCOPE_ANY,
	    "register/kontinuitetsplaner", DEPS_REGISTERS, 0},
	{"report", NULL, SCOPE_PROJECT, "report/report", DEPS_PROJECT, 0},
	{"index", NULL, SCOPE_PROJECT, "index", DEPS_PROJECT, 1},
	{"diff", NULL, SCOPE_COMMAND, NULL, DEPS_NONE, 0},
	{"sheets", NULL, SCOPE_COMMAND, NULL, DEPS_NONE, 0},
	{"packet", NULL, SCOPE_COMMAND, NULL, DEPS_NONE, 0},
};
const size_t nkinds = sizeof(kinds) / sizeof(kinds[0]);

const struct format *
format_find(const char *name)
{
	for (size_t i = 0; i < nformats; i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

int
format_in_build(const struct format *f)
{
	return f->in_build || f->always;
}

int
format_to_stdout(const struct format *f)
{
	return f->to_stdout;
}

int
format_any(const struct format *f)
{
	(void)f;
	return 1;
}

int
format_set_has(const struct format_set *s, const struct format *f)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == f)
			return 1;
	return 0;
}

/* Adds f, keeping the order of formats[]. */
void
format_set_add(struct format_set *s, const struct format *f)
{
	size_t at;

	if (format_set_has(s, f) || s->n == FORMATS_MAX)
		return;
	for (at = s->n; at > 0 && s->v[at - 1] > f; at--)
		s->v[at] = s->v[at - 1];
	s->v[at] = f;
	s->n++;
}

/*
 * Adds the formats of a comma-separated list such as "html,md".
 * Returns 0, or -1 with the first unknown or not allowed name in *bad
 * (the caller frees it).
 */
int
format_set_parse(struct format_set *s, const char *list,
    int (*allowed)(const struct format *), char **bad)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	*bad = NULL;
	for (char *name = strtok_r(copy, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save)) {
		const struct format *f = format_find(name);

		if (f == NULL || !allowed(f)) {
			*bad = xstrdup(name);
			rc = -1;
			break;
		}
		format_set_add(s, f);
	}
	free(copy);
	return rc;
}

/* The names of the allowed formats, "html, md, pdf"; the caller frees. */
char *
format_names(int (*allowed)(const struct format *))
{
	struct buf b = {0};

	for (size_t i = 0; i < nformats; i++)
		if (allowed(&formats[i]))
			buf_printf(&b, "%s%s", b.len ? ", " : "",
			    formats[i].name);
	return b.data ? b.data : xstrdup("");
}

const struct kind *
kind_find(const char *name)
{
	for (size_t i = 0; i < nkinds; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

/* The output path of a page of kind k in format f; the caller frees. */
char *
kind_path(const struct kind *k, const struct format *f, const char *id,
    const char *version)
{
	struct buf b = {0};

	for (const char *c = k->path; c != NULL && *c != '\0'; c++) {
		if (c[0] == '%' && c[1] == 'i')
			buf_adds(&b, id ? id : "");
		else if (c[0] == '%' && c[1] == 'v')
			buf_adds(&b, version ? version : "");
		else {
			buf_add(&b, c, 1);
			continue;
		}
		c++;
	}
	buf_printf(&b, ".%s", f->suffix);
	return b.data;
}

/* ---- the renderer ------------------------------------------------------ */

struct sheet_entry {
	char *name;
	struct stylesheet *sheet;	/* NULL when it failed to compile */
};

struct renderer {
	struct project *p;
	struct sheet_entry *sheets;	/* compiled once per run */
	size_t nsheets;
	struct page *v;
	size_t n;
	int failed;
	int fop_failed;			/* a PDF could not be set: exit 3 */
	struct record *rec;		/* build: what was built before */
	const char *outdir;
	size_t total, done;		/* pages, for the progress line */
	const char *writing;		/* the output directory, once known */
};

struct renderer *
renderer_new(struct project *p)
{
	struct renderer *r = xcalloc(1, sizeof(*r));

	r->p = p;
	return r;
}

static void
pages_clear(struct renderer *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].path);
		free(r->v[i].wait_id);
		free(r->v[i].wait_restricted);
		buf_free(&r->v[i].data);
		buf_free(&r->v[i].fo);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
	r->failed = r->fop_failed = 0;
}

void
renderer_free(struct renderer *r)
{
	if (r == NULL)
		return;
	pages_clear(r);
	for (size_t i = 0; i < r->nsheets; i++) {
		free(r->sheets[i].name);
		stylesheet_free(r->sheets[i].sheet);
	}
	free(r->sheets);
	record_free(r->rec);
	free(r);
}

/*
 * Makes the renderer skip pages whose key and file are as rec says, and
 * update rec with what it writes.  Takes ownership of rec.
 */
void
renderer_record(struct renderer *r, struct record *rec, const char *outdir)
{
	record_free(r->rec);
	r->rec = rec;
	r->outdir = outdir;
}

/*
 * The stylesheet name (relative to the templates), compiled on first
 * use and kept for the run.  Returns NULL after a diagnostic.
 */
/* How many pages the run will render, for the progress line. */
void
renderer_expect(struct renderer *r, size_t total)
{
	r->total = total;
}

struct stylesheet *
renderer_sheet(struct renderer *r, const char *name)
{
	for (size_t i = 0; i < r->nsheets; i++)
		if (strcmp(r->sheets[i].name, name) == 0)
			return r->sheets[i].sheet;
	r->sheets = xrealloc(r->sheets, (r->nsheets + 1) * sizeof(*r->sheets));
	r->sheets[r->nsheets].name = xstrdup(name);
	r->sheets[r->nsheets].sheet = stylesheet_new(r->p, name);
	return r->sheets[r->nsheets++].sheet;
}

/* Does format f have a page of this kind (a stylesheet of that name)? */
int
renderer_has(struct renderer *r, const struct format *f, const char *kind)
{
	char *path = xasprintf("%s/%s/%s.xsl", r->p->templates, f->dir, kind);
	struct stat st;
	int has = stat(path, &st) == 0;

	free(path);
	return has;
}

/*
 * Applies s and finishes the result as format f says: the bytes of the
 * page, or for PDF the XSL-FO that renderer_finish() gives to FOP.
 */
static int
finish(struct project *p, struct stylesheet *s, const struct format *f,
    const char **params, struct page *pg)
{
	xmlDocPtr res;
	int rc;

	switch (f->finish) {
	case FINISH_PDF:
		return stylesheet_apply_xml(p, s, params, &pg->fo);
	case FINISH_ZIP:
		if ((res = stylesheet_transform(p, s, params)) == NULL)
			return -1;
		rc = package_zip(p, res, pg->path, &pg->data);
		xmlFreeDoc(res);
		return rc;
	case FINISH_TEXT:
	default:
		return stylesheet_apply(p, s, params, &pg->data);
	}
}

/*
 * The pages of a document's DOCX contents list (" id=page ... ", see
 * pdfdest.c, or NULL) when its PDF is in this run: *wait is set to the
 * index of that PDF when FOP has still to set it, or the PDF written
 * by an earlier build with the same inputs is read now.  pg is the
 * DOCX page, the last one added.
 */
static char *
toc_pages(struct renderer *r, const struct page *pg, size_t *wait)
{
	char *pages = NULL, *file, *want;
	size_t len, stem = strlen(pg->path);

	*wait = r->n;
	if (stem < 5 || strcmp(pg->path + stem - 5, ".docx") != 0)
		return NULL;
	/*
	 * The PDF beside it, by path: a page that is current was never
	 * looked up in the tree, so it has no document to compare.
	 */
	want = xasprintf("%.*s.pdf", (int)(stem - 5), pg->path);
	for (size_t i = 0; i + 1 < r->n; i++) {
		const struct page *o = &r->v[i];

		if (strcmp(o->path, want) != 0)
			continue;
		free(want);
		if (o->fo.len > 0) {
			*wait = i;
			return NULL;
		}
		if (!o->current || r->outdir == NULL)
			return NULL;
		file = xasprintf("%s/%s", r->outdir, o->path);
		char *data = file_read(file, &len);

		if (data != NULL)
			pages = pdf_dest_pages(data, len);
		free(data);
		free(file);
		return pages;
	}
	free(want);
	return NULL;
}

/*
 * A new page at path (taken over) with key (NULL: not recorded); current
 * when the record says its file is as built from key.
 */
static struct page *
page_add(struct renderer *r, char *path, const char *key)
{
	struct page *pg;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
	pg = &r->v[r->n++];
	memset(pg, 0, sizeof(*pg));
	pg->path = path;
	if (key != NULL) {
		memcpy(pg->key, key, 65);
		pg->current = r->rec != NULL &&
		    record_current(r->rec, r->outdir, path, pg->key);
	}
	return pg;
}

/*
 * Renders one page: templates/<format dir>/<kind>.xsl with doc=id, to
 * be written at path (taken over).  With a key and a record, a page
 * whose inputs and file are as recorded is not rendered again.  A
 * format without a page of this kind adds nothing.
 */
void
render_page(struct renderer *r, const struct format *f, const char *kind,
    const char *id, const char *restricted, char *path, const char *key)
{
	char *name, *pages = NULL;
	const char *params[] = {"doc", id ? id : "", "restricted", restricted,
	    NULL, NULL, NULL};
	struct page *pg;
	size_t wait;

	if (!renderer_has(r, f, kind)) {
		free(path);
		return;
	}
	/* A run told to stop renders nothing more; it will write nothing. */
	if (interrupted())
		r->failed = 1;
	r->done++;
	if (r->total > 0)
		diag_progress(r->p->diags, "rendering: %zu/%zu pages",
		    r->done, r->total);
	else
		diag_progress(r->p->diags, "rendering: %zu pages", r->done);
	pg = page_add(r, path, key);
	if (pg->current)
		return;
	/* Looked for only when rendered: a build with nothing changed stays
	 * linear in the number of pages. */
	pg->about = id != NULL && *id ? tree_find(r->p, "document", id) : NULL;
	name = xasprintf("%s/%s.xsl", f->dir, kind);
	struct stylesheet *s = renderer_sheet(r, name);

	free(name);
	/* A document's DOCX names the pages of its PDF in its contents. */
	if (s != NULL && strcmp(f->name, "docx") == 0 &&
	    strcmp(kind, "document") == 0) {
		pages = toc_pages(r, pg, &wait);
		if (wait < r->n) {
			pg->wait = s;
			pg->wait_id = xstrdup(id ? id : "");
			pg->wait_restricted = xstrdup(restricted);
			pg->wait_pdf = wait;
			return;
		}
		params[4] = "toc-pages";
		params[5] = pages ? pages : "";
	}
	if (s == NULL || finish(r->p, s, f, params, pg))
		r->failed = 1;
	free(pages);
}

/*
 * Holds the page at path (taken over) as a current one when the record
 * says its file is as built from key; otherwise does nothing.  For a
 * page this run does not make but another page reads: a DOCX the pages
 * of its PDF, in a build without PDF among its formats.
 */
void
renderer_keep_current(struct renderer *r, const struct format *f,
    const char *kind, char *path, const char *key)
{
	struct page *pg;

	if (!renderer_has(r, f, kind) || r->rec == NULL) {
		free(path);
		return;
	}
	pg = page_add(r, path, key);
	if (pg->current)
		pg->borrowed = 1;
	else {
		free(pg->path);
		r->n--;
	}
}

/*
 * Sets every PDF page's XSL-FO with FOP, all at once so FOP runs side
 * by side.  Returns 0, or -1 with the pages marked failed.
 */
int
renderer_finish(struct renderer *r)
{
	struct pdf_job *jobs = NULL;
	size_t n = 0;

	if (r->failed)
		return -1;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].fo.len > 0) {
			jobs = xrealloc(jobs, (n + 1) * sizeof(*jobs));
			memset(&jobs[n], 0, sizeof(*jobs));
			jobs[n].fo = r->v[i].fo;
			jobs[n].pdf = &r->v[i].data;
			/* Named as a reader finds it: under the directory. */
			jobs[n].what = r->writing == NULL ? xstrdup(r->v[i].path) :
			    xasprintf("%s/%s", r->writing, r->v[i].path);
			jobs[n++].about = r->v[i].about;
		}
	/* FOP failing is trouble with the environment, not the input. */
	if (n > 0 && pdf_render(r->p, jobs, n) != 0)
		r->failed = r->fop_failed = 1;
	/* The DOCX that waited for the pages of its PDF. */
	for (size_t i = 0; i < r->n && !r->failed; i++) {
		struct page *pg = &r->v[i], *pdf;
		char *pages;

		if (pg->wait == NULL)
			continue;
		pdf = &r->v[pg->wait_pdf];
		pages = pdf_dest_pages(pdf->data.data ? pdf->data.data : "",
		    pdf->data.len);
		const char *params[] = {"doc", pg->wait_id, "restricted",
		    pg->wait_restricted, "toc-pages", pages ? pages : "", NULL};

		if (finish(r->p, pg->wait, format_find("docx"), params, pg))
			r->failed = 1;
		pg->wait = NULL;
		free(pages);
	}
	/* The FO buffers stay owned by the pages. */
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].fo.len > 0) {
			buf_free(&r->v[i].fo);
			r->v[i].fo = (struct buf){0};
		}
	for (size_t i = 0; i < n; i++)
		free((char *)jobs[i].what);
	free(jobs);
	return r->failed ? -1 : 0;
}

/*
 * Finishes the pages and writes every one that is not current under dir,
 * with the record of what each was built from, all in one commit; or
 * nothing when rendering or writing failed.  A page whose file already
 * holds its bytes is not written again (same), and a run with every page
 * current or the same writes nothing at all.  Returns an exit status.
 */
int
renderer_write(struct renderer *r, const char *dir)
{
	struct outdir *od;
	int status = EXIT_OK;

	r->writing = dir;
	if (renderer_finish(r) != 0)
		return r->fop_failed ? EXIT_SYSTEM : EXIT_INPUT;
	if ((od = outdir_new(r->p->diags, dir)) == NULL)
		return EXIT_SYSTEM;
	for (size_t i = 0; i < r->n && status == EXIT_OK; i++) {
		struct page *pg = &r->v[i];

		if (pg->current)
			continue;
		pg->same = outdir_holds(od, pg->path, pg->data.data,
		    pg->data.len);
		if (interrupted() || (!pg->same && outdir_write(od, pg->path,
		    pg->data.data, pg->data.len) != 0))
			status = EXIT_SYSTEM;
		else if (r->rec != NULL)
			record_set(r->rec, pg->path, pg->key, pg->data.data,
			    pg->data.len);
	}
	if (status == EXIT_OK && r->rec != NULL && record_save(r->rec, od, dir))
		status = EXIT_SYSTEM;
	if (status == EXIT_OK && write_commit(r->p->diags) != 0)
		status = EXIT_SYSTEM;
	outdir_free(od);
	return status;
}

int
renderer_failed(const struct renderer *r)
{
	return r->failed;
}

size_t
renderer_npages(const struct renderer *r)
{
	return r->n;
}

const struct page *
renderer_page(const struct renderer *r, size_t i)
{
	return i < r->n ? &r->v[i] : NULL;
}

/*
 * Renders the page of kind for id in format fmt into out (PDF set by
 * FOP), restricted parts left out, with the stylesheets the renderer
 * already compiled; what names the page in diagnostics (NULL: the
 * kind).  Returns 0, or -1 after a diagnostic.
 */
int
render_one(struct renderer *r, const char *kind, const char *id,
    const char *fmt, const char *what, struct buf *out)
{
	const struct format *f = format_find(fmt);
	int rc = -1;

	pages_clear(r);
	if (f == NULL || !renderer_has(r, f, kind)) {
		diag_add(r->p->diags, NULL, 0, 0, SEV_ERROR, RULE_FORMAT,
		    "no %s page of this kind: %s", fmt, kind);
		return -1;
	}
	render_page(r, f, kind, id, "omit", xstrdup(what ? what : kind), NULL);
	if (renderer_finish(r) == 0) {
		buf_add(out, r->v[0].data.data ? r->v[0].data.data : "",
		    r->v[0].data.len);
		rc = 0;
	}
	pages_clear(r);
	return rc;
}

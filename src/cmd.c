/*
 * cmd.c - the commands.  Each runs the stages it needs over one project
 * tree (load -> validate -> enrich -> transform -> write) and turns the
 * outcome into the exit status of the contract in styrdok(1).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxslt/xsltutils.h>

#include "styrdok.h"

#ifndef STYRDOK_DATADIR
#define STYRDOK_DATADIR "/usr/local/share/styrdok"
#endif

/*
 * One output format: one stylesheet directory and one row here.  A kind
 * of page (a document, a register, the report) is made in a format when
 * the format's directory has a stylesheet of that name; it is applied to
 * the whole enriched tree with the parameter doc naming what to render.
 * What the stylesheet gives is then finished: serialised as it is, set
 * as PDF by FOP (pdf.c), or zipped as an office package (package.c).
 */
enum finish { FINISH_TEXT, FINISH_PDF, FINISH_ZIP };

struct format {
	const char *name;	/* as given to -f */
	const char *dir;	/* under templates/ */
	const char *suffix;	/* file name suffix */
	enum finish finish;
};

static const struct format formats[] = {
	{"html", "html", "html", FINISH_TEXT},
	{"md", "markdown", "md", FINISH_TEXT},
	{"json", "json", "json", FINISH_TEXT},
	{"pdf", "fo", "pdf", FINISH_PDF},
	{"docx", "docx", "docx", FINISH_ZIP},
	{"odt", "odt", "odt", FINISH_ZIP},
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))
#define FORMAT_HTML (1 << 0)
#define FORMAT_MD (1 << 1)
#define FORMAT_JSON (1 << 2)
#define FORMAT_PDF (1 << 3)
#define FORMAT_DOCX (1 << 4)
#define FORMAT_ODT (1 << 5)
#define FORMATS_ALL ((1 << NFORMATS) - 1)
/* What build makes by default: every format of a document. */
#define FORMATS_BUILD (FORMAT_HTML | FORMAT_MD | FORMAT_PDF | FORMAT_DOCX | \
    FORMAT_ODT)

static int
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

/*
 * Where the templates are: $STYRDOK_TEMPLATES; else templates/ beside
 * the executable (a build in the source tree); else the installed
 * STYRDOK_DATADIR/templates.  Returns a string the caller frees.
 */
static char *
find_templates(void)
{
	const char *env = getenv("STYRDOK_TEMPLATES");
	char exe[PATH_MAX], *slash, *dir;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/templates", exe);
			char *probe = xasprintf("%s/project.rng", dir);
			int ok = exists(probe);

			free(probe);
			if (ok)
				return dir;
			free(dir);
		}
	}
	return xstrdup(STYRDOK_DATADIR "/templates");
}

/*
 * Loads, validates and (unless only structure is wanted) enriches the
 * project.  Returns the project, or NULL when the environment is broken
 * (*status is then EXIT_SYSTEM).
 */
struct project *
run_stages(int enrich_too, int *status)
{
	char *templates = find_templates();
	struct project *p = project_new(templates);
	int rc;

	free(templates);
	*status = EXIT_SYSTEM;
	if (p == NULL)
		return NULL;
	xsltSetGenericErrorFunc(p->diags, diag_xslt_error);
	project_load(p);
	rc = validate_schema(p);
	if (rc < 0) {
		diags_print(p->diags, stderr);
		fprintf(stderr, "styrdok: the schema in %s cannot be used\n",
		    p->templates);
		project_free(p);
		return NULL;
	}
	rules_run(p);
	archives_verify(p);
	if (enrich_too)
		enrich(p);
	*status = diags_count(p->diags, SEV_ERROR) ? EXIT_INPUT : EXIT_OK;
	return p;
}

static void
report(struct project *p, int json)
{
	if (json)
		diags_print_json(p->diags, stdout);
	else
		diags_print(p->diags, stderr);
	diags_summary(p->diags, stderr);
}

int
cmd_check(struct options *o, int argc, char **argv)
{
	int status, json = o->format != NULL && strcmp(o->format, "json") == 0;
	struct project *p;

	if (o->format != NULL && !json && strcmp(o->format, "text") != 0) {
		fprintf(stderr, "styrdok: check: unknown format \"%s\" "
		    "(text or json)\n", o->format);
		return EXIT_USAGE;
	}
	if ((p = run_stages(1, &status)) == NULL)
		return status;
	if (argc > 0) {
		/* Name the files as diagnostics do: relative to the root. */
		char **rel = xcalloc((size_t)argc, sizeof(*rel));

		for (int i = 0; i < argc; i++) {
			char *real = realpath(argv[i], NULL);

			if (real == NULL) {
				fprintf(stderr, "styrdok: %s: %s\n", argv[i],
				    strerror(errno));
				status = EXIT_SYSTEM;
			}
			rel[i] = diag_relpath(p->diags, real ? real : argv[i]);
			free(real);
		}
		diags_restrict(p->diags, rel, argc);
		for (int i = 0; i < argc; i++)
			free(rel[i]);
		free(rel);
		if (status != EXIT_SYSTEM)
			status = diags_count(p->diags, SEV_ERROR) ?
			    EXIT_INPUT : EXIT_OK;
	}
	if (o->strict && status == EXIT_OK &&
	    diags_count(p->diags, SEV_WARNING) > 0)
		status = EXIT_INPUT;
	report(p, json);
	project_free(p);
	return status;
}

static int
is_doc(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, BAD_CAST "document");
}

static char *
meta_field(xmlNodePtr doc, const char *name)
{
	for (xmlNodePtr m = xmlFirstElementChild(doc); m; m = m->next)
		if (xmlStrEqual(m->name, BAD_CAST "meta"))
			for (xmlNodePtr f = m->children; f; f = f->next)
				if (f->type == XML_ELEMENT_NODE &&
				    xmlStrEqual(f->name, BAD_CAST name))
					return (char *)xmlNodeGetContent(f);
	return xstrdup("");
}

/* The documents of the tree, in source order. */
static xmlNodePtr *
documents(struct project *p, size_t *n)
{
	xmlNodePtr *v = NULL;

	*n = 0;
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);

		if (s->type == XML_ELEMENT_NODE && is_doc(top)) {
			v = xrealloc(v, (*n + 1) * sizeof(*v));
			v[(*n)++] = top;
		}
	}
	return v;
}

int
cmd_list(struct options *o, int argc, char **argv)
{
	int status, w[4] = {2, 4, 7, 6};
	struct project *p;
	xmlNodePtr *docs;
	size_t n, i;
	static const char *const field[] = {NULL, "type", "version", "status"};

	(void)o;
	(void)argv;
	if (argc > 0) {
		fputs("usage: styrdok list\n", stderr);
		return EXIT_USAGE;
	}
	if ((p = run_stages(0, &status)) == NULL)
		return status;
	docs = documents(p, &n);
	char *(*cells)[5] = xcalloc(n ? n : 1, sizeof(*cells));

	for (i = 0; i < n; i++) {
		cells[i][0] = (char *)xmlGetProp(docs[i], BAD_CAST "id");
		cells[i][1] = (char *)xmlGetProp(docs[i], BAD_CAST "type");
		cells[i][2] = meta_field(docs[i], "version");
		cells[i][3] = meta_field(docs[i], "status");
		cells[i][4] = meta_field(docs[i], "title");
		for (int c = 0; c < 4; c++)
			if ((int)utf8_columns(cells[i][c], SIZE_MAX) > w[c])
				w[c] = (int)utf8_columns(cells[i][c], SIZE_MAX);
	}
	(void)field;
	printf("%-*s  %-*s  %-*s  %-*s  %s\n", w[0], "ID", w[1], "TYPE",
	    w[2], "VERSION", w[3], "STATUS", "TITLE");
	for (i = 0; i < n; i++) {
		for (int c = 0; c < 4; c++)
			printf("%-*s  ", w[c], cells[i][c]);
		printf("%s\n", cells[i][4]);
		for (int c = 0; c < 5; c++)
			free(cells[i][c]);
	}
	free(cells);
	free(docs);
	if (diags_len(p->diags) > 0) {
		diags_print(p->diags, stderr);
		diags_summary(p->diags, stderr);
	}
	project_free(p);
	return status;
}

/* Parses "html,md" into a mask over formats[]; -1 on an unknown name. */
static int
parse_formats(const char *cmd, const char *list, int allowed)
{
	int mask = 0;
	char *copy = xstrdup(list), *save = NULL;

	for (char *f = strtok_r(copy, ",", &save); f;
	    f = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < NFORMATS; i++)
			if (strcmp(f, formats[i].name) == 0 &&
			    (allowed & (1 << i)))
				break;
		if (i == NFORMATS) {
			fprintf(stderr, "styrdok: %s: unknown format \"%s\" "
			    "(known:", cmd, f);
			for (i = 0; i < NFORMATS; i++)
				if (allowed & (1 << i))
					fprintf(stderr, " %s", formats[i].name);
			fputs(")\n", stderr);
			free(copy);
			return -1;
		}
		mask |= 1 << i;
	}
	free(copy);
	return mask;
}

/* Stylesheets are compiled once per run and shared by every page. */
struct sheets {
	char *name[32];
	struct stylesheet *sheet[32];
	size_t n;
};

static struct stylesheet *
sheet_get(struct sheets *c, struct project *p, const char *name)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->name[i], name) == 0)
			return c->sheet[i];
	if (c->n == sizeof(c->name) / sizeof(c->name[0]))
		return NULL;
	c->name[c->n] = xstrdup(name);
	c->sheet[c->n] = stylesheet_new(p, name);
	return c->sheet[c->n++];
}

static void
sheets_free(struct sheets *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->name[i]);
		stylesheet_free(c->sheet[i]);
	}
}

/* One file to write: its path under the output directory and bytes. */
struct page {
	char *path;
	struct buf data;
	struct buf fo;	/* a PDF page: the XSL-FO still to be set by FOP */
	xmlNodePtr about; /* the source a PDF is made from, or NULL */
	char key[65];	/* what it is built from; "" when not recorded */
	int current;	/* already built from the same inputs: not written */
};

struct pages {
	struct page *v;
	size_t n;
	int failed;
	int fop_failed;		/* a PDF could not be set: exit 3, not 1 */
	struct record *rec;	/* build: what was built before, or NULL */
	const char *outdir;
	char *templates, *staff; /* hashes every key includes */
};

static void
pages_free(struct pages *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->v[i].path);
		buf_free(&ps->v[i].data);
		buf_free(&ps->v[i].fo);
	}
	free(ps->v);
	record_free(ps->rec);
	free(ps->templates);
	free(ps->staff);
}

/* Renders one page: templates/<format dir>/<kind>.xsl with doc=id. */
/*
 * The key of a page: what it is built from.  Every page depends on the
 * templates, its settings and the organisation; a document on its own
 * source, the responsibility matrices and the documents it names; the
 * registers on the register sources; the report and the index on every
 * source and the staff lists.  Ages in the registers and the report are
 * measured on the day of as-of, so it is part of their key.
 */
static void
page_key(struct project *p, struct pages *ps, size_t f, const char *kind,
    const char *id, const char *restricted, char key[65])
{
	xmlNodePtr root = xmlDocGetRootElement(p->tree), doc = NULL;
	int whole = strcmp(kind, "report") == 0 || strcmp(kind, "index") == 0;
	int registers = !whole && strcmp(kind, "document") != 0;
	struct buf b = {0};
	xmlChar *bd = xmlGetProp(root, BAD_CAST "build-date");

	buf_printf(&b, "%s %s %s %s %s %s %s\n", ps->templates, formats[f].name,
	    kind, id ? id : "", restricted, bd ? (char *)bd : "",
	    whole || registers ? p->today : "");
	xmlFree(bd);
	if (whole)
		buf_printf(&b, "staff %s\n", ps->staff);
	if (!whole && !registers)
		doc = tree_find(p, "document", id);
	for (xmlNodePtr s = root->children; s != NULL; s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);
		int use = whole || tree_is(top, "organisation") ||
		    (doc != NULL && tree_is(top, "matrix"));

		if (registers)
			use |= tree_is(top, "systems") ||
			    tree_is(top, "risk-analysis") ||
			    tree_is(top, "continuity-plan");
		if (doc != NULL && tree_is(top, "document")) {
			char *tid = tree_prop(top, "id");

			use |= top == doc;
			for (xmlNodePtr m = tree_child(doc, "meta")->children;
			    m != NULL && !use; m = m->next) {
				char *ref = tree_prop(m, "doc");

				use = ref != NULL && strcmp(ref, tid) == 0;
				free(ref);
			}
			free(tid);
		}
		if (use) {
			xmlChar *sha = xmlGetProp(s, BAD_CAST "sha256");

			buf_printf(&b, "%s\n", sha ? (char *)sha : "");
			xmlFree(sha);
		}
	}
	/* A required document that appears or goes changes the page too. */
	for (xmlNodePtr m = doc ? tree_child(doc, "meta")->children : NULL; m;
	    m = m->next) {
		char *ref = tree_prop(m, "doc");

		if (ref != NULL)
			buf_printf(&b, "ref %s %d\n", ref,
			    tree_find(p, "document", ref) != NULL);
		free(ref);
	}
	sha256_hex(b.data, b.len, key);
	buf_free(&b);
}

/*
 * Applies s and finishes the result as format fmt says: the bytes of the
 * page, or for PDF the XSL-FO that pages_finish() gives to FOP.
 */
static int
finish(struct project *p, struct stylesheet *s, const struct format *fmt,
    const char **params, struct page *pg)
{
	xmlDocPtr res;
	int rc;

	switch (fmt->finish) {
	case FINISH_PDF:
		return stylesheet_apply(p, s, params, &pg->fo);
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

/* Does format f have a page of this kind (a stylesheet of that name)? */
static int
format_has(struct project *p, size_t f, const char *kind)
{
	char *path = xasprintf("%s/%s/%s.xsl", p->templates, formats[f].dir,
	    kind);
	int has = exists(path);

	free(path);
	return has;
}

/*
 * Sets every PDF page's XSL-FO with FOP, all at once so FOP runs side
 * by side.  Marks the pages failed when one PDF could not be made.
 */
static void
pages_finish(struct project *p, struct pages *ps)
{
	struct pdf_job *jobs = NULL;
	size_t n = 0;

	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].fo.len > 0) {
			jobs = xrealloc(jobs, (n + 1) * sizeof(*jobs));
			memset(&jobs[n], 0, sizeof(*jobs));
			jobs[n].fo = ps->v[i].fo;
			jobs[n].pdf = &ps->v[i].data;
			jobs[n].what = ps->v[i].path;
			jobs[n++].about = ps->v[i].about;
		}
	/* FOP failing is trouble with the environment, not the input. */
	if (n > 0 && pdf_render(p, jobs, n) != 0)
		ps->failed = ps->fop_failed = 1;
	/* The FO buffers stay owned by the pages. */
	for (size_t i = 0; i < ps->n; i++)
		if (ps->v[i].fo.len > 0) {
			buf_free(&ps->v[i].fo);
			ps->v[i].fo = (struct buf){0};
		}
	free(jobs);
}

/*
 * Renders one page: templates/<format dir>/<kind>.xsl with doc=id.  In a
 * build, a page whose inputs and file are as recorded is not rendered.
 * A format without a page of this kind adds nothing.
 */
static void
render_keyed(struct project *p, struct sheets *c, struct pages *ps, size_t f,
    const char *kind, const char *id, const char *restricted, char *path,
    const char *key)
{
	char *name = xasprintf("%s/%s.xsl", formats[f].dir, kind);
	const char *params[] = {"doc", id ? id : "", "restricted", restricted,
	    NULL};
	struct page *pg;

	if (!format_has(p, f, kind)) {
		free(name);
		free(path);
		return;
	}
	ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof(*ps->v));
	pg = &ps->v[ps->n++];
	memset(pg, 0, sizeof(*pg));
	pg->path = path;
	pg->about = id != NULL && *id ? tree_find(p, "document", id) : NULL;
	if (key != NULL) {
		memcpy(pg->key, key, 65);
		pg->current = ps->rec != NULL &&
		    record_current(ps->rec, ps->outdir, path, pg->key);
	}
	if (!pg->current) {
		struct stylesheet *s = sheet_get(c, p, name);

		if (s == NULL || finish(p, s, &formats[f], params, pg))
			ps->failed = 1;
	}
	free(name);
}

static void
render(struct project *p, struct sheets *c, struct pages *ps, size_t f,
    const char *kind, const char *id, const char *restricted, char *path)
{
	char key[65];

	if (ps->templates != NULL)
		page_key(p, ps, f, kind, id, restricted, key);
	render_keyed(p, c, ps, f, kind, id, restricted, path,
	    ps->templates != NULL ? key : NULL);
}

static int
has_root(struct project *p, const char *name)
{
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);

		if (top != NULL && xmlStrEqual(top->name, BAD_CAST name))
			return 1;
	}
	return 0;
}

/* The governance report, in each format of mask, under report/. */
static void
render_report(struct project *p, struct sheets *c, struct pages *ps,
    int mask, const char *restricted)
{
	for (size_t f = 0; f < NFORMATS; f++)
		if (mask & (1 << f))
			render(p, c, ps, f, "report", NULL, restricted,
			    xasprintf("report/report.%s", formats[f].suffix));
}

/*
 * Everything build writes: each wanted document and register in each
 * format of mask, the report, and the index.
 */
/*
 * Takes out of the tree what the page of document doc never reads (the
 * registers, cases, audits, plans and the documents it does not name),
 * so rendering a document costs what that document costs, not the size
 * of the whole project.  Returns them in order for put_back().
 */
static xmlNodePtr *
set_aside(struct project *p, xmlNodePtr doc, size_t *n)
{
	static const char *const keep[] = {"organisation", "matrix",
	    "profile"};
	xmlNodePtr root = xmlDocGetRootElement(p->tree), *v = NULL;

	/* Remember the whole order, so put_back() restores it exactly. */
	*n = 0;
	for (xmlNodePtr s = root->children; s != NULL; s = s->next) {
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = s;
	}
	for (size_t i = 0; i < *n; i++) {
		xmlNodePtr s = v[i], top = tree_is(s, "source") ?
		    xmlFirstElementChild(s) : s;
		int kept = top == doc;

		for (size_t k = 0; k < sizeof(keep) / sizeof(*keep); k++)
			kept |= tree_is(top, keep[k]);
		/* Other documents only when this one names them. */
		if (!kept && tree_is(top, "document")) {
			char *tid = tree_prop(top, "id");

			for (xmlNodePtr m = tree_child(doc, "meta")->children;
			    m != NULL && !kept; m = m->next) {
				char *ref = tree_prop(m, "doc");

				kept = ref != NULL && strcmp(ref, tid) == 0;
				free(ref);
			}
			free(tid);
		}
		if (!kept)
			xmlUnlinkNode(s);
	}
	return v;
}

static void
put_back(struct project *p, xmlNodePtr *v, size_t n)
{
	xmlNodePtr root = xmlDocGetRootElement(p->tree);

	for (size_t i = 0; i < n; i++) {
		xmlUnlinkNode(v[i]);
		xmlAddChild(root, v[i]);
	}
	free(v);
}

static void
render_all(struct project *p, struct sheets *c, struct pages *ps, int mask,
    int argc, char **argv, const char *restricted)
{
	size_t ndocs, naside;
	xmlNodePtr *docs = documents(p, &ndocs);
	xmlNodePtr *aside;

	for (size_t i = 0; i < ndocs; i++) {
		char *id = (char *)xmlGetProp(docs[i], BAD_CAST "id");
		char *version = meta_field(docs[i], "version");
		int wanted = argc == 0;

		for (int a = 0; a < argc; a++)
			wanted |= strcmp(argv[a], id) == 0;
		/* Keys are computed on the whole tree, pages on a smaller one. */
		for (size_t f = 0; wanted && f < NFORMATS; f++)
			if ((mask & (1 << f)) && !(FORMAT_JSON & (1 << f))) {
				char key[65];

				if (ps->templates != NULL)
					page_key(p, ps, f, "document", id,
					    restricted, key);
				aside = set_aside(p, docs[i], &naside);
				render_keyed(p, c, ps, f, "document", id,
				    restricted, xasprintf("%s/%s/%s.%s", id,
				    version, id, formats[f].suffix),
				    ps->templates != NULL ? key : NULL);
				put_back(p, aside, naside);
			}
		free(id);
		free(version);
	}
	free(docs);
	if (argc > 0)
		goto index;
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);

		if (top == NULL || !xmlStrEqual(top->name, BAD_CAST "systems"))
			continue;
		char *id = (char *)xmlGetProp(top, BAD_CAST "id");

		/* Register ids name files too: only safe ones get a page. */
		for (size_t f = 0; docid_valid(id) && f < NFORMATS; f++)
			if ((mask & (1 << f)) && !(FORMAT_JSON & (1 << f)))
				render(p, c, ps, f, "systems", id, restricted,
				    xasprintf("register/%s.%s", id,
				    formats[f].suffix));
		free(id);
	}
	for (size_t f = 0; f < NFORMATS; f++) {
		if (!(mask & (1 << f)) || (FORMAT_JSON & (1 << f)))
			continue;
		if (has_root(p, "risk-analysis"))
			render(p, c, ps, f, "risks", NULL, restricted, xasprintf(
			    "register/riskanalyser.%s", formats[f].suffix));
		if (has_root(p, "continuity-plan"))
			render(p, c, ps, f, "continuity", NULL, restricted,
			    xasprintf("register/kontinuitetsplaner.%s",
			    formats[f].suffix));
	}
	render_report(p, c, ps, mask | FORMAT_JSON, restricted);
index:
	render(p, c, ps, 0, "index", NULL, restricted, xstrdup("index.html"));
}

/*
 * Writes every page that is not current, or nothing when rendering
 * failed, then the record of what each was built from.  Returns status.
 */
static int
write_pages(struct project *p, struct pages *ps, const char *dir)
{
	struct outdir *od;
	int status = EXIT_OK;

	if (!ps->failed)
		pages_finish(p, ps);
	if (ps->failed)
		return ps->fop_failed ? EXIT_SYSTEM : EXIT_INPUT;
	if ((od = outdir_new(dir)) == NULL)
		return EXIT_SYSTEM;
	for (size_t i = 0; i < ps->n && status == EXIT_OK; i++) {
		struct page *pg = &ps->v[i];

		if (pg->current)
			continue;
		if (outdir_write(od, pg->path, pg->data.data, pg->data.len) != 0)
			status = EXIT_SYSTEM;
		else if (ps->rec != NULL)
			record_set(ps->rec, pg->path, pg->key, pg->data.data,
			    pg->data.len);
	}
	if (status == EXIT_OK && ps->rec != NULL && record_save(ps->rec, od))
		status = EXIT_SYSTEM;
	outdir_free(od);
	return status;
}

/* The documents named on the command line must exist. */
static int
check_ids(struct project *p, int argc, char **argv)
{
	size_t ndocs;
	xmlNodePtr *docs = documents(p, &ndocs);
	int status = EXIT_OK;

	for (int a = 0; a < argc; a++) {
		size_t i;

		for (i = 0; i < ndocs; i++) {
			xmlChar *id = xmlGetProp(docs[i], BAD_CAST "id");
			int match = xmlStrEqual(id, BAD_CAST argv[a]);

			xmlFree(id);
			if (match)
				break;
		}
		if (i == ndocs) {
			diag_add(p->diags, NULL, 0, 0, SEV_ERROR, "ref-document",
			    "no document with id \"%s\" (see styrdok list)",
			    argv[a]);
			status = EXIT_INPUT;
		}
	}
	free(docs);
	return status;
}

int
cmd_build(struct options *o, int argc, char **argv)
{
	struct sheets cache = {0};
	struct pages ps = {0};
	struct project *p;
	int status, mask = FORMATS_BUILD;
	const char *restricted = o->internal ? "include" : "omit";

	if (o->format != NULL && (mask = parse_formats("build", o->format,
	    FORMATS_BUILD)) < 0)
		return EXIT_USAGE;
	/* PDF asked for needs FOP; by default it is made when FOP is there. */
	if ((mask & FORMAT_PDF) && !o->dump && !fop_installed()) {
		if (o->format != NULL)
			return fop_require("build");
		fop_skipped(NULL, "PDF");
		mask &= ~FORMAT_PDF;
	}
	if ((p = run_stages(1, &status)) == NULL)
		return status;
	if (o->dump) {
		if (status == EXIT_OK) {
			fflush(stdout);
			xmlSaveFileEnc("-", p->tree, "UTF-8");
		}
		goto done;
	}
	if (status == EXIT_OK)
		status = check_ids(p, argc, argv);
	if (status != EXIT_OK)
		goto done;
	/*
	 * Render everything first (except what is as recorded); write only
	 * when all of it succeeded.
	 */
	ps.rec = record_load(o->force ? NULL : o->outdir);
	ps.outdir = o->outdir;
	ps.templates = record_tree_hash(p->templates, NULL);
	ps.staff = record_tree_hash("policies", ".csv");
	render_all(p, &cache, &ps, mask, argc, argv, restricted);
	status = write_pages(p, &ps, o->outdir);
	if (diags_len(p->diags) > 0 || status != EXIT_OK)
		report(p, 0);
	if (status == EXIT_OK) {
		size_t current = 0;

		for (size_t i = 0; i < ps.n; i++)
			current += ps.v[i].current;
		fprintf(stderr, "styrdok: wrote %zu file%s to %s/ (%zu up to "
		    "date)\n", ps.n - current, ps.n - current == 1 ? "" : "s",
		    o->outdir, current);
	}
	goto out;
done:
	if (diags_len(p->diags) > 0 || status != EXIT_OK)
		report(p, 0);
out:
	pages_free(&ps);
	sheets_free(&cache);
	project_free(p);
	return status;
}

int
cmd_report(struct options *o, int argc, char **argv)
{
	struct sheets cache = {0};
	struct pages ps = {0};
	struct project *p;
	int status, show = 0;
	const char *restricted = o->internal ? "include" : "omit";

	(void)argv;
	if (argc > 0) {
		fputs("usage: styrdok report [--format html|md|json] [-o DIR]\n",
		    stderr);
		return EXIT_USAGE;
	}
	if (o->format != NULL &&
	    ((show = parse_formats("report", o->format, 7)) < 0 ||
	    (show & (show - 1)) != 0)) {
		if (show > 0)
			fputs("styrdok: report: --format takes one format\n",
			    stderr);
		return EXIT_USAGE;
	}
	if ((p = run_stages(1, &status)) == NULL)
		return status;
	if (status == EXIT_OK) {
		render_report(p, &cache, &ps, 7, restricted);
		status = write_pages(p, &ps, o->outdir);
	}
	/* All formats were rendered, in the order of formats[]. */
	if (status == EXIT_OK && show)
		for (size_t f = 0; f < ps.n; f++)
			if (show & (1 << f))
				fwrite(ps.v[f].data.data, 1, ps.v[f].data.len,
				    stdout);
	if (diags_len(p->diags) > 0 || status != EXIT_OK)
		report(p, 0);
	if (status == EXIT_OK)
		fprintf(stderr, "styrdok: wrote the report to %s/report/\n",
		    o->outdir);
	pages_free(&ps);
	sheets_free(&cache);
	project_free(p);
	return status;
}

/*
 * Renders the page of kind (a stylesheet name) for id in format fmt
 * ("html", "md", "json") into out, restricted parts left out.  Returns
 * 0, or -1 after a diagnostic.
 */
int
render_format(struct project *p, const char *kind, const char *id,
    const char *fmt, struct buf *out)
{
	struct sheets cache = {0};
	struct pages ps = {0};
	int rc = -1;

	for (size_t f = 0; f < NFORMATS; f++)
		if (strcmp(formats[f].name, fmt) == 0) {
			render(p, &cache, &ps, f, kind, id, "omit",
			    xstrdup(kind));
			if (!ps.failed)
				pages_finish(p, &ps);
			if (ps.n == 0)
				diag_add(p->diags, NULL, 0, 0, SEV_ERROR, "format",
				    "no %s page of this kind: %s", fmt, kind);
			else if (!ps.failed) {
				buf_add(out, ps.v[0].data.data ? ps.v[0].data.data
				    : "", ps.v[0].data.len);
				rc = 0;
			}
		}
	pages_free(&ps);
	sheets_free(&cache);
	return rc;
}

/* ---- diff -------------------------------------------------------------- */

/*
 * One side of a diff: a file, ID@VERSION from the archive, or ID for the
 * current source.  Returns the enriched <document> (in p's tree or in
 * *own, which the caller frees), or NULL after a message on stderr.
 */
static xmlNodePtr
diff_side(struct project *p, const char *arg, xmlDocPtr *own)
{
	const char *at = strchr(arg, '@');
	xmlNodePtr doc = NULL;
	char *path = NULL, *id = NULL;
	size_t n;
	xmlNodePtr *docs = documents(p, &n);
	struct stat st;
	int unarchived = 0;

	*own = NULL;
	if (at == NULL && stat(arg, &st) != 0) {
		for (size_t i = 0; i < n && doc == NULL; i++) {
			xmlChar *did = xmlGetProp(docs[i], BAD_CAST "id");

			if (xmlStrEqual(did, BAD_CAST arg))
				doc = docs[i];
			xmlFree(did);
		}
		if (doc == NULL)
			fprintf(stderr, "styrdok: diff: %s: no such file and no "
			    "document with that id\n", arg);
		goto out;
	}
	if (at != NULL) {
		id = strndup(arg, (size_t)(at - arg));
		if (!docid_valid(id) || strchr(at + 1, '/') != NULL ||
		    at[1] == '\0' || at[1] == '.') {
			fprintf(stderr, "styrdok: diff: %s: not ID@VERSION\n",
			    arg);
			goto out;
		}
		path = xasprintf("policies/adopted/%s/%s/%s.xml", id, at + 1,
		    id);
		if (stat(path, &st) != 0) {
			/* A decided version whose text was never kept? */
			for (size_t i = 0; i < n; i++) {
				xmlChar *did = xmlGetProp(docs[i], BAD_CAST "id");

				if (xmlStrEqual(did, BAD_CAST id))
					for (xmlNodePtr h = xmlFirstElementChild(
					    docs[i]); h != NULL; h = h->next)
						for (xmlNodePtr r = h->children; r;
						    r = r->next) {
							xmlChar *v = xmlGetProp(r,
							    BAD_CAST "version");
							xmlChar *ar = xmlGetProp(r,
							    BAD_CAST "archived");

							if (xmlStrEqual(v, BAD_CAST
							    (at + 1)) &&
							    xmlStrEqual(ar,
							    BAD_CAST "no") &&
							    !unarchived++)
								fprintf(stderr,
								    "styrdok: diff: "
								    "the text of %s is "
								    "not archived, so no "
								    "redline can be made "
								    "against it; compare "
								    "its topics by hand "
								    "(the packet shows a "
								    "coverage table)\n",
								    arg);
							xmlFree(v);
							xmlFree(ar);
						}
				xmlFree(did);
			}
			if (!unarchived)
				fprintf(stderr, "styrdok: diff: %s: no archived "
				    "version (see policies/adopted/%s/)\n", arg,
				    id);
			goto out;
		}
	} else
		path = xstrdup(arg);
	if ((*own = document_file_load(p, path)) == NULL ||
	    validate_document(p, *own) != 0) {
		diags_print(p->diags, stderr);
		fprintf(stderr, "styrdok: diff: %s cannot be read as a "
		    "document\n", arg);
		xmlFreeDoc(*own);
		*own = NULL;
		goto out;
	}
	doc = xmlDocGetRootElement(*own);
	if (doc == NULL || !xmlStrEqual(doc->name, BAD_CAST "document")) {
		fprintf(stderr, "styrdok: diff: %s is not a <document>\n", arg);
		doc = NULL;
		goto out;
	}
	enrich_document(p, doc);
out:
	free(docs);
	free(path);
	free(id);
	return doc;
}

int
cmd_diff(struct options *o, int argc, char **argv)
{
	struct sheets cache = {0};
	struct pages ps = {0};
	struct project *p;
	xmlDocPtr own_old = NULL, own_new = NULL;
	xmlNodePtr old, new;
	int status, mask = 2, changes;

	if (argc != 2) {
		fputs("usage: styrdok diff [-f FORMAT] [-o FILE] OLD NEW\n",
		    stderr);
		return EXIT_USAGE;
	}
	if (o->format != NULL && ((mask = parse_formats("diff", o->format,
	    FORMATS_ALL)) < 0 || (mask & (mask - 1)) != 0)) {
		if (mask > 0)
			fputs("styrdok: diff: -f takes one format\n", stderr);
		return EXIT_USAGE;
	}
	/* PDF and the office formats are files, not text for a terminal. */
	if ((mask & (FORMAT_PDF | FORMAT_DOCX | FORMAT_ODT)) &&
	    o->outfile == NULL) {
		fprintf(stderr, "styrdok: diff: -f %s needs -o FILE\n",
		    o->format);
		return EXIT_USAGE;
	}
	if ((mask & FORMAT_PDF) && fop_require("diff") != 0)
		return EXIT_SYSTEM;
	if ((p = run_stages(1, &status)) == NULL)
		return EXIT_SYSTEM;
	if (status != EXIT_OK) {
		report(p, 0);
		fputs("styrdok: diff: the sources have errors\n", stderr);
		project_free(p);
		return EXIT_USAGE;
	}
	/* Trouble (unreadable or unknown versions) is 2, as for diff(1). */
	status = EXIT_USAGE;
	if ((old = diff_side(p, argv[0], &own_old)) == NULL ||
	    (new = diff_side(p, argv[1], &own_new)) == NULL)
		goto out;
	changes = diff_documents(p->tree, old, new, argv[0], argv[1]);
	for (size_t f = 0; f < NFORMATS; f++)
		if (mask & (1 << f)) {
			xmlChar *id = xmlGetProp(new, BAD_CAST "id");

			render(p, &cache, &ps, f, "diff", (char *)id, "omit",
			    xstrdup(o->outfile ? o->outfile : "diff"));
			xmlFree(id);
		}
	if (ps.n == 0)
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, "format",
		    "no redline stylesheet for -f %s", o->format);
	else if (!ps.failed)
		pages_finish(p, &ps);
	if (ps.failed || ps.n == 0) {
		report(p, 0);
		status = EXIT_SYSTEM;
		goto out;
	}
	if (o->outfile != NULL) {
		char *dir = xstrdup(o->outfile), *slash = strrchr(dir, '/');
		const char *name = slash ? slash + 1 : o->outfile;
		struct outdir *od = outdir_new(slash ? (*slash = '\0', dir) :
		    ".");

		status = od != NULL && outdir_write(od, name, ps.v[0].data.data,
		    ps.v[0].data.len) == 0 ? EXIT_OK : EXIT_SYSTEM;
		outdir_free(od);
		free(dir);
		if (status != EXIT_OK)
			goto out;
	} else
		fwrite(ps.v[0].data.data, 1, ps.v[0].data.len, stdout);
	status = changes > 0 ? 1 : EXIT_OK;
out:
	pages_free(&ps);
	sheets_free(&cache);
	xmlFreeDoc(own_old);
	xmlFreeDoc(own_new);
	project_free(p);
	return status;
}

int
render_document(struct project *p, const char *id, const char *fmt,
    struct buf *out)
{
	return render_format(p, "document", id, fmt, out);
}

/* An HTML page of another kind (sheets, packet) for id. */
int
render_kind(struct project *p, const char *kind, const char *id,
    struct buf *out)
{
	return render_format(p, kind, id, "html", out);
}

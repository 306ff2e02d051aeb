/*
 * build.c - build and report: every page of the kinds table in every
 * chosen format, rendered only when what it is built from changed since
 * the last build (output/styrdok-build.record), written only when all of
 * it succeeded.  build_run() is also each rebuild of serve.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "render.h"

/* What a build renders with: the run's renderer and the key inputs. */
struct build {
	struct project *p;
	struct renderer *r;
	const char *restricted;		/* "include" or "omit" */
	char *templates, *staff;	/* hashes every key includes */
	int keyed;			/* pages are recorded (build only) */
	size_t *count;			/* when set, count pages, render none */
};

/* Whether document doc names the document with id (a <meta> @doc). */
static int
names_document(xmlNodePtr doc, const char *id)
{
	int named = 0;

	for (xmlNodePtr m = tree_child(doc, "meta")->children; m != NULL &&
	    !named; m = m->next) {
		char *ref = tree_prop(m, "doc");

		named = ref != NULL && strcmp(ref, id) == 0;
		free(ref);
	}
	return named;
}

/*
 * The key of a page: what it is built from, as the kind's deps say.
 * Every page depends on the templates, its settings and the
 * organisation; a document on its own source, the responsibility
 * matrices and the documents it names; the registers on the register
 * sources; the report and the index on every source and the staff
 * lists.  Ages in the registers and the report are measured on the day
 * of as-of, so it is part of their key.
 */
static void
page_key(struct build *b, const struct format *f, const struct kind *k,
    const char *id, char key[65])
{
	struct project *p = b->p;
	xmlNodePtr root = xmlDocGetRootElement(p->tree), doc = NULL;
	int whole = k->deps == DEPS_PROJECT;
	int registers = k->deps == DEPS_REGISTERS;
	struct buf kb = {0};
	xmlChar *bd = xmlGetProp(root, BAD_CAST "build-date");

	buf_printf(&kb, "%s %s %s %s %s %s %s\n", b->templates, f->name,
	    k->name, id ? id : "", b->restricted, bd ? (char *)bd : "",
	    whole || registers ? p->today : "");
	xmlFree(bd);
	/* The logo and font files the profile takes in (profile.c). */
	for (xmlNodePtr s = root->children; s != NULL; s = s->next)
		if (tree_is(s, "profile")) {
			xmlChar *pk = xmlGetProp(s, BAD_CAST "key");

			buf_printf(&kb, "profile %s\n", pk ? (char *)pk : "");
			xmlFree(pk);
		}
	/* The index links the files there are: their list is its input. */
	if (strcmp(k->name, "index") == 0) {
		xmlChar *outs = xmlGetProp(root, BAD_CAST "outputs");

		buf_printf(&kb, "outputs %s\n", outs ? (char *)outs : "");
		xmlFree(outs);
	}
	if (whole)
		buf_printf(&kb, "staff %s\n", b->staff);
	if (k->deps == DEPS_DOCUMENT)
		doc = tree_find(p, "document", id);
	for (xmlNodePtr s = root->children; s != NULL; s = s->next) {
		xmlNodePtr top = xmlFirstElementChild(s);
		int use = whole || tree_is(top, "organisation") ||
		    tree_is(top, "profile") ||
		    (doc != NULL && (tree_is(top, "matrix") ||
		    tree_is(top, "risk-method")));

		if (registers)
			use |= tree_is(top, "systems") ||
			    tree_is(top, "risk-analysis") ||
			    tree_is(top, "risk-method") ||
			    tree_is(top, "continuity-plan");
		if (doc != NULL && tree_is(top, "document")) {
			char *tid = tree_prop(top, "id");

			use |= top == doc || names_document(doc, tid);
			free(tid);
		}
		if (use) {
			xmlChar *sha = xmlGetProp(s, BAD_CAST "sha256");

			buf_printf(&kb, "%s\n", sha ? (char *)sha : "");
			xmlFree(sha);
		}
	}
	/* A required document that appears or goes changes the page too. */
	for (xmlNodePtr m = doc ? tree_child(doc, "meta")->children : NULL; m;
	    m = m->next) {
		char *ref = tree_prop(m, "doc");

		if (ref != NULL)
			buf_printf(&kb, "ref %s %d\n", ref,
			    tree_find(p, "document", ref) != NULL);
		free(ref);
	}
	sha256_hex(kb.data, kb.len, key);
	buf_free(&kb);
}

/* Renders the page of kind k for id in format f, keyed in a build. */
static void
build_page(struct build *b, const struct format *f, const struct kind *k,
    const char *id, char *path)
{
	char key[65];

	if (b->count != NULL) {
		*b->count += renderer_has(b->r, f, k->name);
		free(path);
		return;
	}
	if (b->keyed)
		page_key(b, f, k, id, key);
	render_page(b->r, f, k->name, id, b->restricted, path,
	    b->keyed ? key : NULL);
}

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

			kept = names_document(doc, tid);
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

/* Whether the build names documents and id is one of them. */
static int
wanted(const char *id, int argc, char **argv)
{
	for (int a = 0; a < argc; a++)
		if (strcmp(argv[a], id) == 0)
			return 1;
	return argc == 0;
}

/*
 * The pages of kind k made from one source root top, in each format of
 * the set.  Document pages are rendered on a tree with only what they
 * read; their keys are computed on the whole tree.
 */
static void
build_source(struct build *b, const struct format_set *fs,
    const struct kind *k, xmlNodePtr top)
{
	char *id = tree_prop(top, "id"), *version = tree_meta(top, "version");
	int document = strcmp(k->name, "document") == 0;

	/* Register ids name files too: only safe ones get a page. */
	for (size_t i = 0; docid_valid(id) && i < fs->n; i++) {
		char *path = kind_path(k, fs->v[i], id, version);
		size_t naside = 0;
		xmlNodePtr *aside = NULL;
		char key[65];

		if (!document || b->count != NULL) {
			build_page(b, fs->v[i], k, id, path);
			continue;
		}
		if (b->keyed)
			page_key(b, fs->v[i], k, id, key);
		aside = set_aside(b->p, top, &naside);
		render_page(b->r, fs->v[i], k->name, id, b->restricted, path,
		    b->keyed ? key : NULL);
		put_back(b->p, aside, naside);
	}
	free(id);
	free(version);
}

/*
 * Everything a build writes, kind by kind as the kinds table orders
 * them: each wanted document and register, the report, the index.  A
 * build that names documents makes only the kinds marked named.
 */
static void
build_all(struct build *b, const struct format_set *fs, int argc,
    char **argv)
{
	for (size_t k = 0; k < nkinds; k++) {
		const struct kind *kd = &kinds[k];
		size_t n;
		xmlNodePtr *tops;

		if (argc > 0 && !kd->named)
			continue;
		switch (kd->scope) {
		case SCOPE_EACH:
			tops = tree_sources(b->p, kd->root, &n);
			for (size_t i = 0; i < n; i++) {
				char *id = tree_prop(tops[i], "id");

				if (id != NULL && wanted(id, argc, argv))
					build_source(b, fs, kd, tops[i]);
				free(id);
			}
			free(tops);
			break;
		case SCOPE_ANY:
			if (!tree_has_source(b->p, kd->root))
				break;
			/* FALLTHROUGH */
		case SCOPE_PROJECT:
			for (size_t i = 0; i < fs->n; i++)
				build_page(b, fs->v[i], kd, NULL,
				    kind_path(kd, fs->v[i], NULL, NULL));
			break;
		case SCOPE_COMMAND:
			break;
		}
	}
}

/* Adds path to list when this build makes it or the output has it. */
static void
output_listed(struct buf *list, const struct format_set *fs,
    const struct format *f, const char *outdir, char *path)
{
	char *full = xasprintf("%s/%s", outdir, path);
	struct stat st;

	if (format_set_has(fs, f) || stat(full, &st) == 0)
		buf_printf(list, " %s", path);
	free(full);
	free(path);
}

/*
 * Sets outputs= on the project: every page of the documents, registers
 * and the report, in every format, that this build writes or that is
 * in the output directory already, so the index links each format that
 * is there and no file that is not.
 */
static void
list_outputs(struct build *b, const struct format_set *fs,
    const char *outdir)
{
	struct buf list = {0};

	buf_adds(&list, "");
	for (size_t k = 0; k < nkinds; k++) {
		const struct kind *kd = &kinds[k];

		if (kd->scope == SCOPE_COMMAND || strcmp(kd->name, "index") == 0)
			continue;
		for (size_t i = 0; i < nformats; i++) {
			const struct format *f = &formats[i];
			xmlNodePtr *tops;
			size_t n;

			if (!renderer_has(b->r, f, kd->name))
				continue;
			if (kd->scope != SCOPE_EACH) {
				if (kd->scope == SCOPE_PROJECT ||
				    tree_has_source(b->p, kd->root))
					output_listed(&list, fs, f, outdir,
					    kind_path(kd, f, NULL, NULL));
				continue;
			}
			tops = tree_sources(b->p, kd->root, &n);
			for (size_t j = 0; j < n; j++) {
				char *id = tree_prop(tops[j], "id");
				char *v = tree_meta(tops[j], "version");

				if (docid_valid(id))
					output_listed(&list, fs, f, outdir,
					    kind_path(kd, f, id, v));
				free(id);
				free(v);
			}
			free(tops);
		}
	}
	buf_adds(&list, " ");
	xmlSetProp(xmlDocGetRootElement(b->p->tree), BAD_CAST "outputs",
	    BAD_CAST list.data);
	buf_free(&list);
}

/* The documents named on the command line must exist. */
static int
check_ids(struct project *p, int argc, char **argv)
{
	int status = EXIT_OK;

	for (int a = 0; a < argc; a++)
		if (tree_find(p, "document", argv[a]) == NULL) {
			char *hint = tree_hint_in(p, "document", argv[a]);

			diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_REF_DOCUMENT,
			    "no document with id \"%s\"%s (styrdok list shows "
			    "them)", argv[a], hint);
			free(hint);
			status = EXIT_INPUT;
		}
	return status;
}

static void
build_free(struct build *b)
{
	renderer_free(b->r);
	free(b->templates);
	free(b->staff);
}

/*
 * The formats of a build: -f's list, or every format made by default;
 * always the ones every build makes.  PDF needs FOP: asked for, its
 * absence is an error (exit 3); by default PDF is then left out.  cmd
 * names the command in diagnostics.  Returns 0, or an exit status.
 */
int
build_formats(struct options *o, struct diags *d, const char *cmd,
    struct format_set *fs)
{
	const struct format *pdf = format_find("pdf");
	char *bad = NULL;

	if (o->format == NULL) {
		for (size_t i = 0; i < nformats; i++)
			if (formats[i].in_build)
				format_set_add(fs, &formats[i]);
	} else if (format_set_parse(fs, o->format, format_in_build,
	    &bad) != 0) {
		char *known = format_names(format_in_build);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "%s: unknown "
		    "format \"%s\" (known: %s)", cmd, bad, known);
		free(known);
		free(bad);
		return EXIT_USAGE;
	}
	for (size_t i = 0; i < nformats; i++)
		if (formats[i].always)
			format_set_add(fs, &formats[i]);
	if (format_set_has(fs, pdf) && !o->dump && !fop_installed()) {
		struct format_set without = {0};

		if (o->format != NULL)
			return fop_require(d, cmd);
		fop_skipped(d, NULL, "PDF");
		for (size_t i = 0; i < fs->n; i++)
			if (fs->v[i] != pdf)
				format_set_add(&without, fs->v[i]);
		*fs = without;
	}
	return 0;
}

/*
 * One build of the project in the current directory into o->outdir:
 * runs the stages, then renders the documents named in argv (all when
 * argc is 0), the registers, the report and the index in the formats
 * of fs, skipping what is as recorded, and writes them only when all of
 * it succeeded.  Its problems go to d.  Shared by build and by every
 * rebuild of serve.  Returns an exit status; res (when not NULL) gets
 * the pages written and those up to date.
 */
int
build_run(struct options *o, struct diags *d, const struct format_set *fs,
    int argc, char **argv, struct build_result *res)
{
	struct build b = {0};
	struct project *p;
	int status;

	if ((p = run_stages(d, STAGES_ENRICH, &status)) == NULL)
		return status;
	if (status == EXIT_OK)
		status = check_ids(p, argc, argv);
	/* A directory we cannot write to is said before any rendering. */
	if (status == EXIT_OK && outdir_check(d, o->outdir) != 0)
		status = EXIT_SYSTEM;
	if (status != EXIT_OK)
		goto out;
	/*
	 * Render everything first (except what is as recorded); write only
	 * when all of it succeeded.
	 */
	b.p = p;
	b.r = renderer_new(p);
	b.restricted = o->internal ? "include" : "omit";
	b.keyed = 1;
	b.templates = record_tree_hash(p->templates, NULL);
	b.staff = record_tree_hash("policies", ".csv");
	renderer_record(b.r, record_load(o->force ? NULL : o->outdir),
	    o->outdir);
	list_outputs(&b, fs, o->outdir);
	/* Once to count the pages, for the progress line; once to render. */
	size_t total = 0;

	b.count = &total;
	build_all(&b, fs, argc, argv);
	b.count = NULL;
	renderer_expect(b.r, total);
	build_all(&b, fs, argc, argv);
	status = renderer_write(b.r, o->outdir);
	for (size_t i = 0; res != NULL && status == EXIT_OK &&
	    i < renderer_npages(b.r); i++) {
		const struct page *pg = renderer_page(b.r, i);

		if (pg->current)
			res->current++;
		else {
			res->written++;
			buf_printf(&res->changed, "%s\n", pg->path);
		}
	}
out:
	build_free(&b);
	pipeline_free(p);
	return status;
}

int
cmd_build(struct options *o, struct diags *d, int argc, char **argv)
{
	struct format_set fs = {0};
	struct build_result res = {0};
	struct project *p;
	int status;

	if ((status = build_formats(o, d, "build", &fs)) != 0)
		return status;
	if (o->dump) {
		if ((p = run_stages(d, STAGES_ENRICH, &status)) == NULL)
			return status;
		if (status == EXIT_OK) {
			fflush(stdout);
			xmlSaveFileEnc("-", p->tree, "UTF-8");
		}
		pipeline_free(p);
		return status;
	}
	status = build_run(o, d, &fs, argc, argv, &res);
	if (status == EXIT_OK)
		diag_say(d, "wrote %zu file%s to %s/ (%zu up to date)",
		    res.written, res.written == 1 ? "" : "s", o->outdir,
		    res.current);
	buf_free(&res.changed);
	return status;
}

/*
 * The formats report writes: every one build makes the report in, so
 * no older file of the report is left beside the new ones.  PDF needs
 * FOP; without it an earlier report.pdf cannot be rewritten, and a
 * warning says so.
 */
static void
report_formats(struct build *b, struct diags *d, const char *outdir,
    struct format_set *all)
{
	const struct kind *report = kind_find("report");
	struct stat st;

	for (size_t i = 0; i < nformats; i++) {
		const struct format *f = &formats[i];
		char *path, *full;

		if (!format_in_build(f) || !renderer_has(b->r, f, "report"))
			continue;
		if (f->finish != FINISH_PDF || fop_installed()) {
			format_set_add(all, f);
			continue;
		}
		path = kind_path(report, f, NULL, NULL);
		full = xasprintf("%s/%s", outdir, path);
		if (stat(full, &st) == 0)
			diag_add(d, full, 0, 0, SEV_WARNING, RULE_FOP, "not "
			    "rewritten: Apache FOP is not installed, so this "
			    "PDF is older than the report beside it; install "
			    "the Debian package fop or delete the file");
		free(full);
		free(path);
	}
}

int
cmd_report(struct options *o, struct diags *d, int argc, char **argv)
{
	const struct kind *report = kind_find("report");
	struct format_set show = {0}, all = {0};
	struct build b = {0};
	struct project *p;
	char *bad = NULL;
	int status;

	(void)argc;
	(void)argv;
	if (o->format != NULL && (format_set_parse(&show, o->format,
	    format_to_stdout, &bad) != 0 || show.n != 1)) {
		if (bad != NULL) {
			char *known = format_names(format_to_stdout);

			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
			    "report: unknown format \"%s\" (known: %s)", bad,
			    known);
			free(known);
		} else
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
			    "report: --format takes one format");
		free(bad);
		return EXIT_USAGE;
	}
	if ((p = run_stages(d, STAGES_ENRICH, &status)) == NULL)
		return status;
	if (status == EXIT_OK && outdir_check(d, o->outdir) != 0)
		status = EXIT_SYSTEM;
	if (status == EXIT_OK) {
		b.p = p;
		b.r = renderer_new(p);
		report_formats(&b, d, o->outdir, &all);
		b.restricted = o->internal ? "include" : "omit";
		for (size_t i = 0; i < all.n; i++)
			build_page(&b, all.v[i], report, NULL,
			    kind_path(report, all.v[i], NULL, NULL));
		status = renderer_write(b.r, o->outdir);
	}
	if (status == EXIT_OK && show.n == 1) {
		char *path = kind_path(report, show.v[0], NULL, NULL);

		for (size_t i = 0; i < renderer_npages(b.r); i++) {
			const struct page *pg = renderer_page(b.r, i);

			if (strcmp(pg->path, path) == 0)
				fwrite(pg->data.data, 1, pg->data.len, stdout);
		}
		free(path);
	}
	if (status == EXIT_OK) {
		struct buf names = {0};

		for (size_t i = 0; i < all.n; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", all.v[i]->name);
		diag_say(d, "wrote the report to %s/report/ (%s)", o->outdir,
		    names.data);
		buf_free(&names);
	}
	build_free(&b);
	pipeline_free(p);
	return status;
}

/* SPDX-License-Identifier: ISC */
/*
 * build.c - build and report: every page of the kinds table in every
 * chosen format, rendered only when what it is built from changed since
 * the last build (output/styrdok-build.record), written only when all of
 * it succeeded.  build_run() is also each rebuild of serve.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "render.h"

/* A child of the root and its place among them. */
struct place {
	xmlNodePtr node;
	size_t at;
};

/* What a build renders with: the run's renderer and the key inputs. */
struct build {
	struct project *p;
	struct renderer *r;
	const char *restricted;		/* "include" or "omit" */
	char *templates[FORMATS_MAX];	/* hash of each format's, when read */
	char *staff;			/* hash every key includes */
	int keyed;			/* pages are recorded (build only) */
	size_t *count;			/* when set, count pages, render none */
	/*
	 * Read once per build, so each page costs what it reads rather
	 * than the size of the project: the documents by id, and the
	 * hashes of the sources each kind of page depends on, in source
	 * order.
	 */
	xmlHashTablePtr docs;		/* id -> <document> */
	struct buf all, registers, common; /* every source; registers; the
					   organisation, matrices, risk
					   methods and profile */
	struct buf profiles;		/* the key of each <profile> */
	xmlNodePtr *keep;		/* what every document page reads */
	size_t nkeep;
	struct place *places;		/* the root's children by address */
	size_t nplaces;
};

static int
by_node(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct place *)a)->node;
	uintptr_t y = (uintptr_t)((const struct place *)b)->node;

	return x < y ? -1 : x > y;
}

/*
 * Reads what every page's key and every document page needs, once:
 * the documents by id, the hashes of the sources (all of them; the
 * organisation and registers; the organisation and matrices) and the
 * parts of the tree every document page keeps (set_aside).
 */
static void
build_index(struct build *b)
{
	xmlNodePtr root = xmlDocGetRootElement(b->p->tree);

	b->docs = xmlHashCreate(64);
	for (xmlNodePtr s = root->children; s != NULL; s = s->next) {
		b->places = xrealloc(b->places, (b->nplaces + 1) *
		    sizeof(*b->places));
		b->places[b->nplaces].node = s;
		b->places[b->nplaces].at = b->nplaces;
		b->nplaces++;
		xmlNodePtr top = tree_is(s, "source") ?
		    xmlFirstElementChild(s) : s;
		xmlChar *sha = tree_is(s, "source") ?
		    xmlGetProp(s, BAD_CAST "sha256") : NULL;
		const char *h = sha ? (const char *)sha : "";
		int org = tree_is(top, "organisation");

		if (tree_is(s, "source"))
			buf_printf(&b->all, "%s\n", h);
		if (org || tree_is(top, "systems") ||
		    tree_is(top, "risk-analysis") ||
		    tree_is(top, "risk-method") ||
		    tree_is(top, "continuity-plan"))
			buf_printf(&b->registers, "%s\n", h);
		if (tree_is(s, "source") && (org || tree_is(top, "matrix") ||
		    tree_is(top, "risk-method") || tree_is(top, "profile")))
			buf_printf(&b->common, "%s\n", h);
		if (org || tree_is(top, "matrix") || tree_is(top, "profile")) {
			b->keep = xrealloc(b->keep, (b->nkeep + 1) *
			    sizeof(*b->keep));
			b->keep[b->nkeep++] = s;
		}
		/* The logo and font files the profile takes in (profile.c). */
		if (tree_is(s, "profile")) {
			xmlChar *pk = xmlGetProp(s, BAD_CAST "key");

			buf_printf(&b->profiles, "profile %s\n",
			    pk ? (char *)pk : "");
			xmlFree(pk);
		}
		if (tree_is(top, "document")) {
			xmlChar *id = xmlGetProp(top, BAD_CAST "id");

			if (id != NULL)
				xmlHashAddEntry(b->docs, id, top);
			xmlFree(id);
		}
		xmlFree(sha);
	}
	qsort(b->places, b->nplaces, sizeof(*b->places), by_node);
}

/* The document with id, or NULL. */
static xmlNodePtr
build_doc(struct build *b, const char *id)
{
	return id != NULL ? xmlHashLookup(b->docs, BAD_CAST id) : NULL;
}

/* The hash of the templates of format f, read on first use. */
static const char *
format_templates(struct build *b, const struct format *f)
{
	size_t i = (size_t)(f - formats);

	if (b->templates[i] == NULL)
		b->templates[i] = record_templates_hash(b->p->templates,
		    f->dir);
	return b->templates[i];
}

/*
 * The key of a page: what it is built from, as the kind's deps say.
 * Every page depends on the templates, its settings and the
 * organisation; a document on its own source, the responsibility
 * matrices and the documents it names (whether each exists, and its
 * source); the registers on the register sources; the report and the
 * index on every source and the staff lists.  Ages in the registers
 * and the report are measured on the day of as-of, so it is part of
 * their key.
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

	buf_printf(&kb, "%s %s %s %s %s %s %s\n", format_templates(b, f),
	    f->name, k->name, id ? id : "", b->restricted, bd ? (char *)bd : "",
	    whole || registers ? p->today : "");
	xmlFree(bd);
	buf_adds(&kb, b->profiles.data ? b->profiles.data : "");
	/* The index links the files there are: their list is its input. */
	if (strcmp(k->name, "index") == 0) {
		xmlChar *outs = xmlGetProp(root, BAD_CAST "outputs");

		buf_printf(&kb, "outputs %s\n", outs ? (char *)outs : "");
		xmlFree(outs);
	}
	if (whole)
		buf_printf(&kb, "staff %s\n%s", b->staff, b->all.data ?
		    b->all.data : "");
	else if (registers)
		buf_adds(&kb, b->registers.data ? b->registers.data : "");
	else
		buf_adds(&kb, b->common.data ? b->common.data : "");
	if (k->deps == DEPS_DOCUMENT)
		doc = build_doc(b, id);
	if (doc != NULL) {
		xmlChar *sha = xmlGetProp(doc->parent, BAD_CAST "sha256");

		buf_printf(&kb, "self %s\n", sha ? (char *)sha : "");
		xmlFree(sha);
	}
	/* A named document that appears, goes or changes changes the page. */
	for (xmlNodePtr m = doc ? tree_child(doc, "meta")->children : NULL; m;
	    m = m->next) {
		char *ref = tree_prop(m, "doc");
		xmlNodePtr named = build_doc(b, ref);
		xmlChar *sha = named ? xmlGetProp(named->parent,
		    BAD_CAST "sha256") : NULL;

		if (ref != NULL)
			buf_printf(&kb, "ref %s %d %s\n", ref, named != NULL,
			    sha ? (char *)sha : "");
		xmlFree(sha);
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

/* What set_aside() took out, for put_back(). */
struct aside {
	xmlNodePtr first, last;		/* the root's children before */
	xmlNodePtr *v;			/* the nodes kept, in order */
	xmlNodePtr *prev, *next;	/* their siblings before */
	size_t n;
};

/* The place of root child n (build_index numbered them). */
static size_t
place_of(struct build *b, xmlNodePtr n)
{
	struct place key = {n, 0}, *found;

	found = bsearch(&key, b->places, b->nplaces, sizeof(*b->places),
	    by_node);
	return found ? found->at : 0;
}

/* Sorts nodes by place: qsort has no argument, so the build is here. */
static struct build *sorting;

static int
by_place(const void *a, const void *b)
{
	size_t x = place_of(sorting, *(xmlNodePtr const *)a);
	size_t y = place_of(sorting, *(xmlNodePtr const *)b);

	return x < y ? -1 : x > y;
}

/*
 * Leaves in the tree only what the page of document doc reads (the
 * organisation, the matrices, the profile, the document and the
 * documents it names), so rendering a document costs what that
 * document costs, not the size of the whole project.  The kept nodes
 * are chained under the root in their order; the others stay linked
 * to each other, out of the root's sight, until put_back().  Costs
 * what is kept, not what is left out.
 */
static void
set_aside(struct build *b, xmlNodePtr doc, struct aside *a)
{
	xmlNodePtr root = xmlDocGetRootElement(b->p->tree);
	size_t max = b->nkeep + 1;

	for (xmlNodePtr m = tree_child(doc, "meta")->children; m; m = m->next)
		max++;
	memset(a, 0, sizeof(*a));
	a->first = root->children;
	a->last = root->last;
	a->v = xcalloc(max, sizeof(*a->v));
	/* In the order of the tree: the kept parts, then the documents. */
	for (size_t i = 0; i < b->nkeep; i++)
		a->v[a->n++] = b->keep[i];
	a->v[a->n++] = doc->parent;
	for (xmlNodePtr m = tree_child(doc, "meta")->children; m; m = m->next) {
		char *ref = tree_prop(m, "doc");
		xmlNodePtr named = build_doc(b, ref);
		int dup = named == NULL || named == doc;

		for (size_t i = 0; i < a->n && !dup; i++)
			dup = a->v[i] == named->parent;
		if (!dup)
			a->v[a->n++] = named->parent;
		free(ref);
	}
	/* The order of the tree, as the stylesheets would find it. */
	sorting = b;
	qsort(a->v, a->n, sizeof(*a->v), by_place);
	a->prev = xcalloc(a->n, sizeof(*a->prev));
	a->next = xcalloc(a->n, sizeof(*a->next));
	for (size_t i = 0; i < a->n; i++) {
		a->prev[i] = a->v[i]->prev;
		a->next[i] = a->v[i]->next;
	}
	for (size_t i = 0; i < a->n; i++) {
		a->v[i]->prev = i > 0 ? a->v[i - 1] : NULL;
		a->v[i]->next = i + 1 < a->n ? a->v[i + 1] : NULL;
	}
	root->children = a->n > 0 ? a->v[0] : NULL;
	root->last = a->n > 0 ? a->v[a->n - 1] : NULL;
}

/* Puts back what set_aside() took out, exactly as it was. */
static void
put_back(struct build *b, struct aside *a)
{
	xmlNodePtr root = xmlDocGetRootElement(b->p->tree);

	for (size_t i = 0; i < a->n; i++) {
		a->v[i]->prev = a->prev[i];
		a->v[i]->next = a->next[i];
	}
	root->children = a->first;
	root->last = a->last;
	free(a->v);
	free(a->prev);
	free(a->next);
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
	const struct format *pdf = format_find("pdf");

	/* Register ids name files too: only safe ones get a page. */
	for (size_t i = 0; docid_valid(id) && i < fs->n; i++) {
		char *path = kind_path(k, fs->v[i], id, version);
		struct aside aside;
		char key[65];

		if (!document || b->count != NULL) {
			build_page(b, fs->v[i], k, id, path);
			continue;
		}
		if (b->keyed && strcmp(fs->v[i]->name, "docx") == 0 &&
		    !format_set_has(fs, pdf)) {
			/* Its contents take the pages of a current PDF. */
			page_key(b, pdf, k, id, key);
			renderer_keep_current(b->r, pdf, k->name,
			    kind_path(k, pdf, id, version), key);
		}
		if (b->keyed)
			page_key(b, fs->v[i], k, id, key);
		set_aside(b, top, &aside);
		render_page(b->r, fs->v[i], k->name, id, b->restricted, path,
		    b->keyed ? key : NULL);
		put_back(b, &aside);
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
	for (size_t i = 0; i < FORMATS_MAX; i++)
		free(b->templates[i]);
	free(b->staff);
	xmlHashFree(b->docs, NULL);
	buf_free(&b->all);
	buf_free(&b->registers);
	buf_free(&b->common);
	buf_free(&b->profiles);
	free(b->keep);
	free(b->places);
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
	b.staff = record_tree_hash("policies", ".csv");
	build_index(&b);
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

		if (pg->borrowed)
			continue;
		if (pg->current)
			res->current++;
		else if (pg->same)
			res->same++;
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

/* What another command reuses of the last build (reuse_page). */
struct reuse {
	struct build b;
	struct record *rec;
	char *outdir;
};

/*
 * Reads what page keys need, and the record of the last build into
 * o->outdir, so a command that renders pages a build also makes (the
 * packet) can take them from the build instead.
 */
struct reuse *
reuse_new(struct options *o, struct project *p)
{
	struct reuse *u = xcalloc(1, sizeof(*u));

	u->b.p = p;
	u->b.restricted = "omit";
	u->b.keyed = 1;
	u->b.staff = record_tree_hash("policies", ".csv");
	build_index(&u->b);
	u->rec = record_load(o->outdir);
	u->outdir = xstrdup(o->outdir);
	return u;
}

void
reuse_free(struct reuse *u)
{
	if (u == NULL)
		return;
	build_free(&u->b);
	record_free(u->rec);
	free(u->outdir);
	free(u);
}

/*
 * The page of kind for id (NULL: none) in format fmt, restricted parts
 * left out, as the last build wrote it, when that build made it from
 * the same inputs and the file is as it wrote it.  Returns 0 with the
 * bytes appended to out, or -1: the caller renders it.
 */
int
reuse_page(struct reuse *u, const char *kind, const char *id,
    const char *fmt, struct buf *out)
{
	const struct kind *k = kind_find(kind);
	const struct format *f = format_find(fmt);
	xmlNodePtr doc = id ? build_doc(&u->b, id) : NULL;
	char key[65], *version, *path, *full, *data = NULL;
	size_t len = 0;

	if (k == NULL || f == NULL || k->path == NULL ||
	    (k->deps == DEPS_DOCUMENT && doc == NULL))
		return -1;
	version = doc ? tree_meta(doc, "version") : NULL;
	path = kind_path(k, f, id, version);
	page_key(&u->b, f, k, id, key);
	if (record_current(u->rec, u->outdir, path, key)) {
		full = xasprintf("%s/%s", u->outdir, path);
		data = file_read(full, &len);
		free(full);
	}
	if (data != NULL)
		buf_add(out, data, len);
	free(data);
	free(path);
	free(version);
	return data != NULL ? 0 : -1;
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
	if (status == EXIT_OK && res.same == 0)
		diag_say_n(d, res.written, "wrote %zu file to %s/ (%zu up to "
		    "date)", "wrote %zu files to %s/ (%zu up to date)",
		    res.written, o->outdir, res.current);
	else if (status == EXIT_OK)
		diag_say_n(d, res.written, "wrote %zu file to %s/ (%zu up to "
		    "date, %zu rendered again the same)", "wrote %zu files to "
		    "%s/ (%zu up to date, %zu rendered again the same)",
		    res.written, o->outdir, res.current, res.same);
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
		int written = 0;

		for (size_t i = 0; i < all.n; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", all.v[i]->name);
		for (size_t i = 0; i < renderer_npages(b.r); i++)
			written |= !renderer_page(b.r, i)->same;
		if (written)
			diag_say(d, "wrote the report to %s/report/ (%s)",
			    o->outdir, names.data);
		else
			diag_say(d, "the report in %s/report/ was already up "
			    "to date (%s)", o->outdir, names.data);
		buf_free(&names);
	}
	build_free(&b);
	pipeline_free(p);
	return status;
}

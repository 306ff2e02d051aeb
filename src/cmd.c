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
 * One output format: one stylesheet set and one row here.  The
 * stylesheet gets the parameter doc (the document id) and renders that
 * document from the whole enriched tree.
 */
struct format {
	const char *name;	/* as given to build -f */
	const char *stylesheet;	/* under templates/ */
	const char *suffix;	/* file name suffix */
	const char *media_type;
};

static const struct format formats[] = {
	{"html", "html/document.xsl", "html", "text/html"},
	{"md", "markdown/document.xsl", "md", "text/markdown"},
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

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
static struct project *
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
parse_formats(const char *list)
{
	int mask = 0;
	char *copy = xstrdup(list), *save = NULL;

	for (char *f = strtok_r(copy, ",", &save); f;
	    f = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < NFORMATS; i++)
			if (strcmp(f, formats[i].name) == 0)
				break;
		if (i == NFORMATS) {
			fprintf(stderr, "styrdok: build: unknown format \"%s\" "
			    "(known: html, md)\n", f);
			free(copy);
			return -1;
		}
		mask |= 1 << i;
	}
	free(copy);
	return mask;
}

struct rendered {
	char *path;
	struct buf data;
};

int
cmd_build(struct options *o, int argc, char **argv)
{
	struct rendered *out = NULL;
	size_t nout = 0, ndocs, i, f;
	struct stylesheet *sheets[NFORMATS] = {0}, *index = NULL;
	struct outdir *od = NULL;
	struct project *p;
	xmlNodePtr *docs = NULL;
	int status, mask = (1 << NFORMATS) - 1;

	if (o->format != NULL && (mask = parse_formats(o->format)) < 0)
		return EXIT_USAGE;
	if ((p = run_stages(1, &status)) == NULL)
		return status;
	if (o->dump) {
		if (status == EXIT_OK) {
			fflush(stdout);
			xmlSaveFileEnc("-", p->tree, "UTF-8");
		}
		goto done;
	}
	docs = documents(p, &ndocs);
	for (int a = 0; a < argc; a++) {
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
	if (status != EXIT_OK)
		goto done;
	for (f = 0; f < NFORMATS; f++)
		if ((mask & (1 << f)) &&
		    (sheets[f] = stylesheet_new(p, formats[f].stylesheet)) == NULL)
			goto broken;
	if ((index = stylesheet_new(p, "html/index.xsl")) == NULL)
		goto broken;

	/* Render everything first; write only when all of it succeeded. */
	for (i = 0; i < ndocs; i++) {
		char *id = (char *)xmlGetProp(docs[i], BAD_CAST "id");
		char *version = meta_field(docs[i], "version");
		int wanted = argc == 0;

		for (int a = 0; a < argc; a++)
			wanted |= strcmp(argv[a], id) == 0;
		for (f = 0; wanted && f < NFORMATS; f++) {
			const char *params[] = {"doc", id, NULL};

			if (sheets[f] == NULL)
				continue;
			out = xrealloc(out, (nout + 1) * sizeof(*out));
			out[nout].path = xasprintf("%s/%s/%s.%s", id, version,
			    id, formats[f].suffix);
			memset(&out[nout].data, 0, sizeof(out[nout].data));
			nout++;
			if (stylesheet_apply(p, sheets[f], params,
			    &out[nout - 1].data) != 0)
				status = EXIT_INPUT;
		}
		free(id);
		free(version);
	}
	out = xrealloc(out, (nout + 1) * sizeof(*out));
	out[nout].path = xstrdup("index.html");
	memset(&out[nout].data, 0, sizeof(out[nout].data));
	if (stylesheet_apply(p, index, NULL, &out[nout++].data) != 0)
		status = EXIT_INPUT;
	if (status != EXIT_OK)
		goto done;
	if ((od = outdir_new(o->outdir)) == NULL) {
		status = EXIT_SYSTEM;
		goto done;
	}
	for (i = 0; i < nout; i++)
		if (outdir_write(od, out[i].path, out[i].data.data,
		    out[i].data.len) != 0) {
			status = EXIT_SYSTEM;
			break;
		}
	if (diags_len(p->diags) > 0)
		report(p, 0);
	if (status == EXIT_OK)
		fprintf(stderr, "styrdok: wrote %zu file%s to %s/\n", nout,
		    nout == 1 ? "" : "s", o->outdir);
	goto out;
broken:
	status = EXIT_SYSTEM;
done:
	if (diags_len(p->diags) > 0 || status != EXIT_OK)
		report(p, 0);
out:
	for (i = 0; i < nout; i++) {
		free(out[i].path);
		buf_free(&out[i].data);
	}
	free(out);
	for (f = 0; f < NFORMATS; f++)
		stylesheet_free(sheets[f]);
	stylesheet_free(index);
	outdir_free(od);
	free(docs);
	project_free(p);
	return status;
}

/* SPDX-License-Identifier: ISC */
/*
 * pipeline.c - the stages in order, for every command: find the
 * templates, load (stage 1), validate by schema (2a), check the rules,
 * the registers, the signature registers and the archives (2b), enrich
 * (3).  It is also the one place that points libxml2's and libxslt's
 * process-wide error handlers at a project's diagnostics, and points
 * them back when the project is freed, so a second project (adopt
 * checks an edited source in one) never leaves them aimed at freed
 * memory or loses the first one's messages.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/globals.h>
#include <libxslt/xsltutils.h>

#include "styrdok.h"

#include "datadir.h"	/* STYRDOK_DATADIR: written by make from DATADIR */

/* Adds dir to the places looked at; returns it when it has templates. */
static int
templates_at(struct buf *looked, const char *dir)
{
	char *probe = xasprintf("%s/project.rng", dir);
	struct stat st;
	int ok = stat(probe, &st) == 0 && S_ISREG(st.st_mode);

	free(probe);
	buf_printf(looked, "%s%s", looked->len ? ", " : "", dir);
	return ok;
}

/*
 * Where the templates are: $STYRDOK_TEMPLATES when set (and then only
 * there); else templates/ beside the executable (a build in the source
 * tree); else share/styrdok/templates beside the executable's bin/ (an
 * installed styrdok, wherever it was installed: DESTDIR staging, a
 * package, a PREFIX chosen at install); else the DATADIR compiled in.
 * Returns a string the caller frees, or NULL after a diagnostic in d
 * that names every place looked at.
 */
char *
pipeline_templates(struct diags *d)
{
	const char *env = getenv("STYRDOK_TEMPLATES");
	char exe[PATH_MAX], *slash, *dir = NULL;
	struct buf looked = {0};
	ssize_t n;

	if (env != NULL && *env != '\0') {
		if (templates_at(&looked, env))
			dir = xstrdup(env);
		else
			buf_adds(&looked, " (STYRDOK_TEMPLATES)");
	} else {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		if (n > 0) {
			exe[n] = '\0';
			if ((slash = strrchr(exe, '/')) != NULL)
				*slash = '\0';
			dir = xasprintf("%s/templates", exe);
			if (!templates_at(&looked, dir)) {
				free(dir);
				dir = NULL;
			}
			if (dir == NULL && (slash = strrchr(exe, '/')) != NULL) {
				*slash = '\0';
				dir = xasprintf("%s/share/styrdok/templates",
				    exe);
				if (!templates_at(&looked, dir)) {
					free(dir);
					dir = NULL;
				}
			}
		}
		if (dir == NULL && templates_at(&looked,
		    STYRDOK_DATADIR "/templates"))
			dir = xstrdup(STYRDOK_DATADIR "/templates");
	}
	if (dir == NULL && d != NULL)
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "templates not found (no project.rng) in: %s; set "
		    "STYRDOK_TEMPLATES to the templates directory",
		    looked.data);
	buf_free(&looked);
	return dir;
}

/*
 * A project in the current directory with the libraries' error handlers
 * aimed at its diagnostics (d, or its own when d is NULL).  templates
 * NULL means find them.  Returns NULL after a diagnostic in d when the
 * directory is no project.
 */
struct project *
pipeline_new(const char *templates, struct diags *d)
{
	char *found = NULL;
	struct project *p;

	if (templates == NULL && (found = pipeline_templates(d)) == NULL)
		return NULL;
	p = project_new(templates ? templates : found, d);
	free(found);
	if (p == NULL)
		return NULL;
	p->saved_xml = xmlStructuredError;
	p->saved_xml_ctx = xmlStructuredErrorContext;
	p->saved_xslt = xsltGenericError;
	p->saved_xslt_ctx = xsltGenericErrorContext;
	xmlSetStructuredErrorFunc(p->diags, diag_xml_error);
	xsltSetGenericErrorFunc(p->diags, diag_xslt_error);
	return p;
}

/* Frees p and gives the handlers back to whoever had them before it. */
void
pipeline_free(struct project *p)
{
	if (p == NULL)
		return;
	xmlSetStructuredErrorFunc(p->saved_xml_ctx, p->saved_xml);
	xsltSetGenericErrorFunc(p->saved_xslt_ctx, p->saved_xslt);
	project_free(p);
}

/*
 * Runs the stages over p.  Returns 0, or -1 when the environment is
 * broken (the schema cannot be used).
 */
int
pipeline_run(struct project *p, int enrich_too)
{
	project_load(p);
	if (validate_schema(p) < 0)
		return -1;
	rules_run(p);
	profile_check(p);
	archives_verify(p);
	if (enrich_too) {
		signatures_check(p);
		enrich(p);
		archive_withdrawals(p);
	}
	return 0;
}

/*
 * Loads, validates and (with STAGES_ENRICH) enriches the project in the
 * current directory, its problems in d; with STAGES_ERRORS_ONLY only the
 * errors are kept, for commands that act on the sources rather than
 * check them.  Returns the
 * project, with *status EXIT_INPUT when the sources have errors, or NULL
 * when the environment is broken (*status is then EXIT_SYSTEM).
 */
struct project *
run_stages(struct diags *d, int flags, int *status)
{
	struct project *p = pipeline_new(NULL, d);

	*status = EXIT_SYSTEM;
	if (p == NULL)
		return NULL;
	if (pipeline_run(p, (flags & STAGES_ENRICH) != 0) != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "the schema in %s cannot be used", p->templates);
		pipeline_free(p);
		return NULL;
	}
	*status = diags_count(p->diags, SEV_ERROR) ? EXIT_INPUT : EXIT_OK;
	/* Warnings and notes about the sources are check's business. */
	if (flags & STAGES_ERRORS_ONLY)
		diags_keep_errors(p->diags);
	return p;
}

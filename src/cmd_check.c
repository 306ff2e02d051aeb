/* SPDX-License-Identifier: ISC */
/*
 * cmd_check.c - check and list: run the stages and show what they
 * found, every problem (check) or one line per document (list).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/*
 * The path of FILE, a check operand, relative to the project root, as
 * diagnostics name files: FILE is relative to where styrdok was started
 * (not to -C).  Returns NULL after a diagnostic when FILE cannot be
 * resolved (*status EXIT_SYSTEM) or is not under policies/ (EXIT_USAGE).
 */
static char *
operand_path(struct project *p, struct options *o, const char *file,
    int *status)
{
	char *path = file[0] == '/' || o->origin == NULL ? xstrdup(file) :
	    xasprintf("%s/%s", o->origin, file);
	char *real = realpath(path, NULL), *rel = NULL;
	size_t n = strlen(p->policies);

	if (real == NULL) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_IO, "%s: %s",
		    file, strerror(errno));
		*status = EXIT_SYSTEM;
	} else if (strncmp(real, p->policies, n) != 0 || real[n] != '/') {
		/* An editor hook would read "0 problems" as "valid". */
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "check: %s is not a source of this project: only files "
		    "under %s/ are checked", file, p->policies);
		if (*status != EXIT_SYSTEM)
			*status = EXIT_USAGE;
	} else
		rel = diag_relpath(p->diags, real);
	free(real);
	free(path);
	return rel;
}

int
cmd_check(struct options *o, struct diags *d, int argc, char **argv)
{
	struct project *p;
	int status;

	if ((p = run_stages(d, STAGES_ENRICH, &status)) == NULL)
		return status;
	if (argc > 0) {
		char **rel = xcalloc((size_t)argc, sizeof(*rel));
		size_t before = diags_len(d);
		int bad = EXIT_OK;

		for (int i = 0; i < argc; i++)
			rel[i] = operand_path(p, o, argv[i], &bad);
		/* Keep the operands' problems, and those just reported. */
		diags_restrict(d, rel, argc, before);
		for (int i = 0; i < argc; i++)
			free(rel[i]);
		free(rel);
		status = bad != EXIT_OK ? bad :
		    diags_count(d, SEV_ERROR) ? EXIT_INPUT : EXIT_OK;
	}
	if (o->strict && status == EXIT_OK &&
	    diags_count(d, SEV_WARNING) > 0)
		status = EXIT_INPUT;
	pipeline_free(p);
	return status;
}

int
cmd_list(struct options *o, struct diags *d, int argc, char **argv)
{
	static const char *const field[] = {"type", "version", "status"};
	int status, w[4] = {2, 4, 7, 6};
	struct project *p;
	xmlNodePtr *docs;
	size_t n, i;

	(void)o;
	(void)argc;
	(void)argv;
	if ((p = run_stages(d, 0, &status)) == NULL)
		return status;
	docs = tree_sources(p, "document", &n);
	char *(*cells)[5] = xcalloc(n ? n : 1, sizeof(*cells));

	for (i = 0; i < n; i++) {
		cells[i][0] = tree_prop(docs[i], "id");
		cells[i][1] = tree_prop(docs[i], field[0]);
		cells[i][2] = tree_meta(docs[i], field[1]);
		cells[i][3] = tree_meta(docs[i], field[2]);
		cells[i][4] = tree_meta(docs[i], "title");
		for (int c = 0; c < 4; c++) {
			int cols = (int)utf8_columns(cells[i][c] ? cells[i][c] :
			    "", SIZE_MAX);

			if (cols > w[c])
				w[c] = cols;
		}
	}
	printf("%-*s  %-*s  %-*s  %-*s  %s\n", w[0], "ID", w[1], "TYPE",
	    w[2], "VERSION", w[3], "STATUS", "TITLE");
	for (i = 0; i < n; i++) {
		for (int c = 0; c < 4; c++)
			printf("%-*s  ", w[c], cells[i][c] ? cells[i][c] : "");
		printf("%s\n", cells[i][4]);
		for (int c = 0; c < 5; c++)
			free(cells[i][c]);
	}
	free(cells);
	free(docs);
	pipeline_free(p);
	return status;
}

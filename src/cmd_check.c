/*
 * cmd_check.c - check and list: run the stages and show what they
 * found, every problem (check) or one line per document (list).
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

int
cmd_check(struct options *o, struct diags *d, int argc, char **argv)
{
	int status, json = o->format != NULL && strcmp(o->format, "json") == 0;
	struct project *p;

	if (o->format != NULL && !json && strcmp(o->format, "text") != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "check: unknown "
		    "format \"%s\" (text or json)", o->format);
		return EXIT_USAGE;
	}
	if (json)
		diags_set_json(d);
	if ((p = run_stages(d, STAGES_ENRICH, &status)) == NULL)
		return status;
	if (argc > 0) {
		/* Name the files as diagnostics do: relative to the root. */
		char **rel = xcalloc((size_t)argc, sizeof(*rel));

		for (int i = 0; i < argc; i++) {
			char *real = realpath(argv[i], NULL);

			if (real == NULL) {
				diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_IO,
				    "%s: %s", argv[i], strerror(errno));
				status = EXIT_SYSTEM;
			}
			rel[i] = diag_relpath(d, real ? real : argv[i]);
			free(real);
		}
		diags_restrict(d, rel, argc);
		for (int i = 0; i < argc; i++)
			free(rel[i]);
		free(rel);
		if (status != EXIT_SYSTEM)
			status = diags_count(d, SEV_ERROR) ? EXIT_INPUT :
			    EXIT_OK;
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

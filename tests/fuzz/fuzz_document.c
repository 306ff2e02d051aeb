/* SPDX-License-Identifier: ISC */
/*
 * fuzz_document.c - libFuzzer target: one source file through loading,
 * schema validation, the rules and enrichment, as `styrdok check` runs
 * them.  The input is the text of policies/fuzz.xml.
 */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const files[] = {"policies/fuzz.xml", NULL};

	(void)argc;
	(void)argv;
	fuzz_project_init(files);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct project *p = pipeline_new(fuzz_templates, NULL);

	if (p == NULL)
		abort();
	project_override(p, "policies/fuzz.xml", (const char *)data, len);
	if (pipeline_run(p, 1) != 0)
		abort();
	pipeline_free(p);
	return 0;
}

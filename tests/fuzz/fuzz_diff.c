/* SPDX-License-Identifier: ISC */
/*
 * fuzz_diff.c - libFuzzer target: the diff of two documents.  The input
 * is two document sources separated by a line "====".  Each is loaded,
 * validated and enriched as `styrdok diff` does; when both are valid
 * documents, they are compared and the <redline> is taken out again.
 */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct project *project;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* The project holds the organisation; a.xml and b.xml are sides. */
	fuzz_project_init(NULL);
	if ((project = pipeline_new(fuzz_templates, NULL)) == NULL)
		abort();
	project_load(project);
	if (validate_schema(project) < 0)
		abort();
	enrich(project);
	fuzz_write("policies/a.xml", "<x/>", 4);
	fuzz_write("policies/b.xml", "<x/>", 4);
	return 0;
}

static xmlDocPtr
side(const char *rel, const char *data, size_t len)
{
	xmlDocPtr doc;
	xmlNodePtr root;

	project_override(project, rel, data, len);
	if ((doc = document_file_load(project, rel)) == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "document") ||
	    validate_document(project, doc) != 0) {
		xmlFreeDoc(doc);
		return NULL;
	}
	enrich_document(project, root);
	return doc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	const char *text = (const char *)data, *sep;
	xmlDocPtr a = NULL, b = NULL;
	xmlNodePtr root, last;

	/* Each input is a run of its own: the run-wide budget starts anew. */
	project->markdown_bytes = 0;
	sep = memmem(text, len, "\n====\n", 6);
	if (sep == NULL)
		return -1;
	if ((a = side("policies/a.xml", text, (size_t)(sep - text))) != NULL &&
	    (b = side("policies/b.xml", sep + 6, len - (size_t)(sep - text) -
	    6)) != NULL) {
		diff_documents(project->tree, xmlDocGetRootElement(a),
		    xmlDocGetRootElement(b), "a", "b", "");
		root = xmlDocGetRootElement(project->tree);
		last = xmlGetLastChild(root);
		if (last == NULL || !xmlStrEqual(last->name, BAD_CAST "redline"))
			abort();
		xmlUnlinkNode(last);
		xmlFreeNode(last);
	}
	xmlFreeDoc(a);
	xmlFreeDoc(b);
	diags_truncate(project->diags, 0);
	return 0;
}

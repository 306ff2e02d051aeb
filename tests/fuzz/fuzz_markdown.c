/* SPDX-License-Identifier: ISC */
/*
 * fuzz_markdown.c - libFuzzer target: Markdown enrichment of one prose
 * block.  The input is the text of a <prose> element (as the XML parser
 * would deliver it: valid UTF-8, no NUL), spliced into the tree as
 * CommonMark nodes.
 */
#include <libxml/xmlstring.h>

#include "fuzz.h"

int LLVMFuzzerInitialize(int *, char ***);
int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct project *project;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_project_init(NULL);
	if ((project = pipeline_new(fuzz_templates, NULL)) == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	xmlDocPtr doc;
	xmlNodePtr root, section, prose;
	xmlHashTablePtr anchors;
	char *text;

	/* Text from the XML parser is valid UTF-8 without NUL bytes. */
	if (memchr(data, '\0', len) != NULL || len > INT_MAX)
		return -1;
	text = strndup((const char *)data, len);
	if (!xmlCheckUTF8(BAD_CAST text)) {
		free(text);
		return -1;
	}
	doc = xmlNewDoc(BAD_CAST "1.0");
	root = xmlNewDocNode(doc, NULL, BAD_CAST "document", NULL);
	xmlSetNs(root, xmlNewNs(root, NS_STYRDOK, NULL));
	xmlNewNs(root, NS_COMMONMARK, BAD_CAST "md");
	xmlDocSetRootElement(doc, root);
	section = xmlNewChild(root, root->ns, BAD_CAST "section", NULL);
	xmlSetProp(section, BAD_CAST "id", BAD_CAST "avsnitt");
	prose = xmlNewChild(section, root->ns, BAD_CAST "prose", NULL);
	xmlNodeAddContent(prose, BAD_CAST text);
	free(text);
	anchors = xmlHashCreate(4);
	xmlHashAddEntry(anchors, BAD_CAST "avsnitt", section);
	/* Each input is a run of its own: the run-wide budget starts anew. */
	project->markdown_bytes = 0;
	markdown_splice(project, prose, anchors);
	xmlHashFree(anchors, NULL);
	xmlFreeDoc(doc);
	diags_truncate(project->diags, 0);
	return 0;
}

/*
 * validate.c - stage 2a: structure.  The project tree is checked once
 * against templates/project.rng (which includes styrdok.rng, the schema
 * editors use).  Errors arrive through the structured error handler with
 * the node, so they carry the source file and line.  Meaning is checked
 * next, by rules.c.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/relaxng.h>

#include "styrdok.h"

/*
 * Removes the sources that failed the schema from the tree, so the rules
 * and later stages only see documents whose structure they can trust.
 */
static void
drop_invalid(struct project *p, size_t first)
{
	xmlNodePtr src, next;

	for (src = xmlDocGetRootElement(p->tree)->children; src; src = next) {
		char *file = node_file(p->diags, src);
		int bad = 0;

		next = src->next;
		for (size_t i = first; i < diags_len(p->diags) && !bad; i++) {
			const struct diag *g = diags_get(p->diags, i);

			bad = g->sev == SEV_ERROR && g->file != NULL &&
			    file != NULL && strcmp(g->file, file) == 0;
		}
		if (bad) {
			xmlNodePtr top = xmlFirstElementChild(src);

			if (top != NULL && xmlStrEqual(top->name,
			    BAD_CAST "organisation"))
				p->organisation_invalid = 1;
			xmlUnlinkNode(src);
			xmlFreeNode(src);
		}
		free(file);
	}
}

/*
 * Returns 0 when the tree is valid, 1 when it is not (diagnostics given)
 * and -1 when the schema itself cannot be used (a broken installation).
 */
int
validate_schema(struct project *p)
{
	xmlRelaxNGParserCtxtPtr pctxt;
	xmlRelaxNGValidCtxtPtr vctxt;
	xmlRelaxNGPtr schema;
	char *path;
	int rc;

	path = xasprintf("%s/project.rng", p->templates);
	pctxt = xmlRelaxNGNewParserCtxt(path);
	free(path);
	xmlRelaxNGSetParserStructuredErrors(pctxt, diag_xml_error, p->diags);
	schema = xmlRelaxNGParse(pctxt);
	xmlRelaxNGFreeParserCtxt(pctxt);
	if (schema == NULL)
		return -1;
	size_t first = diags_len(p->diags);
	vctxt = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vctxt, diag_xml_error, p->diags);
	rc = xmlRelaxNGValidateDoc(vctxt, p->tree);
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(schema);
	if (rc != 0)
		drop_invalid(p, first);
	return rc == 0 ? 0 : rc > 0 ? 1 : -1;
}

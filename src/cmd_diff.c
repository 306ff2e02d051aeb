/* SPDX-License-Identifier: ISC */
/*
 * cmd_diff.c - diff: the redline between two versions of a document,
 * each a file, ID@VERSION from the archive or ID for the current
 * source, rendered by the diff stylesheet of the format asked for.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "render.h"

/*
 * Whether document doc records version as decided but not archived
 * (<revision version archived="no">): its text was never kept.
 */
static int
decided_unarchived(xmlNodePtr doc, const char *version)
{
	xmlNodePtr hist = tree_child(doc, "history");
	int found = 0;

	for (xmlNodePtr r = hist ? hist->children : NULL; r && !found;
	    r = r->next) {
		xmlChar *v = xmlGetProp(r, BAD_CAST "version");
		xmlChar *ar = xmlGetProp(r, BAD_CAST "archived");

		found = tree_is(r, "revision") && xmlStrEqual(v,
		    BAD_CAST version) && xmlStrEqual(ar, BAD_CAST "no");
		xmlFree(v);
		xmlFree(ar);
	}
	return found;
}

/*
 * The archived source of ID@VERSION in arg, or NULL after a message:
 * not of that form, or no such archive.
 */
static char *
archived_side(struct project *p, const char *arg, const char *at)
{
	char *id = strndup(arg, (size_t)(at - arg)), *path = NULL;
	xmlNodePtr doc;
	struct stat st;

	if (!docid_valid(id) || strchr(at + 1, '/') != NULL ||
	    at[1] == '\0' || at[1] == '.') {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: %s: not ID@VERSION", arg);
		goto out;
	}
	path = archive_source_path(id, at + 1);
	if (stat(path, &st) == 0)
		goto out;
	free(path);
	path = NULL;
	doc = tree_find(p, "document", id);
	if (doc != NULL && decided_unarchived(doc, at + 1))
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: the text of %s is not "
		    "archived, so no redline can be made against it; compare "
		    "its topics by hand (the packet shows a coverage table)",
		    arg);
	else
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: %s: no archived version (see "
		    "policies/adopted/%s/)", arg, id);
out:
	free(id);
	return path;
}

/* The source hash of a document of the project tree ("" if none). */
static void
source_hash(xmlNodePtr doc, char sha256[65])
{
	xmlChar *h = xmlGetProp(doc->parent, BAD_CAST "sha256");

	snprintf(sha256, 65, "%s", h ? (const char *)h : "");
	xmlFree(h);
}

/*
 * One side of a diff: a file, ID@VERSION from the archive, or ID for the
 * current source.  Returns the enriched <document> (in p's tree or in
 * *own, which the caller frees) with its source hash in sha256, or NULL
 * after a diagnostic.
 */
static xmlNodePtr
diff_side(struct project *p, const char *arg, xmlDocPtr *own,
    char sha256[65])
{
	const char *at = strchr(arg, '@');
	xmlNodePtr doc = NULL;
	char *path;
	struct stat st;

	*own = NULL;
	if (at == NULL && stat(arg, &st) != 0) {
		if ((doc = tree_find(p, "document", arg)) == NULL)
			diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
			    "diff: %s: no such file and no "
			    "document with that id", arg);
		else
			source_hash(doc, sha256);
		return doc;
	}
	path = at != NULL ? archived_side(p, arg, at) : xstrdup(arg);
	if (path == NULL)
		return NULL;
	if ((*own = document_file_load(p, path)) == NULL ||
	    validate_document(p, *own) != 0) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: %s cannot be read as a "
		    "document", arg);
		xmlFreeDoc(*own);
		*own = NULL;
		goto out;
	}
	doc = xmlDocGetRootElement(*own);
	if (source_sha256(*own, sha256) != 0)
		sha256[0] = '\0';
	if (doc == NULL || !xmlStrEqual(doc->name, BAD_CAST "document")) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: %s is not a <document>", arg);
		doc = NULL;
		goto out;
	}
	enrich_document(p, doc);
out:
	free(path);
	return doc;
}

/* Writes data to file (atomically, in its directory).  Returns status. */
static int
write_file(struct diags *d, const char *file, const struct buf *data)
{
	char *dir = xstrdup(file), *slash = strrchr(dir, '/');
	const char *name = slash ? slash + 1 : file;
	struct outdir *od;
	int status;

	if (slash != NULL)
		*slash = '\0';
	od = outdir_new(d, slash ? dir : ".");
	status = od != NULL && outdir_write(od, name, data->data,
	    data->len) == 0 && write_commit(d) == 0 ? EXIT_OK : EXIT_SYSTEM;
	outdir_free(od);
	free(dir);
	return status;
}

/* How many errors in d are of another rule than rule. */
static size_t
errors_besides(const struct diags *d, enum rule rule)
{
	size_t n = 0;

	for (size_t i = 0; i < diags_len(d); i++)
		n += diags_get(d, i)->sev == SEV_ERROR &&
		    diags_get(d, i)->rule != rule;
	return n;
}

int
cmd_diff(struct options *o, struct diags *d, int argc, char **argv)
{
	const struct format *f = format_find("md");
	struct renderer *r = NULL;
	struct project *p;
	struct buf out = {0};
	xmlDocPtr own_old = NULL, own_new = NULL;
	xmlNodePtr old, new;
	char *id = NULL, old_hash[65], new_hash[65];
	int status, changes;

	(void)argc;
	if (o->format != NULL && (f = format_find(o->format)) == NULL) {
		char *known = format_names(format_any);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: unknown format \"%s\" "
		    "(known: %s)", o->format, known);
		free(known);
		return EXIT_USAGE;
	}
	/* PDF and the office formats are files, not text for a terminal. */
	if (!f->to_stdout && o->outfile == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: -f %s needs -o FILE",
		    f->name);
		return EXIT_USAGE;
	}
	if (f->finish == FINISH_PDF && fop_require(d, "diff") != 0)
		return EXIT_SYSTEM;
	if ((p = run_stages(d, STAGES_ENRICH | STAGES_ERRORS_ONLY, &status)) == NULL)
		return EXIT_SYSTEM;
	/*
	 * A changed adopted text is what diff ID@VERSION ID is for: the
	 * error stays in the report, the redline is made.
	 */
	if (status != EXIT_OK && errors_besides(d, RULE_ADOPTED_TEXT) == 0)
		status = EXIT_OK;
	if (status != EXIT_OK) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE,
		    "diff: the sources have errors");
		pipeline_free(p);
		return EXIT_USAGE;
	}
	/* Trouble (unreadable or unknown versions) is 2, as for diff(1). */
	status = EXIT_USAGE;
	if ((old = diff_side(p, argv[0], &own_old, old_hash)) == NULL ||
	    (new = diff_side(p, argv[1], &own_new, new_hash)) == NULL)
		goto out;
	changes = diff_documents(p->tree, old, new, argv[0], argv[1],
	    new_hash);
	if (o->dump) {
		fflush(stdout);
		xmlSaveFileEnc("-", p->tree, "UTF-8");
		status = changes > 0 ? 1 : EXIT_OK;
		goto out;
	}
	id = tree_prop(new, "id");
	r = renderer_new(p);
	if (render_one(r, "diff", id, f->name, o->outfile ? o->outfile :
	    "diff", &out) != 0) {
		status = EXIT_SYSTEM;
		goto out;
	}
	if (o->outfile != NULL) {
		if ((status = write_file(d, o->outfile, &out)) != EXIT_OK)
			goto out;
	} else
		fwrite(out.data, 1, out.len, stdout);
	status = changes > 0 ? 1 : EXIT_OK;
out:
	free(id);
	buf_free(&out);
	renderer_free(r);
	xmlFreeDoc(own_old);
	xmlFreeDoc(own_new);
	pipeline_free(p);
	return status;
}

/* SPDX-License-Identifier: ISC */
/*
 * cmd_packet.c - packet: the approval packet of an ärende: output/packets/<case>/
 * with packet.html (tjänsteskrivelse, bilagor each from a new page, the
 * answers to the auditors), each document, a redline against the
 * version in force where one is archived, the report, packet.pdf (all of
 * it in one PDF, when FOP is installed) and a MANIFEST of SHA-256 sums.
 * Refused while the sources have errors.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cmd.h"
#include "render.h"

struct file {
	char *name;
	struct buf data;
};

static struct file *
add_file(struct file **v, size_t *n, const char *name)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[*n].name = xstrdup(name);
	memset(&(*v)[*n].data, 0, sizeof((*v)[*n].data));
	return &(*v)[(*n)++];
}

/*
 * Adds the redline of document doc against its newest adopted version,
 * when that differs from the current one.  Returns 1 when there is one.
 */
static int
redline(struct project *p, xmlNodePtr doc, const char *id)
{
	char *adopted = newest_adopted(id), *path, *label;
	char *cur = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    "version"));
	xmlDocPtr old;
	int made = 0;

	if (adopted == NULL || strcmp(adopted, cur) == 0) {
		free(adopted);
		free(cur);
		return 0;
	}
	path = archive_source_path(id, adopted);
	if ((old = document_file_load(p, path)) != NULL) {
		enrich_document(p, xmlDocGetRootElement(old));
		xmlChar *hash = xmlGetProp(doc->parent, BAD_CAST "sha256");

		label = xasprintf("%s@%s", id, adopted);
		diff_documents(p->tree, xmlDocGetRootElement(old), doc, label,
		    id, (const char *)hash);
		xmlFree(hash);
		free(label);
		xmlFreeDoc(old);
		made = 1;
	}
	free(path);
	free(adopted);
	free(cur);
	return made;
}

int
cmd_packet(struct options *o, struct diags *d, int argc, char **argv)
{
	struct project *p;
	struct renderer *r = NULL;
	struct file *files = NULL;
	size_t nfiles = 0;
	xmlNodePtr c;
	struct buf manifest = {0}, *out;
	struct reuse *u = NULL;
	int code;

	(void)argc;
	if ((p = run_stages(d, STAGES_ENRICH | STAGES_ERRORS_ONLY,
	    &code)) == NULL)
		return code;
	if (code != EXIT_OK) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "packet: the "
		    "sources have errors; no packet is made until they are "
		    "fixed");
		goto out;
	}
	code = EXIT_INPUT;
	if (!docid_valid(argv[0]) ||
	    (c = tree_find(p, "case", argv[0])) == NULL) {
		char *hint = tree_hint_in(p, "case", argv[0]);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REF_DOCUMENT, "packet: "
		    "no case with id \"%s\" in policies/%s", argv[0], hint);
		free(hint);
		goto out;
	}
	code = EXIT_SYSTEM;
	/* A directory we cannot write to is said before any rendering. */
	if (outdir_check(d, o->outdir) != 0)
		goto out;
	r = renderer_new(p);
	u = reuse_new(o, p);
	for (xmlNodePtr a = tree_child(c, "attachments")->children; a; a = a->next) {
		char *id, *name;
		xmlNodePtr doc;

		if (!tree_is(a, "attachment"))
			continue;
		id = (char *)xmlGetProp(a, BAD_CAST "doc");
		doc = tree_find(p, "document", id);
		name = xasprintf("%s.html", id);
		out = &add_file(&files, &nfiles, name)->data;
		/* What the build made already is not rendered again. */
		if (reuse_page(u, "document", id, "html", out) != 0 &&
		    render_one(r, "document", id, "html", name, out) != 0)
			goto fail;
		free(name);
		if (redline(p, doc, id)) {
			name = xasprintf("redline-%s.html", id);
			if (render_one(r, "diff", id, "html", name,
			    &add_file(&files, &nfiles, name)->data) != 0)
				goto fail;
			free(name);
		}
		free(id);
		continue;
fail:
		free(name);
		free(id);
		goto out;
	}
	out = &add_file(&files, &nfiles, "report.html")->data;
	if ((reuse_page(u, "report", NULL, "html", out) != 0 &&
	    render_one(r, "report", NULL, "html", "report.html", out) != 0) ||
	    render_one(r, "packet", argv[0], "html", "packet.html",
	    &add_file(&files, &nfiles, "packet.html")->data) != 0)
		goto out;
	/* The whole packet as one PDF, a bookmark per bilaga. */
	if (!fop_installed())
		fop_skipped(d, "packet", "packet.pdf");
	else if (render_one(r, "packet", argv[0], "pdf", "packet.pdf",
	    &add_file(&files, &nfiles, "packet.pdf")->data) != 0)
		goto out;
	for (size_t i = 0; i < nfiles; i++) {
		char hex[65];

		sha256_hex(files[i].data.data ? files[i].data.data : "",
		    files[i].data.len, hex);
		buf_printf(&manifest, "%s  %s\n", hex, files[i].name);
	}
	{
		struct outdir *od = outdir_new(d, o->outdir);
		char *dir = xasprintf("packets/%s", argv[0]), *f;

		code = od != NULL ? EXIT_OK : EXIT_SYSTEM;
		for (size_t i = 0; code == EXIT_OK && i < nfiles; i++) {
			f = xasprintf("%s/%s", dir, files[i].name);
			if (outdir_write(od, f, files[i].data.data,
			    files[i].data.len) != 0)
				code = EXIT_SYSTEM;
			free(f);
		}
		f = xasprintf("%s/MANIFEST", dir);
		if (code == EXIT_OK &&
		    outdir_write(od, f, manifest.data, manifest.len) != 0)
			code = EXIT_SYSTEM;
		/* The files and their MANIFEST appear together. */
		if (code == EXIT_OK && write_commit(d) != 0)
			code = EXIT_SYSTEM;
		free(f);
		if (code == EXIT_OK)
			diag_say(d, "packet for %s in %s/%s/ (%zu files and "
			    "MANIFEST)", argv[0], o->outdir, dir, nfiles);
		free(dir);
		outdir_free(od);
	}
out:
	for (size_t i = 0; i < nfiles; i++) {
		free(files[i].name);
		buf_free(&files[i].data);
	}
	free(files);
	buf_free(&manifest);
	reuse_free(u);
	renderer_free(r);
	pipeline_free(p);
	return code;
}

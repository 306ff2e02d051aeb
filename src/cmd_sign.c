/* SPDX-License-Identifier: ISC */
/*
 * cmd_sign.c - sign: personal acknowledgement sheets for everyone in a staff list,
 * tied to one exact version of a document (its version, decision and
 * content hash), and the register for recording returned sheets.
 *
 * The people are added to the tree as <signing><person .../></signing>
 * and the sheets are rendered by templates/html/sheets.xsl like every
 * other page.  Nothing is written when the staff list has errors.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "cmd.h"
#include "render.h"

/*
 * Puts the archived version of document doc in the tree in its place,
 * enriched like the sources, with the archive's content hash.  Returns
 * the new node, or NULL after a diagnostic.
 */
static xmlNodePtr
swap_in_archive(struct project *p, xmlNodePtr doc, const char *id,
    const char *version)
{
	char *path = archive_source_path(id, version);
	xmlDocPtr arch = document_file_load(p, path);
	xmlNodePtr copy = NULL;
	struct stat st;

	if (arch == NULL || stat(path, &st) != 0) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "sign: "
		    "%s version %s is neither the current source nor adopted "
		    "(%s)", id, version, path);
		goto out;
	}
	/* The archived file is the canonical source: its hash is the stamp. */
	size_t len = 0;
	char *data = file_read(path, &len), hex[65];

	sha256_hex(data ? data : "", len, hex);
	free(data);
	copy = xmlDocCopyNode(xmlDocGetRootElement(arch), p->tree, 1);
	xmlReplaceNode(doc, copy);
	xmlFreeNode(doc);
	xmlSetProp(copy->parent, BAD_CAST "sha256", BAD_CAST hex);
	enrich_document(p, copy);
out:
	xmlFreeDoc(arch);
	free(path);
	return copy;
}

/* Appends a CSV field, quoted when it must be. */
static void
csv_field(struct buf *b, const char *s, int last)
{
	/* A cell a spreadsheet would run as a formula is kept as text. */
	int formula = strchr("=+-@\t\r", *s) != NULL && *s != '\0';

	if (formula || strpbrk(s, ";\"\r\n") != NULL) {
		buf_add(b, "\"", 1);
		if (formula)
			buf_add(b, "'", 1);
		for (; *s; s++)
			buf_adds(b, *s == '"' ? "\"\"" : (char[]){*s, '\0'});
		buf_add(b, "\"", 1);
	} else
		buf_adds(b, s);
	buf_adds(b, last ? "\r\n" : ";");
}

/* The register of returned sheets, pre-filled, for Excel (BOM, ';'). */
static void
register_csv(struct buf *b, const struct staff *st, const char *title,
    const char *version, const char *hash)
{
	buf_adds(b, "\xEF\xBB\xBF");
	buf_adds(b, "Anställningsnummer;Namn;Enhet;Befattning;Dokument;"
	    "Version;Kontrollsumma;Underskriven datum;Mottagen av\r\n");
	for (size_t i = 0; i < st->n; i++) {
		csv_field(b, st->v[i].employee, 0);
		csv_field(b, st->v[i].name, 0);
		csv_field(b, st->v[i].unit, 0);
		csv_field(b, st->v[i].title, 0);
		csv_field(b, title, 0);
		csv_field(b, version, 0);
		csv_field(b, hash, 0);
		csv_field(b, "", 0);
		csv_field(b, "", 1);
	}
}



/*
 * Each employee number goes into its sheet's code, which a scanner types
 * back as one line: a QR code holds a bounded payload, so the number is
 * bounded too, and it may hold no line break or other control
 * character.  Returns EXIT_OK, or EXIT_INPUT after a diagnostic per
 * number that does not fit.
 */
static int
employees_fit(struct diags *d, const char *path, const struct staff *st)
{
	int code = EXIT_OK;

	for (size_t i = 0; i < st->n; i++) {
		const char *e = st->v[i].employee, *c = e;

		while (*c != '\0' && (unsigned char)*c >= 0x20 && *c != 0x7f)
			c++;
		if (strlen(e) > EMPLOYEE_MAX || *c != '\0') {
			if (*c != '\0')
				diag_add(d, path, st->v[i].line, 1, SEV_ERROR,
				    RULE_STAFF_ROW, "line %d: the employee number "
				    "holds a line break or another control "
				    "character, which the sheet's code cannot "
				    "carry", st->v[i].line);
			else
				diag_add(d, path, st->v[i].line, 1, SEV_ERROR,
				    RULE_STAFF_ROW, "line %d: the employee number "
				    "is longer than %d bytes, more than the "
				    "sheet's code carries", st->v[i].line,
				    EMPLOYEE_MAX);
			code = EXIT_INPUT;
		}
	}
	return code;
}

/*
 * sign --missing: leaves in st only those whom the signature register of
 * document id does not show as having signed version with hash (a
 * draft's signature counts only while the draft's text is unchanged).
 * Returns how many were left out, or -1 after a diagnostic (no register).
 */
static long
leave_out_signed(struct project *p, const char *id, const char *version,
    const char *hash, struct staff *st)
{
	xmlHashTablePtr done = xmlHashCreate(st->n + 1);
	size_t kept = 0, registers = 0;

	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr reg = xmlFirstElementChild(s);
		xmlChar *doc;

		if (!tree_is(s, "source") || !tree_is(reg, "signatures"))
			continue;
		doc = xmlGetProp(reg, BAD_CAST "doc");
		registers += xmlStrEqual(doc, BAD_CAST id);
		if (!xmlStrEqual(doc, BAD_CAST id)) {
			xmlFree(doc);
			continue;
		}
		xmlFree(doc);
		for (xmlNodePtr g = reg->children; g; g = g->next) {
			xmlChar *v, *h, *e;

			if (!tree_is(g, "signed"))
				continue;
			v = xmlGetProp(g, BAD_CAST "version");
			h = xmlGetProp(g, BAD_CAST "hash");
			e = xmlGetProp(g, BAD_CAST "employee");
			if (xmlStrEqual(v, BAD_CAST version) &&
			    (!xmlHasProp(g, BAD_CAST "draft") ||
			    xmlStrEqual(h, BAD_CAST hash)))
				xmlHashAddEntry(done, e, (void *)1);
			xmlFree(v);
			xmlFree(h);
			xmlFree(e);
		}
	}
	if (registers == 0) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "sign "
		    "--missing: %s has no signature register to tell who has "
		    "signed", id);
		xmlHashFree(done, NULL);
		return -1;
	}
	for (size_t i = 0; i < st->n; i++) {
		struct person *x = &st->v[i];

		if (xmlHashLookup(done, BAD_CAST x->employee) != NULL) {
			free(x->name), free(x->unit), free(x->title);
			free(x->employee);
		} else
			st->v[kept++] = *x;
	}
	xmlHashFree(done, NULL);
	long left_out = (long)(st->n - kept);

	st->n = kept;
	return left_out;
}

#define SHEETS_PER_PART 200

/*
 * Renders the sheets of everyone in st with stylesheet sheets, people
 * SHEETS_PER_PART at a time, and passes the joined text to emit piece
 * by piece, so memory stays flat however long the staff list is.  The
 * parts are joined at the comments the stylesheet puts around the
 * sheets: the head and sheets of the first part, the sheets of the
 * middle ones, the sheets and foot of the last.  Returns 0, or -1.
 */
static int
render_sheets(struct project *p, struct stylesheet *sheets, const char *id,
    xmlNodePtr doc, const struct staff *st,
    int (*emit)(void *, const char *, size_t), void *arg)
{
	static const char start[] = "<!--styrdok:sheets-->";
	static const char end[] = "<!--/styrdok:sheets-->";
	size_t parts = st->n ? (st->n + SHEETS_PER_PART - 1) / SHEETS_PER_PART : 1;
	char total[32];
	int rc = 0;
	char *version = (char *)xmlNodeGetContent(tree_child(tree_child(doc,
	    "meta"), "version"));
	char *status = (char *)xmlNodeGetContent(tree_child(tree_child(doc,
	    "meta"), "status"));
	char *hash = (char *)xmlGetProp(doc->parent, BAD_CAST "sha256");
	/* As the stylesheets decide whether a sheet says UTKAST. */
	int draft = strcmp(status, "utkast") == 0 || strcmp(status, "remiss") == 0;

	snprintf(total, sizeof(total), "%zu", st->n);
	if (dynlib_need(DYNLIB_QRENCODE, p->diags, "sign") != 0)
		rc = -1;
	/* A run told to stop renders no more parts. */
	for (size_t part = 0; rc == 0 && part < parts && !interrupted();
	    part++) {
		xmlNodePtr signing = xmlNewChild(xmlDocGetRootElement(p->tree),
		    doc->ns, BAD_CAST "signing", NULL);
		size_t first = part * SHEETS_PER_PART, i;
		char offset[32];
		const char *params[] = {"doc", id, "offset", offset, "total",
		    total, NULL};
		struct buf out = {0};
		const char *from, *to, *s, *e;

		xmlSetProp(signing, BAD_CAST "doc", BAD_CAST id);
		for (i = first; i < st->n && i < first + SHEETS_PER_PART; i++) {
			xmlNodePtr pe = xmlNewChild(signing, doc->ns,
			    BAD_CAST "person", NULL);

			xmlSetProp(pe, BAD_CAST "employee",
			    BAD_CAST st->v[i].employee);
			xmlSetProp(pe, BAD_CAST "name", BAD_CAST st->v[i].name);
			xmlSetProp(pe, BAD_CAST "unit", BAD_CAST st->v[i].unit);
			xmlSetProp(pe, BAD_CAST "title", BAD_CAST st->v[i].title);
			char *payload = qr_payload(id, version, draft, hash,
			    st->v[i].employee);

			if (qr_node(pe, payload) == NULL) {
				/* cmd_sign bounds the length: not reached. */
				diag_add(p->diags, NULL, 0, 0, SEV_ERROR,
				    RULE_STAFF_ROW, "employee number on staff "
				    "list line %d does not fit a QR code",
				    st->v[i].line);
				rc = -1;
			}
			free(payload);
		}
		snprintf(offset, sizeof(offset), "%zu", first);
		if (rc == 0)
			rc = stylesheet_apply(p, sheets, params, &out);
		xmlUnlinkNode(signing);
		xmlFreeNode(signing);
		s = rc == 0 ? strstr(out.data, start) : NULL;
		e = s != NULL ? strstr(s, end) : NULL;
		if (e == NULL) {
			buf_free(&out);
			rc = -1;
			break;
		}
		from = part == 0 ? out.data : s + strlen(start);
		to = part + 1 == parts ? out.data + out.len : e;
		rc = emit(arg, from, (size_t)(to - from));
		buf_free(&out);
		if (rc != 0) {
			rc = -1;
			break;
		}
	}
	free(version);
	free(status);
	free(hash);
	return rc == 0 && interrupted() ? -1 : rc;
}

/* arg is a struct outfile **, set to NULL when a write fails (f is gone). */
static int
emit_file(void *arg, const char *data, size_t len)
{
	struct outfile **f = arg;

	if (outfile_write(*f, data, len) != 0) {
		*f = NULL;
		return -1;
	}
	return 0;
}

static int
emit_buf(void *b, const char *data, size_t len)
{
	buf_add(b, data, len);
	return 0;
}

/*
 * The sheets as one PDF, one page per person: the XSL-FO of all of them
 * set by FOP in one run.  Returns 0, or -1 after diagnostics.
 */
static int
sheets_pdf(struct renderer *r, struct project *p, const char *id,
    xmlNodePtr doc, const struct staff *st, const char *name,
    struct buf *pdf)
{
	struct stylesheet *sheets = renderer_sheet(r, "fo/sheets.xsl");
	struct pdf_job job = {0};
	int rc = -1;

	job.pdf = pdf;
	job.what = name;
	job.about = doc;
	job.pages = (long)st->n;	/* one page per person */
	if (sheets != NULL &&
	    render_sheets(p, sheets, id, doc, st, emit_buf, &job.fo) == 0)
		rc = pdf_render(p, &job, 1);
	buf_free(&job.fo);
	return rc;
}

/*
 * Writes the document, sheets.html, sheets.pdf (when FOP is installed)
 * and register.csv, committed together.  sheets.html is streamed into
 * its temporary file.
 */
static int
write_signing(struct renderer *r, struct project *p, const char *outdir,
    const char *dir, const char *id, xmlNodePtr doc, const struct staff *st,
    const struct buf *html, const struct buf *reg)
{
	struct stylesheet *sheets = renderer_sheet(r, "html/sheets.xsl");
	struct outdir *od = outdir_new(p->diags, outdir);
	struct outfile *f = NULL;
	struct buf pdf = {0};
	char *name = NULL;
	int code = EXIT_SYSTEM, fop = fop_installed();

	if (sheets == NULL || od == NULL)
		goto out;
	/* The PDF first: when FOP fails, nothing at all is written. */
	name = xasprintf("%s/sheets.pdf", dir);
	if (fop && sheets_pdf(r, p, id, doc, st, name, &pdf) != 0)
		goto out;
	free(name);
	name = xasprintf("%s/%s.html", dir, id);
	if (outdir_write(od, name, html->data, html->len) != 0)
		goto out;
	free(name);
	name = xasprintf("%s/sheets.html", dir);
	if ((f = outfile_open(od, name)) == NULL)
		goto out;
	if (render_sheets(p, sheets, id, doc, st, emit_file, &f) != 0)
		goto out;
	code = outfile_commit(f) == 0 ? EXIT_OK : EXIT_SYSTEM;
	f = NULL;
	free(name);
	name = xasprintf("%s/sheets.pdf", dir);
	if (code == EXIT_OK && fop &&
	    outdir_write(od, name, pdf.data, pdf.len) != 0)
		code = EXIT_SYSTEM;
	free(name);
	name = xasprintf("%s/register.csv", dir);
	if (code == EXIT_OK && outdir_write(od, name, reg->data, reg->len) != 0)
		code = EXIT_SYSTEM;
	/* All four files appear together, or none of them. */
	if (code == EXIT_OK && write_commit(p->diags) != 0)
		code = EXIT_SYSTEM;
	if (code == EXIT_OK && !fop)
		fop_skipped(p->diags, "sign", "sheets.pdf");
out:
	outfile_abort(f);
	free(name);
	buf_free(&pdf);
	outdir_free(od);
	return code;
}

int
cmd_sign(struct options *o, struct diags *d, int argc, char **argv)
{
	struct project *p;
	struct renderer *r = NULL;
	struct staff st = {0};
	xmlNodePtr doc;
	char *version = NULL, *status = NULL, *title = NULL, *hash = NULL;
	char *dir = NULL, *adopted = NULL;
	struct buf html = {0}, reg = {0};
	struct reuse *u = NULL;
	const char *id;
	int code, cp1252 = 0;

	(void)argc;
	if (o->staff == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "sign needs "
		    "--staff FILE");
		return EXIT_USAGE;
	}
	if (o->encoding != NULL) {
		if (strcasecmp(o->encoding, "cp1252") == 0 ||
		    strcasecmp(o->encoding, "windows-1252") == 0)
			cp1252 = 1;
		else if (strcasecmp(o->encoding, "utf-8") != 0 &&
		    strcasecmp(o->encoding, "utf8") != 0) {
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "sign: "
			    "unknown encoding \"%s\" (utf-8 or cp1252)",
			    o->encoding);
			return EXIT_USAGE;
		}
	}
	id = argv[0];
	if ((p = run_stages(d, STAGES_ENRICH | STAGES_ERRORS_ONLY,
	    &code)) == NULL)
		return code;
	if (code != EXIT_OK) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "sign: the "
		    "sources have errors; fix them first");
		goto out;
	}
	code = EXIT_INPUT;
	if ((doc = tree_find(p, "document", id)) == NULL) {
		char *hint = tree_hint_in(p, "document", id);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REF_DOCUMENT, "sign: "
		    "no document with id \"%s\"%s", id, hint);
		free(hint);
		goto out;
	}
	version = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    "version"));
	status = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"), "status"));
	/* The version in force: the one asked for, or the newest adopted. */
	adopted = newest_adopted(id);
	if (o->version != NULL && strcmp(o->version, version) != 0) {
		if (strspn(o->version, "0123456789.") != strlen(o->version) ||
		    !isdigit((unsigned char)o->version[0]) ||
		    strstr(o->version, "..") != NULL) {
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "sign: "
			    "--version %s is not a version number", o->version);
			goto out;
		}
		if ((doc = swap_in_archive(p, doc, id, o->version)) == NULL)
			goto out;
		free(version);
		version = xstrdup(o->version);
	} else if (o->version == NULL && strcmp(status, "beslutad") != 0 &&
	    adopted != NULL) {
		if ((doc = swap_in_archive(p, doc, id, adopted)) == NULL)
			goto out;
		free(version);
		version = xstrdup(adopted);
	} else if (strcmp(status, "beslutad") != 0)
		diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_DRAFT, "sign: %s %s is "
		    "a draft (%s) and no version is adopted; the sheets say "
		    "UTKAST", id, version, status);
	if (tree_child(doc, "acknowledgement") == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "sign: %s has "
		    "no <acknowledgement> to sign", id);
		goto out;
	}
	if ((code = staff_load(p, o->staff, cp1252, &st)) == EXIT_OK)
		code = employees_fit(d, o->staff, &st);
	if (code != EXIT_OK) {
		diag_say(d, "sign: nothing was written");
		goto out;
	}
	title = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    "title"));
	hash = (char *)xmlGetProp(doc->parent, BAD_CAST "sha256");
	hash[12] = '\0';
	if (o->missing) {
		long out = leave_out_signed(p, id, version, hash, &st);

		if (out < 0) {
			code = EXIT_INPUT;
			goto out;
		}
		if (st.n == 0) {
			diag_say(d, "sign: everyone on the staff list has signed "
			    "%s version %s; no sheets were written", id, version);
			code = EXIT_OK;
			goto out;
		}
		diag_say(d, "sign: %ld on the staff list have signed %s version "
		    "%s already; sheets for the other %zu", out, id, version,
		    st.n);
	}
	dir = xasprintf("signing/%s/%s", id, version);
	/* A directory we cannot write to is said before any rendering. */
	if (outdir_check(d, o->outdir) != 0) {
		code = EXIT_SYSTEM;
		goto out;
	}
	r = renderer_new(p);
	/* The document as the last build made it, when it is that text. */
	u = reuse_new(o, p);
	if (reuse_page(u, "document", id, "html", &html) != 0 &&
	    render_one(r, "document", id, "html", NULL, &html) != 0) {
		code = EXIT_SYSTEM;
		goto out;
	}
	register_csv(&reg, &st, title, version, hash);
	code = write_signing(r, p, o->outdir, dir, id, doc, &st, &html, &reg);
	if (code == EXIT_OK)
		diag_say_n(d, st.n, "%zu acknowledgement sheet for %s version "
		    "%s (%s) in %s/%s/", "%zu acknowledgement sheets for %s "
		    "version %s (%s) in %s/%s/", st.n, id, version, hash,
		    o->outdir, dir);
out:	staff_free(&st);
	buf_free(&html);
	buf_free(&reg);
	free(version);
	free(status);
	free(title);
	free(hash);
	free(dir);
	free(adopted);
	reuse_free(u);
	renderer_free(r);
	pipeline_free(p);
	return code;
}

/*
 * sign.c - personal acknowledgement sheets for everyone in a staff list,
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

#include "styrdok.h"

/* The newest version archived under policies/adopted/<id>/, or NULL. */
char *
newest_adopted(const char *id)
{
	char *dir = xasprintf("policies/adopted/%s", id), *best = NULL;
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' ||
		    strspn(e->d_name, "0123456789.") != strlen(e->d_name))
			continue;
		if (best == NULL || version_compare(e->d_name, best) > 0) {
			free(best);
			best = xstrdup(e->d_name);
		}
	}
	if (d != NULL)
		closedir(d);
	free(dir);
	return best;
}

/*
 * Puts the archived version of document doc in the tree in its place,
 * enriched like the sources, with the archive's content hash.  Returns
 * the new node, or NULL after a message.
 */
static xmlNodePtr
swap_in_archive(struct project *p, xmlNodePtr doc, const char *id,
    const char *version)
{
	char *path = xasprintf("policies/adopted/%s/%s/%s.xml", id, version, id);
	xmlDocPtr arch = document_file_load(p, path);
	xmlNodePtr copy = NULL;
	struct stat st;

	if (arch == NULL || stat(path, &st) != 0) {
		fprintf(stderr, "styrdok: sign: %s version %s is neither the "
		    "current source nor adopted (%s)\n", id, version, path);
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
 * Reads and checks a staff list file; diagnostics name it as given.
 * Returns 0 with the people in *st, or an exit status.
 */
int
staff_load(struct project *p, const char *path, int cp1252, struct staff *st)
{
	size_t len = 0;
	char *data = file_read(path, &len);
	int rc;

	memset(st, 0, sizeof(*st));
	if (data == NULL) {
		diag_add(p->diags, path, 0, 0, SEV_ERROR, "io", "cannot read "
		    "the staff list: %s", errno ? strerror(errno) :
		    "not a regular file");
		return EXIT_SYSTEM;
	}
	rc = staff_parse(p->diags, path, data, len, cp1252, st);
	free(data);
	return rc == 0 ? EXIT_OK : EXIT_INPUT;
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

	snprintf(total, sizeof(total), "%zu", st->n);
	for (size_t part = 0; part < parts; part++) {
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
		}
		snprintf(offset, sizeof(offset), "%zu", first);
		int rc = stylesheet_apply(p, sheets, params, &out);

		xmlUnlinkNode(signing);
		xmlFreeNode(signing);
		s = rc == 0 ? strstr(out.data, start) : NULL;
		e = s != NULL ? strstr(s, end) : NULL;
		if (e == NULL) {
			buf_free(&out);
			return -1;
		}
		from = part == 0 ? out.data : s + strlen(start);
		to = part + 1 == parts ? out.data + out.len : e;
		rc = emit(arg, from, (size_t)(to - from));
		buf_free(&out);
		if (rc != 0)
			return -1;
	}
	return 0;
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
sheets_pdf(struct project *p, const char *id, xmlNodePtr doc,
    const struct staff *st, const char *name, struct buf *pdf)
{
	struct stylesheet *sheets = stylesheet_new(p, "fo/sheets.xsl");
	struct pdf_job job = {0};
	int rc = -1;

	job.pdf = pdf;
	job.what = name;
	job.about = doc;
	if (sheets != NULL &&
	    render_sheets(p, sheets, id, doc, st, emit_buf, &job.fo) == 0)
		rc = pdf_render(p, &job, 1);
	buf_free(&job.fo);
	stylesheet_free(sheets);
	return rc;
}

/*
 * Writes the document, sheets.html, sheets.pdf (when FOP is installed)
 * and register.csv.  sheets.html is streamed into its file.
 */
static int
write_signing(struct project *p, const char *outdir, const char *dir,
    const char *id, xmlNodePtr doc, const struct staff *st,
    const struct buf *html, const struct buf *reg)
{
	struct stylesheet *sheets = stylesheet_new(p, "html/sheets.xsl");
	struct outdir *od = outdir_new(outdir);
	struct outfile *f = NULL;
	struct buf pdf = {0};
	char *name = NULL;
	int code = EXIT_SYSTEM, fop = fop_installed();

	if (sheets == NULL || od == NULL)
		goto out;
	/* The PDF first: when FOP fails, nothing at all is written. */
	name = xasprintf("%s/sheets.pdf", dir);
	if (fop && sheets_pdf(p, id, doc, st, name, &pdf) != 0) {
		diags_print(p->diags, stderr);
		goto out;
	}
	free(name);
	name = xasprintf("%s/%s.html", dir, id);
	if (outdir_write(od, name, html->data, html->len) != 0)
		goto out;
	free(name);
	name = xasprintf("%s/sheets.html", dir);
	if ((f = outfile_open(od, name)) == NULL)
		goto out;
	if (render_sheets(p, sheets, id, doc, st, emit_file, &f) != 0) {
		diags_print(p->diags, stderr);
		goto out;
	}
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
	if (code == EXIT_OK && !fop)
		fop_skipped("sign", "sheets.pdf");
out:
	outfile_abort(f);
	free(name);
	buf_free(&pdf);
	outdir_free(od);
	stylesheet_free(sheets);
	return code;
}

int
cmd_sign(struct options *o, int argc, char **argv)
{
	struct project *p;
	struct staff st = {0};
	xmlNodePtr doc;
	char *version = NULL, *status = NULL, *title = NULL, *hash = NULL;
	char *dir = NULL, *adopted = NULL;
	struct buf html = {0}, reg = {0};
	const char *id;
	int code, cp1252 = 0;

	if (argc != 1 || o->staff == NULL) {
		fputs("usage: styrdok sign ID --staff FILE [--version V] "
		    "[--encoding utf-8|cp1252] [-o DIR]\n", stderr);
		return EXIT_USAGE;
	}
	if (o->encoding != NULL) {
		if (strcasecmp(o->encoding, "cp1252") == 0 ||
		    strcasecmp(o->encoding, "windows-1252") == 0)
			cp1252 = 1;
		else if (strcasecmp(o->encoding, "utf-8") != 0 &&
		    strcasecmp(o->encoding, "utf8") != 0) {
			fprintf(stderr, "styrdok: sign: unknown encoding \"%s\" "
			    "(utf-8 or cp1252)\n", o->encoding);
			return EXIT_USAGE;
		}
	}
	id = argv[0];
	if ((p = run_stages(1, &code)) == NULL)
		return code;
	if (code != EXIT_OK) {
		diags_keep_errors(p->diags);
		diags_print(p->diags, stderr);
		fputs("styrdok: sign: the sources have errors; fix them first\n",
		    stderr);
		goto out;
	}
	/* The governance warnings are check's business, not this command's. */
	diags_truncate(p->diags, 0);
	code = EXIT_INPUT;
	if ((doc = tree_find(p, "document", id)) == NULL) {
		fprintf(stderr, "styrdok: sign: no document with id \"%s\"\n",
		    id);
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
			fprintf(stderr, "styrdok: sign: --version %s is not a "
			    "version number\n", o->version);
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
		fprintf(stderr, "styrdok: sign: note: %s %s is a draft (%s) "
		    "and no version is adopted; the sheets say UTKAST\n", id,
		    version, status);
	if (tree_child(doc, "acknowledgement") == NULL) {
		fprintf(stderr, "styrdok: sign: %s has no <acknowledgement> "
		    "to sign\n", id);
		goto out;
	}
	if ((code = staff_load(p, o->staff, cp1252, &st)) != EXIT_OK) {
		diags_print(p->diags, stderr);
		diags_summary(p->diags, stderr);
		fputs("styrdok: sign: nothing was written\n", stderr);
		goto out;
	}
	title = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    "title"));
	hash = (char *)xmlGetProp(doc->parent, BAD_CAST "sha256");
	hash[12] = '\0';
	dir = xasprintf("signing/%s/%s", id, version);
	if (render_document(p, id, "html", &html) != 0) {
		diags_print(p->diags, stderr);
		code = EXIT_SYSTEM;
		goto out;
	}
	register_csv(&reg, &st, title, version, hash);
	code = write_signing(p, o->outdir, dir, id, doc, &st, &html, &reg);
	if (code == EXIT_OK) {
		if (diags_len(p->diags) > 0)
			diags_print(p->diags, stderr);
		fprintf(stderr, "styrdok: %zu acknowledgement sheet%s for %s "
		    "version %s (%s) in %s/%s/\n", st.n, st.n == 1 ? "" : "s",
		    id, version, hash, o->outdir, dir);
	}
out:	staff_free(&st);
	buf_free(&html);
	buf_free(&reg);
	free(version);
	free(status);
	free(title);
	free(hash);
	free(dir);
	free(adopted);
	project_free(p);
	return code;
}

/* ---- the signature register -------------------------------------------- */

/* The newest revision of doc with a decision that nothing superseded. */
static char *
version_in_force(xmlNodePtr doc)
{
	xmlNodePtr hist = tree_child(doc, "history"), best = NULL;

	for (xmlNodePtr r = hist ? hist->children : NULL; r; r = r->next)
		if (tree_is(r, "revision") && xmlHasProp(r, BAD_CAST "organ") &&
		    xmlHasProp(r, BAD_CAST "date") &&
		    !xmlHasProp(r, BAD_CAST "superseded"))
			best = r;
	return best ? (char *)xmlGetProp(best, BAD_CAST "version") : NULL;
}

/* The short content hash of doc@version, when styrdok knows the text. */
static char *
known_hash(xmlNodePtr doc, const char *id, const char *version)
{
	char *cur = (char *)xmlNodeGetContent(tree_child(tree_child(doc, "meta"),
	    "version"));
	char *hash = NULL;

	if (strcmp(cur, version) == 0)
		hash = (char *)xmlGetProp(doc->parent, BAD_CAST "sha256");
	else {
		char *path = xasprintf("policies/adopted/%s/%s/%s.xml", id,
		    version, id);
		size_t len;
		char *data = file_read(path, &len), hex[65];

		if (data != NULL) {
			sha256_hex(data, len, hex);
			hash = xstrdup(hex);
		}
		free(data);
		free(path);
	}
	if (hash != NULL)
		hash[12] = '\0';
	free(cur);
	return hash;
}

/*
 * Checks one signature register against its document and staff list and
 * adds <acknowledgements> to the tree: per person in the staff list,
 * whether they signed the version in force, only an older version, or
 * nothing.  The report lists who must sign.
 */
static void
check_signatures(struct project *p, xmlNodePtr reg)
{
	char *id = (char *)xmlGetProp(reg, BAD_CAST "doc");
	char *staffrel = (char *)xmlGetProp(reg, BAD_CAST "staff");
	char *file = node_file(p->diags, reg), *path = NULL, *slash;
	char *in_force = NULL;
	xmlNodePtr doc = tree_find(p, "document", id), out;
	struct staff st = {0};
	size_t signed_now = 0;

	if (doc == NULL) {
		diag_node(p->diags, reg, "doc", SEV_ERROR, "ref-document",
		    "doc=\"%s\" does not name a document in this project", id);
		goto done;
	}
	slash = file ? strrchr(file, '/') : NULL;
	path = slash ? xasprintf("%.*s/%s", (int)(slash - file), file,
	    staffrel) : xstrdup(staffrel);
	/* The list the register names is a source: it stays in policies/. */
	char *real = realpath(path, NULL);
	int inside = real != NULL && strncmp(real, p->policies,
	    strlen(p->policies)) == 0 && real[strlen(p->policies)] == '/';

	free(real);
	if (strstr(staffrel, "..") != NULL || !inside ||
	    staff_load(p, path, 0, &st) != EXIT_OK) {
		diag_node(p->diags, reg, "staff", SEV_ERROR, "signature-staff",
		    "the staff list %s cannot be used", path);
		goto done;
	}
	in_force = version_in_force(doc);
	for (xmlNodePtr s = reg->children; s != NULL; s = s->next) {
		char *emp, *ver, *hash, *known;
		int known_version = 0, on_list = 0;

		if (!tree_is(s, "signed"))
			continue;
		emp = (char *)xmlGetProp(s, BAD_CAST "employee");
		ver = (char *)xmlGetProp(s, BAD_CAST "version");
		hash = (char *)xmlGetProp(s, BAD_CAST "hash");
		for (xmlNodePtr r = tree_child(doc, "history")->children; r;
		    r = r->next) {
			xmlChar *v = xmlGetProp(r, BAD_CAST "version");

			known_version |= tree_is(r, "revision") &&
			    xmlStrEqual(v, BAD_CAST ver);
			xmlFree(v);
		}
		if (!known_version)
			diag_node(p->diags, s, "version", SEV_ERROR,
			    "signature-version", "%s has no version %s", id, ver);
		else if (hash != NULL && (known = known_hash(doc, id, ver)) !=
		    NULL) {
			if (strcmp(known, hash) != 0)
				diag_node(p->diags, s, "hash", SEV_ERROR,
				    "signature-hash", "the sheet's hash %s is "
				    "not that of %s version %s (%s): the person "
				    "signed another text", hash, id, ver, known);
			free(known);
		}
		for (size_t i = 0; i < st.n; i++)
			on_list |= strcmp(st.v[i].employee, emp) == 0;
		if (!on_list)
			diag_node(p->diags, s, "employee", SEV_WARNING,
			    "signature-unknown", "employee %s is not on the "
			    "staff list", emp);
		free(emp);
		free(ver);
		free(hash);
	}
	out = xmlNewChild(xmlDocGetRootElement(p->tree), reg->ns,
	    BAD_CAST "acknowledgements", NULL);
	xmlSetProp(out, BAD_CAST "doc", BAD_CAST id);
	if (in_force != NULL)
		xmlSetProp(out, BAD_CAST "in-force", BAD_CAST in_force);
	for (size_t i = 0; i < st.n; i++) {
		xmlNodePtr m = xmlNewChild(out, reg->ns, BAD_CAST "member", NULL);
		char *newest = NULL;

		for (xmlNodePtr s = reg->children; s != NULL; s = s->next) {
			char *emp, *ver;

			if (!tree_is(s, "signed"))
				continue;
			emp = (char *)xmlGetProp(s, BAD_CAST "employee");
			ver = (char *)xmlGetProp(s, BAD_CAST "version");
			if (strcmp(emp, st.v[i].employee) == 0 &&
			    (newest == NULL || version_compare(ver, newest) > 0)) {
				free(newest);
				newest = ver;
				ver = NULL;
			}
			free(emp);
			free(ver);
		}
		xmlSetProp(m, BAD_CAST "employee", BAD_CAST st.v[i].employee);
		xmlSetProp(m, BAD_CAST "name", BAD_CAST st.v[i].name);
		xmlSetProp(m, BAD_CAST "unit", BAD_CAST st.v[i].unit);
		if (newest != NULL)
			xmlSetProp(m, BAD_CAST "signed", BAD_CAST newest);
		xmlSetProp(m, BAD_CAST "status", BAD_CAST(newest == NULL ?
		    "none" : in_force != NULL && version_compare(newest,
		    in_force) >= 0 ? "current" : "old"));
		signed_now += newest != NULL && in_force != NULL &&
		    version_compare(newest, in_force) >= 0;
		free(newest);
	}
	char num[32];

	snprintf(num, sizeof(num), "%zu", signed_now);
	xmlSetProp(out, BAD_CAST "signed", BAD_CAST num);
	snprintf(num, sizeof(num), "%zu", st.n);
	xmlSetProp(out, BAD_CAST "staff", BAD_CAST num);
done:
	staff_free(&st);
	free(id);
	free(staffrel);
	free(file);
	free(path);
	free(in_force);
}

/* Every signature register of the project (enrich runs this). */
void
signatures_enrich(struct project *p)
{
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next)
		if (tree_is(xmlFirstElementChild(s), "signatures"))
			check_signatures(p, xmlFirstElementChild(s));
}

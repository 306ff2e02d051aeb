/* SPDX-License-Identifier: ISC */
/*
 * cmd_adopt.c - adopt and revise: decided versions as legal records.
 * adopt records a decision in the source and freezes that version under
 * policies/adopted/<id>/<version>/ (see archive.c); adopt --withdraw
 * records that an adoption was registered in error, beside its archive,
 * and makes the version a draft again; revise starts the next draft.
 *
 * An archive is staged in a hidden directory beside its final place
 * (named by the run's pid, so no other run takes it for its own) and
 * committed together with the edited source (write.c): the archive is
 * renamed into place with RENAME_NOREPLACE, so an existing archive is
 * never replaced, and a crash at any moment leaves the project as it
 * was or as adopted once the next run has completed the journal.  The
 * edited source is checked through the whole pipeline (project_override)
 * before anything is written.
 */
#include <errno.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "cmd.h"
#include "render.h"

static char *
text(xmlNodePtr n)
{
	return n ? (char *)xmlNodeGetContent(n) : NULL;
}

/* The organ with id in the organisation, or NULL. */
static xmlNodePtr
find_organ(struct project *p, const char *id)
{
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next) {
		xmlNodePtr org = xmlFirstElementChild(s), organs;

		if (!tree_is(org, "organisation") ||
		    (organs = tree_child(org, "organs")) == NULL)
			continue;
		for (xmlNodePtr x = organs->children; x != NULL; x = x->next) {
			xmlChar *oid = xmlGetProp(x, BAD_CAST "id");
			int match = tree_is(x, "organ") &&
			    xmlStrEqual(oid, BAD_CAST id);

			xmlFree(oid);
			if (match)
				return x;
		}
	}
	return NULL;
}

/* ---- editing a source ------------------------------------------------ */

/* The element named name in meta, created before `before` if missing. */
static xmlNodePtr
meta_element(xmlNodePtr meta, const char *name, const char *before)
{
	xmlNodePtr n = tree_child(meta, name), b;

	if (n != NULL)
		return n;
	n = xmlNewDocNode(meta->doc, meta->ns, BAD_CAST name, NULL);
	b = tree_child(meta, before);
	if (b != NULL) {
		/* Keep the source's indentation: copy the space before b. */
		xmlAddPrevSibling(b, n);
		if (b->prev != NULL && n->prev != NULL &&
		    n->prev->type == XML_TEXT_NODE)
			xmlAddNextSibling(n, xmlNewDocText(meta->doc,
			    n->prev->content));
	} else
		xmlAddChild(meta, n);
	return n;
}

/* The last <revision> of history, or NULL. */
static xmlNodePtr
last_revision(xmlNodePtr history)
{
	xmlNodePtr last = NULL;

	for (xmlNodePtr r = history ? history->children : NULL; r; r = r->next)
		if (tree_is(r, "revision"))
			last = r;
	return last;
}

/* The source, edited, as the bytes to write. */
static char *
serialise(xmlDocPtr doc, size_t *len)
{
	xmlChar *out = NULL;
	int n = 0;

	xmlDocDumpMemoryEnc(doc, &out, &n, "UTF-8");
	char *s = xmalloc((size_t)n + 1);

	memcpy(s, out, (size_t)n);
	s[n] = '\0';
	xmlFree(out);
	*len = (size_t)n;
	return s;
}

/*
 * Runs the whole pipeline with source rel replaced by data.  Returns the
 * checked project, or NULL after diagnostics in d saying why the edit is
 * refused.
 */
static struct project *
check_edit(struct diags *d, const char *templates, const char *rel,
    const char *data, size_t len)
{
	struct project *q = pipeline_new(templates, NULL);

	if (q == NULL)
		return NULL;
	project_override(q, rel, data, len);
	if (pipeline_run(q, 1) != 0 || diags_count(q->diags, SEV_ERROR) > 0) {
		/* Only what the edit broke; the warnings are as before. */
		diags_keep_errors(q->diags);
		diags_move(d, q->diags);
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "the edited %s "
		    "would have errors; nothing was changed", rel);
		pipeline_free(q);
		return NULL;
	}
	return q;
}

/*
 * Stages data to replace source rel at the run's commit.  Returns 0 or
 * -1 after a message.
 */
static int
write_source(struct diags *d, const char *rel, const char *data,
    size_t len)
{
	char *dir = xstrdup(rel), *slash = strrchr(dir, '/');
	struct outdir *od;
	int rc;

	*slash = '\0';
	od = outdir_new(d, dir);
	rc = od ? outdir_write(od, slash + 1, data, len) : -1;
	outdir_free(od);
	free(dir);
	return rc;
}

/* ---- withdrawing an adoption registered in error ----------------------- */

/* Whether s is one line of text (no control characters), not empty. */
static int
one_line(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* Who records a withdrawal when --by is not given: the user's name. */
static char *
user_name(void)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *login = getenv("LOGNAME");

	if (pw != NULL && pw->pw_gecos != NULL && *pw->pw_gecos != '\0' &&
	    *pw->pw_gecos != ',') {
		size_t n = strcspn(pw->pw_gecos, ",");

		return xasprintf("%.*s (%s)", (int)n, pw->pw_gecos,
		    pw->pw_name);
	}
	return xstrdup(pw != NULL ? pw->pw_name : login ? login : "okänd");
}

/*
 * adopt --withdraw ID@VERSION --reason TEXT [--by NAME]: records that
 * the adoption of VERSION was registered in error.  The archive stays
 * as it is; WITHDRAWN is added beside its MANIFEST (who, when, why, the
 * decision, the MANIFEST's hash, its own hash), and the source becomes
 * a draft of the same version again, without that decision, so it can
 * be adopted with the right one (as a new archive, VERSION+N).  One
 * commit: both or neither.
 */
static int
withdraw(struct options *o, struct diags *d, const char *arg)
{
	const char *at = strchr(arg, '@');
	char *id = NULL, *version = NULL, *status = NULL, *cur = NULL;
	char *entry = NULL, *rel = NULL, *edited = NULL, *decision = NULL;
	char *ref = NULL, *by = NULL, *text = NULL, *mpath = NULL, *m = NULL;
	char hex[65];
	struct project *p = NULL, *q = NULL;
	struct outdir *od = NULL;
	xmlDocPtr raw = NULL;
	xmlNodePtr doc;
	size_t len = 0;
	int code, rc = EXIT_INPUT;

	if (at == NULL || at == arg || at[1] == '\0') {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "adopt "
		    "--withdraw takes ID@VERSION, not %s", arg);
		return EXIT_USAGE;
	}
	if (!one_line(o->reason) || (o->by != NULL && !one_line(o->by))) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "adopt "
		    "--withdraw needs --reason (one line of text; --by too)");
		return EXIT_USAGE;
	}
	if (o->organ || o->date || o->paragraph || o->dnr || o->valid_from) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "adopt "
		    "--withdraw records no decision: adopt again afterwards");
		return EXIT_USAGE;
	}
	id = strndup(arg, (size_t)(at - arg));
	version = xstrdup(at + 1);
	if ((p = run_stages(d, STAGES_ERRORS_ONLY, &code)) == NULL) {
		rc = code;
		goto out;
	}
	if (code != EXIT_OK) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "adopt: the "
		    "sources have errors; fix them first");
		goto out;
	}
	if (!docid_valid(id) || (doc = tree_find(p, "document", id)) == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "adopt: no "
		    "document with id \"%s\" (see styrdok list)", id);
		goto out;
	}
	cur = tree_meta(doc, "version");
	status = tree_meta(doc, "status");
	if ((entry = archive_entry(id, version)) == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "adopt: %s has "
		    "no adoption in force to withdraw (policies/adopted/%s/)",
		    arg, id);
		goto out;
	}
	if (strcmp(cur, version) != 0 || strcmp(status, "beslutad") != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "adopt: only "
		    "the current version, while it is beslutad, can be "
		    "withdrawn; %s is at version %s (%s)", id, cur, status);
		goto out;
	}
	rel = node_file(p->diags, doc);
	if ((raw = source_parse(p, rel)) == NULL)
		goto out;
	{
		xmlNodePtr rdoc = xmlDocGetRootElement(raw);
		xmlNodePtr rmeta = tree_child(rdoc, "meta");
		xmlNodePtr rhist = tree_child(rdoc, "history");
		xmlNodePtr rcur = last_revision(rhist);
		xmlNodePtr dec = tree_child(rmeta, "decision");
		char *organ = tree_prop(dec, "organ"), *date = tree_prop(dec,
		    "date"), *para = tree_prop(dec, "paragraph"),
		    *dnr = tree_prop(dec, "dnr");
		static const char *const attrs[] = {"date", "paragraph", "dnr"};

		decision = xasprintf("%s %s § %s, dnr %s", organ ? organ : "",
		    date ? date : "", para ? para : "", dnr ? dnr : "");
		ref = xasprintf("%s %s § %s", organ ? organ : "",
		    date ? date : "", para ? para : "");
		free(organ);
		free(date);
		free(para);
		free(dnr);
		/* The draft it was before the decision. */
		xmlNodeSetContent(tree_child(rmeta, "status"), BAD_CAST "utkast");
		for (size_t k = 0; k < 3; k++) {
			xmlUnsetProp(dec, BAD_CAST attrs[k]);
			/* A revision keeps its date (the schema needs one). */
			if (k > 0)
				xmlUnsetProp(rcur, BAD_CAST attrs[k]);
		}
		xmlUnsetProp(rcur, BAD_CAST "organ");
		/* The version it had superseded is in force again. */
		for (xmlNodePtr r = rhist->children; r != NULL; r = r->next) {
			xmlChar *sup = xmlGetProp(r, BAD_CAST "superseded");

			if (tree_is(r, "revision") &&
			    xmlStrEqual(sup, BAD_CAST ref))
				xmlUnsetProp(r, BAD_CAST "superseded");
			xmlFree(sup);
		}
	}
	edited = serialise(raw, &len);
	if ((q = check_edit(d, p->templates, rel, edited, len)) == NULL)
		goto out;
	mpath = xasprintf("%s/MANIFEST", entry);
	if ((m = file_read(mpath, &len)) == NULL) {
		diag_add(d, mpath, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
		    "cannot be read; the withdrawal names the MANIFEST it "
		    "concerns");
		goto out;
	}
	sha256_hex(m, len, hex);
	by = o->by ? xstrdup(o->by) : user_name();
	text = withdrawal_text(id, version, decision, p->today, by,
	    o->reason, hex);
	rc = EXIT_SYSTEM;
	if ((od = outdir_new(d, entry)) == NULL ||
	    outdir_write(od, WITHDRAWN, text, strlen(text)) != 0 ||
	    write_source(d, rel, edited, strlen(edited)) != 0 ||
	    write_commit(d) != 0)
		goto out;
	diag_say(d, "withdrew the adoption of %s version %s (%s): %s/%s "
	    "records it beside the archive, which stays as it was; %s %s is "
	    "a draft again, to be adopted with the right decision", id,
	    version, decision, entry, WITHDRAWN, id, version);
	rc = EXIT_OK;
out:
	outdir_free(od);
	xmlFreeDoc(raw);
	pipeline_free(q);
	pipeline_free(p);
	free(id);
	free(version);
	free(status);
	free(cur);
	free(entry);
	free(rel);
	free(edited);
	free(decision);
	free(ref);
	free(by);
	free(text);
	free(mpath);
	free(m);
	return rc;
}

/* ---- adopt ----------------------------------------------------------- */

static int
refuse(struct project *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Refuses to adopt; fmt is English, translated as diag_add does. */
static int
refuse(struct project *p, const char *fmt, ...)
{
	const char *local = gettext(fmt);
	va_list ap, again;
	char *msg, *text = NULL, *line;

	va_start(ap, fmt);
	va_copy(again, ap);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	if (local != fmt && vasprintf(&text, local, again) < 0)
		text = NULL;
	va_end(again);
	va_end(ap);
	diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "adopt: %s",
	    msg ? msg : fmt);
	if (text != NULL) {
		line = xasprintf(_("adopt: %s"), text);
		diags_set_text(p->diags, diags_len(p->diags) - 1, line);
		free(line);
	}
	free(text);
	free(msg);
	pipeline_free(p);
	return EXIT_INPUT;
}

/* The newest decided revision before the current one, or NULL. */
static xmlNodePtr
previous_decision(xmlNodePtr history, xmlNodePtr current)
{
	xmlNodePtr prev = NULL;

	for (xmlNodePtr r = history->children; r && r != current; r = r->next)
		if (tree_is(r, "revision") && xmlHasProp(r, BAD_CAST "organ") &&
		    xmlHasProp(r, BAD_CAST "date"))
			prev = r;
	return prev;
}

/*
 * Creates a directory of the archive if it is missing.  One that is a
 * symbolic link is refused: the archive would be written wherever it
 * points.  Returns 0, or -1 after a message.
 */
static int
archive_dir(struct diags *d, const char *path)
{
	struct stat st;

	if ((mkdir(path, 0755) != 0 && errno != EEXIST) ||
	    lstat(path, &st) != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "adopt: %s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ARCHIVE_INTEGRITY,
		    "adopt: %s: %s", path, S_ISLNK(st.st_mode) ? "a symbolic "
		    "link; the archive is never written through one" :
		    "not a directory");
		return -1;
	}
	return 0;
}

/*
 * Stages the archive: the files in names/data, plus MANIFEST, written to
 * a hidden staging directory named by this run's pid, to be renamed to
 * docdir/version by the run's commit without ever replacing an existing
 * one.  Returns 0, or -1 after a message (the staging directory gone).
 */
static int
freeze(struct diags *d, const char *docdir, const char *version,
    char **names, struct buf *data, size_t n)
{
	char *name = xasprintf(".%s.staging.%ld", version, (long)getpid());
	char *staging = xasprintf("%s/%s", docdir, name);
	struct buf manifest = {0};
	struct outdir *od, *parent = NULL;
	int rc = -1;

	/* Held from here until the commit puts it in place or removes it. */
	signals_hold(1);
	if ((od = outdir_new(d, staging)) == NULL)
		goto out;
	outdir_set_private(od);
	for (size_t i = 0; i < n; i++) {
		char hex[65];

		if (outdir_write(od, names[i], data[i].data, data[i].len) != 0)
			goto out;
		sha256_hex(data[i].data, data[i].len, hex);
		buf_printf(&manifest, "%s  %s\n", hex, names[i]);
	}
	if (outdir_write(od, "MANIFEST", manifest.data, manifest.len) != 0)
		goto out;
	if ((parent = outdir_new(d, docdir)) == NULL ||
	    write_stage_dir(parent, name, version) != 0)
		goto out;
	rc = 0;
out:
	outdir_free(od);
	outdir_free(parent);
	if (rc != 0) {
		remove_tree(staging);
		signals_hold(-1);
	}
	buf_free(&manifest);
	free(staging);
	free(name);
	return rc;
}

int
cmd_adopt(struct options *o, struct diags *d, int argc, char **argv)
{
	struct project *p, *q = NULL;
	struct renderer *r = NULL;
	xmlNodePtr doc, meta, organ, hist, cur, prev;
	xmlDocPtr raw = NULL;
	char *rel = NULL, *type = NULL, *status = NULL, *version = NULL;
	char *docdir = NULL, *archive = NULL, *edited = NULL;
	char *entry = NULL, *in_force = NULL;
	char *ref = NULL, *why = NULL, *names[3];
	struct buf files[3] = {{0}, {0}, {0}};
	const char *id, *valid;
	size_t len;
	int status_code, rc = EXIT_INPUT;

	(void)argc;
	if (o->withdraw)
		return withdraw(o, d, argv[0]);
	if (o->organ == NULL || o->date == NULL || o->paragraph == NULL ||
	    o->dnr == NULL) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "adopt needs "
		    "--organ, --date, --paragraph and --dnr");
		return EXIT_USAGE;
	}
	id = argv[0];
	valid = o->valid_from ? o->valid_from : o->date;
	if ((p = run_stages(d, STAGES_ENRICH | STAGES_ERRORS_ONLY,
	    &status_code)) == NULL)
		return status_code;
	if (status_code != EXIT_OK)
		return refuse(p, "the sources have errors; fix them first");
	if (!iso_date_valid(o->date) || !iso_date_valid(valid)) {
		const char *bad = iso_date_valid(o->date) ? valid : o->date;
		char *hint = date_hint(bad);

		rc = refuse(p, "--%s %s is not a date%s", bad == o->date ?
		    "date" : "valid-from", bad, hint);
		free(hint);
		return rc;
	}
	if (strcmp(valid, o->date) < 0)
		return refuse(p, "--valid-from %s is before the decision %s",
		    valid, o->date);
	len = strlen(o->paragraph);
	if (len == 0 || len > 5 || strspn(o->paragraph, "0123456789") <
	    len - (len > 1 && o->paragraph[len - 1] >= 'a' &&
	    o->paragraph[len - 1] <= 'z'))
		return refuse(p, "--paragraph %s is not a paragraph number "
		    "such as 115 or 115a", o->paragraph);
	if (*o->dnr == '\0')
		return refuse(p, "--dnr is empty");
	if ((doc = tree_find(p, "document", id)) == NULL) {
		char *hint = tree_hint_in(p, "document", id);

		rc = refuse(p, "no document with id \"%s\"%s (styrdok list "
		    "shows them)", id, hint);
		free(hint);
		return rc;
	}
	meta = tree_child(doc, "meta");
	hist = tree_child(doc, "history");
	type = (char *)xmlGetProp(doc, BAD_CAST "type");
	status = text(tree_child(meta, "status"));
	version = text(tree_child(meta, "version"));
	organ = find_organ(p, o->organ);
	docdir = xasprintf("%s/%s", ADOPTED, id);
	/* VERSION, or VERSION+N when earlier adoptions were withdrawn. */
	entry = archive_next_entry(id, version);
	archive = xasprintf("%s/%s", docdir, entry);
	in_force = archive_entry(id, version);
	if (organ == NULL) {
		char *hint = tree_hint_in(p, "organ", o->organ);

		rc = refuse(p, "--organ %s: no organ with that id in the "
		    "organisation%s", o->organ, hint);
		free(hint);
		p = NULL;
		goto out;
	}
	for (xmlNodePtr s = xmlDocGetRootElement(p->tree)->children; s;
	    s = s->next)
		if (tree_is(xmlFirstElementChild(s), "organisation") &&
		    !organ_may_adopt(xmlFirstElementChild(s), organ, type,
		    &why)) {
			rc = refuse(p, "%s", why);
			p = NULL;
			goto out;
		}
	if (strcmp(status, "beslutad") == 0 || strcmp(status, "upphavd") == 0 ||
	    in_force != NULL) {
		if (in_force != NULL)
			rc = refuse(p, "version %s of %s is already adopted; "
			    "its archive is %s", version, id, in_force);
		else
			rc = refuse(p, "version %s of %s is already adopted",
			    version, id);
		p = NULL;
		goto out;
	}
	cur = last_revision(hist);
	prev = previous_decision(hist, cur);
	if (prev != NULL) {
		xmlChar *pd = xmlGetProp(prev, BAD_CAST "date");
		int earlier = strcmp(o->date, (char *)pd) < 0;

		if (earlier) {
			rc = refuse(p, "--date %s is before the decision on the "
			    "previous version (%s)", o->date, (char *)pd);
			xmlFree(pd);
			p = NULL;
			goto out;
		}
		xmlFree(pd);
	}

	/* Record the decision in the source, as written (no includes). */
	rel = node_file(p->diags, doc);
	if ((raw = source_parse(p, rel)) == NULL)
		goto out;
	{
		xmlNodePtr rdoc = xmlDocGetRootElement(raw);
		xmlNodePtr rmeta = tree_child(rdoc, "meta");
		xmlNodePtr rhist = tree_child(rdoc, "history");
		xmlNodePtr rcur = last_revision(rhist);
		xmlNodePtr rprev = previous_decision(rhist, rcur);
		xmlNodePtr dec = tree_child(rmeta, "decision");

		xmlNodeSetContent(tree_child(rmeta, "status"), BAD_CAST "beslutad");
		xmlSetProp(dec, BAD_CAST "organ", BAD_CAST o->organ);
		xmlSetProp(dec, BAD_CAST "date", BAD_CAST o->date);
		xmlSetProp(dec, BAD_CAST "paragraph", BAD_CAST o->paragraph);
		xmlSetProp(dec, BAD_CAST "dnr", BAD_CAST o->dnr);
		char *old_vf = text(tree_child(rmeta, "valid-from"));

		/* Keep a planned valid-from unless told or it is too early. */
		if (o->valid_from != NULL || old_vf == NULL ||
		    strcmp(old_vf, o->date) < 0)
			xmlNodeSetContent(meta_element(rmeta, "valid-from",
			    "review-by"), BAD_CAST valid);
		free(old_vf);
		xmlSetProp(rcur, BAD_CAST "organ", BAD_CAST o->organ);
		xmlSetProp(rcur, BAD_CAST "date", BAD_CAST o->date);
		xmlSetProp(rcur, BAD_CAST "paragraph", BAD_CAST o->paragraph);
		xmlSetProp(rcur, BAD_CAST "dnr", BAD_CAST o->dnr);
		ref = xasprintf("%s %s § %s", o->organ, o->date, o->paragraph);
		if (rprev != NULL)
			xmlSetProp(rprev, BAD_CAST "superseded", BAD_CAST ref);
	}
	edited = serialise(raw, &len);
	if ((q = check_edit(d, p->templates, rel, edited, len)) == NULL)
		goto out;

	/* The frozen version: canonical source and its rendered outputs. */
	names[0] = xasprintf("%s.xml", id);
	names[1] = xasprintf("%s.html", id);
	names[2] = xasprintf("%s.md", id);
	r = renderer_new(q);
	if (source_canonical(q, rel, &files[0]) != 0 ||
	    render_one(r, "document", id, "html", names[1], &files[1]) != 0 ||
	    render_one(r, "document", id, "md", names[2], &files[2]) != 0) {
		diags_move(d, q->diags);
		rc = EXIT_SYSTEM;
		goto names;
	}
	if (archive_dir(d, ADOPTED) != 0 || archive_dir(d, docdir) != 0) {
		rc = EXIT_SYSTEM;
		goto names;
	}
	/*
	 * One commit: the edited source and the archive appear together, or
	 * neither; a crash in between is completed by the next run.
	 */
	if (freeze(d, docdir, entry, names, files, 3) != 0 ||
	    write_source(d, rel, edited, len) != 0 || write_commit(d) != 0) {
		rc = EXIT_SYSTEM;
		goto names;
	}
	diag_say(d, "adopted %s version %s (%s, dnr %s); archive %s", id,
	    version, ref, o->dnr, archive);
	rc = EXIT_OK;
names:
	for (int i = 0; i < 3; i++) {
		free(names[i]);
		buf_free(&files[i]);
	}
out:
	xmlFreeDoc(raw);
	renderer_free(r);
	pipeline_free(q);
	pipeline_free(p);
	free(rel);
	free(type);
	free(status);
	free(version);
	free(docdir);
	free(archive);
	free(entry);
	free(in_force);
	free(edited);
	free(ref);
	free(why);
	return rc;
}

/* ---- revise ---------------------------------------------------------- */

/* 2.0 -> 2.1, 2 -> 2.1, 1.2.9 -> 1.2.10 */
static char *
next_minor(const char *v)
{
	const char *dot = strrchr(v, '.');

	if (dot == NULL)
		return xasprintf("%s.1", v);
	return xasprintf("%.*s.%lu", (int)(dot - v), v,
	    strtoul(dot + 1, NULL, 10) + 1);
}

int
cmd_revise(struct options *o, struct diags *d, int argc, char **argv)
{
	struct project *p, *q = NULL;
	xmlNodePtr doc;
	xmlDocPtr raw = NULL;
	char *rel = NULL, *status = NULL, *version = NULL, *next = NULL;
	char *edited = NULL, *owner = NULL;
	size_t len;
	int code, rc = EXIT_INPUT;

	(void)argc;
	if ((p = run_stages(d, STAGES_ERRORS_ONLY, &code)) == NULL)
		return code;
	/* A changed adopted text is what revise makes the next version of. */
	if ((doc = tree_find(p, "document", argv[0])) != NULL) {
		char *file = node_file(d, doc);

		if (diags_forget(d, RULE_ADOPTED_TEXT, file) > 0 &&
		    diags_count(d, SEV_ERROR) == 0)
			code = EXIT_OK;
		free(file);
	}
	if (code != EXIT_OK) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "revise: the "
		    "sources have errors; fix them first");
		goto out;
	}
	if (doc == NULL) {
		char *hint = tree_hint_in(p, "document", argv[0]);

		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REF_DOCUMENT, "revise: "
		    "no document with id \"%s\"%s", argv[0], hint);
		free(hint);
		goto out;
	}
	status = text(tree_child(tree_child(doc, "meta"), "status"));
	version = text(tree_child(tree_child(doc, "meta"), "version"));
	if (strcmp(status, "beslutad") != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "revise: %s "
		    "version %s is a draft (%s); adopt it before starting the "
		    "next revision", argv[0], version, status);
		goto out;
	}
	next = o->version ? xstrdup(o->version) : next_minor(version);
	if (strspn(next, "0123456789.") != strlen(next) || next[0] == '.' ||
	    version_compare(next, version) <= 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_REFUSED, "revise: "
		    "version %s must follow %s", next, version);
		goto out;
	}
	rel = node_file(p->diags, doc);
	if ((raw = source_parse(p, rel)) == NULL)
		goto out;
	{
		xmlNodePtr rdoc = xmlDocGetRootElement(raw);
		xmlNodePtr rmeta = tree_child(rdoc, "meta");
		xmlNodePtr rhist = tree_child(rdoc, "history");
		xmlNodePtr dec = tree_child(rmeta, "decision"), vf, last, rev;

		owner = (char *)xmlGetProp(tree_child(rmeta, "owner"),
		    BAD_CAST "role");
		xmlNodeSetContent(tree_child(rmeta, "version"), BAD_CAST next);
		xmlNodeSetContent(tree_child(rmeta, "status"), BAD_CAST "utkast");
		xmlUnsetProp(dec, BAD_CAST "date");
		xmlUnsetProp(dec, BAD_CAST "paragraph");
		xmlUnsetProp(dec, BAD_CAST "dnr");
		/* The new version is valid from its own decision. */
		if ((vf = tree_child(rmeta, "valid-from")) != NULL) {
			if (vf->prev != NULL && vf->prev->type == XML_TEXT_NODE) {
				xmlNodePtr ws = vf->prev;

				xmlUnlinkNode(ws);
				xmlFreeNode(ws);
			}
			xmlUnlinkNode(vf);
			xmlFreeNode(vf);
		}
		last = last_revision(rhist);
		rev = xmlNewDocNode(raw, last->ns, BAD_CAST "revision",
		    BAD_CAST "Revidering påbörjad.");
		xmlSetProp(rev, BAD_CAST "version", BAD_CAST next);
		/* Never before the decision just recorded. */
		char *last_date = (char *)xmlGetProp(last, BAD_CAST "date");

		xmlSetProp(rev, BAD_CAST "date", BAD_CAST (last_date != NULL &&
		    strcmp(last_date, p->today) > 0 ? last_date : p->today));
		free(last_date);
		if (owner != NULL)
			xmlSetProp(rev, BAD_CAST "author", BAD_CAST owner);
		xmlAddNextSibling(last, rev);
		if (last->prev != NULL && last->prev->type == XML_TEXT_NODE)
			xmlAddPrevSibling(rev, xmlNewDocText(raw,
			    last->prev->content));
	}
	edited = serialise(raw, &len);
	if ((q = check_edit(d, p->templates, rel, edited, len)) == NULL)
		goto out;
	if (write_source(d, rel, edited, len) != 0 || write_commit(d) != 0) {
		rc = EXIT_SYSTEM;
		goto out;
	}
	diag_say(d, "%s is now version %s (utkast); the adopted version %s "
	    "is unchanged in %s/%s/%s", argv[0], next, version, ADOPTED,
	    argv[0], version);
	rc = EXIT_OK;
out:
	xmlFreeDoc(raw);
	pipeline_free(q);
	pipeline_free(p);
	free(rel);
	free(status);
	free(version);
	free(next);
	free(edited);
	free(owner);
	return rc;
}

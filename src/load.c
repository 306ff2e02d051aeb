/* SPDX-License-Identifier: ISC */
/*
 * load.c - stage 1: reads every source under policies/ into the one
 * project tree, treating each file as hostile (../shared/security.md):
 * files are size-checked and read by us, parsed without entity
 * substitution, DTD loading or network, DOCTYPEs are refused, and the
 * XInclude graph is walked and confined to policies/ before libxml2 is
 * allowed to expand it.  A process-wide entity loader is the second
 * layer: whatever libxml2 or libxslt tries to load from outside
 * policies/ and the templates directory is refused.
 *
 * The tree: <project> holds one <source xml:base="policies/..."
 * sha256="..."> per file, so every node knows its file (xmlNodeGetBase)
 * and its line (xmlGetLineNo), and every document its content hash.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/c14n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/uri.h>
#include <libxml/xinclude.h>

#include "styrdok.h"

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

static const xmlChar NS_XINCLUDE[] = "http://www.w3.org/2001/XInclude";
static const xmlChar NS_XINCLUDE_OLD[] = "http://www.w3.org/2003/XInclude";

/*
 * The entity loader has no user-data argument, so the two directories it
 * may read from are process state, set once by secure_libraries().
 */
static struct {
	char *policies;
	char *templates;
} confine;

static int
path_under(const char *path, const char *dir)
{
	size_t n;

	if (dir == NULL)
		return 0;
	n = strlen(dir);
	return strncmp(path, dir, n) == 0 && path[n] == '/';
}

/*
 * Resolves a URL or path the libraries want to load to a realpath inside
 * policies/ or the templates directory, or returns NULL.  Only plain
 * paths and file: URLs are considered; every other scheme is refused.
 */
static char *
confined_path(const char *url)
{
	char *unescaped, *real;
	const char *p = url;
	struct stat st;

	if (strncmp(p, "file://", 7) == 0)
		p += 7;
	else if (strncmp(p, "file:", 5) == 0)
		p += 5;
	else if (strstr(p, "://") != NULL)
		return NULL;
	unescaped = xmlURIUnescapeString(p, 0, NULL);
	if (unescaped == NULL)
		return NULL;
	real = realpath(unescaped, NULL);
	xmlFree(unescaped);
	if (real == NULL)
		return NULL;
	if ((!path_under(real, confine.policies) &&
	    !path_under(real, confine.templates)) ||
	    stat(real, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > LIMIT_FILE_BYTES) {
		free(real);
		return NULL;
	}
	return real;
}

static xmlParserInputPtr
confined_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	xmlParserInputPtr in;
	char *path;

	(void)id;
	if (url == NULL || (path = confined_path(url)) == NULL)
		return NULL;
	in = xmlNewInputFromFile(ctxt, path);
	free(path);
	return in;
}

/* Installs the confinement; call before the first parse. */
static void
secure_libraries(const char *policies, const char *templates)
{
	free(confine.policies);
	free(confine.templates);
	confine.policies = policies ? xstrdup(policies) : NULL;
	confine.templates = templates ? xstrdup(templates) : NULL;
	xmlSetExternalEntityLoader(confined_loader);
	/* Keep libxml2's own limits: depth 256, no huge text nodes. */
	xmlLineNumbersDefault(1);
}

/*
 * The date the rules measure age against (a risk analysis older than 12
 * months): the day of SOURCE_DATE_EPOCH when it is set, so a check can be
 * repeated as of a given day, otherwise today (UTC).
 */
static void
set_today(struct project *p)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (epoch != NULL && *epoch != '\0') {
		char *end;
		long long v = strtoll(epoch, &end, 10);

		if (*end == '\0' && v >= 0)
			t = (time_t)v;
	}
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(p->today, sizeof(p->today), "%Y-%m-%d", &tm) != 10)
		snprintf(p->today, sizeof(p->today), "1970-01-01");
}

/*
 * A project in the current directory.  Its problems go to diags, or to
 * diags of its own when that is NULL.  Returns NULL after a diagnostic
 * when the directory is no project or there are no templates.
 */
struct project *
project_new(const char *templates, struct diags *diags)
{
	struct project *p = xcalloc(1, sizeof(*p));
	char *cwd = realpath(".", NULL);

	p->own_diags = diags == NULL;
	p->diags = diags ? diags : diags_new(cwd ? cwd : ".");
	if (cwd == NULL) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "cannot resolve the project directory: %s",
		    strerror(errno));
		project_free(p);
		return NULL;
	}
	p->root = cwd;
	diags_set_root(p->diags, p->root);
	p->policies = realpath("policies", NULL);
	int policies_errno = errno;

	p->templates = templates ? realpath(templates, NULL) : NULL;
	if (p->policies == NULL && policies_errno == ENOENT) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "%s has no policies/ directory, so it is no styrdok "
		    "project: start one with styrdok init DIR --name "
		    "\"Exempelby kommun\", or give the project's directory "
		    "with -C DIR", p->root);
		project_free(p);
		return NULL;
	}
	if (p->policies == NULL) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "%s/policies: %s (is this a styrdok project? see -C)",
		    p->root, strerror(policies_errno));
		project_free(p);
		return NULL;
	}
	if (p->templates == NULL) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "templates directory not found (set STYRDOK_TEMPLATES)");
		project_free(p);
		return NULL;
	}
	set_today(p);
	secure_libraries(p->policies, p->templates);
	return p;
}

void
project_free(struct project *p)
{
	if (p == NULL)
		return;
	xmlFreeDoc(p->tree);
	if (p->own_diags)
		diags_free(p->diags);
	free(p->override_path);
	xmlHashFree(p->left_out, NULL);
	if (p->fop_conf != NULL)
		unlink(p->fop_conf);
	free(p->fop_conf);
	buf_free(&p->override);
	free(p->root);
	free(p->policies);
	free(p->templates);
	free(p);
}

/*
 * Reads a source file we have decided to load: a regular file, not
 * empty, at most LIMIT_FILE_BYTES.  Returns the bytes (caller frees) or
 * NULL after a diagnostic naming rel.
 */
static char *
read_source(struct project *p, const char *path, const char *rel,
    size_t *len)
{
	struct stat st;
	char *data;
	ssize_t got;
	int fd;

	/* adopt and revise check an edited source before writing it. */
	if (p->override_path != NULL && strcmp(path, p->override_path) == 0) {
		*len = p->override.len;
		data = xmalloc(*len + 1);
		memcpy(data, p->override.data, *len);
		data[*len] = '\0';
		return data;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		diag_add(p->diags, rel, 0, 0, SEV_ERROR, RULE_IO,
		    "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(p->diags, rel, 0, 0, SEV_ERROR, RULE_FILE_TYPE,
		    "not a regular file");
		close(fd);
		return NULL;
	}
	if (st.st_size == 0) {
		diag_add(p->diags, rel, 1, 1, SEV_ERROR, RULE_FILE_EMPTY,
		    "file is empty");
		close(fd);
		return NULL;
	}
	if (st.st_size > LIMIT_FILE_BYTES) {
		diag_add(p->diags, rel, 0, 0, SEV_ERROR, RULE_FILE_SIZE,
		    "file is %lld bytes; the limit is %ld",
		    (long long)st.st_size, LIMIT_FILE_BYTES);
		close(fd);
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	*len = 0;
	while (*len < (size_t)st.st_size) {
		got = read(fd, data + *len, (size_t)st.st_size - *len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		*len += (size_t)got;
	}
	close(fd);
	if (*len != (size_t)st.st_size) {
		diag_add(p->diags, rel, 0, 0, SEV_ERROR, RULE_IO,
		    "short read: %s", strerror(errno));
		free(data);
		return NULL;
	}
	data[*len] = '\0';
	return data;
}

/* Next element in document order below top, without recursion. */
static xmlNodePtr
next_element(xmlNodePtr n, xmlNodePtr top)
{
	if (n->children != NULL && n->type == XML_ELEMENT_NODE)
		n = n->children;
	else {
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			return NULL;
		n = n->next;
	}
	while (n != NULL && n->type != XML_ELEMENT_NODE) {
		if (n->next != NULL)
			n = n->next;
		else {
			do
				n = n->parent;
			while (n != top && n->next == NULL);
			if (n == top)
				return NULL;
			n = n->next;
		}
	}
	return n;
}

/*
 * SAX hook: a DOCTYPE stops the parser before its internal subset (and
 * so any entity declaration) is read.
 */
struct parse_state {
	int doctype_line, doctype_col;
	struct diags *d;
	int fatal;		/* a fatal error was reported */
};

/*
 * libxml2's words for the common mistakes of hand-written XML, said in
 * what to write instead; NULL for the others, which keep libxml2's.
 * The caller frees the result.
 */
static char *
parse_error_words(const xmlError *e)
{
	const char *s1 = e->str1 ? e->str1 : "", *s2 = e->str2 ? e->str2 : "";

	switch (e->code) {
	case XML_ERR_NAME_REQUIRED:
		if (e->message && strstr(e->message, "EntityRef"))
			return xstrdup("& must be written &amp; (a bare & "
			    "starts an entity reference)");
		if (e->message && strstr(e->message, "StartTag"))
			return xstrdup("< must be written &lt; in text (a bare "
			    "< starts a tag)");
		return NULL;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return xstrdup("& must be written &amp; (or, for an entity "
		    "reference, end it with ;)");
	case XML_ERR_UNDECLARED_ENTITY:
		return xasprintf("&%s; is not an XML entity: write the "
		    "character itself (sources are UTF-8), or &amp; for &",
		    s1);
	case XML_ERR_LT_IN_ATTRIBUTE:
		return xstrdup("< must be written &lt; in an attribute value, "
		    "or the closing quote of the value before it is missing");
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		return xstrdup("an attribute needs a value in quotes, "
		    "name=\"value\"");
	case XML_ERR_ATTRIBUTE_REDEFINED:
		return xasprintf("attribute %s is given twice; keep one", s1);
	case XML_ERR_TAG_NAME_MISMATCH:
		return xasprintf("</%s> does not close <%s> opened on line %d; "
		    "the end tag must have the same name", s2, s1, e->int1);
	case XML_ERR_TAG_NOT_FINISHED:
		return xasprintf("<%s> (line %d) is never closed; add </%s>",
		    s1, e->int1, s1);
	case XML_ERR_DOCUMENT_END:
		return xstrdup("text or elements after the end of the root "
		    "element; a source has one root element");
	case XML_ERR_DOCUMENT_EMPTY:
		return xstrdup("no root element: the file holds no XML");
	default:
		return NULL;
	}
}

/*
 * The parser's errors: the first fatal one only, in the words above
 * where they have some (one mistake, one diagnostic: what libxml2 says
 * after it is the parser losing its way); warnings as they come.
 */
static void
parse_error(void *ctx, xmlErrorPtr e)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	xmlError copy;
	char *words;

	if (e->level != XML_ERR_WARNING && st->fatal++)
		return;
	if ((words = parse_error_words(e)) == NULL) {
		diag_xml_error(st->d, e);
		return;
	}
	copy = *e;
	copy.message = words;
	diag_xml_error(st->d, &copy);
	free(words);
}

static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
    const xmlChar *sys)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;

	(void)name;
	(void)ext;
	(void)sys;
	st->doctype_line = xmlSAX2GetLineNumber(ctxt);
	st->doctype_col = xmlSAX2GetColumnNumber(ctxt);
	/* Point at "<!DOCTYPE" itself, not where its name ended. */
	if (ctxt->input != NULL && ctxt->input->base != NULL) {
		const xmlChar *b = ctxt->input->base, *c = ctxt->input->cur;

		while (c > b && xmlStrncmp(c, BAD_CAST "<!DOCTYPE", 9) != 0)
			c--;
		if (xmlStrncmp(c, BAD_CAST "<!DOCTYPE", 9) == 0) {
			const xmlChar *bol = b;

			st->doctype_line = 1;
			for (const xmlChar *q = b; q < c; q++)
				if (*q == '\n') {
					st->doctype_line++;
					bol = q + 1;
				}
			st->doctype_col = (int)utf8_columns((const char *)bol,
			    (size_t)(c - bol)) + 1;
		}
	}
	xmlStopParser(ctxt);
}

/* Refuses xml:base written in a source: only XInclude may set it. */
static int
refuse_xml_base(struct project *p, xmlDocPtr doc)
{
	xmlNodePtr top = xmlDocGetRootElement(doc), n;
	int found = 0;

	for (n = top; n != NULL; n = next_element(n, top))
		if (xmlHasNsProp(n, BAD_CAST "base", XML_XML_NAMESPACE)) {
			/* Unset first: the node's file must not come from it. */
			xmlUnsetNsProp(n, xmlSearchNsByHref(doc, n,
			    XML_XML_NAMESPACE), BAD_CAST "base");
			diag_node(p->diags, n, "xml:base", SEV_ERROR, RULE_XML_BASE,
			    "xml:base may not be written in sources");
			found = 1;
		}
	return found;
}

/*
 * Parses one file (path is a realpath, rel its name for messages).
 * Returns the document, or NULL after diagnostics.
 */
static xmlDocPtr
parse_source(struct project *p, const char *path, const char *rel)
{
	struct parse_state st = {0, 0, p->diags, 0};
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	size_t len, before = diags_len(p->diags);
	char *data;

	if ((data = read_source(p, path, rel, &len)) == NULL)
		return NULL;
	if ((ctxt = xmlNewParserCtxt()) == NULL) {
		free(data);
		diag_add(p->diags, rel, 0, 0, SEV_ERROR, RULE_IO,
		    "out of memory");
		return NULL;
	}
	ctxt->_private = &st;
	ctxt->sax->internalSubset = refuse_doctype;
	ctxt->sax->serror = parse_error;
	ctxt->userData = ctxt;
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
	    PARSE_OPTIONS);
	if (doc != NULL && (!ctxt->wellFormed || st.doctype_line > 0)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);
	if (st.doctype_line > 0) {
		/* Only the refusal: what the stop caused is noise. */
		diags_truncate(p->diags, before);
		diag_add(p->diags, rel, st.doctype_line, st.doctype_col,
		    SEV_ERROR, RULE_XML_DOCTYPE, "DOCTYPE declarations are not "
		    "allowed in sources (no DTDs, no entities)");
	} else if (doc == NULL && memchr(data, '\0', len) != NULL)
		diag_add(p->diags, rel, 1, 1, SEV_NOTE, RULE_XML_PARSE,
		    "the file contains NUL bytes: save it as UTF-8 (UTF-16 "
		    "needs a byte-order mark)");
	if (doc != NULL && refuse_xml_base(p, doc)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	free(data);
	return doc;
}

static int
is_xinclude(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	    (xmlStrEqual(n->ns->href, NS_XINCLUDE) ||
	    xmlStrEqual(n->ns->href, NS_XINCLUDE_OLD)) &&
	    xmlStrEqual(n->name, BAD_CAST "include");
}

struct include_walk {
	char **seen;
	size_t nseen;
	int count;
	int errors;
};

static int
seen_before(struct include_walk *w, const char *real)
{
	for (size_t i = 0; i < w->nseen; i++)
		if (strcmp(w->seen[i], real) == 0)
			return 1;
	w->seen = xrealloc(w->seen, (w->nseen + 1) * sizeof(*w->seen));
	w->seen[w->nseen++] = xstrdup(real);
	return 0;
}

static void walk_includes(struct project *, xmlDocPtr, const char *,
    int, struct include_walk *);

/* Checks one xi:include element; recurses into XML it includes. */
static void
check_include(struct project *p, xmlNodePtr inc, const char *dir, int depth,
    struct include_walk *w)
{
	xmlChar *href = xmlGetProp(inc, BAD_CAST "href");
	xmlChar *parse = xmlGetProp(inc, BAD_CAST "parse");
	char *joined = NULL, *unescaped = NULL, *real = NULL, *rel = NULL;
	const char *h = (const char *)href;
	struct stat st;

	if (xmlHasProp(inc, BAD_CAST "xpointer")) {
		diag_node(p->diags, inc, "xpointer", SEV_ERROR, RULE_XINCLUDE,
		    "xpointer is not supported in includes; include a "
		    "whole file");
		goto fail;
	}
	if (parse != NULL && !xmlStrEqual(parse, BAD_CAST "xml") &&
	    !xmlStrEqual(parse, BAD_CAST "text")) {
		diag_node(p->diags, inc, "parse", SEV_ERROR, RULE_XINCLUDE,
		    "parse must be \"xml\" or \"text\"");
		goto fail;
	}
	if (h == NULL || *h == '\0') {
		diag_node(p->diags, inc, NULL, SEV_ERROR, RULE_XINCLUDE,
		    "include without href");
		goto fail;
	}
	if (++w->count > LIMIT_INCLUDE_COUNT) {
		diag_node(p->diags, inc, NULL, SEV_ERROR, RULE_XINCLUDE_LIMIT,
		    "more than %d includes in one source",
		    LIMIT_INCLUDE_COUNT);
		goto fail;
	}
	if (depth > LIMIT_INCLUDE_DEPTH) {
		diag_node(p->diags, inc, NULL, SEV_ERROR, RULE_XINCLUDE_LIMIT,
		    "includes nested deeper than %d", LIMIT_INCLUDE_DEPTH);
		goto fail;
	}
	/* A relative path only: no scheme, no absolute path. */
	if (h[0] == '/' || strchr(h, ':') != NULL || strchr(h, '\\')) {
		diag_node(p->diags, inc, "href", SEV_ERROR, RULE_XINCLUDE_PATH,
		    "href \"%s\" must be a relative path inside policies/", h);
		goto fail;
	}
	unescaped = xmlURIUnescapeString(h, 0, NULL);
	joined = xasprintf("%s/%s", dir, unescaped ? unescaped : h);
	real = realpath(joined, NULL);
	if (real == NULL) {
		diag_node(p->diags, inc, "href", SEV_ERROR, RULE_XINCLUDE_PATH,
		    "included file \"%s\" not found", h);
		goto fail;
	}
	if (!path_under(real, p->policies)) {
		diag_node(p->diags, inc, "href", SEV_ERROR, RULE_XINCLUDE_PATH,
		    "href \"%s\" leads outside policies/", h);
		goto fail;
	}
	if (seen_before(w, real)) {
		diag_node(p->diags, inc, "href", SEV_ERROR, RULE_XINCLUDE_REPEAT,
		    "\"%s\" is included more than once (or includes itself)",
		    h);
		goto fail;
	}
	rel = diag_relpath(p->diags, real);
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_node(p->diags, inc, "href", SEV_ERROR, RULE_XINCLUDE_PATH,
		    "\"%s\" is not a regular file", h);
		goto fail;
	}
	if (parse != NULL && xmlStrEqual(parse, BAD_CAST "text")) {
		size_t len;
		char *data = read_source(p, real, rel, &len);

		if (data == NULL)
			w->errors++;
		else if (memchr(data, '\0', len) != NULL ||
		    !xmlCheckUTF8((const xmlChar *)data)) {
			diag_node(p->diags, inc, "href", SEV_ERROR,
			    RULE_XINCLUDE, "included text \"%s\" is not valid "
			    "UTF-8 text", h);
			w->errors++;
		}
		free(data);
	} else {
		xmlDocPtr sub = parse_source(p, real, rel);

		if (sub == NULL)
			w->errors++;
		else {
			char *slash = strrchr(real, '/');

			*slash = '\0';
			walk_includes(p, sub, real, depth + 1, w);
			xmlFreeDoc(sub);
		}
	}
	goto out;
fail:
	w->errors++;
out:
	free(rel);
	free(real);
	free(joined);
	xmlFree(unescaped);
	xmlFree(href);
	xmlFree(parse);
}

static void
walk_includes(struct project *p, xmlDocPtr doc, const char *dir, int depth,
    struct include_walk *w)
{
	xmlNodePtr top = xmlDocGetRootElement(doc), n;

	for (n = top; n != NULL; n = next_element(n, top))
		if (is_xinclude(n))
			check_include(p, n, dir, depth, w);
}

/*
 * Walks the include graph of doc (file at path) and, when it is safe,
 * lets libxml2 expand it.  Returns 0 on success, -1 after diagnostics.
 */
static int
expand_includes(struct project *p, xmlDocPtr doc, const char *path)
{
	struct include_walk w = {0};
	char *dir = xstrdup(path);
	int rc = 0;

	*strrchr(dir, '/') = '\0';
	seen_before(&w, path);
	walk_includes(p, doc, dir, 1, &w);
	if (w.errors > 0)
		rc = -1;
	else if (w.count > 0 &&
	    xmlXIncludeProcessFlags(doc, PARSE_OPTIONS |
	    XML_PARSE_NOXINCNODE) < 0)
		rc = -1;
	for (size_t i = 0; i < w.nseen; i++)
		free(w.seen[i]);
	free(w.seen);
	free(dir);
	return rc;
}

/*
 * SHA-256 of doc's canonical form (C14N 1.0, no comments), in hex: the
 * content hash every output carries.  Returns 0, or -1.
 */
int
source_sha256(xmlDocPtr doc, char hex[65])
{
	xmlChar *c14n = NULL;
	int len;

	len = xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 0, &c14n);
	if (len < 0)
		return -1;
	sha256_hex(c14n, (size_t)len, hex);
	xmlFree(c14n);
	return 0;
}

/*
 * A source that cannot be read is reported once: its ids are unknown,
 * but a document's file is named after its id, so references to that
 * name are not reported again in every other source (see validate.c).
 */
static void
left_out_name(struct project *p, const char *rel)
{
	const char *base = strrchr(rel, '/');
	char *id = xstrdup(base ? base + 1 : rel);
	size_t n = strlen(id);

	if (n > 4 && strcmp(id + n - 4, ".xml") == 0)
		id[n - 4] = '\0';
	if (p->left_out == NULL)
		p->left_out = xmlHashCreate(64);
	xmlHashAddEntry(p->left_out, BAD_CAST id, p);
	free(id);
}

static void
add_source(struct project *p, const char *path, const char *rel)
{
	xmlDocPtr doc = parse_source(p, path, rel);
	xmlNodePtr src, copy, top;
	char hex[65];

	if (doc == NULL) {
		left_out_name(p, rel);
		return;
	}
	top = xmlDocGetRootElement(doc);
	if (top->ns == NULL || !xmlStrEqual(top->ns->href, NS_STYRDOK)) {
		diag_node(p->diags, top, NULL, SEV_ERROR, RULE_SCHEMA,
		    "<%s> is not in the styrdok vocabulary: write <%s xmlns="
		    "\"%s\"> (a source's root is <organisation>, <document>, "
		    "a register, a case or <profile>)", top->name, top->name,
		    NS_STYRDOK);
		left_out_name(p, rel);
		xmlFreeDoc(doc);
		return;
	}
	if (expand_includes(p, doc, path) != 0)
		left_out_name(p, rel);
	else if (source_sha256(doc, hex) == 0) {
		src = xmlNewChild(xmlDocGetRootElement(p->tree), NULL,
		    BAD_CAST "source", NULL);
		xmlNodeSetBase(src, BAD_CAST rel);
		xmlSetProp(src, BAD_CAST "sha256", BAD_CAST hex);
		copy = xmlDocCopyNode(xmlDocGetRootElement(doc), p->tree, 1);
		xmlAddChild(src, copy);
	}
	xmlFreeDoc(doc);
}

/*
 * Collects the *.xml files under dir (relative to the root), sorted so
 * every run sees them in the same order.  policies/adopted/ (frozen
 * archive) and policies/parts/ (fragments for XInclude) are not sources
 * of their own.  Symbolic links to directories are not followed; one
 * that leads out of policies/ is reported, so a tree that was meant to
 * be read is not silently left out.  A directory named like a source is
 * collected, and reported by the reader as not a regular file.
 */
static void
collect(struct project *p, const char *dir, int depth, char ***files,
    size_t *n)
{
	char **names;
	size_t count, i;

	if (depth > 8)
		return;
	names = dir_names(dir, &count);
	for (i = 0; i < count; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]), *real;
		struct stat st;
		size_t len = strlen(names[i]);
		int xml = len > 4 && strcmp(names[i] + len - 4, ".xml") == 0;

		if (lstat(path, &st) != 0) {
			/* Gone since it was listed: nothing to read. */
		} else if (S_ISDIR(st.st_mode) && !xml) {
			if (!(depth == 0 && (strcmp(names[i], "adopted") == 0 ||
			    strcmp(names[i], "parts") == 0)))
				collect(p, path, depth + 1, files, n);
		} else if (S_ISLNK(st.st_mode) && !xml &&
		    stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			real = realpath(path, NULL);
			if (real == NULL || !path_under(real, p->policies))
				diag_add(p->diags, path, 0, 0, SEV_ERROR,
				    RULE_XINCLUDE_PATH, "symbolic link to a "
				    "directory outside policies/; not read");
			free(real);
		} else if (xml) {
			*files = xrealloc(*files, (*n + 1) * sizeof(**files));
			(*files)[(*n)++] = path;
			path = NULL;
		}
		free(path);
		free(names[i]);
	}
	free(names);
}

/*
 * Loads every source into p->tree.  Returns 0, or -1 when no tree could
 * be built at all; problems in single files are diagnostics.
 */
int
project_load(struct project *p)
{
	char **files = NULL;
	size_t n = 0, i;
	long total = 0;
	xmlNodePtr root;

	p->tree = xmlNewDoc(BAD_CAST "1.0");
	p->tree->URL = xmlStrdup(BAD_CAST p->root);
	/* A trailing slash makes relative xml:base resolve under the root. */
	p->tree->URL = xmlStrcat((xmlChar *)p->tree->URL, BAD_CAST "/");
	root = xmlNewDocNode(p->tree, NULL, BAD_CAST "project", NULL);
	xmlSetNs(root, xmlNewNs(root, NS_STYRDOK, NULL));
	xmlDocSetRootElement(p->tree, root);

	collect(p, "policies", 0, &files, &n);
	if (n == 0)
		diag_add(p->diags, "policies", 0, 0, SEV_ERROR, RULE_IO,
		    "no *.xml sources found");
	char **loaded = xcalloc(n ? n : 1, sizeof(*loaded));

	for (i = 0; i < n; i++) {
		char *real = realpath(files[i], NULL);
		struct stat st;
		size_t j;

		/* A symbolic link to another source is that source: once. */
		for (j = 0; real != NULL && j < i; j++)
			if (loaded[j] != NULL && strcmp(loaded[j], real) == 0)
				break;
		if (real != NULL && j < i) {
			free(real);
			continue;
		}
		loaded[i] = real ? xstrdup(real) : NULL;
		if (real == NULL || !path_under(real, p->policies)) {
			diag_add(p->diags, files[i], 0, 0, SEV_ERROR,
			    RULE_XINCLUDE_PATH, "source leads outside "
			    "policies/ (symbolic link?)");
		} else if (stat(real, &st) == 0 &&
		    (total += st.st_size) > LIMIT_RUN_BYTES) {
			diag_add(p->diags, files[i], 0, 0, SEV_ERROR,
			    RULE_FILE_SIZE, "sources exceed %ld bytes in all; "
			    "this file and the rest are not read",
			    LIMIT_RUN_BYTES);
			free(real);
			break;
		} else
			add_source(p, real, files[i]);
		free(real);
	}
	for (i = 0; i < n; i++) {
		free(files[i]);
		free(loaded[i]);
	}
	free(loaded);
	free(files);
	return 0;
}

/*
 * Makes the loader read data instead of the file rel (relative to the
 * root): how adopt and revise check an edited source before writing it.
 */
void
project_override(struct project *p, const char *rel, const char *data,
    size_t len)
{
	free(p->override_path);
	buf_free(&p->override);
	p->override_path = realpath(rel, NULL);
	buf_add(&p->override, data, len);
}

/*
 * Parses source rel without expanding its includes, for editing.
 * Returns the document or NULL after diagnostics.
 */
xmlDocPtr
source_parse(struct project *p, const char *rel)
{
	char *real = realpath(rel, NULL);
	xmlDocPtr doc = NULL;

	if (real != NULL && path_under(real, p->policies))
		doc = parse_source(p, real, rel);
	else
		diag_add(p->diags, rel, 0, 0, SEV_ERROR, RULE_IO,
		    "not a source under policies/");
	free(real);
	return doc;
}

/*
 * The canonical form of source rel (includes expanded, C14N 1.0 without
 * comments) appended to out: what adopt archives and what the content
 * hash is computed from.  Returns 0, or -1 after diagnostics.
 */
int
source_canonical(struct project *p, const char *rel, struct buf *out)
{
	char *real = realpath(rel, NULL);
	xmlDocPtr doc = NULL;
	xmlChar *c14n = NULL;
	int len = -1;

	if (real != NULL && path_under(real, p->policies) &&
	    (doc = parse_source(p, real, rel)) != NULL &&
	    expand_includes(p, doc, real) == 0)
		len = xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 0,
		    &c14n);
	if (len >= 0)
		buf_add(out, (char *)c14n, (size_t)len);
	xmlFree(c14n);
	xmlFreeDoc(doc);
	free(real);
	return len >= 0 ? 0 : -1;
}

/*
 * Loads a document from a file outside the project's sources (an
 * archived version, or a file given to diff): parsed like a source, its
 * includes expanded.  Returns the document, or NULL after diagnostics.
 */
xmlDocPtr
document_file_load(struct project *p, const char *path)
{
	char *real = realpath(path, NULL), *rel;
	xmlDocPtr doc = NULL;

	if (real == NULL) {
		diag_add(p->diags, path, 0, 0, SEV_ERROR, RULE_IO, "%s",
		    strerror(errno));
		return NULL;
	}
	rel = diag_relpath(p->diags, real);
	if ((doc = parse_source(p, real, rel)) != NULL &&
	    expand_includes(p, doc, real) != 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	free(rel);
	free(real);
	return doc;
}

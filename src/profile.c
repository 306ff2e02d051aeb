/* SPDX-License-Identifier: ISC */
/*
 * profile.c - the house-style profile.  The bundled default
 * (templates/profile.xml) is overridden field by field by the project's
 * own <profile> source (policies/profil.xml by convention): the name
 * shown on the outputs, the logo, each colour, the font, the labels of
 * the dokumentinformation and their order, the names of types and
 * statuses, the reader's text of each governance gap, and the footer
 * text.  profile_check() is part of the check
 * stage (the logo files and the font must be usable); profile_apply()
 * is part of enrichment: it puts the merged <profile> into the tree,
 * with the logo as data, and writes a FOP configuration that embeds a
 * font the bundled one does not name.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>
#include <libxml/parser.h>
#include <nettle/base64.h>

#include "styrdok.h"

#define LOGO_MAX_BYTES (1024L * 1024)
#define NS_SVG ((const xmlChar *)"http://www.w3.org/2000/svg")

/* One image of the logo as read: its bytes and its proportions. */
struct image {
	struct buf data;
	const char *mime;
	double aspect;		/* width / height */
};

/* The project's <profile>, or NULL; a second one is an error. */
static xmlNodePtr
project_profile(struct project *p, int report)
{
	size_t n;
	xmlNodePtr *v = tree_sources(p, "profile", &n), found;

	for (size_t i = 1; report && i < n; i++)
		diag_node(p->diags, v[i], NULL, SEV_ERROR, RULE_PROFILE,
		    "a second <profile>: a project has one house-style "
		    "profile; move what this one sets into the first");
	found = n > 0 ? v[0] : NULL;
	free(v);
	return found;
}

/* Width / height of a PNG from its IHDR chunk; 0 when it is no PNG. */
static double
png_aspect(const unsigned char *d, size_t len)
{
	static const unsigned char sig[] = {0x89, 'P', 'N', 'G', '\r', '\n',
	    0x1a, '\n'};
	uint32_t w, h;

	if (len < 24 || memcmp(d, sig, 8) != 0 || memcmp(d + 12, "IHDR", 4))
		return 0;
	w = (uint32_t)d[16] << 24 | (uint32_t)d[17] << 16 |
	    (uint32_t)d[18] << 8 | d[19];
	h = (uint32_t)d[20] << 24 | (uint32_t)d[21] << 16 |
	    (uint32_t)d[22] << 8 | d[23];
	return w > 0 && h > 0 ? (double)w / h : 0;
}

/* A length of an SVG root (width="120", "120px", "3cm"): its number. */
static double
svg_number(xmlNodePtr n, const char *attr)
{
	char *v = tree_prop(n, attr), *end;
	double d = v ? strtod(v, &end) : 0;

	free(v);
	return d > 0 ? d : 0;
}

/*
 * Whether an SVG may go into every output: nothing that loads from
 * elsewhere (FOP's SVG renderer would fetch it) or runs.  Returns a
 * reason it may not, or NULL.
 */
static const char *
svg_unsafe(xmlNodePtr n)
{
	static const char *const banned[] = {"script", "foreignObject",
	    "iframe", "handler"};

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (size_t i = 0; i < sizeof(banned) / sizeof(*banned); i++)
			if (xmlStrEqual(n->name, BAD_CAST banned[i]))
				return "it has a script or foreign content";
		for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			int bad = (xmlStrEqual(a->name, BAD_CAST "href") &&
			    v != NULL && v[0] != '#') ||
			    xmlStrncasecmp(a->name, BAD_CAST "on", 2) == 0 ||
			    (v != NULL && xmlStrcasestr(v, BAD_CAST "url(") &&
			    !xmlStrcasestr(v, BAD_CAST "url(#"));

			xmlFree(v);
			if (bad)
				return "it refers to a file or address outside "
				    "itself, or has an event handler";
		}
		if (xmlStrEqual(n->name, BAD_CAST "style")) {
			xmlChar *v = xmlNodeGetContent(n);
			int bad = v != NULL && (xmlStrcasestr(v, BAD_CAST
			    "@import") || (xmlStrcasestr(v, BAD_CAST "url(") &&
			    !xmlStrcasestr(v, BAD_CAST "url(#")));

			xmlFree(v);
			if (bad)
				return "its style loads from outside itself";
		}
		const char *why = svg_unsafe(n->children);
		if (why != NULL)
			return why;
	}
	return NULL;
}

/* Width / height of an SVG (viewBox, else width and height); 0 if none. */
static double
svg_aspect(xmlNodePtr svg)
{
	char *vb = tree_prop(svg, "viewBox");
	double x, y, w = 0, h = 0;

	if (vb == NULL || sscanf(vb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &x, &y,
	    &w, &h) != 4) {
		w = svg_number(svg, "width");
		h = svg_number(svg, "height");
	}
	free(vb);
	return w > 0 && h > 0 ? w / h : 0;
}

/*
 * Reads the image that attribute attr (svg or png) of <logo> names,
 * relative to the profile's directory and confined to policies/.
 * Returns 0 with img filled, 1 when the attribute is absent, -1 after
 * a diagnostic (when report is set) when the file cannot be used.
 */
static int
logo_read(struct project *p, xmlNodePtr logo, const char *attr,
    struct image *img, int report)
{
	char *rel = tree_prop(logo, attr), *base, *dir, *path, *real = NULL;
	char *data = NULL;
	const char *why = NULL;
	size_t len = 0;
	struct stat st;
	int rc = -1;

	memset(img, 0, sizeof(*img));
	if (rel == NULL)
		return 1;
	base = (char *)xmlNodeGetBase(logo->doc, logo);
	dir = xstrdup(base ? base : "");
	xmlFree(base);
	if (strrchr(dir, '/') != NULL)
		*strrchr(dir, '/') = '\0';
	else
		*dir = '\0';
	path = *rel == '/' ? xstrdup(rel) : *dir ? xasprintf("%s/%s", dir,
	    rel) : xasprintf("%s/%s", p->policies, rel);
	if ((real = realpath(path, NULL)) == NULL)
		why = "there is no such file";
	else if (strncmp(real, p->policies, strlen(p->policies)) != 0 ||
	    real[strlen(p->policies)] != '/')
		why = "it is not under policies/";
	else if (stat(real, &st) != 0 || !S_ISREG(st.st_mode))
		why = "it is not a regular file";
	else if (st.st_size > LOGO_MAX_BYTES)
		why = "it is larger than 1 MB";
	else if ((data = file_read(real, &len)) == NULL)
		why = "it cannot be read";
	if (why == NULL && strcmp(attr, "png") == 0) {
		img->mime = "image/png";
		if ((img->aspect = png_aspect((unsigned char *)data, len)) == 0)
			why = "it is not a PNG image";
	} else if (why == NULL) {
		xmlDocPtr doc = xmlReadMemory(data, (int)len, real, NULL,
		    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		xmlNodePtr root = xmlDocGetRootElement(doc);

		img->mime = "image/svg+xml";
		if (root == NULL || !xmlStrEqual(root->name, BAD_CAST "svg") ||
		    root->ns == NULL || !xmlStrEqual(root->ns->href, NS_SVG))
			why = "it is not an SVG image (<svg> in the SVG "
			    "namespace)";
		else if (doc->intSubset != NULL)
			why = "it has a DOCTYPE; save it without one";
		else if ((why = svg_unsafe(root)) == NULL &&
		    (img->aspect = svg_aspect(root)) == 0)
			why = "it has neither a viewBox nor a width and height";
		xmlFreeDoc(doc);
	}
	if (why == NULL) {
		buf_add(&img->data, data, len);
		rc = 0;
	} else if (report)
		diag_node(p->diags, logo, attr, SEV_ERROR, RULE_PROFILE,
		    strcmp(attr, "png") == 0 ? "logo %s=\"%s\" cannot be "
		    "used: %s; give a PNG file under policies/, relative to "
		    "the profile" : N_("logo %s=\"%s\" cannot be used: %s; "
		    "give an SVG file under policies/, relative to the "
		    "profile"), attr, rel, why);
	free(data);
	free(real);
	free(path);
	free(dir);
	free(rel);
	return rc;
}

/* The first family of a CSS font list, without quotes; NULL if generic. */
static char *
first_family(const char *list)
{
	static const char *const generic[] = {"serif", "sans-serif",
	    "monospace", "cursive", "fantasy", "system-ui"};
	const char *s = list, *e;
	char *name;

	while (*s == ' ' || *s == '\'' || *s == '"')
		s++;
	e = s + strcspn(s, ",'\"");
	while (e > s && e[-1] == ' ')
		e--;
	name = strndup(s, (size_t)(e - s));
	for (size_t i = 0; i < sizeof(generic) / sizeof(*generic); i++)
		if (strcasecmp(name, generic[i]) == 0 || *name == '\0') {
			free(name);
			return NULL;
		}
	return name;
}

/* The first element named name at or under n (no namespace), or NULL. */
static xmlNodePtr
element_named(xmlNodePtr n, const char *name)
{
	for (; n != NULL; n = n->next) {
		xmlNodePtr found;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST name))
			return n;
		if ((found = element_named(n->children, name)) != NULL)
			return found;
	}
	return NULL;
}

/* Whether a <font-triplet> at or under n names family (any case). */
static int
triplet_named(xmlNodePtr n, const char *family)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(n->name, BAD_CAST "font-triplet")) {
			char *name = tree_prop(n, "name");
			int is = name != NULL && strcasecmp(name, family) == 0;

			free(name);
			if (is)
				return 1;
		}
		if (triplet_named(n->children, family))
			return 1;
	}
	return 0;
}

/* Whether the bundled FOP configuration names family. */
static int
fop_knows(struct project *p, const char *family)
{
	char *path = xasprintf("%s/fo/fop.xconf", p->templates);
	xmlDocPtr conf = xmlReadFile(path, NULL, XML_PARSE_NONET);
	int known = conf != NULL && triplet_named(conf->children, family);

	xmlFreeDoc(conf);
	free(path);
	return known;
}

/* The faces of one family FOP can embed (TrueType or OpenType files). */
struct faces {
	char *file[4];		/* normal, bold, italic, bold italic */
	int score[4];
};

static void
faces_free(struct faces *f)
{
	for (int i = 0; i < 4; i++)
		free(f->file[i]);
}

/*
 * Finds the files of family through fontconfig: for each of the four
 * faces the file nearest to it (normal width preferred).  Returns the
 * number of faces found, or -1 after a diagnostic when fontconfig
 * cannot be loaded.
 */
static int
faces_find(struct project *p, const char *family, struct faces *out)
{
	FcConfig *fc;
	FcPattern *pat;
	FcObjectSet *os;
	FcFontSet *set;
	int found = 0;

	memset(out, 0, sizeof(*out));
	if (dynlib_need(DYNLIB_FONTCONFIG, p->diags, "a font family of the "
	    "profile") != 0)
		return -1;
	fc = FcInitLoadConfigAndFonts();
	pat = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, family, FC_OUTLINE,
	    FcTypeBool, FcTrue, (char *)NULL);
	os = FcObjectSetBuild(FC_FILE, FC_WEIGHT, FC_SLANT, FC_WIDTH,
	    (char *)NULL);
	set = fc && pat && os ? FcFontList(fc, pat, os) : NULL;
	for (int i = 0; set != NULL && i < set->nfont; i++) {
		FcChar8 *file;
		int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
		int width = FC_WIDTH_NORMAL;
		size_t flen;

		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) !=
		    FcResultMatch)
			continue;
		flen = strlen((char *)file);
		if (flen < 4 || (strcasecmp((char *)file + flen - 4, ".ttf") &&
		    strcasecmp((char *)file + flen - 4, ".otf")))
			continue;
		FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
		FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &slant);
		FcPatternGetInteger(set->fonts[i], FC_WIDTH, 0, &width);
		for (int face = 0; face < 4; face++) {
			int want = face & 1 ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
			int italic = (face & 2) != 0;
			int score = abs(weight - want) + abs(width - 100) * 4 +
			    ((slant != FC_SLANT_ROMAN) != italic) * 1000;

			if (out->file[face] == NULL || score < out->score[face]) {
				free(out->file[face]);
				out->file[face] = xstrdup((char *)file);
				out->score[face] = score;
			}
		}
	}
	for (int face = 0; face < 4; face++)
		found += out->file[face] != NULL;
	if (set)
		FcFontSetDestroy(set);
	if (os)
		FcObjectSetDestroy(os);
	if (pat)
		FcPatternDestroy(pat);
	if (fc)
		FcConfigDestroy(fc);
	return found;
}

/*
 * The check stage's part: the project profile's logo files are images
 * that can go into every format, and its first font family is one FOP
 * can embed (named in fop.xconf, or installed as TrueType/OpenType).
 */
void
profile_check(struct project *p)
{
	xmlNodePtr prof = project_profile(p, 1), logo, font;
	struct image svg, png;
	int has_svg, has_png;
	struct faces faces;

	if (prof == NULL)
		return;
	if ((logo = tree_child(prof, "logo")) != NULL) {
		has_svg = logo_read(p, logo, "svg", &svg, 1);
		has_png = logo_read(p, logo, "png", &png, 1);
		if (has_svg == 1 && has_png == 1)
			diag_node(p->diags, logo, NULL, SEV_ERROR, RULE_PROFILE,
			    "<logo> names no image: give svg=\"FILE.svg\", "
			    "png=\"FILE.png\" or both");
		else if (has_svg == 0 && has_png == 1)
			diag_node(p->diags, logo, NULL, SEV_WARNING,
			    RULE_PROFILE, "the logo is SVG only, and Word "
			    "(DOCX) needs a picture: DOCX shows no logo; add "
			    "png=\"FILE.png\" (e.g. rsvg-convert -h 300 logo.svg "
			    "> logo.png)");
		buf_free(&svg.data);
		buf_free(&png.data);
	}
	if ((font = tree_child(prof, "font")) != NULL) {
		char *list = tree_prop(font, "family");
		char *family = first_family(list ? list : "");

		if (family != NULL && !fop_knows(p, family)) {
			if (faces_find(p, family, &faces) == 0)
				diag_node(p->diags, font, "family", SEV_ERROR,
				    RULE_PROFILE, "font family \"%s\" is not "
				    "installed as TrueType or OpenType, so PDF "
				    "cannot embed it; install its Debian package "
				    "(fc-list : family lists those there are) or "
				    "name another", family);
			faces_free(&faces);
		}
		free(family);
		free(list);
	}
}

/* A child named name of to, created after the last when it is missing. */
static xmlNodePtr
child_or_new(xmlNodePtr to, const char *name)
{
	xmlNodePtr c = tree_child(to, name);

	return c ? c : xmlNewChild(to, to->ns, BAD_CAST name, NULL);
}

/* Replaces the text of <name> in to with that of from's, when given. */
static void
take_text(xmlNodePtr to, xmlNodePtr from, const char *name)
{
	xmlNodePtr f = tree_child(from, name);
	xmlChar *t;

	if (f == NULL)
		return;
	t = xmlNodeGetContent(f);
	xmlNodeSetContent(child_or_new(to, name), NULL);
	xmlNodeAddContent(tree_child(to, name), t);
	xmlFree(t);
}

/* Every attribute of from's <name> set on to's <name>. */
static void
take_attributes(xmlNodePtr to, xmlNodePtr from, const char *name)
{
	xmlNodePtr f = tree_child(from, name), t;

	if (f == NULL)
		return;
	t = child_or_new(to, name);
	for (xmlAttrPtr a = f->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

		if (a->ns == NULL)
			xmlSetProp(t, a->name, v);
		xmlFree(v);
	}
}

/*
 * The entries (<label key>, <type key>, <status key>) of from's <list>
 * over to's: with reorder, from's come first in from's order and the
 * rest keep theirs; otherwise each takes its place by key.
 */
static void
take_keyed(xmlNodePtr to, xmlNodePtr from, const char *list, int reorder)
{
	xmlNodePtr fl = tree_child(from, list), tl, first = NULL;

	if (fl == NULL)
		return;
	tl = child_or_new(to, list);
	for (xmlNodePtr e = fl->children; e != NULL; e = e->next) {
		char *key = tree_prop(e, "key");
		xmlNodePtr old = NULL, copy;

		if (e->type != XML_ELEMENT_NODE || key == NULL) {
			free(key);
			continue;
		}
		for (xmlNodePtr t = tl->children; t != NULL && old == NULL;
		    t = t->next) {
			char *k = tree_prop(t, "key");

			if (k != NULL && strcmp(k, key) == 0)
				old = t;
			free(k);
		}
		copy = xmlDocCopyNode(e, tl->doc, 1);
		xmlUnsetNsProp(copy, xmlSearchNsByHref(e->doc, e,
		    BAD_CAST "http://www.w3.org/XML/1998/namespace"),
		    BAD_CAST "base");
		if (!reorder && old != NULL)
			xmlReplaceNode(old, copy);
		else {
			if (old != NULL) {
				xmlUnlinkNode(old);
				xmlFreeNode(old);
			}
			if (first == NULL)
				first = tl->children ? xmlAddPrevSibling(
				    tl->children, copy) : xmlAddChild(tl, copy);
			else
				first = xmlAddNextSibling(first, copy);
		}
		if (!reorder && old != NULL)
			xmlFreeNode(old);
		free(key);
	}
}

/* Base64 of data, as a string the caller frees. */
static char *
base64(const struct buf *data)
{
	char *out = xmalloc(BASE64_ENCODE_RAW_LENGTH(data->len) + 1);

	base64_encode_raw(out, data->len, (const uint8_t *)data->data);
	out[BASE64_ENCODE_RAW_LENGTH(data->len)] = '\0';
	return out;
}

/*
 * The merged profile's <logo alt aspect>: an <image type> per file
 * given, SVG first (HTML, PDF and ODT take the first, DOCX the PNG),
 * each as base64.
 */
static void
logo_apply(struct project *p, xmlNodePtr to, xmlNodePtr logo,
    struct buf *key)
{
	static const char *const which[] = {"svg", "png"};
	xmlNodePtr out = xmlNewChild(to, to->ns, BAD_CAST "logo", NULL);
	char *alt = tree_prop(logo, "alt"), num[32];
	double aspect = 0;

	xmlSetProp(out, BAD_CAST "alt", BAD_CAST(alt ? alt : ""));
	free(alt);
	for (size_t i = 0; i < 2; i++) {
		struct image img;
		char *b64, hex[65];

		if (logo_read(p, logo, which[i], &img, 0) != 0)
			continue;
		if (aspect == 0)
			aspect = img.aspect;
		b64 = base64(&img.data);
		xmlSetProp(xmlNewTextChild(out, to->ns, BAD_CAST "image",
		    BAD_CAST b64), BAD_CAST "type", BAD_CAST img.mime);
		sha256_hex(img.data.data, img.data.len, hex);
		buf_printf(key, "logo %s %s\n", which[i], hex);
		free(b64);
		buf_free(&img.data);
	}
	/* Wider than 6:1 would crowd the page header; keep it there. */
	if (aspect > 6)
		aspect = 6;
	snprintf(num, sizeof(num), "%.3f", aspect > 0 ? aspect : 1.0);
	xmlSetProp(out, BAD_CAST "aspect", BAD_CAST num);
}

/*
 * Writes a FOP configuration that is the bundled one with family's
 * faces added, to a file of its own that project_free() removes, and
 * points p->fop_conf at it.  A face the family lacks is set with its
 * normal face, so bold text stays in the same family.
 */
static void
fop_conf_write(struct project *p, const char *family, struct buf *key)
{
	char *path = xasprintf("%s/fo/fop.xconf", p->templates);
	xmlDocPtr conf = xmlReadFile(path, NULL, XML_PARSE_NONET);
	xmlNodePtr fonts;
	struct faces f;
	const char *tmp = getenv("TMPDIR");
	char *name;
	int fd;

	free(path);
	fonts = conf ? element_named(conf->children, "fonts") : NULL;
	if (fonts == NULL || faces_find(p, family, &f) <= 0) {
		if (fonts == NULL)
			diag_add(p->diags, NULL, 0, 0, SEV_ERROR,
			    RULE_ENVIRONMENT, "fo/fop.xconf has no <fonts>");
		xmlFreeDoc(conf);
		return;
	}
	for (int face = 0; face < 4; face++) {
		const char *file = f.file[face] ? f.file[face] :
		    f.file[face & 2] ? f.file[face & 2] : f.file[0] ?
		    f.file[0] : f.file[1] ? f.file[1] : f.file[2] ? f.file[2] :
		    f.file[3];
		xmlNodePtr font = xmlNewChild(fonts, NULL, BAD_CAST "font",
		    NULL), t;

		xmlSetProp(font, BAD_CAST "embed-url", BAD_CAST file);
		xmlSetProp(font, BAD_CAST "kerning", BAD_CAST "yes");
		xmlSetProp(font, BAD_CAST "embedding-mode", BAD_CAST "subset");
		t = xmlNewChild(font, NULL, BAD_CAST "font-triplet", NULL);
		xmlSetProp(t, BAD_CAST "name", BAD_CAST family);
		xmlSetProp(t, BAD_CAST "style",
		    BAD_CAST(face & 2 ? "italic" : "normal"));
		xmlSetProp(t, BAD_CAST "weight",
		    BAD_CAST(face & 1 ? "bold" : "normal"));
		buf_printf(key, "font %d %s\n", face, file);
	}
	faces_free(&f);
	name = xasprintf("%s/styrdok-fop-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemp(name)) < 0 || xmlSaveFile(name, conf) < 0) {
		diag_add(p->diags, NULL, 0, 0, SEV_ERROR, RULE_IO,
		    "%s: cannot write the FOP configuration: %s", name,
		    strerror(errno));
		if (fd >= 0)
			unlink(name);
		free(name);
	} else
		p->fop_conf = name;
	if (fd >= 0)
		close(fd);
	xmlFreeDoc(conf);
}

/*
 * Puts the house-style profile into the tree as /project/profile: the
 * bundled default with the project's profile over it, field by field.
 * Its key= is a hash of what the page files take from outside the
 * sources (the logo's bytes, the font files), for the incremental build.
 */
void
profile_apply(struct project *p)
{
	char *path = xasprintf("%s/profile.xml", p->templates), hex[65];
	xmlDocPtr def = xmlReadFile(path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS);
	xmlNodePtr root = xmlDocGetRootElement(p->tree), to, from, n;
	struct buf key = {0};

	if (def == NULL || !tree_is(xmlDocGetRootElement(def), "profile")) {
		diag_add(p->diags, path, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "house-style profile missing or not a <profile>");
		xmlFreeDoc(def);
		free(path);
		return;
	}
	free(path);
	to = xmlDocCopyNode(xmlDocGetRootElement(def), p->tree, 1);
	xmlFreeDoc(def);
	xmlAddPrevSibling(root->children ? root->children :
	    xmlAddChild(root, xmlNewText(BAD_CAST "")), to);
	buf_adds(&key, "");
	if ((from = project_profile(p, 0)) != NULL) {
		take_text(to, from, "name");
		take_attributes(to, from, "colours");
		take_attributes(to, from, "font");
		take_keyed(to, from, "labels", 1);
		take_keyed(to, from, "types", 0);
		take_keyed(to, from, "statuses", 0);
		take_keyed(to, from, "gap-texts", 0);
		take_text(to, from, "footer");
		if ((n = tree_child(from, "logo")) != NULL)
			logo_apply(p, to, n, &key);
		if ((n = tree_child(to, "font")) != NULL) {
			char *list = tree_prop(n, "family");
			char *family = first_family(list ? list : "");

			if (family != NULL && !fop_knows(p, family))
				fop_conf_write(p, family, &key);
			free(family);
			free(list);
		}
	}
	sha256_hex(key.data, key.len, hex);
	xmlSetProp(to, BAD_CAST "key", BAD_CAST hex);
	buf_free(&key);
}

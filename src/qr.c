/* SPDX-License-Identifier: ISC */
/*
 * qr.c - the code printed on every signing sheet: its payload, a short
 * line of text a person can read and a scanner types back,
 *
 *	STYRDOK1:<document id>:<version>[-UTKAST]:<hash12>:<employee>
 *
 * and the QR symbol that carries it.  libqrencode makes the module
 * matrix; qr_node puts its runs of dark modules in the tree, and the
 * stylesheets draw them as SVG (inline in HTML, vector in the PDF).
 * qr_parse reads a payload back as a USB scanner types it, case folded
 * where caps lock may have turned it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "styrdok.h"

/*
 * The payload of one sheet.  The employee number goes last, so it may
 * hold any character but a line break; every other field is from a set
 * without ':'.  Returns a string the caller frees.
 */
char *
qr_payload(const char *id, const char *version, int draft,
    const char *hash12, const char *employee)
{
	return xasprintf("%s:%s:%s%s:%.12s:%s", QR_PREFIX, id, version,
	    draft ? QR_DRAFT : "", hash12, employee);
}

/*
 * Adds <qr payload modules path> to parent, in parent's namespace: the
 * symbol for payload at level Q (a quarter of it may be lost to a fold
 * or a stain), modules wide, and its dark modules as path data in module
 * units, "Mx,yhwv1h-wz" per run of dark modules in a row.  The runs are
 * the data the stylesheets draw from (a path in the SVG of HTML and of
 * the PDF, with the quiet zone and size their format wants); one
 * attribute, not an element per run, because a staff list of thousands
 * would otherwise put millions of nodes in the tree.  Returns the node,
 * or NULL when the payload does not fit any QR version (nothing added).
 */
xmlNodePtr
qr_node(xmlNodePtr parent, const char *payload)
{
	QRcode *code = QRcode_encodeData((int)strlen(payload),
	    (const unsigned char *)payload, 0, QR_ECLEVEL_Q);
	xmlNodePtr qr;
	struct buf path = {0};
	char num[16];

	if (code == NULL)
		return NULL;
	for (int y = 0; y < code->width; y++) {
		const unsigned char *row = code->data + (size_t)y * code->width;

		for (int x = 0, w; x < code->width; x += w) {
			/* Bit 0 of each byte is the module's colour (1: dark). */
			for (w = 0; x + w < code->width && (row[x + w] & 1); w++)
				;
			if (w == 0)
				w = 1;
			else
				buf_printf(&path, "M%d,%dh%dv1h-%dz", x, y, w, w);
		}
	}
	qr = xmlNewChild(parent, parent->ns, BAD_CAST "qr", NULL);
	xmlNewProp(qr, BAD_CAST "payload", BAD_CAST payload);
	snprintf(num, sizeof(num), "%d", code->width);
	xmlNewProp(qr, BAD_CAST "modules", BAD_CAST num);
	xmlNewProp(qr, BAD_CAST "path", BAD_CAST path.data);
	buf_free(&path);
	QRcode_free(code);
	return qr;
}

void
sheet_code_free(struct sheet_code *c)
{
	if (c == NULL)
		return;
	free(c->id);
	free(c->version);
	free(c->hash);
	free(c->employee);
	memset(c, 0, sizeof(*c));
}

/* s[0..n) lower-cased, as a new string. */
static char *
lower_dup(const char *s, size_t n)
{
	char *d = strndup(s, n);

	if (d == NULL)
		d = xstrdup("");
	for (char *p = d; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

/*
 * Reads a scanned payload (trailing spaces and line ends already cut).
 * Returns QR_OK and fills c (free with sheet_code_free), or says what is
 * wrong: QR_NOT_CODE (the line does not start with STYRDOK),
 * QR_LAYOUT (STYRDOK1 followed by another character than ':', as a
 * scanner set to another keyboard layout types ':'), QR_FORMAT
 * (unknown payload version or a field missing or malformed).
 */
enum qr_parse
qr_parse(const char *line, struct sheet_code *c)
{
	const char *f[3], *end[3], *p;
	size_t plen = strlen(QR_PREFIX), vl, dl = strlen(QR_DRAFT);

	memset(c, 0, sizeof(*c));
	if (strncasecmp(line, "STYRDOK", 7) != 0)
		return QR_NOT_CODE;
	if (strncasecmp(line, QR_PREFIX, plen) != 0)
		return QR_FORMAT;
	if (line[plen] != ':')
		return QR_LAYOUT;
	p = line + plen + 1;
	/* Three fields up to a ':', then the employee number: the rest. */
	for (int i = 0; i < 3; i++) {
		f[i] = p;
		if ((p = strchr(p, ':')) == NULL)
			return QR_FORMAT;
		end[i] = p++;
	}
	c->id = lower_dup(f[0], (size_t)(end[0] - f[0]));
	c->version = lower_dup(f[1], (size_t)(end[1] - f[1]));
	c->hash = lower_dup(f[2], (size_t)(end[2] - f[2]));
	c->employee = xstrdup(p);
	/* The version, with -utkast when the sheet said UTKAST. */
	vl = strlen(c->version);
	if (vl > dl && strcasecmp(c->version + vl - dl, QR_DRAFT) == 0) {
		c->draft = 1;
		c->version[vl - dl] = '\0';
	}
	if (!docid_valid(c->id) || !isdigit((unsigned char)c->version[0]) ||
	    strspn(c->version, "0123456789.") != strlen(c->version) ||
	    strlen(c->hash) != 12 ||
	    strspn(c->hash, "0123456789abcdef") != 12 || *c->employee == '\0') {
		sheet_code_free(c);
		return QR_FORMAT;
	}
	return QR_OK;
}

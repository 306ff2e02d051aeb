/* SPDX-License-Identifier: ISC */
/*
 * package.c - office packages (DOCX, ODT).  Their stylesheets produce a
 * manifest,
 *
 *	<zip:archive xmlns:zip="urn:styrdok:zip">
 *	  <zip:entry name="mimetype" store="yes">text</zip:entry>
 *	  <zip:entry name="content.xml"><office:document-content .../></zip:entry>
 *
 * and this zips it in memory with libzip: each entry in document order,
 * an element written as an XML file, text as it is.  Every entry gets
 * the same timestamp and attributes, so the same tree gives the same
 * bytes.  The writer (write.c) then puts the archive in place.
 */
#include <stdlib.h>
#include <string.h>

#include <nettle/base64.h>
#include <zip.h>

#include "styrdok.h"

#define NS_ZIP ((const xmlChar *)"urn:styrdok:zip")

/* 1980-01-01 00:00, the first DOS date: no clock, no time zone. */
#define ZIP_DOS_DATE ((1u << 5) | 1u)
#define ZIP_DOS_TIME 0u

/*
 * Entry names come from our stylesheets, but they become paths inside
 * the archive that other programs unpack: plain relative names only.
 */
static int
entry_name_valid(const char *name)
{
	const char *c;

	if (name == NULL || *name == '\0' || *name == '/' ||
	    strlen(name) > 200)
		return 0;
	for (c = name; *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("._-/[]", *c) != NULL))
			return 0;
	return strstr(name, "..") == NULL && strstr(name, "//") == NULL &&
	    name[strlen(name) - 1] != '/';
}

/* The bytes of one entry: its element as an XML file, or its text. */
static char *
entry_bytes(xmlNodePtr entry, size_t *len)
{
	xmlNodePtr part = xmlFirstElementChild(entry);
	char *data;

	if (part == NULL && xmlHasProp(entry, BAD_CAST "encoding")) {
		/* encoding="base64": a binary part, such as an image. */
		xmlChar *text = xmlNodeGetContent(entry);
		size_t tlen = text ? strlen((char *)text) : 0, out = 0;
		struct base64_decode_ctx ctx;

		data = xmalloc(BASE64_DECODE_LENGTH(tlen) + 1);
		base64_decode_init(&ctx);
		out = BASE64_DECODE_LENGTH(tlen);
		if (!base64_decode_update(&ctx, &out, (uint8_t *)data, tlen,
		    text ? (char *)text : "") || !base64_decode_final(&ctx))
			out = 0;
		*len = out;
		xmlFree(text);
		return data;
	}
	if (part == NULL) {
		xmlChar *text = xmlNodeGetContent(entry);

		*len = text ? strlen((char *)text) : 0;
		data = xmalloc(*len + 1);
		memcpy(data, text ? (char *)text : "", *len + 1);
		xmlFree(text);
		return data;
	}
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr copy = xmlDocCopyNode(part, doc, 1);
	xmlChar *mem = NULL;
	int size = 0;

	xmlDocSetRootElement(doc, copy);
	/* Namespaces declared on the manifest travel with the part. */
	xmlReconciliateNs(doc, copy);
	doc->standalone = 1;
	xmlDocDumpMemoryEnc(doc, &mem, &size, "UTF-8");
	*len = size > 0 ? (size_t)size : 0;
	data = xmalloc(*len + 1);
	memcpy(data, mem ? (char *)mem : "", *len);
	data[*len] = '\0';
	xmlFree(mem);
	xmlFreeDoc(doc);
	return data;
}

/*
 * Zips manifest into out.  what names the output in diagnostics.
 * Returns 0, or -1 after a diagnostic.
 */
int
package_zip(struct project *p, xmlDocPtr manifest, const char *what,
    struct buf *out)
{
	xmlNodePtr root = xmlDocGetRootElement(manifest);
	zip_error_t ze;
	zip_source_t *archive;
	zip_t *za;
	int rc = -1;

	if (root == NULL || root->ns == NULL ||
	    !xmlStrEqual(root->ns->href, NS_ZIP) ||
	    !xmlStrEqual(root->name, BAD_CAST "archive")) {
		diag_add(p->diags, what, 0, 0, SEV_ERROR, RULE_PACKAGE,
		    "the stylesheet did not produce a <zip:archive>");
		return -1;
	}
	if (dynlib_need(DYNLIB_ZIP, p->diags, what) != 0)
		return -1;
	zip_error_init(&ze);
	if ((archive = zip_source_buffer_create(NULL, 0, 0, &ze)) == NULL ||
	    (za = zip_open_from_source(archive, ZIP_TRUNCATE, &ze)) == NULL) {
		diag_add(p->diags, what, 0, 0, SEV_ERROR, RULE_PACKAGE,
		    "cannot create the archive: %s", zip_error_strerror(&ze));
		if (archive != NULL)
			zip_source_free(archive);
		zip_error_fini(&ze);
		return -1;
	}
	/* Keep the buffer after zip_close(): it is what we read back. */
	zip_source_keep(archive);
	for (xmlNodePtr e = xmlFirstElementChild(root); e != NULL;
	    e = xmlNextElementSibling(e)) {
		char *name = tree_prop(e, "name"), *store = tree_prop(e, "store");
		size_t len;
		char *data = entry_bytes(e, &len);
		zip_source_t *src;
		zip_int64_t idx = -1;
		int stored = store != NULL && strcmp(store, "yes") == 0;

		if (!entry_name_valid(name))
			diag_add(p->diags, what, 0, 0, SEV_ERROR, RULE_PACKAGE,
			    "bad entry name \"%s\"", name ? name : "");
		else if ((src = zip_source_buffer(za, data, len, 1)) == NULL)
			diag_add(p->diags, what, 0, 0, SEV_ERROR, RULE_PACKAGE,
			    "%s: %s", name, zip_strerror(za));
		else {
			data = NULL; /* the source owns it now */
			if ((idx = zip_file_add(za, name, src,
			    ZIP_FL_ENC_UTF_8)) < 0) {
				diag_add(p->diags, what, 0, 0, SEV_ERROR,
				    RULE_PACKAGE, "%s: %s", name, zip_strerror(za));
				zip_source_free(src);
			}
		}
		if (idx >= 0 && (zip_set_file_compression(za, (zip_uint64_t)idx,
		    stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : 9) ||
		    zip_file_set_dostime(za, (zip_uint64_t)idx, ZIP_DOS_TIME,
		    ZIP_DOS_DATE, 0) ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
		    ZIP_OPSYS_UNIX, 0100644u << 16)))
			idx = -1;
		free(data);
		free(name);
		free(store);
		if (idx < 0) {
			zip_discard(za);
			zip_source_free(archive);
			zip_error_fini(&ze);
			return -1;
		}
	}
	if (zip_close(za) != 0) {
		diag_add(p->diags, what, 0, 0, SEV_ERROR, RULE_PACKAGE,
		    "cannot write the archive: %s", zip_strerror(za));
		zip_discard(za);
	} else if (zip_source_open(archive) == 0) {
		char chunk[8192];
		zip_int64_t got;

		while ((got = zip_source_read(archive, chunk,
		    sizeof(chunk))) > 0)
			buf_add(out, chunk, (size_t)got);
		zip_source_close(archive);
		rc = got < 0 ? -1 : 0;
	}
	zip_source_free(archive);
	zip_error_fini(&ze);
	return rc;
}

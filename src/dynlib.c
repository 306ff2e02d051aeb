/* SPDX-License-Identifier: ISC */
/*
 * dynlib.c - libzip, libmicrohttpd, fontconfig and libqrencode, loaded
 * when a command first needs them.  Only DOCX and ODT use libzip, only
 * serve uses libmicrohttpd, only a profile's font family fontconfig and
 * only sign libqrencode, but linked in, they and what they bring with
 * them (OpenSSL, GnuTLS, FreeType, libpng, Brotli, Expat and more, 27
 * libraries) cost every run 4.5 ms to load, relocate and initialise: a
 * fifth of building one document's HTML page (README, Performance).
 *
 * Each function of theirs that styrdok calls is defined here under its
 * own name, with the prototype of the library's header, and calls the
 * library's, looked up with dlsym.  The library is opened by the soname
 * the build linked against (config.mk), so the same major version as
 * linking would ask for.  dynlib_need() opens it and says in a
 * diagnostic when it cannot; the code calls it before the first of the
 * library's functions (package.c, cmd_serve.c, profile.c, cmd_sign.c),
 * and before serve starts its threads, so the handles are only read
 * afterwards.
 */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <fontconfig/fontconfig.h>
#include <microhttpd.h>
#include <qrencode.h>
#include <zip.h>

#include "styrdok.h"

static const char *const sonames[] = {
	[DYNLIB_ZIP] = LIBZIP_SONAME,
	[DYNLIB_MICROHTTPD] = LIBMICROHTTPD_SONAME,
	[DYNLIB_FONTCONFIG] = FONTCONFIG_SONAME,
	[DYNLIB_QRENCODE] = LIBQRENCODE_SONAME,
};
static void *handles[sizeof(sonames) / sizeof(sonames[0])];

/*
 * Opens lib unless it is open.  Returns 0, or -1 after a diagnostic
 * that names what needs it.
 */
int
dynlib_need(enum dynlib lib, struct diags *d, const char *what)
{
	if (handles[lib] != NULL)
		return 0;
	if ((handles[lib] = dlopen(sonames[lib], RTLD_NOW | RTLD_LOCAL)) !=
	    NULL)
		return 0;
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "%s needs the "
	    "library %s, which cannot be loaded: %s", what, sonames[lib],
	    dlerror());
	return -1;
}

/*
 * The function name of lib.  Without it (dynlib_need not called first,
 * or a library without a function of its own major version) nothing
 * sensible can go on.
 */
static void *
dynlib_function(enum dynlib lib, const char *name)
{
	void *fn = handles[lib] != NULL ? dlsym(handles[lib], name) : NULL;

	if (fn == NULL) {
		fprintf(stderr, "styrdok: %s: no function %s\n", sonames[lib],
		    name);
		exit(EXIT_SYSTEM);
	}
	return fn;
}

/* Defines name(params) as a call of lib's name(args). */
#define FORWARD(lib, type, name, params, args)				\
	type name params						\
	{								\
		type (*real) params;					\
									\
		*(void **)&real = dynlib_function(lib, #name);		\
		return real args;					\
	}
#define FORWARD_VOID(lib, name, params, args)				\
	void name params						\
	{								\
		void (*real) params;					\
									\
		*(void **)&real = dynlib_function(lib, #name);		\
		real args;						\
	}

/* ---- libzip (package.c) ----------------------------------------------- */

FORWARD(DYNLIB_ZIP, int, zip_close, (zip_t *za), (za))
FORWARD_VOID(DYNLIB_ZIP, zip_discard, (zip_t *za), (za))
FORWARD_VOID(DYNLIB_ZIP, zip_error_fini, (zip_error_t *ze), (ze))
FORWARD_VOID(DYNLIB_ZIP, zip_error_init, (zip_error_t *ze), (ze))
FORWARD(DYNLIB_ZIP, const char *, zip_error_strerror, (zip_error_t *ze),
    (ze))
FORWARD(DYNLIB_ZIP, zip_int64_t, zip_file_add, (zip_t *za, const char *name,
    zip_source_t *src, zip_flags_t flags), (za, name, src, flags))
FORWARD(DYNLIB_ZIP, int, zip_file_set_dostime, (zip_t *za, zip_uint64_t idx,
    zip_uint16_t time, zip_uint16_t date, zip_flags_t flags),
    (za, idx, time, date, flags))
FORWARD(DYNLIB_ZIP, int, zip_file_set_external_attributes, (zip_t *za,
    zip_uint64_t idx, zip_flags_t flags, zip_uint8_t opsys,
    zip_uint32_t attributes), (za, idx, flags, opsys, attributes))
FORWARD(DYNLIB_ZIP, zip_t *, zip_open_from_source, (zip_source_t *src,
    int flags, zip_error_t *ze), (src, flags, ze))
FORWARD(DYNLIB_ZIP, int, zip_set_file_compression, (zip_t *za,
    zip_uint64_t idx, zip_int32_t method, zip_uint32_t level),
    (za, idx, method, level))
FORWARD(DYNLIB_ZIP, zip_source_t *, zip_source_buffer, (zip_t *za,
    const void *data, zip_uint64_t len, int freep), (za, data, len, freep))
FORWARD(DYNLIB_ZIP, zip_source_t *, zip_source_buffer_create,
    (const void *data, zip_uint64_t len, int freep, zip_error_t *ze),
    (data, len, freep, ze))
FORWARD(DYNLIB_ZIP, int, zip_source_close, (zip_source_t *src), (src))
FORWARD_VOID(DYNLIB_ZIP, zip_source_free, (zip_source_t *src), (src))
FORWARD_VOID(DYNLIB_ZIP, zip_source_keep, (zip_source_t *src), (src))
FORWARD(DYNLIB_ZIP, int, zip_source_open, (zip_source_t *src), (src))
FORWARD(DYNLIB_ZIP, zip_int64_t, zip_source_read, (zip_source_t *src,
    void *data, zip_uint64_t len), (src, data, len))
FORWARD(DYNLIB_ZIP, const char *, zip_strerror, (zip_t *za), (za))

/* ---- libmicrohttpd (cmd_serve.c) --------------------------------------- */

FORWARD(DYNLIB_MICROHTTPD, enum MHD_Result, MHD_add_response_header,
    (struct MHD_Response *r, const char *header, const char *content),
    (r, header, content))
FORWARD(DYNLIB_MICROHTTPD, struct MHD_Response *,
    MHD_create_response_from_buffer, (size_t size, void *buffer,
    enum MHD_ResponseMemoryMode mode), (size, buffer, mode))
FORWARD(DYNLIB_MICROHTTPD, struct MHD_Response *,
    MHD_create_response_from_callback, (uint64_t size, size_t block_size,
    MHD_ContentReaderCallback crc, void *crc_cls,
    MHD_ContentReaderFreeCallback crfc),
    (size, block_size, crc, crc_cls, crfc))
FORWARD(DYNLIB_MICROHTTPD, struct MHD_Response *,
    MHD_create_response_from_fd, (size_t size, int fd), (size, fd))
FORWARD_VOID(DYNLIB_MICROHTTPD, MHD_destroy_response,
    (struct MHD_Response *r), (r))
FORWARD(DYNLIB_MICROHTTPD, const char *, MHD_lookup_connection_value,
    (struct MHD_Connection *c, enum MHD_ValueKind kind, const char *key),
    (c, kind, key))
FORWARD(DYNLIB_MICROHTTPD, enum MHD_Result, MHD_queue_response,
    (struct MHD_Connection *c, unsigned int status, struct MHD_Response *r),
    (c, status, r))
FORWARD_VOID(DYNLIB_MICROHTTPD, MHD_resume_connection,
    (struct MHD_Connection *c), (c))
FORWARD_VOID(DYNLIB_MICROHTTPD, MHD_stop_daemon, (struct MHD_Daemon *d),
    (d))
FORWARD_VOID(DYNLIB_MICROHTTPD, MHD_suspend_connection,
    (struct MHD_Connection *c), (c))

/* The variadic one goes to the library's va_list form. */
struct MHD_Daemon *
MHD_start_daemon(unsigned int flags, uint16_t port,
    MHD_AcceptPolicyCallback apc, void *apc_cls,
    MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	struct MHD_Daemon *(*real)(unsigned int, uint16_t,
	    MHD_AcceptPolicyCallback, void *, MHD_AccessHandlerCallback,
	    void *, va_list);
	struct MHD_Daemon *daemon;
	va_list ap;

	*(void **)&real = dynlib_function(DYNLIB_MICROHTTPD,
	    "MHD_start_daemon_va");
	va_start(ap, dh_cls);
	daemon = real(flags, port, apc, apc_cls, dh, dh_cls, ap);
	va_end(ap);
	return daemon;
}

/* ---- fontconfig (profile.c) -------------------------------------------- */

FORWARD_VOID(DYNLIB_FONTCONFIG, FcConfigDestroy, (FcConfig *config),
    (config))
FORWARD(DYNLIB_FONTCONFIG, FcFontSet *, FcFontList, (FcConfig *config,
    FcPattern *p, FcObjectSet *os), (config, p, os))
FORWARD_VOID(DYNLIB_FONTCONFIG, FcFontSetDestroy, (FcFontSet *s), (s))
FORWARD(DYNLIB_FONTCONFIG, FcConfig *, FcInitLoadConfigAndFonts, (void),
    ())
FORWARD_VOID(DYNLIB_FONTCONFIG, FcObjectSetDestroy, (FcObjectSet *os),
    (os))
FORWARD(DYNLIB_FONTCONFIG, FcResult, FcPatternGetInteger,
    (const FcPattern *p, const char *object, int n, int *i),
    (p, object, n, i))
FORWARD(DYNLIB_FONTCONFIG, FcResult, FcPatternGetString,
    (const FcPattern *p, const char *object, int n, FcChar8 **s),
    (p, object, n, s))
FORWARD_VOID(DYNLIB_FONTCONFIG, FcPatternDestroy, (FcPattern *p), (p))

/* The variadic two go to the library's va_list forms. */
FcPattern *
FcPatternBuild(FcPattern *p, ...)
{
	FcPattern *(*real)(FcPattern *, va_list);
	FcPattern *pattern;
	va_list ap;

	*(void **)&real = dynlib_function(DYNLIB_FONTCONFIG,
	    "FcPatternVaBuild");
	va_start(ap, p);
	pattern = real(p, ap);
	va_end(ap);
	return pattern;
}

FcObjectSet *
FcObjectSetBuild(const char *first, ...)
{
	FcObjectSet *(*real)(const char *, va_list);
	FcObjectSet *set;
	va_list ap;

	*(void **)&real = dynlib_function(DYNLIB_FONTCONFIG,
	    "FcObjectSetVaBuild");
	va_start(ap, first);
	set = real(first, ap);
	va_end(ap);
	return set;
}

/* ---- libqrencode (qr.c) ------------------------------------------------ */

FORWARD(DYNLIB_QRENCODE, QRcode *, QRcode_encodeData, (int size,
    const unsigned char *data, int version, QRecLevel level),
    (size, data, version, level))
FORWARD_VOID(DYNLIB_QRENCODE, QRcode_free, (QRcode *qrcode), (qrcode))

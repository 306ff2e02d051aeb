/* SPDX-License-Identifier: ISC */
/*
 * fuzz.h - what the libFuzzer targets share: a scratch project to run
 * the stages in.  At start-up each target makes a temporary directory
 * with policies/ (the regression organisation and, per target, files to
 * override) and changes into it, so the stages see a real project; the
 * input bytes then reach the loader through project_override(), the
 * same path adopt and revise use, without touching the disk.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "styrdok.h"

static char fuzz_templates[PATH_MAX];

static inline void
fuzz_write(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(3);
	}
}

/*
 * Makes the scratch project and enters it.  Run from the source tree:
 * templates/ and tests/regress/organisation.xml are read from there.
 */
static inline void
fuzz_project_init(const char *const *files)
{
	char dir[] = "/tmp/styrdok-fuzz-XXXXXX";
	size_t len;
	char *org;

	if (realpath("templates", fuzz_templates) == NULL ||
	    (org = file_read("tests/regress/organisation.xml", &len)) == NULL) {
		fputs("fuzz: run from the styrdok source tree\n", stderr);
		exit(3);
	}
	if (mkdtemp(dir) == NULL || chdir(dir) != 0 ||
	    mkdir("policies", 0700) != 0) {
		perror(dir);
		exit(3);
	}
	fuzz_write("policies/organisation.xml", org, len);
	free(org);
	for (; files != NULL && *files != NULL; files++)
		fuzz_write(*files, "<x/>", 4);
	setenv("SOURCE_DATE_EPOCH", "1795824000", 1);
}

#endif

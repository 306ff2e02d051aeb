/* SPDX-License-Identifier: ISC */
/*
 * fuzz_staff.c - libFuzzer target: the staff-list reader (CSV, UTF-8 or
 * Windows-1252 by the low bit of the first byte).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct diags *d = diags_new("/");
	struct staff staff = {0};
	int cp1252 = len > 0 && (data[0] & 1);

	if (len > 0) {
		data++;
		len--;
	}
	staff_parse(d, "personal.csv", (const char *)data, len, cp1252, &staff);
	staff_free(&staff);
	diags_free(d);
	return 0;
}

#!/bin/sh
# SPDX-License-Identifier: ISC
# A FOP that writes a header, filler and %%EOF, but no cross-reference.
{ printf '%%PDF-1.4\n'; head -c 4096 /dev/zero | tr '\0' 'x'; printf '\nstartxref\n9\n%%%%EOF\n'; } >"$6"
echo "[INFO] FOUserAgent - Rendered page #1."

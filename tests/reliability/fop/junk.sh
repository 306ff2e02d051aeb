#!/bin/sh
# SPDX-License-Identifier: ISC
# A FOP that exits 0 after writing something that only starts like a PDF.
printf '%%PDF-1.4 this is no PDF at all\n' >"$6"

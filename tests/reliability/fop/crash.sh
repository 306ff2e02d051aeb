#!/bin/sh
# SPDX-License-Identifier: ISC
# A FOP that dies of a signal after writing half a PDF.
printf '%%PDF-1.4\n1 0 obj\n' >"$6"
kill -SEGV $$

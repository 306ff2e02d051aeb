#!/bin/sh
# SPDX-License-Identifier: ISC
# A FOP that writes a PDF header and then 8 MiB of zeros.
printf '%%PDF-1.4\n' >"$6"
truncate -s 8M "$6"

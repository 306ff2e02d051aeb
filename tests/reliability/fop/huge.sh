#!/bin/sh
# SPDX-License-Identifier: ISC
# A FOP that writes a file larger than styrdok reads (sparse: no disk).
printf '%%PDF-1.4\n' >"$6"
truncate -s 101M "$6"

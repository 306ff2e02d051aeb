#!/bin/sh
# SPDX-License-Identifier: ISC
# A FOP that never finishes, and whose work runs in a child of its own
# (not exec'd): the child must not outlive styrdok either.  Writes the
# pids of both to $FOP_MARK when set.
sleep 1000 &
[ -n "${FOP_MARK:-}" ] && echo "$$ $!" >"$FOP_MARK"
wait

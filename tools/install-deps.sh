#!/bin/sh
# SPDX-License-Identifier: ISC
# Installs the Debian packages styrdok needs to build, run and test
# (`make check`: the readers the tests check outputs with; with "bench":
# and what make bench compares with), when any is missing: as root
# directly, otherwise through sudo.  ant lets FOP set several PDFs in one
# JVM (src/jvm.c).
set -eu
PACKAGES="build-essential pkg-config libxml2-dev libxslt1-dev libcmark-dev
nettle-dev libzip-dev libmicrohttpd-dev libqrencode-dev libfontconfig-dev zlib1g-dev libcmocka-dev xsltproc libxml2-utils cmark mandoc python3
fop fonts-dejavu-core fonts-dejavu-extra fonts-liberation2 trang curl
python3-jsonschema jing poppler-utils pandoc unzip zbar-tools librsvg2-bin ant gettext
python3-pikepdf"
[ "${1:-}" = bench ] && PACKAGES="$PACKAGES docbook-xsl-ns"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

echo "styrdok: installing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "styrdok: these packages are missing:$missing" >&2
	echo "styrdok: run as root, or install sudo, or install them yourself:" >&2
	echo "  apt-get install$missing" >&2
	exit 3
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing

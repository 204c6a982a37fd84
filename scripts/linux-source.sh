#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the path of SUITE's newest linux-source-X.Y .deb, downloaded once
# into $V4V6_CACHE/kunit/debs/SUITE through the suite's chroot
# (scripts/suite.sh): once there, nothing goes to the network again.
#
#   scripts/linux-source.sh trixie|sid
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
suite=${1:?usage: linux-source.sh SUITE}
debs=$CACHE/kunit/debs/$suite

newest() { find "$debs" -name 'linux-source-*.deb' 2> /dev/null | sort -V | tail -n 1; }

deb=$(newest)
if [ -z "$deb" ]; then
	mkdir -p "$debs"
	pkg=$(bash "$top/scripts/suite.sh" "$suite" run "$debs" \
		apt-cache pkgnames linux-source- |
		grep -E '^linux-source-[0-9]+\.[0-9]+$' | sort -V | tail -n 1)
	[ -n "$pkg" ] || { echo "linux-source: none in $suite" >&2; exit 1; }
	echo "linux-source: downloading $pkg from $suite" >&2
	bash "$top/scripts/suite.sh" "$suite" run "$debs" apt-get download -q "$pkg" >&2
	deb=$(newest)
fi
[ -n "$deb" ] || { echo "linux-source: the download left no .deb" >&2; exit 1; }
echo "$deb"

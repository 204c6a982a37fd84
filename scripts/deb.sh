#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the Debian packages (debian/): v4v6-dkms and v4v6, with
# dpkg-buildpackage -us -uc -b, in a copy of the tree (tracked files and
# untracked ones git does not ignore) under DIR, so that the checkout's own
# build outputs are neither packaged nor cleaned. The .debs are left in DIR
# (default out/deb), which is emptied first.
#
#   scripts/deb.sh [DIR]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$top/out/deb}
case $dir in /*) ;; *) dir=$PWD/$dir ;; esac

rm -rf "$dir"
mkdir -p "$dir/src"
(cd "$top" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) |
	tar -xf - -C "$dir/src"
if ! (cd "$dir/src" && dpkg-buildpackage -us -uc -b) > "$dir/build.log" 2>&1; then
	tail -n 30 "$dir/build.log" >&2
	echo "deb: dpkg-buildpackage failed (log: $dir/build.log)" >&2
	exit 1
fi
rm -rf "$dir/src"
ls "$dir"/*.deb

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.pl --strict over the kernel-side sources, using the script that
# ships in Debian's linux-source (unpacked once into the cache).
#
#   scripts/checkpatch.sh [--suite trixie|sid]
#
# Default: bookworm's linux-source-6.1, installed on the host (make lint).
# --suite: that suite's newest linux-source (scripts/linux-source.sh), whose
# checkpatch knows the newest kernel's preferences (make matrix).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
suite=bookworm
[ "${1:-}" != --suite ] || suite=$2
wanted=(scripts/checkpatch.pl scripts/spelling.txt scripts/const_structs.checkpatch)

if [ "$suite" = bookworm ]; then
	ver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	cp_dir=$CACHE/checkpatch
	unpack() {
		tar -xJf /usr/src/linux-source-6.1.tar.xz -C "$cp_dir" --strip-components=1 \
			"${wanted[@]/#/linux-source-6.1/}"
	}
else
	deb=$(bash "$top/scripts/linux-source.sh" "$suite")
	ver=$(dpkg-deb -f "$deb" Version)
	cp_dir=$CACHE/checkpatch-$ver
	unpack() {
		dpkg-deb --fsys-tarfile "$deb" |
			tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
			tar -xJ -C "$cp_dir" --strip-components=1 --wildcards \
				"${wanted[@]/#/linux-source-*/}"
	}
fi
if [ ! -e "$cp_dir/.done" ]; then
	rm -rf "$cp_dir" && mkdir -p "$cp_dir"
	unpack
	touch "$cp_dir/.done"
fi
cd "$top"
files=$(git ls-files 'kmod/*.[ch]' 'uapi/*.h')
echo "checkpatch: $suite's linux-source $ver"
# --no-tree: this is not a kernel tree. FILE_PATH_CHANGES and SPDX line
# placement checks assume one; everything else applies.
# shellcheck disable=SC2086 # file names, split on purpose
"$cp_dir/scripts/checkpatch.pl" --no-tree --strict --terse --show-types \
	--ignore FILE_PATH_CHANGES -f $files

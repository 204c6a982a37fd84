#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# checkpatch.pl --strict over the kernel-side sources, using the script that
# ships in Debian's linux-source (unpacked once into the cache).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
tarball=/usr/src/linux-source-6.1.tar.xz
cp_dir=$CACHE/checkpatch
if [ ! -e "$cp_dir/.done" ]; then
	rm -rf "$cp_dir" && mkdir -p "$cp_dir"
	tar -xJf "$tarball" -C "$cp_dir" --strip-components=1 \
		linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
	touch "$cp_dir/.done"
fi
cd "$top"
files=$(git ls-files 'kmod/*.[ch]' 'uapi/*.h')
# --no-tree: this is not a kernel tree. FILE_PATH_CHANGES and SPDX line
# placement checks assume one; everything else applies.
"$cp_dir/scripts/checkpatch.pl" --no-tree --strict --terse --show-types \
	--ignore FILE_PATH_CHANGES -f $files

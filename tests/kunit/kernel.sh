#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) the KUnit test kernel from Debian's linux-source-6.1 and
# print its build directory. The build lives in $V4V6_CACHE/kunit/KEY, KEY
# being a hash of kernel.config, the source tarball and the compiler, so it
# is rebuilt only when one of them changes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
tarball=/usr/src/linux-source-6.1.tar.xz
[ -f "$tarball" ] || { echo "kunit: $tarball missing; run scripts/deps.sh" >&2; exit 1; }

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
key=$( { cat "$here/kernel.config"; echo "$srcver"; gcc --version | head -n 1; } |
	sha256sum | cut -c1-16)
src=$CACHE/kunit/src-$srcver
out=$CACHE/kunit/$key

if [ -e "$out/.done" ]; then
	echo "$out"
	exit 0
fi

if [ ! -e "$src/.done" ]; then
	echo "kunit: unpacking linux-source $srcver" >&2
	rm -rf "$src" && mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1
	touch "$src/.done"
fi

echo "kunit: building the test kernel in $out (once; several minutes)" >&2
rm -rf "$out" && mkdir -p "$out"
{
	cd "$src"
	KCONFIG_CONFIG=$out/.config scripts/kconfig/merge_config.sh -n \
		-O "$out" "$here/kernel.config" > "$out/merge.log" 2>&1
	# merge_config only warns when a value did not stick: insist.
	missing=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*) grep -qxF "$line" "$out/.config" || {
			echo "kunit: $line did not stick in the kernel config" >&2
			missing=1
		} ;;
		esac
	done < "$here/kernel.config"
	[ $missing -eq 0 ] || exit 1
	make -C "$src" O="$out" -j"$(nproc)" -s bzImage modules > "$out/build.log" 2>&1 || {
		tail -n 40 "$out/build.log" >&2
		exit 1
	}
} >&2
touch "$out/.done"
echo "$out"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) the KUnit test kernel from Debian's linux-source-6.1 and
# print its build directory. The build lives in $V4V6_CACHE/kunit/KEY, KEY
# being a hash of the config fragment, the source tarball and the compiler,
# so it is rebuilt only when one of them changes. Both architectures build
# out of the same unpacked source tree.
#
#   tests/kunit/kernel.sh [--arch x86_64|s390x]
#
# x86_64 (default): kernel.config, the host's gcc, bzImage.
# s390x: kernel-s390x.config, s390x-linux-gnu-gcc, arch/s390/boot/bzImage.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
arch=x86_64
[ "${1:-}" != --arch ] || arch=${2:-}
case $arch in
x86_64)
	config=$here/kernel.config
	kmake=()
	cc=gcc ;;
s390x)
	config=$here/kernel-s390x.config
	export ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-
	kmake=(ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-)
	cc=s390x-linux-gnu-gcc ;;
*) echo "kunit: unknown architecture '$arch' (x86_64 or s390x)" >&2; exit 2 ;;
esac
command -v "$cc" > /dev/null || { echo "kunit: $cc missing; run scripts/deps.sh" >&2; exit 1; }
tarball=/usr/src/linux-source-6.1.tar.xz
[ -f "$tarball" ] || { echo "kunit: $tarball missing; run scripts/deps.sh" >&2; exit 1; }

srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
key=$( { cat "$config"; echo "$srcver"; $cc --version | head -n 1; } |
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

echo "kunit: building the $arch test kernel in $out (once; several minutes)" >&2
rm -rf "$out" && mkdir -p "$out"
{
	cd "$src"
	KCONFIG_CONFIG=$out/.config scripts/kconfig/merge_config.sh -n \
		-O "$out" "$config" > "$out/merge.log" 2>&1
	# merge_config only warns when a value did not stick: insist.
	missing=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*) grep -qxF "$line" "$out/.config" || {
			echo "kunit: $line did not stick in the kernel config" >&2
			missing=1
		} ;;
		esac
	done < "$config"
	[ $missing -eq 0 ] || exit 1
	make -C "$src" O="$out" "${kmake[@]}" -j"$(nproc)" -s bzImage modules > "$out/build.log" 2>&1 || {
		tail -n 40 "$out/build.log" >&2
		exit 1
	}
} >&2
touch "$out/.done"
echo "$out"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (once) a KUnit test kernel and print its build directory. The build
# lives in $V4V6_CACHE/kunit/KEY, KEY being a hash of the config fragments,
# the source version and the compiler, so it is rebuilt only when one of
# them changes. Both architectures build out of the same unpacked source
# tree.
#
#   tests/kunit/kernel.sh [--arch x86_64|s390x] [--suite SUITE]
#
# x86_64 (default): kernel.config, bzImage.
# s390x: kernel-s390x.config, s390x-linux-gnu-gcc, arch/s390/boot/bzImage.
#
# SUITE bookworm (default): Debian 12's linux-source-6.1, installed on the
# host, built with the host's gcc. SUITE trixie (6.12) or sid (the newest),
# x86_64 only: that suite's newest linux-source package, downloaded once
# into the cache, configured with kernel.config plus kernel-SUITE.config
# where there is one (options that only newer kernels have), and built in
# the suite's chroot (scripts/suite.sh) with its own toolchain.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
. "$here/options.sh"
case $arch in
x86_64)
	configs=("$here/kernel.config")
	cc=gcc ;;
s390x)
	configs=("$here/kernel-s390x.config")
	export ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-
	cc=s390x-linux-gnu-gcc ;;
esac
case $suite in
bookworm) ;;
trixie | sid)
	[ "$arch" = x86_64 ] || {
		echo "kunit: --suite $suite is x86_64 only" >&2
		exit 2
	} ;;
*) echo "kunit: unknown suite '$suite' (bookworm, trixie or sid)" >&2; exit 2 ;;
esac
[ ! -f "$here/kernel-$suite.config" ] || configs+=("$here/kernel-$suite.config")

# in_suite CMD...: CMD in the suite's chroot, $CACHE/kunit at /src; on the
# host for bookworm, in $CACHE/kunit.
in_suite() {
	if [ "$suite" = bookworm ]; then
		(cd "$CACHE/kunit" && "$@")
	else
		bash "$top/scripts/suite.sh" "$suite" run "$CACHE/kunit" "$@"
	fi
}

mkdir -p "$CACHE/kunit"
if [ "$suite" = bookworm ]; then
	command -v "$cc" > /dev/null || { echo "kunit: $cc missing; run scripts/deps.sh" >&2; exit 1; }
	tarball=/usr/src/linux-source-6.1.tar.xz
	[ -f "$tarball" ] || { echo "kunit: $tarball missing; run scripts/deps.sh" >&2; exit 1; }
	srcver=$(dpkg-query -W -f='${Version}' linux-source-6.1)
	unpack() { tar -xJf "$tarball" -C "$src" --strip-components=1; }
else
	deb=$(bash "$top/scripts/linux-source.sh" "$suite")
	srcver=$(dpkg-deb -f "$deb" Version)
	unpack() {
		dpkg-deb --fsys-tarfile "$deb" |
			tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
			tar -xJ -C "$src" --strip-components=1
	}
fi
key=$( { cat "${configs[@]}"; echo "$srcver"; in_suite "$cc" --version | head -n 1; } |
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
	unpack
	touch "$src/.done"
fi

echo "kunit: building the $arch $suite test kernel in $out (once; several minutes)" >&2
rm -rf "$out" && mkdir -p "$out"
cat "${configs[@]}" > "$out/fragment.config"
{
	# Paths relative to $CACHE/kunit, the same on the host and in a chroot.
	s=${src##*/} o=${out##*/}
	in_suite sh -c "cd '$s' && KCONFIG_CONFIG=../$o/.config \
		scripts/kconfig/merge_config.sh -n -O ../$o ../$o/fragment.config" \
		> "$out/merge.log" 2>&1
	# merge_config only warns when a value did not stick: insist.
	missing=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*) grep -qxF "$line" "$out/.config" || {
			echo "kunit: $line did not stick in the kernel config" >&2
			missing=1
		} ;;
		esac
	done < "$out/fragment.config"
	[ $missing -eq 0 ] || exit 1
	in_suite make -C "$s" O="../$o" "${kmake[@]}" -j"$(nproc)" -s bzImage modules \
		> "$out/build.log" 2>&1 || {
		tail -n 40 "$out/build.log" >&2
		exit 1
	}
} >&2
touch "$out/.done"
echo "$out"

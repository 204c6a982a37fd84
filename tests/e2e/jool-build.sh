#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build Jool's modules from Debian's jool-dkms source, unpacked by
# scripts/deps.sh, against a kernel build tree; print the directory holding
# jool_common.ko, jool.ko (NAT64: the test bed's PLAT) and jool_siit.ko
# (SIIT: the reference translator of the differential test). Cached per
# kernel and Jool version.
#
#   tests/e2e/jool-build.sh KDIR
set -euo pipefail

kdir=$1
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
src=$(find "$CACHE/jool/root/usr/src" -mindepth 1 -maxdepth 1 -name 'jool-*' | sort -V | tail -n 1)
[ -n "$src" ] || { echo "jool: no jool-dkms source; run scripts/deps.sh" >&2; exit 1; }
kver=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"$/\1/p' "$kdir/include/generated/utsrelease.h")
out=$CACHE/jool/build/$kver-$(basename "$src")

# A kernel it does not build for (Jool 4.1.9 builds for 6.1, not 6.12) is
# tried once: remove $out/.failed to try again.
if [ -e "$out/.failed" ]; then
	echo "jool: $(basename "$src") does not build for $kver (log: $out/build.log)" >&2
	exit 1
fi
if [ ! -e "$out/.done" ]; then
	echo "jool: building $(basename "$src") for $kver" >&2
	rm -rf "$out" && mkdir -p "$out"
	cp -r "$src/src" "$out/"
	{
		make -C "$kdir" M="$out/src/mod/common" modules &&
		make -C "$kdir" M="$out/src/mod/nat64" modules \
			KBUILD_EXTRA_SYMBOLS="$out/src/mod/common/Module.symvers"
	} > "$out/build.log" 2>&1 || {
		tail -n 30 "$out/build.log" >&2
		touch "$out/.failed"
		exit 1
	}
	cp "$out/src/mod/common/jool_common.ko" "$out/src/mod/nat64/jool.ko" "$out/"
	touch "$out/.done"
fi
# SIIT, against the same jool_common.ko. A separate step, so that a cache
# built before it is completed rather than rebuilt under a running test's
# feet; the module appears under its name only once whole.
if [ ! -e "$out/jool_siit.ko" ]; then
	echo "jool: building jool_siit.ko for $kver" >&2
	make -C "$kdir" M="$out/src/mod/siit" modules \
		KBUILD_EXTRA_SYMBOLS="$out/src/mod/common/Module.symvers" \
		> "$out/build-siit.log" 2>&1 || { tail -n 30 "$out/build-siit.log" >&2; exit 1; }
	cp "$out/src/mod/siit/jool_siit.ko" "$out/jool_siit.ko.tmp"
	mv "$out/jool_siit.ko.tmp" "$out/jool_siit.ko"
fi
echo "$out"

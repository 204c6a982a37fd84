#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: boot the QEMU topology and show v4v6 at work, step by step.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
kver=$(bash tests/vm/default-kernel.sh)
kdir=/usr/src/linux-headers-$kver
make -s module KDIR="$kdir" > /dev/null
[ ! -f tools/Makefile ] || make -s tools > /dev/null
jool=$(bash tests/e2e/jool-build.sh "$kdir")
echo "Booting $kver in QEMU (the first lines are the kernel's) ..."
exec bash tests/vm/run.sh --kernel "$kver" --timeout 600 --cmdline quiet \
	tests/e2e/demo-guest.sh "$jool" "$top/kmod/v4v6.ko"

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the default guest kernel: the one scripts/deps.sh unpacks, matching
# the newest Debian linux-headers-*-amd64 installed (what the module is
# built against by default). Other kernels unpacked into $V4V6_CACHE/guest
# (scripts/guest-kernel.sh) are used only when asked for with --kernel.
set -euo pipefail
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
kver=$(find /usr/src -maxdepth 1 -name 'linux-headers-*-amd64' -printf '%f\n' |
	sed 's/^linux-headers-//' | sort -V | tail -n 1)
[ -n "$kver" ] || { echo "vm: no linux-headers-*-amd64 installed; run scripts/deps.sh" >&2; exit 2; }
[ -f "$CACHE/guest/$kver/root/boot/vmlinuz-$kver" ] ||
	{ echo "vm: no guest kernel $kver in $CACHE/guest; run scripts/deps.sh" >&2; exit 2; }
echo "$kver"

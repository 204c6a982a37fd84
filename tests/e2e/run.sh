#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make e2e: build v4v6.ko and Jool for the guest kernel, boot it, run the
# end-to-end tests (tests/e2e/t/) inside, and print their results.
#
#   tests/e2e/run.sh [--kernel KVER] [-v] [TEST[/on|/off]...]
#
# -v shows the output of passing tests too. The traffic tests run a second
# time with translation switched off, as TEST/off, and must fail then
# (tests/e2e/guest.sh); TEST/on or TEST/off runs one of the two.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
kver=
if [ "${1:-}" = --kernel ]; then kver=$2; shift 2; fi
[ -n "$kver" ] || kver=$(find "$CACHE/guest" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
kdir=/usr/src/linux-headers-$kver
[ -d "$kdir" ] || { echo "e2e: no headers for $kver" >&2; exit 1; }

make -s module KDIR="$kdir" > /dev/null
make -s tools > /dev/null
make -s -C tools build/asan/v4v6d > /dev/null
jool=$(bash tests/e2e/jool-build.sh "$kdir")

log=${V4V6_E2E_LOG:-$(mktemp)}
set +e
bash tests/vm/run.sh --quiet --kernel "$kver" --timeout "${V4V6_E2E_TIMEOUT:-4200}" \
	--log "$log" tests/e2e/guest.sh "$jool" "$top/kmod/v4v6.ko" "$@"
rc=$?
set -e
grep -a -E '^(e2e: |    \| )' "$log" || true
if ! grep -aqE '^e2e: [0-9]+ passed, [0-9]+ failed' "$log"; then
	echo "e2e: the guest did not finish (vm exit $rc); console log: $log" >&2
	tail -n 30 "$log" >&2
fi
[ -n "${V4V6_E2E_LOG:-}" ] || { [ $rc -ne 0 ] || rm -f "$log"; }
exit $rc

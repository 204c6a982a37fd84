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
#
# The kernel: by default the one matching the newest linux-headers
# installed (tests/vm/default-kernel.sh), never merely the newest unpacked.
# The PLAT: V4V6_PLAT=jool|tayga (tests/e2e/lib.sh); by default Jool where
# its modules build for the kernel (Jool 4.1.9: 6.1), else TAYGA. Where Jool
# does not build, the differential test (it needs Jool SIIT) is skipped.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
kver=
if [ "${1:-}" = --kernel ]; then kver=$2; shift 2; fi
[ -n "$kver" ] || kver=$(bash tests/vm/default-kernel.sh)
# V4V6_E2E_KO: a v4v6.ko built elsewhere for the kernel (in the checkout or
# the cache, which the guest sees), for a kernel whose headers are not
# installed; then there is no Jool either.
ko=${V4V6_E2E_KO:-}
kdir=/usr/src/linux-headers-$kver
if [ -n "$ko" ]; then
	ko=$(realpath "$ko")
	kdir=
else
	[ -d "$kdir" ] || { echo "e2e: no headers for $kver" >&2; exit 1; }
fi
plat=${V4V6_PLAT:-}
case $plat in
'' | jool | tayga) ;;
*) echo "e2e: V4V6_PLAT=$plat: jool or tayga" >&2; exit 2 ;;
esac

if [ -z "$ko" ]; then
	make -s module KDIR="$kdir" > /dev/null
	ko=$top/kmod/v4v6.ko
fi
make -s tools > /dev/null
make -s -C tools build/asan/v4v6d > /dev/null
# Jool: the PLAT, and Jool SIIT the differential test's reference
if [ -n "$kdir" ] && jool=$(bash tests/e2e/jool-build.sh "$kdir" 2> /dev/null); then
	[ -n "$plat" ] || plat=jool
else
	jool=none
	[ "$plat" != jool ] || [ -z "$kdir" ] || { bash tests/e2e/jool-build.sh "$kdir" > /dev/null; exit 1; }
	[ "$plat" != jool ] || { echo "e2e: V4V6_PLAT=jool: no Jool without headers" >&2; exit 1; }
	echo "e2e: no Jool for $kver (the differential test needs Jool SIIT)" >&2
	[ -n "$plat" ] || plat=tayga
fi

log=${V4V6_E2E_LOG:-$(mktemp)}
set +e
bash tests/vm/run.sh --quiet --kernel "$kver" --timeout "${V4V6_E2E_TIMEOUT:-4200}" \
	--env V4V6_PLAT=$plat --log "$log" tests/e2e/guest.sh "$jool" "$ko" "$@"
rc=$?
set -e
grep -a -E '^(e2e: |    \| )' "$log" || true
if ! grep -aqE '^e2e: [0-9]+ passed, [0-9]+ failed' "$log"; then
	echo "e2e: the guest did not finish (vm exit $rc); console log: $log" >&2
	tail -n 30 "$log" >&2
fi
[ -n "${V4V6_E2E_LOG:-}" ] || { [ $rc -ne 0 ] || rm -f "$log"; }
exit $rc

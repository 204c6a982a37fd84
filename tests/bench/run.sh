#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: build v4v6.ko, the tools and Jool for the guest kernel, boot
# it (KVM where the runner's probe says it works, else TCG) and run the
# benchmark inside (tests/bench/bench.sh); print its table.
#
#   tests/bench/run.sh [--kernel KVER] [bench.sh OPTIONS...]
#
# The kernel: as for make e2e (tests/vm/default-kernel.sh). Jool SIIT only
# where Jool builds for it (6.1); elsewhere its rows say n/a.
# V4V6_BENCH_TIMEOUT: the guest's limit in seconds (default 5400).
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
kver=
if [ "${1:-}" = --kernel ]; then kver=$2; shift 2; fi
[ -n "$kver" ] || kver=$(bash tests/vm/default-kernel.sh)
kdir=/usr/src/linux-headers-$kver
[ -d "$kdir" ] || { echo "bench: no headers for $kver" >&2; exit 1; }

make -s module KDIR="$kdir" > /dev/null
make -s tools > /dev/null
make -s -C tools build/asan/v4v6d > /dev/null
jool=$(bash tests/e2e/jool-build.sh "$kdir" 2> /dev/null) || jool=none

log=${V4V6_BENCH_LOG:-$(mktemp)}
echo "bench: host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) before"
set +e
bash tests/vm/run.sh --quiet --kernel "$kver" --timeout "${V4V6_BENCH_TIMEOUT:-5400}" \
	--env BENCH_DEBUG="${BENCH_DEBUG:-}" --log "$log" tests/bench/guest.sh "$jool" "$top/kmod/v4v6.ko" "$@"
rc=$?
set -e
grep -a -E '^(bench: |  FAIL: )' "$log" || true
echo "bench: host: load average $(cut -d' ' -f1-3 /proc/loadavg) after"
if [ $rc -ne 0 ]; then
	echo "bench: failed (exit $rc); console log: $log" >&2
	tail -n 30 "$log" >&2
fi
[ -n "${V4V6_BENCH_LOG:-}" ] || [ $rc -ne 0 ] || rm -f "$log"
exit $rc

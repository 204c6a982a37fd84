#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make e2e-load: the end-to-end suite while a second guest keeps its vCPUs
# busy beside it (as many as the host has cores), so that every test's
# waits and limits are proven on a host with no CPU to spare.
#
#   tests/e2e/load.sh [tests/e2e/run.sh ARGS...]
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
kernel=()
[ "${1:-}" != --kernel ] || kernel=(--kernel "$2")
log=$(mktemp)
# The burner's QEMU runs under timeout(1), which puts itself in a process
# group of its own and passes TERM on to QEMU: it gets TERM itself, then
# the burner's group (tests/vm/run.sh).
trap 'pkill -TERM -P "$burner" 2> /dev/null; kill -- -"$burner" 2> /dev/null || true; rm -f "$log"' EXIT

# The burner runs in a process group of its own.
set -m
# It spins until the e2e run ends and kills it (6 hours at most).
bash tests/vm/run.sh "${kernel[@]}" --quiet --timeout 21600 --log "$log" \
	tests/e2e/burn.sh 21600 &
burner=$!
set +m
for _ in $(seq 300); do
	grep -q '^burn: ' "$log" 2> /dev/null && break
	kill -0 $burner 2> /dev/null || { cat "$log"; echo "e2e-load: the load guest died" >&2; exit 1; }
	sleep 1
done
grep -a '^burn: ' "$log" | sed 's/^/e2e-load: /' ||
	{ tail -n 20 "$log"; echo "e2e-load: the load guest did not start" >&2; exit 1; }
bash tests/e2e/run.sh "$@"

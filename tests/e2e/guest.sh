#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the guest: run each end-to-end test in a fresh topology and print
# one line per test, then "e2e: N passed, N failed".
#
#   guest.sh JOOL_DIR V4V6_KO [TEST...]
set -u
export JOOL_DIR=$1 V4V6_KO=$2 V4V6_CTL=$PWD/tools/build/v4v6ctl
shift 2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=($(cd "$here/t" && ls *.sh | sed 's/\.sh$//'))

passed=0 failed=0
for t in "${tests[@]}"; do
	start=$(date +%s%N)
	timeout -k 5 "${E2E_TEST_TIMEOUT:-300}" bash -c '
		. "$1/lib.sh"
		trap topo_down EXIT
		topo_up || die "topology"
		. "$1/t/$2.sh"' sh "$here" "$t" > "/tmp/e2e-$t.log" 2>&1
	rc=$?
	[ $rc -ne 124 ] || echo "  FAIL: timed out" >> "/tmp/e2e-$t.log"
	topo_down > /dev/null 2>&1
	ms=$((($(date +%s%N) - start) / 1000000))
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1))
		printf 'e2e: PASS %-32s %d.%03ds\n' "$t" $((ms / 1000)) $((ms % 1000))
	else
		failed=$((failed + 1))
		printf 'e2e: FAIL %-32s %d.%03ds\n' "$t" $((ms / 1000)) $((ms % 1000))
		sed 's/^/    | /' "/tmp/e2e-$t.log"
	fi
	# A test must leave nothing behind.
	left=$(ip netns list)
	[ -z "$left" ] || { echo "e2e: namespaces left by $t: $left"; failed=$((failed + 1)); }
done
echo "e2e: $passed passed, $failed failed"
[ $failed -eq 0 ]

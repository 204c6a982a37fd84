#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the guest: run each end-to-end test in a fresh topology and print
# one line per test, then "e2e: N passed, N failed, N skipped".
#
#   guest.sh JOOL_DIR|none V4V6_KO [-v] [TEST...]
#
# -v prints the output of passing tests too.
#
# A test whose file has the line "# e2e: xlat-off must fail" (the traffic
# tests) runs twice: as it is, and as TEST/off, with V4V6_XLAT_OFF=1, where
# lib.sh's helpers switch translation off ("config set lan none") once the
# test has set everything up. TEST/off passes only if the test then fails,
# after lib.sh said "xlat: switched off": each of them proves that its
# traffic went through v4v6. TEST/on and TEST/off name one of the two runs.
#
# A test that cannot run here is counted as skipped, never as passed, in
# either run: one whose file has a line "# e2e: requires FUNCTION WHY" where
# lib.sh's FUNCTION fails (checked before the topology is built: the
# differential test without Jool SIIT), or one that ends with lib.sh's skip
# (exit 77 after a "SKIP:" line).
set -u
# (V4V6_CTL, V4V6D and V4V6D_PLAIN from run.sh: programs built elsewhere)
export JOOL_DIR=$1 V4V6_KO=$2 V4V6_CTL=${V4V6_CTL:-$PWD/tools/build/v4v6ctl} \
	V4V6D=${V4V6D:-$PWD/tools/build/asan/v4v6d} \
	V4V6D_PLAIN=${V4V6D_PLAIN:-$PWD/tools/build/v4v6d}
shift 2
[ "$JOOL_DIR" != none ] || JOOL_DIR=
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
echo "e2e: the PLAT is $V4V6_PLAT"

off_marker='# e2e: xlat-off must fail'
verbose=
[ "${1:-}" != -v ] || { verbose=1; shift; }
args=("$@")
[ ${#args[@]} -gt 0 ] || args=($(cd "$here/t" && ls *.sh | sed 's/\.sh$//'))
runs=()
for a in "${args[@]}"; do
	case $a in
	*/on) runs+=("${a%/on}") ;;
	*/off) runs+=("$a") ;;
	*)
		runs+=("$a")
		if grep -qxF "$off_marker" "$here/t/$a.sh" 2> /dev/null; then
			runs+=("$a/off")
		fi
		;;
	esac
done

passed=0 failed=0 skipped=0
for run in "${runs[@]}"; do
	t=${run%/off}
	off=
	[ "$run" = "$t" ] || off=1
	logf=/tmp/e2e-${run//\//-}.log
	start=$(date +%s%N)
	req=$(sed -n 's/^# e2e: requires //p' "$here/t/$t.sh" 2> /dev/null | head -n 1)
	if [ -n "$req" ] && ! ${req%% *} > /dev/null 2>&1; then
		skipped=$((skipped + 1))
		printf 'e2e: SKIP %-32s %d.%03ds  (%s)\n' "$run" 0 0 "${req#* }"
		continue
	fi
	if [ -n "$off" ]; then
		secs=${E2E_OFF_TIMEOUT:-180}
	else
		secs=${E2E_TEST_TIMEOUT:-420}
	fi
	# SIGTERM first: the test's EXIT trap gets 30 s to clean up.
	V4V6_XLAT_OFF=${off:-0} timeout -k 30 "$secs" bash -c '
		. "$1/lib.sh"
		trap topo_down EXIT
		topo_up || die "topology"
		. "$1/t/$2.sh"' sh "$here" "$t" > "$logf" 2>&1
	rc=$?
	killed=
	[ $rc -ne 124 ] && [ $rc -ne 137 ] || { killed=1; echo "  FAIL: timed out" >> "$logf"; }
	# The runner owns the cleanup, whatever ended the test: every
	# namespace left and every process in it goes, so that one test's
	# leftovers never fail the next. A test that ended by itself and left
	# some has a cleanup bug: that fails it (below).
	left=$(ip netns list | awk '{ print $1 }' | tr '\n' ' ')
	NAMESPACES="$NAMESPACES $left" topo_down > /dev/null 2>&1
	ms=$((($(date +%s%N) - start) / 1000000))
	ok=
	if [ $rc -eq 77 ] && grep -q '^  SKIP: ' "$logf"; then
		ok=skip
	elif [ -z "$off" ]; then
		[ $rc -ne 0 ] || ok=1
	elif [ $rc -ne 0 ] && grep -q '^  xlat: switched off' "$logf"; then
		ok=1
	elif [ $rc -eq 0 ]; then
		echo "  FAIL: passed with translation switched off" >> "$logf"
	else
		echo "  FAIL: failed before translation was switched off" >> "$logf"
	fi
	if [ "$ok" = skip ]; then
		skipped=$((skipped + 1))
		printf 'e2e: SKIP %-32s %d.%03ds  (%s)\n' "$run" $((ms / 1000)) $((ms % 1000)) \
			"$(grep -m 1 '^  SKIP: ' "$logf" | sed 's/^  SKIP: //')"
	elif [ -n "$ok" ]; then
		passed=$((passed + 1))
		printf 'e2e: PASS %-32s %d.%03ds' "$run" $((ms / 1000)) $((ms % 1000))
		# what failed, as it had to
		[ -z "$off" ] || printf '  (%s)' "$(grep -m 1 '^  FAIL: ' "$logf" | sed 's/^  FAIL: //')"
		echo
		if [ -n "$verbose" ]; then
			sed 's/^/    | /' "$logf"
		else
			grep '^  result: ' "$logf" | sed 's/^/    | /'
		fi
	else
		failed=$((failed + 1))
		printf 'e2e: FAIL %-32s %d.%03ds\n' "$run" $((ms / 1000)) $((ms % 1000))
		sed 's/^/    | /' "$logf"
	fi
	# A test must leave nothing behind (one killed on time-out could not).
	if [ -n "${left// /}" ] && [ -z "$killed" ]; then
		echo "e2e: namespaces left by $run: $left"
		failed=$((failed + 1))
	fi
	left=$(ip netns list; pgrep -x tayga | sed 's/^/tayga pid /')
	[ -z "$left" ] || { echo "e2e: the runner could not remove:" $left; failed=$((failed + 1)); }
done
echo "e2e: $passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]

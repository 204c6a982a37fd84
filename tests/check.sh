#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make check: every stage, with its time, then one closing line
# "N passed, N failed" counting the tests of all stages. A stage that fails
# without reporting counts as one failed test.
#
#   tests/check.sh [STAGE...]     stages: lint tools openwrt xlatfuzz kunit
#                                 arm64 e2e deb (default: all)
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(lint tools openwrt xlatfuzz kunit arm64 e2e deb)
total_pass=0 total_fail=0
summary=()
failures=()
logdir=$(mktemp -d)

stage_lint() {
	local p=0 f=0
	if bash scripts/checkpatch.sh; then p=$((p + 1)); else f=$((f + 1)); fi
	if bash scripts/sparse.sh; then p=$((p + 1)); else f=$((f + 1)); fi
	if make -s spec-check; then p=$((p + 1)); else f=$((f + 1)); fi
	if make -s module > /dev/null && make -s tools > /dev/null; then
		p=$((p + 1))
	else
		f=$((f + 1))
	fi
	echo "lint: $p passed, $f failed"
}

stage_tools() { make -s -C tools check; }
# The OpenWrt package without OpenWrt: its Makefile, its init script under
# stand-ins of procd and UCI (tests/openwrt/run.sh), with v4v6d's parser.
stage_openwrt() { make -s -C tools build/v4v6d > /dev/null && bash tests/openwrt/run.sh; }
# The translator under libFuzzer; its runner prints "xlatfuzz: N passed,
# N failed", which the default case of counts() reads (never "fuzz:", the
# tools stage's).
stage_xlatfuzz() { make -s fuzz-xlat; }
stage_kunit() { bash tests/kunit/run.sh; }
# The arm64 smoke test (tests/arm64/): its deps are its own, the cross
# compiler and Debian's arm64 packages.
stage_arm64() { bash scripts/deps.sh arm64 > /dev/null && bash tests/arm64/run.sh; }
stage_e2e() { bash tests/e2e/run.sh; }
# The Debian packages built, installed into a throwaway root with DKMS, and
# e2e 60 in the guest with what they installed (tests/deb/run.sh)
stage_deb() { bash tests/deb/run.sh; }

# counts STAGE LOG: "passed failed" as the stage's own runner reported them
counts() {
	case $1 in
	tools)
		awk '/\[  PASSED  \] [0-9]+ test/ { p += $4 }
		     /\[  FAILED  \] [0-9]+ test/ { f += $4 }
		     /^(cli|v4v6d-cli|unit|fuzz): [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
		     END { print p + 0, f + 0 }' "$2" ;;
	kunit)
		sed -n 's/^kunit: \([0-9]*\) cases passed, \([0-9]*\) .*/\1 \2/p' "$2" | tail -n 1 ;;
	*)
		sed -n "s/^$1: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p" "$2" | tail -n 1 ;;
	esac
}

# failed_lines STAGE LOG: the lines that name a failure and its first reasons,
# at most 40 of them
failed_lines() {
	grep -E '(^|[^A-Za-z])(FAIL|FAILED|not ok)([^A-Za-z]|$)' "$2" | grep -v ' 0 failed' |
		head -n 40 | sed "s/^/$1: /"
}

for s in "${stages[@]}"; do
	echo "=== $s"
	start=$SECONDS
	"stage_$s" 2>&1 | tee "$logdir/$s.log"
	rc=${PIPESTATUS[0]}
	read -r p f <<< "$(counts "$s" "$logdir/$s.log")"
	p=${p:-0} f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	summary+=("$(printf '%-8s %4d passed %3d failed %5ds' "$s" "$p" "$f" $((SECONDS - start)))")
	[ "$f" -eq 0 ] || failures+=("$(failed_lines "$s" "$logdir/$s.log")")
done
rm -rf "$logdir"

# What failed, again at the end: CI keeps only the tail of a long log.
if [ ${#failures[@]} -gt 0 ]; then
	echo "=== failed"
	printf '%s\n' "${failures[@]}"
fi
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]

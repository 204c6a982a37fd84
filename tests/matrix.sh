#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make matrix: v4v6 on every kernel and CPU it is meant for, one table at
# the end (kernel, architecture, stage: passed/failed with the counts).
#
#   tests/matrix.sh [STAGE...]
#
# Stages (default: all, in this order):
#   checkpatch   checkpatch --strict from bookworm's 6.1 and from sid's
#                newest linux-source (scripts/checkpatch.sh)
#   build        the module W=1 (and sparse on amd64) against bookworm's
#                6.1, trixie's 6.12 and sid's newest headers, for amd64,
#                arm64 and s390x (scripts/build-matrix.sh)
#   kunit        the KUnit suites on 6.1 x86_64 (KASAN, lockdep, kmemleak)
#   kunit-s390x  the same on big-endian s390x
#   kunit-6.12, kunit-7.x
#                the same built from trixie's and sid's kernel source
#   arm64        the arm64 smoke test (tests/arm64/)
#   e2e          the whole e2e suite on bookworm's stock kernel, Jool
#   e2e-6.12, e2e-7.x
#                the whole e2e suite on trixie's and sid's stock kernels,
#                v4v6.ko built in the suite's chroot, TAYGA as the PLAT
#
# MATRIX_E2E_TESTS limits the e2e stages to those tests (run.sh's
# arguments), MATRIX_BUILD_ARGS adds options to build-matrix.sh.
#
# Each stage's own output goes to $V4V6_CACHE/matrix/STAGE.log; the lines
# that say what ran are shown as it goes. The closing line is
# "N passed, N failed" over every stage's tests.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
logs=$CACHE/matrix
mkdir -p "$logs"
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(checkpatch build kunit kunit-s390x kunit-6.12 kunit-7.x
	arm64 e2e e2e-6.12 e2e-7.x)
rows=()
total_pass=0 total_fail=0

# row KERNEL ARCH STAGE RESULT
row() { rows+=("$(printf '%-24s %-8s %-14s %s' "$1" "$2" "$3" "$4")"); }

# counted LOG PATTERN: "passed failed" from the last line of LOG matching
# the sed expression PATTERN (which prints "P F")
counted() { sed -n "$2" "$1" | tail -n 1; }

# account STAGE KERNEL ARCH RC LOG SEDPATTERN: one row for the stage
account() {
	local stage=$1 kernel=$2 arch=$3 rc=$4 log=$5 p f res
	read -r p f <<< "$(counted "$log" "$6")"
	p=${p:-0} f=${f:-0}
	[ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || f=1
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	if [ "$rc" -eq 0 ]; then res="passed ($p)"; else res="FAILED ($p passed, $f failed)"; fi
	row "$kernel" "$arch" "$stage" "$res"
}

# run STAGE CMD...: CMD's output in the stage's log, its result lines shown
run() {
	local stage=$1 start=$SECONDS rc
	shift
	echo "=== $stage"
	"$@" > "$logs/$stage.log" 2>&1
	rc=$?
	grep -aE '^(build |chroot |kunit: |arm64: [0-9]+ passed|e2e: (PASS|FAIL|SKIP|[0-9]+ passed)|vm: )' \
		"$logs/$stage.log"
	echo "$stage: exit $rc after $((SECONDS - start)) s (log: $logs/$stage.log)"
	return $rc
}

KUNIT_COUNTS='s/^kunit: \([0-9]*\) cases passed, \([0-9]*\) .*/\1 \2/p'
E2E_COUNTS='s/^e2e: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p'

stage_build() {
	local rc line kver arch what
	# shellcheck disable=SC2086 # options, split on purpose
	run build bash scripts/build-matrix.sh --sparse ${MATRIX_BUILD_ARGS:-}
	rc=$?
	# one row per build, from its line: "build KVER ARCH WHAT: ok (...)"
	while read -r line; do
		kver=$(echo "$line" | awk '{ print $2 }')
		arch=$(echo "$line" | awk '{ print $3 }')
		what=$(echo "$line" | sed 's/^build [^ ]* [^ ]* \([^:]*\):.*/\1/')
		case $line in
		*": ok "*) row "$kver" "$arch" "build $what" "passed"; total_pass=$((total_pass + 1)) ;;
		*) row "$kver" "$arch" "build $what" "FAILED"; total_fail=$((total_fail + 1)) ;;
		esac
	done < <(grep -E '^build [^ ]+ [^ ]+ .*: ' "$logs/build.log")
	if [ $rc -ne 0 ] && ! grep -q 'FAILED' "$logs/build.log"; then
		row "-" "-" "build" "FAILED (exit $rc)"
		total_fail=$((total_fail + 1))
	fi
}

# The newest checkpatch has preferences the oldest lacks (kmalloc_obj()):
# the sources must satisfy both.
stage_checkpatch() {
	local suite rc ver
	for suite in bookworm sid; do
		run "checkpatch-$suite" bash scripts/checkpatch.sh --suite "$suite"
		rc=$?
		ver=$(sed -n "s/^checkpatch: $suite's linux-source \([^-]*\).*/\1/p" \
			"$logs/checkpatch-$suite.log")
		if [ $rc -eq 0 ]; then
			row "${ver:-$suite}" - checkpatch passed
			total_pass=$((total_pass + 1))
		else
			row "${ver:-$suite}" - checkpatch "FAILED (log: $logs/checkpatch-$suite.log)"
			total_fail=$((total_fail + 1))
		fi
	done
}

# kunit_stage STAGE KERNEL ARCH run.sh-ARGS...
kunit_stage() {
	local stage=$1 kernel=$2 arch=$3 rc
	shift 3
	run "$stage" bash tests/kunit/run.sh "$@"
	rc=$?
	account "$stage" "$kernel" "$arch" $rc "$logs/$stage.log" "$KUNIT_COUNTS"
}

# suite_kver SUITE: the version of the suite's kernel (its amd64 headers)
suite_kver() {
	bash scripts/suite.sh "$1" headers | awk '$1 == "amd64" { print $2 }' | head -n 1
}

# e2e_suite STAGE SUITE: the e2e suite on SUITE's stock kernel with a
# v4v6.ko built in SUITE's chroot (in the cache: the guest sees it)
e2e_suite() {
	local stage=$1 suite=$2 kver dir rc
	echo "=== $stage: preparing"
	bash scripts/suite.sh "$suite" > "$logs/$stage.prep.log" 2>&1 &&
		kver=$(bash scripts/guest-kernel.sh "$suite" 2>> "$logs/$stage.prep.log") || {
		tail -n 20 "$logs/$stage.prep.log"
		row "$suite" amd64 e2e "FAILED (no guest kernel or chroot)"
		total_fail=$((total_fail + 1))
		return
	}
	dir=$CACHE/build/e2e-$suite
	rm -rf "$dir" && mkdir -p "$dir"
	git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$dir"
	if ! bash scripts/suite.sh "$suite" run "$dir" \
		make -j2 -C "/usr/src/linux-headers-$kver" M=/src modules \
		>> "$logs/$stage.prep.log" 2>&1; then
		tail -n 20 "$logs/$stage.prep.log"
		row "$kver" amd64 e2e "FAILED (module build)"
		total_fail=$((total_fail + 1))
		return
	fi
	# shellcheck disable=SC2086 # test names, split on purpose
	V4V6_E2E_KO=$dir/kmod/v4v6.ko run "$stage" bash tests/e2e/run.sh --kernel "$kver" \
		${MATRIX_E2E_TESTS:-}
	rc=$?
	account e2e "$kver" amd64 $rc "$logs/$stage.log" "$E2E_COUNTS"
}

for s in "${stages[@]}"; do
	case $s in
	checkpatch) stage_checkpatch ;;
	build) stage_build ;;
	kunit) kunit_stage kunit "$(bash tests/vm/default-kernel.sh)" x86_64 ;;
	kunit-s390x) kunit_stage kunit-s390x 6.1 s390x --arch s390x ;;
	kunit-6.12) kunit_stage kunit-6.12 "$(suite_kver trixie)" x86_64 --suite trixie ;;
	kunit-7.x) kunit_stage kunit-7.x "$(suite_kver sid)" x86_64 --suite sid ;;
	arm64)
		run arm64 sh -c 'bash scripts/deps.sh arm64 && bash tests/arm64/run.sh'
		account arm64 "$(bash tests/vm/default-kernel.sh | sed 's/-amd64$/-arm64/')" \
			arm64 $? "$logs/arm64.log" 's/^arm64: \([0-9]*\) passed, \([0-9]*\) failed.*/\1 \2/p'
		;;
	e2e)
		# shellcheck disable=SC2086
		run e2e bash tests/e2e/run.sh ${MATRIX_E2E_TESTS:-}
		account e2e "$(bash tests/vm/default-kernel.sh)" amd64 $? "$logs/e2e.log" "$E2E_COUNTS"
		;;
	e2e-6.12) e2e_suite e2e-6.12 trixie ;;
	e2e-7.x) e2e_suite e2e-7.x sid ;;
	*) echo "matrix: unknown stage $s" >&2; exit 2 ;;
	esac
done

echo "=== matrix ($(date -u +%Y-%m-%d))"
printf '%-24s %-8s %-14s %s\n' kernel arch stage result
printf '%s\n' "${rows[@]}"
echo "$total_pass passed, $total_fail failed"
[ $total_fail -eq 0 ]

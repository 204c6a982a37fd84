#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make kunit: build the test kernel (cached), build v4v6.ko with its KUnit
# suites against it, boot it in QEMU, and parse the KTAP. Fails on any failed,
# skipped-by-crash or missing case, on zero tests, and on any kernel report.
#
#   tests/kunit/run.sh [--arch x86_64|s390x] [--suite SUITE]
#
# x86_64 (make kunit, the default) boots with the host's userspace
# (tests/vm/run.sh, guest.sh); s390x (make kunit-s390x), big-endian, is
# cross-built and boots under TCG with busybox only (vm-s390x.sh,
# guest-s390x.sh).
#
# SUITE is the Debian suite whose kernel source and toolchain build the test
# kernel and the module (tests/kunit/kernel.sh): bookworm (6.1, the
# default, on the host), trixie (6.12) or sid (the newest), x86_64 only, in
# the suite's chroot (scripts/suite.sh). make kunit-matrix runs all three.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
. tests/kunit/options.sh
kdir=$(bash tests/kunit/kernel.sh --arch "$arch" --suite "$suite")
# The kernel's source tree, named by the build directory's Makefile
src=$(dirname "$kdir")/$(sed -n 's|^include .*/\([^/]*\)/Makefile$|\1|p' "$kdir/Makefile")

if [ "$suite" = bookworm ]; then
	work=$(mktemp -d)
	kbuild() { make -C "$kdir" M="$work/src" "$@"; }
else
	# In the suite's chroot, which sees $CACHE/kunit at /src
	work=$(mktemp -d "$CACHE/kunit/work.XXXXXX")
	kbuild() {
		bash scripts/suite.sh "$suite" run "$CACHE/kunit" make \
			-C "${kdir##*/}" M="/src/${work##*/}/src" "$@" < /dev/null
	}
fi
trap 'rm -rf "$work"' EXIT
# Build in a copy: the checkout's objects are for the stock kernel.
mkdir -p "$work/src" "$work/out"
cp -r Kbuild kmod uapi "$work/src/"
find "$work/src" -name '*.o' -o -name '*.ko' -o -name '*.cmd' | xargs rm -f
kbuild "${kmake[@]}" V4V6_KUNIT=y -j"$(nproc)" modules > "$work/build.log" 2>&1 || {
	cat "$work/build.log" >&2
	exit 1
}
cp "$work/src/kmod/v4v6.ko" "$work/out/"

log=${V4V6_KUNIT_LOG:-$work/console.log}
set +e
if [ "$arch" = s390x ]; then
	bash tests/kunit/vm-s390x.sh "$kdir/arch/s390/boot/bzImage" \
		"$work/out/v4v6.ko" "$work/out" "$log" 900 kunit.enable=1
else
	bash tests/vm/run.sh --quiet --timeout 900 --log "$log" --out "$work/out" \
		--cmdline kunit.enable=1 \
		--kernel "$kdir/arch/x86/boot/bzImage" tests/kunit/guest.sh "$work/out"
fi
vmrc=$?
set -e
tr -d '\r' < "$log" | grep -a -E '^(ok|FAILED): ' | sed 's/^/  /'

[ -z "${V4V6_KUNIT_LOG:-}" ] || cp "$work/out/ktap.txt" "$V4V6_KUNIT_LOG.dmesg" 2>/dev/null || true
if [ ! -s "$work/out/dmesg.txt" ]; then
	echo "kunit: no kernel log came back (vm exit $vmrc)" >&2
	tail -n 40 "$log" >&2
	exit 1
fi
# Suites run at module load in 6.1 print no top-level header: supply it,
# with one plan entry per suite the sources declare, so a suite that never
# reported counts as missing. Newer kernels print it, with the
# number of suites in the module: it must be the same.
suites=$(sed -n 's/^\s*\.name = "\(v4v6_[a-z0-9_]*\)",$/\1/p' kmod/tests/*.c)
{
	echo "KTAP version 1"
	echo "1..$(echo "$suites" | wc -w)"
	sed -n '/^ *KTAP version/,$p' "$work/out/ktap.txt" | grep -v '^v4v6: ' |
		sed '1{/^KTAP version/d}' | sed '1{/^1\.\.[0-9]*$/d}'
} > "$work/ktap.txt"
parserc=0
python3 "$src/tools/testing/kunit/kunit.py" parse --json="$work/kunit.json" \
	"$work/ktap.txt" > "$work/parse.txt" 2>&1 || parserc=$?
grep -E '^\[..:..:..\] (=+ |\[(PASSED|FAILED|CRASHED|SKIPPED|ERROR)\]|Testing complete|ERROR)' \
	"$work/parse.txt" | sed 's/^\[..:..:..\] /  /' || true

# Every suite the sources declare must have run, with at least one case.
fail=0
kplan=$(sed -n '/^ *KTAP version/,$p' "$work/out/ktap.txt" |
	sed -n '2s/^1\.\.\([0-9]*\)$/\1/p')
if [ -n "$kplan" ] && [ "$kplan" -ne "$(echo "$suites" | wc -w)" ]; then
	echo "kunit: the module has $kplan suites, the sources declare" \
		"$(echo "$suites" | wc -w)" >&2
	fail=1
fi
for suite in $suites; do
	if ! grep -qE "^ok [0-9]+ $suite\$" "$work/ktap.txt"; then
		echo "kunit: suite $suite did not pass" >&2
		fail=1
	fi
done
python3 - "$work/kunit.json" <<'PY' || fail=1
import json, sys
acc = {}
def count(group):
    for case in group["test_cases"]:
        acc[case["status"]] = acc.get(case["status"], 0) + 1
    for sub in group["sub_groups"]:
        count(sub)
count(json.load(open(sys.argv[1])))
passed = acc.get("PASS", 0)
other = sum(n for status, n in acc.items() if status != "PASS")
print(f"kunit: {passed} cases passed, {other} failed, crashed or skipped")
sys.exit(0 if passed > 0 and other == 0 else 1)
PY
[ $parserc -eq 0 ] || fail=1
[ $vmrc -eq 0 ] || { echo "kunit: guest checks failed (exit $vmrc)" >&2; fail=1; }
exit $fail

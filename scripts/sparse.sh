#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the module with sparse checking every file (make C=2); any sparse
# or compiler warning fails.
#
#   scripts/sparse.sh                 against the host's kernel (KDIR)
#   scripts/sparse.sh --kdir DIR      against the kernel build tree DIR
#   scripts/sparse.sh --suite SUITE   against SUITE's amd64 kernel, with its
#                                     sparse, in its chroot (scripts/suite.sh):
#                                     sid for the newest kernel
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}

# in_suite SUITE: make C=2 in the suite's chroot, on a copy of the tree.
# KBUILD_CHECKSRC=2 as well: Debian's 7.x headers lack the
# scripts/checker-valid.sh with which Kbuild checks the checker, and
# without it Kbuild would turn C=2 off.
in_suite() {
	local kdir dir rc=0
	kdir=$(bash "$top/scripts/suite.sh" "$1" headers |
		awk '$1 == "amd64" { print $3 }')
	mkdir -p "$CACHE/build"
	dir=$(mktemp -d "$CACHE/build/sparse.XXXXXX")
	(cd "$top" && git ls-files -co --exclude-standard -z |
		tar --null -T - -cf -) | tar -xf - -C "$dir"
	bash "$top/scripts/suite.sh" "$1" run "$dir" make -j2 -C "$kdir" \
		M=/src C=2 KBUILD_CHECKSRC=2 modules 2>&1 || rc=$?
	rm -rf "$dir"
	return $rc
}

# Kbuild's CHECK lines are counted: a "make -s" above must not silence them.
unset MAKEFLAGS MFLAGS
rc=0
case ${1:-} in
'') out=$(make -C "$top" --no-print-directory sparse 2>&1) || rc=$? ;;
--kdir)
	out=$(make -C "$top" --no-print-directory sparse KDIR="$2" 2>&1) ||
		rc=$?
	;;
--suite) out=$(in_suite "$2") || rc=$? ;;
*) sed -n '7,11s/^# \?//p' "$0" >&2; exit 2 ;;
esac
[ $rc -eq 0 ] || { echo "$out"; exit 1; }
n=$(echo "$out" | grep -c '^  CHECK ' || true)
echo "sparse: files checked: $n"
[ "$n" -gt 0 ] || { echo "$out"; exit 1; }
if echo "$out" | grep -E 'warning:|error:'; then
	exit 1
fi

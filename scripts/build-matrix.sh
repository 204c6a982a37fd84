#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the module W=1 against each suite's kernel headers for amd64, arm64
# and s390x, in the chroots of scripts/suite.sh (created on first use, then
# used offline). One line per build, then "N passed, N failed"; a build
# fails on an error or on any warning.
#
#   scripts/build-matrix.sh [OPTION...] [SUITE...]
#     SUITE           bookworm (6.1), trixie (6.12), sid (the newest);
#                     default: all three
#     --arch ARCH     only this architecture (repeatable)
#     --sparse        also run sparse (make C=2) on the amd64 build
#     --kunit         also build with the KUnit suites (V4V6_KUNIT=y, not
#                     W=1, as make kunit); where the kernel's configuration
#                     has no KUnit (Debian's), only compile them
#     --keep          keep each build's tree and log in
#                     $V4V6_CACHE/build/SUITE-ARCH
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
JOBS=${JOBS:-2}
suites=() arches=() sparse='' kunit='' keep=''
while [ $# -gt 0 ]; do
	case $1 in
	--arch) arches+=("$2"); shift ;;
	--sparse) sparse=1 ;;
	--kunit) kunit=1 ;;
	--keep) keep=1 ;;
	-*) sed -n '9,18s/^# \?//p' "$0" >&2; exit 2 ;;
	*) suites+=("$1") ;;
	esac
	shift
done
[ ${#suites[@]} -gt 0 ] || suites=(bookworm trixie sid)
[ ${#arches[@]} -gt 0 ] || arches=(amd64 arm64 s390x)

declare -A KARCH=([amd64]=x86 [arm64]=arm64 [s390x]=s390)
declare -A CROSS=([amd64]='' [arm64]=aarch64-linux-gnu- [s390x]=s390x-linux-gnu-)
pass=0 fail=0

# tree DIR: a copy of the working tree (what git tracks or would track)
tree() {
	rm -rf "$1" && mkdir -p "$1"
	(cd "$top" && git ls-files -co --exclude-standard -z |
		tar --null -T - -cf -) | tar -xf - -C "$1"
}

# build SUITE ARCH KVER KDIR WHAT TARGETS MAKEARGS...: one build, its line
build() {
	local suite=$1 arch=$2 kver=$3 kdir=$4 what=$5 dir log start n rc
	local -a targets
	read -ra targets <<< "$6"
	shift 6
	dir=$CACHE/build/$suite-$arch
	log=$dir.log
	tree "$dir"
	start=$SECONDS
	bash "$top/scripts/suite.sh" "$suite" run "$dir" \
		make -j"$JOBS" -C "$kdir" M=/src ARCH="${KARCH[$arch]}" \
		CROSS_COMPILE="${CROSS[$arch]}" "$@" "${targets[@]}" \
		< /dev/null > "$log" 2>&1
	rc=$?
	# a sparse build that checked nothing fails
	if [[ " $* " == *" C=2 "* ]] && ! grep -q '^  CHECK ' "$log"; then
		echo "error: sparse checked no file" >> "$log"
	fi
	n=$(grep -ciE 'warning:|error:' "$log")
	if [ "$rc" -eq 0 ] && [ "$n" -eq 0 ]; then
		echo "build $kver $arch $what: ok (0 warnings, $((SECONDS - start))s)"
		pass=$((pass + 1))
	else
		echo "build $kver $arch $what: FAILED (rc $rc, $n warnings/errors, $((SECONDS - start))s)"
		grep -iE -m 20 'warning|error' "$log" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
	[ -n "$keep" ] || rm -rf "$dir" "$log"
}

# has_kunit SUITE KDIR: the kernel was configured with KUnit
has_kunit() {
	grep -qE '^CONFIG_KUNIT=[ym]' "$CACHE/chroot/$1$2/.config"
}

# The KUnit suites' objects, for a compile-only build
kunit_objs=$(cd "$top" && find kmod/tests -name '*.c' | sed 's/\.c$/.o/' |
	sort | tr '\n' ' ')

for suite in "${suites[@]}"; do
	start=$SECONDS
	if ! bash "$top/scripts/suite.sh" "$suite"; then
		echo "build $suite: no chroot"
		fail=$((fail + 1))
		continue
	fi
	[ $((SECONDS - start)) -lt 2 ] ||
		echo "chroot $suite: ready in $((SECONDS - start))s"
	while read -r arch kver kdir; do
		[[ " ${arches[*]} " == *" $arch "* ]] || continue
		build "$suite" "$arch" "$kver" "$kdir" W=1 modules W=1
		if [ -n "$sparse" ] && [ "$arch" = amd64 ]; then
			# KBUILD_CHECKSRC: see scripts/sparse.sh
			build "$suite" "$arch" "$kver" "$kdir" "W=1 sparse" \
				modules W=1 C=2 KBUILD_CHECKSRC=2
		fi
		[ -n "$kunit" ] || continue
		if has_kunit "$suite" "$kdir"; then
			build "$suite" "$arch" "$kver" "$kdir" KUnit \
				modules V4V6_KUNIT=y
		else
			build "$suite" "$arch" "$kver" "$kdir" \
				"KUnit sources (CONFIG_KUNIT off: compiled only)" \
				"$kunit_objs" -k V4V6_KUNIT=y
		fi
	done < <(bash "$top/scripts/suite.sh" "$suite" headers)
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]

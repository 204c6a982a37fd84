#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The Debian packages, as a user gets them: built (scripts/deb.sh), lintian
# clean at its default level, installed with dpkg into a throwaway root
# where DKMS builds the module for the guest's kernel, checked there and
# purged (tests/deb/root.sh), then the guest booted with that root's
# v4v6.ko, v4v6d and v4v6ctl for e2e 60 (devices learnt, leased by Kea and
# pinging srv4 through v4v6) and 78 (the installed prerm's removal: the
# identity, its rule and the module gone). Prints "deb: N passed, N failed".
#
#   tests/deb/run.sh [--kernel KVER] [--no-guest]
#
# KVER: the guest kernel (tests/vm/default-kernel.sh), whose headers must
# be installed. The host is never installed to: the root is an overlay of
# it in namespaces of their own, gone when the test ends. The packages and
# what the guest runs are left in out/deb.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
kver='' guest=1
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kver=$2; shift 2 ;;
	--no-guest) guest=; shift ;;
	*) sed -n '12,12s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
[ -n "$kver" ] || kver=$(bash tests/vm/default-kernel.sh) || exit 1
w=$top/out/deb
p=0 f=0
res() {
	if [ "$1" = 0 ]; then
		p=$((p + 1)); echo "deb: PASS $2"
	else
		f=$((f + 1)); echo "deb: FAIL $2"
	fi
}
finish() { echo "deb: $p passed, $f failed"; [ $f -eq 0 ]; exit; }

# The one version: dkms.conf's, which debian/rules checks against the
# changelog too (the build fails if they differ).
v_dkms=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' dkms.conf)
v_deb=$(dpkg-parsechangelog -l debian/changelog -S Version)
[ -n "$v_dkms" ] && [ "$v_dkms" = "${v_deb%%-*}" ]
res $? "version: dkms.conf $v_dkms, debian/changelog $v_deb"

nice -n 5 bash scripts/deb.sh "$w" > /dev/null
res $? "dpkg-buildpackage -us -uc -b"
[ $f -eq 0 ] || finish
out=$(lintian --fail-on error,warning "$w"/*.changes 2>&1)
res $? "lintian"
echo "$out" | grep -v '^running with root' | sed 's/^/    | /'

# dkms itself comes from the cache (scripts/deps.sh): the host does not
# have it installed.
dkms=$(find "$CACHE/debs" -maxdepth 1 -name 'dkms_*.deb' | sort -V | tail -n 1)
[ -n "$dkms" ] || { res 1 "no dkms .deb in $CACHE/debs: run scripts/deps.sh"; finish; }
cp "$dkms" "$w/"
rm -rf "$w/guest"
while read -r line; do
	echo "$line"
	case $line in
	'deb: PASS '*) p=$((p + 1)) ;;
	'deb: FAIL '*) f=$((f + 1)) ;;
	esac
done < <(nice -n 5 unshare --mount --net --propagation private -- \
	bash tests/deb/root.sh "$w" "$kver" "$w/guest" 2>&1)

[ -n "$guest" ] || finish
ko=$(find "$w/guest" -name 'v4v6.ko*' 2> /dev/null | head -n 1)
[ -n "$ko" ] || { res 1 "the guest: no module from the root"; finish; }
# (a compressed module, as DKMS leaves it for newer kernels, for insmod)
case $ko in
*.xz) xz -d "$ko" ;;
*.zst) zstd -dq --rm "$ko" ;;
esac
V4V6_E2E_KO=$w/guest/v4v6.ko V4V6_E2E_CTL=$w/guest/v4v6ctl V4V6_E2E_V4V6D=$w/guest/v4v6d \
	V4V6_E2E_PRERM=$w/guest/v4v6.prerm \
	bash tests/e2e/run.sh --kernel "$kver" 60-daemon-learn/on 78-pkg-remove
res $? "the guest with the packages' module, programs and prerm: e2e 60, 78"
finish

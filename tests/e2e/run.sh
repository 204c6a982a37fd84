#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make e2e: build v4v6.ko and Jool for the guest kernel, boot it, run the
# end-to-end tests (tests/e2e/t/) inside, and print their results.
#
#   tests/e2e/run.sh [--kernel KVER] [-v] [TEST[/on|/off]...]
#
# -v shows the output of passing tests too. The traffic tests run a second
# time with translation switched off, as TEST/off, and must fail then
# (tests/e2e/guest.sh); TEST/on or TEST/off runs one of the two.
#
# The kernel: by default the one matching the newest linux-headers
# installed (tests/vm/default-kernel.sh), never merely the newest unpacked.
# The PLAT: V4V6_PLAT=jool|tayga (tests/e2e/lib.sh); by default Jool where
# its modules build for the kernel (Jool 4.1.9: 6.1), else TAYGA. Where Jool
# does not build, the differential test (it needs Jool SIIT) is skipped.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
kver=
if [ "${1:-}" = --kernel ]; then kver=$2; shift 2; fi
[ -n "$kver" ] || kver=$(bash tests/vm/default-kernel.sh)
# V4V6_E2E_KO: a v4v6.ko built elsewhere for the kernel (in the checkout or
# the cache, which the guest sees), for a kernel whose headers are not
# installed; then there is no Jool either. V4V6_E2E_CTL and V4V6_E2E_V4V6D:
# v4v6ctl and v4v6d built elsewhere (tests/deb: those of the package), used
# for the ASan v4v6d too; V4V6_E2E_PRERM: the package's prerm for e2e 78
# (default debian/v4v6.prerm).
ko=${V4V6_E2E_KO:-}
ctl=${V4V6_E2E_CTL:-} v4v6d=${V4V6_E2E_V4V6D:-}
bins=()
if [ -n "$ctl" ] || [ -n "$v4v6d" ]; then
	if [ ! -x "$ctl" ] || [ ! -x "$v4v6d" ]; then
		echo "e2e: V4V6_E2E_CTL and V4V6_E2E_V4V6D: both, executable" >&2
		exit 2
	fi
	ctl=$(realpath "$ctl") v4v6d=$(realpath "$v4v6d")
	bins=(--env "V4V6_CTL=$ctl" --env "V4V6D=$v4v6d" --env "V4V6D_PLAIN=$v4v6d")
fi
[ -z "${V4V6_E2E_PRERM:-}" ] || bins+=(--env "V4V6_PRERM=$(realpath "$V4V6_E2E_PRERM")")
kdir=/usr/src/linux-headers-$kver
if [ -n "$ko" ]; then
	ko=$(realpath "$ko")
	kdir=
else
	[ -d "$kdir" ] || { echo "e2e: no headers for $kver" >&2; exit 1; }
fi
plat=${V4V6_PLAT:-}
case $plat in
'' | jool | tayga) ;;
*) echo "e2e: V4V6_PLAT=$plat: jool or tayga" >&2; exit 2 ;;
esac

if [ -z "$ko" ]; then
	make -s module KDIR="$kdir" > /dev/null
	ko=$top/kmod/v4v6.ko
fi
if [ -z "$ctl" ]; then
	make -s tools > /dev/null
	make -s -C tools build/asan/v4v6d > /dev/null
fi
# Jool: the PLAT, and Jool SIIT the differential test's reference
if [ -n "$kdir" ] && jool=$(bash tests/e2e/jool-build.sh "$kdir" 2> /dev/null); then
	[ -n "$plat" ] || plat=jool
else
	jool=none
	[ "$plat" != jool ] || [ -z "$kdir" ] || { bash tests/e2e/jool-build.sh "$kdir" > /dev/null; exit 1; }
	[ "$plat" != jool ] || { echo "e2e: V4V6_PLAT=jool: no Jool without headers" >&2; exit 1; }
	echo "e2e: no Jool for $kver (the differential test needs Jool SIIT)" >&2
	[ -n "$plat" ] || plat=tayga
fi

# ynl, the kernel's generic netlink client (the spec's test); without it
# that test is skipped.
ynl=$(bash scripts/ynl.sh) || ynl=

# The guest's limit, a last resort: each run's own limit in guest.sh (420 s,
# 180 s for TEST/off) plus the 30 s its cleanup gets, and 10 minutes to boot
# and set up, so that a slow host never cuts a run whose tests keep to their
# limits. V4V6_E2E_TIMEOUT overrides it.
guest_limit() {
	local a secs=600
	[ "${1:-}" != -v ] || shift
	if [ $# -eq 0 ]; then
		for a in tests/e2e/t/*.sh; do
			a=${a##*/}
			set -- "$@" "${a%.sh}"
		done
	fi
	for a in "$@"; do
		case $a in
		*/on) secs=$((secs + 450)) ;;
		*/off) secs=$((secs + 210)) ;;
		*)
			secs=$((secs + 450))
			! grep -qxF '# e2e: xlat-off must fail' "tests/e2e/t/$a.sh" 2> /dev/null ||
				secs=$((secs + 210))
			;;
		esac
	done
	echo $secs
}

# stall_watch PID LOG: stop the guest (tests/vm/run.sh, PID) once LOG has
# had no new "e2e: " line for 10 minutes, longer than one run may take (420
# s and 30 s of cleanup, and the boot before the first line): a guest whose
# kernel hangs cannot enforce its tests' limits itself. TERM to PID's
# children reaches QEMU through timeout(1), which passes it on.
stall_watch() {
	local pid=$1 log=$2 n=0 m last=$SECONDS
	while kill -0 "$pid" 2> /dev/null; do
		sleep 5
		m=$(grep -ac '^e2e: ' "$log" 2> /dev/null)
		if [ "${m:-0}" != "$n" ]; then
			n=${m:-0} last=$SECONDS
		elif [ $((SECONDS - last)) -gt 600 ]; then
			echo "e2e: no test finished in 600 s: the guest is stuck, stopping it" >&2
			pkill -TERM -P "$pid"
			return
		fi
	done
}

log=${V4V6_E2E_LOG:-$(mktemp)}
set +e
bash tests/vm/run.sh --quiet --kernel "$kver" --timeout "${V4V6_E2E_TIMEOUT:-$(guest_limit "$@")}" \
	--env V4V6_PLAT="$plat" ${ynl:+--env V4V6_YNL="$ynl"} "${bins[@]}" --log "$log" \
	tests/e2e/guest.sh "$jool" "$ko" "$@" &
vm=$!
stall_watch $vm "$log" &
watcher=$!
wait $vm
rc=$?
kill $watcher 2> /dev/null
wait $watcher 2> /dev/null
set -e
grep -a -E '^(e2e: |    \| )' "$log" || true
if ! grep -aqE '^e2e: [0-9]+ passed, [0-9]+ failed' "$log"; then
	echo "e2e: the guest did not finish (vm exit $rc); console log: $log" >&2
	tail -n 30 "$log" >&2
fi
[ -n "${V4V6_E2E_LOG:-}" ] || { [ $rc -ne 0 ] || rm -f "$log"; }
exit $rc

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make arm64-smoke: cross-build v4v6.ko (W=1), v4v6ctl, v4v6d and Jool for
# Debian bookworm's arm64 kernel, boot that kernel in qemu-system-aarch64
# (TCG) with an initramfs of Debian's arm64 userspace, and run
# tests/arm64/guest.sh there: ping, TCP and counters through v4v6 and Jool.
#
#   tests/arm64/run.sh [--unmapped] [--timeout SECONDS]
#
# --unmapped leaves the device out of v4v6's table, so the traffic checks
# must fail (and the run with them). Needs `scripts/deps.sh arm64` first.
# Builds go to out/arm64/ and tools/build/arm64/; the console log is
# out/arm64/console.log. Exit status: the guest's, or 1 if the kernel
# reported a problem or the guest said nothing, 124 on time-out.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
args= timeout=900
while [ $# -gt 0 ]; do
	case $1 in
	--unmapped) args=unmapped; shift ;;
	--timeout) timeout=$2; shift 2 ;;
	*) sed -n '4,16s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done

# The arm64 kernel of the host's amd64 headers' ABI (scripts/deps-arm64.sh).
abi=$(find /usr/src -maxdepth 1 -name 'linux-headers-*-amd64' -printf '%f\n' |
	sed 's/^linux-headers-//; s/-amd64$//' | sort -V | tail -n 1)
kver=$abi-arm64
kdir=$CACHE/arm64/headers/$kver/root/usr/src/linux-headers-$kver
guest=$CACHE/arm64/guest/$kver/root
sysroot=$CACHE/arm64/sysroot
rootfs=$CACHE/arm64/rootfs
for d in "$kdir" "$guest" "$sysroot" "$rootfs"; do
	[ -d "$d" ] || { echo "arm64: no $d; run scripts/deps.sh arm64" >&2; exit 2; }
done
cross=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
out=$top/out/arm64
mkdir -p "$out"
t0=$(date +%s)

# The module, from a copy of its sources: kbuild builds in the source tree,
# where the host's own build lives. Built whole each time (without the
# host's objects, and without the copy's own of the last run), so that the
# log has every W=1 warning.
rsync -a --delete --delete-excluded --exclude='*.o' --exclude='*.ko' \
	--exclude='.*.cmd' --exclude='*.mod' --exclude='*.mod.c' \
	--exclude=modules.order --exclude=Module.symvers \
	"$top/Kbuild" "$top/kmod" "$top/uapi" "$out/src/"
make -j2 -C "$kdir" M="$out/src" "${cross[@]}" W=1 modules > "$out/kbuild.log" 2>&1 ||
	{ tail -n 30 "$out/kbuild.log" >&2; echo "arm64: the module does not build" >&2; exit 1; }
echo "arm64: v4v6.ko for $kver built with W=1: $(grep -c 'warning:' "$out/kbuild.log") warnings (out/arm64/kbuild.log)"
grep 'warning:' "$out/kbuild.log" | sed 's/^/    | /' || true

# The tools, against the arm64 libraries of the sysroot.
PKG_CONFIG_SYSROOT_DIR=$sysroot \
	PKG_CONFIG_LIBDIR=$sysroot/usr/lib/aarch64-linux-gnu/pkgconfig:$sysroot/usr/share/pkgconfig \
	make -j2 -s -C tools B=build/arm64 CC="aarch64-linux-gnu-gcc --sysroot=$sysroot" \
	AR=aarch64-linux-gnu-ar \
	build/arm64/v4v6ctl build/arm64/v4v6d
echo "arm64: v4v6ctl and v4v6d built (tools/build/arm64)"

jool=$(env "${cross[@]}" bash tests/e2e/jool-build.sh "$kdir")
echo "arm64: Jool for $kver built ($jool)"
echo "arm64: builds took $(($(date +%s) - t0)) s"

# The initramfs: Debian's arm64 userspace, the modules the test needs and
# their dependencies (in load order), and /v4v6.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ird=$tmp/initramfs
mkdir -p "$ird"
cp -a "$rootfs/." "$ird/"
rm -rf "$ird/usr/lib/aarch64-linux-gnu/gconv" "$ird/.done"
mkdir -p "$ird"/{proc,sys,dev,tmp,run,modules,v4v6}
base=$tmp/modroot
mkdir -p "$base/lib/modules"
ln -s "$guest/lib/modules/$kver" "$base/lib/modules/$kver"
: > "$ird/modules.list"
deps=$(modinfo -F depends "$out/src/kmod/v4v6.ko" "$jool/jool_common.ko" "$jool/jool.ko" |
	tr ',' ' ')
for m in veth macvlan $deps; do
	case $m in jool_common) continue ;; esac
	modprobe -d "$base" -S "$kver" --show-depends "$m" |
		awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++' | while read -r ko; do
	cp "$ko" "$ird/modules/"
	basename "$ko" >> "$ird/modules.list"
done
cp "$out/src/kmod/v4v6.ko" "$jool/jool_common.ko" "$jool/jool.ko" \
	tools/build/arm64/v4v6ctl tools/build/arm64/v4v6d tests/arm64/guest.sh "$ird/v4v6/"
echo "$args" > "$ird/v4v6/args"
cp tests/arm64/init.sh "$ird/init"
chmod +x "$ird/init"
# Uncompressed: under TCG unpacking it costs less than inflating it.
(cd "$ird" && find . | cpio -o -H newc --quiet) > "$tmp/initramfs.cpio"

log=$out/console.log
: > "$log"
echo "arm64: booting $kver in qemu-system-aarch64 (TCG, cortex-a72)"
t1=$(date +%s)
set +e
timeout -k 10 "$timeout" qemu-system-aarch64 -nodefaults -no-user-config \
	-machine virt -accel tcg,thread=multi -cpu cortex-a72 -smp 2 -m 1024 \
	-display none -no-reboot \
	-kernel "$guest/boot/vmlinuz-$kver" -initrd "$tmp/initramfs.cpio" \
	-append "console=ttyAMA0 panic=-1 oops=panic panic_on_warn=1 loglevel=6 rdinit=/init" \
	-chardev "file,id=con,path=$log" -serial chardev:con < /dev/null
qrc=$?
set -e
grep -a -E '^(arm64: |    \| )' "$log" || true
echo "arm64: guest ran $(($(date +%s) - t1)) s"

if [ $qrc -eq 124 ] || [ $qrc -eq 137 ]; then
	echo "arm64: timed out after ${timeout}s (log: $log)" >&2
	exit 124
fi
bad='(BUG:|WARNING:|Oops|Kernel panic|Internal error|Unable to handle kernel|KASAN|UBSAN|possible circular locking|suspicious RCU usage|detected stall|Call trace:)'
if grep -aE "^\[ *[0-9]+\.[0-9]+\] .*$bad" "$log" > "$tmp/bad"; then
	echo "arm64: the kernel reported a problem (log: $log):" >&2
	head -n 20 "$tmp/bad" >&2
	exit 1
fi
rc=$(sed -n 's/^V4V6-RC: \([0-9]*\).*/\1/p' "$log" | tail -n 1)
if [ -z "$rc" ]; then
	echo "arm64: the guest did not report an exit status (log: $log)" >&2
	tail -n 30 "$log" >&2
	exit 1
fi
exit "$rc"

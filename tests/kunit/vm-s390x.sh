#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the s390x KUnit kernel in qemu-system-s390x (TCG) with an initramfs of
# busybox (s390x, unpacked by scripts/deps.sh), guest-s390x.sh as /init and
# v4v6.ko, and get the guest's kernel logs back from the console.
#
#   tests/kunit/vm-s390x.sh KERNEL MODULE OUTDIR LOG [TIMEOUT] [CMDLINE]
#
# Writes OUTDIR/ktap.txt (the log of the first load) and OUTDIR/dmesg.txt,
# without timestamps. Exit status: the guest's, or 1 if the console shows a
# kernel BUG, WARNING, oops, KASAN, lockdep, kmemleak or UBSAN report, or
# 124 on time-out; the patterns are those of tests/vm/run.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
[ $# -ge 4 ] || { sed -n '4,13s/^# \{0,1\}//p' "$0" >&2; exit 2; }
kernel=$1 ko=$2 out=$3 log=$4 timeout=${5:-900} cmdline=${6:-}
busybox=$CACHE/s390x/busybox/root/bin/busybox
[ -x "$busybox" ] || { echo "vm-s390x: no s390x busybox; run scripts/deps.sh" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ird=$tmp/initramfs
mkdir -p "$ird"/{bin,proc,sys,dev,tmp}
cp "$busybox" "$ird/bin/busybox"
cp "$here/guest-s390x.sh" "$ird/init"
cp "$ko" "$ird/v4v6.ko"
chmod +x "$ird/init"
(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) > "$tmp/initramfs.gz"

mkdir -p "$out"
: > "$log"
set +e
timeout -k 10 "$timeout" qemu-system-s390x -nodefaults -no-user-config \
	-machine s390-ccw-virtio -accel tcg,thread=multi -cpu max \
	-smp "$(nproc)" -m 2048 -display none -no-reboot \
	-kernel "$kernel" -initrd "$tmp/initramfs.gz" \
	-append "console=ttysclp0 panic=-1 oops=panic panic_on_warn=1 loglevel=6 rdinit=/init $cmdline" \
	-chardev "file,id=con,path=$log" -device sclpconsole,chardev=con \
	< /dev/null > "$tmp/qemu.log" 2>&1
qrc=$?
set -e
if [ $qrc -eq 124 ] || [ $qrc -eq 137 ]; then
	echo "vm-s390x: timed out after ${timeout}s (log: $log)" >&2
	exit 124
fi
[ ! -s "$tmp/qemu.log" ] || sed 's/^/vm-s390x: qemu: /' "$tmp/qemu.log" >&2

# The console may end its lines with CR LF.
tr -d '\r' < "$log" > "$tmp/console"
for f in ktap.txt dmesg.txt; do
	sed -n "/^V4V6-FILE-BEGIN $f\$/,/^V4V6-FILE-END $f\$/p" "$tmp/console" |
		sed '1d;$d' | sed 's/^\[ *[0-9]*\.[0-9]*\] //' > "$out/$f"
done
bad='(BUG:|WARNING:|Oops|Kernel panic|general protection fault|KASAN|UBSAN|kmemleak: [0-9]+ new suspected|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|detected stall|Call Trace:)'
if grep -aE "^\[ *[0-9]+\.[0-9]+\] .*$bad" "$tmp/console" > "$tmp/bad"; then
	echo "vm-s390x: kernel reported a problem:" >&2
	head -n 20 "$tmp/bad" >&2
	exit 1
fi
rc=$(sed -n 's/^V4V6-RC: \([0-9]*\)$/\1/p' "$tmp/console" | tail -n 1)
if [ -z "$rc" ]; then
	echo "vm-s390x: the guest did not report an exit status (log: $log)" >&2
	exit 1
fi
exit "$rc"

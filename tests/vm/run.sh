#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run a script inside a QEMU guest with the host's userspace.
#
#   tests/vm/run.sh [options] SCRIPT [ARGS...]
#
#   --kernel KVER|PATH  the guest kernel: a Debian kernel version unpacked
#                       into $V4V6_CACHE/guest (default: the one matching
#                       the newest linux-headers installed, which
#                       scripts/deps.sh unpacks; tests/vm/default-kernel.sh),
#                       or a bzImage
#   --modules DIR       the guest's /lib/modules/KVER (default: the one
#                       unpacked with KVER; none for a bzImage)
#   --timeout SECONDS   kill the guest after this long (default 600)
#   --log FILE          the console log (default: a temporary file)
#   --out DIR           shared writable with the guest at the same path
#   --mem MIB           guest memory (default 2048)
#   --cmdline TEXT      more kernel parameters
#   --quiet             do not copy the console to stdout
#   --env NAME=VALUE    in SCRIPT's environment too (no spaces; repeatable)
#
# The guest sees the host's root read-only with tmpfs over /tmp, /run, /var/*
# and /root; SCRIPT runs from the current directory. Exit status: SCRIPT's,
# or 1 if the console shows a kernel BUG, WARNING, oops, KASAN, lockdep,
# kmemleak or UBSAN report, or an interface whose unregistering waits for
# a reference that was never given back, or 124 on time-out. KVM is used if a probe boot
# under it succeeds (cached per host boot), else TCG; V4V6_ACCEL=kvm|tcg
# decides instead.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
kernel= modules= timeout=600 log= out= mem=2048 cmdline= quiet= envs=

while [ $# -gt 0 ]; do
	case $1 in
	--kernel) kernel=$2; shift 2 ;;
	--modules) modules=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--mem) mem=$2; shift 2 ;;
	--cmdline) cmdline=$2; shift 2 ;;
	--quiet) quiet=1; shift ;;
	--env)
		[[ $2 =~ ^[A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*$ ]] ||
			{ echo "vm: --env NAME=VALUE, no spaces: $2" >&2; exit 2; }
		envs="$envs $2"; shift 2 ;;
	--) shift; break ;;
	-*) echo "vm: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || { sed -n '4,28s/^# \{0,1\}//p' "$0" >&2; exit 2; }
script=$(realpath "$1"); shift

[ -n "$kernel" ] || kernel=$(bash "$here/default-kernel.sh")
if [ -f "$kernel" ]; then
	bzimage=$(realpath "$kernel")
else
	g=$CACHE/guest/$kernel/root
	bzimage=$g/boot/vmlinuz-$kernel
	# (from 7.x in /usr/lib/modules/KVER/vmlinuz, copied to /boot on install)
	[ -f "$bzimage" ] || bzimage=$g/usr/lib/modules/$kernel/vmlinuz
	[ -f "$bzimage" ] || { echo "vm: no kernel $kernel in $CACHE/guest" >&2; exit 2; }
	# (in /usr/lib/modules from trixie on)
	[ -n "$modules" ] || [ ! -d "$g/lib/modules/$kernel" ] || modules=$g/lib/modules/$kernel
	[ -n "$modules" ] || modules=$g/usr/lib/modules/$kernel
fi
[ -z "$modules" ] || modules=$(realpath "$modules")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -n "$log" ] || log=$tmp/console.log
: > "$log"

# The initramfs: busybox, /init, and the modules needed to reach the host's
# root (none when the kernel has them built in).
ird=$tmp/initramfs
mkdir -p "$ird"/{bin,proc,sys,dev,modules}
cp /bin/busybox "$ird/bin/busybox"
cp "$here/init.sh" "$ird/init"
chmod +x "$ird/init"
: > "$ird/modules.list"
if [ -n "$modules" ]; then
	kver=$(basename "$modules")
	base=$tmp/modroot
	mkdir -p "$base/lib/modules"
	ln -s "$modules" "$base/lib/modules/$kver"
	[ -f "$modules/modules.dep" ] || depmod -b "$(dirname "$(dirname "$(dirname "$modules")")")" "$kver"
	for m in virtio_pci 9pnet_virtio 9p; do
		modprobe -d "$base" -S "$kver" --show-depends "$m" 2>/dev/null |
			awk '$1 == "insmod" { print $2 }'
	done | awk '!seen[$0]++' | while read -r ko; do
		# compressed (newer Debian kernels: .ko.xz), unpacked for
		# busybox's insmod
		name=$(basename "$ko")
		case $name in
		*.ko.xz) name=${name%.xz}; xz -dc "$ko" > "$ird/modules/$name" ;;
		*.ko.zst) name=${name%.zst}; zstd -dcq "$ko" > "$ird/modules/$name" ;;
		*.ko.gz) name=${name%.gz}; gzip -dc "$ko" > "$ird/modules/$name" ;;
		*) cp "$ko" "$ird/modules/" ;;
		esac
		echo "$name" >> "$ird/modules.list"
	done
fi

keep="$PWD $CACHE $(dirname "$script")"
[ -z "$modules" ] || keep="$keep $(dirname "$modules")"
q() { printf '%q' "$1"; }
{
	echo "WORKDIR=$(q "$PWD")"
	echo "SCRIPT=$(q "$script")"
	echo "KEEP=$(q "$keep")"
	echo "CACHE=$(q "$CACHE")"
	echo "GUEST_MODULES=$(q "$modules")"
	echo "OUTDIR=$(q "$out")"
	echo "GUEST_ENV=$(q "$envs")"
	args=
	for a in "$@"; do args="$args $(q "$a")"; done
	echo "ARGS=$(q "$args")"
} > "$ird/v4v6.env"
(cd "$ird" && find . | cpio -o -H newc --quiet | gzip -1) > "$tmp/initramfs.gz"

# KVM only when it is known to boot a guest here: a /dev/kvm may exist and
# yet abort QEMU or hang it. The probe boots this kernel with a one-line
# init under KVM; its verdict is cached for the host's boot.
kvm_probe() {
	local boot key verdict pdir
	[ -r /dev/kvm ] && [ -w /dev/kvm ] || { echo "no usable /dev/kvm"; return 1; }
	boot=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null || echo unknown)
	key=$CACHE/kvm-probe/$boot
	if [ -f "$key" ]; then
		verdict=$(cat "$key")
		[ "$verdict" = ok ] && return 0
		echo "$verdict (cached for this boot)"
		return 1
	fi
	pdir=$tmp/probe
	mkdir -p "$pdir/root/bin"
	cp /bin/busybox "$pdir/root/bin/busybox"
	printf '#!/bin/busybox sh\n/bin/busybox echo V4V6-KVM-PROBE-OK\n/bin/busybox poweroff -f\n' \
		> "$pdir/root/init"
	chmod +x "$pdir/root/init"
	(cd "$pdir/root" && find . | cpio -o -H newc --quiet | gzip -1) > "$pdir/initrd.gz"
	timeout -k 5 "${V4V6_KVM_PROBE_TIMEOUT:-60}" qemu-system-x86_64 \
		-nodefaults -no-user-config -machine q35 -accel kvm -cpu host \
		-smp 1 -m 256 -display none -no-reboot \
		-kernel "$bzimage" -initrd "$pdir/initrd.gz" \
		-append "console=ttyS0 panic=-1 rdinit=/init no_timer_check" \
		-serial "file:$pdir/console" < /dev/null > "$pdir/qemu.log" 2>&1
	local prc=$?
	if grep -q V4V6-KVM-PROBE-OK "$pdir/console" 2>/dev/null; then
		verdict=ok
	elif [ $prc -eq 124 ] || [ $prc -eq 137 ]; then
		verdict="KVM guest did not boot within ${V4V6_KVM_PROBE_TIMEOUT:-60}s"
	else
		verdict="KVM guest failed: $(head -n 1 "$pdir/qemu.log")"
	fi
	mkdir -p "$(dirname "$key")" && echo "$verdict" > "$key"
	[ "$verdict" = ok ] && return 0
	echo "$verdict"
	return 1
}

case ${V4V6_ACCEL:-auto} in
kvm) accel=(-accel kvm -cpu host) ;;
tcg) accel=(-accel tcg,thread=multi -cpu max) ;;
auto)
	if why=$(kvm_probe); then
		accel=(-accel kvm -cpu host)
	else
		echo "vm: using TCG: $why" >&2
		accel=(-accel tcg,thread=multi -cpu max)
	fi ;;
*) echo "vm: V4V6_ACCEL must be kvm, tcg or auto" >&2; exit 2 ;;
esac
virtfs=(-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap")
[ -z "$out" ] || { mkdir -p "$out"; virtfs+=(-virtfs "local,path=$(realpath "$out"),mount_tag=out,security_model=none"); }

rcfile=$tmp/rc
set +e
timeout -k 10 "$timeout" qemu-system-x86_64 -nodefaults -no-user-config \
	-machine q35 "${accel[@]}" -smp "$(nproc)" -m "$mem" \
	-display none -no-reboot \
	-kernel "$bzimage" -initrd "$tmp/initramfs.gz" \
	-append "console=ttyS0 panic=-1 oops=panic panic_on_warn=1 loglevel=6 rdinit=/init net.ifnames=0 no_timer_check $cmdline" \
	"${virtfs[@]}" \
	-chardev "stdio,id=con,signal=off,logfile=$log" -serial chardev:con \
	-chardev "file,id=rc,path=$rcfile" -serial chardev:rc \
	< /dev/null > >(if [ -n "$quiet" ]; then cat > /dev/null; else cat; fi)
qrc=$?
set -e

if [ $qrc -eq 124 ] || [ $qrc -eq 137 ]; then
	echo "vm: timed out after ${timeout}s (log: $log)" >&2
	exit 124
fi
bad='(BUG:|WARNING:|Oops|Kernel panic|general protection fault|KASAN|UBSAN|kmemleak: [0-9]+ new suspected|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|detected stall|Call Trace:|unregister_netdevice: waiting for)'
if grep -aE "^\[ *[0-9]+\.[0-9]+\] .*$bad" "$log" > "$tmp/bad"; then
	echo "vm: kernel reported a problem:" >&2
	head -n 20 "$tmp/bad" >&2
	exit 1
fi
rc=$(sed -n 's/^V4V6-RC: \([0-9]*\).*/\1/p' "$rcfile" 2>/dev/null | tail -n 1)
if [ -z "$rc" ]; then
	echo "vm: the guest did not report an exit status (log: $log)" >&2
	exit 1
fi
exit "$rc"

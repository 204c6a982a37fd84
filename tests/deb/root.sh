#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The throwaway root of tests/deb/run.sh, which runs this in mount and
# network namespaces of its own (unshare): an overlay over the host's root
# (the guest's root too) whose writable layer is a tmpfs, entered with
# chroot. dpkg installs dkms and the packages there for real, maintainer
# scripts included: v4v6-dkms's postinst has DKMS build and install the
# module for each kernel with headers (the guest's among them). What was
# installed is checked and the module and programs are copied to OUT for
# the guest; then the packages are purged and that is checked too. All of
# it goes with the namespace: the host's files, its dpkg database and its
# network are never touched (no /sys in the root: the prerm cannot unload
# the host's module).
#
#   root.sh DEBDIR KVER OUT
#
# DEBDIR holds v4v6-dkms_*.deb, v4v6_*.deb and dkms_*.deb; KVER is the
# guest's kernel. Prints "deb: PASS WHAT" or "deb: FAIL WHAT" for each check.
set -uo pipefail

debs=$1 kver=$2 out=$3
pass() { echo "deb: PASS $*"; }
fail() { echo "deb: FAIL $*"; }
# check WHAT CMD...: CMD in the root, its output shown if it fails
check() {
	local what=$1 log
	shift
	if log=$(in_root "$@" 2>&1); then
		pass "$what"
	else
		fail "$what"
		echo "$log" | tail -n 20 | sed 's/^/    | /'
	fi
}

t=$(mktemp -d)
mount -t tmpfs -o mode=0755 tmpfs "$t"
mkdir "$t/upper" "$t/work" "$t/root"
r=$t/root
mount -t overlay overlay -o "lowerdir=/,upperdir=$t/upper,workdir=$t/work" "$r"
mount -t proc proc "$r/proc"
mount --bind /dev "$r/dev"
mount -t tmpfs tmpfs "$r/run"
mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"

in_root() {
	chroot "$r" /usr/bin/env -i HOME=/root LC_ALL=C.UTF-8 \
		PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
		autoinstall_all_kernels=y "$@"
}

[ -f "$r/lib/modules/$kver/build/Makefile" ] ||
	{ fail "the root has no headers for $kver"; exit 1; }
cp "$debs"/v4v6-dkms_*.deb "$debs"/v4v6_*.deb "$debs"/dkms_*.deb "$r/tmp/"
# Whatever the host has, no DKMS module but v4v6 and none of v4v6's files
# (a host with v4v6 installed is the root's starting point too).
in_root dpkg --purge v4v6 v4v6-dkms > /dev/null 2>&1
# man-db's trigger would index every manual page: not here.
rm -f "$r/var/lib/man-db/auto-update"

# autoinstall_all_kernels: dkms's postinst builds for every kernel with
# headers, not only the running one (here a container's or CI's).
check "dpkg -i dkms, v4v6-dkms and v4v6" sh -c 'dpkg -i /tmp/dkms_*.deb &&
	dpkg -i /tmp/v4v6-dkms_*.deb /tmp/v4v6_*.deb'
ko=$(find "$r/lib/modules/$kver/updates/dkms" -name 'v4v6.ko*' 2> /dev/null | head -n 1)
check "DKMS built and installed v4v6.ko for $kver" sh -c "
	dkms status -m v4v6 -k $kver | grep -q ': installed' &&
	modinfo -k $kver -F vermagic v4v6 | grep -q '^$kver '"
check "DKMS has v4v6 at the packages' version" sh -c \
	"dkms status -m v4v6 -v \$(dpkg-query -W -f='\${Version}' v4v6-dkms) -k $kver | grep -q installed"
check "/etc/v4v6/v4v6d.conf is a conffile" sh -c \
	"dpkg-query -W -f='\${Conffiles}' v4v6 | grep -q '^ /etc/v4v6/v4v6d.conf '"
check "modules-load.d loads v4v6" sh -c \
	"grep -qx v4v6 /usr/lib/modules-load.d/v4v6.conf && modprobe -n -S $kver v4v6"
check "v4v6d.service is installed, disabled, runs /usr/sbin/v4v6d" sh -c \
	"! deb-systemd-helper is-enabled v4v6d.service &&
	 grep -qx 'ExecStart=/usr/sbin/v4v6d' /lib/systemd/system/v4v6d.service"
# (each commented setting of the file, uncommented, must be valid too)
check "the shipped v4v6d.conf wants lan and wan; its examples are valid" sh -c \
	"! v4v6d -t > /dev/null 2>&1 && v4v6d -t 2>&1 | grep -q 'lan, wan' &&
	 v4v6d -t -l br-lan -w eth1 &&
	 sed 's/^#\([a-z][a-z0-9-]* \)/\1/' /etc/v4v6/v4v6d.conf > /tmp/all.conf &&
	 v4v6d -t -c /tmp/all.conf"
check "v4v6ctl runs" v4v6ctl -h

mkdir -p "$out"
if [ -n "$ko" ]; then
	cp "$ko" "$out/"
	cp "$r/usr/sbin/v4v6d" "$r/usr/sbin/v4v6ctl" "$r/var/lib/dpkg/info/v4v6.prerm" "$out/"
fi

# (a state file, as v4v6d would have left: purge removes it)
mkdir -p "$r/var/lib/v4v6" && echo '{}' > "$r/var/lib/v4v6/state.json"
check "dpkg --purge v4v6 v4v6-dkms" dpkg --purge v4v6 v4v6-dkms
check "nothing left: module, source, DKMS tree, configuration, state" sh -c "
	! ls /lib/modules/$kver/updates/dkms/v4v6.ko* 2> /dev/null &&
	! ls -d /usr/src/v4v6-* /var/lib/dkms/v4v6 /etc/v4v6 /var/lib/v4v6 2> /dev/null &&
	! grep -q v4v6 /lib/modules/$kver/modules.dep"
exit 0

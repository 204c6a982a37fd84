#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the arm64 smoke guest (see tests/arm64/run.sh). The initramfs is
# the whole guest: Debian's arm64 userspace, the modules it needs and
# /v4v6 (the cross-built module, tools, Jool and tests/arm64/guest.sh). Runs
# guest.sh and writes its exit status to the console as "V4V6-RC: N".
# busybox's applets last in PATH: iproute2's ip and ss come first.
mkdir -p /bb && /bin/busybox --install -s /bb
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:/bb
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /dev/pts /dev/shm /tmp /run/netns /var/run
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
ln -sf /proc/self/fd /dev/fd
hostname v4v6-arm64

for m in $(cat /modules.list); do
	insmod "/modules/$m" || echo "init: insmod $m failed"
done

args=$(cat /v4v6/args)
echo "init: running tests/arm64/guest.sh $args"
cd /v4v6 && V4V6_IN_GUEST=1 /bin/bash /v4v6/guest.sh $args
rc=$?
echo "init: guest.sh exited with $rc"
echo "V4V6-RC: $rc" > /dev/console
sync
poweroff -f

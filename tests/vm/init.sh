#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the v4v6 test guest (see tests/vm/run.sh). Mounts the host's root
# read-only over 9p, makes the usual writable places tmpfs, and runs the test
# script there with the host's userspace. The script's exit status goes to
# the second serial port; nothing else is ever written there.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
. /v4v6.env

for m in $(cat /modules.list); do
	insmod "/modules/$m" || echo "init: insmod $m failed"
done

R=/host
mkdir -p $R /keep
mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=262144 \
	hostroot $R || { echo "init: cannot mount the host root"; reboot -f; }

# Keep the checkout and the cache visible before tmpfs covers their parents.
i=0
for k in $KEEP; do
	mkdir -p /keep/$i && mount --bind "$R$k" /keep/$i
	i=$((i + 1))
done
for d in tmp run var/tmp var/lib var/log var/cache var/spool root home \
	lib/modules mnt media srv; do
	[ -d "$R/$d" ] && mount -t tmpfs -o mode=0755 tmpfs "$R/$d"
done
chmod 1777 $R/tmp $R/var/tmp
i=0
for k in $KEEP; do
	mkdir -p "$R$k" && mount --bind /keep/$i "$R$k"
	i=$((i + 1))
done
if [ -n "$GUEST_MODULES" ]; then
	mkdir -p "$R/lib/modules/$(uname -r)"
	mount --bind "$R$GUEST_MODULES" "$R/lib/modules/$(uname -r)"
fi
if [ -n "$OUTDIR" ]; then
	mkdir -p "$R$OUTDIR"
	mount -t 9p -o trans=virtio,version=9p2000.L out "$R$OUTDIR"
fi

mount -t proc proc $R/proc
mount -t sysfs sys $R/sys
mount -t debugfs debugfs $R/sys/kernel/debug 2>/dev/null
mount -t devtmpfs dev $R/dev
mkdir -p $R/dev/pts $R/dev/shm
mount -t devpts devpts $R/dev/pts
mount -t tmpfs tmpfs $R/dev/shm
ln -sf /proc/self/fd $R/dev/fd 2>/dev/null
mkdir -p $R/run/netns $R/run/lock
hostname v4v6-guest

echo "init: running $SCRIPT"
chroot $R /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 \
	PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
	V4V6_IN_GUEST=1 V4V6_CACHE="$CACHE" $GUEST_ENV \
	/bin/sh -c 'cd "$1" && shift && exec "$@"' sh "$WORKDIR" \
	/bin/bash "$SCRIPT" $ARGS
rc=$?
echo "init: $SCRIPT exited with $rc"
sync
echo "V4V6-RC: $rc" > /dev/ttyS1
reboot -f

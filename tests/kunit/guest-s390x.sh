#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the s390x KUnit guest (tests/kunit/vm-s390x.sh): busybox only, no
# host userspace. Loads /v4v6.ko (its KUnit suites run on load), runs network
# namespaces through it, unloads it, looks for leaks, then writes the kernel
# logs and its exit status to the console between markers, the console being
# the only way out of this guest. Unlike guest.sh it does not load the module
# a second time: that would run every suite again, four more minutes under
# TCG, for a life cycle the x86 run already checks.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mount -t debugfs debugfs /sys/kernel/debug
mkdir -p /out

fail=0
check() { # description, command...
	what=$1
	shift
	if "$@"; then
		echo "ok: $what"
	else
		echo "FAILED: $what"
		fail=1
	fi
}

echo clear > /sys/kernel/debug/kmemleak 2>/dev/null
dmesg -c > /dev/null
check "insmod v4v6.ko" insmod /v4v6.ko
# The suites ran during insmod: keep their KTAP apart from later loads.
dmesg > /out/ktap.txt
check "v4v6 loaded" grep -q '^v4v6 ' /proc/modules
# Namespaces created and destroyed while loaded exercise the pernet paths.
for i in 1 2 3; do
	check "network namespace $i" unshare -n true
done
check "rmmod v4v6" rmmod v4v6
dmesg > /out/dmesg.txt

# As guest.sh: a leak is what kmemleak still reports after three scans.
if [ -w /sys/kernel/debug/kmemleak ]; then
	sleep 6
	for i in 1 2 3; do
		echo scan > /sys/kernel/debug/kmemleak
		sleep 2
	done
	cat /sys/kernel/debug/kmemleak > /out/kmemleak.txt
	check "no kmemleak report" test ! -s /out/kmemleak.txt
	[ -s /out/kmemleak.txt ] && head -n 40 /out/kmemleak.txt
else
	echo "FAILED: kmemleak is not available"
	fail=1
fi

for f in ktap.txt dmesg.txt; do
	echo "V4V6-FILE-BEGIN $f"
	cat /out/$f
	echo "V4V6-FILE-END $f"
done
echo "V4V6-RC: $fail"
reboot -f

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the KUnit kernel: load v4v6.ko (its KUnit suites run on load), check
# the module's life cycle (family registered, per-namespace set-up and
# tear-down, unload), then look for leaks. The first load's kernel log goes
# to $1/ktap.txt, the whole log to $1/dmesg.txt.
set -u
ko=$1/v4v6.ko
out=$1
fail=0
check() { # description, command...
	local what=$1
	shift
	if "$@"; then
		echo "ok: $what"
	else
		echo "FAILED: $what"
		fail=1
	fi
}

echo clear > /sys/kernel/debug/kmemleak 2>/dev/null
dmesg -C
check "insmod v4v6.ko" insmod "$ko"
# The suites ran during insmod: keep their KTAP apart from later loads.
dmesg --notime > "$out/ktap.txt"
check "family v4v6 registered" sh -c 'genl ctrl get name v4v6 | grep -q "Name: v4v6"'
# Namespaces created and destroyed while loaded exercise the pernet paths.
for i in 1 2 3; do ip netns add kunit$i; done
check "family visible in a new namespace" \
	sh -c 'ip netns exec kunit1 genl ctrl get name v4v6 | grep -q v4v6'
for i in 1 2 3; do ip netns del kunit$i; done
ip netns add kunit-late
check "rmmod v4v6" rmmod v4v6
check "family gone after rmmod" sh -c '! genl ctrl get name v4v6 2>/dev/null'
ip netns del kunit-late
check "insmod again" insmod "$ko"
check "rmmod again" rmmod v4v6

dmesg --notime > "$out/dmesg.txt"

# kmemleak reports objects only once they have looked unreferenced for a
# while, and an object in flight can look so for one scan: a leak is what
# is still reported after three scans, seconds apart.
if [ -w /sys/kernel/debug/kmemleak ]; then
	sleep 6
	for i in 1 2 3; do
		echo scan > /sys/kernel/debug/kmemleak
		sleep 2
	done
	cat /sys/kernel/debug/kmemleak > "$out/kmemleak.txt"
	check "no kmemleak report" test ! -s "$out/kmemleak.txt"
	[ -s "$out/kmemleak.txt" ] && head -n 40 "$out/kmemleak.txt"
else
	echo "FAILED: kmemleak is not available"
	fail=1
fi
exit $fail

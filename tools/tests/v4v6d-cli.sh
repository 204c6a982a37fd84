#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# v4v6d's command line and configuration checks that need no kernel module:
# help, bad options, and -t (check the configuration and exit) on good and
# bad files.
#
# Usage: tests/v4v6d-cli.sh PATH-TO-V4V6D (best built with ASan and UBSan)
set -u

d=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=exitcode=99 UBSAN_OPTIONS=exitcode=99:print_stacktrace=1
n=0
failed=0

# expect STATUS PATTERN ARGS...: v4v6d ARGS exits STATUS, its output
# (stdout and stderr) matches the extended regex PATTERN
expect() {
	want=$1 pattern=$2
	shift 2
	n=$((n + 1))
	"$d" "$@" > "$tmp/out" 2>&1
	got=$?
	if [ "$got" -ne "$want" ] || ! grep -qE -- "$pattern" "$tmp/out"; then
		echo "FAIL: v4v6d $*: exit $got (want $want), output:"
		sed 's/^/  | /' "$tmp/out"
		echo "  (wanted /$pattern/)"
		failed=$((failed + 1))
	fi
}

conf() { printf '%s\n' "$@" > "$tmp/c.conf"; }

expect 0 'usage: v4v6d' -h
expect 2 'usage: v4v6d' -x
expect 2 'unexpected argument "extra"' extra
expect 1 'No such file' -t -c "$tmp/missing.conf"
expect 1 'the LAN and the WAN interface must be set' -t -c /dev/null

conf 'lan eth0' 'wan eth1' 'static 02:00:00:00:00:0a 192.168.1.10'
expect 0 'configuration ok' -t -c "$tmp/c.conf"
expect 1 'lan and wan are both eth0' -t -c "$tmp/c.conf" -w eth0
expect 0 'configuration ok' -t -c "$tmp/c.conf" -l br-lan -s /tmp/x.json

conf 'lan eth0' 'wan eth1' '' 'release-after 5' 'inactive-after 10'
expect 1 'shorter than inactive-after' -t -c "$tmp/c.conf"
conf 'lan eth0' 'wan eth1' 'pref64 64:ff9b::/97'
expect 1 'c.conf:3: pref64' -t -c "$tmp/c.conf"
conf 'lan eth0' 'wan eth1' 'mystery on'
expect 1 'c.conf:3: unknown setting "mystery"' -t -c "$tmp/c.conf"
expect 1 'command line: state: "rel" is not an absolute path' -t -c /dev/null -s rel

# Inbound: the policy, rules on static lines and per MAC, their errors.
conf 'lan eth0' 'wan eth1' 'inbound replies' \
	'static 02:00:00:00:00:0a 192.168.1.10 allow tcp 22 allow udp 5000-5010 allow icmp' \
	'allow 02:00:00:00:00:0b tcp 80' 'allow 02:00:00:00:00:0b icmp'
expect 0 'configuration ok' -t -c "$tmp/c.conf"
conf 'lan eth0' 'wan eth1' 'inbound some'
expect 1 'c.conf:3: inbound: "some" is neither replies nor all' -t -c "$tmp/c.conf"
conf 'lan eth0' 'wan eth1' 'allow 02:00:00:00:00:0b tcp 70000'
expect 1 'c.conf:3: allow: invalid allow port "70000": out of range' -t -c "$tmp/c.conf"
conf 'lan eth0' 'wan eth1' 'static 02:00:00:00:00:0a 192.168.1.10 allow ssh'
expect 1 'c.conf:3: static: invalid allow protocol "ssh"' -t -c "$tmp/c.conf"
conf 'lan eth0' 'wan eth1' \
	"static 02:00:00:00:00:0a 192.168.1.10$(i=0; while [ $i -lt 16 ]; do printf ' allow icmp'; i=$((i + 1)); done)" \
	'allow 02:00:00:00:00:0a tcp 22'
expect 1 'c.conf:4: allow: more than 16 allow rules for 02:00:00:00:00:0a' -t -c "$tmp/c.conf"

echo "v4v6d-cli: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

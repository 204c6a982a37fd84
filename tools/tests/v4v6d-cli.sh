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

echo "v4v6d-cli: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

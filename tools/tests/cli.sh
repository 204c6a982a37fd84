#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Command-line checks of v4v6ctl that need no kernel module: help, usage
# errors, and the validation done before any netlink.
#
# Usage: tests/cli.sh PATH-TO-V4V6CTL (best built with ASan and UBSan)
set -u

ctl=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A sanitizer's report must not pass for the exit status 1 of a failure.
export ASAN_OPTIONS=exitcode=99 UBSAN_OPTIONS=exitcode=99:print_stacktrace=1
n=0		# checks run
failed=0	# checks failed
failed_n=0	# the last check that failed

fail() {
	echo "FAIL: v4v6ctl $args: $*"
	sed 's/^/  stdout: /' "$tmp/out"
	sed 's/^/  stderr: /' "$tmp/err"
	[ "$failed_n" -eq "$n" ] || failed=$((failed + 1))
	failed_n=$n
}

# expect STATUS ARGS...: run v4v6ctl ARGS, check its exit status.
expect() {
	want=$1
	shift
	args=$*
	n=$((n + 1))
	"$ctl" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "exit status $got, want $want"
	elif grep -q Sanitizer "$tmp/err"; then
		fail "sanitizer report"
	fi
}

# out TEXT / err TEXT: the last run's stdout / stderr contains TEXT.
out() { grep -qF -- "$1" "$tmp/out" || fail "no \"$1\" on stdout"; }
err() { grep -qF -- "$1" "$tmp/err" || fail "no \"$1\" on stderr"; }
quiet() { [ ! -s "$tmp/err" ] || fail "stderr not empty"; }

expect 0 --help; out "Usage: v4v6ctl"; out config; quiet
expect 0 -h; out "Usage: v4v6ctl"
expect 0 help; out "Usage: v4v6ctl"; quiet
expect 0 help help; out "Usage: v4v6ctl"
expect 0 help config; out "config set"; out lowest-mtu; quiet
expect 0 config help; out "config set"; out pref64; quiet
expect 0 conf h; out "config set"

expect 2; err "Usage: v4v6ctl"
expect 2 bogus; err 'unknown command "bogus"'; err "Usage: v4v6ctl"
expect 2 -x; err "Usage: v4v6ctl"
expect 2 --bogus; err "Usage: v4v6ctl"
expect 2 help bogus; err 'unknown command "bogus"'
expect 2 help config show
expect 2 config bogus; err 'unknown command "bogus"'; err "config set"
expect 2 config s; err 'ambiguous command "s"'
expect 2 config show extra; err "config set"
expect 2 config set; err "nothing to set"
expect 2 config set bogus 1; err 'unknown keyword "bogus"'
expect 2 config set l eth0; err 'ambiguous keyword "l"'
expect 2 config set lan; err "lan needs a value"
expect 2 config set lan none lan none; err "lan given twice"
expect 2 config set pref64 64:ff9b::1/96
err 'invalid pref64 "64:ff9b::1/96": bits are set past the prefix length'
expect 2 config set pref64 2001:db8:122:344:100::/96; err "u octet"
expect 2 config set pref64 64:ff9b::/95; err "must be 32, 40, 48, 56, 64 or 96"
expect 2 config set pref64 192.0.2.0/96; err "not an IPv6 address"
expect 2 config set pref64 64:ff9b::; err "expected PREFIX/LEN"
expect 2 config set lowest-mtu 1279; err "out of range, expected 1280 to 65535"
expect 2 config set lowest-mtu 65536; err "out of range"
expect 2 config set lowest-mtu 1500x; err "malformed"
# Every argument is checked before any interface is looked up.
expect 2 config set lan no-such-if0 lowest-mtu 1
expect 1 config set lan no-such-if0; err 'no such interface "no-such-if0"'
expect 1 config set lan none wan no-such-if0; err "no-such-if0"
# "--" ends the options, for an interface named like one.
expect 1 config set lan -- -j; err 'no such interface "-j"'
if [ -w /dev/full ]; then
	args="--help >/dev/full"
	: >"$tmp/out"
	n=$((n + 1))
	"$ctl" --help >/dev/full 2>"$tmp/err"
	[ $? -eq 1 ] || fail "exit status not 1"
	err "cannot write the output"
fi

if [ ! -e /sys/module/v4v6 ]; then
	msg="v4v6ctl: the v4v6 module is not loaded (generic netlink family v4v6 not found)"
	expect 1 config show; err "$msg"
	expect 1 config; err "$msg"
	expect 1 -j config show; err "$msg"
	expect 1 config show --json; err "$msg"
	expect 1 config set lowest-mtu 1500 lan none; err "$msg"
fi

echo "cli: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

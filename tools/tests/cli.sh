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
# outre REGEX: a line of the last run's stdout matches the extended REGEX.
outre() { grep -qE -- "$1" "$tmp/out" || fail "no line matching /$1/ on stdout"; }

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
expect 2 config set unknown reject; err 'invalid unknown "reject", expected pass or drop'
expect 2 config set unknown; err "unknown needs a value"
expect 2 config set inbound none; err 'invalid inbound "none", expected replies or all'
expect 2 config set inbound; err "inbound needs a value"
expect 2 config set inbound all inbound all; err "inbound given twice"

# Every command has its help, and "help COMMAND" shows it.
for c in device devices stats status export monitor leases; do
	expect 0 --help; out "  $c "
	expect 0 help "$c"; out "Usage: v4v6ctl"; out "$c"; quiet
	expect 0 "$c" help; out "Usage: v4v6ctl"; out "$c"; quiet
done
expect 0 help device; out "device add MAC ipv4 ADDR ipv6 ADDR"
out "device set MAC"; out "device del MAC|IPV4"; out "device show MAC|IPV4|IPV6"
out "device flush [all]"; out "[static|dynamic]"; out "[state active|inactive]"
out "[allow PROTO [PORT|LO-HI]]..."; out "[allow none]"
expect 0 help devices; out "devices [active|inactive]"
expect 0 help leases; out "leases [file PATH]"; out /var/lib/v4v6/state.json
expect 0 help monitor; out "unknown-source mac MAC ipv4 ADDR lan IFNAME"
expect 0 help config; out "[unknown pass|drop]"; out "[inbound replies|all]"
expect 0 device h; out "device add"
expect 2 help dev; err 'ambiguous command "dev"'
expect 2 help s; err 'ambiguous command "s"'

# device: usage errors, found before any netlink.
mac=02:00:00:00:00:0a
expect 2 device; err "Usage: v4v6ctl device add"
expect 2 device bogus; err 'unknown command "bogus"'
expect 2 device add; err "the MAC address is missing"
expect 2 device add $mac; err "ipv4 and ipv6 are needed"
expect 2 device add $mac ipv4 192.168.1.10; err "ipv4 and ipv6 are needed"
expect 2 device add $mac ipv6 2001:db8::1; err "ipv4 and ipv6 are needed"
expect 2 device add 01:00:5e:00:00:01 ipv4 192.168.1.10 ipv6 2001:db8::1
err 'invalid MAC address "01:00:5e:00:00:01": a multicast address'
expect 2 device add ff:ff:ff:ff:ff:ff ipv4 192.168.1.10 ipv6 2001:db8::1
err "a multicast address"
expect 2 device add 00:00:00:00:00:00 ipv4 192.168.1.10 ipv6 2001:db8::1
err "the all-zero address"
expect 2 device add 02:00:00:00:00 ipv4 192.168.1.10 ipv6 2001:db8::1
err "expected six hex pairs"
expect 2 device add 02-00-00-00-00-0a ipv4 192.168.1.10 ipv6 2001:db8::1
err "expected six hex pairs"
expect 2 device add $mac ipv4 192.168.1.256 ipv6 2001:db8::1
err 'invalid ipv4 "192.168.1.256": not an IPv4 address'
expect 2 device add $mac ipv4 2001:db8::1 ipv6 2001:db8::1
err "not an IPv4 address"
expect 2 device add $mac ipv4 192.168.1.10 ipv6 192.168.1.10
err 'invalid ipv6 "192.168.1.10": not an IPv6 address'
expect 2 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 state up
err 'invalid state "up", expected active or inactive'
expect 2 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 ipv4 10.0.0.1
err "ipv4 given twice"
expect 2 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 wan
err "wan needs a value"
expect 2 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 bogus
err 'unknown keyword "bogus"'
expect 2 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 s
err 'ambiguous keyword "s"'
expect 2 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 static dynamic
err "static and dynamic exclude each other"
expect 1 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1 wan no-such-if0
err 'no such interface "no-such-if0"'
# Every argument is checked before the interface is looked up.
expect 2 device add $mac wan no-such-if0 ipv4 192.168.1.10 ipv6 2001:db8::1 state x
expect 2 device set; err "the MAC address is missing"
expect 2 device set $mac; err "nothing to set"
expect 2 device set 192.168.1.10 state active; err 'invalid MAC address "192.168.1.10"'
expect 2 device set $mac static dyn; err "static and dynamic exclude each other"
expect 2 device set $mac static static; err "static given twice"
expect 1 device set $mac wan no-such-if0; err 'no such interface "no-such-if0"'
expect 2 device set $mac allow; err "allow needs a protocol"
expect 2 device set $mac allow gre; err 'invalid allow protocol "gre", expected tcp, udp or icmp'
expect 2 device set $mac allow tcp 65536; err 'invalid allow port "65536": out of range'
expect 2 device set $mac allow udp 10-9; err 'invalid allow port "10-9": the first port is above the last'
expect 2 device set $mac allow icmp 8; err 'invalid allow port "8": icmp takes no port'
expect 2 device set $mac allow none allow tcp; err "allow none and allow rules exclude each other"
expect 2 device set $mac allow tcp 22 bogus; err 'unknown keyword "bogus"'
# 17 rules are one too many.
# shellcheck disable=SC2046 # one word each
expect 2 device set $mac $(i=0; while [ $i -lt 17 ]; do printf 'allow icmp '; i=$((i + 1)); done)
err "more than 16 allow rules"
# The rules are checked before the interface is looked up.
expect 2 device set $mac wan no-such-if0 allow tcp 0
expect 2 device del; err "Usage: v4v6ctl device"
expect 2 device del $mac 192.168.1.10; err "Usage: v4v6ctl device"
expect 2 device del 2001:db8::1; err '"2001:db8::1" is not a MAC or IPv4 address'
expect 2 device del eth0; err '"eth0" is not a MAC or IPv4 address'
expect 2 device del 33:33:00:00:00:01; err "a multicast address"
expect 2 device show; err "Usage: v4v6ctl device"
expect 2 device show foo; err '"foo" is not a MAC, IPv4 or IPv6 address'
expect 2 device show 192.168.1; err "is not a MAC, IPv4 or IPv6 address"
expect 2 device show 00:00:00:00:00:00; err "the all-zero address"
expect 2 device flush everything; err "Usage: v4v6ctl device"
expect 2 device flush all all; err "Usage: v4v6ctl device"

# The other commands take no arguments, or a few words.
expect 2 devices bogus; err "Usage: v4v6ctl [-j] devices"
expect 2 devices active inactive; err "Usage: v4v6ctl [-j] devices"
expect 2 stats bogus; err "Usage: v4v6ctl [-j] stats"
expect 2 status bogus; err "Usage: v4v6ctl [-j] status"
expect 2 export bogus; err "Usage: v4v6ctl export"
expect 2 monitor bogus; err "Usage: v4v6ctl [-j] monitor"
expect 2 leases bogus; err 'unknown keyword "bogus"'; err "Usage: v4v6ctl [-j] leases"
expect 2 leases file; err "file needs a value"
expect 2 leases file a file b; err "file given twice"

# leases: v4v6d's state file, one written here, read without the module.
st=$tmp/state.json
now=$(date +%s)
cat >"$st" <<EOF
{"version": 1, "pref64": "64:ff9b::/96", "devices": [
 {"mac": "02:00:00:00:00:0b", "ipv4": "192.168.1.11", "static": true,
  "inactive": false, "mode": "slaac", "ipv6": "2001:db8::b",
  "last_seen": $now},
 {"mac": "02:00:00:00:00:0a", "ipv4": "192.168.1.10", "static": false,
  "inactive": false, "mode": "dhcpv6", "ipv6": "2001:db8::a",
  "last_seen": $now, "dhcp6_state": "bound",
  "lease": {"address": "2001:db8::a", "iaid": 1, "t1": 1800, "t2": 2880,
   "preferred": 3600, "valid": 7200, "start": $((now - 60)),
   "server_duid": "000300010200000000fe"}},
 {"mac": "02:00:00:00:00:0c", "ipv4": "192.168.1.9", "static": false,
  "inactive": true, "mode": "dhcpv6", "last_seen": 1000,
  "dhcp6_state": "solicit",
  "lease": {"address": "2001:db8::c", "iaid": 2, "t1": 10, "t2": 20,
   "preferred": 30, "valid": 40, "start": 1000, "server_duid": "00"}},
 {"mac": "02:00:00:00:00:0d", "ipv4": "192.168.1.200", "static": false,
  "inactive": false, "mode": "dhcpv6", "ipv6": "2001:db8::d",
  "last_seen": $now, "dhcp6_state": "bound",
  "lease": {"address": "2001:db8::d", "iaid": 3, "t1": 4294967295,
   "t2": 4294967295, "preferred": 4294967295, "valid": 4294967295,
   "start": $now, "server_duid": "0001"}},
 {"mac": "02:00:00:00:00:0e", "ipv4": "10.0.0.1", "static": true,
  "inactive": false, "mode": "fixed", "ipv6": "2001:db8::e",
  "last_seen": 0}
]}
EOF
expect 0 leases file "$st"; quiet
outre '^02:00:00:00:00:0a 192\.168\.1\.10 2001:db8::a dhcpv6 bound valid 71[0-9][0-9]s t1 17[0-9][0-9]s t2 28[0-9][0-9]s$'
outre '^02:00:00:00:00:0b 192\.168\.1\.11 2001:db8::b slaac - static$'
outre '^02:00:00:00:00:0c 192\.168\.1\.9 - dhcpv6 solicit valid expired t1 expired t2 expired inactive$'
outre '^02:00:00:00:00:0d 192\.168\.1\.200 2001:db8::d dhcpv6 bound valid infinite t1 infinite t2 infinite$'
outre '^02:00:00:00:00:0e 10\.0\.0\.1 2001:db8::e fixed - static$'
[ "$(cut -d ' ' -f 2 "$tmp/out" | tr '\n' ' ')" = \
  "10.0.0.1 192.168.1.9 192.168.1.10 192.168.1.11 192.168.1.200 " ] ||
	fail "not one line a device, sorted by IPv4 address"
expect 0 lea f "$st"; out "02:00:00:00:00:0e 10.0.0.1"
expect 0 -j leases file "$st"; quiet
python3 -c '
import json, sys
d = json.load(sys.stdin)
assert [x["ipv4"] for x in d] == ["10.0.0.1", "192.168.1.9", "192.168.1.10",
                                  "192.168.1.11", "192.168.1.200"]
a = d[2]
assert a["mac"] == "02:00:00:00:00:0a" and a["ipv6"] == "2001:db8::a"
assert a["mode"] == "dhcpv6" and a["dhcp6_state"] == "bound"
assert a["static"] is False and a["inactive"] is False
l = a["lease"]
assert l["address"] == "2001:db8::a" and l["iaid"] == 1
assert l["server_duid"] == "000300010200000000fe"
assert (l["t1"], l["t2"], l["preferred"], l["valid"]) == (1800, 2880, 3600, 7200)
assert 7100 < l["valid_left"] <= 7140 and 1700 < l["t1_left"] <= 1740
assert 2780 < l["t2_left"] <= 2820
assert d[1]["lease"]["valid_left"] == 0 and d[1]["ipv6"] is None
assert d[1]["inactive"] is True
assert d[4]["lease"]["valid_left"] is None and d[4]["lease"]["t1_left"] is None
assert d[0]["lease"] is None and d[0]["dhcp6_state"] is None
assert d[0]["mode"] == "fixed" and d[0]["static"] is True
' <"$tmp/out" 2>"$tmp/err" || fail "leases -j: not the JSON expected"
expect 1 leases file "$tmp/missing.json"
err "no state file at $tmp/missing.json: is v4v6d running?"
expect 1 -j leases file "$tmp/missing.json"; err "no state file at"
# A corrupt file with a good .bak: listed from the .bak, with a warning.
cp "$st" "$st.bak"
printf '{"version": 1, "devices": [{"mac": "02:00:00:00' >"$st"
expect 0 leases file "$st"
out "02:00:00:00:00:0e 10.0.0.1 2001:db8::e fixed - static"
out "02:00:00:00:00:0d 192.168.1.200"
err "warning: $st: the JSON text ends early"; err "listing $st.bak instead"
# The file missing, the .bak good: the same.
rm "$st"
expect 0 leases file "$st"; out "02:00:00:00:00:0a"; err "listing $st.bak"
# Neither good.
printf '{"version": 1, "devices": [{"mac": "02:00:00:00:00:0a", "ipv4": "300.1.2.3"}]}' >"$st"
printf '[]' >"$st.bak"
expect 1 leases file "$st"; err "cannot load the state"
err "devices[0].ipv4: \"300.1.2.3\" is not an IPv4 address"
err "$st.bak: not a JSON object"
rm "$st.bak"
printf '{"version": 1, "devices": []}\n' >"$st"
expect 0 leases file "$st"; quiet
[ ! -s "$tmp/out" ] || fail "output for no devices"
expect 0 -j leases file "$st"; out "[]"

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
	expect 1 config set unknown drop; err "$msg"
	expect 1 device add $mac ipv4 192.168.1.10 ipv6 2001:db8::1; err "$msg"
	expect 1 device set $mac state inactive; err "$msg"
	expect 1 device del 192.168.1.10; err "$msg"
	expect 1 device show 2001:db8::1; err "$msg"
	expect 1 device flush all; err "$msg"
	expect 1 devices; err "$msg"
	expect 1 -j devices active; err "$msg"
	expect 1 stats; err "$msg"
	expect 1 status -j; err "$msg"
	expect 1 export; err "$msg"
	expect 1 monitor; err "$msg"
fi

echo "cli: $((n - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

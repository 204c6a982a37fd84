#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the arm64 guest (tests/arm64/run.sh): the cross-built v4v6.ko and
# v4v6ctl at work on an arm64 kernel, in a reduced end-to-end topology:
#
#   d1 ── eth0 [gw] eth1 ── net6 ── srv4
#   IPv4 only   v4v6     Jool NAT64   IPv4 server
#   192.168.1.10         64:ff9b::/96  192.31.196.10
#
# d1 is mapped by hand (v4v6ctl device add) to 2001:db8:6::4:10 on its WAN
# identity id-d1, a macvlan of gw's eth1 with d1's MAC, as in tests/e2e. Then:
# ping from d1 to srv4, 1 MiB by TCP each way with its SHA-256 compared on
# both ends, and v4v6's counters. One "arm64: PASS|FAIL" line a check, then
# "arm64: N passed, N failed"; the exit status is 0 only if none failed.
#
#   guest.sh [unmapped]
#
# "unmapped" leaves d1 out of v4v6's table: translation cannot happen, and
# every traffic check must fail (the test's own check that it can fail).
set -u
# It builds namespaces and loads modules: never on a host.
[ "${V4V6_IN_GUEST:-}" = 1 ] ||
	{ echo "arm64: guest.sh runs inside the arm64 guest only (tests/arm64/run.sh)" >&2; exit 2; }
cd "$(dirname "$0")"
V4V6_CTL=$PWD/v4v6ctl
T=/tmp/arm64
mkdir -p $T
unmapped=
[ "${1:-}" != unmapped ] || unmapped=1

PREF64=64:ff9b::
NET6=2001:db8:6
NET6_ROUTER=$NET6::1
SRV4_ADDR=192.31.196.10
PLAT_V4=192.31.196.1
GW_LAN=192.168.1.1
D1_MAC=02:00:00:00:00:0a
D1_V4=192.168.1.10
D1_V6=$NET6::4:10
MIB=1048576

passed=0 failed=0
pass() { passed=$((passed + 1)); echo "arm64: PASS $*"; }
# fail WHAT [FILE...]: a failed check, with the files that say why
fail() {
	local what=$1 f
	shift
	failed=$((failed + 1))
	echo "arm64: FAIL $what"
	for f in "$@"; do [ ! -s "$f" ] || sed 's/^/    | /' "$f"; done
}
finish() {
	echo "arm64: $passed passed, $failed failed"
	[ $failed -eq 0 ]
	exit
}

on() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
ctl() { on gw "$V4V6_CTL" "$@"; }

# wait_for SECONDS CMD...: poll CMD until it succeeds
wait_for() {
	local end=$((SECONDS + $1))
	shift
	while [ $SECONDS -lt $end ]; do
		"$@" > /dev/null 2>&1 && return 0
		sleep 0.2
	done
	"$@" > /dev/null 2>&1
}

ns_new() {
	ip netns add "$1" &&
		on "$1" ip link set lo up &&
		on "$1" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
}

# The topology of tests/e2e/lib.sh without the switches, Kea and radvd: the
# device is mapped by hand, so nothing needs DHCPv6 or RAs.
topo_up() {
	local ns ifindex table=
	for ns in d1 gw net6 srv4; do ns_new $ns || return 1; done

	ip -n gw link add eth0 type veth peer name eth0 netns d1 &&
		on d1 ip link set eth0 address $D1_MAC &&
		on d1 sysctl -qw net.ipv6.conf.all.disable_ipv6=1 &&
		on d1 ip addr add $D1_V4/24 dev eth0 &&
		on d1 ip link set eth0 up &&
		on d1 ip route add default via $GW_LAN &&
		on gw ip addr add $GW_LAN/24 dev eth0 &&
		on gw ip link set eth0 up || return 1

	ip -n gw link add eth1 type veth peer name gw netns net6 &&
		on net6 ip addr add $NET6_ROUTER/64 dev gw &&
		on net6 ip link set gw up &&
		on net6 sysctl -qw net.ipv6.conf.all.forwarding=1 net.ipv4.ip_forward=1 &&
		on gw sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 &&
		on gw ip link set eth1 up || return 1

	ip -n net6 link add eth1 type veth peer name eth0 netns srv4 &&
		on net6 ip addr add $PLAT_V4/24 dev eth1 &&
		on net6 ip link set eth1 up &&
		on srv4 ip addr add $SRV4_ADDR/24 dev eth0 &&
		on srv4 ip link set eth0 up &&
		on srv4 ip route add default via $PLAT_V4 || return 1

	# The PLAT.
	on net6 jool instance add default --netfilter --pool6 $PREF64/96 > /dev/null || return 1

	# d1's WAN identity (tests/e2e/lib.sh: ident_add).
	on gw ip link add link eth1 name id-d1 address $D1_MAC type macvlan mode private &&
		on gw sysctl -qw net.ipv6.conf.id-d1.forwarding=0 \
			net.ipv6.conf.id-d1.accept_ra=0 net.ipv6.conf.id-d1.accept_dad=0 &&
		on gw ip addr add $D1_V6/64 dev id-d1 nodad &&
		on gw ip link set id-d1 up || return 1
	ifindex=$(on gw cat /sys/class/net/id-d1/ifindex)
	on gw ip -6 route add $NET6::/64 from $D1_V6 dev id-d1 table 1000 &&
		on gw ip -6 route add default from $D1_V6 via $NET6_ROUTER dev id-d1 table 1000 &&
		on gw ip -6 rule add pref 1000 lookup 1000 &&
		on gw ip -6 route add default via $NET6_ROUTER dev id-d1 metric $((4096 + ifindex)) ||
		return 1

	ctl config set lan eth0 wan eth1 pref64 $PREF64/96 || return 1
	if [ -z "$unmapped" ]; then
		ctl device add $D1_MAC ipv4 $D1_V4 ipv6 $D1_V6 wan id-d1 || return 1
	else
		echo "arm64: d1 left unmapped: the traffic checks must fail"
	fi
}

echo "arm64: $(uname -r) $(uname -m), $(grep -c ^processor /proc/cpuinfo) CPUs"

if insmod v4v6.ko > $T/insmod.txt 2>&1 &&
	insmod jool_common.ko >> $T/insmod.txt 2>&1 &&
	insmod jool.ko >> $T/insmod.txt 2>&1; then
	pass "v4v6.ko, jool_common.ko and jool.ko load"
else
	fail "modules load" $T/insmod.txt
	finish
fi
if ./v4v6d -h > $T/v4v6d.txt 2>&1; then
	pass "v4v6d runs (its libraries load)"
else
	fail "v4v6d -h" $T/v4v6d.txt
fi

if topo_up > $T/topo.txt 2>&1; then
	pass "topology: d1, gw with v4v6, net6 with Jool, srv4"
	[ -z "$unmapped" ] || cat $T/topo.txt
else
	fail "topology" $T/topo.txt
	finish
fi

if on d1 ping -c 3 -W 5 $SRV4_ADDR > $T/ping.txt 2>&1; then
	pass "ping d1 -> $SRV4_ADDR: $(grep -o '[0-9]* packets received' $T/ping.txt)," \
		"$(grep -o 'min/avg/max.*' $T/ping.txt)"
else
	fail "ping d1 -> $SRV4_ADDR" $T/ping.txt
fi

head -c $MIB /dev/urandom > $T/blob
sum=$(sha256sum < $T/blob | cut -d' ' -f1)

# same WHAT FILE: FILE is the blob, by its SHA-256
same() {
	local got
	got=$(sha256sum < "$2" | cut -d' ' -f1)
	[ "$got" = "$sum" ] && return 0
	echo "sha256 $got, sent $sum ($(wc -c < "$2") bytes)" > $T/sum.txt
	return 1
}

# Upload: d1 sends the blob, srv4 keeps what it gets.
on srv4 timeout 60 socat -u TCP4-LISTEN:5001,reuseaddr CREATE:$T/got-up > $T/srv-up.txt 2>&1 &
srv=$!
wait_for 10 sh -c "ip netns exec srv4 ss -Hltn 'sport = :5001' | grep -q ."
start=${EPOCHREALTIME/./}
if on d1 timeout 60 socat -u OPEN:$T/blob TCP4:$SRV4_ADDR:5001,connect-timeout=10 > $T/up.txt 2>&1 &&
	wait $srv && same up $T/got-up; then
	ms=$(((${EPOCHREALTIME/./} - start) / 1000))
	pass "TCP d1 -> srv4: 1 MiB, SHA-256 equal on both ends (${ms} ms)"
else
	kill $srv 2> /dev/null
	wait $srv 2> /dev/null
	fail "TCP d1 -> srv4: 1 MiB" $T/up.txt $T/srv-up.txt $T/sum.txt
fi

# Download: srv4 sends the blob, d1 keeps what it gets.
rm -f $T/sum.txt
on srv4 timeout 60 socat -u OPEN:$T/blob TCP4-LISTEN:5002,reuseaddr > $T/srv-down.txt 2>&1 &
srv=$!
wait_for 10 sh -c "ip netns exec srv4 ss -Hltn 'sport = :5002' | grep -q ."
start=${EPOCHREALTIME/./}
if on d1 timeout 60 socat -u TCP4:$SRV4_ADDR:5002,connect-timeout=10 CREATE:$T/got-down > $T/down.txt 2>&1 &&
	wait $srv && same down $T/got-down; then
	ms=$(((${EPOCHREALTIME/./} - start) / 1000))
	pass "TCP srv4 -> d1: 1 MiB, SHA-256 equal on both ends (${ms} ms)"
else
	kill $srv 2> /dev/null
	wait $srv 2> /dev/null
	fail "TCP srv4 -> d1: 1 MiB" $T/down.txt $T/srv-down.txt $T/sum.txt
fi

# The counters after 3 pings and 1 MiB each way: the namespace's translated
# packets each way, at least the 3 echoes and at most what TCP segments of
# 536 bytes or more and their ACKs make (GSO packets count as one); d1's own
# bytes, 1 MiB each way with the headers on top.
ctl stats > $T/stats.txt 2>&1
ctl -j device show $D1_MAC > $T/dev.json 2>&1
stat() { awk -v k="$1" '$1 == k { v = $2 } END { print v + 0 }' $T/stats.txt; }
dev() { sed -n "s/.*\"$1\": *\([0-9]*\).*/\1/p" $T/dev.json | head -n 1; }
x46=$(stat xlat_4to6) x64=$(stat xlat_6to4)
tx=$(dev tx_bytes) rx=$(dev rx_bytes)
echo "arm64: stats: xlat_4to6 $x46, xlat_6to4 $x64; d1: tx ${tx:-?} bytes, rx ${rx:-?} bytes"
max=$((2 * MIB / 536 + 4000))
if [ "$x46" -ge 3 ] && [ "$x46" -le $max ] && [ "$x64" -ge 3 ] && [ "$x64" -le $max ]; then
	pass "v4v6ctl stats: xlat_4to6 $x46, xlat_6to4 $x64 (3..$max each)"
else
	fail "v4v6ctl stats: xlat_4to6 $x46, xlat_6to4 $x64 (want 3..$max each)" $T/stats.txt
fi
if [ -n "$tx" ] && [ -n "$rx" ] && [ "$tx" -ge $MIB ] && [ "$tx" -lt $((MIB * 13 / 10)) ] &&
	[ "$rx" -ge $MIB ] && [ "$rx" -lt $((MIB * 13 / 10)) ]; then
	pass "d1's counters: tx $tx, rx $rx bytes (1 MiB each way, headers on top)"
else
	fail "d1's counters: tx ${tx:-none}, rx ${rx:-none} bytes (want 1 to 1.3 MiB each way)" $T/dev.json
fi

finish

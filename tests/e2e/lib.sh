#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The end-to-end topology, built inside the test guest (never on a host):
#
#   dev4 ─┐                                        ┌─ h6 (IPv6-only host)
#         ├─ lan (switch) ── eth0 [gw] eth1 ── net6 (switch + router) ── srv4
#   devN ─┘   192.168.1.0/24        2001:db8:6::/64   Kea, radvd, Jool   IPv4
#
# lan and net6 bridge their ports (br0). net6 is the IPv6-only network: it
# hands out addresses with Kea DHCPv6 (IA_NA from 2001:db8:6::1000-1fff),
# advertises itself as router with the M flag, and is the PLAT: Jool NAT64
# with pool6 64:ff9b::/96 translating to srv4's IPv4 network.
#
# srv4's network uses 192.31.196.0/24: the well-known prefix may only carry
# globally reachable IPv4 addresses (RFC 6052 section 3.1), and this block
# (RFC 7535) is one. The guest has no network device to the outside, so no
# packet of these tests can leave it.

E2E_TMP=${E2E_TMP:-/tmp/e2e}
PREF64=64:ff9b::
NET6=2001:db8:6
NET6_ROUTER=$NET6::1
H6_ADDR=$NET6::6
SRV4_NET=192.31.196
SRV4_ADDR=$SRV4_NET.10
PLAT_V4=$SRV4_NET.1
LAN_NET=192.168.1
GW_LAN=$LAN_NET.1
NAMESPACES="lan gw net6 h6 srv4"

log() { printf '  %s\n' "$*"; }
die() { printf '  FAIL: %s\n' "$*"; exit 1; }

# on NS CMD...: run CMD in namespace NS
on() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# wait_for SECONDS CMD...: poll CMD until it succeeds
wait_for() {
	local end=$((SECONDS + $1))
	shift
	while [ $SECONDS -lt $end ]; do
		"$@" > /dev/null 2>&1 && return 0
		sleep 0.1
	done
	"$@" > /dev/null 2>&1
}

# The 64:ff9b::/96 form of an IPv4 address.
pref64_of() { echo "$PREF64$1"; }

modules_load() {
	local m
	for m in veth bridge macvlan nf_defrag_ipv4 nf_defrag_ipv6 x_tables; do
		modprobe "$m" || die "modprobe $m"
	done
}

# Jool NAT64 (the PLAT) from the build of tests/e2e/jool-build.sh.
jool_load() {
	lsmod | grep -q '^jool ' && return 0
	insmod "$JOOL_DIR/jool_common.ko" || die "insmod jool_common"
	insmod "$JOOL_DIR/jool.ko" || die "insmod jool"
}

ns_new() { # name: a namespace with lo up and IPv6 DAD off
	ip netns add "$1"
	on "$1" ip link set lo up
	on "$1" sysctl -qw net.ipv6.conf.all.accept_dad=0 \
		net.ipv6.conf.default.accept_dad=0
}

topo_up() {
	mkdir -p "$E2E_TMP"
	modules_load
	for ns in $NAMESPACES; do ns_new "$ns"; done

	# The LAN switch and the gateway's LAN port.
	on lan ip link add br0 type bridge
	on lan ip link set br0 up
	ip -n gw link add eth0 type veth peer name gw netns lan
	on lan ip link set gw master br0 up
	on gw ip addr add $GW_LAN/24 dev eth0
	on gw ip link set eth0 up

	# The IPv6-only network: a bridge with the gateway's WAN and h6.
	on net6 ip link add br0 type bridge
	on net6 ip link set br0 up
	ip -n gw link add eth1 type veth peer name gw netns net6
	ip -n h6 link add eth0 type veth peer name h6 netns net6
	on net6 ip link set gw master br0 up
	on net6 ip link set h6 master br0 up
	on net6 ip addr add $NET6_ROUTER/64 dev br0
	on net6 sysctl -qw net.ipv6.conf.all.forwarding=1 net.ipv4.ip_forward=1
	on gw sysctl -qw net.ipv6.conf.eth1.accept_ra=2 \
		net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
	on gw ip link set eth1 up
	on h6 ip addr add $H6_ADDR/64 dev eth0
	on h6 ip link set eth0 up
	on h6 ip -6 route add default via $NET6_ROUTER

	# srv4, the IPv4 internet behind the PLAT.
	ip -n net6 link add eth1 type veth peer name eth0 netns srv4
	on net6 ip addr add $PLAT_V4/24 dev eth1
	on net6 ip link set eth1 up
	on srv4 ip addr add $SRV4_ADDR/24 dev eth0
	on srv4 ip link set eth0 up
	on srv4 ip route add default via $PLAT_V4

	plat_up
	kea_up
	radvd_up
}

plat_up() {
	jool_load
	on net6 jool instance add default --netfilter --pool6 $PREF64/96 > /dev/null ||
		die "jool instance add"
}

plat_down() {
	on net6 jool instance remove default > /dev/null 2>&1
}

kea_up() {
	local d=$E2E_TMP/kea
	mkdir -p "$d"
	cat > "$d/kea-dhcp6.conf" <<-KEA
	{ "Dhcp6": {
	    "interfaces-config": { "interfaces": [ "br0" ] },
	    "lease-database": { "type": "memfile", "persist": true,
	                        "name": "$d/leases6.csv", "lfc-interval": 0 },
	    "server-id": { "type": "LL", "persist": false },
	    "renew-timer": ${KEA_T1:-1000}, "rebind-timer": ${KEA_T2:-2000},
	    "preferred-lifetime": ${KEA_PREFERRED:-3000},
	    "valid-lifetime": ${KEA_VALID:-4000},
	    "subnet6": [ { "id": 1, "subnet": "$NET6::/64", "interface": "br0",
	                   "rapid-commit": true,
	                   "pools": [ { "pool": "$NET6::1000-$NET6::1fff" } ] } ],
	    "loggers": [ { "name": "kea-dhcp6", "severity": "INFO",
	                   "output_options": [ { "output": "$d/kea.log" } ] } ]
	} }
	KEA
	KEA_PIDFILE_DIR=$d KEA_LOCKFILE_DIR=$d ip netns exec net6 kea-dhcp6 -c "$d/kea-dhcp6.conf" \
		> "$d/kea.out" 2>&1 &
	echo $! > "$d/pid"
	wait_for 30 sh -c "! kill -0 $(cat "$d/pid") || ip netns exec net6 ss -Hlun | grep -q ':547 '"
	kill -0 "$(cat "$d/pid")" && on net6 ss -Hlun | grep -q ':547 ' ||
		{ cat "$d/kea.out" "$d/kea.log" 2>/dev/null; die "kea did not start"; }
}

kea_down() {
	local d=$E2E_TMP/kea
	[ -f "$d/pid" ] || return 0
	kill "$(cat "$d/pid")" 2>/dev/null
	wait_for 10 sh -c "! kill -0 $(cat "$d/pid")"
	rm -f "$d/pid"
}

# kea_lease_of MAC: the address Kea leased to MAC, from its lease file
kea_lease_of() {
	awk -F, -v mac="$1" '$1 ~ /:/ && $3 > 0 && $14 == 0 && tolower($13) == tolower(mac) { a = $1 } END { if (a) print a; else exit 1 }' \
		"$E2E_TMP/kea/leases6.csv"
}

radvd_up() {
	local d=$E2E_TMP/radvd
	mkdir -p "$d"
	cat > "$d/radvd.conf" <<-RA
	interface br0 {
		AdvSendAdvert on;
		MinRtrAdvInterval 3;
		MaxRtrAdvInterval 10;
		AdvManagedFlag on;
		AdvOtherConfigFlag on;
		prefix $NET6::/64 { AdvOnLink on; AdvAutonomous off; };
	};
	RA
	ip netns exec net6 radvd -n -C "$d/radvd.conf" -p "$d/radvd.pid" -m logfile \
		-l "$d/radvd.log" > /dev/null 2>&1 &
	wait_for 10 test -s "$d/radvd.pid" || die "radvd did not start"
}

# dev_add NAME MAC IPV4: an IPv4-only device on the LAN
dev_add() {
	local name=$1 mac=$2 addr=$3
	ns_new "$name"
	ip -n "$name" link add eth0 address "$mac" type veth peer name "$name" netns lan
	on lan ip link set "$name" master br0 up
	on "$name" sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	on "$name" ip addr add "$addr/24" dev eth0
	on "$name" ip link set eth0 up
	on "$name" ip route add default via $GW_LAN
	NAMESPACES="$NAMESPACES $name"
}

topo_down() {
	local ns pid
	for ns in $NAMESPACES; do
		for pid in $(ip netns pids "$ns" 2>/dev/null); do
			kill "$pid" 2>/dev/null
		done
	done
	sleep 0.2
	for ns in $NAMESPACES; do
		for pid in $(ip netns pids "$ns" 2>/dev/null); do
			kill -9 "$pid" 2>/dev/null
		done
		ip netns del "$ns" 2>/dev/null
	done
	rm -rf "$E2E_TMP"
}

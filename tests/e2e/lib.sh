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
# advertises itself as router with the M flag, and is the PLAT: a NAT64 for
# 64:ff9b::/96 translating to srv4's IPv4 network, where srv4 sees it as
# 192.31.196.1. V4V6_PLAT picks it: "jool" (Jool's NAT64 module, built for
# the guest's kernel by tests/e2e/jool-build.sh) or "tayga" (TAYGA, a
# userspace NAT64 on a tun device, for any kernel); by default Jool where it
# was built, else TAYGA.
#
# srv4's network uses 192.31.196.0/24: the well-known prefix may only carry
# globally reachable IPv4 addresses (RFC 6052 section 3.1), and this block
# (RFC 7535) is one. The guest has no network device to the outside, so no
# packet of these tests can leave it.

E2E_TMP=${E2E_TMP:-/tmp/e2e}
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
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
# result TEXT: a measurement the runner prints even when the test passes
result() { printf '  result: %s\n' "$*"; }
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

if [ -z "${V4V6_PLAT:-}" ]; then
	if [ -n "${JOOL_DIR:-}" ] && [ -f "$JOOL_DIR/jool.ko" ]; then
		V4V6_PLAT=jool
	else
		V4V6_PLAT=tayga
	fi
fi
export V4V6_PLAT

# The 64:ff9b::/96 form of an IPv4 address.
pref64_of() { echo "$PREF64$1"; }

modules_load() {
	local m
	for m in veth bridge macvlan nf_defrag_ipv4 nf_defrag_ipv6 nf_conntrack x_tables; do
		modprobe "$m" || die "modprobe $m"
	done
	[ "$V4V6_PLAT" != tayga ] || for m in tun nf_tables nf_conntrack nf_nat nft_chain_nat nft_nat; do
		modprobe "$m" || die "modprobe $m"
	done
}

# has_jool_siit: Jool SIIT was built for this kernel (the differential
# test's reference translator)
has_jool_siit() { [ -n "${JOOL_DIR:-}" ] && [ -f "$JOOL_DIR/jool_siit.ko" ]; }

# has_pktgen: the kernel's packet generator (the benchmark's sender) is
# there to load
has_pktgen() { modprobe -q pktgen; }

# has_ynl: the kernel's generic netlink client is there (scripts/ynl.sh,
# V4V6_YNL from tests/e2e/run.sh)
has_ynl() { [ -f "${V4V6_YNL:-}/tools/net/ynl/cli.py" ]; }

# skip WHY: the test cannot run here; the runner counts it as skipped
skip() { printf '  SKIP: %s\n' "$*"; exit 77; }

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

# plat_up [PREFIX/LEN]: the PLAT in net6, translating for PREFIX/LEN
# (default 64:ff9b::/96)
plat_up() {
	local prefix=${1:-$PREF64/96}
	case $V4V6_PLAT in
	jool)
		jool_load
		on net6 jool instance add default --netfilter --pool6 "$prefix" > /dev/null ||
			die "jool instance add --pool6 $prefix"
		;;
	tayga) tayga_up "$prefix" ;;
	*) die "V4V6_PLAT=$V4V6_PLAT: jool or tayga" ;;
	esac
}

# plat_down: no PLAT any more
plat_down() {
	case $V4V6_PLAT in
	jool) on net6 jool instance remove default > /dev/null 2>&1 ;;
	tayga) tayga_down ;;
	esac
	return 0
}

# plat_at PREFIX/LEN: the PLAT translating for PREFIX/LEN instead
plat_at() {
	plat_down
	plat_up "$1"
}

# TAYGA is stateless: it gives each IPv6 source an address of its own from
# TAYGA_POOL (a /22: 1022 addresses, for the 200 devices of t/69 and the
# others), which net6 masquerades as PLAT_V4 towards srv4 (NAT44), so that
# srv4 sees the PLAT as it sees Jool. Its tun device "plat" is created by
# TAYGA and goes with it; its own addresses are TAYGA_V4 (in the pool, left
# out of it) and TAYGA_V6 (outside the NAT64 prefix: the well-known prefix
# may not hold a private IPv4 address).
TAYGA_POOL=100.64.4.0/22
TAYGA_V4=100.64.7.254
TAYGA_V6=2001:db8:64::1
tayga_up() {
	local prefix=$1 d=$E2E_TMP/tayga
	mkdir -p "$d"
	cat > "$d/tayga.conf" <<-TAYGA
	tun-device plat
	ipv4-addr $TAYGA_V4
	ipv6-addr $TAYGA_V6
	prefix $prefix
	dynamic-pool $TAYGA_POOL
	data-dir $d
	TAYGA
	# (-d: in the foreground, and its messages, errors among them, to
	# stderr rather than to syslog)
	ip netns exec net6 tayga -c "$d/tayga.conf" -d >> "$d/log" 2>&1 &
	echo $! > "$d/pid"
	wait_for 10 on net6 ip link show plat ||
		{ sed 's/^/  tayga| /' "$d/log"; die "tayga did not start"; }
	on net6 ip link set plat up &&
		on net6 ip route add $TAYGA_POOL dev plat &&
		on net6 ip -6 route add "$prefix" dev plat &&
		on net6 ip -6 route add $TAYGA_V6/128 dev plat ||
		die "routes to tayga"
	on net6 nft -f - <<-NFT || die "net6: NAT44 for tayga"
	table ip plat {
		chain post {
			type nat hook postrouting priority srcnat; policy accept;
			ip saddr $TAYGA_POOL oifname "eth1" snat to $PLAT_V4
		}
	}
	NFT
}

# tayga_down: TAYGA stopped (its tun device goes with it), no NAT44
tayga_down() {
	local d=$E2E_TMP/tayga pid
	on net6 nft delete table ip plat 2> /dev/null
	pid=$(cat "$d/pid" 2> /dev/null) || return 0
	kill "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null	# (when this shell started it)
	wait_for 10 sh -c "! kill -0 $pid" || kill -9 "$pid" 2> /dev/null
	wait_for 5 sh -c "! ip -n net6 link show plat" || die "tayga's tun device stays"
	rm -f "$d/pid"
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

# kea_down: Kea stopped (killed if it takes more than 10 s: a kea_up after
# this must not find the old one still listening)
kea_down() {
	local d=$E2E_TMP/kea
	[ -f "$d/pid" ] || return 0
	kill "$(cat "$d/pid")" 2>/dev/null
	wait_for 10 sh -c "! kill -0 $(cat "$d/pid")" || kill -9 "$(cat "$d/pid")" 2> /dev/null
	wait_for 5 sh -c "! kill -0 $(cat "$d/pid")" || die "kea does not stop"
	rm -f "$d/pid"
}

# kea_lease_of MAC: the address Kea leases to MAC, from its lease file
# (memfile appends a line for each change of a lease, the last one of an
# address counts: one with valid lifetime 0 is a lease released, state 1
# declined, 2 expired)
kea_lease_of() {
	awk -F, -v mac="$1" '$1 ~ /:/ { l[$1] = $0; if (!($1 in n)) o[++k] = $1; n[$1] = 1 }
		END {
			for (i = 1; i <= k; i++) {
				split(l[o[i]], f, ",")
				if (f[3] > 0 && f[14] == 0 && tolower(f[13]) == tolower(mac)) a = o[i]
			}
			if (a) print a; else exit 1
		}' "$E2E_TMP/kea/leases6.csv"
}

# radvd_up: radvd on net6's br0, the router with the M flag and the prefix
# on-link without the A flag (RADVD_MANAGED=off RADVD_AUTONOMOUS=on: the
# other way round, addresses by SLAAC)
radvd_up() {
	local d=$E2E_TMP/radvd
	mkdir -p "$d"
	rm -f "$d/radvd.pid"
	cat > "$d/radvd.conf" <<-RA
	interface br0 {
		AdvSendAdvert on;
		MinRtrAdvInterval 3;
		MaxRtrAdvInterval 10;
		AdvManagedFlag ${RADVD_MANAGED:-on};
		AdvOtherConfigFlag on;
		prefix $NET6::/64 { AdvOnLink on; AdvAutonomous ${RADVD_AUTONOMOUS:-off}; };
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

# The test devices of the traffic tests: NAME MAC IPV4 IPV6 (the IPv6
# addresses lie outside Kea's pool).
D1="d1 02:00:00:00:00:0a $LAN_NET.10 $NET6::4:10"
D2="d2 02:00:00:00:00:0b $LAN_NET.11 $NET6::4:11"
D3="d3 02:00:00:00:00:0c $LAN_NET.12 $NET6::4:12"

# v4v6ctl in the gateway.
ctl() { on gw "$V4V6_CTL" "$@"; }

# Translation switched off (tests/e2e/guest.sh runs the traffic tests a
# second time so, and requires them to fail).
xlat_off() { [ "${V4V6_XLAT_OFF:-0}" = 1 ]; }

# xt SECONDS: how long to wait for translated traffic: SECONDS, or 2 with
# translation off, where it cannot come and the test is to fail quickly.
xt() { if xlat_off; then echo 2; else echo "$1"; fi; }

# With V4V6_XLAT_OFF=1, switch translation off once everything is set up.
# Called by the helpers below after every change that could switch it on.
xlat_off_apply() {
	xlat_off || return 0
	ctl config set lan none > /dev/null || die "config set lan none"
	[ -n "${XLAT_OFF_SAID:-}" ] || log "xlat: switched off"
	XLAT_OFF_SAID=1
}

# v4v6_up [CONFIG...]: load v4v6.ko (if it is not) and translate between
# the LAN (eth0) and the WAN (eth1), with more "config set" settings.
v4v6_up() {
	lsmod | grep -q '^v4v6 ' || insmod "$V4V6_KO" || die "insmod v4v6"
	ctl config set lan eth0 wan eth1 "$@" || die "config set lan eth0 wan eth1 $*"
	xlat_off_apply
}

# ident_add NAME MAC IPV6: a device's WAN identity in the gateway: a macvlan
# NAME on the WAN with the device's MAC, holding its IPv6 address.
#
# It is made to look like a host, not a router: forwarding is off on it, so
# that its neighbour advertisements carry no router flag (with the gateway's
# forwarding on they would: ndisc takes the flag from the interface's
# forwarding setting), and it takes no RAs. Its routes, as v4v6d's: table
# 1000, which one rule (pref 1000, no selector) has every lookup try first,
# holds source routes for IPV6 (default via the PLAT router and the on-link
# prefix, both "from IPV6" through NAME; other sources find nothing there),
# and the main table has a default route through NAME too, for lookups that
# are strict about the interface but carry no source; its metric, 4096 +
# ifindex (one per identity: no multipath), leaves the gateway's own default
# route (from the RA, 1024) in front for everything else. Deleting NAME
# deletes its routes; the rule stays, for all identities.
ident_add() {
	local name=$1 mac=$2 addr=$3 ifindex
	on gw ip link add link eth1 name "$name" address "$mac" type macvlan mode private ||
		die "macvlan $name"
	on gw sysctl -qw "net.ipv6.conf.$name.forwarding=0" \
		"net.ipv6.conf.$name.accept_ra=0" "net.ipv6.conf.$name.accept_dad=0" ||
		die "sysctl $name"
	on gw ip addr add "$addr/64" dev "$name" nodad || die "address $addr on $name"
	on gw ip link set "$name" up || die "$name up"
	ifindex=$(on gw cat "/sys/class/net/$name/ifindex")
	on gw ip -6 route add "$NET6::/64" from "$addr" dev "$name" table 1000 &&
		on gw ip -6 route add default from "$addr" via $NET6_ROUTER dev "$name" table 1000 &&
		ident_rule &&
		on gw ip -6 route add default via $NET6_ROUTER dev "$name" metric $((4096 + ifindex)) ||
		die "routes of $name"
	wait_for 10 sh -c "ip -n gw -6 addr show dev $name scope global | grep -q '$addr' &&
		! ip -n gw -6 addr show dev $name | grep -q tentative" ||
		die "$addr on $name not usable"
}

# ident_rule: the identities' one rule in the gateway (v4v6d's), unless
# it is there
ident_rule() {
	on gw ip -6 rule show pref 1000 | grep -q 'lookup 1000' ||
		on gw ip -6 rule add pref 1000 lookup 1000
}

# v4v6_device MAC IPV4 IPV6 IDENT: the device in v4v6's table
v4v6_device() {
	ctl device add "$1" ipv4 "$2" ipv6 "$3" wan "$4" ||
		die "device add $1 ipv4 $2 ipv6 $3 wan $4"
	xlat_off_apply
}

# v4v6_map IDENT MAC IPV4 IPV6: WAN identity IDENT for a device, and the
# device in v4v6's table
v4v6_map() {
	ident_add "$1" "$2" "$4"
	v4v6_device "$2" "$3" "$4" "$1"
}

# mapped_dev NAME MAC IPV4 IPV6 (e.g. mapped_dev $D1): a LAN device NAME
# whose WAN identity is the macvlan "id-NAME", in v4v6's table
mapped_dev() {
	dev_add "$1" "$2" "$3"
	v4v6_map "id-$1" "$2" "$3" "$4"
}

# stat_get NAME: a counter of "v4v6ctl stats" ("NAME VALUE" lines)
stat_get() {
	ctl stats | awk -v k="$1" '$1 == k { v = $2 } END { print v + 0 }'
}

# dev_get KEY DEVICE: a member of "v4v6ctl -j device show DEVICE"
dev_get() {
	ctl -j device show "$2" | python3 -c 'import json, sys
print(json.load(sys.stdin)[sys.argv[1]])' "$1"
}

# dev_ipv6_is MAC ADDR: the kernel's table maps MAC to ADDR
dev_ipv6_is() { [ "$(dev_get ipv6 "$1" 2> /dev/null)" = "$2" ]; }

# blob NAME MIB: a file of MIB MiB of random bytes, $E2E_TMP/NAME
blob() { head -c $(($2 * 1048576)) /dev/urandom > "$E2E_TMP/$1"; }

# listening NS PROTO PORT: NS has a socket listening on PORT (tcp or udp)
listening() {
	if [ "$2" = tcp ]; then
		on "$1" ss -Hltn "sport = :$3" | grep -q .
	else
		on "$1" ss -Hlun "sport = :$3" | grep -q .
	fi
}

# same_file A B WHAT: die unless A and B have the same SHA-256
same_file() {
	local a b
	a=$(sha256sum < "$1" | cut -d' ' -f1)
	b=$(sha256sum < "$2" 2> /dev/null | cut -d' ' -f1)
	[ "$a" = "$b" ] || die "$3: sha256 $b, sent $a ($(stat -c %s "$2" 2> /dev/null || echo no) bytes)"
}

# tcp_up NS FILE PORT [SECONDS]: NS sends FILE to srv4 over TCP, which
# must receive it intact
tcp_up() {
	local ns=$1 f=$2 port=$3 secs=${4:-60} got=$E2E_TMP/got-up-$1-$3 srv rc
	ip netns exec srv4 timeout "$secs" socat -u "TCP4-LISTEN:$port,reuseaddr" "CREATE:$got" &
	srv=$!
	wait_for 10 listening srv4 tcp "$port" || die "srv4 does not listen on $port"
	on "$ns" timeout "$(xt "$secs")" socat -u "OPEN:$f" "TCP4:$SRV4_ADDR:$port,connect-timeout=$(xt 20)"
	rc=$?
	[ $rc -eq 0 ] || kill $srv 2> /dev/null
	wait $srv
	[ $rc -eq 0 ] || die "TCP upload from $ns to $SRV4_ADDR:$port (exit $rc)"
	same_file "$f" "$got" "TCP upload from $ns"
}

# tcp_down NS FILE PORT [SECONDS]: srv4 sends FILE to NS over TCP, which
# must receive it intact
tcp_down() {
	local ns=$1 f=$2 port=$3 secs=${4:-60} got=$E2E_TMP/got-down-$1-$3 srv rc
	ip netns exec srv4 timeout "$secs" socat -u "OPEN:$f" "TCP4-LISTEN:$port,reuseaddr" &
	srv=$!
	wait_for 10 listening srv4 tcp "$port" || die "srv4 does not listen on $port"
	on "$ns" timeout "$(xt "$secs")" socat -u "TCP4:$SRV4_ADDR:$port,connect-timeout=$(xt 20)" "CREATE:$got"
	rc=$?
	[ $rc -eq 0 ] || kill $srv 2> /dev/null
	wait $srv
	[ $rc -eq 0 ] || die "TCP download from $SRV4_ADDR:$port to $ns (exit $rc)"
	same_file "$f" "$got" "TCP download to $ns"
}

# udp_serve PORT [OPTIONS...]: a UDP echo server on srv4 (tests/e2e/udp.py)
# logging every datagram to $E2E_TMP/udp-PORT.log
udp_serve() {
	local port=$1
	shift
	ip netns exec srv4 python3 "$E2E_DIR/udp.py" serve "$port" "$E2E_TMP/udp-$port.log" "$@" &
	wait_for 20 listening srv4 udp "$port" || die "no UDP server on srv4:$port"
}

# udp_ask NS PORT [OPTIONS...]: NS sends datagrams to srv4:PORT and must get
# each back (tests/e2e/udp.py ask)
udp_ask() {
	local ns=$1 port=$2
	shift 2
	on "$ns" python3 "$E2E_DIR/udp.py" ask "$SRV4_ADDR" "$port" --timeout "$(xt 5)" "$@"
}

# capture NAME NS IF FILTER...: tcpdump -e in NS on IF into $E2E_TMP/NAME.txt
# until capture_stop NAME. (Processes in the background ignore SIGINT, and
# a background shell function would be a subshell: ip netns exec runs here
# and capture_stop ends tcpdump with SIGTERM.)
capture() {
	local name=$1 ns=$2 dev=$3
	shift 3
	ip netns exec "$ns" tcpdump -l -n -e -i "$dev" "$@" > "$E2E_TMP/$name.txt" 2> "$E2E_TMP/$name.err" &
	echo $! > "$E2E_TMP/$name.pid"
	wait_for 20 grep -q 'listening on' "$E2E_TMP/$name.err" ||
		{ cat "$E2E_TMP/$name.err"; die "tcpdump $name did not start"; }
}

capture_stop() {
	local pid
	pid=$(cat "$E2E_TMP/$1.pid")
	sleep 0.5
	kill "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	return 0
}

# v4v6d_up [CONFIG-LINE...]: v4v6.ko loaded and v4v6d running in the
# gateway (LAN eth0, WAN eth1) with a configuration of these lines more; its
# log is $E2E_TMP/v4v6d/log, its state file $E2E_TMP/v4v6d/state.json.
V4V6D_DIR=$E2E_TMP/v4v6d
v4v6d_up() {
	local l
	lsmod | grep -q '^v4v6 ' || insmod "$V4V6_KO" || die "insmod v4v6"
	mkdir -p "$V4V6D_DIR"
	{
		echo "lan eth0"
		echo "wan eth1"
		echo "state $V4V6D_DIR/state.json"
		for l in "$@"; do echo "$l"; done
	} > "$V4V6D_DIR/v4v6d.conf"
	v4v6d_start
}

# v4v6d_start: (re)start v4v6d with the configuration v4v6d_up wrote
v4v6d_start() {
	local n
	n=$(cat "$V4V6D_DIR/log" 2> /dev/null | grep -c 'v4v6d: LAN')
	ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ip netns exec gw "$V4V6D" -f -v -c "$V4V6D_DIR/v4v6d.conf" >> "$V4V6D_DIR/log" 2>&1 &
	echo $! > "$V4V6D_DIR/pid"
	wait_for 20 sh -c "[ \$(grep -c 'v4v6d: LAN' '$V4V6D_DIR/log') -gt $n ]" ||
		{ cat "$V4V6D_DIR/log"; die "v4v6d did not start"; }
	xlat_off_apply
}

# v4v6d_stop [SIGNAL]: stop v4v6d (SIGTERM: it saves its state and exits
# cleanly, which is checked; -9: killed)
v4v6d_stop() {
	local sig=${1:-TERM} pid rc
	pid=$(cat "$V4V6D_DIR/pid")
	kill -"$sig" "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null	# (no "Killed" from bash)
	rc=$?
	if [ "$sig" = TERM ] && [ $rc -ne 0 ]; then
		tail -n 40 "$V4V6D_DIR/log"
		die "v4v6d exited with $rc on SIGTERM"
	fi
	return 0
}

# v4v6d_log_has PATTERN: v4v6d logged a line matching PATTERN (grep -E)
v4v6d_log_has() { grep -qE "$1" "$V4V6D_DIR/log"; }

# v4v6d_dump: v4v6d's log, for a failing test
v4v6d_dump() { sed 's/^/  v4v6d| /' "$V4V6D_DIR/log" | tail -n "${1:-60}"; }

# kea_duid_of MAC: the DUID of Kea's lease for MAC
kea_duid_of() {
	awk -F, -v mac="$1" '$1 ~ /:/ && $3 > 0 && tolower($13) == tolower(mac) { d = $2 } END { if (d) print d; else exit 1 }' \
		"$E2E_TMP/kea/leases6.csv"
}

# ---- The daemon tests (t/6*-daemon-*) ----

# kea_restart: Kea stopped and started again, with the times of KEA_T1,
# KEA_T2, KEA_PREFERRED and KEA_VALID from the environment (seconds); its
# lease file is kept
kea_restart() {
	kea_down
	kea_up
}

# kea_log_has PATTERN: Kea logged a line matching PATTERN (grep -E)
kea_log_has() { grep -qE "$1" "$E2E_TMP/kea/kea.log"; }

# kea_expiries ADDR: the expire column (Unix time) of every line Kea wrote
# for ADDR in its lease file, one a line, oldest first (memfile appends a
# line for each change of a lease)
kea_expiries() {
	awk -F, -v a="$1" '$1 == a { print $4 }' "$E2E_TMP/kea/leases6.csv"
}

# kea_addresses: how many addresses Kea's lease file has ever leased
kea_addresses() {
	awk -F, '$1 ~ /:/ { a[$1] = 1 } END { print length(a) }' "$E2E_TMP/kea/leases6.csv"
}

# radvd_down: radvd stopped (it says goodbye with a router lifetime of 0)
radvd_down() {
	local d=$E2E_TMP/radvd pid
	pid=$(cat "$d/radvd.pid" 2> /dev/null) || return 0
	kill "$pid" 2> /dev/null
	wait_for 10 sh -c "! kill -0 $pid" || die "radvd does not stop"
	rm -f "$d/radvd.pid"
}

# ra_pref64 PREFIX/LEN [LIFETIME]: net6's router advertises the NAT64
# prefix PREFIX/LEN in a PREF64 option (RFC 8781): three RAs like radvd's
# (M and O flags) with the option. (radvd 2.19 cannot: tests/e2e/ra.py.)
ra_pref64() {
	on net6 python3 "$E2E_DIR/ra.py" br0 --managed --other --router-lifetime 30 \
		--pref64 "$1" --pref64-lifetime "${2:-600}" --count 3 --interval 0.5 ||
		die "ra.py: no RA with PREF64 $1"
}

# dnsmasq_up: dnsmasq as net6's DHCPv6 server instead of Kea (stop Kea
# first): no DNS, addresses from the same pool, leases in
# $E2E_TMP/dnsmasq/leases, its log in $E2E_TMP/dnsmasq/log
dnsmasq_up() {
	local d=$E2E_TMP/dnsmasq
	mkdir -p "$d"
	ip netns exec net6 /usr/sbin/dnsmasq --no-daemon --conf-file=/dev/null --port=0 \
		--user=root --group=root --interface=br0 --bind-interfaces \
		--dhcp-range=$NET6::1000,$NET6::1fff,64,1h --dhcp-rapid-commit \
		--dhcp-leasefile="$d/leases" --pid-file="$d/dnsmasq.pid" \
		--log-dhcp --log-facility="$d/log" > "$d/out" 2>&1 &
	echo $! > "$d/pid"
	wait_for 20 sh -c "! kill -0 $(cat "$d/pid") || ip netns exec net6 ss -Hlun | grep -q ':547 '"
	kill -0 "$(cat "$d/pid")" && on net6 ss -Hlun | grep -q ':547 ' ||
		{ cat "$d/out" "$d/log" 2> /dev/null; die "dnsmasq did not start"; }
}

# dnsmasq_down: dnsmasq stopped
dnsmasq_down() {
	local d=$E2E_TMP/dnsmasq
	[ -f "$d/pid" ] || return 0
	kill "$(cat "$d/pid")" 2> /dev/null
	wait_for 10 sh -c "! kill -0 $(cat "$d/pid")" || kill -9 "$(cat "$d/pid")" 2> /dev/null
	wait_for 5 sh -c "! kill -0 $(cat "$d/pid")" || die "dnsmasq does not stop"
	rm -f "$d/pid"
}

# dnsmasq_lease_of MAC: the address dnsmasq leased to the DUID-LL of MAC
# (its lease file's DHCPv6 lines: EXPIRY IAID ADDRESS NAME DUID)
dnsmasq_lease_of() {
	awk -v duid="00:03:00:01:$1" 'NF >= 5 && $3 ~ /:/ && tolower($5) == tolower(duid) { a = $3 } END { if (a) print a; else exit 1 }' \
		"$E2E_TMP/dnsmasq/leases"
}

# dhcp6_capture NAME: DHCPv6 on net6's switch (tcpdump -e -tt, into
# $E2E_TMP/NAME.txt) until capture_stop NAME
dhcp6_capture() { capture "$1" net6 br0 -tt -vv udp port 547 or udp port 546; }

# dhcp6_count NAME MAC TYPE: how many DHCPv6 messages of TYPE (solicit,
# request, renew, rebind, release, decline..., or several: "a|b") capture
# NAME saw from MAC
dhcp6_count() {
	grep -ciE "^[0-9.]+ $2 > .* dhcp6 ($3) " "$E2E_TMP/$1.txt"
}

# dhcp6_times NAME MAC TYPE: the times (Unix, tcpdump -tt) of those messages
dhcp6_times() {
	grep -iE "^[0-9.]+ $2 > .* dhcp6 ($3) " "$E2E_TMP/$1.txt" | awk '{ print $1 }'
}

# in_kernel MAC: MAC is in v4v6's device table
in_kernel() { ctl device show "$1" > /dev/null 2>&1; }

# eui64_of PREFIX MAC: the SLAAC address (RFC 4291's modified EUI-64) of
# MAC in the /64 PREFIX (such as 2001:db8:6::), as inet_ntop writes it
eui64_of() {
	python3 -c 'import ipaddress, sys
m = bytes.fromhex(sys.argv[2].replace(":", ""))
iid = bytes([m[0] ^ 2]) + m[1:3] + b"\xff\xfe" + m[3:6]
p = ipaddress.IPv6Address(sys.argv[1]).packed[:8]
print(ipaddress.IPv6Address(p + iid))' "$1" "$2"
}

# ident_addrs IDENT: the global IPv6 addresses on identity IDENT (gw), one
# a line, as "ADDRESS valid_lft VALID" (ip -o)
ident_addrs() {
	on gw ip -6 -o addr show dev "$1" scope global |
		sed -n 's|.* inet6 \([0-9a-f:]*\)/[0-9]* .*valid_lft \([a-z0-9]*\).*|\1 valid_lft \2|p'
}

# v4v6d_pid: the daemon's pid (the pid file holds the "ip netns exec" one,
# which execs into v4v6d: checked)
v4v6d_pid() {
	local pid
	pid=$(cat "$V4V6D_DIR/pid") || return 1
	case $(cat "/proc/$pid/comm" 2> /dev/null) in
	v4v6d) echo "$pid" ;;
	*) pgrep -P "$pid" -x v4v6d ;;
	esac
}

# v4v6d_log_count PATTERN: how many lines of v4v6d's log match PATTERN
v4v6d_log_count() { grep -cE "$1" "$V4V6D_DIR/log"; }

# fw4_load [drop_invalid]: OpenWrt's fw4 ruleset (tests/e2e/fw4.nft) in the
# gateway, with fw4's option drop_invalid if asked for (invalid flows
# dropped in input, forward and output). nfnetlink comes with nf_tables:
# it is built in on 7.2 (not even in modules.builtin, so modprobe fails).
fw4_load() {
	local m
	for m in nf_tables nf_conntrack nf_conntrack_netlink nft_ct nft_limit \
		nf_nat nft_chain_nat nft_nat nft_masq nf_reject_ipv4 nf_reject_ipv6 \
		nft_reject nft_reject_inet; do
		modprobe $m || die "modprobe $m"
	done
	if [ "${1:-}" = drop_invalid ]; then
		sed 's/ct state vmap { established : accept, related : accept }/ct state vmap { established : accept, related : accept, invalid : drop }/' \
			"$E2E_DIR/fw4.nft" > "$E2E_TMP/fw4.nft"
		grep -c 'invalid : drop' "$E2E_TMP/fw4.nft" | grep -qx 3 || die "fw4.nft: no ct state vmaps"
	else
		cp "$E2E_DIR/fw4.nft" "$E2E_TMP/fw4.nft"
	fi
	on gw nft -f "$E2E_TMP/fw4.nft" || die "loading fw4.nft"
	on gw nft list chain inet fw4 input | grep -q 'policy drop' || die "fw4 input chain"
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
	# The next test starts without v4v6 too.
	! lsmod | grep -q '^v4v6 ' || rmmod v4v6
	rm -rf "$E2E_TMP"
}

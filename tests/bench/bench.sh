#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmark, inside the test guest (make bench: tests/bench/run.sh; its
# smoke run is the e2e test t/51-bench-smoke.sh). One topology of three
# namespaces, built here with tests/e2e/lib.sh's helpers:
#
#   lan ── eth0 [gw] eth1 ── wan        lan: the devices (pktgen sends from
#    └──── gen0 ─ gen1 ──────┘          their MACs and addresses), wan: the
#                                       router of the IPv6 network and the
#                                       remote host $REMOTE6 (192.31.196.10)
#
# Every configuration forwards through the same gateway "gw":
#   fwd6-out, fwd6-in   plain IPv6 forwarding, LAN to WAN and back (the limit)
#   v4v6-4to6, -6to4    v4v6 translating, "inbound all" (no connection tracking)
#   jool-4to6, -6to4    Jool SIIT, pool6 64:ff9b::/96, an EAMT entry per device
#   v4v6ct-4to6, -6to4  v4v6 with "inbound replies" (connection tracking held)
#   gen4, gen6          the generator alone, lan to wan over gen0/gen1
# and v4v6 again with 100, 1,000 and 10,000 devices in its table.
#
# 64-byte UDP: pktgen on CPU $CPU sends for SECS seconds; a veth delivers
# each frame synchronously into the softirq of the same CPU, so the whole
# path (generator, gateway, the sink's ingress drop) runs there. The cost of
# a configuration is that CPU's busy time (/proc/stat) per packet delivered
# to the sink, less the generator's own (gen4 or gen6 in the same round):
# the gateway's CPU time per packet. Ratios are taken per round, and the
# rounds interleave the configurations. Then TCP (iperf3, MSS 1360: 1400-byte
# IPv4 packets) and ping RTT each way, and the control plane (the e2e test
# 76-daemon-1000, where this tree has it).
#
#   bench.sh [--smoke] [--reps N] [--secs S] [--perf] [--configs A:B...]
#
# --smoke: one short round of every configuration; fails if one of them
# forwards nothing (with V4V6_XLAT_OFF=1, v4v6's must). --perf: a profile of
# the gateway's CPU during a v4v6 4->6 run. --configs: only these packet
# rate configurations (and no table sizes, TCP, ping or control plane), for
# a look at one of them. Needs JOOL_DIR (or empty),
# V4V6_KO, V4V6_CTL and, for the control plane, V4V6D (tests/bench/guest.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
E2E_TMP=/tmp/bench
. "$here/../e2e/lib.sh"
UAPI=$here/../../uapi/linux/v4v6.h

smoke='' reps=5 secs=3 perf='' configs=''
while [ $# -gt 0 ]; do
	case $1 in
	--smoke) smoke=1 reps=1 secs=1 ;;
	--reps) reps=$2; shift ;;
	--secs) secs=$2; shift ;;
	--perf) perf=1 ;;
	--configs) configs=${2//:/ }; shift ;;
	*) echo "usage: bench.sh [--smoke] [--reps N] [--secs S] [--perf]" >&2; exit 2 ;;
	esac
	shift
done

NDEV=4
[ -z "$smoke" ] || NDEV=2
REMOTE=$SRV4_ADDR
REMOTE6=64:ff9b::c01f:c40a	# $REMOTE under the prefix
LAN6=2001:db8:1
GW_LAN6=$LAN6::1
GW_WAN6=$NET6::2
CPU=1
RES=/tmp/bench-results
SIZES="100 1000 10000"
[ -z "$smoke" ] || SIZES=100

say() { printf 'bench: %s\n' "$*"; }
# record KIND FIELDS...: a line of the results, for report.py
record() { echo "$*" >> "$RES/results.txt"; }

# Device I (0 .. NDEV-1). pktgen counts the source MAC from the first
# packet on but the source address from the second (it increments it before
# use), so the device with MAC I has host number 100 + (I + 1) % NDEV.
dev_mac() { printf '02:00:00:00:01:%02x\n' "$1"; }
dev_host() { echo $((100 + ($1 + 1) % NDEV)); }
dev_ip4() { echo "$LAN_NET.$(dev_host "$1")"; }
dev_ip6() { echo "$NET6::4:$(dev_host "$1")"; }
dev_lan6() { echo "$LAN6::$(dev_host "$1")"; }
mac_of() { on "$1" cat "/sys/class/net/$2/address"; }

bench_up() {
	local i nsdev dev
	mkdir -p "$E2E_TMP"
	modules_load
	for m in pktgen nf_tables; do modprobe $m || die "modprobe $m"; done
	NAMESPACES="gw lan wan"
	for ns in $NAMESPACES; do ns_new $ns; done
	ip -n gw link add eth0 type veth peer name eth0 netns lan &&
		ip -n gw link add eth1 type veth peer name eth0 netns wan &&
		ip -n lan link add gen0 type veth peer name gen1 netns wan || die "veths"
	on lan ip link set eth0 address "$(dev_mac 0)"
	# Software checksums and no TSO at the outer ends: TCP crosses the
	# gateway as 1400-byte packets, as from a NIC without GRO.
	for nsdev in "lan eth0" "lan gen0" "wan eth0" "wan gen1"; do
		on ${nsdev% *} ethtool -K ${nsdev#* } tx off > /dev/null || die "tx off: $nsdev"
	done
	for nsdev in "gw eth0" "gw eth1" "lan eth0" "lan gen0" "wan eth0" "wan gen1"; do
		on ${nsdev% *} ip link set ${nsdev#* } up || die "up: $nsdev"
	done

	# When the softirq of CPU $CPU runs long (a vCPU descheduled under
	# TCG), the kernel defers it to ksoftirqd while pktgen goes on
	# sending: a backlog this long keeps those packets rather than
	# dropping them, and they are handled on CPU $CPU all the same.
	sysctl -qw net.core.netdev_max_backlog=1000000 || die "netdev_max_backlog"
	on gw sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 \
		net.ipv6.conf.eth1.accept_ra=0 || die "gw sysctls"
	on gw ip addr add $GW_LAN/24 dev eth0 &&
		on gw ip addr add $GW_LAN6/64 dev eth0 nodad &&
		on gw ip addr add $GW_WAN6/64 dev eth1 nodad &&
		on gw ip -6 route add default via $NET6_ROUTER dev eth1 || die "gw addresses"
	on lan ip addr add "$(dev_ip4 0)/24" dev eth0 &&
		on lan ip addr add "$(dev_lan6 0)/64" dev eth0 nodad &&
		on lan ip route add default via $GW_LAN &&
		on lan ip -6 route add default via $GW_LAN6 || die "lan addresses"
	on wan ip addr add $NET6_ROUTER/64 dev eth0 nodad &&
		on wan ip addr add $REMOTE6/128 dev lo &&
		on wan ip -6 route add $LAN6::/64 via $GW_WAN6 || die "wan addresses"

	for i in $(seq 0 $((NDEV - 1))); do
		ident_add "id-d$i" "$(dev_mac "$i")" "$(dev_ip6 "$i")"
	done
	# No neighbour discovery or ARP between the measurements' packets
	WAN_MAC=$(mac_of wan eth0) GW_ETH0=$(mac_of gw eth0) GW_ETH1=$(mac_of gw eth1)
	GEN0=$(mac_of lan gen0) GEN1=$(mac_of wan gen1)
	for dev in eth1 $(on gw ls /sys/class/net | grep '^id-d'); do
		on gw ip -6 neigh replace $NET6_ROUTER lladdr "$WAN_MAC" dev "$dev" nud permanent ||
			die "neighbour $NET6_ROUTER on $dev"
	done
	for i in $(seq 0 $((NDEV - 1))); do
		on gw ip neigh replace "$(dev_ip4 "$i")" lladdr "$(dev_mac "$i")" dev eth0 nud permanent &&
			on gw ip -6 neigh replace "$(dev_lan6 "$i")" lladdr "$(dev_mac "$i")" dev eth0 nud permanent ||
			die "neighbours of device $i"
	done

	lsmod | grep -q '^v4v6 ' || insmod "$V4V6_KO" || die "insmod v4v6"
	ctl config set lan eth0 wan eth1 lowest-mtu 1500 inbound all > /dev/null || die "v4v6 config"
	for i in $(seq 0 $((NDEV - 1))); do
		ctl device add "$(dev_mac "$i")" ipv4 "$(dev_ip4 "$i")" ipv6 "$(dev_ip6 "$i")" \
			wan "id-d$i" static allow icmp > /dev/null || die "device $i"
	done
	v4v6_set off
	if has_jool_siit; then
		lsmod | grep -q '^jool_common ' || insmod "$JOOL_DIR/jool_common.ko" || die "insmod jool_common"
		lsmod | grep -q '^jool_siit ' || insmod "$JOOL_DIR/jool_siit.ko" || die "insmod jool_siit"
	fi
	if command -v iperf3 > /dev/null; then
		on wan taskset -c "$ALL_CPUS" iperf3 -s -D -I "$E2E_TMP/iperf3.pid" || die "iperf3 server"
		wait_for 10 listening wan tcp 5201 || die "no iperf3 server"
	fi
}

bench_down() {
	NAMESPACES="gw lan wan" topo_down > /dev/null 2>&1
	rmmod jool_siit 2> /dev/null
	return 0
}

# v4v6_set off|all|replies: v4v6 off, or translating with that inbound
# policy (off all the same with V4V6_XLAT_OFF=1, lib.sh's xlat_off_apply)
v4v6_set() {
	if [ "$1" = off ]; then
		ctl config set lan none > /dev/null || die "v4v6 off"
	else
		ctl config set lan eth0 inbound "$1" > /dev/null || die "v4v6 inbound $1"
		xlat_off_apply
	fi
}

# jool_set on|off: the Jool SIIT instance in gw (its netfilter hooks go
# with it, so that the other configurations do not pay for them)
jool_set() {
	local i
	if [ "$1" = off ]; then
		on gw jool_siit instance remove bench > /dev/null 2>&1
		return 0
	fi
	on gw jool_siit instance add bench --netfilter --pool6 $PREF64/96 > /dev/null &&
		on gw jool_siit -i bench global update lowest-ipv6-mtu 1500 > /dev/null ||
		die "jool_siit instance"
	for i in $(seq 0 $((NDEV - 1))); do
		on gw jool_siit -i bench eamt add "$(dev_ip6 "$i")/128" "$(dev_ip4 "$i")/32" > /dev/null ||
			die "jool_siit eamt $i"
	done
}

# setup CONFIG: the gateway as CONFIG needs it
setup() {
	case $1 in
	v4v6ct-*) jool_set off; v4v6_set replies ;;
	v4v6-* | size*) jool_set off; v4v6_set all ;;
	jool-*) v4v6_set off; jool_set on ;;
	*) v4v6_set off; jool_set off ;;
	esac
}

# sinks on|off: every frame into lan and wan dropped at their ingress (the
# sinks of the packet rates), or the namespaces' stacks answering (TCP, ping)
sinks() {
	local ns
	for ns in lan wan; do
		on $ns nft delete table netdev sink 2> /dev/null
		[ "$1" = on ] || continue
		on $ns nft -f - <<-NFT || die "$ns: sink"
		table netdev sink {
			chain e { type filter hook ingress device eth0 priority 0; policy drop; }
			chain g { type filter hook ingress device $([ $ns = lan ] && echo gen0 || echo gen1) priority 0; policy drop; }
		}
		NFT
	done
}

# pktgen lines for a UDP stream: udp4 SRC-MAC-COUNT DST-MAC (from the
# devices to $REMOTE), udp6 SRC6 DST6-MIN DST6-MAX DST-MAC SPORT DPORT
pg_common() {
	printf '%s\n' "count 0" "clone_skb 0" "burst 1" "delay 0" "flag UDPCSUM"
}
udp4() {
	pg_common
	printf '%s\n' "pkt_size 60" "dst_mac $2" "src_mac $(dev_mac 0)" "src_mac_count $1" \
		"src_min $LAN_NET.100" "src_max $LAN_NET.$((99 + NDEV))" "dst $REMOTE" \
		"udp_src_min 9000" "udp_src_max 9000" "udp_dst_min 9" "udp_dst_max 9"
}
udp6() {
	pg_common
	printf '%s\n' "pkt_size 80" "dst_mac $4" "src6 $1" "dst6_min $2" "dst6_max $3" \
		"udp_src_min $5" "udp_src_max $5" "udp_dst_min $6" "udp_dst_max $6"
}

# pg NS DEV SECS LINES: pktgen (on CPU $CPU) sends on DEV in NS for SECS
# seconds, configured by LINES; prints "PACKETS MICROSECONDS"
pg() {
	on "$1" timeout 300 taskset -c 0 bash -c '
		d=/proc/net/pktgen t=/proc/net/pktgen/kpktgend_'$CPU'
		echo rem_device_all > $t && echo "add_device $1" > $t || exit 1
		while read -r l; do
			echo "$l" > "$d/$1" || { echo "pktgen: \"$l\" refused" >&2; exit 1; }
		done <<< "$3"
		echo start > $d/pgctrl &
		sleep "$2"
		echo stop > $d/pgctrl
		wait
		sed -n "s/^ *Result: OK: \([0-9]*\)(.*) usec, \([0-9]*\) .*/\2 \1/p" "$d/$1"
		echo rem_device_all > $t' sh "$2" "$3" "$4"
}

cpu_busy() { awk -v c="cpu$CPU" '$1 == c { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
rx_of() { on "$1" cat "/sys/class/net/$2/statistics/rx_packets"; }

# flow CONFIG: "NS DEV SINK-NS SINK-DEV" and the pktgen lines of CONFIG
flow() {
	case $1 in
	gen4) echo "lan gen0 wan gen1"; udp4 "$NDEV" "$GEN1" ;;
	gen6) echo "wan gen1 lan gen0"; udp6 $REMOTE6 "$NET6::4:100" "$NET6::4:$((99 + NDEV))" "$GEN0" 9 9000 ;;
	fwd6-out) echo "lan eth0 wan eth0"; udp6 "$(dev_lan6 0)" $REMOTE6 $REMOTE6 "$GW_ETH0" 9000 9 ;;
	fwd6-in) echo "wan eth0 lan eth0"; udp6 $REMOTE6 "$LAN6::100" "$LAN6::$((99 + NDEV))" "$GW_ETH1" 9 9000 ;;
	*4to6*) echo "lan eth0 wan eth0"; udp4 "$NDEV" "$GW_ETH0" ;;
	*6to4*) echo "wan eth0 lan eth0"; udp6 $REMOTE6 "$NET6::4:100" "$NET6::4:$((99 + NDEV))" "$GW_ETH1" 9 9000 ;;
	esac
}

# measure CONFIG ROUND [LABEL]: one pktgen run of CONFIG (set up already),
# recorded as "pps ROUND LABEL PPS CPU-NS-PER-PACKET SENT DELIVERED"
measure() {
	local cfg=$1 round=$2 label=${3:-$1} spec lines ns dev sns sdev rx0 rx1 c0 c1 sent usec n
	spec=$(flow "$cfg")
	read -r ns dev sns sdev <<< "$(head -n 1 <<< "$spec")"
	lines=$(tail -n +2 <<< "$spec")
	rx0=$(rx_of "$sns" "$sdev") c0=$(cpu_busy)
	read -r sent usec <<< "$(pg "$ns" "$dev" "$secs" "$lines")"
	# (until the backlog is drained)
	rx1=$(rx_of "$sns" "$sdev")
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		sleep 0.2
		[ "$(rx_of "$sns" "$sdev")" != "$rx1" ] || break
		rx1=$(rx_of "$sns" "$sdev")
	done
	c1=$(cpu_busy)
	[ -n "${usec:-}" ] && [ "$usec" -gt 0 ] || die "$label: pktgen gave no result"
	n=$((rx1 - rx0))
	record pps "$round" "$label" "$(awk -v n=$n -v u="$usec" -v c=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" \
		'BEGIN { printf "%.0f %.0f", n * 1e6 / u, n ? c * 1e9 / hz / n : 0 }')" "$sent" "$n"
	[ -z "${BENCH_DEBUG:-}" ] || { say "$label: $n of $sent delivered"; lost_show; }
	# Every configuration forwards nearly all it is given.
	if [ $((n * 2)) -lt "$sent" ]; then
		say "$label: only $n of $sent packets delivered"
		lost_show
		return 1
	fi
}

# lost_show: where the gateway lost packets, for a failure
lost_show() {
	{
		ctl stats | awk '$2 > 0'
		ctl devices
		on gw nstat -as | awk '$2 > 0'
		on gw conntrack -S
		on gw ip -s link
	} 2>&1 | sed 's/^/  gw| /'
}

# prime_flows: each device's UDP flow to $REMOTE known to connection
# tracking, for the 6->4 packets of v4v6ct-6to4 to be replies
prime_flows() {
	pg lan eth0 0.3 "$(udp4 "$NDEV" "$GW_ETH0")" > /dev/null
}

# size_fill N: N devices in v4v6's table (the NDEV of the traffic and
# fillers from tests/bench/nldev.py; "device flush" keeps the static ones)
size_fill() {
	local have
	have=$(ctl stats | awk '$1 == "devices" { print $2 }')
	if [ "$have" -gt "$1" ]; then
		ctl device flush > /dev/null || die "device flush"
		have=$NDEV
	fi
	[ "$have" -eq "$1" ] || on gw python3 "$here/nldev.py" "$UAPI" add $((have - NDEV)) $(($1 - have)) ||
		die "filling the table to $1"
	have=$(ctl stats | awk '$1 == "devices" { print $2 }')
	[ "$have" -eq "$1" ] || die "$have devices in the table, not $1"
}

PPS_CONFIGS=${configs:-gen4 gen6 fwd6-out v4v6-4to6 jool-4to6 fwd6-in v4v6-6to4 jool-6to4 v4v6ct-4to6 v4v6ct-6to4}

run_pps() {
	local round cfgs c k n
	set -- $PPS_CONFIGS
	n=$#
	for round in $(seq 1 "$reps"); do
		# each round starts one configuration later: no configuration
		# always runs first or right after the same one
		k=$(((round - 1) % n))
		cfgs="${*:k+1} ${*:1:k}"
		for c in $cfgs; do
			case $c in jool-*) has_jool_siit || continue ;; esac
			setup "$c"
			[ "$c" != v4v6ct-6to4 ] || prime_flows
			measure "$c" "$round" || return 1
		done
	done
	setup off
}

run_sizes() {
	local round size
	for round in $(seq 1 "$reps"); do
		setup v4v6-4to6
		size_fill $NDEV
		for size in $NDEV $SIZES; do
			size_fill "$size"
			measure v4v6-4to6 "$round" "size$size-4to6" || return 1
			measure v4v6-6to4 "$round" "size$size-6to4" || return 1
			# the generator in the same round, for the gateway's share
			[ "$size" != $NDEV ] || { measure gen4 "$round" size-gen4 && measure gen6 "$round" size-gen6; } ||
				return 1
		done
		ctl device flush > /dev/null
	done
	setup off
}

# tcp CONFIG ROUND: iperf3 from the device 0 to $REMOTE (or, plain, from its
# IPv6 address to $REMOTE6), up and down (-R)
run_tcp_one() {
	local cfg=$1 round=$2 dir dst mbps rev
	dst=$REMOTE
	[ "$cfg" != fwd6 ] || dst=$REMOTE6
	for dir in up down; do
		rev=
		[ $dir = up ] || rev=-R
		mbps=$(on lan taskset -c "$ALL_CPUS" iperf3 -c $dst -M 1360 -t "$secs" -f m $rev 2> /dev/null |
			awk '/receiver$/ { v = $(NF - 2) } END { print v + 0 }')
		record tcp "$round" "$cfg-$dir" "$mbps"
		[ "${mbps%.*}" -gt 0 ] || { say "$cfg-$dir: no TCP throughput"; return 1; }
	done
}

# ping_one CONFIG ROUND: RTT from device 0 to the remote and back (out) and
# from the remote to device 0 (in)
run_ping_one() {
	local cfg=$1 round=$2 n=20 dir ms
	[ -z "$smoke" ] || n=3
	for dir in out in; do
		if [ $dir = out ]; then
			if [ "$cfg" = fwd6 ]; then
				ms=$(on lan ping -q -c $n -i 0.05 -W 2 $REMOTE6)
			else
				ms=$(on lan ping -q -c $n -i 0.05 -W 2 $REMOTE)
			fi
		elif [ "$cfg" = fwd6 ]; then
			ms=$(on wan ping -q -c $n -i 0.05 -W 2 -I $REMOTE6 "$(dev_lan6 0)")
		else
			ms=$(on wan ping -q -c $n -i 0.05 -W 2 -I $REMOTE6 "$(dev_ip6 0)")
		fi
		ms=$(sed -n 's|^rtt [^=]*= [0-9.]*/\([0-9.]*\)/.*|\1|p' <<< "$ms")
		[ -n "$ms" ] || { say "$cfg: ping $dir: no answer"; return 1; }
		record ping "$round" "$cfg-$dir" "$ms"
	done
}

run_tcp_ping() {
	local round c
	for round in $(seq 1 "$reps"); do
		for c in fwd6 v4v6 jool v4v6ct; do
			[ $c != jool ] || has_jool_siit || continue
			case $c in
			fwd6) setup fwd6-out ;;
			*) setup "$c-4to6" ;;
			esac
			if command -v iperf3 > /dev/null; then
				run_tcp_one $c "$round" || return 1
			fi
			run_ping_one $c "$round" || return 1
		done
	done
	setup off
}

# a profile of CPU $CPU during a v4v6 4->6 run (perf, where it works)
run_perf() {
	command -v perf > /dev/null || { say "perf: not available"; return 0; }
	sysctl -qw kernel.kptr_restrict=0 kernel.perf_event_paranoid=-1
	setup v4v6-4to6
	perf record -q -e cpu-clock -C $CPU -g -o "$E2E_TMP/perf.data" -- sleep $((secs + 1)) 2> /dev/null &
	pg lan eth0 "$secs" "$(udp4 "$NDEV" "$GW_ETH0")" > /dev/null
	wait
	perf report -i "$E2E_TMP/perf.data" --stdio --no-children --sort sym 2> /dev/null |
		grep -E '^ +[0-9.]+%' | head -n 30 | sed 's/^/perf| /' >> "$RES/perf.txt"
	setup off
}

# The control plane: the e2e test of v4v6d with 1,000 devices against Kea,
# where this tree has it; its results, or "n/a".
CP_TEST=76-daemon-1000
run_control_plane() {
	if [ ! -f "$here/../e2e/t/$CP_TEST.sh" ]; then
		record cp na "no e2e test $CP_TEST in this tree"
		return 0
	fi
	bash "$here/../e2e/guest.sh" "${JOOL_DIR:-none}" "$V4V6_KO" "$CP_TEST/on" > "$RES/cp.log" 2>&1
	local rc=$?
	sed -n 's/^    | result: //p' "$RES/cp.log" | while read -r l; do record cp result "$l"; done
	[ $rc -eq 0 ] || record cp na "e2e test $CP_TEST failed (exit $rc)"
}

accel() {
	if dmesg | grep -q 'Hypervisor detected: KVM'; then echo KVM; else echo TCG; fi
}

# This script and all it starts keep to CPU 0, pktgen and the packets'
# softirqs have CPU $CPU to themselves (iperf3 uses every CPU).
taskset -pc 0 $$ > /dev/null || die "taskset"
ALL_CPUS=0-$(($(getconf _NPROCESSORS_ONLN) - 1))
rm -rf "$RES"
mkdir -p "$RES"
trap bench_down EXIT
record info accel "$(accel)"
record info cpus "$(getconf _NPROCESSORS_ONLN)"
record info kernel "$(uname -r)"
record info rounds "$reps x $secs s"
record info devices "$NDEV"
say "$(accel), $(getconf _NPROCESSORS_ONLN) CPUs, $(uname -r); $reps rounds of $secs s per configuration"
bench_up
say "topology up; Jool SIIT: $(has_jool_siit && echo yes || echo "no (not built for $(uname -r))")"
sinks on
run_pps || die "packet rates: a configuration forwarded (nearly) nothing"
say "packet rates done"
[ -z "$configs" ] || { python3 "$here/report.py" "$RES/results.txt" | sed 's/^/bench: /'; exit 0; }
run_sizes || die "table sizes: a configuration forwarded (nearly) nothing"
say "table sizes done"
[ -z "$perf" ] || run_perf
sinks off
run_tcp_ping || die "TCP and ping: a configuration did not forward"
say "TCP and ping done"
bench_down
trap - EXIT
[ -n "$smoke" ] || run_control_plane
[ ! -f "$RES/perf.txt" ] || sed 's/^/bench: /' "$RES/perf.txt"
python3 "$here/report.py" ${smoke:+--smoke} "$RES/results.txt" > "$RES/report.txt"
rc=$?
sed 's/^/bench: /' "$RES/report.txt"
exit $rc

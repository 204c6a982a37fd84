#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmark, inside the test guest (make bench: tests/bench/run.sh; its
# smoke run in make check is the e2e test t/51-bench-smoke.sh, with the
# same packet rates of tests/bench/lib.sh on the e2e topology). One
# topology of three namespaces, built here with tests/e2e/lib.sh's helpers:
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
# 64-byte UDP from pktgen (tests/bench/lib.sh). The cost of a configuration
# is CPU $CPU's busy time (/proc/stat) per packet delivered to the sink,
# less the generator's own (gen4 or gen6 in the same round): the gateway's
# CPU time per packet. Ratios are taken per round, and the rounds
# interleave the configurations. Then TCP (iperf3, MSS 1360: 1400-byte IPv4
# packets) and ping RTT each way, and the control plane (the e2e test
# 76-daemon-1000, where this tree has it).
#
#   bench.sh [--reps N] [--secs S] [--perf] [--configs A:B...] [--control-plane]
#
# --perf: a profile of the gateway's CPU during a run of plain forwarding
# and of v4v6 4->6 (with --configs: of each of those). --configs: only
# these packet rate configurations (and no table sizes, TCP, ping or
# control plane), for a look at one of them. --control-plane: that alone.
# Needs JOOL_DIR (or empty),
# V4V6_KO, V4V6_CTL and, for the control plane, V4V6D (tests/bench/guest.sh).
set -u
here=$(cd "$(dirname "$0")" && pwd)
E2E_TMP=/tmp/bench
. "$here/../e2e/lib.sh"
. "$here/lib.sh"
UAPI=$here/../../uapi/linux/v4v6.h

reps=5 secs=3 perf='' configs='' cp_only=''
while [ $# -gt 0 ]; do
	case $1 in
	--reps) reps=$2; shift ;;
	--secs) secs=$2; shift ;;
	--perf) perf=1 ;;
	--configs) configs=${2//:/ }; shift ;;
	--control-plane) cp_only=1 ;;
	*) echo "usage: bench.sh [--reps N] [--secs S] [--perf] [--configs A:B...] [--control-plane]" >&2; exit 2 ;;
	esac
	shift
done

NDEV=4
BPREF=$PREF64
REMOTE=$SRV4_ADDR
GW_WAN6=$NET6::2
RES=/tmp/bench-results
SIZES="100 1000 10000"
# shellcheck disable=SC2034 # read by tests/bench/lib.sh
LNS=lan LDEV=eth0 WNS=wan WDEV=eth0 BENCH_VERBOSE=${BENCH_DEBUG:-}

bench_up() {
	local nsdev
	mkdir -p "$E2E_TMP"
	modules_load
	NAMESPACES="gw lan wan"
	for ns in $NAMESPACES; do ns_new $ns; done
	ip -n gw link add eth0 type veth peer name eth0 netns lan &&
		ip -n gw link add eth1 type veth peer name eth0 netns wan || die "veths"
	gen_link
	on lan ip link set eth0 address "$(dev_mac 0)"
	# Software checksums and no TSO at the outer ends: TCP crosses the
	# gateway as 1400-byte packets, as from a NIC without GRO.
	for nsdev in "lan eth0" "lan gen0" "wan eth0" "wan gen1"; do
		on ${nsdev% *} ethtool -K ${nsdev#* } tx off > /dev/null || die "tx off: $nsdev"
	done
	for nsdev in "gw eth0" "gw eth1" "lan eth0" "wan eth0"; do
		on ${nsdev% *} ip link set ${nsdev#* } up || die "up: $nsdev"
	done
	on gw sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 \
		net.ipv6.conf.eth1.accept_ra=0 || die "gw sysctls"
	on gw ip addr add $GW_WAN6/64 dev eth1 nodad || die "gw: $GW_WAN6"
	on lan ip addr add "$(dev_ip4 0)/24" dev eth0 &&
		on lan ip addr add "$(dev_lan6 0)/64" dev eth0 nodad &&
		on lan ip route add default via $GW_LAN &&
		on lan ip -6 route add default via $GW_LAN6 || die "lan addresses"
	on wan ip addr add $NET6_ROUTER/64 dev eth0 nodad &&
		on wan ip addr add "$BPREF$REMOTE/128" dev lo &&
		on wan ip -6 route add $LAN6::/64 via $GW_WAN6 || die "wan addresses"
	# shellcheck disable=SC2034 # read by bench_gw
	WAN_MAC=$(mac_of wan eth0)
	bench_gw
	if command -v iperf3 > /dev/null; then
		on wan taskset -c "$ALL_CPUS" iperf3 -s -D -I "$E2E_TMP/iperf3.pid" || die "iperf3 server"
		wait_for 10 listening wan tcp 5201 || die "no iperf3 server"
	fi
}

bench_down() {
	bench_gw_down
	NAMESPACES="gw lan wan" topo_down > /dev/null 2>&1
	return 0
}

# size_fill N: N devices in v4v6's table (the NDEV of the traffic and
# fillers from tests/bench/nldev.py; "device flush" keeps the static ones),
# each filler with the source route v4v6d gives a device's address in table
# 1000 (through eth1: they have no identities, and send nothing)
size_fill() {
	local have
	have=$(ctl stats | awk '$1 == "devices" { print $2 }')
	if [ "$have" -gt "$1" ]; then
		ctl device flush > /dev/null || die "device flush"
		ip -6 -n gw route flush table 1000 dev eth1 || die "the fillers' routes"
		have=$NDEV
	fi
	if [ "$have" -lt "$1" ]; then
		on gw python3 "$here/nldev.py" "$UAPI" add $((have - NDEV)) $(($1 - have)) ||
			die "filling the table to $1"
		# (nldev.py's addresses: 2001:db8:6::5:X:Y for filler X * 256 + Y)
		awk -v a=$((have - NDEV)) -v n=$(($1 - have)) -v r="$NET6_ROUTER" 'BEGIN {
			for (i = a; i < a + n; i++)
				printf "route replace ::/0 from 2001:db8:6::5:%x:%x via %s dev eth1 table 1000\n",
					int(i / 256), i % 256, r
		}' | ip -6 -n gw -batch - || die "the fillers' routes"
	fi
	have=$(ctl stats | awk '$1 == "devices" { print $2 }')
	[ "$have" -eq "$1" ] || die "$have devices in the table, not $1"
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

# run_perf CONFIG...: a profile of CPU $CPU during a run of each (perf,
# where it works), its 30 heaviest symbols
run_perf() {
	local cfg spec ns dev pid ctl ack l
	command -v perf > /dev/null || { say "perf: not available"; return 0; }
	sysctl -qw kernel.kptr_restrict=0 kernel.perf_event_paranoid=-1
	for cfg in "$@"; do
		setup "$cfg"
		spec=$(flow "$cfg")
		read -r ns dev _ <<< "${spec%%$'\n'*}"
		# perf takes seconds to start under TCG, and pktgen would be done
		# by then: it starts with its events off, and pktgen's run starts
		# once perf has said (on its control FIFO) that they are on.
		rm -f "$E2E_TMP/perf.ctl" "$E2E_TMP/perf.ack"
		mkfifo "$E2E_TMP/perf.ctl" "$E2E_TMP/perf.ack" || die "mkfifo"
		exec {ctl}<> "$E2E_TMP/perf.ctl" {ack}<> "$E2E_TMP/perf.ack"
		perf record -q -e cpu-clock -C $CPU -g -D -1 -o "$E2E_TMP/perf.data" \
			--control "fifo:$E2E_TMP/perf.ctl,$E2E_TMP/perf.ack" 2> "$E2E_TMP/perf.err" &
		pid=$!
		echo enable >&"$ctl"
		if ! read -r -t 120 -u "$ack" l; then
			say "perf: did not start: $(head -c 300 "$E2E_TMP/perf.err")"
			kill $pid
			exec {ctl}>&- {ack}>&-
			return 0
		fi
		pg "$ns" "$dev" "$secs" "${spec#*$'\n'}" > /dev/null
		echo disable >&"$ctl"
		read -r -t 60 -u "$ack" l
		kill -INT $pid
		# (perf alone: the pktgen shells of tests/bench/lib.sh stay)
		wait $pid
		exec {ctl}>&- {ack}>&-
		echo "perf| $cfg:" >> "$RES/perf.txt"
		perf report -i "$E2E_TMP/perf.data" --stdio --no-children --sort sym 2> /dev/null |
			grep -E '^ +[0-9.]+%' | head -n 30 | sed 's/^/perf| /' >> "$RES/perf.txt"
	done
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
	# (the runner prints "    |   result: ..." under a test)
	sed -n 's/^ *| *result: //p' "$RES/cp.log" | while read -r l; do record cp result "$l"; done
	[ $rc -eq 0 ] && return 0
	record cp na "e2e test $CP_TEST failed (exit $rc)"
	grep -E '^ *\| *FAIL: |^e2e: ' "$RES/cp.log" | head -n 10 | sed 's/^/control plane| /'
	return 0
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
record info jool "$(has_jool_siit && echo yes || echo no)"
say "$(accel), $(getconf _NPROCESSORS_ONLN) CPUs, $(uname -r); $reps rounds of $secs s per configuration"
if [ -n "$cp_only" ]; then
	trap - EXIT
	run_control_plane
	python3 "$here/report.py" "$RES/results.txt" | sed 's/^/bench: /'
	exit 0
fi
bench_up
say "topology up; Jool SIIT: $(has_jool_siit && echo yes || echo "no (not built for $(uname -r))")"
sinks on
# shellcheck disable=SC2086 # one word per configuration
run_pps "$reps" $configs || die "packet rates: less than half delivered by$BENCH_FAILED"
say "packet rates done"
if [ -n "$configs" ]; then
	# shellcheck disable=SC2086 # one word per configuration
	[ -z "$perf" ] || { run_perf $configs; sed 's/^/bench: /' "$RES/perf.txt"; }
	python3 "$here/report.py" "$RES/results.txt" | sed 's/^/bench: /'
	exit 0
fi
run_sizes || die "table sizes: a configuration forwarded (nearly) nothing"
say "table sizes done"
[ -z "$perf" ] || run_perf fwd6-out v4v6-4to6
sinks off
run_tcp_ping || die "TCP and ping: a configuration did not forward"
say "TCP and ping done"
bench_down
trap - EXIT
run_control_plane
[ ! -f "$RES/perf.txt" ] || sed 's/^/bench: /' "$RES/perf.txt"
python3 "$here/report.py" "$RES/results.txt" > "$RES/report.txt"
rc=$?
sed 's/^/bench: /' "$RES/report.txt"
exit $rc

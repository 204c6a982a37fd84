# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
# shellcheck disable=SC2154 # secs and the topology's names: the caller's
#
# The benchmark's packet rates, shared by make bench (tests/bench/bench.sh,
# its own topology) and its smoke run in make check (the e2e test
# t/51-bench-smoke.sh, on the e2e topology). Sourced after tests/e2e/lib.sh.
#
# The gateway is namespace gw, its LAN port eth0 and its WAN port eth1 (as
# in both topologies). Its neighbours on either side are veths the caller
# names: $LNS/$LDEV is the far end of eth0 (pktgen sends the LAN's packets
# there, and there they are sunk), $WNS/$WDEV the far end of eth1, and
# $LNS/gen0 ─ $WNS/gen1 (gen_link) a direct link for the generator alone.
# The caller sets these, NDEV (how many devices pktgen sends as), BPREF (the
# NAT64 prefix, /96), REMOTE (the IPv4 host the devices send to), WAN_MAC
# (the MAC of the IPv6 router $NET6_ROUTER), secs (seconds per run; 0:
# PG_COUNT packets instead), RES (a folder for results.txt), and then calls
# bench_gw.
#
# 64-byte UDP: pktgen on CPU $CPU sends for $secs seconds; a veth delivers
# each frame synchronously into the softirq of the same CPU, so the whole
# path (generator, gateway, the sink's ingress drop) runs there. The caller
# keeps itself on CPU 0 (taskset).
#
# Under TCG on a loaded host every program started costs up to a second, so
# what runs for each measurement is a shell builtin where it can be: the
# counters are read from /proc/PID/net/dev of a process in the namespace,
# the pauses are a read with a time-out, the gateway is set up by two
# batches of ip commands.

LAN6=2001:db8:1
GW_LAN6=$LAN6::1
CPU=1
PG_COUNT=${PG_COUNT:-0}
GEN0_MAC=02:00:00:00:03:00
GEN1_MAC=02:00:00:00:03:01
BENCH_VERBOSE=${BENCH_VERBOSE:-}
HZ=$(getconf CLK_TCK)
declare -gA HOLD=()

say() { printf 'bench: %s\n' "$*"; }
# lap WHAT: the time of a step (with BENCH_VERBOSE)
lap() { [ -z "$BENCH_VERBOSE" ] || say "$SECONDS s: $*"; }
# record KIND FIELDS...: a line of the results, for report.py
record() { echo "$*" >> "$RES/results.txt"; }
# us_now: EPOCHREALTIME in microseconds, into US
us_now() { US=${EPOCHREALTIME//[.,]/}; }

# pause SECONDS: sleep without starting a program (a read that times out on
# a pipe this shell holds both ends of)
pause() {
	[ -n "${PAUSE_FD:-}" ] || exec {PAUSE_FD}<> <(:)
	read -r -t "$1" -u "$PAUSE_FD" _ || :
}

# Device I (0 .. NDEV-1). pktgen counts the source MAC from the first
# packet on but the source address from the second (it increments it before
# use), so the device with MAC I has host number 100 + (I + 1) % NDEV.
dev_mac() { printf '02:00:00:00:01:%02x\n' "$1"; }
dev_host() { echo $((100 + ($1 + 1) % NDEV)); }
dev_ip4() { echo "$LAN_NET.$(dev_host "$1")"; }
dev_ip6() { echo "$NET6::4:$(dev_host "$1")"; }
dev_lan6() { echo "$LAN6::$(dev_host "$1")"; }
# mac_of NS DEV: DEV's MAC address
mac_of() {
	local l
	l=$(ip -n "$1" -o link show dev "$2") || return 1
	[[ $l =~ link/ether\ ([0-9a-f:]{17}) ]] || return 1
	echo "${BASH_REMATCH[1]}"
}

# gen_link: the generator's own link, $LNS/gen0 ─ $WNS/gen1, up
gen_link() {
	ip -n "$LNS" link add gen0 address $GEN0_MAC type veth peer name gen1 address $GEN1_MAC \
		netns "$WNS" && ip -n "$LNS" link set gen0 up && ip -n "$WNS" link set gen1 up ||
		die "veth gen0 ─ gen1"
}

# pktgen, driven from a shell in its namespace (one per namespace, started
# once by hold: under TCG starting "ip netns exec" and a shell for each run
# costs seconds). It reads "DEV SECS FILE" lines from its fifo: pktgen (on
# CPU $CPU) sends on DEV for SECS seconds (0: until the count in FILE is
# sent), configured by the lines of FILE; it answers "PACKETS MICROSECONDS"
# (0 0 if pktgen refused) on the other.
# shellcheck disable=SC2016 # expanded by that shell
PG_SERVER='
exec < "$1" > "$2"
d=/proc/net/pktgen t=/proc/net/pktgen/kpktgend_'$CPU'
re="^Result: OK: ([0-9]+)\(.*\) usec, ([0-9]+) "
echo ready
while read -r dev secs conf; do
	sent=0 usec=0 ok=
	echo rem_device_all > $t && echo "add_device $dev" > $t && ok=1
	while [ -n "$ok" ] && read -r l; do
		echo "$l" > "$d/$dev" || { echo "pktgen: \"$l\" refused" >&2; ok=; }
	done < "$conf"
	if [ -n "$ok" ] && [ "$secs" = 0 ]; then
		echo start > $d/pgctrl
	elif [ -n "$ok" ]; then
		echo start > $d/pgctrl &
		sleep "$secs"
		echo stop > $d/pgctrl
		wait
	fi
	while [ -n "$ok" ] && read -r l; do
		[[ $l =~ $re ]] && sent=${BASH_REMATCH[2]} usec=${BASH_REMATCH[1]}
	done < "$d/$dev"
	echo rem_device_all > $t
	echo "$sent $usec"
done'
declare -gA PG_IN=() PG_OUT=()

# hold NS: the pktgen shell of NS started, HOLD[NS] its pid (a process in
# NS: /proc/PID/net/dev has NS's counters)
hold() {
	local in=$E2E_TMP/pg-$1.in out=$E2E_TMP/pg-$1.out fdi fdo l
	mkfifo "$in" "$out" || die "mkfifo"
	exec {fdi}<> "$in" {fdo}<> "$out"
	ip netns exec "$1" bash -c "$PG_SERVER" sh "$in" "$out" &
	HOLD[$1]=$! PG_IN[$1]=$fdi PG_OUT[$1]=$fdo
	read -r -t 60 -u "$fdo" l && [ "$l" = ready ] || die "$1: no pktgen shell"
}

# pg NS DEV SECS LINES: pktgen sends on DEV in NS for SECS seconds (0:
# until the count in LINES is sent), configured by LINES; PG_SENT and
# PG_USEC: the packets sent and the microseconds it took
pg() {
	local f=$E2E_TMP/pg-$1.conf
	printf '%s\n' "$4" > "$f"
	echo "$2 $3 $f" >&"${PG_IN[$1]}"
	read -r -t 300 -u "${PG_OUT[$1]}" PG_SENT PG_USEC || die "$1: pktgen did not answer"
}

# rx_get NS DEV: RX = the packets DEV in NS received
rx_get() {
	local name stats
	RX=
	while IFS=: read -r name stats; do
		[ "${name// /}" = "$2" ] || continue
		read -r _ RX _ <<< "$stats"
		return 0
	done < "/proc/${HOLD[$1]}/net/dev"
	die "no $2 in $1"
}

# cpu_get: BUSY = CPU $CPU's busy time (user, nice, system, irq and
# softirq; /proc/stat, USER_HZ)
cpu_get() {
	local c u n s rest irq softirq
	while read -r c u n s _ _ irq softirq rest; do
		[ "$c" = "cpu$CPU" ] || continue
		BUSY=$((u + n + s + irq + softirq))
		return 0
	done < /proc/stat
}

# bench_gw: the gateway as every configuration needs it, on links that are
# up: plain IPv6 forwarding between $LAN6::/64 and $BPREF/96, the NDEV
# devices with their identities (macvlans on eth1, routed as lib.sh's
# ident_add and v4v6d do: source routes in table 1000, one rule) in v4v6's
# table (off for now), static neighbours (no ARP or neighbour discovery
# between the measured packets), Jool SIIT loaded where it was built. Sets REMOTE6, GW_ETH0 and GW_ETH1 (MACs).
bench_gw() {
	local i ip6 m
	REMOTE6=$BPREF$REMOTE
	[ -d /sys/module/pktgen ] || modprobe pktgen || die "modprobe pktgen"
	[ -d /sys/module/nf_tables ] || modprobe nf_tables || die "modprobe nf_tables"
	hold "$LNS"
	hold "$WNS"
	# When the softirq of CPU $CPU runs long (a vCPU descheduled under
	# TCG), the kernel defers it to ksoftirqd while pktgen goes on
	# sending: a backlog this long keeps those packets rather than
	# dropping them, and they are handled on CPU $CPU all the same.
	read -r BACKLOG_WAS < /proc/sys/net/core/netdev_max_backlog
	echo 1000000 > /proc/sys/net/core/netdev_max_backlog || die "netdev_max_backlog"
	{
		echo "address replace $GW_LAN/24 dev eth0"
		for ((i = 0; i < NDEV; i++)); do
			echo "neigh replace $(dev_ip4 "$i") lladdr $(dev_mac "$i") dev eth0 nud permanent"
		done
	} | ip -n gw -batch - || die "gw: IPv4 address and neighbours"
	{
		echo "address add $GW_LAN6/64 dev eth0 nodad"
		echo "route replace $BPREF/96 via $NET6_ROUTER dev eth1 onlink"
		echo "neigh replace $NET6_ROUTER lladdr $WAN_MAC dev eth1 nud permanent"
		echo "rule add pref 1000 lookup 1000"
		for ((i = 0; i < NDEV; i++)); do
			m=$(dev_mac "$i") ip6=$(dev_ip6 "$i")
			echo "link add link eth1 name id-b$i address $m type macvlan mode private"
			echo "address add $ip6/64 dev id-b$i nodad"
			echo "link set id-b$i up"
			echo "route add $NET6::/64 from $ip6 dev id-b$i table 1000"
			echo "route add ::/0 from $ip6 via $NET6_ROUTER dev id-b$i table 1000"
			echo "route add ::/0 via $NET6_ROUTER dev id-b$i metric $((5000 + i))"
			echo "neigh replace $NET6_ROUTER lladdr $WAN_MAC dev id-b$i nud permanent"
			echo "neigh replace $(dev_lan6 "$i") lladdr $m dev eth0 nud permanent"
		done
	} | ip -6 -n gw -batch - || die "gw: IPv6 addresses, identities, routes, neighbours"
	GW_ETH0=$(mac_of gw eth0) && GW_ETH1=$(mac_of gw eth1) || die "gw: MACs"
	lap "gw: addresses, identities, neighbours"

	[ -d /sys/module/v4v6 ] || insmod "$V4V6_KO" || die "insmod v4v6"
	ctl config set lan eth0 wan eth1 lowest-mtu 1500 inbound all pref64 "$BPREF/96" > /dev/null ||
		die "v4v6 config"
	for ((i = 0; i < NDEV; i++)); do
		ctl device add "$(dev_mac "$i")" ipv4 "$(dev_ip4 "$i")" ipv6 "$(dev_ip6 "$i")" \
			wan "id-b$i" static allow icmp > /dev/null || die "device $i"
	done
	V4V6_STATE=
	v4v6_set off
	lap "gw: v4v6"
	if has_jool_siit; then
		[ -d /sys/module/jool_common ] || insmod "$JOOL_DIR/jool_common.ko" || die "insmod jool_common"
		[ -d /sys/module/jool_siit ] || insmod "$JOOL_DIR/jool_siit.ko" || die "insmod jool_siit"
	fi
}

# bench_gw_down: what bench_gw changed outside the namespaces undone
bench_gw_down() {
	jool_set off
	# (jool_common too: the control plane's e2e run loads its own)
	rmmod jool_siit 2> /dev/null && rmmod jool_common 2> /dev/null
	[ -z "${BACKLOG_WAS:-}" ] || echo "$BACKLOG_WAS" > /proc/sys/net/core/netdev_max_backlog
	return 0
}

# v4v6_set off|all|replies: v4v6 off, or translating with that inbound
# policy (off all the same with V4V6_XLAT_OFF=1, lib.sh's xlat_off_apply)
V4V6_STATE=
v4v6_set() {
	[ "$1" != "$V4V6_STATE" ] || return 0
	if [ "$1" = off ]; then
		ctl config set lan none > /dev/null || die "v4v6 off"
	else
		ctl config set lan eth0 inbound "$1" > /dev/null || die "v4v6 inbound $1"
		xlat_off_apply
	fi
	V4V6_STATE=$1
}

# jool_set on|off: the Jool SIIT instance in gw (its netfilter hooks go
# with it, so that the other configurations do not pay for them): pool6
# $BPREF/96 and an EAMT entry per device, in one go (jool_siit file handle)
JOOL_ON=
jool_set() {
	local i f=$E2E_TMP/jool-bench.json
	if [ "$1" = off ]; then
		[ -n "$JOOL_ON" ] || return 0
		on gw jool_siit instance remove bench > /dev/null 2>&1
		JOOL_ON=
		return 0
	fi
	[ -z "$JOOL_ON" ] || return 0
	JOOL_ON=1
	{
		printf '{ "instance": "bench", "framework": "netfilter",\n'
		printf '  "global": { "pool6": "%s/96", "lowest-ipv6-mtu": 1500 },\n' "$BPREF"
		printf '  "eamt": ['
		for ((i = 0; i < NDEV; i++)); do
			[ "$i" = 0 ] || printf ','
			printf '\n    { "ipv6 prefix": "%s/128", "ipv4 prefix": "%s/32" }' \
				"$(dev_ip6 "$i")" "$(dev_ip4 "$i")"
		done
		printf ' ] }\n'
	} > "$f"
	on gw jool_siit file handle "$f" > /dev/null || { cat "$f"; die "jool_siit instance"; }
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

# sinks on|off: every frame into $LNS and $WNS dropped at their ingress
# (the sinks of the packet rates), or the namespaces' stacks answering
# (TCP, ping)
sinks() {
	local ns dev gen
	for ns in $LNS $WNS; do
		if [ "$ns" = "$LNS" ]; then dev=$LDEV gen=gen0; else dev=$WDEV gen=gen1; fi
		{
			echo "add table netdev sink"
			echo "delete table netdev sink"
			[ "$1" != on ] || cat <<-NFT
			table netdev sink {
				chain e { type filter hook ingress device $dev priority 0; policy drop; }
				chain g { type filter hook ingress device $gen priority 0; policy drop; }
			}
			NFT
		} | on "$ns" nft -f - || die "$ns: sink $1"
	done
}

# pktgen lines for a UDP stream: udp4 SRC-MAC-COUNT DST-MAC (from the
# devices to $REMOTE), udp6 SRC6 DST6-MIN DST6-MAX DST-MAC SPORT DPORT
pg_common() {
	printf '%s\n' "count $PG_COUNT" "clone_skb 0" "burst 1" "delay 0" "flag UDPCSUM"
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

# flow CONFIG: "NS DEV SINK-NS SINK-DEV" and the pktgen lines of CONFIG
flow() {
	local fwd6_src
	fwd6_src=$(dev_lan6 0)
	case $1 in
	gen4) echo "$LNS gen0 $WNS gen1"; udp4 "$NDEV" $GEN1_MAC ;;
	gen6) echo "$WNS gen1 $LNS gen0"; udp6 "$REMOTE6" "$NET6::4:100" "$NET6::4:$((99 + NDEV))" $GEN0_MAC 9 9000 ;;
	fwd6-out) echo "$LNS $LDEV $WNS $WDEV"; udp6 "$fwd6_src" "$REMOTE6" "$REMOTE6" "$GW_ETH0" 9000 9 ;;
	fwd6-in) echo "$WNS $WDEV $LNS $LDEV"; udp6 "$REMOTE6" "$LAN6::100" "$LAN6::$((99 + NDEV))" "$GW_ETH1" 9 9000 ;;
	*4to6*) echo "$LNS $LDEV $WNS $WDEV"; udp4 "$NDEV" "$GW_ETH0" ;;
	*6to4*) echo "$WNS $WDEV $LNS $LDEV"; udp6 "$REMOTE6" "$NET6::4:100" "$NET6::4:$((99 + NDEV))" "$GW_ETH1" 9 9000 ;;
	esac
}

# measure CONFIG ROUND [LABEL]: one pktgen run of CONFIG (set up already),
# recorded as "pps ROUND LABEL PPS CPU-NS-PER-PACKET SENT DELIVERED"; fails
# if fewer than half of the packets sent were delivered
measure() {
	local cfg=$1 round=$2 label=${3:-$1} spec ns dev sns sdev rx0 c0 t0 sent usec n i
	spec=$(flow "$cfg")
	read -r ns dev sns sdev <<< "${spec%%$'\n'*}"
	us_now; t0=$US
	rx_get "$sns" "$sdev"; rx0=$RX
	cpu_get; c0=$BUSY
	pg "$ns" "$dev" "$secs" "${spec#*$'\n'}"
	sent=$PG_SENT usec=$PG_USEC
	# (until the backlog is drained)
	rx_get "$sns" "$sdev"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		n=$RX
		pause 0.2
		rx_get "$sns" "$sdev"
		[ "$RX" != "$n" ] || break
	done
	cpu_get
	[ "$usec" -gt 0 ] || { say "$label: pktgen gave no result"; return 1; }
	n=$((RX - rx0))
	record pps "$round" "$label" $((n * 1000000 / usec)) \
		$((n ? (BUSY - c0) * 1000000000 / HZ / n : 0)) "$sent" "$n"
	us_now
	[ -z "$BENCH_VERBOSE" ] ||
		say "$label: $n of $sent delivered ($(((US - t0) / 1000)) ms)"
	[ -z "${BENCH_DEBUG:-}" ] || lost_show
	# Every configuration forwards nearly all it is given.
	if [ $((n * 2)) -lt "$sent" ]; then
		say "$label: only $n of $sent packets delivered"
		xlat_off || lost_show
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
	if [ "$secs" = 0 ]; then
		pg "$LNS" "$LDEV" 0 "$(udp4 "$NDEV" "$GW_ETH0")"
	else
		pg "$LNS" "$LDEV" 0.3 "$(udp4 "$NDEV" "$GW_ETH0")"
	fi
}

PPS_CONFIGS="gen4 gen6 fwd6-out v4v6-4to6 jool-4to6 fwd6-in v4v6-6to4 jool-6to4 v4v6ct-4to6 v4v6ct-6to4"

# run_pps ROUNDS [CONFIG...]: ROUNDS rounds of every CONFIG (default
# $PPS_CONFIGS; Jool SIIT's only where it was built); fails, after all of
# them, if one forwarded less than half of what it was given, and names
# those in BENCH_FAILED
run_pps() {
	local reps=$1 round cfgs c k n
	shift
	# shellcheck disable=SC2086 # one word per configuration
	[ $# -gt 0 ] || set -- $PPS_CONFIGS
	n=$#
	BENCH_FAILED=
	for ((round = 1; round <= reps; round++)); do
		# each round starts one configuration later: no configuration
		# always runs first or right after the same one
		k=$(((round - 1) % n))
		cfgs="${*:k+1} ${*:1:k}"
		for c in $cfgs; do
			case $c in jool-*) has_jool_siit || continue ;; esac
			setup "$c"
			[ "$c" != v4v6ct-6to4 ] || prime_flows
			measure "$c" "$round" || BENCH_FAILED="$BENCH_FAILED $c"
		done
	done
	setup off
	[ -z "$BENCH_FAILED" ]
}

# SPDX-License-Identifier: GPL-2.0
# e2e: xlat-off must fail
# e2e: requires has_pktgen no pktgen module in this kernel: no packet generator
#
# make bench's smoke run: every configuration of the benchmark forwards
# traffic. The packet rates of tests/bench/lib.sh on this topology: pktgen
# sends 4,000 64-byte UDP datagrams from lan's port "gw" into the gateway's
# eth0 (the LAN side) or from net6's port "gw" into its eth1 (the WAN side),
# or over a direct link lan/gen0 ─ net6/gen1 for the generator alone;
# frames into those ports are dropped at their ingress (the sink) and
# counted. Each configuration must deliver at least half of what pktgen
# sent: the generator alone (gen4, gen6), plain IPv6 forwarding both ways
# (fwd6-out, fwd6-in), v4v6 4->6 and 6->4 with inbound "all" (v4v6-*) and
# "replies" (v4v6ct-*: connection tracking), and Jool SIIT (jool-*) where
# it was built. Then one ping each way through v4v6 between the first
# device (lan's bridge br0 takes its MAC and address) and a remote host
# (net6, under a network-specific prefix). With translation off v4v6's
# configurations deliver nothing. No table sizes, TCP or control plane:
# make bench measures those.
. "$E2E_DIR/../bench/lib.sh"

NSP=2001:db8:46::
# shellcheck disable=SC2034 # read by tests/bench/lib.sh
BPREF=$NSP REMOTE=$SRV4_NET.77 NDEV=2 secs=0 PG_COUNT=4000 RES=$E2E_TMP/bench BENCH_VERBOSE=1 \
	LNS=lan LDEV=gw WNS=net6 WDEV=gw
# the configurations, in an order that changes the gateway's set-up least
CONFIGS="gen4 gen6 fwd6-out fwd6-in v4v6-4to6 v4v6-6to4 v4v6ct-4to6 v4v6ct-6to4 jool-4to6 jool-6to4"

trap 'bench_gw_down; topo_down' EXIT
# The script and what it starts keep to CPU 0: pktgen and the packets'
# softirqs have CPU $CPU to themselves.
taskset -pc 0 $$ > /dev/null || die "taskset"
mkdir -p "$RES"
lap "topology up"
gen_link
# shellcheck disable=SC2034 # read by bench_gw
WAN_MAC=$(mac_of net6 br0) || die "net6: br0's MAC"
bench_gw
# lan's bridge is device 0 for the pings; net6 the remote host
ip -n lan -batch - <<-IP || die "lan: device 0"
	link set br0 address $(dev_mac 0)
	address add $(dev_ip4 0)/24 dev br0
	route add default via $GW_LAN
IP
ip -n net6 address add "$REMOTE6/128" dev lo || die "net6: $REMOTE6"
has_jool_siit || log "no Jool SIIT for $(uname -r): jool-4to6 and jool-6to4 left out"
lap "gateway set up"

sinks on
# shellcheck disable=SC2086 # one word per configuration
run_pps 1 $CONFIGS
rc=$?
sinks off
lap "packet rates"
result "delivered of sent: $(awk '$1 == "pps" { printf "%s%s %d%%", s, $3, $6 ? $7 * 100 / $6 : 0; s = ", " }' \
	"$RES/results.txt")"
[ $rc -eq 0 ] || die "less than half delivered by$BENCH_FAILED"

setup v4v6-4to6
on lan ping -c 1 -w "$(xt 10)" "$REMOTE" > /dev/null || die "device 0 cannot ping $REMOTE ($REMOTE6)"
on net6 ping -c 1 -w "$(xt 10)" -I "$REMOTE6" "$(dev_ip6 0)" > /dev/null ||
	die "$REMOTE6 cannot ping device 0 ($(dev_ip4 0) as $(dev_ip6 0))"
lap "ping each way"

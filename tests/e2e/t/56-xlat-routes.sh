# e2e: xlat-off must fail
#
# The routes the operator set win over translation. The gateway has a
# prohibit route, an unreachable route and a blackhole route for three of
# srv4's addresses, and an "ip rule ... prohibit" for a fourth: d1's packets
# to them are not translated (no counter grows, nothing leaves on the WAN)
# and d1 gets what the IPv4 stack says for the route: Packet filtered (ICMP
# 3/13) for prohibit, Destination Host Unreachable (3/1) for unreachable,
# nothing for blackhole. srv4's own address still translates, before and
# after.
v4v6_up
mapped_dev $D1
MAC1=02:00:00:00:00:0a
for i in 11 12 13 14; do
	on srv4 ip addr add $SRV4_NET.$i/32 dev eth0 || die "srv4: address .$i"
done

on d1 ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "d1: ping $SRV4_ADDR"

on gw ip route add prohibit $SRV4_NET.11/32 &&
	on gw ip route add unreachable $SRV4_NET.12/32 &&
	on gw ip route add blackhole $SRV4_NET.13/32 &&
	on gw ip rule add to $SRV4_NET.14/32 prohibit pref 100 ||
	die "the gateway's routes and rule"

xlat=$(stat_get xlat_4to6)
tx=$(dev_get tx_packets $MAC1)
# 64:ff9b::192.31.196.8/125: .11 to .14 under the prefix
capture wan gw eth1 ip6 dst net 64:ff9b::c01f:c408/125

# answered DEST TEXT: d1's ping to DEST gets an ICMP error saying TEXT from
# the gateway (tried again: the kernel limits the ICMP errors to d1)
answered() {
	on d1 ping -n -c 1 -W 1 "$1" > "$E2E_TMP/ping-$1.txt" 2>&1
	grep -q "^From $GW_LAN .*$2" "$E2E_TMP/ping-$1.txt"
}
for t in "11 Packet filtered" "12 Destination Host Unreachable" "14 Packet filtered"; do
	wait_for 10 answered "$SRV4_NET.${t%% *}" "${t#* }" ||
		{ cat "$E2E_TMP/ping-$SRV4_NET.${t%% *}.txt"; die "$SRV4_NET.${t%% *}: no \"${t#* }\""; }
done
on d1 ping -n -c 2 -i 0.3 -W 1 $SRV4_NET.13 > "$E2E_TMP/ping-bh.txt" 2>&1 &&
	die "$SRV4_NET.13 (blackhole) answered"
grep -q '^From ' "$E2E_TMP/ping-bh.txt" && { cat "$E2E_TMP/ping-bh.txt"; die "$SRV4_NET.13 (blackhole): an ICMP error"; }
capture_stop wan

grep -q ' > ' "$E2E_TMP/wan.txt" && { cat "$E2E_TMP/wan.txt"; die "refused destinations left on the WAN"; }
[ "$(stat_get xlat_4to6)" -eq "$xlat" ] ||
	die "xlat_4to6: $xlat before, $(stat_get xlat_4to6) after the refused destinations"
[ "$(dev_get tx_packets $MAC1)" -eq "$tx" ] ||
	die "d1's tx_packets: $tx before, $(dev_get tx_packets $MAC1) after the refused destinations"

on d1 ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "d1: ping $SRV4_ADDR after the routes"
[ "$(stat_get xlat_4to6)" -gt "$xlat" ] || die "xlat_4to6 did not grow for $SRV4_ADDR"
log "prohibit, unreachable, blackhole routes and a prohibit rule win (ICMP 3/13, 3/1, silence); $SRV4_ADDR still translated"

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

# v4v6 remembers, per flow, that a destination is the internet, but the
# routes still win at once: $SRV4_ADDR, just translated, is refused by a
# prohibit route for it and then by a prohibit rule, and translated again
# each time they go. (A remembered answer would translate it for ever.)
for how in "route add prohibit $SRV4_ADDR/32" "rule add to $SRV4_ADDR/32 prohibit pref 101"; do
	on gw ip $how || die "ip $how"
	xlat=$(stat_get xlat_4to6)
	wait_for 10 answered $SRV4_ADDR "Packet filtered" ||
		{ cat "$E2E_TMP/ping-$SRV4_ADDR.txt"; die "ip $how: $SRV4_ADDR not refused"; }
	[ "$(stat_get xlat_4to6)" -eq "$xlat" ] || die "ip $how: $SRV4_ADDR still translated"
	on gw ip ${how/ add / del } || die "ip ${how/ add / del }"
	on d1 ping -c 1 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "$SRV4_ADDR not translated after ip ${how/ add / del }"
	[ "$(stat_get xlat_4to6)" -gt "$xlat" ] || die "xlat_4to6 did not grow after ip ${how/ add / del }"
done
log "a prohibit route and rule for $SRV4_ADDR, added after its packets were translated, won at once"

# d1's packets have no IPv4 route (an IPv6-only gateway): the input route
# that the forward hooks get is one the instance keeps and lends, not one
# the kernel makes and frees for each packet. The kernel counts the ones it
# makes (in_no_route, per CPU, in hex, all namespaces); 40 pings make at
# most a few.
no_route() {
	local n=0 l
	while read -r -a l; do
		[[ ${l[4]} =~ ^[0-9a-f]+$ ]] && n=$((n + 16#${l[4]}))
	done < /proc/net/stat/rt_cache
	echo $n
}
nr=$(no_route)
on d1 ping -c 40 -i 0.05 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "d1: 40 pings to $SRV4_ADDR"
[ $(($(no_route) - nr)) -lt 10 ] ||
	die "$(($(no_route) - nr)) input routes made for 40 pings: the unrouted input route is not shared"
log "40 pings made $(($(no_route) - nr)) input routes for no route (shared)"

# The IPv6 route of d1's packets follows the gateway's IPv6 routes and
# rules at once, though v4v6 keeps the route of each flow: a rule, a route
# in the rule's table and a more specific route there each take effect on
# the next packet. R2 is a router that is not there (a neighbour entry on
# id-d1): what is routed to it leaves for its MAC and gets no answer.
R2=$NET6::99 R2_MAC=02:00:00:00:99:99 SYNTH=64:ff9b::c01f:c40a
on gw ip -6 neigh replace $R2 lladdr $R2_MAC dev id-d1 nud permanent ||
	die "neighbour $R2"
capture r2 gw eth1 ip6 dst $SYNTH
# leaves STEP real|r2: d1's next ping to srv4 is answered (real) or left
# for R2's MAC (r2), as STEP did
leaves() {
	local before after
	before=$(grep -c "> $R2_MAC" "$E2E_TMP/r2.txt")
	if [ "$2" = real ]; then
		on d1 ping -n -c 1 -W "$(xt 3)" $SRV4_ADDR > /dev/null || die "$1: no answer from $SRV4_ADDR"
	else
		on d1 ping -n -c 1 -W 1 $SRV4_ADDR > /dev/null && die "$1: answered, not routed to $R2"
	fi
	sleep 0.5
	after=$(grep -c "> $R2_MAC" "$E2E_TMP/r2.txt")
	if [ "$2" = real ]; then
		[ "$after" -eq "$before" ] || die "$1: left for $R2_MAC"
	else
		[ "$after" -gt "$before" ] || { cat "$E2E_TMP/r2.txt"; die "$1: nothing left for $R2_MAC"; }
	fi
}
leaves "before" real
on gw ip -6 route add default via $R2 dev id-d1 table 3000 || die "table 3000"
leaves "a route in a table no rule names" real
on gw ip -6 rule add from $NET6::4:10 lookup 3000 pref 900 || die "rule to table 3000"
leaves "a rule for d1's address" r2
on gw ip -6 route add $SYNTH/128 via $NET6_ROUTER dev id-d1 table 3000 || die "route $SYNTH"
leaves "a more specific route" real
on gw ip -6 route del $SYNTH/128 table 3000 || die "route $SYNTH gone"
leaves "the more specific route gone" r2
on gw ip -6 rule del pref 900 && on gw ip -6 route flush table 3000 || die "rule and table 3000 gone"
leaves "the rule gone" real
capture_stop r2
log "the route of d1's packets followed a rule, a route and a more specific route, and their removal, at once"

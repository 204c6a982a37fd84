# e2e: xlat-off must fail
#
# With connection tracking and an OpenWrt fw4 ruleset in the gateway (input
# and forward policy drop, zones lan and wan, MSS clamping, masquerading,
# raw and mangle chains: tests/e2e/fw4.nft), ping, TCP, UDP and traceroute
# from a device still work.
fw4_load
v4v6_up
mapped_dev $D1
lsmod | grep -q '^nf_conntrack ' || die "conntrack not loaded"

on d1 ping -c 3 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "ping through fw4"
blob f 5
tcp_up d1 "$E2E_TMP/f" 5001 & up=$!
tcp_down d1 "$E2E_TMP/f" 5002 & down=$!
wait $up || die "TCP upload through fw4"
wait $down || die "TCP download through fw4"
udp_serve 9000
udp_ask d1 9000 --count 5 --size 500 || die "UDP through fw4"
on d1 traceroute -n -q 2 -w "$(xt 3)" -m 8 $SRV4_ADDR > "$E2E_TMP/tr.txt" 2>&1
sed 's/^/    /' "$E2E_TMP/tr.txt"
grep -qE "^ *1 +(\* +)*$GW_LAN " "$E2E_TMP/tr.txt" || die "traceroute: hop 1 is not $GW_LAN"
tail -n 1 "$E2E_TMP/tr.txt" | grep -qE "^ *[0-9]+ +(\* +)*$SRV4_ADDR +[0-9.]+ ms" ||
	die "traceroute through fw4 did not reach $SRV4_ADDR"
# The ruleset was on the path: the wan zone's input rules saw the neighbour
# discovery of the device's identity.
wan_in=$(on gw nft list chain inet fw4 input_wan | awk '{ for (i = 1; i < NF; i++) if ($i == "packets") n += $(i + 1) } END { print n + 0 }')
[ "$wan_in" -gt 0 ] || die "fw4's input_wan saw nothing"
entries=$(on gw conntrack -C 2> /dev/null)
log "fw4 + conntrack ($entries entries, input_wan $wan_in packets): ping, TCP 5 MiB both ways, UDP, traceroute"

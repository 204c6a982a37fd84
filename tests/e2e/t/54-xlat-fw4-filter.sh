# e2e: xlat-off must fail
#
# The firewall sees translated traffic, in the ordinary places: with the
# fw4 ruleset (tests/e2e/fw4.nft), a rule in its forward chain that rejects
# d1's IPv4 traffic blocks d1's translated traffic and not d2's; a counter
# in the forward chain counts d2's translated packets both ways (the
# replies as established flows from the wan zone).
fw4_load
v4v6_up
mapped_dev $D1
mapped_dev $D2
read -r _ D1_MAC D1_IP4 _ <<< "$D1"
read -r _ _ D2_IP4 _ <<< "$D2"

# counted CHAIN COMMENT: the packets of the rule with that comment
counted() {
	on gw nft list chain inet fw4 "$1" |
		awk -v c="\"$2\"" 'index($0, c) { for (i = 1; i < NF; i++) if ($i == "packets") print $(i + 1) }'
}

on gw nft insert rule inet fw4 forward ip saddr "$D1_IP4" counter reject comment '"block-d1"' ||
	die "nft: block d1"
on gw nft insert rule inet fw4 forward ip saddr "$D2_IP4" counter comment '"d2-out"' ||
	die "nft: count d2 out"
on gw nft insert rule inet fw4 forward ip daddr "$D2_IP4" counter comment '"d2-in"' ||
	die "nft: count d2 in"

on d2 ping -c 4 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "d2 cannot ping through fw4"
on d1 ping -c 2 -i 0.3 -W 2 $SRV4_ADDR > "$E2E_TMP/d1-ping.txt" 2>&1 &&
	die "d1's ping passed a reject rule for d1"
grep -q "Unreachable\|Prohibited" "$E2E_TMP/d1-ping.txt" ||
	log "d1 got no ICMP error back from the reject (only silence)"
out=$(counted forward d2-out) in=$(counted forward d2-in) blocked=$(counted forward block-d1)
[ "${out:-0}" -ge 4 ] || die "forward chain counted ${out:-0} of d2's 4 translated pings"
[ "${in:-0}" -ge 4 ] || die "forward chain counted ${in:-0} of the 4 replies to d2"
[ "${blocked:-0}" -ge 2 ] || die "the reject rule for d1 counted ${blocked:-0} packets"
tx=$(dev_get tx_packets "$D1_MAC")
[ "$tx" -eq 0 ] || die "d1's blocked pings were translated ($tx packets)"
log "forward chain: reject d1 ($blocked packets, none translated), d2 counted $out out, $in in"

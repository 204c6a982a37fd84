# v4v6d ages the devices that are gone, and only those: with inactive-after
# 3 and release-after 6, a device that is unplugged is marked inactive in
# the kernel's table, then released: its lease goes back to Kea (a Release
# from its MAC, which Kea logs and records), its identity and its routing
# are removed from the gateway, and it leaves the kernel's table, not to
# come back while the gateway still remembers its ARP entry. A device that
# stays plugged in and talks (a ping every half second) meanwhile stays active,
# mapped and leased.
#
# Routing: the identities' routes are source routes in table 1000 ("from
# ADDR"), which one rule at pref 1000 has every lookup try; an earlier
# version's rule for an identity (pref 1000, "from ADDR lookup 1000 +
# ifindex") and its table, found at start, are removed.

old_rule="from $NET6::dead lookup 1999"
on gw ip -6 route add $NET6:ffff::/64 dev eth1 table 1999 &&
	on gw ip -6 rule add $old_rule pref 1000 || die "an earlier version's rule"
v4v6d_up "inactive-after 3" "release-after 6"
set -- $D1
name=$1 mac=$2 addr4=$3
set -- $D2
name2=$1 mac2=$2 addr4_2=$3
# Both talk from the start, a ping every half second (the one to go until it
# goes: the gateway knows it as reachable, and the times below count from
# its last packet), the one that stays all along.
for dev in "$D1" "$D2"; do
	set -- $dev
	dev_add "$1" "$2" "$3"
	# (no -w: with a deadline ping ends at the first ICMP error, and the
	# gateway sends one for the packets from before the mapping)
	on "$1" ping -i 0.5 -W 1 $SRV4_ADDR > "$E2E_TMP/ping-$1.txt" 2>&1 &
	eval "ping_$1=\$!"
	wait_for 10 in_kernel "$2" || { v4v6d_dump; die "$1 ($2) not mapped in 10 s"; }
done
addr6=$(dev_get ipv6 "$mac")
ident=$(dev_get wan "$mac")
ifindex=$(on gw cat "/sys/class/net/$ident/ifindex")
addr6_2=$(dev_get ipv6 "$mac2")
log "$name ($mac): $addr6 on $ident; $name2 ($mac2): $addr6_2"

on gw ip -6 rule show pref 1000 | grep -q "$old_rule" && die "the earlier rule '$old_rule' is left"
on gw ip -6 route show table 1999 | grep -q . &&
	die "the earlier table 1999 is left: $(on gw ip -6 route show table 1999)"
v4v6d_log_has "an earlier version's rules removed: 1; their tables' routes: 1" ||
	{ v4v6d_dump; die "no log line for the earlier rule's removal"; }
rules=$(on gw ip -6 rule show pref 1000)
[ "$rules" = "1000:	from all lookup 1000" ] ||
	die "the rules at pref 1000 are not v4v6d's one: '$rules'"
has_default() { on gw ip -6 route show table 1000 | grep -q "^default from $1 via .* dev $2 "; }
wait_for 10 has_default "$addr6" "$ident" ||
	die "table 1000 has no default from $addr6 through $ident: $(on gw ip -6 route show table 1000)"
on gw ip -6 route show table 1000 | grep -q "^$NET6::/64 from $addr6 dev $ident " ||
	die "table 1000 has no on-link route from $addr6: $(on gw ip -6 route show table 1000)"
route=$(on gw ip -6 route get $NET6:ffff::1 from "$addr6")
case $route in *" dev $ident table 1000 "*) ;; *) die "from $addr6: $route" ;; esac
tx() { on gw cat "/sys/class/net/$ident/statistics/tx_packets"; }
tx0=$(tx)
sleep 2
[ "$(tx)" -ge $((tx0 + 3)) ] || die "$name's pings did not leave through $ident ($tx0, then $(tx) packets)"
log "routing: one rule, $name's source routes in table 1000, its pings out of $ident, the earlier rule gone"
sleep 4
dhcp6_capture release
on lan ip link del "$name"	# unplugged: its veth is gone
t0=$(date +%s.%N)
kill $ping_d1
wait $ping_d1
log "$name unplugged (ARP entry on the gateway: $(on gw ip neigh show $addr4 dev eth0 | awk '{ print $NF }'))"

since() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
inactive() { [ "$(dev_get state "$mac")" = inactive ]; }
wait_for 20 inactive || { v4v6d_dump; die "$mac not inactive 20 s after it was unplugged"; }
t=$(since)
log "$mac inactive in the kernel's table after $t s"
# inactive-after 3, less a second or so: the kernel's idle times are polled,
# and the last ping went up to half a second before the unplugging
awk -v t="$t" 'BEGIN { exit !(t >= 1.0) }' || { v4v6d_dump; die "$mac inactive too early ($t s)"; }
v4v6d_log_has "$mac $addr4: inactive" || { v4v6d_dump; die "no log line for $mac going inactive"; }

wait_for 20 sh -c "! ip netns exec gw $V4V6_CTL device show $mac" ||
	{ v4v6d_dump; die "$mac still in the kernel's table 20 s after it went inactive"; }
t=$(since)
log "$mac out of the kernel's table after $t s"
awk -v t="$t" 'BEGIN { exit !(t >= 4.0) }' || { v4v6d_dump; die "$mac released too early ($t s)"; }
v4v6d_log_has "$mac $addr4: gone for [0-9]+s: released" || { v4v6d_dump; die "no log line for the release of $mac"; }
wait_for 10 sh -c "! ip -n gw link show $ident" || die "identity $ident still there"
wait_for 10 kea_log_has "DHCP6_RELEASE_NA .*$addr6" ||
	{ cat "$E2E_TMP/kea/kea.log"; die "Kea did not log the Release of $addr6"; }
kea_lease_of "$mac" > /dev/null && die "Kea still leases $(kea_lease_of "$mac") to $mac"
capture_stop release
[ "$(dhcp6_count release "$mac" release)" -ge 1 ] ||
	{ cat "$E2E_TMP/release.txt"; die "no Release from $mac on net6"; }
on gw ip -6 route show table 1000 | grep -q "from $addr6 " &&
	die "routes from $addr6 are still there: $(on gw ip -6 route show table 1000)"
on gw ip -6 route show table 1000 | grep -q "from $addr6_2 " ||
	die "the routes from $addr6_2 went too: $(on gw ip -6 route show table 1000)"
on gw ip -6 route show | grep -q "metric $((4096 + ifindex))" && die "$ident's default route is still there"
log "$mac released: Release sent, Kea released $addr6, $ident and its routing gone"

# Gone for good: nothing brings it back, not even the gateway's ARP entry
# for it (reachable when it was unplugged) going stale, which it does
# within 1.5 times base_reachable_time (30 s) of the last confirmation.
wait_until=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { w = 47 - (b - a); print (w > 0 ? w : 0) }')
sleep "$wait_until"
in_kernel "$mac" && { v4v6d_dump; die "$mac is back in the kernel's table"; }
[ "$(v4v6d_log_count "$mac $addr4: new device")" -eq 1 ] ||
	{ v4v6d_dump; die "$mac was learnt again after it was released"; }
[ "$(v4v6d_log_count "$mac $addr4: inactive")" -eq 1 ] ||
	{ v4v6d_dump; die "$mac went inactive more than once"; }
arp=$(on gw ip neigh show $addr4 dev eth0 | awk '{ print $NF }')
log "$mac still gone $(since) s after it was unplugged (ARP entry: ${arp:-none})"

# The other one stayed.
[ "$(dev_get state "$mac2")" = active ] || die "$mac2 is $(dev_get state "$mac2")"
[ "$(dev_get ipv6 "$mac2")" = "$addr6_2" ] || die "$mac2 has $(dev_get ipv6 "$mac2") now"
v4v6d_log_has "$mac2 .*(inactive|released)" && { v4v6d_dump; die "$mac2 aged while it talked"; }
[ "$(kea_lease_of "$mac2")" = "$addr6_2" ] || die "Kea leases '$(kea_lease_of "$mac2")' to $mac2 now"
kill $ping_d2 2> /dev/null
wait $ping_d2
on "$name2" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || die "$name2 cannot reach srv4"
log "$mac2 talked all along: active, mapped, leased"
v4v6d_stop

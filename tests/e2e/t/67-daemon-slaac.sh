# v4v6d gives the devices SLAAC addresses where the network says so: with
# radvd advertising no M flag and the prefix with the A flag, and no DHCPv6
# server, each device's identity gets the modified EUI-64 address of the
# device's MAC in 2001:db8:6::/64 (and no DHCPv6 is tried), the kernel maps
# the device to it, and the device reaches srv4 from it. Then the router
# leaves (radvd's goodbye: router lifetime 0): the identities' default routes
# are withdrawn while their SLAAC addresses stay (the prefix's lifetime is not
# over); it comes back: so do the routes, and srv4 is reached again.

kea_down
radvd_down
RADVD_MANAGED=off RADVD_AUTONOMOUS=on radvd_up
grep -q 'AdvManagedFlag off' "$E2E_TMP/radvd/radvd.conf" &&
	grep -q 'AdvAutonomous on' "$E2E_TMP/radvd/radvd.conf" || die "radvd.conf: $(cat "$E2E_TMP/radvd/radvd.conf")"
v4v6d_up
wait_for 15 v4v6d_log_has "WAN: SLAAC prefix $NET6::/64" || { v4v6d_dump; die "v4v6d did not see the SLAAC prefix"; }
v4v6d_log_has "WAN: RA from .*: addresses by SLAAC" || { v4v6d_dump; die "v4v6d did not see the RA's M flag off"; }

dhcp6_capture dhcp6
for dev in "$D1" "$D2"; do
	set -- $dev
	name=$1 mac=$2 addr4=$3
	dev_add "$name" "$mac" "$addr4"
	on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
	pid=$!
	wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
	wait $pid
	want=$(eui64_of $NET6:: "$mac")
	addr6=$(dev_get ipv6 "$mac")
	ident=$(dev_get wan "$mac")
	[ "$addr6" = "$want" ] || { v4v6d_dump; die "$mac mapped to $addr6, not its SLAAC address $want"; }
	ident_addrs "$ident" | grep -q "^$want " || die "$ident holds '$(ident_addrs "$ident")', not $want"
	v4v6d_log_has "$ident: SLAAC address $want" || { v4v6d_dump; die "no log line for $want"; }
	on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || { v4v6d_dump; die "$name cannot reach srv4"; }
	log "$name ($mac): SLAAC address $want on $ident, srv4 reached"
done
capture_stop dhcp6
for dev in "$D1" "$D2"; do
	set -- $dev
	[ "$(dhcp6_count dhcp6 "$2" 'solicit|request')" -eq 0 ] ||
		{ cat "$E2E_TMP/dhcp6.txt"; die "$2 tried DHCPv6"; }
done

set -- $D1
name=$1 mac=$2
ident=$(dev_get wan "$mac")
addr6=$(eui64_of $NET6:: "$mac")
# default_routes: the identity's default routes (table 1000's from the
# device's address, the main one's)
default_routes() {
	on gw ip -6 route show table 1000 dev "$ident" | grep "^default from $addr6 "
	on gw ip -6 route show default dev "$ident"
}
no_default_route() { [ -z "$(default_routes)" ]; }
default_routes_set() { [ "$(default_routes | wc -l)" -eq 2 ]; }
default_routes_set || die "$ident's default routes: '$(default_routes)'"
radvd_down
wait_for 10 no_default_route || { v4v6d_dump; die "$ident's default routes stay without a router: '$(default_routes)'"; }
v4v6d_log_has "WAN: router .* gone: no default route" || { v4v6d_dump; die "no log line for the router gone"; }
ident_addrs "$ident" | grep -q "^$(eui64_of $NET6:: "$mac") " || die "$ident lost its SLAAC address with the router"
log "router gone: $ident's default routes withdrawn, its address kept"
RADVD_MANAGED=off RADVD_AUTONOMOUS=on radvd_up
wait_for 15 default_routes_set || { v4v6d_dump; die "$ident's default routes not back with the router"; }
on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || { v4v6d_dump; die "$name cannot reach srv4 with the router back"; }
log "router back: $ident routed again, srv4 reached"
v4v6d_stop

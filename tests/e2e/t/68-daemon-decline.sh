# v4v6d declines an address another host already uses: h6 holds
# 2001:db8:6::1000, the first address Kea hands out (outside its knowledge);
# the device's identity finds it in use by DAD, v4v6d Declines it (a
# Decline from the device's MAC, Kea marks the lease declined), Solicits
# again, and the device ends up mapped to another address of Kea's that
# passes DAD, and reaches srv4; h6 keeps its address.

TAKEN=$NET6::1000
on h6 ip addr add $TAKEN/64 dev eth0 nodad || die "$TAKEN on h6"
dhcp6_capture decline
v4v6d_up
set -- $D1
name=$1 mac=$2 addr4=$3
dev_add "$name" "$mac" "$addr4"
on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
pid=$!
elsewhere() { in_kernel "$mac" && [ "$(dev_get ipv6 "$mac")" != "$TAKEN" ]; }
wait_for 20 elsewhere || { v4v6d_dump; cat "$E2E_TMP/decline.txt"; die "$mac not mapped to another address than $TAKEN in 20 s"; }
wait $pid
addr6=$(dev_get ipv6 "$mac")
ident=$(dev_get wan "$mac")
log "$name ($mac): $addr6 on $ident"

v4v6d_log_has "$ident: $TAKEN is in use by another host \(DAD failed\)" ||
	{ v4v6d_dump; die "v4v6d did not see $TAKEN fail DAD"; }
wait_for 10 kea_log_has "DHCP6_DECLINE_LEASE .*$TAKEN " ||
	{ cat "$E2E_TMP/kea/kea.log"; die "Kea did not log a Decline of $TAKEN"; }
state=$(awk -F, -v a="$TAKEN" '$1 == a { s = $14 } END { print s }' "$E2E_TMP/kea/leases6.csv")
[ "$state" = 1 ] || { cat "$E2E_TMP/kea/leases6.csv"; die "Kea's lease of $TAKEN is in state '$state', not declined (1)"; }
capture_stop decline
[ "$(dhcp6_count decline "$mac" decline)" -ge 1 ] || { cat "$E2E_TMP/decline.txt"; die "no Decline from $mac"; }
log "$TAKEN: DAD failed on $ident, Declined, Kea marked it declined"

[ "$(kea_lease_of "$mac")" = "$addr6" ] || die "the kernel has $addr6, Kea leases '$(kea_lease_of "$mac")'"
dad_done() { on gw ip -6 addr show dev "$ident" | grep "inet6 $addr6/" | grep -qvE 'tentative|dadfailed'; }
wait_for 10 dad_done || die "$addr6 on $ident: $(on gw ip -6 addr show dev "$ident" | grep "inet6 $addr6/")"
ident_addrs "$ident" | grep -q "^$TAKEN " && die "$ident still holds $TAKEN"
[ "$(ident_addrs "$ident" | wc -l)" -eq 1 ] || die "$ident holds $(ident_addrs "$ident")"
on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || { v4v6d_dump; die "$name cannot reach srv4"; }
on h6 ip -6 addr show dev eth0 | grep "inet6 $TAKEN/" | grep -qv dadfailed || die "h6 lost $TAKEN"
on h6 ping -6 -c 1 -W 3 -I $TAKEN $NET6_ROUTER > /dev/null || die "h6 cannot use $TAKEN"
log "$name: $addr6 passed DAD, srv4 reached; h6 still uses $TAKEN"
v4v6d_stop

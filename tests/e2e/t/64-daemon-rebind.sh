# v4v6d rebinds, then lets go, then gets a new lease: with Kea's times short
# (T1 3 s, T2 6 s, preferred 10 s, valid 14 s), a device is mapped, then
# Kea stops. The device's client Renews from T1, Rebinds from T2 (Rebind
# messages from its MAC on net6), and keeps the mapping in the kernel's
# table until the lease's valid lifetime is over; then the mapping and the
# address on the identity go. Kea back, the device Solicits, is leased an
# address again and mapped again, and reaches srv4.

T1=3 T2=6 VALID=14
export KEA_T1=$T1 KEA_T2=$T2 KEA_PREFERRED=10 KEA_VALID=$VALID
kea_restart
v4v6d_up
set -- $D1
name=$1 mac=$2 addr4=$3
dev_add "$name" "$mac" "$addr4"
on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
pid=$!
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
wait $pid
addr6=$(dev_get ipv6 "$mac")
ident=$(dev_get wan "$mac")
v4v6d_log_has "$ident: DHCPv6 lease $addr6 \(T1 ${T1}s, T2 ${T2}s, valid ${VALID}s\)" ||
	{ v4v6d_dump; die "v4v6d did not take Kea's times"; }
log "$name ($mac): $addr6 on $ident (T1 $T1 s, T2 $T2 s, valid $VALID s)"

# at TIME: how many seconds after the lease's last Reply (v4v6d's log) TIME is
last_bind() {
	sed -n "s/^\[\([0-9.]*\)\] $ident: DHCPv6 lease $addr6 .*/\1/p" "$V4V6D_DIR/log" | tail -n 1
}
at() { awk -v a="$(last_bind)" -v b="$1" 'BEGIN { printf "%.1f", b - a }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }

dhcp6_capture rebind
kea_down
log "Kea stopped $(at "$(date +%s.%N)") s after the last Reply"

# Renew unanswered, then Rebind from T2.
rebinding() { [ "$(dhcp6_count rebind "$mac" rebind)" -ge 1 ]; }
wait_for $((VALID + 2)) rebinding || { v4v6d_dump; cat "$E2E_TMP/rebind.txt"; die "no Rebind from $mac"; }
t=$(at "$(dhcp6_times rebind "$mac" rebind | head -n 1)")
in_kernel "$mac" || { v4v6d_dump; die "$mac left the kernel's table before the lease ended"; }
[ "$(dev_get ipv6 "$mac")" = "$addr6" ] || die "$mac has $(dev_get ipv6 "$mac") now"
log "first Rebind $t s after the last Reply; still mapped"
ge "$t" $((T2 - 1)) && ! ge "$t" $VALID || { v4v6d_dump; die "a Rebind $t s after the Reply (T2 $T2 s)"; }
v4v6d_log_has "lease of $addr6 lost" && { v4v6d_dump; die "the lease was lost before it ran out"; }

# The mapping goes when the valid lifetime is over, not before.
wait_for $((VALID + 5)) sh -c "! ip netns exec gw $V4V6_CTL device show $mac" ||
	{ v4v6d_dump; die "$mac still mapped $((VALID + 5)) s after the Rebind"; }
lost=$(sed -n "s/^\[\([0-9.]*\)\] .*$ident: lease of $addr6 lost.*/\1/p" "$V4V6D_DIR/log" | head -n 1)
[ -n "$lost" ] || { v4v6d_dump; die "v4v6d did not say the lease was lost"; }
t=$(at "$lost")
log "lease lost and $mac unmapped $t s after the last Reply (valid $VALID s)"
ge "$t" $((VALID - 1)) || { v4v6d_dump; die "unmapped $t s after the Reply, before the valid lifetime ($VALID s) ended"; }
capture_stop rebind
n=$(dhcp6_count rebind "$mac" rebind)
r=$(dhcp6_count rebind "$mac" renew)
log "while Kea was away: $r Renews, then $n Rebinds"
[ "$r" -ge 1 ] || { cat "$E2E_TMP/rebind.txt"; die "no Renew before the Rebind"; }
for x in $(dhcp6_times rebind "$mac" rebind); do
	t=$(at "$x")
	ge "$t" $((T2 - 1)) && ! ge "$t" $((VALID + 1)) || die "a Rebind $t s after the Reply"
done
wait_for 5 sh -c "[ -z \"\$(ip -n gw -6 -o addr show dev $ident scope global)\" ]" ||
	die "$ident still holds $(ident_addrs "$ident")"

# Kea back: Solicit, a lease, mapped again.
dhcp6_capture back
kea_up
wait_for 40 in_kernel "$mac" || { v4v6d_dump; die "$mac not mapped again 40 s after Kea came back"; }
capture_stop back
addr6=$(dev_get ipv6 "$mac")
[ "$(kea_lease_of "$mac")" = "$addr6" ] || die "the kernel has $addr6, Kea leases '$(kea_lease_of "$mac")'"
[ "$(dhcp6_count back "$mac" solicit)" -ge 1 ] || { cat "$E2E_TMP/back.txt"; die "no Solicit from $mac"; }
[ "$(dev_get wan "$mac")" = "$ident" ] || die "$mac is on $(dev_get wan "$mac") now"
ident_addrs "$ident" | grep -q "^$addr6 " || die "$ident does not hold $addr6"
on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || { v4v6d_dump; die "$name cannot reach srv4"; }
log "Kea back: $mac leased $addr6 again, mapped, srv4 reached"
v4v6d_stop

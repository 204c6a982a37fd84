# The WAN's cable out and in again (RFC 8415 section 18.2.12): d1 is bound
# (Kea's T1 1000 s), and d2 is soliciting with Kea away, long enough for its
# Solicits to be half a minute apart and more. The WAN loses its carrier
# (net6's end of it goes down), Kea comes back, the carrier comes back: at
# once v4v6d checks d1's lease with a Rebind, answered by Kea (the same
# address, its lifetimes from now), and d2 Solicits again, is leased an
# address and mapped within seconds, not when its backoff would have ended.

# The devices: d1 bound before, d2 soliciting while Kea is away.
set -- $D1
name1=$1 mac1=$2
dev_add "$1" "$2" "$3"
set -- $D2
name2=$1 mac2=$2
dev_add "$1" "$2" "$3"

# at T: seconds from the carrier's return to Unix time T
at() { awk -v a="$back" -v b="$1" 'BEGIN { printf "%.1f", b - a }'; }
# within T SECONDS: T is less than SECONDS after the carrier came back
within() { awk -v a="$back" -v b="$1" -v s="$2" 'BEGIN { exit !(b >= a && b - a < s) }'; }
# log_more N PATTERN: v4v6d logged more than N lines matching PATTERN
log_more() { [ "$(v4v6d_log_count "$2")" -gt "$1" ]; }
# solicits N: capture "away" saw N Solicits or more from d2
solicits() { [ "$(dhcp6_count away "$mac2" solicit)" -ge "$1" ]; }

v4v6d_up
on "$name1" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 10 in_kernel "$mac1" || { v4v6d_dump; die "$mac1 not mapped in 10 s"; }
addr1=$(dev_get ipv6 "$mac1")
ident1=$(dev_get wan "$mac1")
log "$mac1: $addr1 on $ident1 (T1 1000 s)"

# d2 solicits with nobody to answer: its Solicits 1, 2, 4, 8, 16, 32 s
# apart (RFC 8415's RAND: each step 1.9 to 2.1 times the last), the seventh
# 50 to 85 s after the first; the next is 47 s away or more.
kea_down
dhcp6_capture away
on "$name2" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 120 solicits 7 || { v4v6d_dump; cat "$E2E_TMP/away.txt"; die "d2 did not Solicit 7 times in 120 s"; }
capture_stop away
log "d2 ($mac2) sent 7 Solicits with Kea away"

# The cable out, Kea back, the cable in.
binds1=$(v4v6d_log_count "$ident1: DHCPv6 lease $addr1 ")
on net6 ip link set gw down || die "net6: gw down"
wait_for 10 v4v6d_log_has "WAN eth1: no carrier" || { v4v6d_dump; die "v4v6d did not see the carrier go"; }
kea_up
dhcp6_capture back
back=$(date +%s.%N)
on net6 ip link set gw up || die "net6: gw up"
wait_for 10 v4v6d_log_has "WAN eth1: carrier back" || { v4v6d_dump; die "v4v6d did not see the carrier come back"; }

# d1: a Rebind at once, answered; the lease goes on with the same address.
wait_for 10 log_more "$binds1" "$ident1: DHCPv6 lease $addr1 " ||
	{ v4v6d_dump; cat "$E2E_TMP/back.txt"; die "$mac1's lease not checked after the carrier came back"; }
t=$(dhcp6_times back "$mac1" rebind | head -n 1)
[ -n "$t" ] || { cat "$E2E_TMP/back.txt"; die "no Rebind from $mac1"; }
within "$t" 5 || die "$mac1's first Rebind $(at "$t") s after the carrier came back"
[ "$(dhcp6_count back "$mac1" 'solicit|request|renew')" -eq 0 ] ||
	{ cat "$E2E_TMP/back.txt"; die "$mac1 asked for more than a Rebind"; }
[ "$(dev_get ipv6 "$mac1")" = "$addr1" ] || die "$mac1 is $(dev_get ipv6 "$mac1") now"
log "$mac1: Rebind $(at "$t") s after the carrier came back, $addr1 kept"

# d2: Solicits at once, leased and mapped.
wait_for 15 in_kernel "$mac2" || { v4v6d_dump; cat "$E2E_TMP/back.txt"; die "$mac2 not mapped 15 s after the carrier came back"; }
capture_stop back
t=$(dhcp6_times back "$mac2" solicit | head -n 1)
[ -n "$t" ] || { cat "$E2E_TMP/back.txt"; die "no Solicit from $mac2"; }
within "$t" 5 || die "$mac2's first Solicit $(at "$t") s after the carrier came back"
addr2=$(dev_get ipv6 "$mac2")
[ "$(kea_lease_of "$mac2")" = "$addr2" ] || die "the kernel has $addr2, Kea leases '$(kea_lease_of "$mac2")'"
result "after the carrier came back: $mac1's Rebind $(at "$(dhcp6_times back "$mac1" rebind | head -n 1)") s, $mac2's Solicit $(at "$t") s"
on "$name2" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || { v4v6d_dump; die "$name2 cannot reach srv4"; }
on "$name1" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || { v4v6d_dump; die "$name1 cannot reach srv4"; }
log "$mac2: Solicit at once, $addr2 leased and mapped; both devices reach srv4"
v4v6d_stop

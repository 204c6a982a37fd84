# v4v6d renews its devices' leases: with Kea handing out short times (T1 4 s,
# T2 8 s, valid 16 s), a device mapped by v4v6d is renewed again and again
# from its identity (Renew messages from the device's MAC on net6, answered:
# Kea's lease file shows the lease's expiry moving on), the address on the
# identity gets the new lifetimes (it outlives the first valid lifetime by
# far), and the device keeps its IPv6 address and its traffic flowing. A
# renewal of the same address changes nothing in the kernel's table: no
# device event (v4v6ctl monitor) comes of it.

KEA_T1=4 KEA_T2=8 KEA_PREFERRED=12 KEA_VALID=16 kea_restart
RUN=28		# seconds of renewals watched: more than the valid lifetime
v4v6d_up
set -- $D1
name=$1 mac=$2 addr4=$3
dev_add "$name" "$mac" "$addr4"
dhcp6_capture dhcp6
on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
pid=$!
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
wait $pid
addr6=$(dev_get ipv6 "$mac")
ident=$(dev_get wan "$mac")
[ "$(kea_lease_of "$mac")" = "$addr6" ] ||
	die "$mac: kernel has $addr6, Kea leased '$(kea_lease_of "$mac")'"
v4v6d_log_has "$ident: DHCPv6 lease $addr6 \(T1 4s, T2 8s, valid 16s\)" ||
	{ v4v6d_dump; die "v4v6d did not take Kea's times"; }
log "$name ($mac): $addr6 on $ident, T1 4 s, T2 8 s, valid 16 s"

# The module's events all along; subscribed once it sees its own config.
ip netns exec gw "$V4V6_CTL" -j monitor > "$E2E_TMP/monitor.txt" 2> "$E2E_TMP/monitor.err" &
monitor=$!
wait_for 10 sh -c "ip netns exec gw $V4V6_CTL config set unknown pass > /dev/null &&
	grep -q '\"event\": *\"config\"' $E2E_TMP/monitor.txt" ||
	{ cat "$E2E_TMP/monitor.err"; die "v4v6ctl monitor sees no events"; }

# Traffic all along: a ping a second.
on "$name" ping -i 1 -w $RUN -W 1 $SRV4_ADDR > "$E2E_TMP/ping.txt" 2>&1 &
ping_pid=$!
sleep $RUN
wait $ping_pid
capture_stop dhcp6
kill $monitor 2> /dev/null
wait $monitor 2> /dev/null
events=$(grep -ci "\"$mac\"" "$E2E_TMP/monitor.txt" || true)
[ "$events" -eq 0 ] ||
	{ cat "$E2E_TMP/monitor.txt"; die "$events device events for $mac: renewals changed the kernel's table"; }

renews=$(dhcp6_count dhcp6 "$mac" renew)
rebinds=$(dhcp6_count dhcp6 "$mac" rebind)
solicits=$(dhcp6_count dhcp6 "$mac" solicit)
log "in $RUN s: $renews Renews, $rebinds Rebinds, $solicits Solicits from $mac"
[ "$renews" -ge $((RUN / 4 - 2)) ] ||
	{ v4v6d_dump; cat "$E2E_TMP/dhcp6.txt"; die "only $renews Renews from $mac in $RUN s (T1 4 s)"; }
[ "$rebinds" -eq 0 ] || { v4v6d_dump; die "$rebinds Rebinds: a Renew went unanswered"; }
[ "$solicits" -le 1 ] || { v4v6d_dump; die "$mac solicited again ($solicits Solicits)"; }

# Kea extended the lease each time: its expiry moved on by the run's length.
exp=$(kea_expiries "$addr6" | sort -un)
n=$(echo "$exp" | wc -l)
span=$(($(echo "$exp" | tail -n 1) - $(echo "$exp" | head -n 1)))
log "Kea's lease file: $n expiries for $addr6 spanning $span s"
[ "$n" -ge $((RUN / 4 - 2)) ] && [ "$span" -ge $((RUN - 8)) ] ||
	{ cat "$E2E_TMP/kea/leases6.csv"; die "Kea did not extend the lease ($n expiries, $span s)"; }
[ "$(kea_lease_of "$mac")" = "$addr6" ] || die "Kea now leases '$(kea_lease_of "$mac")' to $mac"
[ "$(kea_addresses)" -eq 1 ] || die "Kea leased $(kea_addresses) addresses"

# The daemon took each Reply: the same address, the identity's lifetimes
# refreshed (it is still there, RUN s > valid 16 s after the first lease).
binds=$(v4v6d_log_count "$ident: DHCPv6 lease $addr6 ")
log "v4v6d: $binds leases of $addr6 logged"
[ "$binds" -ge $((RUN / 4 - 1)) ] || { v4v6d_dump; die "v4v6d took only $binds Replies"; }
v4v6d_log_has "replaced|lost|went away" && { v4v6d_dump; die "the address changed hands"; }
[ "$(dev_get ipv6 "$mac")" = "$addr6" ] || die "the kernel has $(dev_get ipv6 "$mac") for $mac now"
a=$(ident_addrs "$ident")
log "$ident: $a"
[ "$(echo "$a" | awk '{ print $1 }')" = "$addr6" ] || die "$ident holds '$a', not $addr6"
left=$(echo "$a" | awk '{ sub(/sec$/, "", $3); print $3 }')
[ "$left" -gt 0 ] && [ "$left" -le 16 ] || die "$ident: valid_lft $left, not Kea's 16 s or less"

# and the traffic went on
got=$(sed -n 's/.* \([0-9]*\) received.*/\1/p' "$E2E_TMP/ping.txt")
log "ping during the renewals: ${got:-0} replies in $RUN s"
[ "${got:-0}" -ge $((RUN * 3 / 4)) ] || { cat "$E2E_TMP/ping.txt"; die "traffic stalled during renewals"; }
on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || die "$name cannot reach srv4 after the renewals"
v4v6d_stop

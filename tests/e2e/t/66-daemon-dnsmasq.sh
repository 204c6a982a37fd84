# v4v6d end to end with dnsmasq as the DHCPv6 server instead of Kea: three
# IPv4-only devices are plugged in and each is learnt, given an identity
# with its MAC, leased an address by dnsmasq with its DUID-LL, and put in
# the kernel's table within 2 seconds of its first packet; then each
# reaches srv4 through v4v6 and Jool.
# e2e: xlat-off must fail

BOUND_MS=2000
kea_down
dnsmasq_up
v4v6d_up

# ms_between MAC: milliseconds from the first frame of MAC on the gateway's
# LAN port (tcpdump -tt) to v4v6d's log line putting MAC in the kernel's
# table (both Unix times of the guest's clock)
ms_between() {
	local t0 t1
	t0=$(awk 'NR == 1 { print $1 }' "$E2E_TMP/first-$1.txt")
	t1=$(sed -n "s/^\[\([0-9.]*\)\] $1 .*: translated as .*/\1/p" "$V4V6D_DIR/log" | head -n 1)
	[ -n "$t0" ] && [ -n "$t1" ] || return 1
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d\n", (b - a) * 1000 }'
}

for dev in "$D1" "$D2" "$D3"; do
	set -- $dev
	name=$1 mac=$2 addr4=$3
	dev_add "$name" "$mac" "$addr4"
	capture "first-$mac" gw eth0 -tt -c 1 ether src "$mac"
	# its first packets: ARP for the gateway, then ICMP to srv4
	on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
	pid=$!
	wait_for 10 in_kernel "$mac" ||
		{ v4v6d_dump; cat "$E2E_TMP/dnsmasq/log"; die "$name ($mac) not mapped in 10 s"; }
	wait $pid
	capture_stop "first-$mac"
	ms=$(ms_between "$mac") || { v4v6d_dump; die "$name: no first frame or no mapping in the log"; }
	result "$name ($mac): mapped ${ms} ms after its first frame reached the gateway"
	[ "$ms" -le $BOUND_MS ] || { v4v6d_dump; die "$name took $ms ms (bound $BOUND_MS)"; }
done

for dev in "$D1" "$D2" "$D3"; do
	set -- $dev
	name=$1 mac=$2
	addr6=$(dev_get ipv6 "$mac")
	ident=$(dev_get wan "$mac")
	# dnsmasq writes its lease file when a lease changes: the line of
	# this one may still be on its way
	wait_for 5 dnsmasq_lease_of "$mac" ||
		{ cat "$E2E_TMP/dnsmasq/leases"; die "$mac: no lease with its DUID-LL in dnsmasq's lease file"; }
	[ "$(dnsmasq_lease_of "$mac")" = "$addr6" ] ||
		die "$mac: kernel has $addr6, dnsmasq leased '$(dnsmasq_lease_of "$mac")'"
	case $addr6 in
	$NET6::1[0-9a-f][0-9a-f][0-9a-f]) ;;
	*) die "$mac: $addr6 is not from dnsmasq's range" ;;
	esac
	[ "$(on gw cat "/sys/class/net/$ident/address")" = "$mac" ] ||
		die "$mac: identity $ident has MAC $(on gw cat "/sys/class/net/$ident/address")"
	on "$name" ping -c 2 -i 0.3 -W "$(xt 3)" $SRV4_ADDR > /dev/null ||
		{ v4v6d_dump; die "$name cannot reach srv4"; }
	log "$name: $addr6 on $ident, dnsmasq lease with its DUID-LL, srv4 reached"
done
v4v6d_log_has "inactive|released" && { v4v6d_dump; die "a device aged while in use"; }
v4v6d_stop
dnsmasq_down

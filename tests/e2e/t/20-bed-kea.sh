# The DHCPv6 server is real: a client on a macvlan with a chosen MAC gets an
# address from Kea's pool, Kea's lease records that MAC (DUID-LL), and no
# lease comes once Kea is stopped.

# dhcp_client NAME MAC SECONDS: a macvlan on the WAN with MAC, DHCPv6 on it
dhcp_client() {
	local name=$1 mac=$2 secs=$3
	on gw ip link add "$name" link eth1 address "$mac" type macvlan mode private
	on gw ip link set "$name" up
	wait_for 10 on gw sh -c "ip -6 addr show dev $name scope link | grep -q fe80" ||
		die "no link-local on $name"
	on gw timeout "$secs" dhclient -6 -1 -D LL -v -lf "$E2E_TMP/$name.leases" \
		-pf "$E2E_TMP/$name.pid" "$name" > "$E2E_TMP/$name.out" 2>&1
}

mac=02:00:00:00:01:10
dhcp_client wan0 $mac 30 || { cat "$E2E_TMP/wan0.out"; die "dhclient"; }
addr=$(on gw ip -6 -o addr show dev wan0 scope global | awk '{ print $4 }' | cut -d/ -f1)
case $addr in
$NET6::1[0-9a-f][0-9a-f][0-9a-f]) ;;
*) die "wan0 address '$addr' is not from Kea's pool" ;;
esac
wait_for 5 kea_lease_of $mac || die "Kea has no lease for $mac"
[ "$(kea_lease_of $mac)" = "$addr" ] || die "Kea leased $(kea_lease_of $mac), wan0 has $addr"
grep -q "^$addr,00:03:00:01:$mac," "$E2E_TMP/kea/leases6.csv" ||
	die "Kea's lease does not carry DUID-LL of $mac"
log "wan0 ($mac) leased $addr; Kea's lease shows the MAC"

kea_down
dhcp_client wan1 02:00:00:00:01:11 8
on gw ip -6 -o addr show dev wan1 scope global | grep -q . &&
	die "wan1 has an address with Kea stopped"
kea_lease_of 02:00:00:00:01:11 && die "Kea recorded a lease while stopped"
log "no lease without Kea"

# e2e: xlat-off must fail
#
# Offloads on along the whole path (TSO and GSO as veth has them, GRO
# switched on where veth leaves it off): a 10 MiB transfer each way is
# intact, and v4v6 sends GSO packets on as GSO packets (translated packets
# bigger than the MTU leave the gateway, to be cut by the device below).
v4v6_up lowest-mtu 1500
mapped_dev $D1
on gw ethtool -K eth0 gro on
on gw ethtool -K eth1 gro on
on net6 ethtool -K gw gro on
on d1 ethtool -K eth0 gro on

# offloads NS IF: tso, gso and gro on
offloads() {
	local k
	k=$(on "$1" ethtool -k "$2") || die "ethtool -k $2 in $1"
	for f in tcp-segmentation-offload generic-segmentation-offload generic-receive-offload; do
		echo "$k" | grep -q "^$f: on" || die "$1 $2: $(echo "$k" | grep "^$f")"
	done
}
for nsdev in "d1 eth0" "gw eth0" "gw eth1" "gw id-d1" "net6 gw"; do
	offloads $nsdev
done

blob big 10
capture out gw eth1 -c 3 "ip6 and src $NET6::4:10 and greater 3000"
tcp_up d1 "$E2E_TMP/big" 5001
capture_stop out
grep -q "length" "$E2E_TMP/out.txt" ||
	die "no translated packet over 3000 bytes left the gateway: GSO lost on the way"
capture in gw eth0 -c 3 "ip and dst $LAN_NET.10 and greater 3000"
tcp_down d1 "$E2E_TMP/big" 5002
capture_stop in
big_in=$(grep -c length "$E2E_TMP/in.txt")
log "offloads on; 10 MiB each way intact; GSO kept out: $(awk '{ print $9 }' "$E2E_TMP/out.txt" | tr -d ':' | tr '\n' ' ')in: $big_in packets over 3000"

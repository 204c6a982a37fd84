# e2e: xlat-off must fail
#
# Each device is itself on the IPv6 network: its translated packets leave
# the gateway with the device's MAC as Ethernet source and the device's IPv6
# address as source (captured on net6's bridge port to the gateway), never
# with the gateway's own MAC; and neighbour discovery for the device's IPv6
# address answers with the device's MAC, as a host (no router flag).
v4v6_up
mapped_dev $D1
mapped_dev $D2
read -r _ mac1 _ ip6_1 <<< "$D1"
read -r _ mac2 _ ip6_2 <<< "$D2"
gwmac=$(on gw cat /sys/class/net/eth1/address)

capture wan net6 gw "ip6 and net $PREF64/96"
for d in d1 d2; do
	on $d ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "$d: ping $SRV4_ADDR"
done
udp_serve 9000
udp_ask d1 9000 --count 2 || die "d1: UDP"
udp_ask d2 9000 --count 2 || die "d2: UDP"
capture_stop wan

# "12:00:00.000 SRCMAC > DSTMAC, ethertype IPv6 (0x86dd), length N: SRC > DST: ..."
python3 - "$E2E_TMP/wan.txt" "$gwmac" "$mac1=$ip6_1" "$mac2=$ip6_2" <<'PY' || { cat "$E2E_TMP/wan.txt"; die "translated packets on the WAN"; }
import collections, sys
lines = open(sys.argv[1]).read().splitlines()
gwmac = sys.argv[2]
devs = dict(a.split("=") for a in sys.argv[3:])
by_ip = {ip: mac for mac, ip in devs.items()}
seen = collections.Counter()
for l in lines:
    f = l.split()
    if len(f) < 12 or f[4] != "ethertype" or f[5] != "IPv6":
        continue
    src_mac, dst_mac = f[1], f[3].rstrip(",")
    i = f.index("length")
    # "ADDR.PORT" for TCP and UDP; these IPv6 addresses have no dots.
    src_ip, dst_ip = f[i + 2].split(".")[0], f[i + 4].rstrip(":").split(".")[0]
    if src_ip.startswith("64:ff9b::"):            # towards the device
        mac = by_ip.get(dst_ip)
        assert mac, "reply to an unknown address: " + l
        assert dst_mac == mac, "reply to %s sent to %s: %s" % (dst_ip, dst_mac, l)
        seen["in", mac] += 1
        continue
    assert src_mac != gwmac, "translated packet with the gateway's MAC: " + l
    mac = by_ip.get(src_ip)
    assert mac, "translated packet from an unknown address: " + l
    assert src_mac == mac, "%s left with MAC %s, not %s: %s" % (src_ip, src_mac, mac, l)
    seen["out", mac] += 1
for mac in devs:
    # 2 echo requests and 2 datagrams each way, at least
    assert seen["out", mac] >= 4 and seen["in", mac] >= 4, (mac, dict(seen))
print("  per device (out, in):", {m: (seen["out", m], seen["in", m]) for m in devs})
PY

# Neighbour discovery from the IPv6 network: the router that returns the
# translated traffic, and h6, which asks now.
for pair in "$ip6_1 $mac1" "$ip6_2 $mac2"; do
	read -r ip mac <<< "$pair"
	on h6 ping -c 1 -W 3 "$ip" > /dev/null 2>&1
	wait_for 5 sh -c "ip -n h6 -6 neigh show $ip | grep -q lladdr" ||
		die "h6 did not resolve $ip"
	n=$(on h6 ip -6 neigh show "$ip")
	echo "$n" | grep -q "lladdr $mac" || die "h6: $ip resolves to '$n', not $mac"
	echo "$n" | grep -qw router && die "h6: $ip advertised as a router: $n"
	n=$(on net6 ip -6 neigh show "$ip")
	echo "$n" | grep -q "lladdr $mac" || die "net6: $ip resolves to '$n', not $mac"
done
log "each device's packets leave with its own MAC and IPv6; ND answers with its MAC, as a host"

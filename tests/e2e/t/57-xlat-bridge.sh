# e2e: xlat-off must fail
#
# Only frames addressed to the router are v4v6's. The gateway's LAN is a
# bridge, br-lan, and br_netfilter is loaded with bridge-nf-call-iptables=1
# (as on Docker and libvirt hosts), so that the IPv4 hooks also see the
# frames br-lan merely forwards between its ports. gw2, a second IPv4
# gateway on br-lan, routes 192.31.196.20, an internet address (its own):
# d1's packets to it through gw2 are not translated and reach gw2 from d1's
# MAC, and those of d3, a device v4v6 does not know (with "unknown drop"),
# are neither dropped nor counted as an unknown source; d1's packets to
# srv4 through the gateway still are translated.
GW2=$LAN_NET.2
OTHER=$SRV4_NET.20
MAC1=02:00:00:00:00:0a
MAC3=02:00:00:00:00:0c

# The gateway's LAN port becomes a port of br-lan (with its MAC), which
# takes the gateway's LAN address.
mac=$(on gw cat /sys/class/net/eth0/address)
on gw ip addr del $GW_LAN/24 dev eth0 &&
	on gw ip link add br-lan address "$mac" type bridge &&
	on gw ip link set eth0 master br-lan &&
	on gw ip addr add $GW_LAN/24 dev br-lan &&
	on gw ip link set br-lan up || die "br-lan"
v4v6_up unknown drop
ctl config set lan br-lan > /dev/null || die "config set lan br-lan"
xlat_off_apply
mapped_dev $D1
on d1 ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "d1: ping $SRV4_ADDR through br-lan"

had_brnf=
lsmod | grep -q '^br_netfilter ' && had_brnf=1
modprobe br_netfilter || skip "no br_netfilter module"
# The next tests run without it.
[ -n "$had_brnf" ] || trap 'topo_down; rmmod br_netfilter 2> /dev/null' EXIT
modprobe nf_tables || die "modprobe nf_tables"
# Only the gateway calls the IPv4 hooks on bridged frames, not the test
# bed's switches (nor the PLAT's).
for ns in lan net6; do
	on $ns sysctl -qw net.bridge.bridge-nf-call-iptables=0 \
		net.bridge.bridge-nf-call-ip6tables=0 || die "$ns: bridge-nf-call sysctls"
done
on gw sysctl -qw net.bridge.bridge-nf-call-iptables=1 || die "gw: bridge-nf-call-iptables"

# gw2 hangs off br-lan too.
ns_new gw2
NAMESPACES="$NAMESPACES gw2"
ip -n gw2 link add eth0 type veth peer name lan2 netns gw &&
	on gw ip link set lan2 master br-lan up &&
	on gw2 ip addr add $GW2/24 dev eth0 &&
	on gw2 ip link set eth0 up &&
	on gw2 ip addr add $OTHER/32 dev lo || die "gw2"
# What the IPv4 hooks of the gateway see for OTHER (before v4v6 at -75).
on gw nft -f - <<-NFT || die "gw: nft probe"
table ip probe {
	chain pre {
		type filter hook prerouting priority -300; policy accept;
		ip daddr $OTHER counter
	}
}
NFT

dev_add d3 $MAC3 $LAN_NET.12
for d in d1 d3; do
	on $d ip route add $OTHER/32 via $GW2 || die "$d: route to $OTHER via gw2"
done

xlat=$(stat_get xlat_4to6)
tx=$(dev_get tx_packets $MAC1)
unknown=$(stat_get unknown_source)
capture gw2 gw2 eth0 icmp and dst host $OTHER
on d1 ping -c 3 -i 0.3 -W 5 $OTHER > "$E2E_TMP/ping-d1.txt" 2>&1 ||
	{ cat "$E2E_TMP/ping-d1.txt"; die "d1: ping $OTHER through gw2"; }
on d3 ping -c 3 -i 0.3 -W 5 $OTHER > "$E2E_TMP/ping-d3.txt" 2>&1 ||
	{ cat "$E2E_TMP/ping-d3.txt"; die "d3 (unknown): ping $OTHER through gw2"; }
capture_stop gw2

seen=$(on gw nft list chain ip probe pre | sed -n 's/.* counter packets \([0-9]*\) .*/\1/p')
[ "${seen:-0}" -ge 6 ] || die "the gateway's IPv4 hooks saw $seen bridged packets to $OTHER: br_netfilter not in effect"
for m in $MAC1 $MAC3; do
	grep -q " $m > .* $OTHER: ICMP echo request" "$E2E_TMP/gw2.txt" ||
		{ cat "$E2E_TMP/gw2.txt"; die "gw2 got no echo request from $m"; }
done
[ "$(stat_get xlat_4to6)" -eq "$xlat" ] ||
	die "xlat_4to6: $xlat before, $(stat_get xlat_4to6) after the pings to gw2"
[ "$(dev_get tx_packets $MAC1)" -eq "$tx" ] ||
	die "d1's tx_packets: $tx before, $(dev_get tx_packets $MAC1) after the pings to gw2"
[ "$(stat_get unknown_source)" -eq "$unknown" ] ||
	die "unknown_source: $unknown before, $(stat_get unknown_source) after d3's pings to gw2"

on d1 ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "d1: ping $SRV4_ADDR after gw2"
[ "$(stat_get xlat_4to6)" -gt "$xlat" ] || die "xlat_4to6 did not grow for $SRV4_ADDR"
log "br_netfilter: $seen bridged packets to gw2 seen by the IPv4 hooks, none taken; $SRV4_ADDR still translated"

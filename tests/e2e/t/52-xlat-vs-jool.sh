# SPDX-License-Identifier: GPL-2.0
# e2e: xlat-off must fail
# e2e: requires has_jool_siit no Jool SIIT for this kernel: no reference translator
#
# Differential test: v4v6 against Jool SIIT, packet by packet. v4v6 runs in
# the gateway as the other tests set it up (d1: 192.168.1.10 <->
# 2001:db8:6::4:10, 64:ff9b::/96); Jool SIIT runs beside it in namespace
# "siit" as the same stateless translator (pool6 64:ff9b::/96, an EAMT entry
# for the device), between two veths whose far ends (s4 <-> p4, s6 <-> p6)
# sit in "siitx". Both get the same environment: lowest IPv6 MTU 1280, a
# route MTU of 1280 towards the prefix, 1400 towards the device, ICMP rate
# limits off, static neighbours, nothing answering behind either side.
#
# tests/e2e/diff_jool.py then crafts about 600 packets (both directions: sizes,
# TOS, TTL, options, fragments, extension headers, ICMP errors of every type
# quoting TCP, UDP and echo, RFC 4884 lengths, hostile fields), injects each
# into both translators, captures what each sends on and sends back, and
# compares them field by field. Differences RFC 7915 leaves free, v4v6's
# documented choices and known Jool bugs are listed and commented there
# (ALLOWED); any other difference fails, naming packet, field and values.

# Jool SIIT is built only for the kernels Jool 4.1.9 builds for (6.1); on
# others there is no reference to compare with (the runner skips the test
# for the "requires" line above, before building the topology).
has_jool_siit || skip "no Jool SIIT for $(uname -r): no reference translator"

# The packets are hand-made and fed at the wire: nothing may answer them
# but the translators. d1 has no address (it drops what v4v6 sends it),
# net6 drops everything from the gateway, and the gateway's neighbours are
# static (no ARP or NS between a packet and its marker).
siit_down() {
	ip netns exec siit jool_siit instance remove diff > /dev/null 2>&1
	return 0
}
trap 'siit_down; topo_down; rmmod jool_siit 2> /dev/null' EXIT

# (inbound all: the packets from the IPv6 side belong to no flow of d1's)
v4v6_up lowest-mtu 1280 inbound all
mapped_dev $D1

# --- v4v6's side
rtrmac=$(on net6 cat /sys/class/net/br0/address)
on d1 ip addr flush dev eth0
on gw ip neigh replace $LAN_NET.10 lladdr 02:00:00:00:00:0a dev eth0 nud permanent ||
	die "neighbour d1"
for dev in id-d1 eth1; do
	on gw ip -6 neigh replace $NET6_ROUTER lladdr "$rtrmac" dev $dev nud permanent ||
		die "neighbour $NET6_ROUTER on $dev"
done
set -- $D1
on gw ip -6 route add $PREF64/96 from "$4" via $NET6_ROUTER dev id-d1 table 1000 mtu 1280 ||
	die "route $PREF64/96 mtu 1280"
on gw ip route add $LAN_NET.10/32 dev eth0 mtu 1400 || die "route to d1 mtu 1400"
# What v4v6 leaves to the gateway's routing (non-global destinations) goes
# nowhere rather than back as the router's Destination Unreachable.
on gw ip route add blackhole 10.0.0.0/8 || die "blackhole 10/8"
modprobe nf_tables || die "modprobe nf_tables"
on net6 nft -f - <<-NFT || die "net6: ingress filter"
	table netdev diff {
		chain in { type filter hook ingress device gw priority 0; policy drop; }
	}
NFT

# --- Jool's side
lsmod | grep -q "^jool_siit " || insmod "$JOOL_DIR/jool_siit.ko" || die "insmod jool_siit"
for ns in siit siitx; do
	ns_new $ns
	NAMESPACES="$NAMESPACES $ns"
done
ip -n siit link add s4 type veth peer name p4 netns siitx || die "veth s4"
ip -n siit link add s6 type veth peer name p6 netns siitx || die "veth s6"
on siitx sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
on siitx sysctl -qw net.ipv6.conf.p4.disable_ipv6=1 net.ipv6.conf.p6.disable_ipv6=1
on siitx ip link set p4 up
on siitx ip link set p6 up
# no forwarding: what Jool leaves untranslated is dropped without an answer
on siit sysctl -qw net.ipv4.ip_forward=0 net.ipv6.conf.all.forwarding=0 \
	net.ipv6.conf.s4.disable_ipv6=1
on siit ip addr add $GW_LAN/24 dev s4
on siit ip -6 addr add $NET6::2/128 dev s6 nodad
on siit ip link set s4 up
on siit ip link set s6 up
on siit ip neigh replace $LAN_NET.10 lladdr 02:00:00:00:00:0a dev s4 nud permanent
on siit ip -6 neigh replace fe80::1 lladdr "$rtrmac" dev s6 nud permanent
on siit ip -6 route add $PREF64/96 via fe80::1 dev s6 mtu 1280 || die "siit: route $PREF64/96"
on siit ip route add $LAN_NET.10/32 dev s4 mtu 1400 || die "siit: route to d1"
# and untranslated IPv6 for the device's network into a blackhole, not
# back as the kernel's Destination Unreachable
on siit ip -6 route add blackhole $NET6::/64 || die "siit: blackhole"
on siit jool_siit instance add diff --netfilter --pool6 $PREF64/96 > /dev/null ||
	die "jool_siit instance add"
jool() { on siit jool_siit -i diff "$@" > /dev/null || die "jool_siit $*"; }
jool eamt add $NET6::4:10/128 $LAN_NET.10/32
jool global update lowest-ipv6-mtu 1280
# v4v6 computes the checksum of unfragmented IPv4 UDP without one
jool global update amend-udp-checksum-zero true
# v4v6's source for errors from untranslatable IPv6 addresses (RFC 7600)
jool global update rfc6791v4-prefix 192.0.0.8/32

# --- both
for ns in gw siit; do
	on $ns sysctl -qw net.ipv4.icmp_ratemask=0 net.ipv4.icmp_ratelimit=0 \
		net.ipv6.icmp.ratelimit=0 net.ipv4.icmp_msgs_per_sec=100000 \
		net.ipv4.icmp_msgs_burst=100000 || die "$ns: ICMP rate limits"
done
# checksums complete before the capture (Jool leaves some to the device)
for nsdev in "gw eth0" "gw eth1" "siit s4" "siit s6"; do
	on ${nsdev% *} ethtool -K ${nsdev#* } tx off > /dev/null 2>&1 ||
		die "tx off: $nsdev"
done

# (-v: each allowed case is listed with its rules, in the log the runner
# shows for a failing test or with -v)
timeout 200 python3 "$E2E_DIR/diff_jool.py" run -v --timeout "$(xt 5)" > "$E2E_TMP/diff.txt" 2>&1
rc=$?
sed 's/^/  /' "$E2E_TMP/diff.txt" | grep -v '^  \(rule \|direction\|summary\|time\)' | head -n 1000
grep '^direction ' "$E2E_TMP/diff.txt" | while read -r line; do result "$line"; done
grep '^rule ' "$E2E_TMP/diff.txt" | while read -r line; do result "allowed by $line"; done
sum=$(grep '^summary: ' "$E2E_TMP/diff.txt") || die "diff_jool.py did not finish (exit $rc)"
result "${sum#summary: }"
result "$(grep '^time: ' "$E2E_TMP/diff.txt")"
[ $rc -eq 0 ] || die "v4v6 and Jool differ: ${sum#summary: }"
log "v4v6 and Jool SIIT agree: ${sum#summary: }"

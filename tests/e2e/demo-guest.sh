#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the guest: build the topology and show a person, step by step, what
# happens in it. Run by tests/e2e/demo.sh.
set -u
export JOOL_DIR=$1 V4V6_KO=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
trap topo_down EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
show() { printf '\033[2m$ %s\033[0m\n' "$*"; "$@" 2>&1 | sed 's/^/    /'; }

step "Building the topology: LAN switch, gateway, IPv6-only network, IPv4 server"
topo_up > /dev/null || exit 1
dev_add dev4 02:00:00:00:01:10 $LAN_NET.10
for ns in dev4 gw net6 h6 srv4; do
	echo "  [$ns]"
	ip -n $ns -br addr show | grep -v '^lo ' | sed 's/^/    /'
done

step "The IPv6 network's PLAT: an IPv6-only host reaches the IPv4 server through Jool"
show ip netns exec h6 ping -c 2 -i 0.3 "$(pref64_of $SRV4_ADDR)"

step "Loading v4v6.ko: its generic netlink family is there in every namespace"
insmod "$V4V6_KO"
show ip netns exec gw genl ctrl get name v4v6
if [ -x tools/build/v4v6ctl ]; then
	show ip netns exec gw tools/build/v4v6ctl config set lan eth0 wan eth1
	show ip netns exec gw tools/build/v4v6ctl config show
fi

step "A WAN identity for dev4: a macvlan with dev4's MAC asks Kea for an address"
on gw ip link add wan-dev4 link eth1 address 02:00:00:00:01:10 type macvlan mode private
# A host on the IPv6 network, not a router: no Router flag in its neighbour
# advertisements, and no RA-learned default route competing with the WAN's.
on gw sysctl -qw net.ipv6.conf.wan-dev4.forwarding=0 net.ipv6.conf.wan-dev4.accept_ra=0
on gw ip link set wan-dev4 up
wait_for 10 on gw sh -c "ip -6 addr show dev wan-dev4 scope link | grep -q fe80"
on gw timeout 30 dhclient -6 -1 -D LL -lf "$E2E_TMP/demo.leases" -pf "$E2E_TMP/demo.pid" wan-dev4 > /dev/null 2>&1
show ip -n gw -6 -br addr show dev wan-dev4
echo "  Kea's lease file (address, DUID-LL, hwaddr):"
awk -F, 'NR > 1 { print "    " $1 "  " $2 "  " $13 }' "$E2E_TMP/kea/leases6.csv"
addr6=$(on gw ip -6 -o addr show dev wan-dev4 scope global | awk '{ print $4 }' | cut -d/ -f1)
[ -n "$addr6" ] || { echo "  no lease: the demo cannot go on"; exit 1; }

step "Mapping dev4 to its identity (v4v6d will do this by itself)"
on gw ip -6 route add $NET6::/64 dev wan-dev4 metric 4096
on gw ip -6 route add default via $NET6_ROUTER dev wan-dev4 metric 4096
show ip netns exec gw tools/build/v4v6ctl device add 02:00:00:00:01:10 ipv4 $LAN_NET.10 ipv6 "$addr6" wan wan-dev4
show ip netns exec gw tools/build/v4v6ctl devices

step "dev4, IPv4 only, reaches the IPv4 server through v4v6 and Jool"
on srv4 tcpdump -lni eth0 -c 2 icmp > "$E2E_TMP/srv4.txt" 2>/dev/null &
on net6 tcpdump -lnei gw -c 2 "ip6 and icmp6 and src $addr6" > "$E2E_TMP/net6.txt" 2>/dev/null &
sleep 1
show ip netns exec dev4 ping -c 3 -i 0.3 $SRV4_ADDR
sleep 1
echo "  What the IPv6 network saw (dev4's MAC, dev4's own IPv6 address):"
sed 's/^/    /' "$E2E_TMP/net6.txt"
echo "  What the IPv4 server saw (Jool's IPv4 pool address as source):"
sed 's/^/    /' "$E2E_TMP/srv4.txt"
show ip netns exec dev4 traceroute -n -q 1 -w 2 $SRV4_ADDR

step "The counters"
show ip netns exec gw tools/build/v4v6ctl device show 02:00:00:00:01:10
show ip netns exec gw tools/build/v4v6ctl stats

rmmod v4v6
echo "  The demo is done."

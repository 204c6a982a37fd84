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
on gw ip link set wan-dev4 up
wait_for 10 on gw sh -c "ip -6 addr show dev wan-dev4 scope link | grep -q fe80"
on gw timeout 30 dhclient -6 -1 -D LL -lf "$E2E_TMP/demo.leases" -pf "$E2E_TMP/demo.pid" wan-dev4 > /dev/null 2>&1
show ip -n gw -6 -br addr show dev wan-dev4
echo "  Kea's lease file (address, DUID-LL, hwaddr):"
awk -F, 'NR > 1 { print "    " $1 "  " $2 "  " $13 }' "$E2E_TMP/kea/leases6.csv"

step "What the IPv6 network sees: dev4's MAC at dev4's address"
on net6 ping -c 1 -W 2 "$(on gw ip -6 -o addr show dev wan-dev4 scope global | awk '{ print $4 }' | cut -d/ -f1)" > /dev/null
show ip -n net6 -6 neigh show dev br0

step "Not yet: translating dev4's IPv4 traffic (the data path is the next issue)"
rmmod v4v6
echo "  The demo is done."

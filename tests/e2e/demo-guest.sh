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

step "Loading v4v6.ko and starting v4v6d (LAN eth0, WAN eth1): nothing else is configured"
export V4V6_CTL=$PWD/tools/build/v4v6ctl V4V6D=$PWD/tools/build/v4v6d
mkdir -p "$E2E_TMP/v4v6d"
cat > "$E2E_TMP/v4v6d/v4v6d.conf" <<-CONF
	lan eth0
	wan eth1
	state $E2E_TMP/v4v6d/state.json
CONF
sed 's/^/    /' "$E2E_TMP/v4v6d/v4v6d.conf"
insmod "$V4V6_KO"
V4V6D_DIR=$E2E_TMP/v4v6d
ip netns exec gw "$V4V6D" -f -c "$E2E_TMP/v4v6d/v4v6d.conf" > "$V4V6D_DIR/log" 2>&1 &
dpid=$!	# ip netns exec execs v4v6d: the daemon's own pid
wait_for 20 grep -q 'v4v6d: LAN' "$V4V6D_DIR/log" || { cat "$V4V6D_DIR/log"; exit 1; }
sleep 2
echo "  v4v6d's log so far (it read the WAN's router advertisement):"
sed 's/^/    /' "$V4V6D_DIR/log"
show ip netns exec gw "$V4V6_CTL" config show

step "dev4 (IPv4 only, MAC 02:00:00:00:01:10) sends its first packet: v4v6d learns it"
lines=$(wc -l < "$V4V6D_DIR/log")
show ip netns exec dev4 ping -c 3 -i 0.5 $SRV4_ADDR
wait_for 10 ip netns exec gw "$V4V6_CTL" device show 02:00:00:00:01:10
echo "  v4v6d's log: learnt, an identity with dev4's MAC, a DHCPv6 lease, mapped:"
tail -n +$((lines + 1)) "$V4V6D_DIR/log" | sed 's/^/    /'
show ip -n gw -d -br link show type macvlan
show ip -n gw -6 -br addr show scope global
echo "  Kea's lease file (address, DUID-LL, hwaddr):"
awk -F, 'NR > 1 { print "    " $1 "  " $2 "  " $13 }' "$E2E_TMP/kea/leases6.csv"
show ip netns exec gw "$V4V6_CTL" devices
show ip netns exec gw "$V4V6_CTL" leases file "$E2E_TMP/v4v6d/state.json"
addr6=$(ip netns exec gw "$V4V6_CTL" -j device show 02:00:00:00:01:10 |
	python3 -c 'import json, sys; print(json.load(sys.stdin)["ipv6"])')

step "dev4 reaches the IPv4 server through v4v6 and Jool, as itself"
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

step "v4v6d stops (SIGTERM): the kernel's table stays, dev4 still gets through"
kill "$dpid"
wait "$dpid"
tail -n 1 "$V4V6D_DIR/log" | sed 's/^/    /'
show ip netns exec dev4 ping -c 2 -i 0.3 $SRV4_ADDR

step "The counters"
show ip netns exec gw "$V4V6_CTL" device show 02:00:00:00:01:10
show ip netns exec gw "$V4V6_CTL" stats

rmmod v4v6
echo "  The demo is done."

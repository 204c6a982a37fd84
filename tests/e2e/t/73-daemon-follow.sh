# e2e: xlat-off must fail
#
# v4v6d follows what it runs on, without a restart. The gateway's LAN is a
# bridge, br-lan over eth0 (as OpenWrt's), and d1 is learnt, leased and
# reaches srv4. Then:
# - br-lan is deleted (v4v6d says so, and heard the module's link-gone
#   event) and created anew, as every OpenWrt network reload does: v4v6d
#   sets the new one in the kernel by itself and d1 reaches srv4 again;
#   admission follows it: a claim on d1's address is checked by ARP on the
#   new br-lan, which d1 answers, and refused;
# - the WAN, eth1, is deleted, which takes d1's identity with it, and
#   created anew: v4v6d makes d1's identity again on it (a new ifindex in
#   the kernel's table), renews its lease (the same address) and d1 reaches
#   srv4 again;
# - v4v6.ko is unloaded and loaded again: v4v6d pushes the configuration
#   and the table to the new module, and d1 reaches srv4 again.
# v4v6d is the same process all along.

# br_lan_up: br-lan in the gateway, over eth0, holding the LAN address
br_lan_up() {
	on gw ip link add br-lan type bridge forward_delay 0 &&
		on gw ip link set eth0 master br-lan &&
		on gw ip addr add $GW_LAN/24 dev br-lan &&
		on gw ip link set br-lan up || die "br-lan"
}

# wan_up: eth1 in the gateway, a port of net6's switch, up
wan_up() {
	ip -n gw link add eth1 type veth peer name gw netns net6 &&
		on net6 ip link set gw master br0 up &&
		on gw ip link set eth1 up || die "eth1"
}

# flows WHAT: d1 reaches srv4
flows() {
	on d1 ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null ||
		{ v4v6d_dump; ctl status; die "$1: d1 cannot reach srv4"; }
}

# lan_is NAME: the kernel's LAN is NAME
lan_is() { ctl status | grep -qx "lan: $1"; }

# log_more N PATTERN: v4v6d logged more than N lines matching PATTERN
log_more() { [ "$(v4v6d_log_count "$2")" -gt "$1" ]; }

set -- $D1
name=$1 mac=$2 addr4=$3
on gw ip addr del $GW_LAN/24 dev eth0 || die "address of eth0"
br_lan_up
v4v6d_up "lan br-lan"
pid=$(v4v6d_pid)
dev_add "$name" "$mac" "$addr4"
on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$mac not mapped in 10 s"; }
addr6=$(dev_get ipv6 "$mac")
ident=$(dev_get wan "$mac")
flows "through br-lan"
log "$mac: $addr6 on $ident, srv4 reached through br-lan"

# ---- br-lan goes, and comes back as a new interface ----
old=$(on gw cat /sys/class/net/br-lan/ifindex)
on gw ip link del br-lan || die "deleting br-lan"
wait_for 10 v4v6d_log_has "LAN br-lan is gone" || { v4v6d_dump; die "v4v6d did not see br-lan go"; }
wait_for 10 v4v6d_log_has "kernel: br-lan \(interface $old\) is gone" ||
	{ v4v6d_dump; die "v4v6d did not hear the module's link-gone event"; }
br_lan_up
new=$(on gw cat /sys/class/net/br-lan/ifindex)
wait_for 10 v4v6d_log_has "LAN br-lan is interface $new now" ||
	{ v4v6d_dump; die "v4v6d did not take the new br-lan"; }
lan_is br-lan || { ctl status; die "the kernel's LAN is not the new br-lan"; }
xlat_off_apply
flows "the new br-lan"
log "br-lan deleted and created anew (ifindex $old, then $new): v4v6d set it, srv4 reached"

# Admission follows it too: a claim on d1's address (the router's ARP entry
# for it at another MAC) is checked by ARP on the new br-lan, which d1
# answers: the claim is refused and the entry is d1's again. The entry is
# locked for a minute, so that d1's answer cannot move it back: only
# v4v6d's ARP socket hears it.
EVIL=02:00:00:00:00:66
on gw sysctl -qw net.ipv4.neigh.br-lan.locktime=6000 || die "locktime"
on gw ip neigh replace "$addr4" lladdr $EVIL dev br-lan nud reachable || die "neigh replace"
wait_for 10 v4v6d_log_has "$EVIL claims $addr4, which $mac still answers for" ||
	{ v4v6d_dump; die "a claim on $addr4 was not checked by ARP on the new br-lan"; }
wait_for 5 sh -c "ip -n gw neigh show $addr4 dev br-lan | grep -qi $mac" ||
	die "the router's ARP entry for $addr4 is $(ip -n gw neigh show "$addr4" dev br-lan)"
in_kernel "$EVIL" && die "$EVIL was mapped"
flows "a claim on the new br-lan"
log "a claim on $addr4 after br-lan came back: $mac answered v4v6d's ARP, refused"

# ---- The WAN goes, with d1's identity, and comes back ----
old_ident=$(on gw cat "/sys/class/net/$ident/ifindex")
renewed=$(v4v6d_log_count "$ident: DHCPv6 lease $addr6 ")
on gw ip link del eth1 || die "deleting eth1"
wait_for 10 v4v6d_log_has "WAN eth1 is gone" || { v4v6d_dump; die "v4v6d did not see eth1 go"; }
wait_for 10 sh -c "! ip netns exec gw $V4V6_CTL device show $mac" ||
	{ v4v6d_dump; die "$mac stays mapped to a gone identity"; }
wan_up
wait_for 10 v4v6d_log_has "WAN eth1 is interface [0-9]+ now" ||
	{ v4v6d_dump; die "v4v6d did not take the new eth1"; }
wait_for 20 log_more "$renewed" "$ident: DHCPv6 lease $addr6 " ||
	{ v4v6d_dump; die "$mac's lease of $addr6 not renewed on the new identity"; }
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$mac not mapped again"; }
new_ident=$(on gw cat "/sys/class/net/$ident/ifindex") || die "no $ident any more"
[ "$(on gw cat "/sys/class/net/$ident/address")" = "$mac" ] || die "$ident has another MAC"
[ "$(dev_get wan "$mac")" = "$ident" ] && [ "$(dev_get wan_ifindex "$mac")" = "$new_ident" ] ||
	die "$mac is on $(dev_get wan "$mac") ($(dev_get wan_ifindex "$mac")), not $ident ($new_ident)"
[ "$(dev_get ipv6 "$mac")" = "$addr6" ] || die "$mac is $(dev_get ipv6 "$mac") now, not $addr6"
ctl status | grep -qx 'wan: eth1' || { ctl status; die "the kernel's WAN is not the new eth1"; }
xlat_off_apply
flows "the new eth1"
log "eth1 deleted and created anew: $ident made again (ifindex $old_ident, then $new_ident), $addr6 renewed, srv4 reached"

# ---- v4v6.ko unloaded and loaded again ----
rmmod v4v6 || die "rmmod v4v6 with v4v6d running"
wait_for 10 v4v6d_log_has "v4v6.ko was unloaded" || { v4v6d_dump; die "v4v6d did not see v4v6.ko go"; }
insmod "$V4V6_KO" || die "insmod v4v6 again"
wait_for 10 v4v6d_log_has "v4v6.ko is there again" || { v4v6d_dump; die "v4v6d did not see v4v6.ko come back"; }
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$mac not in the new module's table"; }
[ "$(dev_get ipv6 "$mac")" = "$addr6" ] && [ "$(dev_get wan "$mac")" = "$ident" ] ||
	die "$mac is $(dev_get ipv6 "$mac") on $(dev_get wan "$mac"), not $addr6 on $ident"
lan_is br-lan && ctl status | grep -qx 'wan: eth1' || { ctl status; die "the new module's LAN and WAN"; }
ctl status | grep -q '^pref64: 64:ff9b::/96' || { ctl status; die "the new module's NAT64 prefix"; }
xlat_off_apply
flows "the new v4v6.ko"
log "v4v6.ko unloaded and loaded again: configuration and table pushed, srv4 reached"

[ "$(v4v6d_pid)" = "$pid" ] || die "v4v6d is another process now"
v4v6d_stop

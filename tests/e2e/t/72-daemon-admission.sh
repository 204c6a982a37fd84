# v4v6d on a hostile LAN. d1, the victim, is learnt, leased and reaches
# srv4; then the host "evil" (its own MAC and address) tries to take d1's
# IPv4 address: IPv4 frames with d1's address from its MAC and from a
# made-up one (the kernel counts them as spoofed and announces nothing),
# then an ARP entry on the router saying d1's address is at evil's MAC, as
# a host with the same address makes it (v4v6d asks d1, which answers: evil
# is refused, the conflict logged once and flagged on d1, the router's entry
# d1's again). d1 keeps its lease, identity and mapping and reaches srv4
# throughout. Then what does not belong is not learnt: a frame from a
# multicast MAC, one from outside the LAN's subnet, a device past
# max-devices (after a reload); and the state file keeps being saved.
# Last, d1 leaves, and a new host with its address gets it once d1 leaves
# v4v6d's ARP requests unanswered.
# e2e: xlat-off must fail

set -- $D1
victim=$1 vmac=$2 vip=$3
EVIL=02:00:00:00:00:66
MADE_UP=02:00:00:00:00:77
MCAST=01:00:5e:00:00:42
OUTSIDE=02:00:00:00:00:43
hostile() { local ns=$1; shift; on "$ns" python3 "$E2E_DIR/hostile.py" "$@"; }
gwmac=$(on gw cat /sys/class/net/eth0/address)

v4v6d_up
dev_add "$victim" "$vmac" "$vip"
dev_add evil "$EVIL" $LAN_NET.66
on "$victim" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 10 in_kernel "$vmac" || { v4v6d_dump; die "$victim ($vmac) not mapped in 10 s"; }
on "$victim" ping -c 2 -i 0.3 -W "$(xt 3)" $SRV4_ADDR > /dev/null ||
	{ v4v6d_dump; die "$victim cannot reach srv4"; }
addr6=$(dev_get ipv6 "$vmac")
ident=$(dev_get wan "$vmac")
[ "$(kea_lease_of "$vmac")" = "$addr6" ] || die "Kea leases '$(kea_lease_of "$vmac")' to $vmac, not $addr6"
log "$victim ($vmac, $vip): $addr6 on $ident"

# intact WHEN: d1 has all it had, and v4v6d moved nothing
intact() {
	in_kernel "$vmac" && [ "$(dev_get ipv4 "$vmac")" = "$vip" ] &&
		[ "$(dev_get ipv6 "$vmac")" = "$addr6" ] &&
		[ "$(dev_get wan "$vmac")" = "$ident" ] &&
		[ "$(kea_lease_of "$vmac")" = "$addr6" ] &&
		! v4v6d_log_has "moved from|$vmac: removed|lease of $addr6 lost|released" ||
		{ v4v6d_dump; die "$1: $victim lost its address, lease or identity"; }
	on "$victim" ping -c 2 -i 0.3 -W "$(xt 3)" $SRV4_ADDR > /dev/null ||
		{ v4v6d_dump; die "$1: $victim cannot reach srv4"; }
}

# 1. Forged IPv4 frames from d1's address: dropped and counted by the
# kernel, no event, nothing learnt.
spoofed=$(stat_get spoofed)
hostile evil frame4 eth0 "$EVIL" "$gwmac" "$vip" $SRV4_ADDR 9 --count 5 || die "evil's frames"
hostile evil frame4 eth0 "$MADE_UP" "$gwmac" "$vip" $SRV4_ADDR 9 --count 5 || die "made-up frames"
sleep 2
v4v6d_log_has "unknown source ($EVIL|$MADE_UP)" && { v4v6d_dump; die "the kernel announced a spoofer"; }
in_kernel "$EVIL" || in_kernel "$MADE_UP" && die "a spoofer was mapped"
intact "forged frames"
wait_for 5 sh -c "[ \$(ip netns exec gw $V4V6_CTL stats | awk '\$1 == \"spoofed\" { print \$2 }') -ge $((spoofed + 10)) ]" ||
	die "spoofed: $spoofed before, $(stat_get spoofed) after 10 forged frames"
log "forged frames: spoofed $spoofed -> $(stat_get spoofed), no event, $victim intact"

# 2. evil takes d1's address too and the router's ARP entry for it. v4v6d
# asks d1 (ARP to its MAC), d1 answers: evil is refused.
on evil ip addr add "$vip/24" dev eth0 || die "evil: $vip"
hostile evil garp eth0 "$EVIL" "$vip" || die "evil's gratuitous ARP"
# what that ARP does to the router's entry, made certain, and kept for a
# minute (locktime): d1's reply to v4v6d's ARP request cannot move the
# kernel's entry back, only v4v6d's own ARP socket hears it (a request of
# d1's own still moves the entry, which v4v6d counts as an answer too)
lock=$(on gw sysctl -n net.ipv4.neigh.eth0.locktime)
on gw sysctl -qw net.ipv4.neigh.eth0.locktime=6000 || die "locktime"
on gw ip neigh replace "$vip" lladdr "$EVIL" dev eth0 nud reachable || die "neigh replace"
conflict_line="$EVIL claims $vip, which $vmac still answers for"
wait_for 10 v4v6d_log_has "$conflict_line" || { v4v6d_dump; die "no conflict logged"; }
wait_for 5 sh -c "[ \"\$(ip netns exec gw $V4V6_CTL -j device show $vmac | python3 -c 'import json, sys; print(json.load(sys.stdin)[\"conflict\"])')\" = True ]" ||
	die "$vmac is not flagged as in conflict"
ctl devices | grep -q "^$vmac .* conflict" || die "v4v6ctl devices shows no conflict for $vmac"
wait_for 5 sh -c "ip -n gw neigh show $vip dev eth0 | grep -qi $vmac" ||
	die "the router's ARP entry for $vip is $(ip -n gw neigh show "$vip" dev eth0)"
in_kernel "$EVIL" && die "evil was mapped"
intact "a claim by ARP"
# claimed again: refused again, not logged again
on gw ip neigh replace "$vip" lladdr "$EVIL" dev eth0 nud reachable || die "neigh replace"
sleep 2
[ "$(v4v6d_log_count "$conflict_line")" -eq 1 ] || { v4v6d_dump; die "the conflict was logged more than once"; }
intact "a second claim"
on evil ip addr del "$vip/24" dev eth0
on gw sysctl -qw net.ipv4.neigh.eth0.locktime="$lock"
log "claim by ARP: refused, logged once, $vmac flagged conflict, $victim intact"

# 3. Not learnt: a multicast MAC (sent into the router's port: the LAN's
# switch drops such frames), an address outside the LAN's subnet.
hostile lan frame4 gw "$MCAST" "$gwmac" $LAN_NET.42 $SRV4_ADDR 9 --count 3 || die "multicast frames"
hostile evil frame4 eth0 "$OUTSIDE" "$gwmac" 10.9.9.9 $SRV4_ADDR 9 --count 3 || die "outside frames"
wait_for 5 v4v6d_log_has "$MCAST $LAN_NET.42 not learnt: not a unicast MAC" ||
	{ v4v6d_dump; die "the multicast MAC's refusal is not logged"; }
wait_for 5 v4v6d_log_has "$OUTSIDE 10.9.9.9 not learnt: not an address of the LAN's subnets" ||
	{ v4v6d_dump; die "the outside address's refusal is not logged"; }
v4v6d_log_has "($MCAST|$OUTSIDE).*new device" && { v4v6d_dump; die "learnt what does not belong"; }
ctl devices | grep -qiE "^($MCAST|$OUTSIDE) " && die "mapped what does not belong"
log "a multicast MAC and an address outside $LAN_NET.0/24: not learnt"

# 4. The state file is still saved: a new device appears in it.
set -- $D2
dev_add "$1" "$2" "$3"
on "$1" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 10 in_kernel "$2" || { v4v6d_dump; die "$1 ($2) not mapped in 10 s"; }
wait_for 5 grep -q "\"$2\"" "$V4V6D_DIR/state.json" ||
	{ v4v6d_dump; die "$2 is not in the state file"; }
v4v6d_log_has "state file:" && { v4v6d_dump; die "a state file error"; }
log "state file saved with $2"

# 5. max-devices: two, after a reload; a third is not learnt.
echo "max-devices 2" >> "$V4V6D_DIR/v4v6d.conf"
n=$(v4v6d_log_count "SIGHUP")
kill -HUP "$(cat "$V4V6D_DIR/pid")"
wait_for 5 sh -c "[ \$(grep -c SIGHUP '$V4V6D_DIR/log') -gt $n ]" || die "no reload"
set -- $D3
dev_add "$1" "$2" "$3"
on "$1" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 5 v4v6d_log_has "$2 $3 not learnt: max-devices reached" ||
	{ v4v6d_dump; die "$1 was not refused by max-devices"; }
sleep 1
in_kernel "$2" && die "$1 was mapped past max-devices"
intact "max-devices"
log "max-devices 2: $1 refused"

# 6. d1 leaves (its switch port down) and a new host takes its address:
# v4v6d's ARP requests to d1 go unanswered, d1 is released, the newcomer
# learnt in its place (max-devices counts it as d1's replacement).
NEW=02:00:00:00:00:0d
on lan ip link set "$victim" down || die "d1's port down"
dev_add newcomer "$NEW" "$vip"
on newcomer ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1
wait_for 20 in_kernel "$NEW" || { v4v6d_dump; die "the newcomer was not mapped in 20 s"; }
v4v6d_log_has "$vip moved from $vmac to $NEW \(the holder is gone\)" ||
	{ v4v6d_dump; die "the address did not move as from a holder that is gone"; }
wait_for 10 sh -c "! ip netns exec gw $V4V6_CTL device show $vmac" || die "$vmac is still mapped"
on newcomer ping -c 2 -i 0.3 -W "$(xt 3)" $SRV4_ADDR > /dev/null ||
	{ v4v6d_dump; die "the newcomer cannot reach srv4"; }
log "d1 gone: $vip moved to $NEW after unanswered ARP, srv4 reached"
v4v6d_stop

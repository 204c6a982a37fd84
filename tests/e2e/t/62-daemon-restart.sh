# v4v6d can go away and come back without the devices noticing: with two
# devices mapped, v4v6d is killed (SIGKILL), then stopped (SIGTERM), and
# restarted each time; then it is restarted with a corrupt state file. While
# it is away the kernel's table stays and the devices' traffic flows; back,
# it takes each device over with the same IPv6 address (no new Kea lease:
# no Solicit, no Request) and renews its lease (a Renew from the device's
# MAC, answered). With state.json corrupt it says that it restored from
# state.json.bak, and the devices keep their addresses all the same.

v4v6d_up
STATE=$V4V6D_DIR/state.json
DEVS="$D1 $D2"

set -- $DEVS
while [ $# -gt 0 ]; do
	name=$1 mac=$2 addr4=$3
	shift 4
	dev_add "$name" "$mac" "$addr4"
	on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
	pid=$!
	wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
	wait $pid
	eval "addr6_$name=\$(dev_get ipv6 \$mac) ident_$name=\$(dev_get wan \$mac)"
	eval "log \"$name ($mac): \$addr6_$name on \$ident_$name\""
done
kea_n=$(kea_addresses)
[ "$kea_n" -eq 2 ] || die "Kea leased $kea_n addresses to two devices"

# state_lease FILE MAC: the address of MAC's lease in v4v6d's state FILE
state_lease() {
	ctl leases file "$1" 2> /dev/null | awk -v m="$2" '$1 == m && / valid / { print $3 }'
}

# all_there: (at $WHEN) each device in the kernel's table with its address and
# identity, the address on the identity, and srv4 reachable
all_there() {
	local name mac a i
	set -- $DEVS
	while [ $# -gt 0 ]; do
		name=$1 mac=$2
		shift 4
		eval "a=\$addr6_$name i=\$ident_$name"
		in_kernel "$mac" || { v4v6d_dump; die "$WHEN: $mac is not in the kernel's table"; }
		[ "$(dev_get ipv6 "$mac")" = "$a" ] && [ "$(dev_get wan "$mac")" = "$i" ] ||
			die "$WHEN: $mac is $(dev_get ipv6 "$mac") on $(dev_get wan "$mac") now, not $a on $i"
		ident_addrs "$i" | grep -q "^$a " || die "$WHEN: $i lost $a"
		on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null ||
			{ v4v6d_dump; die "$WHEN: $name cannot reach srv4"; }
		[ "$(kea_lease_of "$mac")" = "$a" ] || die "$WHEN: Kea leases '$(kea_lease_of "$mac")' to $mac"
	done
	[ "$(kea_addresses)" -eq "$kea_n" ] || die "$WHEN: Kea leased $(kea_addresses) addresses now"
	log "$WHEN: both devices mapped as before, srv4 reached"
}

# more_than N PATTERN: v4v6d logged more than N lines matching PATTERN
more_than() { [ "$(v4v6d_log_count "$2")" -gt "$1" ]; }

# restart: (at $WHEN) v4v6d started again takes over each device and renews its
# lease without asking for a new one
restart() {
	local name mac a i n
	dhcp6_capture restart
	set -- $DEVS
	while [ $# -gt 0 ]; do
		eval "i=\$ident_$1 a=\$addr6_$1"
		eval "binds_$1=$(v4v6d_log_count "$i: DHCPv6 lease $a ")"
		shift 4
	done
	v4v6d_start
	set -- $DEVS
	while [ $# -gt 0 ]; do
		name=$1 mac=$2
		shift 4
		eval "a=\$addr6_$name i=\$ident_$name n=\$binds_$name"
		wait_for 20 more_than "$n" "$i: DHCPv6 lease $a " ||
			{ v4v6d_dump; die "$WHEN: $mac's lease of $a not renewed after the restart"; }
		v4v6d_log_has "$i: lease of $a restored" || { v4v6d_dump; die "$WHEN: $a not restored"; }
	done
	capture_stop restart
	set -- $DEVS
	while [ $# -gt 0 ]; do
		mac=$2
		shift 4
		[ "$(dhcp6_count restart "$mac" renew)" -ge 1 ] ||
			{ cat "$E2E_TMP/restart.txt"; die "$WHEN: no Renew from $mac"; }
		[ "$(dhcp6_count restart "$mac" 'solicit|request|rebind')" -eq 0 ] ||
			{ cat "$E2E_TMP/restart.txt"; die "$WHEN: $mac asked for a new lease"; }
	done
	log "$WHEN: v4v6d restarted, renewed each lease (Renew, Reply)"
}

# Saved: both devices with their leases.
saved() { [ "$(ctl leases file "$STATE" | grep -c ' valid ')" -eq 2 ]; }
wait_for 5 saved ||
	{ ctl leases file "$STATE"; die "the state file lacks the leases"; }

WHEN="killed (SIGKILL)"
v4v6d_stop 9
all_there
WHEN="after SIGKILL, restarted"
restart
all_there

WHEN="stopped (SIGTERM)"
v4v6d_stop
v4v6d_log_has 'signal 15: exiting' || { v4v6d_dump; die "no clean exit on SIGTERM"; }
all_there
WHEN="after SIGTERM, restarted"
restart
all_there

# The corrupt state file: state.json cut short, state.json.bak as it was.
WHEN="stopped for the corruption"
sleep 1.5	# the renewals above saved: state.json.bak is a full version too
v4v6d_stop
set -- $DEVS
while [ $# -gt 0 ]; do
	eval "a=\$addr6_$1"
	[ "$(state_lease "$STATE.bak" "$2")" = "$a" ] ||
		{ ctl leases file "$STATE.bak"; die "$STATE.bak lacks $2's lease of $a"; }
	shift 4
done
head -c "$(($(stat -c %s "$STATE") / 2))" "$STATE" > "$STATE.cut"
mv "$STATE.cut" "$STATE"
WHEN="with state.json corrupt, restarted"
restart
v4v6d_log_has "state file.*$STATE.*: restored from $STATE.bak" ||
	{ v4v6d_dump; die "v4v6d did not say it restored from $STATE.bak"; }
v4v6d_log_has "restored 2 devices from $STATE.bak" ||
	{ v4v6d_dump; die "v4v6d did not restore the two devices from $STATE.bak"; }
all_there
v4v6d_stop

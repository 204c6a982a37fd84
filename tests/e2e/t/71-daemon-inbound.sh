# v4v6d keeps the operator's inbound rules: with "allow MAC tcp 2222" in
# its configuration, the device it learns gets that rule in the kernel, and
# h6 (a remote host under a network-specific prefix, as in e2e 59) reaches
# d1's port 2222 and not 2223; after the file says "allow MAC tcp 2223"
# instead and a SIGHUP, it is the other way round; a restart of the daemon
# puts the rule back if it was taken away meanwhile.
# e2e: xlat-off must fail

NSP=2001:db8:46::
REMOTE=$SRV4_NET.77
set -- $D1
name=$1 mac=$2 addr4=$3
v4v6d_up "pref64 $NSP/96" "inbound replies" "allow $mac tcp 2222"
pid=$(cat "$V4V6D_DIR/pid")
dev_add "$name" "$mac" "$addr4"
on "$name" ping -c 1 -W 1 $REMOTE > /dev/null 2>&1
wait_for 10 ctl device show "$mac" || { v4v6d_dump; die "$mac not mapped in 10 s"; }
xlat_off_apply
addr6=$(dev_get ipv6 "$mac")
on h6 ip addr add "$NSP$REMOTE/128" dev eth0 nodad || die "h6: $NSP$REMOTE"
on net6 ip -6 route add "$NSP/96" via $H6_ADDR || die "net6: route to $NSP/96"
for p in 2222 2223; do
	on "$name" socat "TCP4-LISTEN:$p,reuseaddr,fork" "SYSTEM:echo d1 port $p" &
	wait_for 20 listening "$name" tcp $p || die "no TCP server on $name:$p"
done
on h6 ping -c 1 -W 5 "$addr6" > /dev/null || die "h6 cannot reach $addr6"

# h6_tcp PORT SECONDS: what d1 says to h6 on PORT
h6_tcp() {
	on h6 timeout "$2" socat -u "TCP6:[$addr6]:$1,bind=[$NSP$REMOTE],connect-timeout=$2" - 2> /dev/null
}
# opened PORT: h6 gets through to PORT and not to the other one
opened() {
	local other=$(($1 == 2222 ? 2223 : 2222)) got
	got=$(h6_tcp "$1" "$(xt 10)")
	[ "$got" = "d1 port $1" ] || { v4v6d_dump; die "h6 to d1:$1: got '$got' ($2)"; }
	got=$(h6_tcp $other 3)
	[ -z "$got" ] || die "h6 connected to d1:$other, which no rule opens ($2)"
}

ctl devices | grep -q "allow tcp 2222" || { ctl devices; die "the kernel has not got d1's rule"; }
opened 2222 "learnt"
log "learnt with the configured rule: h6 reaches d1:2222, not 2223"

sed -i "s/^allow $mac tcp 2222\$/allow $mac tcp 2223/" "$V4V6D_DIR/v4v6d.conf"
kill -HUP "$pid"
wait_for 10 sh -c "ip netns exec gw $V4V6_CTL devices | grep -q 'allow tcp 2223'" ||
	{ v4v6d_dump; die "the reload did not change d1's rule"; }
xlat_off_apply
opened 2223 "after a reload"
log "reload: the rule moved to 2223"

# The rule taken away by hand while v4v6d is down: it puts it back.
v4v6d_stop
ctl device set "$mac" allow none || die "device set $mac allow none"
ctl devices | grep -q "allow tcp" && die "allow none left a rule"
v4v6d_start
wait_for 15 sh -c "ip netns exec gw $V4V6_CTL devices | grep -q 'allow tcp 2223'" ||
	{ v4v6d_dump; ctl devices; die "v4v6d did not restore the rule after a restart"; }
opened 2223 "after a restart"
log "restart: the rule is still there"
v4v6d_stop

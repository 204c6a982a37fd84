# e2e: xlat-off must fail
#
# traceroute from a device, UDP and ICMP: the gateway answers for the first
# hop (Time Exceeded made by v4v6), the PLAT's ICMPv6 error comes back
# translated, and the destination is reached.
v4v6_up
mapped_dev $D1
on d1 ping -c 1 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "ping $SRV4_ADDR"

# check_trace FILE WHAT: hop 1 is the gateway, a later hop answered, and the
# last line is the destination
check_trace() {
	local f=$1 what=$2 answered
	sed 's/^/    /' "$f"
	# " 2  * 192.0.0.8  1.234 ms": a hop, its address after any lost probe
	answered=$(grep -cE '^ *[0-9]+ +(\* +)*[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+ ' "$f")
	grep -qE "^ *1 +(\* +)*$GW_LAN +[0-9.]+ ms" "$f" || die "$what: hop 1 is not $GW_LAN"
	tail -n 1 "$f" | grep -qE "^ *[0-9]+ +(\* +)*$SRV4_ADDR +[0-9.]+ ms" ||
		die "$what: $SRV4_ADDR not reached"
	tail -n 1 "$f" | grep -q '![A-Za-z0-9]' && die "$what: unreachable"
	[ "$answered" -ge 3 ] || die "$what: only $answered hops answered"
	return 0
}

ttl=$(stat_get ttl)
on d1 traceroute -n -q 2 -w "$(xt 3)" -m 8 $SRV4_ADDR > "$E2E_TMP/udp.txt" 2>&1 ||
	{ cat "$E2E_TMP/udp.txt"; die "traceroute"; }
check_trace "$E2E_TMP/udp.txt" "traceroute (UDP)"
on d1 traceroute -I -n -q 2 -w "$(xt 3)" -m 8 $SRV4_ADDR > "$E2E_TMP/icmp.txt" 2>&1 ||
	{ cat "$E2E_TMP/icmp.txt"; die "traceroute -I"; }
check_trace "$E2E_TMP/icmp.txt" "traceroute -I (ICMP)"
[ "$(stat_get ttl)" -gt "$ttl" ] || die "the ttl counter did not move"
hops=$(sed -n 's/^ *[0-9][0-9]* *\(\* *\)*\([0-9][0-9.]*\) .*/\2/p' "$E2E_TMP/udp.txt" | tr '\n' ' ')
log "traceroute UDP and ICMP reach $SRV4_ADDR; hops: $hops"

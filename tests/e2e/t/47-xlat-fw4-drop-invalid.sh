# e2e: xlat-off must fail
#
# fw4 with its option drop_invalid (LuCI: "Drop invalid packets"), which
# drops connection-tracking state "invalid" in input, forward and output.
# The ICMP errors v4v6 sends to a device must still get out: Time Exceeded
# (traceroute's first hop) and Fragmentation Needed (without it a TCP
# upload over the lowest MTU of 1280 stalls).
fw4_load drop_invalid
v4v6_up lowest-mtu 1280
mapped_dev $D1

on d1 ping -c 2 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "ping through fw4"
on d1 traceroute -n -q 2 -w "$(xt 3)" -m 5 $SRV4_ADDR > "$E2E_TMP/tr.txt" 2>&1
sed 's/^/    /' "$E2E_TMP/tr.txt"
tail -n 1 "$E2E_TMP/tr.txt" | grep -qE "^ *[0-9]+ +(\* +)*$SRV4_ADDR +[0-9.]+ ms" ||
	die "traceroute did not reach $SRV4_ADDR"
bad=
grep -qE "^ *1 +(\* +)*$GW_LAN " "$E2E_TMP/tr.txt" ||
	bad="no Time Exceeded from $GW_LAN"
blob f 2
frag=$(stat_get frag_needed)
if ! (tcp_up d1 "$E2E_TMP/f" 5001 30); then
	bad="${bad:+$bad; }TCP upload stalled (v4v6 sent Fragmentation Needed $(($(stat_get frag_needed) - frag)) times, d1: $(on d1 ip route get $SRV4_ADDR | tr '\n' ' '))"
fi
[ -z "$bad" ] || die "$bad: v4v6's ICMP errors dropped as ct state invalid in fw4's output chain?"
log "fw4 with drop_invalid: traceroute hop 1, Fragmentation Needed and TCP at MTU 1260"

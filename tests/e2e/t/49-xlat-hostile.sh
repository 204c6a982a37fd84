# e2e: xlat-off must fail
#
# Hostile packets from both networks (tests/e2e/hostile.py), each one that
# once crashed v4v6 or was translated wrongly:
# - ICMPv6 errors to d1 with every RFC 4884 length octet 1 to 32, quoting
#   only an IPv6 header (88 bytes in all: these once made v4v6 memmove 4
#   GiB), IPv6 and UDP headers, or a whole packet: all arrive at d1
#   translated, and the gateway lives on;
# - ICMPv4 errors from d1 quoting a header with 40 bytes of options, length
#   octets 1 to 4: translated, and the gateway lives on;
# - an ICMPv6 error of 1448 bytes towards a LAN of MTU 1400: truncated to
#   576 bytes and delivered, not refused as too big;
# - a UDP datagram from d1 with an unexpired loose source route: not
#   translated, Source Route Failed back from the gateway (RFC 7915 4.1);
# - IPv6 with two routing headers, the second with a segment left:
#   Parameter Problem pointing at the second one's Segments Left;
# - IPv6 fragments with Destination Options after the Fragment header:
#   refused and counted, nothing reaches d1 (they could never reassemble),
#   and their sender hears Administratively Prohibited (RFC 7915 5.4);
# - a fragmented ping from d1: refused, Packet Filtered back (4.4).
# The packets from h6 belong to no flow of d1's: "inbound all" lets them
# reach the translator (e2e 59 tests the policy).
v4v6_up inbound all
mapped_dev $D1
DEV6=$NET6::4:10
SRV6=$(pref64_of $SRV4_ADDR)
MAC1=02:00:00:00:00:0a
hostile() { local ns=$1; shift; on "$ns" python3 "$E2E_DIR/hostile.py" "$@"; }

# Neighbours resolved first: a burst to an unresolved one outgrows the
# neighbour queue (unres_qlen_bytes), which is not what is tested here.
on d1 ping -c 1 -W "$(xt 5)" $SRV4_ADDR > /dev/null || die "ping $SRV4_ADDR"
on h6 ping -c 1 -W 5 $DEV6 > /dev/null || die "h6 cannot reach $DEV6"

# RFC 4884 from the IPv6 side: 32 octets x 3 quotes, each delivered.
capture err6 d1 eth0 "icmp and src 192.0.0.8 and icmp[0] == 3 and icmp[1] == 3"
sent=$(hostile h6 err6 $DEV6 $DEV6 $SRV6 --octets 1-32 --quotes 40,48,0) ||
	die "sending the ICMPv6 errors"
# (tcpdump shows an error quoting only an IP header as "[|icmp]")
wait_for "$(xt 20)" sh -c "[ \$(grep -c '192.0.0.8 > ' $E2E_TMP/err6.txt) -ge $sent ]"
capture_stop err6
got=$(grep -c '192.0.0.8 > ' "$E2E_TMP/err6.txt")
[ "$got" -eq "$sent" ] || die "ICMPv6 errors with RFC 4884 lengths: $got of $sent reached d1"
on d1 ping -c 1 -W 5 $SRV4_ADDR > /dev/null || die "no ping after the ICMPv6 errors"
log "RFC 4884 octets 1-32 from the IPv6 side: $got of $sent translated"

# RFC 4884 from the LAN: quoted IPv4 headers of 60 bytes, octets 1 to 4.
capture err4 gw eth1 "icmp6 and src $DEV6 and ip6[40] == 1"
sent=$(hostile d1 err4 $SRV4_ADDR $SRV4_ADDR $LAN_NET.10 --octets 1-4 --quotes 60,68,0) ||
	die "sending the ICMPv4 errors"
wait_for 20 sh -c "[ \$(grep -c '$DEV6 > ' $E2E_TMP/err4.txt) -ge $sent ]"
capture_stop err4
got=$(grep -c "$DEV6 > " "$E2E_TMP/err4.txt")
[ "$got" -eq "$sent" ] || die "ICMPv4 errors quoting options: $got of $sent left translated"
on d1 ping -c 1 -W 5 $SRV4_ADDR > /dev/null || die "no ping after the ICMPv4 errors"
log "RFC 4884 octets 1-4 quoting IPv4 options from the LAN: $got of $sent translated"

# An error too big for the LAN is cut to 576 bytes, not refused.
on gw ip link set eth0 mtu 1400
capture big d1 eth0 "icmp and src 192.0.0.8 and greater 560"
hostile h6 err6 $DEV6 $DEV6 $SRV6 --octets 0 --pad 1352 > /dev/null ||
	die "sending a 1448-byte ICMPv6 error"
wait_for 10 grep -q ICMP "$E2E_TMP/big.txt"
capture_stop big
# 576 bytes of IPv4 in a 590-byte frame.
grep -q "length 590:" "$E2E_TMP/big.txt" ||
	{ cat "$E2E_TMP/big.txt"; die "the 1448-byte error did not reach d1 as 576 bytes"; }
on gw ip link set eth0 mtu 1500

# An unexpired source route is not translated: Source Route Failed.
before=$(stat_get source_route)
answer=$(hostile d1 lsrr $SRV4_ADDR) || die "sending a source-routed datagram"
[ "$answer" = "3/5 from $GW_LAN" ] || die "source route: answer $answer, not 3/5 from $GW_LAN"
[ "$(stat_get source_route)" -gt "$before" ] || die "source_route not counted"

# Parameter Problem names the routing header with segments left: the
# second, at 40 + 24, whose Segments Left is 3 bytes in.
on gw python3 "$E2E_DIR/hostile.py" pp eth1 60 > "$E2E_TMP/pp.txt" &
sniffer=$!
wait_for 60 grep -q sniffing "$E2E_TMP/pp.txt" || die "the sniffer did not start"
hostile h6 rh eth0 $MAC1 $SRV6 $DEV6 || die "sending two routing headers"
wait $sniffer
pointer=$(tail -n 1 "$E2E_TMP/pp.txt")
[ "$pointer" = 67 ] || die "Parameter Problem pointer $pointer, not 67"

# Fragments with Destination Options after the Fragment header: refused.
before=$(stat_get ext_header)
capture frag d1 eth0 "ip and src $SRV4_ADDR"
capture adm gw eth1 "icmp6 and ip6[40] == 1 and ip6[41] == 1"
hostile h6 fragdst eth0 $MAC1 $SRV6 $DEV6 9000 || die "sending the fragments"
wait_for 10 sh -c "[ \$(ip netns exec gw $V4V6_CTL stats |
	awk '\$1 == \"ext_header\" { print \$2 }') -ge $((before + 2)) ]"
capture_stop frag
capture_stop adm
[ "$(stat_get ext_header)" -ge $((before + 2)) ] ||
	die "ext_header: $before before, $(stat_get ext_header) after two fragments"
grep -q "$SRV4_ADDR > " "$E2E_TMP/frag.txt" && { cat "$E2E_TMP/frag.txt"; die "fragments reached d1"; }
grep -q "ICMP6" "$E2E_TMP/adm.txt" || die "no Administratively Prohibited for the fragments"

# Fragmented ICMP cannot be translated (its checksum covers the whole):
# the device hears Packet Filtered (ICMP 3/13) from the gateway.
on d1 ping -c 1 -s 2000 -W 5 $SRV4_ADDR > "$E2E_TMP/ping.txt" 2>&1
grep -q "From $GW_LAN .*Packet filtered" "$E2E_TMP/ping.txt" ||
	{ cat "$E2E_TMP/ping.txt"; die "a fragmented ping got no Packet Filtered"; }
log "source route refused with 3/5; Parameter Problem at 67; fragments with options after the Fragment header refused, prohibited; fragmented ping filtered"

# e2e: xlat-off must fail
#
# An IPv6 network with an MTU of 1280. UDP datagrams of 4000 bytes without
# DF cross whole both ways: v4v6 cuts them into IPv6 fragments. TCP both
# ways still works: the device learns the path MTU from v4v6's
# Fragmentation Needed (1260 in its route cache) and srv4 from the PLAT's.
on gw ip link set eth1 mtu 1280
for dev in gw br0; do on net6 ip link set $dev mtu 1280; done
v4v6_up lowest-mtu 1280
mapped_dev $D1
mapped_dev $D2
on gw ip link show id-d1 | grep -q 'mtu 1280' || die "id-d1: $(on gw ip link show id-d1)"

# DF clear: d2's stack cuts the 4028-byte IPv4 packets to the LAN's 1500,
# v4v6 each piece again for 1280; srv4 gets the datagrams whole, and sends
# them back (cut by srv4 and the PLAT) for v4v6 to translate to the device.
# This comes first: once srv4 has learnt a path MTU of 1260 from Jool (in
# the TCP transfers below), it cuts its datagrams into 1260-byte fragments,
# which Jool makes IPv6 packets of 1288 bytes and cannot send at 1280
# (Ip6FragFails in net6): a limit of the PLAT, not of v4v6.
udp_serve 9000 --nodf
udp_ask d2 9000 --nodf --size 4000 --count 5 --text big ||
	{ echo "srv4 got:"; cat "$E2E_TMP/udp-9000.log"; ctl stats | grep -v ' 0$'; die "UDP 4000 bytes without DF"; }
n=$(grep -c "^$PLAT_V4 4000 .* big-" "$E2E_TMP/udp-9000.log")
[ "$n" -ge 5 ] || { cat "$E2E_TMP/udp-9000.log"; die "srv4 got $n whole datagrams of 4000 bytes"; }
[ "$(stat_get fragmented)" -gt 0 ] || die "fragmented did not move: $(ctl stats)"

# The upload first and alone: srv4's SYN-ACK offers an MSS of 1460 only
# while srv4 has not learnt the path MTU (from a download), and only with
# it does d1 send segments too big for v4v6 to take.
blob big 10
tcp_up d1 "$E2E_TMP/big" 5001
route=$(on d1 ip route get $SRV4_ADDR)
echo "$route" | grep -q 'mtu 1260' || die "d1's route cache: $route"
[ "$(stat_get frag_needed)" -gt 0 ] || die "frag_needed did not move: $(ctl stats)"
tcp_down d1 "$E2E_TMP/big" 5002
log "MTU 1280: 4000-byte UDP whole both ways (fragmented $(stat_get fragmented)); TCP 10 MiB both ways, d1 route mtu 1260"

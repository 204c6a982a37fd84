# e2e: xlat-off must fail
#
# Sources a device must never see, under a network-specific prefix (where
# RFC 6052 lets any IPv4 address be represented): h6, on the IPv6 network,
# sends UDP to d1's IPv6 address from PREF64::<the gateway's LAN address>,
# ::<a LAN neighbour>, ::<the LAN's broadcast>, ::<loopback> and
# ::<link-local>. None reaches d1 (to which it would look like its own
# gateway or LAN), each is counted in "martian"; datagrams from
# PREF64::<a global address> before and after them do reach d1, and so does
# one after the gateway gets a default route out of the LAN.
NSP=2001:db8:46::
# (inbound all: h6's datagrams start no flow of d1's; e2e 59 tests that)
v4v6_up pref64 $NSP/96 inbound all
mapped_dev $D1
DEV6=$NET6::4:10
PORT=9100

# d1 logs "SOURCE TEXT" for each datagram (no echo: some sources are
# broadcast addresses, to which it could not answer)
on d1 python3 - $PORT "$E2E_TMP/d1-$PORT.log" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", int(sys.argv[1])))
with open(sys.argv[2], "a", buffering=1) as log:
    while True:
        data, peer = s.recvfrom(2048)
        log.write("%s %s\n" % (peer[0], data.decode(errors="replace")))
PY
server=$!
wait_for 20 listening d1 udp $PORT || die "no UDP server on d1:$PORT"

# from V4 TEXT: h6 sends 3 datagrams TEXT to d1 from $NSP<V4> (a source
# h6 does not own: IPV6_TRANSPARENT)
from() {
	on h6 python3 - "$NSP$1" "$DEV6" $PORT "$2" <<'PY' || die "h6 sending from $NSP$1"
import socket, sys, time
IPV6_TRANSPARENT = 75
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IPV6, IPV6_TRANSPARENT, 1)
s.bind((sys.argv[1], 0))
for i in range(3):
    s.sendto(sys.argv[4].encode(), (sys.argv[2], int(sys.argv[3])))
    time.sleep(0.05)
PY
}
# received TEXT: d1 logged a datagram TEXT
received() { grep -q " $1" "$E2E_TMP/d1-$PORT.log" 2> /dev/null; }

# h6 reaches d1's identity at all (neighbour resolved).
on h6 ping -c 1 -W 5 $DEV6 > /dev/null || die "h6 cannot reach $DEV6"

from $SRV4_ADDR global-before
wait_for "$(xt 10)" received global-before ||
	die "d1 did not get h6's datagram from $NSP$SRV4_ADDR"
grep -q "^$SRV4_ADDR " "$E2E_TMP/d1-$PORT.log" ||
	die "the datagram from $NSP$SRV4_ADDR did not come from $SRV4_ADDR"

before=$(stat_get martian)
from $GW_LAN from-gateway
from $LAN_NET.99 from-neighbour
from $LAN_NET.255 from-lan-broadcast
from 127.0.0.1 from-loopback
from 169.254.1.1 from-link-local
from $SRV4_ADDR global-after
wait_for "$(xt 10)" received global-after ||
	die "d1 did not get h6's datagram from $NSP$SRV4_ADDR after the others"
for text in from-gateway from-neighbour from-lan-broadcast from-loopback from-link-local; do
	received $text && die "d1 got the datagram $text"
done
after=$(stat_get martian)
[ "$after" -ge $((before + 15)) ] ||
	die "martian: $before before, $after after 15 forged datagrams"
# A default route out of the LAN (an IPv4 uplink behind a LAN host) is the
# internet, not the LAN: a global source is still delivered.
on gw ip route replace default via $LAN_NET.99 dev eth0 || die "default route via $LAN_NET.99"
from $SRV4_ADDR global-default-route
wait_for "$(xt 10)" received global-default-route ||
	die "d1 did not get h6's datagram from $NSP$SRV4_ADDR with a default route out of the LAN"
# v4v6 remembers the answer for each source, but a route changes it at
# once: $SRV4_ADDR, just delivered, becomes a LAN host's (a route to it
# through eth0) and is refused from its next datagram on.
on gw ip route add $SRV4_ADDR/32 dev eth0 || die "route $SRV4_ADDR/32 dev eth0"
before=$(stat_get martian)
from $SRV4_ADDR routed-to-lan
martian_above() { [ "$(stat_get martian)" -gt "$1" ]; }
wait_for "$(xt 10)" martian_above "$before" ||
	die "martian did not grow for $NSP$SRV4_ADDR once $SRV4_ADDR was routed to the LAN"
received routed-to-lan && die "d1 got the datagram from $SRV4_ADDR, now the LAN's"
on gw ip route del $SRV4_ADDR/32 dev eth0 || die "route $SRV4_ADDR/32 gone"
from $SRV4_ADDR global-route-gone
wait_for "$(xt 10)" received global-route-gone ||
	die "d1 did not get h6's datagram from $NSP$SRV4_ADDR after the LAN's route to it went"
kill $server
log "15 datagrams from the gateway, the LAN, loopback and link-local under $NSP/96 refused (martian $after); a global source delivered"

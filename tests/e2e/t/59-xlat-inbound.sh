# e2e: xlat-off must fail
#
# What v4v6 lets in. h6, on the IPv6 network, plays a remote host: under a
# network-specific prefix $NSP/96 it owns $NSP<REMOTE> (net6 routes the
# prefix to it), which d1 knows as the IPv4 address REMOTE.
#   - by default (inbound "replies") h6's TCP SYN to d1's IPv6 port, its
#     UDP datagram and its ping do not reach d1: dropped and counted
#     (inbound_unsolicited, the device's "unsolicited");
#   - d1's own flows to REMOTE work both ways (TCP, UDP, ping), and ICMP
#     errors about them come back (a UDP datagram to a closed port of h6
#     gets "connection refused");
#   - they are in the kernel's connection tracking as IPv4 flows;
#   - "device set ... allow tcp PORT" opens that port, not another; "allow
#     icmp" lets pings in; "allow none" closes them again;
#   - "config set inbound all" lets everything in, "replies" restores.
NSP=2001:db8:46::
REMOTE=$SRV4_NET.77
read -r _ D1_MAC D1_IP4 D1_IP6 <<< "$D1"
modprobe nf_conntrack_netlink || die "modprobe nf_conntrack_netlink"
v4v6_up pref64 $NSP/96
mapped_dev $D1
on h6 ip addr add "$NSP$REMOTE/128" dev eth0 nodad || die "h6: $NSP$REMOTE"
on net6 ip -6 route add "$NSP/96" via $H6_ADDR || die "net6: route to $NSP/96"
PORT=2222 OTHER=2223 BACK=2224

# d1 serves TCP on PORT and OTHER: "d1 port PORT" to whoever connects
for p in $PORT $OTHER; do
	on d1 socat "TCP4-LISTEN:$p,reuseaddr,fork" "SYSTEM:echo d1 port $p" &
done
for p in $PORT $OTHER; do
	wait_for 20 listening d1 tcp $p || die "no TCP server on d1:$p"
done

# h6_tcp PORT SECONDS: h6 connects from $NSP$REMOTE to d1's IPv6 PORT and
# prints what d1 says
h6_tcp() {
	on h6 timeout "$2" socat -u "TCP6:[$D1_IP6]:$1,bind=[$NSP$REMOTE],connect-timeout=$2" - 2> /dev/null
}
dev_unsolicited() { dev_get unsolicited "$D1_MAC"; }

# h6 reaches d1's identity at all (its neighbour entry resolved).
on h6 ping -c 1 -W 5 "$D1_IP6" > /dev/null || die "h6 cannot reach $D1_IP6"

# 1. Unsolicited: nothing reaches d1.
before=$(stat_get inbound_unsolicited)
got=$(h6_tcp $PORT 3)
[ -z "$got" ] || die "h6 connected to d1:$PORT under inbound replies ($got)"
on h6 ping -c 2 -i 0.3 -W 2 -I "$NSP$REMOTE" "$D1_IP6" > /dev/null &&
	die "h6's ping reached d1 under inbound replies"
after=$(stat_get inbound_unsolicited)
[ "$after" -ge $((before + 3)) ] ||
	die "inbound_unsolicited: $before before, $after after a SYN and pings"
[ "$(dev_unsolicited)" -ge 3 ] || die "d1's unsolicited: $(dev_unsolicited)"
log "unsolicited SYN and pings from $NSP$REMOTE dropped (inbound_unsolicited $after, d1 $(dev_unsolicited))"

# 2. d1's own flows: TCP and ping both ways, a port unreachable comes back.
on h6 socat "TCP6-LISTEN:$BACK,reuseaddr,bind=[$NSP$REMOTE]" "SYSTEM:echo h6" &
server=$!
wait_for 20 listening h6 tcp $BACK || die "no TCP server on h6:$BACK"
got=$(on d1 timeout "$(xt 10)" socat -u "TCP4:$REMOTE:$BACK,connect-timeout=$(xt 5)" - 2> /dev/null)
[ "$got" = h6 ] || die "d1's TCP connection to $REMOTE:$BACK: got '$got'"
kill $server 2> /dev/null
on d1 ping -c 2 -i 0.3 -W "$(xt 3)" $REMOTE > /dev/null || die "d1 cannot ping $REMOTE"
refused=$(on d1 python3 - $REMOTE "$(xt 5)" <<'PY'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(float(sys.argv[2]))
s.connect((sys.argv[1], 9))
s.send(b"x")
try:
    s.recv(100)
    print("answered")
except ConnectionRefusedError:
    print("refused")
except socket.timeout:
    print("timeout")
PY
)
[ "$refused" = refused ] || die "d1's UDP to a closed port of $REMOTE: $refused, not refused"
on gw conntrack -L -p tcp -s "$D1_IP4" -d $REMOTE 2> /dev/null | grep -q "dport=$BACK" ||
	die "d1's TCP flow to $REMOTE:$BACK is not in conntrack"
log "d1's own TCP, ping and an ICMP error came back; its flow is in conntrack as IPv4"

# 3. A port opened on purpose, and only that one.
ctl device set "$D1_MAC" allow tcp $PORT allow icmp || die "device set allow"
got=$(h6_tcp $PORT "$(xt 10)")
[ "$got" = "d1 port $PORT" ] || die "h6 to d1:$PORT after allow tcp $PORT: got '$got'"
got=$(h6_tcp $OTHER 3)
[ -z "$got" ] || die "h6 connected to d1:$OTHER, which no rule opens ($got)"
on h6 ping -c 2 -i 0.3 -W "$(xt 3)" -I "$NSP$REMOTE" "$D1_IP6" > /dev/null ||
	die "h6's ping did not reach d1 after allow icmp"
ctl device set "$D1_MAC" allow none || die "device set allow none"
got=$(h6_tcp $PORT 3)
[ -z "$got" ] || die "h6 connected to d1:$PORT after allow none ($got)"
log "allow tcp $PORT: h6 connects to it, not to $OTHER; allow icmp: pings; allow none: closed"

# 4. inbound all lets everything in; replies closes again.
ctl config set inbound all || die "config set inbound all"
got=$(h6_tcp $OTHER "$(xt 10)")
[ "$got" = "d1 port $OTHER" ] || die "h6 to d1:$OTHER under inbound all: got '$got'"
ctl config set inbound replies || die "config set inbound replies"
got=$(h6_tcp $OTHER 3)
[ -z "$got" ] || die "h6 connected to d1:$OTHER back under inbound replies ($got)"
log "inbound all: h6 reaches d1:$OTHER; inbound replies: not any more"

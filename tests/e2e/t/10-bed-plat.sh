# The PLAT is real: an IPv6-only host reaches srv4 through it (Jool or TAYGA,
# V4V6_PLAT), srv4 sees it as the PLAT's IPv4 address, and nothing goes
# through once the PLAT is gone.
dst=$(pref64_of $SRV4_ADDR)
on h6 ping -c 3 -i 0.3 -W 3 "$dst" || die "ping $dst through $V4V6_PLAT"
# srv4 answers with the address it sees the connection from
ip netns exec srv4 timeout 10 socat TCP4-LISTEN:8080,reuseaddr \
	SYSTEM:'echo "from-srv4 $SOCAT_PEERADDR"' > /dev/null &
server=$!
wait_for 5 listening srv4 tcp 8080 || die "srv4 does not listen on 8080"
got=$(on h6 timeout 10 socat -u "TCP6:[$dst]:8080" -) || die "TCP through $V4V6_PLAT"
[ "$got" = "from-srv4 $PLAT_V4" ] || die "TCP: srv4 said '$got', not 'from-srv4 $PLAT_V4'"
wait $server
plat_down
on h6 ping -c 2 -i 0.3 -W 1 "$dst" > /dev/null && die "ping works without $V4V6_PLAT"
log "h6 -> $dst: ping and TCP through $V4V6_PLAT (srv4 sees $PLAT_V4); nothing without it"

# The PLAT is real: an IPv6-only host reaches srv4 through Jool, and does not
# once Jool's instance is gone.
dst=$(pref64_of $SRV4_ADDR)
on h6 ping -c 3 -i 0.3 -W 3 "$dst" || die "ping $dst through Jool"
on srv4 sh -c "echo from-srv4 | timeout 10 nc -l -p 8080 -q 1" > /dev/null &
server=$!
wait_for 5 on srv4 sh -c "ss -Hltn | grep -q ':8080 '"
got=$(on h6 timeout 10 nc -q 1 "$dst" 8080 < /dev/null) || die "TCP through Jool"
[ "$got" = from-srv4 ] || die "TCP payload: '$got'"
wait $server
plat_down
on h6 ping -c 2 -i 0.3 -W 1 "$dst" > /dev/null && die "ping works without Jool"
log "h6 -> $dst: ping and TCP through Jool; nothing without it"

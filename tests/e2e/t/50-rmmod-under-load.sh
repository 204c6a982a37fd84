# rmmod v4v6 while a device's TCP streams run both ways through it and a
# monitor listens to its events: the module goes without a kernel complaint
# (tests/vm/run.sh fails on any), the streams stop, and once loaded again
# and configured anew the device's traffic flows again.
v4v6_up
mapped_dev $D1
read -r _ mac ip4 ip6 <<< "$D1"

ip netns exec srv4 socat -u OPEN:/dev/zero TCP4-LISTEN:5001,reuseaddr &
ip netns exec srv4 socat -u TCP4-LISTEN:5002,reuseaddr OPEN:/dev/null &
wait_for 10 listening srv4 tcp 5001 && wait_for 10 listening srv4 tcp 5002 ||
	die "srv4 does not listen"
ip netns exec d1 socat -u TCP4:$SRV4_ADDR:5001 OPEN:/dev/null &
down=$!
ip netns exec d1 socat -u OPEN:/dev/zero TCP4:$SRV4_ADDR:5002 &
up=$!
ip netns exec d1 ping -q -i 0.01 $SRV4_ADDR > /dev/null 2>&1 &
pinger=$!
ip netns exec gw "$V4V6_CTL" monitor > /dev/null 2>&1 &
monitor=$!
# Both streams well under way: a MiB each way. With TAYGA as the PLAT on a
# loaded host that took 30 s (3 MB up, 9 MB down in 30 s was seen).
wait_for 120 sh -c "[ \$(ip netns exec gw $V4V6_CTL -j device show $mac |
	python3 -c 'import json, sys; d = json.load(sys.stdin); print(min(d[\"tx_bytes\"], d[\"rx_bytes\"]))') -gt 1048576 ]" ||
	die "the streams did not get going: $(ctl device show $mac)"
kill -0 $down && kill -0 $up || die "a stream ended early"

rmmod v4v6 || die "rmmod v4v6 under load"
lsmod | grep -q '^v4v6 ' && die "v4v6 still loaded"
kill $down $up $pinger $monitor 2> /dev/null
wait $down $up $pinger $monitor 2> /dev/null

# Back: load, configure, the device again (its identity stayed).
v4v6_up
v4v6_device "$mac" "$ip4" "$ip6" id-d1
blob f 2
tcp_up d1 "$E2E_TMP/f" 5003
tcp_down d1 "$E2E_TMP/f" 5004
log "rmmod under two TCP streams, a ping flood and a monitor: clean; reloaded, 2 MiB both ways"

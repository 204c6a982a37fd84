# e2e: xlat-off must fail
#
# Only a device itself is translated. d2 sending with d1's IPv4 address is
# dropped and counted as spoofed, and not announced (an unknown-source event
# would tell v4v6d that d1's address has a new owner); d3, which is not in
# the table, is counted as an unknown source and announced on the events
# group (v4v6ctl -j monitor); neither reaches srv4, while d1's own datagrams
# before and after do.
v4v6_up
mapped_dev $D1
mapped_dev $D2
dev_add d3 02:00:00:00:00:0c $LAN_NET.12
ip netns exec gw "$V4V6_CTL" -j monitor > "$E2E_TMP/monitor.txt" 2> "$E2E_TMP/monitor.err" &
monitor=$!
udp_serve 9000
# The monitor has subscribed once it sees its own configuration change.
wait_for 10 sh -c "ip netns exec gw $V4V6_CTL config set unknown pass > /dev/null &&
	grep -q '\"event\": *\"config\"' $E2E_TMP/monitor.txt" ||
	{ cat "$E2E_TMP/monitor.err"; die "v4v6ctl monitor sees no events"; }

# received TEXT: srv4 logged a datagram starting with TEXT
received() { grep -q " $1" "$E2E_TMP/udp-9000.log"; }

udp_ask d1 9000 --text legit-before || die "d1's own datagram did not come back"
udp_ask d2 9000 --text d2-own || die "d2's own datagram did not come back"
spoofed=$(stat_get spoofed)
on d2 python3 "$E2E_DIR/udp.py" send $SRV4_ADDR 9000 spoofed-by-d2 --bind $LAN_NET.10 --count 5 ||
	die "sending from d1's address"
udp_ask d1 9000 --text legit-after || die "d1's datagram after the spoofed ones"
received legit-before && received legit-after || die "srv4 lost d1's datagrams"
received spoofed-by-d2 && die "d2's datagrams with d1's address reached srv4"
[ "$(stat_get spoofed)" -ge $((spoofed + 5)) ] ||
	die "spoofed: $spoofed before, $(stat_get spoofed) after 5 spoofed datagrams"

unknown=$(stat_get unknown_source)
on d3 python3 "$E2E_DIR/udp.py" send $SRV4_ADDR 9000 from-d3 --count 3 || die "d3 sending"
wait_for 10 grep -q '"unknown_source".*02:00:00:00:00:0c' "$E2E_TMP/monitor.txt"
python3 - "$E2E_TMP/monitor.txt" <<'PY' || { cat "$E2E_TMP/monitor.txt"; die "no unknown_source event for d3"; }
import json, sys
events = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert any(e.get("event") == "unknown_source" and e.get("mac") == "02:00:00:00:00:0c"
           and e.get("ipv4") == "192.168.1.12" and e.get("lan") == "eth0" for e in events), events
# d2's spoofed datagrams came before d3's: no event announced them
assert not any(e.get("event") == "unknown_source" and e.get("ipv4") == "192.168.1.10"
               for e in events), events
PY
[ "$(stat_get unknown_source)" -ge $((unknown + 3)) ] ||
	die "unknown_source: $unknown before, $(stat_get unknown_source) after d3's 3 datagrams"
sleep 1
received from-d3 && die "d3's datagrams reached srv4"
kill $monitor
log "spoofed source dropped (spoofed $(stat_get spoofed)), not announced; unknown d3 announced and counted ($(stat_get unknown_source)); d1 unaffected"

# e2e: xlat-off must fail
#
# Two IPv4-only devices, each with its own MAC, IPv4 and IPv6 address, reach
# srv4 through v4v6 and the NAT64: ping, TCP both ways with the data intact
# (10 MiB for d1, 3 MiB for d2, all four transfers at once), UDP request and
# response; each device's counters grow by its own traffic.
v4v6_up
mapped_dev $D1
mapped_dev $D2

for d in d1 d2; do
	on $d ping -c 3 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > "$E2E_TMP/ping-$d.txt" ||
		{ cat "$E2E_TMP/ping-$d.txt"; die "$d: ping $SRV4_ADDR"; }
done

blob big 10
blob small 3
tcp_up d1 "$E2E_TMP/big" 5001 & up1=$!
tcp_down d1 "$E2E_TMP/big" 5002 & down1=$!
tcp_up d2 "$E2E_TMP/small" 5003 & up2=$!
tcp_down d2 "$E2E_TMP/small" 5004 & down2=$!
for p in $up1 $down1 $up2 $down2; do
	wait $p || die "TCP transfers"
done

udp_serve 9000
udp_ask d1 9000 --count 5 --size 100 --text d1 || die "d1: UDP to srv4 and back"
udp_ask d2 9000 --count 5 --size 1000 --text d2 || die "d2: UDP to srv4 and back"
grep -q "^$PLAT_V4 100 .* d1-0-" "$E2E_TMP/udp-9000.log" ||
	{ cat "$E2E_TMP/udp-9000.log"; die "srv4 did not log d1's datagram from the PLAT"; }

# Each device's counters: its own traffic, not the other's.
for d in 0a 0b; do
	ctl -j device show 02:00:00:00:00:$d > "$E2E_TMP/dev-$d.json" || die "device show"
done
python3 - "$E2E_TMP/dev-0a.json" "$E2E_TMP/dev-0b.json" <<'PY' || die "device counters"
import json, sys
d1, d2 = (json.load(open(f)) for f in sys.argv[1:])
M = 1 << 20
for d in d1, d2:
    print("  %(mac)s %(ipv4)s %(ipv6)s wan %(wan)s: tx %(tx_packets)d/%(tx_bytes)d rx %(rx_packets)d/%(rx_bytes)d drops %(drops)d" % d)
assert d1["wan"] == "id-d1" and d2["wan"] == "id-d2", (d1["wan"], d2["wan"])
# 10 MiB up and down for d1, 3 MiB for d2, headers on top.
assert 10 * M <= d1["tx_bytes"] < 10 * M * 1.2, d1
assert 10 * M <= d1["rx_bytes"] < 10 * M * 1.2, d1
assert 3 * M <= d2["tx_bytes"] < 3 * M * 1.3, d2
assert 3 * M <= d2["rx_bytes"] < 3 * M * 1.3, d2
for d in d1, d2:
    assert d["tx_packets"] > 100 and d["rx_packets"] > 100, d
    assert d["idle_ms"] < 60000, d
PY
[ "$(stat_get xlat_4to6)" -gt 0 ] && [ "$(stat_get xlat_6to4)" -gt 0 ] ||
	die "xlat counters: $(ctl stats)"
log "d1, d2: ping, TCP 10+10 / 3+3 MiB intact, UDP both ways; per-device counters match"

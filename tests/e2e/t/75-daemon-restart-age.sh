# v4v6d's aging goes on across a restart: when a device was last seen is
# saved with it, and the restarted daemon counts from there. With
# inactive-after 4 and release-after 20, a device is mapped and talks, then
# is unplugged; v4v6d is stopped 8 s later (SIGTERM: the state file holds
# last_seen; the gateway's ARP entry for the device, probed by v4v6d after
# 2 s, has failed by then) and started again 12 s after the unplugging. The
# device is released about 20 s after it was last seen (before 29 s), not
# 20 s after the restart (32 s and more): neither the restart nor the ARP
# entry counts as a sign of life.

v4v6d_up "inactive-after 4" "release-after 20"
set -- $D1
name=$1 mac=$2 addr4=$3
dev_add "$name" "$mac" "$addr4"
# (no -w: with a deadline ping ends at the first ICMP error, and the gateway
# sends one for the packets from before the mapping)
on "$name" ping -i 0.5 -W 1 $SRV4_ADDR > "$E2E_TMP/ping.txt" 2>&1 &
ping_pid=$!
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
sleep 2
on lan ip link del "$name"	# unplugged: its veth is gone
t0=$(date +%s.%N)
kill $ping_pid
wait $ping_pid
log "$name ($mac) mapped, then unplugged"

since() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
# wait_until T: until T seconds after the unplugging
wait_until() {
	sleep "$(awk -v a="$t0" -v b="$(date +%s.%N)" -v t="$1" 'BEGIN { w = t - (b - a); print (w > 0 ? w : 0) }')"
}
wait_until 8
v4v6d_stop
# last_seen: within a few seconds of the unplugging (the kernel's idle times
# are polled every 2 s, and the file has whole seconds)
seen=$(python3 -c 'import json, sys
for d in json.load(open(sys.argv[1]))["devices"]:
    if d["mac"] == sys.argv[2]:
        print(d["last_seen"])' "$V4V6D_DIR/state.json" "$mac")
awk -v s="$seen" -v t="$t0" 'BEGIN { exit !(s >= t - 4 && s <= t + 3) }' ||
	die "last_seen $seen in the state file, unplugged at $t0"
log "v4v6d stopped $(since) s after the unplugging; last_seen $seen saved"
wait_until 12
v4v6d_start
log "v4v6d started again $(since) s after the unplugging"
in_kernel "$mac" || { v4v6d_dump; die "$mac not restored"; }

wait_for 30 sh -c "! ip netns exec gw $V4V6_CTL device show $mac" ||
	{ v4v6d_dump; die "$mac still in the kernel's table 30 s after the restart"; }
t=$(since)
log "$mac released $t s after it was unplugged"
v4v6d_log_has "$mac $addr4: gone for [0-9]+s: released" || { v4v6d_dump; die "no log line for the release of $mac"; }
awk -v t="$t" 'BEGIN { exit !(t >= 16) }' || { v4v6d_dump; die "$mac released too early ($t s)"; }
awk -v t="$t" 'BEGIN { exit !(t < 29) }' ||
	{ v4v6d_dump; die "$mac released $t s after it was last seen: aging started again at the restart"; }
v4v6d_stop

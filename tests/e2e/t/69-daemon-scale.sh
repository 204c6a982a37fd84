# v4v6d with 200 devices: one namespace "crowd" on the LAN switch holds 200
# macvlans, each a device with its own MAC (02:00:00:01:00:00 on) and IPv4
# address (192.168.1.20 to .219); each sends one datagram to srv4 at about
# the same time. v4v6d (the plain build, without ASan) must have all 200 in
# the kernel's table, each with a Kea lease of its own, within 120 s of the
# first datagram. The result is printed: how long that took, and v4v6d's
# memory (VmRSS, VmHWM). Then the first and the last device reach srv4.
# Kea's T1 is 10 s, so that the 200 devices renew 20 times a second: the
# state file (flash, on a router) must not be rewritten for that, only at
# most once per state-interval (default an hour); it is watched for 30 s.

N=200
BOUND=120
export V4V6D=$V4V6D_PLAIN
KEA_T1=10 KEA_T2=16 kea_restart
v4v6d_up

# crowd_mac I, crowd_ip I: device I's MAC and IPv4 address
crowd_mac() { printf '02:00:00:01:%02x:%02x\n' $(($1 >> 8)) $(($1 & 255)); }
crowd_ip() { echo "$LAN_NET.$((20 + $1))"; }

# The crowd. Each macvlan answers ARP for its own address only (arp_ignore
# 1: the broadcasts reach all 200), sends ARP from its own address
# (arp_announce 2), and, the replies coming in where their route does not
# go out, no reverse-path filter; each has a default route of its own for
# sockets bound to it. No IPv6 on the LAN.
ns_new crowd
NAMESPACES="$NAMESPACES crowd"
ip -n crowd link add eth0 type veth peer name crowd netns lan || die "crowd veth"
on lan ip link set crowd master br0 up
on crowd sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1 \
	net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2 \
	net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0 || die "crowd sysctls"
on crowd ip link set eth0 up
for i in $(seq 0 $((N - 1))); do
	echo "link add link eth0 name m$i address $(crowd_mac $i) type macvlan mode bridge"
	echo "addr add $(crowd_ip $i)/24 dev m$i"
	echo "link set m$i up"
	echo "route add default via $GW_LAN dev m$i metric $((100 + i))"
done > "$E2E_TMP/crowd.batch"
ip -n crowd -batch "$E2E_TMP/crowd.batch" || die "the crowd's macvlans"
up() { [ "$(on crowd ip -o link show type macvlan up | grep -c .)" -eq $N ]; }
wait_for 10 up || { on crowd ip -o link show | head -n 5; die "not $N macvlans up"; }
log "crowd: $N macvlans up"

# One datagram from each, all from one process.
t0=$(date +%s.%N)
on crowd python3 -c 'import socket, sys
n, base, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
for i in range(n):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, 25, b"m%d" % i)     # SO_BINDTODEVICE
    s.bind(("%s.%d" % (base, 20 + i), 0))
    s.sendto(b"hello", (dst, 9))
    s.close()' $N $LAN_NET $SRV4_ADDR || die "the crowd could not send"
t_sent=$(date +%s.%N)

# missing_show: for a failure, what v4v6d, the kernel and Kea know of the
# devices of the crowd that are not in the kernel's table (3 at most)
missing_show() {
	local i mac id k=0
	for i in $(seq 0 $((N - 1))); do
		mac=$(crowd_mac "$i")
		ctl devices | grep -q "^$mac " && continue
		k=$((k + 1))
		[ $k -le 3 ] || continue
		id=v6d$(echo "$mac" | tr -d :)
		echo "  missing: m$i $mac $(crowd_ip "$i") (identity $id)"
		grep -E "$mac|$id" "$V4V6D_DIR/log" | tail -n 25 | sed 's/^/    v4v6d| /'
		on gw ip -6 addr show dev "$id" 2>&1 | sed 's/^/    addr| /'
		on gw ip neigh show dev eth0 "$(crowd_ip "$i")" | sed 's/^/    neigh| /'
		grep -i "$mac" "$E2E_TMP/kea/kea.log" | tail -n 8 | sed 's/^/    kea| /'
	done
	echo "  $k devices missing"
	dmesg | tail -n 15 | sed 's/^/  dmesg| /'
	grep -E "overran|ENOBUFS|error|warning" "$V4V6D_DIR/log" | head -n 10 | sed 's/^/  v4v6d| /'
}

# (polled: no python3 start-up, costly under TCG, ten times a second)
devices() { ctl stats | awk '$1 == "devices" { print $2 }'; }
all_in() { [ "$(devices)" -ge $N ]; }
wait_for $BOUND all_in
n=$(devices)
t1=$(date +%s.%N)
# the last of the crowd's "translated as" lines, for the time to the last mapping
t_last=$(sed -n 's/^\[\([0-9.]*\)\] 02:00:00:01:[0-9a-f:]* .*: translated as .*/\1/p' "$V4V6D_DIR/log" | sort -n | tail -n 1)
mapped=$(grep -cE '^\[[0-9.]*\] 02:00:00:01:[0-9a-f:]* .*: translated as ' "$V4V6D_DIR/log")
pid=$(v4v6d_pid) || die "no v4v6d process"
rss=$(awk '/^VmRSS/ { print $2 " " $3 }' "/proc/$pid/status")
hwm=$(awk '/^VmHWM/ { print $2 " " $3 }' "/proc/$pid/status")
leases=$(awk -F, '$1 ~ /:/ { l[$1] = $0 } END { for (a in l) { split(l[a], f, ","); if (f[3] > 0 && f[14] == 0 && f[13] ~ /^02:00:00:01:/) n++ } print n + 0 }' \
	"$E2E_TMP/kea/leases6.csv")
result "scale: $N devices sent within $(awk -v a="$t0" -v b="$t_sent" 'BEGIN { printf "%.1f", b - a }') s"
result "scale: $n devices in the kernel's table, $mapped mapped by v4v6d, $leases Kea leases"
[ -n "$t_last" ] && result "scale: first datagram to the last device mapped: $(awk -v a="$t0" -v b="$t_last" 'BEGIN { printf "%.1f", b - a }') s"
result "scale: v4v6d (plain build, pid $pid): VmRSS $rss, VmHWM $hwm"
[ "$n" -ge $N ] || { missing_show; die "only $n of $N devices mapped within $BOUND s"; }
[ "$leases" -eq $N ] || die "Kea has $leases leases for the crowd, not $N"
# each by the MAC it sent from (the macvlans' frames reached the LAN with
# their own MACs), each with an address of its own
[ "$(ctl devices | awk '$1 ~ /^02:00:00:01:/ { print $1 }' | sort -u | wc -l)" -eq $N ] ||
	die "not the $N MACs of the crowd in the kernel's table"
[ "$(ctl devices | awk '{ print $3 }' | sort -u | wc -l)" -eq $N ] || die "not $N distinct IPv6 addresses"

# the first and the last device reach srv4
for i in 0 $((N - 1)); do
	on crowd ping -c 2 -i 0.3 -W 3 -I m$i $SRV4_ADDR > /dev/null ||
		{ ctl device show "$(crowd_mac $i)"; die "m$i ($(crowd_mac $i)) cannot reach srv4"; }
done
log "m0 and m$((N - 1)) reach srv4"

# The state file while the crowd renews: each save replaces it (a new
# inode), so counting inodes counts saves.
STATE=$V4V6D_DIR/state.json
renews0=$(grep -c 'DHCPv6 lease' "$V4V6D_DIR/log")
saves=0 last=$(stat -c %i "$STATE")
end=$((SECONDS + 30))
while [ $SECONDS -lt $end ]; do
	ino=$(stat -c %i "$STATE")
	[ "$ino" = "$last" ] || saves=$((saves + 1))
	last=$ino
	sleep 0.2
done
renews=$(($(grep -c 'DHCPv6 lease' "$V4V6D_DIR/log") - renews0))
size=$(stat -c %s "$STATE")
result "flash: $renews renewals in 30 s, $saves saves of the $((size / 1024)) KiB state file"
[ "$renews" -ge $N ] || die "only $renews renewals in 30 s with T1 10 s"
[ "$saves" -le 1 ] || die "the state file was saved $saves times in 30 s of renewals"
v4v6d_log_has "inactive|released|lost|error|warning" &&
	{ grep -E "inactive|released|lost|error|warning" "$V4V6D_DIR/log" | head -n 20; die "trouble in v4v6d's log"; }
v4v6d_stop

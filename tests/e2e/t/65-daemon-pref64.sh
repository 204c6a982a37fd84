# v4v6d follows the NAT64 prefix the WAN's router advertises (PREF64,
# RFC 8781): it starts with the well-known 64:ff9b::/96; an RA with a PREF64
# of 64:ff9b:1::/96 puts that prefix in the kernel (logged as from an RA),
# and a device's traffic then goes through the PLAT moved to that prefix;
# a second RA with 64:ff9b:2::/64 (another length) is followed the same way;
# an RA withdrawing it (lifetime 0) brings back the well-known prefix.
#
# radvd 2.19 (Debian 12) cannot send a PREF64 (its nat64prefix came in
# 2.20): ra_pref64 sends RAs like radvd's with one (tests/e2e/ra.py).
#
# The two prefixes are RFC 8215's local-use ones, but TAYGA 0.9.2 (Debian
# 12) refuses any prefix in 0000::/8 but the well-known one as reserved
# (Debian #1061773): with TAYGA as the PLAT they are documentation prefixes
# instead, 2001:db8:64:1::/96 and 2001:db8:64:2::/64.
P1=64:ff9b:1::/96 P2=64:ff9b:2::/64
[ "$V4V6_PLAT" != tayga ] || P1=2001:db8:64:1::/96 P2=2001:db8:64:2::/64

# pref64_now: the NAT64 prefix in the kernel
pref64_now() {
	ctl -j config show | python3 -c 'import json, sys; print(json.load(sys.stdin)["pref64"])'
}
pref64_is() { [ "$(pref64_now)" = "$1" ]; }

# follows PREFIX/LEN: v4v6d put PREFIX/LEN in the kernel, from an RA, and
# the device reaches srv4 through it (with the PLAT there)
follows() {
	wait_for 10 pref64_is "$1" || { v4v6d_dump; die "the kernel has $(pref64_now), not $1"; }
	v4v6d_log_has "NAT64 prefix $1 \(an RA\)" || { v4v6d_dump; die "no log line for $1 from an RA"; }
	plat_at "$1"
	on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null ||
		{ v4v6d_dump; die "$name cannot reach srv4 with the PLAT at $1"; }
	log "PREF64 $1: in the kernel, srv4 reached through it"
}

v4v6d_up
wait_for 10 pref64_is 64:ff9b::/96 || die "the kernel starts with $(pref64_now)"
v4v6d_log_has "NAT64 prefix 64:ff9b::/96 \(the well-known prefix\)" || { v4v6d_dump; die "no start prefix logged"; }
set -- $D1
name=$1 mac=$2 addr4=$3
dev_add "$name" "$mac" "$addr4"
on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
pid=$!
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
wait $pid
on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || die "$name cannot reach srv4"
log "$name mapped, srv4 reached through 64:ff9b::/96"

ra_pref64 $P1
follows $P1
# and the well-known prefix is no way through any more
plat_at 64:ff9b::/96
on "$name" ping -c 2 -i 0.3 -W 2 $SRV4_ADDR > /dev/null 2>&1 &&
	die "$name reached srv4 through 64:ff9b::/96: the kernel did not use $P1"
log "with the PLAT back at 64:ff9b::/96, no way through: the kernel used $P1"

ra_pref64 $P2
follows $P2

ra_pref64 $P2 0
wait_for 10 pref64_is 64:ff9b::/96 || { v4v6d_dump; die "withdrawn, and the kernel has $(pref64_now)"; }
v4v6d_log_has "the RA's NAT64 prefix expired" || { v4v6d_dump; die "no log line for the withdrawal"; }
[ "$(v4v6d_log_count "NAT64 prefix 64:ff9b::/96 \(the well-known prefix\)")" -eq 2 ] ||
	{ v4v6d_dump; die "no log line for the well-known prefix back"; }
plat_at 64:ff9b::/96
on "$name" ping -c 2 -i 0.3 -W 3 $SRV4_ADDR > /dev/null || die "$name cannot reach srv4 through 64:ff9b::/96"
log "PREF64 withdrawn: back to 64:ff9b::/96, srv4 reached through it"
v4v6d_stop

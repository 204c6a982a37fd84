# SIGHUP: v4v6d reloads its configuration file. A static device with a
# fixed address added to the file is mapped with that address and the
# static flag and reaches srv4; a bad file leaves the running configuration
# as it was, and the daemon running; the device taken out of the file again
# becomes an ordinary one and gets its address from Kea.
# e2e: xlat-off must fail

set -- $D1
name=$1 mac=$2 addr4=$3 fixed=$4
v4v6d_up
dev_add "$name" "$mac" "$addr4"
pid=$(cat "$V4V6D_DIR/pid")

echo "static $mac $addr4 ipv6 $fixed" >> "$V4V6D_DIR/v4v6d.conf"
kill -HUP "$pid"
wait_for 10 dev_ipv6_is "$mac" "$fixed" ||
	{ v4v6d_dump; die "the static device is not mapped with $fixed"; }
# a reload sets the kernel's configuration again: off again if asked
xlat_off_apply
[ "$(dev_get static "$mac")" = True ] || die "$mac is not static in the kernel"
ident=$(dev_get wan "$mac")
on gw ip -6 addr show dev "$ident" | grep -q "$fixed/128" || die "$fixed is not on $ident"
on "$name" ping -c 2 -i 0.3 -W "$(xt 3)" $SRV4_ADDR > /dev/null ||
	{ v4v6d_dump; die "$name cannot reach srv4 from $fixed"; }
kea_lease_of "$mac" && die "Kea leased an address to a device with a fixed one"
log "reload: $mac static with $fixed on $ident, srv4 reached"

cp "$V4V6D_DIR/v4v6d.conf" "$E2E_TMP/good.conf"
echo "inactive-after soon" >> "$V4V6D_DIR/v4v6d.conf"
kill -HUP "$pid"
wait_for 10 v4v6d_log_has 'the configuration is unchanged' ||
	{ v4v6d_dump; die "no word of the bad configuration"; }
v4v6d_log_has 'inactive-after: "soon" is not a number' || die "the error does not say what is wrong"
kill -0 "$pid" || die "v4v6d exited on a bad configuration"
[ "$(dev_get ipv6 "$mac")" = "$fixed" ] || die "the bad file changed the device"
log "reload: a bad file is refused with its reason, nothing changes"

grep -v "^static " "$E2E_TMP/good.conf" > "$V4V6D_DIR/v4v6d.conf"
kill -HUP "$pid"
wait_for 15 kea_lease_of "$mac" || { v4v6d_dump; die "no lease once $mac is no longer static"; }
wait_for 10 dev_ipv6_is "$mac" "$(kea_lease_of "$mac")" ||
	die "$mac is not mapped to its lease $(kea_lease_of "$mac")"
xlat_off_apply
[ "$(dev_get static "$mac")" = False ] || die "$mac is still static"
on "$name" ping -c 2 -i 0.3 -W "$(xt 3)" $SRV4_ADDR > /dev/null ||
	{ v4v6d_dump; die "$name cannot reach srv4 with its lease"; }
log "reload: $mac dynamic again with Kea's $(kea_lease_of "$mac")"
v4v6d_stop

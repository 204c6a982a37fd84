# Removing the Debian package v4v6 (debian/v4v6.prerm, or the installed
# one as V4V6_PRERM: tests/deb) cleans up after v4v6d: with a device learnt,
# leased and reaching srv4, v4v6d is stopped (SIGTERM leaves the identity,
# its address, its routes, the identities' policy rule and the table entry
# in place, for its next start), then the prerm's "remove" runs in the
# gateway: v4v6d -R releases the lease (Kea has it no more), the identity,
# its routes and the rule are gone, and the module is unloaded.
# Not a traffic test: translation is never switched off.

prerm=${V4V6_PRERM:-$PWD/debian/v4v6.prerm}
v4v6d_up
set -- $D1
name=$1 mac=$2 addr4=$3
dev_add "$name" "$mac" "$addr4"
on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null 2>&1 &
pid=$!
wait_for 10 in_kernel "$mac" || { v4v6d_dump; die "$name ($mac) not mapped in 10 s"; }
wait $pid
wait_for 10 on "$name" ping -c 1 -W 1 $SRV4_ADDR > /dev/null || die "$name cannot reach srv4"
ident=$(dev_get wan "$mac")
addr6=$(dev_get ipv6 "$mac")
rule="from all lookup 1000"
v4v6d_stop
on gw ip link show "$ident" > /dev/null 2>&1 || die "SIGTERM removed $ident"
on gw ip -6 rule show pref 1000 | grep -q "$rule" || die "no rule '$rule' after SIGTERM"
on gw ip -6 route show table 1000 | grep -q "from $addr6 .*dev $ident" ||
	die "no route from $addr6 after SIGTERM: $(on gw ip -6 route show table 1000)"
in_kernel "$mac" || die "SIGTERM emptied the kernel's table"
log "$name: $ident, its routes and the rule ($rule) stay after v4v6d's SIGTERM"

kea_lease_of "$mac" > /dev/null || die "Kea has no lease for $mac before the removal"
on gw env V4V6_PRERM_V4V6D="$V4V6D" V4V6_PRERM_CONF="$V4V6D_DIR/v4v6d.conf" \
	sh "$prerm" remove > "$E2E_TMP/prerm.out" 2>&1 ||
	die "$prerm remove failed: $(cat "$E2E_TMP/prerm.out")"
kea_lease_of "$mac" > /dev/null &&
	die "Kea still leases $(kea_lease_of "$mac") to $mac: $(cat "$E2E_TMP/prerm.out")"
on gw ip link show "$ident" > /dev/null 2>&1 && die "$ident left"
on gw ip -6 rule show pref 1000 | grep -q . && die "rule left: $(on gw ip -6 rule show pref 1000)"
on gw ip -6 route show table 1000 | grep -q . && die "routes left: $(on gw ip -6 route show table 1000)"
lsmod | grep -q '^v4v6 ' && die "the module is still loaded"
result "prerm remove: the lease released, $ident, its routes and the rule gone, v4v6 unloaded"

# net6 advertises itself with the M flag and the gateway follows it.
on gw timeout 25 tcpdump -l -n -vv -c 1 -i eth1 'icmp6 and ip6[40] == 134' \
	> "$E2E_TMP/ra.txt" 2>&1 || { cat "$E2E_TMP/ra.txt"; die "no RA on the WAN"; }
grep -q 'managed' "$E2E_TMP/ra.txt" || { cat "$E2E_TMP/ra.txt"; die "RA without the M flag"; }
wait_for 15 on gw sh -c "ip -6 route show default | grep -q 'via fe80.* dev eth1'" ||
	die "the gateway has no default route from the RA"
log "RA with M flag seen; default route $(on gw ip -6 route show default)"

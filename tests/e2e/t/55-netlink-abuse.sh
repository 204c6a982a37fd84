# The v4v6 family against hand-made generic netlink messages (nlabuse.py,
# numbers from uapi/linux/v4v6.h): every command with attributes missing,
# too long or short, out of range, not its own or unknown is refused with an
# error and an extended-ack message, and changes nothing; without
# CAP_NET_ADMIN every change is refused with EPERM and every read works.
insmod "$V4V6_KO" || die "insmod"
hdr=$E2E_DIR/../../uapi/linux/v4v6.h
on gw python3 "$E2E_DIR/nlabuse.py" "$hdr" abuse > "$E2E_TMP/abuse.txt" 2>&1
rc=$?
sed 's/^/    /' "$E2E_TMP/abuse.txt"
[ $rc -eq 0 ] || die "abuse: $(grep -c '^FAIL' "$E2E_TMP/abuse.txt") cases wrong"
on gw setpriv --reuid=nobody --regid=nogroup --clear-groups --inh-caps=-all \
	python3 "$E2E_DIR/nlabuse.py" "$hdr" unpriv > "$E2E_TMP/unpriv.txt" 2>&1
rc=$?
sed 's/^/    /' "$E2E_TMP/unpriv.txt"
[ $rc -eq 0 ] || die "unprivileged: $(grep -c '^FAIL' "$E2E_TMP/unpriv.txt") cases wrong"
ctl device del 02:00:00:00:01:01 && ctl device del 192.168.1.52 || die "device del"
[ -z "$(ctl devices)" ] || die "devices left: $(ctl devices)"
rmmod v4v6 || die "rmmod"
log "$(grep -c '^ok' "$E2E_TMP/abuse.txt") abusive messages refused with a reason; unprivileged: EPERM x $(grep -c 'EPERM' "$E2E_TMP/unpriv.txt"), reads fine"

# e2e: xlat-off must fail
#
# Interfaces come and go: OpenWrt re-creates br-lan on every network reload,
# and the new bridge has a new ifindex. The gateway's LAN here is a bridge
# br-lan over eth0. With d1 translating, br-lan is deleted and created anew:
# v4v6 forgets it (status and status -j say the LAN is gone and which it was,
# link_gone counts it, the events group announces it), nothing is translated
# any more (not even through the new bridge, until it is set) and nothing
# crashes; once "config set lan br-lan" names the new one, ping and TCP flow
# again and the LAN is no longer gone. Then d1's WAN identity is deleted: the
# device says its identity is gone, its packets are dropped and counted
# (identity_gone), not sent through the WAN; its identity created anew and
# set again, d1 flows again.
MAC1=02:00:00:00:00:0a
IP6_1=$NET6::4:10

# br_lan_up: br-lan in the gateway, over eth0, holding the LAN address
br_lan_up() {
	on gw ip link add br-lan type bridge forward_delay 0 &&
		on gw ip link set eth0 master br-lan &&
		on gw ip addr add $GW_LAN/24 dev br-lan &&
		on gw ip link set br-lan up || die "br-lan"
}

# flows WHAT [PORT]: d1 pings srv4 and, given a PORT, sends it a file over TCP
flows() {
	on d1 ping -c 3 -i 0.3 -W "$(xt 5)" $SRV4_ADDR > "$E2E_TMP/ping.txt" ||
		{ cat "$E2E_TMP/ping.txt"; die "$1: d1 cannot ping $SRV4_ADDR"; }
	[ -z "${2:-}" ] || tcp_up d1 "$E2E_TMP/blob" "$2" 30
}

# no_flow WHAT: d1's ping does not come back, and nothing is translated
no_flow() {
	local x4 x6
	x4=$(stat_get xlat_4to6)
	x6=$(stat_get xlat_6to4)
	! on d1 ping -c 2 -i 0.3 -W 1 $SRV4_ADDR > /dev/null || die "$1: d1's ping came back"
	[ "$(stat_get xlat_4to6)" = "$x4" ] && [ "$(stat_get xlat_6to4)" = "$x6" ] ||
		die "$1: translated: xlat_4to6 $x4 -> $(stat_get xlat_4to6), xlat_6to4 $x6 -> $(stat_get xlat_6to4)"
}

# lan_gone: status says the LAN, br-lan, is gone
lan_gone() { ctl status | grep -qx 'lan: gone (was br-lan)'; }

# ident_gone: d1's device says its identity, id-d1, is gone
ident_gone() { ctl devices | grep -q "^$MAC1 .* wan gone:id-d1 "; }

# check WHAT PYTHON: the assertions PYTHON hold, with s the JSON of
# "status -j", d that of d1's "device show -j" and ev the events the monitor
# printed
check() {
	ctl -j status > "$E2E_TMP/status.json" &&
		ctl -j device show $MAC1 > "$E2E_TMP/dev.json" || die "$1: status, device show"
	python3 - "$E2E_TMP" "$2" <<'PY' || die "$1: $(cat "$E2E_TMP/status.json" "$E2E_TMP/dev.json")"
import json, sys
t = sys.argv[1]
s = json.load(open(t + "/status.json"))
d = json.load(open(t + "/dev.json"))
ev = [json.loads(l) for l in open(t + "/monitor.txt") if l.strip()]
exec(sys.argv[2])
PY
}

v4v6_up
on gw ip addr del $GW_LAN/24 dev eth0 || die "address of eth0"
br_lan_up
ctl config set lan br-lan > /dev/null || die "config set lan br-lan"
xlat_off_apply
mapped_dev $D1
blob blob 1

ip netns exec gw "$V4V6_CTL" -j monitor > "$E2E_TMP/monitor.txt" 2> "$E2E_TMP/monitor.err" &
monitor=$!
# The monitor has subscribed once it sees its own configuration change.
wait_for 10 sh -c "ip netns exec gw $V4V6_CTL config set unknown pass > /dev/null &&
	grep -q '\"event\": *\"config\"' $E2E_TMP/monitor.txt" ||
	{ cat "$E2E_TMP/monitor.err"; die "v4v6ctl monitor sees no events"; }

flows "through br-lan"
log "d1 translated through br-lan ($SECONDS s)"

# ---- The LAN goes and comes back as a new interface ----
gone_before=$(stat_get link_gone)
on gw ip link del br-lan || die "deleting br-lan"
wait_for 10 lan_gone || { ctl status; die "status does not say that the LAN is gone"; }
[ "$(stat_get link_gone)" -eq $((gone_before + 1)) ] ||
	die "link_gone: $gone_before before, $(stat_get link_gone) after"
wait_for 5 grep -q '"link_gone".*"br-lan"' "$E2E_TMP/monitor.txt"
check "LAN gone" '
c = s["config"]
assert c["lan"] is None and c["lan_ifindex"] == 0 and c["lan_gone"] == "br-lan", c
assert c["wan"] == "eth1" and c["wan_gone"] is None, c
assert any(e["event"] == "link_gone" and e.get("ifname") == "br-lan" and
           e.get("was") == ["lan"] and e.get("devices") == 0 for e in ev), ev
assert any(e["event"] == "config" and e.get("lan_gone") == "br-lan" and
           e.get("lan_ifindex") == 0 for e in ev), ev'
no_flow "LAN gone"

# A new br-lan, which v4v6 does not take by itself.
br_lan_up
no_flow "new br-lan, not set"
lan_gone || die "the new br-lan was taken without being set"

ctl config set lan br-lan > /dev/null || die "config set lan br-lan, again"
xlat_off_apply
ctl status | grep -qx 'lan: br-lan' || { ctl status; die "status after setting the LAN again"; }
check "LAN set again" 'assert s["config"]["lan_gone"] is None, s'
flows "the new br-lan" 5002
log "br-lan deleted: status said gone, nothing translated; set again: ping and TCP flow ($SECONDS s)"

# ---- d1's WAN identity goes, and comes back ----
on gw ip link del id-d1 || die "deleting id-d1"
wait_for 10 ident_gone || die "devices does not say that the identity is gone: $(ctl devices)"
ctl status | grep -qx "identity gone: $MAC1 (was id-d1)" || { ctl status; die "status: no identity gone"; }
wait_for 5 grep -q '"link_gone".*"id-d1"' "$E2E_TMP/monitor.txt"
check "identity gone" '
assert d["wan"] is None and d["wan_ifindex"] == 0 and d["wan_gone"] == "id-d1", d
assert s["devices"]["identity_gone"] == 1, s
assert any(e["event"] == "link_gone" and e.get("ifname") == "id-d1" and
           e.get("was") == ["identity"] and e.get("devices") == 1 for e in ev), ev
assert any(e["event"] == "set_device" and e.get("mac") == d["mac"] and
           e.get("wan_gone") == "id-d1" for e in ev), ev'
dropped=$(stat_get identity_gone)
no_flow "identity gone"
[ "$(stat_get identity_gone)" -ge $((dropped + 2)) ] ||
	die "identity_gone: $dropped before, $(stat_get identity_gone) after 2 pings"

# Its routes went with it (the identities' one rule stays); the identity
# anew, set again.
on gw ip -6 route show table 1000 | grep -q "dev id-d1" &&
	die "routes of the old id-d1 left: $(on gw ip -6 route show table 1000)"
ident_add id-d1 $MAC1 "$IP6_1"
ctl device set $MAC1 wan id-d1 || die "device set wan id-d1"
check "identity set again" '
assert d["wan"] == "id-d1" and d["wan_gone"] is None, d
assert s["devices"]["identity_gone"] == 0, s'
flows "the new id-d1"
kill $monitor
log "id-d1 deleted: device said gone, identity_gone $(stat_get identity_gone); set again: ping flows ($SECONDS s)"

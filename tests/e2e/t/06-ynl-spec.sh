# e2e: requires has_ynl no ynl (linux-source-6.12's tools/net/ynl, scripts/ynl.sh) in the cache
#
# The family's YAML spec (uapi/v4v6.yaml) drives the kernel's own generic
# netlink client, ynl: it reads and sets the configuration, adds a device
# with allow rules, reads it and dumps the table, reads the counters and
# receives events; every answer matches v4v6ctl -j field by field. No
# translation is involved.
insmod "$V4V6_KO" || die "insmod"

spec=$E2E_DIR/../../uapi/v4v6.yaml
ynl() {
	on gw python3 "$V4V6_YNL/tools/net/ynl/cli.py" --spec "$spec" \
		--schema "$V4V6_YNL/Documentation/netlink/genetlink-legacy.yaml" \
		--output-json "$@"
}
ifindex() { on gw cat "/sys/class/net/$1/ifindex"; }

# same WHAT YNL CTL: ynl's answer YNL (JSON) says what v4v6ctl -j's CTL does
same() {
	python3 - "$@" <<'PY' || die "$1: ynl and v4v6ctl disagree"
import ipaddress, json, sys
what, y, c = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])

def ports(r):
    lo, hi = r.get('allow-port-min'), r.get('allow-port-max')
    if r['allow-proto'] == 1 or (lo, hi) == (1, 65535):
        return None
    return str(lo) if lo == hi else f'{lo}-{hi}'

def config(y, c):
    return [(y['cfg-lan-ifindex'], c['lan_ifindex']),
            (y['cfg-wan-ifindex'], c['wan_ifindex']),
            (f"{y['cfg-pref64']}/{y['cfg-pref64-len']}", c['pref64']),
            (y['cfg-lowest-mtu'], c['lowest_mtu']),
            (y['cfg-unknown'], c['unknown']),
            (y['cfg-inbound'], c['inbound']),
            (y.get('cfg-lan-gone'), c['lan_gone']),
            (y.get('cfg-wan-gone'), c['wan_gone'])]

def device(y, c):
    flags = set(y['dev-flags'])
    rules = y.get('dev-allow', {}).get('allow', [])
    protos = {1: 'icmp', 6: 'tcp', 17: 'udp'}
    return [(y['dev-mac'], c['mac']), (y['dev-ipv4'], c['ipv4']),
            (str(ipaddress.ip_address(y['dev-ipv6'])), c['ipv6']),
            (y['dev-wan-ifindex'], c['wan_ifindex']),
            (y.get('dev-wan-gone'), c['wan_gone']),
            (y['dev-state'], c['state']),
            ('static' in flags, c['static']), ('conflict' in flags, c['conflict']),
            (y['dev-tx-packets'], c['tx_packets']), (y['dev-tx-bytes'], c['tx_bytes']),
            (y['dev-rx-packets'], c['rx_packets']), (y['dev-rx-bytes'], c['rx_bytes']),
            (y['dev-drops'], c['drops']), (y['dev-unsolicited'], c['unsolicited']),
            ([{'proto': protos[r['allow-proto']], 'ports': ports(r)} for r in rules],
             c['allow'])]

def devices(y, c):
    y = sorted(y, key=lambda d: d['dev-mac'])
    c = sorted(c, key=lambda d: d['mac'])
    return [(len(y), len(c))] + [p for a, b in zip(y, c) for p in device(a, b)]

def stats(y, c):
    ys = {k.replace('-', '_'): v for k, v in y['stats'].items()}
    return [(y['devices'], c['devices']), (ys, c['stats'])]

pairs = {'config': config, 'device': device, 'devices': devices,
         'stats': stats}[what.split()[0]](y, c)
bad = [p for p in pairs if p[0] != p[1]]
for p in bad:
    print(f'  {what}: ynl {p[0]!r}, v4v6ctl {p[1]!r}')
sys.exit(1 if bad else 0)
PY
}

# The configuration, read, then set by ynl.
y=$(ynl --do get-config) || die "ynl get-config"
same "config (defaults)" "$y" "$(ctl -j config show)"
lan=$(ifindex eth0) wan=$(ifindex eth1)
ynl --do set-config --json "{\"cfg-lan-ifindex\": $lan, \"cfg-wan-ifindex\": $wan,
	\"cfg-pref64\": \"20010db8006400000000000000000000\", \"cfg-pref64-len\": 96,
	\"cfg-lowest-mtu\": 1400, \"cfg-unknown\": \"drop\", \"cfg-inbound\": \"all\"}" \
	> /dev/null || die "ynl set-config"
c=$(ctl -j config show)
python3 -c 'import json, sys
c = json.loads(sys.argv[1])
assert (c["lan"], c["wan"], c["pref64"], c["lowest_mtu"], c["unknown"], c["inbound"]) == \
	("eth0", "eth1", "2001:db8:64::/96", 1400, "drop", "all"), c' "$c" ||
	die "v4v6ctl does not show what ynl set: $c"
same "config (set by ynl)" "$(ynl --do get-config)" "$c"
# The kernel's policy, through the spec: a length outside 32..96 is refused.
ynl --do set-config --json '{"cfg-pref64": "20010db8006400000000000000000000",
	"cfg-pref64-len": 97}' > /dev/null 2>&1 && die "ynl: pref64-len 97 accepted"

# A device added by ynl, with allow rules (nests of nests), read by both.
mac=02:00:00:00:00:0a
ynl --do new-device --json '{"dev-mac": "02000000000a", "dev-ipv4": 3232235786,
	"dev-ipv6": "20010db8000600000000000000040010", "dev-flags": ["static"],
	"dev-state": "inactive", "dev-allow": {"allow": [
		{"allow-proto": 6, "allow-port-min": 22, "allow-port-max": 22},
		{"allow-proto": 17, "allow-port-min": 5000, "allow-port-max": 5010},
		{"allow-proto": 1}]}}' > /dev/null || die "ynl new-device"
c=$(ctl -j device show $mac) || die "v4v6ctl does not find ynl's device"
python3 -c 'import json, sys
c = json.loads(sys.argv[1])
assert (c["ipv4"], c["ipv6"], c["state"], c["static"]) == \
	("192.168.1.10", "2001:db8:6::4:10", "inactive", True), c
assert c["allow"] == [{"proto": "tcp", "ports": "22"}, {"proto": "udp", "ports": "5000-5010"},
	{"proto": "icmp", "ports": None}], c' "$c" || die "ynl's device as v4v6ctl shows it: $c"
same "device" "$(ynl --do get-device --json '{"dev-mac": "02000000000a"}')" "$c"
same "device by IPv4" "$(ynl --do get-device --json '{"dev-ipv4": 3232235786}')" "$c"

# The dump, with a second device added by v4v6ctl.
ctl device add 02:00:00:00:00:0b ipv4 "$LAN_NET.11" ipv6 "$NET6::4:11" || die "device add"
same "devices (dump)" "$(ynl --dump get-device)" "$(ctl -j devices)"
same "stats" "$(ynl --do get-stats)" "$(ctl -j stats)"

# Events: ynl subscribes to the group and listens for 8 s (it prints what
# came when it is done) while v4v6ctl changes the configuration and a
# device, again and again until ynl has finished: whatever ynl's start-up
# takes, some changes come after it subscribed.
ynl --subscribe events --sleep 8 > "$E2E_TMP/ynl-events.json" 2> "$E2E_TMP/ynl-events.err" &
listener=$!
i=0
while kill -0 $listener 2> /dev/null; do
	i=$((i + 1))
	ctl config set lowest-mtu $((1400 + i)) || die "config set"
	state=inactive
	[ $((i % 2)) = 1 ] || state=active
	ctl device set 02:00:00:00:00:0b state $state || die "device set"
	sleep 0.5
done
wait $listener || { cat "$E2E_TMP/ynl-events.err"; die "ynl --subscribe"; }
python3 - "$E2E_TMP/ynl-events.json" <<'PY' > "$E2E_TMP/ynl-last.txt" ||
import json, sys
events = json.load(open(sys.argv[1]))
last = {}
for e in events:
    last[e['name']] = e['msg']
assert 'set-config-ntf' in last and 'set-device-ntf' in last, [e['name'] for e in events]
print(json.dumps(last['set-config-ntf']))
print(json.dumps(last['set-device-ntf']))
print(len(events))
PY
	{ cat "$E2E_TMP/ynl-events.json"; die "ynl received no set-config and set-device events"; }
{ read -r cfg_event; read -r dev_event; read -r n; } < "$E2E_TMP/ynl-last.txt"
# The last ones ynl received say what the configuration and the device are
# now, but for the value changed last (ynl may have stopped listening just
# before the last change): that one must be one of those set.
mtu=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["cfg-lowest-mtu"])' "$cfg_event")
if [ "$mtu" -le 1400 ] || [ "$mtu" -gt $((1400 + i)) ]; then
	die "config event: lowest-mtu $mtu, never set"
fi
c=$(ctl -j config show | python3 -c 'import json, sys
c = json.load(sys.stdin); c["lowest_mtu"] = int(sys.argv[1]); print(json.dumps(c))' "$mtu")
same "config (event)" "$cfg_event" "$c"
c=$(ctl -j device show 02:00:00:00:00:0b | python3 -c 'import json, sys
c = json.load(sys.stdin); c["state"] = json.loads(sys.argv[1])["dev-state"]; print(json.dumps(c))' "$dev_event")
same "device (event)" "$dev_event" "$c"

rmmod v4v6 || die "rmmod"
log "ynl with uapi/v4v6.yaml: config get/set, device add/get/dump, stats, $n events; all as v4v6ctl -j"

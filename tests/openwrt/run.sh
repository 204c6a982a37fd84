#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The OpenWrt package (openwrt/v4v6/) tested without OpenWrt, whose SDK
# cannot be fetched here:
#
#  - tests/openwrt/makefile.sh: its Makefile against OpenWrt's conventions;
#  - its init script (files/v4v6.init) run by BusyBox's ash, OpenWrt's
#    shell, under STAND-INS of OpenWrt's shell interfaces (standin/:
#    rc.common with logger, functions.sh's UCI functions, procd.sh,
#    network.sh),
#    which record every procd call it makes and emulate procd's decisions;
#    the script's paths (/lib/functions, /usr/sbin/v4v6d, /var/etc) are
#    pointed into a throwaway root. Over real-looking /etc/config/v4v6 and
#    /etc/config/network files: every option translated, the file v4v6d
#    gets checked by v4v6d's own parser (v4v6d -t), the procd calls,
#    reloads (SIGHUP or restart, br-lan re-created), and bad values, each
#    with its error naming the UCI option.
#
#   tests/openwrt/run.sh [V4V6D]     V4V6D: default tools/build/v4v6d
#
# Ends "openwrt: N passed, N failed".
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
v4v6d=$(realpath "${1:-$top/tools/build/v4v6d}")
init=$top/openwrt/v4v6/files/v4v6.init
standin=$here/standin
if command -v busybox > /dev/null; then sh=(busybox sh); else sh=(dash); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "ok   $1"; }
indent() { sed 's/^/     /'; }
not_ok() { fail=$((fail + 1)); echo "FAIL $1"; }

# check NAME EXPECTED ACTUAL
check() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		diff <(echo "$2") <(echo "$3") | indent
	fi
}

# has NAME TEXT PATTERN: TEXT has a line matching PATTERN (grep -E)
has() {
	if grep -qE -- "$3" <<< "$2"; then ok "$1"; else
		not_ok "$1: no /$3/ in:"
		indent <<< "$2"
	fi
}

lacks() {
	if grep -qE -- "$3" <<< "$2"; then
		not_ok "$1: /$3/ in:"
		indent <<< "$2"
	else
		ok "$1"
	fi
}

# A NanoPi R5C's /etc/config/network as OpenWrt 24.10 writes it.
network_config() {
	cat > "$root/etc/config/network" <<EOF
config interface 'loopback'
	option device 'lo'
	option proto 'static'
	option ipaddr '127.0.0.1'
	option netmask '255.0.0.0'

config globals 'globals'
	option ula_prefix 'fd6e:1a2b:3c4d::/48'

config device
	option name 'br-lan'
	option type 'bridge'
	list ports 'eth1'

config interface 'lan'
	option device 'br-lan'
	option proto 'static'
	option ipaddr '192.168.1.1'
	option netmask '255.255.255.0'
	option ip6assign '60'

config interface 'wan'
	option device '${1:-eth0}'
	option proto 'dhcp'

config interface 'wan6'
	option device '${1:-eth0}'
	option proto 'dhcpv6'

config interface 'vpn'
	option proto 'wireguard'
	option private_key 'aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28='
EOF
}

# status LINE...: what netifd says of the networks (standin network.sh)
status() { printf '%s\n' "$@" > "$root/status"; }

fresh() {
	rm -rf "$root"
	mkdir -p "$root/etc/config" "$root/etc/init.d" "$root/var/etc" \
		"$root/procd"
	sed -e "s|/lib/functions|$standin/lib/functions|g" \
		-e "s|/usr/sbin/v4v6d|$v4v6d|" -e "s|/var/etc|$root/var/etc|g" \
		"$init" > "$root/etc/init.d/v4v6"
	network_config
	status "lan up=1 device=br-lan l3_device=br-lan" \
		"wan up=1 device=eth0 l3_device=eth0"
}

# uci TEXT: /etc/config/v4v6
uci() { printf '%s\n' "$1" > "$root/etc/config/v4v6"; }

# rc ACTION: /etc/init.d/v4v6 ACTION; its stderr in $err, the procd calls
# it made in $calls (paths as on the router)
rc() {
	: > "$root/log"
	env UCI_CONFIG_DIR="$root/etc/config" NETWORK_STATUS="$root/status" \
		PROCD_LOG="$root/log" PROCD_STATE="$root/procd" \
		"${sh[@]}" "$standin/etc/rc.common" "$root/etc/init.d/v4v6" "$@" \
		2> "$root/err"
	rc=$?
	err=$(cat "$root/err")
	calls=$(sed -e "s|$root||g" -e "s|$v4v6d|/usr/sbin/v4v6d|g" "$root/log")
}

conf() { sed -n '2,$p' "$root/var/etc/v4v6d.conf"; }

# --- The package's Makefile ---------------------------------------------
if out=$(bash "$here/makefile.sh" 2>&1); then ok "makefile.sh"; else
	not_ok "makefile.sh"
	indent <<< "$out"
fi
indent <<< "$out"

# --- Every option -------------------------------------------------------
full="config v4v6 'main'
	option enabled '1'
	option lan 'lan'
	option wan 'wan'
	option pref64 '64:ff9b::/96'
	option dns64 'off'
	option addressing 'dhcpv6'
	option inactive_after '300'
	option release_after '43200'
	option unknown 'drop'
	option inbound 'replies'
	option lowest_mtu '1400'
	option ident_prefix 'v6'
	option max_devices '200'
	option learn_rate '20'
	list learn_allow '02:00:00:00:01:20'
	list learn_allow '02:00:00:00:01:30'
	list learn_deny '02:00:00:00:00:99'
	option state '/etc/v4v6/state.json'
	option state_interval '3600'
	option verbose '1'

config static 'printer'
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.20'
	option ipv6 '2001:db8:6::20'
	list allow 'tcp 631'
	list allow 'icmp'

# a comment, as people leave them
config static
	option name 'camera'
	option mac '02:00:00:00:01:21'
	option ipv4 '192.168.1.21'
	option allow 'udp 5000-5010'

config allow 'nas'
	option mac '02:00:00:00:01:30'
	list rule 'tcp 443'
	list rule \"udp   5000-5010\""
fresh
uci "$full"
rc start
check "start: every option translated" "dns64 off # v4v6.main.dns64
lan br-lan # v4v6.main.lan
wan eth0 # v4v6.main.wan
pref64 64:ff9b::/96 # v4v6.main.pref64
addressing dhcpv6 # v4v6.main.addressing
inactive-after 300 # v4v6.main.inactive_after
release-after 43200 # v4v6.main.release_after
unknown drop # v4v6.main.unknown
inbound replies # v4v6.main.inbound
lowest-mtu 1400 # v4v6.main.lowest_mtu
ident-prefix v6 # v4v6.main.ident_prefix
max-devices 200 # v4v6.main.max_devices
learn-rate 20 # v4v6.main.learn_rate
state /etc/v4v6/state.json # v4v6.main.state
state-interval 3600 # v4v6.main.state_interval
learn-allow 02:00:00:00:01:20 # v4v6.main.learn_allow
learn-allow 02:00:00:00:01:30 # v4v6.main.learn_allow
learn-deny 02:00:00:00:00:99 # v4v6.main.learn_deny
static 02:00:00:00:01:20 192.168.1.20 ipv6 2001:db8:6::20 allow tcp 631 allow icmp # v4v6.printer
static 02:00:00:00:01:21 192.168.1.21 allow udp 5000-5010 # v4v6.@static[1]
allow 02:00:00:00:01:30 tcp 443 # v4v6.nas.rule
allow 02:00:00:00:01:30 udp 5000-5010 # v4v6.nas.rule" "$(conf)"
check "start: no error" "" "$err"
check "start: procd calls" "procd_open_service v4v6 /etc/init.d/v4v6
procd_open_instance v4v6d
procd_set_param command /usr/sbin/v4v6d -c /var/etc/v4v6d.conf
procd_append_param command -v
procd_set_param data start=ident-prefix=v6 lan=br-lan state=/etc/v4v6/state.json wan=eth0
procd_set_param respawn 3600 5 0
procd_set_param stderr 1
procd_close_instance
procd_add_reload_trigger v4v6
procd_add_reload_interface_trigger lan
procd_add_reload_interface_trigger wan
procd_close_service
procd: start v4v6d" "$calls"
has "v4v6d -t takes the generated file" \
	"$("$v4v6d" -t -c "$root/var/etc/v4v6d.conf" 2>&1)" "configuration ok"

# Every keyword of v4v6d's own file has its UCI option: the keywords
# conf.c knows, each in the file made from the fixture above.
words=$(grep -oE 'strcmp\((k|w\[0\]), "[a-z0-9-]+"\)' "$top/tools/v4v6d/conf.c" |
	sed -E 's/.*"(.*)"\)/\1/' | sort -u)
missing=
for w in $words; do
	grep -q "^$w " <<< "$(conf)" || missing="$missing $w"
done
check "every v4v6d keyword reachable from UCI" "" "$missing"
# ...and every UCI option of the script is in the fixture.
opts=$(sed -n '/^V4V6_OPTS_MAIN=/,/"$/p; /^V4V6_LISTS_MAIN=/p' "$init" |
	sed 's/^V4V6_[A-Z_]*="//; s/"$//' | tr ' ' '\n' | grep .)
missing=
for o in $opts; do
	grep -qE "^\s+(option|list) $o " <<< "$full" || missing="$missing $o"
done
check "every UCI option in the fixture" "" "$missing"

# --- The /etc/config/v4v6 the package installs ----------------------------
fresh
cp "$top/openwrt/v4v6/files/v4v6.config" "$root/etc/config/v4v6"
rc start
check "shipped config: disabled, quietly" "0 " "$rc $err"
lacks "shipped config: nothing started" "$calls" "procd: start"
sed -i "s/option enabled '0'/option enabled '1'/" "$root/etc/config/v4v6"
rc start
has "shipped config, enabled: started" "$calls" "^procd: start v4v6d"
check "shipped config, enabled: its file" "lan br-lan # v4v6.main.lan
wan eth0 # v4v6.main.wan" "$(conf)"

# --- Devices rather than networks, networks not up ------------------------
fresh
uci "config v4v6 'main'
	option lan 'br-lan'
	option wan 'eth1'"
rc start
check "devices: used as they are" "lan br-lan # v4v6.main.lan
wan eth1 # v4v6.main.wan" "$(conf)"
lacks "devices: no interface trigger" "$calls" "interface_trigger"
has "devices: a reload trigger" "$calls" "^procd_add_reload_trigger v4v6$"
has "enabled by default" "$calls" "^procd: start v4v6d"

fresh
status "wan up=1 device=eth0 l3_device=pppoe-wan"
uci "config v4v6 'main'
	option lan 'lan'
	option wan 'wan'"
rc boot
check "boot: LAN not up yet (its UCI device), PPPoE WAN (its own device)" \
	"lan br-lan # v4v6.main.lan
wan eth0 # v4v6.main.wan" "$(conf)"

# --- Reloads --------------------------------------------------------------
fresh
uci "config v4v6 'main'
	option lan 'lan'
	option wan 'wan'"
rc start
# A network reload: netifd deletes br-lan (lan down), creates it again (lan
# up); each ifup/ifdown event runs "v4v6 reload" (the interface trigger).
status "lan up=0 device=br-lan" "wan up=1 device=eth0 l3_device=eth0"
rc reload
has "network reload, lan down: v4v6d left running" "$calls" "^procd: unchanged v4v6d"
has "network reload, lan down: SIGHUP" "$calls" "^procd_send_signal v4v6 v4v6d HUP"
status "lan up=1 device=br-lan l3_device=br-lan" "wan up=1 device=eth0 l3_device=eth0"
rc reload
has "network reload, lan up: v4v6d left running" "$calls" "^procd: unchanged v4v6d"
lacks "network reload: no restart, no stop" "$calls" "procd: (restart|stop)"

uci "config v4v6 'main'
	option lan 'lan'
	option wan 'wan'
	option inbound 'all'"
rc reload
has "uci commit: SIGHUP" "$calls" "^procd_send_signal v4v6 v4v6d HUP"
has "uci commit: the new file" "$(conf)" "^inbound all "
lacks "uci commit: no restart" "$calls" "procd: (restart|stop|start)"

uci "config v4v6 'main'
	option lan 'lan'
	option wan 'wan'
	option inbound 'everything'"
rc reload
has "bad reload: the error" "$err" "v4v6.main.inbound: inbound: \"everything\" is neither replies nor all"
lacks "bad reload: v4v6d keeps running as it was" "$calls" "procd_(open|close)_service|procd: |send_signal"
has "bad reload: the file as it was" "$(conf)" "^inbound all "

network_config eth2
status "lan up=1 device=br-lan l3_device=br-lan" "wan up=1 device=eth2 l3_device=eth2"
uci "config v4v6 'main'
	option lan 'lan'
	option wan 'wan'"
rc reload
has "WAN device changed: restart" "$calls" "^procd: restart v4v6d"
lacks "WAN device changed: no SIGHUP" "$calls" "send_signal"
has "WAN device changed: the new device" "$(conf)" "^wan eth2 "

uci "config v4v6 'main'
	option enabled '0'
	option lan 'lan'
	option wan 'wan'"
rc reload
has "disabled: stopped" "$calls" "^procd: stop v4v6d"
lacks "disabled: no SIGHUP" "$calls" "send_signal"
has "disabled: the config trigger stays" "$calls" "^procd_add_reload_trigger v4v6$"
uci "config v4v6 'main'
	option enabled 'yes'
	option lan 'lan'
	option wan 'wan'"
rc reload
has "enabled again: started" "$calls" "^procd: start v4v6d"
lacks "enabled again: no SIGHUP" "$calls" "send_signal"
rc stop
has "stop" "$calls" "^procd: stop v4v6d"

# --- Bad values: each names its UCI option and why ------------------------
# bad NAME MAIN_OPTIONS EXTRA_SECTIONS PATTERN: start fails with an error
# matching PATTERN, logged, and nothing started
bad() {
	local body
	if [ "${2#config}" != "$2" ]; then body=$2; else
		body="config v4v6 'main'
	option lan 'lan'
	option wan 'wan'
$2"
	fi
	fresh
	uci "$body
$3"
	rc start
	if [ "$rc" -ne 0 ] && grep -qF -- "$4" <<< "$err" &&
	   grep -q "^logger -t v4v6 -p daemon.err" "$root/log" &&
	   ! grep -q "^procd: start" "$root/log"; then
		ok "bad: $1"
	else
		not_ok "bad: $1 (rc $rc; wanted \"$4\"):"
		indent <<< "$err$calls"
	fi
}

bad "enabled" "	option enabled 'maybe'" "" \
	'v4v6: v4v6.main.enabled: "maybe" is not a boolean (1/0, on/off, yes/no, true/false)'
bad "dns64" "	option dns64 'sometimes'" "" \
	'v4v6.main.dns64: "sometimes" is not a boolean'
bad "verbose" "	option verbose '2'" "" 'v4v6.main.verbose: "2" is not a boolean'
bad "no lan" "config v4v6 'main'
	option wan 'wan'" "" 'v4v6.main.lan: required: the LAN'
bad "no wan" "config v4v6 'main'
	option lan 'lan'" "" 'v4v6.main.wan: required: the WAN'
bad "lan = wan" "config v4v6 'main'
	option lan 'br-lan'
	option wan 'lan'" "" 'v4v6: lan and wan are both br-lan'
bad "network without a device" "config v4v6 'main'
	option lan 'lan'
	option wan 'vpn'" "" 'v4v6.main.wan: network "vpn" has no device'
bad "lan with a space" "config v4v6 'main'
	option lan 'br-lan eth1'
	option wan 'wan'" "" 'v4v6.main.lan: "br-lan eth1": one value, without spaces'
bad "pref64" "	option pref64 '64:ff9b::/95'" "" 'v4v6.main.pref64: pref64: "64:ff9b::/95"'
bad "pref64 with #" "	option pref64 '64:ff9b::/96#x'" "" 'v4v6.main.pref64: "64:ff9b::/96#x": no # in a value'
bad "addressing" "	option addressing 'dhcp'" "" \
	'v4v6.main.addressing: addressing: "dhcp" is not auto, dhcpv6 or slaac'
bad "inactive_after" "	option inactive_after '0'" "" \
	'v4v6.main.inactive_after: inactive-after: "0" is not a number of seconds (1 to 31536000)'
bad "release_after" "	option release_after 'soon'" "" \
	'v4v6.main.release_after: release-after: "soon" is not a number of seconds'
bad "release_after < inactive_after" "	option inactive_after '600'
	option release_after '60'" "" \
	'v4v6: release-after (60) is shorter than inactive-after (600)'
bad "state_interval" "	option state_interval '-5'" "" \
	'v4v6.main.state_interval: state-interval: "-5" is not a number of seconds'
bad "unknown" "	option unknown 'reject'" "" \
	'v4v6.main.unknown: unknown: "reject" is neither pass nor drop'
bad "inbound" "	option inbound 'some'" "" \
	'v4v6.main.inbound: inbound: "some" is neither replies nor all'
bad "lowest_mtu" "	option lowest_mtu '1000'" "" 'v4v6.main.lowest_mtu: lowest-mtu: "1000"'
bad "ident_prefix" "	option ident_prefix 'TOOLONG'" "" \
	'v4v6.main.ident_prefix: ident-prefix: "TOOLONG": 1 to 3 characters'
bad "max_devices" "	option max_devices '0'" "" \
	'v4v6.main.max_devices: max-devices: "0" is not a number from 1 to'
bad "learn_rate" "	option learn_rate '100000'" "" \
	'v4v6.main.learn_rate: learn-rate: "100000" is not a number from 1 to 10000'
bad "learn_deny" "	list learn_deny '02:00:00:00:00'" "" 'v4v6.main.learn_deny: learn-deny: "02:00:00:00:00"'
bad "learn_allow" "	list learn_allow 'zz:00:00:00:00:01'" "" 'v4v6.main.learn_allow: learn-allow: "zz:00:00:00:00:01"'
bad "state" "	option state 'v4v6/state.json'" "" \
	'v4v6.main.state: state: "v4v6/state.json" is not an absolute path'
bad "unknown option" "	option inbund 'all'" "" 'v4v6.main.inbund: unknown option'
bad "list for an option" "	list lan 'lan'" "" \
	'v4v6.main.lan: one value: "option lan", not "list lan"'
bad "unknown section type" "" "config statik
	option mac '02:00:00:00:01:20'" 'v4v6.@statik[0]: unknown section type "statik"'
bad "two v4v6 sections" "" "config v4v6 'other'" \
	'v4v6.other: a second "config v4v6" section'
bad "no v4v6 section" "config static
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.20'" "" 'v4v6: /etc/config/v4v6: no "config v4v6" section'
bad "uci syntax" "	option wan 'wan" "" \
	'v4v6: /etc/config/v4v6: cannot be read ("uci show v4v6" says why)'
bad "static without ipv4" "" "config static 'tv'
	option mac '02:00:00:00:01:20'" 'v4v6.tv: a static device needs its mac and ipv4'
bad "static mac" "" "config static 'tv'
	option mac '02:00:00:00:01'
	option ipv4 '192.168.1.20'" 'v4v6.tv: static: "02:00:00:00:01"'
bad "static ipv4" "" "config static 'tv'
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.300'" 'v4v6.tv: static: "192.168.1.300" is not an IPv4 address'
bad "static ipv6" "" "config static 'tv'
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.20'
	option ipv6 '2001:db8::g'" 'v4v6.tv: static: "ipv6 2001:db8::g" is not "ipv6 ADDRESS"'
bad "static twice" "" "config static
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.20'

config static
	option mac '02:00:00:00:01:21'
	option ipv4 '192.168.1.20'" 'v4v6.@static[1]: static: 02:00:00:00:01:21 or 192.168.1.20 is already a static device'
bad "static allow port" "" "config static 'tv'
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.20'
	list allow 'tcp 70000'" 'v4v6.tv: static: '
bad "static allow words" "" "config static 'tv'
	option mac '02:00:00:00:01:20'
	option ipv4 '192.168.1.20'
	list allow 'tcp 22 23'" 'v4v6.tv.allow: "tcp 22 23" is not "PROTO [PORT|LO-HI]"'
bad "allow without mac" "" "config allow 'nas'
	list rule 'tcp 443'" "v4v6.nas: an allow section needs the device's mac"
bad "allow without rule" "" "config allow 'nas'
	option mac '02:00:00:00:01:30'" "v4v6.nas: no rule (list rule 'tcp 443')"
bad "allow proto" "" "config allow 'nas'
	option mac '02:00:00:00:01:30'
	list rule 'gre'" 'v4v6.nas.rule: allow: '
rules=$(for p in $(seq 1 17); do printf "\tlist rule 'tcp %d'\n" "$p"; done)
bad "allow: 17 rules" "" "config allow 'nas'
	option mac '02:00:00:00:01:30'
$rules" 'v4v6.nas.rule: allow: more than 16 allow rules for 02:00:00:00:01:30'
bad "allow option" "" "config allow 'nas'
	option mac '02:00:00:00:01:30'
	option port '443'" 'v4v6.nas.port: unknown option'

echo "openwrt: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

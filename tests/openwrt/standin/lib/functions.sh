# SPDX-License-Identifier: GPL-2.0
#
# STAND-IN for OpenWrt's /lib/functions.sh and /lib/config/uci.sh, written
# for tests/openwrt/run.sh from OpenWrt's documented behaviour (it is not
# OpenWrt's code): config_load reads $UCI_CONFIG_DIR/PACKAGE, as
# "uci -n export" then eval would, calling config_cb, option_cb and list_cb;
# config_get, config_get_bool, config_foreach, config_list_foreach and
# reset_cb behave as OpenWrt's. A file uci cannot parse makes config_load
# fail, as on OpenWrt (the reason is not printed there either).
# shellcheck shell=dash disable=SC3043,SC2034

reset_cb() {
	config_cb() { return 0; }
	option_cb() { return 0; }
	list_cb() { return 0; }
}
reset_cb

config_set() {		# SECTION OPTION VALUE
	eval "CONFIG_${1}_${2}=\$3"
}

config_get() {		# VAR SECTION OPTION [DEFAULT] | SECTION OPTION
	case "$2${3:-$1}" in
	*[!A-Za-z0-9_]*) return 0 ;;
	esac
	if [ -z "$3" ]; then
		eval "echo \"\${CONFIG_${1}_${2}:-}\""
	else
		eval "$1=\${CONFIG_${2}_${3}:-\$4}"
	fi
}

get_bool() {
	case "$1" in
	1|on|true|yes|enabled) echo 1 ;;
	0|off|false|no|disabled) echo 0 ;;
	*) echo "$2" ;;
	esac
}

config_get_bool() {	# VAR SECTION OPTION [DEFAULT]
	local v
	config_get v "$2" "$3" "$4"
	eval "$1=\$(get_bool \"\$v\" \"\$4\")"
}

config() {		# TYPE NAME (as uci export writes them)
	CONFIG_NUM_SECTIONS=$((CONFIG_NUM_SECTIONS + 1))
	CONFIG_SECTIONS="$CONFIG_SECTIONS${CONFIG_SECTIONS:+ }$2"
	CONFIG_SECTION=$2
	config_set "$2" TYPE "$1"
	config_cb "$1" "$2"
}

option() {		# NAME VALUE
	config_set "$CONFIG_SECTION" "$1" "$2"
	option_cb "$1" "$2"
}

list() {		# NAME VALUE
	local len
	config_get len "$CONFIG_SECTION" "${1}_LENGTH" 0
	len=$((len + 1))
	config_set "$CONFIG_SECTION" "${1}_ITEM$len" "$2"
	config_set "$CONFIG_SECTION" "${1}_LENGTH" "$len"
	eval "CONFIG_${CONFIG_SECTION}_${1}=\"\${CONFIG_${CONFIG_SECTION}_${1}:+\${CONFIG_${CONFIG_SECTION}_${1}} }\$2\""
	list_cb "$1" "$2"
}

config_foreach() {	# FUNC [TYPE] ARGS...
	local f="$1" type="$2" s t
	shift
	[ $# -eq 0 ] || shift
	for s in $CONFIG_SECTIONS; do
		config_get t "$s" TYPE
		[ -n "$type" ] && [ "$t" != "$type" ] && continue
		"$f" "$s" "$@"
	done
}

config_list_foreach() {	# SECTION OPTION FUNC ARGS...
	local s="$1" o="$2" f="$3" len v i=1
	shift 3
	config_get len "$s" "${o}_LENGTH"
	[ -n "$len" ] || return 0
	while [ "$i" -le "$len" ]; do
		config_get v "$s" "${o}_ITEM$i"
		"$f" "$v" "$@"
		i=$((i + 1))
	done
}

# uci export of FILE: "config 'TYPE' 'NAME'", "option 'NAME' 'VALUE'",
# "list 'NAME' 'VALUE'" lines; anonymous sections named cfgXXXXXX.
uci_export() {
	awk '
	function q(s) { gsub(/\047/, "\047\\\047\047", s); return "\047" s "\047" }
	function bad(m) { printf "uci: Parse error (%s) at line %d\n", m, NR > "/dev/stderr"; failed = 1; exit 1 }
	function ident(s) { return s ~ /^[A-Za-z0-9_]+$/ }
	{
		n = 0; i = 1; L = length($0)
		while (i <= L) {
			c = substr($0, i, 1)
			if (c == " " || c == "\t") { i++; continue }
			if (c == "#") break
			tok = ""
			if (c == "\047" || c == "\"") {
				j = index(substr($0, i + 1), c)
				if (!j) bad("unterminated " c)
				tok = substr($0, i + 1, j - 1); i += j + 1
			} else {
				while (i <= L && substr($0, i, 1) !~ /[ \t]/) {
					tok = tok substr($0, i, 1); i++
				}
			}
			t[++n] = tok
		}
		if (!n || t[1] == "package") next
		if (t[1] == "config") {
			if (n < 2 || n > 3 || !ident(t[2]) || (n == 3 && !ident(t[3])))
				bad("invalid section")
			sections++
			name = n == 3 ? t[3] : sprintf("cfg%02x%04x", sections, sections * 7919 % 65536)
			print "config " q(t[2]) " " q(name); insection = 1
		} else if (t[1] == "option" || t[1] == "list") {
			if (!insection) bad("option outside a section")
			if (n != 3 || !ident(t[2])) bad("invalid option")
			print t[1] " " q(t[2]) " " q(t[3])
		} else {
			bad("invalid command")
		}
	}' "$1"
}

uci_load() {		# PACKAGE
	local data ret
	CONFIG_SECTIONS='' CONFIG_NUM_SECTIONS=0 CONFIG_SECTION=''
	data=$(uci_export "${UCI_CONFIG_DIR:-/etc/config}/$1" 2>/dev/null)
	ret=$?
	[ "$ret" != 0 ] || [ -z "$data" ] || eval "$data"
	[ -z "$CONFIG_SECTION" ] || config_cb
	return "$ret"
}

config_load() {
	uci_load "$@"
}

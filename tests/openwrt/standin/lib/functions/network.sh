# SPDX-License-Identifier: GPL-2.0
#
# STAND-IN for OpenWrt's /lib/functions/network.sh (tests/openwrt/run.sh):
# what netifd would say of each network ("ubus call network.interface
# dump") is read from $NETWORK_STATUS, one network a line:
#   NAME up=1|0 device=DEV l3_device=DEV
# network_get_device gives the layer 3 device of a network that is up,
# network_get_physdev its device, as OpenWrt's do; both fail on nothing.
# shellcheck shell=dash disable=SC3043

__network_field() {	# VAR NETWORK FIELD
	local line f v=''
	line=$(grep "^$2 " "${NETWORK_STATUS:-/dev/null}" 2>/dev/null | head -n 1)
	for f in $line; do
		case "$f" in
		"$3"=*) v=${f#*=} ;;
		esac
	done
	eval "$1=\$v"
	[ -n "$v" ]
}

network_get_device() {
	local up
	if ! __network_field up "$2" up || [ "$up" != 1 ]; then
		eval "$1=''"
		return 1
	fi
	__network_field "$1" "$2" l3_device
}

network_get_physdev() {
	__network_field "$1" "$2" device
}

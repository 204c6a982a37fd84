# SPDX-License-Identifier: GPL-2.0
#
# STAND-IN for OpenWrt's /lib/functions/procd.sh (tests/openwrt/run.sh).
# Each call an init script makes is written to $PROCD_LOG, one line each
# ("procd_set_param command /usr/sbin/v4v6d -c ..."), and procd's answer
# to the service it is given is emulated in $PROCD_STATE as procd's
# instance_update() decides it: an instance that was not running is
# started, one whose command, data, respawn... differ is restarted, an
# identical one is left alone, one no longer given is stopped. That
# decision is logged as "procd: start|restart|unchanged|stop INSTANCE".
# Triggers are only logged. Nothing is sent to ubus.
# shellcheck shell=dash disable=SC3043

__procd_log() {
	echo "$*" >> "$PROCD_LOG"
}

# The instance being described: its name and parameters, one a line.
__procd_add() {
	echo "$*" >> "$PROCD_STATE/new"
}

procd_open_service() {
	__procd_log procd_open_service "$@"
	: > "$PROCD_STATE/new"
}

procd_open_instance() {
	__procd_log procd_open_instance "$@"
	__procd_add "instance ${1:-instance1}"
}

procd_set_param() {
	__procd_log procd_set_param "$@"
	__procd_add "$@"
}

procd_append_param() {
	__procd_log procd_append_param "$@"
	__procd_add append "$@"
}

procd_close_instance() {
	__procd_log procd_close_instance
}

procd_add_reload_trigger() {
	__procd_log procd_add_reload_trigger "$@"
}

procd_add_reload_interface_trigger() {
	__procd_log procd_add_reload_interface_trigger "$@"
}

procd_add_interface_trigger() {
	__procd_log procd_add_interface_trigger "$@"
}

procd_close_service() {
	local inst cur=''
	service_triggers
	__procd_log procd_close_service
	[ -f "$PROCD_STATE/cur" ] && cur=$(cat "$PROCD_STATE/cur")
	inst=$(sed -n 's/^instance //p' "$PROCD_STATE/new")
	if [ -z "$inst" ]; then
		[ -z "$cur" ] || __procd_log "procd: stop $(sed -n 's/^instance //p' "$PROCD_STATE/cur")"
	elif [ -z "$cur" ]; then
		__procd_log "procd: start $inst"
	elif [ "$cur" = "$(cat "$PROCD_STATE/new")" ]; then
		__procd_log "procd: unchanged $inst"
	else
		__procd_log "procd: restart $inst"
	fi
	mv "$PROCD_STATE/new" "$PROCD_STATE/cur"
}

procd_running() {	# SERVICE [INSTANCE]
	grep -q "^instance ${2:-}" "$PROCD_STATE/cur" 2>/dev/null
}

procd_send_signal() {	# SERVICE [INSTANCE] [SIGNAL]
	__procd_log procd_send_signal "$@"
}

procd_kill() {		# SERVICE [INSTANCE]
	__procd_log procd_kill "$@"
	[ -s "$PROCD_STATE/cur" ] &&
		__procd_log "procd: stop $(sed -n 's/^instance //p' "$PROCD_STATE/cur")"
	: > "$PROCD_STATE/cur"
}

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The default state file is the build's (STATE_FILE; OpenWrt's package sets
# one on flash): v4v6d's help names it, and v4v6ctl leases reads it when
# no file is given.
#
#   tests/state-file.sh PATH BUILD-DIR

path=$1 dir=$2
pass=0 fail=0
# has WHAT TEXT NEEDLE: TEXT holds NEEDLE
has() {
	case $2 in
	*"$3"*) pass=$((pass + 1)) ;;
	*) fail=$((fail + 1)); echo "state-file: FAIL $1: $2" ;;
	esac
}

has "v4v6d -h names $path" "$("$dir/v4v6d" -h 2>&1)" "(default $path)"
has "v4v6ctl leases reads $path" "$("$dir/v4v6ctl" leases 2>&1)" \
	"no state file at $path:"

echo "state-file: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Every keyword v4v6d's configuration parser takes (v4v6d/conf.c) is in
# its man page and in the configuration file the packages ship, and those
# name no keyword the parser lacks.
#
#   tests/conf-keys.sh CONF.C MAN-PAGE SHIPPED-CONF

src=$1 man=$2 shipped=$3
pass=0 fail=0
no() { fail=$((fail + 1)); echo "conf-keys: FAIL $*"; }

keys=$(grep -o '!strcmp(\(k\|w\[0\]\), "[a-z0-9-]*")' "$src" |
	sed 's/.*"\(.*\)")/\1/' | sort -u)
[ "$(echo "$keys" | wc -w)" -ge 10 ] || no "only '$keys' found in $src"
for k in $keys; do
	# the man page escapes its hyphens
	grep -q "^\.B[IR]* $(echo "$k" | sed 's/-/\\\\-/g')\( \|$\)" "$man" ||
		no "$k: not in $man"
	grep -q "^#$k " "$shipped" || no "$k: no '#$k ...' line in $shipped"
	pass=$((pass + 1))
done
named=$(sed -n 's/^#\([a-z][a-z0-9-]*\) .*/\1/p' "$shipped" | sort -u)
for k in $named; do
	echo "$keys" | grep -qx "$k" || no "$shipped names $k, which v4v6d does not take"
done

echo "conf-keys: $pass keys, $fail failed"
[ "$fail" -eq 0 ]

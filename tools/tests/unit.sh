#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The systemd unit of v4v6d: systemd itself finds nothing wrong with it
# (systemd-analyze verify, with the programs it names replaced by stand-ins,
# since nothing is installed here), and it confines the daemon as
# documented: the three capabilities v4v6d needs and no other, no new
# privileges, a read-only system, a private state directory; /proc/sys
# stays writable (the identities' sysctls); no start limit, so a late WAN
# cannot leave the unit failed.
#
#   tests/unit.sh UNIT

unit=$1
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "unit: FAIL $*"; }
has() { grep -qx "$1" "$unit" && ok || no "no line '$1'"; }

has 'CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW CAP_NET_BIND_SERVICE'
has 'AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW CAP_NET_BIND_SERVICE'
has 'NoNewPrivileges=yes'
has 'ProtectSystem=strict'
has 'StateDirectory=v4v6'
has 'StateDirectoryMode=0700'
has 'UMask=0077'
has 'StartLimitIntervalSec=0'
has 'Restart=on-failure'
grep -q '^ProtectKernelTunables=yes' "$unit" &&
	no "ProtectKernelTunables: v4v6d writes the identities' sysctls" || ok

if command -v systemd-analyze > /dev/null 2>&1; then
	dir=$(mktemp -d)
	sed -e 's|^ExecStartPre=+/sbin/modprobe|ExecStartPre=+/bin/true|' \
	    -e 's|^ExecStart=.*|ExecStart=/bin/true|' \
	    -e 's|^ExecReload=.*|ExecReload=/bin/true|' "$unit" > "$dir/v4v6d.service"
	out=$(systemd-analyze verify --man=no "$dir/v4v6d.service" 2>&1)
	if [ -z "$out" ]; then ok; else no "systemd-analyze verify: $out"; fi
	rm -rf "$dir"
else
	echo "unit: SKIP systemd-analyze verify (no systemd-analyze)"
fi
echo "unit: $pass passed, $fail failed"
[ $fail -eq 0 ]

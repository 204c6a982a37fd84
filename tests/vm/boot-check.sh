#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside a guest: print its kernel and load, with the guest's modprobe
# (the host's kmod over 9p, from the kernel's possibly compressed modules),
# what the end-to-end bed needs, checking each is there. For a new guest
# kernel: tests/vm/run.sh --kernel KVER tests/vm/boot-check.sh
set -u
echo "boot-check: $(uname -r)"
rc=0
for m in veth bridge macvlan nf_defrag_ipv4 nf_defrag_ipv6 x_tables tun \
	nf_tables nf_conntrack nf_nat nft_chain_nat nft_nat; do
	if modprobe "$m" && { [ -d "/sys/module/$m" ] || grep -q "/$m.ko" "/lib/modules/$(uname -r)/modules.builtin"; }; then
		echo "boot-check: $m ok"
	else
		echo "boot-check: $m FAILED"
		rc=1
	fi
done
exit $rc

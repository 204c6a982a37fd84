#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside a guest: keep every vCPU busy until SECONDS have passed (the load
# beside make e2e-load's e2e run).
#
#   burn.sh SECONDS
end=$((SECONDS + ${1:-3600}))
n=$(nproc)
for _ in $(seq "$n"); do
	(while [ $SECONDS -lt $end ]; do :; done) &
done
echo "burn: $n vCPUs busy for ${1:-3600} s"
wait

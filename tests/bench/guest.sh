#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the guest (tests/bench/run.sh boots it): the benchmark with the
# paths tests/e2e/guest.sh gives the e2e tests.
#
#   guest.sh JOOL_DIR|none V4V6_KO [bench.sh OPTIONS...]
export JOOL_DIR=$1 V4V6_KO=$2 V4V6_CTL=$PWD/tools/build/v4v6ctl \
	V4V6D=$PWD/tools/build/asan/v4v6d V4V6D_PLAIN=$PWD/tools/build/v4v6d
shift 2
[ "$JOOL_DIR" != none ] || JOOL_DIR=
exec bash "$(dirname "$0")/bench.sh" "$@"

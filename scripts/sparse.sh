#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the module with sparse checking every file (make C=2); any sparse
# or compiler warning fails.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(make -C "$top" --no-print-directory sparse 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -c '^  CHECK ' | sed 's/^/sparse: files checked: /'
if echo "$out" | grep -E 'warning:|error:'; then
	exit 1
fi

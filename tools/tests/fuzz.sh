#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs each libFuzzer target for SECONDS from an empty corpus (plus the
# seeds in tests/fuzz-seeds/NAME/ when there are any). A crash, a leak or a
# sanitizer report fails the target; its log is printed.
#
# Usage: tests/fuzz.sh SECONDS FUZZER...
set -u

secs=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
failed=0
for f in "$@"; do
	name=$(basename "$f")
	mkdir -p "$tmp/$name"
	seeds=
	[ -d "$here/fuzz-seeds/$name" ] && seeds=$here/fuzz-seeds/$name
	if "$f" -max_total_time="$secs" -timeout=5 -rss_limit_mb=1024 \
		-artifact_prefix="$tmp/" "$tmp/$name" $seeds \
		> "$tmp/$name.log" 2>&1; then
		echo "fuzz: $name: $(grep -o 'Done [0-9]* runs' "$tmp/$name.log" | tail -n 1) in ${secs}s"
		pass=$((pass + 1))
	else
		echo "FAIL: fuzz: $name"
		tail -n 60 "$tmp/$name.log"
		failed=$((failed + 1))
	fi
done
echo "fuzz: $pass passed, $failed failed"
[ "$failed" -eq 0 ]

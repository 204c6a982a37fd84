#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Print the directory of the kernel's generic netlink client, ynl: the
# tools/net/ynl and Documentation/netlink (the specs' JSON schemas) of
# Debian's linux-source-6.12, unpacked once into $V4V6_CACHE/ynl/VERSION.
# The .deb comes from the host's apt (bookworm-security carries 6.12), or
# from a copy the cache already has (the trixie KUnit kernel's source).
#
#   scripts/ynl.sh
#
# Used by make lint (the spec's schema, scripts/spec-check.py) and by the
# e2e test that drives the family with ynl (tests/e2e/t/06-ynl-spec.sh).
set -euo pipefail

CACHE=${V4V6_CACHE:-/var/cache/v4v6}
pkg=linux-source-6.12

# (find fails for a directory that is not there, as on a new machine: that
# is no error here, and under pipefail it would end the script unsaid)
newest() {
	{ find "$CACHE/debs" "$CACHE/kunit/debs/trixie" -maxdepth 1 \
		-name "${pkg}_*.deb" 2> /dev/null || :; } | sort -V | tail -n 1
}

deb=$(newest)
if [ -z "$deb" ]; then
	mkdir -p "$CACHE/debs"
	echo "ynl: downloading $pkg" >&2
	(cd "$CACHE/debs" && apt-get download -q "$pkg" >&2) || {
		apt-get update -q >&2
		(cd "$CACHE/debs" && apt-get download -q "$pkg" >&2)
	}
	deb=$(newest)
fi
[ -n "$deb" ] || { echo "ynl: no $pkg .deb" >&2; exit 1; }
dir=$CACHE/ynl/$(dpkg-deb -f "$deb" Version)
if [ ! -e "$dir/.done" ]; then
	rm -rf "$dir" && mkdir -p "$dir"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO --wildcards './usr/src/linux-source-*.tar.xz' |
		tar -xJ -C "$dir" --strip-components=1 --wildcards \
			'linux-source-*/tools/net/ynl' 'linux-source-*/Documentation/netlink'
	touch "$dir/.done"
fi
echo "$dir"

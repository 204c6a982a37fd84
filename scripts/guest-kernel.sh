#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unpack another Debian suite's stock kernel for the test guest, beside the
# bookworm one scripts/deps.sh unpacks: for trixie (6.12) and sid. Prints
# the kernel's version (the name of its modules directory), which
# tests/vm/run.sh and tests/e2e/run.sh take as --kernel.
#
#   scripts/guest-kernel.sh SUITE
#
# The host's apt configuration is not touched: the suite's InRelease is
# fetched from the mirror (V4V6_DEBIAN_MIRROR, default deb.debian.org) and
# checked with gpgv against the host's debian-archive-keyring; its SHA256
# checks main's Packages.xz, whose entries check the .debs: the image
# linux-image-amd64 depends on and, from 7.x, the parts it is split into.
# They are unpacked into $V4V6_CACHE/guest/KVER/root like the default
# kernel, which stays the default (tests/vm/default-kernel.sh); the .debs
# and the index stay in $V4V6_CACHE/debs and $V4V6_CACHE/dists/SUITE. A
# second run with the kernel unpacked only fetches the index again.
set -euo pipefail

suite=${1:-}
[ -n "$suite" ] || { sed -n '4,20s/^# \{0,1\}//p' "$0" >&2; exit 2; }
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
mirror=${V4V6_DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
for t in curl gpgv xz dpkg-deb sha256sum; do
	command -v $t > /dev/null || { echo "guest-kernel: $t missing" >&2; exit 1; }
done

say() { echo "guest-kernel: $*" >&2; }
# get URL FILE
get() { curl -fsSL --retry 3 -o "$2.tmp" "$1" && mv "$2.tmp" "$2"; }
# check FILE SHA256
check() {
	[ "$(sha256sum < "$1" | cut -d' ' -f1)" = "$2" ] ||
		{ say "$1: SHA256 differs from the index's"; rm -f "$1"; exit 1; }
}

dists=$CACHE/dists/$suite
mkdir -p "$dists" "$CACHE/debs"
get "$mirror/dists/$suite/InRelease" "$dists/InRelease" ||
	{ say "no $mirror/dists/$suite/InRelease"; exit 1; }
# (a suite is signed with several keys; one good signature of the keyring's
# is enough, as for apt)
gpgv --keyring "$keyring" --status-fd 3 --output "$dists/Release" "$dists/InRelease" \
	3> "$dists/gpgv.status" 2> "$dists/gpgv.log" || true
grep -q '^\[GNUPG:\] VALIDSIG ' "$dists/gpgv.status" ||
	{ cat "$dists/gpgv.log" >&2; say "$suite's InRelease: no valid signature"; exit 1; }
sha=$(awk '/^SHA256:/ { s = 1; next } /^[^ ]/ { s = 0 }
	s && $3 == "main/binary-amd64/Packages.xz" { print $1 }' "$dists/Release")
[ -n "$sha" ] || { say "$suite's Release lists no main/binary-amd64/Packages.xz"; exit 1; }
get "$mirror/dists/$suite/main/binary-amd64/Packages.xz" "$dists/Packages.xz"
check "$dists/Packages.xz" "$sha"
xz -dc "$dists/Packages.xz" > "$dists/Packages"

# field PACKAGE FIELD: a field of PACKAGE's entry in the index
field() {
	awk -v p="$1" -v f="$2" 'BEGIN { RS = ""; FS = "\n" }
		{ for (i = 1; i <= NF; i++) if ($i == "Package: " p) break
		  if (i > NF) next
		  for (i = 1; i <= NF; i++) if (index($i, f ": ") == 1) print substr($i, length(f) + 3) }' \
		"$dists/Packages" | head -n 1
}

# The image: what the metapackage depends on (the signed image on amd64)
pkg=$(field linux-image-amd64 Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' |
	grep -m 1 '^linux-image-[0-9].*-amd64$') ||
	{ say "$suite: linux-image-amd64 depends on no linux-image-*-amd64"; exit 1; }
# From 7.x the image is split: vmlinuz, modules and the rest are packages of
# their own (linux-binary-ABI, linux-modules-ABI, linux-base-ABI), which it
# depends on; all of them are unpacked.
abi=${pkg#linux-image-}
mapfile -t pkgs < <(echo "$pkg"; field "$pkg" Depends | tr ',' '\n' |
	sed 's/^ *//; s/[ |].*//' | grep -E "^linux-[a-z]+-$(printf '%s' "$abi" | sed 's/[.+]/\\&/g')\$")
debs=()
for p in "${pkgs[@]}"; do
	file=$(field "$p" Filename)
	sha=$(field "$p" SHA256)
	[ -n "$file" ] && [ -n "$sha" ] || { say "$suite: no Filename or SHA256 for $p"; exit 1; }
	deb=$CACHE/debs/$(basename "$file")
	if [ ! -f "$deb" ]; then
		say "downloading $p ($(basename "$file"))"
		get "$mirror/$file" "$deb"
	fi
	check "$deb" "$sha"
	debs+=("$deb")
done

kver=$(for deb in "${debs[@]}"; do dpkg-deb -c "$deb"; done |
	sed -n 's|.* \./\(usr/\)\{0,1\}lib/modules/\([^/]*\)/$|\2|p' | head -n 1)
[ -n "$kver" ] || { say "${pkgs[*]}: no lib/modules/KVER"; exit 1; }
guest=$CACHE/guest/$kver
if [ ! -e "$guest/.done" ]; then
	say "unpacking guest kernel $kver"
	rm -rf "$guest" && mkdir -p "$guest/root"
	for deb in "${debs[@]}"; do dpkg-deb -x "$deb" "$guest/root"; done
	# (from 7.x in the modules' directory; tests/vm/run.sh looks in both)
	[ -f "$guest/root/boot/vmlinuz-$kver" ] || [ -f "$guest/root/usr/lib/modules/$kver/vmlinuz" ] ||
		{ say "${pkgs[*]}: no vmlinuz"; exit 1; }
	touch "$guest/.done"
fi
echo "$kver"

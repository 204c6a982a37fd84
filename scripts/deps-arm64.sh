#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the arm64 smoke test (tests/arm64/) needs besides the host packages of
# scripts/deps.sh: Debian bookworm's arm64 packages, downloaded and unpacked
# into the cache, never installed. The host's apt configuration and dpkg
# architectures are left alone: apt runs with a configuration of its own
# under the cache that knows only arm64.
#
#   scripts/deps-arm64.sh ABI     e.g. 6.1.0-57 (the host's amd64 headers')
#
#   $V4V6_CACHE/arm64/apt/               the private apt configuration and lists
#   $V4V6_CACHE/arm64/debs/              downloaded .debs
#   $V4V6_CACHE/arm64/headers/ABI-arm64/ linux-headers-ABI-arm64 and -common,
#                                        on the host's linux-kbuild-6.1
#   $V4V6_CACHE/arm64/guest/ABI-arm64/   linux-image-ABI-arm64 (vmlinuz, modules)
#   $V4V6_CACHE/arm64/sysroot/           libc and the tools' -dev libraries
#   $V4V6_CACHE/arm64/rootfs/            the guest's userspace
#
# Idempotent: what is unpacked is not fetched again.
set -euo pipefail

abi=$1
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
A=$CACHE/arm64
kver=$abi-arm64

# The kernel packages must be the host headers' own version (the guest runs
# the kernel the module is built against).
kpkgver=$(dpkg-query -W -f='${Version}' "linux-headers-$abi-amd64")

SYSROOT_PKGS=(
	libc6 libc6-dev linux-libc-dev libcrypt1 libcrypt-dev libgcc-s1
	libmnl0 libmnl-dev libjson-c5 libjson-c-dev
	libnl-3-200 libnl-3-dev libnl-genl-3-200 libnl-genl-3-dev
	libnl-route-3-200 libnl-route-3-dev libcmocka0 libcmocka-dev
)
# The guest's userspace: busybox for the basics, bash for the test script,
# iproute2 (network namespaces, veth, macvlan) and its libraries, socat (the
# TCP transfers), jool-tools (the PLAT's jool), and the libraries of v4v6ctl
# and v4v6d.
ROOTFS_PKGS=(
	libc6 libgcc-s1 busybox-static bash libtinfo6
	iproute2 libbpf1 libelf1 zlib1g libbsd0 libmd0 libcap2 libdb5.3
	libselinux1 libpcre2-8-0 libtirpc3 libgssapi-krb5-2 libkrb5-3
	libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1 libssl3
	libxtables12 libmnl0 libjson-c5 libnl-3-200 libnl-genl-3-200
	libnl-route-3-200 jool-tools socat libwrap0 libnsl2
)

apt_opts=(
	-o "Dir::Etc::SourceList=$A/apt/sources.list"
	-o "Dir::Etc::SourceParts=$A/apt/empty"
	-o "Dir::Etc::Preferences=$A/apt/preferences"
	-o "Dir::Etc::PreferencesParts=$A/apt/empty"
	-o "Dir::State=$A/apt/state"
	-o "Dir::State::status=$A/apt/status"
	-o "Dir::Cache=$A/apt/cache"
	-o APT::Architecture=arm64
	-o APT::Architectures::=arm64
	-o Debug::NoLocking=1
	-o APT::Sandbox::User=root
)

apt_setup() {
	[ ! -e "$A/apt/.done" ] || return 0
	local k=/usr/share/keyrings/debian-archive-keyring.gpg
	mkdir -p "$A/apt/state/lists/partial" "$A/apt/cache/archives/partial" "$A/apt/empty"
	: > "$A/apt/status"
	: > "$A/apt/preferences"
	{
		echo "deb [arch=arm64 signed-by=$k] http://deb.debian.org/debian bookworm main"
		echo "deb [arch=arm64 signed-by=$k] http://deb.debian.org/debian bookworm-updates main"
		echo "deb [arch=arm64 signed-by=$k] http://deb.debian.org/debian-security bookworm-security main"
	} > "$A/apt/sources.list"
	apt-get "${apt_opts[@]}" update -q >&2
	touch "$A/apt/.done"
}

# deb_of PKG[=VERSION]: its .deb in $A/debs (the newest one without VERSION)
deb_of() {
	local name=${1%%=*} ver='*'
	[ "$name" = "$1" ] || ver=${1#*=}
	find "$A/debs" -maxdepth 1 -name "${name}_${ver/:/%3a}_*.deb" | sort -V | tail -n 1
}

# fetch PKG[=VERSION]...: each package's .deb in $A/debs (downloaded once;
# the lists are refreshed once if a package is not found in them)
fetch() {
	local p need=()
	mkdir -p "$A/debs"
	for p in "$@"; do
		[ -n "$(deb_of "$p")" ] || need+=("$p")
	done
	[ ${#need[@]} -gt 0 ] || return 0
	apt_setup
	echo "deps-arm64: downloading ${need[*]}" >&2
	(cd "$A/debs" && apt-get "${apt_opts[@]}" download -q "${need[@]}" >&2) || {
		apt-get "${apt_opts[@]}" update -q >&2
		(cd "$A/debs" && apt-get "${apt_opts[@]}" download -q "${need[@]}" >&2)
	}
}

# unpack DIR PKG...: the packages' files under DIR (emptied first)
unpack() {
	local dir=$1 p f
	shift
	rm -rf "$dir" && mkdir -p "$dir"
	for p in "$@"; do
		f=$(deb_of "$p")
		[ -n "$f" ] || { echo "deps-arm64: no .deb of $p" >&2; exit 1; }
		dpkg-deb -x "$f" "$dir"
	done
}

# The headers: the arm64 tree includes the common one by its absolute path
# and finds scripts/ through ../../lib/linux-kbuild-6.1, which becomes the
# host's own (amd64) kbuild helpers: they only run on the host.
h=$A/headers/$kver
if [ ! -e "$h/.done" ]; then
	echo "deps-arm64: unpacking linux-headers-$kver" >&2
	fetch "linux-headers-$kver=$kpkgver" "linux-headers-$abi-common=$kpkgver"
	unpack "$h/root" "linux-headers-$kver=$kpkgver" "linux-headers-$abi-common=$kpkgver"
	mkdir -p "$h/root/usr/lib"
	ln -s /usr/lib/linux-kbuild-6.1 "$h/root/usr/lib/linux-kbuild-6.1"
	sed -i "s|^include /usr/src/|include $h/root/usr/src/|" \
		"$h/root/usr/src/linux-headers-$kver/Makefile"
	grep -q "^include $h/root/usr/src/linux-headers-$abi-common/Makefile" \
		"$h/root/usr/src/linux-headers-$kver/Makefile" ||
		{ echo "deps-arm64: unexpected linux-headers-$kver/Makefile" >&2; exit 1; }
	touch "$h/.done"
fi

g=$A/guest/$kver
if [ ! -e "$g/.done" ]; then
	echo "deps-arm64: unpacking linux-image-$kver" >&2
	fetch "linux-image-$kver=$kpkgver"
	unpack "$g/root" "linux-image-$kver=$kpkgver"
	depmod -b "$g/root" "$kver"
	touch "$g/.done"
fi

# The lists are kept with the unpacked trees: a list that changes unpacks
# them again.
sums=$(printf '%s\n' "${SYSROOT_PKGS[@]}" | md5sum | cut -c1-8)
if [ "$(cat "$A/sysroot/.done" 2> /dev/null)" != "$sums" ]; then
	echo "deps-arm64: unpacking the sysroot" >&2
	fetch "${SYSROOT_PKGS[@]}"
	unpack "$A/sysroot" "${SYSROOT_PKGS[@]}"
	echo "$sums" > "$A/sysroot/.done"
fi

sums=$(printf '%s\n' "${ROOTFS_PKGS[@]}" | md5sum | cut -c1-8)
if [ "$(cat "$A/rootfs/.done" 2> /dev/null)" != "$sums" ]; then
	echo "deps-arm64: unpacking the guest's userspace" >&2
	fetch "${ROOTFS_PKGS[@]}"
	unpack "$A/rootfs" "${ROOTFS_PKGS[@]}"
	# What the guest leaves out: documentation, locales, man pages.
	rm -rf "$A/rootfs/usr/share/doc" "$A/rootfs/usr/share/man" \
		"$A/rootfs/usr/share/locale" "$A/rootfs/usr/share/info"
	echo "$sums" > "$A/rootfs/.done"
fi
echo "deps-arm64: ok (arm64 kernel $kver)" >&2

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything v4v6's build, tests and demo need on Debian 12 (bookworm).
# Idempotent: a second run with everything present does no network access.
#
#   scripts/deps.sh [arm64]
#
# "arm64" adds what the arm64 smoke test needs (tests/arm64/): the cross
# compiler and qemu-system-aarch64 on the host, and Debian's arm64 kernel,
# headers and libraries unpacked into the cache (scripts/deps-arm64.sh).
#
# Host packages are installed with apt. Things that must not be installed on
# the host (the guest kernel image, jool-dkms, whose postinst would build for
# the host's own kernel) are downloaded and unpacked into the cache instead:
#   $V4V6_CACHE/guest/<kver>/   vmlinuz + modules of the stock guest kernel
#   $V4V6_CACHE/debs/           downloaded .debs (dkms's too: tests/deb
#                               installs it into a throwaway root)
#   $V4V6_CACHE/s390x/busybox/  busybox-static:s390x for the s390x KUnit
#                               guest (make kunit-s390x); apt's s390x package
#                               lists are kept in $V4V6_CACHE/apt-s390x, so
#                               the host's dpkg gets no foreign architecture
# Guest kernels of other suites (trixie, sid) are unpacked beside it by
# scripts/guest-kernel.sh SUITE, which this script does not run.
set -euo pipefail

CACHE=${V4V6_CACHE:-/var/cache/v4v6}

PKGS=(
	# build: module, tools, KUnit kernel
	build-essential bc bison flex libelf-dev libssl-dev kmod cpio xz-utils
	zstd rsync pkg-config python3 sparse linux-headers-amd64 linux-source-6.1
	# the netlink spec's check (make lint) and the kernel's ynl (e2e)
	python3-yaml python3-jsonschema
	libmnl-dev libnl-genl-3-dev libnl-route-3-dev libjson-c-dev
	# the chroots that build the module for other kernels and architectures
	# (scripts/suite.sh, scripts/build-matrix.sh)
	mmdebstrap
	# tests; libFuzzer and the sanitizers' runtimes, llvm-cov and
	# llvm-profdata for the translator's coverage (make fuzz-coverage)
	libcmocka-dev clang libclang-rt-14-dev llvm-14 qemu-system-x86
	busybox-static
	# KUnit on big-endian s390x (make kunit-s390x): cross compiler, QEMU
	gcc-s390x-linux-gnu qemu-system-misc
	# inside the guest (it runs the host's userspace read-only over 9p)
	iproute2 iputils-ping traceroute nftables conntrack tcpdump iperf3
	netcat-openbsd socat ethtool python3-scapy kea-dhcp6-server radvd
	isc-dhcp-client dnsmasq-base jool-tools procps psmisc
	# the PLAT where Jool does not build for the guest's kernel
	tayga
	# the Debian packages (tests/deb): their build and lintian; patch for
	# dkms, which is not installed here but in the test's throwaway root
	debhelper dh-dkms lintian patch
)
ARM64_PKGS=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-system-arm)
arm64=
case ${1:-} in
'') ;;
arm64) arm64=1; PKGS+=("${ARM64_PKGS[@]}") ;;
*) echo "usage: scripts/deps.sh [arm64]" >&2; exit 2 ;;
esac

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	echo "deps: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	# Daemons from these packages (kea, radvd, dnsmasq) only run inside the
	# test guest: keep the package scripts from starting them on the host.
	policy=/usr/sbin/policy-rc.d
	own_policy=
	if [ ! -e $policy ]; then
		printf '#!/bin/sh\nexit 101\n' > $policy
		chmod +x $policy
		own_policy=1
	fi
	apt-get install -y -q --no-install-recommends "${missing[@]}"
	[ -z "$own_policy" ] || rm -f $policy
fi

# The guest's stock kernel: the image matching the newest installed headers.
hdr=$(find /usr/src -maxdepth 1 -name 'linux-headers-*-amd64' -printf '%f\n' |
	sed 's/^linux-headers-//' | sort -V | tail -n 1)
[ -n "$hdr" ] || { echo "deps: no linux-headers-*-amd64 installed" >&2; exit 1; }

fetch_deb() { # package -> path of the .deb in the cache
	local pkg=$1 f
	mkdir -p "$CACHE/debs"
	f=$(find "$CACHE/debs" -maxdepth 1 -name "${pkg}_*.deb" | sort -V | tail -n 1)
	if [ -z "$f" ]; then
		(cd "$CACHE/debs" && apt-get download -q "$pkg" >&2) || {
			apt-get update -q >&2
			(cd "$CACHE/debs" && apt-get download -q "$pkg" >&2)
		}
		f=$(find "$CACHE/debs" -maxdepth 1 -name "${pkg}_*.deb" | sort -V | tail -n 1)
	fi
	echo "$f"
}

guest=$CACHE/guest/$hdr
# unpack_once DIR WHAT FETCH...: the .deb the command FETCH... prints,
# unpacked into DIR/root unless DIR/.done says it already is
unpack_once() {
	local dir=$1 what=$2 deb
	shift 2
	[ ! -e "$dir/.done" ] || return 0
	echo "deps: unpacking $what"
	deb=$("$@")
	rm -rf "$dir" && mkdir -p "$dir/root"
	dpkg-deb -x "$deb" "$dir/root"
	touch "$dir/.done"
}

unpack_once "$guest" "guest kernel $hdr" fetch_deb "linux-image-$hdr"
unpack_once "$CACHE/jool" "jool-dkms source" fetch_deb jool-dkms
# dkms, for tests/deb's throwaway root only
fetch_deb dkms > /dev/null

# busybox for s390x, with apt's own state for that architecture.
fetch_s390x_deb() { # package -> path of the .deb in the cache
	local pkg=$1 f d=$CACHE/apt-s390x opts
	opts=(-o APT::Architecture=s390x -o APT::Architectures::=s390x
		-o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache"
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache=)
	mkdir -p "$CACHE/debs" "$d/lists/partial" "$d/cache/archives/partial"
	f=$(find "$CACHE/debs" -maxdepth 1 -name "${pkg}_*_s390x.deb" | sort -V | tail -n 1)
	if [ -z "$f" ]; then
		apt-get -q "${opts[@]}" update >&2
		(cd "$CACHE/debs" && apt-get -q "${opts[@]}" download "$pkg:s390x" >&2)
		f=$(find "$CACHE/debs" -maxdepth 1 -name "${pkg}_*_s390x.deb" | sort -V | tail -n 1)
	fi
	echo "$f"
}

unpack_once "$CACHE/s390x/busybox" "busybox-static for s390x" \
	fetch_s390x_deb busybox-static

if [ ! -e /usr/src/linux-source-6.1.tar.xz ]; then
	echo "deps: linux-source-6.1 tarball missing" >&2
	exit 1
fi
if [ -n "$arm64" ]; then
	bash "$(dirname "$0")/deps-arm64.sh" "${hdr%-amd64}"
fi
echo "deps: ok (guest kernel $hdr)"

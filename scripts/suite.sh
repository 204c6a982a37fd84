#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A Debian chroot per suite with the toolchain and the kernel headers to
# build the module for amd64, arm64 and s390x, without touching the host's
# packages or its /etc/apt (mmdebstrap has its own apt configuration).
#
#   scripts/suite.sh SUITE               create $V4V6_CACHE/chroot/SUITE once
#   scripts/suite.sh SUITE headers       list "ARCH KVER KDIR" of its headers
#   scripts/suite.sh SUITE run DIR CMD.. run CMD in the chroot with DIR
#                                        bind-mounted at /src (cwd)
#
# SUITE is bookworm (6.1), trixie (6.12) or sid (the newest), from the
# suite's main archive only (the kernel of its last point release). Once
# created, a chroot is used as it is: nothing here goes to the network
# again. Remove the directory to start over.
set -euo pipefail

CACHE=${V4V6_CACHE:-/var/cache/v4v6}
MIRROR=${V4V6_MIRROR:-http://deb.debian.org/debian}
suite=${1:?usage: suite.sh SUITE [headers | run DIR CMD...]}
shift
root=$CACHE/chroot/$suite

# The architectures besides amd64, with their cross compilers in PKGS.
FOREIGN=(arm64 s390x)

# The version in a headers package's name: 6.1.0-57, 6.12.117+deb13; not
# the flavours (rt, cloud).
KVER='[0-9][0-9.]*(-[0-9]+|\+deb[0-9]+)'

PKGS=(build-essential make bc bison flex libelf-dev libssl-dev kmod sparse
	linux-headers-amd64 gcc-aarch64-linux-gnu gcc-s390x-linux-gnu)

# in_root CMD...: CMD in the chroot, in a mount namespace of its own so that
# /proc and the bind mount go away with it, whatever way it ends.
in_root() {
	local src=${SRC:-}
	# shellcheck disable=SC2016 # expanded by the inner shell
	unshare --mount --propagation private -- /bin/bash -euc '
		root=$1 src=$2
		shift 2
		mount -t proc proc "$root/proc"
		if [ -n "$src" ]; then
			mkdir -p "$root/src"
			mount --bind "$src" "$root/src"
		fi
		exec chroot "$root" /usr/bin/env -i HOME=/root LC_ALL=C.UTF-8 \
			PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"
	' bash "$root" "$src" "$@"
}

# The headers of a foreign architecture, unpacked: installing them would
# bring that architecture's gcc and kernel image, which would replace the
# native compiler. They run the scripts of the host-arch linux-kbuild
# package of their version and include the -common headers of that version,
# installed here if the native headers did not bring them. The newest
# version first; an older one if the mirror lacks its file.
foreign_headers() {
	local arch=$1 pkg deb
	ls "$root"/var/lib/apt/lists/*_Packages > /dev/null 2>&1 ||
		in_root apt-get update -q
	for pkg in $(in_root apt-cache pkgnames linux-headers- |
		     grep -E "^linux-headers-$KVER-$arch\$" | sort -rV); do
		rm -rf "$root/tmp/debs" && mkdir -m 777 "$root/tmp/debs"
		in_root sh -c "cd /tmp/debs && apt-get download -q $pkg:$arch" ||
			continue
		# Only its /usr/src: unpacked over the root, its ./lib would
		# replace the merged-/usr symbolic link.
		echo "suite: unpacking $pkg:$arch"
		deb=$(echo "$root"/tmp/debs/*.deb)
		dpkg-deb -x "$deb" "$root/tmp/debs/x"
		cp -a "$root/tmp/debs/x/usr/src/." "$root/usr/src/"
		# shellcheck disable=SC2046 # one word per package
		in_root apt-get install -y -q --no-install-recommends \
			$(dpkg-deb -f "$deb" Depends | tr ',' '\n' |
			  sed -n 's/^ *\(linux-kbuild-[^ ]*\|linux-headers-[^ ]*-common\).*/\1/p')
		rm -rf "$root/tmp/debs"
		return
	done
	echo "suite: no linux-headers for $arch" >&2
	exit 1
}

# Acquire::Check-Valid-Until: sid's Release file is only valid for a week,
# and the archive may be a mirror a little behind (the signature is still
# checked).
base() {
	command -v mmdebstrap > /dev/null || {
		echo "suite: mmdebstrap missing (scripts/deps.sh installs it)" >&2
		exit 1
	}
	rm -rf "$root" && mkdir -p "$root"
	echo "suite: creating $suite in $root"
	mmdebstrap --variant=apt --architectures=amd64,arm64,s390x \
		--include="$(IFS=,; echo "${PKGS[*]}")" \
		--skip=cleanup/apt/lists \
		--aptopt='Acquire::Languages "none"' \
		--aptopt='Acquire::Check-Valid-Until "false"' \
		--dpkgopt='path-exclude=/usr/share/doc/*' \
		--dpkgopt='path-exclude=/usr/share/man/*' \
		--dpkgopt='path-exclude=/usr/share/locale/*' \
		"$suite" "$root" "$MIRROR"
	touch "$root/.base"
}

create() {
	local start=$SECONDS arch
	[ -e "$root/.base" ] || base
	for arch in "${FOREIGN[@]}"; do
		[ -e "$root/.headers-$arch" ] || foreign_headers "$arch"
		touch "$root/.headers-$arch"
	done
	in_root apt-get clean
	touch "$root/.done"
	echo "suite: $suite ready in $((SECONDS - start))s"
}

# headers: "ARCH KVER KDIR" for each architecture's newest headers.
headers() {
	local arch dir
	for arch in amd64 arm64 s390x; do
		dir=$(find "$root/usr/src" -maxdepth 1 -printf '%f\n' |
			grep -E "^linux-headers-$KVER-$arch\$" | sort -V | tail -n 1)
		[ -n "$dir" ] || continue
		dir=${dir#linux-headers-}
		echo "$arch ${dir%-"$arch"} /usr/src/linux-headers-$dir"
	done
}

if [ ! -e "$root/.done" ]; then
	create
fi

case ${1:-} in
'') ;;
headers) headers ;;
run)
	SRC=$(cd "${2:?run DIR CMD...}" && pwd)
	shift 2
	SRC=$SRC in_root /bin/sh -c 'cd /src && exec "$@"' sh "$@"
	;;
*)
	echo "usage: suite.sh SUITE [headers | run DIR CMD...]" >&2
	exit 1
	;;
esac

#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# v4v6-dkms on another Debian suite's kernel, with that suite's own dkms:
# in a throwaway overlay of the suite's chroot (scripts/suite.sh, created
# if missing; a tmpfs takes the writes), apt installs ./v4v6-dkms_*.deb as
# a user would, which brings the suite's dkms from its archive (the
# network), then "dkms install" builds and installs the module for the
# suite's amd64 kernel. Prints "deb-SUITE: N passed, N failed".
#
#   tests/deb/suite.sh SUITE [DEB]
#
# SUITE: bookworm, trixie or sid (scripts/suite.sh). DEB: the package
# (default out/deb/v4v6-dkms_*.deb, made by make deb).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${V4V6_CACHE:-/var/cache/v4v6}
suite=${1:?usage: tests/deb/suite.sh SUITE [DEB]}
deb=${2:-$(find "$top/out/deb" -maxdepth 1 -name 'v4v6-dkms_*.deb' | head -n 1)}
[ -f "$deb" ] || { echo "deb-$suite: no v4v6-dkms .deb: make deb" >&2; exit 2; }
bash "$top/scripts/suite.sh" "$suite" > /dev/null || exit 1
kver=$(bash "$top/scripts/suite.sh" "$suite" headers | awk '$1 == "amd64" { print $2 "-amd64" }')
[ -n "$kver" ] || { echo "deb-$suite: no amd64 headers in the chroot" >&2; exit 1; }

# (in mount namespace of its own: the overlay and its tmpfs go with it)
# shellcheck disable=SC2016 # expanded by the inner shell
nice -n 5 unshare --mount --propagation private -- /bin/bash -uc '
	lower=$1 deb=$2 kver=$3 suite=$4
	p=0 f=0
	t=$(mktemp -d)
	mount -t tmpfs -o mode=0755 tmpfs "$t"
	mkdir "$t/upper" "$t/work" "$t/root"
	r=$t/root
	mount -t overlay overlay -o "lowerdir=$lower,upperdir=$t/upper,workdir=$t/work" "$r"
	mount -t proc proc "$r/proc"
	mount --bind /dev "$r/dev"
	mount -t tmpfs tmpfs "$r/run"
	mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
	cp /etc/resolv.conf "$r/etc/resolv.conf"
	cp "$deb" "$r/tmp/"
	in_root() {
		chroot "$r" /usr/bin/env -i HOME=/root LC_ALL=C.UTF-8 \
			PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive "$@"
	}
	check() {
		local what=$1 log
		shift
		if log=$(in_root "$@" 2>&1); then
			p=$((p + 1)); echo "deb-$suite: PASS $what"
			# (what dkms or the build warned about, as the user sees it)
			echo "$log" | grep -iE "warn|deprecat|obsolete" | sed "s/^/    | /"
		else
			f=$((f + 1)); echo "deb-$suite: FAIL $what"
			echo "$log" | tail -n 30 | sed "s/^/    | /"
		fi
	}
	check "apt install ./$(basename "$deb") (and the suite'"'"'s dkms)" sh -c \
		"apt-get install -y -q --no-install-recommends /tmp/$(basename "$deb")"
	in_root dkms --version | sed "s/^/deb-$suite: /"
	# (dkms'"'"'s postinst may have built it already: for the kernels of
	# the root, or only the running one)
	check "dkms install v4v6 for $kver" sh -c \
		"v=\$(dpkg-query -W -f=\"\\\${Version}\" v4v6-dkms)
		 dkms status -m v4v6 -v \$v -k $kver | grep -q installed ||
			dkms install v4v6/\$v -k $kver || exit 1
		 ko=\$(find /lib/modules/$kver -name \"v4v6.ko*\" | head -n 1)
		 echo \$ko; modinfo -F vermagic \$ko | grep \"^$kver \""
	in_root sh -c "for m in \$(find /lib/modules/ -name \"v4v6.ko*\"); do
		echo \$m: \$(modinfo -F vermagic \$m); done" | sed "s/^/deb-$suite: /"
	check "apt purge v4v6-dkms: no module left" sh -c \
		"apt-get purge -y -q v4v6-dkms &&
		 ! find /lib/modules/$kver -name \"v4v6.ko*\" | grep -q ."
	echo "deb-$suite: $p passed, $f failed"
	[ $f -eq 0 ]
' bash "$CACHE/chroot/$suite" "$(realpath "$deb")" "$kver" "$suite"

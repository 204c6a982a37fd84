#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# openwrt/v4v6/Makefile against OpenWrt's conventions for out-of-tree
# kernel modules and packages (as kmod-jool-netfilter and kmod-nat46 are
# made), without the SDK: its text, then GNU make reading it with the
# STAND-IN SDK of tests/openwrt/sdk/ (the fields of each package, its
# Build/Prepare run, Build/Compile's commands, its install recipes run).
# Prints one line per failed assertion; exits 1 if any.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
pkg=$top/openwrt/v4v6
mk=$pkg/Makefile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

no() { echo "makefile: $*"; failed=1; }
# want TEXT ERE WHY
want() { grep -qE -- "$2" <<< "$1" || no "$3 (no /$2/)"; }

text=$(cat "$mk")
for inc in 'include \$\(TOPDIR\)/rules.mk' 'include \$\(INCLUDE_DIR\)/kernel.mk' \
	   'include \$\(INCLUDE_DIR\)/package.mk'; do
	want "$text" "^$inc$" "includes"
done
want "$text" '^PKG_NAME:=v4v6$' "PKG_NAME"
ver=$(sed -n 's/^PKG_VERSION:=//p' "$mk")
dkms=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
[ "$ver" = "$dkms" ] || no "PKG_VERSION $ver is not dkms.conf's $dkms"
# apk: digits and dots (a letter, _suffixes and ~hash aside, unused here)
grep -qE '^[0-9]+(\.[0-9]+)*$' <<< "$ver" || no "PKG_VERSION $ver: not apk's"
grep -qE '^PKG_RELEASE:=[0-9]+$' "$mk" || no "PKG_RELEASE: apk takes an integer"
want "$text" '^PKG_LICENSE:=GPL-2.0' "PKG_LICENSE"
want "$text" '^PKG_BUILD_DIR:=\$\(KERNEL_BUILD_DIR\)/' "per-kernel PKG_BUILD_DIR"
want "$text" '^define KernelPackage/v4v6$' "KernelPackage/v4v6"
# shellcheck disable=SC2016 # make's $(...), not the shell's
want "$text" '^\s+\+?\$\(KERNEL_MAKE\) M="\$\(PKG_BUILD_DIR\)" modules$' \
	'the module built with $(KERNEL_MAKE) M=...'
want "$text" 'STATE_FILE=/etc/v4v6/state.json' "the state on flash"
want "$text" '^define Package/v4v6d/prerm$' "v4v6d's prerm"
want "$text" '/usr/sbin/v4v6d -R -c /var/etc/v4v6d.conf' "the prerm releases (v4v6d -R)"
for p in 'KernelPackage,v4v6' 'BuildPackage,v4v6d' 'BuildPackage,v4v6ctl'; do
	want "$text" "^\\\$\\(eval \\\$\\(call $p\\)\\)$" "eval of $p"
done
for f in v4v6.init v4v6.config v4v6.keep; do
	[ -f "$pkg/files/$f" ] || no "files/$f missing"
done
[ "$(head -n 1 "$pkg/files/v4v6.init")" = '#!/bin/sh /etc/rc.common' ] ||
	no "files/v4v6.init: not an rc.common script"
for w in 'USE_PROCD=1' 'procd_add_reload_trigger "v4v6"' \
	 'procd_set_param respawn' 'procd_add_reload_interface_trigger'; do
	grep -qF -- "$w" "$pkg/files/v4v6.init" || no "files/v4v6.init: no $w"
done
start=$(sed -n 's/^START=//p' "$pkg/files/v4v6.init")
[ "${start:-0}" -gt 20 ] || no "START=$start: not after network (20)"

# GNU make reads it with the stand-in SDK.
sdk=(TOPDIR="$here/sdk" INCLUDE_DIR="$here/sdk" KERNEL_BUILD_DIR="$work/build")
if ! fields=$(make -s -C "$pkg" "${sdk[@]}" fields 2>&1); then
	no "make cannot read it:"; echo "$fields"; exit 1
fi
# field PACKAGE NAME: that field of that package
field() {
	awk -v p="package $1" -v f="$2=" '
		$0 == p { on = 1; next } /^package / { on = 0 }
		on && index($0, f) == 1 { print substr($0, length(f) + 1) }' <<< "$fields"
}
build=$work/build/v4v6-$ver
[ "$(field kmod-v4v6 FILES)" = "$build/kmod/v4v6.ko" ] ||
	no "kmod-v4v6 FILES: $(field kmod-v4v6 FILES)"
want "$(field kmod-v4v6 AUTOLOAD)" '^auto(probe|load)\(v4v6\)$' "kmod-v4v6 AUTOLOAD"
want "$(field kmod-v4v6 DEPENDS)" '\+kmod-nf-conntrack' "kmod-v4v6 needs conntrack"
[ -n "$(field kmod-v4v6 TITLE)" ] || no "kmod-v4v6 TITLE"
# The libraries each program links (tools/Makefile's pkg-config names:
# PKGS v4v6ctl's, D_PKGS v4v6d's), as OpenWrt names their packages.
owrt() {
	case "$1" in
	libmnl) echo libmnl ;;
	json-c) echo libjson-c ;;
	libnl-genl-3.0) echo libnl-genl ;;
	libnl-route-3.0) echo libnl-route ;;
	*) echo "UNKNOWN($1)" ;;
	esac
}
for p in "v4v6ctl PKGS" "v4v6d D_PKGS"; do
	# shellcheck disable=SC2086 # program and variable
	set -- $p
	deps=" $(field "$1" DEPENDS) "
	# shellcheck disable=SC2013 # the variable's words
	for lib in $(sed -n "s/^$2 := //p" "$top/tools/Makefile"); do
		[[ $deps == *" +$(owrt "$lib") "* ]] ||
			no "$1 DEPENDS lacks +$(owrt "$lib") ($lib, tools/Makefile $2)"
	done
	[[ $deps == *" +kmod-v4v6 "* ]] || no "$1 DEPENDS lacks +kmod-v4v6"
	[ -n "$(field "$1" TITLE)" ] || no "$1 TITLE"
done
[[ " $(field v4v6d DEPENDS) " == *" +kmod-macvlan "* ]] ||
	no "v4v6d DEPENDS lacks +kmod-macvlan (identities are macvlans)"
[ "$(field v4v6d conffiles)" = /etc/config/v4v6 ] || no "v4v6d conffiles"
# Where the module comes out: the top Kbuild descends into kmod/.
if ! grep -q '^obj-m += kmod/$' "$top/Kbuild" ||
   ! grep -q '^obj-m := v4v6.o$' "$top/kmod/Kbuild"; then
	no "Kbuild: v4v6.ko is not kmod/v4v6.ko any more"
fi

# Build/Prepare copies the source; Build/Compile's commands.
if ! out=$(make -s -C "$pkg" "${sdk[@]}" prepare 2>&1); then
	no "Build/Prepare failed:"; echo "$out"
fi
for f in Kbuild kmod/Kbuild kmod/main.c uapi/linux/v4v6.h tools/Makefile \
	 tools/v4v6d/main.c tools/lib/parse.c; do
	[ -f "$build/$f" ] || no "Build/Prepare: no $f"
done
[ ! -e "$build/tools/build" ] || no "Build/Prepare copied tools/build"
out=$(make -s -C "$pkg" "${sdk[@]}" MAKE="echo MAKE" compile 2>&1)
want "$out" "^KERNEL_MAKE M=$build modules$" "Build/Compile: the module"
want "$out" "^MAKE -C $build/tools CC=cc STATE_FILE=/etc/v4v6/state.json WERROR= all$" \
	"Build/Compile: the tools"

# The install recipes, into a throwaway root.
mkdir -p "$build/tools/build"
touch "$build/tools/build/v4v6d" "$build/tools/build/v4v6ctl"
for p in v4v6d v4v6ctl; do
	make -s -C "$pkg" "${sdk[@]}" DEST="$work/$p" "install-$p" > /dev/null ||
		no "Package/$p/install failed"
done
for f in v4v6d/usr/sbin/v4v6d v4v6d/etc/init.d/v4v6 v4v6ctl/usr/sbin/v4v6ctl; do
	[ -x "$work/$f" ] || no "install: no executable $f"
done
for f in v4v6d/etc/config/v4v6 v4v6d/lib/upgrade/keep.d/v4v6; do
	[ -f "$work/$f" ] || no "install: no $f"
done
grep -qx /etc/v4v6/ "$work/v4v6d/lib/upgrade/keep.d/v4v6" ||
	no "sysupgrade does not keep /etc/v4v6/ (the state)"

[ "$failed" = 0 ] && echo "makefile: kmod-v4v6 v4v6d v4v6ctl as OpenWrt makes them"
exit "$failed"

#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# v4v6ctl and v4v6d share the tools library (lib/) and nothing else: neither
# links a source of the other, the library links neither, and no object
# includes a header of the program it is not part of (the compiler's
# dependency files, OBJDIR/*/*.d, say what each object really included).
#
#   tests/layering.sh OBJDIR "CTL_SRCS" "D_SRCS" "LIB_SRCS"

objdir=$1 ctl=$2 d=$3 lib=$4
fail=0
no() { fail=1; echo "layering: FAIL $*"; }

# A list of sources must hold only files of the directories allowed.
only() {
	name=$1 allowed=$2
	shift 2
	for src in "$@"; do
		case ${src%/*} in
		"$allowed") ;;
		*) no "$name links $src" ;;
		esac
	done
}
# shellcheck disable=SC2086 # the lists are words
only v4v6ctl v4v6ctl $ctl
# shellcheck disable=SC2086
only v4v6d v4v6d $d
# shellcheck disable=SC2086
only "the library" lib $lib

# What the objects of @dir included from @other: none.
includes() {
	dir=$1 other=$2
	set -- "$objdir/$dir"/*.d
	[ -e "$1" ] || { no "no dependency files in $objdir/$dir"; return; }
	for f in "$@"; do
		grep -Eq "(^|[ /])$other/" "$f" &&
			no "${f##*/}: $dir includes $(grep -Eo "[^ ]*$other/[^ ]*" "$f" | sort -u | tr '\n' ' ')"
	done
}
includes v4v6ctl v4v6d
includes v4v6d v4v6ctl
includes lib v4v6ctl
includes lib v4v6d

[ $fail = 0 ] && echo "layering: v4v6ctl, v4v6d and lib/ apart"
exit $fail

# SPDX-License-Identifier: GPL-2.0
#
# Sourced by kernel.sh and run.sh: their options, --arch x86_64|s390x and
# --suite SUITE, into $arch and $suite, and the kernel make arguments of
# that architecture into $kmake.
arch=x86_64 suite=bookworm
while [ $# -gt 0 ]; do
	case $1 in
	--arch) arch=${2:-} && shift ;;
	--suite) suite=${2:-} && shift ;;
	*) echo "usage: $(basename "$0") [--arch x86_64|s390x] [--suite SUITE]" >&2; exit 2 ;;
	esac
	shift
done
case $arch in
x86_64) kmake=() ;;
s390x) kmake=(ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-) ;;
*) echo "kunit: unknown architecture '$arch' (x86_64 or s390x)" >&2; exit 2 ;;
esac

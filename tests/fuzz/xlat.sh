#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Runs the translator fuzzers (tests/fuzz/Makefile calls it).
#
#   xlat.sh run SECONDS BUILD
#	seeds exported from the KUnit suite and the regression seeds, then
#	fuzz_xlat46 and fuzz_xlat64 for SECONDS each from them (the seeds
#	first); prints "xlatfuzz: N passed, N failed"
#	(the exporter counts as one test, each target as one)
#   xlat.sh long SECONDS BUILD CORPUS CRASHES
#	the same, the corpus kept in CORPUS/46 and CORPUS/64 (new inputs
#	added), crashes saved in CRASHES
#   xlat.sh coverage BUILD CORPUS LLVM_PROFDATA LLVM_COV
#	the coverage build replays CORPUS/46, CORPUS/64 (if there) and the
#	seeds; llvm-cov's report for kmod/xlat*.c, icmp.c and addr.c, the
#	annotated sources in BUILD/cov/show.txt
#
# A crash, a leak, a sanitizer report or an oracle violation fails a
# target; the input that caused it is named. FUZZ_FLAGS adds libFuzzer
# flags (e.g. "-fork=2 -ignore_crashes=1" to go on past crashes).
set -u

mode=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
failed=0

count() { find "$1" -maxdepth 1 -type f | wc -l; }

export_seeds() { # BUILD -> $tmp/seeds
	if "$1/export_seeds" "$tmp/seeds" > "$tmp/export.log" 2>&1; then
		sed 's/^/  /' "$tmp/export.log" | grep -v '^  *#' | tail -n 2
		pass=$((pass + 1))
	else
		echo "FAIL: xlatfuzz: export_seeds"
		tail -n 60 "$tmp/export.log"
		failed=$((failed + 1))
		mkdir -p "$tmp/seeds/46" "$tmp/seeds/64"
	fi
}

# fuzz NAME BIN SECONDS ARTIFACT_PREFIX CORPUS...
# Fails if libFuzzer does, or if it saved an input (with -fork and
# -ignore_crashes it carries on and exits 0).
fuzz() {
	fz_name=$1 fz_bin=$2 fz_secs=$3 fz_art=$4
	shift 4
	touch "$tmp/stamp"
	# shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
	"$fz_bin" -max_total_time="$fz_secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=10240 -print_final_stats=1 -artifact_prefix="$fz_art" \
		${FUZZ_FLAGS:-} "$@" > "$tmp/$fz_name.log" 2>&1
	rc=$?
	saved=$(find "$(dirname "$fz_art")" -maxdepth 1 -type f \
		-name "$(basename "$fz_art")*" -newer "$tmp/stamp" | sort)
	# -print_final_stats' count, or (-fork) the last progress line's
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$fz_name.log" | tail -n 1)
	[ -n "$runs" ] || runs=$(sed -n 's/^#\([0-9]*\).*cov: .*/\1/p' "$tmp/$fz_name.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$tmp/$fz_name.log" | tail -n 1)
	if [ "$rc" -eq 0 ] && [ -z "$saved" ]; then
		echo "  $fz_name: ${runs:-?} runs in ${fz_secs}s, $cov, corpus $(count "$1")"
		pass=$((pass + 1))
		return
	fi
	echo "FAIL: xlatfuzz: $fz_name (exit $rc)"
	if [ -n "$saved" ]; then
		# What the first saved input does, replayed.
		"$fz_bin" "$(echo "$saved" | head -n 1)" 2>&1 |
			grep -v '^INFO:\|^Running\|^Executed\|^\*\*\*\|fuzzer::\|libc\|_start \|libFuzzer has\|Combine libFuzzer' |
			head -n 40
	else
		grep -v '^#[0-9]\|^INFO:\|^\[\|NEW_FUNC' "$tmp/$fz_name.log" | tail -n 60
	fi
	for f in ${saved:-"(none)"}; do
		echo "FAIL: xlatfuzz: $fz_name: input saved as $f"
	done
	echo "  reproduce: $fz_bin INPUT"
	failed=$((failed + 1))
}

case $mode in
run)
	secs=$1 b=$(cd "$2" && pwd)
	crashdir=$b/crashes
	mkdir -p "$crashdir"
	export_seeds "$b"
	for d in 46 64; do
		mkdir -p "$tmp/corpus$d"
		fuzz "fuzz_xlat$d" "$b/fuzz_xlat$d" "$secs" "$crashdir/fuzz_xlat$d-" \
			"$tmp/corpus$d" "$tmp/seeds/$d"
	done
	;;
long)
	secs=$1 b=$(cd "$2" && pwd) corpus=$3 crashes=$4
	mkdir -p "$corpus/46" "$corpus/64" "$crashes"
	export_seeds "$b"
	for d in 46 64; do
		before=$(count "$corpus/$d")
		fuzz "fuzz_xlat$d" "$b/fuzz_xlat$d" "$secs" "$crashes/fuzz_xlat$d-" \
			"$corpus/$d" "$tmp/seeds/$d"
		echo "  $corpus/$d: $before inputs before, $(count "$corpus/$d") now"
	done
	echo "xlatfuzz: crashes, if any, are saved in $crashes"
	;;
coverage)
	b=$(cd "$1" && pwd) corpus=$2 profdata=$3 cov=$4
	if [ -z "$profdata" ] || [ -z "$cov" ]; then
		echo "xlatfuzz: llvm-profdata and llvm-cov needed (Debian: llvm-14)" >&2
		exit 1
	fi
	export_seeds "$b"
	for d in 46 64; do
		dirs="$tmp/seeds/$d"
		[ -d "$corpus/$d" ] && dirs="$corpus/$d $dirs"
		echo "  replaying $dirs"
		# shellcheck disable=SC2086 # two directories
		if LLVM_PROFILE_FILE="$tmp/$d.profraw" "$b/cov/fuzz_xlat$d" \
			-runs=0 -max_len=10240 $dirs > "$tmp/cov$d.log" 2>&1; then
			pass=$((pass + 1))
		else
			tail -n 40 "$tmp/cov$d.log"
			failed=$((failed + 1))
		fi
		n=$(grep -c '^oracle:' "$tmp/cov$d.log")
		[ "$n" -eq 0 ] || echo "  $n of them fail the oracle (replay them with build/fuzz_xlat$d)"
	done
	"$profdata" merge -sparse -o "$tmp/xlat.profdata" "$tmp"/*.profraw || exit 1
	set -- "$top/kmod/xlat.c" "$top/kmod/xlat4to6.c" "$top/kmod/xlat6to4.c" \
		"$top/kmod/icmp.c" "$top/kmod/addr.c"
	"$cov" report "$b/cov/fuzz_xlat46" -object "$b/cov/fuzz_xlat64" \
		-instr-profile="$tmp/xlat.profdata" -show-branch-summary "$@" |
		sed "s|$top/||"
	"$cov" show "$b/cov/fuzz_xlat46" -object "$b/cov/fuzz_xlat64" \
		-instr-profile="$tmp/xlat.profdata" -show-branches=count \
		-show-line-counts-or-regions "$@" > "$b/cov/show.txt"
	echo "xlatfuzz: annotated sources in $b/cov/show.txt"
	;;
*)
	echo "usage: xlat.sh run|long|coverage ..." >&2
	exit 2
	;;
esac

echo "xlatfuzz: $pass passed, $failed failed"
[ "$failed" -eq 0 ]

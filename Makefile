# SPDX-License-Identifier: GPL-2.0
#
# v4v6 top-level Makefile. `make help` lists the targets.

# The kernel to build the module against: the running kernel's build tree
# if it has one, else the newest Debian linux-headers-*-amd64 installed.
KDIR ?= $(firstword $(wildcard /lib/modules/$(shell uname -r)/build) \
	$(shell ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1))
export V4V6_CACHE ?= /var/cache/v4v6

.PHONY: all module tools deps check kunit kunit-s390x kunit-matrix e2e e2e-load demo \
	tools-check openwrt-check clean help install lint bench checkpatch sparse spec-check \
	fuzz-xlat fuzz-long fuzz-coverage arm64-smoke build-matrix matrix deb \
	deb-check deb-matrix

all: module tools

module:
	@test -n "$(KDIR)" || { echo "no kernel build tree: set KDIR" >&2; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

tools:
	$(MAKE) -C tools

deps:
	bash scripts/deps.sh

check: deps
	bash tests/check.sh

kunit: deps
	bash tests/kunit/run.sh

kunit-s390x: deps
	bash tests/kunit/run.sh --arch s390x

# The suites on 6.1, 6.12 and the newest kernel, each built with its Debian
# suite's toolchain in that suite's chroot (tests/kunit/kernel.sh --suite)
kunit-matrix: deps
	bash tests/kunit/run.sh
	bash tests/kunit/run.sh --suite trixie
	bash tests/kunit/run.sh --suite sid

e2e: deps
	bash tests/e2e/run.sh

# Every kernel and CPU: the module built W=1 for 6.1, 6.12 and the newest
# (amd64, arm64, s390x), KUnit on each kernel and on s390x, the arm64 smoke
# test, the whole e2e suite on each stock kernel; one table (tests/matrix.sh).
matrix: deps
	bash tests/matrix.sh

# 64-byte UDP rates, TCP, ping and the control plane of v4v6 beside plain
# IPv6 forwarding and Jool SIIT, in one guest (tests/bench/); make check runs
# its smoke version as the e2e test 51-bench-smoke.
bench: deps
	bash tests/bench/run.sh

e2e-load: deps
	bash tests/e2e/load.sh

demo: deps
	bash tests/e2e/demo.sh

# The module, tools and Jool cross-built for Debian's arm64 kernel, which
# runs them under qemu-system-aarch64 (TCG): ping, TCP, counters
# (tests/arm64/).
arm64-smoke:
	bash scripts/deps.sh arm64
	bash tests/arm64/run.sh

tools-check: deps
	$(MAKE) -C tools check

# The OpenWrt package's checks (tests/openwrt/run.sh): no SDK, stand-ins.
openwrt-check:
	$(MAKE) -C tools build/v4v6d
	bash tests/openwrt/run.sh

# The translator's own sources under libFuzzer (tests/fuzz/): each direction
# for FUZZ_XLAT_SECONDS (60); fuzz-long for FUZZ_SECONDS (600) each, with a
# corpus kept in $(V4V6_CACHE)/fuzz; fuzz-coverage replays it for llvm-cov.
fuzz-xlat:
	$(MAKE) -C tests/fuzz run

fuzz-long:
	$(MAKE) -C tests/fuzz long

fuzz-coverage:
	$(MAKE) -C tests/fuzz coverage

lint: checkpatch spec-check
	bash scripts/sparse.sh

# The netlink family's YAML spec (uapi/v4v6.yaml) against uapi/linux/v4v6.h
# and the module's ops and policy, and against the kernel's JSON schema of
# genetlink-legacy specs (from linux-source-6.12, scripts/ynl.sh).
spec-check:
	ynl=$$(bash scripts/ynl.sh) && python3 scripts/spec-check.py \
		--schema "$$ynl/Documentation/netlink/genetlink-legacy.yaml"

checkpatch:
	bash scripts/checkpatch.sh

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) C=2 modules

# W=1 against 6.1, 6.12 and the newest kernel, for amd64, arm64 and s390x,
# in Debian chroots made once in $(V4V6_CACHE)/chroot (scripts/suite.sh).
build-matrix:
	bash scripts/build-matrix.sh

# The Debian packages v4v6-dkms and v4v6 (debian/), built in a copy of the
# tree into out/deb; deb-check installs them into a throwaway root, has
# DKMS build the module there and runs e2e 60 with them (tests/deb/run.sh).
deb:
	bash scripts/deb.sh

deb-check: deps
	bash tests/deb/run.sh

# v4v6-dkms installed with apt, and so each suite's own dkms, in a
# throwaway overlay of each suite's chroot (scripts/suite.sh): DKMS builds
# the module for 6.1, 6.12 and the newest kernel (tests/deb/suite.sh).
deb-matrix: deb
	bash tests/deb/suite.sh bookworm
	bash tests/deb/suite.sh trixie
	bash tests/deb/suite.sh sid

install: all
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_DIR=extra modules_install
	$(MAKE) -C tools install

clean:
	-$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C tools clean
	$(MAKE) -C tests/fuzz clean
	rm -rf out/arm64

help:
	@echo 'make           build v4v6.ko (KDIR=...) and the tools'
	@echo 'make demo      boot the QEMU topology and show v4v6 at work'
	@echo 'make check     run every test: lint, tools, translator fuzzing, KUnit, arm64 smoke, end-to-end, packages'
	@echo 'make fuzz-xlat fuzz the translator, each direction FUZZ_XLAT_SECONDS (60)'
	@echo 'make fuzz-long the same for FUZZ_SECONDS (600), corpus kept in V4V6_CACHE'
	@echo 'make fuzz-coverage  llvm-cov report of the translator over that corpus'
	@echo 'make kunit     KUnit suites on a KASAN/lockdep/kmemleak kernel'
	@echo 'make kunit-s390x  the same on big-endian s390x (cross-built, QEMU TCG)'
	@echo 'make kunit-matrix the same on 6.1, 6.12 and the newest (Debian suites)'
	@echo 'make e2e       end-to-end tests in QEMU on the stock kernel'
	@echo 'make bench     v4v6 against plain IPv6 forwarding and Jool SIIT: rates, TCP, RTT, table sizes'
	@echo 'make e2e-load  the same beside a second guest that keeps all CPUs busy'
	@echo 'make arm64-smoke  cross-build for arm64 and smoke-test it in qemu-system-aarch64'
	@echo 'make lint      checkpatch --strict and sparse on the kernel code, the spec check'
	@echo 'make spec-check  uapi/v4v6.yaml against the uapi header, the module and the schema'
	@echo 'make matrix    every kernel x arch x stage, one table (hours under TCG)'
	@echo 'make build-matrix  the module W=1 for 6.1, 6.12, the newest; amd64, arm64, s390x'
	@echo 'make install   install the module and the tools'
	@echo 'make deb       the Debian packages v4v6-dkms and v4v6, into out/deb'
	@echo 'make deb-check build, lint, install them in a throwaway root with DKMS, e2e 60 with them'
	@echo 'make deb-matrix  apt install v4v6-dkms and its DKMS build on 6.1, 6.12, the newest'
	@echo 'make openwrt-check  the OpenWrt package: Makefile, init script, UCI (stand-ins)'

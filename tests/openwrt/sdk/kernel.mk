# SPDX-License-Identifier: GPL-2.0
# STAND-IN for the SDK's kernel.mk: see rules.mk.
LINUX_KMOD_SUFFIX := ko
KERNEL_BUILD_DIR ?= /tmp/openwrt-kernel-build
KERNEL_MAKE := echo KERNEL_MAKE

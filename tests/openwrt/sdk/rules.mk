# SPDX-License-Identifier: GPL-2.0
#
# STAND-IN for the OpenWrt SDK's rules.mk, kernel.mk and package.mk
# (tests/openwrt/makefile.sh; not OpenWrt's code): just enough for
# openwrt/v4v6/Makefile to be read by GNU make as the SDK reads it.
# KernelPackage and BuildPackage print each package's fields; the targets
# prepare, compile and install-PKG run its Build/Prepare, Build/Compile
# and Package/PKG/install recipes (make MAKE="echo MAKE" to print
# compile's commands rather than build).
CP := cp -fpR
INSTALL_DIR := install -d -m0755
INSTALL_BIN := install -m0755
INSTALL_DATA := install -m0644
INSTALL_CONF := install -m0600

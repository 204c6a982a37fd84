# SPDX-License-Identifier: GPL-2.0
# STAND-IN for the SDK's package.mk: see rules.mk.
MAKE_VARS :=
MAKE_FLAGS := CC=cc
PKG_JOBS :=
AutoProbe = autoprobe($(1))
AutoLoad = autoload($(2))

FIELDS := TITLE SUBMENU SECTION CATEGORY DEPENDS FILES AUTOLOAD

define KernelPackage
$(foreach f,$(FIELDS),$(eval $(f):=))
$(eval $(KernelPackage/$(1)))
$(info package kmod-$(1))
$(foreach f,$(FIELDS),$(info $(f)=$(strip $($(f)))))
$(info description=$(strip $(KernelPackage/$(1)/description)))
endef

define BuildPackage
$(foreach f,$(FIELDS),$(eval $(f):=))
$(eval $(Package/$(1)))
$(info package $(1))
$(foreach f,$(FIELDS),$(info $(f)=$(strip $($(f)))))
$(info description=$(strip $(Package/$(1)/description)))
$(info conffiles=$(strip $(Package/$(1)/conffiles)))
install-$(1):
	$$(call Package/$(1)/install,$$(DEST))
endef

.PHONY: fields prepare compile
fields:
	@:
prepare:
	$(Build/Prepare)
compile:
	$(Build/Compile)

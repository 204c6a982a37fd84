// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the module's translator (kmod/xlat*.c, icmp.c, addr.c,
 * unchanged) on an sk_buff whose shape and packet the input chooses (see
 * fuzz.h), each result checked by the oracle (oracle.c). Built once per
 * direction: FZ_DIR 46 or 64.
 */
#include <stdlib.h>

#include "harness.h"
#include "repair.h"
#include "shim/shim.h"

#if FZ_DIR != 46 && FZ_DIR != 64
#error "FZ_DIR: 46 or 64"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * FUZZ_XLAT_FLAGS_OFF: header flags (FZ_F_*) to clear in every input, to
 * go on fuzzing while a bug that one of them reaches waits for its fix
 * (0x04: no clones).
 */
static u8 flags_off;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *s = getenv("FUZZ_XLAT_FLAGS_OFF");

	(void)argc;
	(void)argv;
	if (s)
		flags_off = strtoul(s, NULL, 0);
	s = getenv("FUZZ_XLAT_WAIVE");
	fz_waive_csum0 = s && strstr(s, "csum0");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t hl = min_t(size_t, size, FZ_HDR_LEN);
	struct sk_buff *skb, *clone = NULL;
	enum v4v6_xlat_result res;
	struct fz_case c = {};

#ifdef FZ_COVERAGE
	if (setjmp(fz_replay))
		return 0;
#endif
	memcpy(&c.h, data, hl);
	c.h.flags &= ~flags_off;
	c.to6 = FZ_DIR == 46;
	fz_xlat(&c.h, &c.x);
	c.len = size - hl;
	c.in = malloc(c.len ? c.len : 1);
	if (!c.in)
		abort();
	memcpy(c.in, data + hl, c.len);
	if (c.h.flags & FZ_F_REPAIR)
		(c.to6 ? fz_repair4 : fz_repair6)(c.in, c.len, &c.x, c.h.keep,
						  c.h.flags & FZ_F_SHORT4884);
	c.parsed = (c.to6 ? pkt_parse4 : pkt_parse6)(c.in, c.len, false, &c.k);

	shim_fail_alloc(0);
	shim_random_seed(size);
	skb = fz_build_skb(&c);
	fz_learn_input(&c);
	if (c.h.flags & FZ_F_CLONE)
		clone = skb_clone(skb, GFP_ATOMIC);

	shim_fail_alloc(c.h.fail);
	res = c.to6 ? v4v6_xlat_4to6(skb, &c.x) : v4v6_xlat_6to4(skb, &c.x);
	FZ_CHECK(strcmp(v4v6_xlat_reason(res), "unknown"));
	fz_check_result(&c, skb, res, clone);
	if (res == V4V6_XLAT_FRAG_NEEDED)
		FZ_CHECK(v4v6_xlat_mtu4(&c.x) == c.x.lowest_mtu - 20);
	/* What lan.c does with a translated packet too big for the path. */
	if (res == V4V6_XLAT_OK && c.to6 && c.x.lowest_mtu &&
	    !skb_is_gso(skb) && skb->len > c.x.lowest_mtu)
		fz_check_fragment6(&c, skb);
	else
		kfree_skb(skb);
	shim_fail_alloc(0);
	kfree_skb(clone);
	free(c.in);
	return 0;
}

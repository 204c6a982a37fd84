/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One fuzz case: the decoded input, the packet handed to the translator
 * and what the oracle knows of it beforehand.
 */
#ifndef _HARNESS_H
#define _HARNESS_H

#include <linux/skbuff.h>

#include "fuzz.h"
#include "pkt.h"

/* What the input sk_buff carries for the fragments to copy. */
#define FZ_MARK 0x76347636
#define FZ_PRIORITY 6

struct fz_case {
	struct fz_hdr h;
	bool to6;
	struct v4v6_xlat x;
	u8 *in;			/* the packet as the translator got it */
	unsigned int len;
	/* the sk_buff as built */
	u8 summed;		/* ip_summed */
	bool gso;
	u16 gso_size;		/* as built */
	unsigned int gso_type;
	unsigned int gso_thlen;	/* the transport header of each segment */
	/* facts about the input */
	bool parsed;		/* pkt_parse4/6 (whole length present) */
	struct pkt k;
	/* whole, its transport checksum (CHECKSUM_PARTIAL: its seed) right */
	bool l4_ok;
	/* an ICMP error quoting its packet in error whole, checksum right */
	bool inner_ok;
	/* an ICMP error's RFC 4884 extension: where, how long (0: none) */
	unsigned int ext_off, ext_len;
};

/* shape.c: the sk_buff of @c, as its header says; NULL if none */
struct sk_buff *fz_build_skb(struct fz_case *c);
/* Its invariants: lengths, fragments, pointers in their buffer. */
void fz_check_skb(const struct sk_buff *skb);

/* oracle.c */
void fz_learn_input(struct fz_case *c);
void fz_check_result(const struct fz_case *c, struct sk_buff *skb,
		     enum v4v6_xlat_result res, const struct sk_buff *clone);
/* v4v6_fragment6() on @skb (consumed) and checks of each fragment. */
void fz_check_fragment6(const struct fz_case *c, struct sk_buff *skb);

/*
 * FUZZ_XLAT_WAIVE=csum0: accept a transport checksum of 0x0000 where
 * 0xffff is due, a known open bug, while its fix is on its way (default:
 * strict).
 */
extern bool fz_waive_csum0;

/*
 * Violation: print and trap, so that libFuzzer saves the input. The
 * coverage build (FZ_COVERAGE) goes back to fz_replay instead, to go on
 * replaying the corpus (what is not freed then is no matter there).
 */
void __attribute__((noreturn)) fz_fail(int line, const char *what);
#ifdef FZ_COVERAGE
#include <setjmp.h>
extern jmp_buf fz_replay;
#endif
#define FZ_CHECK(cond) do { if (!(cond)) fz_fail(__LINE__, #cond); } while (0)

/* A flat copy of @skb's bytes, to be freed. */
u8 *fz_flat(const struct sk_buff *skb);

#endif

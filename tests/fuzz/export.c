// SPDX-License-Identifier: GPL-2.0
/*
 * Seed exporter: runs the KUnit suite kmod/tests/xlat_test.c in userspace,
 * built with its calls of v4v6_xlat_4to6() and v4v6_xlat_6to4() renamed to
 * the functions below. Each writes the packet it is given, with the fuzz
 * header describing its sk_buff and translation (fuzz.h), into
 * DIR/46/ or DIR/64/, once as it is and once in repair mode, then calls
 * the real translator so the case goes on. The suite's own failures are
 * printed; the authoritative KUnit run is the one in QEMU. Then the
 * regression seeds (regress.c).
 *
 * Usage: export_seeds DIR     (V=1 in the environment: the suite's log)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "fuzz.h"
#include "regress.h"
#include "shim/kunit_shim.h"

enum v4v6_xlat_result export_4to6(struct sk_buff *skb,
				  const struct v4v6_xlat *x);
enum v4v6_xlat_result export_6to4(struct sk_buff *skb,
				  const struct v4v6_xlat *x);

/* The random test makes 100,000 packets: every this many becomes a seed. */
#define RANDOM_STRIDE 500

static const char *outdir;
static unsigned int n_seeds[2], n_unfit, n_random, n_regress;

/* The header for @skb and @x, if the format can say them. */
static bool encode(const struct sk_buff *skb, const struct v4v6_xlat *x,
		   bool to6, struct fz_hdr *h)
{
	const struct skb_shared_info *si = skb_shinfo(skb);
	unsigned int i, m;

	memset(h, 0, sizeof(*h));
	for (i = 0; i < FZ_N_PREFIXES; i++)
		if (x->pref64->len == fz_prefixes[i].len &&
		    !memcmp(&x->pref64->addr, &fz_prefixes[i].addr, 16))
			break;
	for (m = 0; m < FZ_N_MTU4; m++)
		if (x->mtu4 == fz_mtu4[m])
			break;
	if (i == FZ_N_PREFIXES || m == FZ_N_MTU4 || x->dev4 != fz_dev4 ||
	    memcmp(&x->dev6, &fz_dev6, 16) || skb_is_nonlinear(skb) ||
	    (x->lowest_mtu && (x->lowest_mtu < 1280 || x->lowest_mtu > 1534)))
		return false;
	h->prefix = i;
	h->layout = m << 5;
	h->mtu = x->lowest_mtu ? x->lowest_mtu - 1279 : 0;
	h->flags = (to6 ? 0 : FZ_F_6TO4) | (skb_cloned(skb) ? FZ_F_CLONE : 0) |
		   skb->ip_summed << FZ_F_SUMMED_SHIFT |
		   (skb_is_gso(skb) ? FZ_F_GSO : 0);
	h->headroom = min(skb_headroom(skb), 255u);
	h->tailroom = min(skb_tailroom(skb), 255);
	if (skb_is_gso(skb)) {
		h->gso = (si->gso_type & SKB_GSO_TCP_FIXEDID ? 1 : 0) |
			 (si->gso_type & SKB_GSO_TCP_ECN ? 2 : 0) |
			 (si->gso_type & SKB_GSO_DODGY ? 4 : 0);
		h->gso_size[0] = si->gso_size >> 8;
		h->gso_size[1] = si->gso_size;
	}
	return true;
}

/* FNV-1a: a file name from the contents, so equal seeds are one file. */
static unsigned long long fnv(const u8 *p, size_t n)
{
	unsigned long long h = 0xcbf29ce484222325ULL;

	while (n--)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}

static void write_seed(bool to6, const u8 *buf, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/k%016llx", outdir, to6 ? "46" : "64",
		 fnv(buf, len));
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, len, f) != len || fclose(f)) {
		perror(path);
		exit(1);
	}
	n_seeds[!to6]++;
}

static void export(struct sk_buff *skb, const struct v4v6_xlat *x, bool to6)
{
	const char *name = kunit_shim_current_case();
	struct fz_hdr h;
	u8 *buf;

	if (name && !strcmp(name, "xlat_random_test") &&
	    n_random++ % RANDOM_STRIDE)
		return;
	if (!encode(skb, x, to6, &h)) {
		n_unfit++;
		return;
	}
	buf = malloc(FZ_HDR_LEN + skb->len);
	if (!buf || skb_copy_bits(skb, 0, buf + FZ_HDR_LEN, skb->len))
		abort();
	memcpy(buf, &h, FZ_HDR_LEN);
	write_seed(to6, buf, FZ_HDR_LEN + skb->len);
	buf[0] |= FZ_F_REPAIR;
	write_seed(to6, buf, FZ_HDR_LEN + skb->len);
	free(buf);
}

enum v4v6_xlat_result export_4to6(struct sk_buff *skb,
				  const struct v4v6_xlat *x)
{
	export(skb, x, true);
	return v4v6_xlat_4to6(skb, x);
}

enum v4v6_xlat_result export_6to4(struct sk_buff *skb,
				  const struct v4v6_xlat *x)
{
	export(skb, x, false);
	return v4v6_xlat_6to4(skb, x);
}

static void make_dir(const char *a, const char *b)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s%s", a, b);
	if (mkdir(path, 0755) && errno != EEXIST) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	struct kunit_shim_counts k = {};

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	outdir = argv[1];
	make_dir(outdir, "");
	make_dir(outdir, "/46");
	make_dir(outdir, "/64");
	kunit_shim_run_all(&k, getenv("V") && *getenv("V") == '1');
	n_regress = fz_write_regressions(outdir);
	printf("userspace KUnit run of v4v6_rfc7915: %u cases passed, %u failed, %u failed checks\n",
	       k.passed, k.failed, k.failed_checks);
	printf("seeds: %u 4to6, %u 6to4 in %s (%u calls the format cannot say), %u regressions\n",
	       n_seeds[0], n_seeds[1], outdir, n_unfit, n_regress);
	return n_seeds[0] && n_seeds[1] ? 0 : 1;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * DHCPv6 messages (RFC 8415): building the client's, parsing the servers'.
 */
#include <string.h>

#include "dhcp6_msg.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

void dhcp6_duid_ll(uint8_t duid[DHCP6_DUID_LL_LEN], const uint8_t mac[6])
{
	duid[0] = 0;
	duid[1] = 3;	/* DUID-LL */
	duid[2] = 0;
	duid[3] = 1;	/* hardware type: Ethernet */
	memcpy(duid + 4, mac, 6);
}

uint16_t dhcp6_elapsed(uint64_t start_ms, uint64_t now_ms)
{
	uint64_t hundredths;

	if (now_ms <= start_ms)
		return 0;
	hundredths = (now_ms - start_ms) / 10;
	return hundredths > DHCP6_ELAPSED_MAX ? DHCP6_ELAPSED_MAX :
	       (uint16_t)hundredths;
}

/* ---- Building ---- */

void dhcp6_writer_init(struct dhcp6_writer *w, uint8_t *buf, size_t size)
{
	w->buf = buf;
	w->size = size;
	w->len = 0;
	w->overflow = false;
}

size_t dhcp6_writer_end(const struct dhcp6_writer *w)
{
	return w->overflow ? 0 : w->len;
}

void dhcp6_put_bytes(struct dhcp6_writer *w, const void *p, size_t len)
{
	if (w->overflow || len > w->size - w->len) {
		w->overflow = true;
		return;
	}
	if (len)
		memcpy(w->buf + w->len, p, len);
	w->len += len;
}

void dhcp6_put_u8(struct dhcp6_writer *w, uint8_t v)
{
	dhcp6_put_bytes(w, &v, 1);
}

void dhcp6_put_u16(struct dhcp6_writer *w, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	dhcp6_put_bytes(w, b, sizeof(b));
}

void dhcp6_put_u32(struct dhcp6_writer *w, uint32_t v)
{
	uint8_t b[4] = {
		(uint8_t)(v >> 24), (uint8_t)(v >> 16), (uint8_t)(v >> 8),
		(uint8_t)v,
	};

	dhcp6_put_bytes(w, b, sizeof(b));
}

void dhcp6_put_header(struct dhcp6_writer *w, uint8_t type, uint32_t xid)
{
	uint8_t b[DHCP6_HDR_LEN] = {
		type, (uint8_t)(xid >> 16), (uint8_t)(xid >> 8), (uint8_t)xid,
	};

	dhcp6_put_bytes(w, b, sizeof(b));
}

void dhcp6_put_option(struct dhcp6_writer *w, uint16_t code, const void *data,
		      size_t len)
{
	if (len > 0xffff) {
		w->overflow = true;
		return;
	}
	dhcp6_put_u16(w, code);
	dhcp6_put_u16(w, (uint16_t)len);
	dhcp6_put_bytes(w, data, len);
}

size_t dhcp6_opt_begin(struct dhcp6_writer *w, uint16_t code)
{
	size_t start = w->len;

	dhcp6_put_u16(w, code);
	dhcp6_put_u16(w, 0);
	return start;
}

void dhcp6_opt_end(struct dhcp6_writer *w, size_t start)
{
	size_t len;

	if (w->overflow)
		return;
	len = w->len - start - DHCP6_OPT_HDR_LEN;
	if (len > 0xffff) {
		w->overflow = true;
		return;
	}
	w->buf[start + 2] = (uint8_t)(len >> 8);
	w->buf[start + 3] = (uint8_t)len;
}

/* An IAADDR for @addr (none when NULL). */
static void put_iaaddr(struct dhcp6_writer *w, const struct in6_addr *addr,
		       uint32_t preferred, uint32_t valid)
{
	size_t a;

	if (!addr)
		return;
	a = dhcp6_opt_begin(w, DHCP6_OPT_IAADDR);
	dhcp6_put_bytes(w, addr, sizeof(*addr));
	dhcp6_put_u32(w, preferred);
	dhcp6_put_u32(w, valid);
	dhcp6_opt_end(w, a);
}

void dhcp6_put_ia_na(struct dhcp6_writer *w, uint32_t iaid, uint32_t t1,
		     uint32_t t2, const struct in6_addr *addr,
		     uint32_t preferred, uint32_t valid)
{
	size_t ia = dhcp6_opt_begin(w, DHCP6_OPT_IA_NA);

	dhcp6_put_u32(w, iaid);
	dhcp6_put_u32(w, t1);
	dhcp6_put_u32(w, t2);
	put_iaaddr(w, addr, preferred, valid);
	dhcp6_opt_end(w, ia);
}

void dhcp6_put_oro(struct dhcp6_writer *w)
{
	size_t oro = dhcp6_opt_begin(w, DHCP6_OPT_ORO);

	dhcp6_put_u16(w, DHCP6_OPT_SOL_MAX_RT);
	dhcp6_opt_end(w, oro);
}

void dhcp6_put_elapsed(struct dhcp6_writer *w, uint16_t hundredths)
{
	size_t e = dhcp6_opt_begin(w, DHCP6_OPT_ELAPSED_TIME);

	dhcp6_put_u16(w, hundredths);
	dhcp6_opt_end(w, e);
}

static bool duid_len_ok(const uint8_t *duid, size_t len)
{
	return duid && len >= 1 && len <= DHCP6_DUID_MAX;
}

/* RFC 8415 Appendix B: which messages carry a Server Identifier. */
static bool type_has_server(enum dhcp6_type type)
{
	return type == DHCP6_REQUEST || type == DHCP6_RENEW ||
	       type == DHCP6_RELEASE || type == DHCP6_DECLINE;
}

static bool type_is_buildable(enum dhcp6_type type)
{
	return type == DHCP6_SOLICIT || type == DHCP6_REBIND ||
	       type_has_server(type);
}

/* RFC 8415 21.7: an ORO in Solicit, Request, Renew and Rebind. */
static bool type_has_oro(enum dhcp6_type type)
{
	return type != DHCP6_RELEASE && type != DHCP6_DECLINE;
}

size_t dhcp6_build(const struct dhcp6_out *m, uint8_t *buf, size_t size)
{
	bool server = type_has_server(m->type);
	struct dhcp6_writer w;
	size_t ia;

	if (!type_is_buildable(m->type) ||
	    !duid_len_ok(m->client_duid, m->client_duid_len) ||
	    (server && !duid_len_ok(m->server_duid, m->server_duid_len)))
		return 0;
	dhcp6_writer_init(&w, buf, size);
	dhcp6_put_header(&w, (uint8_t)m->type, m->xid);
	dhcp6_put_option(&w, DHCP6_OPT_CLIENTID, m->client_duid,
			 m->client_duid_len);
	if (server)
		dhcp6_put_option(&w, DHCP6_OPT_SERVERID, m->server_duid,
				 m->server_duid_len);
	ia = dhcp6_opt_begin(&w, DHCP6_OPT_IA_NA);
	dhcp6_put_u32(&w, m->iaid);
	dhcp6_put_u32(&w, 0);	/* T1 */
	dhcp6_put_u32(&w, 0);	/* T2 */
	put_iaaddr(&w, m->addr, 0, 0);
	put_iaaddr(&w, m->addr2, 0, 0);
	dhcp6_opt_end(&w, ia);
	dhcp6_put_elapsed(&w, m->elapsed);
	if (type_has_oro(m->type))
		dhcp6_put_oro(&w);
	if (m->type == DHCP6_SOLICIT)
		dhcp6_put_option(&w, DHCP6_OPT_RAPID_COMMIT, NULL, 0);
	return dhcp6_writer_end(&w);
}

/* ---- Parsing ---- */

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* The options left in a container (message, IA_NA, IAADDR). */
struct opt_iter {
	const uint8_t *p;
	size_t left;
};

struct opt {
	uint16_t code;
	uint16_t len;
	const uint8_t *data;
};

/*
 * opt_next() - the next option of @it into @o
 *
 * Returns 1 when there is one, 0 at the end of the container, -1 (and
 * *@why) when an option's header or contents run past the container.
 */
static int opt_next(struct opt_iter *it, struct opt *o, const char **why)
{
	if (!it->left)
		return 0;
	if (it->left < DHCP6_OPT_HDR_LEN) {
		*why = "option header runs past its container";
		return -1;
	}
	o->code = get16(it->p);
	o->len = get16(it->p + 2);
	if (o->len > it->left - DHCP6_OPT_HDR_LEN) {
		*why = "option length runs past its container";
		return -1;
	}
	o->data = it->p + DHCP6_OPT_HDR_LEN;
	it->p += DHCP6_OPT_HDR_LEN + o->len;
	it->left -= DHCP6_OPT_HDR_LEN + o->len;
	return 1;
}

static void sanitize(char *dst, size_t size, const uint8_t *src, size_t len)
{
	size_t i;

	if (len > size - 1)
		len = size - 1;
	for (i = 0; i < len; i++)
		dst[i] = src[i] >= 0x20 && src[i] < 0x7f ? (char)src[i] : '?';
	dst[len] = '\0';
}

/*
 * parse_status() - a Status Code option: its code into *@code (which must
 * still be DHCP6_STATUS_NONE: one per container), its message into @msg
 * when @msg is not NULL.
 */
static int parse_status(const struct opt *o, int *code, char *msg,
			size_t msgsize, const char **why)
{
	if (*code != DHCP6_STATUS_NONE) {
		*why = "duplicate Status Code option";
		return -1;
	}
	if (o->len < 2) {
		*why = "Status Code option shorter than 2 bytes";
		return -1;
	}
	*code = get16(o->data);
	if (msg)
		sanitize(msg, msgsize, o->data + 2, o->len - 2u);
	return 0;
}

static int parse_iaaddr(struct dhcp6_ia *ia, const struct opt *o,
			const char **why)
{
	struct dhcp6_iaaddr a = { .status = DHCP6_STATUS_NONE };
	struct opt_iter it;
	struct opt sub;
	int r;

	if (o->len < DHCP6_IAADDR_LEN) {
		*why = "IAADDR option shorter than 24 bytes";
		return -1;
	}
	memcpy(&a.addr, o->data, sizeof(a.addr));
	a.preferred = get32(o->data + 16);
	a.valid = get32(o->data + 20);
	it.p = o->data + DHCP6_IAADDR_LEN;
	it.left = o->len - DHCP6_IAADDR_LEN;
	while ((r = opt_next(&it, &sub, why)) > 0) {
		if (sub.code == DHCP6_OPT_STATUS_CODE &&
		    parse_status(&sub, &a.status, NULL, 0, why))
			return -1;
	}
	if (r < 0)
		return -1;
	if (ia->n_addrs < DHCP6_MAX_IAADDR)
		ia->addrs[ia->n_addrs++] = a;
	return 0;
}

static int parse_ia_subopts(struct dhcp6_ia *ia, struct opt_iter *it,
			    const char **why)
{
	struct opt sub;
	int r;

	while ((r = opt_next(it, &sub, why)) > 0) {
		switch (sub.code) {
		case DHCP6_OPT_IAADDR:
			r = parse_iaaddr(ia, &sub, why);
			break;
		case DHCP6_OPT_STATUS_CODE:
			r = parse_status(&sub, &ia->status, NULL, 0, why);
			break;
		default:
			r = 0;
			break;
		}
		if (r < 0)
			return -1;
	}
	return r;
}

/* keep_ia(): @ia into @p unless DHCP6_MAX_IA are kept already. */
static int keep_ia(struct dhcp6_parsed *p, const struct dhcp6_ia *ia,
		   const char **why)
{
	unsigned int i;

	if (p->n_ia >= DHCP6_MAX_IA)
		return 0;
	for (i = 0; i < p->n_ia; i++) {
		if (p->ia[i].iaid == ia->iaid) {
			*why = "two IA_NA options with the same IAID";
			return -1;
		}
	}
	p->ia[p->n_ia++] = *ia;
	return 0;
}

static int parse_ia_na(struct dhcp6_parsed *p, const struct opt *o,
		       const char **why)
{
	struct dhcp6_ia ia = { .status = DHCP6_STATUS_NONE };
	struct opt_iter it;

	if (o->len < DHCP6_IA_NA_LEN) {
		*why = "IA_NA option shorter than 12 bytes";
		return -1;
	}
	ia.iaid = get32(o->data);
	ia.t1 = get32(o->data + 4);
	ia.t2 = get32(o->data + 8);
	it.p = o->data + DHCP6_IA_NA_LEN;
	it.left = o->len - DHCP6_IA_NA_LEN;
	if (parse_ia_subopts(&ia, &it, why))
		return -1;
	return keep_ia(p, &ia, why);
}

static int parse_duid(uint8_t *dst, uint16_t *dst_len, const struct opt *o,
		      const char **why)
{
	if (!o->len) {
		*why = "empty DUID";
		return -1;
	}
	if (o->len > DHCP6_DUID_MAX) {
		*why = "DUID longer than 130 bytes";
		return -1;
	}
	memcpy(dst, o->data, o->len);
	*dst_len = o->len;
	return 0;
}

static int parse_clientid(struct dhcp6_parsed *p, const struct opt *o,
			  const char **why)
{
	return parse_duid(p->clientid, &p->clientid_len, o, why);
}

static int parse_serverid(struct dhcp6_parsed *p, const struct opt *o,
			  const char **why)
{
	return parse_duid(p->serverid, &p->serverid_len, o, why);
}

static int parse_top_status(struct dhcp6_parsed *p, const struct opt *o,
			    const char **why)
{
	return parse_status(o, &p->status, p->status_msg,
			    sizeof(p->status_msg), why);
}

static int parse_preference(struct dhcp6_parsed *p, const struct opt *o,
			    const char **why)
{
	if (o->len != 1) {
		*why = "Preference option length is not 1";
		return -1;
	}
	p->has_preference = true;
	p->preference = o->data[0];
	return 0;
}

static int parse_rapid_commit(struct dhcp6_parsed *p, const struct opt *o,
			      const char **why)
{
	if (o->len) {
		*why = "Rapid Commit option length is not 0";
		return -1;
	}
	p->rapid_commit = true;
	return 0;
}

static int parse_sol_max_rt(struct dhcp6_parsed *p, const struct opt *o,
			    const char **why)
{
	uint32_t v;

	if (o->len != 4) {
		*why = "SOL_MAX_RT option length is not 4";
		return -1;
	}
	v = get32(o->data);
	if (v >= DHCP6_SOL_MAX_RT_MIN && v <= DHCP6_SOL_MAX_RT_MAX)
		p->sol_max_rt = v;
	return 0;
}

static int parse_elapsed(struct dhcp6_parsed *p, const struct opt *o,
			 const char **why)
{
	if (o->len != 2) {
		*why = "Elapsed Time option length is not 2";
		return -1;
	}
	p->has_elapsed = true;
	p->elapsed = get16(o->data);
	return 0;
}

static int parse_oro(struct dhcp6_parsed *p, const struct opt *o,
		     const char **why)
{
	unsigned int i;

	if (o->len % 2) {
		*why = "Option Request option of an odd length";
		return -1;
	}
	p->has_oro = true;
	p->n_oro = o->len / 2u;
	for (i = 0; i < p->n_oro && i < DHCP6_MAX_ORO; i++)
		p->oro[i] = get16(o->data + 2 * i);
	return 0;
}

/**
 * struct top_opt - how to parse a top-level option
 * @code: its code
 * @parse: its parser
 * @dup: when it may come only once, why a second one rejects the message
 */
struct top_opt {
	uint16_t code;
	int (*parse)(struct dhcp6_parsed *p, const struct opt *o,
		     const char **why);
	const char *dup;
};

static const struct top_opt top_opts[] = {
	{ DHCP6_OPT_CLIENTID, parse_clientid, "duplicate Client ID option" },
	{ DHCP6_OPT_SERVERID, parse_serverid, "duplicate Server ID option" },
	{ DHCP6_OPT_IA_NA, parse_ia_na, NULL },
	{ DHCP6_OPT_STATUS_CODE, parse_top_status, NULL },	/* checks */
	{ DHCP6_OPT_PREFERENCE, parse_preference,
	  "duplicate Preference option" },
	{ DHCP6_OPT_RAPID_COMMIT, parse_rapid_commit,
	  "duplicate Rapid Commit option" },
	{ DHCP6_OPT_SOL_MAX_RT, parse_sol_max_rt,
	  "duplicate SOL_MAX_RT option" },
	{ DHCP6_OPT_ELAPSED_TIME, parse_elapsed,
	  "duplicate Elapsed Time option" },
	{ DHCP6_OPT_ORO, parse_oro, "duplicate Option Request option" },
};

/* parse_top(): one top-level option; @seen has a bit per top_opts entry. */
static int parse_top(struct dhcp6_parsed *p, const struct opt *o,
		     uint32_t *seen, const char **why)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(top_opts); i++) {
		const struct top_opt *t = &top_opts[i];

		if (t->code != o->code)
			continue;
		if (t->dup && (*seen & 1u << i)) {
			*why = t->dup;
			return -1;
		}
		*seen |= 1u << i;
		return t->parse(p, o, why);
	}
	return 0;	/* unknown: skipped */
}

int dhcp6_parse(const uint8_t *msg, size_t len, struct dhcp6_parsed *p,
		const char **why)
{
	struct opt_iter it;
	uint32_t seen = 0;
	struct opt o;
	int r;

	memset(p, 0, sizeof(*p));
	p->status = DHCP6_STATUS_NONE;
	if (len < DHCP6_HDR_LEN) {
		*why = "truncated header";
		return -1;
	}
	p->type = msg[0];
	if (p->type == 12 || p->type == 13) {
		*why = "relay message";
		return -1;
	}
	p->xid = (uint32_t)msg[1] << 16 | (uint32_t)msg[2] << 8 | msg[3];
	it.p = msg + DHCP6_HDR_LEN;
	it.left = len - DHCP6_HDR_LEN;
	while ((r = opt_next(&it, &o, why)) > 0) {
		if (parse_top(p, &o, &seen, why))
			return -1;
	}
	return r;
}

const struct dhcp6_ia *dhcp6_find_ia(const struct dhcp6_parsed *p,
				     uint32_t iaid)
{
	unsigned int i;

	for (i = 0; i < p->n_ia; i++) {
		if (p->ia[i].iaid == iaid)
			return &p->ia[i];
	}
	return NULL;
}

const char *dhcp6_status_name(int status)
{
	static const char *const names[] = {
		"Success", "UnspecFail", "NoAddrsAvail", "NoBinding",
		"NotOnLink", "UseMulticast", "NoPrefixAvail",
	};

	if (status < 0 || status >= (int)ARRAY_SIZE(names))
		return "unknown";
	return names[status];
}

const char *dhcp6_type_name(int type)
{
	static const char *const names[] = {
		NULL, "Solicit", "Advertise", "Request", "Confirm", "Renew",
		"Rebind", "Reply", "Release", "Decline", "Reconfigure",
		"Information-request", "Relay-forw", "Relay-repl",
	};

	if (type <= 0 || type >= (int)ARRAY_SIZE(names))
		return "unknown";
	return names[type];
}

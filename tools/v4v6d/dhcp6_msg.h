/* SPDX-License-Identifier: GPL-2.0 */
/*
 * DHCPv6 messages (RFC 8415): what v4v6d's client builds, and a parser for
 * what comes back. Everything that arrives is untrusted: the parser checks
 * every length against its container and rejects the whole message when one
 * is wrong. No I/O, no allocation.
 */
#ifndef V4V6D_DHCP6_MSG_H
#define V4V6D_DHCP6_MSG_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dhcp6.h"

/* Option codes (RFC 8415 section 21) */
enum dhcp6_option {
	DHCP6_OPT_CLIENTID = 1,
	DHCP6_OPT_SERVERID = 2,
	DHCP6_OPT_IA_NA = 3,
	DHCP6_OPT_IAADDR = 5,
	DHCP6_OPT_ORO = 6,
	DHCP6_OPT_PREFERENCE = 7,
	DHCP6_OPT_ELAPSED_TIME = 8,
	DHCP6_OPT_STATUS_CODE = 13,
	DHCP6_OPT_RAPID_COMMIT = 14,
	DHCP6_OPT_SOL_MAX_RT = 82,
};

/* Status codes (RFC 8415 section 21.13) */
enum dhcp6_status {
	DHCP6_ST_SUCCESS = 0,
	DHCP6_ST_UNSPEC_FAIL = 1,
	DHCP6_ST_NO_ADDRS_AVAIL = 2,
	DHCP6_ST_NO_BINDING = 3,
	DHCP6_ST_NOT_ON_LINK = 4,
	DHCP6_ST_USE_MULTICAST = 5,
};

#define DHCP6_STATUS_NONE	(-1)	/* no Status Code option */
#define DHCP6_INFINITY		0xffffffffu	/* lifetimes, T1, T2 */
#define DHCP6_DUID_LL_LEN	10	/* type 3, hw type 1, 6-byte MAC */
#define DHCP6_HDR_LEN		4	/* msg-type, transaction-id */
#define DHCP6_OPT_HDR_LEN	4	/* option-code, option-len */
#define DHCP6_IA_NA_LEN		12	/* IAID, T1, T2 */
#define DHCP6_IAADDR_LEN	24	/* address, preferred, valid */
#define DHCP6_SOL_MAX_RT_MIN	60	/* RFC 8415 21.24: outside: ignored */
#define DHCP6_SOL_MAX_RT_MAX	86400
#define DHCP6_ELAPSED_MAX	0xffff	/* hundredths of a second */

#define DHCP6_MAX_IA		4	/* IA_NAs a parsed message keeps */
#define DHCP6_MAX_IAADDR	4	/* IAADDRs an IA_NA keeps */
#define DHCP6_MAX_ORO		8	/* codes an ORO keeps */
#define DHCP6_STATUS_MSG_MAX	64	/* status message kept, with its NUL */

/*
 * dhcp6_duid_ll(): the DUID-LL of @mac into @duid: 00 03 (DUID-LL),
 * 00 01 (Ethernet), then the MAC.
 */
void dhcp6_duid_ll(uint8_t duid[DHCP6_DUID_LL_LEN], const uint8_t mac[6]);
/*
 * dhcp6_elapsed(): the Elapsed Time option's value for an exchange begun at
 * @start_ms: hundredths of a second, 0xffff at most (0 when @now_ms is not
 * after @start_ms).
 */
uint16_t dhcp6_elapsed(uint64_t start_ms, uint64_t now_ms);

/**
 * struct dhcp6_writer - a message being built into a caller's buffer
 * @buf: the buffer
 * @size: its size
 * @len: bytes written so far
 * @overflow: something did not fit: nothing more is written, and
 *	dhcp6_writer_end() says 0
 */
struct dhcp6_writer {
	uint8_t *buf;
	size_t size;
	size_t len;
	bool overflow;
};

void dhcp6_writer_init(struct dhcp6_writer *w, uint8_t *buf, size_t size);
/* dhcp6_writer_end(): the message's length, 0 when it overflowed. */
size_t dhcp6_writer_end(const struct dhcp6_writer *w);
void dhcp6_put_u8(struct dhcp6_writer *w, uint8_t v);
void dhcp6_put_u16(struct dhcp6_writer *w, uint16_t v);
void dhcp6_put_u32(struct dhcp6_writer *w, uint32_t v);
void dhcp6_put_bytes(struct dhcp6_writer *w, const void *p, size_t len);
/* dhcp6_put_header(): msg-type and the low 24 bits of @xid. */
void dhcp6_put_header(struct dhcp6_writer *w, uint8_t type, uint32_t xid);
/* dhcp6_put_option(): a whole option (@len <= 0xffff, else overflow). */
void dhcp6_put_option(struct dhcp6_writer *w, uint16_t code, const void *data,
		      size_t len);
/*
 * dhcp6_opt_begin(), dhcp6_opt_end(): an option whose contents are written
 * in between (nested options): begin returns where its header is, end fills
 * its length in.
 */
size_t dhcp6_opt_begin(struct dhcp6_writer *w, uint16_t code);
void dhcp6_opt_end(struct dhcp6_writer *w, size_t start);
/*
 * dhcp6_put_ia_na(): an IA_NA with an IAADDR for @addr (none when NULL),
 * its lifetimes @preferred and @valid.
 */
void dhcp6_put_ia_na(struct dhcp6_writer *w, uint32_t iaid, uint32_t t1,
		     uint32_t t2, const struct in6_addr *addr,
		     uint32_t preferred, uint32_t valid);
/* dhcp6_put_oro(): the Option Request option v4v6d sends (SOL_MAX_RT). */
void dhcp6_put_oro(struct dhcp6_writer *w);
void dhcp6_put_elapsed(struct dhcp6_writer *w, uint16_t hundredths);

/**
 * struct dhcp6_out - a client message to build
 * @type: Solicit, Request, Renew, Rebind, Release or Decline
 * @xid: its transaction ID (24 bits)
 * @client_duid: our DUID (1..130 bytes)
 * @client_duid_len: its length
 * @server_duid: the server's DUID: needed by Request, Renew, Release and
 *	Decline; never sent in Solicit and Rebind
 * @server_duid_len: its length
 * @iaid: the IA_NA's IAID
 * @addr: the IA_NA's address (none: NULL; Solicit may have it as a hint)
 * @addr2: a second address of the IA_NA (none: NULL): the one a Renew,
 *	Rebind or Release is about besides @addr
 * @elapsed: the Elapsed Time option's value (dhcp6_elapsed())
 *
 * T1, T2 and the lifetimes sent are always 0: the server decides them
 * (RFC 8415 18.2.4 says so for Renew; hints are optional elsewhere).
 */
struct dhcp6_out {
	enum dhcp6_type type;
	uint32_t xid;
	const uint8_t *client_duid;
	size_t client_duid_len;
	const uint8_t *server_duid;
	size_t server_duid_len;
	uint32_t iaid;
	const struct in6_addr *addr;
	const struct in6_addr *addr2;
	uint16_t elapsed;
};

/*
 * dhcp6_build(): @m into @buf with the options RFC 8415 section 18.2 and
 * Appendix B want for its type, in this order: Client ID, Server ID,
 * IA_NA, Elapsed Time, ORO (not in Release/Decline), Rapid Commit (Solicit).
 * Returns the length, or 0 when it does not fit in @size bytes or @m is
 * not a client message (type, or a DUID missing or of a bad length).
 */
size_t dhcp6_build(const struct dhcp6_out *m, uint8_t *buf, size_t size);

/**
 * struct dhcp6_iaaddr - an IAADDR option, parsed
 * @addr: the address
 * @preferred: preferred lifetime (seconds)
 * @valid: valid lifetime (seconds)
 * @status: its Status Code, DHCP6_STATUS_NONE when it has none
 */
struct dhcp6_iaaddr {
	struct in6_addr addr;
	uint32_t preferred, valid;
	int status;
};

/**
 * struct dhcp6_ia - an IA_NA option, parsed
 * @iaid: its IAID
 * @t1: its T1 (seconds)
 * @t2: its T2 (seconds)
 * @status: its Status Code, DHCP6_STATUS_NONE when it has none
 * @n_addrs: how many of its IAADDRs were kept (the first DHCP6_MAX_IAADDR)
 * @addrs: them
 */
struct dhcp6_ia {
	uint32_t iaid;
	uint32_t t1, t2;
	int status;
	unsigned int n_addrs;
	struct dhcp6_iaaddr addrs[DHCP6_MAX_IAADDR];
};

/**
 * struct dhcp6_parsed - a message, parsed
 * @type: msg-type
 * @xid: transaction-id
 * @clientid_len: the Client ID's length, 0 when absent
 * @clientid: its contents (an opaque DUID)
 * @serverid_len: the Server ID's length, 0 when absent
 * @serverid: its contents
 * @status: the top-level Status Code, DHCP6_STATUS_NONE when absent
 * @status_msg: its message, non-printable bytes as '?', truncated
 * @has_preference: a Preference option came
 * @preference: its value
 * @rapid_commit: a Rapid Commit option came
 * @sol_max_rt: a SOL_MAX_RT option's value, 0 when absent or outside
 *	60..86400 (RFC 8415 21.24: such values are ignored)
 * @has_elapsed: an Elapsed Time option came (client messages)
 * @elapsed: its value
 * @n_oro: how many codes the ORO had (the first DHCP6_MAX_ORO are kept)
 * @oro: them
 * @has_oro: an ORO came
 * @n_ia: how many IA_NAs were kept
 * @ia: them
 *
 * IA_NAs: the first DHCP6_MAX_IA are kept, in the order they came, whatever
 * their IAID; later ones are checked and dropped. Two with the same IAID
 * among those kept reject the message. The client picks its own by IAID.
 */
struct dhcp6_parsed {
	uint8_t type;
	uint32_t xid;
	uint16_t clientid_len;
	uint8_t clientid[DHCP6_DUID_MAX];
	uint16_t serverid_len;
	uint8_t serverid[DHCP6_DUID_MAX];
	int status;
	char status_msg[DHCP6_STATUS_MSG_MAX];
	bool has_preference;
	uint8_t preference;
	bool rapid_commit;
	uint32_t sol_max_rt;
	bool has_elapsed;
	uint16_t elapsed;
	bool has_oro;
	unsigned int n_oro;
	uint16_t oro[DHCP6_MAX_ORO];
	unsigned int n_ia;
	struct dhcp6_ia ia[DHCP6_MAX_IA];
};

/*
 * dhcp6_parse(): @len bytes of a message into @p. Returns 0, or -1 with
 * *@why (a static string) saying what is wrong: truncated header, a relay
 * message, an option running past its container, a length that its option
 * cannot have, a singleton option twice, an empty or oversized DUID.
 * Unknown options are skipped.
 */
int dhcp6_parse(const uint8_t *msg, size_t len, struct dhcp6_parsed *p,
		const char **why);

/* dhcp6_find_ia(): @p's IA_NA of @iaid, NULL when it has none. */
const struct dhcp6_ia *dhcp6_find_ia(const struct dhcp6_parsed *p,
				     uint32_t iaid);
/* dhcp6_status_name(): "NoAddrsAvail"..., "unknown" for other codes. */
const char *dhcp6_status_name(int status);
/* dhcp6_type_name(): "Solicit"..., "unknown" for other types. */
const char *dhcp6_type_name(int type);

#endif

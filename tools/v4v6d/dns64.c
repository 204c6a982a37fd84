// SPDX-License-Identifier: GPL-2.0
/*
 * RFC 7050: the NAT64 prefix from the AAAA records of ipv4only.arpa, asked
 * of the system's resolver in a thread of its own (getaddrinfo() blocks);
 * the answer comes back through a pipe the main loop polls. Asked at start,
 * when an RA's PREF64 expires, and every hour (every minute while there is
 * no answer).
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "parse.h"
#include "v4v6d.h"

#define DNS64_MAX_ADDRS	16
#define REFRESH_MS	3600000
#define RETRY_MS	60000

struct dns64_answer {
	unsigned int n;
	struct in6_addr addrs[DNS64_MAX_ADDRS];
};

static int pipe_fds[2] = { -1, -1 };
static bool running;
static uint64_t next_ms;

int dns64_fd(void)
{
	return pipe_fds[0];
}

static void *lookup(void *arg)
{
	struct addrinfo hints = { .ai_family = AF_INET6,
				  .ai_socktype = SOCK_DGRAM };
	struct dns64_answer ans = { 0 };
	struct addrinfo *res, *ai;

	(void)arg;
	if (!getaddrinfo("ipv4only.arpa", NULL, &hints, &res)) {
		for (ai = res; ai && ans.n < DNS64_MAX_ADDRS; ai = ai->ai_next)
			ans.addrs[ans.n++] =
				((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
		freeaddrinfo(res);
	}
	/* less than PIPE_BUF: one atomic write */
	if (write(pipe_fds[1], &ans, sizeof(ans)) != sizeof(ans))
		log_err("DNS64: cannot pass the answer on");
	return NULL;
}

/* dns64_start(): ask now, unless asking already or switched off. */
void dns64_start(void)
{
	pthread_attr_t attr;
	pthread_t t;

	if (!d4.cfg.dns64 || running)
		return;
	if (pipe_fds[0] < 0 && pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK)) {
		log_err("DNS64: pipe: %s", strerror(errno));
		return;
	}
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&t, &attr, lookup, NULL))
		log_err("DNS64: cannot start the lookup");
	else
		running = true;
	pthread_attr_destroy(&attr);
}

void dns64_tick(uint64_t now)
{
	if (now >= next_ms)
		dns64_start();
}

void dns64_receive(void)
{
	struct dns64_answer ans;
	struct in6_addr p;
	uint8_t len;
	char s[PREF64_STRLEN];

	if (read(pipe_fds[0], &ans, sizeof(ans)) != sizeof(ans))
		return;
	running = false;
	if (!pref64_from_aaaa(ans.addrs, ans.n, &p, &len)) {
		if (!d4.have_dns64 || d4.dns64_len != len ||
		    memcmp(&d4.dns64_pref, &p, 16)) {
			format_pref64(&p, len, s, sizeof(s));
			log_info("DNS64: ipv4only.arpa says %s", s);
		}
		d4.have_dns64 = true;
		d4.dns64_pref = p;
		d4.dns64_len = len;
		next_ms = now_ms() + REFRESH_MS;
	} else {
		if (d4.have_dns64)
			log_info("DNS64: ipv4only.arpa no longer resolves");
		d4.have_dns64 = false;
		next_ms = now_ms() + RETRY_MS;
	}
	pref64_choose();
}

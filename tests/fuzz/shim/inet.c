// SPDX-License-Identifier: GPL-2.0
/*
 * in4_pton() and in6_pton() for whole strings (srclen -1, no delimiter),
 * which is how the KUnit suite calls them, through the C library.
 */
#include <arpa/inet.h>
#include <linux/inet.h>
#include <string.h>

static int pton(int af, const char *src, int srclen, u8 *dst, const char **end)
{
	char buf[64];
	size_t n = srclen < 0 ? strlen(src) : (size_t)srclen;

	if (n >= sizeof(buf))
		return 0;
	memcpy(buf, src, n);
	buf[n] = 0;
	if (inet_pton(af, buf, dst) != 1)
		return 0;
	if (end)
		*end = src + n;
	return 1;
}

int in4_pton(const char *src, int srclen, u8 *dst, int delim,
	     const char **end)
{
	(void)delim;
	return pton(AF_INET, src, srclen, dst, end);
}

int in6_pton(const char *src, int srclen, u8 *dst, int delim,
	     const char **end)
{
	(void)delim;
	return pton(AF_INET6, src, srclen, dst, end);
}

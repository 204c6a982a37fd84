/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The record that a test's fakes keep of what they were asked, "what(args);"
 * one after the other (test_follow.c, test_ident.c). Include after
 * <cmocka.h>; each test reads and clears asked[] as it needs.
 */
#ifndef V4V6_TESTS_ASKED_H
#define V4V6_TESTS_ASKED_H

#include <stdarg.h>
#include <stdio.h>

static char asked[2048];
static size_t asked_len;

__attribute__((format(printf, 1, 2)))
static void ask(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	asked_len += (size_t)vsnprintf(asked + asked_len,
				       sizeof(asked) - asked_len, fmt, ap);
	va_end(ap);
	assert_true(asked_len < sizeof(asked) - 1);
	asked[asked_len++] = ';';
	asked[asked_len] = '\0';
}

#endif /* V4V6_TESTS_ASKED_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of KUnit to run a suite in userspace: cases, parameterised
 * cases, expectations and assertions (an assertion ends the case through
 * longjmp), kunit_kzalloc(). The runner is shim/kunit.c. Failures are
 * printed and counted; the authoritative run stays the QEMU one.
 */
#ifndef _SHIM_KUNIT_TEST_H
#define _SHIM_KUNIT_TEST_H

#include <linux/kernel.h>
#include <linux/string.h>
#include <setjmp.h>
#include <stdio.h>

#define KUNIT_PARAM_DESC_SIZE 128

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit_shim_alloc;

struct kunit {
	void *priv;
	const void *param_value;
	enum kunit_status status;
	const char *name;
	/* the shim's own */
	jmp_buf abort;
	struct kunit_shim_alloc *allocs;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
};

struct kunit_suite {
	const char *name;
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
};

#define KUNIT_CASE(f) { .run_case = f, .name = #f }
#define KUNIT_CASE_PARAM(f, gen) { .run_case = f, .name = #f, \
	.generate_params = gen }

#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
static const void *name##_gen_params(const void *prev, char *desc)	\
{									\
	__typeof__((array)[0]) *__next = prev ?				\
		((__typeof__(__next))prev) + 1 : (array);		\
	if ((size_t)(__next - (array)) < ARRAY_SIZE(array)) {		\
		void (*__get_desc)(__typeof__(__next), char *) = get_desc; \
		if (__get_desc)						\
			__get_desc(__next, desc);			\
		return __next;						\
	}								\
	return NULL;							\
}

void kunit_shim_register(struct kunit_suite *suite);

#define kunit_test_suite(suite)						\
static void __attribute__((constructor)) kunit_shim_reg_##suite(void)	\
{									\
	kunit_shim_register(&suite);					\
}

void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp);

#define kunit_info(test, fmt, ...) \
	kunit_shim_log(test, fmt, ##__VA_ARGS__)
void kunit_shim_log(struct kunit *test, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Records a failure; an assertion then leaves the case. */
void kunit_shim_fail(struct kunit *test, bool assertion, const char *file,
		     int line, const char *what, long long a, long long b,
		     const char *fmt, ...) __attribute__((format(printf, 8, 9)));

#define KUNIT_SHIM_BINARY(test, assertion, a, op, b, ...) do {		\
	__typeof__(a) __a = (a);					\
	__typeof__(b) __b = (b);					\
	if (!(__a op __b))						\
		kunit_shim_fail(test, assertion, __FILE__, __LINE__,	\
				#a " " #op " " #b, (long long)__a,	\
				(long long)__b, "" __VA_ARGS__);	\
} while (0)

#define KUNIT_SHIM_BOOL(test, assertion, c, ...) do {			\
	if (!(c))							\
		kunit_shim_fail(test, assertion, __FILE__, __LINE__, #c, \
				0, 0, "" __VA_ARGS__);			\
} while (0)

#define KUNIT_SHIM_STREQ(test, assertion, a, b, ...) do {		\
	const char *__a = (a), *__b = (b);				\
	if (strcmp(__a, __b))						\
		kunit_shim_fail(test, assertion, __FILE__, __LINE__,	\
				#a " == " #b, 0, 0, "\"%s\" vs \"%s\"",	\
				__a, __b);				\
} while (0)

#define KUNIT_EXPECT_EQ(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, ==, b)
#define KUNIT_EXPECT_EQ_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, ==, b, __VA_ARGS__)
#define KUNIT_EXPECT_NE(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, !=, b)
#define KUNIT_EXPECT_NE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, !=, b, __VA_ARGS__)
#define KUNIT_EXPECT_LT(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, <, b)
#define KUNIT_EXPECT_LT_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, <, b, __VA_ARGS__)
#define KUNIT_EXPECT_LE(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, <=, b)
#define KUNIT_EXPECT_LE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, <=, b, __VA_ARGS__)
#define KUNIT_EXPECT_GT(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, >, b)
#define KUNIT_EXPECT_GT_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, >, b, __VA_ARGS__)
#define KUNIT_EXPECT_GE(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, >=, b)
#define KUNIT_EXPECT_GE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, >=, b, __VA_ARGS__)
#define KUNIT_EXPECT_PTR_EQ(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, ==, b)
#define KUNIT_EXPECT_PTR_EQ_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, ==, b, __VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE(t, a, b) \
	KUNIT_SHIM_BINARY(t, false, a, !=, b)
#define KUNIT_EXPECT_PTR_NE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, false, a, !=, b, __VA_ARGS__)
#define KUNIT_EXPECT_TRUE(t, c) KUNIT_SHIM_BOOL(t, false, c)
#define KUNIT_EXPECT_TRUE_MSG(t, c, ...) \
	KUNIT_SHIM_BOOL(t, false, c, __VA_ARGS__)
#define KUNIT_EXPECT_FALSE(t, c) KUNIT_SHIM_BOOL(t, false, !(c))
#define KUNIT_EXPECT_FALSE_MSG(t, c, ...) \
	KUNIT_SHIM_BOOL(t, false, !(c), __VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(t, p) KUNIT_SHIM_BOOL(t, false, (p) != NULL)
#define KUNIT_EXPECT_NULL(t, p) KUNIT_SHIM_BOOL(t, false, (p) == NULL)
#define KUNIT_EXPECT_STREQ(t, a, b) KUNIT_SHIM_STREQ(t, false, a, b)

#define KUNIT_ASSERT_EQ(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, ==, b)
#define KUNIT_ASSERT_EQ_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, ==, b, __VA_ARGS__)
#define KUNIT_ASSERT_NE(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, !=, b)
#define KUNIT_ASSERT_NE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, !=, b, __VA_ARGS__)
#define KUNIT_ASSERT_LT(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, <, b)
#define KUNIT_ASSERT_LT_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, <, b, __VA_ARGS__)
#define KUNIT_ASSERT_LE(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, <=, b)
#define KUNIT_ASSERT_LE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, <=, b, __VA_ARGS__)
#define KUNIT_ASSERT_GT(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, >, b)
#define KUNIT_ASSERT_GT_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, >, b, __VA_ARGS__)
#define KUNIT_ASSERT_GE(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, >=, b)
#define KUNIT_ASSERT_GE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, >=, b, __VA_ARGS__)
#define KUNIT_ASSERT_PTR_EQ(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, ==, b)
#define KUNIT_ASSERT_PTR_EQ_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, ==, b, __VA_ARGS__)
#define KUNIT_ASSERT_PTR_NE(t, a, b) \
	KUNIT_SHIM_BINARY(t, true, a, !=, b)
#define KUNIT_ASSERT_PTR_NE_MSG(t, a, b, ...) \
	KUNIT_SHIM_BINARY(t, true, a, !=, b, __VA_ARGS__)
#define KUNIT_ASSERT_TRUE(t, c) KUNIT_SHIM_BOOL(t, true, c)
#define KUNIT_ASSERT_TRUE_MSG(t, c, ...) \
	KUNIT_SHIM_BOOL(t, true, c, __VA_ARGS__)
#define KUNIT_ASSERT_FALSE(t, c) KUNIT_SHIM_BOOL(t, true, !(c))
#define KUNIT_ASSERT_FALSE_MSG(t, c, ...) \
	KUNIT_SHIM_BOOL(t, true, !(c), __VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL(t, p) KUNIT_SHIM_BOOL(t, true, (p) != NULL)
#define KUNIT_ASSERT_NULL(t, p) KUNIT_SHIM_BOOL(t, true, (p) == NULL)
#define KUNIT_ASSERT_STREQ(t, a, b) KUNIT_SHIM_STREQ(t, true, a, b)

#endif

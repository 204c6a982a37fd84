// SPDX-License-Identifier: GPL-2.0
/*
 * Runs the registered KUnit suites in userspace: every case, every
 * parameter, init and exit around each. Prints failures and a count.
 */
#include <kunit/test.h>
#include <stdarg.h>
#include <stdlib.h>

#include "kunit_shim.h"

#define MAX_SUITES 8

struct kunit_shim_alloc {
	struct kunit_shim_alloc *next;
};

static struct kunit_suite *suites[MAX_SUITES];
static unsigned int n_suites;
static unsigned int n_failed_checks;
static const char *current_case;
static bool verbose;

void kunit_shim_register(struct kunit_suite *suite)
{
	if (n_suites == MAX_SUITES)
		abort();
	suites[n_suites++] = suite;
}

void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	struct kunit_shim_alloc *a = calloc(1, sizeof(*a) + size);

	(void)gfp;
	if (!a)
		return NULL;
	a->next = test->allocs;
	test->allocs = a;
	return a + 1;
}

void kunit_shim_log(struct kunit *test, const char *fmt, ...)
{
	va_list ap;

	if (!verbose)
		return;
	printf("    # %s: ", test->name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void kunit_shim_fail(struct kunit *test, bool assertion, const char *file,
		     int line, const char *what, long long a, long long b,
		     const char *fmt, ...)
{
	va_list ap;

	test->status = KUNIT_FAILURE;
	n_failed_checks++;
	printf("    # %s: %s failed at %s:%d: %s (%lld vs %lld) ", test->name,
	       assertion ? "assertion" : "expectation", file, line, what, a, b);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (assertion)
		longjmp(test->abort, 1);
}

const char *kunit_shim_current_case(void)
{
	return current_case;
}

/* One case with one parameter (or none): init, run, exit. */
static bool run_one(struct kunit_suite *s, struct kunit_case *c,
		    const void *param, const char *desc)
{
	struct kunit test = { .name = c->name, .param_value = param };
	struct kunit_shim_alloc *a;

	current_case = c->name;
	if (s->init && s->init(&test)) {
		printf("    # %s: init failed\n", c->name);
		return false;
	}
	if (!setjmp(test.abort))
		c->run_case(&test);
	if (s->exit)
		s->exit(&test);
	while ((a = test.allocs)) {
		test.allocs = a->next;
		free(a);
	}
	if (test.status == KUNIT_FAILURE)
		printf("    not ok %s%s%s\n", c->name, *desc ? " - " : "", desc);
	return test.status != KUNIT_FAILURE;
}

void kunit_shim_run_all(struct kunit_shim_counts *counts, bool be_verbose)
{
	char desc[KUNIT_PARAM_DESC_SIZE];
	unsigned int i;

	verbose = be_verbose;
	for (i = 0; i < n_suites; i++) {
		struct kunit_suite *s = suites[i];
		struct kunit_case *c;

		for (c = s->test_cases; c->run_case; c++) {
			const void *param = NULL;
			bool ok;

			if (!c->generate_params) {
				desc[0] = 0;
				ok = run_one(s, c, NULL, desc);
				counts->passed += ok;
				counts->failed += !ok;
				continue;
			}
			desc[0] = 0;
			while ((param = c->generate_params(param, desc))) {
				ok = run_one(s, c, param, desc);
				counts->passed += ok;
				counts->failed += !ok;
				desc[0] = 0;
			}
		}
	}
	counts->failed_checks = n_failed_checks;
	current_case = NULL;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The state file on disk: saved atomically (a temporary file in the same
 * directory, fsync, the current file kept as PATH.bak by a hard link, then
 * a rename, then fsync of the directory). The tools library reads it
 * (lib/state_read.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state_write.h"

/* Set @err to "@path: @what: errno's message" (errno kept); return -1. */
static int sys_fail(char *err, size_t errlen, const char *path,
		    const char *what)
{
	int e = errno;

	snprintf(err, errlen, "%s: %s%s%s", path, what, *what ? ": " : "",
		 strerror(e));
	errno = e;
	return -1;
}

/* "@path@suffix", malloc'd. */
static char *path_with(const char *path, const char *suffix)
{
	char *s = NULL;

	return asprintf(&s, "%s%s", path, suffix) < 0 ? NULL : s;
}

/* fsync the directory holding @path, so that a rename in it is durable. */
static int sync_dir(const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, r = 0;

	if (!slash)
		dir = strdup(".");
	else
		dir = strndup(path, slash == path ? 1 : (size_t)(slash - path));
	if (!dir) {
		errno = ENOMEM;
		return sys_fail(err, errlen, path, "");
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* EINVAL: a file system that cannot sync directories. */
	if (fd < 0 || (fsync(fd) && errno != EINVAL))
		r = sys_fail(err, errlen, dir, "cannot sync the directory");
	if (fd >= 0)
		close(fd);
	free(dir);
	return r;
}

/*
 * @st into a new temporary file @tmp (a mkstemp() template), written as it
 * goes through stdio's buffer: 0 or -1.
 */
static int write_temp(char *tmp, const struct state *st, char *err,
		      size_t errlen)
{
	int fd = mkostemp(tmp, O_CLOEXEC), r;
	FILE *f;

	if (fd < 0)
		return sys_fail(err, errlen, tmp, "cannot create");
	f = fchmod(fd, 0600) ? NULL : fdopen(fd, "w");
	if (!f) {
		sys_fail(err, errlen, tmp, "cannot write");
		close(fd);
		unlink(tmp);
		return -1;
	}
	errno = 0;
	r = state_write(f, st);
	if (!r && (fflush(f) || fsync(fd)))
		r = -1;
	if (r) {
		/* no errno: a field that cannot be written */
		if (!errno)
			errno = EINVAL;
		sys_fail(err, errlen, tmp, "cannot write");
		fclose(f);
		unlink(tmp);
		return -1;
	}
	if (fclose(f)) {
		sys_fail(err, errlen, tmp, "cannot write");
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* Keep @path, if there is one, as @bak: 0 or -1. */
static int keep_bak(const char *path, const char *bak, char *err,
		    size_t errlen)
{
	struct stat sb;

	if (lstat(path, &sb))
		return errno == ENOENT ? 0 :
		       sys_fail(err, errlen, path, "");
	if (unlink(bak) && errno != ENOENT)
		return sys_fail(err, errlen, bak, "cannot remove");
	if (link(path, bak))
		return sys_fail(err, errlen, bak, "cannot link");
	return 0;
}

int state_save(const char *path, const struct state *st, char *err,
	       size_t errlen)
{
	char *tmp, *bak;
	int r = -1;

	if (state_validate(st, err, errlen))
		return -1;
	tmp = path_with(path, ".XXXXXX");
	bak = path_with(path, ".bak");
	if (!tmp || !bak) {
		errno = ENOMEM;
		sys_fail(err, errlen, path, "");
		goto out;
	}
	if (write_temp(tmp, st, err, errlen))
		goto out;
	if (keep_bak(path, bak, err, errlen)) {
		unlink(tmp);
		goto out;
	}
	if (rename(tmp, path)) {
		sys_fail(err, errlen, path, "cannot replace");
		unlink(tmp);
		goto out;
	}
	r = sync_dir(path, err, errlen);
out:
	free(tmp);
	free(bak);
	return r;
}

/* Loading. */

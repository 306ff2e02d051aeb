/* SPDX-License-Identifier: ISC */
/*
 * lock.c - one writer at a time.  A command that writes (build, adopt,
 * revise, sign, packet, report, diff -o) holds a lock on the project,
 * a POSIX record lock on .styrdok/lock under the project root, for as
 * long as it runs; the kernel drops it when the process ends, however
 * it ends.  A second writer waits up to STYRDOK_LOCK_WAIT seconds and
 * then exits 3 naming the pid that holds it.  Readers (check, list,
 * diff to standard output) take no lock.
 *
 * A record lock rather than flock(2): F_GETLK names the holder's pid,
 * so nothing has to be written into the lock file and a run with
 * nothing to do changes no file at all.
 *
 * Whoever holds the lock first finishes what dead runs left: a commit
 * in the journal (write.c), then their temporary files, staging
 * directories (archive.c) and FOP directories and processes (pdf.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "styrdok.h"

#define LOCK_DIR ".styrdok"
#define LOCK_FILE LOCK_DIR "/lock"
#define LOCK_WAIT_SECONDS 10

/* The lock file, open for as long as the lock is held. */
static int lock_fd = -1;

/*
 * Tries once to lock fd.  Returns 0 when locked, 1 when another process
 * holds it (its pid in *holder, 0 when unknown), -1 on an error.
 */
static int
try_lock(int fd, long *holder)
{
	struct flock fl;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_SETLK, &fl) == 0)
		return 0;
	if (errno != EACCES && errno != EAGAIN)
		return -1;
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	*holder = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK ?
	    (long)fl.l_pid : 0;
	return 1;
}

/*
 * Opens the lock file, creating it.  Returns the fd, or -1 with errno
 * set (EROFS or EACCES: a project this user cannot write).
 */
static int
lock_open(void)
{
	struct stat st;

	if (mkdir(LOCK_DIR, 0755) != 0 && errno != EEXIST)
		return -1;
	/* The journal is written here too: never through a link. */
	if (lstat(LOCK_DIR, &st) != 0 || !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return open(LOCK_FILE, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    0644);
}

/* Seconds a writer waits for the lock: STYRDOK_LOCK_WAIT, or 10. */
static double
lock_wait(void)
{
	const char *env = getenv("STYRDOK_LOCK_WAIT");
	char *end;
	double s;

	if (env == NULL || *env == '\0')
		return LOCK_WAIT_SECONDS;
	s = strtod(env, &end);
	return *end == '\0' && s >= 0 ? s : LOCK_WAIT_SECONDS;
}

/* What dead runs left in the project, removed by the lock's holder. */
static void
clean_up_after_others(struct diags *d)
{
	if (write_recover(d) != 0)
		return;
	write_clean_stale(d, "policies");
	archive_clean_stale(d);
	pdf_clean_stale(d);
}

/*
 * Takes the project's writer lock (in the current directory, the
 * project root), waiting a bounded time, then completes and cleans up
 * what dead runs left.  Returns 0, or EXIT_SYSTEM after a diagnostic.
 * A project this user cannot write is not locked: nothing in it can be
 * written by this run either.
 */
int
project_lock(struct diags *d)
{
	struct timespec start, now, pause = {0, 50 * 1000 * 1000};
	double wait = lock_wait();
	long holder = 0;
	int rc;

	if ((lock_fd = lock_open()) < 0) {
		if (errno == EROFS || errno == EACCES)
			return EXIT_OK;
		diag_add(d, LOCK_FILE, 0, 0, SEV_ERROR, RULE_LOCK, "cannot "
		    "lock the project: %s", errno == ENOTDIR ? LOCK_DIR " is "
		    "not a directory (symbolic links are not followed)" :
		    strerror(errno));
		return EXIT_SYSTEM;
	}
	clock_gettime(CLOCK_MONOTONIC, &start);
	while ((rc = try_lock(lock_fd, &holder)) == 1) {
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (interrupted() || (double)(now.tv_sec - start.tv_sec) +
		    (double)(now.tv_nsec - start.tv_nsec) / 1e9 >= wait)
			break;
		nanosleep(&pause, NULL);
	}
	if (rc != 0) {
		if (rc < 0)
			diag_add(d, LOCK_FILE, 0, 0, SEV_ERROR, RULE_LOCK,
			    "cannot lock the project: %s", strerror(errno));
		else if (holder > 0)
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_LOCK, "another "
			    "styrdok is writing to this project (pid %ld); "
			    "waited %g seconds (STYRDOK_LOCK_WAIT)", holder,
			    wait);
		else
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_LOCK, "another "
			    "styrdok is writing to this project; waited %g "
			    "seconds (STYRDOK_LOCK_WAIT)", wait);
		close(lock_fd);
		lock_fd = -1;
		return EXIT_SYSTEM;
	}
	clean_up_after_others(d);
	return EXIT_OK;
}

/*
 * For a reader: when a dead writer left a commit half done and no
 * writer runs now, completes it first, so what is read is the state
 * before that run or after it.  The lock is not kept.
 */
void
project_recover(struct diags *d)
{
	struct stat st;
	long holder;
	int fd;

	if (lstat(LOCK_DIR "/journal", &st) != 0 ||
	    (fd = open(LOCK_FILE, O_RDWR | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return;
	if (try_lock(fd, &holder) == 0)
		write_recover(d);
	close(fd);
}

/* Gives the lock back (it also goes when the process ends). */
void
project_unlock(void)
{
	if (lock_fd >= 0)
		close(lock_fd);
	lock_fd = -1;
}

/* SPDX-License-Identifier: ISC */
/*
 * signals.c - what a run does when it is told to stop.  SIGINT, SIGTERM
 * and SIGHUP stop the child processes (each in a process group of its
 * own, so their children too) and mark the run as interrupted; the run
 * then fails at its next step through its ordinary error paths, which
 * remove its temporary files, and main() exits 128 + the signal.  A run
 * that holds nothing to clean up exits at once.  Should the run not get
 * there within STOP_GRACE seconds (a long transform), it exits anyway:
 * what it leaves is removed by the next run (lock.c).
 *
 * Only async-signal-safe calls are made in the handlers; the table of
 * children is fixed-size for that reason.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "styrdok.h"

#define STOP_GRACE 5
#define MAX_CHILDREN 64

static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t holding;	/* temporaries and children held */
static volatile pid_t children[MAX_CHILDREN];

static void
kill_children(int sig)
{
	for (size_t i = 0; i < MAX_CHILDREN; i++)
		if (children[i] > 0)
			kill(-children[i], sig);
}

static void
on_alarm(int sig)
{
	(void)sig;
	kill_children(SIGKILL);
	_exit(128 + (stop_signal ? stop_signal : SIGTERM));
}

static void
on_stop(int sig)
{
	int again = stop_signal != 0;

	if (!again)
		stop_signal = sig;
	kill_children(again ? SIGKILL : SIGTERM);
	/* Nothing to clean up, or told twice: go now. */
	if (holding <= 0 || again)
		_exit(128 + stop_signal);
	alarm(STOP_GRACE);
}

/* Installs the handlers; main() calls it before any command runs. */
void
signals_init(void)
{
	struct sigaction sa;
	static const int stops[] = {SIGINT, SIGTERM, SIGHUP};

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(stops) / sizeof(*stops); i++)
		sigaddset(&sa.sa_mask, stops[i]);
	sa.sa_handler = on_stop;
	for (size_t i = 0; i < sizeof(stops) / sizeof(*stops); i++)
		sigaction(stops[i], &sa, NULL);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
}

/* The signal that told the run to stop, or 0. */
int
interrupted(void)
{
	return stop_signal;
}

/*
 * The run holds (delta 1) or no longer holds (-1) something a stop must
 * clean up first: a temporary file or directory, a child process.
 */
void
signals_hold(int delta)
{
	holding += delta;
}

/*
 * Holds back SIGINT, SIGTERM and SIGHUP (block 1) while a commit puts
 * files in place, so a stop comes before it or after it; block 0 lets
 * them in again.
 */
void
signals_block(int block)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}

/*
 * A child process (the leader of its own process group) that a stop
 * must end.  Returns 0, or -1 when the table is full (the child is then
 * still ended by PR_SET_PDEATHSIG when styrdok exits).
 */
int
child_add(pid_t pgid)
{
	for (size_t i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == 0) {
			children[i] = pgid;
			signals_hold(1);
			return 0;
		}
	return -1;
}

/* The child's group is gone: whatever is left of it is killed first. */
void
child_remove(pid_t pgid)
{
	for (size_t i = 0; i < MAX_CHILDREN; i++)
		if (children[i] == pgid) {
			kill(-pgid, SIGKILL);
			children[i] = 0;
			signals_hold(-1);
		}
}

/* Whether process pid is alive (or exists under another user). */
int
pid_alive(long pid)
{
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

/* SPDX-License-Identifier: ISC */
/*
 * cmd.h - the commands: their options and entry points.  For main.c and
 * the command files (cmd_*.c, build.c) only; no stage includes it.
 */
#ifndef STYRDOK_CMD_H
#define STYRDOK_CMD_H

#include "styrdok.h"

/* The options of the command line; each command reads its own. */
struct options {
	const char *dir;	/* -C */
	const char *origin;	/* the directory styrdok was started from */
	int quiet;		/* build --quiet: no progress line */
	const char *outdir;	/* -o DIR */
	const char *outfile;	/* diff -o FILE */
	const char *format;	/* check --format, build -f, report --format */
	int dump;		/* build --dump */
	int internal;		/* build, report --internal */
	int strict;		/* check --strict */
	int force;		/* build --force */
	const char *organ, *date, *paragraph, *dnr, *valid_from; /* adopt */
	int withdraw;		/* adopt --withdraw */
	const char *reason, *by;	/* adopt --withdraw */
	const char *version;	/* revise, sign --version */
	const char *staff;	/* sign --staff */
	const char *encoding;	/* sign, signed --encoding */
	int missing;		/* sign --missing */
	const char *from;	/* signed --from */
	int keep_going;		/* signed --keep-going */
	const char *port, *bind; /* serve --port, --bind */
	int open;		/* serve --open */
	const char *name, *org_id, *office_hours, *it_unit, *organs; /* init */
};

int cmd_check(struct options *, struct diags *, int argc, char **argv);
int cmd_list(struct options *, struct diags *, int argc, char **argv);
int cmd_build(struct options *, struct diags *, int argc, char **argv);
int cmd_report(struct options *, struct diags *, int argc, char **argv);
int cmd_diff(struct options *, struct diags *, int argc, char **argv);
int cmd_adopt(struct options *, struct diags *, int argc, char **argv);
int cmd_revise(struct options *, struct diags *, int argc, char **argv);
int cmd_sign(struct options *, struct diags *, int argc, char **argv);
int cmd_packet(struct options *, struct diags *, int argc, char **argv);
int cmd_signed(struct options *, struct diags *, int argc, char **argv);

int cmd_serve(struct options *, struct diags *, int argc, char **argv);
int cmd_init(struct options *, struct diags *, int argc, char **argv);

/* build.c: one build, for build and for serve's rebuilds. */
struct build_result {
	size_t written, current; /* pages written, pages up to date */
	size_t same;		 /* rendered, their files already so */
	struct buf changed;	 /* the paths written, one a line */
};

struct format_set;
int build_formats(struct options *, struct diags *, const char *cmd,
    struct format_set *);
int build_run(struct options *, struct diags *, const struct format_set *,
    int argc, char **argv, struct build_result *);

/* build.c: pages another command takes from the last build. */
struct reuse;
struct reuse *reuse_new(struct options *, struct project *);
void reuse_free(struct reuse *);
int reuse_page(struct reuse *, const char *kind, const char *id,
    const char *fmt, struct buf *out);


#endif

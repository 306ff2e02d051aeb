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
	const char *version;	/* revise, sign --version */
	const char *staff;	/* sign --staff */
	const char *encoding;	/* sign --encoding */
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


#endif

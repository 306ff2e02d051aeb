/* SPDX-License-Identifier: ISC */
/*
 * main.c - the command line only: global options, the table of commands
 * (name, function, options, help), getopt_long for each command's
 * options.  The work is in the command files (cmd_*.c, build.c).
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "cmd.h"
#include "datadir.h"	/* STYRDOK_LOCALEDIR: written by make */

static const char usage_text[] = N_(
    "usage: styrdok [-C DIR] [--absolute-paths] COMMAND [OPTIONS] [ARGS]\n"
    "       styrdok -h | --help | --version\n");

static const char help_text[] = N_(
    "styrdok turns the XML sources of a municipality's information-\n"
    "security governing documents (policies/) into validated documents.\n"
    "\n"
    "Options:\n"
    "  -C DIR        run in project directory DIR (default: .); files in\n"
    "                messages stay relative to where styrdok was started\n"
    "  --absolute-paths\n"
    "                name files in messages by their absolute paths\n"
    "  -h, --help    show this help, or a command's with COMMAND --help\n"
    "  --version     print the version\n"
    "\n"
    "Commands:\n"
    "  init DIR --name NAME [--id ID] [--office-hours TEXT] [--it-unit TEXT]\n"
    "       [--organs ID=NAME,...]\n"
    "                a new municipality's project in DIR, ready to check\n"
    "                and build\n"
    "  check [--format text|json|sarif] [--strict] [FILE...]\n"
    "                validate the sources; print every problem found\n"
    "  build [-o DIR] [-f FORMATS] [--dump] [--internal] [--force] [--quiet]\n"
    "        [ID...]\n"
    "                render documents, registers and the report into\n"
    "                output/\n"
    "  list          one line per document: id, type, version, status,\n"
    "                title\n"
    "  adopt ID --organ ORGAN --date DATE --paragraph N --dnr DNR\n"
    "        [--valid-from DATE]\n"
    "                record a decision and freeze that version under\n"
    "                policies/adopted/ID/VERSION/\n"
    "  adopt --withdraw ID@VERSION --reason TEXT [--by NAME]\n"
    "                record that an adoption was registered in error\n"
    "  diff [-f FORMAT] [-o FILE] [--dump] OLD NEW\n"
    "                redline between two versions (files, ID@VERSION, ID)\n"
    "  revise ID [--version V]\n"
    "                start the next draft of an adopted document\n"
    "  sign ID --staff FILE [--version V] [--missing] [--encoding cp1252]\n"
    "       [-o DIR] [--quiet]\n"
    "                one acknowledgement sheet per person, for one version\n"
    "  signed ID [--date DATE] [--from FILE] [--keep-going] [CODE|EMPLOYEE...]\n"
    "                record returned acknowledgement sheets (scanned\n"
    "                codes, employee numbers or register.csv)\n"
    "  packet CASE [-o DIR] [--quiet]\n"
    "                the approval packet of a case (ärende) for KS/KF\n"
    "  report [--format html|md|json] [-o DIR] [--internal]\n"
    "                governance status: the audit's findings and questions,\n"
    "                gaps per system, documents due for review\n"
    "  serve [--port N] [--open] [-o DIR] [-f FORMATS] [--internal]\n"
    "                live preview on 127.0.0.1: rebuild on every save and\n"
    "                reload the pages open in the browser\n"
    "\n"
    "Exit status: 0 success, 1 the input has errors, 2 usage error,\n"
    "3 system or environment error.  See styrdok(1).\n");

static const char help_check[] = N_(
    "usage: styrdok check [--format text|json|sarif] [--strict] [FILE...]\n"
    "\n"
    "Loads every source under policies/, validates it against the schema\n"
    "and the rules, parses its Markdown, and prints each problem as\n"
    "FILE:LINE:COL: SEVERITY: MESSAGE [RULE] on stderr, then a count.\n"
    "With FILE arguments, only problems in those files are reported\n"
    "(references are still resolved against the whole project); a FILE\n"
    "that is not under the project's policies/ is an error.\n"
    "\n"
    "  --format json   print the diagnostics as a JSON array on stdout\n"
    "  --format sarif  print them as a SARIF 2.1.0 log on stdout\n"
    "  --strict        exit 1 on warnings too (gaps in governance), for CI\n"
    "  -h, --help      show this help\n");

static const char help_build[] = N_(
    "usage: styrdok build [-o DIR] [-f FORMATS] [--dump] [--internal] [--force]\n"
    "       [--quiet] [ID...]\n"
    "\n"
    "Checks the project like `styrdok check`, then renders each document\n"
    "(or only the ids given) to DIR/ID/VERSION/ID.EXT, the registers to\n"
    "DIR/register/, the report to DIR/report/ and the list DIR/index.html.\n"
    "Nothing is written when the sources have errors.  A page whose inputs\n"
    "and file are unchanged since the last build (DIR/styrdok-build.record)\n"
    "is not rendered again.\n"
    "\n"
    "  -o, --output DIR    output directory (default: output)\n"
    "  -f, --format LIST   comma-separated formats: html, md, pdf, docx, odt\n"
    "                      (default: all; pdf only when FOP is installed)\n"
    "  --dump              print the enriched tree (XML) on stdout instead\n"
    "  --internal          include parts marked restricted (not for\n"
    "                      publication); pages say INTERN\n"
    "  --force             render everything, even what is up to date\n"
    "  -q, --quiet         no progress line on a terminal\n"
    "  -h, --help          show this help\n");

static const char help_adopt[] = N_(
    "usage: styrdok adopt ID --organ ORGAN --date YYYY-MM-DD --paragraph N\n"
    "       --dnr DNR [--valid-from YYYY-MM-DD]\n"
    "   or: styrdok adopt --withdraw ID@VERSION --reason TEXT [--by NAME]\n"
    "\n"
    "Records the decision in the document's source (status beslutad, the\n"
    "decision in the metadata and the revision history, the previous\n"
    "decided version marked superseded) and freezes the version in\n"
    "policies/adopted/ID/VERSION/: the canonical source, HTML, Markdown\n"
    "and a MANIFEST of SHA-256 sums.  Refused when the sources have\n"
    "errors, the organ may not adopt the document's type, the version is\n"
    "already adopted, or the date is invalid or before the previous\n"
    "decision.  An archive is never replaced.\n"
    "\n"
    "--withdraw records that the adoption of VERSION was registered in\n"
    "error: the archive stays, WITHDRAWN beside its MANIFEST says who,\n"
    "when and why (--by, default the user; --reason), and the source is\n"
    "a draft of VERSION again, to be adopted with the right decision.\n");

static const char help_revise[] = N_(
    "usage: styrdok revise ID [--version V]\n"
    "\n"
    "Starts the next draft of an adopted document: the next minor version\n"
    "(or V), status utkast, a new revision in the history, the adopted\n"
    "text as the starting point.  Refused while the document is a draft.\n");

static const char help_diff[] = N_(
    "usage: styrdok diff [-f FORMAT] [-o FILE] [--dump] OLD NEW\n"
    "\n"
    "The redline between two versions of a document.  OLD and NEW are\n"
    "files, ID@VERSION (an adopted version from policies/adopted/), or ID\n"
    "(the current source).  Sections, requirements and terms are matched\n"
    "by id, then by content; changed text is shown word by word.\n"
    "Exit status: 0 equal, 1 different, 2 trouble, 3 system error.\n"
    "\n"
    "  -f, --format FMT    md (default), html, json, or with -o: pdf, docx\n"
    "                      or odt (the changes as tracked changes)\n"
    "  -o, --output FILE   write to FILE (atomically) instead of stdout\n"
    "  --dump              print the enriched tree with the marked copy of\n"
    "                      NEW (<redline>) on stdout instead\n"
    "  -h, --help          show this help\n");

static const char help_sign[] = N_(
    "usage: styrdok sign ID --staff FILE [--version V] [--missing]\n"
    "       [--encoding utf-8|cp1252] [-o DIR] [--quiet]\n"
    "\n"
    "Writes DIR/signing/ID/VERSION/: the document (ID.html), sheets.html\n"
    "with one acknowledgement page per person in the staff list (title,\n"
    "version, decision, content hash, the statement, the person's name,\n"
    "unit, title and employee number, place, date and signature),\n"
    "sheets.pdf (the same, one page per person, when FOP is installed) and\n"
    "register.csv for recording returned sheets.  The version is V, else\n"
    "the version in force (the newest adopted), else the current draft.\n"
    "The staff list is CSV (';' or ','), UTF-8 with or without BOM, with\n"
    "the columns namn/name, enhet/unit, anställningsnummer/employee-id and\n"
    "optionally befattning/title; HR exports' förnamn + efternamn,\n"
    "avdelning/förvaltning and anst.nr/personalnummer are read too.\n"
    "Nothing is written when it has errors.\n"
    "Each sheet carries a QR code, STYRDOK1:ID:VERSION:HASH:EMPLOYEE, that\n"
    "styrdok signed reads back.\n"
    "\n"
    "  --staff FILE        the staff list\n"
    "  --version V         the version to sign\n"
    "  --missing           sheets only for those the signature register\n"
    "                      does not show as having signed that version\n"
    "  --encoding cp1252   read a list Excel saved as Windows-1252\n"
    "  -o, --output DIR    output directory (default: output)\n"
    "  -q, --quiet         no progress line on a terminal\n"
    "  -h, --help          show this help\n");

static const char help_signed[] = N_(
    "usage: styrdok signed ID [--date YYYY-MM-DD] [--from FILE] [--keep-going]\n"
    "       [--encoding utf-8|cp1252] [CODE|EMPLOYEE...]\n"
    "\n"
    "Records returned acknowledgement sheets of document ID in its\n"
    "signature register (<signatures doc=\"ID\"> under policies/).  Each\n"
    "sheet is the code printed on it (STYRDOK1:ID:VERSION:HASH:EMPLOYEE, as\n"
    "a USB scanner types it) or an employee number, which stands for the\n"
    "version in force: as arguments, or one a line on standard input, or\n"
    "--from the register.csv that sign wrote, with the date column filled\n"
    "in.  Every entry is checked (the document, the version exists, is not\n"
    "older than the version in force and is adopted unless the sheet says\n"
    "UTKAST, the hash is that version's, the person is on the staff list,\n"
    "the sheet is not recorded already).  With any error nothing is\n"
    "written.  The new entries are added after those in the register, whose\n"
    "existing text is kept byte for byte, in one atomic write.  Prints what\n"
    "was recorded (employee, name, version, date) on stdout and how many on\n"
    "the staff list have now signed the version in force.\n"
    "\n"
    "  --date YYYY-MM-DD   the date the sheets were signed (default: today)\n"
    "  --from FILE         read register.csv (rows with a date)\n"
    "  --keep-going        record the good entries even when others have\n"
    "                      errors (the exit status is still 1)\n"
    "  --encoding cp1252   read a FILE Excel saved as Windows-1252\n"
    "  -h, --help          show this help\n");

static const char help_packet[] = N_(
    "usage: styrdok packet CASE [-o DIR] [--quiet]\n"
    "\n"
    "Checks the project, then writes DIR/packets/CASE/: packet.html (the\n"
    "tjänsteskrivelse, each bilaga from a new page with its changes against\n"
    "the version in force or a coverage table of the earlier document's\n"
    "topics, and the answers to the auditors), each document, a redline\n"
    "against the adopted version where one is archived, report.html,\n"
    "packet.pdf (the whole packet, a bookmark per bilaga, when FOP is\n"
    "installed) and a MANIFEST of SHA-256 sums.  Refused while the sources\n"
    "have errors.\n"
    "\n"
    "  -o, --output DIR    output directory (default: output)\n"
    "  -q, --quiet         no progress line on a terminal\n"
    "  -h, --help          show this help\n");

static const char help_report[] = N_(
    "usage: styrdok report [--format html|md|json] [-o DIR] [--internal]\n"
    "\n"
    "Checks the project, then writes DIR/report/report.html, .md, .json\n"
    "and .pdf (when FOP is installed; otherwise a warning names an older\n"
    "report.pdf that was not rewritten):\n"
    "each finding of the audit and its status now, measured from the\n"
    "sources; answers to the auditors' questions; documents due for review;\n"
    "systems with gaps.  Ages are measured against the day of\n"
    "SOURCE_DATE_EPOCH when set, otherwise today.\n"
    "\n"
    "  --format FMT        also print the report in FMT on stdout\n"
    "  -o, --output DIR    output directory (default: output)\n"
    "  --internal          include parts marked restricted\n"
    "  -h, --help          show this help\n");

static const char help_serve[] = N_(
    "usage: styrdok serve [--port N] [--open] [-o DIR] [-f FORMATS]\n"
    "       [--internal] [--bind 127.0.0.1]\n"
    "\n"
    "Builds the project (HTML, plus the formats of -f), serves DIR over\n"
    "HTTP on 127.0.0.1 only, and rebuilds what changed whenever a file\n"
    "under policies/ or the templates is saved; the pages open in a\n"
    "browser reload by themselves.  While the sources have errors every\n"
    "HTML page shows the list of problems instead, and the files in DIR\n"
    "stay as the last good build wrote them.  Prints the address, then\n"
    "one line per rebuild; Ctrl-C stops it.  Only GET and HEAD of files\n"
    "under DIR are answered.\n"
    "\n"
    "  --port N            TCP port (default: 8000; 0: any free port)\n"
    "  --open              open the address in the desktop's browser\n"
    "                      (xdg-open)\n"
    "  -o, --output DIR    output directory (default: output)\n"
    "  -f, --format LIST   formats besides html: md, pdf, docx, odt\n"
    "  --internal          include parts marked restricted\n"
    "  --bind ADDR         only 127.0.0.1 (or localhost): a draft is never\n"
    "                      served to the network\n"
    "  -h, --help          show this help\n");

static const char help_init[] = N_(
    "usage: styrdok init DIR --name NAME [--id ID] [--office-hours TEXT]\n"
    "       [--it-unit TEXT] [--organs ID=NAME,...]\n"
    "\n"
    "Writes a new project into DIR (new, or an empty directory): policies/\n"
    "with the organisation (KF, KS, KSAU, the standard roles, office hours,\n"
    "the IT unit), the policy and the three instructions under it as\n"
    "skeletons that say what belongs in each section, an empty system\n"
    "register, a case that puts the four documents forward and an empty\n"
    "house-style profile (profil.xml).  It then checks what it wrote;\n"
    "styrdok -C DIR build works at once.\n"
    "\n"
    "  --name NAME          the municipality, such as \"Exempelby kommun\"\n"
    "  --id ID              the organisation's id (default: from the name)\n"
    "  --office-hours TEXT  office hours in words (default: weekdays\n"
    "                       08.00-17.00)\n"
    "  --it-unit TEXT       the municipality's IT unit (default: \"NAMEs\n"
    "                       IT-enhet\")\n"
    "  --organs LIST        nämnder besides KF, KS and KSAU, as\n"
    "                       BUN=Barn- och utbildningsnämnden,SN=Socialnämnden\n"
    "  -h, --help           show this help\n");

static const char help_list[] = N_(
    "usage: styrdok list\n"
    "\n"
    "Prints one line per document: id, type, version, status and title.\n");



/* Whether dir/sv/LC_MESSAGES/styrdok.mo is there: a directory of catalogues. */
static int
catalogues_at(const char *dir)
{
	char *probe = xasprintf("%s/sv/LC_MESSAGES/styrdok.mo", dir);
	struct stat st;
	int ok = stat(probe, &st) == 0 && S_ISREG(st.st_mode);

	free(probe);
	return ok;
}

/*
 * The user's language for the messages (LANG, LC_ALL, LC_MESSAGES,
 * LANGUAGE), with numbers kept in the C locale: libxml2, libxslt and the
 * formatting of FO lengths print with printf, and "1,5" is no length.
 * The catalogues are looked for as the templates are (pipeline.c):
 * $STYRDOK_LOCALEDIR when set; else locale/ beside the executable (a
 * build in the source tree, made by make from po/), then share/locale
 * beside its bin/ (installed anywhere, DESTDIR staging included), then
 * the directory compiled in.
 */
static void
locale_init(void)
{
	const char *env = getenv("STYRDOK_LOCALEDIR");
	char exe[PATH_MAX], *slash, *dir = NULL;
	ssize_t n;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	if (env != NULL && *env != '\0')
		dir = xstrdup(env);
	else if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/locale", exe);
			if (!catalogues_at(dir) &&
			    (slash = strrchr(exe, '/')) != NULL) {
				free(dir);
				*slash = '\0';
				dir = xasprintf("%s/share/locale", exe);
			}
			if (!catalogues_at(dir)) {
				free(dir);
				dir = NULL;
			}
		}
	}
	bindtextdomain("styrdok", dir != NULL ? dir : STYRDOK_LOCALEDIR);
	bind_textdomain_codeset("styrdok", "UTF-8");
	textdomain("styrdok");
	free(dir);
}

enum {
	OPT_DUMP = 256, OPT_FORMAT_LONG, OPT_STRICT, OPT_INTERNAL, OPT_ORGAN,
	OPT_DATE, OPT_PARAGRAPH, OPT_DNR, OPT_VALID_FROM, OPT_VERSION,
	OPT_STAFF, OPT_ENCODING, OPT_FORCE, OPT_MISSING, OPT_FROM,
	OPT_KEEP_GOING, OPT_PORT, OPT_OPEN, OPT_BIND, OPT_WITHDRAW, OPT_REASON,
	OPT_BY, OPT_NAME, OPT_ID, OPT_OFFICE_HOURS, OPT_IT_UNIT, OPT_ORGANS,
};
#define OPT_QUIET 'q'
#define OPT_ABSOLUTE_PATHS 512

#define OPT_HELP {"help", no_argument, NULL, 'h'}
#define OPT_END {NULL, 0, NULL, 0}

static const struct option check_opts[] = {
	{"format", required_argument, NULL, OPT_FORMAT_LONG},
	{"strict", no_argument, NULL, OPT_STRICT},
	OPT_HELP, OPT_END,
};
static const struct option build_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, 'f'},
	{"dump", no_argument, NULL, OPT_DUMP},
	{"internal", no_argument, NULL, OPT_INTERNAL},
	{"force", no_argument, NULL, OPT_FORCE},
	{"quiet", no_argument, NULL, OPT_QUIET},
	OPT_HELP, OPT_END,
};
static const struct option list_opts[] = {OPT_HELP, OPT_END};
static const struct option report_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, OPT_FORMAT_LONG},
	{"internal", no_argument, NULL, OPT_INTERNAL},
	OPT_HELP, OPT_END,
};
static const struct option adopt_opts[] = {
	{"organ", required_argument, NULL, OPT_ORGAN},
	{"date", required_argument, NULL, OPT_DATE},
	{"paragraph", required_argument, NULL, OPT_PARAGRAPH},
	{"dnr", required_argument, NULL, OPT_DNR},
	{"valid-from", required_argument, NULL, OPT_VALID_FROM},
	{"withdraw", no_argument, NULL, OPT_WITHDRAW},
	{"reason", required_argument, NULL, OPT_REASON},
	{"by", required_argument, NULL, OPT_BY},
	OPT_HELP, OPT_END,
};
static const struct option diff_opts[] = {
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"dump", no_argument, NULL, OPT_DUMP},
	OPT_HELP, OPT_END,
};
static const struct option revise_opts[] = {
	{"version", required_argument, NULL, OPT_VERSION},
	OPT_HELP, OPT_END,
};
static const struct option sign_opts[] = {
	{"staff", required_argument, NULL, OPT_STAFF},
	{"version", required_argument, NULL, OPT_VERSION},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"missing", no_argument, NULL, OPT_MISSING},
	{"output", required_argument, NULL, 'o'},
	{"quiet", no_argument, NULL, OPT_QUIET},
	OPT_HELP, OPT_END,
};
static const struct option signed_opts[] = {
	{"date", required_argument, NULL, OPT_DATE},
	{"from", required_argument, NULL, OPT_FROM},
	{"keep-going", no_argument, NULL, OPT_KEEP_GOING},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	OPT_HELP, OPT_END,
};
static const struct option packet_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"quiet", no_argument, NULL, OPT_QUIET},
	OPT_HELP, OPT_END,
};
static const struct option serve_opts[] = {
	{"port", required_argument, NULL, OPT_PORT},
	{"open", no_argument, NULL, OPT_OPEN},
	{"bind", required_argument, NULL, OPT_BIND},
	{"output", required_argument, NULL, 'o'},
	{"format", required_argument, NULL, 'f'},
	{"internal", no_argument, NULL, OPT_INTERNAL},
	OPT_HELP, OPT_END,
};

static const struct option init_opts[] = {
	{"name", required_argument, NULL, OPT_NAME},
	{"id", required_argument, NULL, OPT_ID},
	{"office-hours", required_argument, NULL, OPT_OFFICE_HOURS},
	{"it-unit", required_argument, NULL, OPT_IT_UNIT},
	{"organs", required_argument, NULL, OPT_ORGANS},
	OPT_HELP, OPT_END,
};

/* One command: a row here is all main() knows of it. */
struct command {
	const char *name;
	int (*run)(struct options *, struct diags *, int argc, char **argv);
	const char *shorts;		/* getopt_long's short options */
	const struct option *longs;
	const char *help;		/* first line: the usage */
	int min_args, max_args;		/* operands; -1: no limit */
	int output_is_file;		/* -o names a file, not a directory */
	int summary;			/* always end with the count */
	int writes;			/* takes the project's lock */
	int diag_format;		/* --format: how problems are printed */
};

static const struct command commands[] = {
	{"check", cmd_check, "h", check_opts, help_check, 0, -1, 0, 1, 0, 1},
	{"build", cmd_build, "ho:f:q", build_opts, help_build, 0, -1, 0, 0, 1, 0},
	{"list", cmd_list, "h", list_opts, help_list, 0, 0, 0, 0, 0, 0},
	{"adopt", cmd_adopt, "h", adopt_opts, help_adopt, 1, 1, 0, 0, 1, 0},
	{"diff", cmd_diff, "hf:o:", diff_opts, help_diff, 2, 2, 1, 0, 0, 0},
	{"revise", cmd_revise, "h", revise_opts, help_revise, 1, 1, 0, 0, 1, 0},
	{"sign", cmd_sign, "ho:q", sign_opts, help_sign, 1, 1, 0, 0, 1, 0},
	{"signed", cmd_signed, "h", signed_opts, help_signed, 1, -1, 0, 0, 1, 0},
	{"packet", cmd_packet, "ho:q", packet_opts, help_packet, 1, 1, 0, 0, 1, 0},
	{"report", cmd_report, "ho:", report_opts, help_report, 0, 0, 0, 0, 1, 0},
	/* serve locks for each rebuild, not for as long as it runs. */
	{"serve", cmd_serve, "ho:f:", serve_opts, help_serve, 0, 0, 0, 0, 0, 0},
	/* init makes a project: there is none to lock yet. */
	{"init", cmd_init, "h", init_opts, help_init, 1, 1, 0, 0, 0, 0},
};

/*
 * Runs cmd in the project (the current directory) as one writer or
 * reader: a command that writes (or diff -o, or build without --dump)
 * holds the project's lock while it runs; a reader first lets a dead
 * writer's half-done commit be completed.  Whatever a failing command
 * staged is removed.
 */
static int
run_command(const struct command *cmd, struct options *o, struct diags *d,
    int argc, char **argv)
{
	int writes = (cmd->writes && !o->dump) || o->outfile != NULL;
	int status = EXIT_OK;
	struct stat st;

	/* No policies/: no project to lock; the command says so. */
	if (stat("policies", &st) == 0 && S_ISDIR(st.st_mode)) {
		if (writes)
			status = project_lock(d);
		else
			project_recover(d);
	}
	if (status == EXIT_OK)
		status = cmd->run(o, d, argc, argv);
	write_abort();
	project_unlock();
	return status;
}

/* Ends a run that went wrong on the command line: the problem, a synopsis. */
static int
bad_usage(struct diags *d, const char *synopsis, const char *msg,
    const char *arg)
{
	/* msg is an English format (N_) with one %s, arg; diag_add
	 * translates it. */
	if (msg != NULL)
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, msg,
		    arg ? arg : "");
	diags_set_usage(d, synopsis);
	diags_finish(d, 0);
	diags_free(d);
	return EXIT_USAGE;
}

/* The usage lines of a command's help: up to its first empty line. */
static char *
command_synopsis(const struct command *c)
{
	const char *help = _(c->help);
	const char *end = strstr(help, "\n\n");

	return end ? strndup(help, (size_t)(end - help) + 1) :
	    xstrdup(help);
}

/* Sets the option c (from getopt_long) with its argument in o. */
static void
set_option(const struct command *cmd, struct options *o, int c,
    const char *arg)
{
	switch (c) {
	case 'o':
		if (cmd->output_is_file)
			o->outfile = arg;
		else
			o->outdir = arg;
		break;
	case 'f':
	case OPT_FORMAT_LONG:
		o->format = arg;
		break;
	case OPT_DUMP:
		o->dump = 1;
		break;
	case OPT_STRICT:
		o->strict = 1;
		break;
	case OPT_INTERNAL:
		o->internal = 1;
		break;
	case OPT_FORCE:
		o->force = 1;
		break;
	case OPT_QUIET:
		o->quiet = 1;
		break;
	case OPT_ORGAN:
		o->organ = arg;
		break;
	case OPT_DATE:
		o->date = arg;
		break;
	case OPT_PARAGRAPH:
		o->paragraph = arg;
		break;
	case OPT_DNR:
		o->dnr = arg;
		break;
	case OPT_VALID_FROM:
		o->valid_from = arg;
		break;
	case OPT_VERSION:
		o->version = arg;
		break;
	case OPT_WITHDRAW:
		o->withdraw = 1;
		break;
	case OPT_REASON:
		o->reason = arg;
		break;
	case OPT_BY:
		o->by = arg;
		break;
	case OPT_STAFF:
		o->staff = arg;
		break;
	case OPT_ENCODING:
		o->encoding = arg;
		break;
	case OPT_MISSING:
		o->missing = 1;
		break;
	case OPT_FROM:
		o->from = arg;
		break;
	case OPT_KEEP_GOING:
		o->keep_going = 1;
		break;
	case OPT_PORT:
		o->port = arg;
		break;
	case OPT_OPEN:
		o->open = 1;
		break;
	case OPT_BIND:
		o->bind = arg;
		break;
	case OPT_NAME:
		o->name = arg;
		break;
	case OPT_ID:
		o->org_id = arg;
		break;
	case OPT_OFFICE_HOURS:
		o->office_hours = arg;
		break;
	case OPT_IT_UNIT:
		o->it_unit = arg;
		break;
	case OPT_ORGANS:
		o->organs = arg;
		break;
	}
}

/*
 * Parses the options of one command; argv[0] is the command name.
 * Returns the index of the first operand, or -1 on a bad option.
 */
static int
command_options(const struct command *cmd, int argc, char **argv,
    struct options *o, int *help)
{
	int c;

	optind = 0;	/* 0, not 1: glibc then re-reads the option string */
	opterr = 1;
	while ((c = getopt_long(argc, argv, cmd->shorts, cmd->longs,
	    NULL)) != -1) {
		if (c == 'h')
			*help = 1;
		else if (c == '?' || c == ':')
			return -1;
		else
			set_option(cmd, o, c, optarg);
	}
	return optind;
}

/*
 * How the problems are printed, for a command whose --format says so:
 * text (stderr), json or sarif (stdout).  Set before anything can go
 * wrong, so even a bad -C gives a valid JSON array or SARIF log.
 * Returns 0, or -1 for an unknown format.
 */
static int
diag_format(struct diags *d, const char *format)
{
	if (format == NULL || strcmp(format, "text") == 0)
		return 0;
	if (strcmp(format, "json") == 0)
		diags_set_json(d);
	else if (strcmp(format, "sarif") == 0)
		diags_set_sarif(d);
	else
		return -1;
	return 0;
}

static const struct command *
command_find(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	enum { OPT_PROGRAM_VERSION = 256 };
	static const struct option global[] = {
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_PROGRAM_VERSION},
		{"absolute-paths", no_argument, NULL, OPT_ABSOLUTE_PATHS},
		{NULL, 0, NULL, 0},
	};
	struct options o = {0};
	struct diags *d = diags_new(NULL);
	const struct command *cmd;
	char *synopsis, *origin = NULL;
	int c, first, status, want_help = 0, absolute = 0;

	o.outdir = "output";
	locale_init();
	signals_init();
	while ((c = getopt_long(argc, argv, "+C:h", global, NULL)) != -1) {
		switch (c) {
		case 'C':
			o.dir = optarg;
			break;
		case 'h':
			fputs(_(usage_text), stdout);
			fputs("\n", stdout);
			fputs(_(help_text), stdout);
			diags_free(d);
			return EXIT_OK;
		case OPT_ABSOLUTE_PATHS:
			absolute = 1;
			break;
		case OPT_PROGRAM_VERSION:
			printf("styrdok %s (libxml2 %s, libxslt %s)\n",
			    STYRDOK_VERSION, xmlParserVersion,
			    xsltEngineVersion);
			diags_free(d);
			return EXIT_OK;
		default:
			return bad_usage(d, _(usage_text), NULL, NULL);
		}
	}
	if (optind >= argc)
		return bad_usage(d, _(usage_text), N_("no command given"),
		    NULL);
	if ((cmd = command_find(argv[optind])) == NULL)
		return bad_usage(d, _(usage_text), N_("unknown command: %s"),
		    argv[optind]);
	argc -= optind;
	argv += optind;
	if ((first = command_options(cmd, argc, argv, &o, &want_help)) < 0)
		return bad_usage(d, _(cmd->help), NULL, NULL);
	if (want_help) {
		fputs(_(cmd->help), stdout);
		diags_free(d);
		return EXIT_OK;
	}
	argc -= first;
	argv += first;
	if (argc < cmd->min_args || (cmd->max_args >= 0 &&
	    argc > cmd->max_args)) {
		synopsis = command_synopsis(cmd);
		status = bad_usage(d, synopsis, NULL, NULL);
		free(synopsis);
		return status;
	}
	if (cmd->diag_format && diag_format(d, o.format) != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "%s: unknown "
		    "format \"%s\" (text, json or sarif)", cmd->name, o.format);
		diags_finish(d, 0);
		diags_free(d);
		return EXIT_USAGE;
	}
	/* Files are named relative to here, whatever -C says. */
	origin = realpath(".", NULL);
	diags_set_origin(d, origin, absolute);
	diags_set_progress(d, !o.quiet);
	o.origin = origin;
	if (o.dir != NULL && chdir(o.dir) != 0) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_ENVIRONMENT,
		    "-C %s: %s", o.dir, strerror(errno));
		status = EXIT_SYSTEM;
	} else {
		LIBXML_TEST_VERSION
		status = run_command(cmd, &o, d, argc, argv);
	}
	/* The exit status is the worse of the command's and the problems'. */
	if (diags_status(d) > status)
		status = diags_status(d);
	if (interrupted()) {
		if (write_committed())
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_INTERRUPTED,
			    "stopped by %s; what it wrote was complete",
			    strsignal(interrupted()));
		else
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_INTERRUPTED,
			    "stopped by %s; nothing was written, and its "
			    "temporary files and child processes are gone",
			    strsignal(interrupted()));
		status = 128 + interrupted();
	}
	diags_finish(d, cmd->summary);
	diags_free(d);
	free(origin);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return status;
}

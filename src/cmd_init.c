/* SPDX-License-Identifier: ISC */
/*
 * cmd_init.c - init: a new municipality's project.  Copies the skeleton
 * sources of templates/init/ (the organisation with KF, KS, KSAU and the
 * standard roles, the four documents with what belongs in each section,
 * an empty system register, a case, an empty profile) into DIR, with
 * the municipality's name, id, office hours, IT unit and nämnder put in,
 * then runs the stages over it: what init writes checks without errors.
 * The tree is made beside DIR and renamed into place, so DIR is either
 * the whole project or as it was; a non-empty DIR is refused.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

/* One placeholder {{KEY}} of the skeleton and what it becomes. */
struct subst {
	const char *key;
	char *value;		/* already escaped for XML text */
};

/* s escaped for XML text and attribute values; the caller frees it. */
static char *
xml_escape(const char *s)
{
	struct buf b = {0};

	buf_adds(&b, "");
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': buf_adds(&b, "&amp;"); break;
		case '<': buf_adds(&b, "&lt;"); break;
		case '>': buf_adds(&b, "&gt;"); break;
		case '"': buf_adds(&b, "&quot;"); break;
		default: buf_add(&b, s, 1);
		}
	return b.data;
}

/* "Exempelby kommun" -> "Exempelby kommuns" (no s after s, x or z). */
static char *
genitive(const char *name)
{
	size_t n = strlen(name);

	if (n > 0 && strchr("sxzSXZ", name[n - 1]) != NULL)
		return xstrdup(name);
	return xasprintf("%ss", name);
}

/* Whether s is text a source may hold: not empty, no control character. */
static int
text_ok(const char *s)
{
	if (s == NULL || *s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20)
			return 0;
	return 1;
}

/* Whether s is an id of the schema's pattern [A-Za-z][A-Za-z0-9_-]*. */
static int
id_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64 || !((*s >= 'a' && *s <= 'z') ||
	    (*s >= 'A' && *s <= 'Z')))
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_-") == n;
}

/*
 * The nämnder of --organs "BUN=Barn- och utbildningsnämnden,SN=...": the
 * organ lines and the holder lines of the role namnd.  Returns 0, or -1
 * after a diagnostic.
 */
static int
organs_parse(struct diags *d, const char *list, struct buf *organs,
    struct buf *holders)
{
	char *copy = xstrdup(list), *save = NULL, *item;
	int rc = 0;

	buf_adds(organs, "");
	buf_adds(holders, "");
	for (item = strtok_r(copy, ",", &save); item != NULL && rc == 0;
	    item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '='), *id, *name;

		while (*item == ' ')
			item++;
		if (eq == NULL || eq == item) {
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "init: "
			    "--organs \"%s\": write each nämnd as ID=Name, such "
			    "as BUN=Barn- och utbildningsnämnden", item);
			rc = -1;
			break;
		}
		*eq = '\0';
		id = item;
		name = eq + 1;
		while (*name == ' ')
			name++;
		if (!id_ok(id) || !text_ok(name) || strcmp(id, "KF") == 0 ||
		    strcmp(id, "KS") == 0 || strcmp(id, "KSAU") == 0) {
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "init: "
			    "--organs: \"%s=%s\": the id must start with a letter "
			    "and hold only letters, digits, - and _ (KF, KS and "
			    "KSAU are there already), and the name must not be "
			    "empty", id, name);
			rc = -1;
			break;
		}
		char *eid = xml_escape(id), *ename = xml_escape(name);

		buf_printf(organs, "    <organ id=\"%s\" kind=\"namnd\">%s"
		    "</organ>\n", eid, ename);
		buf_printf(holders, "      <holder>%s</holder>\n", ename);
		free(eid);
		free(ename);
	}
	free(copy);
	return rc;
}

/* Today (SOURCE_DATE_EPOCH, else the clock) as year and YYYY-MM-DD. */
static void
today(char date[11], int *year)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = epoch && *epoch ? (time_t)strtoll(epoch, NULL, 10) :
	    time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(date, 11, "%Y-%m-%d", &tm);
	*year = tm.tm_year + 1900;
}

/* data with every {{KEY}} of s replaced; the caller frees the result. */
static char *
substitute(const char *data, const struct subst *s, size_t n)
{
	struct buf b = {0};
	const char *p = data, *open;

	buf_adds(&b, "");
	while ((open = strstr(p, "{{")) != NULL) {
		size_t i;

		buf_add(&b, p, (size_t)(open - p));
		for (i = 0; i < n; i++)
			if (strncmp(open + 2, s[i].key, strlen(s[i].key)) == 0 &&
			    strncmp(open + 2 + strlen(s[i].key), "}}", 2) == 0)
				break;
		if (i == n) {
			buf_add(&b, open, 2);
			p = open + 2;
			continue;
		}
		buf_adds(&b, s[i].value);
		p = open + 4 + strlen(s[i].key);
	}
	buf_adds(&b, p);
	return b.data;
}

/*
 * Copies the tree from (the skeleton) into to, which exists, with the
 * placeholders replaced.  Returns 0, or -1 after a diagnostic.
 */
static int
copy_tree(struct diags *d, const char *from, const char *to,
    const struct subst *s, size_t n)
{
	DIR *dir = opendir(from);
	struct dirent *e;
	int rc = 0;

	if (dir == NULL) {
		diag_add(d, from, 0, 0, SEV_ERROR, RULE_ENVIRONMENT, "the "
		    "skeleton of init cannot be read: %s", strerror(errno));
		return -1;
	}
	while (rc == 0 && (e = readdir(dir)) != NULL) {
		char *src, *dst, *data, *out;
		struct stat st;
		size_t len;
		FILE *f;

		if (e->d_name[0] == '.')
			continue;
		src = xasprintf("%s/%s", from, e->d_name);
		dst = xasprintf("%s/%s", to, e->d_name);
		if (lstat(src, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (mkdir(dst, 0777) != 0) {
				diag_add(d, dst, 0, 0, SEV_ERROR, RULE_IO, "%s",
				    strerror(errno));
				rc = -1;
			} else
				rc = copy_tree(d, src, dst, s, n);
		} else if (S_ISREG(st.st_mode)) {
			if ((data = file_read(src, &len)) == NULL) {
				diag_add(d, src, 0, 0, SEV_ERROR,
				    RULE_ENVIRONMENT, "cannot be read");
				rc = -1;
			} else {
				out = substitute(data, s, n);
				if ((f = fopen(dst, "wx")) == NULL ||
				    fputs(out, f) == EOF || fclose(f) != 0) {
					diag_add(d, dst, 0, 0, SEV_ERROR,
					    RULE_IO, "%s", strerror(errno));
					rc = -1;
				}
				free(out);
				free(data);
			}
		}
		free(src);
		free(dst);
	}
	closedir(dir);
	return rc;
}

/* Whether path is a directory with nothing in it. */
static int
dir_empty(const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	int empty = 1;

	if (dir == NULL)
		return 0;
	while (empty && (e = readdir(dir)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0;
	closedir(dir);
	return empty;
}

int
cmd_init(struct options *o, struct diags *d, int argc, char **argv)
{
	const char *target = argv[0];
	char date[11], review[32], yearstr[16], *templates, *skeleton;
	char *parent, *slash, *tmp, *id;
	struct buf organs = {0}, holders = {0};
	struct stat st;
	int year, status = EXIT_INPUT;

	(void)argc;
	if (!text_ok(o->name)) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "init: give the "
		    "municipality's name with --name, such as --name "
		    "\"Exempelby kommun\"");
		return EXIT_USAGE;
	}
	id = o->org_id ? xstrdup(o->org_id) : id_suggest(o->name);
	if (!id_ok(id)) {
		diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "init: --id \"%s\""
		    " must start with a letter and hold only letters, digits, "
		    "- and _ (such as exempelby-kommun)", id);
		free(id);
		return EXIT_USAGE;
	}
	if ((o->office_hours && !text_ok(o->office_hours)) ||
	    (o->it_unit && !text_ok(o->it_unit)) ||
	    organs_parse(d, o->organs ? o->organs : "", &organs,
	    &holders) != 0) {
		if (diags_len(d) == 0)
			diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "init: "
			    "--office-hours and --it-unit take a text of one "
			    "line");
		free(id);
		buf_free(&organs);
		buf_free(&holders);
		return EXIT_USAGE;
	}
	if (stat(target, &st) == 0 && (!S_ISDIR(st.st_mode) ||
	    !dir_empty(target))) {
		diag_add(d, target, 0, 0, SEV_ERROR, RULE_REFUSED,
		    S_ISDIR(st.st_mode) ? "init writes only into a new or "
		    "empty directory, and this one has files; give another "
		    "DIR" : N_("init writes only into a new or empty "
		    "directory, and this one is not a directory; give another "
		    "DIR"));
		free(id);
		buf_free(&organs);
		buf_free(&holders);
		return EXIT_INPUT;
	}

	today(date, &year);
	snprintf(review, sizeof(review), "%04d-12-31", year + 2);
	snprintf(yearstr, sizeof(yearstr), "%d", year);
	char *it_unit = o->it_unit ? xstrdup(o->it_unit) : NULL;

	if (it_unit == NULL) {
		char *g = genitive(o->name);

		it_unit = xasprintf("%s IT-enhet", g);
		free(g);
	}
	char *gen = genitive(o->name);
	struct subst s[] = {
		{"NAMN_GEN", xml_escape(gen)},
		{"NAMND_INNEHAVARE", xstrdup(holders.data)},
		{"NAMNDER", xstrdup(organs.data)},
		{"NAMN", xml_escape(o->name)},
		{"ID", xml_escape(id)},
		{"KONTORSTID", xml_escape(o->office_hours ? o->office_hours :
		    "Vardagar måndag–fredag klockan 08.00–17.00, utom "
		    "helgdagar. All annan tid räknas som tid utanför "
		    "kontorstid.")},
		{"IT_ENHET", xml_escape(it_unit)},
		{"IDAG", xstrdup(date)},
		{"GILTIG", xstrdup(date)},
		{"REVIDERAS", xstrdup(review)},
		{"AR", xstrdup(yearstr)},
	};
	const size_t ns = sizeof(s) / sizeof(s[0]);

	free(gen);
	free(it_unit);
	buf_free(&organs);
	buf_free(&holders);

	/* The tree is made beside DIR, then renamed into place. */
	parent = xstrdup(target);
	while (strlen(parent) > 1 && parent[strlen(parent) - 1] == '/')
		parent[strlen(parent) - 1] = '\0';
	slash = strrchr(parent, '/');
	if (slash == NULL)
		strcpy(parent, ".");
	else if (slash == parent)
		slash[1] = '\0';
	else
		*slash = '\0';
	tmp = xasprintf("%s/.styrdok-init-XXXXXX", parent);
	/* mkdtemp makes it 0700; the project gets the usual permissions. */
	mode_t mask = umask(0);

	umask(mask);
	templates = pipeline_templates(d);
	skeleton = templates ? xasprintf("%s/init", templates) : NULL;
	if (templates == NULL)
		status = EXIT_SYSTEM;
	else if (mkdtemp(tmp) == NULL) {
		diag_add(d, parent, 0, 0, SEV_ERROR, RULE_IO, "cannot make a "
		    "directory here: %s", strerror(errno));
		status = EXIT_SYSTEM;
	} else if (chmod(tmp, 0777 & ~mask) != 0 ||
	    copy_tree(d, skeleton, tmp, s, ns) != 0) {
		remove_tree(tmp);
		status = EXIT_SYSTEM;
	} else if (rename(tmp, target) != 0) {
		diag_add(d, target, 0, 0, SEV_ERROR, RULE_IO, "cannot put the "
		    "project in place: %s", strerror(errno));
		remove_tree(tmp);
		status = EXIT_SYSTEM;
	} else
		status = EXIT_OK;
	free(tmp);
	free(skeleton);
	free(templates);
	free(parent);
	for (size_t i = 0; i < ns; i++)
		free(s[i].value);

	/* What init wrote must check without errors: see for ourselves. */
	if (status == EXIT_OK) {
		struct project *p;

		if (chdir(target) != 0) {
			diag_add(d, target, 0, 0, SEV_ERROR, RULE_IO, "%s",
			    strerror(errno));
			free(id);
			return EXIT_SYSTEM;
		}
		p = run_stages(d, STAGES_ERRORS_ONLY, &status);
		pipeline_free(p);
		if (status == EXIT_OK)
			diag_say(d, "created %s for %s: policies/ with the "
			    "organisation, four documents to fill in, an empty "
			    "system register and a case; next: styrdok -C %s "
			    "build", target, o->name, target);
	}
	free(id);
	return status;
}

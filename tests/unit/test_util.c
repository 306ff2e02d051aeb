/* SPDX-License-Identifier: ISC */
/*
 * test_util.c - cmocka tests of the pure functions in util.c and of the
 * diagnostic formatter in diag.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "styrdok.h"

static void
test_iso_date(void **state)
{
	(void)state;
	assert_true(iso_date_valid("2019-06-13"));
	assert_true(iso_date_valid("2024-02-29"));	/* leap year */
	assert_true(iso_date_valid("2000-02-29"));	/* divisible by 400 */
	assert_false(iso_date_valid("1900-02-29"));	/* divisible by 100 */
	assert_false(iso_date_valid("2019-02-29"));
	assert_false(iso_date_valid("2019-02-30"));
	assert_false(iso_date_valid("2019-04-31"));
	assert_false(iso_date_valid("2019-13-01"));
	assert_false(iso_date_valid("2019-00-10"));
	assert_false(iso_date_valid("2019-01-00"));
	assert_false(iso_date_valid("2019-1-01"));
	assert_false(iso_date_valid("2019/01/01"));
	assert_false(iso_date_valid("20190101"));
	assert_false(iso_date_valid(""));
	assert_false(iso_date_valid(NULL));
	assert_true(iso_date_valid("2019-12-31"));
}

static void
test_version_compare(void **state)
{
	(void)state;
	assert_true(version_compare("1.0", "2.0") < 0);
	assert_true(version_compare("1.10", "1.9") > 0);
	assert_int_equal(version_compare("2", "2.0"), 0);
	assert_int_equal(version_compare("1.2.3", "1.2.3"), 0);
	assert_true(version_compare("1.2", "1.2.1") < 0);
	assert_true(version_compare("10.0", "9.9") > 0);
}

static void
test_docid(void **state)
{
	(void)state;
	assert_true(docid_valid("informationssakerhetspolicy"));
	assert_true(docid_valid("instruktion-kontinuitet-drift"));
	assert_true(docid_valid("a1"));
	assert_false(docid_valid(""));
	assert_false(docid_valid("-x"));
	assert_false(docid_valid("1abc"));
	assert_false(docid_valid("../../etc"));
	assert_false(docid_valid("a/b"));
	assert_false(docid_valid("Policy"));
	assert_false(docid_valid("pålicy"));
	assert_false(docid_valid(
	    "a234567890123456789012345678901234567890123456789012345678901234x"));
}

static void
test_dedent(void **state)
{
	size_t indent;
	char *s;

	(void)state;
	s = dedent("\n    Hej\n      - punkt\n\n    Slut\n  ", &indent);
	assert_string_equal(s, "\nHej\n  - punkt\n\nSlut\n");
	assert_int_equal(indent, 4);
	free(s);
	s = dedent("Ingen indrag", &indent);
	assert_string_equal(s, "Ingen indrag");
	assert_int_equal(indent, 0);
	free(s);
	s = dedent("", &indent);
	assert_string_equal(s, "");
	free(s);
	/* Lines keep their numbers: blank lines stay. */
	s = dedent("  a\n\n\n  b", NULL);
	assert_string_equal(s, "a\n\n\nb");
	free(s);
}

static void
test_json_string(void **state)
{
	struct buf b = {0};

	(void)state;
	json_string(&b, "a\"b\\c\nd\te\x01 å");
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\te\\u0001 å\"");
	buf_free(&b);
	json_string(&b, NULL);
	assert_string_equal(b.data, "\"\"");
	buf_free(&b);
}

/* LIX counts: words, long words, sentences as plain Swedish needs them. */
static void
test_lix(void **state)
{
	struct lix l = {0, 0, 0};

	(void)state;
	/* Two sentences; "informationen" and "IT-chefen" are long. */
	lix_add(&l, "Du ska skydda informationen. IT-chefen svarar!");
	assert_int_equal(l.words, 6);
	assert_int_equal(l.long_words, 2);
	assert_int_equal(l.sentences, 2);
	/* 6 / 2 + 100 * 2 / 6 = 36.3 */
	assert_int_equal(lix_value(&l), 36);
	/* An abbreviation before a lower-case word ends nothing; a link's
	 * destination is not words; each list item ends a sentence. */
	memset(&l, 0, sizeof(l));
	lix_add(&l, "Se t.ex. [metodstödet](https://example.se/a-b) här\n\n"
	    "- en punkt\n- en till\n");
	assert_int_equal(l.words, 9);
	assert_int_equal(l.sentences, 3);
	assert_int_equal(l.long_words, 1);
	/* Å, ä, ö are letters: "Överföringen" has 12. */
	memset(&l, 0, sizeof(l));
	lix_add(&l, "Överföringen är klar");
	assert_int_equal(l.words, 3);
	assert_int_equal(l.long_words, 1);
	assert_int_equal(l.sentences, 1);
	memset(&l, 0, sizeof(l));
	lix_add(&l, "");
	assert_int_equal(lix_value(&l), 0);
}

static void
test_find_word(void **state)
{
	const char *t = "Man skall inte. Skalle är ett ord. SKALL!";

	(void)state;
	assert_ptr_equal(find_word_ci(t, "skall"), t + 4);
	assert_ptr_equal(find_word_ci(t + 5, "skall"), t + 36);
	assert_null(find_word_ci("skalle skallar", "skall"));
	assert_null(find_word_ci("förskall", "skall"));	/* part of a word */
	assert_non_null(find_word_ci("ska", "ska"));
	assert_non_null(find_word_ci("\u201dskall\u201d", "skall"));	/* quotes */
	assert_non_null(find_word_ci("\u2013skall", "skall"));	/* dash */
	assert_non_null(find_word_ci("ska\u00a0vara", "ska"));	/* no-break space */
	assert_null(find_word_ci("\u00e5skall", "skall"));	/* å is a letter */
	assert_null(find_word_ci("skallö", "skall"));
	assert_null(find_word_ci("skatt", "ska"));
}

static void
test_link_allowed(void **state)
{
	(void)state;
	assert_true(link_allowed("https://www.msb.se"));
	assert_true(link_allowed("HTTP://example.org"));
	assert_true(link_allowed("mailto:it@lessebo.se"));
	assert_true(link_allowed("#isp-roller"));
	assert_true(link_allowed("../annat/dokument.html"));
	assert_true(link_allowed("sida?x=a:b"));
	assert_false(link_allowed("javascript:alert(1)"));
	assert_false(link_allowed("JaVaScRiPt:alert(1)"));
	assert_false(link_allowed("vbscript:x"));
	assert_false(link_allowed("data:text/html,<script>"));
	assert_false(link_allowed("file:///etc/passwd"));
	assert_false(link_allowed("vnd.sun.star.script:x"));
	assert_false(link_allowed(" javascript:x"));
	assert_false(link_allowed("java\tscript:x"));
	assert_false(link_allowed(NULL));
}

static void
test_utf8_columns(void **state)
{
	(void)state;
	assert_int_equal(utf8_columns("åäö", 6), 3);
	assert_int_equal(utf8_columns("abc", 2), 2);
	assert_int_equal(utf8_columns("aå", SIZE_MAX), 2);
}

/* path_relative(from, to) is "want". */
static void
relative_is(const char *from, const char *to, const char *want)
{
	char *got = path_relative(from, to);

	assert_string_equal(got, want);
	free(got);
}

static void
test_path_relative(void **state)
{
	(void)state;
	relative_is("/a/b", "/a/b/policies/x.xml", "policies/x.xml");
	relative_is("/a/b/c", "/a/b/policies/x.xml", "../policies/x.xml");
	relative_is("/a/bc", "/a/b/x.xml", "../b/x.xml");	/* not a prefix */
	relative_is("/a/b", "/a/bc/x.xml", "../bc/x.xml");
	relative_is("/", "/tmp/p/x.xml", "tmp/p/x.xml");
	relative_is("/a/b/c", "/a/b", "..");
	relative_is("/a/b", "/a/b", ".");
	relative_is("/x/y", "/a/b/å ö.xml", "../../a/b/å ö.xml");
}

/* Files are printed relative to where styrdok was started, or absolute. */
static void
test_diag_origin(void **state)
{
	struct diags *d = diags_new("/proj/kommun");
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	diag_add(d, "policies/x.xml", 3, 7, SEV_ERROR, RULE_SCHEMA, "bad");
	diags_set_origin(d, "/proj", 0);
	f = open_memstream(&out, &len);
	diags_print(d, f);
	diags_set_origin(d, "/proj", 1);
	diags_print(d, f);
	diags_set_origin(d, "/proj/kommun", 0);
	diags_print(d, f);
	fclose(f);
	assert_string_equal(out,
	    "kommun/policies/x.xml:3:7: error: bad [schema]\n"
	    "/proj/kommun/policies/x.xml:3:7: error: bad [schema]\n"
	    "policies/x.xml:3:7: error: bad [schema]\n");
	free(out);
	diags_free(d);
}

static void
test_diag_format(void **state)
{
	struct diags *d = diags_new("/proj");
	char *out = NULL;
	size_t len = 0;
	FILE *f;

	(void)state;
	diag_add(d, "policies/b.xml", 3, 7, SEV_WARNING, RULE_LANG_SKALL,
	    "write \"ska\"\n");
	diag_add(d, "policies/a.xml", 10, 2, SEV_ERROR, RULE_REF_ROLE,
	    "no role");
	diag_add(d, "policies/a.xml", 2, 1, SEV_NOTE, RULE_ID_UNIQUE, "first");
	assert_int_equal(diags_count(d, SEV_ERROR), 1);
	assert_int_equal(diags_count(d, SEV_WARNING), 1);
	f = open_memstream(&out, &len);
	diags_print(d, f);
	diags_summary(d, f);
	fclose(f);
	assert_string_equal(out,
	    "policies/a.xml:2:1: note: first [id-unique]\n"
	    "policies/a.xml:10:2: error: no role [ref-role]\n"
	    "policies/b.xml:3:7: warning: write \"ska\" [lang-skall]\n"
	    "styrdok: 1 error, 1 warning\n");
	free(out);
	f = open_memstream(&out, &len);
	diags_print_json(d, f);
	fclose(f);
	assert_non_null(strstr(out, "{\"file\": \"policies/a.xml\", \"line\": 10, "
	    "\"column\": 2, \"severity\": \"error\", \"message\": \"no role\", "
	    "\"rule\": \"ref-role\"}"));
	free(out);
	char *rel = diag_relpath(d, "/proj/policies/x.xml");
	assert_string_equal(rel, "policies/x.xml");
	free(rel);
	rel = diag_relpath(d, "file:///proj/policies/%C3%A5.xml");
	assert_string_equal(rel, "policies/å.xml");
	free(rel);
	rel = diag_relpath(d, "/projekt/x.xml");	/* not under the root */
	assert_string_equal(rel, "/projekt/x.xml");
	free(rel);
	diags_free(d);
}

/*
 * A gap keeps its facts beside its English message, for the reader's
 * Swedish text; a fact with no gap just before it is dropped.
 */
static void
test_gap_facts(void **state)
{
	struct diags *d = diags_new("/proj");
	xmlDocPtr doc = xmlReadMemory("<system/>", 9, NULL, NULL, 0);
	const struct diag *g;

	(void)state;
	gap_fact(d, "system", "%s", "no gap yet");
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_SCHEMA, "not a gap");
	gap_fact(d, "system", "%s", "not a gap");
	assert_int_equal(diags_get(d, 0)->nfacts, 0);
	gap_node(d, xmlDocGetRootElement(doc), NULL, RULE_SYSTEM_OWNER,
	    "%s has no systemägare", "Lönesystem");
	gap_fact(d, "system", "%s", "Lönesystem");
	gap_fact(d, "hours", "%d", 24);
	g = diags_get(d, 1);
	assert_string_equal(g->msg, "Lönesystem has no systemägare");
	assert_int_equal(g->nfacts, 2);
	assert_string_equal(g->facts[0], "system");
	assert_string_equal(g->facts[1], "Lönesystem");
	assert_string_equal(g->facts[2], "hours");
	assert_string_equal(g->facts[3], "24");
	diags_truncate(d, 1);	/* frees the facts too (valgrind, asan) */
	gap_node(d, xmlDocGetRootElement(doc), NULL, RULE_SYSTEM_OWNER, "x");
	gap_fact(d, "system", "%s", "kept until diags_free");
	diags_free(d);
	xmlFreeDoc(doc);
}

/* The exit status is that of the worst class among the errors. */
static void
test_diag_status(void **state)
{
	struct diags *d = diags_new("/proj");

	(void)state;
	assert_int_equal(diags_status(d), EXIT_OK);
	diag_add(d, NULL, 0, 0, SEV_WARNING, RULE_SYSTEM_OWNER, "a gap");
	diag_add(d, NULL, 0, 0, SEV_NOTE, RULE_FOP, "PDF skipped");
	assert_int_equal(diags_status(d), EXIT_OK);
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_SCHEMA, "invalid");
	assert_int_equal(diags_status(d), EXIT_INPUT);
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_XSLT, "broken template");
	assert_int_equal(diags_status(d), EXIT_SYSTEM);
	diag_add(d, NULL, 0, 0, SEV_ERROR, RULE_USAGE, "bad option");
	assert_int_equal(diags_status(d), EXIT_SYSTEM);
	diags_keep_errors(d);
	diags_truncate(d, 1);
	assert_int_equal(diags_status(d), EXIT_INPUT);
	diags_free(d);
}

/* Every rule id is unique and found again by its id. */
static void
test_rule_table(void **state)
{
	(void)state;
	for (int i = 0; i < RULE_COUNT; i++) {
		enum rule r;

		assert_int_equal(rule_find(rule_info(i)->id, &r), 0);
		assert_int_equal(r, i);
	}
	enum rule r;

	assert_int_equal(rule_find("no-such-rule", &r), -1);
	assert_true(rule_info(RULE_SYSTEM_OWNER)->gap);
	assert_false(rule_info(RULE_SCHEMA)->gap);
}

/*
 * styrdok.1 explains every rule of the table under DIAGNOSTICS
 * (".It Li a , b"), and names no rule the table does not have.
 */
static void
test_rules_documented(void **state)
{
	int seen[RULE_COUNT] = {0};
	char line[512];
	FILE *f = fopen("styrdok.1", "r");

	(void)state;
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *save = NULL;

		if (strncmp(line, ".It Li ", 7) != 0)
			continue;
		for (char *w = strtok_r(line + 7, " ,\n", &save); w != NULL;
		    w = strtok_r(NULL, " ,\n", &save)) {
			enum rule r;

			if (rule_find(w, &r) != 0)
				fail_msg("styrdok.1 names \"%s\", not a rule", w);
			seen[r] = 1;
		}
	}
	fclose(f);
	for (int i = 0; i < RULE_COUNT; i++)
		if (!seen[i])
			fail_msg("rule %s is not explained in styrdok.1",
			    rule_info(i)->id);
}

/* Parses a staff list; returns the number of people or -1. */
static int
parse(const char *csv, size_t len, int cp1252, struct staff *st,
    struct diags **d)
{
	*d = diags_new("/p");
	return staff_parse(*d, "staff.csv", csv, len, cp1252, st) == 0 ?
	    (int)st->n : -1;
}

static const char *
first_rule(struct diags *d, enum severity sev)
{
	for (size_t i = 0; i < diags_len(d); i++)
		if (diags_get(d, i)->sev == sev)
			return rule_info(diags_get(d, i)->rule)->id;
	return "";
}

static void
test_staff_bom_semicolon_crlf(void **state)
{
	const char csv[] = "\xEF\xBB\xBF" "Anställningsnummer;Namn;Enhet;"
	    "Befattning;E-post\r\n10234;Åsa Öberg;IT-enheten;Tekniker;"
	    "a@x.se\r\n10235;\"Märta; Ängström\";\"Hemtjänst\r\nnatt\";;"
	    "m@x.se\r\n\r\n";
	struct staff st;
	struct diags *d;

	(void)state;
	assert_int_equal(parse(csv, sizeof(csv) - 1, 0, &st, &d), 2);
	assert_string_equal(st.v[0].name, "Åsa Öberg");
	assert_string_equal(st.v[0].employee, "10234");
	assert_string_equal(st.v[1].name, "Märta; Ängström");
	assert_string_equal(st.v[1].unit, "Hemtjänst\nnatt");
	assert_string_equal(st.v[1].title, "");
	assert_int_equal(st.v[1].line, 3);
	/* The e-mail column is ignored, with a note. */
	assert_string_equal(first_rule(d, SEV_NOTE), "staff-column");
	staff_free(&st);
	diags_free(d);
}

/* As HR systems export it: Anst.nr, Förnamn + Efternamn, Förvaltning. */
static void
test_staff_hr_export(void **state)
{
	const char csv[] = "Anst.nr;Förnamn;Efternamn;Förvaltning;Befattning\n"
	    "501;Åsa;Öberg;Socialförvaltningen;Undersköterska\n"
	    "502;Bo;;Kommunledningsförvaltningen;\n";
	const char csv2[] = "Personalnummer,Namn,Avdelning\n9,Eva Ek,IT\n";
	const char csv3[] = "Anställningsnr;Förnamn;Enhet\n1;Ola;X\n";
	struct staff st;
	struct diags *d;

	(void)state;
	assert_int_equal(parse(csv, sizeof(csv) - 1, 0, &st, &d), 2);
	assert_string_equal(st.v[0].name, "Åsa Öberg");
	assert_string_equal(st.v[0].employee, "501");
	assert_string_equal(st.v[0].unit, "Socialförvaltningen");
	assert_string_equal(st.v[1].name, "Bo");
	assert_int_equal(diags_count(d, SEV_ERROR), 0);
	staff_free(&st);
	diags_free(d);
	assert_int_equal(parse(csv2, sizeof(csv2) - 1, 0, &st, &d), 1);
	assert_string_equal(st.v[0].employee, "9");
	assert_string_equal(st.v[0].unit, "IT");
	staff_free(&st);
	diags_free(d);
	/* A first name alone is no name column. */
	assert_int_equal(parse(csv3, sizeof(csv3) - 1, 0, &st, &d), -1);
	assert_string_equal(first_rule(d, SEV_ERROR), "staff-column");
	staff_free(&st);
	diags_free(d);
}

/* "Did you mean": case first, then edit distance, then a prefix. */
static void
test_closest_word(void **state)
{
	const char *const organs[] = {"KF", "KS", "KSAU", "BUN"};
	const char *const roles[] = {"it-chef", "systemagare", "anvandare"};
	char date[11];
	char *id;

	(void)state;
	assert_string_equal(closest_word("kf", organs, 4), "KF");
	assert_string_equal(closest_word("KSA", organs, 4), "KS");
	assert_string_equal(closest_word("systemägare", roles, 3),
	    "systemagare");
	assert_null(closest_word("dataskyddsombud", roles, 3));
	assert_true(date_guess("22/2/2027", date));
	assert_string_equal(date, "2027-02-22");
	assert_true(date_guess("2027.02.22", date));
	assert_string_equal(date, "2027-02-22");
	assert_true(date_guess("20270222", date));
	assert_false(date_guess("31/2/2027", date));
	assert_false(date_guess("i morgon", date));
	id = id_suggest("Åtkomst & behörighet");
	assert_string_equal(id, "atkomst-behorighet");
	free(id);
}

static void
test_staff_comma_english_quotes(void **state)
{
	const char csv[] = "name,unit,title,employee-id\n"
	    "\"Per \"\"Pelle\"\" Ek\",\"Skola, norra\",Lärare,7\n";
	struct staff st;
	struct diags *d;

	(void)state;
	assert_int_equal(parse(csv, sizeof(csv) - 1, 0, &st, &d), 1);
	assert_string_equal(st.v[0].name, "Per \"Pelle\" Ek");
	assert_string_equal(st.v[0].unit, "Skola, norra");
	staff_free(&st);
	diags_free(d);
}

static void
test_staff_cp1252(void **state)
{
	/* "Namn;Enhet;Anställningsnummer\nÅsa;Skola;1" in Windows-1252. */
	const char csv[] = "Namn;Enhet;Anst\xE4llningsnummer\n\xC5sa;Skola;1\n";
	struct staff st;
	struct diags *d;

	(void)state;
	assert_int_equal(parse(csv, sizeof(csv) - 1, 0, &st, &d), -1);
	assert_string_equal(first_rule(d, SEV_ERROR), "staff-encoding");
	assert_int_equal(diags_get(d, 0)->line, 1);
	diags_free(d);
	assert_int_equal(parse(csv, sizeof(csv) - 1, 1, &st, &d), 1);
	assert_string_equal(st.v[0].name, "Åsa");
	staff_free(&st);
	diags_free(d);
}

static void
test_staff_refusals(void **state)
{
	static const struct {
		const char *csv, *rule;
		int line;
	} cases[] = {
		{"", "staff-empty", 1},
		{"Namn;Enhet;Anställningsnummer\n", "staff-empty", 2},
		{"Namn;Enhet;Anställningsnummer;Personnummer\nA;B;1;19700101-1234\n",
		    "staff-personnummer", 1},
		{"Namn;Enhet\nA;B\n", "staff-column", 1},
		{"Namn;Enhet;Anställningsnummer\nA;B;1\n;C;2\n", "staff-row", 3},
		{"Namn;Enhet;Anställningsnummer\nA;B;1\nC;D;1\n", "staff-row", 3},
		{"Namn;Enhet;Anställningsnummer\nA;\"B;1\n", "staff-csv", 2},
	};
	struct staff st;
	struct diags *d;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(cases[i].csv, strlen(cases[i].csv), 0,
		    &st, &d), -1);
		assert_string_equal(first_rule(d, SEV_ERROR), cases[i].rule);
		for (size_t k = 0; k < diags_len(d); k++)
			if (diags_get(d, k)->sev == SEV_ERROR) {
				assert_int_equal(diags_get(d, k)->line,
				    cases[i].line);
				break;
			}
		assert_int_equal(st.n, 0);
		diags_free(d);
	}
}

/* The sheet's code: what qr_payload writes, qr_parse reads back. */
static void
test_sheet_code(void **state)
{
	struct sheet_code c;
	char *p;

	(void)state;
	p = qr_payload("instruktion-anvandare", "2.0", 0, "edaff49b874d0123",
	    "10:234");
	assert_string_equal(p,
	    "STYRDOK1:instruktion-anvandare:2.0:edaff49b874d:10:234");
	assert_int_equal(qr_parse(p, &c), QR_OK);
	assert_string_equal(c.id, "instruktion-anvandare");
	assert_string_equal(c.version, "2.0");
	assert_string_equal(c.hash, "edaff49b874d");
	assert_string_equal(c.employee, "10:234");
	assert_int_equal(c.draft, 0);
	sheet_code_free(&c);
	free(p);
	/* A draft's sheet, typed with caps lock on. */
	assert_int_equal(qr_parse("styrdok1:INSTRUKTION-ANVANDARE:2.1-utkast:"
	    "EDAFF49B874D:A7", &c), QR_OK);
	assert_string_equal(c.id, "instruktion-anvandare");
	assert_string_equal(c.version, "2.1");
	assert_string_equal(c.hash, "edaff49b874d");
	assert_string_equal(c.employee, "A7");
	assert_int_equal(c.draft, 1);
	sheet_code_free(&c);
	assert_int_equal(qr_parse("10234", &c), QR_NOT_CODE);
	assert_int_equal(qr_parse("STYRDOK1\xc3\x96x", &c), QR_LAYOUT);
	assert_int_equal(qr_parse("STYRDOK2:a:1.0:edaff49b874d:1", &c),
	    QR_FORMAT);
	assert_int_equal(qr_parse("STYRDOK1:a:1.0:edaff49b874d:", &c),
	    QR_FORMAT);
	assert_int_equal(qr_parse("STYRDOK1:a:1.0:edaff49b87:1", &c),
	    QR_FORMAT);
	assert_int_equal(qr_parse("STYRDOK1:a:v1:edaff49b874d:1", &c),
	    QR_FORMAT);
	assert_int_equal(qr_parse("STYRDOK1:a/b:1.0:edaff49b874d:1", &c),
	    QR_FORMAT);
	assert_int_equal(qr_parse("STYRDOK1:a:1.0", &c), QR_FORMAT);
}

/* The QR matrix in the tree: runs of dark modules inside the symbol. */
static void
test_qr_node(void **state)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "person"), qr;
	long dark = 0, n, x, y, w, w2, lasty = -1;
	char *big = malloc(4000), *p;
	xmlChar *modules, *path;
	int used;

	(void)state;
	/* As sign does before its first sheet. */
	assert_int_equal(dynlib_need(DYNLIB_QRENCODE, NULL, "sign"), 0);
	xmlDocSetRootElement(doc, root);
	qr = qr_node(root, "STYRDOK1:x:1.0:edaff49b874d:1");
	assert_non_null(qr);
	modules = xmlGetProp(qr, BAD_CAST "modules");
	n = strtol((char *)modules, NULL, 10);
	xmlFree(modules);
	assert_true(n >= 21 && (n - 21) % 4 == 0);	/* a QR version */
	path = xmlGetProp(qr, BAD_CAST "path");
	for (p = (char *)path; *p; p += used) {
		assert_int_equal(sscanf(p, "M%ld,%ldh%ldv1h-%ldz%n", &x, &y,
		    &w, &w2, &used), 4);
		assert_true(w == w2 && w > 0 && x >= 0 && x + w <= n);
		assert_true(y >= lasty && y < n);
		lasty = y;
		dark += w;
	}
	xmlFree(path);
	/* The three finder patterns alone hold 3 * 33 dark modules. */
	assert_true(dark > 99 && dark < n * n);
	memset(big, 'a', 3999);
	big[3999] = '\0';
	assert_null(qr_node(root, big));	/* more than any QR holds */
	free(big);
	xmlFreeDoc(doc);
}

/* The archive's key changes when a Java or FOP file does. */
static void
test_jvm_key(void **state)
{
	char dir[] = "/tmp/styrdok-unit-XXXXXX", *jar, a[17], b[17], c[17];
	const char *jars[1];
	struct timespec t[2] = {{1000000000, 0}, {1000000000, 0}};
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	jar = xasprintf("%s/fop.jar", dir);
	jars[0] = jar;
	f = fopen(jar, "w");
	assert_non_null(f);
	fputs("one", f);
	fclose(f);
	assert_int_equal(utimensat(AT_FDCWD, jar, t, 0), 0);
	jvm_key("ant", "/nonexistent/bin/java", NULL, jars, 1, a);
	jvm_key("ant", "/nonexistent/bin/java", NULL, jars, 1, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 16);
	/* FOP upgraded: the jar's time changes. */
	t[1].tv_sec++;
	assert_int_equal(utimensat(AT_FDCWD, jar, t, 0), 0);
	jvm_key("ant", "/nonexistent/bin/java", NULL, jars, 1, c);
	assert_string_not_equal(a, c);
	/* Another route, another archive. */
	jvm_key("fop", "/nonexistent/bin/java", NULL, jars, 1, b);
	assert_string_not_equal(b, c);
	/* Java upgraded: another java program. */
	jvm_key("ant", jar, NULL, jars, 1, b);
	assert_string_not_equal(b, c);
	unlink(jar);
	rmdir(dir);
	free(jar);
}

/* Writes text to dir/name. */
static void
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(path);
}

/*
 * A format's templates hash changes with its own directory, common/,
 * the top-level files and a directory it imports from, not with another
 * format's.
 */
static void
test_templates_hash(void **state)
{
	char dir[] = "/tmp/styrdok-unit-XXXXXX", *sub;
	char *html, *fo, *md, *h;
	static const char *const dirs[] = {"common", "html", "fo", "markdown"};

	(void)state;
	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < 4; i++) {
		sub = xasprintf("%s/%s", dir, dirs[i]);
		assert_int_equal(mkdir(sub, 0755), 0);
		free(sub);
	}
	put(dir, "styrdok.rng", "<grammar/>");
	put(dir, "common/common.xsl", "<a/>");
	put(dir, "html/css.xsl", "<b/>");
	put(dir, "fo/systems.xsl", "<import href=\"../html/css.xsl\"/>");
	put(dir, "markdown/document.xsl", "<c/>");
	html = record_templates_hash(dir, "html");
	fo = record_templates_hash(dir, "fo");
	md = record_templates_hash(dir, "markdown");
	/* Markdown changes: HTML and PDF keep their hash. */
	put(dir, "markdown/document.xsl", "<c2/>");
	h = record_templates_hash(dir, "html");
	assert_string_equal(h, html);
	free(h);
	h = record_templates_hash(dir, "markdown");
	assert_string_not_equal(h, md);
	free(h);
	/* html/ changes: so do HTML and PDF, which imports from it. */
	put(dir, "html/css.xsl", "<b2/>");
	h = record_templates_hash(dir, "html");
	assert_string_not_equal(h, html);
	free(html);
	html = h;
	h = record_templates_hash(dir, "fo");
	assert_string_not_equal(h, fo);
	free(fo);
	fo = h;
	/* The schema and common/ change every format's. */
	put(dir, "styrdok.rng", "<grammar />");
	h = record_templates_hash(dir, "fo");
	assert_string_not_equal(h, fo);
	free(fo);
	fo = h;
	put(dir, "common/common.xsl", "<a2/>");
	h = record_templates_hash(dir, "fo");
	assert_string_not_equal(h, fo);
	free(h);
	free(html);
	free(fo);
	free(md);
	for (size_t i = 0; i < 4; i++) {
		const char *files[] = {"common/common.xsl", "html/css.xsl",
		    "fo/systems.xsl", "markdown/document.xsl"};

		sub = xasprintf("%s/%s", dir, files[i]);
		unlink(sub);
		free(sub);
		sub = xasprintf("%s/%s", dir, dirs[i]);
		rmdir(sub);
		free(sub);
	}
	sub = xasprintf("%s/styrdok.rng", dir);
	unlink(sub);
	free(sub);
	rmdir(dir);
}

/* The Ant build file lists the PDFs in the order given, escaped. */
static void
test_jvm_buildfile(void **state)
{
	char *fo[] = {(char *)"/t/0.fo", (char *)"/t/$1&<\".fo"};
	char *pdf[] = {(char *)"/t/0.pdf", (char *)"/t/1.pdf"};
	size_t order[] = {1, 0};
	struct buf b = {0};
	const char *first, *second;

	(void)state;
	jvm_buildfile(&b, "/c/fop.xconf", fo, pdf, order, 2, 2);
	assert_non_null(strstr(b.data, "threadCount=\"2\""));
	first = strstr(b.data, "taskname=\"fop1\"");
	second = strstr(b.data, "taskname=\"fop0\"");
	assert_non_null(first);
	assert_non_null(second);
	assert_true(first < second);
	/* No property expansion, no broken attribute. */
	assert_non_null(strstr(b.data, "fofile=\"/t/$$1&amp;&lt;&quot;.fo\""));
	buf_free(&b);
}

/* Each task's lines go to its own log; Ant's own go elsewhere. */
static void
test_jvm_split_log(void **state)
{
	const char *log = "Buildfile: /t/build.xml\n\npdf:\n"
	    "     [fop1] [INFO] FOUserAgent - Rendered page #1.\n"
	    "     [fop0] [WARN] FOUserAgent - too wide\n"
	    "    [fop12] [ERROR] not ours: no such task\n"
	    "     [fop1] [INFO] FOUserAgent - Rendered page #2.\n"
	    "\nBUILD SUCCESSFUL\n";
	struct buf out[2] = {{0}}, rest = {0};

	(void)state;
	assert_int_equal(jvm_split_log(log, strlen(log), out, 2, &rest), 3);
	assert_string_equal(out[0].data, "[WARN] FOUserAgent - too wide\n");
	assert_string_equal(out[1].data, "[INFO] FOUserAgent - Rendered page "
	    "#1.\n[INFO] FOUserAgent - Rendered page #2.\n");
	assert_non_null(strstr(rest.data, "not ours"));
	assert_non_null(strstr(rest.data, "BUILD SUCCESSFUL"));
	buf_free(&out[0]);
	buf_free(&out[1]);
	buf_free(&rest);
}

/*
 * The pages of a PDF's named destinations, laid out as FOP writes them:
 * a name tree of GoTo actions and one flat page tree (object 118 before
 * 18, which must not be taken for it).  A destination on
 * a page not in the tree, a broken reference and a PDF cut short give
 * fewer names, never a wrong page or a read past the end.
 */
static void
test_pdf_dest_pages(void **state)
{
	const char *pdf =
	    "%PDF-1.4\n"
	    "9 0 obj\n<< /Type /Page >>\nendobj\n"
	    "14 0 obj\n<< /Type /Page >>\nendobj\n"
	    "118 0 obj\n<< /Type /Action\n/S /GoTo\n/D [14 0 R /XYZ 56 785 null]\n>>\nendobj\n"
	    "18 0 obj\n<< /Type /Action\n/S /GoTo\n/D [9 0 R /XYZ 56 785 null]\n>>\nendobj\n"
	    "19 0 obj\n<< /Type /Action\n/S /GoTo\n/D [14 0 R /XYZ 56 785 null]\n>>\nendobj\n"
	    "20 0 obj\n[14 0 R /Fit]\nendobj\n"
	    "21 0 obj\n<< /Type /Action\n/S /GoTo\n/D [99 0 R /XYZ 0 0 null]\n>>\nendobj\n"
	    "22 0 obj\n<< /Limits [(a) (b)] /Names [(sec-a) 18 0 R (sec\\(b\\)) 19 0 R] >>\nendobj\n"
	    "23 0 obj\n<< /Names [(styrdok-history) 20 0 R (gone) 21 0 R (lost) 77 0 R (x y) 19 0 R] >>\nendobj\n"
	    "11 0 obj\n<< /Type /Pages\n/Count 2\n/Kids [9 0 R 14 0 R ] >>\nendobj\n";
	char *v;

	(void)state;
	v = pdf_dest_pages(pdf, strlen(pdf));
	assert_non_null(v);
	assert_string_equal(v, " sec-a=1 sec(b)=2 styrdok-history=2 ");
	free(v);
	/* Without the page tree nothing can be counted. */
	v = pdf_dest_pages(pdf, strstr(pdf, "11 0 obj") - pdf);
	assert_null(v);
	/* Cut anywhere: no crash, no read past the end (ASan, valgrind). */
	for (size_t n = 0; n < strlen(pdf); n++) {
		char *cut = xmalloc(n ? n : 1);

		memcpy(cut, pdf, n);
		free(pdf_dest_pages(cut, n));
		free(cut);
	}
	assert_null(pdf_dest_pages("", 0));
}

/*
 * A PDF as FOP lays it out: a link annotation as a plain object, the
 * Link structure element with its /Alt in a Flate object stream, and a
 * cross-reference stream.  The update gives the annotation the /Alt as
 * /Contents and points back to FOP's cross-reference; an annotation
 * that has one already, another filter, or a file cut anywhere gives no
 * update and no read past the end.
 */
static char *
links_pdf(const char *annot, const char *filter, size_t *len)
{
	const char *objs = "<< /S /Link /P 2 0 R /Alt (Till 1 \\(Syfte\\)) "
	    "/K [5 0 R << /Type /OBJR /Pg 3 0 R /Obj 4 0 R >>] >>";
	char header[] = "7 0 ", plain[512];
	unsigned char packed[512];
	uLongf packed_len = sizeof(packed);
	struct buf b = {0}, in = {0};
	size_t xref;

	buf_adds(&in, header);
	buf_adds(&in, objs);
	assert_int_equal(compress(packed, &packed_len,
	    (const unsigned char *)in.data, in.len), Z_OK);
	buf_printf(&b, "%%PDF-1.5\n4 0 obj\n%s\nendobj\n", annot);
	buf_printf(&b, "8 0 obj\n<< /Type /ObjStm /N 1 /First %zu /Length %lu "
	    "/Filter %s >>\nstream\n", strlen(header),
	    (unsigned long)packed_len, filter);
	buf_add(&b, (const char *)packed, packed_len);
	buf_adds(&b, "\nendstream\nendobj\n");
	xref = b.len;
	snprintf(plain, sizeof(plain), "9 0 obj\n<< /Root 1 0 R /Info 2 0 R "
	    "/ID [<AB> <AB>] /Type /XRef /Size 10 /W [1 8 2] /Length 0 >>\n"
	    "stream\n\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n", xref);
	buf_adds(&b, plain);
	buf_free(&in);
	*len = b.len;
	return b.data;
}

static void
test_pdf_link_contents(void **state)
{
	const char *annot = "<< /Type /Annot\n/Subtype /Link\n"
	    "/Rect [ 1 2 3 4 ]\n/StructParent 0\n>>";
	struct buf u = {0};
	size_t len;
	char *pdf = links_pdf(annot, "/FlateDecode", &len), want[64];

	(void)state;
	assert_int_equal(pdf_link_contents(pdf, len, &u), 1);
	assert_non_null(strstr(u.data, "4 0 obj\n<< /Type /Annot\n/Subtype "
	    "/Link\n/Rect [ 1 2 3 4 ]\n/StructParent 0\n/Contents "
	    "(Till 1 \\(Syfte\\))\n>>\nendobj\n"));
	snprintf(want, sizeof(want), "/Prev %zu ",
	    (size_t)((const char *)memmem(pdf, len, "9 0 obj", 7) - pdf));
	assert_non_null(strstr(u.data, want));
	assert_non_null(strstr(u.data, "10 0 obj\n<< /Type /XRef /Size 11"));
	assert_non_null(strstr(u.data, "/Root 1 0 R"));
	assert_non_null(strstr(u.data, "/ID [<AB> <AB>]"));
	assert_non_null(strstr(u.data, "/Index [4 1 10 1]"));
	assert_int_equal(memcmp(u.data + u.len - 6, "%%EOF\n", 6), 0);
	/* The entry of object 4: type 1, at the offset where it begins. */
	{
		const char *e = memmem(u.data, u.len, "stream\n", 7) + 7;
		size_t off = ((size_t)(unsigned char)e[1] << 24) |
		    ((size_t)(unsigned char)e[2] << 16) |
		    ((size_t)(unsigned char)e[3] << 8) | (unsigned char)e[4];

		assert_int_equal(e[0], 1);
		assert_int_equal(off, len);
	}
	/* Cut anywhere before its %%EOF: no update, no read past the end. */
	for (size_t n = 0; n + 1 < len; n++) {
		char *cut = xmalloc(n ? n : 1);
		struct buf c = {0};

		memcpy(cut, pdf, n);
		assert_int_equal(pdf_link_contents(cut, n, &c), -1);
		assert_int_equal(c.len, 0);
		buf_free(&c);
		free(cut);
	}
	free(pdf);
	buf_free(&u);
	/* Described already: nothing to do. */
	pdf = links_pdf("<< /Type /Annot /Subtype /Link /Contents (x) >>",
	    "/FlateDecode", &len);
	assert_int_equal(pdf_link_contents(pdf, len, &u), 0);
	assert_int_equal(u.len, 0);
	free(pdf);
	/* No structure tree at all (a PDF from a stand-in for FOP). */
	{
		const char *bare = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n"
		    "endobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
		    "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n49\n%%EOF\n";

		assert_int_equal(pdf_link_contents(bare, strlen(bare), &u), 0);
		assert_int_equal(u.len, 0);
	}
	/* A stream FOP does not write: left alone. */
	pdf = links_pdf(annot, "/LZWDecode", &len);
	assert_int_equal(pdf_link_contents(pdf, len, &u), -1);
	assert_int_equal(u.len, 0);
	free(pdf);
	buf_free(&u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_iso_date),
		cmocka_unit_test(test_version_compare),
		cmocka_unit_test(test_docid),
		cmocka_unit_test(test_dedent),
		cmocka_unit_test(test_json_string),
		cmocka_unit_test(test_find_word),
		cmocka_unit_test(test_lix),
		cmocka_unit_test(test_link_allowed),
		cmocka_unit_test(test_utf8_columns),
		cmocka_unit_test(test_path_relative),
		cmocka_unit_test(test_diag_origin),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_diag_status),
		cmocka_unit_test(test_gap_facts),
		cmocka_unit_test(test_rule_table),
		cmocka_unit_test(test_rules_documented),
		cmocka_unit_test(test_staff_bom_semicolon_crlf),
		cmocka_unit_test(test_staff_comma_english_quotes),
		cmocka_unit_test(test_staff_cp1252),
		cmocka_unit_test(test_staff_refusals),
		cmocka_unit_test(test_staff_hr_export),
		cmocka_unit_test(test_closest_word),
		cmocka_unit_test(test_sheet_code),
		cmocka_unit_test(test_qr_node),
		cmocka_unit_test(test_jvm_key),
		cmocka_unit_test(test_templates_hash),
		cmocka_unit_test(test_jvm_buildfile),
		cmocka_unit_test(test_jvm_split_log),
		cmocka_unit_test(test_pdf_dest_pages),
		cmocka_unit_test(test_pdf_link_contents),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}

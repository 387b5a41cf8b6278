/* test-cli.c: trellis-cli, run as a person would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "trellis-document.h"
#include "test-cli-util.h"
#include "test-util.h"

/* Running the program */

static char *workdir;
static void setup_workdir (void);

/* Runs trellis-cli with @args (NULL-terminated) in @cwd (the folder of
 * the test's files when NULL), with the extra environment @env. */
static void
run_cli_input (Run                *run,
               const char         *cwd,
               const char * const *env,
               GBytes             *input,
               const char * const *args)
{
  setup_workdir ();
  test_cli_run (run, cwd != NULL ? cwd : workdir, env, input, args);
}

static void
run_cli (Run                *run,
         const char         *cwd,
         const char * const *env,
         const char * const *args)
{
  run_cli_input (run, cwd, env, NULL, args);
}

/* A folder with the files the tests use */

static void
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (workdir, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_no_errno (g_mkdir_with_parents (dir, 0755));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_work_file (const char *name)
{
  g_autofree char *path = NULL;

  setup_workdir ();
  path = g_build_filename (workdir, name, NULL);

  return test_read_file (path, NULL);
}

static gboolean
work_file_exists (const char *name)
{
  g_autofree char *path = NULL;

  setup_workdir ();
  path = g_build_filename (workdir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A team in which Zoltan keeps his assessments private: he has the
 * largest gap, is the only one who knows something and shows up in
 * findings, and must be named nowhere. */
static const char team_private[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
  "  <organisation name=\"Helpdesk Noord\"/>\n"
  "  <competencies>\n"
  "    <competency id=\"c-listen\" name=\"Listening\"/>\n"
  "    <competency id=\"c-sql\" name=\"Databases\"/>\n"
  "  </competencies>\n"
  "  <responsibilities>\n"
  "    <responsibility id=\"rs-tickets\" name=\"Tickets\">\n"
  "      <needs competency=\"c-sql\" level=\"4\"/>\n"
  "      <assign role=\"ro-agent\" raci=\"RA\" authority=\"delegate\"/>\n"
  "    </responsibility>\n"
  "  </responsibilities>\n"
  "  <roles>\n"
  "    <role id=\"ro-agent\" name=\"Agent\">\n"
  "      <requires competency=\"c-listen\" level=\"4\"/>\n"
  "      <requires competency=\"c-sql\" level=\"3\"/>\n"
  "      <target competency=\"c-sql\" level=\"3\" people=\"3\"/>\n"
  "    </role>\n"
  "  </roles>\n"
  "  <people>\n"
  "    <person id=\"p-zoltan-secret\" name=\"Zoltan Geheimnis\" roles=\"ro-agent\" share=\"private\">\n"
  "      <assessment competency=\"c-listen\" level=\"0\" source=\"self\" date=\"2026-11-20\"/>\n"
  "      <assessment competency=\"c-sql\" level=\"4\" source=\"self\" date=\"2026-11-20\"/>\n"
  "    </person>\n"
  "    <person id=\"p-maria\" name=\"Maria Open\" roles=\"ro-agent\" share=\"team\">\n"
  "      <assessment competency=\"c-listen\" level=\"3\" source=\"self\" date=\"2026-11-20\"/>\n"
  "      <assessment competency=\"c-sql\" level=\"1\" source=\"coach\" date=\"2026-11-21\"/>\n"
  "    </person>\n"
  "    <person id=\"p-kees\" name=\"Kees Coach\" roles=\"ro-agent\" share=\"coach\">\n"
  "      <assessment competency=\"c-listen\" level=\"4\" source=\"agreed\" date=\"2026-11-22\"/>\n"
  "    </person>\n"
  "  </people>\n"
  "</trellis>\n";

/* small.trellis, written differently: other white space, attribute
 * order and quotes, a comment, Windows line ends. */
static char *
untidy_small (void)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *a = test_replace (small, "<value id=\"v-own\" name=\"Ownership\"/>",
                                     "<value   name='Ownership'\n       id='v-own'   ></value>");
  g_autofree char *b = test_replace (a, "  <results>", "  <!-- what the customer needs -->\n\n\n  <results>");
  g_autofree char *c = test_replace (b, "<needs competency=\"c-listen\" level=\"3\"/>",
                                     "<needs level=\"3\" competency=\"c-listen\"></needs>");
  g_autofree char *d = test_replace (c, "    <vision>", "<vision>");
  g_auto(GStrv) lines = g_strsplit (d, "\n", -1);

  return g_strjoinv ("\r\n", lines);
}

static void
setup_workdir (void)
{
  g_autoptr(GError) error = NULL;

  if (workdir != NULL)
    return;

  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *untidy = untidy_small ();

  workdir = g_dir_make_tmp ("trellis-cli-XXXXXX", &error);
  g_assert_no_error (error);

  write_file ("small.trellis", small);
  write_file ("sub/dir/small copy.trellis", small);
  write_file ("untidy.trellis", untidy);
  write_file ("team.trellis", team_private);

  {
    g_autofree char *bad_date = test_replace (small, "source=\"self\" date=\"2026-11-20\"/>",
                                              "source=\"self\" date=\"2026-02-30\"/>");
    g_autofree char *dangling = test_replace (small, "<requires competency=\"c-product\" level=\"3\"/>",
                                              "<requires competency=\"c-gone\" level=\"3\"/>");
    g_autofree char *m1 = test_replace (small, "level=\"3\" source=\"coach\" date=\"2026-11-21\"",
                                        "level=\"9\" source=\"coach\" date=\"2026-13-21\"");
    g_autofree char *m2 = test_replace (m1, "<requires competency=\"c-product\" level=\"3\"/>",
                                        "<requires competency=\"c-gone\" level=\"3\"/>");
    g_autofree char *many = test_replace (m2, "    <value id=\"v-own\" name=\"Ownership\"/>\n",
                                          "    <value id=\"v-own\" name=\"Ownership\"/>\n    <value id=\"v-care\" name=\"Again\"/>\n");
    g_autofree char *newer = test_replace (small, "matrix:1\" version=\"1.0\"", "matrix:1\" version=\"1.4\"");
    g_autofree char *newer2 = test_replace (newer, "  </roles>\n", "    <role-group id=\"g\"/>\n  </roles>\n");
    g_autofree char *truncated = g_strndup (small, strlen (small) / 2);

    write_file ("bad-date.trellis", bad_date);
    write_file ("dangling.trellis", dangling);
    write_file ("many-problems.trellis", many);
    write_file ("newer.trellis", newer2);
    write_file ("truncated.trellis", truncated);
    write_file ("not-xml.trellis", "Name,Role\nAnna,Agent\n");
    write_file ("sub/bad-date.trellis", bad_date);
  }
}

static void
test_json_reader (void)
{
  static const char * const good[] = {
    "{}", "[]", "0", "-0.5e+3", "\"a\\u00e9\\ud83c\\udf31\\n\"", "true", "null",
    "{\"a\":[1,2,{\"b\":null}],\"c\":\"d\"}", " { \"x\" : false } \n",
  };
  static const char * const bad[] = {
    "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "'a'", "\"tab\tin string\"",
    "{\"a\" 1}", "[1 2]", "nul", "\"\\x\"", "\"\\ud800\"", "{} {}", "NaN", "{a:1}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      const char *error = NULL;
      g_autoptr(GVariant) v = json_parse (good[i], &error);

      if (v == NULL)
        g_error ("refused good JSON %s: %s", good[i], error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *error = NULL;
      g_autoptr(GVariant) v = json_parse (bad[i], &error);

      if (v != NULL)
        g_error ("accepted bad JSON %s", bad[i]);
    }
}

/* Help and version */

static void
test_help (void)
{
  static const char * const forms[] = { "--help", "-h", "help" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[] = { forms[i], NULL };

      run_cli (&run, NULL, NULL, args);
      assert_status (&run, 0);
      assert_contains (run.out, "Usage:");
      assert_contains (run.out, "validate");
      assert_contains (run.out, "stats");
      assert_contains (run.out, "convert");
      assert_contains (run.out, "Exit status:");
      g_assert_cmpstr (run.err, ==, "");
    }
}

static void
test_version (void)
{
  g_autoptr(GRegex) pattern = g_regex_new ("^trellis-cli [0-9]+\\.[0-9]+\\.[0-9]+\n$", 0, 0, NULL);
  g_auto(Run) run = { 0 };
  const char *args[] = { "--version", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  g_assert_true (g_regex_match (pattern, run.out, 0, NULL));
  g_assert_cmpstr (run.err, ==, "");
}

typedef struct
{
  const char *command;
  const char *option;   /* an option its help must show */
} CommandCase;

static const CommandCase commands[] = {
  { "validate", "--quiet" },
  { "stats", "--json" },
  { "convert", "--output" },
  { "handout", "--person" },
  { "merge", "--match" },
};

static void
test_command_help (gconstpointer data)
{
  const CommandCase *cc = data;
  g_auto(Run) run = { 0 };
  g_autofree char *usage = g_strdup_printf ("trellis-cli %s", cc->command);
  const char *args[] = { cc->command, "--help", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  assert_contains (run.out, "Usage:");
  assert_contains (run.out, usage);
  assert_contains (run.out, cc->option);
  g_assert_cmpstr (run.err, ==, "");
}

/* Usage errors exit 2 */

typedef struct
{
  const char *path;
  const char *args[6];
  const char *says;
} UsageCase;

static const UsageCase usage_cases[] = {
  { "no-command", { NULL }, "Usage:" },
  { "unknown-command", { "frobnicate", "small.trellis", NULL }, "unknown command ‘frobnicate’" },
  { "unknown-option", { "--frobnicate", NULL }, "--frobnicate" },
  { "validate-no-file", { "validate", NULL }, "at least one file" },
  { "validate-bad-option", { "validate", "--bogus", "small.trellis", NULL }, "--bogus" },
  { "stats-no-file", { "stats", NULL }, "exactly one file" },
  { "stats-two-files", { "stats", "small.trellis", "team.trellis", NULL }, "exactly one file" },
  { "stats-negative-top", { "stats", "--top=-1", "small.trellis", NULL }, "--top" },
  { "stats-bad-top", { "stats", "--top=many", "small.trellis", NULL }, "--top" },
  { "stats-bad-option", { "stats", "--xml", "small.trellis", NULL }, "--xml" },
  { "convert-no-output", { "convert", "small.trellis", NULL }, "-o OUT" },
  { "convert-no-input", { "convert", "-o", "out.trellis", NULL }, "exactly one file" },
  { "convert-two-inputs", { "convert", "small.trellis", "team.trellis", "-o", "out.trellis", NULL }, "exactly one file" },
  { "convert-missing-value", { "convert", "small.trellis", "-o", NULL }, "-o" },
};

static void
test_usage_error (gconstpointer data)
{
  const UsageCase *uc = data;
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, NULL, uc->args);
  assert_status (&run, 2);
  assert_contains (run.err, uc->says);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (work_file_exists ("out.trellis"));
}

/* validate */

static void
test_validate_good (void)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "validate", "small.trellis", "team.trellis", "sub/dir/small copy.trellis", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==,
                   "small.trellis: valid (2 people, 4 assessments)\n"
                   "team.trellis: valid (3 people, 5 assessments)\n"
                   "sub/dir/small copy.trellis: valid (2 people, 4 assessments)\n");
  g_assert_cmpstr (run.err, ==, "");
}

typedef struct
{
  const char *path;
  const char *file;          /* as given on the command line */
  const char *lines[8];      /* "LINE: part of the message", in order */
} BadFileCase;

static const BadFileCase bad_files[] = {
  { "bad-date", "bad-date.trellis", { "54: The date ‘2026-02-30’", NULL } },
  { "dangling", "dangling.trellis", { "45: The attribute ‘competency’ refers to ‘c-gone’", NULL } },
  { "in-folder", "sub/bad-date.trellis", { "54: The date ‘2026-02-30’", NULL } },
  { "dot-slash", "./bad-date.trellis", { "54: The date", NULL } },
  { "truncated", "truncated.trellis", { "41: The file ends too early", NULL } },
  { "not-xml", "not-xml.trellis", { "1: This is not a Trellis matrix", NULL } },
  { "many-problems", "many-problems.trellis", {
      "21: The id ‘v-care’ is used more than once",
      "54: Level 9 of <assessment> is not on the scale",
      "54: The date ‘2026-13-21’",
      "46: The attribute ‘competency’ refers to ‘c-gone’",
      NULL } },
};

/* Every line of stderr is FILE:LINE: message, with FILE as given; the
 * expected problems come in order. */
static void
assert_problems (const char         *err,
                 const char         *file,
                 const char * const *expected)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", file);
  g_autofree char *escaped = g_regex_escape_string (file, -1);
  g_autofree char *pattern_text = g_strdup_printf ("^%s:[0-9]+: [^ ].*$", escaped);
  g_autoptr(GRegex) pattern = g_regex_new (pattern_text, 0, 0, NULL);
  guint n_lines = g_strv_length (lines);
  guint next = 0;

  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  for (guint i = 0; i + 1 < n_lines; i++)
    {
      if (!g_regex_match (pattern, lines[i], 0, NULL))
        g_error ("not FILE:LINE: message with the file as given (%s): ‘%s’", file, lines[i]);

      if (expected[next] != NULL)
        {
          g_autofree char *want = g_strconcat (prefix, expected[next], NULL);

          if (g_str_has_prefix (lines[i], want))
            next++;
        }
    }

  if (expected[next] != NULL)
    g_error ("no line starts with ‘%s%s’ (in this order):\n%s", prefix, expected[next], err);
}

static void
test_validate_bad (gconstpointer data)
{
  const BadFileCase *bc = data;
  g_auto(Run) run = { 0 };
  const char *args[] = { "validate", bc->file, NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_problems (run.err, bc->file, bc->lines);
}

/* The problems of a file given by its absolute name carry that name. */
static void
test_validate_absolute (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *path = NULL;
  const char *args[] = { "validate", NULL, NULL };
  const char *expected[] = { "54: The date", NULL };

  setup_workdir ();
  path = g_build_filename (workdir, "bad-date.trellis", NULL);
  args[1] = path;
  run_cli (&run, "/", NULL, args);
  assert_status (&run, 1);
  assert_problems (run.err, path, expected);
}

/* Good, bad and missing files in one run: each is reported, and the
 * run fails. */
static void
test_validate_mixed (void)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "validate", "small.trellis", "bad-date.trellis", "missing.trellis", "team.trellis", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 1);
  g_assert_cmpstr (run.out, ==,
                   "small.trellis: valid (2 people, 4 assessments)\n"
                   "team.trellis: valid (3 people, 5 assessments)\n");
  assert_contains (run.err, "bad-date.trellis:54: The date");
  assert_contains (run.err, "missing.trellis: ");
}

static void
test_validate_notice (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) quiet = { 0 };
  const char *args[] = { "validate", "newer.trellis", NULL };
  const char *quiet_args[] = { "validate", "--quiet", "newer.trellis", NULL };

  /* A newer minor version is valid; what was kept is a note. */
  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  assert_contains (run.out, "newer.trellis: valid");
  assert_contains (run.err, "newer.trellis:47: note: The element <role-group>");

  run_cli (&quiet, NULL, NULL, quiet_args);
  assert_status (&quiet, 0);
  g_assert_cmpstr (quiet.out, ==, "");
  g_assert_cmpstr (quiet.err, ==, "");
}

/* stats */

static const char * const private_words[] = {
  "Zoltan", "Geheimnis", "p-zoltan-secret",
};

static void
assert_private_unnamed (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (private_words); i++)
    assert_lacks (text, private_words[i]);
}

static void
test_stats_text (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) top0 = { 0 };
  const char *args[] = { "stats", "team.trellis", NULL };
  const char *top_args[] = { "stats", "--top", "0", "team.trellis", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Helpdesk Noord\n"));
  assert_contains (run.out, "People");
  assert_contains (run.out, "Assessments");
  assert_contains (run.out, "Largest gaps");
  assert_contains (run.out, "Single points of knowledge");
  /* Those who share are named, the private person is not. */
  assert_contains (run.out, "Maria Open");
  assert_contains (run.out, "people who keep their assessments private");
  assert_private_unnamed (run.out);

  run_cli (&top0, NULL, NULL, top_args);
  assert_status (&top0, 0);
  assert_private_unnamed (top0.out);
  assert_lacks (top0.out, "Maria Open —");
}

static void
test_stats_json (void)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "stats", "--json", "team.trellis", NULL };
  g_autoptr(GVariant) json = NULL;
  g_autoptr(GVariant) organisation = NULL;
  g_autoptr(GVariant) people = NULL;
  g_autoptr(GVariant) assessments = NULL;
  g_autoptr(GVariant) gaps = NULL;
  g_autoptr(GVariant) total = NULL;
  g_autoptr(GVariant) by_code = NULL;
  g_autoptr(GVariant) items = NULL;
  g_autoptr(GVariant) single = NULL;
  const char *error = NULL;
  double sum = 0;
  gboolean private_gap = FALSE;
  GVariantIter iter;
  GVariant *value;
  const char *key;

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  g_assert_cmpstr (run.err, ==, "");

  json = json_parse (run.out, &error);
  if (json == NULL)
    g_error ("stats --json printed invalid JSON (%s):\n%s", error, run.out);
  g_assert_true (g_variant_is_of_type (json, G_VARIANT_TYPE_VARDICT));

  organisation = json_get (json, "organisation");
  g_assert_cmpstr (g_variant_get_string (organisation, NULL), ==, "Helpdesk Noord");
  people = json_get (json, "counts.person");
  g_assert_cmpfloat (g_variant_get_double (people), ==, 3);
  assessments = json_get (json, "counts.assessments");
  g_assert_cmpfloat (g_variant_get_double (assessments), ==, 5);

  /* Findings: the total is the sum of the counts per code. */
  total = json_get (json, "findings.total");
  by_code = json_get (json, "findings.by_code");
  g_variant_iter_init (&iter, by_code);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    sum += g_variant_get_double (value);
  g_assert_cmpfloat (g_variant_get_double (total), ==, sum);
  g_assert_cmpfloat (sum, >, 0);
  items = json_get (json, "findings.items");
  g_assert_cmpuint (g_variant_n_children (items), >, 0);

  /* Gaps: only those who share are listed; the private person's gaps
   * are counted, never shown, not even without a name. */
  gaps = json_get (json, "largest_gaps");
  g_assert_cmpuint (g_variant_n_children (gaps), >, 0);
  for (gsize i = 0; i < g_variant_n_children (gaps); i++)
    {
      g_autoptr(GVariant) boxed = g_variant_get_child_value (gaps, i);
      g_autoptr(GVariant) gap = g_variant_get_variant (boxed);
      g_autoptr(GVariant) person = json_get (gap, "person");

      g_assert_cmpstr (g_variant_get_string (person, NULL), ==, "p-maria");
    }
  {
    g_autoptr(GVariant) n_private = json_get (json, "private_gaps");

    private_gap = g_variant_get_double (n_private) > 0;
  }
  g_assert_true (private_gap);

  single = json_get (json, "single_points");
  g_assert_cmpuint (g_variant_n_children (single), >, 0);

  assert_private_unnamed (run.out);
  assert_contains (run.out, "Maria Open");
}

static void
test_stats_bad (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };
  const char *args[] = { "stats", "bad-date.trellis", NULL };
  const char *missing_args[] = { "stats", "missing.trellis", NULL };
  const char *expected[] = { "54: The date ‘2026-02-30’", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_problems (run.err, "bad-date.trellis", expected);

  run_cli (&missing, NULL, NULL, missing_args);
  assert_status (&missing, 1);
  g_assert_cmpstr (missing.out, ==, "");
  assert_contains (missing.err, "missing.trellis");
}

/* convert */

static void
test_convert (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) again = { 0 };
  g_autofree char *canonical = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *written = NULL;
  g_autofree char *untidy = read_work_file ("untidy.trellis");
  const char *args[] = { "convert", "untidy.trellis", "-o", "converted.trellis", NULL };
  const char *args_long[] = { "convert", "--output=converted.trellis", "untidy.trellis", NULL };
  const char *only[] = { "converted.trellis", NULL };

  g_assert_cmpstr (untidy, !=, canonical);

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  written = read_work_file ("converted.trellis");
  g_assert_cmpstr (written, ==, canonical);

  /* Again, over the output: replaced, without a backup or temporary file. */
  run_cli (&again, NULL, NULL, args_long);
  assert_status (&again, 0);
  g_assert_false (work_file_exists ("converted.trellis~"));
  {
    g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        if (g_str_has_prefix (name, ".") || g_str_has_prefix (name, "converted"))
          g_assert_true (g_strv_contains (only, name));
      }
  }

  /* The input is left as it was. */
  {
    g_autofree char *input = read_work_file ("untidy.trellis");
    g_assert_cmpstr (input, ==, untidy);
  }
}

static void
test_convert_stdout (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *canonical = test_fixture_contents ("small.trellis", NULL);
  const char *args[] = { "convert", "untidy.trellis", "-o", "-", NULL };

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 0);
  g_assert_cmpstr (run.out, ==, canonical);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_convert_refuses (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) over = { 0 };
  g_auto(Run) missing = { 0 };
  const char *args[] = { "convert", "bad-date.trellis", "-o", "refused.trellis", NULL };
  const char *over_args[] = { "convert", "truncated.trellis", "-o", "existing.trellis", NULL };
  const char *missing_args[] = { "convert", "missing.trellis", "-o", "refused.trellis", NULL };
  const char *expected[] = { "54: The date ‘2026-02-30’", NULL };
  g_autofree char *existing = NULL;

  run_cli (&run, NULL, NULL, args);
  assert_status (&run, 1);
  assert_problems (run.err, "bad-date.trellis", expected);
  g_assert_false (work_file_exists ("refused.trellis"));

  /* An existing output stays as it was. */
  write_file ("existing.trellis", "keep me\n");
  run_cli (&over, NULL, NULL, over_args);
  assert_status (&over, 1);
  existing = read_work_file ("existing.trellis");
  g_assert_cmpstr (existing, ==, "keep me\n");

  run_cli (&missing, NULL, NULL, missing_args);
  assert_status (&missing, 1);
  g_assert_false (work_file_exists ("refused.trellis"));
}

/* A Dutch run works the same; only the words may differ. */
static void
test_dutch (void)
{
  const char *env[] = { "LANGUAGE=nl", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", NULL };
  g_auto(Run) help = { 0 };
  g_auto(Run) good = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) stats = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) english_json = { 0 };
  g_auto(Run) convert = { 0 };
  g_autofree char *canonical = test_fixture_contents ("small.trellis", NULL);
  const char *help_args[] = { "--help", NULL };
  const char *good_args[] = { "validate", "small.trellis", NULL };
  const char *bad_args[] = { "validate", "many-problems.trellis", NULL };
  const char *stats_args[] = { "stats", "team.trellis", NULL };
  const char *json_args[] = { "stats", "--json", "team.trellis", NULL };
  const char *convert_args[] = { "convert", "untidy.trellis", "-o", "-", NULL };
  const char *expected[] = { "21: ", "54: ", "54: ", "46: ", NULL };
  g_autoptr(GVariant) parsed = NULL;
  g_autoptr(GVariant) people = NULL;
  const char *error = NULL;

  run_cli (&help, NULL, env, help_args);
  assert_status (&help, 0);
  assert_contains (help.out, "validate");

  run_cli (&good, NULL, env, good_args);
  assert_status (&good, 0);
  g_assert_true (g_str_has_prefix (good.out, "small.trellis: "));

  run_cli (&bad, NULL, env, bad_args);
  assert_status (&bad, 1);
  assert_problems (bad.err, "many-problems.trellis", expected);

  run_cli (&stats, NULL, env, stats_args);
  assert_status (&stats, 0);
  assert_private_unnamed (stats.out);

  /* JSON is for programs: the same keys and codes in every language. */
  run_cli (&json, NULL, env, json_args);
  assert_status (&json, 0);
  parsed = json_parse (json.out, &error);
  if (parsed == NULL)
    g_error ("invalid JSON in Dutch (%s):\n%s", error, json.out);
  people = json_get (parsed, "counts.person");
  g_assert_cmpfloat (g_variant_get_double (people), ==, 3);
  assert_private_unnamed (json.out);
  run_cli (&english_json, NULL, NULL, json_args);
  {
    g_autoptr(GRegex) codes = g_regex_new ("\"code\":\"[a-z-]+\"", 0, 0, NULL);
    g_autoptr(GMatchInfo) nl = NULL;
    g_autoptr(GMatchInfo) en = NULL;

    g_regex_match (codes, json.out, 0, &nl);
    g_regex_match (codes, english_json.out, 0, &en);
    while (g_match_info_matches (en))
      {
        g_autofree char *a = g_match_info_fetch (en, 0);
        g_autofree char *b = NULL;

        g_assert_true (g_match_info_matches (nl));
        b = g_match_info_fetch (nl, 0);
        g_assert_cmpstr (a, ==, b);
        g_match_info_next (en, NULL);
        g_match_info_next (nl, NULL);
      }
    g_assert_false (g_match_info_matches (nl));
  }

  /* Files are written the same in every language. */
  run_cli (&convert, NULL, env, convert_args);
  assert_status (&convert, 0);
  g_assert_cmpstr (convert.out, ==, canonical);
}

/* Input that is not a file */

/* "-" reads standard input, for every command that reads a matrix. */
static void
test_standard_input (void)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autoptr(GBytes) input = g_bytes_new (small, strlen (small));
  g_autoptr(GBytes) not_xml = g_bytes_new_static ("Name,Role\nAnna,Agent\n", 21);

  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "validate", "-", NULL };

    run_cli_input (&run, NULL, NULL, input, args);
    assert_status (&run, 0);
    assert_contains (run.out, "-: valid (2 people, 4 assessments)");
  }
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "convert", "-", "-o", "-", NULL };

    run_cli_input (&run, NULL, NULL, input, args);
    assert_status (&run, 0);
    g_assert_cmpstr (run.out, ==, small);
  }
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "stats", "-", NULL };

    run_cli_input (&run, NULL, NULL, not_xml, args);
    assert_status (&run, 1);
    assert_contains (run.err, "standard input");
  }
}

/* A pipe with nobody writing to it, a device or a folder is refused at
 * once instead of waited on or read forever. */
static void
test_not_regular_input (void)
{
  g_autofree char *fifo = NULL;
  const char *inputs[] = { "pipe.trellis", "/dev/zero", "sub", NULL };

  setup_workdir ();
  fifo = g_build_filename (workdir, "pipe.trellis", NULL);
  if (!g_file_test (fifo, G_FILE_TEST_EXISTS))
    g_assert_no_errno (mkfifo (fifo, 0600));

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[] = { "validate", inputs[i], NULL };
      gint64 start = g_get_monotonic_time ();

      run_cli (&run, NULL, NULL, args);
      assert_status (&run, 1);
      assert_contains (run.err, strcmp (inputs[i], "sub") == 0 ? "it is a folder" : "not a regular file");
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
    }
}

/* Endless input through a pipe stops at the most a matrix may hold, with
 * a sentence, instead of being read forever. */
static void
test_endless_input (void)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "sh", "-c", "{ echo '<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">'; "
                         "yes '<!-- and on and on -->'; } | \"$0\" validate -", NULL, NULL };
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_text = NULL;

  args[3] = cli_path ();
  process = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  err_text = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));

  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  assert_contains (err_text, "more than any matrix holds");
  assert_contains (err_text, "512.0");
  (void) run;
}

/* With the current folder deleted, a relative name is refused: it once
 * wrote /out.trellis and reported success. */
static void
test_deleted_current_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gone = g_dir_make_tmp ("trellis-gone-XXXXXX", &error);
  g_autofree char *input = NULL;
  g_autofree char *root_out = g_build_filename ("/", "out-of-a-gone-folder.trellis", NULL);

  g_assert_no_error (error);
  setup_workdir ();
  input = g_build_filename (workdir, "small.trellis", NULL);

  /* The shell changes into the folder, removes it and runs from there. */
  {
    const char *args[] = { "sh", "-c", "cd \"$1\" && rmdir \"$1\" && \"$0\" convert \"$2\" -o out-of-a-gone-folder.trellis",
                           NULL, NULL, NULL, NULL };
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GBytes) err = NULL;
    g_autofree char *err_text = NULL;

    args[3] = cli_path ();
    args[4] = gone;
    args[5] = input;
    process = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
    g_assert_no_error (error);
    g_subprocess_communicate (process, NULL, NULL, NULL, &err, &error);
    g_assert_no_error (error);
    err_text = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));

    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
    assert_contains (err_text, "The current folder no longer exists");
    g_assert_false (g_file_test (root_out, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/cli/json-reader", test_json_reader);
  g_test_add_func ("/trellis/cli/help", test_help);
  g_test_add_func ("/trellis/cli/version", test_version);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/cli/command-help/%s", commands[i].command);
      g_test_add_data_func (path, &commands[i], test_command_help);
    }
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/cli/usage-error/%s", usage_cases[i].path);
      g_test_add_data_func (path, &usage_cases[i], test_usage_error);
    }
  g_test_add_func ("/trellis/cli/validate/good", test_validate_good);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/cli/validate/bad/%s", bad_files[i].path);
      g_test_add_data_func (path, &bad_files[i], test_validate_bad);
    }
  g_test_add_func ("/trellis/cli/validate/absolute-name", test_validate_absolute);
  g_test_add_func ("/trellis/cli/validate/mixed", test_validate_mixed);
  g_test_add_func ("/trellis/cli/validate/notice", test_validate_notice);
  g_test_add_func ("/trellis/cli/stats/text", test_stats_text);
  g_test_add_func ("/trellis/cli/stats/json", test_stats_json);
  g_test_add_func ("/trellis/cli/stats/bad-file", test_stats_bad);
  g_test_add_func ("/trellis/cli/convert/canonical", test_convert);
  g_test_add_func ("/trellis/cli/convert/stdout", test_convert_stdout);
  g_test_add_func ("/trellis/cli/convert/refuses-bad-input", test_convert_refuses);
  g_test_add_func ("/trellis/cli/dutch", test_dutch);
  g_test_add_func ("/trellis/cli/input/standard-input", test_standard_input);
  g_test_add_func ("/trellis/cli/input/not-regular", test_not_regular_input);
  g_test_add_func ("/trellis/cli/input/endless", test_endless_input);
  g_test_add_func ("/trellis/cli/output/deleted-current-folder", test_deleted_current_folder);

  ret = g_test_run ();

  if (workdir != NULL)
    test_remove_tree (workdir);
  g_free (workdir);

  return ret;
}

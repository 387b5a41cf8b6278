/* test-cli-po.c: the matrix's texts out to translators and back, as a
 * team would do it: trellis-cli po-export, gettext's own tools
 * (msgfmt, msgcat, msgen, msgfilter) on the PO file, trellis-cli
 * po-import, and the report and the maps in the translation, read back
 * with poppler's pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <gio/gio.h>

#include "test-util.h"

/* What the test "translates" every text into: a marker before each line
 * of the original, so that a translated text is seen at a glance. */
#define MARK "⟦de⟧ "

static char *tmpdir;

static int
spawn_in (const char * const *argv,
          const char         *input,
          char              **out,
          char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                               (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = input != NULL ? g_bytes_new (input, strlen (input)) : NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *lsan = g_getenv ("LSAN_OPTIONS");
  g_autofree char *quiet = g_strconcat (lsan != NULL ? lsan : "", lsan != NULL ? ":" : "", "print_suppressions=0", NULL);

  g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", quiet, TRUE);
  g_subprocess_launcher_setenv (launcher, "SOURCE_DATE_EPOCH", "1790000000", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, in, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);

  /* An empty GBytes has no data at all. */
  if (out != NULL)
    *out = g_strndup (g_bytes_get_size (stdout_bytes) > 0 ? g_bytes_get_data (stdout_bytes, NULL) : "",
                      g_bytes_get_size (stdout_bytes));
  if (err != NULL)
    *err = g_strndup (g_bytes_get_size (stderr_bytes) > 0 ? g_bytes_get_data (stderr_bytes, NULL) : "",
                      g_bytes_get_size (stderr_bytes));

  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

static int
spawn (const char * const *argv,
       char              **out,
       char              **err)
{
  return spawn_in (argv, NULL, out, err);
}

static const char *
cli (void)
{
  return g_getenv ("TRELLIS_CLI");
}

static const char *
example (const char *name)
{
  return g_test_get_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static char *
temp_path (const char *name)
{
  return g_build_filename (tmpdir, name, NULL);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected ‘%s’ in:\n%.4000s", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect ‘%s’ in:\n%.4000s", needle, haystack);
}

static char *
export_po (const char *matrix,
           const char *language,
           const char *name)
{
  char *path = temp_path (name);
  const char *argv[] = { cli (), "po-export", matrix, "--language", language, "-o", path, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (spawn (argv, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return path;
}

/* msgfmt --check accepts it; returns what --statistics says. */
static char *
msgfmt_check (const char *po)
{
  const char *argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", po, NULL };
  g_autofree char *err = NULL;

  if (spawn (argv, NULL, &err) != 0)
    g_error ("msgfmt --check refused %s:\n%s", po, err);
  return g_steal_pointer (&err);
}

/* Every text translated by gettext's own tools: msgen copies each
 * original into its msgstr, msgfilter puts the marker before each line. */
static char *
translate (const char *po,
           const char *name)
{
  char *path = temp_path (name);
  g_autofree char *english = temp_path ("english.po");
  const char *msgen[] = { "msgen", "-o", english, po, NULL };
  const char *msgfilter[] = { "msgfilter", "--keep-header", "-i", english, "-o", path, "sed", "-e", "s/^/" MARK "/", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (spawn (msgen, NULL, NULL), ==, 0);
  if (spawn (msgfilter, NULL, &err) != 0)
    g_error ("msgfilter failed: %s", err);
  return path;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GRegex) space = g_regex_new ("[ \\t]+", 0, 0, NULL);

  g_assert_cmpint (spawn (argv, &out, NULL), ==, 0);
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static char *
report (const char         *matrix,
        const char * const *args)
{
  static guint serial;
  g_autofree char *name = g_strdup_printf ("report-%u.pdf", serial++);
  g_autofree char *path = temp_path (name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, (gpointer) cli ());
  g_ptr_array_add (argv, (gpointer) "report");
  g_ptr_array_add (argv, (gpointer) "--date=2026-11-20");
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "-o");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, (gpointer) matrix);
  g_ptr_array_add (argv, NULL);

  if (spawn ((const char * const *) argv->pdata, NULL, &err) != 0)
    g_error ("report failed: %s", err);
  g_assert_cmpstr (err, ==, "");
  return pdf_text (path);
}

/* The PO file of each example is one msgfmt --check accepts, as gettext's
 * tools would write it, with a message for every text. */
static void
test_export_validates (void)
{
  static const char * const examples[] = {
    "customer-service.trellis", "klantenservice.trellis", "kundenservice.trellis",
  };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.po", i);
      g_autofree char *po = export_po (example (examples[i]), i == 2 ? "en" : "de", name);
      g_autofree char *text = read_text (po);
      g_autofree char *statistics = msgfmt_check (po);
      g_autofree char *expected = g_strdup_printf ("0 translated messages, %u untranslated messages.",
                                                   count (text, "\nmsgctxt "));
      const char *msgcat[] = { "msgcat", po, NULL };
      g_autofree char *again = NULL;

      g_test_message ("%s: %s", examples[i], statistics);
      g_assert_cmpuint (count (text, "\nmsgctxt "), >, 200);
      assert_contains (statistics, expected);
      assert_contains (text, i == 2 ? "\"Language: en\\n\"" : "\"Language: de\\n\"");
      assert_contains (text, "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"");
      assert_contains (text, "\"Content-Type: text/plain; charset=UTF-8\\n\"");

      /* gettext's tools leave it as it is: no churn for translators. */
      g_assert_cmpint (spawn (msgcat, &again, NULL), ==, 0);
      g_assert_cmpstr (again, ==, text);
    }

  /* The same file again, to standard output: the same bytes. */
  {
    g_autofree char *po = export_po (example ("customer-service.trellis"), "de", "again.po");
    g_autofree char *text = read_text (po);
    const char *argv[] = { cli (), "po-export", example ("customer-service.trellis"), "--language=de_DE", "-o", "-", NULL };
    g_autofree char *out = NULL;

    g_autoptr(GString) same = NULL;

    g_assert_cmpint (spawn (argv, &out, NULL), ==, 0);
    assert_contains (out, "\"Language: de_DE\\n\"");
    same = g_string_new (out);
    g_string_replace (same, "de_DE", "de", 0);
    g_string_replace (same, "(de-DE)", "(de)", 0);
    g_assert_cmpstr (same->str, ==, text);
  }
}

/* Out to a translator and back: every text translated is in the file,
 * the report and the maps, and exporting again gives the translations. */
static void
test_round_trip (void)
{
  g_autofree char *po = export_po (example ("customer-service.trellis"), "de", "cs.de.po");
  g_autofree char *translated = translate (po, "cs.de.translated.po");
  g_autofree char *statistics = msgfmt_check (translated);
  g_autofree char *matrix = temp_path ("translated.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *po_text = read_text (po);
  guint n = count (po_text, "\nmsgctxt ");
  const char *import[] = { cli (), "po-import", example ("customer-service.trellis"), translated, "-o", matrix, NULL };

  /* gettext's tools made a file msgfmt accepts, every text translated. */
  {
    g_autofree char *all = g_strdup_printf ("%u translated messages.", n);

    assert_contains (statistics, all);
  }

  g_assert_cmpint (spawn (import, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  {
    g_autofree char *taken = g_strdup_printf ("%u translations taken.", n);

    assert_contains (out, taken);
  }

  /* The file keeps each next to its original, as 1.2, and is valid. */
  file = read_text (matrix);
  assert_contains (file, "version=\"1.2\"");
  assert_contains (file, "<competency id=\"c-listening\" name=\"Active listening\" values=\"v-care\">");
  assert_contains (file, "<translation xml:lang=\"de\" field=\"name\">" MARK "Active listening</translation>");
  g_assert_cmpuint (count (file, "<translation xml:lang=\"de\""), ==, n);
  {
    const char *validate[] = { cli (), "validate", matrix, NULL };

    g_assert_cmpint (spawn (validate, NULL, NULL), ==, 0);
  }

  /* Exported again, every text has its translation. */
  {
    g_autofree char *again = export_po (matrix, "de", "again.de.po");
    g_autofree char *again_stats = msgfmt_check (again);
    g_autofree char *expected = g_strdup_printf ("%u translated messages.", n);

    assert_contains (again_stats, expected);
  }

  /* The report in the translation; without it, in the original. */
  {
    const char *german[] = { "--content-language", "de", NULL };
    g_autofree char *text = report (matrix, german);
    g_autofree char *original = report (matrix, NULL);

    assert_contains (text, MARK "Customer Service North");
    assert_contains (text, MARK "Genuine care");
    assert_contains (text, MARK "Lets the customer finish and summarises the question before answering.");
    assert_contains (text, MARK "Active listening");
    assert_contains (text, "The team’s own texts in German (de) where they are translated");
    assert_lacks (text, "\nGenuine care\n");
    assert_lacks (original, "⟦de⟧");
    assert_contains (original, "Genuine care");
  }

  /* Bilingual: each translated text with its original under it. */
  {
    const char *args[] = { "--content-language", "de", "--bilingual", "--sections", "cover,roles", NULL };
    g_autofree char *text = report (matrix, args);

    assert_contains (text, MARK "Genuine care\nGenuine care\n");
    assert_contains (text, MARK "We see the person behind the question.\nWe see the person behind the question.\n");
    assert_contains (text, "each with the original under it");
  }

  /* A view as a spreadsheet in the translation; the assessments keep
   * the names as written, to be read back. */
  {
    g_autofree char *csv = temp_path ("requirements.csv");
    g_autofree char *assessments = temp_path ("assessments.csv");
    const char *view[] = { cli (), "export", "--view", "requirements", "--content-language", "de", "-o", csv, matrix, NULL };
    const char *rows[] = { cli (), "export", "--content-language", "de", "-o", assessments, matrix, NULL };
    g_autofree char *view_text = NULL;
    g_autofree char *rows_text = NULL;

    g_assert_cmpint (spawn (view, NULL, NULL), ==, 0);
    g_assert_cmpint (spawn (rows, NULL, NULL), ==, 0);
    view_text = read_text (csv);
    rows_text = read_text (assessments);
    assert_contains (view_text, MARK "Active listening");
    assert_contains (view_text, MARK "Service agent");
    assert_contains (rows_text, "Active listening");
    assert_lacks (rows_text, MARK);
  }

  /* A map in the translation: its labels, in the SVG's text layer. */
  {
    g_autofree char *svg = temp_path ("requirements.svg");
    const char *render[] = { cli (), "render", "--view", "requirements", "--content-language", "de", "-o", svg, matrix, NULL };

    g_assert_cmpint (spawn (render, NULL, NULL), ==, 0);
    texts = read_text (svg);
    assert_contains (texts, MARK "Active listening");
  }
}

/* A translation of an older state of the matrix: what changed since is
 * stale, what was deleted unknown; neither is taken, both are told. */
static void
test_stale_unknown (void)
{
  g_autofree char *po = export_po (example ("customer-service.trellis"), "de", "old.de.po");
  g_autofree char *translated = translate (po, "old.de.translated.po");
  g_autofree char *original = read_text (example ("customer-service.trellis"));
  g_autoptr(GRegex) indicator = g_regex_new ("\\n    <indicator id=\"i-satisfaction\".*?</indicator>", G_REGEX_DOTALL, 0, NULL);
  g_autofree char *without = g_regex_replace_literal (indicator, original, -1, 0, "", 0, NULL);
  g_autoptr(GString) changed = g_string_new (without);
  g_autofree char *matrix = temp_path ("changed.trellis");
  g_autofree char *result = temp_path ("changed-translated.trellis");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = NULL;
  const char *import[] = { cli (), "po-import", matrix, translated, "-o", result, NULL };

  g_assert_cmpuint (strlen (without), <, strlen (original));
  g_string_replace (changed, "name=\"Active listening\"", "name=\"Attentive listening\"", 1);
  g_assert_true (g_file_set_contents (matrix, changed->str, -1, NULL));

  g_assert_cmpint (spawn (import, &out, &err), ==, 1);
  assert_contains (err, "‘c-listening|name’ is stale: the original changed since the file was exported");
  assert_contains (err, "‘i-satisfaction|name’ is no text of this matrix");
  assert_contains (err, "‘i-satisfaction|unit’ is no text of this matrix");
  {
    g_autofree char *line = NULL;
    g_autofree char *text = read_text (translated);
    const char *at = strstr (text, "msgctxt \"c-listening|name\"");
    guint n = 1;

    g_assert_nonnull (at);
    for (const char *p = text; p < at; p++)
      n += *p == '\n';
    line = g_strdup_printf ("%s:%u: ‘c-listening|name’ is stale", translated, n);
    assert_contains (err, line);
  }
  assert_contains (out, "1 stale (the original changed since the export), not taken");
  assert_contains (out, "unknown (the matrix has no such texts), not taken");

  /* What was taken is there all the same; what was not, is not. */
  file = read_text (result);
  assert_contains (file, "<translation xml:lang=\"de\" field=\"name\">" MARK "Genuine care</translation>");
  assert_contains (file, "<competency id=\"c-listening\" name=\"Attentive listening\" values=\"v-care\">");
  assert_lacks (file, MARK "Active listening");
  assert_lacks (file, MARK "Attentive listening");
  assert_lacks (file, "Customer satisfaction");
}

/* Fuzzy messages are the translator's doubt: not taken, told, and no
 * failure; an empty msgstr removes a translation. */
static void
test_fuzzy_and_removed (void)
{
  g_autofree char *po = export_po (example ("customer-service.trellis"), "de", "fuzzy.de.po");
  g_autofree char *translated = translate (po, "fuzzy.de.translated.po");
  g_autofree char *first = temp_path ("first.trellis");
  g_autofree char *second = temp_path ("second.trellis");
  g_autofree char *text = read_text (translated);
  g_autoptr(GString) edited = g_string_new (text);
  g_autofree char *edited_path = temp_path ("edited.po");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *file = NULL;
  const char *take[] = { cli (), "po-import", example ("customer-service.trellis"), translated, "-o", first, NULL };
  const char *again[] = { cli (), "po-import", first, edited_path, "-o", second, NULL };

  g_assert_cmpint (spawn (take, NULL, NULL), ==, 0);

  g_string_replace (edited, "msgctxt \"v-care|name\"\nmsgid \"Genuine care\"\nmsgstr \"" MARK "Genuine care\"",
                    "#, fuzzy\nmsgctxt \"v-care|name\"\nmsgid \"Genuine care\"\nmsgstr \"Echte Fürsorge\"", 1);
  g_string_replace (edited, "msgctxt \"v-trust|name\"\nmsgid \"Trust\"\nmsgstr \"" MARK "Trust\"",
                    "msgctxt \"v-trust|name\"\nmsgid \"Trust\"\nmsgstr \"\"", 1);
  g_assert_true (g_file_set_contents (edited_path, edited->str, -1, NULL));

  g_assert_cmpint (spawn (again, &out, &err), ==, 0);
  assert_contains (err, "‘v-care|name’ is marked fuzzy and was not taken");
  assert_contains (out, "1 removed (left empty)");
  assert_contains (out, "1 marked fuzzy, not taken");
  file = read_text (second);
  assert_contains (file, MARK "Genuine care");
  assert_lacks (file, "Echte Fürsorge");
  assert_lacks (file, MARK "Trust<");
}

static void
test_usage (void)
{
  g_autofree char *po = export_po (example ("customer-service.trellis"), "de", "usage.de.po");
  g_autofree char *out = temp_path ("usage.trellis");
  g_autofree char *broken = temp_path ("broken.po");
  const char *matrix = example ("customer-service.trellis");
  static const char *usage_cases[][8] = {
    { "po-export", "MATRIX", "-o", "OUT", NULL },
    { "po-export", "MATRIX", "--language", "deutsch", "-o", "OUT", NULL },
    { "po-export", "MATRIX", "--language", "de", NULL },
    { "po-import", "MATRIX", "PO", NULL },
    { "po-import", "MATRIX", "-o", "OUT", NULL },
    { "po-import", "MATRIX", "PO", "--language", "nl", "-o", "OUT", NULL },
    { "report", "--bilingual", "-o", "OUT.pdf", "MATRIX", NULL },
    { "report", "--content-language", "xx_yyy", "-o", "OUT.pdf", "MATRIX", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      const char *argv[10] = { cli () };
      g_autofree char *err = NULL;
      g_autofree char *pdf = temp_path ("usage.pdf");

      for (guint k = 0; usage_cases[i][k] != NULL; k++)
        {
          const char *a = usage_cases[i][k];

          argv[k + 1] = g_str_equal (a, "MATRIX") ? matrix : g_str_equal (a, "PO") ? po :
                        g_str_equal (a, "OUT") ? out : g_str_equal (a, "OUT.pdf") ? pdf : a;
        }
      g_test_message ("usage case %u", i);
      g_assert_cmpint (spawn (argv, NULL, &err), ==, 2);
      g_assert_cmpstr (err, !=, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }

  /* A broken PO file: its line, and nothing written. */
  {
    const char *argv[] = { cli (), "po-import", matrix, broken, "-o", out, NULL };
    g_autofree char *err = NULL;

    g_assert_true (g_file_set_contents (broken, "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgid \"x\"\nmsgstr \"y\n", -1, NULL));
    g_assert_cmpint (spawn (argv, NULL, &err), ==, 1);
    assert_contains (err, "Line 5: A string does not end on its line with a double quote.");
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  /* A folder is no PO file. */
  {
    const char *argv[] = { cli (), "po-import", matrix, tmpdir, "-o", out, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (spawn (argv, NULL, &err), ==, 1);
    assert_contains (err, "not a file");
  }

  /* A PO file from standard input, the matrix to standard output. */
  {
    const char *argv[] = { cli (), "po-import", matrix, "-", "-o", "-", NULL };
    g_autofree char *text = read_text (po);
    g_autofree char *stdout_text = NULL;

    g_assert_cmpint (spawn_in (argv, text, &stdout_text, NULL), ==, 0);
    assert_contains (stdout_text, "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("trellis-cli-po-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/trellis/cli-po/export-validates", test_export_validates);
  g_test_add_func ("/trellis/cli-po/round-trip", test_round_trip);
  g_test_add_func ("/trellis/cli-po/stale-unknown", test_stale_unknown);
  g_test_add_func ("/trellis/cli-po/fuzzy-and-removed", test_fuzzy_and_removed);
  g_test_add_func ("/trellis/cli-po/usage", test_usage);

  status = g_test_run ();
  test_remove_tree (tmpdir);

  return status;
}

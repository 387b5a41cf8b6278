/* test-cli-sheets.c: trellis-cli import and export, run as a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status 0 on success, 1 when a file cannot be read or written (or
 * has rows that cannot be imported), 2 when the command line is wrong;
 * bad rows as SPREADSHEET:ROW: reason; nothing written when nothing is
 * imported; exports readable by their owner only.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "test-util.h"

static char *workdir;

/* Runs trellis-cli with @args in the work folder; @input (nullable) is
 * its standard input. Returns the exit status. */
static int
cli_args (char               **out,
          char               **err,
          const char          *input,
          const char * const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("TRELLIS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, workdir);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error);
  g_assert_no_error (error);

  return g_subprocess_get_exit_status (process);
}

static int
cli (char       **out,
     char       **err,
     const char  *input,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;
  const char *arg;

  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return cli_args (out, err, input, (const char * const *) args->pdata);
}

static char *
work_path (const char *name)
{
  return g_build_filename (workdir, name, NULL);
}

static void
write_work (const char *name,
            const char *bytes,
            gssize      len)
{
  g_autofree char *path = work_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
}

static gboolean
exists (const char *name)
{
  g_autofree char *path = work_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (text == NULL || strstr (text, part) == NULL)
    g_error ("‘%s’ does not contain ‘%s’", text, part);
}

static void
setup (void)
{
  g_autofree char *team = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import", "team.trellis", NULL);

  g_assert_true (g_file_get_contents (fixture, &team, NULL, NULL));
  workdir = g_dir_make_tmp ("trellis-cli-sheets-XXXXXX", NULL);
  g_assert_nonnull (workdir);
  write_work ("team.trellis", team, -1);
  write_work ("good.csv", "Person,Competency,Level,Date\nAnna de Vries,Active listening,3,2026-11-20\n"
                          "Ben Jansen,Product knowledge,2,2026-11-20\n", -1);
  write_work ("bad.csv", "Person;Competency;Level;Date\nAnna de Vries;Active listening;7;2026-11-20\n"
                         "Ben Jansen;Product knowledge;2;2026-11-20\nDana Berg;Active listening;1;2026-11-20\n", -1);
}

static void
test_import (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *vout = NULL, *verr = NULL;

  g_assert_cmpint (cli (&out, &err, NULL, "import", "team.trellis", "good.csv", "-o", "imported.trellis", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported: 2 assessments added.\n");
  g_assert_cmpint (cli (&vout, &verr, NULL, "validate", "imported.trellis", NULL), ==, 0);
  assert_contains (vout, "2 assessments");
}

/* Bad rows: listed, nothing written, exit 1; with --good-rows, the rest. */
static void
test_import_bad_rows (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (cli (&out, &err, NULL, "import", "team.trellis", "bad.csv", "-o", "refused.trellis", NULL), ==, 1);
  assert_contains (err, "bad.csv:2: Level 7 is outside the scale 0–4.\n");
  assert_contains (err, "bad.csv:4: The matrix has nobody called ‘Dana Berg’.");
  assert_contains (err, "Nothing was imported");
  g_assert_false (exists ("refused.trellis"));

  g_assert_cmpint (cli (&out2, &err2, NULL, "import", "--good-rows", "team.trellis", "bad.csv", "-o", "some.trellis", NULL),
                   ==, 0);
  g_assert_cmpstr (out2, ==, "Imported: 1 assessment added, 2 rows skipped.\n");
  g_assert_true (exists ("some.trellis"));
}

/* Options: the kind, a column by number, new people, the default source
 * and date, a dry run; standard input; the matrix updated in place with
 * a backup. */
static void
test_import_options (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *written = NULL;
  g_autofree char *path = work_path ("team.trellis");
  const char *wide = "Who\tActive listening\nAnna de Vries\t4\nEva Dekker\t2\n";

  g_assert_cmpint (cli (&out, &err, wide, "import", "--dry-run", "--add-missing", "--what", "assessments-wide",
                        "--column", "#1=person", "team.trellis", "-", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Would import: 1 person added, 2 assessments added.\n");

  g_assert_cmpint (cli (&out2, &err2, wide, "import", "--add-missing", "--column", "Who=person", "--source", "agreed",
                        "--date", "2026-06-30", "team.trellis", "-", "-o", "team.trellis", NULL), ==, 0);
  g_assert_true (exists ("team.trellis~"));
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  assert_contains (written, "name=\"Eva Dekker\"");
  assert_contains (written, "<assessment competency=\"c-listen\" level=\"4\" source=\"agreed\" date=\"2026-06-30\"/>");
}

/* What cannot be read: a clear sentence, exit 1. */
static void
test_import_refused (void)
{
  g_autofree char *out = NULL, *err = NULL;

  write_work ("binary.csv", "\211PNG\r\n\032\n\0\0\0\rIHDR", 16);
  g_assert_cmpint (cli (&out, &err, NULL, "import", "team.trellis", "binary.csv", "-o", "x.trellis", NULL), ==, 1);
  assert_contains (err, "binary.csv is not a text file");
  g_assert_false (exists ("x.trellis"));
}

typedef struct
{
  const char *name;
  const char *args[10];
  const char *says;
} Usage;

static const Usage usages[] = {
  { "import-no-output", { "import", "team.trellis", "good.csv", NULL }, "-o OUT" },
  { "import-one-file", { "import", "good.csv", "-o", "x.trellis", NULL }, "Name a matrix and a spreadsheet" },
  { "import-kind", { "import", "--what", "teams", "team.trellis", "good.csv", "-o", "x", NULL }, "Unknown kind ‘teams’" },
  { "import-column", { "import", "--column", "Nope=person", "team.trellis", "good.csv", "-o", "x", NULL },
    "no column ‘Nope’" },
  { "import-field", { "import", "--column", "#1=height", "team.trellis", "good.csv", "-o", "x", NULL },
    "Unknown field ‘height’" },
  { "import-encoding", { "import", "--encoding", "ebcdic", "team.trellis", "good.csv", "-o", "x", NULL },
    "Unknown encoding" },
  { "export-no-output", { "export", "team.trellis", NULL }, "-o OUT.csv" },
  { "export-format", { "export", "-o", "x.ods", "team.trellis", NULL }, "Cannot tell the format" },
  { "export-view", { "export", "--view", "sight", "-o", "x.csv", "team.trellis", NULL }, "Unknown view ‘sight’" },
  { "export-two-tables", { "export", "--view", "gaps", "--view", "coverage", "-o", "x.csv", "team.trellis", NULL },
    "one table" },
  { "export-trend", { "export", "--view", "trend", "-o", "x.xlsx", "team.trellis", NULL }, "--since" },
};

static void
test_usage (gconstpointer data)
{
  const Usage *u = data;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_args (&out, &err, NULL, u->args), ==, 2);
  assert_contains (err, u->says);
}

/* A workbook by default from the name, readable by its owner only; a CSV
 * of a view for Excel; the assessments of whom the audience may see. */
static void
test_export (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;
  g_autofree char *xlsx = work_path ("team.xlsx");
  g_autofree char *gaps = NULL;
  g_autofree char *assessments = NULL;
  g_autofree char *gaps_path = work_path ("gaps.csv");
  g_autofree char *assessments_path = work_path ("assessments.csv");
  g_autofree char *contents = NULL;
  GStatBuf st;

  g_assert_cmpint (cli (&out, &err, NULL, "import", "team.trellis", "good.csv", "-o", "assessed.trellis", NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (&out, &err, NULL, "export", "assessed.trellis", "-o", "team.xlsx", NULL), ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (cli (&out2, &err2, NULL, "export", "--view", "gaps", "--delimiter", "semicolon", "--bom",
                        "assessed.trellis", "-o", "gaps.csv", NULL), ==, 0);
  g_assert_true (g_file_get_contents (gaps_path, &gaps, NULL, NULL));
  g_assert_true (g_str_has_prefix (gaps, "\357\273\277Role;Person;"));

  /* Ben shares with his coach only: in a workshop's export, nothing of him. */
  g_assert_cmpint (cli (&out3, &err3, NULL, "export", "--audience", "workshop", "assessed.trellis",
                        "-o", "assessments.csv", NULL), ==, 0);
  g_assert_true (g_file_get_contents (assessments_path, &assessments, NULL, NULL));
  assert_contains (assessments, "p-anna,Anna de Vries,c-listen,Active listening,3,,Coach,2026-11-20,,\r\n");
  g_assert_null (strstr (assessments, "Ben"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  setup ();

  g_test_add_func ("/cli/sheets/import", test_import);
  g_test_add_func ("/cli/sheets/import-bad-rows", test_import_bad_rows);
  g_test_add_func ("/cli/sheets/import-options", test_import_options);
  g_test_add_func ("/cli/sheets/import-refused", test_import_refused);
  g_test_add_func ("/cli/sheets/export", test_export);
  for (guint i = 0; i < G_N_ELEMENTS (usages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/sheets/usage/%s", usages[i].name);

      g_test_add_data_func (path, &usages[i], test_usage);
    }

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (workdir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = work_path (name);

        g_unlink (path);
      }
    g_rmdir (workdir);
  }
  g_free (workdir);

  return status;
}

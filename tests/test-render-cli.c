/* test-render-cli.c: trellis-cli render
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <glib.h>

static char *tmpdir;

/* The environment of the command, where a sanitizer build keeps quiet
 * about the suppressions it used, so that stderr holds only messages. */
static char **
child_environment (void)
{
  static char **env;

  if (env == NULL)
    {
      const char *lsan = g_getenv ("LSAN_OPTIONS");
      g_autofree char *quiet = g_strconcat (lsan != NULL ? lsan : "", lsan != NULL ? ":" : "",
                                            "print_suppressions=0", NULL);

      env = g_environ_setenv (g_get_environ (), "LSAN_OPTIONS", quiet, TRUE);
    }

  return env;
}

static int
run (char       **out,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("TRELLIS_CLI");
  const char *arg;
  va_list args;
  gint status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "render");
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, child_environment (), G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static const char *
small (void)
{
  return g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL);
}

static void
test_writes_each_view (void)
{
  static const char * const views[] = {
    "gaps", "requirements", "coverage", "responsibilities", "perception", "trend", "sight",
  };
  static const char * const exts[] = { "png", "svg", "pdf" };
  static const char * const magic[] = { "\x89PNG", "<?xml", "%PDF" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint e = 0; e < G_N_ELEMENTS (exts); e++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", views[v], exts[e]);
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        g_autofree char *contents = NULL;
        gsize length;
        int status;

        if (strcmp (views[v], "trend") == 0)
          status = run (&out, &err, "--view", views[v], "--since", "2026-11-01", "--theme", "dark", "-o", path, small (), NULL);
        else
          status = run (&out, &err, "--view", views[v], "--scale", "2", "-o", path, small (), NULL);

        g_assert_cmpstr (err, ==, "");
        g_assert_cmpint (status, ==, 0);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 100);
        g_assert_true (memcmp (contents, magic[e], strlen (magic[e])) == 0);
        g_unlink (path);
      }
}

/* Without --since a trend compares with the first round of assessments
 * in the file (small.trellis begins on 2026-10-01). */
static void
test_trend_since_the_first_round (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "trend.svg", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (run (NULL, &err, "--view", "trend", "-o", path, small (), NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Change since 2026-10-01"));
  g_unlink (path);
}

static void
test_filters_and_options (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "anna.png", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &err, "--view", "gaps", "--person", "p-anna", "--theme", "high-contrast",
                        "--direction", "rtl", "--workshop", "--zoom", "1.5", "-o", path, small (), NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_unlink (path);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, "--view", "responsibilities", "--role", "ro-agent", "--no-numbers",
                        "--font", "DejaVu Sans", "--title", "Agents", "-o", path, small (), NULL), ==, 0);
  g_unlink (path);
}

/* For a coach (the default), in a workshop and with totals only, Ben,
 * who keeps his assessments private, is named nowhere; narrowed to him,
 * he is. */
static void
test_audience (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "who.svg", NULL);
  const char *cases[][3] = {
    { NULL, NULL, NULL },
    { "--audience", "coach", NULL },
    { "--audience", "workshop", NULL },
    { "--workshop", NULL, NULL },
    { "--audience", "totals", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint narrowed = 0; narrowed <= 1; narrowed++)
      {
        g_autofree char *contents = NULL;
        const char *args[12] = { "--view", "gaps", "-o", path };
        guint n = 4;
        int status;

        for (guint k = 0; k < 2 && cases[i][k] != NULL; k++)
          args[n++] = cases[i][k];
        if (narrowed)
          {
            args[n++] = "--person";
            args[n++] = "p-ben";
          }
        args[n++] = small ();
        status = run (NULL, NULL, args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7],
                      args[8], args[9], args[10], NULL);
        g_assert_cmpint (status, ==, 0);
        g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
        g_assert_true ((strstr (contents, "Ben") != NULL) == (narrowed == 1));
        g_unlink (path);
      }
}

typedef struct
{
  const char *args[12];
  int         status;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { { "-o", "x.png", NULL }, 2, "Choose a view with --view" },
  { { "--view", "heat", "-o", "x.png", NULL }, 2, "Unknown view ‘heat’" },
  { { "--view", "gaps", NULL }, 2, "-o OUT.png" },
  { { "--view", "gaps", "-o", "x.gif", NULL }, 2, "end its name in .png, .svg or .pdf" },
  { { "--view", "gaps", "--theme", "sepia", "-o", "x.png", NULL }, 2, "Unknown theme ‘sepia’" },
  { { "--view", "gaps", "--scale", "0", "-o", "x.png", NULL }, 2, "scale" },
  { { "--view", "gaps", "--scale", "two", "-o", "x.png", NULL }, 2, "two" },
  { { "--view", "trend", "--since", "yesterday", "-o", "x.png", NULL }, 2, "‘yesterday’ is not a date" },
  { { "--view", "gaps", "--since", "2026-01-01", "-o", "x.png", NULL }, 2, "--since belongs to the trend view" },
  { { "--view", "gaps", "--role", "ro-nobody", "-o", "x.png", NULL }, 2, "no role with the id ‘ro-nobody’" },
  { { "--view", "gaps", "--person", "p-nobody", "-o", "x.png", NULL }, 2, "no person with the id ‘p-nobody’" },
  { { "--view", "gaps", "--role", "ro-agent", "--person", "p-anna", "-o", "x.png", NULL }, 2, "not both" },
  { { "--view", "gaps", "--direction", "up", "-o", "x.png", NULL }, 2, "ltr or rtl" },
  { { "--view", "gaps", "--audience", "everyone", "-o", "x.png", NULL }, 2, "Unknown audience ‘everyone’" },
  { { "--view", "gaps", "--workshop", "--audience", "coach", "-o", "x.png", NULL }, 2, "contradict" },
};

static void
test_bad_arguments (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint status;

  g_ptr_array_add (argv, (gpointer) g_getenv ("TRELLIS_CLI"));
  g_ptr_array_add (argv, (gpointer) "render");
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) c->args[i]);
  g_ptr_array_add (argv, (gpointer) small ());
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (tmpdir, (char **) argv->pdata, child_environment (), G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (WEXITSTATUS (status), ==, c->status);
  if (strstr (err, c->message) == NULL)
    g_error ("expected ‘%s’ in:\n%s", c->message, err);

  /* Nothing was written. */
  {
    g_autofree char *x = g_build_filename (tmpdir, "x.png", NULL);
    g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
  }
}

static void
test_bad_files (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "x.png", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.trellis", NULL);
  g_autofree char *readonly = g_build_filename (tmpdir, "no-such-folder", "x.png", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &err, "--view", "gaps", "-o", path, missing, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "missing.trellis"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (NULL, &err, "--view", "gaps", "-o", readonly, small (), NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no-such-folder"));
}

static void
test_help (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run (&out, NULL, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--view"));
  g_assert_nonnull (strstr (out, "--since"));
  g_assert_nonnull (strstr (out, "--workshop"));
  g_assert_nonnull (strstr (out, "--audience"));
  g_assert_nonnull (strstr (out, "--version"));
}

/* Like every command, render says its version. */
static void
test_version (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (&out, &err, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "trellis-cli "));
  g_assert_cmpstr (err, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  tmpdir = g_dir_make_tmp ("trellis-cli-render-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/render/cli/trend-since-the-first-round", test_trend_since_the_first_round);
  g_test_add_func ("/render/cli/each-view", test_writes_each_view);
  g_test_add_func ("/render/cli/filters-and-options", test_filters_and_options);
  g_test_add_func ("/render/cli/audience", test_audience);
  g_test_add_func ("/render/cli/version", test_version);
  g_test_add_func ("/render/cli/bad-files", test_bad_files);
  g_test_add_func ("/render/cli/help", test_help);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/cli/bad-arguments/%u", i);
      g_test_add_data_func (path, &bad_cases[i], test_bad_arguments);
    }

  status = g_test_run ();
  g_rmdir (tmpdir);
  g_free (tmpdir);
  g_strfreev (child_environment ());

  return status;
}

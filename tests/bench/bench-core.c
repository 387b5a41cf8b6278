/* bench-core.c: how fast the core reads, checks, analyses and writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size tier, generates the matrix once (kept in a temporary
 * folder and reused while the generator is unchanged), then measures
 * each operation several times and prints the median beside the floor:
 * libxml2's own tokenizer with nothing built (`xmllint --sax --noout`),
 * the least any reader of the file can cost. Peak memory is measured in
 * a child process per run: ru_maxrss from wait4(), minus what the child
 * held before it started.
 *
 * A benchmark, not a test: it fails only when something does not work
 * (a file that does not load, a save that fails), never when it is slow.
 *
 *   bench-core [--runs N] [--tier TIER]… [--folder DIR]
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "trellis-analysis.h"
#include "trellis-document.h"

typedef struct
{
  double  seconds;     /* median */
  gint64  peak_kb;     /* median, or -1 when not measured */
} Measure;

typedef struct
{
  const char *name;
  Measure     measure;
} Row;

static guint runs = 5;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static double
now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

/* Generating the files */

static char *
generator_stamp (const char *generator)
{
  struct stat st;

  if (g_stat (generator, &st) != 0)
    return NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
                          (gint64) st.st_size, (gint64) st.st_mtim.tv_sec, (gint64) st.st_mtim.tv_nsec);
}

static char *
ensure_file (const char  *folder,
             const char  *tier,
             GError     **error)
{
  g_autofree char *generator = g_strdup (g_getenv ("TRELLIS_GENERATE"));
  g_autofree char *file_name = g_strdup_printf ("%s.trellis", tier);
  g_autofree char *stamp_name = g_strdup_printf ("%s.stamp", tier);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autofree char *stamp_path = g_build_filename (folder, stamp_name, NULL);
  g_autofree char *stamp = NULL;
  g_autofree char *old_stamp = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { generator, "--tier", tier, "-o", path, NULL };

  /* Without TRELLIS_GENERATE, the generator built next to this program. */
  if (generator == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_strdup (".");

      generator = g_build_filename (dir, "trellis-generate", NULL);
      argv[0] = generator;
    }

  stamp = generator_stamp (generator);
  if (stamp == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s: %s", generator, g_strerror (errno));
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      g_file_get_contents (stamp_path, &old_stamp, NULL, NULL) &&
      g_str_equal (stamp, old_stamp))
    return g_steal_pointer (&path);

  g_print ("Generating the %s tier…\n", tier);
  g_unlink (stamp_path);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s", err != NULL ? err : "");
      return NULL;
    }
  g_print ("%s", out);

  if (!g_file_set_contents (stamp_path, stamp, -1, error))
    return NULL;

  return g_steal_pointer (&path);
}

/* The floor: xmllint in a process of its own. A child's ru_maxrss
 * starts at what its parent held when it forked, even across exec, so
 * xmllint is started by a fresh, small copy of this program
 * (spawn_main()) and not by this one, which may hold a large matrix. */

static int
spawn_main (char **argv)
{
  struct rusage ru;
  struct timespec t0, t1;
  int status;
  pid_t pid;

  clock_gettime (CLOCK_MONOTONIC, &t0);
  pid = fork ();
  if (pid < 0)
    return 126;

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execvp (argv[0], argv);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &ru) < 0 || !WIFEXITED (status))
    return 126;
  clock_gettime (CLOCK_MONOTONIC, &t1);

  /* Peak memory in KiB, then seconds, for measure_xmllint(). */
  fprintf (stderr, "%ld %.9f\n", ru.ru_maxrss,
           (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  return WEXITSTATUS (status);
}

static gboolean
measure_xmllint (const char  *path,
                 Measure     *out,
                 GError     **error)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *peaks = g_new (double, runs);
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  const char *argv[] = { self, "--spawn", "xmllint", "--sax", "--noout", path, NULL };

  if (self == NULL)
    return FALSE;

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *err = NULL;
      char *end = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                         NULL, &err, &status, error))
        return FALSE;

      if (!g_spawn_check_wait_status (status, error))
        {
          g_prefix_error (error, "xmllint --sax --noout %s: ", path);
          return FALSE;
        }
      peaks[i] = g_ascii_strtod (err, &end);
      times[i] = g_ascii_strtod (end, NULL);
    }

  out->seconds = median (times, runs);
  out->peak_kb = (gint64) median (peaks, runs);
  return TRUE;
}

/* Loading, each run in a child, for its peak memory. */

typedef struct
{
  double seconds;
  long   baseline_kb;
  int    ok;
} ChildResult;

static gboolean
load_in_child (const char   *path,
               double       *seconds,
               gint64       *peak_kb,
               GError      **error)
{
  ChildResult result = { 0 };
  struct rusage ru;
  int fds[2];
  int status;
  pid_t pid;

  if (pipe (fds) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "pipe: %s", g_strerror (errno));
      return FALSE;
    }

  pid = fork ();
  if (pid < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "fork: %s", g_strerror (errno));
      close (fds[0]);
      close (fds[1]);
      return FALSE;
    }

  if (pid == 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      TrellisDocument *doc;
      double t0;

      close (fds[0]);
      getrusage (RUSAGE_SELF, &ru);
      result.baseline_kb = ru.ru_maxrss;

      t0 = now ();
      doc = trellis_document_new_from_file (file, NULL, NULL, NULL);
      result.seconds = now () - t0;
      result.ok = doc != NULL;

      if (write (fds[1], &result, sizeof result) != sizeof result)
        _exit (2);
      /* Leave without freeing: the peak is what loading needed. */
      _exit (result.ok ? 0 : 1);
    }

  close (fds[1]);
  if (read (fds[0], &result, sizeof result) != sizeof result)
    result.ok = FALSE;
  close (fds[0]);

  if (wait4 (pid, &status, 0, &ru) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0 || !result.ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s did not load in the child", path);
      return FALSE;
    }

  *seconds = result.seconds;
  *peak_kb = MAX (0, ru.ru_maxrss - result.baseline_kb);
  return TRUE;
}

static gboolean
measure_load (const char  *path,
              Measure     *out,
              GError     **error)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *peaks = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      gint64 peak;

      if (!load_in_child (path, &times[i], &peak, error))
        return FALSE;
      peaks[i] = peak;
    }

  out->seconds = median (times, runs);
  out->peak_kb = (gint64) median (peaks, runs);
  return TRUE;
}

/* Everything else, in this process. */

typedef enum
{
  OP_VALIDATE,
  OP_ANALYSE,
  OP_SERIALIZE,
  OP_SAVE,
} Op;

static gboolean
run_op (Op                 op,
        GFile             *input,
        GFile             *output,
        TrellisDocument  **doc,
        GError           **error)
{
  switch (op)
    {
    case OP_VALIDATE:
      {
        g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
        TrellisDocument *loaded = trellis_document_new_from_file (input, report, NULL, error);

        if (loaded == NULL)
          return FALSE;
        if (trellis_load_report_get_n_errors (report) > 0)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the file has %u problems: %s",
                         trellis_load_report_get_n_errors (report),
                         trellis_load_report_get_message (report, 0));
            g_object_unref (loaded);
            return FALSE;
          }
        g_clear_object (doc);
        *doc = loaded;
        return TRUE;
      }

    case OP_ANALYSE:
      {
        TrellisAnalysis *analysis = trellis_analysis_new (*doc);

        trellis_analysis_unref (analysis);
        return TRUE;
      }

    case OP_SERIALIZE:
      {
        GBytes *bytes = trellis_document_serialize (*doc, error);

        if (bytes == NULL)
          return FALSE;
        g_bytes_unref (bytes);
        return TRUE;
      }

    case OP_SAVE:
      return trellis_document_save (*doc, output, TRELLIS_SAVE_FLAGS_NONE, NULL, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
measure_op (Op                 op,
            GFile             *input,
            GFile             *output,
            TrellisDocument  **doc,
            Measure           *out,
            GError           **error)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      double t0 = now ();

      if (!run_op (op, input, output, doc, error))
        return FALSE;
      times[i] = now () - t0;
    }

  out->seconds = median (times, runs);
  out->peak_kb = -1;
  return TRUE;
}

/* The file the generator wrote must be canonical: what the writer makes
 * of what the reader read is the same bytes. */
static gboolean
check_canonical (TrellisDocument  *doc,
                 const char       *path,
                 GError          **error)
{
  g_autoptr(GBytes) bytes = trellis_document_serialize (doc, error);
  g_autofree char *contents = NULL;
  gsize len;

  if (bytes == NULL || !g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  if (g_bytes_get_size (bytes) != len || memcmp (g_bytes_get_data (bytes, NULL), contents, len) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s is not canonical: writing what was read gives other bytes", path);
      return FALSE;
    }

  return TRUE;
}

static char *
format_size (gint64 kb)
{
  if (kb < 0)
    return g_strdup ("");
  if (kb < 10 * 1024)
    return g_strdup_printf ("%.1f MB", kb / 1024.0);
  return g_strdup_printf ("%.0f MB", kb / 1024.0);
}

static char *
format_time (double seconds)
{
  if (seconds < 0.001)
    return g_strdup_printf ("%.0f µs", seconds * 1e6);
  if (seconds < 1)
    return g_strdup_printf ("%.1f ms", seconds * 1e3);
  return g_strdup_printf ("%.2f s", seconds);
}

static void
print_table (const char *tier,
             const char *path,
             guint64     file_size,
             Row        *rows,
             guint       n_rows)
{
  const Measure *floor = &rows[0].measure;

  g_print ("\n%s tier: %s, %.1f MB, median of %u runs\n", tier, path, file_size / 1048576.0, runs);
  g_print ("  %-34s %10s %10s %8s %10s %10s\n", "operation", "time", "floor", "× floor", "peak mem", "× file");

  for (guint i = 0; i < n_rows; i++)
    {
      const Measure *m = &rows[i].measure;
      g_autofree char *t = format_time (m->seconds);
      g_autofree char *f = format_time (floor->seconds);
      g_autofree char *mem = format_size (m->peak_kb);
      g_autofree char *mem_ratio = m->peak_kb >= 0
                                   ? g_strdup_printf ("%.2f", m->peak_kb * 1024.0 / (double) file_size)
                                   : g_strdup ("");

      g_print ("  %-34s %10s %10s %8.2f %10s %10s\n", rows[i].name, t, f,
               m->seconds / floor->seconds, mem, mem_ratio);
    }
}

static gboolean
bench_tier (const char  *folder,
            const char  *tier,
            GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *saved_name = g_strdup_printf ("%s-saved.trellis", tier);
  g_autofree char *saved_path = g_build_filename (folder, saved_name, NULL);
  g_autofree char *backup_path = g_strconcat (saved_path, "~", NULL);
  g_autoptr(GFile) input = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  Row rows[] = {
    { "xmllint --sax --noout (floor)", { 0 } },
    { "load (new_from_file)", { 0 } },
    { "validate (load with a report)", { 0 } },
    { "analyse (trellis_analysis_new)", { 0 } },
    { "serialize", { 0 } },
    { "save (atomic, durable)", { 0 } },
  };
  struct stat st;

  path = ensure_file (folder, tier, error);
  if (path == NULL)
    return FALSE;
  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return FALSE;
    }

  input = g_file_new_for_path (path);
  output = g_file_new_for_path (saved_path);

  /* One untimed round first: it warms the page cache, checks the file
   * and leaves a saved copy, so that every timed save replaces a file
   * and keeps a backup, as saving does in daily use. */
  if (!run_op (OP_VALIDATE, input, output, &doc, error) ||
      !check_canonical (doc, path, error) ||
      !run_op (OP_SAVE, input, output, &doc, error))
    return FALSE;

  if (!measure_xmllint (path, &rows[0].measure, error) ||
      !measure_load (path, &rows[1].measure, error) ||
      !measure_op (OP_VALIDATE, input, output, &doc, &rows[2].measure, error) ||
      !measure_op (OP_ANALYSE, input, output, &doc, &rows[3].measure, error) ||
      !measure_op (OP_SERIALIZE, input, output, &doc, &rows[4].measure, error))
    return FALSE;

  /* The document now belongs to the input file; saving elsewhere once
   * more makes the saved copy its file. */
  if (!run_op (OP_SAVE, input, output, &doc, error) ||
      !measure_op (OP_SAVE, input, output, &doc, &rows[5].measure, error))
    return FALSE;

  print_table (tier, path, (guint64) st.st_size, rows, G_N_ELEMENTS (rows));

  g_unlink (saved_path);
  g_unlink (backup_path);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tiers = NULL;
  g_autofree char *folder = NULL;
  gint n_runs = 5;
  const char *default_tiers[] = { "workshop", "department", "enterprise", NULL };
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measurement (5)", "N" },
    { "tier", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tiers, "Only this tier (repeatable)", "TIER" },
    { "folder", 'd', 0, G_OPTION_ARG_FILENAME, &folder, "Where to keep the generated files", "DIR" },
    { NULL }
  };
  int status = 0;

  /* Before anything else, so that this copy stays small. */
  if (argc > 2 && strcmp (argv[1], "--spawn") == 0)
    return spawn_main (argv + 2);

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Measures loading, checking, analysing and saving of the three size tiers.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 2;
    }

  runs = (guint) CLAMP (n_runs, 1, 1000);

  if (folder == NULL)
    {
      g_autofree char *name = g_strdup_printf ("trellis-bench-%u", (guint) getuid ());

      folder = g_build_filename (g_get_tmp_dir (), name, NULL);
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_printerr ("bench-core: %s: %s\n", folder, g_strerror (errno));
      return 1;
    }

  for (guint i = 0; tiers != NULL ? tiers[i] != NULL : default_tiers[i] != NULL; i++)
    {
      const char *tier = tiers != NULL ? tiers[i] : default_tiers[i];

      if (!bench_tier (folder, tier, &error))
        {
          g_printerr ("bench-core: %s tier: %s\n", tier, error->message);
          g_clear_error (&error);
          status = 1;
        }
    }

  return status;
}

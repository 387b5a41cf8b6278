/* bench-core.c: how fast the core reads, checks, analyses and writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size tier, generates the matrix once (kept in a temporary
 * folder and reused while the generator is unchanged), then measures
 * each operation several times and prints the median beside the floor
 * (and the median of each run's ratio to the floor of that run):
 * libxml2's own tokenizer with nothing built (`xmllint --sax --noout`),
 * the least any reader of the file can cost. Loading is also compared
 * by processor time (user and system, of the whole process, as for
 * xmllint), which a machine busy with other work skews less than the
 * time on the clock. Peak memory is measured in
 * a child process per run: ru_maxrss from wait4(), minus what the child
 * held before it started to load.
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
#include "bench-util.h"
#include "trellis-document.h"

typedef struct
{
  double  seconds;     /* median */
  double  ratio;       /* median of each run's time over the floor's of that run */
  gint64  peak_kb;     /* median, or -1 when not measured */
} Measure;

typedef struct
{
  const char *name;
  Measure     measure;
  guint       floor;       /* the row this one is compared with */
} Row;

static guint runs = 5;

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

/* Child processes. A child's ru_maxrss starts at what its parent held
 * when it forked, even across exec, so the measured programs are started
 * by a fresh, small copy of this program (spawn_main()) and not by this
 * one, which may hold a large matrix. The copy reports the peak memory
 * and the time of its child on stderr. */

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
      execvp (argv[0], argv);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &ru) < 0 || !WIFEXITED (status))
    return 126;
  clock_gettime (CLOCK_MONOTONIC, &t1);

  fprintf (stderr, "%ld %.9f %.9f\n", ru.ru_maxrss,
           (double) (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
           ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
  return WEXITSTATUS (status);
}

/* Runs @argv through spawn_main(), returning its child's output, peak
 * memory in KiB, time and processor time (user and system). */
static gboolean
spawn_measured (const char * const  *argv,
                char               **out,
                double              *peak_kb,
                double              *seconds,
                double              *cpu_seconds,
                GError             **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *err = NULL;
  char *end = NULL;
  int status;

  if (self == NULL)
    return FALSE;

  g_ptr_array_add (args, self);
  g_ptr_array_add (args, (char *) "--spawn");
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, &err, &status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: ", argv[0]);
      return FALSE;
    }

  *peak_kb = g_ascii_strtod (err, &end);
  *seconds = g_ascii_strtod (end, &end);
  *cpu_seconds = g_ascii_strtod (end, NULL);
  return TRUE;
}

/* The floor: libxml2's tokenizer and nothing else. */
static gboolean
xmllint_once (const char  *path,
              double      *seconds,
              double      *cpu_seconds,
              double      *peak_kb,
              GError     **error)
{
  const char *argv[] = { "xmllint", "--sax", "--noout", path, NULL };
  g_autofree char *out = NULL;

  return spawn_measured (argv, &out, peak_kb, seconds, cpu_seconds, error);
}

/* Loading, in a fresh process (load_main()), which reports how long it
 * took and how much memory it held before it began. */
static int
load_main (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrellisDocument *doc;
  struct rusage ru;
  double t0;

  getrusage (RUSAGE_SELF, &ru);
  t0 = now ();
  doc = trellis_document_new_from_file (file, NULL, NULL, NULL);
  printf ("%ld %.9f\n", ru.ru_maxrss, now () - t0);

  /* Leave without freeing: the peak is what loading needed. */
  return doc != NULL ? 0 : 1;
}

/* The processor time is the whole process's, as the floor's is. */
static gboolean
load_once (const char  *path,
           double      *seconds,
           double      *cpu_seconds,
           double      *peak_kb,
           GError     **error)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", error);
  const char *argv[] = { self, "--load", path, NULL };
  g_autofree char *out = NULL;
  double process_seconds;
  double process_peak;
  char *end = NULL;
  double baseline;

  if (self == NULL || !spawn_measured (argv, &out, &process_peak, &process_seconds, cpu_seconds, error))
    return FALSE;

  baseline = g_ascii_strtod (out, &end);
  *seconds = g_ascii_strtod (end, NULL);
  *peak_kb = MAX (0, process_peak - baseline);
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

/* Runs @op once; what it made (an analysis, the bytes) is handed back in
 * @made, to be freed after the clock stops. */
static gboolean
run_op (Op                 op,
        GFile             *input,
        GFile             *output,
        TrellisDocument  **doc,
        gpointer          *made,
        GDestroyNotify    *free_made,
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
      *made = trellis_analysis_new (*doc);
      *free_made = (GDestroyNotify) trellis_analysis_unref;
      return TRUE;

    case OP_SERIALIZE:
      *made = trellis_document_serialize (*doc, error);
      *free_made = (GDestroyNotify) g_bytes_unref;
      return *made != NULL;

    case OP_SAVE:
      return trellis_document_save (*doc, output, TRELLIS_SAVE_FLAGS_NONE, NULL, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
op_once (Op                 op,
         GFile             *input,
         GFile             *output,
         TrellisDocument  **doc,
         double            *seconds,
         GError           **error)
{
  gpointer made = NULL;
  GDestroyNotify free_made = NULL;
  gboolean ok;
  double t0;

  /* Letting go of the previous document, or of what an operation made,
   * is not part of the operation. */
  if (op == OP_VALIDATE)
    g_clear_object (doc);

  t0 = now ();
  ok = run_op (op, input, output, doc, &made, &free_made, error);
  *seconds = now () - t0;

  if (made != NULL)
    free_made (made);

  return ok;
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

  g_print ("\n%s tier: %s, %.1f MB, median of %u runs\n", tier, path, file_size / 1048576.0, runs);
  g_print ("  %-34s %10s %10s %8s %10s %10s\n", "operation", "time", "floor", "× floor", "peak mem", "× file");

  for (guint i = 0; i < n_rows; i++)
    {
      const Measure *m = &rows[i].measure;
      const Measure *floor = &rows[rows[i].floor].measure;
      g_autofree char *t = format_time (m->seconds);
      g_autofree char *f = format_time (floor->seconds);
      g_autofree char *mem = format_size (m->peak_kb);
      g_autofree char *mem_ratio = m->peak_kb >= 0
                                   ? g_strdup_printf ("%.2f", m->peak_kb * 1024.0 / (double) file_size)
                                   : g_strdup ("");

      g_print ("  %-34s %10s %10s %8.2f %10s %10s\n", rows[i].name, t, f,
               m->ratio, mem, mem_ratio);
    }
}

enum {
  ROW_FLOOR,
  ROW_LOAD,
  ROW_FLOOR_CPU,
  ROW_LOAD_CPU,
  ROW_VALIDATE,
  ROW_ANALYSE,
  ROW_SERIALIZE,
  ROW_SAVE,
  N_ROWS
};

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
  g_autofree double *times = g_new0 (double, N_ROWS * runs);
  g_autofree double *peaks = g_new0 (double, 2 * runs);
  Row rows[N_ROWS] = {
    [ROW_FLOOR] = { "xmllint --sax --noout (floor)", { 0 }, ROW_FLOOR },
    [ROW_LOAD] = { "load (new_from_file)", { 0 }, ROW_FLOOR },
    [ROW_FLOOR_CPU] = { "xmllint, processor time (floor)", { 0 }, ROW_FLOOR_CPU },
    [ROW_LOAD_CPU] = { "load, processor time", { 0 }, ROW_FLOOR_CPU },
    [ROW_VALIDATE] = { "validate (load with a report)", { 0 }, ROW_FLOOR },
    [ROW_ANALYSE] = { "analyse (trellis_analysis_new)", { 0 }, ROW_FLOOR },
    [ROW_SERIALIZE] = { "serialize", { 0 }, ROW_FLOOR },
    [ROW_SAVE] = { "save (atomic, durable)", { 0 }, ROW_FLOOR },
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

  /* One untimed round first: it warms the page cache, checks that the
   * file is canonical and writes the copy that is validated and saved
   * over in the timed runs, so that every timed save replaces the
   * document's own file after checking it and keeps a backup, as saving
   * does in daily use. */
  if (!run_op (OP_VALIDATE, input, output, &doc, NULL, NULL, error) ||
      !check_canonical (doc, path, error) ||
      !run_op (OP_SAVE, input, output, &doc, NULL, NULL, error))
    return FALSE;

  /* The operations take turns, run after run, so that a busy moment of
   * the machine falls on all of them alike. */
  for (guint i = 0; i < runs; i++)
    {
      if (!xmllint_once (path, &times[ROW_FLOOR * runs + i], &times[ROW_FLOOR_CPU * runs + i], &peaks[i], error) ||
          !load_once (path, &times[ROW_LOAD * runs + i], &times[ROW_LOAD_CPU * runs + i], &peaks[runs + i], error) ||
          !op_once (OP_VALIDATE, output, output, &doc, &times[ROW_VALIDATE * runs + i], error) ||
          !op_once (OP_ANALYSE, input, output, &doc, &times[ROW_ANALYSE * runs + i], error) ||
          !op_once (OP_SERIALIZE, input, output, &doc, &times[ROW_SERIALIZE * runs + i], error) ||
          !op_once (OP_SAVE, input, output, &doc, &times[ROW_SAVE * runs + i], error))
        return FALSE;
    }

  /* Each run's ratio pairs an operation with the floor measured just
   * before it, which a busy machine skews less than a ratio of medians. */
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autofree double *ratios = g_new (double, runs);

      for (guint i = 0; i < runs; i++)
        ratios[i] = times[r * runs + i] / times[rows[r].floor * runs + i];
      rows[r].measure.ratio = median (ratios, runs);
    }

  for (guint r = 0; r < N_ROWS; r++)
    {
      rows[r].measure.seconds = median (&times[r * runs], runs);
      rows[r].measure.peak_kb = -1;
    }
  rows[ROW_FLOOR].measure.peak_kb = (gint64) median (&peaks[0], runs);
  rows[ROW_LOAD].measure.peak_kb = (gint64) median (&peaks[runs], runs);

  print_table (tier, path, (guint64) st.st_size, rows, N_ROWS);

  g_clear_object (&doc);
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
  if (argc == 3 && strcmp (argv[1], "--load") == 0)
    return load_main (argv[2]);

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

  /* The floor includes starting xmllint, which weighs on the small tiers. */
  {
    g_autofree char *tiny = g_build_filename (folder, "tiny.xml", NULL);
    g_autofree double *times = g_new (double, runs);
    double peak;

    if (!g_file_set_contents (tiny, "<a/>\n", -1, &error))
      {
        g_printerr ("bench-core: %s\n", error->message);
        return 1;
      }
    for (guint i = 0; i < runs; i++)
      {
        double cpu;

        if (!xmllint_once (tiny, &times[i], &cpu, &peak, &error))
          {
            g_printerr ("bench-core: %s\n", error->message);
            return 1;
          }
      }
    g_print ("xmllint starts and reads a tiny file in %.1f ms; that is part of every floor.\n",
             median (times, runs) * 1e3);
    g_unlink (tiny);
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

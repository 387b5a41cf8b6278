/* bench-import.c: how fast a spreadsheet of assessments imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each tier, the generator writes the matrix and the same matrix
 * without its assessments; Trellis's export writes the assessments of
 * the first in the long form (the enterprise tier: 1.6 million rows,
 * 147 MB); and each run imports that file into the second: reading it
 * into a plan and applying the plan, as the application and
 * `trellis-cli import` do. Beside it, in the same run, the floor: libcsv
 * parsing the same file, read the same way, with callbacks that do
 * nothing. It prints the medians and the median of each run's ratio to
 * the floor of that run; the aim is 2 or less.
 *
 * A benchmark, not a test: it fails only when the import does not work.
 *
 *   bench-import [--runs N] [--tier TIER]…
 */

#include "config.h"

#include <csv.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "trellis-import.h"

#define CHUNK (64 * 1024)

static void
empty_field_cb (void   *data,
                size_t  len,
                void   *user_data)
{
  (*(guint64 *) user_data)++;
}

static void
empty_row_cb (int   c,
              void *user_data)
{
}

/* The floor: libcsv over the file, read in the chunks the import reads. */
static double
floor_once (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *chunk = g_malloc (CHUNK);
  g_autoptr(GError) error = NULL;
  struct csv_parser parser;
  guint64 fields = 0;
  double start = now ();
  gssize n;

  in = g_file_read (file, NULL, &error);
  if (in == NULL)
    g_error ("%s", error->message);

  csv_init (&parser, CSV_APPEND_NULL);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), chunk, CHUNK, NULL, &error)) > 0)
    csv_parse (&parser, chunk, (size_t) n, empty_field_cb, empty_row_cb, &fields);
  if (n < 0)
    g_error ("%s", error->message);
  csv_fini (&parser, empty_field_cb, empty_row_cb, &fields);
  csv_free (&parser);

  return now () - start;
}

static TrellisDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  if (doc == NULL)
    g_error ("%s: %s", path, error->message);
  return doc;
}

typedef struct
{
  double total;
  double read;
  double apply;
} ImportTimes;

/* The import as the application makes it: made (copying what it needs
 * of the matrix), the first rows previewed, every row read into a plan,
 * the plan applied. */
static void
import_once (const char      *matrix,
             const char      *csv,
             guint            expected,
             ImportTimes     *times)
{
  g_autoptr(TrellisDocument) doc = load (matrix);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrellisImportSummary summary;
  double start, read_start, apply_start;

  start = now ();
  import = trellis_import_new (doc, "assessments.csv");
  in = g_file_read (file, NULL, &error);
  if (in == NULL || !trellis_import_preview (import, G_INPUT_STREAM (in), NULL, &error) ||
      !g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, NULL, &error))
    g_error ("%s", error->message);

  read_start = now ();
  if (!trellis_import_read (import, G_INPUT_STREAM (in), 0, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  apply_start = now ();
  if (!trellis_import_apply (import, &error))
    g_error ("%s", error->message);
  times->apply = now () - apply_start;
  times->read = apply_start - read_start;
  times->total = now () - start;

  trellis_import_get_summary (import, &summary);
  if (summary.bad_rows != 0 || summary.assessments_added != expected ||
      trellis_document_get_n_assessments (doc) != expected)
    g_error ("the import gave %u assessments of %u, %u bad rows", summary.assessments_added, expected,
             summary.bad_rows);
}

static void
bench_tier (const char *tier,
            guint       runs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("trellis-bench-import-XXXXXX", &error);
  g_autofree char *full = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *csv = NULL;
  g_autofree double *floor = g_new (double, runs);
  g_autofree double *total = g_new (double, runs);
  g_autofree double *read = g_new (double, runs);
  g_autofree double *apply = g_new (double, runs);
  g_autofree double *ratio = g_new (double, runs);
  guint expected;
  double export_seconds;
  GStatBuf st;

  if (folder == NULL)
    g_error ("%s", error->message);
  full = g_build_filename (folder, "full.trellis", NULL);
  empty = g_build_filename (folder, "empty.trellis", NULL);
  csv = g_build_filename (folder, "assessments.csv", NULL);

  g_print ("\n%s tier: generating…\n", tier);
  bench_generate (tier, full, NULL);
  bench_generate (tier, empty, "--no-assessments");

  {
    g_autoptr(TrellisDocument) doc = load (full);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    TrellisCsvFormat format = { TRELLIS_CSV_ENCODING_UTF8, ',', FALSE };
    g_autoptr(TrellisCsvWriter) writer = NULL;
    double start = now ();

    if (out == NULL)
      g_error ("%s", error->message);
    writer = trellis_csv_writer_new (G_OUTPUT_STREAM (out), &format);
    if (!trellis_csv_write_assessments (doc, writer, NULL, NULL, NULL, &error) ||
        !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
      g_error ("%s", error->message);
    export_seconds = now () - start;
    expected = trellis_document_get_n_assessments (doc);
  }
  if (g_stat (csv, &st) != 0)
    g_error ("%s: %s", csv, g_strerror (errno));

  g_print ("%s: %u rows, %.1f MB, written by the export in %.0f ms; median of %u runs\n",
           tier, expected, st.st_size / 1e6, export_seconds * 1e3, runs);

  for (guint i = 0; i < runs; i++)
    {
      ImportTimes t;

      /* Alternate which goes first, so that neither always finds the
       * file in a warmer cache. */
      if (i % 2 == 0)
        floor[i] = floor_once (csv);
      import_once (empty, csv, expected, &t);
      if (i % 2 == 1)
        floor[i] = floor_once (csv);
      total[i] = t.total;
      read[i] = t.read;
      apply[i] = t.apply;
      ratio[i] = t.total / floor[i];
    }

  /* The ratio is the median of each run's over the floor of that run;
   * the aim is 2 or less. */
  g_print ("| %-50s | %10s | %8s |\n", "", "median", "ratio");
  g_print ("| %-50s | %7.1f ms | %8s |\n", "libcsv parses the file, empty callbacks (floor)",
           median (floor, runs) * 1e3, "1.00");
  g_print ("| %-50s | %7.1f ms | %8.2f |\n", "import: read into a plan and apply",
           median (total, runs) * 1e3, median (ratio, runs));
  g_print ("| %-50s | %7.1f ms | %8s |\n", "  of which reading every row into the plan",
           median (read, runs) * 1e3, "");
  g_print ("| %-50s | %7.1f ms | %8s |\n", "  of which applying the plan (one undo step)",
           median (apply, runs) * 1e3, "");

  g_unlink (full);
  g_unlink (empty);
  g_unlink (csv);
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tiers = NULL;
  gint n_runs = 5;
  const char *default_tiers[] = { "department", "enterprise", NULL };
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measurement (5)", "N" },
    { "tier", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tiers, "Only this tier (repeatable)", "TIER" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Measures importing the assessments of a tier from CSV beside libcsv.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return 2;
    }

  for (guint i = 0; tiers != NULL ? tiers[i] != NULL : default_tiers[i] != NULL; i++)
    bench_tier (tiers != NULL ? tiers[i] : default_tiers[i], (guint) CLAMP (n_runs, 1, 1000));

  return 0;
}

/* bench-report.c: the paginated report, beside a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-report [department,enterprise]
 *
 * Times, as medians of repeated runs on matrices of the design's tiers
 * (tests/bench/trellis-generate): the department's whole report with a
 * sheet and a mandate card per person, written as PDF; the department's
 * gap heatmap alone, tiled on A4, beside Gnumeric (ssconvert) printing
 * the same grid, with the same numbers and a colour scale as conditional
 * formatting, to PDF in the same run; and the enterprise's gap heatmap
 * tiled on A4 once, with its pages and the memory it took beside the
 * memory of loading the matrix.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "render-tiers.h"
#include "trellis-render.h"

static char *folder;

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* The resident set now, or its peak so far, in MiB. */
static double
memory_mib (const char *field)
{
  g_autofree char *status = NULL;
  const char *at;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (at = strstr (status, field)) == NULL)
    return -1;

  return g_ascii_strtod (at + strlen (field) + 1, NULL) / 1024.0;
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

/* One report, from the analysis to the written PDF; its pages. */
static double
write_report (TrellisDocument *doc,
              guint            sections,
              guint           *pages)
{
  g_autofree char *path = g_build_filename (folder, "report.pdf", NULL);
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(TrellisReport) report = NULL;
  g_autoptr(GError) error = NULL;
  double t0 = now ();

  options->sections = sections;
  options->paper = TRELLIS_PAPER_A4;
  analysis = trellis_analysis_new (doc);
  report = trellis_report_new (analysis, options, &error);
  if (report == NULL || !trellis_report_write_pdf (report, path, NULL, &error))
    g_error ("%s", error->message);
  *pages = trellis_report_get_n_pages (report);
  g_unlink (path);

  return now () - t0;
}

static double
median_report (TrellisDocument *doc,
               guint            sections,
               guint            runs,
               guint           *pages)
{
  double times[16];

  write_report (doc, sections, pages);  /* warm up */
  for (guint i = 0; i < runs; i++)
    times[i] = write_report (doc, sections, pages);

  return median (times, runs);
}

/* The same grid as the gap heatmap, as a spreadsheet would hold it: one
 * row per row of the map, one column per competency, the numbers the
 * cells print, and a three-colour scale centred on zero. */
static char *
write_spreadsheet (TrellisDocument *doc)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = trellis_layout_new (analysis, options, NULL);
  g_autofree char *csv = g_build_filename (folder, "grid.csv", NULL);
  char *xlsx = g_build_filename (folder, "grid.xlsx", NULL);
  g_autoptr(GString) out = g_string_new ("\"\"");
  guint rows = trellis_layout_get_n_rows (layout);
  guint columns = trellis_layout_get_n_columns (layout);
  const char *script =
    "import csv, sys\n"
    "from openpyxl import Workbook\n"
    "from openpyxl.formatting.rule import ColorScaleRule\n"
    "from openpyxl.utils import get_column_letter\n"
    "wb = Workbook(); ws = wb.active\n"
    "for row in csv.reader(open(sys.argv[1], encoding='utf-8')):\n"
    "    ws.append([float(v) if v.lstrip('-').replace('.', '', 1).isdigit() else v for v in row])\n"
    "end = get_column_letter(ws.max_column) + str(ws.max_row)\n"
    "ws.conditional_formatting.add('B2:' + end, ColorScaleRule(start_type='num', start_value=-3, start_color='174F77',"
    " mid_type='num', mid_value=0, mid_color='E3E0DA', end_type='num', end_value=3, end_color='AC2411'))\n"
    "wb.save(sys.argv[2])\n";

  for (guint c = 0; c < columns; c++)
    g_string_append_printf (out, ",\"%s\"", trellis_layout_get_column_label (layout, c));
  g_string_append_c (out, '\n');
  for (guint r = 0; r < rows; r++)
    {
      g_string_append_printf (out, "\"%s\"", trellis_layout_get_row_label (layout, r));
      for (guint c = 0; c < columns; c++)
        {
          TrellisCellInfo info;

          trellis_layout_get_cell_info (layout, r, c, &info);
          if (info.content == TRELLIS_CONTENT_VALUE)
            g_string_append_printf (out, ",%g", info.value);
          else
            g_string_append (out, ",");
        }
      g_string_append_c (out, '\n');
    }
  g_file_set_contents (csv, out->str, out->len, NULL);

  {
    const char *argv[] = { "/usr/bin/python3", "-c", script, csv, xlsx, NULL };
    int status = 0;

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      {
        g_free (xlsx);
        xlsx = NULL;
      }
  }
  g_unlink (csv);

  return xlsx;
}

static double
ssconvert_once (const char *xlsx)
{
  g_autofree char *pdf = g_build_filename (folder, "grid.pdf", NULL);
  const char *argv[] = { "ssconvert", "--export-type=Gnumeric_pdf:pdf_assistant", xlsx, pdf, NULL };
  int status = 0;
  double t0 = now ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) || !g_file_test (pdf, G_FILE_TEST_EXISTS))
    return -1;
  g_unlink (pdf);

  return now () - t0;
}

static void
department (guint runs)
{
  g_autofree char *path = render_tier_generate ("department", folder);
  g_autoptr(TrellisDocument) doc = load (path);
  g_autofree char *xlsx = NULL;
  guint pages = 0, map_pages = 0;
  double all, map;
  double reference = -1;

  g_unlink (path);
  all = median_report (doc, TRELLIS_REPORT_ALL, runs, &pages);
  printf ("| department, every section, a sheet and card per person | %8.0f ms | %5u | aim ≤ 2000 ms |\n",
          all * 1000, pages);
  map = median_report (doc, TRELLIS_REPORT_GAPS, runs, &map_pages);

  xlsx = write_spreadsheet (doc);
  if (xlsx != NULL && g_find_program_in_path ("ssconvert") != NULL)
    {
      double times[16];
      guint n = 0;

      for (guint i = 0; i < runs; i++)
        {
          double t = ssconvert_once (xlsx);

          if (t >= 0)
            times[n++] = t;
        }
      if (n > 0)
        reference = median (times, n);
      g_unlink (xlsx);
    }

  if (reference > 0)
    printf ("| department gap heatmap alone, tiled on A4              | %8.0f ms | %5u | Gnumeric %.0f ms: %.1f× faster (aim ≥ 10×) |\n",
            map * 1000, map_pages, reference * 1000, reference / map);
  else
    printf ("| department gap heatmap alone, tiled on A4              | %8.0f ms | %5u | Gnumeric not measured (ssconvert or openpyxl missing) |\n",
            map * 1000, map_pages);
}

static void
enterprise (void)
{
  g_autofree char *path = render_tier_generate ("enterprise", folder);
  double before = memory_mib ("VmRSS:");
  g_autoptr(TrellisDocument) doc = load (path);
  double loaded = memory_mib ("VmRSS:");
  double load_peak = memory_mib ("VmHWM:");
  guint pages = 0;
  double seconds;
  double peak;

  g_unlink (path);
  seconds = write_report (doc, TRELLIS_REPORT_GAPS, &pages);
  peak = memory_mib ("VmHWM:");
  printf ("| enterprise gap heatmap alone, tiled on A4              | %8.0f ms | %5u | "
          "matrix %.0f MiB (load peak %.0f MiB), report peak +%.0f MiB over the loaded matrix |\n",
          seconds * 1000, pages, loaded - before, load_peak - before, MAX (peak - loaded, 0));
}

int
main (int    argc,
      char **argv)
{
  const char *tiers = argc > 1 ? argv[1] : "department,enterprise";
  guint runs = 5;

  folder = g_dir_make_tmp ("trellis-bench-report-XXXXXX", NULL);
  g_assert_nonnull (folder);

  printf ("# Trellis report benchmark (median of %u runs; the enterprise tier once)\n\n", runs);
  printf ("| what | time | pages | beside |\n|---|---|---|---|\n");
  if (strstr (tiers, "department") != NULL)
    department (runs);
  if (strstr (tiers, "enterprise") != NULL)
    enterprise ();

  g_rmdir (folder);
  return 0;
}

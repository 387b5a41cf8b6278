/* bench-render.c: painting against cairo's raw fill rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "trellis-png.h"
#include "render-tiers.h"
#include "trellis-render.h"

/* For each tier of the design (workshop, department, enterprise) this
 * paints a 1920 × 1080 viewport of the gap heatmap from the middle of the
 * matrix, with and without the numbers in the cells and with its headers,
 * and writes the whole department heatmap as a PNG. Next to each figure
 * it measures, in the same run, a plain cairo loop that fills as many
 * rectangles (one set_source, rectangle, fill each) on a surface of the
 * same size: the floor a painter cannot go below by much.
 *
 * The matrices are those of the shared generator (trellis-generate, or
 * $TRELLIS_GENERATE), as every layer's benchmark uses them, drawn for a
 * coach (the default audience).
 *
 * Aims (the issue's): an enterprise viewport within 2× of its raw fill,
 * within 4× with every number drawn; the whole department heatmap as a
 * PNG in under 50 ms. */

static const char * const tier_names[] = { "workshop", "department", "enterprise" };

#define VIEW_W 1920
#define VIEW_H 1080

typedef double (*Measure) (gpointer data);

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Processor time of the whole process, all threads: what the work costs
 * whatever else the machine is doing. */
static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static double last_cpu;
static double last_best;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of repeated runs, after warming up; last_cpu gets the
 * median processor time, last_best the fastest run (what the machine
 * can do when nothing else runs on it). */
static double
median_of (Measure  measure,
           gpointer data,
           guint    runs)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu = g_new (double, runs);
  double result;

  measure (data);
  for (guint i = 0; i < runs; i++)
    {
      double c0 = cpu_ms ();

      times[i] = measure (data);
      cpu[i] = cpu_ms () - c0;
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  qsort (cpu, runs, sizeof (double), compare_doubles);
  result = times[runs / 2];
  last_cpu = cpu[runs / 2];
  last_best = times[0];

  return result;
}

typedef struct
{
  cairo_surface_t *surface;
  guint            n;
  double           cell_w;
  double           cell_h;
  int              width;
} RawFill;

/* What cairo alone needs to fill n cells: a colour, a rectangle and a
 * fill each, in rows across the surface. */
static double
measure_raw_fill (gpointer data)
{
  RawFill *raw = data;
  cairo_t *cr = cairo_create (raw->surface);
  guint per_row = MAX (1, (guint) (raw->width / raw->cell_w));
  guint n_steps = 0;
  const TrellisRgba *palette = trellis_palette_get (TRELLIS_PALETTE_GAP, &n_steps);
  double start = now_ms ();
  double elapsed;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  for (guint i = 0; i < raw->n; i++)
    {
      const TrellisRgba *c = &palette[(i * 7 + i / per_row) % n_steps];

      cairo_set_source_rgb (cr, c->red, c->green, c->blue);
      cairo_rectangle (cr, (i % per_row) * raw->cell_w, (i / per_row) * raw->cell_h,
                       raw->cell_w - 1, raw->cell_h - 1);
      cairo_fill (cr);
    }
  cairo_surface_flush (raw->surface);
  elapsed = now_ms () - start;
  cairo_destroy (cr);

  return elapsed;
}

typedef struct
{
  TrellisLayout   *layout;
  cairo_surface_t *surface;
  TrellisRect      clip;
  gboolean         headers;
  guint            painted;
} Frame;

/* One frame as a scrolling widget paints it: the visible cells, and with
 * headers also the row and column headers that stay in view. */
static double
measure_frame (gpointer data)
{
  Frame *f = data;
  cairo_t *cr = cairo_create (f->surface);
  double start = now_ms ();
  double elapsed;

  if (f->headers)
    {
      double rw = trellis_layout_get_row_header_width (f->layout);
      double ch = trellis_layout_get_column_header_height (f->layout);
      TrellisRect rows = TRELLIS_RECT_INIT (0, f->clip.y, rw, VIEW_H - ch);
      TrellisRect columns = TRELLIS_RECT_INIT (f->clip.x, 0, VIEW_W - rw, ch);
      TrellisRect cells = TRELLIS_RECT_INIT (f->clip.x, f->clip.y, VIEW_W - rw, VIEW_H - ch);

      cairo_save (cr);
      cairo_translate (cr, rw - cells.x, ch - cells.y);
      f->painted = trellis_layout_paint_cells (f->layout, cr, &cells);
      cairo_restore (cr);
      cairo_save (cr);
      cairo_translate (cr, 0, ch - rows.y);
      trellis_layout_paint_row_headers (f->layout, cr, &rows);
      cairo_restore (cr);
      cairo_save (cr);
      cairo_translate (cr, rw - columns.x, 0);
      trellis_layout_paint_column_headers (f->layout, cr, &columns);
      cairo_restore (cr);
      trellis_layout_paint_corner (f->layout, cr);
    }
  else
    {
      cairo_translate (cr, -f->clip.x, -f->clip.y);
      f->painted = trellis_layout_paint_cells (f->layout, cr, &f->clip);
    }

  cairo_surface_flush (f->surface);
  elapsed = now_ms () - start;
  cairo_destroy (cr);

  return elapsed;
}

typedef struct
{
  TrellisLayout *layout;
  const char    *path;
  gsize          size;
} Export;

static double
measure_png (gpointer data)
{
  Export *e = data;
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  g_autoptr(GBytes) bytes = trellis_render_to_bytes (e->layout, TRELLIS_EXPORT_PNG, &error);
  double elapsed;

  if (bytes == NULL)
    g_error ("%s", error->message);
  /* Written, not synced: the disk's flush is no part of drawing. */
  if (!g_file_set_contents_full (e->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_NONE, 0644, &error))
    g_error ("%s", error->message);
  elapsed = now_ms () - start;
  e->size = g_bytes_get_size (bytes);

  return elapsed;
}

/* A tier's matrix, written by the generator into folder and read back. */
static TrellisDocument *
generate_tier (const char *tier,
               const char *folder)
{
  g_autofree char *path = render_tier_generate (tier, folder);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc;

  doc = trellis_document_new_from_file (file, NULL, NULL, &error);
  if (doc == NULL)
    g_error ("%s: %s", path, error->message);
  g_unlink (path);

  return doc;
}

static TrellisLayout *
gaps_layout (TrellisAnalysis *analysis,
             gboolean         numbers)
{
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(GError) error = NULL;
  TrellisLayout *layout;

  options->cell_text = numbers;
  trellis_render_options_set_font_family (options, "DejaVu Sans");
  layout = trellis_layout_new (analysis, options, &error);
  if (layout == NULL)
    g_error ("%s", error->message);

  return layout;
}

static void
row (const char *what,
     double      ms,
     double      best,
     double      cpu,
     double      floor_ms,
     guint       cells,
     const char *aim)
{
  printf ("| %-56s | %8.2f | %8.2f | %8.2f | %8.2f | %5.2f× | %7u | %-8s |\n",
          what, ms, best, cpu, floor_ms, ms / floor_ms, cells, aim);
}

int
main (int    argc,
      char **argv)
{
  const char *tiers = argc > 1 ? argv[1] : "workshop,department,enterprise";
  guint runs = 21;
  gboolean all_met = TRUE;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("trellis-bench-render-XXXXXX", &error);

  if (folder == NULL)
    g_error ("%s", error->message);

  printf ("# Trellis render benchmark (%u processors, median of %u runs, milliseconds;\n"
          "# best is the fastest run, cpu the processor time of all threads, raw fill\n"
          "# the same number of cells filled one by one with plain cairo on a\n"
          "# surface of the same size, measured the same way)\n\n",
          g_get_num_processors (), runs);
  printf ("| %-56s | %8s | %8s | %8s | %8s | %6s | %7s | %-8s |\n", "what", "wall", "best", "cpu", "raw fill", "ratio", "cells", "aim");
  printf ("|%s|%s|%s|%s|%s|%s|%s|%s|\n", "----------------------------------------------------------",
          "----------", "----------", "----------", "----------", "--------", "---------", "----------");

  for (guint t = 0; t < G_N_ELEMENTS (tier_names); t++)
    {
      const char *tier = tier_names[t];
      g_autoptr(TrellisDocument) doc = NULL;
      g_autoptr(TrellisAnalysis) analysis = NULL;
      g_autoptr(TrellisLayout) plain = NULL;
      g_autoptr(TrellisLayout) numbers = NULL;
      cairo_surface_t *surface;
      double width, height, t0, t_layout;
      Frame frame = { 0 };
      RawFill raw = { 0 };
      double ms, cpu, best, floor_ms;
      char *what = NULL;
      TrellisRect first;

      if (strstr (tiers, tier) == NULL)
        continue;

      t0 = now_ms ();
      doc = generate_tier (tier, folder);
      t0 = now_ms () - t0;
      analysis = trellis_analysis_new (doc);

      t_layout = now_ms ();
      numbers = gaps_layout (analysis, TRUE);
      t_layout = now_ms () - t_layout;
      plain = gaps_layout (analysis, FALSE);

      trellis_layout_get_content_size (numbers, &width, &height);
      trellis_layout_get_cell_rect (numbers, 0, 0, &first);
      what = g_strdup_printf ("%s: lay out %u × %u (made in %.0f ms)", tier,
                              trellis_layout_get_n_rows (numbers), trellis_layout_get_n_columns (numbers), t0);
      printf ("| %-56s | %8.2f | %8s | %8s | %8s | %6s | %7u | %-8s |\n", what, t_layout, "", "", "", "",
              trellis_layout_get_n_rows (numbers) * trellis_layout_get_n_columns (numbers), "");
      g_free (what);

      /* The viewport: from the middle of the matrix, or all of a small one. */
      frame.clip = TRELLIS_RECT_INIT (MAX (0, floor ((width - VIEW_W) / 2)), MAX (0, floor ((height - VIEW_H) / 2)),
                                      VIEW_W, VIEW_H);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, VIEW_W, VIEW_H);
      frame.surface = surface;

      frame.layout = plain;
      ms = median_of (measure_frame, &frame, runs);
      cpu = last_cpu;
      best = last_best;
      raw.surface = surface;
      raw.n = frame.painted;
      raw.cell_w = first.width;
      raw.cell_h = first.height;
      raw.width = VIEW_W;
      floor_ms = median_of (measure_raw_fill, &raw, runs);
      what = g_strdup_printf ("%s: viewport 1920×1080, colours only", tier);
      row (what, ms, best, cpu, floor_ms, frame.painted, "<= 2x");
      if (t == 2 && ms > 2 * floor_ms)
        all_met = FALSE;
      g_free (what);

      frame.layout = numbers;
      ms = median_of (measure_frame, &frame, runs);
      what = g_strdup_printf ("%s: viewport 1920×1080, every number", tier);
      row (what, ms, last_best, last_cpu, floor_ms, frame.painted, "<= 4x");
      if (t == 2 && ms > 4 * floor_ms)
        all_met = FALSE;
      g_free (what);

      frame.headers = TRUE;
      ms = median_of (measure_frame, &frame, runs);
      what = g_strdup_printf ("%s: viewport 1920×1080, numbers and headers", tier);
      row (what, ms, last_best, last_cpu, floor_ms, frame.painted, "");
      g_free (what);

      cairo_surface_destroy (surface);

      /* The whole department heatmap as a PNG file. */
      if (t == 1)
        {
          g_autofree char *path = g_build_filename (g_get_tmp_dir (), "trellis-bench-department.png", NULL);
          Export e = { numbers, path, 0 };
          double pw, ph;
          guint n_cells = trellis_layout_get_n_rows (numbers) * trellis_layout_get_n_columns (numbers);

          trellis_layout_get_picture_size (numbers, &pw, &ph);
          ms = median_of (measure_png, &e, runs);
          cpu = last_cpu;
          best = last_best;

          /* Raw: fill every cell on a surface of the picture's size. */
          raw.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (pw), (int) ceil (ph));
          raw.n = n_cells;
          raw.width = (int) ceil (pw);
          floor_ms = median_of (measure_raw_fill, &raw, runs);
          cairo_surface_destroy (raw.surface);

          what = g_strdup_printf ("%s: whole heatmap as PNG, %.0f×%.0f px, %" G_GSIZE_FORMAT " KB",
                                  tier, pw, ph, e.size / 1024);
          row (what, ms, best, cpu, floor_ms, n_cells, "< 50 ms");
          if (ms >= 50)
            all_met = FALSE;
          g_free (what);

          /* And on one core, for the record. */
          trellis_png_set_threads (1);
          ms = median_of (measure_png, &e, runs);
          trellis_png_set_threads (0);
          what = g_strdup_printf ("%s: whole heatmap as PNG on one thread", tier);
          row (what, ms, last_best, last_cpu, floor_ms, n_cells, "");
          g_free (what);
        }
    }

  printf ("\n%s\n", all_met ? "All aims met." : "Some aims were NOT met.");

  g_rmdir (folder);

  return 0;
}

/* test-render-report.c: the paginated report and maps in tiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "render-tiers.h"
#include "test-render-util.h"
#include "trellis-render.h"

static TrellisReport *
compose (TrellisDocument *doc,
         guint            sections,
         const char      *person,
         TrellisAudience  audience,
         TrellisPaper     paper)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GError) error = NULL;
  TrellisReport *report;

  options->sections = sections;
  options->audience = audience;
  options->paper = paper;
  trellis_date_parse ("2026-11-20", 10, &options->date);
  trellis_report_options_set_person (options, person);
  report = trellis_report_new (analysis, options, &error);
  g_assert_no_error (error);
  trellis_report_compose (report);

  return report;
}

/* Every cell of the department tier's gap heatmap is on exactly one
 * tile, inside it, and on no other tile's part of the map; the tiles
 * fit the page, and cut the rows and columns into runs that follow each
 * other. */
static void
check_tiling (TrellisLayout *layout,
              double         width,
              double         height)
{
  g_autoptr(TrellisTiling) tiling = trellis_tiling_new (layout, width, height);
  guint n_rows = trellis_layout_get_n_rows (layout);
  guint n_columns = trellis_layout_get_n_columns (layout);
  guint n = trellis_tiling_get_n_tiles (tiling);
  g_autofree guint8 *seen = g_new0 (guint8, (gsize) n_rows * n_columns);
  double rw = trellis_layout_get_row_header_width (layout);
  double ch = trellis_layout_get_column_header_height (layout);

  g_assert_cmpuint (n, ==, trellis_tiling_get_n_across (tiling) * trellis_tiling_get_n_down (tiling));
  g_assert_cmpuint (n, >, 1);

  for (guint t = 0; t < n; t++)
    {
      const TrellisTile *tile = trellis_tiling_get_tile (tiling, t);

      g_assert_cmpuint (tile->n_rows, >, 0);
      g_assert_cmpuint (tile->n_columns, >, 0);
      g_assert_cmpfloat (rw + tile->cells.width, <=, width + 1e-6);
      g_assert_cmpfloat (ch + tile->cells.height, <=, height + 1e-6);

      for (guint r = tile->first_row; r < tile->first_row + tile->n_rows; r++)
        for (guint c = tile->first_column; c < tile->first_column + tile->n_columns; c++)
          {
            TrellisRect cell;

            g_assert_cmpuint (r, <, n_rows);
            g_assert_cmpuint (c, <, n_columns);
            seen[(gsize) r * n_columns + c]++;
            g_assert_true (trellis_layout_get_cell_rect (layout, r, c, &cell));
            g_assert_cmpfloat (cell.x, >=, tile->cells.x - 1e-6);
            g_assert_cmpfloat (cell.y, >=, tile->cells.y - 1e-6);
            g_assert_cmpfloat (cell.x + cell.width, <=, tile->cells.x + tile->cells.width + 1e-6);
            g_assert_cmpfloat (cell.y + cell.height, <=, tile->cells.y + tile->cells.height + 1e-6);
          }

      /* Neighbours: no other tile's part reaches into this one. */
      for (guint u = 0; u < n; u++)
        if (u != t)
          g_assert_false (trellis_rect_intersects (&tile->cells, &trellis_tiling_get_tile (tiling, u)->cells));
    }

  for (gsize i = 0; i < (gsize) n_rows * n_columns; i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

static void
test_tiling_department (void)
{
  const RenderTier *tier = &render_tiers[1];
  g_autoptr(TrellisDocument) doc = render_tier_load (tier->people, tier->competencies, tier->roles, 1);
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = NULL;
  double width, height;

  g_assert_cmpuint (tier->people, ==, 300);
  options->zoom = 0.7;
  layout = trellis_layout_new (analysis, options, NULL);
  g_assert_nonnull (layout);

  /* An A4 page's body upright and turned, and a small one. */
  trellis_paper_get_size (TRELLIS_PAPER_A4, &width, &height);
  check_tiling (layout, width - 112, height - 132 - 30);
  check_tiling (layout, height - 112, width - 132 - 30);
  check_tiling (layout, 300, 200);

  /* Mirrored, columns run the other way. */
  options->rtl = TRUE;
  g_clear_object (&layout);
  layout = trellis_layout_new (analysis, options, NULL);
  check_tiling (layout, width - 112, height - 162);
}

static guint32
pixel_at (const guint8 *pixels,
          int           stride,
          int           x,
          int           y)
{
  guint32 value;

  memcpy (&value, pixels + (gsize) y * stride + (gsize) x * 4, sizeof value);
  return value;
}

/* A tile paints its cells, and the cells beside it stay unpainted. */
static void
test_tile_paints_only_its_part (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = trellis_layout_new (analysis, options, NULL);
  g_autoptr(TrellisTiling) tiling = trellis_tiling_new (layout, 400, 300);
  const TrellisTile *tile = trellis_tiling_get_tile (tiling, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  double rw = trellis_layout_get_row_header_width (layout);
  double ch = trellis_layout_get_column_header_height (layout);
  const guint8 *pixels;
  int stride;

  trellis_tiling_paint_tile (tiling, 1, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* Something at the middle of its first cell; nothing past its edge. */
  {
    TrellisRect cell;
    int x, y;

    g_assert_true (trellis_layout_get_cell_rect (layout, tile->first_row, tile->first_column, &cell));
    x = (int) (rw + cell.x - tile->cells.x + cell.width / 2);
    y = (int) (ch + cell.y - tile->cells.y + cell.height / 2);
    g_assert_cmpuint (pixel_at (pixels, stride, x, y) >> 24, ==, 0xff);
    x = (int) (rw + tile->cells.width + 2);
    if (x < 400)
      g_assert_cmpuint (pixel_at (pixels, stride, x, y), ==, 0);
  }

  cairo_surface_destroy (surface);
}

/* The page counts of the examples, every page painted. */
static void
test_page_counts (gconstpointer data)
{
  const char *name = data;
  g_autoptr(TrellisDocument) doc = load_example (name);
  g_autoptr(TrellisReport) report = compose (doc, TRELLIS_REPORT_DEFAULT, NULL, TRELLIS_AUDIENCE_COACH, TRELLIS_PAPER_A4);
  guint n = trellis_report_get_n_pages (report);
  guint persons = 0;
  guint landscape = 0;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  /* The examples hold the same matrix in two languages: 12 people, of
   * whom 11 share with their coach; each gets a sheet and a card. */
  g_assert_cmpuint (n, ==, 57);
  for (guint i = 0; i < n; i++)
    {
      double w, h;

      trellis_report_paint_page (report, i, cr);
      trellis_report_get_page_size (report, i, &w, &h);
      if (trellis_report_page_is_landscape (report, i))
        {
          landscape++;
          g_assert_cmpfloat (w, >, h);
        }
      if (g_strcmp0 (trellis_report_get_page_section (report, i),
                     trellis_report_section_get_title (TRELLIS_REPORT_MANDATE)) == 0 &&
          (i == 0 || g_strcmp0 (trellis_report_get_page_section (report, i - 1),
                                trellis_report_get_page_section (report, i)) != 0))
        persons++;
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (persons, ==, 11);
  g_assert_cmpuint (landscape, >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* One page per section and person at least; one person's report is
 * theirs alone, even when they keep their assessments private; a
 * workshop report has sheets only for those who share with the team. */
static void
test_people (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  guint sheets = TRELLIS_REPORT_SHEETS | TRELLIS_REPORT_MANDATE;
  g_autoptr(TrellisReport) farid = compose (doc, sheets, "p-farid", TRELLIS_AUDIENCE_COACH, TRELLIS_PAPER_A4);
  g_autoptr(TrellisReport) coach = compose (doc, TRELLIS_REPORT_SHEETS, NULL, TRELLIS_AUDIENCE_COACH, TRELLIS_PAPER_LETTER);
  g_autoptr(TrellisReport) workshop = compose (doc, TRELLIS_REPORT_SHEETS, NULL, TRELLIS_AUDIENCE_WORKSHOP, TRELLIS_PAPER_A4);
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GError) error = NULL;
  double w, h;

  g_assert_cmpuint (trellis_report_get_n_pages (farid), >=, 2);
  g_assert_cmpuint (trellis_report_get_n_pages (farid), <=, 4);
  g_assert_cmpuint (trellis_report_get_n_pages (coach), >=, 12);
  g_assert_cmpuint (trellis_report_get_n_pages (workshop), <, trellis_report_get_n_pages (coach));
  trellis_report_get_page_size (coach, 0, &w, &h);
  g_assert_cmpfloat (w, ==, 612);
  g_assert_cmpfloat (h, ==, 792);

  trellis_report_options_set_person (options, "p-nobody");
  g_assert_null (trellis_report_new (analysis, options, &error));
  g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON);
}

static void
test_sections_parse (void)
{
  g_autoptr(GError) error = NULL;
  guint sections = 0;

  g_assert_true (trellis_report_sections_parse ("cover, sheets,mandate", &sections, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sections, ==, TRELLIS_REPORT_COVER | TRELLIS_REPORT_SHEETS | TRELLIS_REPORT_MANDATE);
  g_assert_true (trellis_report_sections_parse ("all", &sections, NULL));
  g_assert_cmpuint (sections, ==, TRELLIS_REPORT_ALL);
  g_assert_false (trellis_report_sections_parse ("cover,nonsense", &sections, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (trellis_report_sections_parse (" , ", &sections, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

/* A paragraph longer than a page breaks between lines, and nothing is
 * placed outside the page's body. */
static void
test_long_text_breaks (void)
{
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  g_autoptr(GString) mission = g_string_new (NULL);
  g_autoptr(TrellisReport) report = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append (mission, "We solve questions in one contact, with care and judgement. ");
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_MISSION, mission->str);
  report = compose (doc, TRELLIS_REPORT_COVER, NULL, TRELLIS_AUDIENCE_COACH, TRELLIS_PAPER_A4);
  g_assert_cmpuint (trellis_report_get_n_pages (report), >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/report/tiling/department", test_tiling_department);
  g_test_add_func ("/trellis/report/tiling/paints-only-its-part", test_tile_paints_only_its_part);
  g_test_add_data_func ("/trellis/report/pages/customer-service", "customer-service.trellis", test_page_counts);
  g_test_add_data_func ("/trellis/report/pages/klantenservice", "klantenservice.trellis", test_page_counts);
  g_test_add_func ("/trellis/report/people", test_people);
  g_test_add_func ("/trellis/report/sections", test_sections_parse);
  g_test_add_func ("/trellis/report/long-text", test_long_text_breaks);

  return g_test_run ();
}

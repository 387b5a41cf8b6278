/* test-render-paint.c: what lands on the page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <math.h>
#include <string.h>

#include "render-tiers.h"
#include "test-render-util.h"
#include "trellis-png.h"
#include "trellis-render.h"

static TrellisDocument *
load_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static TrellisLayout *
make_layout (TrellisDocument *doc,
             TrellisView      view,
             TrellisTheme     theme,
             double           scale,
             gboolean         rtl)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (view);
  g_autoptr(GError) error = NULL;
  TrellisLayout *layout;

  options->theme = theme;
  options->scale = scale;
  options->rtl = rtl;
  if (trellis_view_needs_date (view))
    g_assert_true (trellis_date_parse ("2026-06-01", 10, &options->since));

  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);

  return layout;
}

static cairo_surface_t *
render_png (TrellisLayout *layout)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_render_to_bytes (layout, TRELLIS_EXPORT_PNG, &error);

  g_assert_no_error (error);
  return render_test_decode_png (bytes);
}

static gboolean
close_to (const guint8       rgb[3],
          const TrellisRgba *color,
          int                tolerance)
{
  return abs (rgb[0] - (int) lround (color->red * 255)) <= tolerance &&
         abs (rgb[1] - (int) lround (color->green * 255)) <= tolerance &&
         abs (rgb[2] - (int) lround (color->blue * 255)) <= tolerance;
}

static void
assert_color (cairo_surface_t   *surface,
              int                x,
              int                y,
              const TrellisRgba *color)
{
  guint8 rgb[3];

  render_test_pixel (surface, x, y, rgb);
  if (!close_to (rgb, color, 2))
    g_error ("pixel %d,%d is #%02x%02x%02x, expected #%02x%02x%02x", x, y, rgb[0], rgb[1], rgb[2],
             (int) lround (color->red * 255), (int) lround (color->green * 255), (int) lround (color->blue * 255));
}

/* A point in a cell clear of its text and marks: near the bottom-right. */
static void
probe_point (TrellisLayout *layout,
             guint          row,
             guint          column,
             double         scale,
             int           *x,
             int           *y)
{
  TrellisRect cells, rect;
  const TrellisThemeColors *colors = trellis_theme_get_colors (trellis_layout_get_options (layout)->theme);

  trellis_layout_get_areas (layout, NULL, NULL, NULL, &cells, NULL);
  g_assert_true (trellis_layout_get_cell_rect (layout, row, column, &rect));
  *x = (int) floor ((cells.x + rect.x + rect.width - colors->cell_gap - 3) * scale);
  *y = (int) floor ((cells.y + rect.y + rect.height - colors->cell_gap - 3) * scale);
}

/* Where a pixel lies on the way from one colour to another (0 at the
 * first, 1 at the second), or NAN when it is no blend of the two. */
static double
blend_position (const guint8       rgb[3],
                const TrellisRgba *from,
                const TrellisRgba *to)
{
  double f[3] = { from->red * 255, from->green * 255, from->blue * 255 };
  double d[3] = { to->red * 255 - f[0], to->green * 255 - f[1], to->blue * 255 - f[2] };
  double t = ((rgb[0] - f[0]) * d[0] + (rgb[1] - f[1]) * d[1] + (rgb[2] - f[2]) * d[2]) /
             (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);

  for (guint i = 0; i < 3; i++)
    if (fabs (f[i] + t * d[i] - rgb[i]) > 6)
      return NAN;

  return t;
}

static void
check_probes (TrellisLayout   *layout,
              cairo_surface_t *surface,
              double           scale,
              guint           *n_values,
              guint           *n_hatched)
{
  const TrellisRenderOptions *options = trellis_layout_get_options (layout);
  const TrellisThemeColors *colors = trellis_theme_get_colors (options->theme);

  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
      {
        TrellisCellInfo info;
        int x, y;

        trellis_layout_get_cell_info (layout, r, c, &info);
        probe_point (layout, r, c, scale, &x, &y);

        if (info.content == TRELLIS_CONTENT_VALUE)
          {
            const TrellisRgba *expected;

            if (trellis_layout_get_row_kind (layout, r) == TRELLIS_ITEM_AGGREGATE_MEETING)
              expected = trellis_palette_get_step (TRELLIS_PALETTE_COVERAGE,
                                                   trellis_palette_share_step (info.count, info.total));
            else
              expected = trellis_palette_gap_color (info.value);
            assert_color (surface, x, y, expected);
            (*n_values)++;
          }
        else if (info.content == TRELLIS_CONTENT_NOT_ASSESSED)
          {
            TrellisRect cells, rect;
            guint lines = 0, ground = 0, total = 0;

            /* The hatch: every pixel is a blend of its lines and its
             * ground (so no digit is printed), and both show. */
            trellis_layout_get_areas (layout, NULL, NULL, NULL, &cells, NULL);
            trellis_layout_get_cell_rect (layout, r, c, &rect);
            for (int py = (int) ((cells.y + rect.y + 2) * scale); py < (int) ((cells.y + rect.y + rect.height - 3) * scale); py++)
              for (int px = (int) ((cells.x + rect.x + 2) * scale); px < (int) ((cells.x + rect.x + rect.width - 3) * scale); px++)
                {
                  guint8 rgb[3];
                  double t;

                  render_test_pixel (surface, px, py, rgb);
                  t = blend_position (rgb, &colors->hatch_background, &colors->hatch_line);
                  g_assert_cmpfloat (t, >=, -0.05);
                  g_assert_cmpfloat (t, <=, 1.05);
                  total++;
                  lines += t > 0.6;
                  ground += t < 0.1;
                }
            g_assert_cmpuint (lines, >, total / 10);
            g_assert_cmpuint (ground, >, total / 4);
            (*n_hatched)++;
          }
        else if (info.content == TRELLIS_CONTENT_EMPTY)
          assert_color (surface, x, y, &colors->not_required);
      }
}

static void
test_pixel_probes (void)
{
  g_autoptr(TrellisDocument) small = load_small ();
  g_autoptr(TrellisDocument) tier = render_tier_load (24, 18, 4, 2);
  TrellisDocument *docs[] = { small, tier };

  /* Ben shares with his coach here, so that his cells are painted too. */
  trellis_document_set_int (small, trellis_document_lookup (small, "p-ben"), TRELLIS_FIELD_SHARE, TRELLIS_SHARE_COACH);

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (TrellisTheme theme = 0; theme < TRELLIS_N_THEMES; theme++)
      for (guint s = 1; s <= 2; s++)
        {
          g_autoptr(TrellisLayout) layout = make_layout (docs[d], TRELLIS_VIEW_GAPS, theme, s, s == 2 && d == 1);
          cairo_surface_t *surface = render_png (layout);
          double width, height;
          guint n_values = 0, n_hatched = 0;

          trellis_layout_get_picture_size (layout, &width, &height);
          g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * s));
          g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * s));

          /* The page. */
          assert_color (surface, 1, 1, &trellis_theme_get_colors (theme)->background);

          check_probes (layout, surface, s, &n_values, &n_hatched);
          g_assert_cmpuint (n_values, >, 4);
          g_assert_cmpuint (n_hatched, >, 0);
          cairo_surface_destroy (surface);
        }
}

/* The strip-wise, threaded PNG writer paints the same picture as one
 * cairo call on one surface, pixel for pixel, at fractional scales too. */
static void
compare_png_with_cairo (TrellisDocument *doc,
                        TrellisView      view,
                        guint            threads,
                        double           scale)
{
  g_autoptr(TrellisLayout) layout = NULL;
  cairo_surface_t *png, *direct;
  cairo_t *cr;
  double width, height;
  gsize differing = 0;
  int w, h;

  trellis_png_set_threads (threads);
  layout = make_layout (doc, view, TRELLIS_THEME_LIGHT, scale, FALSE);
  png = render_png (layout);
  trellis_png_set_threads (0);

  trellis_layout_get_picture_size (layout, &width, &height);
  w = (int) ceil (width * scale);
  h = (int) ceil (height * scale);
  direct = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_set_device_scale (direct, scale, scale);
  cr = cairo_create (direct);
  trellis_render_cairo (layout, cr, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (direct);

  g_assert_cmpint (cairo_image_surface_get_width (png), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 a[3], b[3];

        render_test_pixel (png, x, y, a);
        render_test_pixel (direct, x, y, b);
        if (memcmp (a, b, 3) != 0)
          differing++;
      }

  if (differing > 0)
    {
      g_autofree char *pa = g_build_filename (g_get_tmp_dir (), "trellis-strips.png", NULL);
      g_autofree char *pb = g_build_filename (g_get_tmp_dir (), "trellis-direct.png", NULL);

      cairo_surface_write_to_png (png, pa);
      cairo_surface_write_to_png (direct, pb);
      g_test_message ("%s with %u threads at scale %.1f: %" G_GSIZE_FORMAT " pixels differ; see %s and %s",
                      trellis_view_to_string (view), threads, scale, differing, pa, pb);
    }
  g_assert_cmpuint (differing, ==, 0);

  cairo_surface_destroy (png);
  cairo_surface_destroy (direct);
}

static void
test_png_matches_cairo (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (80, 30, 6, 4);

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      compare_png_with_cairo (doc, v, 1, 1);
      compare_png_with_cairo (doc, v, 3, 1);
      compare_png_with_cairo (doc, v, 2, 2);
      compare_png_with_cairo (doc, v, 2, 1.5);
      compare_png_with_cairo (doc, v, 1, 1.25);
    }
}

/* Painting a band of the picture with the band as the clip gives the
 * band's pixels of the whole picture, exactly: what the clip leaves out
 * must not change what it lets in. Bands of a few pixels cut through
 * every cell's text somewhere, and at a fractional scale through cells
 * and areas that do not end on whole pixels. */
static void
assert_bands_match_whole (TrellisDocument *doc,
                          TrellisView      view,
                          double           scale)
{
  g_autoptr(TrellisLayout) layout = make_layout (doc, view, TRELLIS_THEME_LIGHT, scale, FALSE);
  cairo_surface_t *whole, *bands;
  double width, height;
  gsize differing = 0;
  int w, h;
  cairo_t *cr;

  trellis_layout_get_picture_size (layout, &width, &height);
  w = (int) ceil (width * scale);
  h = (int) ceil (height * scale);

  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_set_device_scale (whole, scale, scale);
  cr = cairo_create (whole);
  trellis_render_cairo (layout, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (whole);

  bands = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_surface_set_device_scale (bands, scale, scale);
  cr = cairo_create (bands);
  for (int y = 0; y < h; y += 7)
    {
      TrellisRect band = TRELLIS_RECT_INIT (0, y / scale, w / scale, MIN (7, h - y) / scale);

      trellis_render_cairo (layout, cr, &band);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (bands);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 a[3], b[3];

        render_test_pixel (whole, x, y, a);
        render_test_pixel (bands, x, y, b);
        if (memcmp (a, b, 3) != 0)
          {
            if (differing == 0)
              g_test_message ("%s at scale %.2f: pixel %d, %d is %02x%02x%02x painted whole, %02x%02x%02x in bands",
                              trellis_view_to_string (view), scale, x, y, a[0], a[1], a[2], b[0], b[1], b[2]);
            differing++;
          }
      }
  g_assert_cmpuint (differing, ==, 0);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (bands);
}

static void
test_bands_match_whole (void)
{
  g_autoptr(TrellisDocument) small = load_small ();
  g_autoptr(TrellisDocument) tier = render_tier_load (80, 30, 6, 4);

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      assert_bands_match_whole (small, v, 1);
      assert_bands_match_whole (tier, v, 1);
      assert_bands_match_whole (tier, v, 1.5);
    }
}

static char *
render_text (TrellisLayout       *layout,
             TrellisExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_render_to_bytes (layout, format, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_svg_text (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_THEME_LIGHT, 1, FALSE);
  g_autofree char *svg = render_text (layout, TRELLIS_EXPORT_SVG);
  xmlDocPtr xml;

  xml = xmlReadMemory (svg, strlen (svg), "gaps.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (xml);
  g_assert_cmpstr ((const char *) xmlDocGetRootElement (xml)->name, ==, "svg");
  xmlFreeDoc (xml);

  g_assert_nonnull (strstr (svg, ">Small &amp; Co — Gap heatmap<"));
  g_assert_nonnull (strstr (svg, ">Anna<"));
  g_assert_nonnull (strstr (svg, ">Active listening<"));
  g_assert_nonnull (strstr (svg, ">Product knowledge<"));
  g_assert_nonnull (strstr (svg, ">not assessed<"));
}

static void
test_svg_full_names (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = NULL;
  g_autofree char *svg = NULL;
  const char *long_name = "Answering complex written complaints from business customers within one working day";

  trellis_document_set_string (doc, trellis_document_lookup (doc, "c-listen"), TRELLIS_FIELD_NAME, long_name);
  layout = make_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_THEME_LIGHT, 1, FALSE);
  svg = render_text (layout, TRELLIS_EXPORT_SVG);

  /* Shortened on the picture, whole in the text. */
  g_assert_cmpfloat (trellis_layout_get_column_header_height (layout), <, 400);
  g_assert_nonnull (strstr (svg, long_name));
}

/* What the picture shortens is listed in full under it, for print and
 * PDF. */
static void
test_names_in_full (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(TrellisLayout) plain = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *long_name = "Handle complaints that arrive by letter, e-mail, chat or telephone, also outside office hours";
  double before, after;

  plain = make_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_THEME_LIGHT, 1, FALSE);
  trellis_layout_get_picture_size (plain, NULL, &before);

  trellis_document_set_string (doc, trellis_document_lookup (doc, "rs-complaints"), TRELLIS_FIELD_NAME, long_name);
  layout = make_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_THEME_LIGHT, 1, FALSE);
  trellis_layout_get_picture_size (layout, NULL, &after);
  g_assert_cmpfloat (after, >, before);

  if (pdftotext != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("trellis-render-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "names.pdf", NULL);
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      const char *argv[] = { pdftotext, "-raw", path, "-", NULL };
      gint status;

      g_assert_true (trellis_render_to_file (layout, path, TRELLIS_EXPORT_PDF, &error));
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &text, NULL, &status, &error));
      g_assert_no_error (error);
      /* Lines may wrap anywhere in the list. */
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      g_assert_nonnull (strstr (flat, "Names in full"));
      g_assert_nonnull (strstr (flat, "outside office hours"));
      g_unlink (path);
      g_rmdir (dir);
    }
}

static void
test_pdf_text (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  TrellisView views[] = { TRELLIS_VIEW_GAPS, TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_VIEW_SIGHT };
  const char *expect[][3] = {
    { "Gap heatmap", "Anna", "Product knowledge" },
    { "Responsibility boundaries", "Handle complaints", "A7" },
    { "Line of sight", "We solve questions", "Solved in one contact" },
  };

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  dir = g_dir_make_tmp ("trellis-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "view.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr(TrellisLayout) layout = make_layout (doc, views[i], TRELLIS_THEME_LIGHT, 1, FALSE);
      g_autofree char *text = NULL;
      const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
      gint status;

      g_assert_true (trellis_render_to_file (layout, path, TRELLIS_EXPORT_PDF, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &text, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      for (guint k = 0; k < 3; k++)
        if (strstr (text, expect[i][k]) == NULL)
          g_error ("‘%s’ missing from the PDF's text:\n%s", expect[i][k], text);
    }

  g_unlink (path);
  g_rmdir (dir);
}

/* Every view, for the small example and a workshop-sized team, in every
 * theme, both directions, and in workshop mode, as PNG, SVG and PDF. */
static void
test_all_views (void)
{
  g_autoptr(TrellisDocument) small = load_small ();
  g_autoptr(TrellisDocument) tier = render_tier_load (15, 30, 4, 1);
  g_autoptr(TrellisDocument) empty = trellis_document_new ();
  g_autoptr(TrellisDocument) english = load_example ("customer-service.trellis");
  g_autoptr(TrellisDocument) dutch = load_example ("klantenservice.trellis");
  g_autoptr(TrellisDocument) german = load_example ("kundenservice.trellis");
  TrellisDocument *docs[] = { english, dutch, german, small, tier, empty };

  for (guint d = 0; d < G_N_ELEMENTS (docs); d++)
    for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
      for (TrellisTheme theme = 0; theme < TRELLIS_N_THEMES; theme++)
        for (guint variant = 0; variant < 3; variant++)
          {
            g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (docs[d]);
            g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (v);
            g_autoptr(TrellisLayout) layout = NULL;
            g_autoptr(GError) error = NULL;

            options->theme = theme;
            options->rtl = variant == 1;
            options->audience = variant == 2 ? TRELLIS_AUDIENCE_WORKSHOP : TRELLIS_AUDIENCE_COACH;
            options->zoom = variant == 2 ? 1.5 : 1.0;
            g_assert_true (trellis_date_parse ("2026-03-31", 10, &options->since));
            layout = trellis_layout_new (analysis, options, &error);
            g_assert_no_error (error);

            for (TrellisExportFormat f = TRELLIS_EXPORT_PNG; f <= TRELLIS_EXPORT_PDF; f++)
              {
                g_autoptr(GBytes) bytes = NULL;

                /* Vector formats once per theme is plenty. */
                if (f != TRELLIS_EXPORT_PNG && variant != 0)
                  continue;
                bytes = trellis_render_to_bytes (layout, f, &error);
                g_assert_no_error (error);
                g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
              }
          }
}

static guint
count_intersecting (TrellisLayout     *layout,
                    const TrellisRect *clip)
{
  guint n = 0;

  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
      {
        TrellisRect rect;

        trellis_layout_get_cell_rect (layout, r, c, &rect);
        n += trellis_rect_intersects (&rect, clip);
      }

  return n;
}

/* Painting a viewport touches the cells in it and no others. */
static void
test_viewport (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (400, 120, 12, 9);

  for (guint rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_THEME_LIGHT, 1, rtl);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
      cairo_t *cr = cairo_create (surface);
      TrellisRect clips[] = {
        TRELLIS_RECT_INIT (300, 2000, 1920, 1080),
        TRELLIS_RECT_INIT (0, 0, 1920, 1080),
        TRELLIS_RECT_INIT (1000.5, 4100.25, 333, 77),
      };
      double width, height;
      TrellisRect rect;
      guint painted;

      trellis_layout_get_content_size (layout, &width, &height);
      g_assert_cmpfloat (width, >, 1920 + 300);
      g_assert_cmpfloat (height, >, 2000 + 1080);

      for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
        {
          guint expected = count_intersecting (layout, &clips[i]);

          cairo_save (cr);
          cairo_translate (cr, -clips[i].x, -clips[i].y);
          painted = trellis_layout_paint_cells (layout, cr, &clips[i]);
          cairo_restore (cr);
          g_test_message ("viewport %u: %u cells painted of %u in the matrix", i, painted,
                          trellis_layout_get_n_rows (layout) * trellis_layout_get_n_columns (layout));
          g_assert_cmpuint (painted, ==, expected);
          g_assert_cmpuint (painted, <, trellis_layout_get_n_rows (layout) * trellis_layout_get_n_columns (layout) / 4);
        }

      /* One cell's inside: one cell. */
      trellis_layout_get_cell_rect (layout, 17, 23, &rect);
      rect.x += 2, rect.y += 2, rect.width = 3, rect.height = 3;
      g_assert_cmpuint (trellis_layout_paint_cells (layout, cr, &rect), ==, 1);

      /* Outside the matrix: none. */
      rect = TRELLIS_RECT_INIT (width + 10, 0, 100, 100);
      g_assert_cmpuint (trellis_layout_paint_cells (layout, cr, &rect), ==, 0);

      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Headers stay put while the cells scroll: each part paints alone. */
static void
test_parts (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (80, 50, 5, 3);
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_THEME_DARK, 1, FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cairo_t *cr = cairo_create (surface);
  TrellisRect clip = TRELLIS_RECT_INIT (0, 500, 400, 300);
  guint8 rgb[3];

  trellis_layout_paint_row_headers (layout, cr, &clip);
  clip = TRELLIS_RECT_INIT (700, 0, 400, 300);
  cairo_translate (cr, -700, 0);
  trellis_layout_paint_column_headers (layout, cr, &clip);
  cairo_identity_matrix (cr);
  trellis_layout_paint_corner (layout, cr);
  clip = TRELLIS_RECT_INIT (0, 0, 400, 300);
  trellis_layout_paint_title (layout, cr, &clip);
  trellis_layout_paint_legend (layout, cr, &clip);
  trellis_layout_paint_focus (layout, cr, 2, 3);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  render_test_pixel (surface, 399, 299, rgb);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (TrellisLayout *layout)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *text = NULL;
  gint status;

  if (pdftotext == NULL)
    return NULL;

  dir = g_dir_make_tmp ("trellis-render-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "view.pdf", NULL);
  g_assert_true (trellis_render_to_file (layout, path, TRELLIS_EXPORT_PDF, &error));
  {
    const char *argv[] = { pdftotext, "-raw", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &text, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);

  return text;
}

/* Whether a layout says name anywhere: in a row or column label, a
 * cell's text, tooltip or description, or a finding. */
static gboolean
layout_says (TrellisLayout *layout,
             const char    *name)
{
  TrellisView view = trellis_layout_get_options (layout)->view;

  for (guint i = 0; i < trellis_layout_get_n_findings (layout); i++)
    {
      g_autofree char *message = trellis_finding_dup_message (trellis_layout_get_finding (layout, i));

      if (strstr (message, name) != NULL)
        return TRUE;
    }

  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      if (strstr (trellis_layout_get_row_label (layout, r), name) != NULL)
        return TRUE;
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          g_autofree char *text = NULL;
          g_autofree char *tooltip = NULL;
          g_autofree char *description = NULL;

          if (r == 0 && strstr (trellis_layout_get_column_label (layout, c), name) != NULL)
            return TRUE;
          if (view == TRELLIS_VIEW_SIGHT)
            continue;
          text = trellis_layout_dup_cell_text (layout, r, c);
          tooltip = trellis_layout_dup_tooltip (layout, r, c);
          description = trellis_layout_dup_cell_description (layout, r, c);
          if (strstr (text, name) != NULL || strstr (tooltip, name) != NULL || strstr (description, name) != NULL)
            return TRUE;
        }
    }

  return FALSE;
}

/* Ben keeps his assessments private: no view for a coach or a workshop
 * names him, in any format, nor anything in words about him; a view
 * narrowed to him does. */
static void
test_private_never_shown (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    for (TrellisAudience audience = 0; audience < TRELLIS_N_AUDIENCES; audience++)
      for (guint narrowed = 0; narrowed <= 1; narrowed++)
        {
          g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
          g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (v);
          g_autoptr(TrellisLayout) layout = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) png = NULL;
          g_autofree char *svg = NULL;
          g_autofree char *pdf = NULL;
          gboolean shown = narrowed;

          options->audience = audience;
          if (narrowed)
            trellis_render_options_set_person (options, "p-ben");
          if (trellis_view_needs_date (v))
            g_assert_true (trellis_date_parse ("2026-06-01", 10, &options->since));
          layout = trellis_layout_new (analysis, options, &error);
          g_assert_no_error (error);

          svg = render_text (layout, TRELLIS_EXPORT_SVG);
          pdf = pdf_text (layout);
          png = trellis_render_to_bytes (layout, TRELLIS_EXPORT_PNG, &error);
          g_assert_no_error (error);

          g_assert_true ((strstr (svg, "Ben") != NULL) == shown);
          if (pdf != NULL)
            g_assert_true ((strstr (pdf, "Ben") != NULL) == shown);
          /* No text in the PNG but the pixels. */
          g_assert_null (g_strstr_len (g_bytes_get_data (png, NULL), g_bytes_get_size (png), "Ben"));
          if (!narrowed)
            g_assert_false (layout_says (layout, "Ben"));

          /* The people views say who is left out, and why. */
          if (!narrowed && (v == TRELLIS_VIEW_GAPS || v == TRELLIS_VIEW_PERCEPTION || v == TRELLIS_VIEW_TREND))
            g_assert_nonnull (strstr (svg, audience == TRELLIS_AUDIENCE_COACH
                                           ? "1 person keeps their assessments private and is not shown"
                                           : audience == TRELLIS_AUDIENCE_WORKSHOP
                                           ? "1 person does not share their assessments with the team and is not shown"
                                           : "Totals only: nobody is shown by name"));
        }
}

static gint
find_row (TrellisLayout *layout,
          const char    *label)
{
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    if (g_strcmp0 (trellis_layout_get_row_label (layout, r), label) == 0)
      return r;

  return -1;
}

static double
grey_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  guint8 rgb[3];

  render_test_pixel (surface, x, y, rgb);
  return 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
}

/* The mark of a cell in grey: how wide it is on each pixel row of the
 * cell's bottom left quarter, from the top of the quarter. */
static guint
mark_in_grey (cairo_surface_t   *surface,
              const TrellisRect *cell,
              double             scale,
              guint              widths[64])
{
  /* The slot less the thin gap that shows between cells. */
  int x0 = (int) ceil (cell->x * scale) + 3, y0 = (int) ceil (cell->y * scale) + 3;
  int x1 = (int) floor ((cell->x + cell->width) * scale) - 3, y1 = (int) floor ((cell->y + cell->height) * scale) - 3;
  double fill = grey_at (surface, (x0 + x1) / 2, (y0 + y1) / 2);
  int top = y0 + (y1 - y0) / 2;
  guint total = 0;

  g_assert_cmpint (y1 - top, <=, 64);
  for (int y = top; y < y1; y++)
    {
      widths[y - top] = 0;
      for (int x = x0; x < x0 + (x1 - x0) / 2; x++)
        if (fabs (grey_at (surface, x, y) - fill) > 40)
          widths[y - top]++;
      total += widths[y - top];
    }

  return total;
}

/* Printed in black and white, the two sides of zero on the gap palette
 * are the same grey: −1 and +1 must still differ, by their mark, with no
 * number in the cells to give the sign. */
static void
test_greyscale_sides (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  TrellisEntity *competency = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Listening", -1);
  TrellisEntity *role = trellis_document_create (doc, TRELLIS_KIND_ROLE, "Agent", -1);
  const char *roles[] = { trellis_entity_get_id (role), NULL };
  const char *names[] = { "Above", "Short" };
  const gint levels[] = { 3, 1 };
  TrellisRect cells, rect[2];
  guint widths[2][64] = { { 0 } };
  guint total[2];
  double fill[2];

  trellis_document_set_requirement (doc, role, trellis_entity_get_id (competency), 2);
  for (guint i = 0; i < 2; i++)
    {
      TrellisEntity *person = trellis_document_create (doc, TRELLIS_KIND_PERSON, names[i], -1);
      TrellisAssessment a = { .competency = trellis_entity_get_id (competency), .level = levels[i],
                              .source = TRELLIS_SOURCE_AGREED, .date = trellis_date_today () };

      trellis_document_set_strv (doc, person, TRELLIS_FIELD_ROLES, roles);
      trellis_document_set_int (doc, person, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_TEAM);
      trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
    }

  analysis = trellis_analysis_new (doc);
  options->cell_text = FALSE;
  options->scale = 2;
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);
  surface = render_png (layout);
  trellis_layout_get_areas (layout, NULL, NULL, NULL, &cells, NULL);

  for (guint i = 0; i < 2; i++)
    {
      gint row = find_row (layout, names[i]);
      TrellisCellInfo info;

      g_assert_cmpint (row, >=, 0);
      trellis_layout_get_cell_info (layout, row, 0, &info);
      g_assert_cmpfloat (info.value, ==, i == 0 ? -1 : 1);
      g_assert_true (trellis_layout_get_cell_rect (layout, row, 0, &rect[i]));
      rect[i].x += cells.x;
      rect[i].y += cells.y;
      fill[i] = grey_at (surface, (int) ((rect[i].x + rect[i].width / 2) * 2), (int) ((rect[i].y + rect[i].height / 2) * 2));
      total[i] = mark_in_grey (surface, &rect[i], 2, widths[i]);
    }

  /* The same grey (which is why the marks are there)... */
  g_test_message ("greys of −1 and +1: %.0f and %.0f", fill[0], fill[1]);
  g_assert_cmpfloat (fabs (fill[0] - fill[1]), <, 12);

  /* ... and each a mark: pointing up above the requirement, down below
   * it; the widest row of one is the narrow end of the other. */
  g_assert_cmpuint (total[0], >, 4);
  g_assert_cmpuint (total[1], >, 4);
  {
    int first[2] = { -1, -1 }, last[2] = { -1, -1 };

    for (guint i = 0; i < 2; i++)
      for (int y = 0; y < 64; y++)
        if (widths[i][y] > 0)
          {
            if (first[i] < 0)
              first[i] = y;
            last[i] = y;
          }
    g_assert_cmpuint (widths[0][first[0]], <, widths[0][last[0]]);
    g_assert_cmpuint (widths[1][first[1]], >, widths[1][last[1]]);
  }

  cairo_surface_destroy (surface);
}

static void
test_too_large (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (2400, 20, 2, 3);
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_THEME_LIGHT, 1, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_render_to_bytes (layout, TRELLIS_EXPORT_PNG, &error);
  double height;

  /* 2,400 people, less the quarter who keep their assessments private,
   * are taller than a PNG can be: say so. */
  trellis_layout_get_picture_size (layout, NULL, &height);
  g_assert_cmpfloat (height, >, 32767);
  g_assert_null (bytes);
  g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_TOO_LARGE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/paint/pixel-probes", test_pixel_probes);
  g_test_add_func ("/render/paint/png-matches-cairo", test_png_matches_cairo);
  g_test_add_func ("/render/paint/bands-match-whole", test_bands_match_whole);
  g_test_add_func ("/render/paint/svg-text", test_svg_text);
  g_test_add_func ("/render/paint/svg-full-names", test_svg_full_names);
  g_test_add_func ("/render/paint/pdf-text", test_pdf_text);
  g_test_add_func ("/render/paint/names-in-full", test_names_in_full);
  g_test_add_func ("/render/paint/all-views", test_all_views);
  g_test_add_func ("/render/paint/viewport", test_viewport);
  g_test_add_func ("/render/paint/parts", test_parts);
  g_test_add_func ("/render/paint/private-never-shown", test_private_never_shown);
  g_test_add_func ("/render/paint/too-large", test_too_large);
  g_test_add_func ("/render/paint/greyscale-sides", test_greyscale_sides);

  return g_test_run ();
}

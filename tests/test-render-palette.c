/* test-render-palette.c: palettes stay apart for every reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "trellis-palette.h"

/* Pairs from Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference
 * formula: implementation notes", table 1. */
static const struct { double a[3]; double b[3]; double de; } sharma[] = {
  { { 50.0000, 2.6772, -79.7751 }, { 50.0000, 0.0000, -82.7485 }, 2.0425 },
  { { 50.0000, 3.1571, -77.2803 }, { 50.0000, 0.0000, -82.7485 }, 2.8615 },
  { { 50.0000, -1.3802, -84.2814 }, { 50.0000, 0.0000, -82.7485 }, 1.0000 },
  { { 50.0000, 2.4900, -0.0010 }, { 50.0000, -2.4900, 0.0009 }, 7.1792 },
  { { 50.0000, 2.5000, 0.0000 }, { 73.0000, 25.0000, -18.0000 }, 27.1492 },
  { { 50.0000, 2.5000, 0.0000 }, { 61.0000, -5.0000, 29.0000 }, 22.8977 },
  { { 60.2574, -34.0099, 36.2677 }, { 60.4626, -34.1751, 39.4387 }, 1.2644 },
  { { 22.7233, 20.0904, -46.6940 }, { 23.0331, 14.9730, -42.5619 }, 2.0373 },
  { { 90.8027, -2.0831, 1.4410 }, { 91.1528, -1.6435, 0.0447 }, 1.4441 },
  { { 2.0776, 0.0795, -1.1350 }, { 0.9033, -0.0636, -0.5514 }, 0.9082 },
};

static void
test_delta_e_reference (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (sharma); i++)
    {
      double de = trellis_lab_delta_e2000 (sharma[i].a, sharma[i].b);

      g_assert_cmpfloat_with_epsilon (de, sharma[i].de, 0.0001);
      /* The formula is symmetric. */
      g_assert_cmpfloat_with_epsilon (trellis_lab_delta_e2000 (sharma[i].b, sharma[i].a), de, 1e-9);
    }
}

static double
min_adjacent (const TrellisRgba *colors,
              guint              n,
              TrellisVision      vision,
              GString           *report)
{
  double least = G_MAXDOUBLE;

  for (guint i = 0; i + 1 < n; i++)
    {
      TrellisRgba a, b;
      double de;

      trellis_rgba_simulate (&colors[i], vision, &a);
      trellis_rgba_simulate (&colors[i + 1], vision, &b);
      de = trellis_rgba_delta_e2000 (&a, &b);
      least = MIN (least, de);
      if (report != NULL)
        g_string_append_printf (report, " %.1f", de);
    }

  return least;
}

/* The simulation must be able to fail a palette: ColorBrewer's PuOr
 * falls to 7.1 between its middle steps under tritanopia. */
static void
test_puor_fails (void)
{
  static const char * const puor[] = {
    "#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788",
  };
  TrellisRgba colors[G_N_ELEMENTS (puor)];
  double tritan;

  for (guint i = 0; i < G_N_ELEMENTS (puor); i++)
    g_assert_true (trellis_rgba_parse (puor[i], &colors[i]));

  tritan = min_adjacent (colors, G_N_ELEMENTS (colors), TRELLIS_VISION_TRITANOPIA, NULL);
  g_assert_cmpfloat_with_epsilon (tritan, 7.13, 0.05);
  g_assert_cmpfloat (tritan, <, 8.0);
  g_assert_cmpfloat (min_adjacent (colors, G_N_ELEMENTS (colors), TRELLIS_VISION_NORMAL, NULL), >=, 8.0);
}

static void
test_gap_palette (void)
{
  guint n = 0;
  const TrellisRgba *colors = trellis_palette_get (TRELLIS_PALETTE_GAP, &n);

  /* At least seven steps: −3 or less … +3 or more. */
  g_assert_cmpuint (n, >=, 7);

  for (TrellisVision v = TRELLIS_VISION_NORMAL; v <= TRELLIS_VISION_TRITANOPIA; v++)
    {
      g_autoptr(GString) report = g_string_new (NULL);
      double least = min_adjacent (colors, n, v, report);

      g_test_message ("gap palette, %s: ΔE2000 between neighbours%s (least %.1f)",
                      trellis_vision_to_string (v), report->str, least);
      g_assert_cmpfloat (least, >=, 8.0);
    }
}

static void
test_sequential_palettes (void)
{
  static const struct { TrellisPaletteKind kind; const char *name; } palettes[] = {
    { TRELLIS_PALETTE_REQUIRED, "required" },
    { TRELLIS_PALETTE_COVERAGE, "coverage" },
    { TRELLIS_PALETTE_GREY, "grey" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      guint n = 0;
      const TrellisRgba *colors = trellis_palette_get (palettes[p].kind, &n);

      g_assert_cmpuint (n, >=, 5);

      /* Every vision, and grey: a black-and-white print still reads. */
      for (TrellisVision v = TRELLIS_VISION_NORMAL; v < TRELLIS_N_VISIONS; v++)
        {
          g_autoptr(GString) report = g_string_new (NULL);
          double least = min_adjacent (colors, n, v, report);

          g_test_message ("%s palette, %s: ΔE2000 between neighbours%s (least %.1f)",
                          palettes[p].name, trellis_vision_to_string (v), report->str, least);
          g_assert_cmpfloat (least, >=, 10.0);
        }

      /* Sequential: each step darker than the one before. */
      for (guint i = 0; i + 1 < n; i++)
        g_assert_cmpfloat (trellis_rgba_luminance (&colors[i]), >, trellis_rgba_luminance (&colors[i + 1]));
    }
}

static void
test_gap_steps (void)
{
  g_assert_cmpuint (trellis_palette_gap_step (0), ==, TRELLIS_GAP_STEP_ZERO);
  g_assert_cmpuint (trellis_palette_gap_step (1), ==, 4);
  g_assert_cmpuint (trellis_palette_gap_step (-1), ==, 2);
  g_assert_cmpuint (trellis_palette_gap_step (3), ==, 6);
  g_assert_cmpuint (trellis_palette_gap_step (7), ==, 6);
  g_assert_cmpuint (trellis_palette_gap_step (-9), ==, 0);
  /* Means round half away from zero. */
  g_assert_cmpuint (trellis_palette_gap_step (0.49), ==, 3);
  g_assert_cmpuint (trellis_palette_gap_step (0.5), ==, 4);
  g_assert_cmpuint (trellis_palette_gap_step (-0.5), ==, 2);
  g_assert_cmpuint (trellis_palette_gap_step (NAN), ==, 3);

  /* A five-level scale takes the five darkest steps. */
  g_assert_cmpuint (trellis_palette_level_step (0, 0, 4), ==, 1);
  g_assert_cmpuint (trellis_palette_level_step (4, 0, 4), ==, 5);
  g_assert_cmpuint (trellis_palette_level_step (0, 0, 10), ==, 0);
  g_assert_cmpuint (trellis_palette_level_step (10, 0, 10), ==, 5);
  g_assert_cmpuint (trellis_palette_level_step (5, 0, 10), ==, 3);

  g_assert_cmpuint (trellis_palette_share_step (0, 5), ==, 0);
  g_assert_cmpuint (trellis_palette_share_step (1, 5), ==, 1);
  g_assert_cmpuint (trellis_palette_share_step (2, 5), ==, 2);
  g_assert_cmpuint (trellis_palette_share_step (3, 4), ==, 4);
  g_assert_cmpuint (trellis_palette_share_step (5, 5), ==, 5);
  g_assert_cmpuint (trellis_palette_count_step (12), ==, 5);
}

/* The number printed on a cell reads on every fill (WCAG AA, 4.5:1). */
static void
test_text_contrast (void)
{
  for (TrellisTheme t = 0; t < TRELLIS_N_THEMES; t++)
    for (TrellisPaletteKind k = 0; k < TRELLIS_N_PALETTES; k++)
      {
        guint n = 0;
        const TrellisRgba *colors = trellis_palette_get (k, &n);

        for (guint i = 0; i < n; i++)
          {
            const TrellisRgba *text = trellis_palette_text_on (t, &colors[i]);
            double ratio = trellis_rgba_contrast_ratio (text, &colors[i]);

            g_assert_cmpfloat (ratio, >=, 4.5);
          }
      }

  /* RACI fills too. */
  for (TrellisRaci r = TRELLIS_RACI_RESPONSIBLE; r <= TRELLIS_RACI_INFORMED; r <<= 1)
    {
      const TrellisRgba *fill = trellis_palette_raci_color (r);

      g_assert_cmpfloat (trellis_rgba_contrast_ratio (trellis_palette_text_on (TRELLIS_THEME_LIGHT, fill), fill), >=, 4.5);
    }
}

static void
test_simulation_keeps_greys (void)
{
  TrellisRgba grey = { 0.5f, 0.5f, 0.5f, 1.f };

  for (TrellisVision v = TRELLIS_VISION_NORMAL; v < TRELLIS_N_VISIONS; v++)
    {
      TrellisRgba out;

      trellis_rgba_simulate (&grey, v, &out);
      g_assert_cmpfloat (trellis_rgba_delta_e2000 (&grey, &out), <, 0.5);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/palette/delta-e-reference", test_delta_e_reference);
  g_test_add_func ("/render/palette/simulation-keeps-greys", test_simulation_keeps_greys);
  g_test_add_func ("/render/palette/puor-fails-tritanopia", test_puor_fails);
  g_test_add_func ("/render/palette/gap-distinguishable", test_gap_palette);
  g_test_add_func ("/render/palette/sequential-distinguishable", test_sequential_palettes);
  g_test_add_func ("/render/palette/steps", test_gap_steps);
  g_test_add_func ("/render/palette/text-contrast", test_text_contrast);

  return g_test_run ();
}

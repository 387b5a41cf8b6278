/* trellis-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-palette"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-palette.h"

/* Every colour that carries data lives here.
 *
 * The gap palette is a blue–orange diverging palette tuned so that
 * adjacent steps stay apart by at least ΔE2000 13 under normal vision and
 * under the Machado, Oliveira and Fernandes (2009) simulations of
 * protanopia, deuteranopia and tritanopia (ColorBrewer's PuOr falls to
 * 7.1 under tritanopia between 0 and −1). Its lightness falls
 * symmetrically from the pale neutral centre, so that the size of a gap
 * reads as darkness whatever the hue vision.
 *
 * The sequential palettes share one lightness ramp, L* 97, 79, 64, 51, 39
 * and 25, spaced for ΔE2000 ≥ 11 between neighbours even in grey (where
 * only lightness is left): a black-and-white print of a map still reads.
 * tests/test-render-palette.c checks all of this. */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.f, ((hex) >> 8 & 0xff) / 255.f, ((hex) & 0xff) / 255.f, 1.f }

static const TrellisRgba gap_palette[TRELLIS_GAP_STEPS] = {
  RGB (0x174f77),  /* −3 or less: three or more levels above */
  RGB (0x418abc),  /* −2 */
  RGB (0x94c7ec),  /* −1 */
  RGB (0xe3e0da),  /*  0: meets the requirement */
  RGB (0xfbba75),  /* +1: one level short */
  RGB (0xf76529),  /* +2 */
  RGB (0xac2411),  /* +3 or more */
};

static const TrellisRgba required_palette[TRELLIS_SEQUENTIAL_STEPS] = {
  RGB (0xfaf7e9), RGB (0x90d3a1), RGB (0x62a7a2),
  RGB (0x458295), RGB (0x2b6183), RGB (0x1b3d5f),
};

static const TrellisRgba coverage_palette[TRELLIS_SEQUENTIAL_STEPS] = {
  RGB (0xf7f6f9), RGB (0xc9c0d8), RGB (0xa591cd),
  RGB (0x796dc9), RGB (0x4553b2), RGB (0x253872),
};

static const TrellisRgba grey_palette[TRELLIS_SEQUENTIAL_STEPS] = {
  RGB (0xf6f6f6), RGB (0xc4c4c4), RGB (0x9b9b9b),
  RGB (0x797979), RGB (0x5c5c5c), RGB (0x3b3b3b),
};

/* RACI: light fills that keep their letter legible; the letter is always
 * printed, so the hue only helps the eye group cells. */
static const TrellisRgba raci_accountable = RGB (0xe8846b);
static const TrellisRgba raci_responsible = RGB (0x86b8e2);
static const TrellisRgba raci_consulted   = RGB (0xf1d67a);
static const TrellisRgba raci_informed    = RGB (0xd5d3cf);

/* Line of sight: one hue per column (Okabe and Ito's set). */
static const TrellisRgba stage_colors[] = {
  RGB (0x6d6d6d),  /* mission */
  RGB (0xe69f00),  /* values */
  RGB (0x56b4e9),  /* results */
  RGB (0x009e73),  /* responsibilities */
  RGB (0xcc79a7),  /* competencies */
  RGB (0x0072b2),  /* roles */
  RGB (0xd55e00),  /* people */
};

static const TrellisThemeColors themes[TRELLIS_N_THEMES] = {
  [TRELLIS_THEME_LIGHT] = {
    .background       = RGB (0xffffff),
    .foreground       = RGB (0x1e1e1e),
    .muted            = RGB (0x5e5c64),
    .grid             = RGB (0xffffff),
    .band             = { RGB (0xf3f2f1), RGB (0xe6e5e3) },
    .header           = RGB (0xffffff),
    .not_required     = RGB (0xf8f8f8),
    .hatch_background = RGB (0xffffff),
    .hatch_line       = RGB (0x77767b),
    .suppressed       = RGB (0xdeddda),
    .boundary         = RGB (0x1e1e1e),
    .warning          = RGB (0xc01c28),
    .link             = { 0.35f, 0.35f, 0.38f, 0.45f },
    .focus            = RGB (0x1c71d8),
    .dark_text        = RGB (0x000000),
    .light_text       = RGB (0xffffff),
    .cell_gap         = 1.0,
    .boundary_width   = 2.5,
    .bold             = FALSE,
  },
  [TRELLIS_THEME_DARK] = {
    .background       = RGB (0x1e1e1e),
    .foreground       = RGB (0xf2f2f2),
    .muted            = RGB (0xa8a6ad),
    .grid             = RGB (0x1e1e1e),
    .band             = { RGB (0x2a2a2a), RGB (0x363636) },
    .header           = RGB (0x1e1e1e),
    .not_required     = RGB (0x2c2c2c),
    .hatch_background = RGB (0x242424),
    .hatch_line       = RGB (0x8b8a8f),
    .suppressed       = RGB (0x4a4a4a),
    .boundary         = RGB (0xf2f2f2),
    .warning          = RGB (0xff7b63),
    .link             = { 0.75f, 0.75f, 0.78f, 0.45f },
    .focus            = RGB (0x78aeed),
    .dark_text        = RGB (0x000000),
    .light_text       = RGB (0xffffff),
    .cell_gap         = 1.0,
    .boundary_width   = 2.5,
    .bold             = FALSE,
  },
  [TRELLIS_THEME_HIGH_CONTRAST] = {
    .background       = RGB (0xffffff),
    .foreground       = RGB (0x000000),
    .muted            = RGB (0x000000),
    .grid             = RGB (0x000000),
    .band             = { RGB (0xffffff), RGB (0xe0e0e0) },
    .header           = RGB (0xffffff),
    .not_required     = RGB (0xffffff),
    .hatch_background = RGB (0xffffff),
    .hatch_line       = RGB (0x000000),
    .suppressed       = RGB (0xb0b0b0),
    .boundary         = RGB (0x000000),
    .warning          = RGB (0x000000),
    .link             = { 0.f, 0.f, 0.f, 0.7f },
    .focus            = RGB (0x000000),
    .dark_text        = RGB (0x000000),
    .light_text       = RGB (0xffffff),
    .cell_gap         = 1.5,
    .boundary_width   = 4.0,
    .bold             = TRUE,
  },
};

const TrellisRgba *
trellis_palette_get (TrellisPaletteKind  kind,
                     guint              *n_steps)
{
  const TrellisRgba *colors;
  guint n = TRELLIS_SEQUENTIAL_STEPS;

  switch (kind)
    {
    case TRELLIS_PALETTE_GAP:      colors = gap_palette; n = TRELLIS_GAP_STEPS; break;
    case TRELLIS_PALETTE_REQUIRED: colors = required_palette; break;
    case TRELLIS_PALETTE_COVERAGE: colors = coverage_palette; break;
    case TRELLIS_PALETTE_GREY:     colors = grey_palette; break;
    case TRELLIS_N_PALETTES:
    default:
      g_return_val_if_reached (NULL);
    }

  if (n_steps != NULL)
    *n_steps = n;

  return colors;
}

const TrellisRgba *
trellis_palette_get_step (TrellisPaletteKind kind,
                          guint              step)
{
  guint n = 0;
  const TrellisRgba *colors = trellis_palette_get (kind, &n);

  g_return_val_if_fail (colors != NULL, NULL);

  return &colors[MIN (step, n - 1)];
}

/**
 * trellis_palette_gap_step:
 * @gap: required − assessed; a mean may be fractional
 *
 * Returns: the step of the gap palette for @gap, rounded half away from
 *   zero and clamped to −3…+3
 */
guint
trellis_palette_gap_step (double gap)
{
  double r;

  if (isnan (gap))
    return TRELLIS_GAP_STEP_ZERO;

  r = gap < 0 ? -floor (-gap + 0.5) : floor (gap + 0.5);
  r = CLAMP (r, -3, 3);

  return (guint) (r + TRELLIS_GAP_STEP_ZERO);
}

const TrellisRgba *
trellis_palette_gap_color (double gap)
{
  return &gap_palette[trellis_palette_gap_step (gap)];
}

/**
 * trellis_palette_level_step:
 * @level: a level on the document's scale
 * @scale_min: the lowest level of the scale
 * @scale_max: the highest
 *
 * Maps a level onto a sequential palette. A scale of up to six levels
 * uses the darkest steps one for one, so that the top level is always the
 * darkest and the lowest never vanishes into the page; a longer scale is
 * spread proportionally over the six steps.
 */
guint
trellis_palette_level_step (gint level,
                            gint scale_min,
                            gint scale_max)
{
  gint n_levels = scale_max - scale_min + 1;

  if (n_levels <= 0)
    return 0;

  level = CLAMP (level, scale_min, scale_max);
  if (n_levels <= TRELLIS_SEQUENTIAL_STEPS)
    return (guint) (level - scale_min + (TRELLIS_SEQUENTIAL_STEPS - n_levels));

  return (guint) floor ((double) (level - scale_min) * (TRELLIS_SEQUENTIAL_STEPS - 1) / (n_levels - 1) + 0.5);
}

/* People counted: 0, 1, 2, 3, 4, 5 or more. */
guint
trellis_palette_count_step (guint count)
{
  return MIN (count, TRELLIS_SEQUENTIAL_STEPS - 1);
}

/* A share: none, under a quarter, under a half, under three quarters,
 * under all, all. */
guint
trellis_palette_share_step (guint part,
                            guint whole)
{
  if (whole == 0 || part == 0)
    return 0;
  if (part >= whole)
    return TRELLIS_SEQUENTIAL_STEPS - 1;

  return 1 + MIN (3, (part * 4) / whole);
}

const TrellisRgba *
trellis_palette_raci_color (TrellisRaci letter)
{
  if (letter & TRELLIS_RACI_ACCOUNTABLE)
    return &raci_accountable;
  if (letter & TRELLIS_RACI_RESPONSIBLE)
    return &raci_responsible;
  if (letter & TRELLIS_RACI_CONSULTED)
    return &raci_consulted;

  return &raci_informed;
}

const TrellisRgba *
trellis_palette_stage_color (guint stage)
{
  return &stage_colors[MIN (stage, G_N_ELEMENTS (stage_colors) - 1)];
}

const TrellisThemeColors *
trellis_theme_get_colors (TrellisTheme theme)
{
  g_return_val_if_fail (theme < TRELLIS_N_THEMES, &themes[0]);

  return &themes[theme];
}

/**
 * trellis_palette_text_on:
 * @theme: a #TrellisTheme
 * @fill: the colour behind the text
 *
 * Returns: the theme's dark or light text colour, whichever contrasts
 *   more with @fill
 */
static gboolean
dark_text_on (TrellisTheme       theme,
              const TrellisRgba *fill)
{
  const TrellisThemeColors *colors = trellis_theme_get_colors (theme);

  return trellis_rgba_contrast_ratio (fill, &colors->dark_text) >=
         trellis_rgba_contrast_ratio (fill, &colors->light_text);
}

/* The palettes' colours, whose text colour is worked out once: painting
 * asks for every cell. */
static const struct { const TrellisRgba *colors; guint n; } known[] = {
  { gap_palette, TRELLIS_GAP_STEPS },
  { required_palette, TRELLIS_SEQUENTIAL_STEPS },
  { coverage_palette, TRELLIS_SEQUENTIAL_STEPS },
  { grey_palette, TRELLIS_SEQUENTIAL_STEPS },
};

static guint8 known_dark[TRELLIS_N_THEMES][G_N_ELEMENTS (known)][TRELLIS_GAP_STEPS];

static void
init_known (void)
{
  for (guint t = 0; t < TRELLIS_N_THEMES; t++)
    for (guint k = 0; k < G_N_ELEMENTS (known); k++)
      for (guint i = 0; i < known[k].n; i++)
        known_dark[t][k][i] = dark_text_on (t, &known[k].colors[i]);
}

const TrellisRgba *
trellis_palette_text_on (TrellisTheme       theme,
                         const TrellisRgba *fill)
{
  static gsize ready;
  const TrellisThemeColors *colors = trellis_theme_get_colors (theme);
  gboolean dark = FALSE;
  gboolean found = FALSE;

  if (g_once_init_enter (&ready))
    {
      init_known ();
      g_once_init_leave (&ready, 1);
    }

  for (guint k = 0; k < G_N_ELEMENTS (known) && !found; k++)
    {
      if (fill >= known[k].colors && fill < known[k].colors + known[k].n)
        {
          dark = known_dark[MIN (theme, TRELLIS_N_THEMES - 1)][k][fill - known[k].colors];
          found = TRUE;
        }
    }

  if (!found)
    dark = dark_text_on (theme, fill);

  return dark ? &colors->dark_text : &colors->light_text;
}

/* Colour science */

static double
srgb_to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
linear_to_srgb (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

/* Machado, Oliveira and Fernandes (2009), severity 1.0, applied to linear
 * RGB. */
static const double cvd_matrices[3][3][3] = {
  { {  0.152286,  1.052583, -0.204868 },
    {  0.114503,  0.786281,  0.099216 },
    { -0.003882, -0.048116,  1.051998 } },
  { {  0.367322,  0.860646, -0.227968 },
    {  0.280085,  0.672501,  0.047413 },
    { -0.011820,  0.042940,  0.968881 } },
  { {  1.255528, -0.076749, -0.178779 },
    { -0.078411,  0.930809,  0.147602 },
    {  0.004733,  0.691367,  0.303900 } },
};

/**
 * trellis_rgba_simulate:
 * @in: a colour
 * @vision: the vision to simulate
 * @out: (out caller-allocates): how @in looks with that vision
 *
 * Simulates dichromacy with the matrices of Machado et al. (2009), or a
 * black-and-white print (the colour's luminance as grey).
 */
void
trellis_rgba_simulate (const TrellisRgba *in,
                       TrellisVision      vision,
                       TrellisRgba       *out)
{
  double lin[3] = {
    srgb_to_linear (in->red), srgb_to_linear (in->green), srgb_to_linear (in->blue),
  };
  double res[3];

  switch (vision)
    {
    case TRELLIS_VISION_NORMAL:
      *out = *in;
      return;

    case TRELLIS_VISION_GREYSCALE:
      res[0] = res[1] = res[2] = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
      break;

    case TRELLIS_VISION_PROTANOPIA:
    case TRELLIS_VISION_DEUTERANOPIA:
    case TRELLIS_VISION_TRITANOPIA:
      {
        const double (*m)[3] = cvd_matrices[vision - TRELLIS_VISION_PROTANOPIA];

        for (guint i = 0; i < 3; i++)
          res[i] = m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2];
      }
      break;

    case TRELLIS_N_VISIONS:
    default:
      g_return_if_reached ();
    }

  out->red = linear_to_srgb (res[0]);
  out->green = linear_to_srgb (res[1]);
  out->blue = linear_to_srgb (res[2]);
  out->alpha = in->alpha;
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

/* sRGB (D65) to CIELAB. */
void
trellis_rgba_to_lab (const TrellisRgba *in,
                     double             lab[3])
{
  double r = srgb_to_linear (in->red);
  double g = srgb_to_linear (in->green);
  double b = srgb_to_linear (in->blue);
  double x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b;
  double fx = lab_f (x / 0.95047);
  double fy = lab_f (y);
  double fz = lab_f (z / 1.08883);

  lab[0] = 116.0 * fy - 16.0;
  lab[1] = 500.0 * (fx - fy);
  lab[2] = 200.0 * (fy - fz);
}

static double
deg (double rad)
{
  return rad * 180.0 / G_PI;
}

static double
rad (double degrees)
{
  return degrees * G_PI / 180.0;
}

/**
 * trellis_lab_delta_e2000:
 *
 * The CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), with
 * kL = kC = kH = 1.
 */
double
trellis_lab_delta_e2000 (const double a[3],
                         const double b[3])
{
  double c1 = hypot (a[1], a[2]);
  double c2 = hypot (b[1], b[2]);
  double cb7 = pow ((c1 + c2) / 2.0, 7.0);
  double g = 0.5 * (1.0 - sqrt (cb7 / (cb7 + pow (25.0, 7.0))));
  double a1p = (1.0 + g) * a[1];
  double a2p = (1.0 + g) * b[1];
  double c1p = hypot (a1p, a[2]);
  double c2p = hypot (a2p, b[2]);
  double h1p = c1p == 0 ? 0 : fmod (deg (atan2 (a[2], a1p)) + 360.0, 360.0);
  double h2p = c2p == 0 ? 0 : fmod (deg (atan2 (b[2], a2p)) + 360.0, 360.0);
  double dlp = b[0] - a[0];
  double dcp = c2p - c1p;
  double dhp = 0;
  double dHp;
  double lbp = (a[0] + b[0]) / 2.0;
  double cbp = (c1p + c2p) / 2.0;
  double hbp;
  double t, dtheta, rc, sl, sc, sh, rt, cbp7;

  if (c1p * c2p != 0)
    {
      dhp = h2p - h1p;
      if (dhp > 180.0)
        dhp -= 360.0;
      else if (dhp < -180.0)
        dhp += 360.0;
    }
  dHp = 2.0 * sqrt (c1p * c2p) * sin (rad (dhp / 2.0));

  if (c1p * c2p == 0)
    hbp = h1p + h2p;
  else if (fabs (h1p - h2p) <= 180.0)
    hbp = (h1p + h2p) / 2.0;
  else if (h1p + h2p < 360.0)
    hbp = (h1p + h2p + 360.0) / 2.0;
  else
    hbp = (h1p + h2p - 360.0) / 2.0;

  t = 1.0 - 0.17 * cos (rad (hbp - 30.0)) + 0.24 * cos (rad (2.0 * hbp))
      + 0.32 * cos (rad (3.0 * hbp + 6.0)) - 0.20 * cos (rad (4.0 * hbp - 63.0));
  dtheta = 30.0 * exp (-pow ((hbp - 275.0) / 25.0, 2.0));
  cbp7 = pow (cbp, 7.0);
  rc = 2.0 * sqrt (cbp7 / (cbp7 + pow (25.0, 7.0)));
  sl = 1.0 + 0.015 * pow (lbp - 50.0, 2.0) / sqrt (20.0 + pow (lbp - 50.0, 2.0));
  sc = 1.0 + 0.045 * cbp;
  sh = 1.0 + 0.015 * cbp * t;
  rt = -sin (rad (2.0 * dtheta)) * rc;

  return sqrt (pow (dlp / sl, 2.0) + pow (dcp / sc, 2.0) + pow (dHp / sh, 2.0)
               + rt * (dcp / sc) * (dHp / sh));
}

double
trellis_rgba_delta_e2000 (const TrellisRgba *a,
                          const TrellisRgba *b)
{
  double la[3], lb[3];

  trellis_rgba_to_lab (a, la);
  trellis_rgba_to_lab (b, lb);

  return trellis_lab_delta_e2000 (la, lb);
}

/* WCAG relative luminance. */
double
trellis_rgba_luminance (const TrellisRgba *in)
{
  return 0.2126 * srgb_to_linear (in->red) + 0.7152 * srgb_to_linear (in->green)
         + 0.0722 * srgb_to_linear (in->blue);
}

double
trellis_rgba_contrast_ratio (const TrellisRgba *a,
                             const TrellisRgba *b)
{
  double la = trellis_rgba_luminance (a);
  double lb = trellis_rgba_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * trellis_rgba_parse:
 * @spec: "#rrggbb" or "#rrggbbaa"
 * @out: (out caller-allocates): the colour
 *
 * Returns: whether @spec was understood
 */
gboolean
trellis_rgba_parse (const char  *spec,
                    TrellisRgba *out)
{
  guint v[4] = { 0, 0, 0, 255 };
  gsize len;

  if (spec == NULL || spec[0] != '#')
    return FALSE;

  len = strlen (spec + 1);
  if (len != 6 && len != 8)
    return FALSE;

  for (gsize i = 0; i < len / 2; i++)
    {
      gint hi = g_ascii_xdigit_value (spec[1 + 2 * i]);
      gint lo = g_ascii_xdigit_value (spec[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      v[i] = (guint) (hi * 16 + lo);
    }

  out->red = v[0] / 255.f;
  out->green = v[1] / 255.f;
  out->blue = v[2] / 255.f;
  out->alpha = v[3] / 255.f;

  return TRUE;
}

const char *
trellis_vision_to_string (TrellisVision vision)
{
  static const char * const names[TRELLIS_N_VISIONS] = {
    "normal", "protanopia", "deuteranopia", "tritanopia", "greyscale",
  };

  g_return_val_if_fail (vision < TRELLIS_N_VISIONS, NULL);

  return names[vision];
}

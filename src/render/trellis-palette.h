/* trellis-palette.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-render-types.h"
#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisPaletteKind:
 * @TRELLIS_PALETTE_GAP: diverging, centred on zero: step 0 is a gap of −3
 *   or less (three or more levels above the requirement), step 3 is zero,
 *   step 6 a gap of +3 or more (three or more levels short)
 * @TRELLIS_PALETTE_REQUIRED: sequential, for required levels
 * @TRELLIS_PALETTE_COVERAGE: sequential, for how many people (or what
 *   share of them) meet a requirement
 * @TRELLIS_PALETTE_GREY: sequential grey, for counts that need no hue
 *
 * Every colour that carries data is defined in trellis-palette.c and
 * nowhere else. The palettes are the same in every theme, so that a
 * colour means the same thing on screen, on a projector and on paper;
 * the themes change only the chrome around them.
 */
typedef enum
{
  TRELLIS_PALETTE_GAP,
  TRELLIS_PALETTE_REQUIRED,
  TRELLIS_PALETTE_COVERAGE,
  TRELLIS_PALETTE_GREY,
  TRELLIS_N_PALETTES
} TrellisPaletteKind;

#define TRELLIS_GAP_STEPS        7
#define TRELLIS_GAP_STEP_ZERO    3
#define TRELLIS_SEQUENTIAL_STEPS 6

/**
 * TrellisThemeColors:
 *
 * The colours of everything around the data: the page, text, the thin
 * gaps between cells, group bands, the quiet tone of "not required",
 * the hatch of "not assessed", and the marks.
 */
typedef struct
{
  TrellisRgba background;
  TrellisRgba foreground;
  TrellisRgba muted;            /* secondary text: dates, group counts */
  TrellisRgba grid;             /* shows between the cells */
  TrellisRgba band[2];          /* alternating group bands */
  TrellisRgba header;           /* behind row and column headers */
  TrellisRgba not_required;     /* the quiet tone */
  TrellisRgba hatch_background; /* not assessed */
  TrellisRgba hatch_line;
  TrellisRgba suppressed;       /* aggregate hidden in workshop mode */
  TrellisRgba boundary;         /* ownership boundary lines */
  TrellisRgba warning;          /* finding marks */
  TrellisRgba link;             /* line of sight connections */
  TrellisRgba focus;
  TrellisRgba dark_text;        /* text on light fills */
  TrellisRgba light_text;       /* text on dark fills */
  double      cell_gap;         /* logical pixels between cells */
  double      boundary_width;
  gboolean    bold;             /* heavier text for high contrast */
} TrellisThemeColors;

typedef enum
{
  TRELLIS_VISION_NORMAL,
  TRELLIS_VISION_PROTANOPIA,
  TRELLIS_VISION_DEUTERANOPIA,
  TRELLIS_VISION_TRITANOPIA,
  TRELLIS_VISION_GREYSCALE,
  TRELLIS_N_VISIONS
} TrellisVision;

const TrellisRgba        *trellis_palette_get             (TrellisPaletteKind  kind,
                                                           guint              *n_steps);
const TrellisRgba        *trellis_palette_get_step        (TrellisPaletteKind  kind,
                                                           guint               step);
guint                     trellis_palette_gap_step        (double              gap);
const TrellisRgba        *trellis_palette_gap_color       (double              gap);
guint                     trellis_palette_level_step      (gint                level,
                                                           gint                scale_min,
                                                           gint                scale_max);
guint                     trellis_palette_count_step      (guint               count);
guint                     trellis_palette_share_step      (guint               part,
                                                           guint               whole);
const TrellisRgba        *trellis_palette_raci_color      (TrellisRaci         letter);
const TrellisRgba        *trellis_palette_stage_color     (guint               stage);
const TrellisThemeColors *trellis_theme_get_colors        (TrellisTheme        theme);
const TrellisRgba        *trellis_palette_text_on         (TrellisTheme        theme,
                                                           const TrellisRgba  *fill);

/* Colour science, used by the palette test and to pick text colours. */
void                      trellis_rgba_simulate           (const TrellisRgba  *in,
                                                           TrellisVision       vision,
                                                           TrellisRgba        *out);
void                      trellis_rgba_to_lab             (const TrellisRgba  *in,
                                                           double              lab[3]);
double                    trellis_lab_delta_e2000         (const double        a[3],
                                                           const double        b[3]);
double                    trellis_rgba_delta_e2000        (const TrellisRgba  *a,
                                                           const TrellisRgba  *b);
double                    trellis_rgba_luminance          (const TrellisRgba  *in);
double                    trellis_rgba_contrast_ratio     (const TrellisRgba  *a,
                                                           const TrellisRgba  *b);
gboolean                  trellis_rgba_parse              (const char         *spec,
                                                           TrellisRgba        *out);
const char               *trellis_vision_to_string        (TrellisVision       vision);

G_END_DECLS

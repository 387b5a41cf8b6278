/* trellis-style-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "trellis-palette.h"
#include "trellis-render-options.h"

G_BEGIN_DECLS

#define TRELLIS_NO_TEXT 0

/**
 * TrellisTextRun:
 *
 * A short text (a cell's number, "RA5", a swatch's sample) shaped once
 * and drawn as glyphs, so that a frame never shapes a string.
 */
typedef struct
{
  char                *text;
  gboolean             shaped;
  double               width;
  double               height;
  cairo_scaled_font_t *font;    /* when one font draws all of it */
  cairo_glyph_t       *glyphs;  /* relative to the logical top-left */
  guint                n_glyphs;
  PangoLayout         *layout;  /* when it needs more than one font */
} TrellisTextRun;

/**
 * TrellisStyle:
 *
 * How a picture looks, for one set of options: its theme's colours, its
 * fonts, the text runs of its cells (each string once, by id) and the
 * hatch tile. Every part of the picture paints with it; the layout owns
 * it.
 */
typedef struct
{
  const TrellisRenderOptions *options;
  const TrellisThemeColors   *colors;

  PangoContext               *context;
  PangoFontDescription       *cell_font;
  PangoFontDescription       *header_font;
  PangoFontDescription       *group_font;
  PangoFontDescription       *title_font;
  PangoFontDescription       *small_font;
  double                      text_height;  /* of the cell font */

  GPtrArray                  *runs;         /* TrellisTextRun, index 0 unused */
  GHashTable                 *run_ids;      /* string → id */
  guint16                     number_text[41];  /* −20…20 */
  guint16                     signed_text[41];  /* "+n" for changes */

  cairo_surface_t            *hatch;        /* a tile, made for hatch_scale */
  double                      hatch_scale;
} TrellisStyle;

void                  trellis_style_init         (TrellisStyle               *self,
                                                  const TrellisRenderOptions *options);
void                  trellis_style_clear        (TrellisStyle               *self);

guint16               trellis_style_intern       (TrellisStyle               *self,
                                                  const char                 *text);
const char           *trellis_style_get_text     (TrellisStyle               *self,
                                                  guint16                     id);
const TrellisTextRun *trellis_style_get_run      (TrellisStyle               *self,
                                                  guint16                     id);
void                  trellis_style_shape_all    (TrellisStyle               *self);
guint16               trellis_style_number       (TrellisStyle               *self,
                                                  gint                        value,
                                                  gboolean                    plus);

PangoLayout          *trellis_style_new_text     (TrellisStyle               *self,
                                                  const PangoFontDescription *font,
                                                  const char                 *text);
void                  trellis_style_align        (TrellisStyle               *self,
                                                  PangoLayout                *layout);
double                trellis_style_font_height  (TrellisStyle               *self,
                                                  const PangoFontDescription *font);
double                trellis_style_text_width   (TrellisStyle               *self,
                                                  const char                 *text);

PangoFontDescription *trellis_style_make_font    (const char                 *family,
                                                  double                      points,
                                                  PangoWeight                 weight,
                                                  PangoStyle                  style);
char                 *trellis_format_number      (double                      value,
                                                  guint                       decimals,
                                                  gboolean                    plus);

void                  trellis_text_lock          (void);
void                  trellis_text_unlock        (void);

G_END_DECLS

/* trellis-draw-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-style-private.h"

G_BEGIN_DECLS

/* Symbols drawn beside labels and in the legend: shapes, so that they
 * survive any palette and a grey print. */
typedef enum
{
  TRELLIS_SYMBOL_PROBLEM,   /* a disc with an exclamation mark */
  TRELLIS_SYMBOL_WARNING,   /* a triangle with an exclamation mark */
  TRELLIS_SYMBOL_SINGLE,    /* a ring with a dot: one person holds it */
} TrellisSymbol;

/* Marks in a cell's corners, in the cell's text colour. */
enum
{
  TRELLIS_CELL_MARK_WANT    = 1 << 0,  /* top trailing corner: a sprout */
  TRELLIS_CELL_MARK_WARNING = 1 << 1,  /* top leading corner: a diamond */
  TRELLIS_CELL_MARK_SINGLE  = 1 << 2,  /* bottom leading corner: a dot */
  TRELLIS_CELL_MARK_NEW     = 1 << 3,  /* the centre: a dot */
  /* The sides of zero on the gap palette, which grey alone cannot tell
   * apart (−1 and +1 are the same grey): */
  TRELLIS_CELL_MARK_SHORT   = 1 << 4,  /* bottom left corner: a triangle pointing down */
  TRELLIS_CELL_MARK_ABOVE   = 1 << 5,  /* bottom left corner: a triangle pointing up */
  TRELLIS_CELL_MARK_LAST    = TRELLIS_CELL_MARK_ABOVE,
};

/* Cairo */
void   trellis_cairo_set_rgba         (cairo_t            *cr,
                                       const TrellisRgba  *rgba);
void   trellis_cairo_fill_rect        (cairo_t            *cr,
                                       const TrellisRgba  *rgba,
                                       double              x,
                                       double              y,
                                       double              width,
                                       double              height);
void   trellis_cairo_flatten          (cairo_t            *cr);
void   trellis_cairo_clip_pixels      (cairo_t            *cr,
                                       const TrellisRect  *r);

/* Pango text, placed the same wherever the picture is painted from;
 * each takes the text lock. */
void   trellis_text_show              (cairo_t            *cr,
                                       PangoLayout        *layout,
                                       double              x,
                                       double              y);
void   trellis_text_size              (PangoLayout        *layout,
                                       int                *width,
                                       int                *height);
void   trellis_text_show_start        (TrellisStyle       *style,
                                       cairo_t            *cr,
                                       PangoLayout        *layout,
                                       double              start,
                                       double              y);
void   trellis_text_show_centred      (cairo_t            *cr,
                                       PangoLayout        *layout,
                                       double              centre,
                                       double              y);
void   trellis_text_show_upright      (cairo_t            *cr,
                                       PangoLayout        *layout);

/* The style's parts */
void   trellis_draw_text_run          (TrellisStyle       *style,
                                       cairo_t            *cr,
                                       guint16             id,
                                       const TrellisRgba  *color,
                                       double              cx,
                                       double              cy);
void   trellis_draw_set_hatch         (TrellisStyle       *style,
                                       cairo_t            *cr);
void   trellis_draw_hatch_rect        (TrellisStyle       *style,
                                       cairo_t            *cr,
                                       const TrellisRect  *rect);
void   trellis_draw_symbol            (TrellisStyle       *style,
                                       cairo_t            *cr,
                                       TrellisSymbol       symbol,
                                       double              x,
                                       double              y,
                                       double              size);
guint  trellis_draw_gap_marks         (double              value);
void   trellis_draw_cell_mark_path    (cairo_t            *cr,
                                       guint               mark,
                                       double              x,
                                       double              y,
                                       double              w,
                                       double              h,
                                       gboolean            rtl);

G_END_DECLS

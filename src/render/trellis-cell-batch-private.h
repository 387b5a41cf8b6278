/* trellis-cell-batch-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-style-private.h"

G_BEGIN_DECLS

/**
 * TrellisCellBatch:
 *
 * The cells of one paint, gathered by colour and font and painted
 * together: one fill per colour, each pattern once, the marks of a
 * colour together, and the texts of a font and colour in a row.
 */
typedef struct
{
  TrellisStyle *style;
  GArray       *fills;       /* FillBatch */
  GArray       *glyphs;      /* GlyphBatch */
  GArray       *marks;       /* MarkBatch */
  GArray       *hatches;     /* TrellisRect */
  GArray       *suppressed;  /* TrellisRect */
  GArray       *layouts;     /* LooseText: texts that need Pango */
} TrellisCellBatch;

void   trellis_cell_batch_init        (TrellisCellBatch   *self,
                                       TrellisStyle       *style);
void   trellis_cell_batch_clear       (TrellisCellBatch   *self);
void   trellis_cell_batch_fill        (TrellisCellBatch   *self,
                                       const TrellisRgba  *color,
                                       const TrellisRect  *rect);
void   trellis_cell_batch_hatch       (TrellisCellBatch   *self,
                                       const TrellisRect  *rect);
void   trellis_cell_batch_suppressed  (TrellisCellBatch   *self,
                                       const TrellisRect  *rect);
void   trellis_cell_batch_mark        (TrellisCellBatch   *self,
                                       const TrellisRgba  *color,
                                       guint               mark,
                                       const TrellisRect  *rect);
void   trellis_cell_batch_text        (TrellisCellBatch   *self,
                                       guint16             id,
                                       const TrellisRgba  *color,
                                       double              cx,
                                       double              cy,
                                       double              avail_w,
                                       double              avail_h);
void   trellis_cell_batch_paint       (TrellisCellBatch   *self,
                                       cairo_t            *cr);

G_END_DECLS

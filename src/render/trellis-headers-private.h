/* trellis-headers-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-axis-private.h"
#include "trellis-legend-private.h"

G_BEGIN_DECLS

void   trellis_headers_measure        (TrellisAxis       *rows,
                                       TrellisAxis       *columns,
                                       TrellisStyle      *style,
                                       TrellisLegend     *legend,
                                       double             cell_width,
                                       double             cell_height,
                                       gboolean           row_headers);
void   trellis_headers_paint_rows     (TrellisAxis       *rows,
                                       TrellisStyle      *style,
                                       double             cell_height,
                                       cairo_t           *cr,
                                       const TrellisRect *clip);
void   trellis_headers_paint_columns  (TrellisAxis       *columns,
                                       TrellisStyle      *style,
                                       cairo_t           *cr,
                                       const TrellisRect *clip);

G_END_DECLS

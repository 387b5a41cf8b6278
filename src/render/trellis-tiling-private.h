/* trellis-tiling-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-report.h"

G_BEGIN_DECLS

void           trellis_tiling_get_tile_size   (TrellisTiling     *self,
                                               guint              index,
                                               double            *width,
                                               double            *height);
void           trellis_tiling_paint_overview  (TrellisTiling     *self,
                                               guint              index,
                                               cairo_t           *cr,
                                               double             width,
                                               double             height,
                                               const TrellisRgba *accent,
                                               const TrellisRgba *line);
TrellisLayout *trellis_tiling_get_layout      (TrellisTiling     *self);

G_END_DECLS

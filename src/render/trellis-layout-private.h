/* trellis-layout-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-layout.h"
#include "trellis-map-private.h"

G_BEGIN_DECLS

/* For the whole picture and its export (trellis-render.c,
 * trellis-export.c). */
guint        trellis_layout_paint_cells_on  (TrellisLayout      *self,
                                             cairo_t            *cr,
                                             const TrellisRect  *clip,
                                             TrellisPageMode     page);
gboolean     trellis_layout_has_whole_cells (TrellisLayout      *self);
const char  *trellis_layout_get_title_text  (TrellisLayout      *self);
const char  *trellis_layout_get_subtitle_text (TrellisLayout    *self);
TrellisLegend *trellis_layout_fit_legend    (TrellisLayout      *self,
                                             double              width);
double       trellis_layout_get_label_size  (TrellisLayout      *self);
void         trellis_layout_foreach_label   (TrellisLayout      *self,
                                             double              size,
                                             TrellisLabelFunc    func,
                                             gpointer            user_data);

G_END_DECLS

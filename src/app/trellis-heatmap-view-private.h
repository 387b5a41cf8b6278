/* trellis-heatmap-view-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-cell-target.h"
#include "trellis-heatmap-view.h"

G_BEGIN_DECLS

/* For the keys of the heatmap (trellis-heatmap-keys.c). */
gboolean trellis_heatmap_view_move_focus       (TrellisHeatmapView *self,
                                                int                 drow,
                                                int                 dcolumn);
guint    trellis_heatmap_view_get_page_rows    (TrellisHeatmapView *self);
void     trellis_heatmap_view_zoom_step        (TrellisHeatmapView *self,
                                                int                 steps);
void     trellis_heatmap_view_get_focus_target (TrellisHeatmapView *self,
                                                TrellisCellTarget  *target);
void     trellis_heatmap_view_get_shown_target (TrellisHeatmapView *self,
                                                TrellisCellTarget  *target);
gboolean trellis_heatmap_view_level_in_scale   (TrellisHeatmapView *self,
                                                gint                level);

G_END_DECLS

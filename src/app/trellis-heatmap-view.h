/* trellis-heatmap-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-render.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HEATMAP_VIEW (trellis_heatmap_view_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHeatmapView, trellis_heatmap_view, TRELLIS, HEATMAP_VIEW, GtkWidget)

GtkWidget     *trellis_heatmap_view_new              (void);
TrellisLayout *trellis_heatmap_view_get_layout       (TrellisHeatmapView *self);
void           trellis_heatmap_view_set_layout       (TrellisHeatmapView *self,
                                                      TrellisLayout      *layout);
gboolean       trellis_heatmap_view_get_focus_cell   (TrellisHeatmapView *self,
                                                      guint              *row,
                                                      guint              *column);
void           trellis_heatmap_view_set_focus_cell   (TrellisHeatmapView *self,
                                                      guint               row,
                                                      guint               column);
void           trellis_heatmap_view_edit_focus       (TrellisHeatmapView *self);
guint          trellis_heatmap_view_take_painted     (TrellisHeatmapView *self);
void           trellis_heatmap_view_scroll_to_start  (TrellisHeatmapView *self);
void           trellis_heatmap_view_set_read_only    (TrellisHeatmapView *self,
                                                      gboolean            read_only);
gboolean       trellis_heatmap_view_get_read_only    (TrellisHeatmapView *self);
void           trellis_heatmap_view_set_source       (TrellisHeatmapView *self,
                                                      TrellisSource       source);
void           trellis_heatmap_view_set_scale        (TrellisHeatmapView *self,
                                                      GPtrArray          *scale,
                                                      GListModel         *labels);

G_END_DECLS

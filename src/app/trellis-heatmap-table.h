/* trellis-heatmap-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-render.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HEATMAP_TABLE (trellis_heatmap_table_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHeatmapTable, trellis_heatmap_table, TRELLIS, HEATMAP_TABLE, GtkWidget)

GtkWidget  *trellis_heatmap_table_new         (void);
void        trellis_heatmap_table_set_layout  (TrellisHeatmapTable *self,
                                               TrellisLayout       *layout);
void        trellis_heatmap_table_select_cell (TrellisHeatmapTable *self,
                                               guint                row,
                                               guint                column);
GListModel *trellis_heatmap_table_get_model   (TrellisHeatmapTable *self);
char       *trellis_heatmap_table_dup_facts   (TrellisHeatmapTable *self,
                                               guint                position);

G_END_DECLS

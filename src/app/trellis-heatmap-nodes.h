/* trellis-heatmap-nodes.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-render.h"

G_BEGIN_DECLS

typedef enum
{
  TRELLIS_HEATMAP_AREA_CELLS,
  TRELLIS_HEATMAP_AREA_ROW_HEADERS,
  TRELLIS_HEATMAP_AREA_COLUMN_HEADERS,
  TRELLIS_HEATMAP_AREA_CORNER,
  TRELLIS_HEATMAP_N_AREAS
} TrellisHeatmapArea;

/**
 * TrellisHeatmapNodes:
 *
 * What a heatmap widget painted of each area, as render nodes in the
 * area's own coordinates, and the cells painted again over them since.
 */
typedef struct
{
  GskRenderNode *nodes[TRELLIS_HEATMAP_N_AREAS];
  TrellisRect    rects[TRELLIS_HEATMAP_N_AREAS];
  GPtrArray     *patches;
  guint          painted;
} TrellisHeatmapNodes;

void     trellis_heatmap_nodes_init         (TrellisHeatmapNodes *self);
void     trellis_heatmap_nodes_clear        (TrellisHeatmapNodes *self);
void     trellis_heatmap_nodes_drop         (TrellisHeatmapNodes *self);
void     trellis_heatmap_nodes_append       (TrellisHeatmapNodes *self,
                                             GtkSnapshot         *snapshot,
                                             TrellisLayout       *layout,
                                             TrellisHeatmapArea   area,
                                             const TrellisRect   *visible);
gboolean trellis_heatmap_nodes_update       (TrellisHeatmapNodes *self,
                                             TrellisLayout       *old,
                                             TrellisLayout       *layout);
guint    trellis_heatmap_nodes_take_painted (TrellisHeatmapNodes *self);

G_END_DECLS

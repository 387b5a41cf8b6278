/* trellis-heatmap-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"
#include "trellis-heatmap-table.h"
#include "trellis-heatmap-view.h"
#include "trellis-render.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_HEATMAP_PAGE (trellis_heatmap_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisHeatmapPage, trellis_heatmap_page, TRELLIS, HEATMAP_PAGE, GtkWidget)

TrellisDocument     *trellis_heatmap_page_get_document      (TrellisHeatmapPage  *self);
void                 trellis_heatmap_page_set_document      (TrellisHeatmapPage  *self,
                                                             TrellisDocument     *document);
TrellisHeatmapView  *trellis_heatmap_page_get_view          (TrellisHeatmapPage  *self);
TrellisHeatmapTable *trellis_heatmap_page_get_table         (TrellisHeatmapPage  *self);
TrellisLayout       *trellis_heatmap_page_get_layout        (TrellisHeatmapPage  *self);
void                 trellis_heatmap_page_set_view          (TrellisHeatmapPage  *self,
                                                             TrellisView          view);
void                 trellis_heatmap_page_set_content_language (TrellisHeatmapPage *self,
                                                             const char          *language);
void                 trellis_heatmap_page_set_workshop_mode (TrellisHeatmapPage  *self,
                                                             gboolean             workshop);
gboolean             trellis_heatmap_page_get_presenting    (TrellisHeatmapPage  *self);
void                 trellis_heatmap_page_set_presenting    (TrellisHeatmapPage  *self,
                                                             gboolean             presenting);
void                 trellis_heatmap_page_show_start        (TrellisHeatmapPage  *self);
void                 trellis_heatmap_page_rebuild           (TrellisHeatmapPage  *self);
void                 trellis_heatmap_page_focus_map         (TrellisHeatmapPage  *self);
void                 trellis_heatmap_page_export            (TrellisHeatmapPage  *self);
gboolean             trellis_heatmap_page_export_to         (TrellisHeatmapPage  *self,
                                                             GFile               *file,
                                                             GError             **error);
gboolean             trellis_heatmap_page_export_pages      (TrellisHeatmapPage  *self,
                                                             GFile               *file,
                                                             TrellisPaper         paper,
                                                             GError             **error);

G_END_DECLS

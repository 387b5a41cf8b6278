/* trellis-entity-pane.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"
#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ENTITY_PANE (trellis_entity_pane_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEntityPane, trellis_entity_pane, TRELLIS, ENTITY_PANE, GtkWidget)

TrellisDocument *trellis_entity_pane_get_document   (TrellisEntityPane *self);
void             trellis_entity_pane_set_document   (TrellisEntityPane *self,
                                                     TrellisDocument   *document);
TrellisKind      trellis_entity_pane_get_kind       (TrellisEntityPane *self);
void             trellis_entity_pane_add_editor     (TrellisEntityPane *self,
                                                     TrellisEditor     *editor);
TrellisEditor   *trellis_entity_pane_get_editor     (TrellisEntityPane *self,
                                                     TrellisKind        kind);
TrellisEntity   *trellis_entity_pane_get_selected   (TrellisEntityPane *self);
gboolean         trellis_entity_pane_select         (TrellisEntityPane *self,
                                                     TrellisEntity     *entity);
TrellisEntity   *trellis_entity_pane_add            (TrellisEntityPane *self,
                                                     const char        *text);
void             trellis_entity_pane_delete_selected (TrellisEntityPane *self);
void             trellis_entity_pane_move_selected  (TrellisEntityPane *self,
                                                     int                delta);
void             trellis_entity_pane_focus_add      (TrellisEntityPane *self);
GtkEditable     *trellis_entity_pane_get_add_entry  (TrellisEntityPane *self);
GtkListView     *trellis_entity_pane_get_list_view  (TrellisEntityPane *self);

void               trellis_entity_pane_open         (TrellisEntityPane *self,
                                                     TrellisEntity     *entity);

G_END_DECLS

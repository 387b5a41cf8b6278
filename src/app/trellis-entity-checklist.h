/* trellis-entity-checklist.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ENTITY_CHECKLIST (trellis_entity_checklist_get_type ())
G_DECLARE_FINAL_TYPE (TrellisEntityChecklist, trellis_entity_checklist, TRELLIS, ENTITY_CHECKLIST, GtkWidget)

GtkWidget *trellis_entity_checklist_new        (TrellisKind             kind,
                                                TrellisField            field);
void       trellis_entity_checklist_set_target (TrellisEntityChecklist *self,
                                                TrellisDocument        *document,
                                                TrellisEntity          *entity);
void       trellis_entity_checklist_set_empty_text (TrellisEntityChecklist *self,
                                                const char             *text);

G_END_DECLS

/* trellis-field-binding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

/**
 * TrellisBindingKind:
 * @TRELLIS_BINDING_TEXT: a #GtkEditable (GtkEntry, AdwEntryRow) or a
 *   #GtkTextView edits a string field
 * @TRELLIS_BINDING_NUMBER: a #GtkEditable edits a double field; empty
 *   text is "no value" (NAN)
 * @TRELLIS_BINDING_CHOICE: a widget with a "selected" property
 *   (GtkDropDown, AdwComboRow) edits an enumeration field, item N being
 *   value N
 * @TRELLIS_BINDING_REFERENCE: a widget with "selected" and "model"
 *   properties picks the id of another entity, or none
 * @TRELLIS_BINDING_DATE: a #TrellisDateButton edits a date field
 *
 * How a widget edits a field of an entity through the document.
 */
typedef enum
{
  TRELLIS_BINDING_TEXT,
  TRELLIS_BINDING_NUMBER,
  TRELLIS_BINDING_CHOICE,
  TRELLIS_BINDING_REFERENCE,
  TRELLIS_BINDING_DATE,
} TrellisBindingKind;

#define TRELLIS_TYPE_FIELD_BINDING (trellis_field_binding_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFieldBinding, trellis_field_binding, TRELLIS, FIELD_BINDING, GObject)

TrellisFieldBinding *trellis_field_binding_new             (GtkWidget           *widget,
                                                             TrellisField         field,
                                                             TrellisBindingKind   kind);
void                 trellis_field_binding_set_reference_kind (TrellisFieldBinding *self,
                                                             TrellisKind          kind,
                                                             const char          *none_label);
void                 trellis_field_binding_set_reference_model (TrellisFieldBinding *self,
                                                             GListModel          *model,
                                                             const char          *none_label);
void                 trellis_field_binding_set_target      (TrellisFieldBinding *self,
                                                             TrellisDocument     *document,
                                                             TrellisEntity       *entity);
TrellisEntity       *trellis_field_binding_get_entity      (TrellisFieldBinding *self);
gboolean             trellis_field_binding_flush           (TrellisFieldBinding *self);

G_END_DECLS

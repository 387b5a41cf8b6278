/* trellis-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-document.h"
#include "trellis-field-binding.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_EDITOR (trellis_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (TrellisEditor, trellis_editor, TRELLIS, EDITOR, GtkWidget)

/**
 * TrellisEditorClass:
 * @unbind: called before the document or the entity changes, to commit
 *   what was typed for the one shown
 * @bind: called after the document or the entity changed; @entity may be
 *   %NULL
 * @document_changed: a change of the document, for editors that show
 *   more than their entity's fields
 * @update_lines: refreshes the rows that show what refers to the entity
 *   (the line of sight), with trellis_editor_set_line(); called after
 *   @bind and after each change of the document, while an entity is shown
 * @kind: the kind of entity the editor edits
 *
 * The detail pane of one kind of entity. Editors change the document
 * through its API only; their field bindings follow the entity.
 */
struct _TrellisEditorClass
{
  GtkWidgetClass parent_class;

  /* The kind of entity the editor edits; set in class_init. */
  TrellisKind kind;

  void (*unbind)           (TrellisEditor       *self);
  void (*bind)             (TrellisEditor       *self,
                            TrellisDocument     *document,
                            TrellisEntity       *entity);
  void (*document_changed) (TrellisEditor       *self,
                            const TrellisChange *change);
  void (*update_lines)     (TrellisEditor       *self,
                            TrellisDocument     *document,
                            const char          *id);
};

TrellisKind      trellis_editor_get_kind     (TrellisEditor       *self);
TrellisDocument *trellis_editor_get_document (TrellisEditor       *self);
TrellisEntity   *trellis_editor_get_entity   (TrellisEditor       *self);
void             trellis_editor_set_target   (TrellisEditor       *self,
                                              TrellisDocument     *document,
                                              TrellisEntity       *entity);
void             trellis_editor_bind_field   (TrellisEditor       *self,
                                              GtkWidget           *widget,
                                              TrellisField         field,
                                              TrellisBindingKind   kind);
TrellisFieldBinding *
                 trellis_editor_bind_reference (TrellisEditor     *self,
                                              GtkWidget           *widget,
                                              TrellisField         field,
                                              TrellisKind          kind,
                                              const char          *none_label);
void             trellis_editor_focus_first  (TrellisEditor       *self);
void             trellis_editor_set_line     (TrellisEditor       *self,
                                              AdwActionRow        *row,
                                              char                *labels);

/**
 * TrellisEntryCommitFunc:
 * @row: the row
 * @self: the editor
 *
 * Commits what was typed in @row.
 */
typedef void (*TrellisEntryCommitFunc) (AdwEntryRow   *row,
                                        TrellisEditor *self);

GtkWidget       *trellis_editor_entry_row_new (TrellisEditor      *self,
                                              const char          *title,
                                              const char          *text,
                                              TrellisEntryCommitFunc commit);

G_END_DECLS

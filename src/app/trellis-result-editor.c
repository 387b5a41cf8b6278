/* trellis-result-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-result-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-entity-checklist.h"
#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"
#include "trellis-result-editor.h"

/* A result: what customers or the organisation need from the team, the
 * values it serves, and how the team delivers and monitors it. */

struct _TrellisResultEditor
{
  TrellisEditor           parent_instance;

  GtkTextView            *description_view;
  AdwActionRow           *indicators_row;
  AdwEntryRow            *name_row;
  AdwActionRow           *responsibilities_row;
  TrellisEntityChecklist *values_list;
};

G_DEFINE_FINAL_TYPE (TrellisResultEditor, trellis_result_editor, TRELLIS_TYPE_EDITOR)

static void
trellis_result_editor_update_lines (TrellisEditor   *editor,
                                    TrellisDocument *document,
                                    const char      *id)
{
  TrellisResultEditor *self = TRELLIS_RESULT_EDITOR (editor);

  trellis_editor_set_line (editor, self->responsibilities_row,
                           trellis_dup_labels_referencing (document, TRELLIS_KIND_RESPONSIBILITY, TRELLIS_FIELD_RESULT, id));
  trellis_editor_set_line (editor, self->indicators_row,
                           trellis_dup_labels_referencing (document, TRELLIS_KIND_INDICATOR, TRELLIS_FIELD_RESULT, id));
}

static void
trellis_result_editor_bind (TrellisEditor   *editor,
                            TrellisDocument *document,
                            TrellisEntity   *entity)
{
  TrellisResultEditor *self = TRELLIS_RESULT_EDITOR (editor);

  trellis_entity_checklist_set_target (self->values_list, document, entity);
}

static void
trellis_result_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_RESULT_EDITOR);

  G_OBJECT_CLASS (trellis_result_editor_parent_class)->dispose (object);
}

static void
trellis_result_editor_class_init (TrellisResultEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_result_editor_dispose;
  editor_class->bind = trellis_result_editor_bind;
  editor_class->update_lines = trellis_result_editor_update_lines;
  editor_class->kind = TRELLIS_KIND_RESULT;

  g_type_ensure (TRELLIS_TYPE_ENTITY_CHECKLIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-result-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisResultEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisResultEditor, indicators_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisResultEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisResultEditor, responsibilities_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisResultEditor, values_list);
}

static void
trellis_result_editor_init (TrellisResultEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_entity_checklist_set_empty_text (self->values_list,
                                           _("No values yet. Add them in Mission & Values."));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->description_view),
                             TRELLIS_FIELD_DESCRIPTION, TRELLIS_BINDING_TEXT);
}

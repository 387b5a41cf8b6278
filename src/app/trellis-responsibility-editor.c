/* trellis-responsibility-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-responsibility-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-assignment-table.h"
#include "trellis-field-binding.h"
#include "trellis-level-table.h"
#include "trellis-responsibility-editor.h"

/* A responsibility: the result it serves, who is responsible,
 * accountable, consulted and informed with how far the decision is
 * delegated to each role, and the competence it needs. */

struct _TrellisResponsibilityEditor
{
  TrellisEditor           parent_instance;

  TrellisAssignmentTable *assignment_table;
  GtkTextView            *description_view;
  AdwEntryRow            *name_row;
  TrellisLevelTable      *needs_table;
  AdwComboRow            *result_row;
};

G_DEFINE_FINAL_TYPE (TrellisResponsibilityEditor, trellis_responsibility_editor, TRELLIS_TYPE_EDITOR)

static void
trellis_responsibility_editor_bind (TrellisEditor   *editor,
                                    TrellisDocument *document,
                                    TrellisEntity   *entity)
{
  TrellisResponsibilityEditor *self = TRELLIS_RESPONSIBILITY_EDITOR (editor);

  trellis_assignment_table_set_target (self->assignment_table, document,
                                       entity != NULL ? TRELLIS_RESPONSIBILITY (entity) : NULL);
  trellis_level_table_set_target (self->needs_table, document, entity);
}

static void
trellis_responsibility_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_RESPONSIBILITY_EDITOR);

  G_OBJECT_CLASS (trellis_responsibility_editor_parent_class)->dispose (object);
}

static void
trellis_responsibility_editor_class_init (TrellisResponsibilityEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_responsibility_editor_dispose;
  editor_class->bind = trellis_responsibility_editor_bind;
  editor_class->kind = TRELLIS_KIND_RESPONSIBILITY;

  g_type_ensure (TRELLIS_TYPE_ASSIGNMENT_TABLE);
  g_type_ensure (TRELLIS_TYPE_LEVEL_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-responsibility-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsibilityEditor, assignment_table);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsibilityEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsibilityEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsibilityEditor, needs_table);
  gtk_widget_class_bind_template_child (widget_class, TrellisResponsibilityEditor, result_row);
}

static void
trellis_responsibility_editor_init (TrellisResponsibilityEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->result_row),
                                 TRELLIS_FIELD_RESULT, TRELLIS_KIND_RESULT, _("No result yet"));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->description_view),
                             TRELLIS_FIELD_DESCRIPTION, TRELLIS_BINDING_TEXT);
}

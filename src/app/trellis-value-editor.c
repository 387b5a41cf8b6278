/* trellis-value-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-value-editor"

#include "config.h"

#include <adwaita.h>

#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"
#include "trellis-string-list.h"
#include "trellis-value-editor.h"

/* A core value: name, description, the behaviours that show it, and the
 * line of sight to the results and competencies that carry it. */

struct _TrellisValueEditor
{
  TrellisEditor      parent_instance;

  TrellisStringList *behaviours_list;
  GtkTextView       *description_view;
  AdwEntryRow       *name_row;
};

G_DEFINE_FINAL_TYPE (TrellisValueEditor, trellis_value_editor, TRELLIS_TYPE_EDITOR)

static void
trellis_value_editor_bind (TrellisEditor   *editor,
                           TrellisDocument *document,
                           TrellisEntity   *entity)
{
  TrellisValueEditor *self = TRELLIS_VALUE_EDITOR (editor);

  trellis_string_list_set_target (self->behaviours_list, document, entity);
}

static void
trellis_value_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_VALUE_EDITOR);

  G_OBJECT_CLASS (trellis_value_editor_parent_class)->dispose (object);
}

static void
trellis_value_editor_class_init (TrellisValueEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_value_editor_dispose;
  editor_class->bind = trellis_value_editor_bind;
  editor_class->kind = TRELLIS_KIND_VALUE;

  g_type_ensure (TRELLIS_TYPE_STRING_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-value-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisValueEditor, behaviours_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisValueEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisValueEditor, name_row);
}

static void
trellis_value_editor_init (TrellisValueEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->description_view),
                             TRELLIS_FIELD_DESCRIPTION, TRELLIS_BINDING_TEXT);
}

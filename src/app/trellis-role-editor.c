/* trellis-role-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-role-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"
#include "trellis-level-table.h"
#include "trellis-role-editor.h"

/* A role: the competence it requires, its coverage targets, and the
 * responsibilities and people that make it real. */

struct _TrellisRoleEditor
{
  TrellisEditor      parent_instance;

  GtkTextView       *description_view;
  AdwEntryRow       *name_row;
  AdwActionRow      *people_row;
  TrellisLevelTable *requires_table;
  AdwActionRow      *responsibilities_row;
};

G_DEFINE_FINAL_TYPE (TrellisRoleEditor, trellis_role_editor, TRELLIS_TYPE_EDITOR)

static char *
dup_responsibilities (TrellisDocument *document,
                      const char      *role)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint n = trellis_document_get_n_items (document, TRELLIS_KIND_RESPONSIBILITY);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *r = trellis_document_get_item (document, TRELLIS_KIND_RESPONSIBILITY, i);
      const TrellisAssignment *a = trellis_assignments_lookup (trellis_entity_get_array (r, TRELLIS_FIELD_ASSIGNS), role);
      g_autofree char *name = NULL;
      char letters[5];

      if (a == NULL || (a->raci == TRELLIS_RACI_NONE && a->authority == TRELLIS_AUTHORITY_NONE))
        continue;

      name = trellis_entity_dup_label (r);
      if (str->len > 0)
        g_string_append (str, " · ");
      if (a->raci != TRELLIS_RACI_NONE)
        /* Translators: a responsibility and a role's RACI letters in it, e.g. “Handle complaints (R)”. */
        g_string_append_printf (str, _("%s (%s)"), name, trellis_raci_to_string (a->raci, letters));
      else
        g_string_append (str, name);
    }

  return str->len > 0 ? g_string_free (g_steal_pointer (&str), FALSE) : NULL;
}

static void
trellis_role_editor_update_lines (TrellisEditor   *editor,
                                  TrellisDocument *document,
                                  const char      *id)
{
  TrellisRoleEditor *self = TRELLIS_ROLE_EDITOR (editor);

  trellis_editor_set_line (editor, self->responsibilities_row, dup_responsibilities (document, id));
  trellis_editor_set_line (editor, self->people_row, trellis_dup_labels_referencing (document, TRELLIS_KIND_PERSON, TRELLIS_FIELD_ROLES, id));
}

static void
trellis_role_editor_bind (TrellisEditor   *editor,
                          TrellisDocument *document,
                          TrellisEntity   *entity)
{
  TrellisRoleEditor *self = TRELLIS_ROLE_EDITOR (editor);

  trellis_level_table_set_target (self->requires_table, document, entity);
}

static void
trellis_role_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_ROLE_EDITOR);

  G_OBJECT_CLASS (trellis_role_editor_parent_class)->dispose (object);
}

static void
trellis_role_editor_class_init (TrellisRoleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_role_editor_dispose;
  editor_class->bind = trellis_role_editor_bind;
  editor_class->update_lines = trellis_role_editor_update_lines;
  editor_class->kind = TRELLIS_KIND_ROLE;

  g_type_ensure (TRELLIS_TYPE_LEVEL_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-role-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisRoleEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisRoleEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisRoleEditor, people_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisRoleEditor, requires_table);
  gtk_widget_class_bind_template_child (widget_class, TrellisRoleEditor, responsibilities_row);
}

static void
trellis_role_editor_init (TrellisRoleEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->description_view),
                             TRELLIS_FIELD_DESCRIPTION, TRELLIS_BINDING_TEXT);
}

/* trellis-competency-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-competency-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-competency-editor.h"
#include "trellis-entity-checklist.h"
#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"
#include "trellis-pending-edits.h"

/* A competency: name, description, the values it expresses, what each
 * level looks like in behaviour, and who needs it. */

struct _TrellisCompetencyEditor
{
  TrellisEditor           parent_instance;

  GtkTextView            *description_view;
  GtkListBox             *levels_list;
  AdwEntryRow            *name_row;
  AdwActionRow           *responsibilities_row;
  AdwActionRow           *roles_row;
  TrellisEntityChecklist *values_list;

  GPtrArray              *level_rows;
  GPtrArray              *shown_scale;
  gboolean                updating;
};

G_DEFINE_FINAL_TYPE (TrellisCompetencyEditor, trellis_competency_editor, TRELLIS_TYPE_EDITOR)

static void
commit_levels (TrellisCompetencyEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  GPtrArray *texts;

  trellis_pending_edit_remove (self);

  if (document == NULL || entity == NULL)
    return;

  texts = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_LEVELS);

  /* One undo step for what was typed, whichever levels it touched. */
  trellis_document_begin_group (document, _("Change level descriptions"));
  for (guint i = 0; i < self->level_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->level_rows, i);
      gint level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "level"));
      const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
      const char *current = trellis_level_texts_lookup (texts, level);

      if (g_strcmp0 (current != NULL ? current : "", text) != 0)
        trellis_document_set_level_text (document, TRELLIS_COMPETENCY (entity), level,
                                         text[0] != '\0' ? text : NULL);
    }
  trellis_document_end_group (document);
}

static void
flush_pending (gpointer owner)
{
  commit_levels (owner);
}

static void
level_changed_cb (TrellisCompetencyEditor *self)
{
  if (self->updating)
    return;

  trellis_pending_edit_add (GTK_WIDGET (self), self, flush_pending, TRELLIS_PENDING_EDIT_PAUSE_MS, 0);
}

static void
rebuild_levels (TrellisCompetencyEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  GPtrArray *scale = document != NULL ? trellis_document_get_scale (document) : NULL;
  GPtrArray *texts = entity != NULL ? trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_LEVELS) : NULL;
  GtkWidget *child;

  /* Keep the rows, and the focus in them, when only their text changed. */
  if (scale == self->shown_scale && scale != NULL && self->level_rows->len == scale->len)
    {
      self->updating = TRUE;
      for (guint i = 0; i < self->level_rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (self->level_rows, i);
          gint level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "level"));
          const char *text = trellis_level_texts_lookup (texts, level);

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
        }
      self->updating = FALSE;
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->levels_list))) != NULL)
    gtk_list_box_remove (self->levels_list, child);
  g_ptr_array_set_size (self->level_rows, 0);
  g_clear_pointer (&self->shown_scale, g_ptr_array_unref);

  if (scale == NULL)
    return;
  self->shown_scale = g_ptr_array_ref (scale);

  self->updating = TRUE;
  for (guint i = 0; i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);
      const char *text = trellis_level_texts_lookup (texts, level->value);
      GtkWidget *row = adw_entry_row_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();
      g_autofree char *title = NULL;

      /* Translators: a level of the scale: its number and name, e.g. “3 · Proficient”. */
      title = g_strdup_printf (_("%d · %s"), level->value, level->name != NULL ? level->name : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
      gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
      g_object_set_data (G_OBJECT (row), "level", GINT_TO_POINTER (level->value));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (level_changed_cb), self);
      g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (commit_levels), self);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (commit_levels), self);
      gtk_widget_add_controller (row, focus);
      trellis_accessible_tidy (row);

      g_ptr_array_add (self->level_rows, row);
      gtk_list_box_append (self->levels_list, row);
    }
  self->updating = FALSE;
}

static char *
dup_roles_requiring (TrellisDocument *document,
                     const char      *id)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint n = trellis_document_get_n_items (document, TRELLIS_KIND_ROLE);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *role = trellis_document_get_item (document, TRELLIS_KIND_ROLE, i);
      gint level = trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES), id);
      g_autofree char *name = NULL;

      if (level == TRELLIS_LEVEL_NONE)
        continue;

      name = trellis_entity_dup_label (role);
      if (str->len > 0)
        g_string_append (str, " · ");
      /* Translators: a role and the level it requires, e.g. “Service agent (3)”. */
      g_string_append_printf (str, _("%s (%d)"), name, level);
    }

  return str->len > 0 ? g_string_free (g_steal_pointer (&str), FALSE) : NULL;
}

static void
trellis_competency_editor_update_lines (TrellisEditor   *editor,
                                        TrellisDocument *document,
                                        const char      *id)
{
  TrellisCompetencyEditor *self = TRELLIS_COMPETENCY_EDITOR (editor);

  trellis_editor_set_line (editor, self->responsibilities_row,
                           trellis_dup_labels_referencing (document, TRELLIS_KIND_RESPONSIBILITY, TRELLIS_FIELD_NEEDS, id));
  trellis_editor_set_line (editor, self->roles_row, dup_roles_requiring (document, id));
}

static void
trellis_competency_editor_unbind (TrellisEditor *editor)
{
  commit_levels (TRELLIS_COMPETENCY_EDITOR (editor));
}

static void
trellis_competency_editor_bind (TrellisEditor   *editor,
                                TrellisDocument *document,
                                TrellisEntity   *entity)
{
  TrellisCompetencyEditor *self = TRELLIS_COMPETENCY_EDITOR (editor);

  trellis_entity_checklist_set_target (self->values_list, document, entity);
  g_clear_pointer (&self->shown_scale, g_ptr_array_unref);
  rebuild_levels (self);
}

static void
trellis_competency_editor_document_changed (TrellisEditor       *editor,
                                            const TrellisChange *change)
{
  TrellisCompetencyEditor *self = TRELLIS_COMPETENCY_EDITOR (editor);

  if (change->kind == TRELLIS_CHANGE_FIELD &&
      (change->field == TRELLIS_FIELD_SCALE ||
       (change->field == TRELLIS_FIELD_LEVELS && change->entity == trellis_editor_get_entity (editor))))
    rebuild_levels (self);
}

static void
trellis_competency_editor_dispose (GObject *object)
{
  TrellisCompetencyEditor *self = TRELLIS_COMPETENCY_EDITOR (object);

  trellis_pending_edit_remove (self);
  g_clear_pointer (&self->shown_scale, g_ptr_array_unref);
  g_clear_pointer (&self->level_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_COMPETENCY_EDITOR);

  G_OBJECT_CLASS (trellis_competency_editor_parent_class)->dispose (object);
}

static void
trellis_competency_editor_class_init (TrellisCompetencyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_competency_editor_dispose;
  editor_class->unbind = trellis_competency_editor_unbind;
  editor_class->bind = trellis_competency_editor_bind;
  editor_class->document_changed = trellis_competency_editor_document_changed;
  editor_class->update_lines = trellis_competency_editor_update_lines;
  editor_class->kind = TRELLIS_KIND_COMPETENCY;

  g_type_ensure (TRELLIS_TYPE_ENTITY_CHECKLIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-competency-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisCompetencyEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisCompetencyEditor, levels_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisCompetencyEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCompetencyEditor, responsibilities_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCompetencyEditor, roles_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisCompetencyEditor, values_list);
}

static void
trellis_competency_editor_init (TrellisCompetencyEditor *self)
{
  self->level_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_entity_checklist_set_empty_text (self->values_list,
                                           _("No values yet. Add them in Mission & Values."));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->description_view),
                             TRELLIS_FIELD_DESCRIPTION, TRELLIS_BINDING_TEXT);
}

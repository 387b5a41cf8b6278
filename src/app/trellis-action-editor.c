/* trellis-action-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-action-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-action-editor.h"
#include "trellis-date-button.h"
#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"

/* A development action agreed with a person: training, coaching,
 * practice or mentoring in a competency, by a date. */

struct _TrellisActionEditor
{
  TrellisEditor      parent_instance;

  AdwComboRow       *competency_row;
  TrellisDateButton *due_button;
  AdwComboRow       *kind_row;
  GtkTextView       *note_view;
  AdwComboRow       *person_row;
  AdwActionRow      *rhythm_row;
  AdwComboRow       *status_row;
};

G_DEFINE_FINAL_TYPE (TrellisActionEditor, trellis_action_editor, TRELLIS_TYPE_EDITOR)

/* The learning rhythm of the action's person: when they last took a
 * step in growing, this action included once it came due. */
static void
trellis_action_editor_update_lines (TrellisEditor   *editor,
                                    TrellisDocument *document,
                                    const char      *id)
{
  TrellisActionEditor *self = TRELLIS_ACTION_EDITOR (editor);
  TrellisEntity *person = trellis_document_lookup (document, trellis_entity_get_string (trellis_editor_get_entity (editor),
                                                                                      TRELLIS_FIELD_PERSON));
  g_autofree char *rhythm = person != NULL && TRELLIS_IS_PERSON (person)
                            ? trellis_dup_learning_rhythm (document, person, trellis_date_today (), FALSE) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->rhythm_row), rhythm != NULL);
  adw_action_row_set_subtitle (self->rhythm_row, rhythm != NULL ? rhythm : "");
}

static void
trellis_action_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_ACTION_EDITOR);

  G_OBJECT_CLASS (trellis_action_editor_parent_class)->dispose (object);
}

static void
trellis_action_editor_class_init (TrellisActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_action_editor_dispose;
  editor_class->kind = TRELLIS_KIND_ACTION;
  editor_class->update_lines = trellis_action_editor_update_lines;

  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, competency_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, due_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisActionEditor, status_row);
}

static void
trellis_action_editor_init (TrellisActionEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < TRELLIS_N_ACTION_KINDS; i++)
    gtk_string_list_append (kinds, trellis_action_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; i < TRELLIS_N_ACTION_STATUSES; i++)
    gtk_string_list_append (statuses, trellis_action_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->person_row),
                                 TRELLIS_FIELD_PERSON, TRELLIS_KIND_PERSON, _("Nobody yet"));
  trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->competency_row),
                                 TRELLIS_FIELD_COMPETENCY, TRELLIS_KIND_COMPETENCY, _("No competency yet"));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->kind_row),
                             TRELLIS_FIELD_ACTION_KIND, TRELLIS_BINDING_CHOICE);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->status_row),
                             TRELLIS_FIELD_STATUS, TRELLIS_BINDING_CHOICE);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->due_button),
                             TRELLIS_FIELD_DUE, TRELLIS_BINDING_DATE);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->note_view),
                             TRELLIS_FIELD_NOTE, TRELLIS_BINDING_TEXT);
}

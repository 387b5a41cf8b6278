/* trellis-feedback-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-feedback-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trellis-date-button.h"
#include "trellis-feedback-editor.h"
#include "trellis-field-binding.h"

/* A remark a person left on any element of the matrix, with its status
 * and the response, so that the loop is closed. */

struct _TrellisFeedbackEditor
{
  TrellisEditor      parent_instance;

  AdwComboRow       *about_row;
  TrellisDateButton *date_button;
  AdwComboRow       *person_row;
  GtkTextView       *response_view;
  AdwComboRow       *status_row;
  GtkTextView       *text_view;

  TrellisFieldBinding *about;
  GListStore        *kinds;
};

G_DEFINE_FINAL_TYPE (TrellisFeedbackEditor, trellis_feedback_editor, TRELLIS_TYPE_EDITOR)

/* What a remark can be about. */
static const TrellisKind about_kinds[] = {
  TRELLIS_KIND_VALUE, TRELLIS_KIND_RESULT, TRELLIS_KIND_COMPETENCY,
  TRELLIS_KIND_RESPONSIBILITY, TRELLIS_KIND_ROLE, TRELLIS_KIND_INDICATOR,
};

static char *
qualified_label_cb (GObject    *item,
                    const char *none_label)
{
  g_autofree char *label = NULL;

  if (item == NULL || !TRELLIS_IS_ENTITY (item))
    return g_strdup (none_label);

  label = trellis_entity_dup_label (TRELLIS_ENTITY (item));
  /* Translators: what a remark is about: the kind of element, then its name, e.g. “Competency: Active listening”. */
  return g_strdup_printf (_("%s: %s"), trellis_kind_get_label (trellis_entity_get_kind (TRELLIS_ENTITY (item))), label);
}

static void
trellis_feedback_editor_bind (TrellisEditor   *editor,
                              TrellisDocument *document,
                              TrellisEntity   *entity)
{
  TrellisFeedbackEditor *self = TRELLIS_FEEDBACK_EDITOR (editor);
  g_autoptr(GtkFlattenListModel) everything = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  const char *none = _("The matrix as a whole");

  if (document == NULL)
    return;

  /* Every element a remark can be about, rebuilt when the document is another. */
  if (g_object_get_data (G_OBJECT (self->kinds), "document") != document)
    {
      g_list_store_remove_all (self->kinds);
      for (guint i = 0; i < G_N_ELEMENTS (about_kinds); i++)
        g_list_store_append (self->kinds, trellis_document_get_list (document, about_kinds[i]));
      g_object_set_data (G_OBJECT (self->kinds), "document", document);

      everything = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->kinds)));
      trellis_field_binding_set_reference_model (self->about, G_LIST_MODEL (everything), none);
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (qualified_label_cb),
                                                (gpointer) none, NULL);
      adw_combo_row_set_expression (self->about_row, expression);
      trellis_field_binding_set_target (self->about, document, entity);
    }
}

static void
trellis_feedback_editor_dispose (GObject *object)
{
  TrellisFeedbackEditor *self = TRELLIS_FEEDBACK_EDITOR (object);

  g_clear_object (&self->kinds);
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_FEEDBACK_EDITOR);

  G_OBJECT_CLASS (trellis_feedback_editor_parent_class)->dispose (object);
}

static void
trellis_feedback_editor_class_init (TrellisFeedbackEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_feedback_editor_dispose;
  editor_class->bind = trellis_feedback_editor_bind;
  editor_class->kind = TRELLIS_KIND_FEEDBACK;

  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-feedback-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisFeedbackEditor, about_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFeedbackEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisFeedbackEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFeedbackEditor, response_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisFeedbackEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisFeedbackEditor, text_view);
}

static void
trellis_feedback_editor_init (TrellisFeedbackEditor *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = g_list_store_new (G_TYPE_LIST_MODEL);

  for (guint i = 0; i < TRELLIS_N_FEEDBACK_STATUSES; i++)
    gtk_string_list_append (statuses, trellis_feedback_status_get_label (i));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->person_row),
                                 TRELLIS_FIELD_PERSON, TRELLIS_KIND_PERSON, _("Anonymous"));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->text_view),
                             TRELLIS_FIELD_TEXT, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->date_button),
                             TRELLIS_FIELD_DATE, TRELLIS_BINDING_DATE);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->status_row),
                             TRELLIS_FIELD_STATUS, TRELLIS_BINDING_CHOICE);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->response_view),
                             TRELLIS_FIELD_RESPONSE, TRELLIS_BINDING_TEXT);

  /* The about binding gets its choices once the document is known. */
  self->about = trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->about_row),
                                               TRELLIS_FIELD_ABOUT, TRELLIS_KIND_VALUE, _("The matrix as a whole"));
}

/* trellis-person-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-person-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "trellis-assessment-table.h"
#include "trellis-date-button.h"
#include "trellis-entity-checklist.h"
#include "trellis-entity-choices.h"
#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"
#include "trellis-mandate-view.h"
#include "trellis-person-editor.h"
#include "trellis-scale-choices.h"

/* A person: their roles, with whom they share their assessments, and the
 * assessments themselves, every perspective side by side. */

struct _TrellisPersonEditor
{
  TrellisEditor           parent_instance;

  GtkButton              *add_assessment_button;
  TrellisAssessmentTable *assessment_table;
  TrellisMandateView     *mandate_view;
  AdwEntryRow            *name_row;
  AdwComboRow            *new_competency_row;
  TrellisDateButton      *new_date_button;
  AdwComboRow            *new_level_row;
  AdwEntryRow            *new_evidence_row;
  AdwEntryRow            *new_note_row;
  AdwComboRow            *new_source_row;
  GtkSwitch              *new_want_switch;
  AdwActionRow           *privacy_row;
  AdwActionRow           *rhythm_row;
  TrellisEntityChecklist *roles_list;
  AdwComboRow            *share_row;

  GListModel             *competencies;
  GListModel             *competencies_source;   /* held by competencies */
  GSettings              *settings;
  GObject                *share_owner;
  GObject                *scale_owner;
  gulong                  share_id;
  gulong                  scale_id;
};

G_DEFINE_FINAL_TYPE (TrellisPersonEditor, trellis_person_editor, TRELLIS_TYPE_EDITOR)

static const char *
privacy_text (TrellisShare share)
{
  switch (share)
    {
    case TRELLIS_SHARE_PRIVATE:
      return _("Only this person sees their levels by name. Team views and workshop mode show them only inside totals of at least three people.");
    case TRELLIS_SHARE_COACH:
      return _("This person and their coach see the levels by name. The team sees them only inside totals of at least three people.");
    case TRELLIS_SHARE_TEAM:
      return _("The whole team may see this person’s levels by name, in workshop mode too.");
    case TRELLIS_N_SHARES:
    default:
      return "";
    }
}

static void
update_privacy (TrellisPersonEditor *self)
{
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));

  adw_action_row_set_subtitle (self->privacy_row,
                               entity != NULL ? privacy_text (trellis_entity_get_int (entity, TRELLIS_FIELD_SHARE)) : "");
}

static void
rebuild_new_levels (TrellisPersonEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  g_autoptr(GtkStringList) levels = trellis_scale_choices_new (document, NULL);

  adw_combo_row_set_model (self->new_level_row, G_LIST_MODEL (levels));
}

static void
update_new_group (TrellisPersonEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  gboolean possible = document != NULL && trellis_editor_get_entity (TRELLIS_EDITOR (self)) != NULL &&
                      trellis_document_get_n_items (document, TRELLIS_KIND_COMPETENCY) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_assessment_button), possible);
}

static void
add_assessment_cb (TrellisPersonEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *person = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  TrellisEntity *competency;
  TrellisAssessment a = { 0 };
  guint level;
  guint source;

  if (document == NULL || person == NULL || self->competencies == NULL)
    return;

  competency = trellis_entity_choices_get_entity (self->competencies, adw_combo_row_get_selected (self->new_competency_row));
  level = adw_combo_row_get_selected (self->new_level_row);
  source = adw_combo_row_get_selected (self->new_source_row);
  if (competency == NULL || level == GTK_INVALID_LIST_POSITION || source >= TRELLIS_N_SOURCES)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  a.competency = trellis_entity_get_id (competency);
  a.level = trellis_scale_choice_to_level (document, level, FALSE);
  a.want = gtk_switch_get_active (self->new_want_switch);
  a.source = source;
  a.date = trellis_date_button_get_date (self->new_date_button);
  a.note = gtk_editable_get_text (GTK_EDITABLE (self->new_note_row));
  if (a.note[0] == '\0')
    a.note = NULL;
  a.evidence = gtk_editable_get_text (GTK_EDITABLE (self->new_evidence_row));
  if (a.evidence[0] == '\0')
    a.evidence = NULL;

  trellis_document_set_assessment (document, TRELLIS_PERSON (person), &a);

  /* The next one is usually the same perspective on the next competency. */
  gtk_editable_set_text (GTK_EDITABLE (self->new_note_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_evidence_row), "");
  gtk_switch_set_active (self->new_want_switch, FALSE);
  if (adw_combo_row_get_selected (self->new_competency_row) + 1 < g_list_model_get_n_items (self->competencies))
    adw_combo_row_set_selected (self->new_competency_row, adw_combo_row_get_selected (self->new_competency_row) + 1);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "assessment-source", trellis_source_to_string (source));
}

/* Called while the entity and document shown are still alive. */
static void
trellis_person_editor_unbind (TrellisEditor *editor)
{
  TrellisPersonEditor *self = TRELLIS_PERSON_EDITOR (editor);

  if (self->share_owner != NULL)
    g_clear_signal_handler (&self->share_id, self->share_owner);
  if (self->scale_owner != NULL)
    g_clear_signal_handler (&self->scale_id, self->scale_owner);
  self->share_owner = NULL;
  self->scale_owner = NULL;
}

static void
trellis_person_editor_bind (TrellisEditor   *editor,
                            TrellisDocument *document,
                            TrellisEntity   *entity)
{
  TrellisPersonEditor *self = TRELLIS_PERSON_EDITOR (editor);
  GListModel *source;

  trellis_entity_checklist_set_target (self->roles_list, document, entity);
  trellis_assessment_table_set_target (self->assessment_table, document,
                                       entity != NULL ? TRELLIS_PERSON (entity) : NULL);
  trellis_mandate_view_set_target (self->mandate_view, document, entity);

  /* The choices follow the document's list of competencies: the next
   * person of the same document keeps them, and the rows the drop-down
   * has made for them, instead of making them all again. */
  source = document != NULL ? trellis_document_get_list (document, TRELLIS_KIND_COMPETENCY) : NULL;
  if (source != self->competencies_source)
    {
      g_autoptr(GtkExpression) expression = trellis_entity_label_expression_new (NULL);

      g_clear_object (&self->competencies);
      self->competencies_source = source;
      if (source != NULL)
        self->competencies = trellis_entity_choices_new (source, NULL);
      adw_combo_row_set_expression (self->new_competency_row, expression);
      adw_combo_row_set_model (self->new_competency_row, self->competencies);
    }
  else if (self->competencies != NULL && g_list_model_get_n_items (self->competencies) > 0)
    adw_combo_row_set_selected (self->new_competency_row, 0);

  if (document != NULL)
    {
      self->scale_owner = G_OBJECT (trellis_document_get_organisation (document));
      self->scale_id = g_signal_connect_object (self->scale_owner, "notify::scale",
                                                G_CALLBACK (rebuild_new_levels), self, G_CONNECT_SWAPPED);
      rebuild_new_levels (self);
      adw_combo_row_set_selected (self->new_level_row,
                                  trellis_scale_level_to_choice (document, trellis_document_get_scale_min (document), FALSE));
    }

  if (entity != NULL)
    {
      self->share_owner = G_OBJECT (entity);
      self->share_id = g_signal_connect_object (entity, "notify::share", G_CALLBACK (update_privacy),
                                                self, G_CONNECT_SWAPPED);
    }

  update_privacy (self);
  update_new_group (self);
}

static void
trellis_person_editor_document_changed (TrellisEditor       *editor,
                                        const TrellisChange *change)
{
  TrellisPersonEditor *self = TRELLIS_PERSON_EDITOR (editor);

  update_new_group (self);
  /* Roles, assignments and results all change the card. */
  if (change->kind != TRELLIS_CHANGE_ASSESSMENTS)
    trellis_mandate_view_refresh (self->mandate_view);
}

/* When the person last took a step in growing: an assessment, or a
 * development action that came due. */
static void
trellis_person_editor_update_lines (TrellisEditor   *editor,
                                    TrellisDocument *document,
                                    const char      *id)
{
  TrellisPersonEditor *self = TRELLIS_PERSON_EDITOR (editor);
  g_autofree char *rhythm = trellis_dup_learning_rhythm (document, trellis_editor_get_entity (editor),
                                                         trellis_date_today (), FALSE);

  adw_action_row_set_subtitle (self->rhythm_row, rhythm);
}

static void
trellis_person_editor_dispose (GObject *object)
{
  TrellisPersonEditor *self = TRELLIS_PERSON_EDITOR (object);

  trellis_person_editor_unbind (TRELLIS_EDITOR (self));
  g_clear_object (&self->competencies);
  self->competencies_source = NULL;
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_PERSON_EDITOR);

  G_OBJECT_CLASS (trellis_person_editor_parent_class)->dispose (object);
}

static void
trellis_person_editor_class_init (TrellisPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_person_editor_dispose;
  editor_class->unbind = trellis_person_editor_unbind;
  editor_class->bind = trellis_person_editor_bind;
  editor_class->document_changed = trellis_person_editor_document_changed;
  editor_class->update_lines = trellis_person_editor_update_lines;
  editor_class->kind = TRELLIS_KIND_PERSON;

  g_type_ensure (TRELLIS_TYPE_ASSESSMENT_TABLE);
  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);
  g_type_ensure (TRELLIS_TYPE_ENTITY_CHECKLIST);
  g_type_ensure (TRELLIS_TYPE_MANDATE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, add_assessment_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, assessment_table);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, mandate_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_competency_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_date_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_level_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_evidence_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_note_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_source_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, new_want_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, privacy_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, roles_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisPersonEditor, share_row);
  gtk_widget_class_bind_template_callback (widget_class, add_assessment_cb);
}

static void
trellis_person_editor_init (TrellisPersonEditor *self)
{
  g_autoptr(GtkStringList) shares = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sources = gtk_string_list_new (NULL);
  g_autofree char *source = NULL;
  TrellisSource preferred = TRELLIS_SOURCE_AGREED;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < TRELLIS_N_SHARES; i++)
    gtk_string_list_append (shares, trellis_share_get_label (i));
  adw_combo_row_set_model (self->share_row, G_LIST_MODEL (shares));

  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    gtk_string_list_append (sources, trellis_source_get_label (i));
  adw_combo_row_set_model (self->new_source_row, G_LIST_MODEL (sources));

  self->settings = g_settings_new (APP_ID);
  source = g_settings_get_string (self->settings, "assessment-source");
  trellis_source_from_string (source, strlen (source), &preferred);
  adw_combo_row_set_selected (self->new_source_row, preferred);
  trellis_date_button_set_date (self->new_date_button, trellis_date_today ());
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->new_note_row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->new_evidence_row), FALSE);

  trellis_entity_checklist_set_empty_text (self->roles_list, _("No roles yet. Add them in Roles."));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->share_row),
                             TRELLIS_FIELD_SHARE, TRELLIS_BINDING_CHOICE);
}

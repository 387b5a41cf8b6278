/* trellis-indicator-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-indicator-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "trellis-accessible.h"
#include "trellis-date-button.h"
#include "trellis-entity-labels.h"
#include "trellis-field-binding.h"
#include "trellis-indicator-editor.h"
#include "trellis-monitor.h"

/* An indicator: how a result is monitored, its target and review
 * rhythm, the dated measurements, and what each review planned, did,
 * checked and acted on. */

struct _TrellisIndicatorEditor
{
  TrellisEditor   parent_instance;

  GtkButton      *add_review_button;
  GtkTextView    *description_view;
  AdwComboRow    *kind_row;
  GtkListBox     *measurements_list;
  AdwEntryRow    *name_row;
  AdwComboRow    *owner_row;
  AdwComboRow    *result_row;
  GtkListBox     *reviews_list;
  AdwComboRow    *rhythm_row;
  AdwEntryRow    *target_row;
  AdwEntryRow    *unit_row;
  AdwActionRow   *status_row;
  AdwActionRow   *team_rhythm_row;

  GArray         *shown_measurements;
  GPtrArray      *shown_reviews;
  TrellisDate     expanded_review;
  TrellisDateButton *new_date;
  GtkEntry       *new_value;
};

G_DEFINE_FINAL_TYPE (TrellisIndicatorEditor, trellis_indicator_editor, TRELLIS_TYPE_EDITOR)

static void rebuild_measurements (TrellisIndicatorEditor *self);
static void rebuild_reviews (TrellisIndicatorEditor *self);

static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = g_strdup_printf ("%g", value);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);
  if (g_str_equal (unit, "%"))
    return g_strconcat (number, unit, NULL);

  /* Translators: a measured value and its unit, e.g. “4.2 hours”. */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/* Measurements */

static void
remove_measurement_cb (GtkButton              *button,
                       TrellisIndicatorEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  TrellisDate date = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "date"));

  if (document == NULL || entity == NULL)
    return;

  trellis_document_take_array (document, entity, TRELLIS_FIELD_MEASUREMENTS,
                               trellis_measurements_copy_remove (trellis_entity_get_array (entity, TRELLIS_FIELD_MEASUREMENTS), date));
}

static void
add_measurement_cb (TrellisIndicatorEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_value)));
  char *end = NULL;
  double value;

  if (document == NULL || entity == NULL)
    return;

  g_strstrip (text);
  g_strdelimit (text, ",", '.');
  value = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == text || *end != '\0' || !isfinite (value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_value), "error");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->new_value), "error");
  trellis_document_take_array (document, entity, TRELLIS_FIELD_MEASUREMENTS,
                               trellis_measurements_copy_set (trellis_entity_get_array (entity, TRELLIS_FIELD_MEASUREMENTS),
                                                              trellis_date_button_get_date (self->new_date), value));
  gtk_editable_set_text (GTK_EDITABLE (self->new_value), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_value));
}

static void
rebuild_measurements (TrellisIndicatorEditor *self)
{
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  GArray *measurements = entity != NULL ? trellis_entity_get_array (entity, TRELLIS_FIELD_MEASUREMENTS) : NULL;
  const char *unit = entity != NULL ? trellis_entity_get_string (entity, TRELLIS_FIELD_UNIT) : NULL;
  gboolean had_focus = self->new_value != NULL && gtk_widget_has_focus (GTK_WIDGET (self->new_value));
  GtkWidget *child;
  GtkWidget *add_row;
  GtkWidget *add_button;
  GtkWidget *box;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->measurements_list))) != NULL)
    gtk_list_box_remove (self->measurements_list, child);
  g_clear_pointer (&self->shown_measurements, g_array_unref);
  if (measurements != NULL)
    self->shown_measurements = g_array_ref (measurements);

  for (guint i = 0; measurements != NULL && i < measurements->len; i++)
    {
      const TrellisMeasurement *m = &g_array_index (measurements, TrellisMeasurement, i);
      g_autofree char *value = format_value (m->value, unit);
      g_autofree char *date = trellis_date_format_for_display (m->date);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_widget_add_css_class (row, "property");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this measurement"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this measurement"), -1);
      g_object_set_data (G_OBJECT (remove), "date", GUINT_TO_POINTER (m->date));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_measurement_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->measurements_list, row);
    }

  /* The last row adds one: a date and a value. */
  add_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), _("New measurement"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->new_date = TRELLIS_DATE_BUTTON (trellis_date_button_new ());
  trellis_date_button_set_date (self->new_date, trellis_date_today ());
  trellis_date_button_set_accessible_label (self->new_date, _("Date of the new measurement"));
  self->new_value = GTK_ENTRY (gtk_entry_new ());
  /* Translators: the placeholder of the entry for a new measurement of an indicator, e.g. “87”. */
  gtk_entry_set_placeholder_text (self->new_value, C_("measurement", "Value"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->new_value), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_value), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Value of the new measurement"), -1);
  g_signal_connect_swapped (self->new_value, "activate", G_CALLBACK (add_measurement_cb), self);
  add_button = gtk_button_new_with_mnemonic (_("_Add"));
  g_signal_connect_swapped (add_button, "clicked", G_CALLBACK (add_measurement_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->new_date));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->new_value));
  gtk_box_append (GTK_BOX (box), add_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (add_row), box);
  trellis_accessible_tidy (add_row);
  gtk_list_box_append (self->measurements_list, add_row);

  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_value));
}

/* Reviews */

typedef enum
{
  REVIEW_PLAN,
  REVIEW_DO,
  REVIEW_CHECK,
  REVIEW_ACT,
} ReviewPart;

static void
review_part_commit (AdwEntryRow   *row,
                    TrellisEditor *editor)
{
  TrellisIndicatorEditor *self = TRELLIS_INDICATOR_EDITOR (editor);
  TrellisDocument *document = trellis_editor_get_document (editor);
  TrellisEntity *entity = trellis_editor_get_entity (editor);
  TrellisDate date = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "date"));
  ReviewPart part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "part"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  GPtrArray *reviews;
  TrellisReview copy = { 0 };
  const char **slot = NULL;

  if (document == NULL || entity == NULL)
    return;

  reviews = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_REVIEWS);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const TrellisReview *r = g_ptr_array_index (reviews, i);

      if (r->date == date)
        {
          copy = *r;
          break;
        }
    }
  if (copy.date == 0)
    return;

  switch (part)
    {
    case REVIEW_PLAN:  slot = (const char **) &copy.plan; break;
    case REVIEW_DO:    slot = (const char **) &copy.do_; break;
    case REVIEW_CHECK: slot = (const char **) &copy.check; break;
    case REVIEW_ACT:   slot = (const char **) &copy.act; break;
    default:           g_assert_not_reached ();
    }

  if (g_strcmp0 (*slot != NULL ? *slot : "", text) == 0)
    return;

  /* The copy borrows the old strings; reviews_copy_set copies them. */
  *slot = text[0] != '\0' ? text : NULL;
  self->expanded_review = date;
  trellis_document_take_ptr_array (document, entity, TRELLIS_FIELD_REVIEWS,
                                   trellis_reviews_copy_set (reviews, &copy));
}

static void
remove_review_cb (GtkButton              *button,
                  TrellisIndicatorEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  TrellisDate date = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "date"));

  if (document == NULL || entity == NULL)
    return;

  trellis_document_take_ptr_array (document, entity, TRELLIS_FIELD_REVIEWS,
                                   trellis_reviews_copy_remove (trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_REVIEWS), date));
}

static void
add_review_cb (TrellisIndicatorEditor *self)
{
  TrellisDocument *document = trellis_editor_get_document (TRELLIS_EDITOR (self));
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  GPtrArray *reviews;
  TrellisReview review = { .date = trellis_date_today () };

  if (document == NULL || entity == NULL)
    return;

  reviews = trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_REVIEWS);
  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      if (((TrellisReview *) g_ptr_array_index (reviews, i))->date == review.date)
        {
          /* One review a day; today's is already there. */
          self->expanded_review = review.date;
          rebuild_reviews (self);
          return;
        }
    }

  self->expanded_review = review.date;
  trellis_document_take_ptr_array (document, entity, TRELLIS_FIELD_REVIEWS,
                                   trellis_reviews_copy_set (reviews, &review));
}

static GtkWidget *
make_review_part (TrellisIndicatorEditor *self,
                  const char             *title,
                  const char             *text,
                  TrellisDate             date,
                  ReviewPart              part)
{
  GtkWidget *row = trellis_editor_entry_row_new (TRELLIS_EDITOR (self), title, text, review_part_commit);

  g_object_set_data (G_OBJECT (row), "date", GUINT_TO_POINTER (date));
  g_object_set_data (G_OBJECT (row), "part", GUINT_TO_POINTER (part));

  return row;
}

static void
rebuild_reviews (TrellisIndicatorEditor *self)
{
  TrellisEntity *entity = trellis_editor_get_entity (TRELLIS_EDITOR (self));
  GPtrArray *reviews = entity != NULL ? trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_REVIEWS) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->reviews_list))) != NULL)
    gtk_list_box_remove (self->reviews_list, child);
  g_clear_pointer (&self->shown_reviews, g_ptr_array_unref);
  if (reviews != NULL)
    self->shown_reviews = g_ptr_array_ref (reviews);

  if (reviews == NULL || reviews->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No reviews yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->reviews_list, row);
      return;
    }

  for (guint i = reviews->len; i > 0; i--)
    {
      const TrellisReview *r = g_ptr_array_index (reviews, i - 1);
      g_autofree char *title = trellis_date_format_for_display (r->date);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Review"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     r->check != NULL ? r->check : (r->plan != NULL ? r->plan : ""));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_review_part (self, C_("review", "Plan"), r->plan, r->date, REVIEW_PLAN));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_review_part (self, C_("review", "Do"), r->do_, r->date, REVIEW_DO));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_review_part (self, C_("review", "Check"), r->check, r->date, REVIEW_CHECK));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_review_part (self, C_("review", "Act"), r->act, r->date, REVIEW_ACT));

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data (G_OBJECT (remove), "date", GUINT_TO_POINTER (r->date));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_review_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

      if (r->date == self->expanded_review)
        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

      trellis_accessible_tidy (expander);
      gtk_list_box_append (self->reviews_list, expander);
    }
}

static void
trellis_indicator_editor_bind (TrellisEditor   *editor,
                               TrellisDocument *document,
                               TrellisEntity   *entity)
{
  TrellisIndicatorEditor *self = TRELLIS_INDICATOR_EDITOR (editor);

  self->expanded_review = 0;
  rebuild_measurements (self);
  rebuild_reviews (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_review_button), entity != NULL);
}

/* The latest measurement against the target; for a human indicator,
 * the team's learning rhythm (a count, never names) beside it. */
static void
trellis_indicator_editor_update_lines (TrellisEditor   *editor,
                                       TrellisDocument *document,
                                       const char      *id)
{
  TrellisIndicatorEditor *self = TRELLIS_INDICATOR_EDITOR (editor);
  TrellisEntity *entity = trellis_editor_get_entity (editor);
  g_autofree char *status = trellis_dup_indicator_status (entity, FALSE);
  gboolean human = trellis_entity_get_int (entity, TRELLIS_FIELD_INDICATOR_KIND) == TRELLIS_INDICATOR_HUMAN;

  adw_action_row_set_subtitle (self->status_row, status != NULL ? status : _("No measurement yet."));
  if (trellis_indicator_misses_target (entity))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "warning");

  gtk_widget_set_visible (GTK_WIDGET (self->team_rhythm_row), human);
  if (human)
    {
      g_autofree char *rhythm = trellis_dup_team_learning_rhythm (document, trellis_date_today ());

      adw_action_row_set_subtitle (self->team_rhythm_row, rhythm);
    }
}

static void
trellis_indicator_editor_document_changed (TrellisEditor       *editor,
                                           const TrellisChange *change)
{
  TrellisIndicatorEditor *self = TRELLIS_INDICATOR_EDITOR (editor);
  TrellisEntity *entity = trellis_editor_get_entity (editor);

  if (change->kind != TRELLIS_CHANGE_FIELD || change->entity != entity)
    return;

  if ((change->field == TRELLIS_FIELD_MEASUREMENTS &&
       trellis_entity_get_array (entity, TRELLIS_FIELD_MEASUREMENTS) != self->shown_measurements) ||
      change->field == TRELLIS_FIELD_UNIT)
    rebuild_measurements (self);

  if (change->field == TRELLIS_FIELD_REVIEWS &&
      trellis_entity_get_ptr_array (entity, TRELLIS_FIELD_REVIEWS) != self->shown_reviews)
    rebuild_reviews (self);
}

static void
trellis_indicator_editor_dispose (GObject *object)
{
  TrellisIndicatorEditor *self = TRELLIS_INDICATOR_EDITOR (object);

  g_clear_pointer (&self->shown_measurements, g_array_unref);
  g_clear_pointer (&self->shown_reviews, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), TRELLIS_TYPE_INDICATOR_EDITOR);

  G_OBJECT_CLASS (trellis_indicator_editor_parent_class)->dispose (object);
}

static void
trellis_indicator_editor_class_init (TrellisIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TrellisEditorClass *editor_class = TRELLIS_EDITOR_CLASS (klass);

  object_class->dispose = trellis_indicator_editor_dispose;
  editor_class->bind = trellis_indicator_editor_bind;
  editor_class->document_changed = trellis_indicator_editor_document_changed;
  editor_class->update_lines = trellis_indicator_editor_update_lines;
  editor_class->kind = TRELLIS_KIND_INDICATOR;


  g_type_ensure (TRELLIS_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-indicator-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, team_rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, add_review_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, measurements_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, result_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, rhythm_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisIndicatorEditor, unit_row);
  gtk_widget_class_bind_template_callback (widget_class, add_review_cb);
}

static void
trellis_indicator_editor_init (TrellisIndicatorEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rhythms = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < TRELLIS_N_INDICATOR_KINDS; i++)
    gtk_string_list_append (kinds, trellis_indicator_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (guint i = 0; i < TRELLIS_N_RHYTHMS; i++)
    gtk_string_list_append (rhythms, trellis_rhythm_get_label (i));
  adw_combo_row_set_model (self->rhythm_row, G_LIST_MODEL (rhythms));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), _("Human indicators are anonymous team pulses"));

  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->name_row),
                             TRELLIS_FIELD_NAME, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->result_row),
                                 TRELLIS_FIELD_RESULT, TRELLIS_KIND_RESULT, _("No result yet"));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->kind_row),
                             TRELLIS_FIELD_INDICATOR_KIND, TRELLIS_BINDING_CHOICE);
  trellis_editor_bind_reference (TRELLIS_EDITOR (self), GTK_WIDGET (self->owner_row),
                                 TRELLIS_FIELD_OWNER, TRELLIS_KIND_ROLE, _("No owner yet"));
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->description_view),
                             TRELLIS_FIELD_DESCRIPTION, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->target_row),
                             TRELLIS_FIELD_TARGET, TRELLIS_BINDING_NUMBER);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->unit_row),
                             TRELLIS_FIELD_UNIT, TRELLIS_BINDING_TEXT);
  trellis_editor_bind_field (TRELLIS_EDITOR (self), GTK_WIDGET (self->rhythm_row),
                             TRELLIS_FIELD_RHYTHM, TRELLIS_BINDING_CHOICE);
}

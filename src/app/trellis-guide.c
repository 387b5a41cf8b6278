/* trellis-guide.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-guide"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-guide.h"
#include "trellis-report.h"
#include "trellis-personal.h"
#include "trellis-translations.h"

/* The guided self-assessment: what a team member sees when they open
 * their personal file, instead of the facilitator's editor.
 *
 * One competency at a time, with the values it expresses and the results
 * it serves (why it matters), the behavioural description of every level
 * side by side, a level for what they can do today, a mark for wanting
 * to grow, a note and evidence. They may skip, go back, add a competency
 * their roles do not list, and stop at any time: where they are is kept
 * in their file (TrellisProgress), which is saved at every step, so they
 * resume exactly there. At the end a summary in plain words (no score),
 * the sharing choice, and "Save and Hand In".
 *
 * Calm and private: no facilitator's menus, no colours that judge, no
 * numbers that add up to a grade. Everything works by keyboard: Alt+Left
 * and Alt+Right move, the digits choose a level, and the mnemonics reach
 * every button. Each step moves the focus to the levels, whose group is
 * named after the competency, so a screen reader says where one is.
 *
 * Every answer goes through the document's API, so Ctrl+Z undoes it. */

struct _TrellisGuide
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *add_button;
  GMenu           *add_menu;
  GtkLabel        *asked_label;
  GtkWidget       *begin_button;
  AdwPreferencesGroup *below_group;
  GtkWidget       *clear_button;
  GtkLabel        *competency_label;
  GMenu           *content_language_menu;
  GtkLabel        *description_label;
  GtkLabel        *earlier_label;
  AdwEntryRow     *evidence_row;
  AdwPreferencesGroup *grow_group;
  GtkWidget       *hand_in_button;
  GtkWidget       *levels_box;
  GtkButton       *next_button;
  AdwEntryRow     *note_row;
  GtkProgressBar  *progress_bar;
  GtkLabel        *progress_label;
  GtkCheckButton  *share_coach;
  GtkCheckButton  *share_private;
  GtkCheckButton  *share_team;
  GtkWidget       *skip_button;
  AdwPreferencesGroup *skipped_group;
  GtkStack        *stack;
  AdwStatusPage   *start_page;
  GtkScrolledWindow *step_scroller;
  AdwPreferencesGroup *strengths_group;
  AdwWindowTitle  *title;
  GtkCheckButton  *want_check;
  GtkLabel        *why_label;

  /* State */
  TrellisSession  *session;
  TrellisDocument *document;
  char            *language;       /* of the matrix's texts shown; NULL: the original */
  GPtrArray       *steps;          /* TrellisCompetency of the round */
  guint            index;          /* the step shown */
  GPtrArray       *level_buttons;  /* GtkCheckButton per level of the scale */
  GPtrArray       *summary_rows;   /* rows added to the summary's groups */
  guint            updating;       /* filling widgets: their signals change nothing */
  gboolean         save_again;     /* a step was taken while saving */
  gboolean         handing_in;     /* the save under way hands the file in */
  guint            save_source;    /* an answer changed: saved in a moment */
};

G_DEFINE_FINAL_TYPE (TrellisGuide, trellis_guide, GTK_TYPE_WIDGET)

static void save_progress (TrellisGuide *self);
static void show_step (TrellisGuide *self, guint index);
static void show_summary (TrellisGuide *self);

static TrellisPerson *
get_person (TrellisGuide *self)
{
  return self->document != NULL ? trellis_personal_get_person (self->document) : NULL;
}

static TrellisCompetency *
current (TrellisGuide *self)
{
  if (self->steps == NULL || self->index >= self->steps->len)
    return NULL;

  return g_ptr_array_index (self->steps, self->index);
}

static const char *
current_id (TrellisGuide *self)
{
  TrellisCompetency *c = current (self);

  return c != NULL ? trellis_entity_get_id (TRELLIS_ENTITY (c)) : NULL;
}

/* Where the person is, kept in their file. */
static void
set_stage (TrellisGuide      *self,
           TrellisGuideStage  stage,
           const char        *at)
{
  g_autoptr(TrellisProgress) progress = trellis_progress_copy (trellis_document_get_progress (self->document));

  progress->stage = stage;
  g_free (progress->at);
  progress->at = stage == TRELLIS_GUIDE_COMPETENCY ? g_strdup (at) : NULL;
  trellis_document_set_progress (self->document, progress);
}

static void
show_toast (TrellisGuide *self,
            const char   *text)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", text);
}

/* The add-a-competency menu: every competency not in the round. */
static void
fill_add_menu (TrellisGuide *self)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_COMPETENCY);
  guint added = 0;

  g_menu_remove_all (self->add_menu);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *c = trellis_document_get_item (self->document, TRELLIS_KIND_COMPETENCY, i);
      g_autoptr(GMenuItem) item = NULL;

      if (g_ptr_array_find (self->steps, c, NULL))
        continue;

      item = g_menu_item_new (trellis_entity_get_name_in (c, self->language), NULL);
      g_menu_item_set_action_and_target (item, "guide.add", "s", trellis_entity_get_id (c));
      g_menu_append_item (self->add_menu, item);
      added++;
    }

  gtk_widget_set_sensitive (self->add_button, added > 0);
}

static void
reload_steps (TrellisGuide *self)
{
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  self->steps = trellis_personal_dup_steps (self->document);
  fill_add_menu (self);
}

/* One step */

static char *
level_label (TrellisGuide *self,
             gint          level)
{
  const char *name = trellis_document_get_level_name_in (self->document, level, self->language);

  /* Translators: a level and its name, e.g. “2 · Independent”. */
  return name != NULL && name[0] != '\0' ? g_strdup_printf (_("%d · %s"), level, name) : g_strdup_printf ("%d", level);
}

/* What a level looks like in behaviour: the competency's own words,
 * else the scale's. */
static const char *
level_description (TrellisGuide      *self,
                   TrellisCompetency *competency,
                   const TrellisScaleLevel *level)
{
  const char *text = trellis_entity_get_text (TRELLIS_ENTITY (competency), TRELLIS_TEXT_LEVEL, level->value,
                                              self->language);

  if (text != NULL && text[0] != '\0')
    return text;

  text = trellis_entity_get_text (TRELLIS_ENTITY (trellis_document_get_organisation (self->document)),
                                  TRELLIS_TEXT_SCALE_DESCRIPTION, level->value, self->language);
  return text != NULL ? text : "";
}

static void level_toggled_cb (GtkCheckButton *button, TrellisGuide *self);

static void
fill_levels (TrellisGuide      *self,
             TrellisCompetency *competency,
             gint               chosen)
{
  GPtrArray *scale = trellis_document_get_scale (self->document);
  GtkWidget *child;
  GtkCheckButton *group = NULL;

  while ((child = gtk_widget_get_first_child (self->levels_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->levels_box), child);
  g_ptr_array_set_size (self->level_buttons, 0);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);
      const char *text = level_description (self, competency, level);
      g_autofree char *name = level_label (self, level->value);
      g_autofree char *accessible = NULL;
      /* One of a group: a radio button to a screen reader (GTK 4.8 says
       * check box of every check button). */
      GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (name);
      GtkWidget *body = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "heading");
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_yalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (body), GTK_NATURAL_WRAP_WORD);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), body);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "card");
      gtk_widget_add_css_class (button, "guide-level");

      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
      else
        group = GTK_CHECK_BUTTON (button);

      /* Translators: what a screen reader says of a level: its number
       * and name, then its behavioural description. */
      accessible = text[0] != '\0' ? g_strdup_printf (_("%s: %s"), name, text) : g_strdup (name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button), level->value == chosen);
      g_object_set_data (G_OBJECT (button), "level", GINT_TO_POINTER (level->value));
      g_signal_connect (button, "toggled", G_CALLBACK (level_toggled_cb), self);

      gtk_box_append (GTK_BOX (self->levels_box), button);
      g_ptr_array_add (self->level_buttons, button);
    }
}

/* Why the competency matters: the values it expresses, the results it
 * serves. */
static char *
dup_why (TrellisGuide      *self,
         TrellisCompetency *competency)
{
  const char **values = trellis_entity_get_strv (TRELLIS_ENTITY (competency), TRELLIS_FIELD_VALUES);
  g_autoptr(GPtrArray) results = trellis_personal_dup_results (self->document, competency);
  g_autoptr(GString) names = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      TrellisEntity *value = trellis_document_lookup (self->document, values[i]);
      g_autofree char *escaped = NULL;

      if (value == NULL)
        continue;
      escaped = g_markup_escape_text (trellis_entity_get_name_in (value, self->language), -1);
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, escaped);
    }
  if (names->len > 0)
    /* Translators: %s is a list of values, in bold. */
    g_string_append_printf (out, _("It expresses <b>%s</b>."), names->str);

  g_string_truncate (names, 0);
  for (guint i = 0; i < results->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (trellis_entity_get_name_in (g_ptr_array_index (results, i),
                                                                                  self->language), -1);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, escaped);
    }
  if (names->len > 0)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      /* Translators: %s is a list of results the team delivers, in bold. */
      g_string_append_printf (out, _("It serves <b>%s</b>."), names->str);
    }

  return g_string_free (out, FALSE);
}

/* The parts of a step that follow the answer. */
static void
update_answer (TrellisGuide *self)
{
  TrellisCompetency *competency = current (self);
  TrellisAssessment answer = { 0 };
  gboolean answered;

  if (competency == NULL)
    return;

  answered = trellis_personal_get_answer (self->document, competency, &answer);

  self->updating++;
  for (guint i = 0; i < self->level_buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->level_buttons, i);
      gint level = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "level"));

      gtk_check_button_set_active (button, answered && level == answer.level);
    }
  gtk_check_button_set_active (self->want_check, answered && answer.want);
  self->updating--;

  /* A wish, a note and evidence belong to an answer. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->want_check), answered);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_row), answered);
  gtk_widget_set_sensitive (GTK_WIDGET (self->evidence_row), answered);
  gtk_widget_set_visible (self->clear_button, answered);
  gtk_widget_set_visible (self->skip_button, !answered);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->want_check),
                               answered ? NULL : _("Choose a level first"));
}

static void
update_progress (TrellisGuide *self)
{
  guint answered = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->steps->len; i++)
    answered += trellis_personal_get_answer (self->document, g_ptr_array_index (self->steps, i), NULL) ? 1 : 0;

  /* Translators: progress through a self-assessment, e.g. “Competency 3
   * of 12 · 2 answered”. */
  text = g_strdup_printf (ngettext ("Competency %u of %u · %u answered", "Competency %u of %u · %u answered", answered),
                          self->index + 1, self->steps->len, answered);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->steps->len > 0 ? (double) answered / self->steps->len : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->levels_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
fill_step (TrellisGuide *self)
{
  TrellisCompetency *competency = current (self);
  TrellisEntity *entity = TRELLIS_ENTITY (competency);
  const char *description = trellis_entity_get_text (entity, TRELLIS_TEXT_DESCRIPTION, 0, self->language);
  gint asked = trellis_personal_get_required (self->document, competency);
  TrellisAssessment answer = { 0 };
  TrellisAssessment earlier;
  g_autofree char *why = dup_why (self, competency);
  g_autofree char *asked_text = NULL;
  g_autofree char *group_label = NULL;

  trellis_personal_get_answer (self->document, competency, &answer);

  gtk_label_set_label (self->competency_label, trellis_entity_get_name_in (entity, self->language));
  gtk_label_set_label (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && description[0] != '\0');
  gtk_label_set_markup (self->why_label, why);
  gtk_widget_set_visible (GTK_WIDGET (self->why_label), why[0] != '\0');

  /* Translators: the name of the group of levels, for screen readers;
   * %s is a competency. */
  group_label = g_strdup_printf (_("What I can do today in %s"), trellis_entity_get_name_in (entity, self->language));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->levels_box), GTK_ACCESSIBLE_PROPERTY_LABEL, group_label, -1);

  self->updating++;
  fill_levels (self, competency, TRELLIS_LEVEL_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), answer.note != NULL ? answer.note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_row), answer.evidence != NULL ? answer.evidence : "");
  self->updating--;

  if (asked != TRELLIS_LEVEL_NONE)
    {
      g_autofree char *level = level_label (self, asked);

      /* Translators: %s is a level with its name, e.g. “3 · Proficient”. */
      asked_text = g_strdup_printf (_("Your role asks for level %s."), level);
    }
  else
    asked_text = g_strdup (_("Your role does not list this one: you added it yourself."));
  gtk_label_set_label (self->asked_label, asked_text);

  if (trellis_personal_get_earlier (self->document, competency, &earlier))
    {
      g_autofree char *level = level_label (self, earlier.level);
      g_autofree char *when = trellis_date_dup_long (earlier.date);
      g_autofree char *text = NULL;

      /* Translators: the first %s is a date, the second a level with its name. */
      text = g_strdup_printf (_("Last time, on %s, you chose %s."), when, level);
      gtk_label_set_label (self->earlier_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->earlier_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->earlier_label), FALSE);

  gtk_button_set_label (self->next_button,
                        self->index + 1 < self->steps->len ? _("_Next") : _("See _Summary"));

  update_answer (self);
  update_progress (self);
}

/* Focus on the levels: the one chosen, else the first. */
static void
focus_levels (TrellisGuide *self)
{
  GtkWidget *target = NULL;

  for (guint i = 0; i < self->level_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->level_buttons, i);

      if (target == NULL || gtk_check_button_get_active (GTK_CHECK_BUTTON (button)))
        target = button;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)))
        break;
    }

  if (target != NULL)
    gtk_widget_grab_focus (target);
}

/* Keeps the note and evidence typed on this step. */
static void
commit_texts (TrellisGuide *self)
{
  TrellisCompetency *competency = current (self);
  TrellisAssessment answer;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  const char *evidence = gtk_editable_get_text (GTK_EDITABLE (self->evidence_row));

  if (competency == NULL || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "step") ||
      !trellis_personal_get_answer (self->document, competency, &answer))
    return;

  if (g_strcmp0 (answer.note != NULL ? answer.note : "", note) == 0 &&
      g_strcmp0 (answer.evidence != NULL ? answer.evidence : "", evidence) == 0)
    return;

  answer.note = note[0] != '\0' ? note : NULL;
  answer.evidence = evidence[0] != '\0' ? evidence : NULL;
  trellis_document_set_assessment (self->document, get_person (self), &answer);
}

static void
show_step (TrellisGuide *self,
           guint         index)
{
  if (self->steps->len == 0)
    {
      show_summary (self);
      return;
    }

  /* Out of the note first: it may become insensitive, which a focused
   * text does not take well. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->next_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->next_button));

  self->index = MIN (index, self->steps->len - 1);
  fill_step (self);
  gtk_stack_set_visible_child_name (self->stack, "step");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->step_scroller), 0);
  focus_levels (self);
}

/* Going from one place to the next */

static void
go_to_step (TrellisGuide *self,
            guint         index)
{
  commit_texts (self);
  show_step (self, index);
  set_stage (self, TRELLIS_GUIDE_COMPETENCY, current_id (self));
  save_progress (self);
}

static void
go_to_summary (TrellisGuide *self)
{
  commit_texts (self);
  show_summary (self);
  set_stage (self, TRELLIS_GUIDE_SUMMARY, NULL);
  save_progress (self);
}

static void
begin_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);

  if (self->steps->len == 0)
    go_to_summary (self);
  else
    go_to_step (self, 0);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "step"))
    return;

  if (self->index + 1 < self->steps->len)
    go_to_step (self, self->index + 1);
  else
    go_to_summary (self);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_str_equal (page, "summary") && self->steps->len > 0)
    go_to_step (self, self->steps->len - 1);
  else if (g_str_equal (page, "step") && self->index > 0)
    go_to_step (self, self->index - 1);
  else if (g_str_equal (page, "step"))
    {
      commit_texts (self);
      gtk_stack_set_visible_child_name (self->stack, "start");
      set_stage (self, TRELLIS_GUIDE_START, NULL);
      save_progress (self);
      gtk_widget_grab_focus (self->begin_button);
    }
}

/* Goes to a competency of the round, by id (from the summary). */
static void
go_action_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);
  TrellisEntity *competency = trellis_document_lookup (self->document, g_variant_get_string (param, NULL));
  guint index;

  if (competency != NULL && g_ptr_array_find (self->steps, competency, &index))
    go_to_step (self, index);
}

/* A competency the person's roles do not list, added to the round. */
static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);
  const char *id = g_variant_get_string (param, NULL);
  g_autoptr(TrellisProgress) progress = trellis_progress_copy (trellis_document_get_progress (self->document));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  TrellisEntity *competency = trellis_document_lookup (self->document, id);
  guint index;

  if (competency == NULL || !TRELLIS_IS_COMPETENCY (competency))
    return;

  commit_texts (self);
  if (progress->added != NULL)
    g_strv_builder_addv (builder, (const char **) progress->added);
  g_strv_builder_add (builder, id);
  g_strfreev (progress->added);
  progress->added = g_strv_builder_end (builder);
  trellis_document_set_progress (self->document, progress);

  reload_steps (self);
  if (g_ptr_array_find (self->steps, competency, &index))
    go_to_step (self, index);
}

/* Answering */

static void
set_level (TrellisGuide *self,
           gint          level)
{
  TrellisCompetency *competency = current (self);
  TrellisDate round;

  if (competency == NULL || !trellis_document_level_in_scale (self->document, level))
    return;

  round = trellis_personal_begin_round (self->document);
  trellis_document_set_assessed_level (self->document, get_person (self),
                                       trellis_entity_get_id (TRELLIS_ENTITY (competency)),
                                       TRELLIS_SOURCE_SELF, round, level);
}

static void
level_toggled_cb (GtkCheckButton *button,
                  TrellisGuide   *self)
{
  if (self->updating > 0 || !gtk_check_button_get_active (button))
    return;

  set_level (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "level")));
}

/* A digit chooses the level of that number, as in the heatmaps. */
static void
set_level_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "step"))
    return;

  if (!trellis_document_level_in_scale (self->document, g_variant_get_int32 (param)))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  set_level (self, g_variant_get_int32 (param));
  focus_levels (self);
}

static void
clear_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);
  const TrellisProgress *progress = trellis_document_get_progress (self->document);

  if (current (self) == NULL || progress->round == 0)
    return;

  trellis_document_remove_assessment (self->document, get_person (self), current_id (self),
                                      TRELLIS_SOURCE_SELF, progress->round);
  focus_levels (self);
}

static void
want_toggled_cb (TrellisGuide *self)
{
  const TrellisProgress *progress = trellis_document_get_progress (self->document);

  if (self->updating > 0 || current (self) == NULL || progress->round == 0)
    return;

  trellis_document_set_assessed_want (self->document, get_person (self), current_id (self),
                                      TRELLIS_SOURCE_SELF, progress->round,
                                      gtk_check_button_get_active (self->want_check));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  TrellisGuide *self = user_data;

  self->save_source = 0;
  save_progress (self);
  return G_SOURCE_REMOVE;
}

/* An answer changed, here or by undo: show it, and keep it in the file
 * a moment later (several changes in a row are one save). */
static void
document_changed_cb (TrellisGuide        *self,
                     const TrellisChange *change)
{
  if (self->save_source == 0)
    self->save_source = g_timeout_add (300, save_timeout_cb, self);

  if (change->kind == TRELLIS_CHANGE_ASSESSMENTS &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "step") &&
      g_strcmp0 (change->competency, current_id (self)) == 0)
    {
      update_answer (self);
      update_progress (self);
    }
  else if (change->kind == TRELLIS_CHANGE_FIELD && change->field == TRELLIS_FIELD_SHARE &&
           g_str_equal (gtk_stack_get_visible_child_name (self->stack), "summary"))
    show_summary (self);
}

/* The summary */

static void
clear_summary (TrellisGuide *self)
{
  for (guint i = 0; i < self->summary_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->summary_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (g_object_get_data (G_OBJECT (row), "group")), row);
    }
  g_ptr_array_set_size (self->summary_rows, 0);
}

static void
add_summary_row (TrellisGuide        *self,
                 AdwPreferencesGroup *group,
                 TrellisCompetency   *competency,
                 gboolean             answered)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  TrellisAssessment answer;
  gint asked = trellis_personal_get_required (self->document, competency);
  const char *name = trellis_entity_get_name_in (TRELLIS_ENTITY (competency), self->language);
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  if (answered && trellis_personal_get_answer (self->document, competency, &answer))
    {
      g_autofree char *mine = level_label (self, answer.level);

      if (asked != TRELLIS_LEVEL_NONE)
        {
          g_autofree char *theirs = level_label (self, asked);

          /* Translators: the first %s is the level the person chose, the
           * second what their role asks; both with their names. */
          subtitle = g_strdup_printf (_("You chose %s; your role asks for %s."), mine, theirs);
        }
      else
        /* Translators: %s is the level the person chose, with its name. */
        subtitle = g_strdup_printf (_("You chose %s."), mine);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  /* Translators: a button to go back to a competency; %s is its name. */
  description = g_strdup_printf (_("Go to %s"), name);
  button = gtk_button_new_with_label (answered
                                      /* Translators: the self-assessment guide's summary: a button
                                       * to go back and change the answer for a competency (a verb). */
                                      ? _("Change")
                                      /* Translators: the self-assessment guide's summary: a button
                                       * to go back and answer a skipped competency (a verb). */
                                      : _("Answer"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "guide.go");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", trellis_entity_get_id (TRELLIS_ENTITY (competency)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data (G_OBJECT (row), "group", group);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->summary_rows, row);
}

static void
fill_group (TrellisGuide        *self,
            AdwPreferencesGroup *group,
            GPtrArray           *competencies,
            gboolean             answered)
{
  for (guint i = 0; i < competencies->len; i++)
    add_summary_row (self, group, g_ptr_array_index (competencies, i), answered);
  gtk_widget_set_visible (GTK_WIDGET (group), competencies->len > 0);
}

static void
show_summary (TrellisGuide *self)
{
  g_autoptr(TrellisSummary) summary = trellis_personal_summarise (self->document);
  TrellisPerson *person = get_person (self);
  TrellisShare share = trellis_entity_get_int (TRELLIS_ENTITY (person), TRELLIS_FIELD_SHARE);

  clear_summary (self);
  fill_group (self, self->strengths_group, summary->strengths, TRUE);
  fill_group (self, self->below_group, summary->below, TRUE);
  fill_group (self, self->grow_group, summary->grow, TRUE);
  fill_group (self, self->skipped_group, summary->skipped, FALSE);

  self->updating++;
  gtk_check_button_set_active (share == TRELLIS_SHARE_TEAM ? self->share_team :
                               share == TRELLIS_SHARE_COACH ? self->share_coach : self->share_private, TRUE);
  self->updating--;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "summary"))
    {
      gtk_stack_set_visible_child_name (self->stack, "summary");
      gtk_widget_grab_focus (self->hand_in_button);
    }
}

static void
share_toggled_cb (GtkCheckButton *button,
                  TrellisGuide   *self)
{
  TrellisShare share;

  if (self->updating > 0 || !gtk_check_button_get_active (button))
    return;

  share = button == self->share_team ? TRELLIS_SHARE_TEAM :
          button == self->share_coach ? TRELLIS_SHARE_COACH : TRELLIS_SHARE_PRIVATE;
  trellis_document_set_int (self->document, TRELLIS_ENTITY (get_person (self)), TRELLIS_FIELD_SHARE, share);
  save_progress (self);
}

/* Saving at every step, and handing in */

static void hand_in_saved (TrellisGuide *self);

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TrellisGuide) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean handing_in = self->handing_in;

  self->handing_in = FALSE;
  if (!trellis_session_save_finish (TRELLIS_SESSION (object), result, &error))
    {
      g_autofree char *message = NULL;

      if (gtk_widget_in_destruction (GTK_WIDGET (self)) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s says why a file could not be saved. */
      message = g_strdup_printf (_("Your answers could not be saved: %s"), error->message);
      show_toast (self, message);
      return;
    }

  if (self->save_again)
    {
      self->save_again = FALSE;
      save_progress (self);
    }
  if (handing_in)
    hand_in_saved (self);
}

static void
save_progress (TrellisGuide *self)
{
  GFile *file = trellis_document_get_file (self->document);

  if (file == NULL)
    return;

  if (trellis_session_get_saving (self->session))
    {
      self->save_again = TRUE;
      return;
    }

  trellis_session_save_async (self->session, file, save_cb, g_object_ref (self));
}

static void
copy_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TrellisGuide    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GFile *file = trellis_document_get_file (self->document);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GFile) target = g_file_get_child (folder, name);
      g_autofree char *where = g_file_get_parse_name (folder);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      /* A copy keeps the file's permissions: readable by its owner only. */
      if (g_file_copy (file, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        /* Translators: %s is a folder. */
        message = g_strdup_printf (_("A copy of your answers is in ‘%s’"), where);
      else
        /* Translators: %s says why a file could not be copied. */
        message = g_strdup_printf (_("Could not put a copy there: %s"), error->message);
      show_toast (self, message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_folder (TrellisGuide *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  /* In folder mode, so that a mounted share (GVfs) can be chosen. */
  dialog = gtk_file_chooser_native_new (_("Hand In a Copy"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Put a Copy Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (copy_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
hand_in_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TrellisGuide     *self)
{
  if (g_strcmp0 (response, "copy") == 0)
    choose_folder (self);
}

static void
hand_in_saved (TrellisGuide *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_file_get_basename (trellis_document_get_file (self->document));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is the name of the person's file. */
  body = g_strdup_printf (_("They are in ‘%s’, which only you can read. To hand them in, put a copy where the person who gathers them asked, or give them the file."),
                          name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Your Answers Are Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "copy", _("_Choose a Folder…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (hand_in_response_cb), self, 0);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hand_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TrellisGuide *self = TRELLIS_GUIDE (widget);
  g_autoptr(TrellisProgress) progress = trellis_progress_copy (trellis_document_get_progress (self->document));

  if (trellis_document_get_file (self->document) == NULL)
    return;

  progress->handed_in = trellis_date_today ();
  trellis_document_set_progress (self->document, progress);

  if (trellis_session_get_saving (self->session))
    {
      self->save_again = TRUE;
      self->handing_in = TRUE;
      return;
    }

  self->handing_in = TRUE;
  trellis_session_save_async (self->session, trellis_document_get_file (self->document),
                              save_cb, g_object_ref (self));
}

/* The session */

/**
 * trellis_guide_show_progress:
 * @self: a #TrellisGuide
 *
 * Shows where the person stopped: the start, a competency or the
 * summary, as their file says.
 */
void
trellis_guide_show_progress (TrellisGuide *self)
{
  const TrellisProgress *progress;
  TrellisEntity *at;
  guint index = 0;

  g_return_if_fail (TRELLIS_IS_GUIDE (self));

  if (self->document == NULL || (progress = trellis_document_get_progress (self->document)) == NULL)
    return;

  switch (progress->stage)
    {
    case TRELLIS_GUIDE_COMPETENCY:
      at = trellis_document_lookup (self->document, progress->at);
      if (at != NULL)
        g_ptr_array_find (self->steps, at, &index);
      show_step (self, index);
      break;

    case TRELLIS_GUIDE_SUMMARY:
      show_summary (self);
      break;

    case TRELLIS_GUIDE_START:
    case TRELLIS_N_GUIDE_STAGES:
    default:
      gtk_stack_set_visible_child_name (self->stack, "start");
      gtk_widget_grab_focus (self->begin_button);
      break;
    }
}

/**
 * trellis_guide_set_content_language:
 * @self: a #TrellisGuide
 * @language: (nullable): the language to show the matrix's texts in, where
 *   they are translated; %NULL for the original
 *
 * A team member reads their competencies and what each level looks like
 * in the language they choose; what they write stays as they write it.
 */
void
trellis_guide_set_content_language (TrellisGuide *self,
                                    const char   *language)
{
  const char *page;

  g_return_if_fail (TRELLIS_IS_GUIDE (self));

  if (g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  if (self->document == NULL)
    return;

  fill_add_menu (self);
  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "step") == 0)
    {
      commit_texts (self);
      fill_step (self);
    }
  else if (g_strcmp0 (page, "summary") == 0)
    show_summary (self);
}

/**
 * trellis_guide_get_content_language_menu:
 * @self: a #TrellisGuide
 *
 * Returns: (transfer none): the section of the guide's main menu that
 *   holds the choices of the content language
 */
GMenu *
trellis_guide_get_content_language_menu (TrellisGuide *self)
{
  g_return_val_if_fail (TRELLIS_IS_GUIDE (self), NULL);

  return self->content_language_menu;
}

/**
 * trellis_guide_get_page:
 *
 * Returns: "start", "step" or "summary"
 */
const char *
trellis_guide_get_page (TrellisGuide *self)
{
  g_return_val_if_fail (TRELLIS_IS_GUIDE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

static void
set_document (TrellisGuide    *self,
              TrellisDocument *document)
{
  TrellisPerson *person;
  g_autofree char *text = NULL;
  g_autofree char *heading = NULL;
  const char *name;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  if (document == NULL || (person = trellis_personal_get_person (document)) == NULL)
    return;

  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  reload_steps (self);

  name = trellis_entity_get_name (TRELLIS_ENTITY (person));
  adw_window_title_set_subtitle (self->title, name);

  /* Translators: %s is the person's name. */
  heading = g_strdup_printf (_("Hello, %s"), name);
  adw_status_page_set_title (self->start_page, heading);
  /* Translators: the start page of the self-assessment guide; %u is how many competencies the person's
   * role asks for, e.g. 12. */
  text = g_strdup_printf (ngettext ("Your role asks for %u competency. For each, choose what you can do today and mark where you want to grow. Nobody sees your answers until you hand them in, and you choose who may see them. Stop whenever you like: you continue where you left off.",
                                    "Your role asks for %u competencies. For each, choose what you can do today and mark where you want to grow. Nobody sees your answers until you hand them in, and you choose who may see them. Stop whenever you like: you continue where you left off.",
                                    self->steps->len),
                          self->steps->len);
  adw_status_page_set_description (self->start_page, text);
}

/**
 * trellis_guide_set_session:
 * @self: a #TrellisGuide
 * @session: (nullable): the window's file life, whose document is a
 *   personal file
 */
void
trellis_guide_set_session (TrellisGuide   *self,
                           TrellisSession *session)
{
  g_return_if_fail (TRELLIS_IS_GUIDE (self));

  g_set_object (&self->session, session);
  set_document (self, session != NULL ? trellis_session_get_document (session) : NULL);
}

/* GObject */

static void
trellis_guide_dispose (GObject *object)
{
  TrellisGuide *self = TRELLIS_GUIDE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->save_source, g_source_remove);
  set_document (self, NULL);
  g_clear_object (&self->session);
  g_clear_pointer (&self->level_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->summary_rows, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_GUIDE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trellis_guide_parent_class)->dispose (object);
}

static void
trellis_guide_class_init (TrellisGuideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_guide_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-guide.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, add_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, add_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, asked_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, begin_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, below_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, clear_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, competency_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, content_language_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, description_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, earlier_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, grow_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, hand_in_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, levels_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, next_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, note_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, share_coach);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, share_private);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, share_team);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, skip_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, start_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, step_scroller);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, strengths_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, title);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, want_check);
  gtk_widget_class_bind_template_child (widget_class, TrellisGuide, why_label);

  gtk_widget_class_install_action (widget_class, "guide.begin", NULL, begin_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.go", "s", go_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.add", "s", add_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.set-level", "i", set_level_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.clear", NULL, clear_action_cb);
  gtk_widget_class_install_action (widget_class, "guide.hand-in", NULL, hand_in_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "guide.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "guide.back", NULL);
  for (gint i = 0; i <= 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "guide.set-level", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "guide.set-level", "i", i);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "guide");
}

static void
trellis_guide_init (TrellisGuide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->level_buttons = g_ptr_array_new ();
  self->summary_rows = g_ptr_array_new ();

  g_signal_connect_swapped (self->want_check, "toggled", G_CALLBACK (want_toggled_cb), self);
  g_signal_connect (self->share_private, "toggled", G_CALLBACK (share_toggled_cb), self);
  g_signal_connect (self->share_coach, "toggled", G_CALLBACK (share_toggled_cb), self);
  g_signal_connect (self->share_team, "toggled", G_CALLBACK (share_toggled_cb), self);
  trellis_accessible_tidy (GTK_WIDGET (self));
}

GtkWidget *
trellis_guide_new (void)
{
  return g_object_new (TRELLIS_TYPE_GUIDE, NULL);
}

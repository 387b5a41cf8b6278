/* trellis-assessment-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-assessment-table"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-assessment-table.h"
#include "trellis-choice-button.h"
#include "trellis-date-button.h"
#include "trellis-scale-choices.h"
#include "trellis-table-util.h"
#include "trellis-widget-util.h"

/* Every assessment of one person, with its history: competency, level,
 * the wish to grow, the perspective (self, peer, coach, agreed), the date,
 * a note and the evidence (a link or what was seen). Level, wish, note
 * and evidence are edited in place; the perspective
 * and date, which together with the competency say which assessment it
 * is, from a popover under them: changing them moves the assessment, as
 * one undoable edit, unless another one already has that place. */

/* One row: a copy of one assessment. */

#define TRELLIS_TYPE_ASSESSMENT_ITEM (trellis_assessment_item_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAssessmentItem, trellis_assessment_item, TRELLIS, ASSESSMENT_ITEM, GObject)

struct _TrellisAssessmentItem
{
  GObject        parent_instance;

  const char    *competency;   /* interned */
  TrellisSource  source;
  TrellisDate    date;
  gint           level;
  gboolean       want;
  char          *note;
  char          *evidence;
};

G_DEFINE_FINAL_TYPE (TrellisAssessmentItem, trellis_assessment_item, G_TYPE_OBJECT)

enum {
  ITEM_CHANGED,
  N_ITEM_SIGNALS
};

static guint item_signals[N_ITEM_SIGNALS];

static void
trellis_assessment_item_finalize (GObject *object)
{
  TrellisAssessmentItem *self = TRELLIS_ASSESSMENT_ITEM (object);

  g_free (self->note);
  g_free (self->evidence);

  G_OBJECT_CLASS (trellis_assessment_item_parent_class)->finalize (object);
}

static void
trellis_assessment_item_class_init (TrellisAssessmentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trellis_assessment_item_finalize;

  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
trellis_assessment_item_init (TrellisAssessmentItem *self)
{
}

static TrellisAssessmentItem *
item_new (const TrellisAssessment *a)
{
  TrellisAssessmentItem *self = g_object_new (TRELLIS_TYPE_ASSESSMENT_ITEM, NULL);

  self->competency = g_intern_string (a->competency);
  self->source = a->source;
  self->date = a->date;
  self->level = a->level;
  self->want = a->want;
  self->note = g_strdup (a->note);
  self->evidence = g_strdup (a->evidence);

  return self;
}

static gboolean
item_same_key (TrellisAssessmentItem   *self,
               const TrellisAssessment *a)
{
  return self->competency == g_intern_string (a->competency) && self->source == a->source && self->date == a->date;
}

static gboolean
item_update (TrellisAssessmentItem   *self,
             const TrellisAssessment *a)
{
  if (item_same_key (self, a) && self->level == a->level && self->want == a->want &&
      g_strcmp0 (self->note, a->note) == 0 && g_strcmp0 (self->evidence, a->evidence) == 0)
    return FALSE;

  self->competency = g_intern_string (a->competency);
  self->source = a->source;
  self->date = a->date;
  self->level = a->level;
  self->want = a->want;
  g_free (self->note);
  self->note = g_strdup (a->note);
  g_free (self->evidence);
  self->evidence = g_strdup (a->evidence);

  return TRUE;
}

/* The table */

struct _TrellisAssessmentTable
{
  GtkWidget        parent_instance;

  GtkWidget       *scroller;
  GtkColumnView   *column_view;
  GListStore      *items;
  GtkStringList   *levels;

  TrellisDocument *document;
  TrellisPerson   *person;
  gulong           changed_id;
  gulong           scale_id;
  guint            fill_source;   /* rows still to come, see refresh() */
};

G_DEFINE_FINAL_TYPE (TrellisAssessmentTable, trellis_assessment_table, GTK_TYPE_WIDGET)

static void
commit (TrellisAssessmentTable *self,
        TrellisAssessmentItem  *item,
        gint                    level,
        gboolean                want,
        const char             *note,
        const char             *evidence)
{
  TrellisAssessment a = {
    .competency = item->competency,
    .level = level,
    .want = want,
    .source = item->source,
    .date = item->date,
    .note = note != NULL && note[0] != '\0' ? note : NULL,
    .evidence = evidence != NULL && evidence[0] != '\0' ? evidence : NULL,
  };

  if (self->document == NULL || self->person == NULL)
    return;

  trellis_document_set_assessment (self->document, self->person, &a);
}

static TrellisAssessmentItem *
widget_item (GtkWidget *widget)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "list-item");

  return list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
}

static gboolean
is_syncing (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "syncing") != NULL;
}

static void
set_syncing (GtkWidget *widget,
             gboolean   syncing)
{
  g_object_set_data (G_OBJECT (widget), "syncing", syncing ? GINT_TO_POINTER (1) : NULL);
}

static char *
dup_competency_label (TrellisAssessmentTable *self,
                      TrellisAssessmentItem  *item)
{
  TrellisEntity *competency = trellis_document_lookup (self->document, item->competency);

  return competency != NULL ? trellis_entity_dup_label (competency) : g_strdup (item->competency);
}

/* Competency */


/* Perspective and date */

static void rekey_changed_cb (GtkWidget              *chooser,
                              GParamSpec             *pspec,
                              TrellisAssessmentTable *self);

static gboolean
has_assessment (TrellisAssessmentTable *self,
                const char             *competency,
                TrellisSource           source,
                TrellisDate             date)
{
  g_autoptr(GArray) assessments = trellis_document_get_assessments (self->document, self->person, competency);

  for (guint i = 0; i < assessments->len; i++)
    {
      const TrellisAssessment *a = &g_array_index (assessments, TrellisAssessment, i);

      if (a->source == source && a->date == date)
        return TRUE;
    }

  return FALSE;
}

/* Moves the assessment of the row to another perspective or date. */
static void
rekey (TrellisAssessmentTable *self,
       GtkWidget              *box,
       TrellisSource           source,
       TrellisDate             date)
{
  TrellisAssessmentItem *item = widget_item (box);
  GtkWidget *menu_button = g_object_get_data (G_OBJECT (box), "key-button");
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;
  TrellisAssessment a;

  if (item == NULL || self->document == NULL || self->person == NULL || source >= TRELLIS_N_SOURCES ||
      (source == item->source && date == item->date))
    return;

  if (has_assessment (self, item->competency, source, date))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                                  _("There is already an assessment from that perspective on that day. Change or delete that one instead."));
      gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
      return;
    }

  /* Removing the old assessment refreshes the row's item, note and
   * evidence included: the new one takes copies. */
  note = g_strdup (item->note);
  evidence = g_strdup (item->evidence);
  a = (TrellisAssessment) {
    .competency = item->competency,
    .level = item->level,
    .want = item->want,
    .source = source,
    .date = date,
    .note = note,
    .evidence = evidence,
  };

  trellis_document_begin_group (self->document, _("Change assessment"));
  trellis_document_remove_assessment (self->document, self->person, a.competency, item->source, item->date);
  trellis_document_set_assessment (self->document, self->person, &a);
  trellis_document_end_group (self->document);

  /* The row may now show another assessment: start again from it. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
}

static void
rekey_changed_cb (GtkWidget              *chooser,
                  GParamSpec             *pspec,
                  TrellisAssessmentTable *self)
{
  GtkWidget *box = g_object_get_data (G_OBJECT (chooser), "box");
  TrellisChoiceButton *source = g_object_get_data (G_OBJECT (box), "source-chooser");
  TrellisDateButton *date = g_object_get_data (G_OBJECT (box), "date-chooser");

  if (is_syncing (box))
    return;

  rekey (self, box, trellis_choice_button_get_selected (source), trellis_date_button_get_date (date));
}

/* Fills the popover from the row when it opens. */
static void
key_popover_show_cb (GtkWidget *popover,
                     GtkWidget *box)
{
  TrellisAssessmentItem *item = widget_item (box);

  if (item == NULL)
    return;

  set_syncing (box, TRUE);
  trellis_choice_button_set_selected (g_object_get_data (G_OBJECT (box), "source-chooser"), item->source);
  trellis_date_button_set_date (g_object_get_data (G_OBJECT (box), "date-chooser"), item->date);
  set_syncing (box, FALSE);
}

/* The popover is made when it first opens: a date chooser holds a
 * calendar, and making one for every row of a person with a hundred
 * assessments stalled showing them. */
static void
create_key_popover_cb (GtkMenuButton *menu_button,
                       gpointer       user_data)
{
  GtkWidget *box = user_data;
  TrellisAssessmentTable *self = g_object_get_data (G_OBJECT (box), "table");
  g_autoptr(GtkStringList) sources = NULL;
  GtkWidget *popover;
  GtkWidget *grid;
  GtkWidget *heading;
  GtkWidget *source_label;
  GtkWidget *date_label;
  GtkWidget *source;
  GtkWidget *date;

  if (gtk_menu_button_get_popover (menu_button) != NULL)
    return;

  sources = gtk_string_list_new (NULL);
  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    gtk_string_list_append (sources, trellis_source_get_label (i));
  source = trellis_choice_button_new (G_LIST_MODEL (sources));
  trellis_choice_button_set_accessible_label (TRELLIS_CHOICE_BUTTON (source), _("Perspective"));
  /* Framed, as a chooser in a popover is, not quiet as in the table. */
  for (GtkWidget *child = gtk_widget_get_first_child (source); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_remove_css_class (child, "flat");
  date = trellis_date_button_new ();
  trellis_date_button_set_accessible_label (TRELLIS_DATE_BUTTON (date), _("Date"));

  popover = gtk_popover_new ();
  grid = gtk_grid_new ();
  heading = gtk_label_new (_("Who assessed, and when"));
  source_label = gtk_label_new_with_mnemonic (_("_Perspective"));
  date_label = gtk_label_new_with_mnemonic (_("_Date"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (source_label), 0);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (source_label), source);
  gtk_label_set_mnemonic_widget (GTK_LABEL (date_label), date);
  gtk_widget_set_hexpand (source, TRUE);
  gtk_widget_set_halign (date, GTK_ALIGN_START);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_grid_attach (GTK_GRID (grid), heading, 0, 0, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), source_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), source, 1, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), date_label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), date, 1, 2, 1, 1);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);

  g_object_set_data (G_OBJECT (box), "source-chooser", source);
  g_object_set_data (G_OBJECT (box), "date-chooser", date);
  g_object_set_data (G_OBJECT (source), "box", box);
  g_object_set_data (G_OBJECT (date), "box", box);
  g_signal_connect (popover, "show", G_CALLBACK (key_popover_show_cb), box);
  g_signal_connect (source, "notify::selected", G_CALLBACK (rekey_changed_cb), self);
  g_signal_connect (date, "notify::date", G_CALLBACK (rekey_changed_cb), self);
  gtk_menu_button_set_popover (menu_button, popover);
}

static void
setup_competency_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     TrellisAssessmentTable   *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *menu_button = gtk_menu_button_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");

  /* The caption is a quiet button opening the popover. */
  gtk_menu_button_set_child (GTK_MENU_BUTTON (menu_button), subtitle);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (menu_button), FALSE);
  gtk_widget_set_halign (menu_button, GTK_ALIGN_START);
  gtk_widget_add_css_class (menu_button, "assessment-key");
  trellis_widget_set_new_tooltip (menu_button, _("Change who assessed, or when"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), create_key_popover_cb, box, NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), menu_button);
  g_object_set_data (G_OBJECT (box), "list-item", list_item);
  g_object_set_data (G_OBJECT (box), "table", self);
  g_object_set_data (G_OBJECT (box), "key-button", menu_button);
  gtk_list_item_set_child (list_item, box);
}

static void
sync_competency (GtkWidget *box)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (box), "list-item");
  TrellisAssessmentTable *self = g_object_get_data (G_OBJECT (box), "table");
  TrellisAssessmentItem *item = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  GtkWidget *menu_button = g_object_get_data (G_OBJECT (box), "key-button");
  TrellisEntity *competency;
  g_autofree char *label = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  GtkWidget *title = gtk_widget_get_first_child (box);

  if (item == NULL || self->document == NULL)
    return;

  competency = trellis_document_lookup (self->document, item->competency);
  label = competency != NULL ? trellis_entity_dup_label (competency) : g_strdup (item->competency);
  date = trellis_date_format_for_display (item->date);

  /* Translators: who assessed and when, e.g. “Coach · 21 November 2026”. */
  subtitle = g_strdup_printf (_("%s · %s"), trellis_source_get_label (item->source), date);
  gtk_label_set_label (GTK_LABEL (title), label);
  gtk_label_set_label (GTK_LABEL (gtk_menu_button_get_child (GTK_MENU_BUTTON (menu_button))), subtitle);

  /* Translators: the accessible name of the button under an assessment,
   * e.g. “Perspective and date of Active listening: Coach · 21 November 2026”. */
  description = g_strdup_printf (_("Perspective and date of %s: %s"), label, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}



/* Level */

static void
level_selected_cb (TrellisChoiceButton    *dropdown,
                   GParamSpec             *pspec,
                   TrellisAssessmentTable *self)
{
  TrellisAssessmentItem *item = widget_item (GTK_WIDGET (dropdown));
  guint selected = trellis_choice_button_get_selected (dropdown);
  gint level;

  if (item == NULL || is_syncing (GTK_WIDGET (dropdown)) || selected == GTK_INVALID_LIST_POSITION)
    return;

  level = trellis_scale_choice_to_level (self->document, selected, FALSE);
  if (level != TRELLIS_LEVEL_NONE && level != item->level)
    commit (self, item, level, item->want, item->note, item->evidence);
}

static void
sync_level (GtkWidget *dropdown)
{
  TrellisAssessmentItem *item = widget_item (dropdown);
  TrellisAssessmentTable *self = g_object_get_data (G_OBJECT (dropdown), "table");
  g_autofree char *competency = NULL;
  g_autofree char *label = NULL;

  if (item == NULL || self->document == NULL)
    return;

  competency = dup_competency_label (self, item);
  /* Translators: the accessible name of a level chooser; %s is a competency. */
  label = g_strdup_printf (_("Level of ‘%s’"), competency);
  trellis_choice_button_set_accessible_label (TRELLIS_CHOICE_BUTTON (dropdown), label);

  set_syncing (dropdown, TRUE);
  trellis_choice_button_set_selected (TRELLIS_CHOICE_BUTTON (dropdown),
                                      trellis_scale_level_to_choice (self->document, item->level, FALSE));
  set_syncing (dropdown, FALSE);
}

static void
setup_level_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TrellisAssessmentTable   *self)
{
  GtkWidget *dropdown = trellis_choice_button_new (G_LIST_MODEL (self->levels));

  g_object_set_data (G_OBJECT (dropdown), "list-item", list_item);
  g_object_set_data (G_OBJECT (dropdown), "table", self);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (level_selected_cb), self);
  gtk_list_item_set_child (list_item, dropdown);
}

/* Want */

static void
want_toggled_cb (GtkCheckButton         *check,
                 TrellisAssessmentTable *self)
{
  TrellisAssessmentItem *item = widget_item (GTK_WIDGET (check));

  if (item == NULL || is_syncing (GTK_WIDGET (check)))
    return;

  commit (self, item, item->level, gtk_check_button_get_active (check), item->note, item->evidence);
}

static void
sync_want (GtkWidget *check)
{
  TrellisAssessmentItem *item = widget_item (check);
  TrellisAssessmentTable *self = g_object_get_data (G_OBJECT (check), "table");
  g_autofree char *competency = NULL;
  g_autofree char *label = NULL;

  if (item == NULL || self->document == NULL)
    return;

  set_syncing (check, TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), item->want);
  set_syncing (check, FALSE);

  competency = dup_competency_label (self, item);
  /* Translators: the accessible name of a check box; %s is a competency. */
  label = g_strdup_printf (_("Wants to grow in %s"), competency);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_want_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TrellisAssessmentTable   *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  trellis_widget_set_new_tooltip (check, _("Wants to grow in it"));
  g_object_set_data (G_OBJECT (check), "list-item", list_item);
  g_object_set_data (G_OBJECT (check), "table", self);
  g_signal_connect (check, "toggled", G_CALLBACK (want_toggled_cb), self);
  gtk_list_item_set_child (list_item, check);
}

/* Note and evidence: a line of text each, committed on Enter and when
 * the focus leaves. */

static const char *
text_of (TrellisAssessmentItem *item,
         gboolean               evidence)
{
  const char *text = evidence ? item->evidence : item->note;

  return text != NULL ? text : "";
}

static void
text_commit (GtkWidget              *entry,
             TrellisAssessmentTable *self)
{
  TrellisAssessmentItem *item = widget_item (entry);
  gboolean evidence = g_object_get_data (G_OBJECT (entry), "evidence") != NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (item == NULL || is_syncing (entry) || g_strcmp0 (text_of (item, evidence), text) == 0)
    return;

  commit (self, item, item->level, item->want, evidence ? item->note : text, evidence ? text : item->evidence);
}

static void
text_activate_cb (GtkEntry               *entry,
                  TrellisAssessmentTable *self)
{
  text_commit (GTK_WIDGET (entry), self);
}

static void
text_leave_cb (GtkEventControllerFocus *controller,
               TrellisAssessmentTable  *self)
{
  text_commit (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), self);
}

static void
sync_text (GtkWidget *entry)
{
  TrellisAssessmentItem *item = widget_item (entry);
  TrellisAssessmentTable *self = g_object_get_data (G_OBJECT (entry), "table");
  gboolean evidence = g_object_get_data (G_OBJECT (entry), "evidence") != NULL;
  g_autofree char *competency = NULL;
  g_autofree char *label = NULL;

  if (item == NULL || self->document == NULL)
    return;

  set_syncing (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text_of (item, evidence));
  set_syncing (entry, FALSE);

  competency = dup_competency_label (self, item);
  if (evidence)
    /* Translators: the accessible name of an evidence field (a link or a short text); %s is a competency. */
    label = g_strdup_printf (_("Evidence for %s"), competency);
  else
    /* Translators: the accessible name of a note field; %s is a competency. */
    label = g_strdup_printf (_("Note on %s"), competency);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_text (GtkListItem            *list_item,
            TrellisAssessmentTable *self,
            gboolean                evidence)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), evidence ? _("A link or what was seen") : _("Note"));
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  g_object_set_data (G_OBJECT (entry), "list-item", list_item);
  g_object_set_data (G_OBJECT (entry), "table", self);
  g_object_set_data (G_OBJECT (entry), "evidence", GINT_TO_POINTER (evidence));
  g_signal_connect (entry, "activate", G_CALLBACK (text_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (text_leave_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_list_item_set_child (list_item, entry);
}

static void
setup_note_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TrellisAssessmentTable   *self)
{
  setup_text (list_item, self, FALSE);
}

static void
setup_evidence_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   TrellisAssessmentTable   *self)
{
  setup_text (list_item, self, TRUE);
}

/* Delete */

static void
delete_clicked_cb (GtkButton              *button,
                   TrellisAssessmentTable *self)
{
  TrellisAssessmentItem *item = widget_item (GTK_WIDGET (button));
  TrellisEntity *competency;
  g_autofree char *label = NULL;

  if (item == NULL || self->document == NULL || self->person == NULL)
    return;

  competency = trellis_document_lookup (self->document, item->competency);
  label = competency != NULL ? trellis_entity_dup_label (competency) : g_strdup (item->competency);
  trellis_document_remove_assessment (self->document, self->person, item->competency, item->source, item->date);

  {
    /* Translators: what was deleted: an assessment on a competency, e.g. “Assessment of Active listening”. */
    g_autofree char *what = g_strdup_printf (_("Assessment of %s"), label);

    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-deleted-toast", "s", what);
  }
}

static void
setup_delete_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TrellisAssessmentTable   *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (button, "flat");
  trellis_widget_set_new_tooltip (button, _("Delete this assessment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete this assessment"), -1);
  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_list_item_set_child (list_item, button);
}

/* Following the item */

static void
item_changed_cb (GtkListItem *list_item)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  void (*sync) (GtkWidget *) = (void (*) (GtkWidget *)) g_object_get_data (G_OBJECT (list_item), "sync");

  if (child != NULL && sync != NULL)
    sync (child);
}

static void
bind_editable (GtkListItem *list_item,
               void       (*sync) (GtkWidget *))
{
  TrellisAssessmentItem *item = gtk_list_item_get_item (list_item);
  gulong id = g_signal_connect_object (item, "changed", G_CALLBACK (item_changed_cb), list_item, G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (list_item), "sync", (gpointer) sync);
  g_object_set_data (G_OBJECT (list_item), "changed-id", GSIZE_TO_POINTER (id));
  sync (gtk_list_item_get_child (list_item));
}

static void
bind_competency_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    TrellisAssessmentTable   *self)
{
  bind_editable (list_item, sync_competency);
}

static void
bind_level_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TrellisAssessmentTable   *self)
{
  bind_editable (list_item, sync_level);
}

static void
bind_want_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TrellisAssessmentTable   *self)
{
  bind_editable (list_item, sync_want);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TrellisAssessmentTable   *self)
{
  bind_editable (list_item, sync_text);
}

static void
bind_nothing_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 TrellisAssessmentTable   *self)
{
}

static void
unbind_editable_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    TrellisAssessmentTable   *self)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "changed-id"));
  gpointer item = gtk_list_item_get_item (list_item);

  if (id != 0 && item != NULL)
    g_signal_handler_disconnect (item, id);
  g_object_set_data (G_OBJECT (list_item), "changed-id", NULL);
}

/* Refreshing */

/* Rows added at once by refresh(); the rest follow when idle. */
#define FILL_CHUNK 8

static void refresh (TrellisAssessmentTable *self);

static gboolean
fill_idle_cb (gpointer user_data)
{
  TrellisAssessmentTable *self = user_data;

  self->fill_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Updates the rows in place where it can: a person's assessments keep
 * their rows, and the focus in them, when only values change, and
 * showing another person reuses the rows instead of building new ones. */
static void
refresh (TrellisAssessmentTable *self)
{
  g_autoptr(GArray) assessments = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint common;

  g_clear_handle_id (&self->fill_source, g_source_remove);

  if (self->document == NULL || self->person == NULL)
    {
      g_list_store_remove_all (self->items);
      return;
    }

  assessments = trellis_document_get_assessments (self->document, self->person, NULL);
  common = MIN (n_items, assessments->len);

  for (guint i = 0; i < common; i++)
    {
      g_autoptr(TrellisAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item_update (item, &g_array_index (assessments, TrellisAssessment, i)))
        g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
    }

  if (n_items > common)
    g_list_store_splice (self->items, common, n_items - common, NULL, 0);
  else if (assessments->len > common)
    {
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
      guint end = MIN (assessments->len, common + FILL_CHUNK);

      /* GTK makes a row of widgets for up to 200 items at once, which
       * for a person with a long history takes longer than a frame may:
       * the rows come a few at a time, one batch each time the window
       * is idle. */
      for (guint i = common; i < end; i++)
        g_ptr_array_add (fresh, item_new (&g_array_index (assessments, TrellisAssessment, i)));
      g_list_store_splice (self->items, common, 0, fresh->pdata, fresh->len);

      if (end < assessments->len)
        self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_idle_cb, self, NULL);
    }
}

static void
document_changed_cb (TrellisAssessmentTable *self,
                     const TrellisChange    *change)
{
  if (change->kind == TRELLIS_CHANGE_ASSESSMENTS && change->entity == TRELLIS_ENTITY (self->person))
    refresh (self);
  else if (change->kind == TRELLIS_CHANGE_REMOVED || change->kind == TRELLIS_CHANGE_INSERTED)
    {
      /* A competency went or came back: its assessments with it. */
      if (TRELLIS_IS_COMPETENCY (change->entity))
        refresh (self);
    }
}

static void
rebuild_levels (TrellisAssessmentTable *self)
{
  guint n;

  trellis_scale_choices_update (self->levels, self->document, NULL);

  /* Show the levels again under their new names. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
    }
}

static GtkColumnViewColumn *
add_column (TrellisAssessmentTable *self,
            const char             *title,
            GCallback               setup,
            GCallback               bind,
            GCallback               unbind)
{
  return trellis_table_add_column (self->column_view, title, setup, bind, unbind, NULL, self);
}

static void
trellis_assessment_table_dispose (GObject *object)
{
  TrellisAssessmentTable *self = TRELLIS_ASSESSMENT_TABLE (object);

  trellis_assessment_table_set_target (self, NULL, NULL);
  g_clear_handle_id (&self->fill_source, g_source_remove);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->items);
  g_clear_object (&self->levels);

  G_OBJECT_CLASS (trellis_assessment_table_parent_class)->dispose (object);
}

static void
trellis_assessment_table_class_init (TrellisAssessmentTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_assessment_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "assessmenttable");
}

static void
trellis_assessment_table_init (TrellisAssessmentTable *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkColumnViewColumn *column;

  self->items = g_list_store_new (TRELLIS_TYPE_ASSESSMENT_ITEM);
  self->levels = gtk_string_list_new (NULL);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (selection))));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessments"),
                                  -1);

  column = add_column (self, _("Competency"), G_CALLBACK (setup_competency_cb), G_CALLBACK (bind_competency_cb),
                       G_CALLBACK (unbind_editable_cb));
  gtk_column_view_column_set_expand (column, TRUE);
  /* The level's name in full, beside the note and evidence that share
   * what is left. */
  column = add_column (self, _("Level"), G_CALLBACK (setup_level_cb), G_CALLBACK (bind_level_cb), G_CALLBACK (unbind_editable_cb));
  gtk_column_view_column_set_fixed_width (column, 190);
  add_column (self, C_("column", "Grow"), G_CALLBACK (setup_want_cb), G_CALLBACK (bind_want_cb), G_CALLBACK (unbind_editable_cb));
  column = add_column (self, _("Note"), G_CALLBACK (setup_note_cb), G_CALLBACK (bind_text_cb), G_CALLBACK (unbind_editable_cb));
  gtk_column_view_column_set_expand (column, TRUE);
  column = add_column (self, _("Evidence"), G_CALLBACK (setup_evidence_cb), G_CALLBACK (bind_text_cb), G_CALLBACK (unbind_editable_cb));
  gtk_column_view_column_set_expand (column, TRUE);
  add_column (self, NULL, G_CALLBACK (setup_delete_cb), G_CALLBACK (bind_nothing_cb), NULL);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->column_view));
  gtk_widget_add_css_class (self->scroller, "card");
  gtk_widget_set_overflow (self->scroller, GTK_OVERFLOW_HIDDEN);
  /* An empty table leaves the focus to the scroller: it speaks for it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scroller),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessments"),
                                  -1);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  trellis_scroller_fit_rows (GTK_SCROLLED_WINDOW (self->scroller), G_LIST_MODEL (self->items), 39, 8);
}

GtkWidget *
trellis_assessment_table_new (void)
{
  return g_object_new (TRELLIS_TYPE_ASSESSMENT_TABLE, NULL);
}

/**
 * trellis_assessment_table_set_target:
 * @self: a #TrellisAssessmentTable
 * @document: (nullable): the document
 * @person: (nullable): the person whose assessments are shown
 */
void
trellis_assessment_table_set_target (TrellisAssessmentTable *self,
                                     TrellisDocument        *document,
                                     TrellisPerson          *person)
{
  g_return_if_fail (TRELLIS_IS_ASSESSMENT_TABLE (self));

  if (self->document != document)
    {
      if (self->document != NULL)
        {
          g_clear_signal_handler (&self->changed_id, self->document);
          g_clear_signal_handler (&self->scale_id, trellis_document_get_organisation (self->document));
        }

      g_set_object (&self->document, document);

      if (document != NULL)
        {
          self->changed_id = g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb),
                                                      self, G_CONNECT_SWAPPED);
          self->scale_id = g_signal_connect_object (trellis_document_get_organisation (document), "notify::scale",
                                                    G_CALLBACK (rebuild_levels), self, G_CONNECT_SWAPPED);
          rebuild_levels (self);
        }
    }

  g_set_object (&self->person, person);
  refresh (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self), person != NULL);
}

/**
 * trellis_assessment_table_get_n_rows:
 *
 * Returns: the number of assessments shown
 */
guint
trellis_assessment_table_get_n_rows (TrellisAssessmentTable *self)
{
  g_return_val_if_fail (TRELLIS_IS_ASSESSMENT_TABLE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

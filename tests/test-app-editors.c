/* test-app-editors.c: every section adds, edits, deletes, and undo brings it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-choice-button.h"
#include "trellis-editor.h"
#include "trellis-test-app.h"

static TrellisApplication *app;

typedef struct
{
  GFile             *file;
  TrellisWindow     *window;
  TrellisDocument   *document;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->file = trellis_test_copy_fixture ("small.trellis");
  f->window = trellis_test_open (app, f->file);
  f->document = trellis_window_get_document (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  trellis_test_close_all (app);
  g_clear_object (&f->file);
}

static TrellisEntityPane *
show_sub_pane (Fixture    *f,
               const char *section,
               guint       number,
               const char *page)
{
  GtkWidget *widget;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", number);
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, section);

  widget = trellis_window_get_section_widget (f->window, section);
  if (page != NULL)
    {
      GtkWidget *stack = trellis_test_find_type (widget, GTK_TYPE_STACK, 0);

      g_assert_nonnull (stack);
      gtk_stack_set_visible_child_name (GTK_STACK (stack), page);
      trellis_test_iterate (300);
      widget = gtk_stack_get_visible_child (GTK_STACK (stack));
    }
  g_assert_true (TRELLIS_IS_ENTITY_PANE (widget));

  return TRELLIS_ENTITY_PANE (widget);
}

static TrellisEntityPane *
show_pane (Fixture    *f,
           const char *section,
           guint       number)
{
  return show_sub_pane (f, section, number, NULL);
}

static void
undo (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  trellis_test_iterate (20);
}

/* Adds an item by typing and Enter, renames it in its editor, deletes it,
 * and brings it back with undo: what every list section must do. */
static void
check_add_edit_delete_undo (Fixture           *f,
                            TrellisEntityPane *pane,
                            TrellisKind        kind)
{
  TrellisEntity *first;
  TrellisEntity *second;
  TrellisEntity *selected;
  GtkWidget *editor;
  GtkWidget *name_row = NULL;
  TrellisField text_field = kind == TRELLIS_KIND_ACTION ? TRELLIS_FIELD_NOTE
                            : kind == TRELLIS_KIND_FEEDBACK ? TRELLIS_FIELD_TEXT
                            : TRELLIS_FIELD_NAME;
  guint n = trellis_document_get_n_items (f->document, kind);

  /* Enter adds, and the next can be typed at once. Adding is the only
   * change: no chooser elsewhere may move along with the list. */
  first = trellis_test_pane_type_and_enter (pane, "First of the workshop");
  g_assert_true (g_str_has_prefix (trellis_document_get_undo_label (f->document), "Add "));
  second = trellis_test_pane_type_and_enter (pane, "Second of the workshop");
  g_assert_true (g_str_has_prefix (trellis_document_get_undo_label (f->document), "Add "));
  g_assert_cmpuint (trellis_document_get_n_items (f->document, kind), ==, n + 2);
  g_assert_true (trellis_document_get_item (f->document, kind, n) == first);
  g_assert_true (trellis_document_get_item (f->document, kind, n + 1) == second);
  g_assert_true (trellis_entity_pane_get_selected (pane) == second);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))));
  g_assert_true (trellis_window_get_unsaved (f->window));

  /* Tab moves on to the editor of what was just added. */
  g_assert_true (trellis_test_press_key (GTK_WIDGET (trellis_entity_pane_get_add_entry (pane)), GDK_KEY_Tab, 0));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (trellis_entity_pane_get_editor (pane, kind))));

  /* Edit it in the editor beside the list: its name, or for actions and
   * feedback the text typed under the list. */
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, kind));
  g_assert_nonnull (editor);
  if (text_field == TRELLIS_FIELD_NAME)
    {
      name_row = trellis_test_find_row (editor, "Name");
      g_assert_nonnull (name_row);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Second of the workshop");
      trellis_test_row_type_and_enter (name_row, "Renamed");
    }
  else
    {
      GtkTextView *view = GTK_TEXT_VIEW (trellis_test_find_type (editor, GTK_TYPE_TEXT_VIEW, 0));

      g_assert_nonnull (view);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Renamed", -1);
      trellis_pending_edits_commit_for (GTK_WIDGET (f->window));
    }
  g_assert_cmpstr (trellis_entity_get_string (second, text_field), ==, "Renamed");

  /* Undo the edit: the field follows. */
  undo (f);
  g_assert_cmpstr (trellis_entity_get_string (second, text_field), ==, "Second of the workshop");
  if (name_row != NULL)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Second of the workshop");

  /* Reorder by keyboard: Alt+Up. */
  gtk_widget_activate_action (GTK_WIDGET (pane), "pane.move", "i", -1);
  trellis_test_iterate (20);
  g_assert_true (trellis_document_get_item (f->document, kind, n) == second);
  undo (f);
  g_assert_true (trellis_document_get_item (f->document, kind, n + 1) == second);

  /* Delete asks nothing; undo brings it back, in its place. */
  g_object_ref (second);
  g_assert_true (trellis_entity_pane_select (pane, second));
  gtk_widget_activate_action (GTK_WIDGET (pane), "pane.delete", NULL);
  trellis_test_iterate (20);
  g_assert_cmpuint (trellis_document_get_n_items (f->document, kind), ==, n + 1);
  g_assert_null (trellis_document_lookup (f->document, trellis_entity_get_id (second)));
  selected = trellis_entity_pane_get_selected (pane);
  g_assert_true (selected != second);

  undo (f);
  g_assert_cmpuint (trellis_document_get_n_items (f->document, kind), ==, n + 2);
  g_assert_true (trellis_document_lookup (f->document, trellis_entity_get_id (second)) == second);
  g_assert_true (trellis_document_get_item (f->document, kind, n + 1) == second);
  g_object_unref (second);

  /* Redo deletes again. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.redo", NULL);
  trellis_test_iterate (20);
  g_assert_cmpuint (trellis_document_get_n_items (f->document, kind), ==, n + 1);
}

static void
test_mission (Fixture       *f,
              gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "mission", 1);
  TrellisOrganisation *organisation = trellis_document_get_organisation (f->document);
  GtkWidget *editor;
  GtkWidget *row;
  GtkTextView *vision = NULL;

  /* The organisation comes first: name, vision, mission. */
  g_assert_true (trellis_entity_pane_select (pane, TRELLIS_ENTITY (organisation)));
  trellis_test_iterate (20);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_ORGANISATION));
  row = trellis_test_find_row (editor, "Name");
  trellis_test_row_type_and_enter (row, "Customer Service North");
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (organisation)), ==, "Customer Service North");

  /* Typing in a text area lands in the document within a second. */
  vision = GTK_TEXT_VIEW (trellis_test_find_type (editor, GTK_TYPE_TEXT_VIEW, 0));
  g_assert_nonnull (vision);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (vision), "Questions answered once, everywhere.", -1);
  trellis_test_wait_until (g_strcmp0 (trellis_entity_get_string (TRELLIS_ENTITY (organisation), TRELLIS_FIELD_VISION),
                                      "Questions answered once, everywhere.") == 0, 1500);
  undo (f);
  g_assert_cmpstr (trellis_entity_get_string (TRELLIS_ENTITY (organisation), TRELLIS_FIELD_VISION),
                   ==, "A world where questions are answered once.");
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (organisation)), ==, "Customer Service North");

  /* Undo flushes what is still being typed, then undoes it. */
  row = trellis_test_find_row (editor, "Name");
  gtk_editable_set_text (GTK_EDITABLE (row), "Half typed");
  undo (f);
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (organisation)), ==, "Customer Service North");

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_VALUE);

  /* Behaviours of a value: Enter in the last row adds the next. */
  {
    TrellisEntity *care = trellis_test_find_named (f->document, TRELLIS_KIND_VALUE, "Care");
    GtkWidget *add_row;

    g_assert_true (trellis_entity_pane_select (pane, care));
    trellis_test_iterate (20);
    editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_VALUE));
    add_row = trellis_test_find_row (editor, "Add a behaviour");
    trellis_test_row_type_and_enter (add_row, "Calls back when promised");
    g_assert_cmpuint (g_strv_length ((char **) trellis_entity_get_strv (care, TRELLIS_FIELD_BEHAVIOURS)), ==, 3);
    g_assert_cmpstr (trellis_entity_get_strv (care, TRELLIS_FIELD_BEHAVIOURS)[2], ==, "Calls back when promised");

    /* The arrow moves it up, as one undoable edit. */
    {
      GtkWidget *last = trellis_test_find_row (editor, "3");
      GtkWidget *up = NULL;

      g_assert_nonnull (last);
      for (guint i = 0; (up = trellis_test_find_type (last, GTK_TYPE_BUTTON, i)) != NULL; i++)
        if (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (up)), "go-up-symbolic") == 0)
          break;
      g_assert_nonnull (up);
      g_signal_emit_by_name (up, "clicked");
      trellis_test_iterate (20);
      g_assert_cmpstr (trellis_entity_get_strv (care, TRELLIS_FIELD_BEHAVIOURS)[1], ==, "Calls back when promised");
      g_assert_cmpuint (g_strv_length ((char **) trellis_entity_get_strv (care, TRELLIS_FIELD_BEHAVIOURS)), ==, 3);
      undo (f);
      g_assert_cmpstr (trellis_entity_get_strv (care, TRELLIS_FIELD_BEHAVIOURS)[2], ==, "Calls back when promised");
    }

    undo (f);
    g_assert_cmpuint (g_strv_length ((char **) trellis_entity_get_strv (care, TRELLIS_FIELD_BEHAVIOURS)), ==, 2);
  }

  /* A level of the scale, through its expander row. */
  {
    GtkWidget *expander;

    g_assert_true (trellis_entity_pane_select (pane, TRELLIS_ENTITY (organisation)));
    trellis_test_iterate (20);
    editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_ORGANISATION));
    expander = trellis_test_find_row (editor, "0 · Not yet");
    g_assert_nonnull (expander);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    trellis_test_iterate (300);
    row = trellis_test_find_row (expander, "Name");
    trellis_test_row_type_and_enter (row, "Not seen yet");
    g_assert_cmpstr (trellis_document_get_level_name (f->document, 0), ==, "Not seen yet");
    undo (f);
    g_assert_cmpstr (trellis_document_get_level_name (f->document, 0), ==, "Not yet");
  }
}

/* The mapped check button labelled @label under @root. */
static GtkWidget *
find_check (GtkWidget  *root,
            const char *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *check = trellis_test_find_type (root, GTK_TYPE_CHECK_BUTTON, i);

      if (check == NULL || g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (check)), label) == 0)
        return check;
    }
}

static void
test_competencies (Fixture       *f,
                   gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "competencies", 3);
  TrellisEntity *competency;
  GtkWidget *editor;
  GtkWidget *row;
  GtkWidget *check;

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_COMPETENCY);

  competency = trellis_test_pane_type_and_enter (pane, "Complaint handling");
  trellis_test_iterate (20);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_COMPETENCY));

  /* The values it expresses: a check per value, named by it. */
  check = find_check (editor, "Ownership");
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  trellis_test_iterate (20);
  g_assert_true (trellis_strv_contains_id (trellis_entity_get_strv (competency, TRELLIS_FIELD_VALUES), "v-own"));
  undo (f);
  g_assert_false (trellis_strv_contains_id (trellis_entity_get_strv (competency, TRELLIS_FIELD_VALUES), "v-own"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* What a level looks like. */
  row = trellis_test_find_row (editor, "3 · Proficient");
  g_assert_nonnull (row);
  trellis_test_row_type_and_enter (row, "Turns an angry customer into a loyal one");
  g_assert_cmpstr (trellis_level_texts_lookup (trellis_entity_get_ptr_array (competency, TRELLIS_FIELD_LEVELS), 3),
                   ==, "Turns an angry customer into a loyal one");
  undo (f);
  g_assert_null (trellis_level_texts_lookup (trellis_entity_get_ptr_array (competency, TRELLIS_FIELD_LEVELS), 3));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
}


static GtkWidget *
nth_mapped (GtkWidget *root,
            GType      type,
            guint      nth)
{
  GtkWidget *widget = trellis_test_find_type (root, type, nth);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_results (Fixture       *f,
              gconstpointer  data)
{
  TrellisEntityPane *pane = show_sub_pane (f, "results", 2, "results");
  TrellisEntity *once = trellis_document_lookup (f->document, "r-once");
  TrellisEntity *complaints = trellis_document_lookup (f->document, "rs-complaints");
  GtkWidget *editor;
  AdwActionRow *row;

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_RESULT);

  /* The line of sight follows the document: what delivers the result. */
  g_assert_true (trellis_entity_pane_select (pane, once));
  trellis_test_iterate (20);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_RESULT));
  row = ADW_ACTION_ROW (trellis_test_find_row (editor, "Responsibilities that deliver it"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Handle complaints");
  trellis_document_set_string (f->document, complaints, TRELLIS_FIELD_RESULT, NULL);
  trellis_test_iterate (20);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "None yet");
  undo (f);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Handle complaints");
}

static void
test_responsibilities (Fixture       *f,
                       gconstpointer  data)
{
  TrellisEntityPane *pane = show_sub_pane (f, "results", 2, "responsibilities");
  TrellisEntity *complaints = trellis_document_lookup (f->document, "rs-complaints");
  GtkWidget *editor;
  GtkWidget *table;
  GtkWidget *toggle;
  const TrellisAssignment *a;

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_RESPONSIBILITY);

  g_assert_true (trellis_entity_pane_select (pane, complaints));
  trellis_test_iterate (100);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_RESPONSIBILITY));

  /* RACI: make the agent Consulted too (the third toggle of the first role). */
  table = trellis_test_find_css (editor, "raci");
  g_assert_nonnull (table);
  toggle = nth_mapped (table, GTK_TYPE_TOGGLE_BUTTON, 2);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  trellis_test_iterate (20);
  a = trellis_assignments_lookup (trellis_entity_get_array (complaints, TRELLIS_FIELD_ASSIGNS), "ro-agent");
  g_assert_nonnull (a);
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_CONSULTED);
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_ADVISE);
  undo (f);
  a = trellis_assignments_lookup (trellis_entity_get_array (complaints, TRELLIS_FIELD_ASSIGNS), "ro-agent");
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_RESPONSIBLE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* The result it serves. */
  {
    GtkWidget *row = trellis_test_find_row (editor, "Serves the result");

    g_assert_nonnull (row);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
    trellis_test_iterate (20);
    g_assert_null (trellis_entity_get_string (complaints, TRELLIS_FIELD_RESULT));
    undo (f);
    g_assert_cmpstr (trellis_entity_get_string (complaints, TRELLIS_FIELD_RESULT), ==, "r-once");
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 1);
  }
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "roles", 4);
  TrellisEntity *agent = trellis_document_lookup (f->document, "ro-agent");
  GtkWidget *editor;
  GtkWidget *dropdown;

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_ROLE);

  g_assert_true (trellis_entity_pane_select (pane, agent));
  trellis_test_iterate (100);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_ROLE));

  /* The first competency, Active listening, is required at 3. */
  dropdown = nth_mapped (editor, TRELLIS_TYPE_CHOICE_BUTTON, 0);
  g_assert_cmpuint (trellis_choice_button_get_selected (TRELLIS_CHOICE_BUTTON (dropdown)), ==, 4);
  trellis_choice_button_set_selected (TRELLIS_CHOICE_BUTTON (dropdown), 5);
  trellis_test_iterate (20);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (agent, TRELLIS_FIELD_REQUIRES), "c-listen"), ==, 4);
  undo (f);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (agent, TRELLIS_FIELD_REQUIRES), "c-listen"), ==, 3);
  g_assert_cmpuint (trellis_choice_button_get_selected (TRELLIS_CHOICE_BUTTON (dropdown)), ==, 4);
}

static gboolean
has_assessment (GArray        *assessments,
                                      TrellisSource  source,
                                      TrellisDate    date)
{
  for (guint i = 0; i < assessments->len; i++)
    {
      const TrellisAssessment *a = &g_array_index (assessments, TrellisAssessment, i);

      if (a->source == source && a->date == date)
        return TRUE;
    }

  return FALSE;
}

static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "people", 5);
  TrellisPerson *anna = TRELLIS_PERSON (trellis_document_lookup (f->document, "p-anna"));
  TrellisEntity *person;
  GtkWidget *editor;
  GtkWidget *button;
  guint n = trellis_document_get_n_assessments (f->document);

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_PERSON);

  /* A new person rates themself on product knowledge. */
  person = trellis_test_pane_type_and_enter (pane, "Chris");
  trellis_test_iterate (100);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_PERSON));
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (editor, "Competency")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (editor, "Level")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (editor, "Perspective")), TRELLIS_SOURCE_SELF);
  button = trellis_test_find_css (editor, "suggested-action");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  trellis_test_iterate (50);
  g_assert_cmpuint (trellis_document_get_n_assessments (f->document), ==, n + 1);
  {
    TrellisAssessment a;

    g_assert_true (trellis_document_get_effective (f->document, TRELLIS_PERSON (person), "c-product", &a));
    g_assert_cmpint (a.level, ==, 2);
    g_assert_cmpint (a.source, ==, TRELLIS_SOURCE_SELF);
  }
  undo (f);
  g_assert_cmpuint (trellis_document_get_n_assessments (f->document), ==, n);

  /* Anna's level, changed in her table: the history stays. */
  g_assert_true (trellis_entity_pane_select (pane, TRELLIS_ENTITY (anna)));
  trellis_test_iterate (100);
  {
    GtkWidget *table = trellis_test_find_type (editor, g_type_from_name ("TrellisAssessmentTable"), 0);
    GtkWidget *level;
    g_autoptr(GArray) before = trellis_document_get_assessments (f->document, anna, "c-listen");

    g_assert_nonnull (table);
    level = nth_mapped (table, TRELLIS_TYPE_CHOICE_BUTTON, 0);
    trellis_choice_button_set_selected (TRELLIS_CHOICE_BUTTON (level), 1);
    trellis_test_iterate (20);
    {
      g_autoptr(GArray) after = trellis_document_get_assessments (f->document, anna, "c-listen");

      g_assert_cmpuint (after->len, ==, before->len);
      g_assert_cmpint (g_array_index (after, TrellisAssessment, 0).level, ==, 1);
    }
    undo (f);
    {
      g_autoptr(GArray) after = trellis_document_get_assessments (f->document, anna, "c-listen");

      g_assert_cmpint (g_array_index (after, TrellisAssessment, 0).level, ==, 2);
    }

    /* Her self-assessment was really the coach's: the popover under it
     * moves it, level and note along, in one undoable edit. */
    {
      GtkWidget *key = trellis_test_find_css (table, "assessment-key");
      GtkWidget *source;
      TrellisAssessment a;
      g_autoptr(GArray) after = NULL;

      g_assert_nonnull (key);
      g_assert_cmpint (g_array_index (before, TrellisAssessment, 0).source, ==, TRELLIS_SOURCE_SELF);
      gtk_menu_button_popup (GTK_MENU_BUTTON (key));
      trellis_test_iterate (100);
      source = trellis_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (key))),
                                       TRELLIS_TYPE_CHOICE_BUTTON, 0);
      g_assert_nonnull (source);
      g_assert_cmpuint (trellis_choice_button_get_selected (TRELLIS_CHOICE_BUTTON (source)), ==, TRELLIS_SOURCE_SELF);
      trellis_choice_button_set_selected (TRELLIS_CHOICE_BUTTON (source), TRELLIS_SOURCE_COACH);
      trellis_test_iterate (100);

      after = trellis_document_get_assessments (f->document, anna, "c-listen");
      g_assert_cmpuint (after->len, ==, before->len);
      g_assert_false (has_assessment (after, TRELLIS_SOURCE_SELF,
                                                            g_array_index (before, TrellisAssessment, 0).date));
      g_assert_true (has_assessment (after, TRELLIS_SOURCE_COACH,
                                                           g_array_index (before, TrellisAssessment, 0).date));
      g_assert_true (trellis_document_get_effective (f->document, anna, "c-listen", &a));
      undo (f);
      g_clear_pointer (&after, g_array_unref);
      after = trellis_document_get_assessments (f->document, anna, "c-listen");
      g_assert_true (has_assessment (after, TRELLIS_SOURCE_SELF,
                                                           g_array_index (before, TrellisAssessment, 0).date));
      g_assert_false (has_assessment (after, TRELLIS_SOURCE_COACH,
                                                            g_array_index (before, TrellisAssessment, 0).date));
    }
  }

  /* Who sees her levels, said in words. */
  {
    GtkWidget *share = trellis_test_find_row (editor, "Shares assessments with");
    GtkWidget *privacy = trellis_test_find_row (editor, "Privacy");

    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (share)), ==, TRELLIS_SHARE_TEAM);
    adw_combo_row_set_selected (ADW_COMBO_ROW (share), TRELLIS_SHARE_PRIVATE);
    trellis_test_iterate (20);
    g_assert_cmpint (trellis_entity_get_int (TRELLIS_ENTITY (anna), TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_PRIVATE);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (privacy)), "three"));
    undo (f);
  }
}

static void
test_monitoring (Fixture       *f,
                 gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "monitoring", 7);
  TrellisEntity *indicator = trellis_document_lookup (f->document, "i-once");
  GtkWidget *editor;
  GtkWidget *row;

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_INDICATOR);

  g_assert_true (trellis_entity_pane_select (pane, indicator));
  trellis_test_iterate (100);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_INDICATOR));

  /* A target typed the Dutch way. */
  row = trellis_test_find_row (editor, "Target");
  trellis_test_row_type_and_enter (row, "82,5");
  g_assert_cmpfloat (trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET), ==, 82.5);
  undo (f);
  g_assert_cmpfloat (trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET), ==, 80);

  /* A measurement. */
  row = trellis_test_find_row (editor, "New measurement");
  g_assert_nonnull (row);
  {
    GtkWidget *entry = nth_mapped (row, GTK_TYPE_ENTRY, 0);

    gtk_editable_set_text (GTK_EDITABLE (entry), "77");
    g_signal_emit_by_name (entry, "activate");
    trellis_test_iterate (20);
    g_assert_cmpuint (trellis_entity_get_array (indicator, TRELLIS_FIELD_MEASUREMENTS)->len, ==, 3);
    undo (f);
    g_assert_cmpuint (trellis_entity_get_array (indicator, TRELLIS_FIELD_MEASUREMENTS)->len, ==, 2);
  }
}

static void
test_development (Fixture       *f,
                  gconstpointer  data)
{
  TrellisEntityPane *pane = show_sub_pane (f, "development", 8, "actions");
  TrellisEntity *action;
  GtkWidget *editor;

  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_ACTION);

  /* Who and what it is for. */
  action = trellis_test_pane_type_and_enter (pane, "Shadow a senior colleague");
  trellis_test_iterate (100);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_ACTION));
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (editor, "Person")), 2);
  trellis_test_iterate (20);
  g_assert_cmpstr (trellis_entity_get_string (action, TRELLIS_FIELD_PERSON), ==, "p-ben");

  pane = show_sub_pane (f, "development", 8, "feedback");
  check_add_edit_delete_undo (f, pane, TRELLIS_KIND_FEEDBACK);
  {
    TrellisEntity *remark = trellis_document_lookup (f->document, "f-1");

    g_assert_true (trellis_entity_pane_select (pane, remark));
    trellis_test_iterate (100);
    editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_FEEDBACK));
    /* About product knowledge: values first, then the result, then the competencies. */
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (trellis_test_find_row (editor, "About"))), ==, 5);
    adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (editor, "Status")), TRELLIS_FEEDBACK_RESOLVED);
    trellis_test_iterate (20);
    g_assert_cmpint (trellis_entity_get_int (remark, TRELLIS_FIELD_STATUS), ==, TRELLIS_FEEDBACK_RESOLVED);
  }
}

/* The competencies a list shows (the values are headings over them). */
static guint
count_competencies (GListModel *model)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      count += TRELLIS_IS_COMPETENCY (item);
    }

  return count;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "competencies", 3);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (trellis_entity_pane_get_list_view (pane)));
  GtkWidget *search = trellis_test_find_type (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY, 0);

  g_assert_cmpuint (count_competencies (model), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "listen");
  trellis_test_wait_until (count_competencies (model) == 1, 2000);

  /* Adding clears the search, so that the new item shows. */
  trellis_test_pane_type_and_enter (pane, "Empathy");
  trellis_test_wait_until (count_competencies (model) == 3, 2000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
}

/* Competencies are listed under the values they express, one that
 * expresses two under both, those that express none last; a search
 * keeps the headings over what it finds. */
static void
test_competencies_by_value (Fixture       *f,
                            gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "competencies", 3);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (trellis_entity_pane_get_list_view (pane)));
  GtkWidget *search = trellis_test_find_type (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY, 0);
  TrellisEntity *listen = trellis_document_lookup (f->document, "c-listen");
  guint n_values = trellis_document_get_n_items (f->document, TRELLIS_KIND_VALUE);
  const char *values[3] = { NULL, NULL, NULL };
  TrellisEntity *loose;
  guint times = 0;
  gint last_heading = -1, loose_at = -1;

  g_assert_nonnull (listen);
  g_assert_cmpuint (n_values, >=, 2);
  values[0] = trellis_entity_get_id (trellis_document_get_item (f->document, TRELLIS_KIND_VALUE, 0));
  values[1] = trellis_entity_get_id (trellis_document_get_item (f->document, TRELLIS_KIND_VALUE, 1));
  trellis_document_set_strv (f->document, listen, TRELLIS_FIELD_VALUES, values);
  loose = trellis_test_pane_type_and_enter (pane, "Without a value");
  trellis_test_iterate (50);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == (GObject *) listen)
        times++;
      if (!TRELLIS_IS_COMPETENCY (item))
        last_heading = i;
      if (item == (GObject *) loose)
        loose_at = i;
    }
  g_assert_cmpuint (times, ==, 2);
  g_assert_cmpint (loose_at, ==, last_heading + 1);
  g_assert_true (trellis_entity_pane_get_selected (pane) == loose);

  /* Selecting is of competencies only. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  trellis_test_iterate (20);
  g_assert_true (TRELLIS_IS_COMPETENCY (trellis_entity_pane_get_selected (pane)));

  gtk_editable_set_text (GTK_EDITABLE (search), "listen");
  trellis_test_wait_until (count_competencies (model) == 2, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add ("/trellis/app/editors/mission", Fixture, NULL, fixture_set_up, test_mission, fixture_tear_down);
  g_test_add ("/trellis/app/editors/competencies", Fixture, NULL, fixture_set_up, test_competencies, fixture_tear_down);
  g_test_add ("/trellis/app/editors/results", Fixture, NULL, fixture_set_up, test_results, fixture_tear_down);
  g_test_add ("/trellis/app/editors/responsibilities", Fixture, NULL, fixture_set_up, test_responsibilities, fixture_tear_down);
  g_test_add ("/trellis/app/editors/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  g_test_add ("/trellis/app/editors/people", Fixture, NULL, fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/trellis/app/editors/monitoring", Fixture, NULL, fixture_set_up, test_monitoring, fixture_tear_down);
  g_test_add ("/trellis/app/editors/development", Fixture, NULL, fixture_set_up, test_development, fixture_tear_down);
  g_test_add ("/trellis/app/editors/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/trellis/app/editors/competencies-by-value", Fixture, NULL, fixture_set_up, test_competencies_by_value,
              fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

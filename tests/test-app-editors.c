/* test-app-editors.c: every section adds, edits, deletes, and undo brings it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
show_pane (Fixture    *f,
           const char *section,
           guint       number)
{
  GtkWidget *widget;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", number);
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, section);

  widget = trellis_window_get_section_widget (f->window, section);
  if (GTK_IS_STACK (widget))
    widget = gtk_stack_get_visible_child (GTK_STACK (widget));
  g_assert_true (TRELLIS_IS_ENTITY_PANE (widget));

  return TRELLIS_ENTITY_PANE (widget);
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
  GtkWidget *name_row;
  guint n = trellis_document_get_n_items (f->document, kind);

  /* Enter adds, and the next can be typed at once. */
  first = trellis_test_pane_type_and_enter (pane, "First of the workshop");
  second = trellis_test_pane_type_and_enter (pane, "Second of the workshop");
  g_assert_cmpuint (trellis_document_get_n_items (f->document, kind), ==, n + 2);
  g_assert_true (trellis_document_get_item (f->document, kind, n) == first);
  g_assert_true (trellis_document_get_item (f->document, kind, n + 1) == second);
  g_assert_true (trellis_entity_pane_get_selected (pane) == second);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))));
  g_assert_true (trellis_window_get_unsaved (f->window));

  /* Edit the name in the editor beside the list. */
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, kind));
  g_assert_nonnull (editor);
  name_row = trellis_test_find_row (editor, "Name");
  g_assert_nonnull (name_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Second of the workshop");
  trellis_test_row_type_and_enter (name_row, "Renamed");
  g_assert_cmpstr (trellis_entity_get_name (second), ==, "Renamed");

  /* Undo the rename: the field follows. */
  undo (f);
  g_assert_cmpstr (trellis_entity_get_name (second), ==, "Second of the workshop");
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

  /* The values it expresses: a check per value. */
  row = trellis_test_find_row (editor, "Ownership");
  g_assert_nonnull (row);
  check = trellis_test_find_type (row, GTK_TYPE_CHECK_BUTTON, 0);
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

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  TrellisEntityPane *pane = show_pane (f, "competencies", 3);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (trellis_entity_pane_get_list_view (pane)));
  GtkWidget *search = trellis_test_find_type (GTK_WIDGET (pane), GTK_TYPE_SEARCH_ENTRY, 0);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "listen");
  trellis_test_wait_until (g_list_model_get_n_items (model) == 1, 2000);

  /* Adding clears the search, so that the new item shows. */
  trellis_test_pane_type_and_enter (pane, "Empathy");
  trellis_test_wait_until (g_list_model_get_n_items (model) == 3, 2000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
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
  g_test_add ("/trellis/app/editors/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

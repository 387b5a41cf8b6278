/* test-app-window.c: the window, its sections and opening files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "trellis-test-app.h"

static TrellisApplication *app;

static void
test_welcome (void)
{
  TrellisWindow *window = trellis_application_new_window (app);

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (50);

  g_assert_true (trellis_window_is_empty (window));
  g_assert_null (trellis_window_get_document (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Trellis");

  /* New empty matrix, from the welcome page's button. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  trellis_test_iterate (20);

  g_assert_nonnull (trellis_window_get_document (window));
  g_assert_false (trellis_window_get_unsaved (window));
  g_assert_cmpstr (trellis_window_get_section (window), ==, "mission");
  g_assert_null (trellis_window_get_file (window));
  g_assert_cmpuint (trellis_document_get_n_items (trellis_window_get_document (window), TRELLIS_KIND_VALUE), ==, 0);

  trellis_test_close_all (app);
}

static void
test_open (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  g_autofree char *basename = g_file_get_basename (file);
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  const char *title = gtk_window_get_title (GTK_WINDOW (window));

  g_assert_true (g_file_equal (trellis_window_get_file (window), file));
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (document))),
                   ==, "Customer Service North");
  g_assert_true (g_str_has_prefix (title, basename));
  g_assert_false (trellis_window_get_unsaved (window));

  /* The lists show the document: the organisation first, then the values. */
  {
    TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
    GtkListView *list = trellis_entity_pane_get_list_view (pane);
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));

    g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                      1 + trellis_document_get_n_items (document, TRELLIS_KIND_VALUE));
  }

  /* Every section shows its list, and opening left the document as it was. */
  for (guint i = 1; i <= 8; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "i", i);
      trellis_test_iterate (50);
    }
  g_assert_false (trellis_document_get_modified (document));

  /* Opening the same file again shows the same window. */
  g_assert_true (trellis_application_open_file (app, file) == window);

  /* Recent files remember it. */
  {
    g_autofree char *uri = g_file_get_uri (file);

    trellis_test_wait_until (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri), 2000);
  }

  trellis_test_close_all (app);
}

static void
test_new_from_example (void)
{
  /* Every example that ships, in each language. */
  const char *examples[] = { "customer-service.trellis", "klantenservice.trellis", "kundenservice.trellis" };

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      TrellisWindow *window = trellis_application_new_window (app);
      TrellisDocument *document;

      gtk_window_present (GTK_WINDOW (window));
      trellis_test_iterate (50);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-example", "s", examples[i]);
      trellis_test_iterate (50);
      document = trellis_window_get_document (window);
      g_assert_nonnull (document);

      /* A new matrix that starts as the example: saving asks where. */
      g_assert_null (trellis_window_get_file (window));
      g_assert_cmpuint (trellis_document_get_n_items (document, TRELLIS_KIND_PERSON), >, 0);

      trellis_test_close_all (app);
    }
}

static void
test_drop (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_application_new_window (app);
  GtkEventController *target;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_prepend (NULL, file);
  gboolean accepted = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (50);

  /* A matrix dragged from the file manager onto the window. */
  target = trellis_test_find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  trellis_test_wait_until (trellis_window_get_document (window) != NULL && !trellis_window_is_busy (window), 10000);
  g_assert_true (g_file_equal (trellis_window_get_file (window), file));

  trellis_test_close_all (app);
}

static void
test_sections_by_keyboard (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane;
  GtkWidget *focus;

  /* Alt+3: Competencies, ready to type the next one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "i", 3);
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "competencies");
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "competencies"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (trellis_entity_pane_get_add_entry (pane)) ||
                 gtk_widget_is_ancestor (focus, GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))));

  /* Alt+1: back to Mission & Values. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "i", 1);
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "mission");

  /* Every section in the sidebar is reachable, and every row has a name. */
  {
    GtkWidget *sidebar = trellis_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, 0);
    guint rows = 0;

    g_assert_nonnull (sidebar);
    for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
      {
        g_assert_nonnull (gtk_widget_get_tooltip_text (row));
        rows++;
      }
    g_assert_cmpuint (rows, >=, 2);
  }

  trellis_test_close_all (app);
}

static void
test_shortcuts_and_about (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean shortcuts = FALSE;
  gboolean about = FALSE;

  /* Both open without a warning (warnings are fatal in the tests). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.shortcuts", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  trellis_test_iterate (200);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      shortcuts |= GTK_IS_SHORTCUTS_WINDOW (w);
      about |= ADW_IS_ABOUT_WINDOW (w);
    }
  g_assert_true (shortcuts);
  g_assert_true (about);

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);

      if (GTK_IS_SHORTCUTS_WINDOW (w) || ADW_IS_ABOUT_WINDOW (w))
        gtk_window_destroy (w);
    }

  trellis_test_close_all (app);
}

static void
test_bad_file (void)
{
  g_autoptr(GFile) good = trellis_test_copy_fixture ("small.trellis");
  g_autoptr(GFile) bad = trellis_test_copy_fixture ("small.trellis");
  g_autoptr(GError) error = NULL;
  TrellisWindow *window = trellis_test_open (app, good);
  TrellisDocument *document = trellis_window_get_document (window);
  GtkWidget *dialog;

  g_file_replace_contents (bad, "<trellis><oops", 14, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Reading a broken file into the window keeps the document shown. */
  trellis_window_load_file (window, bad);
  trellis_test_wait_until (!trellis_window_is_busy (window), 5000);
  trellis_test_iterate (50);

  g_assert_true (trellis_window_get_document (window) == document);
  g_assert_true (g_file_equal (trellis_window_get_file (window), good));
  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_true (strlen (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog))) > 20);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* From the welcome page too: the window returns to it. */
  {
    TrellisWindow *empty = trellis_application_new_window (app);

    trellis_window_load_file (empty, bad);
    trellis_test_wait_until (!trellis_window_is_busy (empty), 5000);
    g_assert_true (trellis_window_is_empty (empty));
    dialog = trellis_test_find_message_dialog (GTK_WINDOW (empty));
    g_assert_nonnull (dialog);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  trellis_test_close_all (app);
}

/* A facilitator's laptop: at 1280 × 800 the sidebar and the sections
 * stand side by side in every language Trellis speaks; the longest
 * translation decides. */
#define LAPTOP_WIDTH 1280

static const char *
get_vision (TrellisDocument *document)
{
  return trellis_entity_get_string (TRELLIS_ENTITY (trellis_document_get_organisation (document)),
                                    TRELLIS_FIELD_VISION);
}

/* Text typed in one window and not yet in its document belongs to that
 * window: undo in another window neither commits it nor mixes it into
 * the other window's history. */
static void
test_pending_edits_per_window (void)
{
  g_autoptr(GFile) file_a = trellis_test_copy_fixture ("small.trellis");
  g_autoptr(GFile) file_b = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *a = trellis_test_open (app, file_a);
  TrellisWindow *b = trellis_test_open (app, file_b);
  TrellisDocument *doc_a = trellis_window_get_document (a);
  TrellisDocument *doc_b = trellis_window_get_document (b);
  TrellisEntity *org_a = TRELLIS_ENTITY (trellis_document_get_organisation (doc_a));
  TrellisEntity *org_b = TRELLIS_ENTITY (trellis_document_get_organisation (doc_b));
  const char *vision = "A world where questions are answered once.";
  TrellisEntityPane *pane;
  GtkWidget *editor;
  GtkTextView *view;
  GtkTextBuffer *buffer;

  g_assert_true (a != b);

  /* A has an edit of its own to undo. */
  trellis_document_set_string (doc_a, org_a, TRELLIS_FIELD_NAME, "Renamed in A");
  g_assert_true (trellis_document_can_undo (doc_a));

  /* In B, a vision typed and not yet committed. */
  trellis_window_show_section (b, "mission");
  trellis_test_iterate (50);
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (b, "mission"));
  g_assert_true (trellis_entity_pane_select (pane, org_b));
  trellis_test_iterate (50);
  editor = GTK_WIDGET (trellis_entity_pane_get_editor (pane, TRELLIS_KIND_ORGANISATION));
  view = GTK_TEXT_VIEW (trellis_test_find_type (editor, GTK_TYPE_TEXT_VIEW, 0));
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (view);
  g_assert_cmpstr (get_vision (doc_b), ==, vision);
  gtk_text_buffer_set_text (buffer, "Typed in B", -1);

  /* Undo in A, at once: A's edit goes, B's text stays pending. */
  gtk_widget_activate_action (GTK_WIDGET (a), "doc.undo", NULL);
  g_assert_cmpstr (trellis_entity_get_name (org_a), ==, "Small & Co");
  g_assert_false (trellis_document_can_undo (doc_a));
  g_assert_true (trellis_document_can_redo (doc_a));
  g_assert_cmpstr (get_vision (doc_a), ==, vision);
  g_assert_cmpstr (get_vision (doc_b), ==, vision);
  g_assert_false (trellis_document_can_undo (doc_b));
  g_assert_false (trellis_document_get_modified (doc_b));
  g_assert_cmpuint (trellis_pending_edits_get_n_edits (trellis_pending_edits_find (GTK_WIDGET (a))), ==, 0);
  g_assert_cmpuint (trellis_pending_edits_get_n_edits (trellis_pending_edits_find (GTK_WIDGET (b))), ==, 1);
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, "Typed in B");
  }

  /* B's text lands in B within a second, as a step of B's own. */
  trellis_test_wait_until (g_strcmp0 (get_vision (doc_b), "Typed in B") == 0, 1500);
  g_assert_cmpuint (trellis_pending_edits_get_n_edits (trellis_pending_edits_find (GTK_WIDGET (b))), ==, 0);
  g_assert_true (trellis_document_can_undo (doc_b));
  g_assert_false (trellis_document_can_undo (doc_a));
  g_assert_cmpstr (get_vision (doc_a), ==, vision);

  trellis_test_close_all (app);
}

static void
test_fits_a_laptop (gconstpointer data)
{
  const char *language = data;
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window;
  GtkWidget *leaflet;
  int needed = 0;

  /* GTK's test set-up keeps the "C" locale, in which gettext heeds no
   * LANGUAGE: the environment's (C.UTF-8 in the tests) does. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_setenv ("LANGUAGE", language, TRUE);
  window = trellis_test_open (app, file);
  gtk_window_set_default_size (GTK_WINDOW (window), LAPTOP_WIDTH, 800);
  trellis_test_iterate (200);
  leaflet = trellis_test_find_type (GTK_WIDGET (window), ADW_TYPE_LEAFLET, 0);
  g_assert_nonnull (leaflet);

  /* Every section is in the stack beside the sidebar: the widest one's
   * smallest width decides when the window folds. */
  for (GtkWidget *child = gtk_widget_get_first_child (leaflet); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      needed += minimum;
    }
  g_test_message ("%s (“Roles” reads “%s”): the sidebar and the sections need %d pixels of %d",
                  language, _("Roles"), needed, LAPTOP_WIDTH);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_cmpint (needed, <=, LAPTOP_WIDTH);

  trellis_test_close_all (app);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add_func ("/trellis/app/window/welcome", test_welcome);
  g_test_add_func ("/trellis/app/window/open", test_open);
  g_test_add_func ("/trellis/app/window/new-from-example", test_new_from_example);
  g_test_add_func ("/trellis/app/window/drop", test_drop);
  g_test_add_func ("/trellis/app/window/sections-by-keyboard", test_sections_by_keyboard);
  g_test_add_func ("/trellis/app/window/shortcuts-and-about", test_shortcuts_and_about);
  g_test_add_func ("/trellis/app/window/bad-file", test_bad_file);
  g_test_add_func ("/trellis/app/window/pending-edits-per-window", test_pending_edits_per_window);
  g_test_add_data_func ("/trellis/app/window/fits-a-laptop/en", "en", test_fits_a_laptop);
  g_test_add_data_func ("/trellis/app/window/fits-a-laptop/nl", "nl", test_fits_a_laptop);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

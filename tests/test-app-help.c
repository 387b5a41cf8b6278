/* test-app-help.c: F1 and the menus open the user guide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The help: URI goes to whatever program handles it. Here that is a
 * script of the test's own, the only handler this program can find (its
 * data folders are the test's), which writes down the URI it was given,
 * so that the test sees what a help viewer would have been asked to
 * show, and no real one is started. Without a handler, or when it cannot
 * start, the window says so in a toast.
 */

#include "config.h"

#include <unistd.h>

#include "trellis-personal.h"
#include "trellis-test-app.h"
#include "trellis-window-private.h"

static TrellisApplication *app;
static char *handler_dir;   /* the handler's working folder */
static char *record_path;   /* where the handler writes each URI */
static char *desktop_path;  /* the handler's desktop file */

/* The handler: a script, its desktop file, and the user's choice of it
 * for help: URIs. */
static void
install_handler (const char *home)
{
  g_autofree char *applications = g_build_filename (g_get_user_data_dir (), "applications", NULL);
  g_autofree char *script = g_build_filename (home, "record-help", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;
  g_autofree char *mimeapps = g_build_filename (g_get_user_config_dir (), "mimeapps.list", NULL);
  g_autoptr(GError) error = NULL;

  handler_dir = g_build_filename (home, "viewer", NULL);
  record_path = g_build_filename (home, "opened", NULL);
  desktop_path = g_build_filename (applications, "trellis-test-help.desktop", NULL);
  g_mkdir_with_parents (applications, 0700);
  g_mkdir_with_parents (handler_dir, 0700);

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" >> '%s'\n", record_path);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=Help viewer of the test\n"
                                  "Exec=%s %%u\n"
                                  "Path=%s\n"
                                  "MimeType=x-scheme-handler/help;\n"
                                  "NoDisplay=true\n",
                                  script, handler_dir);
  g_file_set_contents (desktop_path, desktop_text, -1, &error);
  g_assert_no_error (error);

  /* The default for help: URIs, as a user's choice is kept. */
  g_mkdir_with_parents (g_get_user_config_dir (), 0700);
  g_file_set_contents (mimeapps, "[Default Applications]\nx-scheme-handler/help=trellis-test-help.desktop\n", -1, &error);
  g_assert_no_error (error);
}

/* The URIs the handler was given, one a line. */
static char *
read_record (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (record_path, &contents, NULL, NULL))
    return g_strdup ("");

  return g_steal_pointer (&contents);
}

static void
clear_record (void)
{
  g_unlink (record_path);
}

/* The URIs the handler was given, once it has been given one. */
static char *
wait_for_record (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  char *record = read_record ();

  while (record[0] == '\0' && g_get_monotonic_time () < end)
    {
      g_free (record);
      trellis_test_iterate (20);
      record = read_record ();
    }

  return record;
}

/* Presses @keyval on @window as its shortcut controllers would: the
 * application's accelerators are one of them. Returns the action name of
 * the shortcut found, activating it. */
static char *
press_shortcut (GtkWindow *window,
                guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  char *action_name = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && action_name == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && action_name == NULL; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
              GTK_IS_NAMED_ACTION (action))
            {
              action_name = g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
              g_assert_true (gtk_shortcut_action_activate (action, 0, GTK_WIDGET (window),
                                                           gtk_shortcut_get_arguments (shortcut)));
            }
        }
    }

  return action_name;
}

/* Whether @model, or a section or submenu of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_action (link, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether the main menu of what @window shows has a Help item. */
static gboolean
shown_menu_has_help (TrellisWindow *window)
{
  GtkWidget *page = gtk_stack_get_visible_child (window->main_stack);

  for (guint n = 0;; n++)
    {
      GtkWidget *button = trellis_test_find_type (page, GTK_TYPE_MENU_BUTTON, n);
      GMenuModel *model;

      if (button == NULL)
        return FALSE;
      model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
      if (gtk_menu_button_get_primary (GTK_MENU_BUTTON (button)) && model != NULL)
        return menu_has_action (model, "win.help");
    }
}

/* A label under @root whose text starts with @prefix. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_f1 (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.help");
  TrellisWindow *window = trellis_application_new_window (app);
  g_autofree char *action = NULL;
  g_autofree char *expected = g_strconcat ("help:", APP_ID, "\n", NULL);
  g_autofree char *record = NULL;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_true (shown_menu_has_help (window));

  /* F1 on the welcome page: the start of the guide. */
  clear_record ();
  action = press_shortcut (GTK_WINDOW (window), GDK_KEY_F1);
  g_assert_cmpstr (action, ==, "win.help");
  record = wait_for_record ();
  g_assert_cmpstr (record, ==, expected);

  /* Nothing went wrong: no toast. */
  g_assert_null (find_label (GTK_WIDGET (window), "The help could not be opened"));

  trellis_test_close_all (app);
}

/* With a matrix open, the main menu has Help too; during a vote F1 opens
 * the page on votes, and in a personal file the page on the
 * self-assessment. */
static void
test_menus_and_pages (void)
{
  g_autoptr(GFile) team = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, team);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisPerson *person = TRELLIS_PERSON (trellis_document_get_item (document, TRELLIS_KIND_PERSON, 0));
  g_autofree char *expected = g_strconcat ("help:", APP_ID, "/self-assessment\n", NULL);
  g_autofree char *record = NULL;
  g_autoptr(TrellisDocument) personal = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "document");
  g_assert_true (shown_menu_has_help (window));

  /* During a vote, F1 opens the page on votes. */
  {
    TrellisEntity *role = trellis_document_get_item (document, TRELLIS_KIND_ROLE, 0);
    TrellisEntity *competency = trellis_document_get_item (document, TRELLIS_KIND_COMPETENCY, 0);
    g_autofree char *vote_page = g_strconcat ("help:", APP_ID, "/vote\n", NULL);
    g_autofree char *vote_action = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.vote-on", "(ss)",
                                trellis_entity_get_id (role), trellis_entity_get_id (competency));
    trellis_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "vote") == 0, 5000);
    clear_record ();
    vote_action = press_shortcut (GTK_WINDOW (window), GDK_KEY_F1);
    g_assert_cmpstr (vote_action, ==, "win.help");
    record = wait_for_record ();
    g_assert_cmpstr (record, ==, vote_page);
    g_clear_pointer (&record, g_free);
    gtk_widget_activate_action (GTK_WIDGET (window), "vote.drop", NULL);
    trellis_test_iterate (100);
  }

  trellis_document_ensure_matrix_id (document);
  personal = trellis_handout_new (document, person, &error);
  g_assert_no_error (error);
  path = g_build_filename (test_home, "personal.trellis", NULL);
  file = g_file_new_for_path (path);
  trellis_document_save (personal, file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  trellis_test_close_all (app);

  window = trellis_test_open (app, file);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "guide");
  g_assert_true (shown_menu_has_help (window));

  clear_record ();
  action = press_shortcut (GTK_WINDOW (window), GDK_KEY_F1);
  g_assert_cmpstr (action, ==, "win.help");
  record = wait_for_record ();
  g_assert_cmpstr (record, ==, expected);

  trellis_test_close_all (app);
}

/* The title of the shortcut for @accelerator under @widget, on any page
 * of the window (its pages but one are not mapped), or NULL. */
static char *
dup_shortcut_title (GtkWidget  *widget,
                    const char *accelerator)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *keys = NULL;
      char *title = NULL;

      g_object_get (widget, "accelerator", &keys, "title", &title, NULL);
      if (g_strcmp0 (keys, accelerator) == 0)
        return title;
      g_free (title);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      char *title = dup_shortcut_title (child, accelerator);

      if (title != NULL)
        return title;
    }

  return NULL;
}

/* The shortcuts window lists F1. */
static void
test_shortcuts_window (void)
{
  TrellisWindow *window = trellis_application_new_window (app);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;
  g_autofree char *title = NULL;
  gboolean listed = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.shortcuts", NULL);
  trellis_test_iterate (300);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        dialog = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (dialog);

  title = dup_shortcut_title (dialog, "F1");
  if (title != NULL)
    {
      g_assert_cmpstr (title, ==, "Help");
      listed = TRUE;
    }
  g_assert_true (listed);

  gtk_window_destroy (GTK_WINDOW (dialog));
  trellis_test_close_all (app);
}

/* The handler cannot start, then there is none: each time a toast says
 * so, and the window goes on. */
static void
test_no_viewer (void)
{
  TrellisWindow *window = trellis_application_new_window (app);
  GtkWidget *toast;

  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (100);

  /* Its folder is gone: it cannot be started. */
  g_assert_cmpint (g_rmdir (handler_dir), ==, 0);
  clear_record ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL);
  trellis_test_wait_until ((toast = find_label (GTK_WIDGET (window), "The help could not be opened: ")) != NULL, 10000);
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (toast)));
  g_assert_cmpstr (read_record (), ==, "");
  trellis_test_close_all (app);

  /* No program at all for help: URIs, as where Yelp is not installed.
   * The data folders are the test's own (see main), so nothing else of
   * the system's is found. */
  g_assert_cmpint (g_unlink (desktop_path), ==, 0);
  window = trellis_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.help", NULL);
  trellis_test_wait_until (find_label (GTK_WIDGET (window), "The help could not be opened: install the Help app (Yelp)") != NULL, 10000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  trellis_test_close_all (app);
}

/* The system's data folders in one, without their programs: a system
 * with icons, MIME types and the rest, but no help viewer. */
static char *
make_data_without_programs (void)
{
  const char *dirs = g_getenv ("XDG_DATA_DIRS");
  g_auto(GStrv) parts = g_strsplit (dirs != NULL && dirs[0] != '\0' ? dirs : "/usr/local/share:/usr/share", ":", -1);
  char *data = g_dir_make_tmp ("trellis-test-data-XXXXXX", NULL);

  g_assert_nonnull (data);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = parts[i][0] == '/' ? g_dir_open (parts[i], 0, NULL) : NULL;
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *target = g_build_filename (parts[i], name, NULL);
          g_autofree char *link = g_build_filename (data, name, NULL);

          if (!g_str_equal (name, "applications") && !g_file_test (link, G_FILE_TEST_EXISTS))
            g_assert_cmpint (symlink (target, link), ==, 0);
        }
    }

  return data;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *system_data = make_data_without_programs ();
  int status;

  /* No program of the system's answers help: URIs here, only the test's.
   * Set before anything reads it. */
  g_setenv ("XDG_DATA_DIRS", system_data, TRUE);
  trellis_test_init (&argc, &argv);
  install_handler (test_home);

  app = trellis_test_app_new ();

  g_test_add_func ("/app/help/f1", test_f1);
  g_test_add_func ("/app/help/menus-and-pages", test_menus_and_pages);
  g_test_add_func ("/app/help/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/help/no-viewer", test_no_viewer);

  status = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();
  trellis_test_rm_rf (system_data);
  g_free (handler_dir);
  g_free (record_path);
  g_free (desktop_path);

  return status;
}

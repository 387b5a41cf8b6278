/* trellis-test-app.h: helpers for the tests of the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests drive the real widgets of a real TrellisApplication under a
 * display (Xvfb in CI) and a session bus of their own. GTK 4 has no API
 * to synthesize key presses, so the tests emit the signals the widgets
 * themselves react to (an entry's "activate", a key controller's
 * "key-pressed") and activate the actions the shortcuts are bound to.
 */

#pragma once

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <gtk/gtk.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "trellis-application.h"
#include "trellis-entity-pane.h"
#include "trellis-pending-edits.h"
#include "trellis-window.h"

static char *test_home;

/* Every test program gets folders of its own for state (drafts) and
 * data (recent files), so that nothing of the user's is read or written. */
static inline void
trellis_test_init (int    *argc,
                   char ***argv)
{
  g_autofree char *state = NULL;
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  test_home = g_dir_make_tmp ("trellis-test-XXXXXX", NULL);
  g_assert_nonnull (test_home);
  state = g_build_filename (test_home, "state", NULL);
  data = g_build_filename (test_home, "data", NULL);
  config = g_build_filename (test_home, "config", NULL);
  cache = g_build_filename (test_home, "cache", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* The build's translations, as the program finds them, for the tests
   * that switch the language (English unless LANGUAGE says otherwise). */
  if (g_getenv ("TRELLIS_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRELLIS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static inline void
trellis_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        trellis_test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline void
trellis_test_cleanup (void)
{
  if (test_home != NULL)
    trellis_test_rm_rf (test_home);
  g_clear_pointer (&test_home, g_free);
}

static inline TrellisApplication *
trellis_test_app_new (void)
{
  TrellisApplication *app = trellis_application_new ();
  g_autoptr(GError) error = NULL;
  static guint instances;

  /* Tests run one after the other; none may hand its work to another.
   * A test that starts the application again (the next start after a
   * crash) gets a bus name of its own; the state folder stays the same. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (instances++ > 0)
    {
      g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, instances);

      g_application_set_application_id (G_APPLICATION (app), id);
    }
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return app;
}

/* Runs the main loop until @condition holds or @timeout_ms passed. */
#define trellis_test_wait_until(condition, timeout_ms)                       \
  G_STMT_START {                                                             \
    gint64 _end = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000;    \
    while (!(condition) && g_get_monotonic_time () < _end)                   \
      {                                                                      \
        if (!g_main_context_iteration (NULL, FALSE))                         \
          g_usleep (1000);                                                   \
      }                                                                      \
    g_assert_true (condition);                                               \
  } G_STMT_END

static inline void
trellis_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* A copy of a file in a folder of its own, to edit and save freely. */
static inline GFile *
trellis_test_copy_file (const char *source,
                        const char *name)
{
  g_autofree char *dir = g_build_filename (test_home, "documents", NULL);
  g_autofree char *dest = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  static guint counter;

  g_mkdir_with_parents (dir, 0700);
  dest = g_strdup_printf ("%s/%u-%s", dir, ++counter, name);
  g_file_get_contents (source, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (dest, contents, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (dest);
}

/* A copy of a fixture of tests/data. */
static inline GFile *
trellis_test_copy_fixture (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return trellis_test_copy_file (source, name);
}

/* A copy of an example matrix of data/examples. */
static inline GFile *
trellis_test_copy_example (const char *name)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);

  return trellis_test_copy_file (source, name);
}

static inline TrellisWindow *
trellis_test_open (TrellisApplication *app,
                   GFile              *file)
{
  TrellisWindow *window = trellis_application_open_file (app, file);

  trellis_test_wait_until (trellis_window_get_document (window) != NULL && !trellis_window_is_busy (window), 10000);
  trellis_test_iterate (50);

  return window;
}

static inline void
trellis_test_close_all (TrellisApplication *app)
{
  GList *windows;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    trellis_pending_edits_commit_for (GTK_WIDGET (l->data));
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  trellis_test_iterate (20);
}

/* The document as it would be saved. */
static inline char *
trellis_test_serialize (TrellisDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_document_serialize (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Widget lookup */

static inline GtkWidget *
trellis_test_find_type (GtkWidget *root,
                        GType      type,
                        guint      nth)
{
  guint seen = 0;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget) && seen++ == nth)
        {
          g_queue_clear (&queue);
          return widget;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  return NULL;
}

/* The first widget with the CSS class @css_class under @root. */
static inline GtkWidget *
trellis_test_find_css (GtkWidget  *root,
                       const char *css_class)
{
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (gtk_widget_has_css_class (widget, css_class))
        {
          g_queue_clear (&queue);
          return widget;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  return NULL;
}

/* The mapped preferences row titled @title, under @root. */
static inline GtkWidget *
trellis_test_find_row (GtkWidget  *root,
                       const char *title)
{
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue))
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
        {
          g_queue_clear (&queue);
          return widget;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }

  return NULL;
}

static inline TrellisEntity *
trellis_test_find_named (TrellisDocument *document,
                         TrellisKind      kind,
                         const char      *name)
{
  guint n = trellis_document_get_n_items (document, kind);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = trellis_document_get_item (document, kind, i);

      if (g_strcmp0 (trellis_entity_get_name (e), name) == 0)
        return e;
    }

  return NULL;
}

/* Types into the field under a section's list and presses Enter. */
static inline TrellisEntity *
trellis_test_pane_type_and_enter (TrellisEntityPane *pane,
                                  const char        *text)
{
  GtkEditable *entry = trellis_entity_pane_get_add_entry (pane);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  trellis_test_iterate (20);

  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  return trellis_entity_pane_get_selected (pane);
}

/* The first event controller of @type on @widget. */
static inline GtkEventController *
trellis_test_find_controller (GtkWidget *widget,
                              GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint n = g_list_model_get_n_items (controllers);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_type_is_a (G_OBJECT_TYPE (controller), type))
        return controller;  /* the widget keeps it */
    }

  return NULL;
}

/* Presses a key on @widget through its key controller, as GTK would. */
static inline gboolean
trellis_test_press_key (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  state)
{
  GtkEventController *keys = trellis_test_find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  trellis_test_iterate (20);

  return handled;
}

/* The message dialog shown over @parent, if any. */
static inline GtkWidget *
trellis_test_find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return GTK_WIDGET (w);
    }

  return NULL;
}

/* Types into an entry row and presses Enter. */
static inline void
trellis_test_row_type_and_enter (GtkWidget  *row,
                                 const char *text)
{
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  if (ADW_IS_ENTRY_ROW (row))
    g_signal_emit_by_name (row, "entry-activated");
  else
    g_signal_emit_by_name (row, "activate");
  trellis_test_iterate (20);
}

/* Real key presses: xdotool sends them through the X server to @window
 * (given the focus first), as a keyboard would, and the main loop then
 * takes them in. @keys are xdotool's names ("Tab", "alt+2", "ctrl+Page_Down").
 * Returns FALSE (and the test should skip) without X11 or xdotool. */
static inline gboolean
trellis_test_can_type (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  return surface != NULL && GDK_IS_X11_SURFACE (surface) &&
         g_find_program_in_path ("xdotool") != NULL;
#else
  return FALSE;
#endif
}

static inline void
trellis_test_xdotool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static inline void
trellis_test_keys (GtkWindow  *window,
                   const char *first,
                   ...)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  va_list args;

  g_assert_true (trellis_test_can_type (window));
  trellis_test_iterate (30);
  trellis_test_xdotool (focus);
  trellis_test_iterate (30);

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    {
      const char *argv[] = { "xdotool", "key", "--clearmodifiers", key, NULL };

      trellis_test_xdotool (argv);
      trellis_test_iterate (120);
    }
  va_end (args);
#else
  g_assert_not_reached ();
#endif
}

/* Types @text as keys into @window. */
static inline void
trellis_test_type (GtkWindow  *window,
                   const char *text)
{
  const char *argv[] = { "xdotool", "type", "--delay", "10", text, NULL };

  trellis_test_keys (window, NULL);
  trellis_test_xdotool (argv);
  trellis_test_iterate (150);
}

/* test-app-drafts.c: recovery drafts, down to a killed program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <utime.h>

#include "trellis-draft.h"
#include "trellis-test-app.h"

static char *
drafts_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), APP_ID, "drafts", NULL);
}

/* The drafts on disk: UUID.trellis files. */
static GPtrArray *
list_drafts (void)
{
  g_autofree char *dir = drafts_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_has_suffix (name, ".trellis"))
        g_ptr_array_add (found, g_build_filename (dir, name, NULL));
    }

  return found;
}

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = list_drafts ();

  return drafts->len;
}

static gboolean
draft_contains (const char *text)
{
  g_autoptr(GPtrArray) drafts = list_drafts ();

  for (guint i = 0; i < drafts->len; i++)
    {
      g_autofree char *contents = NULL;

      if (g_file_get_contents (g_ptr_array_index (drafts, i), &contents, NULL, NULL) &&
          strstr (contents, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
remove_all_drafts (void)
{
  g_autofree char *dir = drafts_dir ();

  trellis_test_rm_rf (dir);
}

static void
test_written_and_removed (void)
{
  g_autoptr(TrellisApplication) app = trellis_test_app_new ();
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  g_autofree char *dir = drafts_dir ();
  g_autoptr(GPtrArray) drafts = NULL;
  GStatBuf st;
  gint64 start;

  g_assert_cmpuint (count_drafts (), ==, 0);

  /* An edit is in the draft within two seconds. */
  trellis_test_pane_type_and_enter (pane, "Written to the draft");
  start = g_get_monotonic_time ();
  trellis_test_wait_until (draft_contains ("Written to the draft"), 2000);
  g_test_message ("draft written after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  /* Only the user may read the drafts, or even list them. */
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  drafts = list_drafts ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpint (g_stat (g_ptr_array_index (drafts, 0), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Undo back to the saved state: nothing left to recover. */
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  trellis_test_wait_until (count_drafts () == 0, 3000);

  /* Saving removes the draft too. */
  trellis_test_pane_type_and_enter (pane, "Saved at last");
  trellis_test_wait_until (draft_contains ("Saved at last"), 2000);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.save", NULL);
  trellis_test_wait_until (!trellis_window_get_unsaved (window), 5000);
  trellis_test_wait_until (count_drafts () == 0, 3000);

  /* Discarding on close removes it. */
  trellis_test_pane_type_and_enter (pane, "Discarded");
  trellis_test_wait_until (draft_contains ("Discarded"), 2000);
  trellis_window_set_document (window, NULL);
  g_assert_cmpuint (count_drafts (), ==, 0);

  trellis_test_close_all (app);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *found = NULL;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue) && found == NULL)
    {
      GtkWidget *w = g_queue_pop_head (&queue);

      if (GTK_IS_BUTTON (w) && gtk_widget_get_mapped (w) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);

  return found;
}

static gboolean
run (const char * const *argv,
     char              **output)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, output, NULL, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      return FALSE;
    }

  return g_spawn_check_wait_status (status, NULL);
}

static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (char *) "xdotool");
  g_ptr_array_add (argv, (char *) first);
  va_start (args, first);
  for (const char *arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (run ((const char * const *) argv->pdata, NULL));
}

static void
test_killed (void)
{
  const char *program = g_getenv ("TRELLIS_APP");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *stray = NULL;
  g_autofree char *window_id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisApplication) app = NULL;
  TrellisWindow *window;
  TrellisDocument *document;
  GListModel *drafts;
  GPid pid;
  gint64 typed;

  if (program == NULL || g_find_program_in_path ("xdotool") == NULL || g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs the trellis program, xdotool and an X display");
      return;
    }

  remove_all_drafts ();
  file = trellis_test_copy_fixture ("small.trellis");
  path = g_file_get_path (file);
  basename = g_file_get_basename (file);

  /* The real program, typed into as a facilitator would. */
  {
    const char *argv[] = { program, path, NULL };

    g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                   NULL, NULL, &pid, &error);
    g_assert_no_error (error);
  }

  {
    const char *argv[] = { "timeout", "20", "xdotool", "search", "--sync", "--name", basename, NULL };

    g_assert_true (run (argv, &window_id));
    g_strstrip (window_id);
    if (strchr (window_id, '\n') != NULL)
      *strchr (window_id, '\n') = '\0';
  }
  g_usleep (500 * 1000);
  xdotool ("windowfocus", "--sync", window_id, NULL);
  xdotool ("key", "--clearmodifiers", "alt+1", NULL);
  xdotool ("type", "--delay", "20", "Kindness", NULL);
  xdotool ("key", "Return", NULL);
  xdotool ("type", "--delay", "20", "Courage", NULL);
  xdotool ("key", "Return", NULL);
  typed = g_get_monotonic_time ();

  /* Every edit older than two seconds must survive. */
  while (g_get_monotonic_time () - typed < 2 * G_USEC_PER_SEC)
    g_usleep (50 * 1000);
  xdotool ("type", "--delay", "20", "Too late", NULL);
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  /* A save killed before its rename left a copy of the document. */
  {
    g_autoptr(GFile) parent = g_file_get_parent (file);
    g_autofree char *dir = g_file_get_path (parent);
    g_autofree char *name = g_strdup_printf (".%s.Xy12Z9", basename);
    struct utimbuf old = { .actime = time (NULL) - 3600, .modtime = time (NULL) - 3600 };

    stray = g_build_filename (dir, name, NULL);
    g_file_set_contents (stray, "personal data", -1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (utime (stray, &old), ==, 0);
  }

  /* The next start offers the draft... */
  app = trellis_test_app_new ();
  drafts = trellis_application_get_drafts (app);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 1);
  {
    g_autoptr(TrellisDraft) draft = g_list_model_get_item (drafts, 0);

    g_assert_true (g_file_equal (trellis_draft_get_document_file (draft), file));
  }

  /* ... and cleans up what the killed save left. */
  trellis_test_wait_until (!g_file_test (stray, G_FILE_TEST_EXISTS), 5000);

  /* On the welcome page: restore it. */
  window = trellis_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (50);
  {
    GtkWidget *restore = NULL;

    trellis_test_wait_until ((restore = find_action_button (GTK_WIDGET (window), "win.restore-draft")) != NULL, 3000);
    g_signal_emit_by_name (restore, "clicked");
  }
  trellis_test_wait_until (trellis_window_get_document (window) != NULL && !trellis_window_is_busy (window), 10000);

  document = trellis_window_get_document (window);
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Kindness"));
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Courage"));
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Care"));
  g_assert_true (g_file_equal (trellis_window_get_file (window), file));
  g_assert_true (trellis_window_get_unsaved (window));
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, 0);

  /* Saved: the draft has done its work. */
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.save", NULL);
  trellis_test_wait_until (!trellis_window_get_unsaved (window), 5000);
  trellis_test_wait_until (count_drafts () == 0, 3000);
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (contents, "Kindness"));
    g_assert_nonnull (strstr (contents, "Courage"));
  }

  trellis_test_close_all (app);
}

static void
test_offered_when_opened (void)
{
  g_autoptr(TrellisApplication) app = NULL;
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(TrellisDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  TrellisWindow *window;

  remove_all_drafts ();

  /* A draft left by an earlier session, of this file. */
  document = trellis_document_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  trellis_document_create (document, TRELLIS_KIND_VALUE, "From the draft", -1);
  draft = trellis_draft_new (NULL);
  trellis_draft_set_document (draft, document);
  g_assert_true (trellis_draft_write_now (draft, &error));
  g_assert_no_error (error);
  trellis_draft_set_document (draft, NULL);

  app = trellis_test_app_new ();
  window = trellis_test_open (app, file);

  /* The file as it is on disk, and a banner offering the draft. */
  g_assert_null (trellis_test_find_named (trellis_window_get_document (window), TRELLIS_KIND_VALUE, "From the draft"));
  {
    GtkWidget *banner = trellis_test_find_css (GTK_WIDGET (window), "banner");
    GtkWidget *restore;
    GtkWidget *discard;

    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

    /* As on the welcome page: Restore has the focus, and comes before
     * Discard. */
    trellis_test_wait_until ((restore = find_action_button (banner, "win.restore-draft")) != NULL, 3000);
    discard = find_action_button (banner, "win.discard-draft");
    g_assert_nonnull (discard);
    trellis_test_wait_until (gtk_root_get_focus (GTK_ROOT (window)) == restore, 2000);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == restore);
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == discard);

    /* Enter asks, Enter again answers Cancel: the focus is back where
     * it was, not lost to the start of the window. */
    if (trellis_test_can_type (GTK_WINDOW (window)))
      {
        trellis_test_keys (GTK_WINDOW (window), "Return", NULL);
        g_assert_nonnull (trellis_test_find_message_dialog (GTK_WINDOW (window)));
        trellis_test_keys (GTK_WINDOW (trellis_test_find_message_dialog (GTK_WINDOW (window))), "Return", NULL);
        trellis_test_iterate (50);
        g_assert_null (trellis_test_find_message_dialog (GTK_WINDOW (window)));
        g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == discard);
      }
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft", "s", trellis_draft_get_uuid (draft));
  trellis_test_wait_until (!trellis_window_is_busy (window) &&
                           trellis_test_find_named (trellis_window_get_document (window), TRELLIS_KIND_VALUE, "From the draft") != NULL,
                           5000);
  g_assert_true (trellis_window_get_unsaved (window));

  /* Closing without saving, after saying so, removes it. */
  trellis_window_set_document (window, NULL);
  g_assert_cmpuint (count_drafts (), ==, 0);

  trellis_test_close_all (app);
}

/* After a crash, one key restores the work and none throws it away:
 * the welcome page puts the focus on Restore, Restore comes before
 * Discard, and Discard asks first. */
static void
test_recovery_by_keyboard (void)
{
  g_autoptr(TrellisApplication) app = NULL;
  g_autoptr(TrellisDocument) document = trellis_document_new ();
  g_autoptr(TrellisDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  TrellisWindow *window;
  GtkWidget *restore;
  GtkWidget *discard;
  GtkWidget *dialog;

  remove_all_drafts ();
  trellis_document_create (document, TRELLIS_KIND_VALUE, "Left by a crash", -1);
  draft = trellis_draft_new (NULL);
  trellis_draft_set_document (draft, document);
  g_assert_true (trellis_draft_write_now (draft, &error));
  g_assert_no_error (error);
  trellis_draft_set_document (draft, NULL);

  app = trellis_test_app_new ();
  window = trellis_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_wait_until ((restore = find_action_button (GTK_WIDGET (window), "win.restore-draft")) != NULL, 3000);
  discard = find_action_button (GTK_WIDGET (window), "win.discard-draft");
  g_assert_nonnull (discard);

  /* Restore is the default, and first in Tab order. */
  trellis_test_wait_until (gtk_root_get_focus (GTK_ROOT (window)) == restore, 2000);
  gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == discard);

  /* Discard asks; Cancel (what Enter and Escape answer) keeps the work. */
  g_signal_emit_by_name (discard, "clicked");
  trellis_test_iterate (20);
  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (ADW_MESSAGE_DIALOG (dialog)), ==, "cancel");
  g_assert_cmpuint (count_drafts (), ==, 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  trellis_test_iterate (20);
  g_assert_cmpuint (count_drafts (), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trellis_application_get_drafts (app)), ==, 1);

  /* Saying so discards it. */
  g_signal_emit_by_name (discard, "clicked");
  trellis_test_iterate (20);
  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  trellis_test_iterate (20);
  g_assert_cmpuint (count_drafts (), ==, 0);

  trellis_test_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);

  g_test_add_func ("/trellis/app/drafts/written-and-removed", test_written_and_removed);
  g_test_add_func ("/trellis/app/drafts/killed", test_killed);
  g_test_add_func ("/trellis/app/drafts/offered-when-opened", test_offered_when_opened);
  g_test_add_func ("/trellis/app/drafts/recovery-by-keyboard", test_recovery_by_keyboard);

  ret = g_test_run ();

  trellis_test_cleanup ();

  return ret;
}

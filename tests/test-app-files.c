/* test-app-files.c: saving, reopening, outside changes, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-test-app.h"

static TrellisApplication *app;

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static char *
serialize (TrellisDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_document_serialize (document, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
save_and_wait (TrellisWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.save", NULL);
  trellis_test_iterate (10);
  trellis_test_wait_until (!trellis_window_is_busy (window), 5000);
  trellis_test_iterate (20);
}

static void
test_save_reopen (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  g_autofree char *expected = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(TrellisDocument) reread = NULL;
  g_autofree char *reread_text = NULL;
  g_autoptr(GError) error = NULL;

  /* Edits through the editors, as a facilitator makes them. */
  trellis_test_pane_type_and_enter (pane, "Kindness");
  trellis_test_pane_type_and_enter (pane, "Courage & honesty");
  trellis_document_set_string (document, TRELLIS_ENTITY (trellis_document_get_organisation (document)),
                               TRELLIS_FIELD_MISSION, "We answer “once” — in one contact.");
  g_assert_true (trellis_window_get_unsaved (window));

  save_and_wait (window);
  g_assert_false (trellis_window_get_unsaved (window));
  g_assert_false (trellis_document_get_modified (document));

  /* The file holds exactly the document, and reads back the same. */
  expected = serialize (document);
  on_disk = read_file (file);
  g_assert_cmpstr (on_disk, ==, expected);

  reread = trellis_document_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  reread_text = serialize (reread);
  g_assert_cmpstr (reread_text, ==, expected);

  /* Reopened in a window of its own. */
  trellis_test_close_all (app);
  window = trellis_test_open (app, file);
  document = trellis_window_get_document (window);
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Kindness"));
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Courage & honesty"));
  g_assert_cmpuint (trellis_document_get_n_assessments (document), ==, 4);
  {
    g_autofree char *text = serialize (document);

    g_assert_cmpstr (text, ==, expected);
  }

  trellis_test_close_all (app);
}

static void
test_save_new (void)
{
  g_autofree char *path = g_build_filename (test_home, "documents", "new-matrix.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrellisWindow *window = trellis_application_new_window (app);
  TrellisEntityPane *pane;

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  trellis_test_iterate (20);
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  trellis_test_pane_type_and_enter (pane, "Care");
  g_assert_true (trellis_window_get_unsaved (window));
  g_assert_null (trellis_window_get_file (window));

  trellis_window_save_to (window, file);
  trellis_test_wait_until (!trellis_window_is_busy (window), 5000);
  g_assert_false (trellis_window_get_unsaved (window));
  g_assert_true (g_file_equal (trellis_window_get_file (window), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "new-matrix.trellis"));

  trellis_test_close_all (app);
}

static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  trellis_test_pane_type_and_enter (pane, "Ours");
  g_assert_false (trellis_window_get_changed_on_disk (window));

  /* Someone else saves the file: the monitor notices, no save needed. */
  theirs = read_file (file);
  {
    g_autofree char *changed = g_strconcat (theirs, "<!-- theirs -->\n", NULL);

    write_file (file, changed);
    g_free (theirs);
    theirs = g_steal_pointer (&changed);
  }
  trellis_test_wait_until (trellis_window_get_changed_on_disk (window), 5000);
  {
    GtkWidget *banner = trellis_test_find_css (GTK_WIDGET (window), "banner");

    g_assert_nonnull (banner);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  }

  /* Saving does not overwrite their version. */
  save_and_wait (window);
  after = read_file (file);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (trellis_window_get_unsaved (window));
  g_assert_true (trellis_window_get_changed_on_disk (window));

  trellis_test_close_all (app);
}

static void
test_changed_before_save (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;

  trellis_test_pane_type_and_enter (pane, "Ours");

  /* A network folder sends no event: the check right before saving
   * must catch it. */
  {
    g_autofree char *ours = read_file (file);

    theirs = g_strconcat ("<!-- theirs -->\n", ours, NULL);
  }
  write_file (file, theirs);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.save", NULL);
  trellis_test_wait_until (!trellis_window_is_busy (window), 5000);
  trellis_test_iterate (20);

  after = read_file (file);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (trellis_window_get_changed_on_disk (window));
  g_assert_true (trellis_window_get_unsaved (window));
  g_assert_nonnull (trellis_test_find_named (trellis_window_get_document (window), TRELLIS_KIND_VALUE, "Ours"));

  trellis_test_close_all (app);
}

static void
test_close_unsaved (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  GtkWidget *dialog;
  g_autofree char *contents = NULL;

  trellis_test_pane_type_and_enter (pane, "Unsaved value");

  /* Cancel keeps the window and the work. */
  gtk_window_close (GTK_WINDOW (window));
  trellis_test_iterate (20);
  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "cancel"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  trellis_test_iterate (20);
  g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL);
  g_assert_true (trellis_window_get_unsaved (window));

  /* Save saves, then closes. */
  gtk_window_close (GTK_WINDOW (window));
  trellis_test_iterate (20);
  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  trellis_test_wait_until (window == NULL, 5000);
  contents = read_file (file);
  g_assert_nonnull (strstr (contents, "Unsaved value"));

  /* Discard closes without saving. */
  window = trellis_test_open (app, file);
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  trellis_test_pane_type_and_enter (pane, "Thrown away");
  gtk_window_close (GTK_WINDOW (window));
  trellis_test_iterate (20);
  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  trellis_test_wait_until (window == NULL, 5000);
  g_free (contents);
  contents = read_file (file);
  g_assert_null (strstr (contents, "Thrown away"));

  trellis_test_close_all (app);
}

static void
test_save_fails (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  g_autofree char *missing = g_build_filename (test_home, "no-such-folder", "matrix.trellis", NULL);
  g_autoptr(GFile) nowhere = g_file_new_for_path (missing);
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisEntityPane *pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  GtkWidget *dialog;

  trellis_test_pane_type_and_enter (pane, "Kept in memory");

  /* A save that cannot be written says why and what to do, and keeps
   * everything as it was. */
  trellis_window_save_to (window, nowhere);
  trellis_test_wait_until (!trellis_window_is_busy (window), 5000);
  trellis_test_iterate (50);

  dialog = trellis_test_find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Save As"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (trellis_window_get_document (window) == document);
  g_assert_true (g_file_equal (trellis_window_get_file (window), file));
  g_assert_true (trellis_window_get_unsaved (window));
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Kept in memory"));
  g_assert_false (g_file_query_exists (nowhere, NULL));

  trellis_test_close_all (app);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A file's life without a window, as other parts of the program drive
 * it: open, edit, save, someone else's change, and an open that a
 * later one replaces. */
static void
test_session (void)
{
  g_autoptr(GFile) file = trellis_test_copy_fixture ("small.trellis");
  g_autoptr(TrellisSession) session = trellis_session_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) replaced = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  TrellisDocument *document;

  trellis_session_set_application (session, app);
  g_assert_null (trellis_session_get_document (session));

  trellis_session_open_async (session, file, store_result_cb, &result);
  g_assert_true (trellis_session_get_loading (session));
  trellis_test_wait_until (result != NULL, 10000);
  g_assert_true (trellis_session_open_finish (session, result, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_session_get_loading (session));
  document = trellis_session_get_document (session);
  g_assert_nonnull (document);
  g_assert_true (g_file_equal (trellis_session_get_file (session), file));
  g_assert_nonnull (trellis_session_get_draft_uuid (session));
  g_assert_false (trellis_session_get_unsaved (session));
  g_assert_cmpint (trellis_session_get_notice (session), ==, TRELLIS_SESSION_NOTICE_NONE);
  g_assert_cmpint (trellis_session_request_close (session), ==, TRELLIS_SESSION_CLOSE_NOW);

  /* An edit is unsaved work: closing asks. */
  trellis_document_create (document, TRELLIS_KIND_VALUE, "Ours", -1);
  g_assert_true (trellis_session_get_unsaved (session));
  g_assert_cmpint (trellis_session_request_close (session), ==, TRELLIS_SESSION_CLOSE_ASK);

  g_clear_object (&result);
  trellis_session_save_async (session, file, store_result_cb, &result);
  g_assert_true (trellis_session_get_saving (session));
  trellis_test_wait_until (result != NULL, 5000);
  g_assert_true (trellis_session_save_finish (session, result, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_session_get_saving (session));
  g_assert_false (trellis_session_get_unsaved (session));

  /* Someone else changes the file: the notice says so, and our save
   * does not overwrite their version. */
  trellis_document_create (document, TRELLIS_KIND_VALUE, "Ours again", -1);
  ours = read_file (file);
  theirs = g_strconcat (ours, "<!-- theirs -->\n", NULL);
  write_file (file, theirs);
  trellis_session_check_file (session);
  g_assert_true (trellis_session_get_changed_on_disk (session));
  g_assert_cmpint (trellis_session_get_notice (session), ==, TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK);

  g_clear_object (&result);
  trellis_session_save_async (session, file, store_result_cb, &result);
  trellis_test_wait_until (result != NULL, 5000);
  g_assert_false (trellis_session_save_finish (session, result, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  after = read_file (file);
  g_assert_cmpstr (after, ==, theirs);
  g_assert_true (trellis_session_get_unsaved (session));
  g_assert_cmpint (trellis_session_get_notice (session), ==, TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK);

  /* Read again: their version. An open replaced by a later one ends
   * as cancelled and changes nothing. */
  g_clear_object (&result);
  trellis_session_open_async (session, file, store_result_cb, &replaced);
  trellis_session_open_async (session, file, store_result_cb, &result);
  trellis_test_wait_until (replaced != NULL && result != NULL, 10000);
  g_assert_false (trellis_session_open_finish (session, replaced, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (trellis_session_open_finish (session, result, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_session_get_document (session) != document);
  document = trellis_session_get_document (session);
  g_assert_nonnull (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Ours"));
  g_assert_null (trellis_test_find_named (document, TRELLIS_KIND_VALUE, "Ours again"));
  g_assert_false (trellis_session_get_unsaved (session));
  g_assert_false (trellis_session_get_changed_on_disk (session));
  g_assert_cmpint (trellis_session_get_notice (session), ==, TRELLIS_SESSION_NOTICE_NONE);
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

static void
test_large_file_keeps_drawing (void)
{
  g_autofree char *path = g_build_filename (test_home, "documents", "large.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  TrellisWindow *window;
  const guint n_people = 2500;
  const guint n_competencies = 250;
  guint ticks = 0;
  guint id;
  gint64 start;
  gint64 last;
  gint64 longest = 0;
  guint iterations = 0;

  /* A matrix of the size of a large department: 625,000 assessments. */
  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
                        "  <organisation name=\"Large\"/>\n  <competencies>\n");
  for (guint c = 0; c < n_competencies; c++)
    g_string_append_printf (xml, "    <competency id=\"c%u\" name=\"Competency %u\"/>\n", c, c);
  g_string_append (xml, "  </competencies>\n  <roles>\n    <role id=\"r\" name=\"Role\">\n");
  for (guint c = 0; c < n_competencies; c++)
    g_string_append_printf (xml, "      <requires competency=\"c%u\" level=\"%u\"/>\n", c, c % 5);
  g_string_append (xml, "    </role>\n  </roles>\n  <people>\n");
  for (guint p = 0; p < n_people; p++)
    {
      g_string_append_printf (xml, "    <person id=\"p%u\" name=\"Person %u\" roles=\"r\" share=\"team\">\n", p, p);
      for (guint c = 0; c < n_competencies; c++)
        g_string_append_printf (xml, "      <assessment competency=\"c%u\" level=\"%u\" source=\"self\" date=\"2026-11-20\"/>\n",
                                c, (p + c) % 5);
      g_string_append (xml, "    </person>\n");
    }
  g_string_append (xml, "  </people>\n</trellis>\n");
  g_file_replace_contents (file, xml->str, xml->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  window = trellis_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_iterate (100);

  id = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_tick_cb, &ticks, NULL);
  start = g_get_monotonic_time ();
  last = start;
  trellis_window_load_file (window, file);
  g_assert_true (trellis_window_is_busy (window));
  while (trellis_window_is_busy (window) && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    {
      gint64 now;

      g_main_context_iteration (NULL, TRUE);
      now = g_get_monotonic_time ();
      /* While the file is read; the iteration that shows the document
       * afterwards builds the views, which is not loading. */
      if (trellis_window_is_busy (window))
        {
          longest = MAX (longest, now - last);
          iterations++;
        }
      last = now;
    }
  g_assert_false (trellis_window_is_busy (window));
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), id);

  /* The loader ran in a thread: the main loop never stalled for long,
   * and the window kept painting frames. */
  g_test_message ("loading took %" G_GINT64_FORMAT " ms: %u frames, %u main loop iterations, longest %" G_GINT64_FORMAT " ms",
                  (last - start) / 1000, ticks, iterations, longest / 1000);
  g_assert_cmpuint (iterations, >=, 5);
  g_assert_cmpuint (ticks, >=, 3);
  g_assert_cmpuint (trellis_document_get_n_assessments (trellis_window_get_document (window)), ==,
                    n_people * n_competencies);

  trellis_test_close_all (app);
  g_file_delete (file, NULL, NULL);
}

/* The command line: trellis --version and --help answer without a
 * window, and the help names the FILE a person may give. */
static void
test_command_line (void)
{
  const char *program = g_getenv ("TRELLIS_APP");
  const char *options[] = { "--version", "--help" };

  if (program == NULL || program[0] == '\0')
    {
      g_test_skip ("TRELLIS_APP is not set; run the test through meson test");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                  program, options[i], NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
      g_assert_cmpstr (err, ==, "");

      if (i == 0)
        g_assert_cmpstr (out, ==, "trellis " PACKAGE_VERSION "\n");
      else
        {
          g_assert_nonnull (strstr (out, "[FILE…]"));
          g_assert_nonnull (strstr (out, "--version"));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add_func ("/trellis/app/files/save-reopen", test_save_reopen);
  g_test_add_func ("/trellis/app/files/save-new", test_save_new);
  g_test_add_func ("/trellis/app/files/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/trellis/app/files/changed-before-save", test_changed_before_save);
  g_test_add_func ("/trellis/app/files/save-fails", test_save_fails);
  g_test_add_func ("/trellis/app/files/close-unsaved", test_close_unsaved);
  g_test_add_func ("/trellis/app/files/session", test_session);
  g_test_add_func ("/trellis/app/files/large-file-keeps-drawing", test_large_file_keeps_drawing);
  g_test_add_func ("/trellis/app/files/command-line", test_command_line);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

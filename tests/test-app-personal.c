/* test-app-personal.c: handing out, importing and opening personal
 * files in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "trellis-guide.h"
#include "trellis-personal.h"
#include "trellis-test-app.h"
#include "trellis-window-private.h"

static TrellisApplication *app;

/* The message dialog of @parent whose heading is @heading, once it is up. */
static AdwMessageDialog *
wait_for_dialog (GtkWindow  *parent,
                 const char *heading)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent &&
              gtk_widget_get_visible (GTK_WIDGET (w)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
            return ADW_MESSAGE_DIALOG (w);
        }
      trellis_test_iterate (10);
    }

  g_error ("no dialog ‘%s’", heading);
}

/* Answers @dialog and waits until it is gone. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_autoptr(AdwMessageDialog) hold = g_object_ref (dialog);

  /* As a click does: answer, then close, which answers nothing more. */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  trellis_test_wait_until (!gtk_widget_get_visible (GTK_WIDGET (hold)), 5000);
}

static guint
mode_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 0777;
}

/* A folder of its own for the files handed out. */
static GFile *
new_folder (const char *name)
{
  static guint counter;
  g_autofree char *numbered = g_strdup_printf ("%s-%u", name, ++counter);
  g_autofree char *path = g_build_filename (test_home, numbered, NULL);

  g_assert_no_errno (g_mkdir_with_parents (path, 0700));
  return g_file_new_for_path (path);
}

static TrellisWindow *
hand_out (GFile **folder)
{
  g_autoptr(GFile) team_file = trellis_test_copy_fixture ("small.trellis");
  TrellisWindow *window = trellis_test_open (app, team_file);
  TrellisDocument *team = trellis_window_get_document (window);
  AdwMessageDialog *dialog;
  g_autofree char *saved = NULL;

  g_assert_null (trellis_document_get_matrix_id (team));
  *folder = new_folder ("handed-out");
  trellis_window_hand_out_to (window, *folder);
  dialog = wait_for_dialog (GTK_WINDOW (window), "Self-Assessments Handed Out");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 personal files were written"));
  respond (dialog, "close");

  /* The matrix has its identity, saved at once. */
  trellis_test_wait_until (!trellis_window_is_busy (window) && !trellis_window_get_unsaved (window), 10000);
  g_assert_nonnull (trellis_document_get_matrix_id (team));
  g_file_load_contents (team_file, NULL, &saved, NULL, NULL, NULL);
  g_assert_nonnull (strstr (saved, trellis_document_get_matrix_id (team)));

  return window;
}

static void
test_hand_out (void)
{
  g_autoptr(GFile) folder = NULL;
  TrellisWindow *window = hand_out (&folder);
  g_autoptr(GFile) anna = g_file_get_child (folder, "Anna.trellis");
  g_autoptr(GFile) ben = g_file_get_child (folder, "Ben.trellis");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpuint (mode_of (anna), ==, 0600);
  g_assert_cmpuint (mode_of (ben), ==, 0600);

  /* Again into the same folder: the files there are left alone. */
  g_file_load_contents (anna, NULL, &before, NULL, NULL, NULL);
  trellis_window_hand_out_to (window, folder);
  dialog = wait_for_dialog (GTK_WINDOW (window), "Self-Assessments Handed Out");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "0 personal files were written"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Anna.trellis, Ben.trellis"));
  respond (dialog, "close");
  g_file_load_contents (anna, NULL, &after, NULL, NULL, NULL);
  g_assert_cmpstr (before, ==, after);

  trellis_test_close_all (app);
}

/* A personal file opens in the guided self-assessment. */
static void
test_open_personal (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) ben = NULL;
  TrellisWindow *window;

  hand_out (&folder);
  trellis_test_close_all (app);

  ben = g_file_get_child (folder, "Ben.trellis");
  window = trellis_test_open (app, ben);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "guide");
  g_assert_cmpstr (trellis_guide_get_page (window->guide), ==, "start");
  /* Nothing of the facilitator's: no map to present. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  trellis_test_iterate (50);
  g_assert_false (trellis_window_get_presenting (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "guide");

  trellis_test_close_all (app);
}

/* Answers in a handed-out file, as its owner would, and saves it. */
static void
answer (GFile      *file,
        const char *competency,
        gint        level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = trellis_document_new_from_file (file, NULL, NULL, &error);
  TrellisAssessment a = { competency, level, FALSE, TRELLIS_SOURCE_SELF, 0, NULL, NULL };

  g_assert_no_error (error);
  a.date = trellis_personal_begin_round (doc);
  trellis_document_set_assessment (doc, trellis_personal_get_person (doc), &a);
  trellis_document_save (doc, file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mode_of (file), ==, 0600);
}

static void
test_import (void)
{
  g_autoptr(GFile) folder = NULL;
  TrellisWindow *window = hand_out (&folder);
  TrellisDocument *team = trellis_window_get_document (window);
  g_autoptr(GFile) anna = g_file_get_child (folder, "Anna.trellis");
  g_autoptr(GFile) ben = g_file_get_child (folder, "Ben.trellis");
  g_autoptr(GFile) broken = g_file_get_child (folder, "broken.trellis");
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *before = trellis_test_serialize (team);
  g_autofree char *undone = NULL;
  guint n_before = trellis_document_get_n_assessments (team);
  AdwMessageDialog *dialog;

  answer (anna, "c-listen", 3);
  answer (ben, "c-product", 4);
  g_file_replace_contents (broken, "<trellis", 8, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, NULL);

  /* Ben is Benjamin in the matrix now: whose file it is needs asking. */
  trellis_document_set_string (team, trellis_document_lookup (team, "p-ben"), TRELLIS_FIELD_NAME, "Benjamin");
  g_free (before);
  before = trellis_test_serialize (team);

  g_ptr_array_add (inputs, g_object_ref (folder));
  trellis_window_import (window, inputs);

  dialog = wait_for_dialog (GTK_WINDOW (window), "Who Is Ben?");
  g_assert_true (adw_message_dialog_has_response (dialog, "person-0"));
  respond (dialog, "person-0");

  dialog = wait_for_dialog (GTK_WINDOW (window), "Assessments Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 of 3 files were taken"));
  respond (dialog, "close");

  g_assert_cmpuint (trellis_document_get_n_assessments (team), ==, n_before + 2);

  /* One step takes the whole import back. */
  g_assert_cmpstr (trellis_document_get_undo_label (team), ==, "Import Assessments");
  trellis_document_undo (team);
  undone = trellis_test_serialize (team);
  g_assert_cmpstr (undone, ==, before);

  trellis_test_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add_func ("/trellis/app/personal/hand-out", test_hand_out);
  g_test_add_func ("/trellis/app/personal/open", test_open_personal);
  g_test_add_func ("/trellis/app/personal/import", test_import);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

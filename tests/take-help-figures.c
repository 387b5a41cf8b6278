/* take-help-figures.c: the pictures of the user guide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Takes the figures of help/<language>/figures from the real window, each
 * at a moment a page of the guide describes, with the texts of an example
 * matrix in the language of the interface. Run it through
 * build-aux/help-figures, under a display.
 *
 *   take-help-figures MATRIX OUTPUT-FOLDER
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-entity-pane.h"
#include "trellis-personal.h"
#include "trellis-report-dialog.h"
#include "trellis-test-shots.h"
#include "trellis-vote-screen.h"
#include "trellis-window-private.h"

/* A small laptop's screen: what a facilitator has in front of them. */
#define FIGURE_WIDTH 1280
#define FIGURE_HEIGHT 720

static void
shoot (GtkWindow  *window,
       const char *folder,
       const char *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  trellis_test_shot_settle (GTK_WIDGET (window));
  trellis_test_shot_save (window, path);
}

static TrellisWindow *
new_window (TrellisApplication *app)
{
  TrellisWindow *window = trellis_application_new_window (app);

  gtk_window_set_default_size (GTK_WINDOW (window), FIGURE_WIDTH, FIGURE_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  trellis_test_shot_settle (GTK_WIDGET (window));

  return window;
}

/* "Build a matrix in a workshop": an empty matrix, the organisation named
 * and the example's first values typed, the last one in its editor. */
static void
shoot_workshop (TrellisApplication *app,
                TrellisDocument    *example,
                const char         *folder)
{
  TrellisWindow *window = new_window (app);
  TrellisEntityPane *pane;
  TrellisDocument *document;
  TrellisEntity *organisation;
  guint n = MIN (trellis_document_get_n_items (example, TRELLIS_KIND_VALUE), 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new", NULL);
  trellis_test_wait_until (trellis_window_get_document (window) != NULL, 5000);
  document = trellis_window_get_document (window);
  organisation = TRELLIS_ENTITY (trellis_document_get_organisation (example));
  trellis_document_set_string (document, TRELLIS_ENTITY (trellis_document_get_organisation (document)),
                               TRELLIS_FIELD_NAME, trellis_entity_get_name (organisation));

  trellis_window_show_section (window, "mission");
  trellis_test_shot_settle (GTK_WIDGET (window));
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (window, "mission"));
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *value = trellis_document_get_item (example, TRELLIS_KIND_VALUE, i);

      trellis_test_pane_type_and_enter (pane, trellis_entity_get_name (value));
    }

  shoot (GTK_WINDOW (window), folder, "workshop");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Vote on a requirement": the votes on the first role's first required
 * competency revealed, the agreed value chosen and its reason typed. */
static void
shoot_vote (TrellisApplication *app,
            GFile              *file,
            const char         *folder)
{
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisEntity *role = trellis_document_get_item (document, TRELLIS_KIND_ROLE, 0);
  TrellisEntity *competency = trellis_document_get_item (document, TRELLIS_KIND_COMPETENCY, 0);
  GtkWidget *screen;
  GtkWidget *entry;
  const int votes[] = { 3, 2, 3, 4, 3, 2 };

  gtk_window_set_default_size (GTK_WINDOW (window), FIGURE_WIDTH, FIGURE_HEIGHT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.vote-on", "(ss)",
                              trellis_entity_get_id (role), trellis_entity_get_id (competency));
  trellis_test_wait_until (g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "vote") == 0, 5000);
  screen = gtk_stack_get_child_by_name (window->main_stack, "vote");
  trellis_vote_screen_set_lockout (TRELLIS_VOTE_SCREEN (screen), 0);

  for (guint i = 0; i < G_N_ELEMENTS (votes); i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "vote.cast", "i", votes[i]);
  gtk_widget_activate_action (GTK_WIDGET (window), "vote.reveal", NULL);
  trellis_test_shot_settle (GTK_WIDGET (window));

  /* The reason, as the facilitator types it: the example's own words
   * for the level agreed. */
  entry = trellis_test_find_type (screen, GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), trellis_level_texts_lookup (trellis_entity_get_ptr_array (competency, TRELLIS_FIELD_LEVELS), 3));

  shoot (GTK_WINDOW (window), folder, "vote");
  gtk_widget_activate_action (GTK_WIDGET (window), "vote.drop", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Assess yourself": the first person's personal file, a level chosen and
 * the wish to grow marked on the first competency. */
static void
shoot_self_assessment (TrellisApplication *app,
                       TrellisDocument    *team,
                       const char         *folder,
                       const char         *scratch)
{
  TrellisPerson *person = TRELLIS_PERSON (trellis_document_get_item (team, TRELLIS_KIND_PERSON, 0));
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) personal = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  TrellisWindow *window;
  GtkWidget *grow;

  /* As handing out does: the team's matrix gets its identity. */
  trellis_document_ensure_matrix_id (team);
  personal = trellis_handout_new (team, person, &error);
  g_assert_no_error (error);
  name = trellis_handout_dup_file_name (person);
  path = g_build_filename (scratch, name, NULL);
  file = g_file_new_for_path (path);
  trellis_document_save (personal, file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  window = trellis_test_open (app, file);
  gtk_window_set_default_size (GTK_WINDOW (window), FIGURE_WIDTH, FIGURE_HEIGHT);
  gtk_widget_activate_action (GTK_WIDGET (window->guide), "guide.begin", NULL);
  trellis_test_shot_settle (GTK_WIDGET (window));
  gtk_widget_activate_action (GTK_WIDGET (window->guide), "guide.set-level", "i", 2);
  grow = trellis_test_find_type (GTK_WIDGET (window->guide), GTK_TYPE_CHECK_BUTTON, 0);
  g_assert_nonnull (grow);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (grow), TRUE);

  shoot (GTK_WINDOW (window), folder, "self-assessment");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
report_chosen_cb (const TrellisReportOptions *options,
                  gpointer                    user_data)
{
}

/* "Print the report": the window that comes before the print dialog. */
static void
shoot_report (TrellisApplication *app,
              GFile              *file,
              const char         *folder)
{
  TrellisWindow *window = trellis_test_open (app, file);
  GtkWindow *dialog = trellis_report_dialog_new (GTK_WINDOW (window), trellis_window_get_document (window),
                                                 FALSE, report_chosen_cb, NULL, NULL);

  gtk_window_present (dialog);
  shoot (dialog, folder, "report");
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisApplication) app = NULL;
  g_autoptr(TrellisDocument) example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *copy = NULL;
  const char *folder;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRELLIS_LOCALEDIR") != NULL ? g_getenv ("TRELLIS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 3)
    {
      g_printerr ("Usage: %s MATRIX OUTPUT-FOLDER\n", argv[0]);
      return 2;
    }
  folder = argv[2];

  {
    /* GTK's own test setup, without the test harness' arguments. */
    int fake_argc = 1;
    char **fake_argv = argv;

    trellis_test_init (&fake_argc, &fake_argv);
  }
  g_set_application_name (_("Trellis"));
  g_mkdir_with_parents (folder, 0755);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* The example is opened from a copy: nothing is saved into it. */
  scratch = g_dir_make_tmp ("trellis-help-figures-XXXXXX", NULL);
  {
    g_autofree char *basename = g_path_get_basename (argv[1]);
    g_autofree char *contents = NULL;
    gsize len;

    copy = g_build_filename (scratch, basename, NULL);
    if (!g_file_get_contents (argv[1], &contents, &len, &error) ||
        !g_file_set_contents (copy, contents, len, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }
  file = g_file_new_for_path (copy);
  example = trellis_document_new_from_file (file, NULL, NULL, &error);
  if (example == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  app = trellis_test_app_new ();
  shoot_workshop (app, example, folder);
  shoot_vote (app, file, folder);
  shoot_self_assessment (app, example, folder, scratch);
  shoot_report (app, file, folder);

  trellis_test_close_all (app);
  trellis_test_cleanup ();
  trellis_test_rm_rf (scratch);

  return 0;
}

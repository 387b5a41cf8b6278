/* take-screenshots.c: pictures of the main views, for the README and AppStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens a matrix in the real window and saves a PNG of each view, drawn
 * by GTK itself (gtk_widget_paintable_new and the window's renderer), so
 * that no screen grabber or window manager is needed. Run it through
 * build-aux/screenshots, under a display.
 *
 *   take-screenshots MATRIX OUTPUT-FOLDER [--dark]
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-heatmap-page.h"
#include "trellis-mandate-view.h"
#include "trellis-report-dialog.h"
#include "trellis-test-shots.h"

static GtkWidget *current_window;
static char *screenshot_home;

static void
settle (void)
{
  trellis_test_shot_settle (current_window);
}

static void
shoot (TrellisWindow *window,
       const char    *folder,
       const char    *name)
{
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (folder, file, NULL);

  current_window = GTK_WIDGET (window);
  settle ();
  trellis_test_shot_save (GTK_WINDOW (window), path);
}

static void
report_chosen_cb (const TrellisReportOptions *options,
                  gpointer                    user_data)
{
}

static TrellisEntityPane *
show (TrellisWindow *window,
      const char    *section,
      const char    *page)
{
  GtkWidget *widget;

  trellis_window_show_section (window, section);
  current_window = GTK_WIDGET (window);
  settle ();
  widget = trellis_window_get_section_widget (window, section);
  if (page != NULL)
    {
      GtkWidget *stack = trellis_test_find_type (widget, GTK_TYPE_STACK, 0);

      g_assert_nonnull (stack);

      gtk_stack_set_visible_child_name (GTK_STACK (stack), page);
      settle ();
      widget = gtk_stack_get_visible_child (GTK_STACK (stack));
    }

  return TRELLIS_IS_ENTITY_PANE (widget) ? TRELLIS_ENTITY_PANE (widget) : NULL;
}

static void
select_nth (TrellisEntityPane *pane,
            TrellisDocument   *document,
            guint              n)
{
  TrellisEntity *entity = trellis_document_get_item (document, trellis_entity_pane_get_kind (pane), n);

  if (entity != NULL)
    trellis_entity_pane_select (pane, entity);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  TrellisWindow *window;
  TrellisDocument *document;
  TrellisEntityPane *pane;
  const char *folder;
  gboolean dark = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRELLIS_LOCALEDIR") != NULL ? g_getenv ("TRELLIS_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 3)
    {
      g_printerr ("Usage: %s MATRIX OUTPUT-FOLDER [--dark]\n", argv[0]);
      return 2;
    }
  folder = argv[2];
  dark = argc > 3 && g_str_equal (argv[3], "--dark");

  /* The matrix as a facilitator keeps it, in ~/Documents of a home of
   * its own: the pictures show no folder of the machine they were made on. */
  {
    g_autofree char *home = g_dir_make_tmp ("trellis-screenshots-XXXXXX", NULL);
    g_autofree char *documents = g_build_filename (home, "Documents", NULL);
    g_autofree char *basename = g_path_get_basename (argv[1]);
    g_autofree char *path = g_build_filename (documents, basename, NULL);
    g_autofree char *contents = NULL;
    gsize len;

    g_setenv ("HOME", home, TRUE);
    screenshot_home = g_strdup (home);
    g_mkdir_with_parents (documents, 0700);
    if (!g_file_get_contents (argv[1], &contents, &len, NULL) ||
        !g_file_set_contents (path, contents, len, NULL))
      {
        g_printerr ("Could not copy %s\n", argv[1]);
        return 1;
      }
    file = g_file_new_for_path (path);
  }

  {
    /* GTK's own test setup, without the test harness' arguments. */
    int fake_argc = 1;
    char **fake_argv = argv;

    trellis_test_init (&fake_argc, &fake_argv);
  }
  g_set_application_name (_("Trellis"));
  g_mkdir_with_parents (folder, 0755);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  app = trellis_test_app_new ();

  /* The welcome page first, with the matrix among the recent ones. */
  trellis_application_add_recent (app, file);
  settle ();
  window = trellis_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  if (!dark)
    shoot (window, folder, "welcome");
  gtk_window_destroy (GTK_WINDOW (window));
  current_window = NULL;

  window = trellis_test_open (app, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  document = trellis_window_get_document (window);

  if (dark)
    {
      TrellisHeatmapPage *page;

      show (window, "heatmaps", NULL);
      page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (window, "heatmaps"));
      trellis_heatmap_page_set_view (page, TRELLIS_VIEW_GAPS);
      shoot (window, folder, "heatmap-dark");
      trellis_test_close_all (app);
      trellis_test_cleanup ();
      trellis_test_rm_rf (screenshot_home);
      return 0;
    }

  pane = show (window, "mission", NULL);
  trellis_entity_pane_select (pane, TRELLIS_ENTITY (trellis_document_get_organisation (document)));
  shoot (window, folder, "mission");
  {
    TrellisEntity *value = trellis_document_get_item (document, TRELLIS_KIND_VALUE, 0);

    if (value != NULL)
      {
        trellis_entity_pane_select (pane, value);
        shoot (window, folder, "values");
      }
  }

  pane = show (window, "results", "responsibilities");
  select_nth (pane, document, 0);
  shoot (window, folder, "responsibilities");

  pane = show (window, "competencies", NULL);
  select_nth (pane, document, 0);
  shoot (window, folder, "competencies");

  pane = show (window, "roles", NULL);
  select_nth (pane, document, 0);
  shoot (window, folder, "roles");

  pane = show (window, "people", NULL);
  select_nth (pane, document, 0);
  shoot (window, folder, "people");

  /* The person's mandate, its first responsibility opened. */
  {
    GtkWidget *view = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_MANDATE_VIEW, 0);
    GtkWidget *row = view != NULL ? trellis_test_find_type (view, ADW_TYPE_EXPANDER_ROW, 0) : NULL;

    if (row != NULL)
      {
        GtkWidget *scrolled = gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW);
        graphene_rect_t bounds;

        adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
        settle ();
        /* Scrolled to the mandate, at the end of the person's page. */
        if (scrolled != NULL &&
            gtk_widget_compute_bounds (view, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), &bounds))
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                                    bounds.origin.y - 120);
        shoot (window, folder, "mandate");
      }
  }

  /* Before printing the report: the sections and the readers. */
  {
    GtkWindow *dialog = trellis_report_dialog_new (GTK_WINDOW (window), document, FALSE, report_chosen_cb, NULL, NULL);

    gtk_window_present (dialog);
    current_window = GTK_WIDGET (dialog);
    settle ();
    {
      g_autofree char *path = g_build_filename (folder, "report-dialog.png", NULL);

      trellis_test_shot_save (dialog, path);
    }
    gtk_window_destroy (dialog);
    current_window = GTK_WIDGET (window);
  }

  {
    TrellisHeatmapPage *page;
    TrellisHeatmapView *view;

    show (window, "heatmaps", NULL);
    page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (window, "heatmaps"));
    view = trellis_heatmap_page_get_view (page);
    trellis_heatmap_page_set_view (page, TRELLIS_VIEW_GAPS);
    trellis_heatmap_view_set_focus_cell (view, 1, 2);
    shoot (window, folder, "heatmap");

    trellis_heatmap_page_set_view (page, TRELLIS_VIEW_RESPONSIBILITIES);
    shoot (window, folder, "responsibility-map");

    trellis_heatmap_page_set_view (page, TRELLIS_VIEW_COVERAGE);
    trellis_heatmap_page_set_workshop_mode (page, TRUE);
    shoot (window, folder, "coverage-workshop");
    trellis_heatmap_page_set_workshop_mode (page, FALSE);
    trellis_heatmap_page_set_view (page, TRELLIS_VIEW_GAPS);

    /* Presenting on a projector of 1920 × 1080. Without a window manager
     * nobody makes the window full screen: it gets the projector's size. */
    gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
    settle ();
    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
    trellis_test_iterate (4000);  /* until the hint to press Esc has faded */
    shoot (window, folder, "presentation");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-presenting", NULL);
    gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  }

  pane = show (window, "monitoring", NULL);
  select_nth (pane, document, 0);
  shoot (window, folder, "monitoring");

  pane = show (window, "development", "actions");
  select_nth (pane, document, 0);
  shoot (window, folder, "development");

  trellis_test_close_all (app);
  trellis_test_cleanup ();
  trellis_test_rm_rf (screenshot_home);
  g_free (screenshot_home);

  return 0;
}

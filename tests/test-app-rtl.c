/* test-app-rtl.c: the window in a right-to-left language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Hebrew or Arabic, GTK lays every widget out from the right: the
 * sidebar of sections goes to the right of the window, each section's
 * list to the right of its editor, and the heatmaps, which Trellis
 * draws itself, use the renderer's right-to-left layout (row headers on
 * the right). A picture of every section is kept in the test's folder
 * of the build (app-rtl/), to be looked at.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "trellis-heatmap-page.h"
#include "trellis-layout.h"
#include "trellis-test-shots.h"

#define SCREEN_WIDTH 1280
#define SCREEN_HEIGHT 800

static TrellisApplication *app;

static const char * const sections[] = {
  "mission", "results", "competencies", "roles", "people", "heatmaps", "monitoring", "development",
};

/* GTK takes its direction from its own catalogue: Hebrew is written
 * from the right, and so GTK lays out from the right. */
static void
test_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  /* GTK's test set-up keeps the "C" locale, in which gettext heeds no
   * LANGUAGE: the environment's (C.UTF-8 in the tests) does. */
  g_assert_nonnull (setlocale (LC_ALL, ""));
  g_setenv ("LANGUAGE", "he", TRUE);
  g_assert_cmpint (gtk_get_locale_direction (), ==, GTK_TEXT_DIR_RTL);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, saved);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));

  return bounds;
}

/* The pictures' paths, which trellis_test_shot_save() prints, as
 * comments of the TAP output. (g_test_message() prints through
 * g_print() itself.) */
static void
print_as_comment (const char *text)
{
  fprintf (stdout, "# %s", text);
  fflush (stdout);
}

static void
save_picture (TrellisWindow *window,
              const char    *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "app-rtl", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GPrintFunc print = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  trellis_test_shot_settle (GTK_WIDGET (window));
  print = g_set_print_handler (print_as_comment);
  trellis_test_shot_save (GTK_WINDOW (window), path);
  g_set_print_handler (print);
}

static TrellisLayout *
heatmap_layout (TrellisWindow *window)
{
  TrellisHeatmapPage *page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (window, "heatmaps"));

  g_assert_nonnull (page);
  trellis_test_wait_until (trellis_heatmap_page_get_layout (page) != NULL, 10000);

  return trellis_heatmap_page_get_layout (page);
}

/* Every section from the right: the sidebar on the right of the
 * section, a section's list on the right of its editor. */
static void
test_window_mirrored (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window;
  GtkWidget *sidebar;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = trellis_test_open (app, file);
  gtk_window_set_default_size (GTK_WINDOW (window), SCREEN_WIDTH, SCREEN_HEIGHT);
  trellis_test_iterate (200);
  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, GTK_TEXT_DIR_RTL);

  sidebar = trellis_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, 0);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *section;
      graphene_rect_t side;
      graphene_rect_t shown;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "i", i + 1);
      trellis_test_iterate (100);
      g_assert_cmpstr (trellis_window_get_section (window), ==, sections[i]);
      section = trellis_window_get_section_widget (window, sections[i]);
      g_assert_true (gtk_widget_get_mapped (section));

      side = bounds_in (sidebar, GTK_WIDGET (window));
      shown = bounds_in (section, GTK_WIDGET (window));
      g_test_message ("%s: the sidebar at %.0f to %.0f, the section at %.0f to %.0f", sections[i],
                      side.origin.x, side.origin.x + side.size.width,
                      shown.origin.x, shown.origin.x + shown.size.width);
      g_assert_cmpfloat (side.origin.x, >=, shown.origin.x + shown.size.width - 1);
      g_assert_cmpfloat (side.origin.x + side.size.width, <=, SCREEN_WIDTH + 1);

      if (TRELLIS_IS_ENTITY_PANE (section))
        {
          GtkWidget *list = GTK_WIDGET (trellis_entity_pane_get_list_view (TRELLIS_ENTITY_PANE (section)));
          graphene_rect_t items = bounds_in (list, GTK_WIDGET (window));

          /* The list starts the section: at its right. */
          g_test_message ("%s: the list at %.0f to %.0f", sections[i], items.origin.x, items.origin.x + items.size.width);
          g_assert_cmpfloat (items.origin.x + items.size.width / 2, >, shown.origin.x + shown.size.width / 2);
        }

      save_picture (window, sections[i]);
    }

  /* The heatmaps are laid out right to left: row headers on the right. */
  g_assert_true (trellis_layout_get_options (heatmap_layout (window))->rtl);

  trellis_test_close_all (app);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* The direction changed while the window is open (a person switches
 * the language of the desktop): the heatmaps follow it. */
static void
test_heatmaps_follow (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window;

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  window = trellis_test_open (app, file);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "i", 6);
  trellis_test_iterate (100);
  g_assert_false (trellis_layout_get_options (heatmap_layout (window))->rtl);

  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  trellis_test_wait_until (trellis_layout_get_options (heatmap_layout (window))->rtl, 10000);
  save_picture (window, "heatmaps-after-switching");

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  trellis_test_wait_until (!trellis_layout_get_options (heatmap_layout (window))->rtl, 10000);

  trellis_test_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add_func ("/trellis/app/rtl/locale", test_locale);
  g_test_add_func ("/trellis/app/rtl/window-mirrored", test_window_mirrored);
  g_test_add_func ("/trellis/app/rtl/heatmaps-follow", test_heatmaps_follow);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

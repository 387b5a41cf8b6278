/* test-app-workshop.c: what a facilitator meets building a matrix by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is one trap a keyboard-only workshop fell into, worked with
 * real key presses (xdotool, through the X server) where the keys are
 * what matters: a key must never move, delete or edit what the person
 * did not point at.
 */

#include "config.h"

#include "trellis-test-app.h"

static TrellisApplication *app;

static TrellisWindow *
open_empty (void)
{
  TrellisWindow *window = trellis_application_new_window (app);

  gtk_window_present (GTK_WINDOW (window));
  trellis_window_new_document (window);
  trellis_test_iterate (100);

  return window;
}

/* The list of the section in view. */
static TrellisEntityPane *
pane_in_view (TrellisWindow *window)
{
  GtkWidget *section = trellis_window_get_section_widget (window, trellis_window_get_section (window));
  GtkWidget *pane = trellis_test_find_type (section, TRELLIS_TYPE_ENTITY_PANE, 0);

  g_assert_nonnull (pane);
  return TRELLIS_ENTITY_PANE (pane);
}

static GtkWidget *
focus_of (TrellisWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* Whether the focus is @widget or inside it. */
static gboolean
focus_in (TrellisWindow *window,
          GtkWidget     *widget)
{
  GtkWidget *focus = focus_of (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

#define SKIP_WITHOUT_KEYS(window)                                  \
  G_STMT_START {                                                   \
    if (!trellis_test_can_type (GTK_WINDOW (window)))              \
      {                                                            \
        g_test_skip ("needs X11 and xdotool to press keys");       \
        trellis_test_close_all (app);                              \
        return;                                                    \
      }                                                            \
  } G_STMT_END

/* Alt+2, Down, Down, Enter once moved a result: arrows in the field
 * under a list stay in the list; Move and Delete need Tab or their own
 * keys. */
static void
test_arrows_stay_in_the_list (void)
{
  TrellisWindow *window = open_empty ();
  TrellisEntityPane *pane;
  TrellisDocument *document;
  GtkWidget *list;

  SKIP_WITHOUT_KEYS (window);
  document = trellis_window_get_document (window);
  pane = pane_in_view (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+2", NULL);
  pane = pane_in_view (window);
  g_assert_true (focus_in (window, GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))));
  trellis_test_type (GTK_WINDOW (window), "Question solved at once");
  trellis_test_keys (GTK_WINDOW (window), "Return", NULL);
  trellis_test_type (GTK_WINDOW (window), "Calm customers");
  trellis_test_keys (GTK_WINDOW (window), "Return", NULL);
  g_assert_cmpuint (trellis_document_get_n_items (document, TRELLIS_KIND_RESULT), ==, 2);

  list = GTK_WIDGET (trellis_entity_pane_get_list_view (pane));
  trellis_test_keys (GTK_WINDOW (window), "Down", NULL);
  g_assert_true (focus_in (window, list));
  trellis_test_keys (GTK_WINDOW (window), "Down", NULL);
  g_assert_true (focus_in (window, list));
  trellis_test_keys (GTK_WINDOW (window), "Return", NULL);

  /* Nothing moved, nothing went. */
  g_assert_cmpuint (trellis_document_get_n_items (document, TRELLIS_KIND_RESULT), ==, 2);
  g_assert_cmpstr (trellis_entity_get_name (trellis_document_get_item (document, TRELLIS_KIND_RESULT, 0)),
                   ==, "Question solved at once");
  g_assert_false (trellis_document_can_redo (document));

  /* Up from the field: into the list too. */
  trellis_test_keys (GTK_WINDOW (window), "alt+2", "Up", NULL);
  g_assert_true (focus_in (window, list));
  trellis_test_keys (GTK_WINDOW (window), "Up", "Return", NULL);
  g_assert_cmpuint (trellis_document_get_n_items (document, TRELLIS_KIND_RESULT), ==, 2);
  g_assert_cmpstr (trellis_entity_get_name (trellis_document_get_item (document, TRELLIS_KIND_RESULT, 0)),
                   ==, "Question solved at once");

  trellis_test_close_all (app);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add_func ("/trellis/app/workshop/arrows-stay-in-the-list", test_arrows_stay_in_the_list);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

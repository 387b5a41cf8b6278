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

#include "trellis-assignment-table.h"
#include "trellis-choice-button.h"
#include "trellis-entity-checklist.h"
#include "trellis-heatmap-page.h"
#include "trellis-level-table.h"
#include "trellis-monitor.h"
#include "trellis-sight-links.h"
#include "trellis-test-app.h"
#include "trellis-window-private.h"

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
  GtkWidget *pane = trellis_window_get_section_focus (window);

  g_assert_true (TRELLIS_IS_ENTITY_PANE (pane));
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

/* The check of @checklist that has the focus, or -1. */
static int
focused_check (TrellisWindow *window,
               GtkWidget     *checklist)
{
  GtkWidget *focus = focus_of (window);
  GtkWidget *list = trellis_test_find_type (checklist, GTK_TYPE_LIST_VIEW, 0);
  int index = 0;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, checklist))
    return -1;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (!gtk_widget_get_visible (row) || gtk_widget_get_first_child (row) == NULL ||
          !GTK_IS_CHECK_BUTTON (gtk_widget_get_first_child (row)))
        continue;
      if (focus == row || gtk_widget_is_ancestor (focus, row))
        return index;
      index++;
    }

  return -1;
}

/* Tick a value on one result, add the next, Tab into the values: the
 * focus is on the first value, not the one ticked before. */
static void
test_checklist_starts_at_its_first_row (void)
{
  TrellisWindow *window = open_empty ();
  TrellisDocument *document;
  TrellisEntityPane *pane;
  GtkWidget *checklist;
  TrellisEntity *first;
  TrellisEntity *second;

  SKIP_WITHOUT_KEYS (window);
  document = trellis_window_get_document (window);
  pane = pane_in_view (window);
  trellis_test_pane_type_and_enter (pane, "Care");
  trellis_test_pane_type_and_enter (pane, "Ownership");
  trellis_test_pane_type_and_enter (pane, "Curiosity");

  trellis_test_keys (GTK_WINDOW (window), "alt+2", NULL);
  pane = pane_in_view (window);
  first = trellis_test_pane_type_and_enter (pane, "Question solved at once");
  checklist = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_ENTITY_CHECKLIST, 0);
  g_assert_nonnull (checklist);

  /* Into the editor, on to the values, down to the third, tick it. */
  trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
  for (guint i = 0; i < 6 && focused_check (window, checklist) < 0; i++)
    trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
  g_assert_cmpint (focused_check (window, checklist), ==, 0);
  trellis_test_keys (GTK_WINDOW (window), "Down", "Down", "space", NULL);
  g_assert_cmpint (focused_check (window, checklist), ==, 2);
  g_assert_cmpstr (trellis_entity_get_strv (first, TRELLIS_FIELD_VALUES)[0], ==,
                   trellis_entity_get_id (trellis_document_get_item (document, TRELLIS_KIND_VALUE, 2)));

  /* The next result: the same way in starts at the first value. */
  trellis_test_keys (GTK_WINDOW (window), "alt+2", NULL);
  trellis_test_type (GTK_WINDOW (window), "Calm customers");
  trellis_test_keys (GTK_WINDOW (window), "Return", "Tab", NULL);
  second = trellis_entity_pane_get_selected (pane);
  g_assert_true (second != first);
  for (guint i = 0; i < 6 && focused_check (window, checklist) < 0; i++)
    trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
  g_assert_cmpint (focused_check (window, checklist), ==, 0);
  trellis_test_keys (GTK_WINDOW (window), "space", NULL);
  g_assert_cmpstr (trellis_entity_get_strv (second, TRELLIS_FIELD_VALUES)[0], ==,
                   trellis_entity_get_id (trellis_document_get_item (document, TRELLIS_KIND_VALUE, 0)));

  trellis_test_close_all (app);
}

static gboolean
popover_shown (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_mapped (child))
      return TRUE;

  return FALSE;
}

/* Presenting shows; Enter once opened a RACI popover on the projected
 * map. Editing is off while presenting, until the facilitator turns it
 * on (Alt+E), and off again at the next presentation. */
static void
test_presenting_shows (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisHeatmapPage *page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (window, "heatmaps"));
  TrellisHeatmapView *view = trellis_heatmap_page_get_view (page);
  guint row, column;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "F5", NULL);
  trellis_test_wait_until (trellis_window_get_presenting (window) && trellis_heatmap_page_get_layout (page) != NULL, 5000);
  trellis_test_iterate (200);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

  /* To a person's cell; Enter, Space, a digit, Delete: nothing changes. */
  for (guint i = 0; i < 8; i++)
    trellis_test_keys (GTK_WINDOW (window), "Down", NULL);
  g_assert_true (trellis_heatmap_view_get_focus_cell (view, &row, &column));
  g_assert_cmpuint (row, >, 0);
  trellis_test_keys (GTK_WINDOW (window), "Return", NULL);
  g_assert_false (popover_shown (GTK_WIDGET (view)));
  trellis_test_keys (GTK_WINDOW (window), "space", "2", "Delete", NULL);
  g_assert_false (popover_shown (GTK_WIDGET (view)));
  g_assert_false (trellis_document_can_undo (document));
  g_assert_true (trellis_window_get_presenting (window));

  /* Nor through the cells' actions. */
  {
    TrellisEntity *person = trellis_document_get_item (document, TRELLIS_KIND_PERSON, 0);
    TrellisEntity *competency = trellis_document_get_item (document, TRELLIS_KIND_COMPETENCY, 0);

    gtk_widget_activate_action (GTK_WIDGET (view), "cell.set-assessed-level", "(sssi)",
                                trellis_entity_get_id (person), trellis_entity_get_id (competency), "coach", 1);
    trellis_test_iterate (20);
    g_assert_false (trellis_document_can_undo (document));
  }

  /* The facilitator turns editing on: Enter opens the choices again. */
  trellis_test_keys (GTK_WINDOW (window), "alt+e", NULL);
  g_assert_true (trellis_window_get_present_editing (window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  trellis_test_keys (GTK_WINDOW (window), "Return", NULL);
  g_assert_true (popover_shown (GTK_WIDGET (view)));
  trellis_test_keys (GTK_WINDOW (window), "Escape", NULL);
  g_assert_false (popover_shown (GTK_WIDGET (view)));
  g_assert_true (trellis_window_get_presenting (window));

  /* Escape ends it; the next presentation shows only again. */
  trellis_test_keys (GTK_WINDOW (window), "Escape", NULL);
  g_assert_false (trellis_window_get_presenting (window));
  g_assert_false (trellis_window_get_present_editing (window));
  trellis_test_keys (GTK_WINDOW (window), "F5", NULL);
  trellis_test_wait_until (trellis_window_get_presenting (window), 5000);
  g_assert_false (trellis_window_get_present_editing (window));
  trellis_test_keys (GTK_WINDOW (window), "Return", NULL);
  g_assert_false (popover_shown (GTK_WIDGET (view)));
  trellis_test_keys (GTK_WINDOW (window), "Escape", NULL);

  trellis_test_close_all (app);
}

/* Alt+6 lands in the grid; Present is not one Shift+Tab from it. */
static void
test_heatmaps_by_keyboard (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisHeatmapPage *page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (window, "heatmaps"));
  TrellisHeatmapView *view = trellis_heatmap_page_get_view (page);
  TrellisDocument *document = trellis_window_get_document (window);
  GtkWidget *focus;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+6", NULL);
  trellis_test_wait_until (trellis_heatmap_page_get_layout (page) != NULL, 5000);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

  for (guint i = 0; i < 3; i++)
    {
      trellis_test_keys (GTK_WINDOW (window), "shift+Tab", NULL);
      focus = focus_of (window);
      g_assert_nonnull (focus);
      g_assert_true (!GTK_IS_ACTIONABLE (focus) ||
                     g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), "win.present") != 0);
    }

  /* Undo says what it undoes. */
  trellis_test_keys (GTK_WINDOW (window), "alt+6", NULL);
  for (guint i = 0; i < 10; i++)
    trellis_test_keys (GTK_WINDOW (window), "Down", NULL);
  trellis_test_keys (GTK_WINDOW (window), "3", NULL);
  trellis_test_wait_until (trellis_document_can_undo (document), 2000);
  trellis_test_iterate (50);
  {
    GtkWidget *undo = NULL;
    g_autofree char *expected = g_strdup_printf ("Undo %s (Ctrl+Z)", trellis_document_get_undo_label (document));
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, window);
    while (!g_queue_is_empty (&queue) && undo == NULL)
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), "doc.undo") == 0)
          undo = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_queue_clear (&queue);

    g_assert_nonnull (undo);
    g_assert_true (g_str_has_prefix (trellis_document_get_undo_label (document), "Set Level of ‘"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, expected);
  }

  trellis_test_close_all (app);
}

/* Ctrl+Page Down and Up switch the pages of a section. */
static void
test_section_pages_by_keyboard (void)
{
  TrellisWindow *window = open_empty ();
  TrellisEntityPane *pane;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+2", NULL);
  g_assert_cmpint (trellis_entity_pane_get_kind (pane_in_view (window)), ==, TRELLIS_KIND_RESULT);
  trellis_test_keys (GTK_WINDOW (window), "ctrl+Page_Down", NULL);
  pane = pane_in_view (window);
  g_assert_cmpint (trellis_entity_pane_get_kind (pane), ==, TRELLIS_KIND_RESPONSIBILITY);
  g_assert_true (focus_in (window, GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))));

  /* From inside a text field of an editor, too. */
  trellis_test_type (GTK_WINDOW (window), "Handle complaints");
  trellis_test_keys (GTK_WINDOW (window), "Return", "Tab", NULL);
  g_assert_false (focus_in (window, GTK_WIDGET (trellis_entity_pane_get_add_entry (pane))));
  trellis_test_keys (GTK_WINDOW (window), "ctrl+Page_Up", NULL);
  g_assert_cmpint (trellis_entity_pane_get_kind (pane_in_view (window)), ==, TRELLIS_KIND_RESULT);
  trellis_test_keys (GTK_WINDOW (window), "ctrl+Page_Up", NULL);
  g_assert_cmpint (trellis_entity_pane_get_kind (pane_in_view (window)), ==, TRELLIS_KIND_RESPONSIBILITY);

  trellis_test_keys (GTK_WINDOW (window), "alt+8", "ctrl+Page_Down", NULL);
  g_assert_cmpint (trellis_entity_pane_get_kind (pane_in_view (window)), ==, TRELLIS_KIND_FEEDBACK);

  trellis_test_close_all (app);
}

/* The button that adds an assessment comes after the fields it takes. */
static void
test_add_assessment_after_its_form (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  GtkWidget *row;
  GtkWidget *button = NULL;
  guint rows_passed = 0;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+5", NULL);
  row = trellis_test_find_row (GTK_WIDGET (window), "Competency");
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  for (guint i = 0; i < 20 && button == NULL; i++)
    {
      GtkWidget *focus;

      trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
      focus = focus_of (window);
      g_assert_nonnull (focus);
      if (GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), "_Add Assessment") == 0)
        button = focus;
      else if (gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_ROW) != NULL)
        rows_passed++;
    }
  g_assert_nonnull (button);
  /* Level, perspective, wish, date, note and evidence came first. */
  g_assert_cmpuint (rows_passed, >=, 6);

  trellis_test_close_all (app);
}

/* The index of the @type widget in @root that has the focus, or -1. */
static gint
focused_nth (TrellisWindow *window,
             GtkWidget     *root,
             GType          type)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *w;

  for (guint i = 0; (w = trellis_test_find_type (root, type, i)) != NULL; i++)
    if (focus == w || (focus != NULL && gtk_widget_is_ancestor (focus, w)))
      return (gint) i;

  return -1;
}

/* The roles of a responsibility and the levels of a role are entered
 * at their first row, whichever row had the focus in the one before:
 * Space on “Responsible” once set it for a role nobody pointed at. */
static void
test_tables_start_at_their_first_row (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  GtkWidget *table;
  GtkWidget *description;

  SKIP_WITHOUT_KEYS (window);

  /* The letter A of the second role of one responsibility... */
  trellis_window_show_entity (window, trellis_document_get_item (document, TRELLIS_KIND_RESPONSIBILITY, 0));
  trellis_test_iterate (50);
  table = trellis_test_find_type (trellis_window_get_section_focus (window), TRELLIS_TYPE_ASSIGNMENT_TABLE, 0);
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_grab_focus (trellis_test_find_type (table, GTK_TYPE_TOGGLE_BUTTON, 5)));
  g_assert_cmpint (focused_nth (window, table, GTK_TYPE_TOGGLE_BUTTON), ==, 5);

  /* ...then the next responsibility, Tab from its description: R of
   * the first role. */
  trellis_window_show_entity (window, trellis_document_get_item (document, TRELLIS_KIND_RESPONSIBILITY, 1));
  trellis_test_iterate (50);
  description = trellis_test_find_type (trellis_window_get_section_focus (window), GTK_TYPE_TEXT_VIEW, 0);
  g_assert_true (gtk_widget_grab_focus (description));
  trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
  g_assert_cmpint (focused_nth (window, table, GTK_TYPE_TOGGLE_BUTTON), ==, 0);

  /* The same for the levels of a role. */
  trellis_window_show_entity (window, trellis_document_get_item (document, TRELLIS_KIND_ROLE, 0));
  trellis_test_iterate (50);
  table = trellis_test_find_type (trellis_window_get_section_focus (window), TRELLIS_TYPE_LEVEL_TABLE, 0);
  g_assert_nonnull (table);
  g_assert_true (gtk_widget_grab_focus (trellis_test_find_type (table, TRELLIS_TYPE_CHOICE_BUTTON, 2)));
  trellis_window_show_entity (window, trellis_document_get_item (document, TRELLIS_KIND_ROLE, 1));
  trellis_test_iterate (50);
  description = trellis_test_find_type (trellis_window_get_section_focus (window), GTK_TYPE_TEXT_VIEW, 0);
  g_assert_true (gtk_widget_grab_focus (description));
  trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
  g_assert_cmpint (focused_nth (window, table, TRELLIS_TYPE_CHOICE_BUTTON), ==, 0);

  trellis_test_close_all (app);
}

/* Down through a list of people stays in the list, after the focus has
 * been in a person's roles once: the roles of the next person were
 * entered at once, and the arrows went on in them. */
static void
test_arrows_stay_after_a_checklist (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane;
  GtkWidget *checklist;
  GtkWidget *list;
  TrellisEntity *before;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+5", NULL);
  pane = pane_in_view (window);
  list = GTK_WIDGET (trellis_entity_pane_get_list_view (pane));
  checklist = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_ENTITY_CHECKLIST, 0);
  g_assert_nonnull (checklist);
  g_assert_true (gtk_widget_grab_focus (trellis_test_find_type (checklist, GTK_TYPE_CHECK_BUTTON, 1)));
  g_assert_true (focus_in (window, checklist));

  trellis_test_keys (GTK_WINDOW (window), "alt+5", "Up", "Home", NULL);
  g_assert_true (focus_in (window, list));
  for (guint i = 0; i < 3; i++)
    {
      before = trellis_entity_pane_get_selected (pane);
      trellis_test_keys (GTK_WINDOW (window), "Down", NULL);
      g_assert_true (focus_in (window, list));
      g_assert_true (trellis_entity_pane_get_selected (pane) != before);
    }

  trellis_test_close_all (app);
}

/* On a role's levels a digit is the level, as on the heatmap. */
static void
test_role_levels_take_digits (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisEntityPane *pane;
  TrellisEntity *role;
  GtkWidget *level;
  GtkListItem *item;
  const char *competency;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+4", NULL);
  pane = pane_in_view (window);
  role = trellis_entity_pane_get_selected (pane);
  g_assert_nonnull (role);
  level = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_CHOICE_BUTTON, 0);
  g_assert_nonnull (level);
  item = g_object_get_data (G_OBJECT (level), "list-item");
  g_assert_nonnull (item);
  competency = trellis_entity_get_id (gtk_list_item_get_item (item));
  gtk_widget_grab_focus (level);

  trellis_test_keys (GTK_WINDOW (window), "3", NULL);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES), competency), ==, 3);
  trellis_test_keys (GTK_WINDOW (window), "1", NULL);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES), competency), ==, 1);
  /* Off the scale: nothing changes. */
  trellis_test_keys (GTK_WINDOW (window), "9", NULL);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES), competency), ==, 1);
  trellis_test_keys (GTK_WINDOW (window), "Delete", NULL);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES), competency), ==, TRELLIS_LEVEL_NONE);
  g_assert_true (trellis_document_can_undo (document));

  trellis_test_close_all (app);
}

static TrellisAuthority
authority_of (TrellisEntity *responsibility,
              TrellisEntity *role)
{
  const TrellisAssignment *a = trellis_assignments_lookup (trellis_entity_get_array (responsibility, TRELLIS_FIELD_ASSIGNS),
                                                           trellis_entity_get_id (role));

  return a != NULL ? a->authority : TRELLIS_AUTHORITY_NONE;
}

/* On a responsibility a digit is the level of delegation of a role,
 * 1 Tell to 7 Delegate. */
static void
test_delegation_takes_digits (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisEntityPane *pane;
  TrellisEntity *responsibility;
  TrellisEntity *role;
  GtkWidget *authority;
  GtkListItem *item;

  SKIP_WITHOUT_KEYS (window);

  trellis_test_keys (GTK_WINDOW (window), "alt+2", "ctrl+Page_Down", NULL);
  pane = pane_in_view (window);
  g_assert_cmpint (trellis_entity_pane_get_kind (pane), ==, TRELLIS_KIND_RESPONSIBILITY);
  responsibility = trellis_entity_pane_get_selected (pane);
  g_assert_nonnull (responsibility);
  authority = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_CHOICE_BUTTON, 0);
  g_assert_nonnull (authority);
  item = g_object_get_data (G_OBJECT (authority), "list-item");
  role = gtk_list_item_get_item (item);
  gtk_widget_grab_focus (authority);

  trellis_test_keys (GTK_WINDOW (window), "5", NULL);
  g_assert_cmpint (authority_of (responsibility, role), ==, TRELLIS_AUTHORITY_ADVISE);
  trellis_test_keys (GTK_WINDOW (window), "9", NULL);
  g_assert_cmpint (authority_of (responsibility, role), ==, TRELLIS_AUTHORITY_ADVISE);
  trellis_test_keys (GTK_WINDOW (window), "Delete", NULL);
  g_assert_cmpint (authority_of (responsibility, role), ==, TRELLIS_AUTHORITY_NONE);

  trellis_test_close_all (app);
}

/* The first behaviour of a new value is added without a complaint
 * (the tests make every GLib warning fatal). */
static void
test_first_behaviour (void)
{
  TrellisWindow *window = open_empty ();
  TrellisEntityPane *pane = pane_in_view (window);
  TrellisEntity *value = trellis_test_pane_type_and_enter (pane, "Curiosity");
  GtkWidget *row = trellis_test_find_row (GTK_WIDGET (pane), "Add a behaviour");

  g_assert_nonnull (row);
  trellis_test_row_type_and_enter (row, "Asks why");
  g_assert_cmpstr (trellis_entity_get_strv (value, TRELLIS_FIELD_BEHAVIOURS)[0], ==, "Asks why");

  trellis_test_close_all (app);
}

/* The section the sidebar highlights. */
static const char *
highlighted_section (TrellisWindow *window)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (window->sections_list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "section") : NULL;
}

/* After reopening, the sidebar highlighted one section while another
 * showed: whichever way a matrix comes, they agree. */
static void
test_sidebar_follows_the_section (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TrellisWindow *window;

  /* A new matrix, after a session that ended in Development. */
  g_settings_set_string (settings, "last-section", "development");
  window = open_empty ();
  g_assert_cmpstr (trellis_window_get_section (window), ==, "mission");
  g_assert_cmpstr (highlighted_section (window), ==, "mission");
  trellis_test_close_all (app);

  /* A matrix opened where the last session ended, and where a new
   * window begins. */
  g_settings_set_string (settings, "last-section", "development");
  window = trellis_test_open (app, file);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "development");
  g_assert_cmpstr (highlighted_section (window), ==, "development");
  trellis_test_close_all (app);

  g_settings_set_string (settings, "last-section", "mission");
  window = trellis_test_open (app, file);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "mission");
  g_assert_cmpstr (highlighted_section (window), ==, "mission");

  /* Presenting and coming back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "i", 8);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  trellis_test_iterate (100);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "development");
  g_assert_cmpstr (highlighted_section (window), ==, "development");

  trellis_test_close_all (app);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *root)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, root, &r));
  return r;
}

/* The mapped drawing area of @page whose name is @name. */
static GtkWidget *
area_named (GtkWidget  *page,
            guint       nth)
{
  return trellis_test_find_type (page, GTK_TYPE_DRAWING_AREA, nth);
}

/* The projected map sat small in a corner, the legend over its lower
 * rows and a toast over the legend: presented, the picture fills the
 * window, and the title, the map, the legend and the bar under them each
 * have their own room. Totals Only (Alt+T) shows nobody by name. */
static void
test_presented_map_fills_the_screen (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisHeatmapPage *page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (window, "heatmaps"));
  TrellisHeatmapView *view = trellis_heatmap_page_get_view (page);
  GtkWidget *bar;
  TrellisLayout *layout;
  graphene_rect_t map, title, legend, bar_bounds;
  GtkWidget *title_area, *legend_area;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  trellis_test_iterate (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  trellis_test_wait_until ((layout = trellis_heatmap_page_get_layout (page)) != NULL &&
                           trellis_layout_get_options (layout)->fit_width == gtk_widget_get_width (GTK_WIDGET (page)),
                           5000);
  trellis_test_iterate (300);
  layout = trellis_heatmap_page_get_layout (page);

  /* It all fits: the picture is the page above the bar. */
  {
    double pw, ph;

    trellis_layout_get_picture_size (layout, &pw, &ph);
    g_assert_cmpfloat (pw, ==, trellis_layout_get_options (layout)->fit_width);
    g_assert_cmpfloat (ph, ==, trellis_layout_get_options (layout)->fit_height);
  }

  title_area = area_named (GTK_WIDGET (page), 0);
  legend_area = area_named (GTK_WIDGET (page), 1);
  g_assert_nonnull (title_area);
  g_assert_nonnull (legend_area);
  bar = trellis_test_find_css (GTK_WIDGET (page), "present-bar");
  g_assert_true (gtk_widget_get_mapped (bar));
  map = bounds_in (gtk_widget_get_parent (GTK_WIDGET (view)), GTK_WIDGET (page));
  title = bounds_in (title_area, GTK_WIDGET (page));
  legend = bounds_in (legend_area, GTK_WIDGET (page));
  bar_bounds = bounds_in (bar, GTK_WIDGET (page));

  g_assert_cmpfloat (title.origin.y + title.size.height, <=, map.origin.y + 0.5);
  g_assert_false (graphene_rect_intersection (&legend, &map, NULL));
  g_assert_false (graphene_rect_intersection (&legend, &title, NULL));
  g_assert_cmpfloat (MAX (map.origin.y + map.size.height, legend.origin.y + legend.size.height), <=, bar_bounds.origin.y + 0.5);
  /* The map has the room it needs: nothing of it scrolls out of view. */
  g_assert_cmpfloat (map.size.width, >=, trellis_layout_get_row_header_width (layout) + 1);
  {
    double w, h;

    trellis_layout_get_content_size (layout, &w, &h);
    g_assert_cmpfloat (map.size.width + 1, >=, trellis_layout_get_row_header_width (layout) + w);
    g_assert_cmpfloat (map.size.height + 1, >=, trellis_layout_get_column_header_height (layout) + h);
  }
  /* No toast over anything. */
  g_assert_null (trellis_test_find_css (GTK_WIDGET (window), "toast"));

  /* Totals only: nobody by name, and the bar says so. */
  if (trellis_test_can_type (GTK_WINDOW (window)))
    trellis_test_keys (GTK_WINDOW (window), "alt+t", NULL);
  else
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (trellis_test_find_type (bar, GTK_TYPE_TOGGLE_BUTTON, 0)), TRUE);
  trellis_test_wait_until ((layout = trellis_heatmap_page_get_layout (page)) != NULL &&
                           trellis_layout_get_options (layout)->audience == TRELLIS_AUDIENCE_TOTALS, 5000);
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    g_assert_cmpint (trellis_layout_get_row_kind (layout, r), !=, TRELLIS_ITEM_PERSON);
  {
    GtkWidget *label = trellis_test_find_type (bar, GTK_TYPE_LABEL, 0);

    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "totals only"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  trellis_test_iterate (200);
  trellis_test_close_all (app);
}

/* The link named @label in the line of sight of @root, if shown. */
static GtkWidget *
sight_link (GtkWidget  *root,
            const char *label)
{
  GtkWidget *sight = trellis_test_find_type (root, TRELLIS_TYPE_SIGHT_LINKS, 0);
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *found = NULL;

  g_assert_nonnull (sight);
  g_queue_push_tail (&queue, sight);
  while (!g_queue_is_empty (&queue) && found == NULL)
    {
      GtkWidget *w = g_queue_pop_head (&queue);

      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);

  return found;
}

/* Every editor shows the line of sight as links: from a person up to
 * the mission, from a competency down to who carries it; a link opens
 * what it names. */
static void
test_line_of_sight_links (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisEntity *anna = trellis_test_find_named (document, TRELLIS_KIND_PERSON, "Anna");
  TrellisEntity *agent = trellis_test_find_named (document, TRELLIS_KIND_ROLE, "Service agent");
  TrellisEntity *listening = trellis_test_find_named (document, TRELLIS_KIND_COMPETENCY, "Active listening");
  GtkWidget *link;

  /* From Anna: her role, and up to the mission. */
  trellis_window_show_entity (window, anna);
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "people");
  g_assert_nonnull (sight_link (trellis_window_get_section_focus (window), "Genuine care"));
  g_assert_nonnull (sight_link (trellis_window_get_section_focus (window),
                                trellis_entity_get_string (TRELLIS_ENTITY (trellis_document_get_organisation (document)),
                                                           TRELLIS_FIELD_MISSION)));
  /* Tab leaves the last link for what comes after: once it stayed there
   * for good, before the row of the person shown, which has no link. */
  if (trellis_test_can_type (GTK_WINDOW (window)))
    {
      GtkWidget *sight = trellis_test_find_type (trellis_window_get_section_focus (window),
                                                 TRELLIS_TYPE_SIGHT_LINKS, 0);
      GtkWidget *last = NULL;
      GtkWidget *focus;

      for (guint i = 0; trellis_test_find_type (sight, GTK_TYPE_BUTTON, i) != NULL; i++)
        last = trellis_test_find_type (sight, GTK_TYPE_BUTTON, i);
      g_assert_nonnull (last);
      g_assert_true (gtk_widget_grab_focus (last));
      trellis_test_keys (GTK_WINDOW (window), "Tab", NULL);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_false (focus == last);
      g_assert_false (gtk_widget_is_ancestor (focus, sight));
    }

  link = sight_link (trellis_window_get_section_focus (window), "Service agent");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "roles");
  g_assert_true (trellis_entity_pane_get_selected (pane_in_view (window)) == agent);

  /* From a competency down to the people who carry it. */
  link = sight_link (trellis_window_get_section_focus (window), "Active listening");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "competencies");
  g_assert_true (trellis_entity_pane_get_selected (pane_in_view (window)) == listening);
  link = sight_link (trellis_window_get_section_focus (window), "Anna");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "people");
  g_assert_true (trellis_entity_pane_get_selected (pane_in_view (window)) == anna);

  /* Into a section of two pages: a responsibility. */
  link = sight_link (trellis_window_get_section_focus (window), "Answer questions by phone, chat and email");
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (window), ==, "results");
  g_assert_cmpint (trellis_entity_pane_get_kind (pane_in_view (window)), ==, TRELLIS_KIND_RESPONSIBILITY);

  trellis_test_close_all (app);
}

/* Monitoring marks an indicator whose latest measurement misses its
 * target; People and Development say when a person last took a step in
 * growing, and who nobody has talked with for six months. */
static void
test_monitoring_signals (void)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, file);
  TrellisDocument *document = trellis_window_get_document (window);
  TrellisEntity *missing = NULL;
  TrellisEntity *newcomer;
  GtkWidget *row;
  GtkWidget *section;

  for (guint i = 0; i < trellis_document_get_n_items (document, TRELLIS_KIND_INDICATOR) && missing == NULL; i++)
    if (trellis_indicator_misses_target (trellis_document_get_item (document, TRELLIS_KIND_INDICATOR, i)))
      missing = trellis_document_get_item (document, TRELLIS_KIND_INDICATOR, i);
  g_assert_nonnull (missing);

  trellis_window_show_entity (window, missing);
  trellis_test_iterate (100);
  section = trellis_window_get_section_focus (window);
  row = trellis_test_find_row (section, "Latest measurement");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "misses the target"));
  g_assert_true (gtk_widget_has_css_class (row, "warning"));
  /* In the list too: a mark, and words for screen readers. */
  g_assert_nonnull (trellis_test_find_css (GTK_WIDGET (trellis_entity_pane_get_list_view (TRELLIS_ENTITY_PANE (section))),
                                           "entity-row"));

  /* A newcomer nobody has talked with yet. */
  trellis_window_show_section (window, "people");
  trellis_test_iterate (50);
  newcomer = trellis_test_pane_type_and_enter (pane_in_view (window), "Newcomer");
  trellis_test_iterate (100);
  row = trellis_test_find_row (trellis_window_get_section_focus (window), "Learning rhythm");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "nobody has talked with them"));
  g_assert_true (trellis_document_is_quiet (document, newcomer, trellis_date_today ()));

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
  g_test_add_func ("/trellis/app/workshop/first-behaviour", test_first_behaviour);
  g_test_add_func ("/trellis/app/workshop/sidebar-follows-the-section", test_sidebar_follows_the_section);
  g_test_add_func ("/trellis/app/workshop/checklist-starts-at-its-first-row", test_checklist_starts_at_its_first_row);
  g_test_add_func ("/trellis/app/workshop/presenting-shows", test_presenting_shows);
  g_test_add_func ("/trellis/app/workshop/line-of-sight-links", test_line_of_sight_links);
  g_test_add_func ("/trellis/app/workshop/monitoring-signals", test_monitoring_signals);
  g_test_add_func ("/trellis/app/workshop/presented-map-fills-the-screen", test_presented_map_fills_the_screen);
  g_test_add_func ("/trellis/app/workshop/heatmaps-by-keyboard", test_heatmaps_by_keyboard);
  g_test_add_func ("/trellis/app/workshop/section-pages-by-keyboard", test_section_pages_by_keyboard);
  g_test_add_func ("/trellis/app/workshop/add-assessment-after-its-form", test_add_assessment_after_its_form);
  g_test_add_func ("/trellis/app/workshop/role-levels-take-digits", test_role_levels_take_digits);
  g_test_add_func ("/trellis/app/workshop/tables-start-at-their-first-row", test_tables_start_at_their_first_row);
  g_test_add_func ("/trellis/app/workshop/arrows-stay-after-a-checklist", test_arrows_stay_after_a_checklist);
  g_test_add_func ("/trellis/app/workshop/delegation-takes-digits", test_delegation_takes_digits);

  ret = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

/* test-app-heatmap.c: the heatmaps in the window, edited by keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-heatmap-page.h"
#include "trellis-test-app.h"
#include "trellis-window-private.h"

static TrellisApplication *app;

/* The layouts a test looks at are kept alive, so that a new layout
 * never takes the address of one that was freed. */
static GPtrArray *seen_layouts;

typedef struct
{
  GFile              *file;
  TrellisWindow      *window;
  TrellisDocument    *document;
  TrellisHeatmapPage *page;
  TrellisHeatmapView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->file = trellis_test_copy_example ("customer-service.trellis");
  f->window = trellis_test_open (app, f->file);
  f->document = trellis_window_get_document (f->window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 6);
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, "heatmaps");

  f->page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (f->window, "heatmaps"));
  f->view = trellis_heatmap_page_get_view (f->page);
  trellis_test_wait_until (trellis_heatmap_page_get_layout (f->page) != NULL, 5000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  trellis_test_close_all (app);
  g_clear_object (&f->file);
  g_ptr_array_set_size (seen_layouts, 0);
}

/* The document's own entity for one a layout shows: the page lays out
 * copies of the document (trellis_document_snapshot()), whose entities
 * share the document's ids. */
static TrellisEntity *
live_entity (Fixture       *f,
             TrellisEntity *shown)
{
  return shown != NULL ? trellis_document_lookup (f->document, trellis_entity_get_id (shown)) : NULL;
}

static TrellisLayout *
current_layout (Fixture *f)
{
  TrellisLayout *layout = trellis_heatmap_page_get_layout (f->page);

  if (layout != NULL)
    g_ptr_array_add (seen_layouts, g_object_ref (layout));

  return layout;
}

static void
show_view (Fixture     *f,
           TrellisView  view)
{
  trellis_heatmap_page_set_view (f->page, view);
  trellis_test_iterate (200);
  g_assert_nonnull (trellis_heatmap_page_get_layout (f->page));
  g_assert_cmpint (trellis_layout_get_options (trellis_heatmap_page_get_layout (f->page))->view, ==, view);
}

/* The layout's cell where @row_entity meets @column_entity. */
static gboolean
find_cell (TrellisLayout *layout,
           TrellisEntity *row_entity,
           TrellisItemKind row_kind,
           TrellisEntity *column_entity,
           guint         *row,
           guint         *column)
{
  gboolean found_row = FALSE;

  for (guint r = 0; r < trellis_layout_get_n_rows (layout) && !found_row; r++)
    {
      if (trellis_entity_same (trellis_layout_get_row_entity (layout, r), row_entity) &&
          trellis_layout_get_row_kind (layout, r) == row_kind)
        {
          *row = r;
          found_row = TRUE;
        }
    }

  for (guint c = 0; found_row && c < trellis_layout_get_n_columns (layout); c++)
    {
      if (trellis_entity_same (trellis_layout_get_column_entity (layout, c), column_entity))
        {
          *column = c;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
layout_changed (Fixture       *f,
                TrellisLayout *before)
{
  return trellis_heatmap_page_get_layout (f->page) != before;
}

/* The facts of the cell where @row_entity meets @column_entity in the
 * layout shown now. */
static gboolean
current_cell (Fixture         *f,
              TrellisEntity   *row_entity,
              TrellisItemKind  row_kind,
              TrellisEntity   *column_entity,
              TrellisCellInfo *info)
{
  TrellisLayout *layout = trellis_heatmap_page_get_layout (f->page);
  guint row = 0, column = 0;

  if (layout == NULL || !find_cell (layout, row_entity, row_kind, column_entity, &row, &column))
    return FALSE;

  trellis_layout_get_cell_info (layout, row, column, info);
  return TRUE;
}

static void
test_level_by_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  TrellisLayout *layout;
  TrellisEntity *person = NULL;
  TrellisEntity *competency = NULL;
  TrellisCellInfo info;
  TrellisAssessment a;
  guint row = 0, column = 0;
  guint painted;

  show_view (f, TRELLIS_VIEW_GAPS);
  layout = current_layout (f);

  /* The first person with a gap of one or more on something required. */
  for (guint r = 0; r < trellis_layout_get_n_rows (layout) && person == NULL; r++)
    {
      if (trellis_layout_get_row_kind (layout, r) != TRELLIS_ITEM_PERSON)
        continue;
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          trellis_layout_get_cell_info (layout, r, c, &info);
          if (info.content == TRELLIS_CONTENT_VALUE && info.value >= 1 && info.required >= 1)
            {
              person = live_entity (f, trellis_layout_get_row_entity (layout, r));
              competency = live_entity (f, trellis_layout_get_column_entity (layout, c));
              row = r;
              column = c;
              break;
            }
        }
    }
  g_assert_nonnull (person);

  /* Arrow keys move the focus cell. */
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  trellis_heatmap_view_set_focus_cell (f->view, row, column);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Right, 0));
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Left, 0));
  {
    guint r, c;

    g_assert_true (trellis_heatmap_view_get_focus_cell (f->view, &r, &c));
    g_assert_cmpuint (r, ==, row);
    g_assert_cmpuint (c, ==, column);
  }

  /* Typing the required level closes the gap. */
  trellis_test_iterate (200);
  trellis_heatmap_view_take_painted (f->view);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_0 + info.required, 0));
  g_assert_true (trellis_document_get_effective (f->document, TRELLIS_PERSON (person),
                                                 trellis_entity_get_id (competency), &a));
  g_assert_cmpint (a.level, ==, info.required);
  g_assert_cmpint (a.date, ==, trellis_date_today ());
  trellis_test_wait_until (current_cell (f, person, TRELLIS_ITEM_PERSON, competency, &info) &&
                           info.assessed == a.level, 5000);
  trellis_test_iterate (200);
  g_assert_cmpfloat (info.value, ==, 0);

  /* Only the cells whose facts changed were painted again: the cell and
   * the totals of its column, not the whole map. */
  painted = trellis_heatmap_view_take_painted (f->view);
  g_test_message ("%u cells painted after the edit", painted);
  g_assert_cmpuint (painted, >=, 1);
  g_assert_cmpuint (painted, <=, 12);

  /* Undo brings the gap back. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  trellis_test_wait_until (current_cell (f, person, TRELLIS_ITEM_PERSON, competency, &info) &&
                           info.value >= 1, 5000);
}

static void
test_requirement_by_keyboard (Fixture       *f,
                              gconstpointer  data)
{
  TrellisLayout *layout;
  TrellisEntity *role;
  TrellisEntity *competency;
  guint row = 0, column = 0;

  show_view (f, TRELLIS_VIEW_REQUIREMENTS);
  layout = current_layout (f);
  role = trellis_document_get_item (f->document, TRELLIS_KIND_ROLE, 0);
  competency = trellis_document_get_item (f->document, TRELLIS_KIND_COMPETENCY, 0);
  g_assert_true (find_cell (layout, role, TRELLIS_ITEM_ROLE, competency, &row, &column));

  trellis_heatmap_view_set_focus_cell (f->view, row, column);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_4, 0));
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES),
                                                trellis_entity_get_id (competency)), ==, 4);
}

static void
test_responsibility_map (Fixture       *f,
                         gconstpointer  data)
{
  TrellisLayout *layout;
  TrellisEntity *responsibility = NULL;
  TrellisEntity *role = NULL;
  const TrellisAssignment *a;
  TrellisRaci before_raci = TRELLIS_RACI_NONE;
  TrellisAuthority before_authority = TRELLIS_AUTHORITY_NONE;
  guint row = 0, column = 0;

  show_view (f, TRELLIS_VIEW_RESPONSIBILITIES);
  layout = current_layout (f);

  /* A responsibility and a role that does not yet consult on it. */
  for (guint r = 0; r < trellis_layout_get_n_rows (layout) && role == NULL; r++)
    {
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          TrellisEntity *re = live_entity (f, trellis_layout_get_row_entity (layout, r));
          TrellisEntity *ce = live_entity (f, trellis_layout_get_column_entity (layout, c));

          if (re == NULL || ce == NULL || !TRELLIS_IS_RESPONSIBILITY (re) || !TRELLIS_IS_ROLE (ce))
            continue;
          a = trellis_assignments_lookup (trellis_entity_get_array (re, TRELLIS_FIELD_ASSIGNS), trellis_entity_get_id (ce));
          if (a == NULL || (a->raci & TRELLIS_RACI_CONSULTED) == 0)
            {
              responsibility = re;
              role = ce;
              row = r;
              column = c;
              if (a != NULL)
                {
                  before_raci = a->raci;
                  before_authority = a->authority;
                }
              break;
            }
        }
    }
  g_assert_nonnull (role);

  /* C adds Consulted, a digit sets the delegation, in place. */
  trellis_heatmap_view_set_focus_cell (f->view, row, column);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_c, 0));
  a = trellis_assignments_lookup (trellis_entity_get_array (responsibility, TRELLIS_FIELD_ASSIGNS),
                                  trellis_entity_get_id (role));
  g_assert_nonnull (a);
  g_assert_cmpint (a->raci, ==, before_raci | TRELLIS_RACI_CONSULTED);

  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_3, 0));
  a = trellis_assignments_lookup (trellis_entity_get_array (responsibility, TRELLIS_FIELD_ASSIGNS),
                                  trellis_entity_get_id (role));
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_CONSULT);

  /* The map shows it. */
  {
    TrellisCellInfo info;

    trellis_test_wait_until (current_cell (f, responsibility, TRELLIS_ITEM_RESPONSIBILITY, role, &info) &&
                             info.authority == TRELLIS_AUTHORITY_CONSULT, 5000);
    g_assert_cmpint (info.raci, ==, before_raci | TRELLIS_RACI_CONSULTED);
  }
  layout = current_layout (f);

  /* Two undos: as it was. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  a = trellis_assignments_lookup (trellis_entity_get_array (responsibility, TRELLIS_FIELD_ASSIGNS),
                                  trellis_entity_get_id (role));
  g_assert_cmpint (a != NULL ? a->raci : TRELLIS_RACI_NONE, ==, before_raci);
  g_assert_cmpint (a != NULL ? a->authority : TRELLIS_AUTHORITY_NONE, ==, before_authority);

  /* The findings are listed beside the map; choosing one shows its cell. */
  if (trellis_layout_get_n_findings (layout) > 0)
    {
      GtkWidget *list = trellis_test_find_css (GTK_WIDGET (f->page), "navigation-sidebar");
      GtkWidget *first;
      const TrellisFinding *finding = trellis_layout_get_finding (layout, 0);
      guint r;

      trellis_test_wait_until (gtk_widget_get_mapped (list), 2000);
      first = gtk_widget_get_first_child (list);
      g_assert_nonnull (first);
      g_signal_emit_by_name (list, "row-activated", first);
      g_assert_true (trellis_heatmap_view_get_focus_cell (f->view, &r, NULL));
      g_assert_true (trellis_entity_same (trellis_layout_get_row_entity (trellis_heatmap_page_get_layout (f->page), r),
                                          finding->subject));
    }
}

static void
test_table_twin (Fixture       *f,
                 gconstpointer  data)
{
  TrellisHeatmapTable *table = trellis_heatmap_page_get_table (f->page);
  TrellisLayout *layout;
  GListModel *cells;
  g_autofree char *facts = NULL;
  GtkWidget *toggle;

  show_view (f, TRELLIS_VIEW_GAPS);
  layout = current_layout (f);
  cells = trellis_heatmap_table_get_model (table);

  /* Every cell of the map, with its facts in words. */
  g_assert_cmpuint (g_list_model_get_n_items (cells), ==,
                    trellis_layout_get_n_rows (layout) * trellis_layout_get_n_columns (layout));
  facts = trellis_heatmap_table_dup_facts (table, 0);
  g_assert_nonnull (facts);
  g_assert_cmpuint (strlen (facts), >, 10);

  /* Shown by the Table toggle; the focus cell is selected there. */
  trellis_heatmap_view_set_focus_cell (f->view, 2, 3);
  toggle = NULL;
  {
    GQueue queue = G_QUEUE_INIT;

    g_queue_push_tail (&queue, GTK_WIDGET (f->page));
    while (!g_queue_is_empty (&queue) && toggle == NULL)
      {
        GtkWidget *w = g_queue_pop_head (&queue);

        if (GTK_IS_TOGGLE_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), "_Table") == 0)
          toggle = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_queue_clear (&queue);
  }
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  trellis_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (table)));
  {
    GtkWidget *column_view = trellis_test_find_type (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, 0);
    GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));

    g_assert_true (gtk_selection_model_is_selected (selection, 2 * trellis_layout_get_n_columns (layout) + 3));
  }
}

/* The sentence under the toolbar that says who the map shows. */
static const char *
privacy_note (Fixture *f)
{
  GtkWidget *label = trellis_test_find_css (GTK_WIDGET (f->page), "privacy");

  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static void
test_workshop_mode (Fixture       *f,
                    gconstpointer  data)
{
  TrellisLayout *layout;
  guint private_rows = 0;
  const char *note;

  show_view (f, TRELLIS_VIEW_GAPS);

  /* For a coach: who shares with the coach or the team is named, who
   * keeps it private (Farid) is left out; Daan, Jesse and Milan share only
   * with their coach. Never the old claim that everyone is named. */
  g_assert_cmpint (trellis_layout_get_options (current_layout (f))->audience, ==, TRELLIS_AUDIENCE_COACH);
  note = privacy_note (f);
  g_test_message ("coach: %s", note);
  g_assert_nonnull (strstr (note, "people who share with their coach or the team are shown by name"));
  g_assert_nonnull (strstr (note, "1 person who keeps their assessments private is left out"));
  g_assert_nonnull (strstr (note, "3 people shown share only with their coach"));
  g_assert_null (strstr (note, "Everyone is shown"));
  g_assert_null (strstr (note, "Safe to project"));

  trellis_heatmap_page_set_workshop_mode (f->page, TRUE);
  note = privacy_note (f);
  g_test_message ("workshop: %s", note);
  g_assert_nonnull (strstr (note, "only people who share their assessments with the team are shown by name"));
  g_assert_nonnull (strstr (note, "4 people who do not are left out"));
  g_assert_nonnull (strstr (note, "No total covers fewer than three people"));
  layout = current_layout (f);
  g_assert_cmpint (trellis_layout_get_options (layout)->audience, ==, TRELLIS_AUDIENCE_WORKSHOP);

  /* Nobody who keeps their assessments to themselves is named. */
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      TrellisEntity *e = trellis_layout_get_row_entity (layout, r);

      if (e != NULL && TRELLIS_IS_PERSON (e) && trellis_entity_get_int (e, TRELLIS_FIELD_SHARE) != TRELLIS_SHARE_TEAM)
        private_rows++;
    }
  g_assert_cmpuint (private_rows, ==, 0);
}

/* Whether @name appears anywhere in @layout: a row, a column, a group
 * or the tooltip of a cell. */
static gboolean
layout_names (TrellisLayout *layout,
              const char    *name)
{
  guint n_rows = trellis_layout_get_n_rows (layout);
  guint n_columns = trellis_layout_get_n_columns (layout);

  for (guint r = 0; r < n_rows; r++)
    {
      TrellisEntity *e = trellis_layout_get_row_entity (layout, r);

      if (g_strcmp0 (trellis_layout_get_row_label (layout, r), name) == 0 ||
          (e != NULL && g_strcmp0 (trellis_entity_get_name (e), name) == 0))
        return TRUE;
    }
  for (guint c = 0; c < n_columns; c++)
    {
      TrellisEntity *e = trellis_layout_get_column_entity (layout, c);

      if (g_strcmp0 (trellis_layout_get_column_label (layout, c), name) == 0 ||
          (e != NULL && g_strcmp0 (trellis_entity_get_name (e), name) == 0))
        return TRUE;
    }
  for (guint g = 0; g < trellis_layout_get_n_row_groups (layout); g++)
    if (g_strcmp0 (trellis_layout_get_row_group_label (layout, g), name) == 0)
      return TRUE;
  for (guint g = 0; g < trellis_layout_get_n_column_groups (layout); g++)
    if (g_strcmp0 (trellis_layout_get_column_group_label (layout, g), name) == 0)
      return TRUE;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        g_autofree char *tooltip = trellis_layout_dup_tooltip (layout, r, c);

        if (tooltip != NULL && strstr (tooltip, name) != NULL)
          return TRUE;
      }

  return FALSE;
}

/* The window's list of sections (not the findings beside a map). */
static GtkWidget *
find_sections_list (Fixture *f)
{
  GtkWidget *found = NULL;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, GTK_WIDGET (f->window));
  while (!g_queue_is_empty (&queue) && found == NULL)
    {
      GtkWidget *w = g_queue_pop_head (&queue);

      if (GTK_IS_LIST_BOX (w) && gtk_widget_has_css_class (w, "navigation-sidebar") &&
          !gtk_widget_is_ancestor (w, GTK_WIDGET (f->page)))
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);

  g_assert_nonnull (found);
  return found;
}

/* Presses Escape on the window as its shortcut controller would: the
 * window's own binding, activated only if its action is enabled. */
static gboolean
press_escape (Fixture *f)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  gboolean handled = FALSE;
  gboolean bound = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !bound; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !bound; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              bound = TRUE;
              handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                      GTK_WIDGET (f->window), gtk_shortcut_get_arguments (shortcut));
            }
        }
    }
  g_assert_true (bound);
  trellis_test_iterate (100);

  return handled;
}

static gboolean
is_presenting_layout (Fixture *f)
{
  TrellisLayout *layout = trellis_heatmap_page_get_layout (f->page);

  /* For the team, filling the page. */
  return layout != NULL && trellis_layout_get_options (layout)->audience == TRELLIS_AUDIENCE_WORKSHOP &&
         trellis_layout_get_options (layout)->fit_width > 0;
}

static void
test_presentation (Fixture       *f,
                   gconstpointer  data)
{
  const char * const not_with_team[] = { "Farid", "Daan", "Jesse", "Milan" };
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.present");
  GtkWidget *sections = find_sections_list (f);
  GtkWidget *privacy = trellis_test_find_css (GTK_WIDGET (f->page), "privacy");
  TrellisLayout *layout;
  GtkWidget *title_area;
  GtkWidget *focus_before;
  double zoom_before;
  guint row, column;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F5"));

  /* For a coach, who shares with the coach is named and who keeps it
   * private is not: the test below can tell the audiences apart. */
  show_view (f, TRELLIS_VIEW_GAPS);
  layout = current_layout (f);
  zoom_before = trellis_layout_get_options (layout)->zoom;
  g_assert_cmpint (trellis_layout_get_options (layout)->audience, ==, TRELLIS_AUDIENCE_COACH);
  g_assert_true (layout_names (layout, "Daan"));
  g_assert_true (layout_names (layout, "Anna"));
  g_assert_false (layout_names (layout, "Farid"));

  /* Presenting from another section. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 5);
  trellis_test_iterate (100);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, "people");
  g_assert_false (press_escape (f));
  focus_before = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus_before);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  trellis_test_wait_until (is_presenting_layout (f), 5000);
  trellis_test_iterate (300);
  layout = current_layout (f);
  /* Full screen was asked for; without a window manager (Xvfb in CI)
   * nobody grants it, so the window's own record is what can be seen. */
  g_test_message ("fullscreen granted: %d", gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  g_assert_true (gtk_window_is_fullscreen (GTK_WINDOW (f->window)) || f->window->fullscreen_requested);

  g_assert_true (trellis_window_get_presenting (f->window));
  g_assert_true (trellis_heatmap_page_get_presenting (f->page));
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, "heatmaps");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->view)));
  g_assert_false (gtk_widget_get_mapped (sections));
  g_assert_false (gtk_widget_get_mapped (privacy));
  g_assert_cmpint (trellis_layout_get_options (layout)->audience, ==, TRELLIS_AUDIENCE_WORKSHOP);

  /* The picture fills the page above the presenting bar, and the map
   * has the room the layout gave it: its cells as large as fit. */
  {
    const TrellisRenderOptions *o = trellis_layout_get_options (layout);
    double pw, ph, content_w, content_h;

    trellis_layout_get_picture_size (layout, &pw, &ph);
    trellis_layout_get_content_size (layout, &content_w, &content_h);
    g_assert_cmpfloat (o->fit_width, ==, gtk_widget_get_width (GTK_WIDGET (f->page)));
    g_assert_cmpfloat (o->fit_height, <, gtk_widget_get_height (GTK_WIDGET (f->page)));
    g_assert_cmpfloat (pw, ==, o->fit_width);
    g_assert_cmpfloat (ph, ==, o->fit_height);
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), >=,
                     (int) (trellis_layout_get_row_header_width (layout) + content_w));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->view)), >=,
                     (int) (trellis_layout_get_column_header_height (layout) + content_h));
  }

  /* The title and the legend over and under the map. */
  title_area = trellis_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_DRAWING_AREA, 0);
  g_assert_nonnull (title_area);
  g_assert_cmpint (gtk_widget_get_height (title_area), >, 20);
  g_assert_nonnull (trellis_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_DRAWING_AREA, 1));

  /* Nobody who does not share with the team, not even in a tooltip. */
  g_assert_true (layout_names (layout, "Anna"));
  for (guint i = 0; i < G_N_ELEMENTS (not_with_team); i++)
    {
      g_test_message ("%s is not shown", not_with_team[i]);
      g_assert_false (layout_names (layout, not_with_team[i]));
    }

  /* The workshop audience cannot be turned off while presenting. */
  trellis_heatmap_page_set_workshop_mode (f->page, FALSE);
  trellis_test_iterate (200);
  layout = current_layout (f);
  g_assert_cmpint (trellis_layout_get_options (layout)->audience, ==, TRELLIS_AUDIENCE_WORKSHOP);
  g_assert_false (layout_names (layout, "Daan"));

  /* Nor can the sections be changed; the arrow keys move in the map. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 1);
  trellis_test_iterate (50);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, "heatmaps");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));
  trellis_heatmap_view_set_focus_cell (f->view, 1, 1);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Right, 0));
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Down, 0));
  g_assert_true (trellis_heatmap_view_get_focus_cell (f->view, &row, &column));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpuint (column, ==, 2);

  /* Escape: everything as it was. */
  g_assert_true (press_escape (f));
  trellis_test_wait_until (!is_presenting_layout (f), 5000);
  trellis_test_iterate (300);
  layout = current_layout (f);
  g_assert_false (trellis_window_get_presenting (f->window));
  g_assert_false (trellis_heatmap_page_get_presenting (f->page));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (f->window)));
  g_assert_false (f->window->fullscreen_requested);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, "people");
  g_assert_true (gtk_widget_get_mapped (sections));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == focus_before);
  g_assert_false (press_escape (f));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 6);
  trellis_test_wait_until (trellis_heatmap_page_get_layout (f->page) != NULL, 5000);
  trellis_test_iterate (200);
  layout = current_layout (f);
  g_assert_true (gtk_widget_get_mapped (privacy));
  g_assert_cmpfloat (trellis_layout_get_options (layout)->zoom, ==, zoom_before);
  g_assert_cmpint (trellis_layout_get_options (layout)->audience, ==, TRELLIS_AUDIENCE_COACH);
  g_assert_true (layout_names (layout, "Daan"));
  /* No title over the map now; its legend stays, under it. */
  {
    GtkWidget *legend = trellis_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_DRAWING_AREA, 0);

    g_assert_nonnull (legend);
    g_assert_nonnull (gtk_widget_get_ancestor (legend, GTK_TYPE_SCROLLED_WINDOW));
    g_assert_null (trellis_test_find_type (GTK_WIDGET (f->page), GTK_TYPE_DRAWING_AREA, 1));
  }

  /* F5 again leaves too, and a workshop chosen before stays chosen. */
  trellis_heatmap_page_set_workshop_mode (f->page, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  trellis_test_wait_until (is_presenting_layout (f), 5000);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  trellis_test_wait_until (!is_presenting_layout (f), 5000);
  g_assert_false (trellis_window_get_presenting (f->window));
  g_assert_cmpint (trellis_layout_get_options (current_layout (f))->audience, ==, TRELLIS_AUDIENCE_WORKSHOP);
  g_assert_cmpstr (trellis_window_get_section (f->window), ==, "heatmaps");
}

static void
test_zoom_and_export (Fixture       *f,
                      gconstpointer  data)
{
  const char *names[] = { "map.pdf", "map.png", "map.svg" };
  TrellisLayout *layout;

  show_view (f, TRELLIS_VIEW_COVERAGE);
  layout = current_layout (f);

  /* Ctrl+plus zooms in. */
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_plus, GDK_CONTROL_MASK));
  trellis_test_wait_until (layout_changed (f, layout), 3000);
  g_assert_cmpfloat (trellis_layout_get_options (trellis_heatmap_page_get_layout (f->page))->zoom, >, 1.1);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_0, GDK_CONTROL_MASK));

  /* PNG, SVG and PDF of the map in view, through the renderer. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (test_home, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len = 0;

      g_assert_true (trellis_heatmap_page_export_to (f->page, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpuint (len, >, 100);
      if (g_str_has_suffix (path, ".png"))
        g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
      else if (g_str_has_suffix (path, ".pdf"))
        g_assert_true (memcmp (contents, "%PDF", 4) == 0);
      else
        g_assert_nonnull (strstr (contents, "<svg"));
    }

  /* A name without a known extension says what to do. */
  {
    g_autofree char *path = g_build_filename (test_home, "map.txt", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_false (trellis_heatmap_page_export_to (f->page, file, &error));
    g_assert_nonnull (error);
  }
}


/* The first person shown in the gaps view, and the first competency. */
static void
first_person_cell (Fixture        *f,
                   TrellisEntity **person,
                   TrellisEntity **competency,
                   guint          *row,
                   guint          *column)
{
  TrellisLayout *layout;

  show_view (f, TRELLIS_VIEW_GAPS);
  layout = current_layout (f);
  *person = NULL;
  for (guint r = 0; r < trellis_layout_get_n_rows (layout) && *person == NULL; r++)
    {
      if (trellis_layout_get_row_kind (layout, r) == TRELLIS_ITEM_PERSON)
        {
          *person = live_entity (f, trellis_layout_get_row_entity (layout, r));
          *row = r;
        }
    }
  g_assert_nonnull (*person);

  *competency = NULL;
  for (guint c = 0; c < trellis_layout_get_n_columns (layout) && *competency == NULL; c++)
    {
      TrellisEntity *e = live_entity (f, trellis_layout_get_column_entity (layout, c));

      if (e != NULL && TRELLIS_IS_COMPETENCY (e))
        {
          *competency = e;
          *column = c;
        }
    }
  g_assert_nonnull (*competency);
}

/* The perspective the heatmap records assessments from. */
static TrellisSource
heatmap_source (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "assessment-source");
  TrellisSource source = TRELLIS_N_SOURCES;

  g_assert_true (trellis_source_from_string (name, strlen (name), &source));
  return source;
}

/* The start tag of the one assessment of @competency from @source on
 * @date in @xml, wherever it is. */
static const char *
find_assessment_tag (const char  *xml,
                     const char  *competency,
                     TrellisSource source,
                     TrellisDate  date,
                     gsize       *len)
{
  g_autofree char *want_competency = g_strdup_printf (" competency=\"%s\"", competency);
  g_autofree char *want_source = g_strdup_printf (" source=\"%s\"", trellis_source_to_string (source));
  g_autofree char *want_date = NULL;
  const char *found = NULL;
  char buf[11];

  want_date = g_strdup_printf (" date=\"%s\"", trellis_date_format (date, buf));
  for (const char *at = strstr (xml, "<assessment "); at != NULL; at = strstr (at + 1, "<assessment "))
    {
      const char *end = strchr (at, '>');
      g_autofree char *tag = NULL;

      g_assert_nonnull (end);
      tag = g_strndup (at, end + 1 - at);
      if (strstr (tag, want_competency) != NULL && strstr (tag, want_source) != NULL && strstr (tag, want_date) != NULL)
        {
          g_assert_null (found);
          found = at;
          *len = end + 1 - at;
        }
    }

  g_assert_nonnull (found);
  return found;
}

/* @before with, in the start tag at @tag (@len bytes), @old replaced
 * by @new: the only difference an edit of one field may make. */
static char *
replace_in_tag (const char *before,
                const char *tag,
                gsize       len,
                const char *old,
                const char *new)
{
  g_autofree char *text = g_strndup (tag, len);
  const char *at = strstr (text, old);
  g_autofree char *edited = NULL;

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  edited = g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));

  return g_strdup_printf ("%.*s%s%s", (int) (tag - before), before, edited, tag + len);
}

/* Asserts that @text is @expected; where not, shows where they part. */
static void
assert_same_text (const char *text,
                  const char *expected)
{
  gsize at = 0;
  gsize start;
  g_autofree char *was = NULL;
  g_autofree char *is = NULL;

  while (text[at] != '\0' && text[at] == expected[at])
    at++;
  if (text[at] == '\0' && expected[at] == '\0')
    return;

  start = at > 160 ? at - 160 : 0;
  is = g_strndup (text + start, 400);
  was = g_strndup (expected + start, 400);
  g_test_message ("the texts part at byte %" G_GSIZE_FORMAT, at);
  g_assert_cmpstr (is, ==, was);
}

/* Typing a level changes that level and nothing else: the whole file is
 * compared, so a field of the assessment (today's or one added later)
 * that an edit forgot would show. */
static void
test_level_keeps_the_record (Fixture       *f,
                             gconstpointer  data)
{
  TrellisSource source = heatmap_source ();
  GPtrArray *scale = trellis_document_get_scale (f->document);
  TrellisEntity *person, *competency;
  TrellisAssessment a = { 0 };
  TrellisCellInfo info;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *old_level = NULL;
  g_autofree char *new_level = NULL;
  const char *tag;
  gsize len = 0;
  gint first, second;
  guint row = 0, column = 0;

  g_assert_cmpuint (scale->len, >=, 2);
  first = ((TrellisScaleLevel *) g_ptr_array_index (scale, 0))->value;
  second = ((TrellisScaleLevel *) g_ptr_array_index (scale, 1))->value;
  g_assert_cmpint (second, <=, 9);

  first_person_cell (f, &person, &competency, &row, &column);

  /* Today's assessment from the heatmap's perspective, with everything
   * an assessment holds. */
  a.competency = trellis_entity_get_id (competency);
  a.level = first;
  a.want = TRUE;
  a.source = source;
  a.date = trellis_date_today ();
  a.note = "Leads the Monday stand-up on her own now";
  a.evidence = "Feedback from three colleagues";
  trellis_document_set_assessment (f->document, TRELLIS_PERSON (person), &a);
  trellis_test_wait_until (current_cell (f, person, TRELLIS_ITEM_PERSON, competency, &info) &&
                           info.assessed == first, 5000);

  before = trellis_test_serialize (f->document);
  tag = find_assessment_tag (before, a.competency, source, a.date, &len);
  g_assert_nonnull (g_strstr_len (tag, len, " want=\""));
  g_assert_nonnull (strstr (tag, a.note));
  g_assert_nonnull (strstr (tag, a.evidence));

  /* The digit, on the real widget. */
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  trellis_heatmap_view_set_focus_cell (f->view, row, column);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_0 + second, 0));

  after = trellis_test_serialize (f->document);
  old_level = g_strdup_printf (" level=\"%d\"", first);
  new_level = g_strdup_printf (" level=\"%d\"", second);
  expected = replace_in_tag (before, tag, len, old_level, new_level);
  assert_same_text (after, expected);

  /* The wish to grow, through its action: only the wish changes. */
  {
    g_autofree char *unwished = NULL;
    g_autofree char *want_attribute = NULL;
    const char *want;

    g_free (before);
    before = g_steal_pointer (&after);
    tag = find_assessment_tag (before, a.competency, source, a.date, &len);
    want = g_strstr_len (tag, len, " want=\"");
    g_assert_nonnull (want);
    want_attribute = g_strndup (want, strchr (want + strlen (" want=\""), '"') + 1 - want);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "cell.set-assessed-want", "(sssb)",
                                               trellis_entity_get_id (person), a.competency,
                                               trellis_source_to_string (source), FALSE));
    after = trellis_test_serialize (f->document);
    unwished = replace_in_tag (before, tag, len, want_attribute, "");
    assert_same_text (after, unwished);
  }

  /* Each is one step to undo. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  {
    g_autofree char *undone = trellis_test_serialize (f->document);
    g_autofree char *set = NULL;

    tag = find_assessment_tag (undone, a.competency, source, a.date, &len);
    set = g_strndup (tag, len);
    g_assert_nonnull (strstr (set, old_level));
    g_assert_nonnull (strstr (set, " want=\""));
  }
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* An entity removed after the layout was made can no longer be edited
 * from its cells; nor can an id of another kind, an unknown perspective,
 * a level off the scale or a letter that is not RACI. */
static void
test_stale_ids_refused (Fixture       *f,
                        gconstpointer  data)
{
  TrellisSource source = heatmap_source ();
  const char *source_name = trellis_source_to_string (source);
  GtkWidget *view = GTK_WIDGET (f->view);
  TrellisEntity *person, *competency, *role, *responsibility, *other;
  g_autofree char *person_id = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *responsibility_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undo_label = NULL;
  const char *competency_id;
  gint level = trellis_document_get_scale_min (f->document);
  guint row = 0, column = 0;
  guint changes = 0;

  first_person_cell (f, &person, &competency, &row, &column);
  gtk_widget_grab_focus (view);
  trellis_heatmap_view_set_focus_cell (f->view, row, column);

  role = trellis_document_get_item (f->document, TRELLIS_KIND_ROLE, 0);
  responsibility = trellis_document_get_item (f->document, TRELLIS_KIND_RESPONSIBILITY, 0);
  other = trellis_document_get_item (f->document, TRELLIS_KIND_PERSON, 1);
  g_assert_true (other != person);
  person_id = g_strdup (trellis_entity_get_id (person));
  role_id = g_strdup (trellis_entity_get_id (role));
  responsibility_id = g_strdup (trellis_entity_get_id (responsibility));
  other_id = g_strdup (trellis_entity_get_id (other));
  competency_id = trellis_entity_get_id (competency);

  /* Removed while the map still shows them: the layout is not made
   * again before the main loop runs. */
  trellis_document_remove (f->document, person);
  trellis_document_remove (f->document, role);
  trellis_document_remove (f->document, responsibility);
  g_assert_true (trellis_entity_same (trellis_layout_get_row_entity (trellis_heatmap_view_get_layout (f->view), row),
                                      person));

  before = trellis_test_serialize (f->document);
  undo_label = g_strdup (trellis_document_get_undo_label (f->document));
  g_signal_connect_swapped (f->document, "changed", G_CALLBACK (count_cb), &changes);

  /* A digit typed on the removed person's cell. */
  g_assert_true (trellis_test_press_key (view, GDK_KEY_0 + level, 0));

  /* Every action, with the removed ids. */
  g_assert_true (gtk_widget_activate_action (view, "cell.set-assessed-level", "(sssi)",
                                             person_id, competency_id, source_name, level));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-assessed-want", "(sssb)",
                                             person_id, competency_id, source_name, TRUE));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-required-level", "(ssi)", role_id, competency_id, level));
  g_assert_true (gtk_widget_activate_action (view, "cell.toggle-raci", "(sss)", responsibility_id, role_id, "R"));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-raci", "(sssb)", responsibility_id, role_id, "A", TRUE));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-authority", "(ssu)", responsibility_id, role_id, 3));
  g_assert_true (gtk_widget_activate_action (view, "cell.clear-assignment", "(ss)", responsibility_id, role_id));

  /* Ids of another kind, and values that are none. */
  g_assert_true (gtk_widget_activate_action (view, "cell.set-assessed-level", "(sssi)",
                                             competency_id, competency_id, source_name, level));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-assessed-level", "(sssi)",
                                             other_id, other_id, source_name, level));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-assessed-level", "(sssi)",
                                             other_id, competency_id, "boss", level));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-assessed-level", "(sssi)",
                                             other_id, competency_id, source_name, 99));
  g_assert_true (gtk_widget_activate_action (view, "cell.set-required-level", "(ssi)", other_id, competency_id, level));
  {
    TrellisEntity *live_role = trellis_document_get_item (f->document, TRELLIS_KIND_ROLE, 0);
    TrellisEntity *live_responsibility = trellis_document_get_item (f->document, TRELLIS_KIND_RESPONSIBILITY, 0);
    const char *r = trellis_entity_get_id (live_responsibility);

    g_assert_true (gtk_widget_activate_action (view, "cell.set-required-level", "(ssi)",
                                               trellis_entity_get_id (live_role), competency_id, 99));
    g_assert_true (gtk_widget_activate_action (view, "cell.toggle-raci", "(sss)", r, competency_id, "R"));
    g_assert_true (gtk_widget_activate_action (view, "cell.toggle-raci", "(sss)",
                                               r, trellis_entity_get_id (live_role), "X"));
    g_assert_true (gtk_widget_activate_action (view, "cell.set-authority", "(ssu)",
                                               r, trellis_entity_get_id (live_role), TRELLIS_N_AUTHORITIES));
  }

  after = trellis_test_serialize (f->document);
  assert_same_text (after, before);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_cmpstr (trellis_document_get_undo_label (f->document), ==, undo_label);
  g_signal_handlers_disconnect_by_func (f->document, count_cb, &changes);
}

/* The popover of a cell offers its choices and edits through them. */
static void
test_cell_popover (Fixture       *f,
                   gconstpointer  data)
{
  TrellisLayout *layout;
  TrellisEntity *role, *competency;
  GArray *requires;
  GtkWidget *popover = NULL;
  GtkWidget *toggle;
  GtkWidget *list;
  const TrellisAssignment *a;
  guint row = 0, column = 0;

  /* An assignment: the letters as toggles, the delegation as a list. */
  show_view (f, TRELLIS_VIEW_RESPONSIBILITIES);
  layout = current_layout (f);
  for (guint r = 0; r < trellis_layout_get_n_rows (layout) && popover == NULL; r++)
    {
      for (guint c = 0; c < trellis_layout_get_n_columns (layout) && popover == NULL; c++)
        {
          TrellisEntity *re = live_entity (f, trellis_layout_get_row_entity (layout, r));
          TrellisEntity *ce = live_entity (f, trellis_layout_get_column_entity (layout, c));

          if (re == NULL || ce == NULL || !TRELLIS_IS_RESPONSIBILITY (re) || !TRELLIS_IS_ROLE (ce))
            continue;
          a = trellis_assignments_lookup (trellis_entity_get_array (re, TRELLIS_FIELD_ASSIGNS), trellis_entity_get_id (ce));
          if (a != NULL && (a->raci & TRELLIS_RACI_INFORMED) != 0)
            continue;

          gtk_widget_grab_focus (GTK_WIDGET (f->view));
          trellis_heatmap_view_set_focus_cell (f->view, r, c);
          g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Return, 0));
          trellis_test_iterate (100);
          for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->view));
               child != NULL;
               child = gtk_widget_get_next_sibling (child))
            if (GTK_IS_POPOVER (child))
              popover = child;
          g_assert_nonnull (popover);
          g_assert_true (gtk_widget_get_visible (popover));

          /* Informed is the fourth letter. */
          toggle = trellis_test_find_type (popover, GTK_TYPE_TOGGLE_BUTTON, 3);
          g_assert_nonnull (toggle);
          g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
          a = trellis_assignments_lookup (trellis_entity_get_array (re, TRELLIS_FIELD_ASSIGNS), trellis_entity_get_id (ce));
          g_assert_nonnull (a);
          g_assert_true ((a->raci & TRELLIS_RACI_INFORMED) != 0);

          list = trellis_test_find_type (popover, GTK_TYPE_LIST_BOX, 0);
          g_assert_nonnull (list);
          g_signal_emit_by_name (list, "row-activated",
                                 gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), TRELLIS_AUTHORITY_AGREE));
          a = trellis_assignments_lookup (trellis_entity_get_array (re, TRELLIS_FIELD_ASSIGNS), trellis_entity_get_id (ce));
          g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_AGREE);
          g_assert_true ((a->raci & TRELLIS_RACI_INFORMED) != 0);
        }
    }
  g_assert_nonnull (popover);
  trellis_test_iterate (100);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));

  /* A requirement: the levels, and first, none. */
  show_view (f, TRELLIS_VIEW_REQUIREMENTS);
  role = trellis_document_get_item (f->document, TRELLIS_KIND_ROLE, 0);
  requires = trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES);
  g_assert_cmpuint (requires->len, >, 0);
  competency = trellis_document_lookup (f->document, g_array_index (requires, TrellisRequirement, 0).competency);
  g_assert_true (find_cell (current_layout (f), role, TRELLIS_ITEM_ROLE, competency, &row, &column));

  trellis_heatmap_view_set_focus_cell (f->view, row, column);
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Return, 0));
  trellis_test_iterate (100);
  g_assert_true (gtk_widget_get_visible (popover));
  list = trellis_test_find_type (popover, GTK_TYPE_LIST_BOX, 0);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES),
                                                trellis_entity_get_id (competency)), ==, TRELLIS_LEVEL_NONE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();
  seen_layouts = g_ptr_array_new_with_free_func (g_object_unref);

  g_test_add ("/trellis/app/heatmap/level-by-keyboard", Fixture, NULL, fixture_set_up, test_level_by_keyboard, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/requirement-by-keyboard", Fixture, NULL, fixture_set_up, test_requirement_by_keyboard, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/responsibility-map", Fixture, NULL, fixture_set_up, test_responsibility_map, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/level-keeps-the-record", Fixture, NULL, fixture_set_up, test_level_keeps_the_record, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/stale-ids-refused", Fixture, NULL, fixture_set_up, test_stale_ids_refused, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/cell-popover", Fixture, NULL, fixture_set_up, test_cell_popover, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/table-twin", Fixture, NULL, fixture_set_up, test_table_twin, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/presentation", Fixture, NULL, fixture_set_up, test_presentation, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/workshop-mode", Fixture, NULL, fixture_set_up, test_workshop_mode, fixture_tear_down);
  g_test_add ("/trellis/app/heatmap/zoom-and-export", Fixture, NULL, fixture_set_up, test_zoom_and_export, fixture_tear_down);

  ret = g_test_run ();

  g_clear_pointer (&seen_layouts, g_ptr_array_unref);
  g_clear_object (&app);
  trellis_test_cleanup ();

  return ret;
}

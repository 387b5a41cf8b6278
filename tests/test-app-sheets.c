/* test-app-sheets.c: spreadsheets in and out of the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import's dialog as a person uses it: the first rows and the
 * columns as found, a column and the encoding corrected, the file read
 * in a worker while the window stays responsive (and stopped), the bad
 * rows listed with "Import Nothing" and "Import the Good Rows", one
 * undo step; and the export's dialog writing a workbook and a CSV.
 */

#include "config.h"

#include "trellis-export-dialog.h"
#include "trellis-import-dialog.h"
#include "trellis-test-app.h"

static TrellisApplication *app;

static GFile *
write_spreadsheet (const char *name,
                   const char *bytes,
                   gssize      len)
{
  g_autofree char *path = g_build_filename (test_home, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static TrellisWindow *
open_team (void)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "team.trellis", NULL);
  g_autoptr(GFile) file = trellis_test_copy_file (source, "team.trellis");

  return trellis_test_open (app, file);
}

/* The mapped button labelled @label under @root. */
static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *button = trellis_test_find_type (root, GTK_TYPE_BUTTON, i);

      if (button == NULL)
        return NULL;
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return GTK_BUTTON (button);
    }
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkButton *button = find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  trellis_test_iterate (20);
}

static const char *
visible_page (GtkWidget *dialog)
{
  GtkStack *stack = GTK_STACK (trellis_test_find_type (dialog, GTK_TYPE_STACK, 0));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkWindow *
import (TrellisWindow *window,
        GFile         *file)
{
  GtkWindow *dialog = trellis_window_import_spreadsheet (window, file);

  trellis_test_wait_until (!trellis_import_dialog_get_busy (TRELLIS_IMPORT_DIALOG (dialog)), 10000);
  trellis_test_iterate (50);

  return dialog;
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *toplevels = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (g_type_is_a (G_OBJECT_TYPE (l->data), type))
        found = l->data;
    }
  g_list_free (toplevels);

  return found;
}

static gboolean
window_open (GtkWindow *dialog)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean open = g_list_find (toplevels, dialog) != NULL;

  g_list_free (toplevels);
  return open;
}

/* Bad rows: listed with their numbers; "Import the Good Rows" imports
 * the others as one step, which Undo takes back. */
static void
test_import_good_rows (void)
{
  const char *csv = "Person,Competency,Level,Date\n"
                    "Anna de Vries,Active listening,3,2026-11-20\n"
                    "Ben Jansen,Product knowledge,7,2026-11-20\n"
                    "Dana Berg,Active listening,2,2026-11-20\n";
  TrellisWindow *window = open_team ();
  TrellisDocument *doc = trellis_window_get_document (window);
  g_autofree char *before = trellis_test_serialize (doc);
  g_autofree char *undone = NULL;
  g_autoptr(GFile) file = write_spreadsheet ("bad-rows.csv", csv, -1);
  GtkWindow *dialog = import (window, file);
  GtkListBox *problems;
  AdwComboRow *kind;

  kind = ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "_Holds"));
  g_assert_nonnull (kind);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 2);
  g_assert_nonnull (trellis_test_find_row (GTK_WIDGET (dialog), "Person"));
  g_assert_nonnull (trellis_test_find_row (GTK_WIDGET (dialog), "Level"));

  click (GTK_WIDGET (dialog), "_Import");
  trellis_test_wait_until (!trellis_import_dialog_get_busy (TRELLIS_IMPORT_DIALOG (dialog)), 10000);
  trellis_test_iterate (50);
  g_assert_cmpstr (visible_page (GTK_WIDGET (dialog)), ==, "problems");
  problems = GTK_LIST_BOX (trellis_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, 0));
  g_assert_nonnull (gtk_list_box_get_row_at_index (problems, 1));
  g_assert_null (gtk_list_box_get_row_at_index (problems, 2));
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 0);

  click (GTK_WIDGET (dialog), "Import the _Good Rows");
  trellis_test_wait_until (!window_open (dialog), 5000);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 1);
  g_assert_true (trellis_document_can_undo (doc));

  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  trellis_test_iterate (20);
  undone = trellis_test_serialize (doc);
  g_assert_cmpstr (before, ==, undone);

  trellis_test_close_all (app);
}

/* "Import Nothing" leaves the matrix as it was. */
static void
test_import_nothing (void)
{
  const char *csv = "Person;Competency;Level\nAnna de Vries;Active listening;9\nBen Jansen;Product knowledge;2\n";
  TrellisWindow *window = open_team ();
  TrellisDocument *doc = trellis_window_get_document (window);
  g_autofree char *before = trellis_test_serialize (doc);
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = write_spreadsheet ("nothing.csv", csv, -1);
  GtkWindow *dialog = import (window, file);

  click (GTK_WIDGET (dialog), "_Import");
  trellis_test_wait_until (!trellis_import_dialog_get_busy (TRELLIS_IMPORT_DIALOG (dialog)), 10000);
  trellis_test_iterate (50);
  click (GTK_WIDGET (dialog), "Import _Nothing");
  trellis_test_wait_until (!window_open (dialog), 5000);

  after = trellis_test_serialize (doc);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (trellis_document_can_undo (doc));

  trellis_test_close_all (app);
}

/* A file in Windows-1252 with columns the import cannot name: the
 * encoding and a column corrected by hand, new people added. */
static void
test_import_corrected (void)
{
  const char csv[] = "Wie;Wat;Score\r\nZo\353 Bakker;Active listening;4\r\nJo\353l Smit;Product knowledge;1\r\n";
  TrellisWindow *window = open_team ();
  TrellisDocument *doc = trellis_window_get_document (window);
  g_autoptr(GFile) file = write_spreadsheet ("corrected.csv", csv, sizeof csv - 1);
  GtkWindow *dialog = import (window, file);
  AdwComboRow *kind = ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "_Holds"));
  AdwComboRow *encoding = ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "_Encoding"));
  GtkSwitch *create = GTK_SWITCH (trellis_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 0));
  AdwComboRow *who;
  AdwComboRow *what;
  GListModel *model;
  TrellisEntity *joel;

  /* Detected as Windows-1252 already; choose it all the same. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (encoding)), ==,
                   "Found: Western European (Windows-1252)");
  adw_combo_row_set_selected (encoding, 2);
  trellis_test_wait_until (!trellis_import_dialog_get_busy (TRELLIS_IMPORT_DIALOG (dialog)), 10000);
  trellis_test_iterate (20);

  adw_combo_row_set_selected (kind, 2);
  trellis_test_iterate (20);
  who = ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "Wie"));
  what = ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "Wat"));
  g_assert_nonnull (who);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (who)), ==, "Zoë Bakker · Joël Smit");

  /* Each column: its choices, the fields of assessments. */
  model = adw_combo_row_get_model (what);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), "Person") == 0)
        adw_combo_row_set_selected (who, i);
      if (g_strcmp0 (gtk_string_object_get_string (item), "Competency") == 0)
        adw_combo_row_set_selected (what, i);
    }
  gtk_switch_set_active (create, TRUE);
  trellis_test_iterate (20);

  click (GTK_WIDGET (dialog), "_Import");
  trellis_test_wait_until (!window_open (dialog), 10000);

  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 2);
  joel = trellis_test_find_named (doc, TRELLIS_KIND_PERSON, "Joël Smit");
  g_assert_nonnull (joel);

  trellis_test_close_all (app);
}

static gint64 last_tick;
static gint64 longest_stall;

static gboolean
tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0)
    longest_stall = MAX (longest_stall, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

/* A large file is read in a worker: the window keeps answering, and
 * "Stop Reading" stops it, importing nothing. */
static void
test_import_responsive_and_stopped (void)
{
  g_autoptr(GString) csv = g_string_new ("Person,Competency,Level,Source,Date\n");
  TrellisWindow *window = open_team ();
  TrellisDocument *doc = trellis_window_get_document (window);
  g_autoptr(GFile) file = NULL;
  GtkWindow *dialog;
  guint tick;

  for (guint i = 0; i < 300000; i++)
    g_string_append_printf (csv, "Anna de Vries,Active listening,%u,coach,2026-%02u-%02u\n", i % 5, 1 + i % 12,
                            1 + i % 28);
  file = write_spreadsheet ("large.csv", csv->str, (gssize) csv->len);
  dialog = import (window, file);

  /* Read to the end, the main loop turning all the while. */
  last_tick = 0;
  longest_stall = 0;
  tick = g_timeout_add (5, tick_cb, NULL);
  click (GTK_WIDGET (dialog), "_Import");
  trellis_test_wait_until (!window_open (dialog), 30000);
  g_source_remove (tick);
  g_test_message ("longest stall while reading and applying: %.1f ms (last tick %" G_GINT64_FORMAT ")", longest_stall / 1000.0, last_tick);
  g_assert_cmpint (longest_stall, <, 250 * 1000);
  /* As many dates as month and day make together, lcm (12, 28). */
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 84);

  /* Stopped at once: nothing more. */
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.undo", NULL);
  dialog = import (window, file);
  click (GTK_WIDGET (dialog), "_Import");
  g_assert_cmpstr (visible_page (GTK_WIDGET (dialog)), ==, "progress");
  click (GTK_WIDGET (dialog), "_Stop Reading");
  trellis_test_wait_until (!trellis_import_dialog_get_busy (TRELLIS_IMPORT_DIALOG (dialog)), 10000);
  trellis_test_iterate (20);
  g_assert_cmpstr (visible_page (GTK_WIDGET (dialog)), ==, "mapping");
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 0);
  gtk_window_close (dialog);

  trellis_test_close_all (app);
}

static void
export_to (GtkWindow  *dialog,
           GFile      *file)
{
  trellis_export_dialog_export_to (TRELLIS_EXPORT_DIALOG (dialog), file);
  trellis_test_wait_until (!window_open (dialog), 30000);
}

/* A workbook of every table and the assessments, readable by its owner
 * only; a CSV of one view with semicolons and a byte order mark. */
static void
test_export (void)
{
  g_autoptr(GFile) example = trellis_test_copy_example ("customer-service.trellis");
  TrellisWindow *window = trellis_test_open (app, example);
  g_autofree char *xlsx_path = g_build_filename (test_home, "team.xlsx", NULL);
  g_autofree char *csv_path = g_build_filename (test_home, "gaps.csv", NULL);
  g_autoptr(GFile) xlsx = g_file_new_for_path (xlsx_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autofree char *contents = NULL;
  GtkWindow *dialog;
  GStatBuf st;
  gsize len;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.export-spreadsheet", NULL));
  trellis_test_iterate (50);
  dialog = find_toplevel (TRELLIS_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  export_to (dialog, xlsx);
  g_assert_true (g_file_get_contents (xlsx_path, &contents, &len, NULL));
  g_assert_cmpmem (contents, 4, "PK\003\004", 4);
  g_assert_cmpint (g_stat (xlsx_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  dialog = trellis_window_export_spreadsheet (window);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "_Format")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "_Contents")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (trellis_test_find_row (GTK_WIDGET (dialog), "_Separator")), 1);
  trellis_test_iterate (20);
  export_to (dialog, csv);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (csv_path, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "\357\273\277Role;Person;Active listening;"));

  trellis_test_close_all (app);
}

/* Activates an action as a menu item or shortcut would: only when it
 * is enabled. */
static gboolean
activate_if_enabled (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GtkShortcutAction) action = gtk_named_action_new (name);
  gboolean done = gtk_shortcut_action_activate (action, 0, widget, NULL);

  trellis_test_iterate (50);
  return done;
}

/* Both are there only with a matrix. */
static void
test_actions (void)
{
  TrellisWindow *window = open_team ();
  TrellisWindow *empty = trellis_application_new_window (app);

  g_assert_true (activate_if_enabled (GTK_WIDGET (window), "doc.export-spreadsheet"));
  g_assert_nonnull (find_toplevel (TRELLIS_TYPE_EXPORT_DIALOG));
  g_assert_false (activate_if_enabled (GTK_WIDGET (empty), "doc.import-spreadsheet"));
  g_assert_false (activate_if_enabled (GTK_WIDGET (empty), "doc.export-spreadsheet"));

  trellis_test_close_all (app);
}

int
main (int    argc,
      char **argv)
{
  int status;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

  g_test_add_func ("/app/sheets/import/good-rows", test_import_good_rows);
  g_test_add_func ("/app/sheets/import/nothing", test_import_nothing);
  g_test_add_func ("/app/sheets/import/corrected", test_import_corrected);
  g_test_add_func ("/app/sheets/import/responsive-and-stopped", test_import_responsive_and_stopped);
  g_test_add_func ("/app/sheets/export", test_export);
  g_test_add_func ("/app/sheets/actions", test_actions);

  status = g_test_run ();

  g_clear_object (&app);
  trellis_test_cleanup ();
  return status;
}

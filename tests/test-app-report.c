/* test-app-report.c: printing the report, exporting maps on pages, and
 * a person's mandate in the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trellis-heatmap-page.h"
#include "trellis-mandate-view.h"
#include "trellis-mandate.h"
#include "trellis-print.h"
#include "trellis-report-dialog.h"
#include "trellis-test-app.h"

typedef struct
{
  TrellisApplication *app;
  TrellisWindow      *window;
  TrellisDocument    *document;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = trellis_test_copy_example ("customer-service.trellis");

  f->app = trellis_test_app_new ();
  f->window = trellis_test_open (f->app, file);
  f->document = trellis_window_get_document (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  trellis_test_close_all (f->app);
  g_clear_object (&f->app);
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  gint status;

  if (g_strcmp0 (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

typedef struct
{
  gboolean                done;
  GtkPrintOperationResult result;
  guint                   ticks;
} Run;

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Run                     *run)
{
  run->done = TRUE;
  run->result = result;
}

static gboolean
tick_cb (gpointer data)
{
  Run *run = data;

  run->ticks++;
  return G_SOURCE_CONTINUE;
}

/* The print operation exports the report to a PDF: every page, sheets
 * turned for maps, while the window's loop goes on. */
static void
test_print_export (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TrellisReportOptions) options = trellis_report_options_new ();
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = g_build_filename (test_home, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sizes = NULL;
  GtkPrintOperationResult result;
  Run run = { 0 };
  guint tick;

  options->paper = TRELLIS_PAPER_A4;
  trellis_date_parse ("2026-11-20", 10, &options->date);
  trellis_report_options_set_matrix_name (options, "customer-service");
  operation = trellis_print_operation_new (f->document, options);
  gtk_print_operation_set_export_filename (operation, path);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &run);
  tick = g_timeout_add (1, tick_cb, &run);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (f->window), &error);
  g_assert_no_error (error);
  /* An export runs in a loop of its own, a section or a page at a
   * time, so the window's sources keep running meanwhile. */
  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    trellis_test_wait_until (run.done, 60000);
  else
    run.result = result;
  g_source_remove (tick);
  g_assert_cmpuint (run.ticks, >, 0);

  g_assert_cmpint (run.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_cmpuint (pdf_pages (path), ==, 57);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Customer Service North"));
  g_assert_nonnull (strstr (text, "Anna"));
  g_assert_null (strstr (text, "Farid"));

  /* A map's page is turned: wider than tall. */
  {
    const char *argv[] = { "pdfinfo", "-f", "1", "-l", "60", path, NULL };
    gint status;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &sizes, NULL, &status, NULL));
    g_assert_nonnull (strstr (sizes, "595.276 x 841.89 pts"));
    g_assert_nonnull (strstr (sizes, "841.89 x 595.276 pts"));
  }
}

typedef struct
{
  guint  sections;
  char  *person;
  guint  calls;
} Chosen;

static void
chosen_cb (const TrellisReportOptions *options,
           gpointer                    user_data)
{
  Chosen *chosen = user_data;

  chosen->calls++;
  chosen->sections = options->sections;
  g_free (chosen->person);
  chosen->person = g_strdup (options->person);
}

/* The dialog before printing: the sections checked, and one person. */
static void
test_dialog (Fixture       *f,
             gconstpointer  data)
{
  Chosen chosen = { 0 };
  GtkWindow *dialog = trellis_report_dialog_new (GTK_WINDOW (f->window), f->document, TRUE, chosen_cb, &chosen, NULL);
  GtkWidget *go = NULL;
  AdwComboRow *person;

  gtk_window_present (dialog);
  trellis_test_iterate (100);

  /* Leave only the cover and the mandate card. */
  for (guint i = 0; i < TRELLIS_N_REPORT_SECTIONS; i++)
    {
      GtkWidget *check = trellis_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, i);

      g_assert_nonnull (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   (1u << i) == TRELLIS_REPORT_COVER || (1u << i) == TRELLIS_REPORT_MANDATE);
    }
  /* For Anna alone: the first person, after "everyone". */
  person = ADW_COMBO_ROW (trellis_test_find_type (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 0));
  adw_combo_row_set_selected (person, 1);

  for (guint i = 0; (go = trellis_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (gtk_widget_has_css_class (go, "suggested-action"))
      break;
  g_assert_nonnull (go);
  g_signal_emit_by_name (go, "clicked");
  trellis_test_iterate (50);

  g_assert_cmpuint (chosen.calls, ==, 1);
  g_assert_cmpuint (chosen.sections, ==, TRELLIS_REPORT_COVER | TRELLIS_REPORT_MANDATE);
  g_assert_cmpstr (chosen.person, ==, "p-anna");
  g_free (chosen.person);
}

/* Whether @row holds a line titled @title. */
static gboolean
has_line (GtkWidget  *row,
          const char *title)
{
  GtkWidget *line;

  for (guint i = 0; (line = trellis_test_find_type (row, ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
    {
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (line)), title) == 0)
        return TRUE;
    }

  return FALSE;
}

/* People → Anna → Mandate shows her card, the same words as the
 * printed one, and follows changes of the matrix. */
static void
test_mandate_section (Fixture       *f,
                      gconstpointer  data)
{
  TrellisEntity *anna = trellis_document_lookup (f->document, "p-anna");
  TrellisEntity *answer = trellis_document_lookup (f->document, "rs-answer");
  g_autoptr(TrellisMandate) mandate = trellis_mandate_new (f->document, anna);
  TrellisEntityPane *pane;
  GtkWidget *view;
  guint rows = 0;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 5);
  trellis_test_iterate (100);
  pane = TRELLIS_ENTITY_PANE (trellis_window_get_section_widget (f->window, "people"));
  g_assert_true (trellis_entity_pane_select (pane, anna));
  trellis_test_iterate (100);

  view = trellis_test_find_type (GTK_WIDGET (pane), TRELLIS_TYPE_MANDATE_VIEW, 0);
  g_assert_nonnull (view);
  /* The card is made a few rows a frame. */
  trellis_test_wait_until (!trellis_mandate_view_is_filling (TRELLIS_MANDATE_VIEW (view)), 5000);
  for (GtkWidget *row; (row = trellis_test_find_type (view, ADW_TYPE_EXPANDER_ROW, rows)) != NULL; rows++)
    {
      const TrellisMandateItem *item = trellis_mandate_get_item (mandate, rows);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       trellis_entity_get_name (item->responsibility));
      g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), item->decision));
    }
  g_assert_cmpuint (rows, ==, trellis_mandate_get_n_items (mandate));
  g_assert_cmpuint (rows, >, 5);
  g_assert_cmpstr (trellis_mandate_get_item (mandate, 0)->decision, ==, "I decide");

  /* Opening a responsibility shows its lines, made only then. */
  {
    GtkWidget *first = trellis_test_find_type (view, ADW_TYPE_EXPANDER_ROW, 0);

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
    trellis_test_iterate (400);
    g_assert_true (has_line (first, _("My part")));
  }

  /* Her role no longer takes part in answering questions: one row less. */
  trellis_document_set_assignment (f->document, TRELLIS_RESPONSIBILITY (answer), "ro-agent",
                                   TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE);
  trellis_test_iterate (100);
  trellis_test_wait_until (!trellis_mandate_view_is_filling (TRELLIS_MANDATE_VIEW (view)), 5000);
  g_assert_null (trellis_test_find_type (view, ADW_TYPE_EXPANDER_ROW, rows - 1));
}

/* A map exported as PDF on pages: A4 or Letter, turned where the map is
 * wide; or one large page. */
static void
test_map_pages (Fixture       *f,
                gconstpointer  data)
{
  TrellisHeatmapPage *page;
  g_autofree char *a4 = g_build_filename (test_home, "map-a4.pdf", NULL);
  g_autofree char *single = g_build_filename (test_home, "map.pdf", NULL);
  g_autoptr(GFile) a4_file = g_file_new_for_path (a4);
  g_autoptr(GFile) single_file = g_file_new_for_path (single);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 6);
  page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (f->window, "heatmaps"));
  trellis_test_wait_until (trellis_heatmap_page_get_layout (page) != NULL, 5000);

  g_assert_true (trellis_heatmap_page_export_pages (page, a4_file, TRELLIS_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_pages (a4), >=, 2);
  info = run_tool ("pdfinfo", a4);
  g_assert_true (strstr (info, "595.276 x 841.89 pts (A4)") != NULL || strstr (info, "841.89 x 595.276 pts") != NULL);

  g_assert_true (trellis_heatmap_page_export_to (page, single_file, &error));
  g_assert_cmpuint (pdf_pages (single), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  trellis_test_init (&argc, &argv);

  g_test_add ("/trellis/app/report/print-export", Fixture, NULL, fixture_set_up, test_print_export, fixture_tear_down);
  g_test_add ("/trellis/app/report/dialog", Fixture, NULL, fixture_set_up, test_dialog, fixture_tear_down);
  g_test_add ("/trellis/app/report/mandate", Fixture, NULL, fixture_set_up, test_mandate_section, fixture_tear_down);
  g_test_add ("/trellis/app/report/map-pages", Fixture, NULL, fixture_set_up, test_map_pages, fixture_tear_down);

  status = g_test_run ();
  trellis_test_cleanup ();

  return status;
}

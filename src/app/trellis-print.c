/* trellis-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-print"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "trellis-print.h"
#include "trellis-report-dialog.h"
#include "trellis-window.h"

/* Printing the report through GtkPrintOperation: the standard print
 * dialog with its preview, or straight to a PDF file (export). The
 * report is composed for the paper the dialog chose, one section or
 * person at a time in "paginate", so that the window stays responsive
 * and GTK's progress dialog can cancel; each page is then painted by
 * the renderer, the same as the PDF the command line writes. */

typedef struct
{
  TrellisAnalysis      *analysis;
  TrellisReportOptions *options;
  TrellisReport        *report;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *p = data;

  g_clear_object (&p->report);
  g_clear_pointer (&p->options, trellis_report_options_free);
  g_clear_pointer (&p->analysis, trellis_analysis_unref);
  g_free (p);
}

/**
 * trellis_print_paper_for_setup:
 * @setup: a page setup
 *
 * Returns: the report's paper nearest the setup's: Letter for a sheet
 *   about 8.5 inches wide, else A4
 */
TrellisPaper
trellis_print_paper_for_setup (GtkPageSetup *setup)
{
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);

  if (fabs (MIN (width, height) - 612) < 6 && fabs (MAX (width, height) - 792) < 6)
    return TRELLIS_PAPER_LETTER;

  return TRELLIS_PAPER_A4;
}

/**
 * trellis_print_page_setup_new:
 * @paper: a paper
 *
 * Returns: (transfer full): an upright page setup of @paper
 */
GtkPageSetup *
trellis_print_page_setup_new (TrellisPaper paper)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = gtk_paper_size_new (paper == TRELLIS_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                                   : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);

  return setup;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *p)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  g_autoptr(GError) error = NULL;

  p->options->paper = trellis_print_paper_for_setup (setup);
  g_clear_object (&p->report);
  p->report = trellis_report_new (p->analysis, p->options, &error);
  if (p->report == NULL)
    {
      g_warning ("The report cannot be made: %s", error->message);
      gtk_print_operation_cancel (operation);
    }
}

/* One section, or one person's pages, at a time. */
static gboolean
paginate_cb (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PrintData         *p)
{
  if (p->report == NULL)
    return TRUE;

  if (trellis_report_compose_step (p->report))
    return FALSE;

  gtk_print_operation_set_n_pages (operation, (int) trellis_report_get_n_pages (p->report));
  return TRUE;
}

/* Maps that are wider than tall are printed on sheets turned sideways. */
static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page,
                       GtkPageSetup      *setup,
                       PrintData         *p)
{
  gboolean landscape;

  if (p->report == NULL || page < 0 || (guint) page >= trellis_report_get_n_pages (p->report))
    return;

  landscape = trellis_report_page_is_landscape (p->report, page);
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintData         *p)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  if (p->report == NULL || page < 0 || (guint) page >= trellis_report_get_n_pages (p->report))
    return;

  /* On paper of another size than the report's, the page is scaled to
   * fit and centred. */
  trellis_report_get_page_size (p->report, page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_translate (cr, (gtk_print_context_get_width (context) - width * scale) / 2,
                   (gtk_print_context_get_height (context) - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  trellis_report_paint_page (p->report, page, cr);
  cairo_restore (cr);
}

/**
 * trellis_print_operation_new:
 * @document: the matrix
 * @options: what the report holds (its paper follows the print dialog)
 *
 * A print operation for the report of @document as it is now. Run it
 * with the print dialog, or export it to a PDF file with
 * gtk_print_operation_set_export_filename() and
 * %GTK_PRINT_OPERATION_ACTION_EXPORT.
 *
 * Returns: (transfer full): the operation
 */
GtkPrintOperation *
trellis_print_operation_new (TrellisDocument            *document,
                             const TrellisReportOptions *options)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = NULL;
  PrintData *p;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  p = g_new0 (PrintData, 1);
  p->analysis = trellis_analysis_new (document);
  p->options = trellis_report_options_copy (options);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "trellis-print-data", p, print_data_free);
  setup = trellis_print_page_setup_new (options->paper);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (options->matrix_name != NULL)
    gtk_print_operation_set_job_name (operation, options->matrix_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), p);
  g_signal_connect (operation, "paginate", G_CALLBACK (paginate_cb), p);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), p);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), p);

  return operation;
}

/* From the window: the dialog, for an export the file, then the
 * operation; the window says how it went in a toast. */

typedef struct
{
  GtkWindow       *window;      /* weak */
  TrellisDocument *document;
  gboolean         export;
  gboolean         done;
  char            *path;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_weak_pointer (&job->window);
  g_clear_object (&job->document);
  g_free (job->path);
  g_free (job);
}

static void
toast (GtkWindow  *window,
       const char *message)
{
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-toast", "s", message);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         Job                     *job)
{
  if (job->done)
    return;
  job->done = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      message = g_strdup_printf (job->export
                                 /* Translators: a message after exporting the report failed;
                                  * %s is the reason GTK gives, e.g. “Permission denied”. */
                                 ? _("Could not export the report: %s")
                                 /* Translators: a message after printing the report failed; %s is
                                  * the reason GTK gives, e.g. “Printer not found”. */
                                 : _("Could not print the report: %s"),
                                 error != NULL ? error->message : "");
      toast (job->window, message);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && job->export)
    {
      g_autofree char *name = g_path_get_basename (job->path);
      /* Translators: %s is the name of the file the report was exported to. */
      g_autofree char *message = g_strdup_printf (_("Exported ‘%s’"), name);

      toast (job->window, message);
    }

  /* The reference the run held. */
  g_object_unref (operation);
}

static void
run_job (Job                        *job,
         const TrellisReportOptions *options)
{
  GtkPrintOperation *operation = trellis_print_operation_new (job->document, options);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (job->export)
    gtk_print_operation_set_export_filename (operation, job->path);
  g_object_set_data_full (G_OBJECT (operation), "trellis-print-job", job, job_free);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);

  /* One reference for the run, which "done" drops; ours keeps the job
   * alive until the run has returned (an export runs in a loop of its
   * own and may be done by then). */
  g_object_ref (operation);
  result = gtk_print_operation_run (operation,
                                    job->export ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    job->window, &error);
  /* Where no "done" is to come, say here how it went. */
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    done_cb (operation, result, job);
  g_object_unref (operation);
}

static void
export_file_cb (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  TrellisReportOptions *options = g_object_get_data (G_OBJECT (chooser), "trellis-print-options");
  Job *job = g_object_get_data (G_OBJECT (chooser), "trellis-print-job");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          g_object_steal_data (G_OBJECT (chooser), "trellis-print-job");
          job->path = g_str_has_suffix (path, ".pdf") ? g_steal_pointer (&path) : g_strconcat (path, ".pdf", NULL);
          run_job (job, options);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * trellis_print_dup_matrix_name:
 * @document: a matrix
 *
 * Returns: (transfer full) (nullable): the matrix's name for a running
 *   header or a file name: its file's, without ".trellis"
 */
char *
trellis_print_dup_matrix_name (TrellisDocument *document)
{
  GFile *file = trellis_document_get_file (document);
  g_autofree char *base = file != NULL ? g_file_get_basename (file) : NULL;

  if (base != NULL && g_str_has_suffix (base, ".trellis"))
    base[strlen (base) - strlen (".trellis")] = '\0';

  return g_steal_pointer (&base);
}

static void
chosen_cb (const TrellisReportOptions *chosen,
           gpointer                    user_data)
{
  Job *job = user_data;
  g_autoptr(TrellisReportOptions) options = trellis_report_options_copy (chosen);
  g_autofree char *name = trellis_print_dup_matrix_name (job->document);
  Job *run = g_new0 (Job, 1);

  trellis_report_options_set_matrix_name (options, name);
  g_set_weak_pointer (&run->window, job->window);
  run->document = g_object_ref (job->document);
  run->export = job->export;

  if (!job->export)
    {
      run_job (run, options);
      return;
    }

  {
    GtkFileChooserNative *chooser;
    g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
    TrellisOrganisation *org = trellis_document_get_organisation (job->document);
    const char *organisation = org != NULL ? trellis_entity_get_name (TRELLIS_ENTITY (org)) : NULL;
    /* Translators: the suggested name of an exported report: the organisation's name. */
    g_autofree char *suggested = g_strdup_printf (_("%s — Report.pdf"),
                                                  organisation != NULL && organisation[0] != '\0' ? organisation : _("Matrix"));

    chooser = gtk_file_chooser_native_new (_("Export Report"), job->window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
    gtk_file_filter_set_name (filter, _("PDF Document"));
    gtk_file_filter_add_mime_type (filter, "application/pdf");
    gtk_file_filter_add_suffix (filter, "pdf");
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
    g_object_set_data_full (G_OBJECT (chooser), "trellis-print-job", run, job_free);
    g_object_set_data_full (G_OBJECT (chooser), "trellis-print-options", g_steal_pointer (&options),
                            (GDestroyNotify) trellis_report_options_free);
    g_signal_connect (chooser, "response", G_CALLBACK (export_file_cb), NULL);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  }
}

/**
 * trellis_print_report:
 * @window: the window of the matrix
 * @document: the matrix
 * @export: whether to export a PDF rather than print
 *
 * Asks which sections and for whom, then prints the report through the
 * print dialog, or asks where and exports it as PDF.
 */
void
trellis_print_report (GtkWindow       *window,
                      TrellisDocument *document,
                      gboolean         export)
{
  Job *job;
  GtkWindow *dialog;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (TRELLIS_IS_DOCUMENT (document));

  job = g_new0 (Job, 1);
  g_set_weak_pointer (&job->window, window);
  job->document = g_object_ref (document);
  job->export = export;

  dialog = trellis_report_dialog_new (window, document, export, chosen_cb, job, job_free);
  /* The report shows the matrix as the window does, unless told otherwise. */
  if (TRELLIS_IS_WINDOW (window))
    trellis_report_dialog_set_content_language (dialog, trellis_window_get_content_language (TRELLIS_WINDOW (window)));
  gtk_window_present (dialog);
}

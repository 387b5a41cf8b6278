/* trellis-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-analysis.h"
#include "trellis-export-dialog.h"
#include "trellis-render.h"
#include "trellis-window.h"

/**
 * TrellisExportDialog:
 *
 * Exports the matrix as a spreadsheet: an Excel workbook (every table
 * view in its colours and the assessments, or one of them) or a CSV file
 * (the assessments or one view), for a coach or a workshop, with the
 * separator and byte order mark Excel wants. "Export…" asks where; the
 * spreadsheet is written in a worker thread from a copy of the matrix,
 * so that the window stays responsive and later edits are not in it.
 * When it is written, #TrellisExportDialog::exported tells the window.
 */

typedef enum
{
  CONTENTS_ALL,
  CONTENTS_ASSESSMENTS,
  CONTENTS_VIEW,
} ContentsKind;

typedef struct
{
  ContentsKind kind;
  TrellisView  view;
} Contents;

/* The views a spreadsheet can hold: the grids that need no date. */
static const TrellisView table_views[] = {
  TRELLIS_VIEW_GAPS, TRELLIS_VIEW_REQUIREMENTS, TRELLIS_VIEW_COVERAGE,
  TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_VIEW_PERCEPTION,
};
static const char delimiters[] = { ',', ';', '\t' };

struct _TrellisExportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwComboRow         *audience_row;
  GtkSwitch           *bom_switch;
  GtkWidget           *choices_box;
  AdwComboRow         *contents_row;
  GtkWidget           *csv_group;
  AdwComboRow         *delimiter_row;
  GtkLabel            *error_label;
  GtkButton           *export_button;
  AdwComboRow         *format_row;
  GtkSpinner          *spinner;

  /* State */
  TrellisDocument     *document;
  GArray              *contents;      /* Contents, as listed in contents_row */
  GCancellable        *cancellable;   /* the export under way, or NULL */
};

enum
{
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TrellisExportDialog, trellis_export_dialog, ADW_TYPE_WINDOW)

static TrellisSheetFormat
chosen_format (TrellisExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == 0 ? TRELLIS_SHEET_XLSX : TRELLIS_SHEET_CSV;
}

static void
set_labels (AdwComboRow        *row,
            const char * const *labels,
            guint               n)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

/* What the chosen format can hold: a workbook everything at once. */
static void
fill_contents (TrellisExportDialog *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  Contents c;

  g_array_set_size (self->contents, 0);
  if (chosen_format (self) == TRELLIS_SHEET_XLSX)
    {
      c.kind = CONTENTS_ALL;
      g_array_append_val (self->contents, c);
      g_ptr_array_add (labels, (gpointer) _("Every table, and the assessments"));
    }
  c.kind = CONTENTS_ASSESSMENTS;
  g_array_append_val (self->contents, c);
  g_ptr_array_add (labels, (gpointer) _("The assessments"));
  for (guint i = 0; i < G_N_ELEMENTS (table_views); i++)
    {
      c.kind = CONTENTS_VIEW;
      c.view = table_views[i];
      g_array_append_val (self->contents, c);
      g_ptr_array_add (labels, (gpointer) trellis_view_get_title (table_views[i]));
    }

  set_labels (self->contents_row, (const char * const *) labels->pdata, labels->len);
}

static void
format_changed_cb (TrellisExportDialog *self)
{
  fill_contents (self);
  gtk_widget_set_visible (self->csv_group, chosen_format (self) == TRELLIS_SHEET_CSV);
}

static void
set_busy (TrellisExportDialog *self,
          gboolean             busy)
{
  gtk_widget_set_sensitive (self->choices_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_error (TrellisExportDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The export, in a worker thread */

typedef struct
{
  GBytes               *matrix;    /* a copy of the matrix, serialized */
  TrellisRenderOptions *options;
  Contents              contents;
  TrellisSheetFormat    format;
  TrellisCsvFormat      csv;
  GFile                *file;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_bytes_unref (job->matrix);
  trellis_render_options_free (job->options);
  g_object_unref (job->file);
  g_free (job);
}

static GBytes *
job_bytes (Job           *job,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new_from_bytes (job->matrix, "export", NULL, error);
  g_autoptr(TrellisAnalysis) analysis = NULL;
  gboolean assessments = job->contents.kind != CONTENTS_VIEW;

  if (doc == NULL)
    return NULL;
  analysis = trellis_analysis_new (doc);

  if (job->format == TRELLIS_SHEET_CSV)
    {
      if (job->contents.kind == CONTENTS_VIEW)
        job->options->view = job->contents.view;
      return trellis_sheet_csv_to_bytes (analysis, job->options, assessments, &job->csv, cancellable, error);
    }

  if (job->contents.kind == CONTENTS_ALL)
    return trellis_sheet_xlsx_to_bytes (analysis, job->options, trellis_sheet_default_views,
                                        G_N_ELEMENTS (trellis_sheet_default_views), TRUE, cancellable, error);

  return trellis_sheet_xlsx_to_bytes (analysis, job->options, &job->contents.view,
                                      job->contents.kind == CONTENTS_VIEW ? 1 : 0, assessments, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = job_bytes (job, cancellable, &error);
  /* The assessments of a team are personal: a new file is readable by
   * its owner only. */
  if (bytes == NULL ||
      !g_file_replace_contents (job->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TrellisExportDialog *self = TRELLIS_EXPORT_DIALOG (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why the spreadsheet could not be written. */
          g_autofree char *message = g_strdup_printf (_("Could not export the spreadsheet: %s"), error->message);

          show_error (self, message);
        }
      return;
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file);
}

/**
 * trellis_export_dialog_export_to:
 * @self: a #TrellisExportDialog
 * @file: where to write the spreadsheet
 *
 * Writes the spreadsheet chosen to @file, in a worker thread; then
 * #TrellisExportDialog::exported, or the reason it failed in the dialog.
 */
void
trellis_export_dialog_export_to (TrellisExportDialog *self,
                                 GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->contents_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  Job *job;

  g_return_if_fail (TRELLIS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  job = g_new0 (Job, 1);
  job->matrix = trellis_document_serialize (self->document, &error);
  if (job->matrix == NULL)
    {
      show_error (self, error->message);
      g_free (job);
      return;
    }
  job->options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  job->options->audience = adw_combo_row_get_selected (self->audience_row) == 1 ? TRELLIS_AUDIENCE_WORKSHOP
                                                                                 : TRELLIS_AUDIENCE_COACH;
  /* The views as the window shows them; the assessments keep the names
   * as written, to be read back. */
  if (TRELLIS_IS_WINDOW (parent))
    trellis_render_options_set_content_language (job->options,
                                                 trellis_window_get_content_language (TRELLIS_WINDOW (parent)));
  job->contents = g_array_index (self->contents, Contents, MIN (selected, self->contents->len - 1));
  job->format = chosen_format (self);
  job->csv.encoding = TRELLIS_CSV_ENCODING_UTF8;
  job->csv.delimiter = delimiters[MIN (delimiter, G_N_ELEMENTS (delimiters) - 1)];
  job->csv.bom = gtk_switch_get_active (self->bom_switch);
  job->file = g_object_ref (file);

  show_error (self, NULL);
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, trellis_export_dialog_export_to);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Where to write */

static char *
suggested_name (TrellisExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->contents_row);
  const Contents *c = &g_array_index (self->contents, Contents, MIN (selected, self->contents->len - 1));
  const char *organisation = trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (self->document)));
  const char *extension = trellis_sheet_format_to_string (chosen_format (self));
  const char *what;

  if (organisation == NULL || organisation[0] == '\0')
    organisation = _("Matrix");
  if (c->kind == CONTENTS_ALL)
    return g_strdup_printf ("%s.%s", organisation, extension);

  what = c->kind == CONTENTS_VIEW ? trellis_view_get_title (c->view) : _("Assessments");
  /* Translators: the suggested name of an exported spreadsheet: organisation, contents and extension. */
  return g_strdup_printf (_("%s — %s.%s"), organisation, what, extension);
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     TrellisExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (chosen);
      const char *extension = trellis_sheet_format_to_string (chosen_format (self));
      g_autofree char *suffix = g_strconcat (".", extension, NULL);
      g_autoptr(GFile) file = NULL;

      /* Without the extension, the chosen format's. */
      if (!g_str_has_suffix (name, suffix))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *named = g_strconcat (name, suffix, NULL);

          file = g_file_get_child (parent, named);
        }
      else
        file = g_object_ref (chosen);

      trellis_export_dialog_export_to (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (TrellisExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export to Spreadsheet"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (chosen_format (self) == TRELLIS_SHEET_XLSX)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked_cb (TrellisExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static gboolean
trellis_export_dialog_close_request (GtkWindow *window)
{
  TrellisExportDialog *self = TRELLIS_EXPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (trellis_export_dialog_parent_class)->close_request (window);
}

static void
trellis_export_dialog_dispose (GObject *object)
{
  TrellisExportDialog *self = TRELLIS_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (trellis_export_dialog_parent_class)->dispose (object);
}

static void
trellis_export_dialog_finalize (GObject *object)
{
  TrellisExportDialog *self = TRELLIS_EXPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_pointer (&self->contents, g_array_unref);

  G_OBJECT_CLASS (trellis_export_dialog_parent_class)->finalize (object);
}

static void
trellis_export_dialog_class_init (TrellisExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_export_dialog_dispose;
  object_class->finalize = trellis_export_dialog_finalize;
  window_class->close_request = trellis_export_dialog_close_request;

  /**
   * TrellisExportDialog::exported:
   * @self: the dialog
   * @file: the spreadsheet written
   *
   * The spreadsheet is written.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, audience_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, bom_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, choices_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, contents_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisExportDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
}

static void
trellis_export_dialog_init (TrellisExportDialog *self)
{
  const char *formats[] = { _("Excel workbook (.xlsx)"), _("CSV (.csv)") };
  const char *audiences[] = { _("A coach"), _("A workshop") };
  const char *separators[] = {
    trellis_csv_delimiter_get_label (','), trellis_csv_delimiter_get_label (';'), trellis_csv_delimiter_get_label ('\t'),
  };

  self->contents = g_array_new (FALSE, FALSE, sizeof (Contents));
  gtk_widget_init_template (GTK_WIDGET (self));

  set_labels (self->audience_row, audiences, G_N_ELEMENTS (audiences));
  set_labels (self->delimiter_row, separators, G_N_ELEMENTS (separators));
  set_labels (self->format_row, formats, G_N_ELEMENTS (formats));
  format_changed_cb (self);
  set_busy (self, FALSE);
}

/**
 * trellis_export_dialog_new:
 * @parent: the window of the matrix
 * @document: the matrix
 *
 * Returns: (transfer full): a new dialog, to be presented
 */
TrellisExportDialog *
trellis_export_dialog_new (GtkWindow       *parent,
                           TrellisDocument *document)
{
  TrellisExportDialog *self;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TRELLIS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);

  return self;
}

gboolean
trellis_export_dialog_get_busy (TrellisExportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

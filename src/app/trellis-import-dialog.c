/* trellis-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-import-dialog.h"

/**
 * TrellisImportDialog:
 *
 * Imports a spreadsheet saved as CSV, in three pages:
 *
 * - the mapping: what the file holds, its encoding and separator, what
 *   each column holds (with the first cells under its name) and the
 *   first rows, each of which the person may correct; the first rows
 *   are read again when the encoding or separator changes;
 * - the progress of reading the whole file in a worker thread, which
 *   can be stopped; the window stays responsive;
 * - the rows that cannot be imported, each with its number and reason,
 *   with "Import Nothing" and "Import the Good Rows".
 *
 * When the plan is read and the person chose to import it, the dialog
 * emits #TrellisImportDialog::import-ready: the window, which owns the
 * document, applies it. The dialog never changes the document.
 */

#define PREVIEW_SHOWN 5
#define SAMPLES       3

struct _TrellisImportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  GtkButton           *cancel_button;
  GtkSwitch           *create_switch;
  AdwPreferencesGroup *columns_group;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *encoding_row;
  GtkLabel            *error_label;
  GtkButton           *good_rows_button;
  GtkButton           *import_button;
  AdwComboRow         *kind_row;
  GtkWidget           *mapping_box;
  GtkButton           *nothing_button;
  GtkGrid             *preview_grid;
  GtkLabel            *problems_summary;
  GtkLabel            *problems_title;
  GtkListBox          *problems_list;
  GtkProgressBar      *progress_bar;
  AdwComboRow         *source_row;
  GtkStack            *stack;
  AdwWindowTitle      *window_title;

  /* State */
  TrellisDocument     *document;
  GFile               *file;
  TrellisImport       *import;
  GCancellable        *cancellable;     /* the reading under way, or NULL */
  GPtrArray           *column_rows;     /* AdwComboRow per column */
  GPtrArray           *column_choices;  /* per column: GArray of TrellisImportColumn */
  gint                 progress;        /* atomic: per mille read */
  guint                progress_id;
  gboolean             updating;
};

enum
{
  SIGNAL_IMPORT_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TrellisImportDialog, trellis_import_dialog, ADW_TYPE_WINDOW)

/* What the combo rows offer, in order. */
static const TrellisImportKind kinds[] = {
  TRELLIS_IMPORT_KIND_PEOPLE, TRELLIS_IMPORT_KIND_COMPETENCIES,
  TRELLIS_IMPORT_KIND_ASSESSMENTS, TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE,
};
static const TrellisCsvEncoding encodings[] = {
  TRELLIS_CSV_ENCODING_AUTO, TRELLIS_CSV_ENCODING_UTF8, TRELLIS_CSV_ENCODING_WINDOWS_1252,
  TRELLIS_CSV_ENCODING_UTF16LE, TRELLIS_CSV_ENCODING_UTF16BE,
};
static const char delimiters[] = { 0, ',', ';', '\t' };

static void
choices_free (gpointer data)
{
  GArray *choices = data;

  for (guint i = 0; i < choices->len; i++)
    g_free (g_array_index (choices, TrellisImportColumn, i).competency);
  g_array_unref (choices);
}

static void
set_busy (TrellisImportDialog *self,
          gboolean             busy)
{
  gtk_widget_set_sensitive (self->mapping_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy && self->import != NULL &&
                            trellis_import_get_n_columns (self->import) > 0 &&
                            !gtk_widget_get_visible (GTK_WIDGET (self->error_label)));
}

static void
show_error (TrellisImportDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The combo rows */

static void
set_string_model (AdwComboRow *row,
                  GPtrArray   *labels)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static void
fill_fixed_rows (TrellisImportDialog *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_ptr_array_add (labels, (gpointer) trellis_import_kind_get_label (kinds[i]));
  set_string_model (self->kind_row, labels);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    g_ptr_array_add (labels, (gpointer) trellis_csv_encoding_get_label (encodings[i]));
  set_string_model (self->encoding_row, labels);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    g_ptr_array_add (labels, (gpointer) trellis_csv_delimiter_get_label (delimiters[i]));
  set_string_model (self->delimiter_row, labels);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 0; i < TRELLIS_N_SOURCES; i++)
    g_ptr_array_add (labels, (gpointer) trellis_source_get_label (i));
  set_string_model (self->source_row, labels);
}

/* What a column may hold in a sheet of @kind: each field, each level
 * described, each competency's level. */
static GArray *
column_choices (TrellisImportDialog *self,
                TrellisImportKind    kind)
{
  GArray *choices = g_array_new (FALSE, TRUE, sizeof (TrellisImportColumn));

  for (guint f = 0; f < TRELLIS_N_COLUMN_FIELDS; f++)
    {
      TrellisImportColumn column = { f, TRELLIS_LEVEL_NONE, NULL };

      if (!trellis_column_field_fits (f, kind))
        continue;

      if (f == TRELLIS_COLUMN_LEVEL_TEXT)
        {
          for (gint l = trellis_document_get_scale_min (self->document);
               l <= trellis_document_get_scale_max (self->document); l++)
            {
              column.level = l;
              g_array_append_val (choices, column);
            }
        }
      else if (f == TRELLIS_COLUMN_COMPETENCY_LEVEL)
        {
          guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_COMPETENCY);

          for (guint c = 0; c < n; c++)
            {
              TrellisEntity *competency = trellis_document_get_item (self->document, TRELLIS_KIND_COMPETENCY, c);

              column.competency = g_strdup (trellis_entity_get_id (competency));
              g_array_append_val (choices, column);
            }
          column.competency = NULL;
          g_array_append_val (choices, column);
        }
      else
        g_array_append_val (choices, column);
    }

  return choices;
}

static guint
find_choice (GArray                    *choices,
             const TrellisImportColumn *column)
{
  for (guint i = 0; i < choices->len; i++)
    {
      const TrellisImportColumn *c = &g_array_index (choices, TrellisImportColumn, i);

      if (c->field == column->field &&
          (c->field != TRELLIS_COLUMN_LEVEL_TEXT || c->level == column->level) &&
          (c->field != TRELLIS_COLUMN_COMPETENCY_LEVEL || g_strcmp0 (c->competency, column->competency) == 0))
        return i;
    }

  return 0;
}

/* The first cells of a column, as the row's subtitle. */
static char *
column_samples (TrellisImport *import,
                guint          column)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new ();

  for (guint r = 0; r < trellis_import_get_n_preview_rows (import) && samples->len < SAMPLES; r++)
    {
      const char *cell = trellis_import_get_preview_cell (import, r, column);

      if (cell[0] != '\0')
        g_ptr_array_add (samples, (gpointer) cell);
    }
  if (samples->len == 0)
    return g_strdup (_("Empty in the first rows"));
  g_ptr_array_add (samples, NULL);

  /* Translators: separates cells of a spreadsheet shown as examples. */
  return g_strjoinv (_(" · "), (char **) samples->pdata);
}

static void
column_changed_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   TrellisImportDialog *self)
{
  guint index;
  GArray *choices;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || !g_ptr_array_find (self->column_rows, row, &index))
    return;

  choices = g_ptr_array_index (self->column_choices, index);
  if (selected >= choices->len)
    return;

  trellis_import_set_column (self->import, index, &g_array_index (choices, TrellisImportColumn, selected));
  show_error (self, NULL);
  set_busy (self, FALSE);
}

static void
rebuild_columns (TrellisImportDialog *self)
{
  TrellisImportKind kind = trellis_import_get_kind (self->import);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
  g_ptr_array_set_size (self->column_choices, 0);

  self->updating = TRUE;
  for (guint c = 0; c < trellis_import_get_n_columns (self->import); c++)
    {
      GArray *choices = column_choices (self, kind);
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *samples = column_samples (self->import, c);
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      for (guint i = 0; i < choices->len; i++)
        g_ptr_array_add (labels, trellis_import_column_dup_label (self->import,
                                                                  &g_array_index (choices, TrellisImportColumn, i)));
      set_string_model (row, labels);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_import_get_header (self->import, c));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_selected (row, find_choice (choices, trellis_import_get_column (self->import, c)));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_changed_cb), self, 0);

      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
      g_ptr_array_add (self->column_choices, choices);
    }
  self->updating = FALSE;
}

static GtkWidget *
preview_label (const char *text,
               gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (heading)
    gtk_widget_add_css_class (label, "heading");

  return label;
}

/* The first rows as a table: the row numbers the spreadsheet shows, the
 * headers, the cells. */
static void
rebuild_preview (TrellisImportDialog *self)
{
  GtkWidget *child;
  guint n_columns = trellis_import_get_n_columns (self->import);
  guint n_rows = MIN (trellis_import_get_n_preview_rows (self->import), PREVIEW_SHOWN);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);

  /* Translators: the import dialog's preview of a spreadsheet: the header of the column of row numbers. */
  gtk_grid_attach (self->preview_grid, preview_label (_("Row"), TRUE), 0, 0, 1, 1);
  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (self->preview_grid, preview_label (trellis_import_get_header (self->import, c), TRUE),
                     (int) c + 1, 0, 1, 1);

  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *number = g_strdup_printf ("%u", trellis_import_get_preview_row_number (self->import, r));

      gtk_grid_attach (self->preview_grid, preview_label (number, FALSE), 0, (int) r + 1, 1, 1);
      for (guint c = 0; c < n_columns; c++)
        gtk_grid_attach (self->preview_grid, preview_label (trellis_import_get_preview_cell (self->import, r, c), FALSE),
                         (int) c + 1, (int) r + 1, 1, 1);
    }
}

/* What the reading found, shown beside the choice of detecting it. */
static void
update_found (TrellisImportDialog *self)
{
  const TrellisCsvFormat *format = trellis_import_get_format (self->import);
  TrellisImportKind kind = trellis_import_get_kind (self->import);
  g_autofree char *encoding = NULL;
  g_autofree char *delimiter = NULL;
  gboolean assessments = kind == TRELLIS_IMPORT_KIND_ASSESSMENTS || kind == TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE;

  /* Translators: %s is the encoding the file was found to be in. */
  encoding = g_strdup_printf (_("Found: %s"), trellis_csv_encoding_get_label (format->encoding));
  /* Translators: %s is the separator the file was found to use. */
  delimiter = g_strdup_printf (_("Found: %s"), trellis_csv_delimiter_get_label (format->delimiter));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), encoding);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), delimiter);

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (kinds[i] == kind)
        adw_combo_row_set_selected (self->kind_row, i);
    }
  self->updating = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->source_row), assessments);
}

static void
update_mapping (TrellisImportDialog *self)
{
  update_found (self);
  rebuild_columns (self);
  rebuild_preview (self);
}

/* Reading the first rows */

static GInputStream *
open_file (GFile         *file,
           guint64       *size,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autoptr(GFileInfo) info = NULL;

  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  *size = info != NULL ? (guint64) g_file_info_get_size (info) : 0;

  return G_INPUT_STREAM (g_steal_pointer (&stream));
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TrellisImportDialog *self = source;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size;

  stream = open_file (self->file, &size, cancellable, &error);
  if (stream == NULL || !trellis_import_preview (task_data, stream, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error->message);
    }
  else
    {
      show_error (self, NULL);
      update_mapping (self);
    }
  set_busy (self, FALSE);
}

/* Runs @func over the import in a worker, stopping what runs before. */
static void
run_in_thread (TrellisImportDialog *self,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, done, NULL);
  g_task_set_source_tag (task, run_in_thread);
  g_task_set_task_data (task, g_object_ref (self->import), g_object_unref);
  g_task_run_in_thread (task, func);
}

static void
start_preview (TrellisImportDialog *self)
{
  run_in_thread (self, preview_thread, preview_done_cb);
}

/* Reading every row */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  TrellisImportDialog *self = user_data;

  g_atomic_int_set (&self->progress, (gint) (fraction * 1000));
}

static gboolean
show_progress_cb (gpointer user_data)
{
  TrellisImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TrellisImportDialog *self = source;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint64 size = 0;

  stream = open_file (self->file, &size, cancellable, &error);
  if (stream == NULL ||
      !trellis_import_read (task_data, stream, size, progress_cb, self, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_problems (TrellisImportDialog *self)
{
  TrellisLoadReport *problems = trellis_import_get_problems (self->import);
  TrellisImportSummary summary;
  g_autofree char *title = NULL;
  g_autofree char *good = NULL;
  g_autofree char *text = trellis_import_dup_summary_text (self->import);
  GtkWidget *child;
  guint n = trellis_load_report_get_n_items (problems);

  trellis_import_get_summary (self->import, &summary);
  /* Translators: %u is a number of rows of a spreadsheet. */
  title = g_strdup_printf (ngettext ("%u row cannot be imported", "%u rows cannot be imported", summary.bad_rows),
                           summary.bad_rows);
  /* Translators: %s says what importing the other rows does. */
  good = g_strdup_printf (_("Importing the good rows does this: %s. Importing nothing leaves the matrix as it is."),
                          text);
  gtk_label_set_text (self->problems_title, title);
  gtk_label_set_text (self->problems_summary, good);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < n; i++)
    {
      /* Translators: a row of a spreadsheet that cannot be imported: its number and the reason. */
      g_autofree char *line = g_strdup_printf (_("Row %u: %s"), trellis_load_report_get_line (problems, i),
                                               trellis_load_report_get_message (problems, i));
      GtkWidget *label = gtk_label_new (line);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->problems_list, label);
    }
  if (summary.bad_rows > n)
    {
      /* Translators: %u is a number of rows with problems not listed. */
      g_autofree char *more = g_strdup_printf (ngettext ("…and %u more row", "…and %u more rows", summary.bad_rows - n),
                                               summary.bad_rows - n);

      gtk_list_box_append (self->problems_list, gtk_label_new (more));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->good_rows_button),
                            summary.rows > summary.bad_rows);
  gtk_stack_set_visible_child_name (self->stack, "problems");
  gtk_widget_grab_focus (GTK_WIDGET (summary.rows > summary.bad_rows ? self->good_rows_button : self->nothing_button));
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  TrellisImportSummary summary;

  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gtk_stack_set_visible_child_name (self->stack, "mapping");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      set_busy (self, FALSE);
      return;
    }

  trellis_import_get_summary (self->import, &summary);
  if (summary.bad_rows > 0)
    show_problems (self);
  else
    g_signal_emit (self, signals[SIGNAL_IMPORT_READY], 0);
}

static void
import_clicked_cb (TrellisImportDialog *self)
{
  show_error (self, NULL);
  g_atomic_int_set (&self->progress, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_id = g_timeout_add (100, show_progress_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  run_in_thread (self, read_thread, read_done_cb);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

/* Signal handlers of the template */

static void
stop_clicked_cb (TrellisImportDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
cancel_clicked_cb (TrellisImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
nothing_clicked_cb (TrellisImportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
good_rows_clicked_cb (TrellisImportDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_IMPORT_READY], 0);
}

static void
kind_changed_cb (TrellisImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->import == NULL || selected >= G_N_ELEMENTS (kinds))
    return;

  trellis_import_set_kind (self->import, kinds[selected]);
  show_error (self, NULL);
  update_mapping (self);
  set_busy (self, FALSE);
}

static void
format_changed_cb (TrellisImportDialog *self)
{
  guint encoding = adw_combo_row_get_selected (self->encoding_row);
  guint delimiter = adw_combo_row_get_selected (self->delimiter_row);
  TrellisCsvFormat format = TRELLIS_CSV_FORMAT_INIT;

  if (self->updating || self->import == NULL)
    return;

  format.encoding = encoding < G_N_ELEMENTS (encodings) ? encodings[encoding] : TRELLIS_CSV_ENCODING_AUTO;
  format.delimiter = delimiter < G_N_ELEMENTS (delimiters) ? delimiters[delimiter] : 0;
  trellis_import_set_format (self->import, &format);
  start_preview (self);
}

static void
create_changed_cb (TrellisImportDialog *self)
{
  if (self->import != NULL)
    trellis_import_set_create_missing (self->import, gtk_switch_get_active (self->create_switch));
}

static void
source_changed_cb (TrellisImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->source_row);

  if (self->import != NULL && selected < TRELLIS_N_SOURCES)
    trellis_import_set_default_source (self->import, selected);
}

/* GObject */

static gboolean
trellis_import_dialog_close_request (GtkWindow *window)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (window);

  /* Closing stops what is being read; nothing was imported. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (trellis_import_dialog_parent_class)->close_request (window);
}

static void
trellis_import_dialog_dispose (GObject *object)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (trellis_import_dialog_parent_class)->dispose (object);
}

static void
trellis_import_dialog_finalize (GObject *object)
{
  TrellisImportDialog *self = TRELLIS_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->document);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->column_choices, g_ptr_array_unref);

  G_OBJECT_CLASS (trellis_import_dialog_parent_class)->finalize (object);
}

static void
trellis_import_dialog_class_init (TrellisImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trellis_import_dialog_dispose;
  object_class->finalize = trellis_import_dialog_finalize;
  window_class->close_request = trellis_import_dialog_close_request;

  /**
   * TrellisImportDialog::import-ready:
   * @self: the dialog
   *
   * The file is read into a plan (trellis_import_dialog_get_import())
   * and the person chose to import it: its good rows, when some are
   * bad. Whoever owns the document applies it.
   */
  signals[SIGNAL_IMPORT_READY] =
    g_signal_new ("import-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, create_switch);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, good_rows_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, mapping_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, nothing_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, problems_summary);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, problems_title);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, good_rows_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, nothing_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
}

static void
trellis_import_dialog_init (TrellisImportDialog *self)
{
  self->column_rows = g_ptr_array_new ();
  self->column_choices = g_ptr_array_new_with_free_func (choices_free);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_fixed_rows (self);
  self->updating = FALSE;
}

/**
 * trellis_import_dialog_new:
 * @parent: the window of the matrix
 * @document: the matrix
 * @file: the spreadsheet
 *
 * Makes the dialog and starts reading the first rows of @file. Commit
 * any edit still being typed before: the import copies what it needs of
 * the matrix now.
 *
 * Returns: (transfer full): a new dialog, to be presented
 */
TrellisImportDialog *
trellis_import_dialog_new (GtkWindow       *parent,
                           TrellisDocument *document,
                           GFile           *file)
{
  TrellisImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TRELLIS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->file = g_object_ref (file);
  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  self->import = trellis_import_new (document, name);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->source_row, trellis_import_get_default_source (self->import));
  self->updating = FALSE;

  start_preview (self);
  return self;
}

/**
 * trellis_import_dialog_get_import:
 * @self: a #TrellisImportDialog
 *
 * Returns: (transfer none): the import, read when
 *   #TrellisImportDialog::import-ready is emitted
 */
TrellisImport *
trellis_import_dialog_get_import (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), NULL);

  return self->import;
}

/**
 * trellis_import_dialog_get_busy:
 * @self: a #TrellisImportDialog
 *
 * Returns: whether the file is being read
 */
gboolean
trellis_import_dialog_get_busy (TrellisImportDialog *self)
{
  g_return_val_if_fail (TRELLIS_IS_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
renew_import (TrellisImportDialog *self)
{
  g_autoptr(TrellisImport) old = g_steal_pointer (&self->import);

  self->import = trellis_import_new (self->document, adw_window_title_get_subtitle (self->window_title));
  trellis_import_set_format (self->import, trellis_import_get_format (old));
  trellis_import_set_kind (self->import, trellis_import_get_kind (old));
  trellis_import_set_create_missing (self->import, trellis_import_get_create_missing (old));
  trellis_import_set_default_source (self->import, trellis_import_get_default_source (old));
}

/**
 * trellis_import_dialog_show_error:
 * @self: a #TrellisImportDialog
 * @message: why the import could not be applied
 *
 * Shows why the plan could not be applied; the person may read the file
 * again.
 */
void
trellis_import_dialog_show_error (TrellisImportDialog *self,
                                  const char          *message)
{
  g_return_if_fail (TRELLIS_IS_IMPORT_DIALOG (self));

  /* A plan is applied once: another try is a new import of the matrix
   * as it is now, with the choices made. */
  renew_import (self);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  show_error (self, message);
  start_preview (self);
}

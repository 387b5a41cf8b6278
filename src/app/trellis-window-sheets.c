/* trellis-window-sheets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-window-sheets"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-export-dialog.h"
#include "trellis-import-dialog.h"
#include "trellis-window-private.h"

/* The window's spreadsheets: doc.import-spreadsheet asks for a file and
 * opens the import's dialog, and applies the import it makes ready, as
 * the owner of the document (one undo step, offered in the toast);
 * doc.export-spreadsheet opens the export's dialog. Both commit what is
 * still being typed first, so that it is in what they read. */

static void
commit_typing (TrellisWindow *self)
{
  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));
}

static void
import_ready_cb (TrellisImportDialog *dialog,
                 TrellisWindow       *self)
{
  TrellisImport *import = trellis_import_dialog_get_import (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->document == NULL || trellis_import_get_document (import) != self->document)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }

  if (!trellis_import_apply (import, &error))
    {
      trellis_import_dialog_show_error (dialog, error->message);
      return;
    }

  summary = trellis_import_dup_summary_text (import);
  /* Translators: a toast; %s says what the import did ("3 people added, 20 assessments added"). */
  title = g_strdup_printf (_("Imported: %s"), summary);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  trellis_window_add_toast (self, toast);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * trellis_window_import_spreadsheet:
 * @self: a #TrellisWindow showing a matrix
 * @file: a spreadsheet saved as CSV
 *
 * Opens the import's dialog for @file.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
trellis_window_import_spreadsheet (TrellisWindow *self,
                                   GFile         *file)
{
  TrellisImportDialog *dialog;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  commit_typing (self);
  dialog = trellis_import_dialog_new (GTK_WINDOW (self), self->document, file);
  g_signal_connect_object (dialog, "import-ready", G_CALLBACK (import_ready_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
import_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      trellis_window_import_spreadsheet (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import from Spreadsheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
exported_cb (TrellisExportDialog *dialog,
             GFile               *file,
             TrellisWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  /* Translators: %s is the name of the spreadsheet written. */
  message = g_strdup_printf (_("Exported ‘%s’"), name);
  trellis_window_add_toast (self, adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/**
 * trellis_window_export_spreadsheet:
 * @self: a #TrellisWindow showing a matrix
 *
 * Opens the export's dialog.
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
trellis_window_export_spreadsheet (TrellisWindow *self)
{
  TrellisExportDialog *dialog;

  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->document != NULL, NULL);

  commit_typing (self);
  dialog = trellis_export_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  trellis_window_export_spreadsheet (TRELLIS_WINDOW (widget));
}

void
trellis_window_update_sheet_actions (TrellisWindow *self,
                                     gboolean       has_document)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.import-spreadsheet", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.export-spreadsheet", has_document);
}

void
trellis_window_class_add_sheet_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "doc.import-spreadsheet", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.export-spreadsheet", NULL, export_action_cb);
}

/* trellis-translate-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-translate-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-po-exchange.h"
#include "trellis-pending-edits.h"
#include "trellis-print.h"
#include "trellis-translate-dialog.h"
#include "trellis-widget-util.h"
#include "trellis-window-private.h"

/* Translate Matrix Texts…: the matrix's own texts out to translators as
 * a PO file, and their translation back (trellis-po-exchange.c). A
 * language is chosen by its code; the dialog says how much of the
 * matrix is translated into it. A PO file is chosen, or dropped on the
 * dialog. After an import it lists what was not
 * taken and why (stale, unknown, fuzzy, given twice), and offers to
 * show the matrix in that language. The import is one undo step of the
 * window's document, offered back in a toast. */

/* The most messages not taken that the dialog lists one by one. */
#define MAX_LISTED 50

typedef struct
{
  TrellisWindow   *window;          /* weak */
  GtkWindow       *dialog;
  TrellisDocument *document;
  AdwEntryRow     *language_row;
  AdwActionRow    *status_row;
  GtkWidget       *export_button;
  GtkWidget       *import_button;
  AdwPreferencesPage *page;
  GtkWidget       *results;         /* the group of the last import, or NULL */
  char            *imported;        /* the language of the last import */
  gboolean         closed;          /* a file read after closing is not taken */
} Dialog;

static void
dialog_free (gpointer data)
{
  Dialog *d = data;

  g_clear_weak_pointer (&d->window);
  g_clear_object (&d->document);
  g_free (d->imported);
  g_free (d);
}

static void
dialog_closed_cb (Dialog *d)
{
  d->closed = TRUE;
}

/* The language typed, normalised, or NULL. */
static char *
chosen_language (Dialog *d)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (d->language_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return stripped[0] != '\0' ? trellis_language_normalize (stripped, -1) : NULL;
}

static void
update_status (Dialog *d)
{
  g_autofree char *language = chosen_language (d);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (d->language_row));

  gtk_widget_set_sensitive (d->export_button, language != NULL);
  if (language == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->status_row),
                                     text[0] != '\0' ? _("Not a language code") : _("No language chosen"));
      adw_action_row_set_subtitle (d->status_row, _("Type a code such as de, nl or pt-BR."));
      return;
    }

  {
    g_autofree char *name = trellis_language_dup_name (language);
    guint n_texts = 0;
    guint n = trellis_document_count_translated (d->document, language, &n_texts);
    /* Translators: how much of a matrix is translated into a language. */
    g_autofree char *count = g_strdup_printf (ngettext ("%u of %u text translated", "%u of %u texts translated", n_texts),
                                              n, n_texts);

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->status_row), name);
    adw_action_row_set_subtitle (d->status_row, count);
  }
}

static void
show_error (Dialog     *d,
            const char *heading,
            const char *body)
{
  GtkWidget *message = adw_message_dialog_new (d->dialog, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
toast (Dialog     *d,
       const char *title,
       gboolean    undo)
{
  AdwToast *t;

  if (d->window == NULL)
    return;

  t = adw_toast_new (title);
  if (undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "doc.undo");
    }
  trellis_window_add_toast (d->window, t);
}

/* Exporting */

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GtkWindow) dialog = user_data;
  Dialog *d = g_object_get_data (G_OBJECT (dialog), "trellis-translate-dialog");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (d != NULL && !d->closed)
        show_error (d, _("The Texts Were Not Exported"), error->message);
      else if (d != NULL)
        toast (d, error->message, FALSE);
      return;
    }

  if (d != NULL)
    {
      /* Translators: %s is the name of the PO file written. */
      g_autofree char *title = g_strdup_printf (_("Exported ‘%s’ for translators"), name);

      toast (d, title, FALSE);
    }
}

/**
 * trellis_translate_dialog_export:
 * @dialog: a dialog of trellis_translate_dialog_new()
 * @file: where to write
 *
 * Writes the matrix's texts, with their translations into the language
 * chosen, as a PO file; a toast says when it is done.
 */
void
trellis_translate_dialog_export (GtkWindow *dialog,
                                 GFile     *file)
{
  Dialog *d = g_object_get_data (G_OBJECT (dialog), "trellis-translate-dialog");
  g_autofree char *language = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (d != NULL);
  g_return_if_fail (G_IS_FILE (file));

  language = chosen_language (d);
  if (language == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (dialog));
      return;
    }

  bytes = trellis_document_export_po (d->document, language);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                       export_written_cb, g_object_ref (dialog));
}

/* Importing */

static void
show_in_language_cb (Dialog *d)
{
  if (d->window != NULL && d->imported != NULL)
    trellis_window_set_content_language (d->window, d->imported);
}

/* What became of the last import: a sentence, each message not taken,
 * and the offer to show the matrix in that language. */
static void
show_results (Dialog          *d,
              TrellisPoImport *import)
{
  g_autofree char *summary = trellis_po_import_dup_summary (import);
  g_autofree char *name = trellis_language_dup_name (trellis_po_import_get_language (import));
  guint listed = 0;
  guint more = 0;
  GtkWidget *group = adw_preferences_group_new ();

  if (d->results != NULL)
    adw_preferences_page_remove (d->page, ADW_PREFERENCES_GROUP (d->results));
  d->results = group;

  /* Translators: heads what became of a translation taken back; %s is a language such as “German (de)”. */
  {
    g_autofree char *title = g_strdup_printf (_("Imported: %s"), name);

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), summary);

  for (guint i = 0; i < trellis_po_import_get_n_results (import); i++)
    {
      const TrellisPoResult *r = trellis_po_import_get_result (import, i);
      g_autofree char *message = trellis_po_result_dup_message (r);
      g_autofree char *line = NULL;
      GtkWidget *row;

      if (message == NULL)
        continue;
      if (listed == MAX_LISTED)
        {
          more++;
          continue;
        }
      listed++;
      row = adw_action_row_new ();
      /* Translators: where a message is in a PO file, e.g. “Line 57”. */
      line = g_strdup_printf (_("Line %u"), r->line);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (more > 0)
    {
      GtkWidget *row = adw_action_row_new ();
      /* Translators: after the messages listed, how many more were not taken. */
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more", "And %u more", more), more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  g_free (d->imported);
  d->imported = g_strdup (trellis_po_import_get_language (import));
  if (d->window != NULL && g_strcmp0 (trellis_window_get_content_language (d->window), d->imported) != 0)
    {
      /* Translators: a button; %s is a language such as “German (de)”. */
      g_autofree char *label = g_strdup_printf (_("_Show the Matrix in %s"), name);
      GtkWidget *button = gtk_button_new_with_mnemonic (label);

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_margin_top (button, 12);
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_swapped (button, "clicked", G_CALLBACK (show_in_language_cb), d);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
    }

  adw_preferences_page_add (d->page, ADW_PREFERENCES_GROUP (group));
}

static void
load_po_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  TrellisPoFile *po = trellis_po_file_load (G_FILE (task_data), cancellable, &error);

  if (po == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, po, (GDestroyNotify) trellis_po_file_free);
}

static void
po_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) dialog = user_data;
  Dialog *d = g_object_get_data (G_OBJECT (dialog), "trellis-translate-dialog");
  g_autoptr(TrellisPoFile) po = NULL;
  g_autoptr(TrellisPoImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = g_file_get_basename (G_FILE (g_task_get_task_data (G_TASK (result))));
  g_autofree char *typed = NULL;
  guint changed;

  /* Closed meanwhile: the import was called off. */
  if (d == NULL || d->closed)
    return;
  gtk_widget_set_sensitive (d->import_button, TRUE);

  po = g_task_propagate_pointer (G_TASK (result), &error);
  if (po == NULL)
    {
      /* Translators: %s is the name of a PO file. */
      g_autofree char *heading = g_strdup_printf (_("‘%s’ Could Not Be Read"), file_name);

      show_error (d, heading, error->message);
      return;
    }

  /* The file's own language; where it says none, the one typed. */
  import = trellis_po_import_new (d->document, po, NULL, &error);
  typed = chosen_language (d);
  if (import == NULL && typed != NULL && g_error_matches (error, TRELLIS_PO_ERROR, TRELLIS_PO_ERROR_LANGUAGE))
    {
      g_clear_error (&error);
      import = trellis_po_import_new (d->document, po, typed, &error);
    }
  if (import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("‘%s’ Could Not Be Read"), file_name);

      show_error (d, heading, error->message);
      return;
    }

  changed = trellis_po_import_apply (import);
  gtk_editable_set_text (GTK_EDITABLE (d->language_row), trellis_po_import_get_language (import));
  update_status (d);
  show_results (d, import);

  {
    g_autofree char *name = trellis_language_dup_name (trellis_po_import_get_language (import));
    /* Translators: a toast after a translation was taken back; %s is a language. */
    g_autofree char *title = g_strdup_printf (ngettext ("%u text translated into %s", "%u texts translated into %s",
                                                        changed), changed, name);

    toast (d, title, changed > 0);
  }
}

/**
 * trellis_translate_dialog_import:
 * @dialog: a dialog of trellis_translate_dialog_new()
 * @file: a PO file with a translation of the matrix's texts
 *
 * Reads @file in a worker thread and takes its translation into the
 * matrix as one undo step; the dialog then says what was not taken, and
 * a toast of the window offers the undo.
 */
void
trellis_translate_dialog_import (GtkWindow *dialog,
                                 GFile     *file)
{
  Dialog *d = g_object_get_data (G_OBJECT (dialog), "trellis-translate-dialog");
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (d != NULL);
  g_return_if_fail (G_IS_FILE (file));

  /* What was just typed is what the translation is checked against. */
  if (d->window != NULL)
    trellis_pending_edits_commit (trellis_session_get_pending_edits (trellis_window_get_session (d->window)));

  gtk_widget_set_sensitive (d->import_button, FALSE);
  task = g_task_new (NULL, NULL, po_loaded_cb, g_object_ref (dialog));
  g_task_set_source_tag (task, trellis_translate_dialog_import);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_po_thread);
}

/* The file chosen to export to, or to import. */
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  GtkWindow *dialog = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
        trellis_translate_dialog_export (dialog, file);
      else
        trellis_translate_dialog_import (dialog, file);
    }

  g_object_unref (chooser);
}

static GtkFileFilter *
po_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Translations (PO files)"));
  gtk_file_filter_add_mime_type (filter, "text/x-gettext-translation");
  gtk_file_filter_add_suffix (filter, "po");
  return filter;
}

static void
choose_file (Dialog   *d,
             gboolean  export)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = po_filter ();
  GFile *file = trellis_document_get_file (d->document);

  chooser = gtk_file_chooser_native_new (export ? _("Export for Translators") : _("Import a Translation"),
                                         d->dialog,
                                         export ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         export ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  if (export)
    {
      g_autofree char *language = chosen_language (d);
      g_autofree char *base = trellis_print_dup_matrix_name (d->document);
      g_autofree char *name = trellis_po_dup_file_name (d->document, base, language);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), d->dialog);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_clicked_cb (Dialog *d)
{
  choose_file (d, TRUE);
}

static void
import_clicked_cb (Dialog *d)
{
  choose_file (d, FALSE);
}

/* A PO file dropped on the dialog is imported as if chosen. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWindow     *dialog)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;

  trellis_translate_dialog_import (dialog, files->data);
  return TRUE;
}

static GtkWidget *
action_row (const char *title,
            const char *subtitle,
            const char *button_label,
            GtkWidget **button)
{
  GtkWidget *row = adw_action_row_new ();

  *button = gtk_button_new_with_mnemonic (button_label);
  gtk_widget_set_valign (*button, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *button);

  return row;
}

/* The language a translator most likely works on: the one shown, else
 * the first the matrix has translations into. */
static char *
first_language (TrellisWindow   *window,
                TrellisDocument *document)
{
  g_auto(GStrv) languages = trellis_document_dup_languages (document);
  const char *shown = trellis_window_get_content_language (window);

  if (shown != NULL)
    return g_strdup (shown);
  return g_strdup (languages[0] != NULL ? languages[0] : "");
}

/**
 * trellis_translate_dialog_new:
 * @window: the window of the matrix to translate
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWindow *
trellis_translate_dialog_new (TrellisWindow *window)
{
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *language_group = adw_preferences_group_new ();
  GtkWidget *files_group = adw_preferences_group_new ();
  g_autofree char *language = NULL;
  Dialog *d = g_new0 (Dialog, 1);

  g_return_val_if_fail (TRELLIS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (trellis_window_get_document (window) != NULL, NULL);

  g_set_weak_pointer (&d->window, window);
  d->dialog = GTK_WINDOW (dialog);
  d->document = g_object_ref (trellis_window_get_document (window));
  g_object_set_data_full (G_OBJECT (dialog), "trellis-translate-dialog", d, dialog_free);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (dialog_closed_cb), d);

  gtk_window_set_title (GTK_WINDOW (dialog), _("Translate Matrix Texts"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 640);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  d->page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (d->page), TRUE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (language_group), _("Language"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (language_group),
                                         _("Translators work on a PO file with the tools they know: Poedit, Lokalize, "
                                           "Weblate or a text editor. The original texts stay as they are; each "
                                           "translation is kept next to its original, in the matrix."));
  d->language_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->language_row), _("Language code, such as de, nl or pt-BR"));
  language = first_language (window, d->document);
  gtk_editable_set_text (GTK_EDITABLE (d->language_row), language);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (language_group), GTK_WIDGET (d->language_row));
  d->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (d->status_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (language_group), GTK_WIDGET (d->status_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (files_group), _("Translation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (files_group),
                             action_row (_("Export for Translators"),
                                         _("Every text of the matrix with the translations it has, as a PO file"),
                                         _("_Export…"), &d->export_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (files_group),
                             action_row (_("Import a Translation"),
                                         _("A PO file a translator filled in. Texts changed since the export, and "
                                           "those marked fuzzy, are not taken."),
                                         _("_Import…"), &d->import_button));
  g_signal_connect_swapped (d->export_button, "clicked", G_CALLBACK (export_clicked_cb), d);
  g_signal_connect_swapped (d->import_button, "clicked", G_CALLBACK (import_clicked_cb), d);
  g_signal_connect_swapped (d->language_row, "changed", G_CALLBACK (update_status), d);

  adw_preferences_page_add (d->page, ADW_PREFERENCES_GROUP (language_group));
  adw_preferences_page_add (d->page, ADW_PREFERENCES_GROUP (files_group));
  update_status (d);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->page));
  adw_window_set_content (ADW_WINDOW (dialog), box);

  trellis_dialog_close_on_escape (GTK_WINDOW (dialog));
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), dialog);
    gtk_widget_add_controller (dialog, GTK_EVENT_CONTROLLER (drop));
  }

  return GTK_WINDOW (dialog);
}

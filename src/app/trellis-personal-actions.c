/* trellis-personal-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-personal-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-merge.h"
#include "trellis-personal.h"
#include "trellis-window-private.h"

/* The window's actions around personal files:
 *
 * - win.hand-out: the facilitator writes every person's personal file
 *   into a folder (a local one or a network share mounted through GVfs:
 *   the folder chooser offers both), readable by its owner only. The
 *   files are made on the main thread, which reads the matrix, and
 *   written in a worker thread.
 * - win.import-assessments, win.import-assessments-folder: the
 *   facilitator merges handed-in files, read in a worker thread. Where
 *   who a file is about is unsure, a dialog asks; the merge is one undo
 *   step; a dialog then says, file by file, what was taken or refused.
 * - win.assess-myself: from the welcome page, a team member opens the
 *   team's matrix, picks their name, and gets their own personal file,
 *   which then opens in the guided self-assessment. */

static GtkWindow *
as_parent (TrellisWindow *self)
{
  return GTK_WINDOW (self);
}

/* Handing out */

typedef struct
{
  GPtrArray *documents;   /* TrellisDocument to write */
  GPtrArray *files;       /* GFile where */
  GPtrArray *errors;      /* char *, one sentence per file not written */
  GPtrArray *skipped;     /* char *, names of files left alone */
  GFile     *folder;
  guint      written;
  gboolean   new_identity;
} HandOut;

static void
hand_out_free (gpointer data)
{
  HandOut *h = data;

  g_ptr_array_unref (h->documents);
  g_ptr_array_unref (h->files);
  g_ptr_array_unref (h->errors);
  g_ptr_array_unref (h->skipped);
  g_object_unref (h->folder);
  g_free (h);
}

static void
hand_out_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  HandOut *h = task_data;

  for (guint i = 0; i < h->documents->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (trellis_document_save (g_ptr_array_index (h->documents, i), g_ptr_array_index (h->files, i),
                                 TRELLIS_SAVE_FLAGS_PRIVATE | TRELLIS_SAVE_FLAGS_NO_BACKUP, cancellable, &error))
        h->written++;
      else
        g_ptr_array_add (h->errors, g_strdup (error->message));
    }

  g_task_return_boolean (task, TRUE);
}

static void
hand_out_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);
  HandOut *h = g_task_get_task_data (G_TASK (result));
  g_autofree char *where = g_file_get_parse_name (h->folder);
  g_autoptr(GString) body = g_string_new (NULL);

  /* Translators: %u is a number of files, %s a folder. */
  g_string_append_printf (body, ngettext ("%u personal file was written to ‘%s’, readable by you only. Give each person their own file: it holds nobody else’s data.",
                                          "%u personal files were written to ‘%s’, readable by you only. Give each person their own file: it holds nobody else’s data.",
                                          h->written),
                          h->written, where);

  if (h->skipped->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (h->skipped, NULL);
      names = g_strjoinv (", ", (char **) h->skipped->pdata);
      g_string_append (body, "\n\n");
      /* Translators: %s is a list of file names. */
      g_string_append_printf (body, _("Left as they were, as they may hold answers already: %s."), names);
    }

  for (guint i = 0; i < h->errors->len; i++)
    g_string_append_printf (body, "\n\n%s", (const char *) g_ptr_array_index (h->errors, i));

  if (h->new_identity)
    {
      g_string_append (body, "\n\n");
      g_string_append (body, _("The matrix is saved with an identity the files carry, so that they can be merged back into it."));
    }

  trellis_window_show_message (self, _("Self-Assessments Handed Out"), body->str);
}

/**
 * trellis_window_hand_out_to:
 * @self: a #TrellisWindow showing a team's matrix saved in a file
 * @folder: where to write the personal files
 *
 * Writes every person's personal file into @folder, leaving files that
 * are there already alone. A matrix handed out from for the first time
 * gets its identity and is saved with it.
 */
void
trellis_window_hand_out_to (TrellisWindow *self,
                            GFile         *folder)
{
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GTask) task = NULL;
  HandOut *h;
  guint n;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->document == NULL || trellis_document_is_personal (self->document))
    return;

  h = g_new0 (HandOut, 1);
  h->documents = g_ptr_array_new_with_free_func (g_object_unref);
  h->files = g_ptr_array_new_with_free_func (g_object_unref);
  h->errors = g_ptr_array_new_with_free_func (g_free);
  h->skipped = g_ptr_array_new_with_free_func (g_free);
  h->folder = g_object_ref (folder);
  h->new_identity = trellis_document_get_matrix_id (self->document) == NULL;

  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));
  trellis_document_ensure_matrix_id (self->document);
  /* Kept at once: files made from a matrix whose identity was lost
   * could never be merged back. */
  if (h->new_identity)
    trellis_window_save (self);

  names = trellis_handout_dup_file_names (self->document);
  n = trellis_document_get_n_items (self->document, TRELLIS_KIND_PERSON);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *person = trellis_document_get_item (self->document, TRELLIS_KIND_PERSON, i);
      const char *name = g_hash_table_lookup (names, person);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GError) error = NULL;
      TrellisDocument *personal;

      if (g_file_query_exists (file, NULL))
        {
          g_ptr_array_add (h->skipped, g_strdup (name));
          continue;
        }

      personal = trellis_handout_new (self->document, TRELLIS_PERSON (person), &error);
      if (personal == NULL)
        {
          g_ptr_array_add (h->errors, g_strdup (error->message));
          continue;
        }
      g_ptr_array_add (h->documents, personal);
      g_ptr_array_add (h->files, g_steal_pointer (&file));
    }

  task = g_task_new (self, NULL, hand_out_done_cb, NULL);
  g_task_set_task_data (task, h, hand_out_free);
  g_task_run_in_thread (task, hand_out_thread);
}

static void
hand_out_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      trellis_window_hand_out_to (self, folder);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
hand_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (self->document == NULL)
    return;

  if (trellis_document_get_file (self->document) == NULL)
    {
      trellis_window_show_message (self, _("Save the Matrix First"),
                                   _("Handed-in files are merged back into the file they were handed out from. Save this matrix, then hand out."));
      return;
    }
  if (trellis_document_get_n_items (self->document, TRELLIS_KIND_PERSON) == 0)
    {
      trellis_window_show_message (self, _("Nobody to Hand Out To"),
                                   _("Add the people of the team in People & Assessments first."));
      return;
    }

  /* A folder chooser: it offers network shares mounted through GVfs. */
  dialog = gtk_file_chooser_native_new (_("Hand Out Self-Assessments"), as_parent (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Hand Out Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (hand_out_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Importing */

typedef struct
{
  GPtrArray *inputs;     /* GFile: files and folders chosen */
  GPtrArray *names;      /* char * */
  GPtrArray *documents;  /* TrellisDocument or NULL */
  GPtrArray *errors;     /* GError or NULL */
} Import;

static void
error_free0 (gpointer data)
{
  if (data != NULL)
    g_error_free (data);
}

static void
object_unref0 (gpointer data)
{
  g_clear_object (&data);
}

static void
import_free (gpointer data)
{
  Import *im = data;

  g_ptr_array_unref (im->inputs);
  g_ptr_array_unref (im->names);
  g_ptr_array_unref (im->documents);
  g_ptr_array_unref (im->errors);
  g_free (im);
}

static void
import_add (Import          *im,
            const char      *name,
            TrellisDocument *doc,
            GError          *error)
{
  g_ptr_array_add (im->names, g_strdup (name));
  g_ptr_array_add (im->documents, doc);
  g_ptr_array_add (im->errors, error);
}

/* Reads every file chosen, a folder standing for its .trellis files. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Import *im = task_data;

  for (guint i = 0; i < im->inputs->len; i++)
    {
      GFile *input = g_ptr_array_index (im->inputs, i);
      g_autoptr(GPtrArray) files = NULL;
      GError *error = NULL;

      if (g_file_query_file_type (input, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          files = trellis_personal_list_folder (input, cancellable, &error);
          if (files == NULL)
            {
              g_autofree char *name = g_file_get_basename (input);

              import_add (im, name, NULL, error);
              continue;
            }
        }
      else
        {
          files = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (files, g_object_ref (input));
        }

      for (guint k = 0; k < files->len; k++)
        {
          GFile *file = g_ptr_array_index (files, k);
          g_autofree char *name = g_file_get_basename (file);
          TrellisDocument *doc;

          error = NULL;
          doc = trellis_personal_load (file, cancellable, &error);
          import_add (im, name, doc, error);
        }
    }

  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  TrellisWindow *self;
  TrellisMerge  *merge;
  guint          next;   /* the item to ask about next */
} Asking;

static void ask_next (Asking *asking);

static void
asking_free (Asking *asking)
{
  g_object_unref (asking->self);
  trellis_merge_free (asking->merge);
  g_free (asking);
}

static void
show_import_summary (TrellisWindow *self,
                     TrellisMerge  *merge,
                     guint          taken)
{
  guint n = trellis_merge_get_n_items (merge);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  AdwToast *toast;

  /* Translators: the first %u is a number of files taken, the second of files chosen. */
  body = g_strdup_printf (ngettext ("%u of %u file was taken. What became of each:",
                                    "%u of %u files were taken. What became of each:", n),
                          taken, n);
  dialog = adw_message_dialog_new (as_parent (self), _("Assessments Imported"), body);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  /* Translators: what a screen reader calls the list of personal files just imported. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files"), -1);
  for (guint i = 0; i < n; i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (merge, i);
      g_autofree char *summary = trellis_merge_item_dup_summary (item);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (trellis_merge_item_is_taken (item)
                                                      ? "emblem-ok-symbolic" : "dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trellis_merge_item_get_name (item));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      trellis_merge_item_is_taken (item)
                                      /* Translators: what a screen reader says of the icon beside a
                                       * personal file whose assessments were taken into the matrix. */
                                      ? _("Taken")
                                      /* Translators: what a screen reader says of the icon beside a
                                       * personal file that was not taken into the matrix (the line
                                       * beside it says why). */
                                      : _("Not taken"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  if (taken > 0)
    {
      toast = adw_toast_new (_("Assessments imported"));
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "doc.undo");
      trellis_window_add_toast (self, toast);
    }
}

static void
finish_import (Asking *asking)
{
  guint taken = trellis_merge_apply (asking->merge);

  show_import_summary (asking->self, asking->merge, taken);
  asking_free (asking);
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 Asking           *asking)
{
  TrellisMergeItem *item = trellis_merge_get_item (asking->merge, asking->next);
  GPtrArray *candidates = trellis_merge_item_get_candidates (item);
  guint64 index;

  /* Once: closing the dialog after an answer answers nothing more. */
  g_signal_handlers_disconnect_by_data (dialog, asking);

  if (g_str_has_prefix (response, "person-") &&
      g_ascii_string_to_unsigned (response + 7, 10, 0, candidates->len - 1, &index, NULL))
    trellis_merge_item_choose (item, g_ptr_array_index (candidates, index));
  else
    trellis_merge_item_choose (item, NULL);

  asking->next++;
  ask_next (asking);
}

static char *
dup_candidate_label (TrellisDocument *doc,
                     TrellisEntity   *person)
{
  const char **roles = trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      TrellisEntity *role = trellis_document_lookup (doc, roles[i]);

      if (role == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, trellis_entity_get_name (role));
    }

  if (names->len == 0)
    return g_strdup (trellis_entity_get_name (person));

  /* Translators: a person and their roles, e.g. “Anna (Service agent)”. */
  return g_strdup_printf (_("%s (%s)"), trellis_entity_get_name (person), names->str);
}

/* Asks who the person of each unsure file is, one file at a time. */
static void
ask_next (Asking *asking)
{
  guint n = trellis_merge_get_n_items (asking->merge);

  for (; asking->next < n; asking->next++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (asking->merge, asking->next);
      GPtrArray *candidates = trellis_merge_item_get_candidates (item);
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      if (trellis_merge_item_get_match (item) != TRELLIS_MERGE_UNSURE)
        continue;

      /* Translators: %s is a person's name. */
      heading = g_strdup_printf (_("Who Is %s?"), trellis_merge_item_get_person_name (item));
      if (candidates->len > 1)
        /* Translators: the first %s is a file name, the second a person's name. */
        body = g_strdup_printf (_("‘%s’ is the personal file of %s, and several people in the matrix have that name. Whose is it?"),
                                trellis_merge_item_get_name (item), trellis_merge_item_get_person_name (item));
      else
        /* Translators: the first %s is a file name, the second the name
         * in the file, the third the name in the matrix. */
        body = g_strdup_printf (_("‘%s’ is the personal file of %s. The matrix calls the person it was handed out to %s now. Is it the same person?"),
                                trellis_merge_item_get_name (item), trellis_merge_item_get_person_name (item),
                                trellis_entity_get_name (g_ptr_array_index (candidates, 0)));

      dialog = adw_message_dialog_new (as_parent (asking->self), heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "leave", _("_Leave It Out"));
      for (guint i = 0; i < candidates->len; i++)
        {
          g_autofree char *id = g_strdup_printf ("person-%u", i);
          g_autofree char *label = dup_candidate_label (asking->self->document, g_ptr_array_index (candidates, i));

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), id, label);
        }
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "leave");
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "leave");
      g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), asking);
      trellis_accessible_tidy (dialog);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  finish_import (asking);
}

static void
import_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);
  Import *im = g_task_get_task_data (G_TASK (result));
  Asking *asking;

  if (self->document == NULL || trellis_document_is_personal (self->document))
    return;

  asking = g_new0 (Asking, 1);
  asking->self = g_object_ref (self);
  asking->merge = trellis_merge_new (self->document);
  for (guint i = 0; i < im->names->len; i++)
    trellis_merge_add (asking->merge, g_ptr_array_index (im->names, i),
                       g_ptr_array_index (im->documents, i), g_ptr_array_index (im->errors, i));

  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));
  ask_next (asking);
}

/**
 * trellis_window_import:
 * @self: a #TrellisWindow showing a team's matrix
 * @inputs: (element-type GFile): personal files and folders of them
 *
 * Reads @inputs in a worker thread and merges them into the matrix,
 * asking who an unsure file is about; then says what became of each.
 */
void
trellis_window_import (TrellisWindow *self,
                       GPtrArray     *inputs)
{
  g_autoptr(GTask) task = NULL;
  Import *im;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  im = g_new0 (Import, 1);
  im->inputs = g_ptr_array_ref (inputs);
  im->names = g_ptr_array_new_with_free_func (g_free);
  im->documents = g_ptr_array_new_with_free_func (object_unref0);
  im->errors = g_ptr_array_new_with_free_func (error_free0);

  task = g_task_new (self, NULL, import_read_cb, NULL);
  g_task_set_task_data (task, im, import_free);
  g_task_run_in_thread (task, import_thread);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (inputs, g_list_model_get_item (chosen, i));
      trellis_window_import (self, inputs);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  gboolean folder = g_str_equal (action_name, "win.import-assessments-folder");
  GtkFileChooserNative *dialog;

  if (self->document == NULL)
    return;

  dialog = gtk_file_chooser_native_new (folder ? _("Import a Folder of Assessments") : _("Import Assessments"),
                                        as_parent (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
      gtk_file_filter_set_name (filter, _("Personal Files"));
      gtk_file_filter_add_mime_type (filter, "application/x-trellis+xml");
      gtk_file_filter_add_suffix (filter, "trellis");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Assessing oneself from the team's matrix */

typedef struct
{
  TrellisWindow   *self;
  TrellisDocument *team;
  TrellisPerson   *person;
  GtkListBox      *list;
} Assess;

static void
assess_free (Assess *a)
{
  g_clear_object (&a->self);
  g_clear_object (&a->team);
  g_clear_object (&a->person);
  g_free (a);
}

static void
keep_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  Assess          *a)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(TrellisDocument) personal = NULL;
      g_autoptr(GError) error = NULL;

      personal = trellis_handout_new (a->team, a->person, &error);
      if (personal != NULL &&
          trellis_document_save (personal, file, TRELLIS_SAVE_FLAGS_PRIVATE, NULL, &error))
        trellis_window_load_file (a->self, file);
      else
        trellis_window_show_message (a->self, _("Could Not Make Your File"), error->message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  assess_free (a);
}

/* Where to keep the person's own file: theirs, readable by them only. */
static void
choose_own_file (Assess *a)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = trellis_handout_dup_file_name (a->person);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  dialog = gtk_file_chooser_native_new (_("Keep Your Personal File"), as_parent (a->self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Keep Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (documents != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (keep_response_cb), a);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
who_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 Assess           *a)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (a->list);

  g_signal_handlers_disconnect_by_data (dialog, a);
  if (g_strcmp0 (response, "continue") != 0 || row == NULL)
    {
      assess_free (a);
      return;
    }

  a->person = g_object_ref (g_object_get_data (G_OBJECT (row), "person"));
  choose_own_file (a);
}

static void
who_selected_cb (GtkListBox       *list,
                 GtkListBoxRow    *row,
                 AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "continue", row != NULL);
}

static void
who_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "continue");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Asks the person to pick their name among the matrix's people. */
static void
ask_who (Assess *a)
{
  GtkWidget *dialog;
  GtkWidget *scroller = gtk_scrolled_window_new ();
  guint n = trellis_document_get_n_items (a->team, TRELLIS_KIND_PERSON);

  dialog = adw_message_dialog_new (as_parent (a->self), _("Who Are You?"),
                                   _("Choose your name. Trellis makes your own personal file from this matrix, with only what you need to assess yourself; the matrix is not changed."));
  a->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (a->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (a->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *person = trellis_document_get_item (a->team, TRELLIS_KIND_PERSON, i);
      g_autofree char *label = dup_candidate_label (a->team, person);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "person", person);
      gtk_list_box_append (a->list, row);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (a->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "continue", _("C_ontinue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "continue", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (a->list, "row-selected", G_CALLBACK (who_selected_cb), dialog);
  g_signal_connect (a->list, "row-activated", G_CALLBACK (who_activated_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (who_response_cb), a);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * trellis_window_assess_myself_from:
 * @self: a #TrellisWindow
 * @team: a team's matrix, or a personal file
 *
 * Opens @team's personal file of the person who picks their name, made
 * there and then; a personal file opens as it is.
 */
void
trellis_window_assess_myself_from (TrellisWindow *self,
                                   GFile         *team)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  Assess *a;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  doc = trellis_document_new_from_file (team, NULL, NULL, &error);
  if (doc == NULL)
    {
      trellis_window_show_message (self, _("Could Not Open the Matrix"), error->message);
      return;
    }

  if (trellis_document_is_personal (doc))
    {
      trellis_window_load_file (self, team);
      return;
    }

  if (trellis_document_get_matrix_id (doc) == NULL)
    {
      trellis_window_show_message (self, _("This Matrix Is Not Ready for Self-Assessment"),
                                   _("Answers can only be merged back into a matrix that self-assessments were handed out from. Ask the person who keeps it to hand them out once, or to give you your personal file."));
      return;
    }

  if (trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON) == 0)
    {
      trellis_window_show_message (self, _("Nobody Is in This Matrix Yet"),
                                   _("Ask the person who keeps it to add the team’s people first."));
      return;
    }

  a = g_new0 (Assess, 1);
  a->self = g_object_ref (self);
  a->team = g_steal_pointer (&doc);
  ask_who (a);
}

static void
assess_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      trellis_window_assess_myself_from (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
assess_myself_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (trellis_window_get_target_for_new (TRELLIS_WINDOW (widget)));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Your Team’s Matrix"), as_parent (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (assess_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (self));
}

void
trellis_window_class_add_personal_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.hand-out", NULL, hand_out_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-assessments", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.import-assessments-folder", NULL, import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.assess-myself", NULL, assess_myself_action_cb);
}

/* trellis-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-window-actions"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-accessible.h"
#include "trellis-print.h"
#include "trellis-personal.h"
#include "trellis-window-private.h"

/* The window's actions: win.* for the window, doc.* for its document. */

static TrellisApplication *
get_app (TrellisWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return TRELLIS_IS_APPLICATION (app) ? TRELLIS_APPLICATION (app) : NULL;
}

/* Undo and Redo say what they undo and redo: “Undo Set Level of ‘Anouk’
 * in ‘De-escalation’”, in the tooltip and for screen readers. */
static void
update_undo_button (GtkButton  *button,
                    const char *what,
                    gboolean    undo)
{
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;

  if (what != NULL && what[0] != '\0')
    label = g_strdup_printf (undo
                             /* Translators: %s is what a step does, e.g. “Set Level of ‘Anouk’ in ‘De-escalation’”. */
                             ? _("Undo %s")
                             /* Translators: %s is what a step does, e.g. “Set Level of ‘Anouk’ in ‘De-escalation’”. */
                             : _("Redo %s"), what);
  else
    label = g_strdup (undo ? _("Undo") : _("Redo"));

  /* Translators: a tooltip: what Undo or Redo would do, then its keys. */
  tooltip = g_strdup_printf (_("%s (%s)"), label, undo ? _("Ctrl+Z") : _("Ctrl+Shift+Z"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_undo_labels (TrellisWindow *self,
                    gboolean       has_document)
{
  update_undo_button (self->undo_button,
                      has_document ? trellis_document_get_undo_label (self->document) : NULL, TRUE);
  update_undo_button (self->redo_button,
                      has_document ? trellis_document_get_redo_label (self->document) : NULL, FALSE);
}

static gboolean
undo_labels_idle_cb (gpointer user_data)
{
  TrellisWindow *self = user_data;

  self->undo_labels_source = 0;
  update_undo_labels (self, self->document != NULL);

  return G_SOURCE_REMOVE;
}

/**
 * trellis_window_queue_undo_labels:
 * @self: a #TrellisWindow
 *
 * After an edit: the labels of Undo and Redo once the edit is complete
 * (a compound edit has its label only when it ends).
 */
void
trellis_window_queue_undo_labels (TrellisWindow *self)
{
  if (self->undo_labels_source == 0)
    self->undo_labels_source = g_idle_add (undo_labels_idle_cb, self);
}

void
trellis_window_update_actions (TrellisWindow *self)
{
  gboolean has_document = self->document != NULL && !trellis_session_get_loading (self->session);
  gboolean idle = has_document && !trellis_session_get_saving (self->session);
  /* A personal file shows the guided self-assessment only. */
  gboolean matrix = has_document && !trellis_document_is_personal (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.save-as", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.export", matrix);
  trellis_window_update_sheet_actions (self, matrix);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.print", matrix);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.export-report", matrix);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.reload",
                                 idle && trellis_document_get_file (self->document) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.undo",
                                 has_document && trellis_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.redo",
                                 has_document && trellis_document_can_redo (self->document));
  /* Presenting, the sections stay put: only the map is on the screen. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-section", matrix && !self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-tab", matrix && !self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-entity", matrix && !self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", matrix || self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-presenting", self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-editing", self->presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.hand-out", matrix && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-assessments", matrix && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-assessments-folder", matrix && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.discard-recovered",
                                 idle && trellis_session_get_recovered (self->session));
  update_undo_labels (self, has_document);
  trellis_window_update_vote_actions (self);
  trellis_window_update_translate_actions (self);
}

/**
 * trellis_window_get_target_for_new:
 * @self: a #TrellisWindow
 *
 * Returns: (transfer none): @self when it shows no document, else a new
 *   window for a new document
 */
TrellisWindow *
trellis_window_get_target_for_new (TrellisWindow *self)
{
  TrellisApplication *app = get_app (self);

  if (trellis_window_is_empty (self) || app == NULL)
    return self;

  return trellis_application_new_window (app);
}

/* win.new, win.open */

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TrellisWindow *target = trellis_window_get_target_for_new (TRELLIS_WINDOW (widget));

  trellis_window_new_document (target);
  gtk_window_present (GTK_WINDOW (target));
  trellis_window_show_section_number (target, 1);
}

static GFile *
get_last_folder (TrellisWindow *self)
{
  g_autofree char *uri = self->settings != NULL ? g_settings_get_string (self->settings, "last-folder") : NULL;
  GFile *document_file = self->document != NULL ? trellis_document_get_file (self->document) : NULL;

  if (document_file != NULL)
    return g_file_get_parent (document_file);
  if (uri != NULL && uri[0] != '\0')
    return g_file_new_for_uri (uri);

  return NULL;
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) matrices = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (matrices, _("Trellis Matrices"));
  gtk_file_filter_add_mime_type (matrices, "application/x-trellis+xml");
  gtk_file_filter_add_suffix (matrices, "trellis");
  gtk_file_chooser_add_filter (chooser, matrices);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, matrices);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      TrellisApplication *app = get_app (self);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          if (app != NULL)
            trellis_application_open_file (app, file);
          else
            trellis_window_load_file (self, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) folder = get_last_folder (self);

  dialog = gtk_file_chooser_native_new (_("Open Matrix"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  add_filters (GTK_FILE_CHOOSER (dialog));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  TrellisApplication *app = get_app (self);

  if (app != NULL)
    trellis_application_open_file (app, file);
  else
    trellis_window_load_file (self, file);
}

static void
new_from_example_action_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);
  g_autofree char *path = g_strconcat (RESOURCE_PATH "/examples/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TrellisWindow *target;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    document = trellis_document_new_from_bytes (bytes, name, NULL, &error);

  if (document == NULL)
    {
      trellis_window_show_message (self, _("Could Not Open the Example"), error->message);
      return;
    }

  /* A new matrix that starts as a copy of the example: saving asks where. */
  target = trellis_window_get_target_for_new (self);
  trellis_window_set_document (target, document);
  trellis_window_show_section (target, "mission");
  gtk_window_present (GTK_WINDOW (target));
}

/* Drafts */

static void
restore_draft_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  trellis_window_restore_draft (TRELLIS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
discard_draft_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           TrellisWindow    *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");

  if (g_strcmp0 (response, "discard") == 0 && uuid != NULL)
    trellis_window_discard_draft (self, uuid);
}

static TrellisDraft *
find_draft (TrellisWindow *self,
            const char    *uuid)
{
  TrellisApplication *app = get_app (self);
  GListModel *drafts = app != NULL ? trellis_application_get_drafts (app) : NULL;
  guint n = drafts != NULL ? g_list_model_get_n_items (drafts) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisDraft) draft = g_list_model_get_item (drafts, i);

      if (g_strcmp0 (trellis_draft_get_uuid (draft), uuid) == 0)
        return g_steal_pointer (&draft);
    }

  return NULL;
}

/* Work a crash left is never thrown away by one key: discarding asks,
 * and Cancel is what Enter and Escape answer. */
static void
discard_draft_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  const char *uuid = g_variant_get_string (param, NULL);
  g_autoptr(TrellisDraft) draft = find_draft (self, uuid);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (draft == NULL)
    return;

  name = trellis_draft_dup_display_name (draft);
  /* Translators: %s names the unsaved work, e.g. a file name or “Unsaved matrix”. */
  body = g_strdup_printf (_("The unsaved changes to ‘%s’ are deleted for good. Restore them instead to review them first."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (uuid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_draft_response_cb), self, 0);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard_recovered_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               TrellisWindow    *self)
{
  GFile *file;

  if (g_strcmp0 (response, "discard") != 0 || self->document == NULL)
    return;

  file = trellis_document_get_file (self->document);
  trellis_session_discard_recovered (self->session);

  if (file != NULL)
    {
      g_autoptr(GFile) hold = g_object_ref (file);

      trellis_window_load_file (self, hold);
    }
  else
    trellis_window_set_document (self, NULL);
}

void
trellis_window_discard_recovered (TrellisWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Recovered Changes?"),
                                   _("The recovered changes are deleted for good."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_recovered_response_cb), self, 0);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
discard_recovered_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  trellis_window_discard_recovered (TRELLIS_WINDOW (widget));
}

/* doc.save, doc.save-as, doc.reload */

void
trellis_window_save (TrellisWindow *self)
{
  GFile *file;

  if (self->document == NULL)
    return;

  file = trellis_document_get_file (self->document);
  if (file == NULL)
    trellis_window_save_as (self);
  else
    trellis_window_save_to (self, file);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *basename = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      /* A matrix is found again by its extension. */
      if (strchr (basename, '.') == NULL)
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *named = g_strconcat (basename, ".trellis", NULL);

          file = g_file_get_child (parent, named);
        }
      else
        file = g_object_ref (chosen);

      trellis_window_save_to (self, file);
    }
  else
    trellis_session_set_close_after_save (self->session, FALSE);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
trellis_window_save_as (TrellisWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GFile *file;
  const char *title;

  if (self->document == NULL)
    return;

  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));

  dialog = gtk_file_chooser_native_new (_("Save Matrix"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  add_filters (GTK_FILE_CHOOSER (dialog));

  folder = get_last_folder (self);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);

  file = trellis_document_get_file (self->document);
  title = trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (self->document)));
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *stem = g_strndup (basename, strlen (basename) - (g_str_has_suffix (basename, ".trellis") ? 8 : 0));

      /* Translators: the suggested name of a copy; %s is the original's name without extension. */
      name = trellis_session_get_changed_on_disk (self->session) ? g_strdup_printf (_("%s (copy).trellis"), stem) : g_strdup (basename);
    }
  else if (title != NULL && title[0] != '\0')
    name = g_strconcat (title, ".trellis", NULL);
  else
    name = g_strconcat (_("Matrix"), ".trellis", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  trellis_window_save (TRELLIS_WINDOW (widget));
}

static void
save_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  trellis_window_save_as (TRELLIS_WINDOW (widget));
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TrellisWindow    *self)
{
  GFile *file;

  if (g_strcmp0 (response, "reload") != 0 || self->document == NULL)
    return;

  file = trellis_document_get_file (self->document);
  if (file != NULL)
    {
      g_autoptr(GFile) hold = g_object_ref (file);

      trellis_window_load_file (self, hold);
    }
}

void
trellis_window_reload (TrellisWindow *self)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->document == NULL || (file = trellis_document_get_file (self->document)) == NULL)
    return;

  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));

  if (!trellis_window_get_unsaved (self))
    {
      g_autoptr(GFile) hold = g_object_ref (file);

      trellis_window_load_file (self, hold);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("Your changes to ‘%s’ are lost when it is read again. To keep them, save them as a copy first."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reload and Lose Your Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  trellis_window_reload (TRELLIS_WINDOW (widget));
}

/* doc.export */

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* What is exported is the map in view: show it first. */
  trellis_window_show_section (self, "heatmaps");
  trellis_heatmap_page_export (self->heatmap_page);
}

/* doc.print, doc.export-report */

static void
report_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* What was just typed is in the report. */
  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));
  trellis_print_report (GTK_WINDOW (self), self->document, g_str_equal (action_name, "doc.export-report"));
}

/* doc.undo, doc.redo */

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* What was just typed is the last step. */
  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));
  trellis_document_undo (self->document);
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (self->document == NULL)
    return;

  trellis_pending_edits_commit (trellis_session_get_pending_edits (self->session));
  trellis_document_redo (self->document);
}

/* win.present, win.stop-presenting */

/**
 * trellis_window_get_presenting:
 * @self: a #TrellisWindow
 *
 * Returns: whether the window presents the map, for a projector
 */
gboolean
trellis_window_get_presenting (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  return self->presenting;
}

static void
begin_presenting (TrellisWindow *self)
{
  /* What to come back to. */
  self->present_was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  g_free (self->present_section);
  self->present_section = g_strdup (gtk_stack_get_visible_child_name (self->sections_stack));
  self->present_leaflet_child = adw_leaflet_get_visible_child (self->leaflet);
  g_set_weak_pointer (&self->present_focus, gtk_root_get_focus (GTK_ROOT (self)));

  self->presenting = TRUE;
  trellis_window_show_section (self, "heatmaps");
  trellis_heatmap_page_set_presenting (self->heatmap_page, TRUE);

  /* Only the map: no sections, no header bar, no banner. */
  gtk_widget_set_visible (self->sidebar, FALSE);
  gtk_widget_set_visible (self->sidebar_separator, FALSE);
  gtk_widget_set_visible (self->content_header, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->banner), FALSE);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  trellis_heatmap_page_show_start (self->heatmap_page);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");

  self->fullscreen_requested = TRUE;
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (trellis_heatmap_page_get_view (self->heatmap_page)));
}

static void
end_presenting (TrellisWindow *self)
{
  self->presenting = FALSE;
  if (!self->present_was_fullscreen)
    {
      self->fullscreen_requested = FALSE;
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
  gtk_widget_set_visible (self->sidebar, TRUE);
  gtk_widget_set_visible (self->sidebar_separator, TRUE);
  gtk_widget_set_visible (self->content_header, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->banner), TRUE);

  trellis_heatmap_page_set_presenting (self->heatmap_page, FALSE);
  if (self->present_section != NULL)
    trellis_window_show_section (self, self->present_section);
  g_clear_pointer (&self->present_section, g_free);
  if (self->present_leaflet_child != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->present_leaflet_child);
  self->present_leaflet_child = NULL;

  if (self->present_focus != NULL && gtk_widget_get_mapped (self->present_focus))
    gtk_widget_grab_focus (self->present_focus);
  g_clear_weak_pointer (&self->present_focus);
}

/**
 * trellis_window_set_presenting:
 * @self: a #TrellisWindow
 * @presenting: whether to present the map
 *
 * Presenting shows the Heatmaps section full screen with only the map,
 * its title and its legend, in large type, for the workshop audience:
 * nobody who does not share with the team is shown. Ending it brings
 * back the window as it was.
 */
void
trellis_window_set_presenting (TrellisWindow *self,
                               gboolean       presenting)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;
  if (presenting && (self->document == NULL || trellis_session_get_loading (self->session)))
    return;

  /* Each presentation begins showing only; editing is turned on apart. */
  if (presenting)
    begin_presenting (self);
  else
    end_presenting (self);
  if (self->present_editing)
    {
      self->present_editing = FALSE;
      trellis_window_notify_present_editing (self);
    }
  trellis_window_apply_editing (self);

  trellis_window_update_actions (self);
  trellis_window_notify_presenting (self);
}

/**
 * trellis_window_apply_editing:
 * @self: a #TrellisWindow
 *
 * A presented map shows and does not edit: its cells' actions are off
 * and its keys take no level or letter, until the facilitator turns
 * editing on.
 */
void
trellis_window_apply_editing (TrellisWindow *self)
{
  gboolean editable = !self->presenting || self->present_editing;

  if (self->cell_actions != NULL)
    trellis_cell_actions_set_enabled (self->cell_actions, editable);
  trellis_heatmap_view_set_read_only (trellis_heatmap_page_get_view (self->heatmap_page), !editable);
}

gboolean
trellis_window_get_present_editing (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  return self->present_editing;
}

/**
 * trellis_window_set_present_editing:
 * @self: a #TrellisWindow
 * @editing: whether the presented map may be edited
 *
 * Only while presenting; a presentation always begins with editing off.
 */
void
trellis_window_set_present_editing (TrellisWindow *self,
                                    gboolean       editing)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  editing = !!editing && self->presenting;
  if (self->present_editing == editing)
    return;

  self->present_editing = editing;
  trellis_window_apply_editing (self);
  trellis_window_notify_present_editing (self);
}

static void
stop_presenting_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  trellis_window_set_presenting (TRELLIS_WINDOW (widget), FALSE);
}

/* Sections, toasts, shortcuts */

static void
show_section_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  trellis_window_show_section_number (TRELLIS_WINDOW (widget), (guint) g_variant_get_int32 (param));
}

static void
show_entity_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  TrellisEntity *entity = self->document != NULL ? trellis_document_lookup (self->document, id) : NULL;

  if (entity == NULL && self->document != NULL &&
      g_strcmp0 (id, trellis_entity_get_id (TRELLIS_ENTITY (trellis_document_get_organisation (self->document)))) == 0)
    entity = TRELLIS_ENTITY (trellis_document_get_organisation (self->document));

  if (entity != NULL)
    trellis_window_show_entity (self, entity);
}

static void
switch_tab_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  trellis_window_switch_tab (TRELLIS_WINDOW (widget), g_variant_get_int32 (param));
}

static void
show_toast_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  trellis_window_add_toast (TRELLIS_WINDOW (widget), adw_toast_new (g_variant_get_string (param, NULL)));
}

static void
show_deleted_toast_action_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is the name of what was deleted. */
  title = g_strdup_printf (_("‘%s’ deleted"), g_variant_get_string (param, NULL));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  trellis_window_add_toast (TRELLIS_WINDOW (widget), toast);
}

/* win.help */

/* The page of the user guide for what the window shows: the help of the
 * guided self-assessment or of a vote, else its start. */
static char *
dup_help_uri (TrellisWindow *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->main_stack);
  const char *page = NULL;

  if (g_strcmp0 (shown, "guide") == 0)
    page = "self-assessment";
  else if (g_strcmp0 (shown, "vote") == 0)
    page = "vote";

  /* The help is installed under the application id, so that a .Devel
   * build opens the help of its own version. */
  return page != NULL ? g_strconcat ("help:", APP_ID, "/", page, NULL) : g_strdup ("help:" APP_ID);
}

static void
show_help_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TrellisWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    return;

  g_debug ("Could not open the help: %s", error->message);
  /* Most often no program for help: URIs is installed at all. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    title = g_strdup (_("The help could not be opened: install the Help app (Yelp) to read it"));
  else
    /* Translators: %s says why, as the system put it. */
    title = g_strdup_printf (_("The help could not be opened: %s"), error->message);
  trellis_window_add_toast (self, adw_toast_new (title));
}

static void
help_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autofree char *uri = dup_help_uri (self);

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_help_cb, g_object_ref (self));
}

/* GtkShortcutsWindow names its search and its section chooser by their
 * classes only. */
static void
name_shortcuts_controls (GtkWidget *widget)
{
  const char *label = NULL;

  if (GTK_IS_SEARCH_ENTRY (widget))
    label = _("Search shortcuts");
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))))
    label = _("Search shortcuts");
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      trellis_accessible_label_menu_button (widget, _("Sections"));
      return;
    }

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcuts_controls (child);
}

/* GtkShortcutsWindow never wraps a shortcut's title: the long ones, in
 * German above all, made it wider than a laptop's screen. */
static void
wrap_shortcut_titles (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_SHORTCUT) != NULL &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUT_LABEL) == NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (widget), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (widget), 40);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    wrap_shortcut_titles (child);
}

static void
shortcuts_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/shortcuts-dialog.ui");
  GtkWindow *dialog = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_dialog"));

  gtk_window_set_transient_for (dialog, GTK_WINDOW (widget));
  name_shortcuts_controls (GTK_WIDGET (dialog));
  wrap_shortcut_titles (GTK_WIDGET (dialog));
  gtk_window_present (dialog);
}

/**
 * trellis_window_add_shortcuts:
 * @self: a #TrellisWindow
 *
 * Escape leaves a presentation, and Alt+E turns its editing on or off.
 * They are caught before the widget with the focus sees them (a widget
 * on the way may take Escape for itself), and only while presenting:
 * the actions are off otherwise, so that the keys go on to whatever
 * else wants them. Popovers and dialogs are windows of their own and get
 * their Escape first.
 */
void
trellis_window_add_shortcuts (TrellisWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.stop-presenting")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_e, GDK_ALT_MASK),
                                                          gtk_named_action_new ("win.present-editing")));

  /* Ctrl+Page Down and Up switch the pages of a section, wherever the
   * focus is (a text field would take them for itself otherwise). */
  for (guint i = 0; i < 4; i++)
    {
      static const guint keyvals[] = { GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, GDK_KEY_Page_Up, GDK_KEY_KP_Page_Up };
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyvals[i], GDK_CONTROL_MASK),
                                                gtk_named_action_new ("win.switch-tab"));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (i < 2 ? 1 : -1));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
trellis_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new-from-example", "s", new_from_example_action_cb);
  gtk_widget_class_install_action (widget_class, "win.restore-draft", "s", restore_draft_action_cb);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", "s", discard_draft_action_cb);
  gtk_widget_class_install_action (widget_class, "win.discard-recovered", NULL, discard_recovered_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-section", "i", show_section_action_cb);
  gtk_widget_class_install_action (widget_class, "win.switch-tab", "i", switch_tab_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-entity", "s", show_entity_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-deleted-toast", "s", show_deleted_toast_action_cb);
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action_cb);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_property_action (widget_class, "win.present-editing", "present-editing");
  gtk_widget_class_install_action (widget_class, "win.stop-presenting", NULL, stop_presenting_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.save-as", NULL, save_as_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.print", NULL, report_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.export-report", NULL, report_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "doc.redo", NULL, redo_action_cb);
  trellis_window_class_add_sheet_actions (widget_class);
  trellis_window_class_add_personal_actions (widget_class);
}

/* trellis-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-action-editor.h"
#include "trellis-cell-actions.h"
#include "trellis-competency-editor.h"
#include "trellis-feedback-editor.h"
#include "trellis-indicator-editor.h"
#include "trellis-organisation-editor.h"
#include "trellis-personal.h"
#include "trellis-person-editor.h"
#include "trellis-responsibility-editor.h"
#include "trellis-result-editor.h"
#include "trellis-role-editor.h"
#include "trellis-value-editor.h"
#include "trellis-window-private.h"

/* One window per document. Before a document is open it shows the
 * welcome page; while a file loads, a spinner (the loader runs in a
 * thread, so the window keeps drawing); then the sections of the matrix
 * beside the editor of each. The file's life (opening, the recovery
 * draft, outside changes, saving, whether closing loses work) is its
 * TrellisSession's; the window shows what the session says, in the
 * title and the banner, and asks the person what to do. */

G_DEFINE_FINAL_TYPE (TrellisWindow, trellis_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PRESENTING,
  PROP_PRESENT_EDITING,
  PROP_UNSAVED,
  PROP_CONTENT_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_window_state (TrellisWindow *self);

static TrellisApplication *
get_app (TrellisWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return TRELLIS_IS_APPLICATION (app) ? TRELLIS_APPLICATION (app) : NULL;
}

static char *
dup_folder_label (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_strconcat ("~/", relative, NULL);

  return g_file_get_parse_name (parent);
}

/**
 * trellis_window_get_unsaved:
 * @self: a #TrellisWindow
 *
 * Returns: whether closing would lose work: edits since the last save,
 *   or changes recovered from a draft and not saved yet
 */
gboolean
trellis_window_get_unsaved (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  return trellis_session_get_unsaved (self->session);
}

void
trellis_window_update_title (TrellisWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  gboolean unsaved;
  GFile *file;

  if (self->document == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Trellis"));
      return;
    }

  name = trellis_session_dup_display_name (self->session);
  unsaved = trellis_window_get_unsaved (self);
  file = trellis_document_get_file (self->document);

  /* Translators: the window title of a document with unsaved changes; %s is its name. */
  title = unsaved ? g_strdup_printf (_("• %s"), name) : g_strdup (name);

  if (file != NULL)
    {
      g_autofree char *folder = dup_folder_label (file);

      /* Translators: the subtitle of a document with unsaved changes; %s is its folder. */
      subtitle = unsaved ? g_strdup_printf (_("%s — unsaved changes"), folder) : g_steal_pointer (&folder);
    }
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the title of a window: the document's name, then the program's. */
  window_title = g_strdup_printf (_("%s — Trellis"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

/* Banner */

static void
set_button_action (GtkButton  *button,
                   const char *action,
                   GVariant   *target)
{
  /* Never an action with the previous action's target, even briefly. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
}

/* Shows the session's notice: which one, and when, the session decides. */
static void
update_banner (TrellisWindow *self)
{
  TrellisDraft *offered = trellis_session_get_offered_draft (self->session);
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->banner), "warning");

  switch (trellis_session_get_notice (self->session))
    {
    case TRELLIS_SESSION_NOTICE_NONE:
      gtk_revealer_set_reveal_child (self->banner, FALSE);
      return;

    case TRELLIS_SESSION_NOTICE_DRAFT_FOUND:
      g_assert (offered != NULL);
      text = g_strdup (_("Changes to this matrix from an earlier session were never saved. Restore them to review and save them."));
      gtk_button_set_label (self->banner_primary, _("_Restore"));
      set_button_action (self->banner_primary, "win.restore-draft",
                         g_variant_new_string (trellis_draft_get_uuid (offered)));
      gtk_button_set_label (self->banner_secondary, _("_Discard"));
      set_button_action (self->banner_secondary, "win.discard-draft",
                         g_variant_new_string (trellis_draft_get_uuid (offered)));
      break;

    case TRELLIS_SESSION_NOTICE_RECOVERED:
      text = g_strdup (_("These changes were recovered after Trellis stopped unexpectedly. Save them to keep them."));
      gtk_button_set_label (self->banner_primary, _("_Save"));
      set_button_action (self->banner_primary, "doc.save", NULL);
      gtk_button_set_label (self->banner_secondary, _("_Discard Changes"));
      set_button_action (self->banner_secondary, "win.discard-recovered", NULL);
      break;

    case TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK:
      name = trellis_session_dup_display_name (self->session);
      /* Translators: %s is a file name. */
      text = g_strdup_printf (_("‘%s’ was changed by someone else. Reload it to see their version, or save yours as a copy; it will not be overwritten."), name);
      gtk_button_set_label (self->banner_primary, _("_Reload"));
      set_button_action (self->banner_primary, "doc.reload", NULL);
      gtk_button_set_label (self->banner_secondary, _("Save as _Copy…"));
      set_button_action (self->banner_secondary, "doc.save-as", NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->banner), "warning");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (self->banner_label, text);
  gtk_widget_set_visible (gtk_revealer_get_child (self->banner), TRUE);
  gtk_revealer_set_reveal_child (self->banner, TRUE);

  /* After a crash, Enter keeps the work: Restore or Save has the focus
   * (and comes first; discarding asks). */
  if (trellis_session_get_notice (self->session) != TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK)
    gtk_widget_grab_focus (GTK_WIDGET (self->banner_primary));
}

/* A banner slid out of view leaves no nameless buttons behind for
 * screen readers and the keyboard. */
static void
banner_revealed_cb (TrellisWindow *self)
{
  if (!gtk_revealer_get_child_revealed (self->banner) && !gtk_revealer_get_reveal_child (self->banner))
    gtk_widget_set_visible (gtk_revealer_get_child (self->banner), FALSE);
}

/* Outside changes */

/**
 * trellis_window_check_file:
 * @self: a #TrellisWindow
 *
 * Compares the document's file with what was read or written, and shows
 * the banner when someone else changed it.
 */
void
trellis_window_check_file (TrellisWindow *self)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  trellis_session_check_file (self->session);
}

gboolean
trellis_window_get_changed_on_disk (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  return trellis_session_get_changed_on_disk (self->session);
}

static void
is_active_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  /* Network folders send no change events: look when the person comes back. */
  if (gtk_window_is_active (GTK_WINDOW (self)))
    trellis_session_queue_check (self->session);
}

/* The session */

static void
document_notify_cb (TrellisWindow *self)
{
  trellis_window_update_title (self);
  trellis_window_update_actions (self);
}

/* The session's document changed: show it, or the welcome page. */
static void
session_document_cb (TrellisWindow *self)
{
  TrellisDocument *document = trellis_session_get_document (self->session);

  /* A presentation is of the matrix it began with. */
  trellis_window_set_presenting (self, FALSE);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  for (guint i = 0; i < self->panes->len; i++)
    trellis_entity_pane_set_document (g_ptr_array_index (self->panes, i), document);
  trellis_heatmap_page_set_document (self->heatmap_page, document);
  self->cell_actions = trellis_cell_actions_install (GTK_WIDGET (self), document);
  trellis_window_apply_editing (self);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::title", G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo", G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo", G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (document_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (trellis_window_queue_undo_labels),
                               self, G_CONNECT_SWAPPED);
    }

  /* A personal file opens in the guided self-assessment, where its
   * owner stopped, not in the facilitator's editor. */
  trellis_guide_set_session (self->guide, document != NULL && trellis_document_is_personal (document)
                                          ? self->session : NULL);

  if (document != NULL && trellis_document_is_personal (document))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "guide");
      trellis_guide_show_progress (self->guide);
    }
  else if (document != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "document");
  else
    {
      trellis_welcome_page_reload (self->welcome_page);
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  trellis_window_update_title (self);
  trellis_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
session_state_cb (TrellisWindow *self)
{
  trellis_window_update_actions (self);
}

/* The save that was to close the window is done. */
static void
ready_to_close_cb (TrellisWindow *self)
{
  save_window_state (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_session (TrellisWindow *self)
{
  static const char * const state_signals[] = {
    "notify::loading", "notify::saving", "notify::recovered",
  };

  g_signal_connect_object (self->session, "notify::document", G_CALLBACK (session_document_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::notice", G_CALLBACK (update_banner),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::unsaved", G_CALLBACK (trellis_window_update_title),
                           self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (state_signals); i++)
    g_signal_connect_object (self->session, state_signals[i], G_CALLBACK (session_state_cb),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "ready-to-close", G_CALLBACK (ready_to_close_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * trellis_window_get_session:
 *
 * Returns: (transfer none): the life of the file the window shows
 */
TrellisSession *
trellis_window_get_session (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * trellis_window_set_document:
 * @self: a #TrellisWindow
 * @document: (nullable): the document to show, or %NULL for the welcome page
 *
 * Shows @document; the draft of the document shown before is deleted.
 */
void
trellis_window_set_document (TrellisWindow   *self,
                             TrellisDocument *document)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (!document || TRELLIS_IS_DOCUMENT (document));

  trellis_session_set_document (self->session, document);
}

/**
 * trellis_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
TrellisDocument *
trellis_window_get_document (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * trellis_window_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the document shown
 */
GFile *
trellis_window_get_file (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->document != NULL ? trellis_document_get_file (self->document) : NULL;
}

/**
 * trellis_window_is_empty:
 *
 * Returns: whether the window shows the welcome page and loads nothing
 */
gboolean
trellis_window_is_empty (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  return self->document == NULL && !trellis_session_get_loading (self->session);
}

gboolean
trellis_window_is_busy (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), FALSE);

  return trellis_session_get_loading (self->session) || trellis_session_get_saving (self->session);
}

const char *
trellis_window_get_draft_uuid (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return trellis_session_get_draft_uuid (self->session);
}

/**
 * trellis_window_new_document:
 * @self: a #TrellisWindow showing no document
 *
 * Shows a new, empty matrix.
 */
void
trellis_window_new_document (TrellisWindow *self)
{
  g_autoptr(TrellisDocument) document = trellis_document_new ();

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  trellis_window_set_document (self, document);
  trellis_window_show_section (self, "mission");
}

/* Loading */

typedef struct
{
  TrellisWindow *self;
  GFile         *file;
  char          *previous_page;
} LoadData;

static LoadData *
load_data_new (TrellisWindow *self,
               GFile         *file,
               const char    *previous_page)
{
  LoadData *data = g_new0 (LoadData, 1);

  data->self = g_object_ref (self);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->previous_page = g_strdup (previous_page);

  return data;
}

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data->previous_page);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
begin_loading (TrellisWindow *self,
               const char    *name,
               gboolean       restoring)
{
  g_autofree char *heading = NULL;

  trellis_window_set_presenting (self, FALSE);

  if (restoring)
    /* Translators: shown while recovered changes are read; %s is a file name. */
    heading = g_strdup_printf (_("Restoring ‘%s’…"), name);
  else
    /* Translators: shown while a file is read; %s is its name. */
    heading = g_strdup_printf (_("Opening ‘%s’…"), name);
  adw_status_page_set_title (self->loading_page, heading);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
}

/* Loading is over: back to @previous_page when nothing else was shown. */
static void
end_loading (TrellisWindow *self,
             const char    *previous_page)
{
  gtk_spinner_stop (self->loading_spinner);

  if (previous_page != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, previous_page);
  trellis_window_update_actions (self);
}

/* Whether a load that ended should show anything: not when another
 * replaced it, nor in a window being destroyed. */
static gboolean
load_ended (LoadData     *data,
            const GError *error)
{
  return !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         !gtk_widget_in_destruction (GTK_WIDGET (data->self));
}

static void
show_last_section (TrellisWindow *self)
{
  g_autofree char *section = g_settings_get_string (self->settings, "last-section");

  trellis_window_show_section (self, section);
}

static char *
dup_load_report_summary (TrellisLoadReport *report)
{
  guint n;

  if (report == NULL || (n = trellis_load_report_get_n_items (report)) == 0)
    return NULL;

  /* Translators: %u is a number of parts of a file kept as they were. */
  return g_strdup_printf (ngettext ("%u part of this file comes from a newer version of Trellis; it was kept as it is.",
                                    "%u parts of this file come from a newer version of Trellis; they were kept as they are.",
                                    n), n);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  TrellisWindow *self = data->self;
  g_autoptr(TrellisLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  if (!trellis_session_open_finish (TRELLIS_SESSION (object), result, &report, &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;

      if (!load_ended (data, error))
        return;

      end_loading (self, self->document != NULL ? "document" : "welcome");

      name = g_file_get_basename (data->file);
      /* Translators: %s is a file name. */
      heading = g_strdup_printf (_("Could Not Open ‘%s’"), name);
      body = g_strdup_printf ("%s\n\n%s", error->message,
                              _("Nothing was changed. Check that the file is a Trellis matrix, or open another one."));
      trellis_window_show_message (self, heading, body);
      return;
    }

  if (!load_ended (data, NULL))
    return;

  end_loading (self, NULL);

  summary = dup_load_report_summary (report);
  if (summary != NULL)
    trellis_window_add_toast (self, adw_toast_new (summary));

  show_last_section (self);
}

/**
 * trellis_window_load_file:
 * @self: a #TrellisWindow
 * @file: a matrix
 *
 * Reads @file in a worker thread and shows it. When it cannot be read,
 * a dialog says why and what is shown stays as it was.
 */
void
trellis_window_load_file (TrellisWindow *self,
                          GFile         *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  begin_loading (self, name, FALSE);
  trellis_session_open_async (self->session, file, open_cb, load_data_new (self, file, NULL));
}

/* Recovery drafts */

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  TrellisWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!trellis_session_restore_finish (TRELLIS_SESSION (object), result, &error))
    {
      if (!load_ended (data, error))
        return;

      end_loading (self, data->previous_page);
      trellis_window_show_message (self, _("Could Not Restore the Changes"), error->message);
      return;
    }

  if (!load_ended (data, NULL))
    return;

  end_loading (self, NULL);
  show_last_section (self);
}

/**
 * trellis_window_restore_draft:
 * @self: a #TrellisWindow
 * @uuid: the id of a draft an earlier session left
 *
 * Shows the document of the draft, with its file, as unsaved work: in
 * @self, or in a new window when @self has unsaved work of its own.
 */
void
trellis_window_restore_draft (TrellisWindow *self,
                              const char    *uuid)
{
  TrellisApplication *app = get_app (self);
  g_autoptr(TrellisDraft) draft = NULL;
  g_autofree char *name = NULL;
  TrellisWindow *target = self;
  const char *previous_page;
  LoadData *data;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (app == NULL || (draft = trellis_application_take_draft (app, uuid)) == NULL)
    return;

  /* Never replace edits made since the file was opened. */
  if (self->document != NULL && trellis_window_get_unsaved (self))
    {
      target = trellis_window_new (app);
      previous_page = "welcome";
    }
  else
    previous_page = gtk_stack_get_visible_child_name (self->main_stack);

  data = load_data_new (target, NULL, previous_page);
  name = trellis_draft_dup_display_name (draft);
  begin_loading (target, name, TRUE);
  trellis_session_restore_async (target->session, draft, restore_cb, data);

  if (target != self)
    gtk_window_present (GTK_WINDOW (target));
}

void
trellis_window_discard_draft (TrellisWindow *self,
                              const char    *uuid)
{
  trellis_session_discard_draft (self->session, uuid);
}

/* Toasts and messages */

void
trellis_window_add_toast (TrellisWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
trellis_window_show_message (TrellisWindow *self,
                             const char    *heading,
                             const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}


/* Closing */

static void
save_window_state (TrellisWindow *self)
{
  int width;
  int height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   TrellisWindow    *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      trellis_session_set_close_after_save (self->session, TRUE);
      trellis_window_save (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      trellis_session_discard_changes (self->session);
      save_window_state (self);
      /* After the dialog, which belongs to this window, is gone. */
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static gboolean
trellis_window_close_request (GtkWindow *window)
{
  TrellisWindow *self = TRELLIS_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  switch (trellis_session_request_close (self->session))
    {
    case TRELLIS_SESSION_CLOSE_NOW:
      save_window_state (self);
      return GTK_WINDOW_CLASS (trellis_window_parent_class)->close_request (window);

    case TRELLIS_SESSION_CLOSE_LATER:
      /* The session says when the save is done. */
      return TRUE;

    case TRELLIS_SESSION_CLOSE_ASK:
      break;

    default:
      g_assert_not_reached ();
    }

  name = trellis_session_dup_display_name (self->session);
  /* Translators: %s is the name of a matrix. */
  body = g_strdup_printf (_("‘%s’ has changes that were not saved. If you close without saving, they are lost."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Saving (continued in trellis-window-actions.c) */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TrellisWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (trellis_session_save_finish (TRELLIS_SESSION (object), result, &error))
    return;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The session's notice shows what happened to the file. */
  if (g_error_matches (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK))
    trellis_window_add_toast (self, adw_toast_new (_("Not saved: someone else changed the file")));
  else
    trellis_window_show_message (self, _("Could Not Save"), error->message);
}

/**
 * trellis_window_save_to:
 * @self: a #TrellisWindow
 * @file: where to save
 *
 * Saves the document atomically in a worker thread. A file changed by
 * someone else since it was read is not overwritten: the banner offers
 * to reload it or to save a copy.
 */
void
trellis_window_save_to (TrellisWindow *self,
                        GFile         *file)
{
  g_return_if_fail (TRELLIS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL || trellis_session_get_saving (self->session))
    return;

  trellis_session_save_async (self->session, file, save_cb, g_object_ref (self));
}

/* GObject */

/* What needs the application, which GObject sets after constructed(). */
static void
setup_for_application (TrellisWindow *self)
{
  TrellisApplication *app = get_app (self);

  g_clear_object (&self->settings);
  trellis_session_set_application (self->session, app);

  if (app != NULL)
    {
      self->settings = g_object_ref (trellis_application_get_settings (app));
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      trellis_welcome_page_set_drafts (self->welcome_page, trellis_application_get_drafts (app));
    }
  else
    self->settings = g_settings_new (APP_ID);
}

static void
trellis_window_constructed (GObject *object)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  G_OBJECT_CLASS (trellis_window_parent_class)->constructed (object);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
trellis_window_dispose (GObject *object)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  trellis_window_vote_dispose (self);
  trellis_window_translate_dispose (self);

  /* Nothing the session does from now on reaches this window. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_object_run_dispose (G_OBJECT (self->session));
      g_clear_object (&self->session);
    }

  if (self->panes != NULL)
    {
      for (guint i = 0; i < self->panes->len; i++)
        trellis_entity_pane_set_document (g_ptr_array_index (self->panes, i), NULL);
      g_clear_pointer (&self->panes, g_ptr_array_unref);
    }
  if (self->heatmap_page != NULL)
    trellis_heatmap_page_set_document (self->heatmap_page, NULL);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  g_clear_pointer (&self->present_section, g_free);
  g_clear_weak_pointer (&self->present_focus);
  g_clear_handle_id (&self->undo_labels_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (trellis_window_parent_class)->dispose (object);
}

static void
trellis_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, trellis_window_get_presenting (self));
      break;

    case PROP_PRESENT_EDITING:
      g_value_set_boolean (value, trellis_window_get_present_editing (self));
      break;

    case PROP_UNSAVED:
      g_value_set_boolean (value, trellis_window_get_unsaved (self));
      break;

    case PROP_CONTENT_LANGUAGE:
      g_value_set_string (value, trellis_window_get_content_language (self) != NULL
                                 ? trellis_window_get_content_language (self) : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TrellisWindow *self = TRELLIS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      trellis_window_set_presenting (self, g_value_get_boolean (value));
      break;

    case PROP_PRESENT_EDITING:
      trellis_window_set_present_editing (self, g_value_get_boolean (value));
      break;

    case PROP_CONTENT_LANGUAGE:
      trellis_window_set_content_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
trellis_window_notify_presenting (TrellisWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

void
trellis_window_notify_present_editing (TrellisWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENT_EDITING]);
}

void
trellis_window_notify_content_language (TrellisWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_LANGUAGE]);
}

static void
trellis_window_class_init (TrellisWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = trellis_window_constructed;
  object_class->dispose = trellis_window_dispose;
  object_class->get_property = trellis_window_get_property;
  object_class->set_property = trellis_window_set_property;
  window_class->close_request = trellis_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TRELLIS_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisWindow:presenting:
   *
   * Whether the window shows the map alone, full screen and in large
   * type, for a projector (the action win.present toggles it).
   */
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisWindow:present-editing:
   *
   * Whether the map may be edited while it is presented: off each time a
   * presentation begins (the action win.present-editing toggles it).
   */
  properties[PROP_PRESENT_EDITING] =
    g_param_spec_boolean ("present-editing", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisWindow:content-language:
   *
   * The language the matrix's own texts are shown in, where they are
   * translated: a language tag, or "" for the original (see
   * trellis-window-translate.c; the action win.content-language sets it).
   */
  properties[PROP_CONTENT_LANGUAGE] =
    g_param_spec_string ("content-language", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRELLIS_TYPE_ACTION_EDITOR);
  g_type_ensure (TRELLIS_TYPE_COMPETENCY_EDITOR);
  g_type_ensure (TRELLIS_TYPE_ENTITY_PANE);
  g_type_ensure (TRELLIS_TYPE_FEEDBACK_EDITOR);
  g_type_ensure (TRELLIS_TYPE_GUIDE);
  g_type_ensure (TRELLIS_TYPE_HEATMAP_PAGE);
  g_type_ensure (TRELLIS_TYPE_INDICATOR_EDITOR);
  g_type_ensure (TRELLIS_TYPE_ORGANISATION_EDITOR);
  g_type_ensure (TRELLIS_TYPE_PERSON_EDITOR);
  g_type_ensure (TRELLIS_TYPE_RESPONSIBILITY_EDITOR);
  g_type_ensure (TRELLIS_TYPE_RESULT_EDITOR);
  g_type_ensure (TRELLIS_TYPE_ROLE_EDITOR);
  g_type_ensure (TRELLIS_TYPE_VALUE_EDITOR);
  g_type_ensure (TRELLIS_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, banner_primary);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, banner_secondary);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, competencies_pane);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, content);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, content_language_menu);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, guide);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, heatmap_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sections_list);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sections_stack);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, values_pane);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TrellisWindow, window_title);

  trellis_window_class_add_section_callbacks (widget_class);
  trellis_window_class_add_actions (widget_class);
  trellis_window_class_add_vote_actions (widget_class);
  trellis_window_class_add_translate_actions (widget_class);
}

/* Matrices dropped on the window open as if opened from the menu. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TrellisWindow *self)
{
  TrellisApplication *app = get_app (self);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (app != NULL)
        trellis_application_open_file (app, l->data);
      else
        trellis_window_load_file (self, l->data);
    }

  return files != NULL;
}

static void
trellis_window_init (TrellisWindow *self)
{
  GtkDropTarget *drop;

  self->panes = g_ptr_array_new ();

  /* The file's life, and the text typed in this window and not yet in
   * its document, which the widgets inside the window find. */
  self->session = trellis_session_new ();
  trellis_pending_edits_attach (trellis_session_get_pending_edits (self->session), GTK_WIDGET (self));

  gtk_widget_init_template (GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  trellis_window_add_shortcuts (self);
  trellis_window_build_sections (self);
  connect_session (self);
  trellis_window_translate_init (self);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
  g_signal_connect_object (self->banner, "notify::child-revealed", G_CALLBACK (banner_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  banner_revealed_cb (self);
  trellis_accessible_tidy (GTK_WIDGET (self));
  trellis_accessible_name_choices (GTK_WIDGET (self));

  trellis_window_update_title (self);
  trellis_window_update_actions (self);
}

/**
 * trellis_window_new:
 * @application: the application
 *
 * Returns: (transfer none): a new window showing the welcome page, owned
 *   by @application
 */
TrellisWindow *
trellis_window_new (TrellisApplication *application)
{
  TrellisWindow *self = g_object_new (TRELLIS_TYPE_WINDOW,
                                      "application", application,
                                      NULL);

  setup_for_application (self);

  return self;
}

/* trellis-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-application"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-application.h"
#include "trellis-window.h"

/* The application: one window per document, the settings, and the
 * drafts that earlier sessions left unsaved. */

struct _TrellisApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GListStore     *drafts;
};

G_DEFINE_FINAL_TYPE (TrellisApplication, trellis_application, ADW_TYPE_APPLICATION)

GResource *trellis_get_resource (void);

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  TrellisApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  TrellisApplication *self = user_data;
  const char *developers[] = { _("The Trellis developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Trellis"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Trellis developers"),
                        "developers", developers,
                        "comments", _("Build a team’s values-competency matrix together: from mission and values to results, responsibilities, competencies, roles and people, and see where everyone wants to grow."),
                        "website", "https://github.com/trellis/trellis",
                        "issue-url", "https://github.com/trellis/trellis/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action_cb },
  { "about", about_action_cb },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "doc.save", { "<Control>s", NULL } },
  { "doc.save-as", { "<Control><Shift>s", NULL } },
  { "doc.export", { "<Control>e", NULL } },
  { "doc.print", { "<Control>p", NULL } },
  { "doc.export-report", { "<Control><Shift>e", NULL } },
  { "doc.undo", { "<Control>z", NULL } },
  { "doc.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.shortcuts", { "<Control>question", NULL } },
  { "win.help", { "F1", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.show-section(1)", { "<Alt>1", NULL } },
  { "win.show-section(2)", { "<Alt>2", NULL } },
  { "win.show-section(3)", { "<Alt>3", NULL } },
  { "win.show-section(4)", { "<Alt>4", NULL } },
  { "win.show-section(5)", { "<Alt>5", NULL } },
  { "win.show-section(6)", { "<Alt>6", NULL } },
  { "win.show-section(7)", { "<Alt>7", NULL } },
  { "win.show-section(8)", { "<Alt>8", NULL } },
};

static GPtrArray *
collect_recent_documents (TrellisApplication *self)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));

  for (GList *l = items; l != NULL; l = l->next)
    {
      const char *uri = gtk_recent_info_get_uri (l->data);

      if (g_str_has_suffix (uri, ".trellis") && g_str_has_prefix (uri, "file:"))
        g_ptr_array_add (files, g_file_new_for_uri (uri));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisDraft) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);
      GFile *file = trellis_draft_get_document_file (draft);

      if (file != NULL)
        g_ptr_array_add (files, g_object_ref (file));
    }

  return files;
}

static void
clean_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  trellis_drafts_clean_stray_files (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
clean_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_task_propagate_boolean (G_TASK (result), NULL);
}

static void
trellis_application_startup (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GTask) task = NULL;

  G_APPLICATION_CLASS (trellis_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action, app_accels[i].accels);

  self->settings = g_settings_new (APP_ID);

  /* Work an earlier session could not save, offered back on the welcome
   * page and when its document is opened. */
  drafts = trellis_drafts_scan ();
  for (guint i = 0; i < drafts->len; i++)
    g_list_store_append (self->drafts, g_ptr_array_index (drafts, i));

  /* Temporary copies that killed saves left next to documents. */
  task = g_task_new (NULL, NULL, clean_done_cb, NULL);
  g_task_set_source_tag (task, trellis_application_startup);
  g_task_set_task_data (task, collect_recent_documents (self), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, clean_thread);
}

static void
trellis_application_activate (GApplication *application)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (trellis_application_new_window (self));

  gtk_window_present (window);
}

static void
trellis_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  TrellisApplication *self = TRELLIS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    trellis_application_open_file (self, files[i]);
}

/* Options answered without a window, before any other instance is asked. */
static int
trellis_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "trellis", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
trellis_application_dispose (GObject *object)
{
  TrellisApplication *self = TRELLIS_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (trellis_application_parent_class)->dispose (object);
}

static void
trellis_application_class_init (TrellisApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = trellis_application_dispose;
  app_class->startup = trellis_application_startup;
  app_class->activate = trellis_application_activate;
  app_class->open = trellis_application_open;
  app_class->handle_local_options = trellis_application_handle_local_options;

  /* The resources live in a static library: reference them so that they
   * are linked in and registered. */
  (void) trellis_get_resource ();
}

static void
trellis_application_init (TrellisApplication *self)
{
  const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  self->drafts = g_list_store_new (TRELLIS_TYPE_DRAFT);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  /* Translators: what may follow “trellis” on the command line, in its --help. */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Opens each FILE, a values-competency matrix (.trellis), in a window of its own. "
                                              "Without a FILE, it shows a welcome page: start a new matrix, or open a recent one."));
}

TrellisApplication *
trellis_application_new (void)
{
  /* The same resources serve the .Devel application id. */
  return g_object_new (TRELLIS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * trellis_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
trellis_application_get_settings (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * trellis_application_get_drafts:
 *
 * Returns: (transfer none): the drafts left by earlier sessions and not
 *   yet restored or discarded, a list of #TrellisDraft
 */
GListModel *
trellis_application_get_drafts (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  return G_LIST_MODEL (self->drafts);
}

/**
 * trellis_application_take_draft:
 * @self: a #TrellisApplication
 * @uuid: the id of a draft
 *
 * Removes a draft from those on offer, to restore or discard it.
 *
 * Returns: (transfer full) (nullable): the draft
 */
TrellisDraft *
trellis_application_take_draft (TrellisApplication *self,
                                const char         *uuid)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisDraft) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);

      if (g_strcmp0 (trellis_draft_get_uuid (draft), uuid) == 0)
        {
          g_list_store_remove (self->drafts, i);
          return g_steal_pointer (&draft);
        }
    }

  return NULL;
}

/**
 * trellis_application_find_draft_for_file:
 *
 * Returns: (transfer none) (nullable): a draft on offer of @file
 */
TrellisDraft *
trellis_application_find_draft_for_file (TrellisApplication *self,
                                         GFile              *file)
{
  guint n;

  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TrellisDraft) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);
      GFile *document_file = trellis_draft_get_document_file (draft);

      if (document_file != NULL && g_file_equal (document_file, file))
        return draft;  /* the store keeps it */
    }

  return NULL;
}

/**
 * trellis_application_new_window:
 *
 * Returns: (transfer none): a new window showing the welcome page
 */
TrellisWindow *
trellis_application_new_window (TrellisApplication *self)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  return trellis_window_new (self);
}

/**
 * trellis_application_find_window_for_file:
 *
 * Returns: (transfer none) (nullable): the window showing @file
 */
TrellisWindow *
trellis_application_find_window_for_file (TrellisApplication *self,
                                          GFile              *file)
{
  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!TRELLIS_IS_WINDOW (l->data))
        continue;

      shown = trellis_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

/**
 * trellis_application_open_file:
 * @self: a #TrellisApplication
 * @file: a matrix
 *
 * Shows @file: in the window that has it open already, else in a window
 * showing no document, else in a new window.
 *
 * Returns: (transfer none): the window
 */
TrellisWindow *
trellis_application_open_file (TrellisApplication *self,
                               GFile              *file)
{
  TrellisWindow *window;

  g_return_val_if_fail (TRELLIS_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = trellis_application_find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (TRELLIS_IS_WINDOW (l->data) && trellis_window_is_empty (l->data))
        {
          window = l->data;
          break;
        }
    }

  if (window == NULL)
    window = trellis_window_new (self);

  trellis_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/**
 * trellis_application_add_recent:
 * @self: a #TrellisApplication
 * @file: a matrix opened or saved
 */
void
trellis_application_add_recent (TrellisApplication *self,
                                GFile              *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-trellis+xml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "trellis %u",
    .groups = NULL,
    .is_private = FALSE,
  };
  g_autoptr(GFile) parent = g_file_get_parent (file);

  g_return_if_fail (TRELLIS_IS_APPLICATION (self));

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  if (parent != NULL && self->settings != NULL)
    {
      g_autofree char *folder = g_file_get_uri (parent);

      g_settings_set_string (self->settings, "last-folder", folder);
    }
}

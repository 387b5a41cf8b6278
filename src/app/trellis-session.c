/* trellis-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-session"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-app-enums.h"
#include "trellis-session.h"

/* The life of the file a window shows: opening it, the recovery draft
 * and restoring one, noticing that someone else changed the file,
 * saving, and whether closing would lose work. It owns the document and
 * the edits typed but not yet committed to it. It shows nothing: the
 * window presents what it says (the title, the banner from the notice,
 * dialogs for the errors its async calls return) and asks the person
 * what to do.
 *
 * Work is never lost: every edit is written to a recovery draft within
 * a second (TrellisDraft), a draft left by a crash is offered when its
 * file is opened, and a file that someone else changed is never
 * overwritten. Outside changes are noticed by a file monitor, when the
 * window gets the focus (trellis_session_queue_check()), and right
 * before saving (the core refuses to overwrite a changed file). */

struct _TrellisSession
{
  GObject               parent_instance;

  TrellisApplication   *application;        /* weak */
  TrellisPendingEdits  *pending_edits;
  TrellisDocument      *document;
  TrellisDraft         *draft;
  TrellisDraft         *offered_draft;
  GFileMonitor         *monitor;
  GCancellable         *cancellable;        /* of the load under way */
  TrellisSessionNotice  notice;
  guint                 check_source;
  guint                 generation;         /* of the latest load */

  guint                 loading : 1;
  guint                 saving : 1;
  guint                 unsaved : 1;
  guint                 recovered : 1;
  guint                 changed_on_disk : 1;
  guint                 close_after_save : 1;
  guint                 check_after_save : 1;
};

G_DEFINE_FINAL_TYPE (TrellisSession, trellis_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LOADING,
  PROP_SAVING,
  PROP_UNSAVED,
  PROP_RECOVERED,
  PROP_CHANGED_ON_DISK,
  PROP_NOTICE,
  N_PROPS
};

enum {
  SIGNAL_READY_TO_CLOSE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A file monitor rate-limits itself; the check waits a little more, so
 * that a save in several writes is looked at once it is complete. */
#define CHECK_DELAY_MS   250
#define MONITOR_LIMIT_MS 500

static void setup_monitor (TrellisSession *self);

/* State, each notified on a real change only */

static void
set_flag (TrellisSession *self,
          guint           prop_id,
          gboolean        value)
{
  gboolean old;

  value = !!value;

  switch (prop_id)
    {
    case PROP_LOADING:
      old = self->loading;
      self->loading = value;
      break;

    case PROP_SAVING:
      old = self->saving;
      self->saving = value;
      break;

    case PROP_UNSAVED:
      old = self->unsaved;
      self->unsaved = value;
      break;

    case PROP_RECOVERED:
      old = self->recovered;
      self->recovered = value;
      break;

    case PROP_CHANGED_ON_DISK:
      old = self->changed_on_disk;
      self->changed_on_disk = value;
      break;

    default:
      g_assert_not_reached ();
    }

  if (old != value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Edits since the last save, or changes recovered from a draft. */
static void
update_unsaved (TrellisSession *self)
{
  set_flag (self, PROP_UNSAVED,
            self->document != NULL && (self->recovered || trellis_document_get_modified (self->document)));
}

static void
set_recovered (TrellisSession *self,
               gboolean        recovered)
{
  set_flag (self, PROP_RECOVERED, recovered);
  update_unsaved (self);
}

static void
set_notice (TrellisSession       *self,
            TrellisSessionNotice  notice)
{
  /* What someone else did to the file outranks everything else. */
  if (self->changed_on_disk && notice != TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK &&
      notice != TRELLIS_SESSION_NOTICE_NONE)
    return;

  if (self->notice == notice)
    return;

  self->notice = notice;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTICE]);
}

static void
set_changed_on_disk (TrellisSession *self)
{
  set_flag (self, PROP_CHANGED_ON_DISK, TRUE);
  set_notice (self, TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK);
}

/* The document */

static void
document_modified_cb (TrellisSession *self)
{
  update_unsaved (self);
}

static void
document_file_cb (TrellisSession *self)
{
  setup_monitor (self);
}

/* Shows @document, followed by @draft or by a new draft. Whatever the
 * previous document's draft held has been dealt with by the caller. */
static void
replace_document (TrellisSession  *self,
                  TrellisDocument *document,
                  TrellisDraft    *draft)
{
  g_autoptr(TrellisDocument) old = g_steal_pointer (&self->document);

  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_after_save = FALSE;

  if (old != NULL)
    g_signal_handlers_disconnect_by_data (old, self);

  self->document = document != NULL ? g_object_ref (document) : NULL;

  /* A draft belongs to one document. */
  if (self->draft != NULL)
    trellis_draft_set_document (self->draft, NULL);
  g_clear_object (&self->draft);
  if (document != NULL)
    {
      self->draft = draft != NULL ? g_object_ref (draft) : trellis_draft_new (NULL);
      trellis_draft_set_document (self->draft, document);
      g_signal_connect_object (document, "notify::modified", G_CALLBACK (document_modified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file", G_CALLBACK (document_file_cb),
                               self, G_CONNECT_SWAPPED);
    }

  set_flag (self, PROP_RECOVERED, FALSE);
  set_flag (self, PROP_CHANGED_ON_DISK, FALSE);
  g_clear_object (&self->offered_draft);
  set_notice (self, TRELLIS_SESSION_NOTICE_NONE);
  setup_monitor (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  update_unsaved (self);
}

/* Outside changes */

static void
check_now (TrellisSession *self)
{
  gboolean changed = FALSE;

  if (self->document == NULL || trellis_document_get_file (self->document) == NULL)
    return;

  /* Our own save is being written: look again once it is done. */
  if (self->saving || self->loading)
    {
      self->check_after_save = TRUE;
      return;
    }

  if (!trellis_document_check_file (self->document, &changed, NULL, NULL))
    return;

  if (changed && !self->changed_on_disk)
    set_changed_on_disk (self);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  TrellisSession *self = user_data;

  self->check_source = 0;
  check_now (self);

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (TrellisSession    *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  trellis_session_queue_check (self);
}

static void
clear_monitor (TrellisSession *self)
{
  if (self->monitor == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->monitor, monitor_changed_cb, self);
  g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
}

static void
setup_monitor (TrellisSession *self)
{
  GFile *file = self->document != NULL ? trellis_document_get_file (self->document) : NULL;

  clear_monitor (self);

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    {
      g_file_monitor_set_rate_limit (self->monitor, MONITOR_LIMIT_MS);
      g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

/**
 * trellis_session_check_file:
 * @self: a #TrellisSession
 *
 * Compares the document's file with what was read or written, at once;
 * the notice says so when someone else changed it.
 */
void
trellis_session_check_file (TrellisSession *self)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  check_now (self);
}

/**
 * trellis_session_queue_check:
 * @self: a #TrellisSession
 *
 * Checks the file in a moment, as trellis_session_check_file() does:
 * when the window gets the focus, since network folders send no change
 * events.
 */
void
trellis_session_queue_check (TrellisSession *self)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));

  if (self->check_source == 0)
    self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/* Opening and restoring */

typedef struct
{
  GFile             *file;
  TrellisDraft      *draft;
  TrellisLoadReport *report;
  guint              generation;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *ld = data;

  g_clear_object (&ld->file);
  g_clear_object (&ld->draft);
  g_clear_pointer (&ld->report, trellis_load_report_free);
  g_free (ld);
}

/* A new load replaces the one under way, whose result is then dropped. */
static GTask *
begin_loading (TrellisSession      *self,
               gpointer             source_tag,
               GFile               *file,
               TrellisDraft        *draft,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);
  LoadData *ld = g_new0 (LoadData, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  ld->file = file != NULL ? g_object_ref (file) : NULL;
  ld->draft = draft != NULL ? g_object_ref (draft) : NULL;
  ld->generation = ++self->generation;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, ld, load_data_free);

  set_flag (self, PROP_LOADING, TRUE);

  return task;
}

/* Whether the result of @task is still wanted. When it is, loading is
 * over; when it is not, the task ends as cancelled. */
static gboolean
end_loading (TrellisSession *self,
             GTask          *task,
             GError         *error)
{
  LoadData *ld = g_task_get_task_data (task);

  if (ld->generation != self->generation || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Replaced by another file");
      return FALSE;
    }

  set_flag (self, PROP_LOADING, FALSE);

  return TRUE;
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisSession *self = g_task_get_source_object (task);
  LoadData *ld = g_task_get_task_data (task);
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = trellis_document_load_finish (result, &ld->report, &error);

  if (!end_loading (self, task, error))
    return;

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->document != NULL && self->draft != NULL)
    trellis_draft_discard (self->draft);
  replace_document (self, document, NULL);

  if (self->application != NULL)
    {
      TrellisDraft *offered;

      trellis_application_add_recent (self->application, ld->file);

      /* Work on this file that a crash left unsaved. */
      offered = trellis_application_find_draft_for_file (self->application, ld->file);
      if (offered != NULL)
        {
          g_set_object (&self->offered_draft, offered);
          set_notice (self, TRELLIS_SESSION_NOTICE_DRAFT_FOUND);
        }
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_session_open_async:
 * @self: a #TrellisSession
 * @file: a matrix
 * @callback: called when @file was read, or could not be
 * @user_data: for @callback
 *
 * Reads @file in a worker thread and makes it the document, discarding
 * the draft of the document it replaces. An earlier session's draft of
 * @file is offered with %TRELLIS_SESSION_NOTICE_DRAFT_FOUND. While it
 * reads, #TrellisSession:loading is %TRUE; a later open or restore
 * replaces this one, which then ends with %G_IO_ERROR_CANCELLED.
 */
void
trellis_session_open_async (TrellisSession      *self,
                            GFile               *file,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRELLIS_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = begin_loading (self, trellis_session_open_async, file, NULL, callback, user_data);
  trellis_document_load_async (file, self->cancellable, open_cb, task);
}

/**
 * trellis_session_open_finish:
 * @self: a #TrellisSession
 * @result: the result given to the callback
 * @report: (out) (optional) (nullable) (transfer full): what the file
 *   held that this version keeps without understanding it
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file is the document now
 */
gboolean
trellis_session_open_finish (TrellisSession     *self,
                             GAsyncResult       *result,
                             TrellisLoadReport **report,
                             GError            **error)
{
  LoadData *ld;
  gboolean ret;

  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trellis_session_open_async, FALSE);

  ld = g_task_get_task_data (G_TASK (result));
  ret = g_task_propagate_boolean (G_TASK (result), error);

  if (report != NULL)
    *report = ret ? g_steal_pointer (&ld->report) : NULL;

  return ret;
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisSession *self = g_task_get_source_object (task);
  LoadData *ld = g_task_get_task_data (task);
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  document = trellis_document_load_finish (result, NULL, &error);

  if (!end_loading (self, task, error))
    return;

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The draft's document is the one of its file, as it was when the
   * draft was written: a later change by someone else must show. */
  file = trellis_draft_get_document_file (ld->draft);
  trellis_document_set_file (document, file);
  if (file != NULL)
    trellis_document_set_file_state (document, trellis_draft_get_file_state (ld->draft));
  trellis_document_clear_history (document);

  if (self->document != NULL && self->draft != NULL && self->draft != ld->draft)
    trellis_draft_discard (self->draft);
  replace_document (self, document, ld->draft);

  set_recovered (self, TRUE);
  trellis_draft_set_keep (self->draft, TRUE);
  set_notice (self, TRELLIS_SESSION_NOTICE_RECOVERED);
  trellis_session_check_file (self);

  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_session_restore_async:
 * @self: a #TrellisSession
 * @draft: a draft an earlier session left, taken from those on offer
 * @callback: called when the draft was read, or could not be
 * @user_data: for @callback
 *
 * Makes the draft's document, with its file, the document: unsaved work
 * (#TrellisSession:recovered) until it is saved or discarded. Loading
 * goes as for trellis_session_open_async().
 */
void
trellis_session_restore_async (TrellisSession      *self,
                               TrellisDraft        *draft,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRELLIS_IS_SESSION (self));
  g_return_if_fail (TRELLIS_IS_DRAFT (draft));

  task = begin_loading (self, trellis_session_restore_async, NULL, draft, callback, user_data);
  trellis_document_load_async (trellis_draft_get_contents_file (draft), self->cancellable, restore_cb, task);
}

/**
 * trellis_session_restore_finish:
 *
 * Returns: %TRUE when the draft's document is the document now
 */
gboolean
trellis_session_restore_finish (TrellisSession  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trellis_session_restore_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * trellis_session_discard_draft:
 * @self: a #TrellisSession
 * @uuid: the id of a draft on offer
 *
 * Deletes a draft an earlier session left, for good.
 */
void
trellis_session_discard_draft (TrellisSession *self,
                               const char     *uuid)
{
  g_autoptr(TrellisDraft) draft = NULL;

  g_return_if_fail (TRELLIS_IS_SESSION (self));

  if (self->application == NULL ||
      (draft = trellis_application_take_draft (self->application, uuid)) == NULL)
    return;

  trellis_draft_discard (draft);

  if (self->offered_draft != NULL && g_strcmp0 (trellis_draft_get_uuid (self->offered_draft), uuid) == 0)
    {
      g_clear_object (&self->offered_draft);
      if (self->notice == TRELLIS_SESSION_NOTICE_DRAFT_FOUND)
        set_notice (self, TRELLIS_SESSION_NOTICE_NONE);
    }
}

/**
 * trellis_session_discard_recovered:
 * @self: a #TrellisSession
 *
 * Deletes the draft the document was restored from, and with it what
 * made the document unsaved work. The document stays; the caller reads
 * the file again, or shows no document.
 */
void
trellis_session_discard_recovered (TrellisSession *self)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));

  if (self->draft != NULL)
    trellis_draft_discard (self->draft);
  set_recovered (self, FALSE);
}

/* Saving */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TrellisSession *self = g_task_get_source_object (task);
  TrellisDocument *document = TRELLIS_DOCUMENT (object);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  set_flag (self, PROP_SAVING, FALSE);

  if (!trellis_document_save_finish (document, result, &error))
    {
      g_debug ("Saving failed: %s", error->message);
      self->close_after_save = FALSE;

      if (g_error_matches (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK))
        set_changed_on_disk (self);

      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Another document was shown while this one was written. */
  if (document != self->document)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  set_flag (self, PROP_CHANGED_ON_DISK, FALSE);
  set_recovered (self, FALSE);
  if (self->draft != NULL)
    {
      trellis_draft_set_keep (self->draft, FALSE);
      /* Edits made while the file was written stay in the draft. */
      if (!trellis_document_get_modified (document))
        trellis_draft_discard (self->draft);
    }
  if (self->notice == TRELLIS_SESSION_NOTICE_RECOVERED || self->notice == TRELLIS_SESSION_NOTICE_CHANGED_ON_DISK)
    set_notice (self, TRELLIS_SESSION_NOTICE_NONE);

  if (self->application != NULL)
    trellis_application_add_recent (self->application, file);
  setup_monitor (self);
  update_unsaved (self);

  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      if (!self->unsaved)
        {
          g_task_return_boolean (task, TRUE);
          /* Last: whoever closes may let go of the session. */
          g_signal_emit (self, signals[SIGNAL_READY_TO_CLOSE], 0);
          return;
        }
    }

  if (self->check_after_save)
    {
      self->check_after_save = FALSE;
      trellis_session_queue_check (self);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_session_save_async:
 * @self: a #TrellisSession with a document
 * @file: where to save
 * @callback: called when the file was written, or could not be
 * @user_data: for @callback
 *
 * Commits the pending edits and saves the document atomically in a
 * worker thread. A file changed by someone else since it was read is
 * not overwritten: the save fails with
 * %TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK and the notice says so. A
 * save while another is written fails with %G_IO_ERROR_PENDING.
 */
void
trellis_session_save_async (TrellisSession      *self,
                            GFile               *file,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TRELLIS_IS_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, trellis_session_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The matrix is being saved already. Wait a moment and try again."));
      g_object_unref (task);
      return;
    }

  trellis_pending_edits_commit (self->pending_edits);

  set_flag (self, PROP_SAVING, TRUE);
  trellis_document_save_async (self->document, file, TRELLIS_SAVE_FLAGS_NONE, NULL, save_cb, task);
}

/**
 * trellis_session_save_finish:
 *
 * Returns: %TRUE when the document was written
 */
gboolean
trellis_session_save_finish (TrellisSession  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == trellis_session_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Closing */

/**
 * trellis_session_request_close:
 * @self: a #TrellisSession
 *
 * Commits the pending edits and says whether the window may close now.
 * When nothing is unsaved, the draft is deleted.
 *
 * Returns: what to do
 */
TrellisSessionClose
trellis_session_request_close (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), TRELLIS_SESSION_CLOSE_ASK);

  trellis_pending_edits_commit (self->pending_edits);

  if (self->saving)
    {
      self->close_after_save = TRUE;
      return TRELLIS_SESSION_CLOSE_LATER;
    }

  if (!self->unsaved)
    {
      if (self->draft != NULL)
        trellis_draft_discard (self->draft);
      return TRELLIS_SESSION_CLOSE_NOW;
    }

  return TRELLIS_SESSION_CLOSE_ASK;
}

/**
 * trellis_session_set_close_after_save:
 * @self: a #TrellisSession
 * @close_after_save: whether the save about to start ends the session
 *
 * When the next save succeeds and leaves nothing unsaved,
 * #TrellisSession::ready-to-close follows. Unset it when that save is
 * not made after all (the person cancelled choosing a file).
 */
void
trellis_session_set_close_after_save (TrellisSession *self,
                                      gboolean        close_after_save)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));

  self->close_after_save = !!close_after_save;
}

/**
 * trellis_session_discard_changes:
 * @self: a #TrellisSession
 *
 * Deletes the draft: the person chose to close without saving.
 */
void
trellis_session_discard_changes (TrellisSession *self)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));

  if (self->draft != NULL)
    trellis_draft_discard (self->draft);
}

/* GObject */

static void
trellis_session_dispose (GObject *object)
{
  TrellisSession *self = TRELLIS_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  clear_monitor (self);

  if (self->draft != NULL)
    trellis_draft_set_document (self->draft, NULL);
  g_clear_object (&self->draft);
  g_clear_object (&self->offered_draft);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  g_clear_object (&self->pending_edits);
  g_clear_weak_pointer (&self->application);

  G_OBJECT_CLASS (trellis_session_parent_class)->dispose (object);
}

static void
trellis_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrellisSession *self = TRELLIS_SESSION (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_SAVING:
      g_value_set_boolean (value, self->saving);
      break;

    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;

    case PROP_RECOVERED:
      g_value_set_boolean (value, self->recovered);
      break;

    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, self->changed_on_disk);
      break;

    case PROP_NOTICE:
      g_value_set_enum (value, self->notice);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_session_class_init (TrellisSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_session_dispose;
  object_class->get_property = trellis_session_get_property;

  /**
   * TrellisSession:document:
   *
   * The document, or %NULL before one is opened or made.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TRELLIS_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisSession:loading:
   *
   * Whether a file or a draft is being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisSession:saving:
   *
   * Whether the document is being written.
   */
  properties[PROP_SAVING] =
    g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisSession:unsaved:
   *
   * Whether closing would lose work: edits since the last save, or
   * changes recovered from a draft and not saved yet.
   */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisSession:recovered:
   *
   * Whether the document was restored from a draft and not saved since.
   */
  properties[PROP_RECOVERED] =
    g_param_spec_boolean ("recovered", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisSession:changed-on-disk:
   *
   * Whether someone else changed the file since it was read or written.
   */
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /**
   * TrellisSession:notice:
   *
   * What to tell about the file, in the window's banner.
   */
  properties[PROP_NOTICE] =
    g_param_spec_enum ("notice", NULL, NULL, TRELLIS_TYPE_SESSION_NOTICE, TRELLIS_SESSION_NOTICE_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TrellisSession::ready-to-close:
   * @self: a #TrellisSession
   *
   * The save that was to end the session left nothing unsaved (see
   * trellis_session_set_close_after_save()).
   */
  signals[SIGNAL_READY_TO_CLOSE] =
    g_signal_new ("ready-to-close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
trellis_session_init (TrellisSession *self)
{
  self->pending_edits = trellis_pending_edits_new ();
}

/**
 * trellis_session_new:
 *
 * Returns: (transfer full): a session with no document yet
 */
TrellisSession *
trellis_session_new (void)
{
  return g_object_new (TRELLIS_TYPE_SESSION, NULL);
}

/**
 * trellis_session_get_application:
 *
 * Returns: (transfer none) (nullable): the application whose recent
 *   files and drafts the session uses
 */
TrellisApplication *
trellis_session_get_application (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  return self->application;
}

/**
 * trellis_session_set_application:
 * @self: a #TrellisSession
 * @application: (nullable): the application
 *
 * Files opened and saved go to the application's recent files; its
 * drafts on offer are offered, restored and discarded.
 */
void
trellis_session_set_application (TrellisSession     *self,
                                 TrellisApplication *application)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));
  g_return_if_fail (application == NULL || TRELLIS_IS_APPLICATION (application));

  g_set_weak_pointer (&self->application, application);
}

/**
 * trellis_session_get_pending_edits:
 *
 * Returns: (transfer none): the edits typed but not yet in the document,
 *   committed before saving and closing
 */
TrellisPendingEdits *
trellis_session_get_pending_edits (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  return self->pending_edits;
}

/**
 * trellis_session_get_document:
 *
 * Returns: (transfer none) (nullable): the document
 */
TrellisDocument *
trellis_session_get_document (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  return self->document;
}

/**
 * trellis_session_set_document:
 * @self: a #TrellisSession
 * @document: (nullable): a new document, or %NULL for none
 *
 * Makes @document the document, with no file yet unless it has one. The
 * draft of the document it replaces is deleted: the caller asked about
 * its unsaved changes first.
 */
void
trellis_session_set_document (TrellisSession  *self,
                              TrellisDocument *document)
{
  g_return_if_fail (TRELLIS_IS_SESSION (self));
  g_return_if_fail (document == NULL || TRELLIS_IS_DOCUMENT (document));

  if (self->draft != NULL && self->document != document)
    trellis_draft_discard (self->draft);

  replace_document (self, document, NULL);
}

/**
 * trellis_session_get_file:
 *
 * Returns: (transfer none) (nullable): the file of the document
 */
GFile *
trellis_session_get_file (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  return self->document != NULL ? trellis_document_get_file (self->document) : NULL;
}

/**
 * trellis_session_dup_display_name:
 *
 * Returns: (transfer full): what to call the document: its file's name,
 *   else the organisation's, else “New Matrix”
 */
char *
trellis_session_dup_display_name (TrellisSession *self)
{
  GFile *file;
  const char *title;

  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  file = trellis_session_get_file (self);
  if (file != NULL)
    return g_file_get_basename (file);

  title = self->document != NULL
          ? trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (self->document)))
          : NULL;
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  return g_strdup (_("New Matrix"));
}

gboolean
trellis_session_get_loading (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);

  return self->loading;
}

gboolean
trellis_session_get_saving (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);

  return self->saving;
}

gboolean
trellis_session_get_unsaved (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);

  return self->unsaved;
}

gboolean
trellis_session_get_recovered (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);

  return self->recovered;
}

gboolean
trellis_session_get_changed_on_disk (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), FALSE);

  return self->changed_on_disk;
}

TrellisSessionNotice
trellis_session_get_notice (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), TRELLIS_SESSION_NOTICE_NONE);

  return self->notice;
}

/**
 * trellis_session_get_offered_draft:
 *
 * Returns: (transfer none) (nullable): the draft of the file that an
 *   earlier session left, while it is on offer
 */
TrellisDraft *
trellis_session_get_offered_draft (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  return self->offered_draft;
}

/**
 * trellis_session_get_draft_uuid:
 *
 * Returns: (nullable): the id of the document's own recovery draft
 */
const char *
trellis_session_get_draft_uuid (TrellisSession *self)
{
  g_return_val_if_fail (TRELLIS_IS_SESSION (self), NULL);

  return self->draft != NULL ? trellis_draft_get_uuid (self->draft) : NULL;
}

/* trellis-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-draft"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "trellis-draft.h"

/* Recovery drafts. Every open document with unsaved changes is written,
 * at most a second after a change, to the user's state folder
 * (~/.local/state/APP_ID/drafts, readable by the user only), never next
 * to the user's file: UUID.trellis holds the document, UUID.ini says
 * which file it belongs to and what that file looked like. A draft is
 * deleted once the document is saved or its changes are discarded; what
 * is left at the next start was lost by a crash, and is offered back. */

#define WRITE_DELAY_MS   1000
#define STRAY_AGE_USEC   (60 * G_USEC_PER_SEC)
#define DRAFT_GROUP      "Draft"

struct _TrellisDraft
{
  GObject           parent_instance;

  char             *uuid;
  GFile            *contents_file;
  GFile            *sidecar_file;

  /* What the sidecar says */
  GFile            *document_file;
  char             *title;
  GDateTime        *written;
  TrellisFileState  file_state;

  /* Following a document */
  TrellisDocument  *document;
  gulong            changed_id;
  gulong            modified_id;
  guint             write_source;
  guint             generation;
  gboolean          writing;
  gboolean          write_again;
  gboolean          keep;
  gboolean          on_disk;
};

G_DEFINE_FINAL_TYPE (TrellisDraft, trellis_draft, G_TYPE_OBJECT)

static void schedule_write (TrellisDraft *self);

/**
 * trellis_drafts_dup_dir:
 *
 * Returns: (transfer full): the folder holding the drafts, created with
 *   mode 0700 if needed
 */
char *
trellis_drafts_dup_dir (void)
{
  g_autofree char *app_dir = g_build_filename (g_get_user_state_dir (), APP_ID, NULL);
  char *dir = g_build_filename (app_dir, "drafts", NULL);

  if (g_mkdir_with_parents (dir, 0700) == 0)
    {
      /* Drafts hold personal data: nobody else may even list them. */
      g_chmod (app_dir, 0700);
      g_chmod (dir, 0700);
    }

  return dir;
}

static void
trellis_draft_dispose (GObject *object)
{
  TrellisDraft *self = TRELLIS_DRAFT (object);

  trellis_draft_set_document (self, NULL);

  G_OBJECT_CLASS (trellis_draft_parent_class)->dispose (object);
}

static void
trellis_draft_finalize (GObject *object)
{
  TrellisDraft *self = TRELLIS_DRAFT (object);

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->written, g_date_time_unref);
  g_clear_object (&self->contents_file);
  g_clear_object (&self->sidecar_file);
  g_clear_object (&self->document_file);

  G_OBJECT_CLASS (trellis_draft_parent_class)->finalize (object);
}

static void
trellis_draft_class_init (TrellisDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_draft_dispose;
  object_class->finalize = trellis_draft_finalize;
}

static void
trellis_draft_init (TrellisDraft *self)
{
}

static void
set_uuid (TrellisDraft *self,
          const char   *uuid)
{
  g_autofree char *dir = trellis_drafts_dup_dir ();
  g_autofree char *contents = g_strconcat (uuid, ".trellis", NULL);
  g_autofree char *sidecar = g_strconcat (uuid, ".ini", NULL);
  g_autofree char *contents_path = g_build_filename (dir, contents, NULL);
  g_autofree char *sidecar_path = g_build_filename (dir, sidecar, NULL);

  self->uuid = g_strdup (uuid);
  self->contents_file = g_file_new_for_path (contents_path);
  self->sidecar_file = g_file_new_for_path (sidecar_path);
}

/**
 * trellis_draft_new:
 * @uuid: (nullable): the draft's id, or %NULL for a new one
 *
 * Returns: (transfer full): a draft that follows no document yet
 */
TrellisDraft *
trellis_draft_new (const char *uuid)
{
  TrellisDraft *self = g_object_new (TRELLIS_TYPE_DRAFT, NULL);
  g_autofree char *fresh = NULL;

  if (uuid == NULL)
    uuid = fresh = g_uuid_string_random ();

  set_uuid (self, uuid);

  return self;
}

/**
 * trellis_draft_load:
 * @uuid: the id of a draft on disk
 * @error: return location for a #GError
 *
 * Reads what the sidecar of a draft says. A draft whose sidecar was lost
 * is still a draft, of a matrix that was never saved.
 *
 * Returns: (transfer full) (nullable): the draft
 */
TrellisDraft *
trellis_draft_load (const char  *uuid,
                    GError     **error)
{
  g_autoptr(TrellisDraft) self = trellis_draft_new (uuid);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *sidecar_path = g_file_get_path (self->sidecar_file);
  g_autofree char *contents_path = g_file_get_path (self->contents_file);
  g_autofree char *uri = NULL;
  g_autofree char *written = NULL;
  GStatBuf st;

  if (g_stat (contents_path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: shown when recovered unsaved changes are opened but their file is
                    * gone; %s is the system's reason, e.g. “No such file or directory”. */
                   _("The recovered changes could not be found: %s"), g_strerror (saved));
      return NULL;
    }

  self->on_disk = TRUE;

  if (g_key_file_load_from_file (keyfile, sidecar_path, G_KEY_FILE_NONE, NULL))
    {
      uri = g_key_file_get_string (keyfile, DRAFT_GROUP, "Document", NULL);
      self->title = g_key_file_get_string (keyfile, DRAFT_GROUP, "Title", NULL);
      written = g_key_file_get_string (keyfile, DRAFT_GROUP, "Written", NULL);
      self->file_state.exists = g_key_file_get_boolean (keyfile, DRAFT_GROUP, "FileExists", NULL);
      self->file_state.size = g_key_file_get_uint64 (keyfile, DRAFT_GROUP, "FileSize", NULL);
      self->file_state.mtime_usec = g_key_file_get_int64 (keyfile, DRAFT_GROUP, "FileModified", NULL);
      self->file_state.hash = g_key_file_get_uint64 (keyfile, DRAFT_GROUP, "FileHash", NULL);
    }

  if (uri != NULL && uri[0] != '\0')
    self->document_file = g_file_new_for_uri (uri);
  if (written != NULL)
    self->written = g_date_time_new_from_iso8601 (written, NULL);
  if (self->written == NULL)
    self->written = g_date_time_new_from_unix_local (st.st_mtime);

  return g_steal_pointer (&self);
}

const char *
trellis_draft_get_uuid (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  return self->uuid;
}

/**
 * trellis_draft_get_contents_file:
 *
 * Returns: (transfer none): the file holding the draft's document
 */
GFile *
trellis_draft_get_contents_file (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  return self->contents_file;
}

/**
 * trellis_draft_get_document_file:
 *
 * Returns: (transfer none) (nullable): the file the draft's document was
 *   opened from or saved to, or %NULL if it never was
 */
GFile *
trellis_draft_get_document_file (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  if (self->document != NULL)
    return trellis_document_get_file (self->document);

  return self->document_file;
}

const char *
trellis_draft_get_title (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  return self->title;
}

/**
 * trellis_draft_dup_display_name:
 *
 * Returns: (transfer full): what to call the draft's matrix: its file's
 *   name, else its organisation's, else “Unsaved matrix”
 */
char *
trellis_draft_dup_display_name (TrellisDraft *self)
{
  GFile *file;

  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  file = trellis_draft_get_document_file (self);
  if (file != NULL)
    return g_file_get_basename (file);
  if (self->title != NULL && self->title[0] != '\0')
    return g_strdup (self->title);

  return g_strdup (_("Unsaved matrix"));
}

/**
 * trellis_draft_get_written:
 *
 * Returns: (transfer none) (nullable): when the draft was last written
 */
GDateTime *
trellis_draft_get_written (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  return self->written;
}

const TrellisFileState *
trellis_draft_get_file_state (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  return &self->file_state;
}

/* Writing */

typedef struct
{
  GFile           *contents_file;
  GFile           *sidecar_file;
  TrellisDocument *snapshot;   /* serialized in the worker */
  char            *sidecar;
  guint            generation;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *wd = data;

  g_clear_object (&wd->contents_file);
  g_clear_object (&wd->sidecar_file);
  g_clear_object (&wd->snapshot);
  g_free (wd->sidecar);
  g_free (wd);
}

static gboolean
write_files (GFile       *contents_file,
             GBytes      *contents,
             GFile       *sidecar_file,
             const char  *sidecar,
             GError     **error)
{
  g_autofree char *contents_path = g_file_get_path (contents_file);
  g_autofree char *sidecar_path = g_file_get_path (sidecar_file);
  gsize len;
  const char *data = g_bytes_get_data (contents, &len);

  /* The document first: a draft without its sidecar is still recovered. */
  if (!g_file_set_contents_full (contents_path, data != NULL ? data : "", len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  return g_file_set_contents_full (sidecar_path, sidecar, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *wd = task_data;
  g_autoptr(GBytes) contents = NULL;
  GError *error = NULL;

  contents = trellis_document_serialize (wd->snapshot, &error);
  if (contents == NULL || !write_files (wd->contents_file, contents, wd->sidecar_file, wd->sidecar, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
delete_files (TrellisDraft *self)
{
  g_file_delete (self->contents_file, NULL, NULL);
  g_file_delete (self->sidecar_file, NULL, NULL);
  self->on_disk = FALSE;
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TrellisDraft *self = TRELLIS_DRAFT (object);
  WriteData *wd = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the recovery draft: %s", error->message);

  /* Discarded while the thread wrote it: it must not come back. */
  if (wd->generation != self->generation)
    {
      if (!self->on_disk)
        delete_files (self);
      return;
    }

  if (self->write_again)
    {
      self->write_again = FALSE;
      schedule_write (self);
    }
}

static char *
build_sidecar (TrellisDraft *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  GFile *file = trellis_document_get_file (self->document);
  const TrellisFileState *state = trellis_document_get_file_state (self->document);
  const char *title = trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (self->document)));
  g_autofree char *written = NULL;

  g_clear_pointer (&self->written, g_date_time_unref);
  self->written = g_date_time_new_now_local ();
  written = g_date_time_format_iso8601 (self->written);

  g_key_file_set_integer (keyfile, DRAFT_GROUP, "Version", 1);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (keyfile, DRAFT_GROUP, "Document", uri);
    }
  g_key_file_set_string (keyfile, DRAFT_GROUP, "Title", title != NULL ? title : "");
  g_key_file_set_string (keyfile, DRAFT_GROUP, "Written", written);
  g_key_file_set_boolean (keyfile, DRAFT_GROUP, "FileExists", state->exists);
  g_key_file_set_uint64 (keyfile, DRAFT_GROUP, "FileSize", state->size);
  g_key_file_set_int64 (keyfile, DRAFT_GROUP, "FileModified", state->mtime_usec);
  g_key_file_set_uint64 (keyfile, DRAFT_GROUP, "FileHash", state->hash);

  g_free (self->title);
  self->title = g_strdup (title);
  self->file_state = *state;

  return g_key_file_to_data (keyfile, NULL, NULL);
}

static gboolean
needs_draft (TrellisDraft *self)
{
  return self->document != NULL && (self->keep || trellis_document_get_modified (self->document));
}

static gboolean
write_timeout_cb (gpointer user_data)
{
  TrellisDraft *self = user_data;
  g_autoptr(GTask) task = NULL;
  WriteData *wd;

  self->write_source = 0;

  if (!needs_draft (self))
    {
      /* Back at the saved state (undo): nothing to recover. */
      if (self->on_disk)
        {
          self->generation++;
          delete_files (self);
        }
      return G_SOURCE_REMOVE;
    }

  if (self->writing)
    {
      self->write_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* A copy, serialized in the worker: the largest matrices take a tenth
   * of a second to serialize, which the window must not wait for. */
  wd = g_new0 (WriteData, 1);
  wd->snapshot = trellis_document_snapshot (self->document);
  wd->contents_file = g_object_ref (self->contents_file);
  wd->sidecar_file = g_object_ref (self->sidecar_file);
  wd->sidecar = build_sidecar (self);
  wd->generation = self->generation;

  self->writing = TRUE;
  self->on_disk = TRUE;

  task = g_task_new (self, NULL, write_done_cb, NULL);
  g_task_set_source_tag (task, write_timeout_cb);
  g_task_set_task_data (task, wd, write_data_free);
  g_task_run_in_thread (task, write_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_write (TrellisDraft *self)
{
  /* Not restarted by later changes: a steady stream of edits is still
   * written every second. */
  if (self->write_source == 0)
    self->write_source = g_timeout_add (WRITE_DELAY_MS, write_timeout_cb, self);
}

static void
document_changed_cb (TrellisDraft *self)
{
  schedule_write (self);
}

/**
 * trellis_draft_get_document:
 *
 * Returns: (transfer none) (nullable): the document the draft follows
 */
TrellisDocument *
trellis_draft_get_document (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), NULL);

  return self->document;
}

/**
 * trellis_draft_set_document:
 * @self: a #TrellisDraft
 * @document: (nullable): the document to follow
 *
 * Writes @document to the draft within a second of each change, while it
 * has unsaved changes.
 */
void
trellis_draft_set_document (TrellisDraft    *self,
                            TrellisDocument *document)
{
  g_return_if_fail (TRELLIS_IS_DRAFT (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_signal_handler (&self->modified_id, self->document);
    }
  g_clear_handle_id (&self->write_source, g_source_remove);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->changed_id = g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb),
                                                  self, G_CONNECT_SWAPPED);
      self->modified_id = g_signal_connect_object (document, "notify::modified", G_CALLBACK (document_changed_cb),
                                                   self, G_CONNECT_SWAPPED);
      if (needs_draft (self))
        schedule_write (self);
    }
}

gboolean
trellis_draft_get_keep (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), FALSE);

  return self->keep;
}

/**
 * trellis_draft_set_keep:
 * @self: a #TrellisDraft
 * @keep: whether to keep a draft even of an unmodified document
 *
 * A restored draft is unsaved work although nothing was edited since it
 * was restored: it is kept until it is saved or discarded.
 */
void
trellis_draft_set_keep (TrellisDraft *self,
                        gboolean      keep)
{
  g_return_if_fail (TRELLIS_IS_DRAFT (self));

  self->keep = !!keep;
  if (self->document != NULL)
    schedule_write (self);
}

/**
 * trellis_draft_get_pending:
 *
 * Returns: %TRUE while a change waits to be written
 */
gboolean
trellis_draft_get_pending (TrellisDraft *self)
{
  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), FALSE);

  return self->write_source != 0 || self->writing;
}

/**
 * trellis_draft_write_now:
 * @self: a #TrellisDraft
 * @error: return location for a #GError
 *
 * Writes the draft at once, in the calling thread.
 *
 * Returns: %TRUE on success
 */
gboolean
trellis_draft_write_now (TrellisDraft  *self,
                         GError       **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *sidecar = NULL;

  g_return_val_if_fail (TRELLIS_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  g_clear_handle_id (&self->write_source, g_source_remove);

  contents = trellis_document_serialize (self->document, error);
  if (contents == NULL)
    return FALSE;

  sidecar = build_sidecar (self);
  self->on_disk = TRUE;

  return write_files (self->contents_file, contents, self->sidecar_file, sidecar, error);
}

/**
 * trellis_draft_discard:
 * @self: a #TrellisDraft
 *
 * Deletes the draft: its document was saved, or its changes discarded.
 */
void
trellis_draft_discard (TrellisDraft *self)
{
  g_return_if_fail (TRELLIS_IS_DRAFT (self));

  g_clear_handle_id (&self->write_source, g_source_remove);
  self->generation++;
  self->write_again = FALSE;
  self->keep = FALSE;
  delete_files (self);
}

/* Scanning at start */

static gboolean
is_old (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  gint64 mtime;

  if (info == NULL)
    return FALSE;

  mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC;

  /* A save or a draft being written right now is not stray. */
  return g_get_real_time () - mtime > STRAY_AGE_USEC;
}

static gboolean
same_contents (GFile *a,
               GFile *b)
{
  g_autoptr(GBytes) bytes_a = g_file_load_bytes (a, NULL, NULL, NULL);
  g_autoptr(GBytes) bytes_b = NULL;

  if (bytes_a == NULL)
    return FALSE;

  bytes_b = g_file_load_bytes (b, NULL, NULL, NULL);

  return bytes_b != NULL && g_bytes_equal (bytes_a, bytes_b);
}

static gint
compare_written (gconstpointer a,
                 gconstpointer b)
{
  TrellisDraft *da = *(TrellisDraft **) a;
  TrellisDraft *db = *(TrellisDraft **) b;

  return -g_date_time_compare (da->written, db->written);
}

/**
 * trellis_drafts_scan:
 *
 * Lists the drafts left by earlier sessions, newest first, after
 * removing what is not worth offering: drafts whose document was saved
 * with the same contents, sidecars without a draft, and temporary files
 * of a write that was killed.
 *
 * Returns: (transfer full) (element-type TrellisDraft): the drafts
 */
GPtrArray *
trellis_drafts_scan (void)
{
  g_autofree char *dir_path = trellis_drafts_dup_dir ();
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&drafts);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (g_str_has_suffix (name, ".trellis"))
        {
          g_autofree char *uuid = g_strndup (name, strlen (name) - strlen (".trellis"));
          g_autoptr(TrellisDraft) draft = NULL;
          GFile *document_file;

          if (!g_uuid_string_is_valid (uuid))
            continue;

          draft = trellis_draft_load (uuid, NULL);
          if (draft == NULL)
            continue;

          /* Saved after the draft was written, and nothing changed since. */
          document_file = trellis_draft_get_document_file (draft);
          if (document_file != NULL && same_contents (draft->contents_file, document_file))
            {
              trellis_draft_discard (draft);
              continue;
            }

          g_ptr_array_add (drafts, g_steal_pointer (&draft));
        }
      else if (g_str_has_suffix (name, ".ini"))
        {
          g_autofree char *uuid = g_strndup (name, strlen (name) - strlen (".ini"));
          g_autofree char *contents = g_strconcat (uuid, ".trellis", NULL);
          g_autofree char *contents_path = g_build_filename (dir_path, contents, NULL);

          if (!g_file_test (contents_path, G_FILE_TEST_EXISTS))
            g_file_delete (file, NULL, NULL);
        }
      else if (is_old (file))
        {
          /* A temporary file of a draft whose writing was killed. */
          g_file_delete (file, NULL, NULL);
        }
    }

  g_ptr_array_sort (drafts, compare_written);

  return g_steal_pointer (&drafts);
}

static gboolean
is_stray_name (const char *name,
               const char *basename)
{
  gsize base_len = strlen (basename);
  gsize len = strlen (name);

  /* What an atomic save writes before its rename: .NAME.XXXXXX */
  if (len == base_len + 8 && name[0] == '.' &&
      strncmp (name + 1, basename, base_len) == 0 && name[base_len + 1] == '.')
    {
      for (gsize i = base_len + 2; i < len; i++)
        {
          if (!g_ascii_isalnum (name[i]))
            return FALSE;
        }
      return TRUE;
    }

  /* The backup being made: NAME~.new */
  return len == base_len + 5 && strncmp (name, basename, base_len) == 0 &&
         strcmp (name + base_len, "~.new") == 0;
}

/**
 * trellis_drafts_clean_stray_files:
 * @documents: (element-type GFile): documents opened recently
 *
 * Deletes the temporary files that saves of @documents left behind when
 * they were killed before renaming them over the document: each is a
 * full copy of personal data. Blocks; call it from a worker thread.
 */
void
trellis_drafts_clean_stray_files (GPtrArray *documents)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      GFile *document = g_ptr_array_index (documents, i);
      g_autoptr(GFile) parent = g_file_get_parent (document);
      g_autofree char *basename = g_file_get_basename (document);
      g_autofree char *dir_path = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      if (parent == NULL || basename == NULL || (dir_path = g_file_get_path (parent)) == NULL)
        continue;

      dir = g_dir_open (dir_path, 0, NULL);
      if (dir == NULL)
        continue;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autoptr(GFile) file = NULL;

          if (!is_stray_name (name, basename))
            continue;

          path = g_build_filename (dir_path, name, NULL);
          file = g_file_new_for_path (path);
          if (is_old (file))
            g_file_delete (file, NULL, NULL);
        }
    }
}

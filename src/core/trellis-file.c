/* trellis-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-file"
/* For sync_file_range(). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trellis-document-private.h"
#include "trellis-limited-stream-private.h"
#include "trellis-save-target-private.h"

/* Reading and writing files. Saving is atomic and durable: the document
 * is written to a temporary file in the same folder, flushed to disk,
 * the previous version is kept as a backup (FILE~), the temporary file is
 * renamed over the original and the folder is flushed too. Until the
 * rename, the original is untouched; any failure removes the temporary
 * file, and a save that is killed leaves none behind (see
 * trellis-save-target.c), so no stray copy of personal data is left. */

/* The hash */

#define HASH_PRIME_1 G_GUINT64_CONSTANT (0x9E3779B185EBCA87)
#define HASH_PRIME_2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)

void
trellis_hasher_init (TrellisHasher *hasher)
{
  guint64 seed = G_GUINT64_CONSTANT (0x27D4EB2F165667C5);

  memset (hasher, 0, sizeof *hasher);
  hasher->lanes[0] = seed;
  hasher->lanes[1] = seed ^ HASH_PRIME_1;
  hasher->lanes[2] = seed ^ HASH_PRIME_2;
  hasher->lanes[3] = seed + HASH_PRIME_1;
}

static inline guint64
mix (guint64 h,
     guint64 w)
{
  h ^= w * HASH_PRIME_2;
  h = (h << 31) | (h >> 33);
  return h * HASH_PRIME_1;
}

/* Four independent lanes keep the multiplier busy. */
static inline void
hash_block (guint64      lanes[4],
            const guint8 *p)
{
  guint64 w[4];

  memcpy (w, p, 32);
  lanes[0] = mix (lanes[0], w[0]);
  lanes[1] = mix (lanes[1], w[1]);
  lanes[2] = mix (lanes[2], w[2]);
  lanes[3] = mix (lanes[3], w[3]);
}

void
trellis_hasher_update (TrellisHasher *hasher,
                       const void    *data,
                       gsize          len)
{
  const guint8 *p = data;

  hasher->len += len;

  /* Complete a block begun by the previous chunk. */
  if (hasher->block_len > 0)
    {
      gsize n = MIN (sizeof hasher->block - hasher->block_len, len);

      memcpy (hasher->block + hasher->block_len, p, n);
      hasher->block_len += n;
      p += n;
      len -= n;
      if (hasher->block_len < sizeof hasher->block)
        return;
      hash_block (hasher->lanes, hasher->block);
      hasher->block_len = 0;
    }

  while (len >= 32)
    {
      hash_block (hasher->lanes, p);
      p += 32;
      len -= 32;
    }

  memcpy (hasher->block, p, len);
  hasher->block_len = len;
}

guint64
trellis_hasher_finish (TrellisHasher *hasher)
{
  guint64 h = mix (mix (mix (hasher->lanes[0], hasher->lanes[1]), hasher->lanes[2]), hasher->lanes[3]);
  guint64 tail = 0;
  guint i = 0;

  for (; i + 8 <= hasher->block_len; i += 8)
    {
      guint64 w;

      memcpy (&w, hasher->block + i, 8);
      h = mix (h, w);
    }
  for (guint k = 0; i + k < hasher->block_len; k++)
    tail |= (guint64) hasher->block[i + k] << (8 * k);

  h = mix (h, tail ^ ((guint64) (hasher->block_len - i) << 56));
  h = mix (h, hasher->len);
  h ^= h >> 29;

  return h;
}

static gboolean
hash_file (GFile         *file,
           guint64       *hash,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree char *buffer = NULL;
  TrellisHasher hasher;

  if (stream == NULL)
    return FALSE;

  buffer = g_malloc (256 * 1024);
  trellis_hasher_init (&hasher);

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      trellis_hasher_update (&hasher, buffer, n);
    }

  *hash = trellis_hasher_finish (&hasher);
  return TRUE;
}

static void
state_from_info (TrellisFileState *state,
                 GFileInfo        *info)
{
  state->exists = TRUE;
  state->size = g_file_info_get_size (info);
  state->mtime_usec =
    (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) * G_USEC_PER_SEC +
    g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);
}

#define STATE_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

/* Reads the file's state; a missing file is a state too. */
gboolean
trellis_file_state_read (GFile             *file,
                         TrellisFileState  *state,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  memset (state, 0, sizeof *state);

  info = g_file_query_info (file, STATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  state_from_info (state, info);
  return hash_file (file, &state->hash, cancellable, error);
}

static char *
display_name_for (GFile *file)
{
  return g_file_get_parse_name (file);
}

/**
 * trellis_document_new_from_bytes:
 * @bytes: the contents of a file
 * @display_name: (nullable): how to name the file in messages
 * @report: (nullable): collects every problem and notice
 * @error: return location for a #GError
 *
 * Reads a matrix from memory.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
TrellisDocument *
trellis_document_new_from_bytes (GBytes             *bytes,
                                 const char         *display_name,
                                 TrellisLoadReport  *report,
                                 GError            **error)
{
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &len);

  return trellis_reader_load_bytes (data != NULL ? data : "", len, display_name, report, error);
}

/* Says that @name is more than a matrix may be; @error is any error of
 * reading, replaced when it says that. */
static gboolean
too_large_error (GError     **error,
                 const char  *name)
{
  g_autofree char *limit = g_format_size_full (TRELLIS_DOCUMENT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_TOO_LARGE,
               /* Translators: shown when a matrix cannot be opened; the first %s is a file name, e.g.
                * “team.trellis”, the second a size, e.g. “512.0 MiB”. */
               _("‘%s’ is larger than %s, more than any matrix holds. Check that it is the right file."),
               name, limit);
  return FALSE;
}

/* Reads a matrix from @stream, stopping at the most a matrix may hold. */
static TrellisDocument *
load_limited (GInputStream       *stream,
              const char         *name,
              TrellisLoadReport  *report,
              TrellisHasher      *hasher,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GInputStream) limited = trellis_limited_stream_new (stream, TRELLIS_DOCUMENT_MAX_SIZE);
  g_autoptr(GError) local_error = NULL;
  TrellisDocument *doc;

  doc = trellis_reader_load_stream (limited, name, report, hasher, cancellable, &local_error);
  if (doc != NULL)
    return doc;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    too_large_error (error, name);
  else if (local_error->domain == TRELLIS_DOCUMENT_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, local_error->domain, local_error->code,
                 /* Translators: shown when a matrix cannot be opened; the first %s is a file name,
                  * e.g. “team.trellis”, the second the system's reason, e.g. “Permission denied”. */
                 _("Could not read ‘%s’: %s"), name, local_error->message);

  return NULL;
}

/**
 * trellis_document_new_from_stream:
 * @stream: a stream holding a matrix, such as standard input
 * @display_name: how to name the stream in messages
 * @report: (nullable): collects every problem and notice
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a matrix from a stream, streaming, and refuses one larger than
 * %TRELLIS_DOCUMENT_MAX_SIZE rather than reading on forever.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
TrellisDocument *
trellis_document_new_from_stream (GInputStream       *stream,
                                  const char         *display_name,
                                  TrellisLoadReport  *report,
                                  GCancellable       *cancellable,
                                  GError            **error)
{
  TrellisHasher hasher;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  trellis_hasher_init (&hasher);
  return load_limited (stream, display_name, report, &hasher, cancellable, error);
}

/* Refuses what is not a regular file before opening it: opening a pipe
 * with no writer would wait forever, and a device could be read forever. */
static gboolean
check_regular_file (GFile         *file,
                    const char    *name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: shown when a matrix cannot be opened; the first %s is a file name,
                    * e.g. “team.trellis”, the second the system's reason, e.g. “No such file or
                    * directory”. */
                   _("Could not open ‘%s’: %s"), name, local_error->message);
      return FALSE;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* Translators: shown when a matrix cannot be opened; %s is the name of a folder,
                    * e.g. “Documents”. */
                   _("Could not open ‘%s’: it is a folder. Choose a matrix file in it."), name);
      return FALSE;

    case G_FILE_TYPE_SPECIAL:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: shown when a matrix cannot be opened; %s is a name, e.g. “/dev/null”. */
                   _("Could not open ‘%s’: it is not a regular file but a device, a pipe or a socket. Trellis reads matrices from files only."),
                   name);
      return FALSE;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      /* Remote locations may not say; the size limit still holds. */
      break;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      (guint64) g_file_info_get_size (info) > TRELLIS_DOCUMENT_MAX_SIZE)
    return too_large_error (error, name);

  return TRUE;
}

/**
 * trellis_document_new_from_file:
 * @file: a file
 * @report: (nullable): collects every problem and notice
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a matrix, streaming: the file is never held in memory whole.
 * The document remembers the file and what it looked like, to notice
 * later changes by others. The file is never changed. Only regular
 * files are read, and none larger than %TRELLIS_DOCUMENT_MAX_SIZE.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
TrellisDocument *
trellis_document_new_from_file (GFile              *file,
                                TrellisLoadReport  *report,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  TrellisFileState state = { 0 };
  TrellisHasher hasher;
  TrellisDocument *doc;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = display_name_for (file);

  if (!check_regular_file (file, name, cancellable, error))
    return NULL;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      /* Translators: %s is a file name, then the system's reason. */
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not open ‘%s’: %s"), name, local_error->message);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream, STATE_ATTRIBUTES, cancellable, NULL);
  if (info != NULL)
    state_from_info (&state, info);

  trellis_hasher_init (&hasher);
  doc = load_limited (G_INPUT_STREAM (stream), name, report, &hasher, cancellable, error);
  if (doc == NULL)
    return NULL;

  state.hash = trellis_hasher_finish (&hasher);
  state.size = hasher.len;
  state.exists = TRUE;
  trellis_document_set_file (doc, file);
  trellis_document_set_file_state (doc, &state);

  return doc;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  TrellisLoadReport *report = trellis_load_report_new ();
  GError *error = NULL;
  TrellisDocument *doc;

  doc = trellis_document_new_from_file (file, report, cancellable, &error);

  /* The report travels with the task; the document with its result. */
  g_object_set_data_full (G_OBJECT (task), "trellis-report", report,
                          (GDestroyNotify) trellis_load_report_free);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

/**
 * trellis_document_load_async:
 * @file: a file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is read
 * @user_data: data for @callback
 *
 * Reads a matrix in a worker thread, so that a window keeps drawing
 * while a large file loads.
 */
void
trellis_document_load_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * trellis_document_load_finish:
 * @result: the #GAsyncResult
 * @report: (out) (optional) (transfer full): what the load found
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the document, or %NULL
 */
TrellisDocument *
trellis_document_load_finish (GAsyncResult       *result,
                              TrellisLoadReport **report,
                              GError            **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (report != NULL)
    *report = g_object_steal_data (G_OBJECT (result), "trellis-report");

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trellis_document_check_file:
 * @self: a #TrellisDocument
 * @changed: (out): whether the file changed since it was read or written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Compares the file on disk with what the document last read or wrote:
 * its existence, size, modification time and, when the time differs, the
 * hash of its bytes (a file touched without change is not a change).
 * Network folders send no change events, so callers check on focus and
 * right before saving.
 *
 * Returns: %FALSE if the file could not be examined
 */
gboolean
trellis_document_check_file (TrellisDocument  *self,
                             gboolean         *changed,
                             GCancellable     *cancellable,
                             GError          **error)
{
  const TrellisFileState *known;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  TrellisFileState now = { 0 };
  GFile *file;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);

  *changed = FALSE;
  file = trellis_document_get_file (self);
  known = trellis_document_get_file_state (self);

  if (file == NULL || !known->exists)
    return TRUE;

  info = g_file_query_info (file, STATE_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          *changed = TRUE;
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  state_from_info (&now, info);
  if (now.size != known->size)
    {
      *changed = TRUE;
      return TRUE;
    }

  if (now.mtime_usec == known->mtime_usec)
    return TRUE;

  if (!hash_file (file, &now.hash, cancellable, error))
    return FALSE;

  *changed = now.hash != known->hash;
  if (!*changed)
    {
      /* Touched, not changed: remember the new time. */
      now.hash = known->hash;
      trellis_document_set_file_state (self, &now);
    }

  return TRUE;
}

/* Saving */

static TrellisFault fault_kind;
static guint fault_nth;
static int fault_errno;
static guint fault_calls;

void
trellis_save_inject_fault (TrellisFault fault,
                           guint        nth_call,
                           int          errno_value)
{
  fault_kind = fault;
  fault_nth = nth_call;
  fault_errno = errno_value;
  fault_calls = 0;
}

static TrellisSaveObserver observer;
static gpointer observer_data;

void
trellis_save_set_observer (TrellisSaveObserver func,
                           gpointer            user_data)
{
  observer = func;
  observer_data = user_data;
}

/* Returns TRUE (with errno set) when the test asked this step to fail. */
static gboolean
fault (TrellisFault step)
{
  if (observer != NULL)
    observer (step, observer_data);

  if (fault_kind != step)
    return FALSE;
  if (++fault_calls < fault_nth)
    return FALSE;

  fault_kind = TRELLIS_FAULT_NONE;
  errno = fault_errno;
  return TRUE;
}

typedef struct
{
  int            fd;
  TrellisHasher  hasher;
  guint64        flushed;      /* bytes already handed to the disk */
} Sink;

/* Start writing out every few megabytes while the rest is still being
 * produced, so that the fsync() at the end waits for the last few only. */
#define WRITEBACK_STEP (8 * 1024 * 1024)

static void
sink_start_writeback (Sink *sink)
{
#ifdef SYNC_FILE_RANGE_WRITE
  guint64 written = sink->hasher.len;

  if (written - sink->flushed < WRITEBACK_STEP)
    return;

  /* Only a hint: fsync() still decides whether the data is safe. */
  (void) sync_file_range (sink->fd, (off64_t) sink->flushed, (off64_t) (written - sink->flushed),
                          SYNC_FILE_RANGE_WRITE);
  sink->flushed = written;
#endif
}

static gboolean
sink_write (const char  *data,
            gsize        len,
            gpointer     user_data,
            GError     **error)
{
  Sink *sink = user_data;

  trellis_hasher_update (&sink->hasher, data, len);

  while (len > 0)
    {
      gssize n;

      if (fault (TRELLIS_FAULT_WRITE))
        n = -1;
      else
        n = write (sink->fd, data, len);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return FALSE;
        }

      data += n;
      len -= n;
    }

  sink_start_writeback (sink);
  return TRUE;
}

static gboolean
write_bytes_cb (const char  *data,
                gsize        len,
                gpointer     user_data,
                GError     **error)
{
  return sink_write (data, len, user_data, error);
}

typedef gboolean (*ProduceFunc) (gpointer   data,
                                 Sink      *sink,
                                 GError   **error);

static gboolean
produce_document (gpointer   data,
                  Sink      *sink,
                  GError   **error)
{
  return trellis_document_write (data, write_bytes_cb, sink, error);
}

static gboolean
produce_bytes (gpointer   data,
               Sink      *sink,
               GError   **error)
{
  gsize len;
  const char *bytes = g_bytes_get_data (data, &len);

  return sink_write (bytes, len, sink, error);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *name,
                 gboolean     existed)
{
  const char *reason;

  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      reason = _("the disk is full. Free some space, or save to another place with Save As");
      break;

    case EROFS:
    case EACCES:
    case EPERM:
      reason = _("the folder cannot be written to. Save to another place with Save As");
      break;

    case ENOENT:
      reason = _("the folder no longer exists. Save to another place with Save As");
      break;

    case EIO:
      reason = _("the disk reported an error. Save to another place with Save As, and check the disk");
      break;

    default:
      reason = g_strerror (saved_errno);
      break;
    }

  if (existed)
    g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
                 /* Translators: shown when a matrix cannot be saved; the first %s is a file name, e.g.
                  * “team.trellis”, the second the reason, e.g. “the disk is full”. */
                 _("Could not save ‘%s’: %s. The previous version of the file was left unchanged."),
                 name, reason);
  else
    g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
                 /* Translators: shown when a matrix cannot be saved; the first %s is a file name, e.g.
                  * “team.trellis”, the second the reason, e.g. “the disk is full”. */
                 _("Could not save ‘%s’: %s. The file was not created."),
                 name, reason);
}

static gboolean
make_backup (const char *path,
             const char *backup,
             int        *saved_errno)
{
  g_autofree char *tmp = g_strconcat (backup, ".new", NULL);

  if (fault (TRELLIS_FAULT_BACKUP))
    {
      *saved_errno = errno;
      return FALSE;
    }

  g_unlink (tmp);

  /* A hard link keeps the old bytes without copying them; where the
   * file system has no links, copy. */
  if (link (path, tmp) != 0)
    {
      g_autofree char *contents = NULL;
      gsize len;
      struct stat st;

      if (!g_file_get_contents (path, &contents, &len, NULL) || stat (path, &st) != 0 ||
          !g_file_set_contents_full (tmp, contents, len,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     st.st_mode & 0777, NULL))
        {
          *saved_errno = errno != 0 ? errno : EIO;
          g_unlink (tmp);
          return FALSE;
        }
    }

  if (rename (tmp, backup) != 0)
    {
      *saved_errno = errno;
      g_unlink (tmp);
      return FALSE;
    }

  /* When the backup already was a link to the file (a save that failed
   * after making it), rename() leaves both names in place. */
  g_unlink (tmp);

  return TRUE;
}

/* Maps a GIO error of the writer back to the errno a person's reason is
 * worded from. */
static int
errno_from_write_error (const GError *error)
{
  if (error->domain != G_IO_ERROR)
    return EIO;

  switch (error->code)
    {
    case G_IO_ERROR_NO_SPACE:          return ENOSPC;
    case G_IO_ERROR_READ_ONLY:         return EROFS;
    case G_IO_ERROR_PERMISSION_DENIED: return EACCES;
    case G_IO_ERROR_NOT_FOUND:         return ENOENT;
    default:                           return EIO;
    }
}

/* Writes what @produce makes to @file atomically and durably: see
 * trellis-save-target.c for where it lands and how the temporary file
 * leaves nothing behind. */
static gboolean
atomic_save (GFile             *file,
             ProduceFunc        produce,
             gpointer           produce_data,
             gboolean           private_file,
             TrellisSaveFlags   flags,
             TrellisFileState  *new_state,
             GError           **error)
{
  g_autofree char *requested = g_file_get_path (file);
  g_autofree char *name = display_name_for (file);
  g_autoptr(GError) local_error = NULL;
  g_auto(TrellisSaveTarget) target;
  struct stat st;
  Sink sink;
  int dirfd;
  int saved;

  trellis_save_target_init (&target);

  if (requested == NULL)
    {
      g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
                   /* Translators: shown when a matrix cannot be saved; %s is a file name, e.g.
                    * “team.trellis”. */
                   _("Could not save ‘%s’: Trellis saves only to folders on this computer or mounted on it. Save to another place with Save As."),
                   name);
      return FALSE;
    }

  if (!trellis_save_target_resolve (&target, requested, name, error))
    return FALSE;

  trellis_save_target_remove_stale (&target);

  sink.fd = trellis_save_target_open_temp (&target, private_file ? 0600 : 0666);
  if (sink.fd < 0)
    {
      set_errno_error (error, errno, name, target.exists);
      return FALSE;
    }

  /* Keep the permissions of the file being replaced. */
  if (target.exists && !private_file)
    fchmod (sink.fd, target.st.st_mode & 07777);

  trellis_hasher_init (&sink.hasher);
  sink.flushed = 0;

  if (!produce (produce_data, &sink, &local_error))
    {
      set_errno_error (error, errno_from_write_error (local_error), name, target.exists);
      return FALSE;
    }

  if (fault (TRELLIS_FAULT_FSYNC) || fsync (sink.fd) != 0)
    {
      set_errno_error (error, errno, name, target.exists);
      return FALSE;
    }

  /* Even a failed close releases the descriptor. */
  if (!trellis_save_target_close_temp (&target) || fault (TRELLIS_FAULT_CLOSE))
    {
      set_errno_error (error, errno, name, target.exists);
      return FALSE;
    }

  if (target.exists && !(flags & TRELLIS_SAVE_FLAGS_NO_BACKUP))
    {
      g_autofree char *backup = g_strconcat (target.path, "~", NULL);

      if (!make_backup (target.path, backup, &saved))
        {
          set_errno_error (error, saved, name, target.exists);
          return FALSE;
        }
    }

  if (fault (TRELLIS_FAULT_RENAME) || !trellis_save_target_commit (&target))
    {
      set_errno_error (error, errno, name, target.exists);
      return FALSE;
    }

  memset (new_state, 0, sizeof *new_state);
  new_state->exists = TRUE;
  new_state->size = sink.hasher.len;
  new_state->hash = trellis_hasher_finish (&sink.hasher);
  if (stat (target.path, &st) == 0)
    new_state->mtime_usec = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;

  /* Make the rename itself durable. */
  dirfd = open (target.dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd >= 0)
    {
      gboolean failed = fault (TRELLIS_FAULT_DIR_FSYNC) || fsync (dirfd) != 0;

      saved = errno;
      close (dirfd);
      if (failed && saved != EINVAL)
        {
          g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
                       /* Translators: shown after saving a matrix; the first %s is a file name, e.g.
                        * “team.trellis”, the second the system's reason, e.g. “Input/output error”. */
                       _("‘%s’ was saved, but the system could not confirm that it is safely stored (%s). Save again to be sure."),
                       name, g_strerror (saved));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_unchanged (TrellisDocument         *self,
                 GFile                   *file,
                 const TrellisFileState  *known,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  TrellisFileState now;
  g_autofree char *name = NULL;

  if (!known->exists || !trellis_document_get_file (self) ||
      !g_file_equal (file, trellis_document_get_file (self)))
    return TRUE;

  if (!trellis_file_state_read (file, &now, cancellable, error))
    return FALSE;

  if (now.exists && now.size == known->size && now.hash == known->hash)
    return TRUE;

  name = display_name_for (file);
  g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK,
               now.exists
               /* Translators: shown when saving a matrix that another program changed; %s is a file
                * name, e.g. “team.trellis”. */
               ? _("‘%s’ was changed by someone else since it was opened. Reload it to see their changes, or save your version as a copy.")
               /* Translators: shown when saving a matrix that another program moved or deleted; %s is
                * a file name, e.g. “team.trellis”. */
               : _("‘%s’ was moved or deleted by someone else since it was opened. Save your version as a copy."),
               name);
  return FALSE;
}

static gboolean
wants_private (TrellisDocument  *self,
               TrellisSaveFlags  flags)
{
  return (flags & TRELLIS_SAVE_FLAGS_PRIVATE) != 0 || trellis_document_is_self_assessment (self);
}

/**
 * trellis_document_save:
 * @self: a #TrellisDocument
 * @file: where to save
 * @flags: #TrellisSaveFlags
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Saves atomically and durably, keeping the previous version as FILE~.
 * A file changed on disk since it was read is not overwritten unless
 * %TRELLIS_SAVE_FLAGS_FORCE is given. A self-assessment is created
 * readable by its owner only. On failure the previous file is left as
 * it was and the error says so.
 *
 * Returns: %TRUE on success
 */
gboolean
trellis_document_save (TrellisDocument   *self,
                       GFile             *file,
                       TrellisSaveFlags   flags,
                       GCancellable      *cancellable,
                       GError           **error)
{
  TrellisFileState state = { 0 };

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(flags & TRELLIS_SAVE_FLAGS_FORCE) &&
      !check_unchanged (self, file, trellis_document_get_file_state (self), cancellable, error))
    return FALSE;

  if (!atomic_save (file, produce_document, self, wants_private (self, flags), flags, &state, error))
    {
      /* The file was replaced but not confirmed to be stored: it is ours,
       * so that saving again, as the message asks, is no conflict. */
      if (state.exists)
        {
          trellis_document_set_file (self, file);
          trellis_document_set_file_state (self, &state);
        }
      return FALSE;
    }

  trellis_document_set_file (self, file);
  trellis_document_set_file_state (self, &state);
  trellis_document_set_unmodified (self);

  return TRUE;
}

typedef struct
{
  GFile            *file;
  TrellisDocument  *snapshot;   /* serialized in the worker */
  GBytes           *bytes;
  TrellisFileState  known;
  TrellisFileState  result;
  TrellisSaveFlags  flags;
  gboolean          private_file;
  guint             serial;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *sd = data;

  g_clear_object (&sd->file);
  g_clear_object (&sd->snapshot);
  g_clear_pointer (&sd->bytes, g_bytes_unref);
  g_free (sd);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TrellisDocument *self = source_object;
  SaveData *sd = task_data;
  GError *error = NULL;

  if (!(sd->flags & TRELLIS_SAVE_FLAGS_FORCE) &&
      !check_unchanged (self, sd->file, &sd->known, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  sd->bytes = trellis_document_serialize (sd->snapshot, &error);
  if (sd->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!atomic_save (sd->file, produce_bytes, sd->bytes, sd->private_file, sd->flags, &sd->result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * trellis_document_save_async:
 * @self: a #TrellisDocument
 * @file: where to save
 * @flags: #TrellisSaveFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when saving finished
 * @user_data: data for @callback
 *
 * Like trellis_document_save(), but serializes and writes in a worker
 * thread. A copy of the document is taken first
 * (trellis_document_snapshot(), a few milliseconds even for the largest
 * matrices), so edits made while the file is written stay unsaved and
 * the document stays modified.
 */
void
trellis_document_save_async (TrellisDocument     *self,
                             GFile               *file,
                             TrellisSaveFlags     flags,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *sd;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trellis_document_save_async);

  sd = g_new0 (SaveData, 1);
  sd->file = g_object_ref (file);
  sd->flags = flags;
  sd->known = *trellis_document_get_file_state (self);
  sd->private_file = wants_private (self, flags);
  sd->serial = trellis_document_get_serial (self);
  sd->snapshot = trellis_document_snapshot (self);
  g_task_set_task_data (task, sd, save_data_free);

  g_task_run_in_thread (task, save_thread);
}

gboolean
trellis_document_save_finish (TrellisDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  SaveData *sd;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  sd = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      /* As in trellis_document_save(): a replaced file is ours. */
      if (sd->result.exists)
        {
          trellis_document_set_file (self, sd->file);
          trellis_document_set_file_state (self, &sd->result);
        }
      return FALSE;
    }

  trellis_document_set_file (self, sd->file);
  trellis_document_set_file_state (self, &sd->result);
  trellis_document_mark_saved_at (self, sd->serial);

  return TRUE;
}

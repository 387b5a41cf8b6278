/* trellis-save-target.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-save-target"
/* For O_TMPFILE and linkat(). */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trellis-document.h"
#include "trellis-save-target-private.h"

/* Where a save lands, and the temporary file it is written to.
 *
 * A save names a path, but what it replaces is decided here: a symbolic
 * link is followed to the file it points to (the link stays, as text
 * editors keep it), and anything that is not a regular file — a folder,
 * a device, a pipe, a socket — is refused before a byte is written.
 *
 * The new contents go to a temporary file in the target's folder. On
 * Linux it has no name at all while it is written (O_TMPFILE): a save
 * that is killed leaves nothing behind. It gets a name, ".NAME.XXXXXX",
 * only when it is complete, right before it is renamed over the target.
 * Where the file system cannot make unnamed files it is named from the
 * start. Either way the saving process holds a lock on it, so the next
 * save of the same target can tell a temporary file that a killed save
 * left behind (unlocked) from one that is being written (locked), and
 * removes the first kind, including those of versions that did not lock. */

/* How many links are followed before giving up, as the kernel does. */
#define MAX_LINKS 40

void
trellis_save_target_init (TrellisSaveTarget *target)
{
  memset (target, 0, sizeof *target);
  target->fd = -1;
  target->lock_fd = -1;
}

void
trellis_save_target_clear (TrellisSaveTarget *target)
{
  trellis_save_target_discard (target);
  g_clear_pointer (&target->path, g_free);
  g_clear_pointer (&target->dir, g_free);
  g_clear_pointer (&target->base, g_free);
}

static void
set_not_regular_error (GError       **error,
                       const char    *name,
                       const struct stat *st)
{
  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
                   /* Translators: shown when a matrix cannot be saved; %s is the name of a folder,
                    * e.g. “Documents”. */
                   _("Could not save ‘%s’: it is a folder. Choose a file name with Save As."), name);
      return;
    }

  g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
               /* Translators: shown when a matrix cannot be saved; %s is a name, e.g. “/dev/null”. */
               _("Could not save ‘%s’: it is not a regular file but a device, a pipe or a socket, which Trellis does not write into. Choose a file name with Save As."),
               name);
}

/**
 * trellis_save_target_resolve:
 * @target: an initialised target
 * @path: the path the save was asked to write
 * @name: how to name @path in messages
 * @error: return location for a #GError
 *
 * Decides what a save of @path replaces: @path itself, or the file a
 * symbolic link at @path points to, through any chain of links. A link
 * whose file does not exist yet (a dangling link) is saved through: the
 * file is created where the link points, if that folder exists. A
 * folder, a device, a pipe or a socket is refused.
 *
 * Returns: %TRUE with @target's path, folder and name set
 */
gboolean
trellis_save_target_resolve (TrellisSaveTarget  *target,
                             const char         *path,
                             const char         *name,
                             GError            **error)
{
  g_autofree char *current = g_strdup (path);
  struct stat st;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (g_path_is_absolute (path), FALSE);

  for (guint hops = 0; ; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;

      if (lstat (current, &st) != 0)
        {
          /* A new file (or a link to one): nothing to replace. Other
           * errors are the folder's, and surface when it is written. */
          target->exists = FALSE;
          break;
        }

      if (!S_ISLNK (st.st_mode))
        {
          if (!S_ISREG (st.st_mode))
            {
              set_not_regular_error (error, name, &st);
              return FALSE;
            }
          target->exists = TRUE;
          target->st = st;
          break;
        }

      if (hops >= MAX_LINKS)
        {
          g_set_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED,
                       /* Translators: shown when a matrix cannot be saved; %s is a file name, e.g.
                        * “team.trellis”. */
                       _("Could not save ‘%s’: it is a symbolic link that leads round in a circle. Choose a file name with Save As."),
                       name);
          return FALSE;
        }

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        break;

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (dir, link, NULL);
    }

  target->path = g_steal_pointer (&current);
  target->dir = g_path_get_dirname (target->path);
  target->base = g_path_get_basename (target->path);

  return TRUE;
}

static gboolean
is_temporary_name (const char *entry,
                   const char *base)
{
  gsize base_len = strlen (base);
  const char *suffix;

  /* ".BASE.XXXXXX", as g_mkstemp() fills in the X. */
  if (entry[0] != '.' || strncmp (entry + 1, base, base_len) != 0 || entry[1 + base_len] != '.')
    return FALSE;

  suffix = entry + 2 + base_len;
  if (strlen (suffix) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    {
      if (!g_ascii_isalnum (suffix[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_save_target_remove_stale:
 * @target: a resolved target
 *
 * Removes the temporary files of @target that earlier saves left
 * behind when they were killed: those named ".NAME.XXXXXX" that no
 * process holds a lock on. Returns how many were removed.
 */
guint
trellis_save_target_remove_stale (TrellisSaveTarget *target)
{
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  guint removed = 0;
  int dirfd;

  g_return_val_if_fail (target->dir != NULL, 0);

  dir = g_dir_open (target->dir, 0, NULL);
  if (dir == NULL)
    return 0;

  dirfd = open (target->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0)
    return 0;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      struct stat st, again;
      int fd;

      if (!is_temporary_name (entry, target->base))
        continue;

      fd = openat (dirfd, entry, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;

      /* Only a regular file nobody is writing, and still the one under
       * that name once it is ours. */
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          fstatat (dirfd, entry, &again, AT_SYMLINK_NOFOLLOW) == 0 &&
          again.st_ino == st.st_ino && again.st_dev == st.st_dev &&
          unlinkat (dirfd, entry, 0) == 0)
        removed++;

      close (fd);
    }

  close (dirfd);

  return removed;
}

/**
 * trellis_save_target_open_temp:
 * @target: a resolved target
 * @mode: the permissions of a new file
 *
 * Opens the temporary file, locked, unnamed where the file system
 * allows. On failure errno says why.
 *
 * Returns: the file descriptor to write to, or -1
 */
int
trellis_save_target_open_temp (TrellisSaveTarget *target,
                               mode_t             mode)
{
  g_return_val_if_fail (target->fd < 0, -1);

#ifdef O_TMPFILE
  target->fd = open (target->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
  if (target->fd >= 0)
    {
      target->unnamed = TRUE;
    }
  else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT)
    {
      /* The folder cannot be written to, or is gone: the named way
       * would fail the same, and say so. */
      return -1;
    }
#endif

  if (target->fd < 0)
    {
      target->tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", target->dir, target->base);
      target->fd = g_mkstemp_full (target->tmp_path, O_RDWR | O_CLOEXEC, mode);
      if (target->fd < 0)
        {
          int saved = errno;

          g_clear_pointer (&target->tmp_path, g_free);
          errno = saved;
          return -1;
        }
      target->unnamed = FALSE;
    }

  /* Held until the file is in place, see remove_stale(). A file system
   * without locks still saves. */
  (void) flock (target->fd, LOCK_EX | LOCK_NB);

  return target->fd;
}

/**
 * trellis_save_target_close_temp:
 * @target: a target with a complete, flushed temporary file
 *
 * Closes the descriptor the temporary file was written through, which
 * reports a write that failed late, keeping the file open (and locked,
 * and unnamed where it is) for trellis_save_target_commit(). On failure
 * errno says why and nothing is left on disk.
 *
 * Returns: %TRUE when the temporary file is ready to be committed
 */
gboolean
trellis_save_target_close_temp (TrellisSaveTarget *target)
{
  int saved;

  g_return_val_if_fail (target->fd >= 0, FALSE);

  /* The lock belongs to the open file, which the duplicate keeps. */
  target->lock_fd = dup (target->fd);
  if (close (target->fd) != 0 || target->lock_fd < 0)
    {
      saved = errno;
      target->fd = -1;
      trellis_save_target_discard (target);
      errno = saved;
      return FALSE;
    }
  target->fd = -1;

  return TRUE;
}

/**
 * trellis_save_target_discard:
 * @target: a target
 *
 * Closes the temporary file and removes it if it still has a name; after
 * the rename (when its name is the target's), only releases the lock.
 */
void
trellis_save_target_discard (TrellisSaveTarget *target)
{
  if (target->fd >= 0)
    {
      close (target->fd);
      target->fd = -1;
    }
  if (target->tmp_path != NULL)
    {
      g_unlink (target->tmp_path);
      g_clear_pointer (&target->tmp_path, g_free);
    }
  if (target->lock_fd >= 0)
    {
      close (target->lock_fd);
      target->lock_fd = -1;
    }
}

static gboolean
link_unnamed (TrellisSaveTarget *target)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", target->lock_fd);

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s/.%s.XXXXXX", target->dir, target->base);
      char *x = name + strlen (name) - 6;
      static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

      for (guint i = 0; i < 6; i++)
        x[i] = letters[g_random_int_range (0, sizeof letters - 1)];

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 ||
          linkat (target->lock_fd, "", AT_FDCWD, name, AT_EMPTY_PATH) == 0)
        {
          target->tmp_path = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        return FALSE;
    }

  errno = EEXIST;
  return FALSE;
}

/**
 * trellis_save_target_commit:
 * @target: a target whose temporary file is closed
 *
 * Names an unnamed temporary file and renames it over the target. On
 * failure errno says why and the temporary file is removed.
 *
 * Returns: %TRUE when the target holds the new contents
 */
gboolean
trellis_save_target_commit (TrellisSaveTarget *target)
{
  int saved;

  g_return_val_if_fail (target->lock_fd >= 0, FALSE);

  /* From here to the rename the file has a name: two system calls. */
  if ((target->unnamed && !link_unnamed (target)) ||
      rename (target->tmp_path, target->path) != 0)
    {
      saved = errno;
      trellis_save_target_discard (target);
      errno = saved;
      return FALSE;
    }

  g_clear_pointer (&target->tmp_path, g_free);
  trellis_save_target_discard (target);

  return TRUE;
}

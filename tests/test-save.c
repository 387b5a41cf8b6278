/* test-save.c: saving — atomic, durable, with a backup, refusing to
 * overwrite changes made by others, private where it must be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* unshare (), CLONE_NEWNS */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <string.h>
#include <gio/gunixsocketaddress.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/sysmacros.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "trellis-document-private.h"
#include "test-util.h"

#define LEFT_UNCHANGED "The previous version of the file was left unchanged."
#define NOT_CREATED "The file was not created."

/* Documents */

static void
add_assessment (TrellisDocument *doc,
                TrellisEntity   *person,
                TrellisEntity   *competency,
                gint             level,
                const char      *date,
                const char      *note)
{
  TrellisAssessment a = {
    .competency = trellis_entity_get_id (competency),
    .level = level,
    .source = TRELLIS_SOURCE_SELF,
    .date = test_date (date),
    .note = note,
  };

  trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
}

/* A team matrix: two people. */
static TrellisDocument *
team_document (const char *name)
{
  TrellisDocument *doc = trellis_document_new ();
  TrellisEntity *c = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Listening", -1);
  TrellisEntity *anna = trellis_document_create (doc, TRELLIS_KIND_PERSON, "Anna", -1);

  trellis_document_create (doc, TRELLIS_KIND_PERSON, "Ben", -1);
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, name);
  add_assessment (doc, anna, c, 2, "2026-11-20", NULL);

  return doc;
}

/* A self-assessment: one person with assessments. */
static TrellisDocument *
self_assessment_document (void)
{
  TrellisDocument *doc = trellis_document_new ();
  TrellisEntity *c = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Listening", -1);
  TrellisEntity *anna = trellis_document_create (doc, TRELLIS_KIND_PERSON, "Anna", -1);

  add_assessment (doc, anna, c, 3, "2026-11-20", "I ask before I answer.");
  g_assert_true (trellis_document_is_self_assessment (doc));

  return doc;
}

/* A team matrix of about 300 KB: several writes of the 64 KiB buffer. */
static TrellisDocument *
big_document (void)
{
  TrellisDocument *doc = team_document ("Big");
  GString *vision = g_string_new (NULL);

  while (vision->len < 300 * 1024)
    g_string_append (vision, "A vision that goes on and on. ");
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_VISION, vision->str);
  g_string_free (vision, TRUE);

  return doc;
}

/* Files and folders */

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Place;

static void
place_init (Place      *place,
            const char *name)
{
  g_autoptr(GError) error = NULL;

  place->dir = g_dir_make_tmp ("trellis-save-XXXXXX", &error);
  g_assert_no_error (error);
  place->path = g_build_filename (place->dir, name, NULL);
  place->file = g_file_new_for_path (place->path);
}

static void
place_clear (Place *place)
{
  test_remove_tree (place->dir);
  g_clear_pointer (&place->dir, g_free);
  g_clear_pointer (&place->path, g_free);
  g_clear_object (&place->file);
}

static GBytes *
read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;

  return g_bytes_new_take (contents, len);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_bytes (path);

  g_assert_nonnull (actual);
  g_assert_cmpmem (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* The folder holds exactly @expected (a NULL-terminated list of names):
 * in particular no temporary file ".NAME.XXXXXX" is left behind. */
static void
assert_folder_holds (const char         *dir_path,
                     const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint n_expected = expected != NULL ? g_strv_length ((char **) expected) : 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  for (guint i = 0; i < names->len; i++)
    {
      if (expected == NULL || !g_strv_contains (expected, g_ptr_array_index (names, i)))
        g_error ("unexpected file in the folder: %s", (char *) g_ptr_array_index (names, i));
    }
  g_assert_cmpuint (names->len, ==, n_expected);
}

static guint
count_open_fds (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/fd", 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_no_errno (g_stat (path, &st));
  return st.st_mode & 07777;
}

static void
save_ok (TrellisDocument  *doc,
         GFile            *file,
         TrellisSaveFlags  flags)
{
  g_autoptr(GError) error = NULL;

  gboolean saved = trellis_document_save (doc, file, flags, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
}

static void
write_behind_back (const char *path,
                   const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The hash that notices changes */

/* The same bytes give the same hash however they are split: the writer
 * feeds it 64 KiB at a time, the reader and the check 256 KiB. */
static void
test_hash_chunking (void)
{
  g_autofree guint8 *data = g_malloc (100 * 1000);
  GRand *rand = g_rand_new_with_seed (20261120);
  static const gsize lengths[] = { 0, 1, 7, 8, 9, 31, 32, 33, 64, 1000, 65536, 100000 };

  for (gsize i = 0; i < 100 * 1000; i++)
    data[i] = (guint8) g_rand_int (rand);

  for (guint l = 0; l < G_N_ELEMENTS (lengths); l++)
    {
      gsize len = lengths[l];
      TrellisHasher whole;
      guint64 expected;

      trellis_hasher_init (&whole);
      trellis_hasher_update (&whole, data, len);
      expected = trellis_hasher_finish (&whole);
      g_assert_cmpuint (whole.len, ==, len);

      for (guint round = 0; round < 50; round++)
        {
          TrellisHasher split;
          gsize done = 0;

          trellis_hasher_init (&split);
          while (done < len)
            {
              gsize r = (gsize) g_rand_int_range (rand, 0, round < 25 ? 40 : 70000);
              gsize n = MIN (len - done, r);

              trellis_hasher_update (&split, data + done, n);
              done += n;
            }
          g_assert_cmpuint (trellis_hasher_finish (&split), ==, expected);
        }

      /* One byte changed: another hash. */
      if (len > 0)
        {
          TrellisHasher changed;

          data[len / 2] ^= 1;
          trellis_hasher_init (&changed);
          trellis_hasher_update (&changed, data, len);
          g_assert_cmpuint (trellis_hasher_finish (&changed), !=, expected);
          data[len / 2] ^= 1;
        }
    }

  g_rand_free (rand);
}

/* A document larger than the writer's buffer can be saved again, and
 * so can one read from a file larger than the reader's chunks. */
static void
test_large_saved_twice (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = big_document ();
  g_autoptr(TrellisDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;

  place_init (&place, "big.trellis");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  g_assert_cmpuint (trellis_document_get_file_state (doc)->size, >, 256 * 1024);
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Again");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);

  loaded = trellis_document_new_from_file (place.file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_document_check_file (loaded, &changed, NULL, &error));
  g_assert_false (changed);
  trellis_document_set_string (loaded, TRELLIS_ENTITY (trellis_document_get_organisation (loaded)),
                               TRELLIS_FIELD_NAME, "Loaded and saved");
  save_ok (loaded, place.file, TRELLIS_SAVE_FLAGS_NONE);

  place_clear (&place);
}

/* Saving, backups */

static void
test_save_and_backup (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("First");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char *only_file[] = { "team.trellis", NULL };
  const char *with_backup[] = { "team.trellis", "team.trellis~", NULL };
  struct stat before, after, backup_st;
  gboolean changed = TRUE;

  place_init (&place, "team.trellis");
  backup = g_strconcat (place.path, "~", NULL);

  /* A new file: no backup, the document is unmodified and knows its file. */
  g_assert_true (trellis_document_get_modified (doc));
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  g_assert_false (trellis_document_get_modified (doc));
  g_assert_true (g_file_equal (trellis_document_get_file (doc), place.file));
  assert_folder_holds (place.dir, only_file);
  first = test_serialize (doc);
  assert_file_bytes (place.path, first);
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (changed);

  /* Replacing it: the previous version becomes the backup, by rename of
   * a new file over the old name (the old inode lives on as FILE~). */
  g_assert_no_errno (g_stat (place.path, &before));
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Second");
  g_assert_true (trellis_document_get_modified (doc));
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  g_assert_false (trellis_document_get_modified (doc));
  second = test_serialize (doc);
  assert_file_bytes (place.path, second);
  assert_file_bytes (backup, first);
  assert_folder_holds (place.dir, with_backup);
  g_assert_no_errno (g_stat (place.path, &after));
  g_assert_no_errno (g_stat (backup, &backup_st));
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpuint (before.st_ino, ==, backup_st.st_ino);

  /* The next save moves the backup on. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Third");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  assert_file_bytes (backup, second);
  assert_folder_holds (place.dir, with_backup);

  /* What was saved reads back. */
  again = trellis_document_new_from_file (place.file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (again))), ==, "Third");

  place_clear (&place);
}

static void
test_no_backup (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("First");
  const char *only_file[] = { "team.trellis", NULL };

  place_init (&place, "team.trellis");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Second");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NO_BACKUP);
  assert_folder_holds (place.dir, only_file);

  place_clear (&place);
}

/* Saving in a worker thread */

static void
save_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_async_wait (TrellisDocument  *doc,
                 GFile            *file,
                 TrellisSaveFlags  flags,
                 void            (*while_saving) (TrellisDocument *doc),
                 GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trellis_document_save_async (doc, file, flags, NULL, save_cb, &result);
  if (while_saving != NULL)
    while_saving (doc);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return trellis_document_save_finish (doc, result, error);
}

/* Failures, injected */

typedef struct
{
  const char   *path;
  TrellisFault  fault;
  guint         nth;
  int           errno_value;
  gboolean      existing;   /* replace a file, or create one */
  const char   *reason;     /* part of the message */
  gboolean      rotated;    /* the backup was made before the step failed */
} FaultCase;

static const FaultCase fault_cases[] = {
  { "write-first", TRELLIS_FAULT_WRITE, 1, EIO, TRUE, "the disk reported an error" },
  { "write-later", TRELLIS_FAULT_WRITE, 3, ENOSPC, TRUE, "the disk is full" },
  { "write-new-file", TRELLIS_FAULT_WRITE, 2, ENOSPC, FALSE, "the disk is full" },
  { "fsync", TRELLIS_FAULT_FSYNC, 1, EIO, TRUE, "the disk reported an error" },
  { "fsync-new-file", TRELLIS_FAULT_FSYNC, 1, EDQUOT, FALSE, "the disk is full" },
  { "close", TRELLIS_FAULT_CLOSE, 1, EIO, TRUE, "the disk reported an error" },
  { "backup", TRELLIS_FAULT_BACKUP, 1, EACCES, TRUE, "cannot be written to" },
  { "rename", TRELLIS_FAULT_RENAME, 1, EROFS, TRUE, "cannot be written to", TRUE },
  { "rename-new-file", TRELLIS_FAULT_RENAME, 1, EPERM, FALSE, "cannot be written to" },
};

static void
test_fault (gconstpointer data)
{
  const FaultCase *fc = data;
  Place place;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GBytes) previous_backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char *only_file[] = { "team.trellis", NULL };
  const char *with_backup[] = { "team.trellis", "team.trellis~", NULL };
  guint fds;

  place_init (&place, "team.trellis");
  backup = g_strconcat (place.path, "~", NULL);

  doc = big_document ();
  if (fc->existing)
    {
      /* Two saves: a file and a backup, both to be left alone. */
      save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
      trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                                   TRELLIS_FIELD_NAME, "Saved");
      save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
      previous = read_bytes (place.path);
      previous_backup = read_bytes (backup);
    }
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Not saved");

  fds = count_open_fds ();
  trellis_save_inject_fault (fc->fault, fc->nth, fc->errno_value);
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  trellis_save_inject_fault (TRELLIS_FAULT_NONE, 0, 0);

  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  /* A previous version is left unchanged only where there was one; a new
   * file says that it was not created. */
  if (strstr (error->message, fc->reason) == NULL ||
      strstr (error->message, fc->existing ? LEFT_UNCHANGED : NOT_CREATED) == NULL)
    g_error ("the message does not say ‘%s’ and ‘%s’: %s", fc->reason,
             fc->existing ? LEFT_UNCHANGED : NOT_CREATED, error->message);
  if (!fc->existing)
    g_assert_null (strstr (error->message, "previous version"));
  g_assert_nonnull (strstr (error->message, "team.trellis"));

  /* Nothing changed on disk, nothing was left behind, nothing leaked. */
  if (fc->existing)
    {
      assert_file_bytes (place.path, previous);
      /* The backup is the one before, or, when the failing step came
       * after it was made, the previous version too. */
      assert_file_bytes (backup, fc->rotated ? previous : previous_backup);
      assert_folder_holds (place.dir, with_backup);
    }
  else
    assert_folder_holds (place.dir, NULL);
  g_assert_cmpuint (count_open_fds (), ==, fds);
  g_assert_true (trellis_document_get_modified (doc));

  /* The next save works, and the backup is the version that was there. */
  g_clear_error (&error);
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  g_assert_false (trellis_document_get_modified (doc));
  if (fc->existing)
    {
      assert_file_bytes (backup, previous);
      assert_folder_holds (place.dir, with_backup);
    }
  else
    assert_folder_holds (place.dir, only_file);

  place_clear (&place);
}

/* A write interrupted by a signal is retried, not a failure. */
static void
test_write_interrupted (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = big_document ();
  g_autoptr(GBytes) expected = test_serialize (doc);

  place_init (&place, "team.trellis");
  trellis_save_inject_fault (TRELLIS_FAULT_WRITE, 2, EINTR);
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  trellis_save_inject_fault (TRELLIS_FAULT_NONE, 0, 0);
  assert_file_bytes (place.path, expected);

  place_clear (&place);
}

/* When the folder cannot be flushed after the rename, the new version is
 * in place, but the message says it may not be safely stored yet. */
static void
test_dir_fsync_fault (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("First");
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  const char *with_backup[] = { "team.trellis", "team.trellis~", NULL };

  place_init (&place, "team.trellis");
  backup = g_strconcat (place.path, "~", NULL);
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  first = test_serialize (doc);
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Second");
  second = test_serialize (doc);

  trellis_save_inject_fault (TRELLIS_FAULT_DIR_FSYNC, 1, EIO);
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  trellis_save_inject_fault (TRELLIS_FAULT_NONE, 0, 0);

  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "Save again"));
  assert_file_bytes (place.path, second);
  assert_file_bytes (backup, first);
  assert_folder_holds (place.dir, with_backup);

  /* Saving again, as the message asks, is not refused as a change by
   * somebody else; the document stays modified until then. */
  g_assert_true (trellis_document_get_modified (doc));
  g_clear_error (&error);
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  g_assert_false (trellis_document_get_modified (doc));

  /* The same in a worker thread. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Third");
  trellis_save_inject_fault (TRELLIS_FAULT_DIR_FSYNC, 1, EIO);
  g_assert_false (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  trellis_save_inject_fault (TRELLIS_FAULT_NONE, 0, 0);
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_true (trellis_document_get_modified (doc));
  g_clear_error (&error);
  g_assert_true (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_document_get_modified (doc));

  place_clear (&place);
}

/* Failures of the real file system */

/* Runs @func in a child process of its own mount namespace, where it
 * may mount a tmpfs. The child exits 0 when it passed, 77 with a reason
 * on @pipe when the test cannot run here (not root, no mount). */
typedef void (*ChildFunc) (const char *dir,
                           int         reason_fd);

#define CHILD_SKIP 77

static void G_GNUC_NORETURN
child_skip (int         reason_fd,
            const char *reason)
{
  if (write (reason_fd, reason, strlen (reason)) < 0)
    {
      /* The parent skips without the reason then. */
    }
  _exit (CHILD_SKIP);
}

/* In the child: a private mount namespace and a tmpfs of @size on @dir. */
static void
child_mount_tmpfs (const char *dir,
                   const char *options,
                   int         reason_fd)
{
  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("unshare (CLONE_NEWNS) failed: %s", g_strerror (errno));
      child_skip (reason_fd, reason);
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("making mounts private failed: %s", g_strerror (errno));
      child_skip (reason_fd, reason);
    }
  if (mount ("trellis-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("mounting a tmpfs failed: %s", g_strerror (errno));
      child_skip (reason_fd, reason);
    }
}

static void
run_in_child (ChildFunc func)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  char reason[512] = { 0 };
  int fds[2];
  pid_t pid;
  int status;
  gssize n;

  if (geteuid () != 0)
    {
      g_test_skip ("mounting a small tmpfs needs root (CI runs as root)");
      return;
    }

  dir = g_dir_make_tmp ("trellis-mount-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_no_errno (pipe (fds));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      func (dir, fds[1]);
      _exit (0);
    }

  close (fds[1]);
  n = read (fds[0], reason, sizeof reason - 1);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_rmdir (dir);

  if (WIFEXITED (status) && WEXITSTATUS (status) == CHILD_SKIP)
    {
      g_test_skip (n > 0 ? reason : "the child could not mount a tmpfs");
      return;
    }

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("the child failed (status %d); its messages are above", status);
}

static void
child_disk_full (const char *dir,
                 int         reason_fd)
{
  g_autofree char *path = g_build_filename (dir, "team.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisDocument) small = team_document ("Small");
  g_autoptr(TrellisDocument) big = big_document ();
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) error = NULL;
  const char *only_file[] = { "team.trellis", NULL };

  child_mount_tmpfs (dir, "size=64k,mode=0755", reason_fd);

  save_ok (small, file, TRELLIS_SAVE_FLAGS_NONE);
  previous = read_bytes (path);

  /* 300 KB do not fit in 64 KiB. */
  g_assert_false (trellis_document_save (big, file, TRELLIS_SAVE_FLAGS_FORCE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "the disk is full"));
  g_assert_nonnull (strstr (error->message, LEFT_UNCHANGED));
  assert_file_bytes (path, previous);
  assert_folder_holds (dir, only_file);

  umount (dir);
}

static void
test_disk_full (void)
{
  run_in_child (child_disk_full);
}

static void
child_read_only (const char *dir,
                 int         reason_fd)
{
  g_autofree char *path = g_build_filename (dir, "team.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TrellisDocument) doc = team_document ("Team");
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) error = NULL;
  const char *only_file[] = { "team.trellis", NULL };

  child_mount_tmpfs (dir, "size=1m,mode=0755", reason_fd);
  save_ok (doc, file, TRELLIS_SAVE_FLAGS_NONE);
  previous = read_bytes (path);

  /* Root ignores permissions; a read-only mount it cannot ignore. */
  if (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("remounting read-only failed: %s", g_strerror (errno));
      child_skip (reason_fd, reason);
    }

  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Changed");
  g_assert_false (trellis_document_save (doc, file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_assert_nonnull (strstr (error->message, LEFT_UNCHANGED));
  assert_file_bytes (path, previous);
  assert_folder_holds (dir, only_file);
  g_assert_true (trellis_document_get_modified (doc));

  umount (dir);
}

static void
test_read_only_folder (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) error = NULL;
  const char *only_file[] = { "team.trellis", NULL };

  if (geteuid () == 0)
    {
      run_in_child (child_read_only);
      return;
    }

  /* Without root, the permissions of the folder are enough. */
  place_init (&place, "team.trellis");
  doc = team_document ("Team");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  previous = read_bytes (place.path);
  g_assert_no_errno (g_chmod (place.dir, 0555));

  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Changed");
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_assert_nonnull (strstr (error->message, LEFT_UNCHANGED));
  assert_file_bytes (place.path, previous);
  assert_folder_holds (place.dir, only_file);

  place_clear (&place);
}

static void
test_vanished_folder (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Team");
  g_autoptr(TrellisDocument) other = team_document ("Other");
  g_autoptr(GError) error = NULL;
  g_autofree char *elsewhere = NULL;
  g_autoptr(GFile) elsewhere_file = NULL;

  place_init (&place, "team.trellis");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  elsewhere = g_build_filename (place.dir, "sub", "new.trellis", NULL);
  elsewhere_file = g_file_new_for_path (elsewhere);
  test_remove_tree (place.dir);

  /* The document's own file went with its folder: that is a change by
   * somebody else first. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Changed");
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "moved or deleted"));
  g_clear_error (&error);

  /* Forced, or a new file there: the folder is gone. */
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_FORCE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "the folder no longer exists"));
  /* There is no previous version left to speak of. */
  g_assert_nonnull (strstr (error->message, NOT_CREATED));
  g_assert_null (strstr (error->message, "previous version"));
  g_clear_error (&error);

  g_assert_false (trellis_document_save (other, elsewhere_file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "the folder no longer exists"));
  g_assert_false (g_file_test (place.dir, G_FILE_TEST_EXISTS));
  g_assert_true (trellis_document_get_modified (doc));

  place_clear (&place);
}

/* Changes by others */

typedef enum
{
  CHANGE_CONTENT,         /* other bytes, other size */
  CHANGE_SAME_SIZE,       /* other bytes, same size, same time */
  CHANGE_DELETED,
  CHANGE_AFTER_SAVE,      /* the document saved first, then the change */
} ChangeKind;

typedef struct
{
  const char *path;
  ChangeKind  kind;
} ChangeCase;

static const ChangeCase change_cases[] = {
  { "content", CHANGE_CONTENT },
  { "same-size-and-time", CHANGE_SAME_SIZE },
  { "deleted", CHANGE_DELETED },
  { "after-own-save", CHANGE_AFTER_SAVE },
};

static void
test_changed_on_disk (gconstpointer data)
{
  const ChangeCase *cc = data;
  Place place;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *backup = NULL;
  gboolean changed = FALSE;

  place_init (&place, "small.trellis");
  backup = g_strconcat (place.path, "~", NULL);
  write_behind_back (place.path, original);
  doc = trellis_document_new_from_file (place.file, NULL, NULL, &error);
  g_assert_no_error (error);

  if (cc->kind == CHANGE_AFTER_SAVE)
    {
      trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                                   TRELLIS_FIELD_NAME, "Ours, saved");
      save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
    }

  /* Somebody else changes the file. */
  switch (cc->kind)
    {
    case CHANGE_CONTENT:
    case CHANGE_AFTER_SAVE:
      {
        g_autofree char *other = test_replace (original, "Small &amp; Co", "Someone else");
        write_behind_back (place.path, other);
      }
      break;

    case CHANGE_SAME_SIZE:
      {
        /* Same length, same modification time: only the bytes tell. */
        g_autofree char *other = test_replace (original, "Small &amp; Co", "Small &amp; Cx");
        struct stat st;
        struct timespec times[2];

        g_assert_no_errno (g_stat (place.path, &st));
        write_behind_back (place.path, other);
        times[0] = st.st_atim;
        times[1] = st.st_mtim;
        g_assert_no_errno (utimensat (AT_FDCWD, place.path, times, 0));
      }
      break;

    case CHANGE_DELETED:
      g_assert_no_errno (g_unlink (place.path));
      break;

    default:
      g_assert_not_reached ();
    }
  theirs = read_bytes (place.path);

  /* Checking compares size and time, and the bytes only when the time
   * differs; saving always compares the bytes. */
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (changed == (cc->kind != CHANGE_SAME_SIZE));

  /* Our edit is not saved over theirs. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Ours");
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "small.trellis"));
  g_clear_error (&error);
  if (theirs != NULL)
    assert_file_bytes (place.path, theirs);
  else
    g_assert_false (g_file_test (place.path, G_FILE_TEST_EXISTS));
  g_assert_true (trellis_document_get_modified (doc));

  /* Asked to, it overwrites; their version is the backup. */
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_FORCE);
  ours = test_serialize (doc);
  assert_file_bytes (place.path, ours);
  if (theirs != NULL)
    assert_file_bytes (backup, theirs);
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_false (changed);

  place_clear (&place);
}

/* The same-size change with the same time is noticed by the hash when
 * checking, as soon as the time differs; a touch alone is no change. */
static void
test_check_file (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Team");
  g_autoptr(TrellisDocument) unsaved = team_document ("Unsaved");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  struct stat st;
  struct utimbuf times;
  gboolean changed = TRUE;

  place_init (&place, "team.trellis");

  /* A document without a file has nothing to compare. */
  g_assert_true (trellis_document_check_file (unsaved, &changed, NULL, &error));
  g_assert_false (changed);

  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (changed);

  /* touch: a new time, the same bytes. */
  g_assert_no_errno (g_stat (place.path, &st));
  times.actime = st.st_atime + 100;
  times.modtime = st.st_mtime + 100;
  g_assert_no_errno (utime (place.path, &times));
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_false (changed);
  g_assert_cmpint (trellis_document_get_file_state (doc)->mtime_usec / G_USEC_PER_SEC, ==, st.st_mtime + 100);

  /* Saving after a touch is no conflict. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "After touch");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);

  /* Same size, other bytes, other time: a change. */
  contents = test_read_file (place.path, NULL);
  g_strdelimit (contents, "T", 'X');
  write_behind_back (place.path, contents);
  g_assert_no_errno (g_stat (place.path, &st));
  times.actime = st.st_atime + 200;
  times.modtime = st.st_mtime + 200;
  g_assert_no_errno (utime (place.path, &times));
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_true (changed);

  /* Gone: a change. */
  g_assert_no_errno (g_unlink (place.path));
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_true (changed);

  place_clear (&place);
}

/* Permissions */

typedef struct
{
  const char *path;
  gboolean    self_assessment;
  guint       umask_value;
  gint        existing_mode;   /* of the file replaced, or -1 for a new file */
  gboolean    private_flag;
  guint       expected;
} ModeCase;

static const ModeCase mode_cases[] = {
  { "self-assessment-new", TRUE, 022, -1, FALSE, 0600 },
  { "self-assessment-new-open-umask", TRUE, 0, -1, FALSE, 0600 },
  { "self-assessment-replacing-0644", TRUE, 022, 0644, FALSE, 0600 },
  { "team-new-umask-022", FALSE, 022, -1, FALSE, 0644 },
  { "team-new-umask-002", FALSE, 002, -1, FALSE, 0664 },
  { "team-new-umask-077", FALSE, 077, -1, FALSE, 0600 },
  { "team-replacing-0640", FALSE, 022, 0640, FALSE, 0640 },
  { "team-replacing-0666", FALSE, 077, 0666, FALSE, 0666 },
  { "team-private-flag", FALSE, 022, -1, TRUE, 0600 },
};

static void
test_mode (gconstpointer data)
{
  const ModeCase *mc = data;
  Place place;
  g_autoptr(TrellisDocument) doc = mc->self_assessment ? self_assessment_document () : team_document ("Team");
  g_autofree char *backup = NULL;
  mode_t old_umask;

  place_init (&place, "matrix.trellis");
  backup = g_strconcat (place.path, "~", NULL);

  if (mc->existing_mode >= 0)
    {
      write_behind_back (place.path, "<trellis/>\n");
      g_assert_no_errno (g_chmod (place.path, mc->existing_mode));
    }

  old_umask = umask (mc->umask_value);
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_FORCE | (mc->private_flag ? TRELLIS_SAVE_FLAGS_PRIVATE : 0));
  umask (old_umask);

  g_assert_cmpuint (file_mode (place.path), ==, mc->expected);

  /* Saving again keeps it. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Again");
  old_umask = umask (mc->umask_value);
  save_ok (doc, place.file, mc->private_flag ? TRELLIS_SAVE_FLAGS_PRIVATE : 0);
  umask (old_umask);
  g_assert_cmpuint (file_mode (place.path), ==, mc->expected);
  if (mc->self_assessment || mc->private_flag)
    g_assert_cmpuint (file_mode (backup), ==, 0600);

  place_clear (&place);
}

static void
edit_name (TrellisDocument *doc)
{
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Edited while saving");
}

static void
test_save_async (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Before");
  g_autoptr(TrellisDocument) read = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;

  place_init (&place, "team.trellis");

  /* A plain save: unmodified afterwards, and the file is known. */
  serialized = test_serialize (doc);
  g_assert_true (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_document_get_modified (doc));
  assert_file_bytes (place.path, serialized);
  g_assert_true (g_file_equal (trellis_document_get_file (doc), place.file));
  g_assert_true (trellis_document_check_file (doc, &changed, NULL, &error));
  g_assert_false (changed);

  /* An edit made while saving: the file holds the state before it, and
   * the document stays modified. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Saved");
  g_clear_pointer (&serialized, g_bytes_unref);
  serialized = test_serialize (doc);
  g_assert_true (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, edit_name, &error));
  g_assert_no_error (error);
  assert_file_bytes (place.path, serialized);
  g_assert_true (trellis_document_get_modified (doc));
  read = trellis_document_new_from_file (place.file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (read))), ==, "Saved");

  /* Undoing that edit returns to the saved state. */
  g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_get_modified (doc));
  g_assert_true (trellis_document_redo (doc));
  g_assert_true (trellis_document_get_modified (doc));

  /* The file state follows the save: saving again is no conflict. */
  g_assert_true (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (trellis_document_get_modified (doc));

  place_clear (&place);
}

static void
test_save_async_fails (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Team");
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GError) error = NULL;
  const char *with_backup[] = { "team.trellis", "team.trellis~", NULL };

  place_init (&place, "team.trellis");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  previous = read_bytes (place.path);

  /* A failure in the worker thread. */
  edit_name (doc);
  trellis_save_inject_fault (TRELLIS_FAULT_FSYNC, 1, EIO);
  g_assert_false (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  trellis_save_inject_fault (TRELLIS_FAULT_NONE, 0, 0);
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, LEFT_UNCHANGED));
  g_assert_true (trellis_document_get_modified (doc));
  assert_file_bytes (place.path, previous);
  assert_folder_holds (place.dir, with_backup);
  g_clear_error (&error);

  /* A change by somebody else is refused there too. */
  write_behind_back (place.path, "changed by someone else\n");
  g_assert_false (save_async_wait (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_true (trellis_document_get_modified (doc));

  place_clear (&place);
}

/* Where a save lands */

/* Saving through a symbolic link writes the file it points to, with its
 * backup beside that file, and keeps the link. */
static void
test_symlink_target (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("First");
  g_autofree char *real_dir = NULL;
  g_autofree char *real = NULL;
  g_autofree char *real_backup = NULL;
  g_autofree char *link_target = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  const char *only_link[] = { "team.trellis", "real", NULL };
  const char *real_files[] = { "team.trellis", "team.trellis~", NULL };
  struct stat st;

  place_init (&place, "team.trellis");
  real_dir = g_build_filename (place.dir, "real", NULL);
  g_assert_no_errno (g_mkdir (real_dir, 0700));
  real = g_build_filename (real_dir, "team.trellis", NULL);
  real_backup = g_strconcat (real, "~", NULL);
  /* A relative link, as "ln -s real/team.trellis team.trellis" makes. */
  g_assert_no_errno (symlink ("real/team.trellis", place.path));

  /* A dangling link: the file is created where it points. */
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  first = test_serialize (doc);
  assert_file_bytes (real, first);
  g_assert_no_errno (lstat (place.path, &st));
  g_assert_true (S_ISLNK (st.st_mode));

  /* Replacing it keeps the link; the backup is the pointed-to file's. */
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Second");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  second = test_serialize (doc);
  g_assert_no_errno (lstat (place.path, &st));
  g_assert_true (S_ISLNK (st.st_mode));
  link_target = g_file_read_link (place.path, NULL);
  g_assert_cmpstr (link_target, ==, "real/team.trellis");
  assert_file_bytes (real, second);
  assert_file_bytes (real_backup, first);
  assert_folder_holds (place.dir, only_link);
  assert_folder_holds (real_dir, real_files);

  place_clear (&place);
}

/* A link that leads round in a circle is refused with a sentence. */
static void
test_symlink_loop (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Loop");
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;

  place_init (&place, "team.trellis");
  other = g_build_filename (place.dir, "other.trellis", NULL);
  g_assert_no_errno (symlink ("other.trellis", place.path));
  g_assert_no_errno (symlink ("team.trellis", other));

  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "circle"));

  place_clear (&place);
}

typedef enum
{
  SPECIAL_FIFO,
  SPECIAL_SOCKET,
  SPECIAL_DEVICE,
  SPECIAL_FOLDER,
  SPECIAL_LINK_TO_FIFO,
} SpecialKind;

typedef struct
{
  const char  *path;
  SpecialKind  kind;
  const char  *reason;
} SpecialCase;

static const SpecialCase special_cases[] = {
  { "fifo", SPECIAL_FIFO, "a device, a pipe or a socket" },
  { "socket", SPECIAL_SOCKET, "a device, a pipe or a socket" },
  { "device", SPECIAL_DEVICE, "a device, a pipe or a socket" },
  { "folder", SPECIAL_FOLDER, "it is a folder" },
  { "link-to-fifo", SPECIAL_LINK_TO_FIFO, "a device, a pipe or a socket" },
};

/* Saving onto a device, a pipe, a socket or a folder is refused, and
 * leaves it what it was: once, as root, /dev/full became a regular file. */
static void
test_special_target (gconstpointer data)
{
  const SpecialCase *sc = data;
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Special");
  g_autoptr(GError) error = NULL;
  g_autofree char *special = NULL;
  struct stat before, after;
  int sock = -1;

  place_init (&place, "team.trellis");
  special = sc->kind == SPECIAL_LINK_TO_FIFO ? g_build_filename (place.dir, "pipe", NULL) : g_strdup (place.path);

  switch (sc->kind)
    {
    case SPECIAL_FIFO:
    case SPECIAL_LINK_TO_FIFO:
      g_assert_no_errno (mkfifo (special, 0600));
      if (sc->kind == SPECIAL_LINK_TO_FIFO)
        g_assert_no_errno (symlink ("pipe", place.path));
      break;

    case SPECIAL_SOCKET:
      {
        g_autoptr(GSocketAddress) address = g_unix_socket_address_new (special);
        g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                                  G_SOCKET_PROTOCOL_DEFAULT, &error);

        g_assert_no_error (error);
        g_assert_true (g_socket_bind (socket, address, FALSE, &error));
        g_assert_no_error (error);
        sock = dup (g_socket_get_fd (socket));
      }
      break;

    case SPECIAL_DEVICE:
      /* The same device as /dev/null, made here so that nothing of the
       * system's is at stake. */
      if (mknod (special, S_IFCHR | 0600, makedev (1, 3)) != 0)
        {
          g_test_skip ("making a device node needs root (CI runs as root)");
          place_clear (&place);
          return;
        }
      break;

    case SPECIAL_FOLDER:
      g_assert_no_errno (g_mkdir (special, 0700));
      break;

    default:
      g_assert_not_reached ();
    }

  g_assert_no_errno (lstat (special, &before));
  g_assert_false (trellis_document_save (doc, place.file, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_WRITE_FAILED);
  if (strstr (error->message, sc->reason) == NULL)
    g_error ("the message does not say ‘%s’: %s", sc->reason, error->message);
  g_assert_nonnull (strstr (error->message, "Save As"));

  g_assert_no_errno (lstat (special, &after));
  g_assert_cmpuint (before.st_mode, ==, after.st_mode);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  g_assert_cmpuint (before.st_rdev, ==, after.st_rdev);

  if (sock >= 0)
    close (sock);
  place_clear (&place);
}

/* Temporary files that a killed save of an older version left behind
 * are removed by the next save of the same file; one that a save in
 * progress holds, and those of other files, are not. */
static void
test_stale_temporary_files (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = team_document ("Team");
  g_autofree char *stale = NULL;
  g_autofree char *busy = NULL;
  g_autofree char *other = NULL;
  const char *after[] = { "team.trellis", "team.trellis~", ".team.trellis.bUsY42", ".other.trellis.Ab12Cd", NULL };
  int busy_fd;

  place_init (&place, "team.trellis");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);

  stale = g_build_filename (place.dir, ".team.trellis.x7Qz09", NULL);
  busy = g_build_filename (place.dir, ".team.trellis.bUsY42", NULL);
  other = g_build_filename (place.dir, ".other.trellis.Ab12Cd", NULL);
  write_behind_back (stale, "<trellis> half a copy of people's assessments");
  write_behind_back (busy, "<trellis> being written");
  write_behind_back (other, "<trellis> another file's");
  busy_fd = open (busy, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (busy_fd, >=, 0);
  g_assert_no_errno (flock (busy_fd, LOCK_EX));

  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Again");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  assert_folder_holds (place.dir, after);

  close (busy_fd);
  place_clear (&place);
}

/* At each step of a save, @user_data's folder holds no temporary file
 * until the step that renames it into place. */
static void
observe_folder_cb (TrellisFault  step,
                   gpointer      user_data)
{
  const char *dir_path = user_data;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (step == TRELLIS_FAULT_RENAME || step == TRELLIS_FAULT_DIR_FSYNC)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, ".team.trellis."))
        g_error ("a temporary file has a name while it is written (step %d): %s", step, name);
    }
}

/* The file being written has no name, so that a save that is killed
 * leaves nothing behind: it is named only to be renamed into place. */
static void
test_unnamed_while_written (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc = big_document ();
  const char *expected[] = { "team.trellis", "team.trellis~", NULL };
  int probe;

  place_init (&place, "team.trellis");
  probe = open (place.dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (probe < 0)
    {
      g_test_skip ("this file system makes no unnamed files (O_TMPFILE)");
      place_clear (&place);
      return;
    }
  close (probe);

  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  trellis_save_set_observer (observe_folder_cb, place.dir);
  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                               TRELLIS_FIELD_NAME, "Again");
  save_ok (doc, place.file, TRELLIS_SAVE_FLAGS_NONE);
  trellis_save_set_observer (NULL, NULL);
  assert_folder_holds (place.dir, expected);

  place_clear (&place);
}

/* Killing a saving process at random moments never leaves a broken file,
 * and never a temporary copy that the next save does not remove. */
#define N_KILLS 1000

static void
test_killed_while_saving (void)
{
  Place place;
  g_autoptr(TrellisDocument) doc_a = big_document ();
  g_autoptr(TrellisDocument) doc_b = big_document ();
  g_autoptr(GBytes) version_a = NULL;
  g_autoptr(GBytes) version_b = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  const char *expected[] = { "team.trellis", "team.trellis~", NULL };
  guint left_right_after = 0;
  guint n_b = 0;
  guint n_kills = g_test_slow () ? N_KILLS * 5 : N_KILLS;
  gint64 save_usec;

  place_init (&place, "team.trellis");
  trellis_document_set_string (doc_b, TRELLIS_ENTITY (trellis_document_get_organisation (doc_b)),
                               TRELLIS_FIELD_NAME, "B");
  version_a = test_serialize (doc_a);
  version_b = test_serialize (doc_b);
  save_ok (doc_a, place.file, TRELLIS_SAVE_FLAGS_FORCE);

  /* How long one save takes here, to kill within it. */
  save_usec = g_get_monotonic_time ();
  save_ok (doc_a, place.file, TRELLIS_SAVE_FLAGS_FORCE);
  save_usec = MAX (g_get_monotonic_time () - save_usec, 200);

  for (guint i = 0; i < n_kills; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GBytes) now = NULL;
      const char *name;
      int status;
      pid_t pid;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          /* Save the other version over and over until killed. */
          for (;;)
            trellis_document_save (doc_b, place.file, TRELLIS_SAVE_FLAGS_FORCE, NULL, NULL);
        }

      g_usleep (g_rand_int_range (rand, 0, (gint32) MIN (save_usec * 2, G_MAXINT32)));
      g_assert_no_errno (kill (pid, SIGKILL));
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);

      /* The file is whole: one version or the other. */
      now = read_bytes (place.path);
      g_assert_nonnull (now);
      if (g_bytes_equal (now, version_b))
        n_b++;
      else
        g_assert_true (g_bytes_equal (now, version_a));

      dir = g_dir_open (place.dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          if (!g_strv_contains (expected, name))
            {
              left_right_after++;
              break;
            }
        }

      /* The next save removes anything left, and the folder holds the
       * file and its backup only. */
      save_ok (doc_a, place.file, TRELLIS_SAVE_FLAGS_FORCE);
      assert_folder_holds (place.dir, expected);
    }

  g_test_message ("%u kills during a save (%" G_GINT64_FORMAT " µs each); the new version was in place after %u; "
                  "%u left a temporary file until the next save",
                  n_kills, save_usec, n_b, left_right_after);
  /* Killed before the rename or after, both happen. What can remain
   * until the next save is the temporary file's name between the two
   * system calls that put it in place (see test_unnamed_while_written);
   * how often a kill lands there depends on how busy the machine is. */
  g_assert_cmpuint (n_b, >, 0);
  g_assert_cmpuint (n_b, <, n_kills);

  place_clear (&place);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/save/hash-chunking", test_hash_chunking);
  g_test_add_func ("/trellis/save/large-saved-twice", test_large_saved_twice);
  g_test_add_func ("/trellis/save/backup", test_save_and_backup);
  g_test_add_func ("/trellis/save/no-backup", test_no_backup);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/save/fault/%s", fault_cases[i].path);
      g_test_add_data_func (path, &fault_cases[i], test_fault);
    }
  g_test_add_func ("/trellis/save/fault/write-interrupted", test_write_interrupted);
  g_test_add_func ("/trellis/save/fault/folder-fsync", test_dir_fsync_fault);
  g_test_add_func ("/trellis/save/disk-full", test_disk_full);
  g_test_add_func ("/trellis/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/trellis/save/vanished-folder", test_vanished_folder);
  for (guint i = 0; i < G_N_ELEMENTS (change_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/save/changed-on-disk/%s", change_cases[i].path);
      g_test_add_data_func (path, &change_cases[i], test_changed_on_disk);
    }
  g_test_add_func ("/trellis/save/check-file", test_check_file);
  for (guint i = 0; i < G_N_ELEMENTS (mode_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/save/mode/%s", mode_cases[i].path);
      g_test_add_data_func (path, &mode_cases[i], test_mode);
    }
  g_test_add_func ("/trellis/save/target/symlink", test_symlink_target);
  g_test_add_func ("/trellis/save/target/symlink-loop", test_symlink_loop);
  for (guint i = 0; i < G_N_ELEMENTS (special_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/save/target/%s", special_cases[i].path);
      g_test_add_data_func (path, &special_cases[i], test_special_target);
    }
  g_test_add_func ("/trellis/save/stale-temporary-files", test_stale_temporary_files);
  g_test_add_func ("/trellis/save/unnamed-while-written", test_unnamed_while_written);
  g_test_add_func ("/trellis/save/killed", test_killed_while_saving);
  g_test_add_func ("/trellis/save/async", test_save_async);
  g_test_add_func ("/trellis/save/async-fails", test_save_async_fails);

  return g_test_run ();
}

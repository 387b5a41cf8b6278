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
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "trellis-document-private.h"
#include "test-util.h"

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
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
place_clear (Place *place)
{
  remove_tree (place->dir);
  g_clear_pointer (&place->dir, g_free);
  g_clear_pointer (&place->path, g_free);
  g_clear_object (&place->file);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/save/hash-chunking", test_hash_chunking);
  g_test_add_func ("/trellis/save/large-saved-twice", test_large_saved_twice);

  return g_test_run ();
}

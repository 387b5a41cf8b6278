/* bench-merge.c: how fast handed-in personal files are merged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the department tier (tests/bench/trellis-generate), hands
 * out every person's personal file, answers a new round in each (a
 * level for every competency their roles ask, a note on every third),
 * and then measures, in turns within the same run:
 *
 * - the floor: reading the team's matrix and the 300 personal files,
 *   nothing else;
 * - the merge: reading them the same way, checking each file and
 *   merging all of them as one undo step.
 *
 * It prints the medians and the median of each run's ratio; the aim is
 * a merge within 1.5 times the floor. A benchmark, not a test: it fails
 * only when something does not work, never when it is slow.
 *
 *   bench-merge [--runs N] [--folder DIR]
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench-util.h"
#include "trellis-merge.h"
#include "trellis-personal.h"

static gboolean
generate (const char  *path,
          GError     **error)
{
  const char *generator = g_getenv ("TRELLIS_GENERATE");
  g_autofree char *beside = NULL;
  int status = 0;

  if (generator == NULL)
    {
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : g_strdup (".");

      beside = g_build_filename (dir, "trellis-generate", NULL);
      generator = beside;
    }

  {
    const char *argv[] = { generator, "--tier", "department", "-o", path, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, error))
      return FALSE;
  }

  return g_spawn_check_wait_status (status, error);
}

/* A new round in a personal file: a level for every competency the
 * person's roles ask, a wish on every fifth, a note on every third. */
static void
answer_round (TrellisDocument *doc,
              guint            seed)
{
  g_autoptr(GPtrArray) steps = trellis_personal_dup_steps (doc);
  TrellisPerson *person = trellis_personal_get_person (doc);
  TrellisDate round = trellis_personal_begin_round (doc);
  gint top = trellis_document_get_scale_max (doc);

  for (guint i = 0; i < steps->len; i++)
    {
      TrellisAssessment a = { 0 };

      a.competency = trellis_entity_get_id (g_ptr_array_index (steps, i));
      a.level = (gint) ((seed + i) % (guint) (top + 1));
      a.want = (seed + i) % 5 == 0;
      a.source = TRELLIS_SOURCE_SELF;
      a.date = round;
      a.note = (seed + i) % 3 == 0 ? "Practising this with a colleague every week" : NULL;
      trellis_document_set_assessment (doc, person, &a);
    }
}

/* The matrix with its identity, and every person's answered file. */
static GPtrArray *
prepare (const char  *folder,
         char       **team_path,
         GError     **error)
{
  g_autofree char *path = g_build_filename (folder, "department.trellis", NULL);
  g_autofree char *dir = g_build_filename (folder, "handed-in", NULL);
  g_autoptr(GFile) team_file = g_file_new_for_path (path);
  g_autoptr(TrellisDocument) team = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (!generate (path, error))
    return NULL;
  team = trellis_document_new_from_file (team_file, NULL, NULL, error);
  if (team == NULL)
    return NULL;
  trellis_document_ensure_matrix_id (team);
  if (!trellis_document_save (team, team_file, TRELLIS_SAVE_FLAGS_FORCE | TRELLIS_SAVE_FLAGS_NO_BACKUP, NULL, error))
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return NULL;
    }

  names = trellis_handout_dup_file_names (team);
  n = trellis_document_get_n_items (team, TRELLIS_KIND_PERSON);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *person = trellis_document_get_item (team, TRELLIS_KIND_PERSON, i);
      g_autofree char *file_path = g_build_filename (dir, g_hash_table_lookup (names, person), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(TrellisDocument) personal = trellis_handout_new (team, TRELLIS_PERSON (person), error);

      if (personal == NULL)
        return NULL;
      answer_round (personal, i);
      g_unlink (file_path);
      if (!trellis_document_save (personal, file, TRELLIS_SAVE_FLAGS_PRIVATE | TRELLIS_SAVE_FLAGS_NO_BACKUP, NULL, error))
        return NULL;
      g_ptr_array_add (files, g_steal_pointer (&file));
    }

  *team_path = g_steal_pointer (&path);
  return g_steal_pointer (&files);
}

/* Reading only: the matrix and every file. */
static double
load_all (const char *team_path,
          GPtrArray  *files)
{
  g_autoptr(GFile) team_file = g_file_new_for_path (team_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) team = NULL;
  double start = now ();

  team = trellis_document_new_from_file (team_file, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(TrellisDocument) doc = trellis_personal_load (g_ptr_array_index (files, i), NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
    }

  return now () - start;
}

/* Reading the same way, and merging. */
static double
merge_all (const char *team_path,
           GPtrArray  *files,
           guint      *added)
{
  g_autoptr(GFile) team_file = g_file_new_for_path (team_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) team = NULL;
  g_autoptr(TrellisMerge) merge = NULL;
  double start = now ();
  double elapsed;

  team = trellis_document_new_from_file (team_file, NULL, NULL, &error);
  g_assert_no_error (error);
  merge = trellis_merge_new (team);
  for (guint i = 0; i < files->len; i++)
    trellis_merge_add_file (merge, g_ptr_array_index (files, i), NULL);
  if (trellis_merge_apply (merge) != files->len)
    g_error ("not every file was taken");
  elapsed = now () - start;

  *added = 0;
  for (guint i = 0; i < files->len; i++)
    *added += trellis_merge_item_get_n_added (trellis_merge_get_item (merge, i));

  return elapsed;
}

/* Removes what this run made in @folder: the matrix and the files. */
static void
clean_up (const char *folder,
          const char *team_path,
          GPtrArray  *files)
{
  g_autofree char *dir = g_build_filename (folder, "handed-in", NULL);

  for (guint i = 0; files != NULL && i < files->len; i++)
    g_file_delete (g_ptr_array_index (files, i), NULL, NULL);
  g_rmdir (dir);
  if (team_path != NULL)
    g_unlink (team_path);
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *team_path = NULL;
  g_autofree double *loads = NULL;
  g_autofree double *merges = NULL;
  g_autofree double *ratios = NULL;
  gint n_runs = 7;
  guint added = 0;
  guint runs;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &n_runs, "Runs of each measurement (7)", "N" },
    { "folder", 'd', 0, G_OPTION_ARG_FILENAME, &folder, "Where to keep the generated files", "DIR" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Measures merging 300 personal files into the department tier.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-merge: %s\n", error->message);
      return 2;
    }
  runs = (guint) CLAMP (n_runs, 1, 1000);

  if (folder == NULL)
    folder = g_dir_make_tmp ("trellis-bench-merge-XXXXXX", &error);
  if (folder == NULL || g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_printerr ("bench-merge: %s\n", error != NULL ? error->message : g_strerror (errno));
      return 1;
    }

  files = prepare (folder, &team_path, &error);
  if (files == NULL)
    {
      g_printerr ("bench-merge: %s\n", error->message);
      clean_up (folder, team_path, NULL);
      return 1;
    }

  loads = g_new (double, runs);
  merges = g_new (double, runs);
  ratios = g_new (double, runs);

  /* One warm-up of each, then in turns, so that both see the same
   * machine. */
  load_all (team_path, files);
  merge_all (team_path, files, &added);
  for (guint i = 0; i < runs; i++)
    {
      loads[i] = load_all (team_path, files);
      merges[i] = merge_all (team_path, files, &added);
      ratios[i] = merges[i] / loads[i];
    }

  g_print ("merge: %u personal files into the department tier, %u assessments added\n", files->len, added);
  g_print ("  read the matrix and the files (floor)  %8.1f ms\n", median (loads, runs) * 1000);
  g_print ("  read them and merge                    %8.1f ms  (%.2f×, aim ≤ 1.5×)\n",
           median (merges, runs) * 1000, median (ratios, runs));

  clean_up (folder, team_path, files);

  return 0;
}

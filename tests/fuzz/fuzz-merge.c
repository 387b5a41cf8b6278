/* fuzz-merge.c: libFuzzer harness for merging handed-in personal files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads arbitrary bytes as a personal file handed in and merges it into
 * a team's matrix (tests/fuzz/merge-team.trellis, whose identity the
 * seeds in tests/fuzz/corpus-merge carry). Whatever the bytes:
 *
 * - nothing crashes, leaks or trips a sanitizer;
 * - every assessment of the file is accounted for: added, there
 *   already and conflicting add up to all of them for a file taken; a
 *   file refused or left out adds nothing and leaves the matrix byte for
 *   byte as it was, with a sentence saying why;
 * - the matrix after a merge serializes and reads back without a problem;
 * - one undo takes the whole merge back, byte for byte.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-merge.h"
#include "trellis-personal.h"

#define FUZZ_NAME "fuzz-merge"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static GBytes *team_bytes;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  team_bytes = fuzz_init_with_file ("TRELLIS_FUZZ_TEAM");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(TrellisDocument) team = NULL;
  g_autoptr(TrellisDocument) personal = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(TrellisMerge) merge = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  TrellisMergeItem *item;
  guint n_before;

  team = trellis_document_new_from_bytes (team_bytes, "team", NULL, &error);
  if (team == NULL)
    fail ("the team's matrix did not load", error);
  before = serialize (team);
  n_before = trellis_document_get_n_assessments (team);

  personal = trellis_document_new_from_bytes (bytes, "input", NULL, &load_error);
  merge = trellis_merge_new (team);
  item = trellis_merge_add (merge, "input.trellis", personal, load_error);

  /* Where the file is unsure, the first candidate is chosen: a person's
   * answer, the way the application takes it. */
  if (trellis_merge_item_get_match (item) == TRELLIS_MERGE_UNSURE)
    trellis_merge_item_choose (item, g_ptr_array_index (trellis_merge_item_get_candidates (item), 0));

  trellis_merge_apply (merge);
  after = serialize (team);

  if (trellis_merge_item_is_taken (item))
    {
      guint n = trellis_merge_item_get_n_assessments (item);

      if (trellis_merge_item_get_n_added (item) + trellis_merge_item_get_n_present (item) +
          trellis_merge_item_get_n_conflicts (item) != n)
        fail ("an assessment of a file taken is not accounted for", NULL);
      if (trellis_document_get_n_assessments (team) != n_before + trellis_merge_item_get_n_added (item))
        fail ("the matrix holds other than what was added", NULL);
    }
  else
    {
      if (trellis_merge_item_get_n_added (item) != 0 || !g_bytes_equal (before, after))
        fail ("a file not taken changed the matrix", NULL);
      if (trellis_merge_item_get_match (item) == TRELLIS_MERGE_REFUSED &&
          (trellis_merge_item_get_refusal (item) == NULL || trellis_merge_item_get_refusal (item)[0] == '\0'))
        fail ("a file was refused without a sentence", NULL);
    }

  {
    g_autofree char *summary = trellis_merge_item_dup_summary (item);

    if (summary == NULL || !g_utf8_validate (summary, -1, NULL))
      fail ("what became of the file cannot be said", NULL);
  }

  again = trellis_document_new_from_bytes (after, "merged", report, &error);
  if (again == NULL)
    fail ("the merged matrix did not read back", error);
  if (trellis_load_report_get_n_errors (report) > 0)
    fail ("the merged matrix read back with errors", NULL);

  if (!g_bytes_equal (before, after))
    {
      if (!trellis_document_undo (team))
        fail ("the merge is no undo step", NULL);
      undone = serialize (team);
      if (!g_bytes_equal (before, undone))
        fail ("undoing the merge did not give the matrix back", NULL);
    }

  return 0;
}

/* test-vote-util.h: helpers shared by the tests of workshop votes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-vote-round.h"

/* A document read from a fixture of tests/data. */
G_GNUC_UNUSED static TrellisDocument *
test_vote_load (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* A round on the cell of @row and @column. */
G_GNUC_UNUSED static TrellisVoteRound *
test_vote_open (TrellisDocument *doc,
                const char      *row,
                const char      *column)
{
  g_autoptr(GError) error = NULL;
  TrellisVoteRound *round = trellis_vote_round_new (doc, row, column, &error);

  g_assert_no_error (error);
  g_assert_nonnull (round);
  return round;
}

G_GNUC_UNUSED static void
test_vote_cast (TrellisVoteRound *round,
                gint              level,
                const char       *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_vote_round_cast (round, level, name, &error));
  g_assert_no_error (error);
}

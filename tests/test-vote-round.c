/* test-vote-round.c: a workshop vote round's states, and its agreed value
 * as one undoable edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "test-vote-util.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Nothing of the votes can be read before the reveal. */
static void
assert_hidden (TrellisVoteRound *round)
{
  for (gint level = trellis_vote_round_get_min_level (round); level <= trellis_vote_round_get_max_level (round); level++)
    {
      g_auto(GStrv) names = trellis_vote_round_dup_names (round, level);

      g_assert_cmpuint (trellis_vote_round_get_count (round, level), ==, 0);
      g_assert_cmpuint (g_strv_length (names), ==, 0);
    }
  g_assert_cmpint (trellis_vote_round_get_lowest (round), ==, TRELLIS_LEVEL_NONE);
  g_assert_cmpint (trellis_vote_round_get_highest (round), ==, TRELLIS_LEVEL_NONE);
  g_assert_cmpint (trellis_vote_round_get_median (round), ==, TRELLIS_LEVEL_NONE);
  g_assert_cmpint (trellis_vote_round_get_current (round), ==, TRELLIS_LEVEL_NONE);
}

static void
test_open (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  guint n_notified = 0;

  g_signal_connect (round, "notify::n-votes", G_CALLBACK (count_notify_cb), &n_notified);

  g_assert_cmpint (trellis_vote_round_get_kind (round), ==, TRELLIS_VOTE_REQUIRED_LEVEL);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_OPEN);
  g_assert_false (trellis_vote_round_is_finished (round));
  g_assert_cmpstr (trellis_vote_round_get_row_id (round), ==, "ro-agent");
  g_assert_cmpstr (trellis_vote_round_get_column_id (round), ==, "c-listen");
  g_assert_cmpint (trellis_vote_round_get_min_level (round), ==, 0);
  g_assert_cmpint (trellis_vote_round_get_max_level (round), ==, 4);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 0);
  assert_hidden (round);

  test_vote_cast (round, 3, NULL);
  test_vote_cast (round, 2, "  Anna ");
  test_vote_cast (round, 4, "");
  test_vote_cast (round, 3, "Ben");

  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 4);
  g_assert_cmpuint (n_notified, ==, 4);
  assert_hidden (round);

  g_assert_finalize_object (g_steal_pointer (&round));
}

static void
test_refused (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autofree char *long_name = g_strnfill (TRELLIS_VOTE_NAME_MAX_CHARS + 1, 'a');
  g_autofree char *longest = g_strnfill (TRELLIS_VOTE_NAME_MAX_CHARS, 'a');
  const struct {
    gint        level;
    const char *name;
    gint        code;
  } refused[] = {
    { -1, NULL, TRELLIS_VOTE_ROUND_ERROR_LEVEL },
    { 5, NULL, TRELLIS_VOTE_ROUND_ERROR_LEVEL },
    { G_MAXINT, NULL, TRELLIS_VOTE_ROUND_ERROR_LEVEL },
    { G_MININT, NULL, TRELLIS_VOTE_ROUND_ERROR_LEVEL },
    { 2, long_name, TRELLIS_VOTE_ROUND_ERROR_NAME },
    { 2, "An\nna", TRELLIS_VOTE_ROUND_ERROR_NAME },
    { 2, "An\xe2\x80\x8bna", TRELLIS_VOTE_ROUND_ERROR_NAME },   /* a zero-width space */
    { 2, "\xff\xfe", TRELLIS_VOTE_ROUND_ERROR_NAME },
    { 2, "\xed\xa0\x80", TRELLIS_VOTE_ROUND_ERROR_NAME },        /* a surrogate */
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (trellis_vote_round_cast (round, refused[i].level, refused[i].name, &error));
      g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, refused[i].code);
      g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 0);
    }

  /* The longest name and a name in any script are taken. */
  test_vote_cast (round, 2, longest);
  test_vote_cast (round, 2, "Zoë 李");
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 2);
}

static void
test_reveal (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names3 = NULL;
  g_auto(GStrv) names2 = NULL;
  guint n_state = 0;

  g_signal_connect (round, "notify::state", G_CALLBACK (count_notify_cb), &n_state);

  /* No votes, nothing to reveal. */
  g_assert_false (trellis_vote_round_reveal (round));
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_OPEN);
  g_assert_cmpuint (n_state, ==, 0);

  test_vote_cast (round, 3, "Ben");
  test_vote_cast (round, 1, NULL);
  test_vote_cast (round, 3, "Anna");
  test_vote_cast (round, 4, NULL);
  test_vote_cast (round, 3, NULL);

  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_REVEALED);
  g_assert_cmpuint (n_state, ==, 1);
  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_cmpuint (n_state, ==, 1);

  g_assert_cmpuint (trellis_vote_round_get_count (round, 0), ==, 0);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 1), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 2), ==, 0);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 3), ==, 3);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 4), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 5), ==, 0);
  g_assert_cmpint (trellis_vote_round_get_lowest (round), ==, 1);
  g_assert_cmpint (trellis_vote_round_get_highest (round), ==, 4);
  g_assert_cmpint (trellis_vote_round_get_median (round), ==, 3);
  /* The level before the vote, now that it anchors nothing. */
  g_assert_cmpint (trellis_vote_round_get_current (round), ==, 3);

  /* Names sorted, never in the order they came. */
  names3 = trellis_vote_round_dup_names (round, 3);
  g_assert_cmpstrv (names3, ((const char *[]) { "Anna", "Ben", NULL }));
  names2 = trellis_vote_round_dup_names (round, 2);
  g_assert_cmpuint (g_strv_length (names2), ==, 0);

  /* The reveal closes the round. */
  g_assert_false (trellis_vote_round_cast (round, 2, NULL, &error));
  g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_CLOSED);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 5);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 2), ==, 0);
}

static void
test_median (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-lead", "c-listen");

  /* Of the two in the middle, the lower. */
  test_vote_cast (round, 1, NULL);
  test_vote_cast (round, 4, NULL);
  test_vote_cast (round, 2, NULL);
  test_vote_cast (round, 3, NULL);
  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_cmpint (trellis_vote_round_get_median (round), ==, 2);
  /* Not required before. */
  g_assert_cmpint (trellis_vote_round_get_current (round), ==, TRELLIS_LEVEL_NONE);
}

static void
test_restart (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  guint n_serial = 0, n_votes = 0, n_state = 0;

  test_vote_cast (round, 3, "Anna");
  test_vote_cast (round, 1, NULL);
  g_assert_true (trellis_vote_round_reveal (round));

  g_signal_connect (round, "notify::serial", G_CALLBACK (count_notify_cb), &n_serial);
  g_signal_connect (round, "notify::n-votes", G_CALLBACK (count_notify_cb), &n_votes);
  g_signal_connect (round, "notify::state", G_CALLBACK (count_notify_cb), &n_state);

  trellis_vote_round_restart (round);
  g_assert_cmpuint (n_serial, ==, 1);
  g_assert_cmpuint (n_votes, ==, 1);
  g_assert_cmpuint (n_state, ==, 1);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_OPEN);
  g_assert_cmpuint (trellis_vote_round_get_serial (round), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 0);
  assert_hidden (round);

  /* A restart while open empties the round too. */
  test_vote_cast (round, 2, NULL);
  trellis_vote_round_restart (round);
  g_assert_cmpuint (trellis_vote_round_get_serial (round), ==, 2);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 0);

  test_vote_cast (round, 2, NULL);
  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_cmpuint (trellis_vote_round_get_count (round, 2), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 3), ==, 0);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 1), ==, 0);
}

static void
test_drop (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_document_serialize (doc, NULL);

  test_vote_cast (round, 3, "Anna");
  g_assert_true (trellis_vote_round_reveal (round));
  trellis_vote_round_drop (round);

  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_DROPPED);
  g_assert_true (trellis_vote_round_is_finished (round));
  assert_hidden (round);

  /* Ended is ended. */
  trellis_vote_round_restart (round);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_DROPPED);
  g_assert_false (trellis_vote_round_reveal (round));
  g_assert_false (trellis_vote_round_cast (round, 2, NULL, &error));
  g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_CLOSED);

  /* Dropping changes nothing in the document. */
  {
    g_autoptr(GBytes) after = trellis_document_serialize (doc, NULL);
    g_assert_true (g_bytes_equal (bytes, after));
  }
  g_assert_false (trellis_document_can_undo (doc));
}

static void
test_delegation (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "rs-complaints", "ro-agent");

  g_assert_cmpint (trellis_vote_round_get_kind (round), ==, TRELLIS_VOTE_DELEGATION);
  g_assert_cmpint (trellis_vote_round_get_min_level (round), ==, TRELLIS_AUTHORITY_TELL);
  g_assert_cmpint (trellis_vote_round_get_max_level (round), ==, TRELLIS_AUTHORITY_DELEGATE);

  test_vote_cast (round, 1, NULL);
  test_vote_cast (round, 7, NULL);
  g_assert_false (trellis_vote_round_cast (round, 0, NULL, NULL));
  g_assert_false (trellis_vote_round_cast (round, 8, NULL, NULL));
  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_cmpint (trellis_vote_round_get_current (round), ==, TRELLIS_AUTHORITY_ADVISE);
  g_assert_cmpint (trellis_vote_round_get_lowest (round), ==, 1);
  g_assert_cmpint (trellis_vote_round_get_highest (round), ==, 7);
}

static void
test_unknown (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  const char *cells[][2] = {
    { "ro-agent", "ro-lead" },
    { "c-listen", "ro-agent" },
    { "rs-complaints", "c-listen" },   /* what it needs is no vote's question */
    { "p-anna", "c-listen" },
    { "ro-agent", "c-nothing" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisVoteRound) round = trellis_vote_round_new (doc, cells[i][0], cells[i][1], &error);

      g_assert_null (round);
      g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_UNKNOWN);
    }
}

static void
test_full (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < TRELLIS_VOTE_ROUND_MAX_VOTES; i++)
    test_vote_cast (round, (gint) (i % 5), i % 7 == 0 ? "Someone" : NULL);

  g_assert_false (trellis_vote_round_cast (round, 2, NULL, &error));
  g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_FULL);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, TRELLIS_VOTE_ROUND_MAX_VOTES);
  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_cmpuint (trellis_vote_round_get_count (round, 0), ==, TRELLIS_VOTE_ROUND_MAX_VOTES / 5);
}

static void
test_agree (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(GBytes) before = trellis_document_serialize (doc, NULL);
  g_autoptr(GError) error = NULL;
  TrellisEntity *agent = trellis_document_lookup (doc, "ro-agent");
  GPtrArray *decisions;
  const TrellisDecision *decision;

  test_vote_cast (round, 2, "Zoë");
  test_vote_cast (round, 4, NULL);
  test_vote_cast (round, 4, NULL);
  test_vote_cast (round, 1, NULL);
  g_assert_true (trellis_vote_round_reveal (round));

  /* A level the scale does not have changes nothing. */
  g_assert_false (trellis_vote_round_agree (round, doc, 5, "x", &error));
  g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_LEVEL);
  g_clear_error (&error);
  g_assert_false (trellis_document_can_undo (doc));
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_REVEALED);

  g_assert_true (trellis_vote_round_agree (round, doc, 4, "  Agents teach listening to newcomers.\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_AGREED);
  g_assert_true (trellis_vote_round_is_finished (round));

  /* The value, and the decision with today's date and the spread; no
   * names. */
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (agent, TRELLIS_FIELD_REQUIRES), "c-listen"), ==, 4);
  decisions = trellis_entity_get_ptr_array (agent, TRELLIS_FIELD_DECISIONS);
  g_assert_cmpuint (decisions->len, ==, 1);
  decision = g_ptr_array_index (decisions, 0);
  g_assert_cmpstr (decision->about, ==, "c-listen");
  g_assert_cmpint (decision->level, ==, 4);
  g_assert_cmpuint (decision->date, ==, trellis_date_today ());
  g_assert_cmpstr (decision->rationale, ==, "Agents teach listening to newcomers.");
  g_assert_cmpuint (decision->votes[1], ==, 1);
  g_assert_cmpuint (decision->votes[2], ==, 1);
  g_assert_cmpuint (decision->votes[4], ==, 2);
  {
    g_autoptr(GBytes) after = trellis_document_serialize (doc, NULL);
    g_assert_null (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after), "Zoë"));
  }

  /* One step, undone as one. */
  g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_can_undo (doc));
  {
    g_autoptr(GBytes) undone = trellis_document_serialize (doc, NULL);
    g_assert_true (g_bytes_equal (undone, before));
  }
  g_assert_true (trellis_document_redo (doc));
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (agent, TRELLIS_FIELD_REQUIRES), "c-listen"), ==, 4);

  /* The round has ended: restarting or dropping it changes nothing. */
  trellis_vote_round_restart (round);
  trellis_vote_round_drop (round);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_AGREED);
  g_assert_cmpuint (trellis_vote_round_get_count (round, 4), ==, 2);
}

static void
test_agree_delegation (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "rs-complaints", "ro-agent");
  g_autoptr(GError) error = NULL;
  TrellisEntity *rs = trellis_document_lookup (doc, "rs-complaints");
  const TrellisAssignment *a;

  test_vote_cast (round, 3, NULL);
  test_vote_cast (round, 4, NULL);
  g_assert_true (trellis_vote_round_reveal (round));
  g_assert_false (trellis_vote_round_agree (round, doc, 0, NULL, &error));
  g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_LEVEL);
  g_clear_error (&error);

  g_assert_true (trellis_vote_round_agree (round, doc, TRELLIS_AUTHORITY_CONSULT, NULL, &error));
  a = trellis_assignments_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS), "ro-agent");
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_CONSULT);
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_RESPONSIBLE);
  g_assert_null (((TrellisDecision *) g_ptr_array_index (trellis_entity_get_ptr_array (rs, TRELLIS_FIELD_DECISIONS), 0))->rationale);
}

/* What was voted on is deleted during the round: nothing is recorded,
 * and the round can still be dropped. */
static void
test_agree_gone (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(GError) error = NULL;

  test_vote_cast (round, 3, NULL);
  g_assert_true (trellis_vote_round_reveal (round));
  trellis_document_remove (doc, trellis_document_lookup (doc, "c-listen"));

  g_assert_false (trellis_vote_round_agree (round, doc, 3, NULL, &error));
  g_assert_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_GONE);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_REVEALED);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Delete ‘Active listening’");

  trellis_vote_round_drop (round);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_DROPPED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/vote-round/open", test_open);
  g_test_add_func ("/trellis/vote-round/refused", test_refused);
  g_test_add_func ("/trellis/vote-round/reveal", test_reveal);
  g_test_add_func ("/trellis/vote-round/median", test_median);
  g_test_add_func ("/trellis/vote-round/restart", test_restart);
  g_test_add_func ("/trellis/vote-round/drop", test_drop);
  g_test_add_func ("/trellis/vote-round/delegation", test_delegation);
  g_test_add_func ("/trellis/vote-round/unknown", test_unknown);
  g_test_add_func ("/trellis/vote-round/full", test_full);
  g_test_add_func ("/trellis/vote-round/agree", test_agree);
  g_test_add_func ("/trellis/vote-round/agree-delegation", test_agree_delegation);
  g_test_add_func ("/trellis/vote-round/agree-gone", test_agree_gone);

  return g_test_run ();
}

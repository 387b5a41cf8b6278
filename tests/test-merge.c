/* test-merge.c: handing out personal files and merging them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "test-util.h"
#include "trellis-merge.h"
#include "trellis-personal.h"

/* Fixtures */

static TrellisDocument *
load_team (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.trellis", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrellisDocument *team = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  trellis_document_set_file (team, NULL);
  trellis_document_ensure_matrix_id (team);
  trellis_document_set_unmodified (team);

  return team;
}

static TrellisPerson *
person (TrellisDocument *doc,
        const char      *id)
{
  TrellisEntity *entity = trellis_document_lookup (doc, id);

  g_assert_true (TRELLIS_IS_PERSON (entity));
  return TRELLIS_PERSON (entity);
}

static TrellisDocument *
handout (TrellisDocument *team,
         const char      *id)
{
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = trellis_handout_new (team, person (team, id), &error);

  g_assert_no_error (error);
  g_assert_true (trellis_document_is_personal (doc));
  return doc;
}

/* Answers as the guided mode does: self, on the round's date. */
static void
answer (TrellisDocument *doc,
        const char      *competency,
        gint             level,
        gboolean         want,
        const char      *note)
{
  TrellisAssessment a = { competency, level, want, TRELLIS_SOURCE_SELF, 0, note, NULL };

  a.date = trellis_personal_begin_round (doc);
  trellis_document_set_assessment (doc, trellis_personal_get_person (doc), &a);
}

static GBytes *
serialize (TrellisDocument *doc)
{
  return test_serialize (doc);
}

/* Every assessment of every file is in exactly one place: added, there
 * already, conflicting, or refused with its file. */
static void
assert_accounted (TrellisMerge *merge,
                  guint         before,
                  guint         after)
{
  guint added = 0;

  for (guint i = 0; i < trellis_merge_get_n_items (merge); i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (merge, i);
      guint n = trellis_merge_item_get_n_assessments (item);
      g_autofree char *summary = trellis_merge_item_dup_summary (item);

      g_assert_nonnull (summary);
      g_assert_cmpstr (summary, !=, "");

      if (trellis_merge_item_is_taken (item))
        g_assert_cmpuint (trellis_merge_item_get_n_added (item) + trellis_merge_item_get_n_present (item) +
                          trellis_merge_item_get_n_conflicts (item), ==, n);
      else
        {
          g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 0);
          g_assert_cmpuint (trellis_merge_item_get_n_present (item), ==, 0);
          g_assert_cmpuint (trellis_merge_item_get_n_conflicts (item), ==, 0);
        }
      added += trellis_merge_item_get_n_added (item);
    }

  g_assert_cmpuint (after, ==, before + added);
}

/* Merges @docs into @team; returns the merge, applied. */
static TrellisMerge *
merge_docs (TrellisDocument  *team,
            TrellisDocument **docs,
            guint             n)
{
  TrellisMerge *merge = trellis_merge_new (team);
  guint before = trellis_document_get_n_assessments (team);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%u.trellis", i);

      trellis_merge_add (merge, name, docs[i], NULL);
    }

  trellis_merge_apply (merge);
  assert_accounted (merge, before, trellis_document_get_n_assessments (team));

  return merge;
}

/* Handing out */

static void
test_handout_contents (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-ben");
  g_autofree char *xml = NULL;
  TrellisEntity *rs;
  GArray *assigns;

  g_assert_cmpstr (trellis_document_get_matrix_id (doc), ==, trellis_document_get_matrix_id (team));
  g_assert_true (trellis_personal_get_person (doc) == TRELLIS_PERSON (trellis_document_lookup (doc, "p-ben")));
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON), ==, 1);

  /* The shared vocabulary: every value, result and competency. */
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_VALUE), ==, 2);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_RESULT), ==, 1);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY), ==, 2);
  g_assert_cmpstr (trellis_level_texts_lookup (trellis_entity_get_ptr_array (trellis_document_lookup (doc, "c-listen"),
                                                                             TRELLIS_FIELD_LEVELS), 3),
                   ==, "Summarises the need before answering");

  /* Ben's roles, without the coverage targets that count others. */
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_ROLE), ==, 2);
  g_assert_cmpuint (trellis_entity_get_array (trellis_document_lookup (doc, "ro-agent"), TRELLIS_FIELD_TARGETS)->len, ==, 0);

  /* Nobody else's data: no coach's or agreed level, no indicator, no
   * action, no remark. Ben has only an agreed level. */
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 0);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_INDICATOR), ==, 0);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_ACTION), ==, 0);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_FEEDBACK), ==, 0);

  rs = trellis_document_lookup (doc, "rs-complaints");
  assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);
  g_assert_cmpuint (assigns->len, ==, 2);

  xml = test_serialize_string (doc);
  g_assert_null (strstr (xml, "Anna"));
  g_assert_null (strstr (xml, "coach"));
}

static void
test_handout_own_history (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(GPtrArray) steps = trellis_personal_dup_steps (doc);
  g_autofree char *xml = test_serialize_string (doc);
  TrellisAssessment earlier;

  /* Anna's two self-assessments, not her coach's. */
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 2);
  g_assert_null (strstr (xml, "source=\"coach\""));
  g_assert_null (strstr (xml, "Ben"));
  g_assert_null (strstr (xml, "ro-lead"));

  /* Her role asks for both competencies. */
  g_assert_cmpuint (steps->len, ==, 2);
  g_assert_cmpint (trellis_personal_get_required (doc, g_ptr_array_index (steps, 0)), ==, 3);
  g_assert_true (trellis_personal_get_earlier (doc, g_ptr_array_index (steps, 0), &earlier));
  g_assert_cmpint (earlier.level, ==, 2);
  g_assert_true (earlier.want);
  g_assert_cmpstr (earlier.note, ==, "Want to practise");
  g_assert_false (trellis_personal_get_answer (doc, g_ptr_array_index (steps, 0), NULL));
}

static void
test_handout_file_name (void)
{
  static const struct {
    const char *name;
    const char *file;
  } cases[] = {
    { "Anna", "Anna.trellis" },
    { "Jan de Vries", "Jan de Vries.trellis" },
    { "../../etc/passwd", "etc-passwd.trellis" },
    { "-rf", "rf.trellis" },
    { ".hidden", "hidden.trellis" },
    { "  ", "p-x.trellis" },
    { "a\tb\nc", "a-b-c.trellis" },
    { "Zoë: lead?", "Zoë- lead-.trellis" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TrellisDocument) doc = trellis_document_new ();
      TrellisEntity *p = trellis_document_create (doc, TRELLIS_KIND_PERSON, "x", -1);
      g_autofree char *file = NULL;

      trellis_document_set_string (doc, p, TRELLIS_FIELD_NAME, cases[i].name);
      file = trellis_handout_dup_file_name (TRELLIS_PERSON (p));
      g_assert_cmpstr (file, ==, cases[i].file);
    }
}

static void
test_matrix_id (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  const char *id;

  g_assert_null (trellis_document_get_matrix_id (doc));
  g_assert_false (trellis_document_get_modified (doc));

  id = trellis_document_ensure_matrix_id (doc);
  g_assert_true (trellis_matrix_id_is_valid (id, strlen (id)));
  g_assert_true (trellis_document_get_modified (doc));
  /* Not an undo step: kept for good. */
  g_assert_false (trellis_document_can_undo (doc));
  g_assert_true (trellis_document_ensure_matrix_id (doc) == id);

  trellis_document_set_unmodified (doc);
  g_assert_false (trellis_document_get_modified (doc));

  g_assert_false (trellis_matrix_id_is_valid ("not-a-uuid", 10));
  g_assert_false (trellis_matrix_id_is_valid ("0F8FAD5B-D9CB-469F-A165-70867728950E", 36));
  g_assert_true (trellis_matrix_id_is_valid ("0f8fad5b-d9cb-469f-a165-70867728950e", 36));
}

/* The summary, in plain categories. */
static void
test_summary (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisSummary) summary = NULL;

  /* Listening: role asks 3, she says 3 and wants to grow. Product: role
   * asks 2, she skips it. */
  answer (doc, "c-listen", 3, TRUE, "Practised a lot");
  summary = trellis_personal_summarise (doc);
  g_assert_cmpuint (summary->strengths->len, ==, 1);
  g_assert_cmpuint (summary->below->len, ==, 0);
  g_assert_cmpuint (summary->grow->len, ==, 1);
  g_assert_cmpuint (summary->skipped->len, ==, 1);
  g_assert_cmpstr (trellis_entity_get_id (g_ptr_array_index (summary->skipped, 0)), ==, "c-product");
  g_clear_pointer (&summary, trellis_summary_free);

  answer (doc, "c-product", 1, FALSE, NULL);
  summary = trellis_personal_summarise (doc);
  g_assert_cmpuint (summary->below->len, ==, 1);
  g_assert_cmpuint (summary->skipped->len, ==, 0);
}

/* Merging */

static void
test_merge_by_id (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) merge = NULL;
  TrellisMergeItem *item;
  TrellisAssessment got;
  guint before = trellis_document_get_n_assessments (team);

  answer (doc, "c-listen", 3, TRUE, "Practised a lot");
  answer (doc, "c-product", 2, FALSE, NULL);

  merge = merge_docs (team, &doc, 1);
  item = trellis_merge_get_item (merge, 0);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_BY_ID);
  /* Her two earlier self-assessments were there already. */
  g_assert_cmpuint (trellis_merge_item_get_n_assessments (item), ==, 4);
  g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 2);
  g_assert_cmpuint (trellis_merge_item_get_n_present (item), ==, 2);
  g_assert_cmpuint (trellis_merge_item_get_n_conflicts (item), ==, 0);
  g_assert_cmpuint (trellis_document_get_n_assessments (team), ==, before + 2);

  /* The coach's later level still counts; the new self one is history. */
  g_assert_true (trellis_document_get_effective (team, person (team, "p-anna"), "c-listen", &got));
  g_assert_true (got.source == TRELLIS_SOURCE_SELF || got.source == TRELLIS_SOURCE_COACH);

  /* One undo step takes it all back. */
  g_assert_true (trellis_document_can_undo (team));
  g_assert_cmpstr (trellis_document_get_undo_label (team), ==, "Import Assessments");
  trellis_document_undo (team);
  g_assert_cmpuint (trellis_document_get_n_assessments (team), ==, before);
  g_assert_false (trellis_document_can_undo (team));
}

static void
test_merge_duplicate (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) first = NULL;
  g_autoptr(TrellisMerge) second = NULL;
  TrellisDocument *twice[2];
  guint after_first;

  answer (doc, "c-listen", 3, TRUE, NULL);
  first = merge_docs (team, &doc, 1);
  after_first = trellis_document_get_n_assessments (team);

  /* The same file again, and twice in one merge: nothing duplicated. */
  twice[0] = twice[1] = doc;
  second = merge_docs (team, twice, 2);
  g_assert_cmpuint (trellis_document_get_n_assessments (team), ==, after_first);
  for (guint i = 0; i < 2; i++)
    {
      TrellisMergeItem *item = trellis_merge_get_item (second, i);

      g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 0);
      g_assert_cmpuint (trellis_merge_item_get_n_present (item), ==, 3);
    }
}

static void
test_merge_conflict (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) first = NULL;
  g_autoptr(TrellisMerge) second = NULL;
  TrellisMergeItem *item;
  TrellisAssessment got;
  const TrellisMergeConflict *conflict;
  g_autofree char *summary = NULL;
  guint after_first;

  answer (doc, "c-listen", 3, TRUE, NULL);
  first = merge_docs (team, &doc, 1);
  after_first = trellis_document_get_n_assessments (team);

  /* She changes her mind the same day and hands in again. */
  answer (doc, "c-listen", 1, TRUE, NULL);
  second = merge_docs (team, &doc, 1);
  item = trellis_merge_get_item (second, 0);
  g_assert_true (trellis_merge_item_is_taken (item));
  g_assert_cmpuint (trellis_merge_item_get_n_conflicts (item), ==, 1);
  g_assert_cmpuint (trellis_merge_item_get_n_present (item), ==, 2);
  conflict = trellis_merge_item_get_conflict (item, 0);
  g_assert_cmpstr (conflict->competency, ==, "c-listen");
  g_assert_cmpint (conflict->theirs, ==, 1);
  g_assert_cmpint (conflict->ours, ==, 3);
  summary = trellis_merge_item_dup_summary (item);
  g_assert_nonnull (strstr (summary, "Active listening"));

  /* Never resolved silently: the matrix keeps its own. */
  g_assert_cmpuint (trellis_document_get_n_assessments (team), ==, after_first);
  g_assert_true (trellis_document_get_effective (team, person (team, "p-anna"), "c-listen", &got));
}

static void
test_merge_by_name (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) merge = NULL;
  TrellisMergeItem *item;
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");

  /* The team's Anna was deleted and entered again with a new id. */
  trellis_document_remove (team, trellis_document_lookup (team, "p-anna"));
  trellis_document_set_string (team, trellis_document_create (team, TRELLIS_KIND_PERSON, "Anna again", -1),
                               TRELLIS_FIELD_NAME, "anna");
  g_assert_null (trellis_document_lookup (team, "p-anna"));

  answer (doc, "c-listen", 2, FALSE, NULL);
  merge = merge_docs (team, &doc, 1);
  item = trellis_merge_get_item (merge, 0);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_BY_NAME);
  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (trellis_merge_item_get_person (item))), ==, "anna");
  g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 3);
  g_assert_nonnull (anna);
}

static void
test_merge_new_person (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) merge = NULL;
  TrellisMergeItem *item;
  TrellisEntity *added;
  guint people;

  trellis_document_remove (team, trellis_document_lookup (team, "p-anna"));
  trellis_document_set_unmodified (team);
  people = trellis_document_get_n_items (team, TRELLIS_KIND_PERSON);

  answer (doc, "c-listen", 2, FALSE, NULL);
  merge = merge_docs (team, &doc, 1);
  item = trellis_merge_get_item (merge, 0);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_NEW);
  g_assert_cmpuint (trellis_document_get_n_items (team, TRELLIS_KIND_PERSON), ==, people + 1);
  added = trellis_document_lookup (team, "p-anna");
  g_assert_true (TRELLIS_IS_PERSON (added));
  g_assert_cmpstr (trellis_entity_get_name (added), ==, "Anna");
  g_assert_true (trellis_strv_contains_id (trellis_entity_get_strv (added, TRELLIS_FIELD_ROLES), "ro-agent"));
  g_assert_cmpint (trellis_entity_get_int (added, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_TEAM);
  g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 3);

  /* One step: the person and their assessments go together. */
  trellis_document_undo (team);
  g_assert_null (trellis_document_lookup (team, "p-anna"));
  g_assert_cmpuint (trellis_document_get_n_items (team, TRELLIS_KIND_PERSON), ==, people);
}

static void
test_merge_ambiguous_name (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) merge = NULL;
  g_autoptr(TrellisMerge) chosen = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  TrellisMergeItem *item;
  TrellisEntity *second;
  GPtrArray *candidates;

  trellis_document_remove (team, trellis_document_lookup (team, "p-anna"));
  trellis_document_set_string (team, trellis_document_create (team, TRELLIS_KIND_PERSON, "Anna One", -1),
                               TRELLIS_FIELD_NAME, "Anna");
  second = trellis_document_create (team, TRELLIS_KIND_PERSON, "Anna Two", -1);
  trellis_document_set_string (team, second, TRELLIS_FIELD_NAME, "Anna");
  answer (doc, "c-listen", 2, FALSE, NULL);
  before = serialize (team);

  /* Unanswered, the file is left out, and nothing changes. */
  merge = merge_docs (team, &doc, 1);
  item = trellis_merge_get_item (merge, 0);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_LEFT_OUT);
  after = serialize (team);
  g_assert_true (g_bytes_equal (before, after));

  /* Answered, it goes to the Anna chosen. */
  chosen = trellis_merge_new (team);
  item = trellis_merge_add (chosen, "anna.trellis", doc, NULL);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_UNSURE);
  candidates = trellis_merge_item_get_candidates (item);
  g_assert_cmpuint (candidates->len, ==, 2);
  trellis_merge_item_choose (item, TRELLIS_PERSON (second));
  trellis_merge_apply (chosen);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_CHOSEN);
  g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 3);
  g_assert_cmpuint (trellis_document_get_assessments (team, TRELLIS_PERSON (second), NULL)->len, ==, 3);
}

/* Refused whole, and the matrix unchanged. */
static void
assert_refused (TrellisDocument *team,
                TrellisDocument *doc,
                const char      *words)
{
  g_autoptr(GBytes) before = serialize (team);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TrellisMerge) merge = NULL;
  TrellisMergeItem *item;
  gboolean could_undo = trellis_document_can_undo (team);

  merge = merge_docs (team, &doc, 1);
  item = trellis_merge_get_item (merge, 0);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_REFUSED);
  g_test_message ("%s", trellis_merge_item_get_refusal (item));
  g_assert_nonnull (strstr (trellis_merge_item_get_refusal (item), words));

  after = serialize (team);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (trellis_document_can_undo (team) == could_undo);
}

static void
test_merge_another_matrix (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) other = load_team ();
  g_autoptr(TrellisDocument) doc = handout (other, "p-anna");

  answer (doc, "c-listen", 2, FALSE, NULL);
  assert_refused (team, doc, "another matrix");
}

static void
test_merge_not_personal (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) copy = load_team ();

  assert_refused (team, copy, "not a personal file");
}

static void
test_merge_claims_other_id (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-ben");

  /* Ben's file, renamed to Anna, who is in the matrix too. */
  trellis_document_set_string (doc, trellis_document_lookup (doc, "p-ben"), TRELLIS_FIELD_NAME, "Anna");
  answer (doc, "c-product", 4, FALSE, NULL);
  assert_refused (team, doc, "carries the id of Ben");
}

static void
test_merge_renamed (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-ben");
  g_autoptr(TrellisMerge) merge = trellis_merge_new (team);
  TrellisMergeItem *item;

  /* Ben is Benjamin in the matrix now: unsure, and his to confirm. */
  trellis_document_set_string (team, trellis_document_lookup (team, "p-ben"), TRELLIS_FIELD_NAME, "Benjamin");
  answer (doc, "c-product", 4, FALSE, NULL);
  item = trellis_merge_add (merge, "ben.trellis", doc, NULL);
  g_assert_cmpint (trellis_merge_item_get_match (item), ==, TRELLIS_MERGE_UNSURE);
  g_assert_cmpuint (trellis_merge_item_get_candidates (item)->len, ==, 1);
  trellis_merge_item_choose (item, g_ptr_array_index (trellis_merge_item_get_candidates (item), 0));
  trellis_merge_apply (merge);
  g_assert_cmpuint (trellis_merge_item_get_n_added (item), ==, 1);
}

static void
test_merge_no_assessments (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-ben");

  assert_refused (team, doc, "no assessments");
}

static void
test_merge_other_source (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-ben");
  TrellisAssessment a = { "c-product", 4, FALSE, TRELLIS_SOURCE_AGREED, 0, NULL, NULL };

  /* Nobody hands in an agreed level of their own making. */
  trellis_document_set_assessment (doc, trellis_personal_get_person (doc), &a);
  answer (doc, "c-listen", 1, FALSE, NULL);
  assert_refused (team, doc, "another perspective");
}

static void
test_merge_unknown_competency (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");

  answer (doc, "c-listen", 2, FALSE, NULL);
  trellis_document_remove (team, trellis_document_lookup (team, "c-listen"));
  trellis_document_set_unmodified (team);
  assert_refused (team, doc, "does not have");
}

static void
test_merge_share (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) doc = handout (team, "p-anna");
  g_autoptr(TrellisMerge) merge = NULL;
  TrellisShare share;

  answer (doc, "c-listen", 2, FALSE, NULL);
  trellis_document_set_int (doc, TRELLIS_ENTITY (trellis_personal_get_person (doc)), TRELLIS_FIELD_SHARE,
                            TRELLIS_SHARE_PRIVATE);
  merge = merge_docs (team, &doc, 1);
  g_assert_true (trellis_merge_item_get_share_changed (trellis_merge_get_item (merge, 0), &share));
  g_assert_cmpint (share, ==, TRELLIS_SHARE_PRIVATE);
  g_assert_cmpint (trellis_entity_get_int (trellis_document_lookup (team, "p-anna"), TRELLIS_FIELD_SHARE),
                   ==, TRELLIS_SHARE_PRIVATE);
}

/* A broken file among good ones: the good ones are taken, the broken
 * one is named, and nothing of it is in the matrix. */
static void
test_merge_broken_among_good (void)
{
  g_autoptr(TrellisDocument) team = load_team ();
  g_autoptr(TrellisDocument) anna = handout (team, "p-anna");
  g_autoptr(TrellisDocument) ben = handout (team, "p-ben");
  g_autoptr(TrellisMerge) merge = trellis_merge_new (team);
  g_autoptr(GError) error = g_error_new_literal (TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_NOT_XML,
                                                 "broken.trellis:1: This is not XML.");
  guint before = trellis_document_get_n_assessments (team);

  answer (anna, "c-listen", 2, FALSE, NULL);
  answer (ben, "c-listen", 1, TRUE, NULL);
  trellis_merge_add (merge, "anna.trellis", anna, NULL);
  trellis_merge_add (merge, "broken.trellis", NULL, error);
  trellis_merge_add (merge, "ben.trellis", ben, NULL);
  g_assert_cmpuint (trellis_merge_apply (merge), ==, 2);
  assert_accounted (merge, before, trellis_document_get_n_assessments (team));
  g_assert_cmpint (trellis_merge_item_get_match (trellis_merge_get_item (merge, 1)), ==, TRELLIS_MERGE_REFUSED);
  g_assert_nonnull (strstr (trellis_merge_item_get_refusal (trellis_merge_get_item (merge, 1)), "not XML"));
  g_assert_cmpuint (trellis_document_get_n_assessments (team), ==, before + 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/handout/contents", test_handout_contents);
  g_test_add_func ("/trellis/handout/own-history", test_handout_own_history);
  g_test_add_func ("/trellis/handout/file-name", test_handout_file_name);
  g_test_add_func ("/trellis/personal/matrix-id", test_matrix_id);
  g_test_add_func ("/trellis/personal/summary", test_summary);
  g_test_add_func ("/trellis/merge/by-id", test_merge_by_id);
  g_test_add_func ("/trellis/merge/duplicate", test_merge_duplicate);
  g_test_add_func ("/trellis/merge/conflict", test_merge_conflict);
  g_test_add_func ("/trellis/merge/by-name", test_merge_by_name);
  g_test_add_func ("/trellis/merge/new-person", test_merge_new_person);
  g_test_add_func ("/trellis/merge/ambiguous-name", test_merge_ambiguous_name);
  g_test_add_func ("/trellis/merge/another-matrix", test_merge_another_matrix);
  g_test_add_func ("/trellis/merge/not-personal", test_merge_not_personal);
  g_test_add_func ("/trellis/merge/claims-other-id", test_merge_claims_other_id);
  g_test_add_func ("/trellis/merge/renamed", test_merge_renamed);
  g_test_add_func ("/trellis/merge/no-assessments", test_merge_no_assessments);
  g_test_add_func ("/trellis/merge/other-source", test_merge_other_source);
  g_test_add_func ("/trellis/merge/unknown-competency", test_merge_unknown_competency);
  g_test_add_func ("/trellis/merge/share", test_merge_share);
  g_test_add_func ("/trellis/merge/broken-among-good", test_merge_broken_among_good);

  return g_test_run ();
}

/* test-document.c: the document model, reading and writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-analysis.h"
#include "trellis-document.h"
#include "trellis-monitor.h"
#include "trellis-personal.h"
#include "trellis-sight.h"

static TrellisDocument *
load_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", name, NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);

  return doc;
}

static char *
serialize (TrellisDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = trellis_document_serialize (doc, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_new_document (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  GPtrArray *scale = trellis_document_get_scale (doc);

  g_assert_cmpuint (scale->len, ==, 5);
  g_assert_cmpint (trellis_document_get_scale_min (doc), ==, 0);
  g_assert_cmpint (trellis_document_get_scale_max (doc), ==, 4);
  g_assert_true (trellis_document_level_in_scale (doc, 2));
  g_assert_false (trellis_document_level_in_scale (doc, 5));
  g_assert_false (trellis_document_get_modified (doc));
  g_assert_false (trellis_document_can_undo (doc));

  for (TrellisKind k = TRELLIS_KIND_VALUE; k < TRELLIS_N_KINDS; k++)
    g_assert_cmpuint (trellis_document_get_n_items (doc, k), ==, 0);
}

static void
test_load_small (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");
  TrellisEntity *rs = trellis_document_lookup (doc, "rs-complaints");
  TrellisEntity *agent = trellis_document_lookup (doc, "ro-agent");
  TrellisEntity *indicator = trellis_document_lookup (doc, "i-once");
  g_autoptr(GArray) history = NULL;
  TrellisAssessment effective;
  const TrellisAssignment *a;
  GArray *measurements;
  GPtrArray *reviews;

  g_assert_cmpstr (trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (doc))), ==, "Small & Co");
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_VALUE), ==, 2);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON), ==, 2);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 4);

  g_assert_true (TRELLIS_IS_PERSON (anna));
  g_assert_cmpint (trellis_entity_get_int (anna, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_TEAM);
  g_assert_true (trellis_strv_contains_id (trellis_entity_get_strv (anna, TRELLIS_FIELD_ROLES), "ro-agent"));

  history = trellis_document_get_assessments (doc, TRELLIS_PERSON (anna), "c-listen");
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (g_array_index (history, TrellisAssessment, 0).level, ==, 2);
  g_assert_true (g_array_index (history, TrellisAssessment, 0).want);
  g_assert_cmpstr (g_array_index (history, TrellisAssessment, 0).note, ==, "Want to practise");
  g_assert_cmpint (g_array_index (history, TrellisAssessment, 1).source, ==, TRELLIS_SOURCE_COACH);

  /* The latest of any source counts when nothing was agreed. */
  g_assert_true (trellis_document_get_effective (doc, TRELLIS_PERSON (anna), "c-listen", &effective));
  g_assert_cmpint (effective.level, ==, 3);
  g_assert_cmpint (effective.source, ==, TRELLIS_SOURCE_COACH);

  a = trellis_assignments_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS), "ro-lead");
  g_assert_nonnull (a);
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_ACCOUNTABLE);
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_DELEGATE);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_NEEDS), "c-listen"), ==, 3);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (agent, TRELLIS_FIELD_REQUIRES), "c-product"), ==, 2);

  measurements = trellis_entity_get_array (indicator, TRELLIS_FIELD_MEASUREMENTS);
  g_assert_cmpuint (measurements->len, ==, 2);
  g_assert_cmpfloat (g_array_index (measurements, TrellisMeasurement, 1).value, ==, 75.5);
  g_assert_cmpfloat (trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET), ==, 80);
  reviews = trellis_entity_get_ptr_array (indicator, TRELLIS_FIELD_REVIEWS);
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((TrellisReview *) g_ptr_array_index (reviews, 0))->check, ==, "Up 3.5 points");
}

static void
test_round_trip_identical (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  g_autofree char *first = serialize (doc);
  g_autofree char *original = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* The fixture is written in canonical form, so the first save equals it. */
  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL),
                                      &original, NULL, NULL));
  g_assert_cmpstr (first, ==, original);

  bytes = g_bytes_new (first, strlen (first));
  again = trellis_document_new_from_bytes (bytes, "first", NULL, &error);
  g_assert_no_error (error);
  second = serialize (again);
  g_assert_cmpstr (first, ==, second);
}

static void
count_changes_cb (TrellisDocument     *doc,
                  const TrellisChange *change,
                  gpointer             user_data)
{
  GArray *log = user_data;

  g_array_append_val (log, *change);
}

static void
test_create_and_signals (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (TrellisChange));
  TrellisEntity *value;
  TrellisEntity *competency;
  TrellisEntity *person;
  TrellisAssessment a = { 0 };

  g_signal_connect (doc, "changed", G_CALLBACK (count_changes_cb), log);

  value = trellis_document_create (doc, TRELLIS_KIND_VALUE, "Genuine care", -1);
  g_assert_cmpstr (trellis_entity_get_id (value), ==, "v-genuine-care");
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (g_array_index (log, TrellisChange, 0).kind, ==, TRELLIS_CHANGE_INSERTED);
  g_assert_true (g_array_index (log, TrellisChange, 0).entity == value);
  g_assert_true (trellis_document_get_modified (doc));

  /* A second item of the same name gets an id of its own. */
  g_assert_cmpstr (trellis_entity_get_id (trellis_document_create (doc, TRELLIS_KIND_VALUE, "Genuine care", -1)),
                   ==, "v-genuine-care-2");

  trellis_document_set_string (doc, value, TRELLIS_FIELD_DESCRIPTION, "We mean it");
  g_assert_cmpint (g_array_index (log, TrellisChange, log->len - 1).kind, ==, TRELLIS_CHANGE_FIELD);
  g_assert_cmpint (g_array_index (log, TrellisChange, log->len - 1).field, ==, TRELLIS_FIELD_DESCRIPTION);

  /* Setting the same value again records nothing. */
  g_array_set_size (log, 0);
  trellis_document_set_string (doc, value, TRELLIS_FIELD_DESCRIPTION, "We mean it");
  g_assert_cmpuint (log->len, ==, 0);

  competency = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Listening", -1);
  person = trellis_document_create (doc, TRELLIS_KIND_PERSON, "Anna", -1);
  g_array_set_size (log, 0);

  a.competency = trellis_entity_get_id (competency);
  a.level = 2;
  a.source = TRELLIS_SOURCE_SELF;
  a.date = trellis_date_today ();
  trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (g_array_index (log, TrellisChange, 0).kind, ==, TRELLIS_CHANGE_ASSESSMENTS);
  g_assert_cmpstr (g_array_index (log, TrellisChange, 0).competency, ==, "c-listening");
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 1);

  /* Same competency, source and date: replaced, not added. */
  a.level = 3;
  trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 1);

  /* Another source is kept beside it: perspectives are never merged. */
  a.source = TRELLIS_SOURCE_COACH;
  a.level = 1;
  trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 2);
}

static void
test_delete_clears_references (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  TrellisEntity *agent = trellis_document_lookup (doc, "ro-agent");
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");
  TrellisEntity *rs = trellis_document_lookup (doc, "rs-complaints");
  TrellisEntity *listen = trellis_document_lookup (doc, "c-listen");
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;

  /* A deleted value leaves no id behind: the saved file must load. */
  trellis_document_remove (doc, trellis_document_lookup (doc, "v-care"));
  g_assert_false (trellis_strv_contains_id (trellis_entity_get_strv (trellis_document_lookup (doc, "r-once"),
                                                                      TRELLIS_FIELD_VALUES), "v-care"));
  g_assert_false (trellis_strv_contains_id (trellis_entity_get_strv (listen, TRELLIS_FIELD_VALUES), "v-care"));
  {
    g_autofree char *saved = serialize (doc);
    g_autoptr(GBytes) bytes = g_bytes_new (saved, strlen (saved));
    g_autoptr(GError) error = NULL;
    g_autoptr(TrellisDocument) reloaded = trellis_document_new_from_bytes (bytes, "saved", NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reloaded);
  }
  g_assert_true (trellis_document_undo (doc));

  trellis_document_remove (doc, agent);
  g_assert_null (trellis_document_lookup (doc, "ro-agent"));
  g_assert_false (trellis_strv_contains_id (trellis_entity_get_strv (anna, TRELLIS_FIELD_ROLES), "ro-agent"));
  g_assert_null (trellis_assignments_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS), "ro-agent"));

  /* One undo step brings everything back. */
  g_assert_true (trellis_document_undo (doc));
  after = serialize (doc);
  g_assert_cmpstr (before, ==, after);

  /* Deleting a person deletes their development actions too. */
  trellis_document_remove (doc, anna);
  g_assert_null (trellis_document_lookup (doc, "a-1"));
  g_assert_true (trellis_document_undo (doc));
  g_assert_nonnull (trellis_document_lookup (doc, "a-1"));

  /* A deleted competency's assessments disappear and come back. */
  trellis_document_remove (doc, listen);
  g_assert_cmpuint (trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY), ==, 1);
  g_clear_pointer (&after, g_free);
  after = serialize (doc);
  g_assert_null (strstr (after, "c-listen"));
  g_assert_true (trellis_document_undo (doc));
  g_clear_pointer (&after, g_free);
  after = serialize (doc);
  g_assert_cmpstr (before, ==, after);
}

static void
test_unnamed_entities_save (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  for (TrellisKind k = TRELLIS_KIND_VALUE; k < TRELLIS_N_KINDS; k++)
    trellis_document_create (doc, k, NULL, -1);

  text = serialize (doc);
  bytes = g_bytes_new (text, strlen (text));
  again = trellis_document_new_from_bytes (bytes, "unnamed", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_document_get_n_items (again, TRELLIS_KIND_ROLE), ==, 1);
}

static void
test_make_id (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autofree char *a = trellis_document_make_id (doc, TRELLIS_KIND_COMPETENCY, "Klachtafhandeling & nazorg");
  g_autofree char *b = trellis_document_make_id (doc, TRELLIS_KIND_PERSON, "Zoë Ñúñez");
  g_autofree char *c = trellis_document_make_id (doc, TRELLIS_KIND_ROLE, "");
  g_autofree char *d = trellis_document_make_id (doc, TRELLIS_KIND_ROLE, NULL);

  g_assert_cmpstr (a, ==, "c-klachtafhandeling-nazorg");
  g_assert_cmpstr (b, ==, "p-zoe-nunez");
  g_assert_cmpstr (c, ==, "ro-1");
  g_assert_cmpstr (d, ==, "ro-1");
}

static void
test_scale_in_use (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  g_autoptr(GError) error = NULL;
  GPtrArray *levels = trellis_scale_levels_new ();

  /* Level 4 is used by Ben's agreed assessment and cannot go. */
  for (gint i = 0; i <= 3; i++)
    g_ptr_array_add (levels, trellis_scale_level_new (i, "L", NULL));
  g_assert_false (trellis_document_set_scale (doc, levels, &error));
  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_IN_USE);
  g_assert_cmpuint (trellis_document_get_scale (doc)->len, ==, 5);

  /* Adding a level is fine. */
  levels = trellis_scale_copy (trellis_document_get_scale (doc));
  g_ptr_array_add (levels, trellis_scale_level_new (5, "Master", NULL));
  g_assert_true (trellis_document_set_scale (doc, levels, NULL));
  g_assert_cmpint (trellis_document_get_scale_max (doc), ==, 5);
}

static void
test_dates (void)
{
  TrellisDate d;
  char buf[11];

  g_assert_true (trellis_date_parse ("2026-11-23", 10, &d));
  g_assert_cmpstr (trellis_date_format (d, buf), ==, "2026-11-23");
  g_assert_true (trellis_date_parse ("2024-02-29", 10, &d));
  g_assert_false (trellis_date_parse ("2026-02-29", 10, &d));
  g_assert_false (trellis_date_parse ("2026-13-01", 10, &d));
  g_assert_false (trellis_date_parse ("26-11-2026", 10, &d));
  g_assert_false (trellis_date_parse ("2026-1-1", 8, &d));
  g_assert_false (trellis_date_parse ("0000-01-01", 10, &d));
}

/* Every line of @before and @after is the same but one, which differs
 * only in @from becoming @to. Comparing the whole saved file, rather than
 * the fields known today, also catches a field added to assessments later
 * that an edit forgets to keep. */
static void
assert_one_line_changed (const char *before,
                         const char *after,
                         const char *from,
                         const char *to)
{
  g_auto(GStrv) a = g_strsplit (before, "\n", -1);
  g_auto(GStrv) b = g_strsplit (after, "\n", -1);
  guint changed = 0;

  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (b));
  for (guint i = 0; a[i] != NULL; i++)
    {
      g_autoptr(GString) expected = NULL;

      if (g_str_equal (a[i], b[i]))
        continue;
      changed++;
      expected = g_string_new (a[i]);
      g_assert_cmpuint (g_string_replace (expected, from, to, 1), ==, 1);
      g_assert_cmpstr (expected->str, ==, b[i]);
    }
  g_assert_cmpuint (changed, ==, 1);
}

static void
test_assessed_level_keeps_record (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");
  TrellisDate date = 0;
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (trellis_date_parse ("2026-11-20", 10, &date));

  /* The self-assessment with a note and a wish to grow takes a new level
   * and keeps the rest. */
  g_assert_true (trellis_document_set_assessed_level (doc, TRELLIS_PERSON (anna), "c-listen",
                                                      TRELLIS_SOURCE_SELF, date, 3));
  after = serialize (doc);
  assert_one_line_changed (before, after, "level=\"2\"", "level=\"3\"");
  g_assert_true (trellis_document_undo (doc));
  undone = serialize (doc);
  g_assert_cmpstr (undone, ==, before);

  /* Taking the wish to grow away keeps the level and the note. */
  g_assert_true (trellis_document_set_assessed_want (doc, TRELLIS_PERSON (anna), "c-listen",
                                                     TRELLIS_SOURCE_SELF, date, FALSE));
  wanted = serialize (doc);
  assert_one_line_changed (before, wanted, " want=\"grow\"", "");

  /* A level off the scale is refused and changes nothing; a want with no
   * level to keep is not made up. */
  g_assert_false (trellis_document_set_assessed_level (doc, TRELLIS_PERSON (anna), "c-listen",
                                                       TRELLIS_SOURCE_SELF, date, 9));
  g_assert_false (trellis_document_set_assessed_want (doc, TRELLIS_PERSON (anna), "c-listen",
                                                      TRELLIS_SOURCE_PEER, date, TRUE));
  g_free (after);
  after = serialize (doc);
  g_assert_cmpstr (after, ==, wanted);
}

/* Whether the analysis shows @person wanting to grow in @competency. */
static gboolean
shows_want (TrellisDocument *doc,
            const char      *person,
            const char      *competency)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  gint p = trellis_analysis_get_index (analysis, trellis_document_lookup (doc, person));
  gint c = trellis_analysis_get_index (analysis, trellis_document_lookup (doc, competency));

  g_assert_cmpint (p, >=, 0);
  g_assert_cmpint (c, >=, 0);
  return trellis_analysis_get_cell (analysis, p, c)->want;
}

static void
test_assessed_level_keeps_wish (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");
  g_autoptr(GArray) history = NULL;
  TrellisDate date = 0;

  /* Anna wants to grow in listening (her self-assessment of 20 November)
   * and a coach rated her the day after, without the mark: a coach
   * cannot say what she wants. */
  g_assert_true (shows_want (doc, "p-anna", "c-listen"));
  g_assert_true (trellis_date_parse ("2026-11-22", 10, &date));

  /* The agreed level typed on the next day is a new assessment, and it
   * carries her wish, not the coach's silence. */
  g_assert_true (trellis_document_set_assessed_level (doc, TRELLIS_PERSON (anna), "c-listen",
                                                      TRELLIS_SOURCE_AGREED, date, 3));
  history = trellis_document_get_assessments (doc, TRELLIS_PERSON (anna), "c-listen");
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (g_array_index (history, TrellisAssessment, 2).source, ==, TRELLIS_SOURCE_AGREED);
  g_assert_true (g_array_index (history, TrellisAssessment, 2).want);
  g_assert_true (shows_want (doc, "p-anna", "c-listen"));
}

static void
test_raci_strings (void)
{
  TrellisRaci raci;
  char buf[5];

  g_assert_true (trellis_raci_from_string ("RA", 2, &raci));
  g_assert_cmpint (raci, ==, TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE);
  g_assert_cmpstr (trellis_raci_to_string (raci, buf), ==, "RA");
  g_assert_false (trellis_raci_from_string ("AR", 2, &raci));
  g_assert_false (trellis_raci_from_string ("RR", 2, &raci));
  g_assert_false (trellis_raci_from_string ("X", 1, &raci));
  g_assert_false (trellis_raci_from_string ("", 0, &raci));
}

static void
test_keyed_arrays (void)
{
  g_autoptr(GArray) r1 = trellis_requirements_copy_set (NULL, "c-a", 1);
  g_autoptr(GArray) r2 = trellis_requirements_copy_set (r1, "c-b", 2);
  g_autoptr(GArray) r3 = trellis_requirements_copy_set (r2, "c-a", 3);
  g_autoptr(GArray) r4 = trellis_requirements_copy_set (r3, "c-b", TRELLIS_LEVEL_NONE);
  g_autoptr(GArray) r5 = trellis_requirements_copy_set (r4, "c-missing", TRELLIS_LEVEL_NONE);
  g_autoptr(GArray) a1 = trellis_assignments_copy_set (NULL, "ro-a", TRELLIS_RACI_RESPONSIBLE,
                                                       TRELLIS_AUTHORITY_NONE);
  g_autoptr(GArray) a2 = trellis_assignments_copy_set (a1, "ro-b", TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_TELL);
  g_autoptr(GArray) a3 = trellis_assignments_copy_set (a2, "ro-a", TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE);
  g_autoptr(GArray) t1 = trellis_targets_copy_set (NULL, "c-a", 2, 1);
  g_autoptr(GArray) t2 = trellis_targets_copy_set (t1, "c-b", 3, 2);
  g_autoptr(GArray) t3 = trellis_targets_copy_set (t2, "c-a", 4, 5);
  g_autoptr(GArray) t4 = trellis_targets_copy_set (t3, "c-b", 3, 0);
  const TrellisAssignment *a;

  /* Setting keeps the order, replacing in place; the input stays as it was. */
  g_assert_cmpuint (r2->len, ==, 2);
  g_assert_cmpuint (r3->len, ==, 2);
  g_assert_cmpstr (g_array_index (r3, TrellisRequirement, 0).competency, ==, "c-a");
  g_assert_cmpint (g_array_index (r3, TrellisRequirement, 0).level, ==, 3);
  g_assert_cmpint (trellis_requirements_lookup (r2, "c-a"), ==, 1);
  g_assert_cmpint (trellis_requirements_lookup (r3, "c-a"), ==, 3);
  g_assert_cmpint (trellis_requirements_lookup (r3, "c-b"), ==, 2);
  g_assert_cmpuint (r4->len, ==, 1);
  g_assert_cmpint (trellis_requirements_lookup (r4, "c-b"), ==, TRELLIS_LEVEL_NONE);
  g_assert_cmpuint (r5->len, ==, 1);
  g_assert_cmpint (trellis_requirements_lookup (NULL, "c-a"), ==, TRELLIS_LEVEL_NONE);

  g_assert_cmpuint (a2->len, ==, 2);
  a = trellis_assignments_lookup (a2, "ro-b");
  g_assert_nonnull (a);
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_NONE);
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_TELL);
  g_assert_cmpuint (a3->len, ==, 1);
  g_assert_null (trellis_assignments_lookup (a3, "ro-a"));
  g_assert_nonnull (trellis_assignments_lookup (a3, "ro-b"));

  g_assert_cmpuint (t3->len, ==, 2);
  g_assert_cmpstr (g_array_index (t3, TrellisTarget, 0).competency, ==, "c-a");
  g_assert_cmpint (g_array_index (t3, TrellisTarget, 0).level, ==, 4);
  g_assert_cmpuint (g_array_index (t3, TrellisTarget, 0).people, ==, 5);
  g_assert_cmpuint (t4->len, ==, 1);
  g_assert_cmpstr (g_array_index (t4, TrellisTarget, 0).competency, ==, "c-a");
}

/* The names on each stage of the line of sight through @id, joined. */
static char *
walk (TrellisDocument *doc,
      const char      *id)
{
  GPtrArray *stages[TRELLIS_N_SIGHT_STAGES];
  GString *out = g_string_new (NULL);
  TrellisEntity *from = trellis_document_lookup (doc, id);

  /* The organisation is no item of a list. */
  if (from == NULL)
    from = TRELLIS_ENTITY (trellis_document_get_organisation (doc));
  trellis_document_walk_sight (doc, from, stages);
  for (guint s = 0; s < TRELLIS_N_SIGHT_STAGES; s++)
    {
      if (s > 0)
        g_string_append (out, " | ");
      for (guint i = 0; i < stages[s]->len; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "," : "",
                                trellis_entity_get_id (g_ptr_array_index (stages[s], i)));
      g_ptr_array_unref (stages[s]);
    }

  return g_string_free (out, FALSE);
}

/* From anything, up to the mission and down to who carries it. */
static void
test_line_of_sight (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  const char *org = trellis_entity_get_id (TRELLIS_ENTITY (trellis_document_get_organisation (doc)));
  struct { const char *from; const char *expected; } cases[] = {
    /* A person: their roles, what the roles require and carry, up. */
    { "p-anna", "ORG | v-care,v-own | r-once | rs-complaints | c-listen,c-product | ro-agent | p-anna" },
    /* A competency: down to the roles that require it and their people. */
    { "c-listen", "ORG | v-care,v-own | r-once | rs-complaints | c-listen | ro-agent | p-anna,p-ben" },
    /* A role carries what is assigned to it, needed or not. */
    { "ro-lead", "ORG | v-care,v-own | r-once | rs-complaints | c-product | ro-lead | p-ben" },
    /* A value: everything that serves it. */
    { "v-own", "ORG | v-own | r-once | rs-complaints | c-listen,c-product | ro-agent,ro-lead | p-anna,p-ben" },
    /* An indicator, from its result; an action, from its person and competency. */
    { "i-once", "ORG | v-care,v-own | r-once | rs-complaints | c-listen | ro-agent,ro-lead | p-anna,p-ben" },
    { "a-1", "ORG | v-care,v-own | r-once | rs-complaints | c-listen,c-product | ro-agent | p-anna,p-ben" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = walk (doc, cases[i].from);
      g_autofree char *expected = NULL;
      g_auto(GStrv) parts = g_strsplit (cases[i].expected, "ORG", 2);

      expected = g_strjoinv (org, parts);
      g_test_message ("from %s: %s", cases[i].from, got);
      g_assert_cmpstr (got, ==, expected);
    }

  g_assert_cmpstr (trellis_sight_stage_get_label (TRELLIS_SIGHT_PEOPLE), ==, "People");

  /* A responsibility for no result yet, a role no person has: nothing
   * on that side of them. */
  {
    TrellisEntity *r = trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, "Loose", -1);
    TrellisEntity *role = trellis_document_create (doc, TRELLIS_KIND_ROLE, "Empty", -1);
    g_autofree char *from_r = walk (doc, trellis_entity_get_id (r));
    g_autofree char *from_role = walk (doc, trellis_entity_get_id (role));
    g_autofree char *from_org = walk (doc, org);
    g_autofree char *only_r = g_strdup_printf (" |  |  | %s |  |  | ", trellis_entity_get_id (r));
    g_autofree char *only_role = g_strdup_printf (" |  |  |  |  | %s | ", trellis_entity_get_id (role));

    g_assert_cmpstr (from_r, ==, only_r);
    g_assert_cmpstr (from_role, ==, only_role);
    g_assert_nonnull (strstr (from_org, "rs-complaints"));
    g_assert_null (strstr (from_org, trellis_entity_get_id (r)));
  }
}

static TrellisDate
date (const char *iso)
{
  TrellisDate d = 0;

  g_assert_true (trellis_date_parse (iso, strlen (iso), &d));
  return d;
}

/* An indicator below its target; who has had no step in growing for six
 * months. */
static void
test_monitor (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  TrellisEntity *once = trellis_document_lookup (doc, "i-once");
  TrellisEntity *anna = trellis_document_lookup (doc, "p-anna");
  TrellisEntity *ben = trellis_document_lookup (doc, "p-ben");
  TrellisMeasurement latest;

  /* 75.5 % on 2026-11-01, for a target of 80 %. */
  g_assert_true (trellis_indicator_get_latest (once, &latest));
  g_assert_cmpuint (latest.date, ==, date ("2026-11-01"));
  g_assert_cmpfloat (latest.value, ==, 75.5);
  g_assert_true (trellis_indicator_misses_target (once));
  trellis_document_take_array (doc, once, TRELLIS_FIELD_MEASUREMENTS,
                               trellis_measurements_copy_set (trellis_entity_get_array (once, TRELLIS_FIELD_MEASUREMENTS),
                                                              date ("2026-12-01"), 81));
  g_assert_false (trellis_indicator_misses_target (once));
  trellis_document_set_double (doc, once, TRELLIS_FIELD_TARGET, NAN);
  g_assert_false (trellis_indicator_misses_target (once));

  /* Anna was assessed on 2026-11-21 and has coaching due 2027-01-31;
   * Ben was last assessed on 2026-10-01. */
  g_assert_cmpuint (trellis_document_get_last_growth_step (doc, anna, date ("2026-12-31")), ==, date ("2026-11-21"));
  g_assert_cmpuint (trellis_document_get_last_growth_step (doc, anna, date ("2027-06-30")), ==, date ("2027-01-31"));
  g_assert_false (trellis_document_is_quiet (doc, anna, date ("2027-06-30")));
  g_assert_true (trellis_document_is_quiet (doc, anna, date ("2027-09-01")));
  g_assert_true (trellis_document_is_quiet (doc, ben, date ("2027-06-30")));
  g_assert_cmpuint (trellis_document_count_quiet (doc, date ("2027-06-30")), ==, 1);
  g_assert_cmpuint (trellis_document_count_quiet (doc, date ("2026-12-31")), ==, 0);

  /* A cancelled action is no step. */
  trellis_document_set_int (doc, trellis_document_lookup (doc, "a-1"), TRELLIS_FIELD_STATUS, TRELLIS_STATUS_CANCELLED);
  g_assert_cmpuint (trellis_document_get_last_growth_step (doc, anna, date ("2027-06-30")), ==, date ("2026-11-21"));
}

/* Snapshots: a copy to read in another thread */

static TrellisDocument *
load_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* A copy says everything the document says, byte for byte, and its
 * entities are copies with the same ids. */
static void
test_snapshot_complete (void)
{
  const char *paths[] = {
    g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL),
    g_test_get_filename (G_TEST_DIST, "..", "data", "examples", "customer-service.trellis", NULL),
    g_test_get_filename (G_TEST_DIST, "..", "data", "examples", "klantenservice.trellis", NULL),
    g_test_get_filename (G_TEST_DIST, "data", "decisions.trellis", NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(TrellisDocument) doc = load_path (paths[i]);
      g_autoptr(TrellisDocument) copy = NULL;

      /* Format 1.1: the matrix's identity, and a personal file's progress. */
      if (i == 0)
        {
          g_autoptr(TrellisProgress) progress = NULL;

          trellis_document_ensure_matrix_id (doc);
          progress = trellis_progress_new (trellis_entity_get_id (trellis_document_get_item (doc, TRELLIS_KIND_PERSON, 0)));
          progress->stage = TRELLIS_GUIDE_SUMMARY;
          trellis_document_set_progress (doc, progress);
        }
      copy = trellis_document_snapshot (doc);
      g_autofree char *before = serialize (doc);
      g_autofree char *copied = serialize (copy);

      g_assert_cmpstr (copied, ==, before);
      g_assert_cmpuint (trellis_document_get_n_assessments (copy), ==, trellis_document_get_n_assessments (doc));
      g_assert_false (trellis_document_get_modified (copy));
      if (i == 0)
        {
          g_assert_nonnull (strstr (copied, "<self-assessment "));
          g_assert_nonnull (strstr (copied, trellis_document_get_matrix_id (doc)));
        }

      for (guint kind = TRELLIS_KIND_VALUE; kind < TRELLIS_N_KINDS; kind++)
        {
          g_assert_cmpuint (trellis_document_get_n_items (copy, kind), ==, trellis_document_get_n_items (doc, kind));
          for (guint k = 0; k < trellis_document_get_n_items (doc, kind); k++)
            {
              TrellisEntity *original = trellis_document_get_item (doc, kind, k);
              TrellisEntity *entity = trellis_document_get_item (copy, kind, k);

              g_assert_true (entity != original);
              g_assert_true (trellis_entity_same (entity, original));
              g_assert_true (trellis_document_lookup (copy, trellis_entity_get_id (original)) == entity);
            }
        }
    }
}

/* Edits after the copy was made leave it as it was, and the other way
 * round nothing reaches the document. */
static void
test_snapshot_independent (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ("small.trellis");
  g_autoptr(TrellisDocument) copy = trellis_document_snapshot (doc);
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  g_autofree char *copied = NULL;
  TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, 0);
  TrellisEntity *competency = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, 0);
  TrellisEntity *role = trellis_document_get_item (doc, TRELLIS_KIND_ROLE, 0);
  TrellisAssessment a = { trellis_entity_get_id (competency), 0, TRUE, TRELLIS_SOURCE_COACH,
                          trellis_date_today (), "a note", NULL };
  TrellisAssessment effective;

  trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
  trellis_document_set_string (doc, person, TRELLIS_FIELD_NAME, "Someone Else");
  trellis_document_set_requirement (doc, role, trellis_entity_get_id (competency), 1);
  trellis_document_remove (doc, trellis_document_get_item (doc, TRELLIS_KIND_VALUE, 0));

  after = serialize (doc);
  copied = serialize (copy);
  g_assert_cmpstr (copied, ==, before);
  g_assert_cmpstr (after, !=, before);

  /* The copy's person still has the assessments it had. */
  g_assert_true (trellis_document_get_effective (copy,
                                                 TRELLIS_PERSON (trellis_document_lookup (copy, trellis_entity_get_id (person))),
                                                 trellis_entity_get_id (competency), &effective));
  g_assert_cmpint (effective.date, !=, trellis_date_today ());

  /* Undoing everything brings the document back to what the copy is. */
  while (trellis_document_can_undo (doc))
    trellis_document_undo (doc);
  g_clear_pointer (&after, g_free);
  after = serialize (doc);
  g_assert_cmpstr (after, ==, copied);
}

typedef struct
{
  TrellisDocument *copy;
  guint            n_people;
} AnalyseJob;

static gpointer
analyse_thread (gpointer data)
{
  AnalyseJob *job = data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (job->copy);

      job->n_people = trellis_analysis_get_n_people (analysis);
    }

  return NULL;
}

/* A copy is analysed in another thread while this one edits the
 * document, as the heatmaps do. */
static void
test_snapshot_thread (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "examples",
                                                                    "customer-service.trellis", NULL));
  g_autoptr(TrellisDocument) doc = trellis_document_new_from_file (file, NULL, NULL, NULL);
  g_autoptr(TrellisDocument) copy = trellis_document_snapshot (doc);
  g_autofree char *copied = serialize (copy);
  guint n_people = trellis_document_get_n_items (doc, TRELLIS_KIND_PERSON);
  guint n_competencies = trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY);
  AnalyseJob job = { copy, 0 };
  GThread *thread = g_thread_new ("analyse", analyse_thread, &job);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 400; i++)
    {
      TrellisEntity *person = trellis_document_get_item (doc, TRELLIS_KIND_PERSON, i % n_people);
      TrellisEntity *competency = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, i % n_competencies);
      TrellisAssessment a = { trellis_entity_get_id (competency), (gint) (i % 3), FALSE, TRELLIS_SOURCE_PEER,
                              trellis_date_today () - (TrellisDate) (i % 7), NULL, NULL };

      trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
      if (i % 50 == 0)
        trellis_document_set_string (doc, person, TRELLIS_FIELD_NAME, "Renamed");
    }

  g_thread_join (thread);
  g_assert_cmpuint (job.n_people, ==, n_people);
  after = serialize (copy);
  g_assert_cmpstr (after, ==, copied);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/document/new", test_new_document);
  g_test_add_func ("/trellis/document/load/small", test_load_small);
  g_test_add_func ("/trellis/document/round-trip/identical", test_round_trip_identical);
  g_test_add_func ("/trellis/document/edit/create-and-signals", test_create_and_signals);
  g_test_add_func ("/trellis/document/edit/delete-clears-references", test_delete_clears_references);
  g_test_add_func ("/trellis/document/edit/assessed-level-keeps-record", test_assessed_level_keeps_record);
  g_test_add_func ("/trellis/document/edit/assessed-level-keeps-wish", test_assessed_level_keeps_wish);
  g_test_add_func ("/trellis/document/make-id", test_make_id);
  g_test_add_func ("/trellis/document/line-of-sight", test_line_of_sight);
  g_test_add_func ("/trellis/document/monitor", test_monitor);
  g_test_add_func ("/trellis/document/snapshot/complete", test_snapshot_complete);
  g_test_add_func ("/trellis/document/snapshot/independent", test_snapshot_independent);
  g_test_add_func ("/trellis/document/snapshot/thread", test_snapshot_thread);
  g_test_add_func ("/trellis/document/unnamed-entities-save", test_unnamed_entities_save);
  g_test_add_func ("/trellis/document/scale/in-use", test_scale_in_use);
  g_test_add_func ("/trellis/entity/keyed-arrays", test_keyed_arrays);
  g_test_add_func ("/trellis/types/dates", test_dates);
  g_test_add_func ("/trellis/types/raci", test_raci_strings);

  return g_test_run ();
}

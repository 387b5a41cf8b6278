/* test-format.c: the file format — round trips, the schema, newer
 * versions, numbers, dates and the canonical form of the output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "trellis-document.h"
#include "trellis-personal.h"
#include "trellis-translations.h"
#include "test-schema.h"
#include "test-util.h"

/* Serializes, checks the output against the schema and returns it. */
static char *
save_valid (TrellisDocument *doc)
{
  char *out = test_serialize_string (doc);

  assert_valid (out, strlen (out));
  return out;
}

static TrellisDocument *
load_ok (const char        *xml,
         TrellisLoadReport *report)
{
  g_autoptr(GError) error = NULL;
  TrellisDocument *doc = test_load_string (xml, report, &error);

  if (error != NULL)
    g_error ("could not read back: %s\n--- input ---\n%s", error->message, xml);
  g_assert_nonnull (doc);

  return doc;
}

/* load → save → load → save: the two saves are byte-identical. Returns
 * the document read back. */
static TrellisDocument *
assert_stable (TrellisDocument *doc,
               gboolean         validate)
{
  g_autofree char *first = validate ? save_valid (doc) : test_serialize_string (doc);
  g_autoptr(TrellisDocument) again = load_ok (first, NULL);
  g_autofree char *second = test_serialize_string (again);

  g_assert_cmpstr (first, ==, second);

  return g_steal_pointer (&again);
}

/* Comparing documents field by field */

static void
assert_strings_equal (const char *what,
                      const char *a,
                      const char *b)
{
  /* An empty string and none are the same in a file. */
  if (a != NULL && a[0] == '\0')
    a = NULL;
  if (b != NULL && b[0] == '\0')
    b = NULL;

  if (g_strcmp0 (a, b) != 0)
    g_error ("%s differs: ‘%s’ against ‘%s’", what, a ? a : "(none)", b ? b : "(none)");
}

static void
assert_fields_equal (TrellisEntity *a,
                     TrellisEntity *b)
{
  TrellisEntityClass *klass = TRELLIS_ENTITY_GET_CLASS (a);

  g_assert_cmpstr (trellis_entity_get_id (a), ==, trellis_entity_get_id (b));
  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));

  for (guint i = 0; i < klass->n_fields; i++)
    {
      TrellisField field = klass->fields[i];
      g_autofree char *what = g_strdup_printf ("%s.%s", trellis_entity_get_id (a), trellis_field_get_name (field));
      GType type = trellis_field_get_value_type (field);

      if (type == G_TYPE_STRING)
        assert_strings_equal (what, trellis_entity_get_string (a, field), trellis_entity_get_string (b, field));
      else if (type == G_TYPE_STRV)
        {
          const char **sa = trellis_entity_get_strv (a, field);
          const char **sb = trellis_entity_get_strv (b, field);
          guint na = sa != NULL ? g_strv_length ((char **) sa) : 0;
          guint nb = sb != NULL ? g_strv_length ((char **) sb) : 0;

          g_assert_cmpuint (na, ==, nb);
          for (guint k = 0; k < na; k++)
            assert_strings_equal (what, sa[k], sb[k]);
        }
      else if (type == G_TYPE_INT)
        g_assert_cmpint (trellis_entity_get_int (a, field), ==, trellis_entity_get_int (b, field));
      else if (type == G_TYPE_UINT)
        g_assert_cmpuint (trellis_entity_get_uint (a, field), ==, trellis_entity_get_uint (b, field));
      else if (type == G_TYPE_DOUBLE)
        {
          double da = trellis_entity_get_double (a, field);
          double db = trellis_entity_get_double (b, field);

          if (isnan (da))
            g_assert_true (isnan (db));
          else
            g_assert_cmpfloat (da, ==, db);
        }
      else if (field == TRELLIS_FIELD_NEEDS || field == TRELLIS_FIELD_REQUIRES)
        {
          GArray *ra = trellis_entity_get_array (a, field);
          GArray *rb = trellis_entity_get_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              g_assert_cmpstr (g_array_index (ra, TrellisRequirement, k).competency, ==,
                               g_array_index (rb, TrellisRequirement, k).competency);
              g_assert_cmpint (g_array_index (ra, TrellisRequirement, k).level, ==,
                               g_array_index (rb, TrellisRequirement, k).level);
            }
        }
      else if (field == TRELLIS_FIELD_ASSIGNS)
        {
          GArray *ra = trellis_entity_get_array (a, field);
          GArray *rb = trellis_entity_get_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisAssignment *x = &g_array_index (ra, TrellisAssignment, k);
              const TrellisAssignment *y = &g_array_index (rb, TrellisAssignment, k);

              g_assert_cmpstr (x->role, ==, y->role);
              g_assert_cmpint (x->raci, ==, y->raci);
              g_assert_cmpint (x->authority, ==, y->authority);
            }
        }
      else if (field == TRELLIS_FIELD_TARGETS)
        {
          GArray *ra = trellis_entity_get_array (a, field);
          GArray *rb = trellis_entity_get_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisTarget *x = &g_array_index (ra, TrellisTarget, k);
              const TrellisTarget *y = &g_array_index (rb, TrellisTarget, k);

              g_assert_cmpstr (x->competency, ==, y->competency);
              g_assert_cmpint (x->level, ==, y->level);
              g_assert_cmpuint (x->people, ==, y->people);
            }
        }
      else if (field == TRELLIS_FIELD_MEASUREMENTS)
        {
          GArray *ra = trellis_entity_get_array (a, field);
          GArray *rb = trellis_entity_get_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisMeasurement *x = &g_array_index (ra, TrellisMeasurement, k);
              const TrellisMeasurement *y = &g_array_index (rb, TrellisMeasurement, k);

              g_assert_cmpuint (x->date, ==, y->date);
              g_assert_cmpfloat (x->value, ==, y->value);
            }
        }
      else if (field == TRELLIS_FIELD_SCALE)
        {
          GPtrArray *ra = trellis_entity_get_ptr_array (a, field);
          GPtrArray *rb = trellis_entity_get_ptr_array (b, field);

          g_assert_cmpuint (ra->len, ==, rb->len);
          for (guint k = 0; k < ra->len; k++)
            {
              const TrellisScaleLevel *x = g_ptr_array_index (ra, k);
              const TrellisScaleLevel *y = g_ptr_array_index (rb, k);

              g_assert_cmpint (x->value, ==, y->value);
              assert_strings_equal ("scale name", x->name, y->name);
              assert_strings_equal ("scale description", x->description, y->description);
            }
        }
      else if (field == TRELLIS_FIELD_LEVELS)
        {
          GPtrArray *ra = trellis_entity_get_ptr_array (a, field);
          GPtrArray *rb = trellis_entity_get_ptr_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisLevelText *x = g_ptr_array_index (ra, k);
              const TrellisLevelText *y = g_ptr_array_index (rb, k);

              g_assert_cmpint (x->level, ==, y->level);
              assert_strings_equal (what, x->text, y->text);
            }
        }
      else if (field == TRELLIS_FIELD_REVIEWS)
        {
          GPtrArray *ra = trellis_entity_get_ptr_array (a, field);
          GPtrArray *rb = trellis_entity_get_ptr_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisReview *x = g_ptr_array_index (ra, k);
              const TrellisReview *y = g_ptr_array_index (rb, k);

              g_assert_cmpuint (x->date, ==, y->date);
              assert_strings_equal ("plan", x->plan, y->plan);
              assert_strings_equal ("do", x->do_, y->do_);
              assert_strings_equal ("check", x->check, y->check);
              assert_strings_equal ("act", x->act, y->act);
            }
        }
      else if (field == TRELLIS_FIELD_DECISIONS)
        {
          GPtrArray *ra = trellis_entity_get_ptr_array (a, field);
          GPtrArray *rb = trellis_entity_get_ptr_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisDecision *x = g_ptr_array_index (ra, k);
              const TrellisDecision *y = g_ptr_array_index (rb, k);

              g_assert_cmpstr (x->about, ==, y->about);
              g_assert_cmpint (x->level, ==, y->level);
              g_assert_cmpuint (x->date, ==, y->date);
              g_assert_cmpmem (x->votes, sizeof x->votes, y->votes, sizeof y->votes);
              assert_strings_equal ("rationale", x->rationale, y->rationale);
            }
        }
      else if (field == TRELLIS_FIELD_TRANSLATIONS)
        {
          GPtrArray *ra = trellis_entity_get_ptr_array (a, field);
          GPtrArray *rb = trellis_entity_get_ptr_array (b, field);

          g_assert_cmpuint (ra ? ra->len : 0, ==, rb ? rb->len : 0);
          for (guint k = 0; ra != NULL && k < ra->len; k++)
            {
              const TrellisTranslation *x = g_ptr_array_index (ra, k);
              const TrellisTranslation *y = g_ptr_array_index (rb, k);

              g_assert_cmpstr (x->language, ==, y->language);
              g_assert_cmpint (x->part, ==, y->part);
              g_assert_cmpint (x->index, ==, y->index);
              assert_strings_equal ("translation", x->text, y->text);
            }
        }
      else
        g_error ("the test does not compare the field %s", trellis_field_get_name (field));
    }
}

static void
assert_documents_equal (TrellisDocument *a,
                        TrellisDocument *b)
{
  assert_fields_equal (TRELLIS_ENTITY (trellis_document_get_organisation (a)),
                       TRELLIS_ENTITY (trellis_document_get_organisation (b)));

  for (TrellisKind kind = TRELLIS_KIND_VALUE; kind < TRELLIS_N_KINDS; kind++)
    {
      guint n = trellis_document_get_n_items (a, kind);

      g_assert_cmpuint (n, ==, trellis_document_get_n_items (b, kind));
      for (guint i = 0; i < n; i++)
        assert_fields_equal (trellis_document_get_item (a, kind, i), trellis_document_get_item (b, kind, i));
    }

  g_assert_cmpuint (trellis_document_get_n_assessments (a), ==, trellis_document_get_n_assessments (b));
  for (guint p = 0; p < trellis_document_get_n_items (a, TRELLIS_KIND_PERSON); p++)
    {
      TrellisPerson *pa = TRELLIS_PERSON (trellis_document_get_item (a, TRELLIS_KIND_PERSON, p));
      TrellisPerson *pb = TRELLIS_PERSON (trellis_document_get_item (b, TRELLIS_KIND_PERSON, p));

      for (guint c = 0; c < trellis_document_get_n_items (a, TRELLIS_KIND_COMPETENCY); c++)
        {
          const char *cid = trellis_entity_get_id (trellis_document_get_item (a, TRELLIS_KIND_COMPETENCY, c));
          g_autoptr(GArray) ha = trellis_document_get_assessments (a, pa, cid);
          g_autoptr(GArray) hb = trellis_document_get_assessments (b, pb, cid);

          g_assert_cmpuint (ha->len, ==, hb->len);
          for (guint k = 0; k < ha->len; k++)
            {
              const TrellisAssessment *x = &g_array_index (ha, TrellisAssessment, k);
              const TrellisAssessment *y = &g_array_index (hb, TrellisAssessment, k);

              g_assert_cmpstr (x->competency, ==, y->competency);
              g_assert_cmpint (x->level, ==, y->level);
              g_assert_cmpint (x->want, ==, y->want);
              g_assert_cmpint (x->source, ==, y->source);
              g_assert_cmpuint (x->date, ==, y->date);
              assert_strings_equal ("note", x->note, y->note);
              assert_strings_equal ("evidence", x->evidence, y->evidence);
            }
        }
    }
}

/* A document with every kind of entity, built through the API */

static void
set_strv2 (TrellisDocument *doc,
           TrellisEntity   *entity,
           TrellisField     field,
           const char      *a,
           const char      *b)
{
  const char *strv[] = { a, b, NULL };

  trellis_document_set_strv (doc, entity, field, strv);
}

static void
assess (TrellisDocument *doc,
        TrellisEntity   *person,
        TrellisEntity   *competency,
        gint             level,
        gboolean         want,
        TrellisSource    source,
        const char      *date,
        const char      *note,
        const char      *evidence)
{
  TrellisAssessment a = {
    .competency = trellis_entity_get_id (competency),
    .level = level,
    .want = want,
    .source = source,
    .date = test_date (date),
    .note = note,
    .evidence = evidence,
  };

  trellis_document_set_assessment (doc, TRELLIS_PERSON (person), &a);
}

/* @name goes into every attribute that holds text, as it is; @text into
 * every element that holds text. Elements' text loses its surrounding
 * white space on reading (it is layout), so callers wrap it. */
static TrellisDocument *
build_full_document (const char *name,
                     const char *text)
{
  TrellisDocument *doc = trellis_document_new ();
  TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (doc));
  TrellisEntity *value, *value2, *result, *c1, *c2, *role, *role2, *rs, *anna, *ben, *ind, *action, *remark;
  g_autoptr(GPtrArray) scale = trellis_scale_levels_new ();
  g_autoptr(GError) error = NULL;
  TrellisReview review1 = { test_date ("2026-11-05"), (char *) text, (char *) text, (char *) text, (char *) text };
  TrellisReview review2 = { test_date ("2026-12-05"), (char *) "Plan only", NULL, NULL, NULL };
  GArray *measurements;
  GPtrArray *reviews;

  trellis_document_set_string (doc, org, TRELLIS_FIELD_NAME, name);
  trellis_document_set_string (doc, org, TRELLIS_FIELD_VISION, text);
  trellis_document_set_string (doc, org, TRELLIS_FIELD_MISSION, text);

  g_ptr_array_add (scale, trellis_scale_level_new (0, "Not yet", NULL));
  g_ptr_array_add (scale, trellis_scale_level_new (1, name, text));
  g_ptr_array_add (scale, trellis_scale_level_new (2, "Independent", NULL));
  g_ptr_array_add (scale, trellis_scale_level_new (3, "Proficient", "Handles the hard cases"));
  g_ptr_array_add (scale, trellis_scale_level_new (4, "Expert", "Teaches others"));
  g_ptr_array_add (scale, trellis_scale_level_new (7, "Far", NULL));
  g_assert_true (trellis_document_set_scale (doc, g_steal_pointer (&scale), &error));
  g_assert_no_error (error);

  value = trellis_document_create (doc, TRELLIS_KIND_VALUE, name, -1);
  trellis_document_set_string (doc, value, TRELLIS_FIELD_DESCRIPTION, text);
  set_strv2 (doc, value, TRELLIS_FIELD_BEHAVIOURS, text, "Follows up");
  value2 = trellis_document_create (doc, TRELLIS_KIND_VALUE, "Ownership", -1);

  result = trellis_document_create (doc, TRELLIS_KIND_RESULT, name, -1);
  set_strv2 (doc, result, TRELLIS_FIELD_VALUES, trellis_entity_get_id (value), trellis_entity_get_id (value2));
  trellis_document_set_string (doc, result, TRELLIS_FIELD_DESCRIPTION, text);

  c1 = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, name, -1);
  set_strv2 (doc, c1, TRELLIS_FIELD_VALUES, trellis_entity_get_id (value), NULL);
  trellis_document_set_string (doc, c1, TRELLIS_FIELD_DESCRIPTION, text);
  trellis_document_set_level_text (doc, TRELLIS_COMPETENCY (c1), 0, "Has not started");
  trellis_document_set_level_text (doc, TRELLIS_COMPETENCY (c1), 3, text);
  c2 = trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "Product knowledge", -1);

  role = trellis_document_create (doc, TRELLIS_KIND_ROLE, name, -1);
  trellis_document_set_string (doc, role, TRELLIS_FIELD_DESCRIPTION, text);
  trellis_document_set_requirement (doc, role, trellis_entity_get_id (c1), 3);
  trellis_document_set_requirement (doc, role, trellis_entity_get_id (c2), 7);
  trellis_document_set_target (doc, TRELLIS_ROLE (role), trellis_entity_get_id (c1), 3, 2);
  role2 = trellis_document_create (doc, TRELLIS_KIND_ROLE, "Lead", -1);

  rs = trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, name, 0);
  trellis_document_set_string (doc, rs, TRELLIS_FIELD_RESULT, trellis_entity_get_id (result));
  trellis_document_set_string (doc, rs, TRELLIS_FIELD_DESCRIPTION, text);
  trellis_document_set_requirement (doc, rs, trellis_entity_get_id (c1), 3);
  trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (rs), trellis_entity_get_id (role),
                                   TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_ACCOUNTABLE, TRELLIS_AUTHORITY_DELEGATE);
  trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (rs), trellis_entity_get_id (role2),
                                   TRELLIS_RACI_CONSULTED, TRELLIS_AUTHORITY_TELL);
  trellis_document_create (doc, TRELLIS_KIND_RESPONSIBILITY, "Bare", -1);

  anna = trellis_document_create (doc, TRELLIS_KIND_PERSON, name, -1);
  set_strv2 (doc, anna, TRELLIS_FIELD_ROLES, trellis_entity_get_id (role), trellis_entity_get_id (role2));
  trellis_document_set_int (doc, anna, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_TEAM);
  assess (doc, anna, c1, 2, TRUE, TRELLIS_SOURCE_SELF, "2026-11-20", text, text);
  assess (doc, anna, c1, 3, FALSE, TRELLIS_SOURCE_COACH, "2026-11-21", NULL, NULL);
  assess (doc, anna, c1, 3, FALSE, TRELLIS_SOURCE_AGREED, "2026-12-01", "Agreed in the talk", NULL);
  assess (doc, anna, c2, 7, FALSE, TRELLIS_SOURCE_PEER, "2024-02-29", NULL, "https://example.org/a?b=1&c=2");
  ben = trellis_document_create (doc, TRELLIS_KIND_PERSON, "Ben", -1);
  trellis_document_set_int (doc, ben, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_PRIVATE);
  assess (doc, ben, c2, 0, TRUE, TRELLIS_SOURCE_SELF, "0001-01-01", NULL, NULL);
  assess (doc, ben, c2, 4, FALSE, TRELLIS_SOURCE_SELF, "9999-12-31", NULL, NULL);

  ind = trellis_document_create (doc, TRELLIS_KIND_INDICATOR, name, -1);
  trellis_document_set_string (doc, ind, TRELLIS_FIELD_RESULT, trellis_entity_get_id (result));
  trellis_document_set_int (doc, ind, TRELLIS_FIELD_INDICATOR_KIND, TRELLIS_INDICATOR_HUMAN);
  trellis_document_set_double (doc, ind, TRELLIS_FIELD_TARGET, 0.1);
  trellis_document_set_string (doc, ind, TRELLIS_FIELD_UNIT, name);
  trellis_document_set_int (doc, ind, TRELLIS_FIELD_RHYTHM, TRELLIS_RHYTHM_FORTNIGHTLY);
  trellis_document_set_string (doc, ind, TRELLIS_FIELD_OWNER, trellis_entity_get_id (role2));
  trellis_document_set_string (doc, ind, TRELLIS_FIELD_DESCRIPTION, text);
  measurements = trellis_measurements_copy_set (NULL, test_date ("2026-10-01"), 72);
  {
    GArray *m2 = trellis_measurements_copy_set (measurements, test_date ("2026-11-01"), 75.5);
    GArray *m3 = trellis_measurements_copy_set (m2, test_date ("2026-12-01"), 1e-3);

    g_array_unref (measurements);
    g_array_unref (m2);
    trellis_document_take_array (doc, ind, TRELLIS_FIELD_MEASUREMENTS, m3);
  }
  reviews = trellis_reviews_copy_set (NULL, &review1);
  {
    GPtrArray *r2 = trellis_reviews_copy_set (reviews, &review2);

    g_ptr_array_unref (reviews);
    trellis_document_take_ptr_array (doc, ind, TRELLIS_FIELD_REVIEWS, r2);
  }
  trellis_document_create (doc, TRELLIS_KIND_INDICATOR, "Bare", -1);

  action = trellis_document_create (doc, TRELLIS_KIND_ACTION, NULL, -1);
  trellis_document_set_string (doc, action, TRELLIS_FIELD_PERSON, trellis_entity_get_id (anna));
  trellis_document_set_string (doc, action, TRELLIS_FIELD_COMPETENCY, trellis_entity_get_id (c1));
  trellis_document_set_int (doc, action, TRELLIS_FIELD_ACTION_KIND, TRELLIS_ACTION_MENTORING);
  trellis_document_set_uint (doc, action, TRELLIS_FIELD_DUE, test_date ("2027-01-31"));
  trellis_document_set_int (doc, action, TRELLIS_FIELD_STATUS, TRELLIS_STATUS_IN_PROGRESS);
  trellis_document_set_string (doc, action, TRELLIS_FIELD_NOTE, text);
  trellis_document_create (doc, TRELLIS_KIND_ACTION, NULL, -1);

  remark = trellis_document_create (doc, TRELLIS_KIND_FEEDBACK, NULL, -1);
  trellis_document_set_string (doc, remark, TRELLIS_FIELD_PERSON, trellis_entity_get_id (anna));
  trellis_document_set_string (doc, remark, TRELLIS_FIELD_ABOUT, trellis_entity_get_id (c2));
  trellis_document_set_uint (doc, remark, TRELLIS_FIELD_DATE, test_date ("2026-11-20"));
  trellis_document_set_int (doc, remark, TRELLIS_FIELD_STATUS, TRELLIS_FEEDBACK_DISCUSSED);
  trellis_document_set_string (doc, remark, TRELLIS_FIELD_TEXT, text);
  trellis_document_set_string (doc, remark, TRELLIS_FIELD_RESPONSE, text);

  return doc;
}

/* Round trips */

static void
test_round_trip_small (void)
{
  g_autofree char *original = test_fixture_contents ("small.trellis", NULL);
  g_autoptr(TrellisDocument) doc = load_ok (original, NULL);
  g_autofree char *first = save_valid (doc);
  g_autoptr(TrellisDocument) again = assert_stable (doc, TRUE);

  /* The fixture is in the canonical form already. */
  g_assert_cmpstr (first, ==, original);
  assert_valid (original, strlen (original));
  assert_documents_equal (doc, again);
}

/* The translations of every kind of text (format 1.2). */
static void
test_round_trip_translations (void)
{
  g_autofree char *original = test_fixture_contents ("translations.trellis", NULL);
  g_autoptr(TrellisDocument) doc = load_ok (original, NULL);
  g_autofree char *first = save_valid (doc);
  g_autoptr(TrellisDocument) again = assert_stable (doc, TRUE);

  g_assert_cmpstr (first, ==, original);
  assert_documents_equal (doc, again);
}

static void
test_round_trip_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-format-XXXXXX", &error);
  g_autofree char *path1 = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *bytes1 = NULL;
  g_autofree char *bytes2 = NULL;
  g_autofree char *original = test_fixture_contents ("small.trellis", NULL);
  g_autoptr(GFile) fixture = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL));
  g_autoptr(GFile) file1 = NULL;
  g_autoptr(GFile) file2 = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisDocument) again = NULL;

  g_assert_no_error (error);
  path1 = g_build_filename (dir, "one.trellis", NULL);
  path2 = g_build_filename (dir, "two.trellis", NULL);
  file1 = g_file_new_for_path (path1);
  file2 = g_file_new_for_path (path2);

  /* Through real files: load → save → load → save. */
  doc = trellis_document_new_from_file (fixture, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_document_save (doc, file1, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  again = trellis_document_new_from_file (file1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (trellis_document_save (again, file2, TRELLIS_SAVE_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);

  bytes1 = test_read_file (path1, NULL);
  bytes2 = test_read_file (path2, NULL);
  g_assert_cmpstr (bytes1, ==, bytes2);
  g_assert_cmpstr (bytes1, ==, original);
  assert_valid (bytes2, strlen (bytes2));
  assert_documents_equal (doc, again);

  g_assert_no_errno (g_unlink (path1));
  g_assert_no_errno (g_unlink (path2));
  g_assert_no_errno (g_rmdir (dir));
}

typedef struct
{
  const char *path;
  const char *text;
} TextCase;

static const TextCase text_cases[] = {
  { "plain", "Plain words" },
  { "markup", "& < > \" ' &amp; &#38; &lt;b&gt; ]]> <!-- no --> <?pi?>" },
  { "tab", "one\ttwo\t\tthree" },
  { "newline", "first line\nsecond line\n\nfourth line" },
  { "crlf", "Windows\r\nline\rends" },
  { "spaces", "  leading and trailing  " },
  { "white-edges", "\t\n mixed white space at both ends \n\t" },
  { "non-ascii", "Zoë’s café — naïve Straße, łódź, Ελληνικά, русский, 日本語, 🌱🌳" },
  { "rtl", "\xe2\x80\x8f" "مرحبا بالعالم" " – " "שלום עולם" "\xe2\x80\x8e (RTL)" },
  { "combining", "e\xcc\x81 a\xcc\x8a n\xcc\x83 — ZWJ 👩\xe2\x80\x8d💻" },
  { "long", NULL },
};

static char *
text_case_string (const TextCase *tc)
{
  if (tc->text != NULL)
    return g_strdup (tc->text);

  /* Long text with every kind of awkward character repeated. */
  {
    GString *s = g_string_new (NULL);

    for (guint i = 0; i < 2000; i++)
      g_string_append (s, "a&b<c>d\"e'f\tg\nh ü 日 ");
    return g_string_free (s, FALSE);
  }
}

static void
test_round_trip_api (gconstpointer data)
{
  const TextCase *tc = data;
  g_autofree char *name = text_case_string (tc);
  g_autofree char *text = g_strconcat ("[", name, "]", NULL);
  g_autoptr(TrellisDocument) doc = build_full_document (name, text);
  g_autoptr(TrellisDocument) again = NULL;
  g_autofree char *out = NULL;
  TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (doc));

  /* Translations hold the same texts (format 1.2). */
  trellis_document_set_translation (doc, org, TRELLIS_TEXT_NAME, 0, "de", text);
  trellis_document_set_translation (doc, org, TRELLIS_TEXT_SCALE_NAME, 1, "de", text);
  trellis_document_set_translation (doc, org, TRELLIS_TEXT_SCALE_DESCRIPTION, 1, "pt-BR", text);
  trellis_document_set_translation (doc, trellis_document_get_item (doc, TRELLIS_KIND_VALUE, 0),
                                    TRELLIS_TEXT_BEHAVIOUR, 0, "de", text);
  trellis_document_set_translation (doc, trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, 0),
                                    TRELLIS_TEXT_LEVEL, 3, "de", text);
  trellis_document_set_translation (doc, trellis_document_get_item (doc, TRELLIS_KIND_INDICATOR, 0),
                                    TRELLIS_TEXT_UNIT, 0, "nl", text);
  out = save_valid (doc);

  g_assert_true (g_utf8_validate (out, -1, NULL));

  /* Every value survives, and the second save is byte-identical. */
  again = assert_stable (doc, TRUE);
  assert_documents_equal (doc, again);
  g_assert_cmpstr (trellis_entity_get_name (trellis_document_get_item (again, TRELLIS_KIND_PERSON, 0)), ==, name);
  g_assert_cmpstr (trellis_entity_get_string (trellis_document_get_item (again, TRELLIS_KIND_FEEDBACK, 0),
                                              TRELLIS_FIELD_RESPONSE), ==, text);
}

/* Characters XML 1.0 cannot hold are left out, and the file stays readable. */
static void
test_unwritable_characters (void)
{
  const char *name = "bell\a null-ish\x01 esc\x1b nonchars \xef\xbf\xbe\xef\xbf\xbf end";
  g_autoptr(TrellisDocument) doc = build_full_document (name, name);
  g_autofree char *out = save_valid (doc);
  g_autoptr(TrellisDocument) again = load_ok (out, NULL);
  g_autofree char *second = test_serialize_string (again);
  const char *read_back = trellis_entity_get_name (trellis_document_get_item (again, TRELLIS_KIND_PERSON, 0));

  g_assert_cmpstr (out, ==, second);
  g_assert_cmpstr (read_back, ==, "bell null-ish esc nonchars  end");
}

/* Bytes that are not UTF-8 (a programming error, or text from a file in
 * another encoding) become U+FFFD instead of making the file unreadable. */
static void
test_not_utf8 (void)
{
  const char *name = "Latin-1 caf\xe9, lone \xbf, overlong \xc0\xaf, surrogate \xed\xa0\x80, cut \xe6\x97";
  g_autoptr(TrellisDocument) doc = build_full_document (name, name);
  g_autofree char *out = save_valid (doc);
  g_autoptr(TrellisDocument) again = load_ok (out, NULL);
  g_autofree char *second = test_serialize_string (again);
  const char *read_back = trellis_entity_get_name (trellis_document_get_item (again, TRELLIS_KIND_PERSON, 0));

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_cmpstr (out, ==, second);
  g_assert_cmpstr (read_back, ==,
                   "Latin-1 caf\xef\xbf\xbd, lone \xef\xbf\xbd, overlong \xef\xbf\xbd\xef\xbf\xbd, "
                   "surrogate \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd, cut \xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_deterministic (void)
{
  g_autoptr(TrellisDocument) a = build_full_document ("Same", "Same text");
  g_autoptr(TrellisDocument) b = build_full_document ("Same", "Same text");
  g_autoptr(TrellisDocument) c = build_full_document ("Other", "Same text");
  g_autofree char *out_a = save_valid (a);
  g_autofree char *out_b = save_valid (b);
  g_autofree char *out_a2 = test_serialize_string (a);
  g_autofree char *out_c = test_serialize_string (c);

  g_assert_cmpstr (out_a, ==, out_b);
  g_assert_cmpstr (out_a, ==, out_a2);
  g_assert_cmpstr (out_a, !=, out_c);
}

/* The output: UTF-8, an XML declaration, two spaces per level, one
 * element per line, a final newline. */
static void
test_canonical_output (void)
{
  g_autoptr(TrellisDocument) doc = build_full_document ("Zoë", "Text");
  g_autofree char *out = save_valid (doc);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint depth = 0;

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_str_has_prefix (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
                                        "  <organisation name=\"Zoë\">\n"
                                        "    <vision>Text</vision>\n"));
  g_assert_true (g_str_has_suffix (out, "\n</trellis>\n"));
  g_assert_null (strchr (out, '\r'));
  g_assert_null (strstr (out, "\n\n"));

  /* Lines after the declaration: each starts with 2 × depth spaces and
   * one element, and depth follows the tags. */
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  for (guint i = 1; i + 1 < n_lines; i++)
    {
      const char *line = lines[i];
      guint spaces = strspn (line, " ");
      const char *tag = line + spaces;
      gboolean closing = g_str_has_prefix (tag, "</");
      gboolean self_closing = g_str_has_suffix (tag, "/>");
      gboolean one_line = !closing && strstr (tag, "</") != NULL;
      guint expected = closing ? depth - 1 : depth;

      if (spaces != expected * 2 || tag[0] != '<')
        g_error ("line %u is not indented as its depth %u: ‘%s’", i + 1, expected, line);

      if (closing)
        depth--;
      else if (!self_closing && !one_line)
        depth++;
    }
  g_assert_cmpuint (depth, ==, 0);
}

/* Numbers */

static const double number_cases[] = {
  0.1, 75.5, 1e-3, 80, 0, -2.5, 1e20, 1e-20, 123456789.123, 0.30000000000000004,
  1.0 / 3.0, 2.0 / 3.0, 5e-324, 1.7976931348623157e308, -0.0, 4503599627370497.0,
};

static void
test_numbers (gconstpointer data)
{
  double value = *(const double *) data;
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  TrellisEntity *ind = trellis_document_create (doc, TRELLIS_KIND_INDICATOR, "Numbers", -1);
  g_autoptr(TrellisDocument) again = NULL;
  TrellisEntity *read;
  GArray *measurements;

  trellis_document_set_double (doc, ind, TRELLIS_FIELD_TARGET, value);
  trellis_document_take_array (doc, ind, TRELLIS_FIELD_MEASUREMENTS,
                               trellis_measurements_copy_set (NULL, test_date ("2026-01-01"), value));

  again = assert_stable (doc, TRUE);
  read = trellis_document_get_item (again, TRELLIS_KIND_INDICATOR, 0);
  measurements = trellis_entity_get_array (read, TRELLIS_FIELD_MEASUREMENTS);

  /* Exactly the same number, bit for bit (up to the sign of zero). */
  g_assert_cmpfloat (trellis_entity_get_double (read, TRELLIS_FIELD_TARGET), ==, value);
  g_assert_cmpuint (measurements->len, ==, 1);
  g_assert_cmpfloat (g_array_index (measurements, TrellisMeasurement, 0).value, ==, value);
}

typedef struct
{
  const char *path;
  const char *written;   /* in the file */
  double      value;     /* what it means */
  const char *rewritten; /* the canonical form */
} NumberText;

static const NumberText number_texts[] = {
  { "decimal", "0.1", 0.1, "0.1" },
  { "half", "75.5", 75.5, "75.5" },
  { "exponent", "1e-3", 1e-3, "0.001" },
  { "exponent-upper", "2.5E+2", 250, "250" },
  { "plus", "+7", 7, "7" },
  { "leading-dot", ".5", 0.5, "0.5" },
  { "trailing-dot", "5.", 5, "5" },
  { "negative", "-12.25", -12.25, "-12.25" },
  { "trailing-zeros", "80.000", 80, "80" },
  { "long", "0.1000000000000000055511151231257827", 0.1, "0.1" },
  { "large", "1e21", 1e21, "1e+21" },
};

static void
test_number_text (gconstpointer data)
{
  const NumberText *nt = data;
  const char *lines[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">",
    "  <indicators>",
    NULL,
    NULL,
    "    </indicator>",
    "  </indicators>",
    "</trellis>",
    NULL,
  };
  g_autofree char *l3 = g_strdup_printf ("    <indicator id=\"i-1\" name=\"N\" target=\"%s\">", nt->written);
  g_autofree char *l4 = g_strdup_printf ("      <measurement date=\"2026-10-01\" value=\"%s\"/>", nt->written);
  g_autofree char *xml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected_target = g_strdup_printf (" target=\"%s\"", nt->rewritten);
  g_autofree char *expected_value = g_strdup_printf (" value=\"%s\"/>", nt->rewritten);
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  TrellisEntity *ind;

  lines[3] = l3;
  lines[4] = l4;
  xml = test_join_lines (lines);
  doc = load_ok (xml, NULL);
  ind = trellis_document_get_item (doc, TRELLIS_KIND_INDICATOR, 0);
  g_assert_cmpfloat (trellis_entity_get_double (ind, TRELLIS_FIELD_TARGET), ==, nt->value);
  g_assert_cmpfloat (g_array_index (trellis_entity_get_array (ind, TRELLIS_FIELD_MEASUREMENTS),
                                    TrellisMeasurement, 0).value, ==, nt->value);

  out = save_valid (doc);
  g_assert_nonnull (strstr (out, expected_target));
  g_assert_nonnull (strstr (out, expected_value));
  again = assert_stable (doc, TRUE);
  assert_documents_equal (doc, again);
}

static const char * const bad_numbers[] = {
  "", "abc", "1,5", "0x10", "inf", "-inf", "nan", "1e999", "1.2.3", " 5", "5 %", "--1",
};

static void
test_bad_number (gconstpointer data)
{
  const char *number = data;
  g_autofree char *xml = g_strdup_printf ("<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
                                          "<indicators>\n"
                                          "<indicator id=\"i-1\" name=\"N\" target=\"%s\"/>\n"
                                          "</indicators>\n"
                                          "</trellis>\n", number);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (xml, NULL, &error);

  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID);
  test_assert_message_line (error, TEST_DISPLAY_NAME, 3);
  g_assert_null (doc);
}

/* Dates */

typedef struct
{
  const char *path;
  const char *date;
  gboolean    valid;
} DateCase;

static const DateCase date_cases[] = {
  { "ordinary", "2026-11-20", TRUE },
  { "leap-day", "2024-02-29", TRUE },
  { "leap-400", "2000-02-29", TRUE },
  { "first", "0001-01-01", TRUE },
  { "last", "9999-12-31", TRUE },
  { "not-leap", "2025-02-29", FALSE },
  { "not-leap-100", "1900-02-29", FALSE },
  { "february-30", "2026-02-30", FALSE },
  { "month-13", "2026-13-01", FALSE },
  { "month-0", "2026-00-10", FALSE },
  { "day-0", "2026-01-00", FALSE },
  { "day-32", "2026-01-32", FALSE },
  { "year-0", "0000-01-01", FALSE },
  { "dutch-order", "20-11-2026", FALSE },
  { "short", "2026-1-5", FALSE },
  { "slashes", "2026/11/20", FALSE },
  { "with-time", "2026-11-20T10:00:00", FALSE },
  { "with-zone", "2026-11-20Z", FALSE },
  { "week", "2026-W47-5", FALSE },
  { "ordinal", "2026-324", FALSE },
  { "basic", "20261120", FALSE },
  { "signed", "+2026-11-20", FALSE },
  { "spaces", " 2026-11-20", FALSE },
  { "empty", "", FALSE },
  { "letters", "yyyy-mm-dd", FALSE },
};

static void
test_date_case (gconstpointer data)
{
  const DateCase *dc = data;
  g_autofree char *xml = g_strdup_printf ("<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">\n"
                                          "<competencies><competency id=\"c\" name=\"C\"/></competencies>\n"
                                          "<people><person id=\"p\" name=\"P\">\n"
                                          "<assessment competency=\"c\" level=\"1\" source=\"self\" date=\"%s\"/>\n"
                                          "</person></people>\n"
                                          "<development><action id=\"a\" due=\"%s\"/></development>\n"
                                          "<feedback><remark id=\"f\" date=\"%s\"/></feedback>\n"
                                          "</trellis>\n", dc->date, dc->date, dc->date);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (xml, report, &error);

  if (!dc->valid)
    {
      g_autofree char *dump = test_report_dump (report);

      g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_BAD_DATE);
      test_assert_message_line (error, TEST_DISPLAY_NAME, 4);
      g_assert_null (doc);
      /* Each bad date is listed on its own line. */
      if (!test_report_has (report, TRELLIS_LOAD_ERROR, TRELLIS_DOCUMENT_ERROR_BAD_DATE, 4) ||
          !test_report_has (report, TRELLIS_LOAD_ERROR, TRELLIS_DOCUMENT_ERROR_BAD_DATE, 6) ||
          !test_report_has (report, TRELLIS_LOAD_ERROR, TRELLIS_DOCUMENT_ERROR_BAD_DATE, 7))
        g_error ("the report lacks a bad date:\n%s", dump);
      return;
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *attr = g_strdup_printf ("date=\"%s\"", dc->date);
    g_autofree char *due = g_strdup_printf ("due=\"%s\"", dc->date);
    TrellisEntity *action;
    TrellisDate date = 0;

    g_assert_no_error (error);
    g_assert_true (trellis_date_parse (dc->date, strlen (dc->date), &date));
    action = trellis_document_get_item (doc, TRELLIS_KIND_ACTION, 0);
    g_assert_cmpuint (trellis_entity_get_uint (action, TRELLIS_FIELD_DUE), ==, date);

    out = save_valid (doc);
    g_assert_nonnull (strstr (out, attr));
    g_assert_nonnull (strstr (out, due));
    g_clear_object (&doc);
    doc = assert_stable (load_ok (out, NULL), TRUE);
  }
}

/* Every date written is YYYY-MM-DD. */
static void
test_dates_written (void)
{
  g_autoptr(TrellisDocument) doc = build_full_document ("Dates", "Dates");
  g_autofree char *out = save_valid (doc);
  g_autoptr(GRegex) any_date = g_regex_new ("\\b(date|due)=\"([^\"]*)\"", 0, 0, NULL);
  g_autoptr(GRegex) iso = g_regex_new ("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match (any_date, out, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *value = g_match_info_fetch (match, 2);

      if (!g_regex_match (iso, value, 0, NULL))
        g_error ("‘%s’ is not an ISO 8601 calendar date", value);
      n++;
      g_match_info_next (match, NULL);
    }

  /* Assessments (6), measurements (3), reviews (2), action, remark. */
  g_assert_cmpuint (n, ==, 13);
  g_assert_nonnull (strstr (out, "date=\"0001-01-01\""));
  g_assert_nonnull (strstr (out, "date=\"9999-12-31\""));
  g_assert_nonnull (strstr (out, "date=\"2024-02-29\""));
}

/* Elements of a newer minor version */

typedef struct
{
  const char *path;
  const char *anchor;     /* in small.trellis, before which the input goes */
  const char *input;
  guint       line;       /* where the notice must point */
  const char *expected;   /* in the output: the kept element and what surrounds it */
} NewerCase;

static const NewerCase newer_cases[] = {
  { "in-entity",
    "    </role>\n  </roles>\n",
    "      <colour shade=\"blue\">Sky &amp; sea</colour>\n",
    46,
    "      <requires competency=\"c-product\" level=\"3\"/>\n"
    "      <colour shade=\"blue\">Sky &amp; sea</colour>\n"
    "    </role>\n" },
  { "in-empty-entity",
    "  </values>\n",
    "    <value id=\"v-x\" name=\"X\"><icon name=\"star\"/></value>\n",
    21,
    "    <value id=\"v-x\" name=\"X\">\n"
    "      <icon name=\"star\"/>\n"
    "    </value>\n" },
  { "in-person",
    "    </person>\n  </people>\n",
    "      <availability hours=\"32\"/>\n",
    58,
    "      <assessment competency=\"c-product\" level=\"4\" source=\"agreed\" date=\"2026-10-01\"/>\n"
    "      <availability hours=\"32\"/>\n"
    "    </person>\n" },
  { "in-section",
    "  </roles>\n",
    "    <role-group id=\"g-1\" members=\"ro-agent ro-lead\"/>\n",
    47,
    "      <requires competency=\"c-product\" level=\"3\"/>\n"
    "    </role>\n"
    "    <role-group id=\"g-1\" members=\"ro-agent ro-lead\"/>\n"
    "  </roles>\n" },
  { "in-organisation",
    "  </organisation>\n",
    "    <motto>Once is enough</motto>\n",
    6,
    "    <mission>We solve questions in one contact.</mission>\n"
    "    <motto>Once is enough</motto>\n"
    "  </organisation>\n" },
  { "at-root",
    "</trellis>\n",
    "  <meetings>\n    <meeting date=\"2027-01-10\">Kick-off</meeting>\n  </meetings>\n",
    80,
    "  </feedback>\n"
    "  <meetings><meeting date=\"2027-01-10\">Kick-off</meeting></meetings>\n"
    "</trellis>\n" },
  { "nested",
    "    </role>\n    <role id=\"ro-lead\"",
    "      <extra kind=\"a&amp;b\" note=\"say &quot;hi&quot;&#9;&#10;there\">\n"
    "        <inner lang=\"nl\">Tekst &lt;hier&gt; &amp; \"q\" 'a'\ttab</inner>\n"
    "        <inner/>\n"
    "        <deeper><deepest level=\"3\">ü 日本</deepest></deeper>\n"
    "      </extra>\n",
    43,
    "      <target competency=\"c-listen\" level=\"3\" people=\"2\"/>\n"
    "      <extra kind=\"a&amp;b\" note=\"say &quot;hi&quot;&#9;&#10;there\">"
    "<inner lang=\"nl\">Tekst &lt;hier&gt; &amp; \"q\" 'a'\ttab</inner><inner/>"
    "<deeper><deepest level=\"3\">ü 日本</deepest></deeper></extra>\n"
    "    </role>\n" },
  { "foreign-namespace",
    "      <assessment competency=\"c-listen\" level=\"2\"",
    "      <hr:record xmlns:hr=\"urn:example:hr\" hr:number=\"0042\" plain=\"p\"><hr:since>2019</hr:since><free xmlns=\"\">x</free></hr:record>\n",
    50,
    "      <assessment competency=\"c-product\" level=\"2\" source=\"self\" date=\"2026-11-20\"/>\n"
    "      <record xmlns=\"urn:example:hr\" xmlns:k0=\"urn:example:hr\" k0:number=\"0042\" plain=\"p\">"
    "<since>2019</since><free xmlns=\"\">x</free></record>\n"
    "    </person>\n" },
  /* Found by the fuzzer: xml:lang was kept with a prefix of its own
   * bound to the xml namespace, which no XML reader accepts. */
  { "xml-namespace",
    "    </role>\n  </roles>\n",
    "      <caption xml:lang=\"nl\" xml:space=\"preserve\">Tekst</caption>\n",
    46,
    "      <requires competency=\"c-product\" level=\"3\"/>\n"
    "      <caption xml:lang=\"nl\" xml:space=\"preserve\">Tekst</caption>\n"
    "    </role>\n" },
  /* Found by the fuzzer: a namespace's URI with an '&' came from
   * libxml2 as "&#38;" and was written back as the text "&#38;", a
   * different namespace, on every save. */
  { "ampersand-namespace",
    "    </role>\n  </roles>\n",
    "      <badge xmlns=\"urn:a&amp;b\" xmlns:k=\"urn:k&amp;l\" k:size=\"2\">x</badge>\n",
    46,
    "      <requires competency=\"c-product\" level=\"3\"/>\n"
    "      <badge xmlns=\"urn:a&amp;b\" xmlns:k0=\"urn:k&amp;l\" k0:size=\"2\">x</badge>\n"
    "    </role>\n" },
  /* Found by the fuzzer: a line break written as &#10; reached the
   * reader apart from the text before it, and was taken for layout. */
  { "text-then-element",
    "    </responsibility>\n",
    "      <hint>see\n<b>this</b> and\n  <i>that</i></hint>\n",
    36,
    "      <assign role=\"ro-lead\" raci=\"A\" authority=\"delegate\"/>\n"
    "      <hint>see&#10;<b>this</b> and&#10;  <i>that</i></hint>\n"
    "    </responsibility>\n" },
  { "multiline-text",
    "    </responsibility>\n",
    "      <hint>line one\nline two</hint>\n",
    36,
    "      <assign role=\"ro-lead\" raci=\"A\" authority=\"delegate\"/>\n"
    "      <hint>line one&#10;line two</hint>\n"
    "    </responsibility>\n" },
};

static char *
newer_input (const NewerCase *nc)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *newer = test_replace (small, "matrix:1\" version=\"1.0\"", "matrix:1\" version=\"1.3\"");
  g_autofree char *with = g_strconcat (nc->input, nc->anchor, NULL);

  return test_replace (newer, nc->anchor, with);
}

static void
test_newer_minor (gconstpointer data)
{
  const NewerCase *nc = data;
  g_autofree char *xml = newer_input (nc);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(TrellisDocument) doc = load_ok (xml, report);
  g_autofree char *dump = test_report_dump (report);
  g_autofree char *out = test_serialize_string (doc);
  g_autoptr(TrellisDocument) again = NULL;
  g_autofree char *out2 = NULL;

  g_assert_cmpuint (trellis_document_get_format_minor (doc), ==, 3);
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 0);
  if (!test_report_has (report, TRELLIS_LOAD_NOTICE, -1, nc->line))
    g_error ("no notice on line %u:\n%s", nc->line, dump);

  /* Kept where it was, and the version with it. */
  g_assert_nonnull (strstr (out, "version=\"1.3\""));
  if (strstr (out, nc->expected) == NULL)
    g_error ("the output lacks\n%s--- output ---\n%s", nc->expected, out);

  /* Stable from the first save on; the known parts are unchanged. */
  again = load_ok (out, NULL);
  out2 = test_serialize_string (again);
  g_assert_cmpstr (out, ==, out2);
  assert_documents_equal (doc, again);

  /* Without the kept element the file is the fixture again. */
  {
    g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
    g_autoptr(TrellisDocument) plain = load_ok (small, NULL);

    if (!g_str_equal (nc->path, "in-empty-entity"))
      assert_documents_equal (plain, doc);
  }
}

/* Inside elements that are not entities (an assessment, the scale, a
 * requirement) a kept element would have no place to be written back: it
 * is left out, and the notice says so instead of claiming it was kept. */

typedef struct
{
  const char *path;
  const char *anchor;
  const char *input;
  guint       line;
} LeftOutCase;

static const LeftOutCase left_out_cases[] = {
  { "in-assessment", "      </assessment>\n", "        <mood>good</mood>\n", 52 },
  { "in-scale", "  </scale>\n", "    <step value=\"5\"/>\n", 13 },
  { "in-requirement", "<needs competency=\"c-listen\" level=\"3\"/>",
    "<needs competency=\"c-listen\" level=\"3\"><why>x</why></needs>", 33 },
  { "in-review", "      </review>\n", "        <score>3</score>\n", 67 },
};

static void
test_newer_minor_left_out (gconstpointer data)
{
  const LeftOutCase *lc = data;
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *newer = test_replace (small, "matrix:1\" version=\"1.0\"", "matrix:1\" version=\"1.3\"");
  g_autofree char *with = g_str_has_prefix (lc->input, "<needs")
                          ? g_strdup (lc->input)
                          : g_strconcat (lc->input, lc->anchor, NULL);
  g_autofree char *xml = test_replace (newer, lc->anchor, with);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(TrellisDocument) doc = load_ok (xml, report);
  g_autoptr(TrellisDocument) plain = load_ok (small, NULL);
  g_autofree char *dump = test_report_dump (report);
  g_autofree char *out = test_serialize_string (doc);
  const char *message;

  g_assert_cmpuint (trellis_load_report_get_n_items (report), ==, 1);
  if (!test_report_has (report, TRELLIS_LOAD_NOTICE, -1, lc->line))
    g_error ("no notice on line %u:\n%s", lc->line, dump);
  message = trellis_load_report_get_message (report, 0);
  g_assert_null (strstr (message, "kept"));
  g_assert_nonnull (strstr (message, "left out"));

  assert_documents_equal (plain, doc);
  g_assert_null (strstr (out, "mood"));
  g_assert_null (strstr (out, "step"));
  g_assert_null (strstr (out, "why"));
  g_assert_null (strstr (out, "score"));
}

/* Unknown attributes of a newer minor version are reported and left out. */
static void
test_newer_minor_attribute (void)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *newer = test_replace (small, "matrix:1\" version=\"1.0\"", "matrix:1\" version=\"1.3\"");
  g_autofree char *xml = test_replace (newer, "<role id=\"ro-lead\" name=\"Lead\">",
                                       "<role id=\"ro-lead\" name=\"Lead\" colour=\"red\">");
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(TrellisDocument) doc = load_ok (xml, report);
  g_autofree char *dump = test_report_dump (report);
  g_autofree char *out = test_serialize_string (doc);

  if (!test_report_has (report, TRELLIS_LOAD_NOTICE, -1, 44))
    g_error ("no notice on line 44:\n%s", dump);
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 0);
  g_assert_null (strstr (out, "colour"));
  g_assert_nonnull (strstr (out, "version=\"1.3\""));
}

/* The root may gain attributes in a newer minor version too. */
static void
test_newer_minor_root_attribute (void)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *xml = test_replace (small, "matrix:1\" version=\"1.0\"",
                                       "matrix:1\" created-by=\"Trellis 9\" version=\"1.3\"");
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(TrellisDocument) doc = load_ok (xml, report);
  g_autofree char *dump = test_report_dump (report);

  if (!test_report_has (report, TRELLIS_LOAD_NOTICE, -1, 2))
    g_error ("no notice on line 2:\n%s", dump);
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 0);
  g_assert_cmpuint (trellis_document_get_format_minor (doc), ==, 3);
}

/* A document of the current version is written as 1.0 and validates. */
static void
test_current_version_written (void)
{
  g_autoptr(TrellisDocument) doc = trellis_document_new ();
  g_autofree char *out = save_valid (doc);

  g_assert_cmpuint (trellis_document_get_format_minor (doc), ==, 0);
  g_assert_nonnull (strstr (out, "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">"));
}

/* Unknown elements and attributes in a 1.0 file are errors with a line */

typedef struct
{
  const char *path;
  const char *anchor;
  const char *replacement;
  guint       line;
} BadCase;

static const BadCase unknown_in_current[] = {
  { "element-in-entity", "      <requires competency=\"c-product\" level=\"3\"/>\n",
    "      <requires competency=\"c-product\" level=\"3\"/>\n      <colour/>\n", 46 },
  { "element-in-section", "  </roles>\n", "    <role-group/>\n  </roles>\n", 47 },
  { "element-at-root", "  </feedback>\n", "  </feedback>\n  <meetings/>\n", 80 },
  { "element-in-organisation", "    <mission>", "    <motto/>\n    <mission>", 5 },
  { "element-in-assessment", "        <note>Want to practise</note>\n",
    "        <note>Want to practise</note>\n        <mood/>\n", 52 },
  { "element-in-scale", "    <level value=\"0\" name=\"Not yet\"/>\n",
    "    <level value=\"0\" name=\"Not yet\"/>\n    <step/>\n", 9 },
  { "element-misplaced", "      <needs competency=\"c-listen\" level=\"3\"/>\n",
    "      <needs competency=\"c-listen\" level=\"3\"/>\n      <requires competency=\"c-listen\" level=\"3\"/>\n", 34 },
  { "attribute-on-root", "version=\"1.0\" xml:lang", "version=\"1.0\" mode=\"x\" xml:lang", 2 },
  { "attribute-on-organisation", "<organisation name=", "<organisation size=\"9\" name=", 3 },
  { "attribute-on-section", "  <roles>", "  <roles sort=\"name\">", 38 },
  { "attribute-on-entity", "<role id=\"ro-lead\" name=\"Lead\">", "<role id=\"ro-lead\" name=\"Lead\" colour=\"red\">", 44 },
  { "attribute-on-assessment", "level=\"3\" source=\"coach\"", "level=\"3\" confidence=\"high\" source=\"coach\"", 53 },
  { "attribute-on-needs", "<needs competency=\"c-listen\" level=\"3\"/>", "<needs competency=\"c-listen\" level=\"3\" weight=\"2\"/>", 33 },
  { "attribute-on-measurement", "value=\"72\"", "value=\"72\" source=\"survey\"", 62 },
  { "attribute-on-scale-level", "<level value=\"1\" name=\"With guidance\"/>",
    "<level value=\"1\" name=\"With guidance\" colour=\"grey\"/>", 9 },
  { "attribute-on-remark", "status=\"open\"", "status=\"open\" urgent=\"yes\"", 76 },
};

static void
test_unknown_in_current (gconstpointer data)
{
  const BadCase *bc = data;
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *xml = test_replace (small, bc->anchor, bc->replacement);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (xml, report, &error);
  g_autofree char *dump = test_report_dump (report);

  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID);
  test_assert_message_line (error, TEST_DISPLAY_NAME, bc->line);
  g_assert_null (doc);
  if (!test_report_has (report, TRELLIS_LOAD_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID, bc->line))
    g_error ("the report lacks the error on line %u:\n%s", bc->line, dump);
  g_assert_cmpuint (trellis_load_report_get_n_errors (report), ==, 1);
}

/* Sections out of order */

static const char *section_lines[] = {
  "<organisation name=\"O\"/>",
  "<scale><level value=\"0\" name=\"Zero\"/><level value=\"1\" name=\"One\"/></scale>",
  "<values><value id=\"v\" name=\"V\"/></values>",
  "<results><result id=\"r\" name=\"R\" values=\"v\"/></results>",
  "<competencies><competency id=\"c\" name=\"C\"/></competencies>",
  "<responsibilities><responsibility id=\"rs\" name=\"RS\" result=\"r\"/></responsibilities>",
  "<roles><role id=\"ro\" name=\"RO\"/></roles>",
  "<people><person id=\"p\" name=\"P\" roles=\"ro\"/></people>",
  "<indicators><indicator id=\"i\" name=\"I\"/></indicators>",
  "<development><action id=\"a\" person=\"p\"/></development>",
  "<feedback><remark id=\"f\" about=\"c\"/></feedback>",
};

typedef struct
{
  const char *path;
  gint        order[13];   /* indices into section_lines, -1 ends */
  guint       line;        /* the first section out of place */
} OrderCase;

static const OrderCase order_cases[] = {
  { "in-order", { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1 }, 0 },
  { "some-left-out", { 0, 4, 10, -1 }, 0 },
  { "roles-after-people", { 0, 1, 2, 3, 4, 5, 7, 6, 8, 9, 10, -1 }, 11 },
  { "scale-after-values", { 0, 2, 1, 3, 4, 5, 6, 7, 8, 9, 10, -1 }, 6 },
  { "organisation-last", { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, -1 }, 14 },
  { "feedback-first", { 10, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1 }, 5 },
  { "values-twice", { 0, 1, 2, 2, 3, -1 }, 7 },
  { "reversed", { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1 }, 5 },
};

static void
test_section_order (gconstpointer data)
{
  const OrderCase *oc = data;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = NULL;
  g_autofree char *xml = NULL;

  g_ptr_array_add (lines, (gpointer) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  g_ptr_array_add (lines, (gpointer) "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">");
  g_ptr_array_add (lines, (gpointer) "<!-- sections follow -->");
  for (guint i = 0; oc->order[i] >= 0; i++)
    g_ptr_array_add (lines, (gpointer) section_lines[oc->order[i]]);
  g_ptr_array_add (lines, (gpointer) "</trellis>");
  g_ptr_array_add (lines, NULL);
  xml = test_join_lines ((const char * const *) lines->pdata);

  doc = test_load_string (xml, report, &error);
  if (oc->line == 0)
    {
      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_clear_object (&doc);
      doc = assert_stable (load_ok (xml, NULL), TRUE);
      return;
    }

  g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_INVALID);
  test_assert_message_line (error, TEST_DISPLAY_NAME, oc->line);
  g_assert_nonnull (strstr (error->message, "order"));
  g_assert_null (doc);
}

/* The validator itself can fail: a broken document is refused. */
static void
test_schema_rejects (void)
{
  static const char * const bad[] = {
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"><values><value name=\"no id\"/></values></trellis>",
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"2.0\"/>",
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"><roles/><values/></trellis>",
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"><people><person id=\"p\" name=\"P\">"
    "<assessment competency=\"c\" level=\"2\" source=\"self\" date=\"20-11-2026\"/></person></people></trellis>",
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"><indicators>"
    "<indicator id=\"i\" name=\"I\" target=\"inf\"/></indicators></trellis>",
    "<trellis xmlns=\"urn:other\" version=\"1.0\"/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *problems = schema_problems (bad[i], strlen (bad[i]));

      if (problems == NULL)
        g_error ("the schema accepted %s", bad[i]);
    }
}

static char *
case_path (const char *group,
           const char *name)
{
  return g_strdup_printf ("/trellis/format/%s/%s", group, name);
}

/* A file in another declared encoding is read through it; bytes that
 * encoding cannot hold refuse the file, in our words, not libxml2's on
 * the standard error. */
static void
test_declared_encoding (void)
{
  static const char latin1[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"><organisation name=\"Caf\xe9\"/></trellis>\n";
  static const char shift_jis[] =
    "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n"
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"><organisation name=\"\x82\xa0\xff\xff\"/></trellis>\n";
  static const char utf16[] =
    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"/>\n";
  static const char unknown[] =
    "<?xml version='1.0' encoding='bogus-enc'?>\n"
    "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\"/>\n";

  if (g_test_subprocess ())
    {
      g_autoptr(TrellisDocument) doc = load_ok (latin1, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrellisDocument) bad = NULL;

      g_assert_cmpstr (trellis_entity_get_string (TRELLIS_ENTITY (trellis_document_get_organisation (doc)),
                                                  TRELLIS_FIELD_NAME), ==, "Caf\xc3\xa9");

      bad = test_load_string (shift_jis, NULL, &error);
      g_assert_null (bad);
      g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_NOT_XML);
      g_assert_nonnull (strstr (error->message, "Shift_JIS"));
      g_clear_error (&error);

      /* Labelled UTF-16, written in ASCII; an encoding nobody knows. */
      bad = test_load_string (utf16, NULL, &error);
      g_assert_null (bad);
      g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_NOT_XML);
      g_assert_nonnull (strstr (error->message, "UTF-16 encoding"));
      g_clear_error (&error);

      bad = test_load_string (unknown, NULL, &error);
      g_assert_null (bad);
      g_assert_error (error, TRELLIS_DOCUMENT_ERROR, TRELLIS_DOCUMENT_ERROR_NOT_XML);
      g_assert_nonnull (strstr (error->message, "bogus-enc encoding, which Trellis cannot read"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("");
}

/* Format 1.1: a matrix's identity and a personal file (see FORMAT.md) */

#define TEST_MATRIX_ID "0f8fad5b-d9cb-469f-a165-70867728950e"

static char *
personal_xml (const char *version,
              const char *root_extra,
              const char *tail)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autofree char *root = g_strdup_printf ("matrix:1\" version=\"%s\" xml:lang=\"en\"%s", version, root_extra);
  g_autofree char *a = test_replace (small, "matrix:1\" version=\"1.0\" xml:lang=\"en\"", root);
  g_autofree char *with = g_strconcat (tail, "</trellis>", NULL);

  return test_replace (a, "</trellis>", with);
}

/* A file with the parts of 1.1 is written as 1.1, validates, and reads
 * back the same; the progress and the identity survive. */
static void
test_personal_round_trip (void)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autoptr(TrellisDocument) team = load_ok (small, NULL);
  g_autoptr(TrellisDocument) doc = NULL;
  g_autoptr(TrellisDocument) again = NULL;
  g_autoptr(TrellisProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  static const char *added[] = { "c-product", NULL };
  const TrellisProgress *read;

  trellis_document_ensure_matrix_id (team);
  doc = trellis_handout_new (team, TRELLIS_PERSON (trellis_document_lookup (team, "p-anna")), &error);
  g_assert_no_error (error);

  progress = trellis_progress_copy (trellis_document_get_progress (doc));
  progress->round = 740000;
  progress->stage = TRELLIS_GUIDE_COMPETENCY;
  progress->at = g_strdup ("c-listen");
  progress->added = g_strdupv ((char **) added);
  progress->handed_in = 740001;
  trellis_document_set_progress (doc, progress);

  out = save_valid (doc);
  g_assert_nonnull (strstr (out, "version=\"1.1\""));
  g_assert_nonnull (strstr (out, "<self-assessment person=\"p-anna\" round=\""));
  again = assert_stable (doc, TRUE);
  read = trellis_document_get_progress (again);
  g_assert_true (trellis_progress_equal (read, progress));
  g_assert_cmpstr (trellis_document_get_matrix_id (again), ==, trellis_document_get_matrix_id (team));
  g_assert_true (trellis_document_is_personal (again));
  g_assert_true (trellis_document_is_self_assessment (again));

  /* The team's matrix with its identity is 1.1 too, and stays it. */
  g_clear_pointer (&out, g_free);
  out = save_valid (team);
  g_assert_nonnull (strstr (out, "version=\"1.1\" xml:lang=\"en\" matrix=\""));
  g_clear_object (&again);
  again = assert_stable (team, TRUE);
  g_assert_false (trellis_document_is_personal (again));
}

/* Files without the parts of 1.1 are written as they were: 1.0. */
static void
test_personal_old_files_unchanged (void)
{
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  g_autoptr(TrellisDocument) doc = load_ok (small, NULL);
  g_autofree char *out = test_serialize_string (doc);

  g_assert_cmpstr (out, ==, small);
  g_assert_null (trellis_document_get_matrix_id (doc));
  g_assert_false (trellis_document_is_personal (doc));
}

typedef struct
{
  const char *path;
  const char *version;
  const char *root_extra;
  const char *tail;
  guint       line;
} PersonalBadCase;

static const PersonalBadCase personal_bad[] = {
  /* The parts of 1.1 in a file that says 1.0. */
  { "identity-in-1.0", "1.0", " matrix=\"" TEST_MATRIX_ID "\"", "", 2 },
  { "progress-in-1.0", "1.0", "", "  <self-assessment person=\"p-anna\"/>\n", 80 },
  { "bad-identity", "1.1", " matrix=\"0F8FAD5B-D9CB-469F-A165-70867728950E\"", "", 2 },
  { "short-identity", "1.1", " matrix=\"0f8fad5b\"", "", 2 },
  /* small.trellis holds two people. */
  { "two-people", "1.1", "", "  <self-assessment person=\"p-anna\"/>\n", 80 },
  { "no-person", "1.1", "", "  <self-assessment round=\"2026-12-01\"/>\n", 80 },
  { "unknown-person", "1.1", "", "  <self-assessment person=\"p-nobody\"/>\n", 80 },
  { "bad-stage", "1.1", "", "  <self-assessment person=\"p-anna\" stage=\"halfway\"/>\n", 80 },
  { "stage-without-place", "1.1", "", "  <self-assessment person=\"p-anna\" stage=\"competency\"/>\n", 80 },
  { "place-not-competency", "1.1", "", "  <self-assessment person=\"p-anna\" stage=\"competency\" at=\"ro-lead\"/>\n", 80 },
  { "bad-round", "1.1", "", "  <self-assessment person=\"p-anna\" round=\"2026-02-30\"/>\n", 80 },
  { "bad-added", "1.1", "", "  <self-assessment person=\"p-anna\" added=\"c-listen v-care\"/>\n", 80 },
  { "unknown-attribute", "1.1", "", "  <self-assessment person=\"p-anna\" mood=\"fine\"/>\n", 80 },
};

static void
test_personal_bad (gconstpointer data)
{
  const PersonalBadCase *bc = data;
  g_autofree char *xml = personal_xml (bc->version, bc->root_extra, bc->tail);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (xml, report, &error);
  g_autofree char *dump = test_report_dump (report);

  g_assert_null (doc);
  g_assert_nonnull (error);
  if (!test_report_has (report, TRELLIS_LOAD_ERROR, -1, bc->line))
    g_error ("no error on line %u:\n%s", bc->line, dump);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  g_test_add_func ("/trellis/format/schema/rejects-invalid", test_schema_rejects);
  g_test_add_func ("/trellis/format/round-trip/small", test_round_trip_small);
  g_test_add_func ("/trellis/format/round-trip/small-through-files", test_round_trip_file);
  g_test_add_func ("/trellis/format/round-trip/translations", test_round_trip_translations);
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *path = case_path ("round-trip/api", text_cases[i].path);
      g_test_add_data_func (path, &text_cases[i], test_round_trip_api);
    }
  g_test_add_func ("/trellis/format/output/unwritable-characters", test_unwritable_characters);
  g_test_add_func ("/trellis/format/output/not-utf8", test_not_utf8);
  g_test_add_func ("/trellis/format/output/deterministic", test_deterministic);
  g_test_add_func ("/trellis/format/output/canonical", test_canonical_output);
  g_test_add_func ("/trellis/format/output/current-version", test_current_version_written);

  for (guint i = 0; i < G_N_ELEMENTS (number_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%.17g", number_cases[i]);
      g_autofree char *path = case_path ("numbers/exact", name);
      g_test_add_data_func (path, &number_cases[i], test_numbers);
    }
  for (guint i = 0; i < G_N_ELEMENTS (number_texts); i++)
    {
      g_autofree char *path = case_path ("numbers/read", number_texts[i].path);
      g_test_add_data_func (path, &number_texts[i], test_number_text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", i);
      g_autofree char *path = case_path ("numbers/refused", name);
      g_test_add_data_func (path, bad_numbers[i], test_bad_number);
    }

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = case_path ("dates", date_cases[i].path);
      g_test_add_data_func (path, &date_cases[i], test_date_case);
    }
  g_test_add_func ("/trellis/format/dates/written-iso-8601", test_dates_written);

  for (guint i = 0; i < G_N_ELEMENTS (newer_cases); i++)
    {
      g_autofree char *path = case_path ("newer-minor", newer_cases[i].path);
      g_test_add_data_func (path, &newer_cases[i], test_newer_minor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (left_out_cases); i++)
    {
      g_autofree char *path = case_path ("newer-minor/left-out", left_out_cases[i].path);
      g_test_add_data_func (path, &left_out_cases[i], test_newer_minor_left_out);
    }
  g_test_add_func ("/trellis/format/newer-minor/attribute", test_newer_minor_attribute);
  g_test_add_func ("/trellis/format/newer-minor/root-attribute", test_newer_minor_root_attribute);
  g_test_add_func ("/trellis/format/declared-encoding", test_declared_encoding);

  for (guint i = 0; i < G_N_ELEMENTS (unknown_in_current); i++)
    {
      g_autofree char *path = case_path ("unknown-in-1.0", unknown_in_current[i].path);
      g_test_add_data_func (path, &unknown_in_current[i], test_unknown_in_current);
    }

  for (guint i = 0; i < G_N_ELEMENTS (order_cases); i++)
    {
      g_autofree char *path = case_path ("section-order", order_cases[i].path);
      g_test_add_data_func (path, &order_cases[i], test_section_order);
    }

  g_test_add_func ("/trellis/format/personal/round-trip", test_personal_round_trip);
  g_test_add_func ("/trellis/format/personal/old-files-unchanged", test_personal_old_files_unchanged);
  for (guint i = 0; i < G_N_ELEMENTS (personal_bad); i++)
    {
      g_autofree char *path = case_path ("personal/bad", personal_bad[i].path);
      g_test_add_data_func (path, &personal_bad[i], test_personal_bad);
    }

  ret = g_test_run ();

  g_clear_pointer (&schema, xmlRelaxNGFree);
  xmlCleanupParser ();

  return ret;
}

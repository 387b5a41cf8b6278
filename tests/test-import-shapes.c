/* test-import-shapes.c: what an imported spreadsheet does to a matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shapes of sheets (people, competencies, assessments long and
 * wide), headers in English, Dutch and German, matching by id and by
 * name, people and competencies the matrix does not have, bad rows, the
 * plan's counts, one undo step, a matrix changed in the meantime, and
 * the round trip through Trellis's own export.
 */

#include "config.h"

#include <string.h>

#include "test-import-util.h"

static TrellisImport *
import_fixture (TrellisDocument   *doc,
                const char        *name,
                TrellisImportKind  kind,
                gboolean           create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len;
  TrellisImport *import;

  bytes = test_fixture_contents (name, &len);
  import = test_import_bytes_full (doc, bytes, len, NULL, kind, create, &error);
  g_assert_no_error (error);

  return import;
}

static void
apply (TrellisImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (trellis_import_apply (import, &error));
  g_assert_no_error (error);
}

static void
test_long (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = import_fixture (doc, "import/long.csv", TRELLIS_IMPORT_KIND_AUTO, FALSE);
  TrellisImportSummary summary;

  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_ASSESSMENTS);
  g_assert_cmpint (trellis_import_get_column (import, 0)->field, ==, TRELLIS_COLUMN_PERSON_ID);
  g_assert_cmpint (trellis_import_get_column (import, 9)->field, ==, TRELLIS_COLUMN_EVIDENCE);
  test_assert_no_problems (import);
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.rows, ==, 2);
  g_assert_cmpuint (summary.assessments_added, ==, 2);
  apply (import);

  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 3, TRUE,
                          "Summarises, then answers");
  test_assert_assessment (doc, "p-ben", "c-product", TRELLIS_SOURCE_AGREED, "2026-10-01", 4, FALSE, NULL);
}

/* Dutch headers, words and dates, a level by its name, a two-line note. */
static void
test_long_dutch (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = import_fixture (doc, "import/long-nl.csv", TRELLIS_IMPORT_KIND_AUTO, FALSE);

  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_ASSESSMENTS);
  g_assert_cmpint (trellis_import_get_format (import)->delimiter, ==, ';');
  test_assert_no_problems (import);
  apply (import);

  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 3, FALSE, NULL);
  test_assert_assessment (doc, "p-ben", "c-product", TRELLIS_SOURCE_AGREED, "2026-10-01", 4, FALSE, "Twee\nregels");
}

static void
test_long_german (void)
{
  const char *csv = "Mitarbeiter;Kompetenz;Stufe;Quelle;Datum;Wunsch\n"
                    "Anna de Vries;Active listening;2;Selbst;20.11.2026;ja\n"
                    "Ben Jansen;Complaint handling;3;vereinbart;01.10.2026;nein\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = test_import_bytes (doc, csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  test_assert_no_problems (import);
  apply (import);

  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_SELF, "2026-11-20", 2, TRUE, NULL);
  test_assert_assessment (doc, "p-ben", "c-complaints", TRELLIS_SOURCE_AGREED, "2026-10-01", 3, FALSE, NULL);
}

/* A row per person, a column per competency; the default source and date. */
static void
test_wide (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = import_fixture (doc, "import/wide.tsv", TRELLIS_IMPORT_KIND_AUTO, FALSE);
  TrellisImportSummary summary;

  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_ASSESSMENTS_WIDE);
  g_assert_cmpint (trellis_import_get_column (import, 0)->field, ==, TRELLIS_COLUMN_PERSON);
  g_assert_cmpint (trellis_import_get_column (import, 1)->field, ==, TRELLIS_COLUMN_COMPETENCY_LEVEL);
  g_assert_cmpstr (trellis_import_get_column (import, 1)->competency, ==, "c-listen");
  test_assert_no_problems (import);
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.rows, ==, 2);
  g_assert_cmpuint (summary.assessments_added, ==, 4);
  apply (import);

  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-12-01", 3, FALSE, NULL);
  test_assert_assessment (doc, "p-anna", "c-product", TRELLIS_SOURCE_COACH, "2026-12-01", 2, FALSE, NULL);
  test_assert_assessment (doc, "p-ben", "c-product", TRELLIS_SOURCE_COACH, "2026-12-01", 4, FALSE, NULL);
  test_assert_assessment (doc, "p-ben", "c-complaints", TRELLIS_SOURCE_COACH, "2026-12-01", 1, FALSE, NULL);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 4);
}

/* A column the matrix has no competency for: refused, unless the import
 * may add it; a bad cell makes its whole row bad. */
static void
test_wide_new_competency (void)
{
  const char *csv = "Name,Active listening,Negotiation\n"
                    "Anna de Vries,3,2\n"
                    "Ben Jansen,9,1\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) refused = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrellisLoadReport *problems;
  TrellisEntity *negotiation;

  refused = test_import_bytes (doc, csv, strlen (csv), NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_COLUMNS);
  g_assert_nonnull (strstr (error->message, "‘Negotiation’"));
  g_clear_error (&error);

  import = test_import_bytes_full (doc, csv, strlen (csv), NULL, TRELLIS_IMPORT_KIND_AUTO, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_import_get_n_new (import, TRELLIS_KIND_COMPETENCY), ==, 1);
  g_assert_cmpstr (trellis_import_get_new_name (import, TRELLIS_KIND_COMPETENCY, 0), ==, "Negotiation");
  problems = trellis_import_get_problems (import);
  g_assert_cmpuint (trellis_load_report_get_n_items (problems), ==, 1);
  g_assert_cmpuint (trellis_load_report_get_line (problems, 0), ==, 3);
  g_assert_cmpstr (trellis_load_report_get_message (problems, 0), ==,
                   "In the column ‘Active listening’: Level 9 is outside the scale 0–4.");
  apply (import);

  negotiation = trellis_document_lookup (doc, "c-negotiation");
  g_assert_nonnull (negotiation);
  g_assert_cmpstr (trellis_entity_get_name (negotiation), ==, "Negotiation");
  test_assert_assessment (doc, "p-anna", "c-negotiation", TRELLIS_SOURCE_COACH, "2026-12-01", 2, FALSE, NULL);
  /* Nothing of Ben's row. */
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 2);
}

static void
test_people_dutch (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = import_fixture (doc, "import/people-nl.csv", TRELLIS_IMPORT_KIND_AUTO, TRUE);
  TrellisImportSummary summary;
  TrellisEntity *anna;
  TrellisEntity *eva;
  const char **roles;

  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_PEOPLE);
  test_assert_no_problems (import);
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.added[TRELLIS_KIND_PERSON], ==, 1);
  g_assert_cmpuint (summary.updated[TRELLIS_KIND_PERSON], ==, 1);
  g_assert_cmpuint (summary.added[TRELLIS_KIND_ROLE], ==, 0);
  apply (import);

  anna = trellis_document_lookup (doc, "p-anna");
  roles = trellis_entity_get_strv (anna, TRELLIS_FIELD_ROLES);
  g_assert_cmpuint (g_strv_length ((char **) roles), ==, 1);
  g_assert_cmpstr (roles[0], ==, "ro-lead");
  g_assert_cmpint (trellis_entity_get_int (anna, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_TEAM);

  eva = trellis_document_lookup (doc, "p-eva-dekker");
  g_assert_nonnull (eva);
  g_assert_cmpstr (trellis_entity_get_name (eva), ==, "Eva Dekker");
  roles = trellis_entity_get_strv (eva, TRELLIS_FIELD_ROLES);
  g_assert_cmpstr (roles[0], ==, "ro-agent");
  g_assert_cmpint (trellis_entity_get_int (eva, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_PRIVATE);
}

/* Ids from another system are kept for new people, so that the next
 * import matches them by id; roles listed in one cell, new ones added. */
static void
test_people_ids_and_roles (void)
{
  const char *csv = "Employee number,Full name,Roles,Visibility\n"
                    "E1042,Dirk Visser,\"Service agent, Trainer\",Coach\n"
                    "p-ben,Ben J. Jansen,Team lead,\n"
                    "E1042,,Trainer,team\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TrellisImportSummary summary;
  TrellisEntity *dirk;
  TrellisEntity *ben;
  TrellisEntity *trainer;
  const char **roles;

  import = test_import_bytes_full (doc, csv, strlen (csv), NULL, TRELLIS_IMPORT_KIND_AUTO, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_PEOPLE);
  test_assert_no_problems (import);
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.added[TRELLIS_KIND_PERSON], ==, 1);
  g_assert_cmpuint (summary.added[TRELLIS_KIND_ROLE], ==, 1);
  g_assert_cmpuint (summary.updated[TRELLIS_KIND_PERSON], ==, 1);
  apply (import);

  dirk = trellis_document_lookup (doc, "E1042");
  g_assert_nonnull (dirk);
  trainer = trellis_document_lookup (doc, "ro-trainer");
  g_assert_nonnull (trainer);
  roles = trellis_entity_get_strv (dirk, TRELLIS_FIELD_ROLES);
  /* The later row of the same person wins. */
  g_assert_cmpuint (g_strv_length ((char **) roles), ==, 1);
  g_assert_cmpstr (roles[0], ==, "ro-trainer");
  g_assert_cmpint (trellis_entity_get_int (dirk, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_TEAM);

  ben = trellis_document_lookup (doc, "p-ben");
  g_assert_cmpstr (trellis_entity_get_name (ben), ==, "Ben J. Jansen");
  roles = trellis_entity_get_strv (ben, TRELLIS_FIELD_ROLES);
  g_assert_cmpuint (g_strv_length ((char **) roles), ==, 1);
  g_assert_cmpint (trellis_entity_get_int (ben, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_COACH);
}

static void
test_competencies (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = import_fixture (doc, "import/competencies.csv", TRELLIS_IMPORT_KIND_AUTO, TRUE);
  TrellisImportSummary summary;
  TrellisEntity *complaints;
  TrellisEntity *coaching;
  GPtrArray *levels;
  const char **values;

  g_assert_cmpint (trellis_import_get_kind (import), ==, TRELLIS_IMPORT_KIND_COMPETENCIES);
  g_assert_cmpint (trellis_import_get_column (import, 3)->field, ==, TRELLIS_COLUMN_LEVEL_TEXT);
  g_assert_cmpint (trellis_import_get_column (import, 4)->level, ==, 3);
  test_assert_no_problems (import);
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.added[TRELLIS_KIND_COMPETENCY], ==, 1);
  g_assert_cmpuint (summary.updated[TRELLIS_KIND_COMPETENCY], ==, 1);
  g_assert_cmpuint (summary.added[TRELLIS_KIND_VALUE], ==, 1);
  apply (import);

  complaints = trellis_document_lookup (doc, "c-complaints");
  g_assert_cmpstr (trellis_entity_get_string (complaints, TRELLIS_FIELD_DESCRIPTION), ==, "Turns a complaint into trust");
  levels = trellis_entity_get_ptr_array (complaints, TRELLIS_FIELD_LEVELS);
  g_assert_cmpstr (trellis_level_texts_lookup (levels, 3), ==, "Solves complaints alone");

  coaching = trellis_document_lookup (doc, "c-coaching-peers");
  g_assert_nonnull (coaching);
  levels = trellis_entity_get_ptr_array (coaching, TRELLIS_FIELD_LEVELS);
  g_assert_cmpstr (trellis_level_texts_lookup (levels, 0), ==, "Not yet");
  g_assert_cmpstr (trellis_level_texts_lookup (levels, 3), ==, "Coaches the team");
  values = trellis_entity_get_strv (coaching, TRELLIS_FIELD_VALUES);
  g_assert_cmpuint (g_strv_length ((char **) values), ==, 2);
  g_assert_cmpstr (values[0], ==, "v-care");
  g_assert_nonnull (trellis_document_lookup (doc, values[1]));
  g_assert_cmpstr (trellis_entity_get_name (trellis_document_lookup (doc, values[1])), ==, "Ownership");
}

/* People and competencies the matrix does not have, a name two people
 * share, levels, dates and words that are wrong: each a bad row with its
 * number and reason; the good rows import, the bad change nothing. */
static void
test_bad_rows (void)
{
  const char *csv = "Person,Competency,Level,Source,Date,Wants to grow\n"
                    "Anna de Vries,Active listening,3,coach,2026-11-20,\n"   /* 2: good */
                    "Dana Berg,Active listening,2,coach,2026-11-20,\n"       /* 3: nobody */
                    "Anna de Vries,Juggling,2,coach,2026-11-20,\n"           /* 4: no competency */
                    "Chris Smit,Active listening,2,coach,2026-11-20,\n"      /* 5: two people */
                    "Ben Jansen,Product knowledge,7,coach,2026-11-20,\n"     /* 6: off the scale */
                    "Ben Jansen,Product knowledge,abc,coach,2026-11-20,\n"   /* 7: not a level */
                    "Ben Jansen,Product knowledge,2,boss,2026-11-20,\n"      /* 8: no source */
                    "Ben Jansen,Product knowledge,2,coach,31-02-2026,\n"     /* 9: no date */
                    "Ben Jansen,Product knowledge,2,coach,2026-11-20,maybe\n" /* 10: not yes or no */
                    ",Product knowledge,2,coach,2026-11-20,\n"               /* 11: nobody named */
                    "Ben Jansen,Product knowledge,,coach,2026-11-20,\n"      /* 12: no level */
                    "Ben Jansen,Product knowledge,2.0,coach,2026-11-20,yes\n"; /* 13: good */
  static const struct { guint row; const char *message; } expected[] = {
    { 3, "The matrix has nobody called ‘Dana Berg’. Check the spelling, or let the import add what is missing." },
    { 4, "The matrix has no competency called ‘Juggling’. Check the spelling, or let the import add what is missing." },
    { 5, "More than one person is called ‘Chris Smit’; give their id to say which." },
    { 6, "Level 7 is outside the scale 0–4." },
    { 7, "‘abc’ is not a level: give a whole number from 0 to 4, or the name of a level." },
    { 8, "‘boss’ is not a source of an assessment: self, peer, coach or agreed." },
    { 9, "‘31-02-2026’ is not a date; write dates as YYYY-MM-DD." },
    { 10, "‘maybe’ is not yes or no (does the person want to grow?)." },
    { 11, "The row names no person." },
    { 12, "The row has no level." },
  };
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autofree char *before = test_serialize_string (doc);
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(TrellisImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_text = NULL;
  TrellisLoadReport *problems;
  TrellisImportSummary summary;

  import = test_import_bytes (doc, csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  problems = trellis_import_get_problems (import);
  g_assert_cmpuint (trellis_load_report_get_n_items (problems), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (trellis_load_report_get_line (problems, i), ==, expected[i].row);
      g_assert_cmpstr (trellis_load_report_get_message (problems, i), ==, expected[i].message);
    }
  trellis_import_get_summary (import, &summary);
  g_assert_cmpuint (summary.rows, ==, 12);
  g_assert_cmpuint (summary.bad_rows, ==, 10);
  g_assert_cmpuint (summary.assessments_added, ==, 2);
  summary_text = trellis_import_dup_summary_text (import);
  g_assert_cmpstr (summary_text, ==, "2 assessments added, 10 rows skipped");

  /* Import nothing: the import is dropped, the matrix is as it was. */
  g_clear_object (&import);
  {
    g_autofree char *after = test_serialize_string (doc);

    g_assert_cmpstr (before, ==, after);
    g_assert_false (trellis_document_can_undo (doc));
  }

  /* Import the good rows. */
  again = test_import_bytes (doc, csv, strlen (csv), NULL, &error);
  g_assert_no_error (error);
  apply (again);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 2);
  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 3, FALSE, NULL);
  test_assert_assessment (doc, "p-ben", "c-product", TRELLIS_SOURCE_COACH, "2026-11-20", 2, TRUE, NULL);
}

/* With leave to add what is missing, the unknown person of a row is
 * added, once, whatever the rows that name them. */
static void
test_unknown_person_added (void)
{
  const char *csv = "Person,Competency,Level\n"
                    "Dana Berg,Active listening,2\n"
                    "dana  berg,Product knowledge,3\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  import = test_import_bytes_full (doc, csv, strlen (csv), NULL, TRELLIS_IMPORT_KIND_AUTO, TRUE, &error);
  g_assert_no_error (error);
  test_assert_no_problems (import);
  g_assert_cmpuint (trellis_import_get_n_new (import, TRELLIS_KIND_PERSON), ==, 1);
  text = trellis_import_dup_summary_text (import);
  g_assert_cmpstr (text, ==, "1 person added, 2 assessments added");
  apply (import);

  test_assert_assessment (doc, "p-dana-berg", "c-listen", TRELLIS_SOURCE_COACH, "2026-12-01", 2, FALSE, NULL);
  test_assert_assessment (doc, "p-dana-berg", "c-product", TRELLIS_SOURCE_COACH, "2026-12-01", 3, FALSE, NULL);
}

/* The whole import is one step: undone at once, and redone. */
static void
test_one_undo_step (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autofree char *before = test_serialize_string (doc);
  g_autofree char *applied = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(TrellisImport) people = import_fixture (doc, "import/people-nl.csv", TRELLIS_IMPORT_KIND_AUTO, TRUE);

  apply (people);
  applied = test_serialize_string (doc);
  g_assert_cmpstr (before, !=, applied);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Import ‘team.csv’");

  g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_can_undo (doc));
  undone = test_serialize_string (doc);
  g_assert_cmpstr (before, ==, undone);

  g_assert_true (trellis_document_redo (doc));
  redone = test_serialize_string (doc);
  g_assert_cmpstr (applied, ==, redone);
}

/* An import of assessments is one step too, and replaces what it names:
 * the same person, competency, source and date. */
static void
test_update_and_undo (void)
{
  const char *first = "Person,Competency,Level,Source,Date\nAnna de Vries,Active listening,2,self,2026-11-20\n"
                      "Anna de Vries,Product knowledge,1,self,2026-11-20\n";
  const char *second = "Person,Competency,Level,Source,Date,Note\nAnna de Vries,Active listening,3,self,2026-11-20,Better\n"
                       "Anna de Vries,Product knowledge,1,self,2026-11-20,\n"
                       "Anna de Vries,Product knowledge,2,coach,2026-11-21,\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) a = NULL;
  g_autoptr(TrellisImport) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_first = NULL;
  g_autofree char *undone = NULL;
  TrellisImportSummary summary;

  a = test_import_bytes (doc, first, strlen (first), NULL, &error);
  g_assert_no_error (error);
  apply (a);
  after_first = test_serialize_string (doc);

  b = test_import_bytes (doc, second, strlen (second), NULL, &error);
  g_assert_no_error (error);
  trellis_import_get_summary (b, &summary);
  g_assert_cmpuint (summary.assessments_added, ==, 1);
  g_assert_cmpuint (summary.assessments_updated, ==, 1);
  g_assert_cmpuint (summary.assessments_unchanged, ==, 1);
  apply (b);
  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_SELF, "2026-11-20", 3, FALSE, "Better");
  test_assert_assessment (doc, "p-anna", "c-product", TRELLIS_SOURCE_COACH, "2026-11-21", 2, FALSE, NULL);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 3);

  g_assert_true (trellis_document_undo (doc));
  undone = test_serialize_string (doc);
  g_assert_cmpstr (after_first, ==, undone);
}

/* A matrix changed between reading and applying: refused, nothing
 * changed but the change. */
static void
test_changed_in_between (void)
{
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = import_fixture (doc, "import/long.csv", TRELLIS_IMPORT_KIND_AUTO, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  trellis_document_set_string (doc, trellis_document_lookup (doc, "p-anna"), TRELLIS_FIELD_NAME, "Anna Visser");
  before = test_serialize_string (doc);

  g_assert_false (trellis_import_apply (import, &error));
  g_assert_error (error, TRELLIS_IMPORT_ERROR, TRELLIS_IMPORT_ERROR_CHANGED);
  after = test_serialize_string (doc);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (trellis_document_get_n_assessments (doc), ==, 0);
}

/* Dates with slashes: day first, unless the file shows it writes the
 * month first. */
static void
test_slash_dates (void)
{
  const char *european = "Person,Competency,Level,Date\nAnna de Vries,Active listening,2,03/04/2026\n"
                         "Ben Jansen,Active listening,2,20/11/2026\n";
  const char *american = "Person,Competency,Level,Date\nAnna de Vries,Active listening,2,03/04/2026\n"
                         "Ben Jansen,Active listening,2,11/20/2026\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisDocument) us = test_load_team ();
  g_autoptr(TrellisImport) a = NULL;
  g_autoptr(TrellisImport) b = NULL;
  g_autoptr(GError) error = NULL;

  a = test_import_bytes (doc, european, strlen (european), NULL, &error);
  g_assert_no_error (error);
  apply (a);
  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-04-03", 2, FALSE, NULL);
  test_assert_assessment (doc, "p-ben", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 2, FALSE, NULL);

  b = test_import_bytes (us, american, strlen (american), NULL, &error);
  g_assert_no_error (error);
  apply (b);
  test_assert_assessment (us, "p-anna", "c-listen", TRELLIS_SOURCE_COACH, "2026-03-04", 2, FALSE, NULL);
  test_assert_assessment (us, "p-ben", "c-listen", TRELLIS_SOURCE_COACH, "2026-11-20", 2, FALSE, NULL);
}

/* The columns as corrected by hand: a column left out, another read as
 * something else. */
static void
test_columns_corrected (void)
{
  const char *csv = "Who,What,Score,Remarks\nAnna de Vries,Active listening,3,Fine\n";
  g_autoptr(TrellisDocument) doc = test_load_team ();
  g_autoptr(TrellisImport) import = trellis_import_new (doc, "team.csv");
  g_autoptr(GInputStream) preview = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, -1, NULL);
  g_autoptr(GError) error = NULL;
  TrellisImportColumn what = { TRELLIS_COLUMN_COMPETENCY, TRELLIS_LEVEL_NONE, NULL };
  TrellisImportColumn remarks = { TRELLIS_COLUMN_IGNORE, TRELLIS_LEVEL_NONE, NULL };
  TrellisDate date;

  g_assert_true (trellis_import_preview (import, preview, NULL, &error));
  g_assert_cmpuint (trellis_import_get_n_columns (import), ==, 4);
  g_assert_cmpuint (trellis_import_get_n_preview_rows (import), ==, 1);
  g_assert_cmpstr (trellis_import_get_preview_cell (import, 0, 1), ==, "Active listening");
  g_assert_cmpuint (trellis_import_get_preview_row_number (import, 0), ==, 2);
  g_assert_cmpint (trellis_import_get_column (import, 0)->field, ==, TRELLIS_COLUMN_PERSON);
  g_assert_cmpint (trellis_import_get_column (import, 1)->field, ==, TRELLIS_COLUMN_IGNORE);

  trellis_import_set_kind (import, TRELLIS_IMPORT_KIND_ASSESSMENTS);
  trellis_import_set_column (import, 1, &what);
  trellis_import_set_column (import, 3, &remarks);
  trellis_import_set_default_source (import, TRELLIS_SOURCE_PEER);
  g_assert_true (trellis_date_parse ("2026-06-30", 10, &date));
  trellis_import_set_default_date (import, date);
  g_assert_true (trellis_import_read (import, stream, 0, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  test_assert_no_problems (import);
  apply (import);

  test_assert_assessment (doc, "p-anna", "c-listen", TRELLIS_SOURCE_PEER, "2026-06-30", 3, FALSE, NULL);
}

static gboolean
all_assessments_cb (TrellisPerson           *person,
                    TrellisCompetency       *competency,
                    const TrellisAssessment *a,
                    gpointer                 user_data,
                    GError                 **error)
{
  GString *out = user_data;
  char date[11];

  g_string_append_printf (out, "%s %s %d %d %s %s %s|%s\n",
                          trellis_entity_get_id (TRELLIS_ENTITY (person)),
                          trellis_entity_get_id (TRELLIS_ENTITY (competency)),
                          a->level, a->want, trellis_source_to_string (a->source),
                          trellis_date_format (a->date, date),
                          a->note != NULL ? a->note : "", a->evidence != NULL ? a->evidence : "");
  return TRUE;
}

static char *
all_assessments (TrellisDocument *doc)
{
  GString *out = g_string_new (NULL);

  g_assert_true (trellis_document_foreach_assessment (doc, NULL, NULL, all_assessments_cb, out, NULL));
  return g_string_free (out, FALSE);
}

/* A matrix exported to CSV and imported into the same matrix without
 * its assessments gives the same assessments, in every format a person
 * can choose. */
static void
test_round_trip (gconstpointer data)
{
  const TrellisCsvFormat *format = data;
  g_autoptr(TrellisDocument) source = NULL;
  g_autoptr(TrellisDocument) target = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(TrellisCsvWriter) writer = trellis_csv_writer_new (out, format);
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(TrellisImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *xml = test_fixture_contents ("small.trellis", NULL);
  guint n_people;

  source = test_load_string (xml, NULL, &error);
  g_assert_no_error (error);
  /* Texts a spreadsheet could take for formulas, quotes, line ends. */
  {
    TrellisAssessment a = { "c-product", 1, TRUE, TRELLIS_SOURCE_PEER, 0, "=SUM(A1:A9)", "-1 \"quoted\"\r\nline" };

    g_assert_true (trellis_date_parse ("2026-05-05", 10, &a.date));
    trellis_document_set_assessment (source, TRELLIS_PERSON (trellis_document_lookup (source, "p-anna")), &a);
  }
  expected = all_assessments (source);

  target = test_load_string (xml, NULL, &error);
  n_people = trellis_document_get_n_items (target, TRELLIS_KIND_PERSON);
  for (guint p = 0; p < n_people; p++)
    {
      TrellisPerson *person = TRELLIS_PERSON (trellis_document_get_item (target, TRELLIS_KIND_PERSON, p));
      g_autoptr(GArray) list = trellis_document_get_assessments (target, person, NULL);

      for (guint i = 0; i < list->len; i++)
        {
          const TrellisAssessment *a = &g_array_index (list, TrellisAssessment, i);

          g_assert_true (trellis_document_remove_assessment (target, person, a->competency, a->source, a->date));
        }
    }
  g_assert_cmpuint (trellis_document_get_n_assessments (target), ==, 0);

  g_assert_true (trellis_csv_write_assessments (source, writer, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  csv = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));

  import = test_import_bytes (target, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (trellis_import_get_format (import)->delimiter, ==, format->delimiter);
  g_assert_cmpint (trellis_import_get_format (import)->bom, ==, format->bom);
  test_assert_no_problems (import);
  apply (import);

  got = all_assessments (target);
  g_assert_cmpstr (expected, ==, got);
}

int
main (int    argc,
      char **argv)
{
  static const TrellisCsvFormat formats[] = {
    { TRELLIS_CSV_ENCODING_UTF8, ',', FALSE },
    { TRELLIS_CSV_ENCODING_UTF8, ';', TRUE },
    { TRELLIS_CSV_ENCODING_UTF8, '\t', TRUE },
  };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/shapes/long", test_long);
  g_test_add_func ("/import/shapes/long-dutch", test_long_dutch);
  g_test_add_func ("/import/shapes/long-german", test_long_german);
  g_test_add_func ("/import/shapes/wide", test_wide);
  g_test_add_func ("/import/shapes/wide-new-competency", test_wide_new_competency);
  g_test_add_func ("/import/shapes/people-dutch", test_people_dutch);
  g_test_add_func ("/import/shapes/people-ids-and-roles", test_people_ids_and_roles);
  g_test_add_func ("/import/shapes/competencies", test_competencies);
  g_test_add_func ("/import/plan/bad-rows", test_bad_rows);
  g_test_add_func ("/import/plan/unknown-person-added", test_unknown_person_added);
  g_test_add_func ("/import/plan/slash-dates", test_slash_dates);
  g_test_add_func ("/import/plan/columns-corrected", test_columns_corrected);
  g_test_add_func ("/import/apply/one-undo-step", test_one_undo_step);
  g_test_add_func ("/import/apply/update-and-undo", test_update_and_undo);
  g_test_add_func ("/import/apply/changed-in-between", test_changed_in_between);
  g_test_add_data_func ("/import/round-trip/comma", &formats[0], test_round_trip);
  g_test_add_data_func ("/import/round-trip/semicolon-bom", &formats[1], test_round_trip);
  g_test_add_data_func ("/import/round-trip/tab-bom", &formats[2], test_round_trip);

  return g_test_run ();
}

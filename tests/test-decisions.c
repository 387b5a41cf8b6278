/* test-decisions.c: the decisions of workshop votes in the file and in
 * the history of edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trellis-document.h"
#include "test-schema.h"
#include "test-util.h"

static GPtrArray *
decisions_of (TrellisDocument *doc,
              const char      *id)
{
  return trellis_entity_get_ptr_array (trellis_document_lookup (doc, id), TRELLIS_FIELD_DECISIONS);
}

static void
set_votes (guint16    *votes,
           const char *spread)
{
  g_assert_true (trellis_votes_from_string (spread, strlen (spread), 0, TRELLIS_LEVEL_MAX, votes));
}

static void
test_read_write (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("decisions.trellis");
  g_autofree char *original = test_fixture_contents ("decisions.trellis", NULL);
  g_autofree char *out = NULL;
  GPtrArray *role = decisions_of (doc, "ro-agent");
  GPtrArray *responsibility = decisions_of (doc, "rs-complaints");
  const TrellisDecision *d;

  g_assert_cmpuint (role->len, ==, 2);
  d = g_ptr_array_index (role, 0);
  g_assert_cmpstr (d->about, ==, "c-listen");
  g_assert_cmpint (d->level, ==, 2);
  g_assert_cmpuint (d->date, ==, test_date ("2026-10-02"));
  g_assert_cmpuint (d->votes[1], ==, 1);
  g_assert_cmpuint (d->votes[2], ==, 3);
  g_assert_cmpuint (d->votes[3], ==, 1);
  g_assert_null (d->rationale);
  d = g_ptr_array_index (role, 1);
  g_assert_cmpint (d->level, ==, 3);
  g_assert_cmpstr (d->rationale, ==, "Agents summarise every call & check the need.");
  g_assert_true (trellis_decisions_get_last (role, "c-listen") == d);
  g_assert_null (trellis_decisions_get_last (role, "c-product"));

  g_assert_cmpuint (responsibility->len, ==, 1);
  d = g_ptr_array_index (responsibility, 0);
  g_assert_cmpstr (d->about, ==, "ro-agent");
  g_assert_cmpint (d->level, ==, TRELLIS_AUTHORITY_ADVISE);
  g_assert_cmpuint (d->votes[4] + d->votes[5] + d->votes[6], ==, 6);

  /* None where there were none. */
  g_assert_null (decisions_of (doc, "ro-lead"));

  /* Written back byte for byte, as 1.1, and valid. */
  out = test_serialize_string (doc);
  g_assert_cmpstr (out, ==, original);
  assert_valid (out, strlen (out));
  g_assert_cmpuint (trellis_document_get_format_minor (doc), ==, 1);
}

/* Recording a decision is one step: undone, the file is what it was,
 * byte for byte, version 1.0 included. */
static void
test_record_undo (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  g_autofree char *before = test_serialize_string (doc);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(TrellisDecision) decision = NULL;
  TrellisEntity *lead = trellis_document_lookup (doc, "ro-lead");
  guint16 votes[TRELLIS_LEVEL_MAX + 1];
  GPtrArray *recorded;

  set_votes (votes, "1:2 2:2 4:1");
  decision = trellis_decision_new ("c-listen", 2, test_date ("2026-11-20"), votes, "Leads coach listening");
  trellis_document_record_decision (doc, lead, decision);

  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (lead, TRELLIS_FIELD_REQUIRES), "c-listen"), ==, 2);
  recorded = decisions_of (doc, "ro-lead");
  g_assert_cmpuint (recorded->len, ==, 1);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Agree on the level of ‘Active listening’ for ‘Lead’");

  after = test_serialize_string (doc);
  assert_valid (after, strlen (after));
  g_assert_nonnull (strstr (after, "version=\"1.1\""));
  g_assert_nonnull (strstr (after, "<decision competency=\"c-listen\" level=\"2\" date=\"2026-11-20\" "
                                   "votes=\"1:2 2:2 4:1\">Leads coach listening</decision>"));

  g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_can_undo (doc));
  {
    g_autofree char *undone = test_serialize_string (doc);
    g_assert_cmpstr (undone, ==, before);
  }

  g_assert_true (trellis_document_redo (doc));
  redone = test_serialize_string (doc);
  g_assert_cmpstr (redone, ==, after);
}

/* The same value as before still records the decision: the team agreed
 * on it. */
static void
test_record_same_value (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  g_autoptr(TrellisDecision) decision = NULL;
  guint16 votes[TRELLIS_LEVEL_MAX + 1];

  set_votes (votes, "3:5");
  decision = trellis_decision_new ("c-listen", 3, test_date ("2026-11-20"), votes, NULL);
  trellis_document_record_decision (doc, trellis_document_lookup (doc, "ro-agent"), decision);
  g_assert_cmpuint (decisions_of (doc, "ro-agent")->len, ==, 1);
  g_assert_true (trellis_document_undo (doc));
  g_assert_null (decisions_of (doc, "ro-agent"));
  g_assert_false (trellis_document_can_undo (doc));
}

static void
test_record_delegation (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("small.trellis");
  g_autoptr(TrellisDecision) decision = NULL;
  TrellisEntity *rs = trellis_document_lookup (doc, "rs-complaints");
  guint16 votes[TRELLIS_LEVEL_MAX + 1];
  const TrellisAssignment *a;

  set_votes (votes, "3:1 4:3");
  decision = trellis_decision_new ("ro-agent", TRELLIS_AUTHORITY_AGREE, test_date ("2026-11-20"), votes, "Together");
  trellis_document_record_decision (doc, rs, decision);

  /* The delegation changes; the letters stay. */
  a = trellis_assignments_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS), "ro-agent");
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_AGREE);
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_RESPONSIBLE);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==,
                   "Agree on the delegation of ‘Handle complaints’ to ‘Agent’");

  /* To a role without letters yet, too. */
  trellis_document_record_decision (doc, rs, &(TrellisDecision) { .about = "ro-lead", .level = 1,
                                                                  .date = test_date ("2026-11-21"),
                                                                  .votes = { [1] = 2 } });
  a = trellis_assignments_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS), "ro-lead");
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_TELL);
  g_assert_cmpint (a->raci, ==, TRELLIS_RACI_ACCOUNTABLE);

  g_assert_true (trellis_document_undo (doc));
  g_assert_true (trellis_document_undo (doc));
  a = trellis_assignments_lookup (trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS), "ro-agent");
  g_assert_cmpint (a->authority, ==, TRELLIS_AUTHORITY_ADVISE);
  g_assert_null (decisions_of (doc, "rs-complaints"));
}

/* Deleting what a decision is about deletes the decision, in the same
 * step. */
static void
test_delete (void)
{
  g_autoptr(TrellisDocument) doc = test_load_fixture ("decisions.trellis");
  g_autofree char *before = test_serialize_string (doc);
  g_autofree char *after = NULL;

  trellis_document_remove (doc, trellis_document_lookup (doc, "c-listen"));
  g_assert_cmpuint (decisions_of (doc, "ro-agent")->len, ==, 0);
  g_assert_cmpuint (decisions_of (doc, "rs-complaints")->len, ==, 1);
  after = test_serialize_string (doc);
  assert_valid (after, strlen (after));
  g_assert_null (strstr (after, "competency=\"c-listen\""));

  g_assert_true (trellis_document_undo (doc));
  {
    g_autofree char *undone = test_serialize_string (doc);
    g_assert_cmpstr (undone, ==, before);
  }

  trellis_document_remove (doc, trellis_document_lookup (doc, "ro-agent"));
  g_assert_cmpuint (decisions_of (doc, "rs-complaints")->len, ==, 0);
  g_assert_true (trellis_document_undo (doc));
  g_assert_cmpuint (decisions_of (doc, "rs-complaints")->len, ==, 1);
  g_assert_cmpuint (decisions_of (doc, "ro-agent")->len, ==, 2);

  /* Deleting another competency leaves them. */
  trellis_document_remove (doc, trellis_document_lookup (doc, "c-product"));
  g_assert_cmpuint (decisions_of (doc, "ro-agent")->len, ==, 2);
}

typedef struct
{
  const char *decision;
  gboolean    responsibility;
  gint        code;
} BadCase;

static const BadCase bad_cases[] = {
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision level=\"3\" date=\"2026-11-20\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" date=\"2026-11-20\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-nothing\" level=\"3\" date=\"2026-11-20\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE },
  { "<decision competency=\"ro-lead\" level=\"3\" date=\"2026-11-20\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE },
  { "<decision competency=\"c-listen\" level=\"7\" date=\"2026-11-20\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_LEVEL_OUT_OF_RANGE },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"20.11.2026\" votes=\"3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_BAD_DATE },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:0\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"4:1 3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:1 3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"11:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:1  4:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"03:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:01\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:1001\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"2:600 3:600\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:1 \"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"-3:1\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:1\" role=\"ro-lead\"/>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision role=\"ro-agent\" authority=\"\" date=\"2026-11-20\" votes=\"3:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision role=\"ro-agent\" authority=\"boss\" date=\"2026-11-20\" votes=\"3:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision role=\"ro-agent\" authority=\"agree\" date=\"2026-11-20\" votes=\"0:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision role=\"ro-agent\" authority=\"agree\" date=\"2026-11-20\" votes=\"8:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision role=\"ro-agent\" level=\"3\" date=\"2026-11-20\" votes=\"3:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision role=\"c-listen\" authority=\"agree\" date=\"2026-11-20\" votes=\"3:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_UNKNOWN_REFERENCE },
  { "<decision competency=\"c-listen\" authority=\"agree\" date=\"2026-11-20\" votes=\"3:1\"/>", TRUE, TRELLIS_DOCUMENT_ERROR_INVALID },
  { "<decision competency=\"c-listen\" level=\"3\" date=\"2026-11-20\" votes=\"3:1\"><note>x</note></decision>", FALSE, TRELLIS_DOCUMENT_ERROR_INVALID },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *bc = data;
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  const char *anchor = bc->responsibility ? "<assign role=\"ro-lead\" raci=\"A\" authority=\"delegate\"/>"
                                          : "<target competency=\"c-listen\" level=\"3\" people=\"2\"/>";
  g_autofree char *with = g_strconcat (anchor, "\n      ", bc->decision, NULL);
  g_autofree char *xml = test_replace (small, anchor, with);
  g_autoptr(TrellisLoadReport) report = trellis_load_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (xml, report, &error);
  g_autofree char *dump = test_report_dump (report);
  guint line = 1;

  for (const char *p = xml; p < strstr (xml, bc->decision); p++)
    line += *p == '\n';

  g_assert_nonnull (error);
  g_assert_null (doc);
  if (!test_report_has (report, TRELLIS_LOAD_ERROR, bc->code, line))
    g_error ("no error %d on line %u for %s:\n%s", bc->code, line, bc->decision, dump);
}

static void
test_votes (void)
{
  const char *good[] = { "0:1", "10:1000", "1:1 2:2 3:3", "0:500 10:500" };
  const char *bad[] = { "", " ", "1", "1:", ":1", "a:1", "1:a", "1:1,2:1", "1:1\t2:1", "+1:1", "1:+1", "1.0:1" };
  guint16 votes[TRELLIS_LEVEL_MAX + 1];

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *again = NULL;

      g_assert_true (trellis_votes_from_string (good[i], strlen (good[i]), 0, 10, votes));
      again = trellis_votes_to_string (votes);
      g_assert_cmpstr (again, ==, good[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (trellis_votes_from_string (bad[i], strlen (bad[i]), 0, 10, votes));

  /* Within the bounds asked for. */
  g_assert_false (trellis_votes_from_string ("0:1", 3, 1, 7, votes));
  g_assert_true (trellis_votes_from_string ("7:1", 3, 1, 7, votes));
  g_assert_false (trellis_votes_from_string ("8:1", 3, 1, 7, votes));
}

/* A 1.0 file with decisions is read as it is, and written as 1.1. */
static void
test_older_version (void)
{
  g_autofree char *xml = test_fixture_contents ("decisions.trellis", NULL);
  g_autofree char *old = test_replace (xml, "version=\"1.1\"", "version=\"1.0\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = test_load_string (old, NULL, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = test_serialize_string (doc);
  g_assert_cmpstr (out, ==, xml);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/decisions/read-write", test_read_write);
  g_test_add_func ("/trellis/decisions/record-undo", test_record_undo);
  g_test_add_func ("/trellis/decisions/record-same-value", test_record_same_value);
  g_test_add_func ("/trellis/decisions/record-delegation", test_record_delegation);
  g_test_add_func ("/trellis/decisions/delete", test_delete);
  g_test_add_func ("/trellis/decisions/votes", test_votes);
  g_test_add_func ("/trellis/decisions/older-version", test_older_version);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/decisions/bad/%u", i);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  status = g_test_run ();
  g_clear_pointer (&schema, xmlRelaxNGFree);

  return status;
}

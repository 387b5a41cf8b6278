/* test-undo.c: every kind of edit is undoable and redoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-document.h"

typedef void (*EditFunc) (TrellisDocument *doc);

static TrellisDocument *
load_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
serialize (TrellisDocument *doc)
{
  g_autoptr(GBytes) bytes = trellis_document_serialize (doc, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

#define E(id) trellis_document_lookup (doc, id)

static void edit_org_name (TrellisDocument *doc) { trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)), TRELLIS_FIELD_NAME, "Renamed"); }
static void edit_mission (TrellisDocument *doc) { trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)), TRELLIS_FIELD_MISSION, "A new mission"); }
static void edit_vision (TrellisDocument *doc) { trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)), TRELLIS_FIELD_VISION, NULL); }

static void
edit_scale (TrellisDocument *doc)
{
  GPtrArray *levels = trellis_scale_copy (trellis_document_get_scale (doc));
  TrellisScaleLevel *l = g_ptr_array_index (levels, 2);

  g_free (l->name);
  l->name = g_strdup ("On my own");
  g_ptr_array_add (levels, trellis_scale_level_new (5, "Master", "Sets the standard"));
  g_assert_true (trellis_document_set_scale (doc, levels, NULL));
}

static void edit_add_value (TrellisDocument *doc) { trellis_document_create (doc, TRELLIS_KIND_VALUE, "Courage", 0); }
static void edit_value_description (TrellisDocument *doc) { trellis_document_set_string (doc, E ("v-care"), TRELLIS_FIELD_DESCRIPTION, "We care, visibly."); }

static void
edit_behaviours (TrellisDocument *doc)
{
  const char *b[] = { "Asks how it went", NULL };
  trellis_document_set_strv (doc, E ("v-own"), TRELLIS_FIELD_BEHAVIOURS, b);
}

static void edit_delete_value (TrellisDocument *doc) { trellis_document_remove (doc, E ("v-care")); }
static void edit_move_value (TrellisDocument *doc) { trellis_document_move (doc, E ("v-own"), 0); }

static void
edit_result_values (TrellisDocument *doc)
{
  const char *v[] = { "v-own", NULL };
  trellis_document_set_strv (doc, E ("r-once"), TRELLIS_FIELD_VALUES, v);
}

static void edit_delete_result (TrellisDocument *doc) { trellis_document_remove (doc, E ("r-once")); }
static void edit_add_competency (TrellisDocument *doc) { trellis_document_create (doc, TRELLIS_KIND_COMPETENCY, "De-escalation", 1); }
static void edit_level_text (TrellisDocument *doc) { trellis_document_set_level_text (doc, TRELLIS_COMPETENCY (E ("c-product")), 2, "Answers common questions alone"); }
static void edit_delete_competency (TrellisDocument *doc) { trellis_document_remove (doc, E ("c-listen")); }
static void edit_move_competency (TrellisDocument *doc) { trellis_document_move (doc, E ("c-product"), 0); }
static void edit_needs (TrellisDocument *doc) { trellis_document_set_requirement (doc, E ("rs-complaints"), "c-product", 2); }
static void edit_drop_need (TrellisDocument *doc) { trellis_document_set_requirement (doc, E ("rs-complaints"), "c-listen", TRELLIS_LEVEL_NONE); }
static void edit_assign (TrellisDocument *doc) { trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (E ("rs-complaints")), "ro-agent", TRELLIS_RACI_RESPONSIBLE | TRELLIS_RACI_CONSULTED, TRELLIS_AUTHORITY_INQUIRE); }
static void edit_unassign (TrellisDocument *doc) { trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (E ("rs-complaints")), "ro-lead", TRELLIS_RACI_NONE, TRELLIS_AUTHORITY_NONE); }
static void edit_responsibility_result (TrellisDocument *doc) { trellis_document_set_string (doc, E ("rs-complaints"), TRELLIS_FIELD_RESULT, NULL); }
static void edit_requires (TrellisDocument *doc) { trellis_document_set_requirement (doc, E ("ro-lead"), "c-listen", 4); }
static void edit_target (TrellisDocument *doc) { trellis_document_set_target (doc, TRELLIS_ROLE (E ("ro-lead")), "c-product", 3, 1); }
static void edit_delete_role (TrellisDocument *doc) { trellis_document_remove (doc, E ("ro-agent")); }
static void edit_add_person (TrellisDocument *doc) { trellis_document_create (doc, TRELLIS_KIND_PERSON, "Chris", -1); }

static void
edit_person_roles (TrellisDocument *doc)
{
  const char *r[] = { "ro-lead", NULL };
  trellis_document_set_strv (doc, E ("p-anna"), TRELLIS_FIELD_ROLES, r);
}

static void edit_share (TrellisDocument *doc) { trellis_document_set_int (doc, E ("p-ben"), TRELLIS_FIELD_SHARE, TRELLIS_SHARE_COACH); }
static void edit_delete_person (TrellisDocument *doc) { trellis_document_remove (doc, E ("p-anna")); }
static void edit_move_person (TrellisDocument *doc) { trellis_document_move (doc, E ("p-ben"), 0); }

static void
edit_assess_new (TrellisDocument *doc)
{
  TrellisAssessment a = { "c-product", 3, TRUE, TRELLIS_SOURCE_PEER, 0, "Helped me twice", "Ticket 42" };

  g_assert_true (trellis_date_parse ("2026-11-22", 10, &a.date));
  trellis_document_set_assessment (doc, TRELLIS_PERSON (E ("p-ben")), &a);
}

static void
edit_assess_replace (TrellisDocument *doc)
{
  TrellisAssessment a = { "c-listen", 1, FALSE, TRELLIS_SOURCE_SELF, 0, NULL, NULL };

  g_assert_true (trellis_date_parse ("2026-11-20", 10, &a.date));
  trellis_document_set_assessment (doc, TRELLIS_PERSON (E ("p-anna")), &a);
}

static void
edit_assess_remove (TrellisDocument *doc)
{
  TrellisDate date;

  g_assert_true (trellis_date_parse ("2026-11-21", 10, &date));
  g_assert_true (trellis_document_remove_assessment (doc, TRELLIS_PERSON (E ("p-anna")), "c-listen",
                                                     TRELLIS_SOURCE_COACH, date));
}

static void edit_indicator_target (TrellisDocument *doc) { trellis_document_set_double (doc, E ("i-once"), TRELLIS_FIELD_TARGET, 85.25); }
static void edit_indicator_no_target (TrellisDocument *doc) { trellis_document_set_double (doc, E ("i-once"), TRELLIS_FIELD_TARGET, NAN); }
static void edit_indicator_kind (TrellisDocument *doc) { trellis_document_set_int (doc, E ("i-once"), TRELLIS_FIELD_INDICATOR_KIND, TRELLIS_INDICATOR_HUMAN); }
static void edit_indicator_rhythm (TrellisDocument *doc) { trellis_document_set_int (doc, E ("i-once"), TRELLIS_FIELD_RHYTHM, TRELLIS_RHYTHM_QUARTERLY); }

static void
edit_measurement (TrellisDocument *doc)
{
  TrellisEntity *i = E ("i-once");
  TrellisDate date;

  g_assert_true (trellis_date_parse ("2026-12-01", 10, &date));
  trellis_document_take_array (doc, i, TRELLIS_FIELD_MEASUREMENTS,
                               trellis_measurements_copy_set (trellis_entity_get_array (i, TRELLIS_FIELD_MEASUREMENTS), date, 79));
}

static void
edit_review (TrellisDocument *doc)
{
  TrellisEntity *i = E ("i-once");
  TrellisDate date;
  g_autoptr(GPtrArray) holder = trellis_reviews_new ();
  TrellisReview *r;

  g_assert_true (trellis_date_parse ("2026-12-05", 10, &date));
  r = trellis_review_new (date, "Plan", "Did", "Checked", "Acted");
  g_ptr_array_add (holder, r);
  trellis_document_take_ptr_array (doc, i, TRELLIS_FIELD_REVIEWS,
                                   trellis_reviews_copy_set (trellis_entity_get_ptr_array (i, TRELLIS_FIELD_REVIEWS), r));
}

static void edit_delete_indicator (TrellisDocument *doc) { trellis_document_remove (doc, E ("i-once")); }

static void
edit_add_action (TrellisDocument *doc)
{
  TrellisEntity *a;

  /* A compound edit as the app makes it: one undo step. */
  trellis_document_begin_group (doc, "Plan an action");
  a = trellis_document_create (doc, TRELLIS_KIND_ACTION, NULL, -1);
  trellis_document_set_string (doc, a, TRELLIS_FIELD_PERSON, "p-ben");
  trellis_document_set_string (doc, a, TRELLIS_FIELD_COMPETENCY, "c-listen");
  trellis_document_set_int (doc, a, TRELLIS_FIELD_ACTION_KIND, TRELLIS_ACTION_MENTORING);
  trellis_document_set_uint (doc, a, TRELLIS_FIELD_DUE, 740000);
  trellis_document_end_group (doc);
}

static void edit_action_status (TrellisDocument *doc) { trellis_document_set_int (doc, E ("a-1"), TRELLIS_FIELD_STATUS, TRELLIS_STATUS_DONE); }
static void edit_feedback_response (TrellisDocument *doc) { trellis_document_set_string (doc, E ("f-1"), TRELLIS_FIELD_RESPONSE, "Agreed, changed to 2"); }
static void edit_feedback_status (TrellisDocument *doc) { trellis_document_set_int (doc, E ("f-1"), TRELLIS_FIELD_STATUS, TRELLIS_FEEDBACK_RESOLVED); }
static void edit_delete_feedback (TrellisDocument *doc) { trellis_document_remove (doc, E ("f-1")); }

static void
edit_group (TrellisDocument *doc)
{
  trellis_document_begin_group (doc, "Workshop round");
  trellis_document_create (doc, TRELLIS_KIND_ROLE, "Trainer", -1);
  trellis_document_set_requirement (doc, E ("ro-trainer"), "c-listen", 4);
  trellis_document_set_assignment (doc, TRELLIS_RESPONSIBILITY (E ("rs-complaints")), "ro-trainer",
                                   TRELLIS_RACI_CONSULTED, TRELLIS_AUTHORITY_NONE);
  trellis_document_remove (doc, E ("p-ben"));
  trellis_document_end_group (doc);
}

static const struct {
  const char *name;
  EditFunc    func;
} edits[] = {
  { "organisation-name", edit_org_name },
  { "mission", edit_mission },
  { "vision", edit_vision },
  { "scale", edit_scale },
  { "add-value", edit_add_value },
  { "value-description", edit_value_description },
  { "behaviours", edit_behaviours },
  { "delete-value", edit_delete_value },
  { "move-value", edit_move_value },
  { "result-values", edit_result_values },
  { "delete-result", edit_delete_result },
  { "add-competency", edit_add_competency },
  { "level-text", edit_level_text },
  { "delete-competency", edit_delete_competency },
  { "move-competency", edit_move_competency },
  { "needs", edit_needs },
  { "drop-need", edit_drop_need },
  { "assign", edit_assign },
  { "unassign", edit_unassign },
  { "responsibility-result", edit_responsibility_result },
  { "requires", edit_requires },
  { "target", edit_target },
  { "delete-role", edit_delete_role },
  { "add-person", edit_add_person },
  { "person-roles", edit_person_roles },
  { "share", edit_share },
  { "delete-person", edit_delete_person },
  { "move-person", edit_move_person },
  { "assess-new", edit_assess_new },
  { "assess-replace", edit_assess_replace },
  { "assess-remove", edit_assess_remove },
  { "indicator-target", edit_indicator_target },
  { "indicator-no-target", edit_indicator_no_target },
  { "indicator-kind", edit_indicator_kind },
  { "indicator-rhythm", edit_indicator_rhythm },
  { "measurement", edit_measurement },
  { "review", edit_review },
  { "delete-indicator", edit_delete_indicator },
  { "add-action", edit_add_action },
  { "action-status", edit_action_status },
  { "feedback-response", edit_feedback_response },
  { "feedback-status", edit_feedback_status },
  { "delete-feedback", edit_delete_feedback },
  { "group", edit_group },
};

static void
test_one_edit (gconstpointer data)
{
  EditFunc func = data;
  g_autoptr(TrellisDocument) doc = load_fixture ();
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  func (doc);
  after = serialize (doc);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (trellis_document_can_undo (doc));
  g_assert_true (trellis_document_get_modified (doc));

  /* One step undoes the whole edit, however many parts it has. */
  g_assert_true (trellis_document_undo (doc));
  g_assert_false (trellis_document_can_undo (doc));
  g_assert_false (trellis_document_get_modified (doc));
  undone = serialize (doc);
  g_assert_cmpstr (before, ==, undone);

  g_assert_true (trellis_document_redo (doc));
  g_assert_false (trellis_document_can_redo (doc));
  redone = serialize (doc);
  g_assert_cmpstr (after, ==, redone);
}

static void
test_all_edits_in_sequence (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ();
  g_autofree char *before = serialize (doc);
  g_autofree char *after = NULL;
  guint steps = 0;

  /* Each edit on the state the previous ones left; some find their
   * target already deleted and are skipped. */
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      if (g_str_has_prefix (edits[i].name, "delete-") || g_str_equal (edits[i].name, "group") ||
          g_str_has_prefix (edits[i].name, "assess-"))
        continue;
      edits[i].func (doc);
    }
  after = serialize (doc);

  while (trellis_document_undo (doc))
    steps++;
  g_assert_cmpuint (steps, >, 20);
  {
    g_autofree char *undone = serialize (doc);
    g_assert_cmpstr (before, ==, undone);
  }

  while (trellis_document_redo (doc))
    steps--;
  g_assert_cmpuint (steps, ==, 0);
  {
    g_autofree char *redone = serialize (doc);
    g_assert_cmpstr (after, ==, redone);
  }
}

static void
test_new_edit_clears_redo (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ();

  edit_org_name (doc);
  g_assert_true (trellis_document_undo (doc));
  g_assert_true (trellis_document_can_redo (doc));
  edit_mission (doc);
  g_assert_false (trellis_document_can_redo (doc));
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_modified_and_labels (void)
{
  g_autoptr(TrellisDocument) doc = load_fixture ();
  guint modified_notifies = 0;

  g_signal_connect (doc, "notify::modified", G_CALLBACK (notify_count_cb), &modified_notifies);

  edit_delete_person (doc);
  g_assert_cmpuint (modified_notifies, ==, 1);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Delete ‘Anna’");

  trellis_document_set_unmodified (doc);
  g_assert_false (trellis_document_get_modified (doc));
  g_assert_cmpuint (modified_notifies, ==, 2);

  /* Undoing past the saved state makes the document modified again. */
  g_assert_true (trellis_document_undo (doc));
  g_assert_true (trellis_document_get_modified (doc));
  g_assert_cmpstr (trellis_document_get_redo_label (doc), ==, "Delete ‘Anna’");
  g_assert_true (trellis_document_redo (doc));
  g_assert_false (trellis_document_get_modified (doc));

  /* A change of a part of an item says which part. */
  edit_share (doc);
  g_assert_cmpstr (trellis_document_get_undo_label (doc), ==, "Change What ‘Ben’ Shares");
  edit_result_values (doc);
  g_assert_true (g_str_has_prefix (trellis_document_get_undo_label (doc), "Change the Values of ‘"));
  edit_org_name (doc);
  g_assert_true (g_str_has_prefix (trellis_document_get_undo_label (doc), "Rename ‘"));
  edit_mission (doc);
  g_assert_true (g_str_has_prefix (trellis_document_get_undo_label (doc), "Change ‘"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/trellis/undo/edit/%s", edits[i].name);
      g_test_add_data_func (path, (gconstpointer) edits[i].func, test_one_edit);
    }

  g_test_add_func ("/trellis/undo/sequence", test_all_edits_in_sequence);
  g_test_add_func ("/trellis/undo/new-edit-clears-redo", test_new_edit_clears_redo);
  g_test_add_func ("/trellis/undo/modified-and-labels", test_modified_and_labels);

  return g_test_run ();
}

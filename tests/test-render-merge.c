/* test-render-merge.c: a merged person's sharing choice in every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-util.h"
#include "trellis-merge.h"
#include "trellis-personal.h"
#include "trellis-render.h"

/* Anna shares with her team in the matrix; her handed-in file says she
 * keeps her levels to herself now. After the merge, the workshop
 * audience (the team, on a projector) sees nothing of her, in no view
 * and no format, while her assessments are in the matrix. */

static TrellisDocument *
merged_private_anna (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *small = test_fixture_contents ("small.trellis", NULL);
  TrellisDocument *team = test_load_string (small, NULL, &error);
  g_autoptr(TrellisDocument) anna = NULL;
  g_autoptr(TrellisMerge) merge = NULL;
  TrellisAssessment a = { "c-listen", 1, TRUE, TRELLIS_SOURCE_SELF, 0, "Secret note", NULL };
  TrellisPerson *person;

  g_assert_no_error (error);
  trellis_document_ensure_matrix_id (team);
  anna = trellis_handout_new (team, TRELLIS_PERSON (trellis_document_lookup (team, "p-anna")), &error);
  g_assert_no_error (error);

  person = trellis_personal_get_person (anna);
  a.date = trellis_personal_begin_round (anna);
  trellis_document_set_assessment (anna, person, &a);
  trellis_document_set_int (anna, TRELLIS_ENTITY (person), TRELLIS_FIELD_SHARE, TRELLIS_SHARE_PRIVATE);

  merge = trellis_merge_new (team);
  trellis_merge_add (merge, "Anna.trellis", anna, NULL);
  g_assert_cmpuint (trellis_merge_apply (merge), ==, 1);
  g_assert_cmpuint (trellis_merge_item_get_n_added (trellis_merge_get_item (merge, 0)), ==, 1);
  g_assert_cmpint (trellis_entity_get_int (trellis_document_lookup (team, "p-anna"), TRELLIS_FIELD_SHARE),
                   ==, TRELLIS_SHARE_PRIVATE);

  return team;
}

static void
test_workshop_never_shows (void)
{
  g_autoptr(TrellisDocument) team = merged_private_anna ();
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (team);
  TrellisEntity *anna = trellis_document_lookup (team, "p-anna");
  static const TrellisView views[] = {
    TRELLIS_VIEW_GAPS, TRELLIS_VIEW_COVERAGE, TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_VIEW_PERCEPTION,
  };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (views[v]);
      g_autoptr(TrellisLayout) layout = NULL;
      g_autoptr(GBytes) svg = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      options->audience = TRELLIS_AUDIENCE_WORKSHOP;
      layout = trellis_layout_new (analysis, options, &error);
      g_assert_no_error (error);

      for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
        g_assert_true (trellis_layout_get_row_entity (layout, r) != anna);

      svg = trellis_render_to_bytes (layout, TRELLIS_EXPORT_SVG, &error);
      g_assert_no_error (error);
      text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
      g_assert_null (strstr (text, "Anna"));
      g_assert_null (strstr (text, "Secret note"));
    }
}

/* The coach sees her neither: her choice is "only me". */
static void
test_coach_never_shows (void)
{
  g_autoptr(TrellisDocument) team = merged_private_anna ();
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (team);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  TrellisEntity *anna = trellis_document_lookup (team, "p-anna");

  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    g_assert_true (trellis_layout_get_row_entity (layout, r) != anna);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/render/merge/workshop-never-shows-private", test_workshop_never_shows);
  g_test_add_func ("/trellis/render/merge/coach-never-shows-private", test_coach_never_shows);

  return g_test_run ();
}

/* test-render-layout.c: rows, columns, geometry and cell facts of each view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "render-tiers.h"
#include "test-render-util.h"
#include "trellis-render.h"

static TrellisDocument *
load_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data", "small.trellis", NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* Ben keeps his assessments private, so a coach's view leaves him out.
 * The tests of what each view shows let him share with his coach; the
 * tests of privacy keep his own choice. */
static TrellisDocument *
load_small_shared (void)
{
  TrellisDocument *doc = load_small ();

  trellis_document_set_int (doc, trellis_document_lookup (doc, "p-ben"), TRELLIS_FIELD_SHARE, TRELLIS_SHARE_COACH);
  return doc;
}

static TrellisLayout *
make_layout (TrellisDocument *doc,
             TrellisView      view,
             const char      *role,
             const char      *person)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (view);
  g_autoptr(GError) error = NULL;
  TrellisLayout *layout;

  trellis_render_options_set_role (options, role);
  trellis_render_options_set_person (options, person);
  if (trellis_view_needs_date (view))
    g_assert_true (trellis_date_parse ("2026-11-01", 10, &options->since));

  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);

  return layout;
}

static gint
find_row (TrellisLayout   *layout,
          TrellisItemKind  kind,
          const char      *label,
          const char      *group)
{
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      guint g = trellis_layout_get_row_group (layout, r);

      if (trellis_layout_get_row_kind (layout, r) == kind &&
          g_strcmp0 (trellis_layout_get_row_label (layout, r), label) == 0 &&
          (group == NULL || g_strcmp0 (trellis_layout_get_row_group_label (layout, g), group) == 0))
        return (gint) r;
    }

  return -1;
}

static gint
find_column (TrellisLayout *layout,
             const char    *label)
{
  for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
    if (g_strcmp0 (trellis_layout_get_column_label (layout, c), label) == 0)
      return (gint) c;

  return -1;
}

static void
cell (TrellisLayout   *layout,
      gint             row,
      gint             column,
      TrellisCellInfo *info)
{
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (column, >=, 0);
  trellis_layout_get_cell_info (layout, row, column, info);
}

static void
test_gaps_small (void)
{
  g_autoptr(TrellisDocument) doc = load_small_shared ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_GAPS, NULL, NULL);
  gint listen = find_column (layout, "Active listening");
  gint product = find_column (layout, "Product knowledge");
  gint anna = find_row (layout, TRELLIS_ITEM_PERSON, "Anna", "Agent");
  gint ben_agent = find_row (layout, TRELLIS_ITEM_PERSON, "Ben", "Agent");
  gint ben_lead = find_row (layout, TRELLIS_ITEM_PERSON, "Ben", "Lead");
  gint agent_mean = find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent");
  gint agent_meeting = find_row (layout, TRELLIS_ITEM_AGGREGATE_MEETING, "% meeting", "Agent");
  gint team_mean = find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Team");
  TrellisCellInfo info;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *description = NULL;

  /* Agent: Anna, Ben, two aggregates; Lead: Ben, two aggregates; the
   * team's two aggregates. "No role" is empty and left out. */
  g_assert_cmpuint (trellis_layout_get_n_rows (layout), ==, 9);
  g_assert_cmpuint (trellis_layout_get_n_row_groups (layout), ==, 3);
  g_assert_cmpuint (trellis_layout_get_n_columns (layout), ==, 2);
  g_assert_cmpuint (trellis_layout_get_n_column_groups (layout), ==, 2);
  g_assert_cmpstr (trellis_layout_get_column_group_label (layout, 0), ==, "Care");
  g_assert_cmpstr (trellis_layout_get_column_group_label (layout, 1), ==, "Ownership");
  g_assert_true (trellis_layout_get_row_entity (layout, anna) == trellis_document_lookup (doc, "p-anna"));
  g_assert_true (trellis_layout_get_row_group_entity (layout, trellis_layout_get_row_group (layout, anna)) ==
                 trellis_document_lookup (doc, "ro-agent"));
  g_assert_null (trellis_layout_get_row_entity (layout, team_mean));

  /* Anna: required 3, the coach's 3 counts: no gap. */
  cell (layout, anna, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  g_assert_cmpint (info.required, ==, 3);
  g_assert_cmpint (info.assessed, ==, 3);
  g_assert_cmpint (info.source, ==, TRELLIS_SOURCE_COACH);
  g_assert_cmpfloat (info.value, ==, 0);

  /* Ben is not assessed on listening: never a number. */
  cell (layout, ben_agent, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_NOT_ASSESSED);
  text = trellis_layout_dup_cell_text (layout, ben_agent, listen);
  g_assert_cmpstr (text, ==, "not assessed");
  g_clear_pointer (&text, g_free);

  /* In each group Ben is measured against that role: 2 above the agent's
   * 2, 1 above the lead's 3. */
  cell (layout, ben_agent, product, &info);
  g_assert_cmpfloat (info.value, ==, -2);
  text = trellis_layout_dup_cell_text (layout, ben_agent, product);
  g_assert_cmpstr (text, ==, "\u22122");
  g_clear_pointer (&text, g_free);
  cell (layout, ben_lead, product, &info);
  g_assert_cmpint (info.required, ==, 3);
  g_assert_cmpfloat (info.value, ==, -1);

  /* Aggregates: the agents on listening: Anna meets it, Ben unassessed. */
  cell (layout, agent_mean, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  g_assert_cmpfloat (info.value, ==, 0);
  g_assert_cmpuint (info.total, ==, 2);
  cell (layout, agent_meeting, listen, &info);
  g_assert_cmpfloat (info.value, ==, 50);
  g_assert_cmpuint (info.count, ==, 1);
  text = trellis_layout_dup_cell_text (layout, agent_meeting, listen);
  g_assert_cmpstr (text, ==, "50");
  g_clear_pointer (&text, g_free);

  /* The team on product: Anna 0, Ben −1 (measured against his highest
   * requirement, the lead's 3). */
  cell (layout, team_mean, product, &info);
  g_assert_cmpfloat (info.value, ==, -0.5);

  tooltip = trellis_layout_dup_tooltip (layout, anna, listen);
  g_assert_nonnull (strstr (tooltip, "Anna — Active listening"));
  g_assert_nonnull (strstr (tooltip, "Required by Agent: 3 (Proficient)"));
  g_assert_nonnull (strstr (tooltip, "Assessed: 3 (Proficient), Coach, 2026-11-21"));
  g_assert_nonnull (strstr (tooltip, "Gap: meets the requirement"));
  g_assert_nonnull (strchr (tooltip, '\n'));

  description = trellis_layout_dup_cell_description (layout, ben_agent, product);
  g_assert_nonnull (strstr (description, "2 levels above the requirement"));
  g_assert_null (strchr (description, '\n'));
}

static void
test_geometry (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (60, 40, 6, 7);

  for (guint rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
      g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
      g_autoptr(TrellisLayout) layout = NULL;
      guint n_rows, n_cols;
      double width, height;
      TrellisRect first, last;

      options->rtl = rtl;
      options->zoom = 1.25;
      layout = trellis_layout_new (analysis, options, NULL);
      n_rows = trellis_layout_get_n_rows (layout);
      n_cols = trellis_layout_get_n_columns (layout);
      trellis_layout_get_content_size (layout, &width, &height);

      g_assert_true (trellis_layout_get_cell_rect (layout, 0, 0, &first));
      g_assert_true (trellis_layout_get_cell_rect (layout, n_rows - 1, n_cols - 1, &last));
      g_assert_false (trellis_layout_get_cell_rect (layout, n_rows, 0, &last) &&
                      trellis_layout_get_cell_rect (layout, 0, n_cols, &last));
      trellis_layout_get_cell_rect (layout, n_rows - 1, n_cols - 1, &last);
      g_assert_cmpfloat_with_epsilon (last.y + last.height, height, 1e-6);

      /* Mirrored: the first column is on the right. */
      if (rtl)
        {
          g_assert_cmpfloat_with_epsilon (first.x + first.width, width, 1e-6);
          g_assert_cmpfloat_with_epsilon (last.x, 0, 1e-6);
        }
      else
        {
          g_assert_cmpfloat (first.x, ==, 0);
          g_assert_cmpfloat_with_epsilon (last.x + last.width, width, 1e-6);
        }

      /* Every cell's centre and corners hit that cell. */
      for (guint r = 0; r < n_rows; r++)
        for (guint c = 0; c < n_cols; c++)
          {
            TrellisRect rect;
            guint hr, hc;

            g_assert_true (trellis_layout_get_cell_rect (layout, r, c, &rect));
            g_assert_true (trellis_layout_cell_at_point (layout, rect.x + rect.width / 2, rect.y + rect.height / 2, &hr, &hc));
            g_assert_cmpuint (hr, ==, r);
            g_assert_cmpuint (hc, ==, c);
            g_assert_true (trellis_layout_cell_at_point (layout, rect.x, rect.y, &hr, &hc));
            g_assert_cmpuint (hr, ==, r);
            g_assert_cmpuint (hc, ==, c);
            g_assert_true (trellis_layout_cell_at_point (layout, rect.x + rect.width - 0.01, rect.y + rect.height - 0.01, &hr, &hc));
            g_assert_cmpuint (hr, ==, r);
            g_assert_cmpuint (hc, ==, c);
          }

      /* Between groups there is no cell; outside neither. */
      for (guint r = 0; r + 1 < n_rows; r++)
        {
          TrellisRect a, b;

          if (trellis_layout_get_row_group (layout, r) == trellis_layout_get_row_group (layout, r + 1))
            continue;
          trellis_layout_get_cell_rect (layout, r, 0, &a);
          trellis_layout_get_cell_rect (layout, r + 1, 0, &b);
          g_assert_cmpfloat (b.y, >, a.y + a.height);
          g_assert_false (trellis_layout_cell_at_point (layout, a.x + 1, (a.y + a.height + b.y) / 2, NULL, NULL));
        }
      g_assert_false (trellis_layout_cell_at_point (layout, -1, 1, NULL, NULL));
      g_assert_false (trellis_layout_cell_at_point (layout, 1, height + 1, NULL, NULL));
      g_assert_false (trellis_layout_cell_at_point (layout, width + 1, 1, NULL, NULL));

      g_assert_cmpfloat (trellis_layout_get_row_header_width (layout), >, 0);
      g_assert_cmpfloat (trellis_layout_get_column_header_height (layout), >, 0);
    }
}

static void
test_picture_areas (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();

  for (guint rtl = 0; rtl < 2; rtl++)
    {
      g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
      g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
      g_autoptr(TrellisLayout) layout = NULL;
      TrellisRect title, columns, rows, cells, legend;
      double width, height;

      options->rtl = rtl;
      layout = trellis_layout_new (analysis, options, NULL);
      trellis_layout_get_areas (layout, &title, &columns, &rows, &cells, &legend);
      trellis_layout_get_picture_size (layout, &width, &height);

      g_assert_cmpfloat (title.y + title.height, <=, columns.y);
      g_assert_cmpfloat (columns.y + columns.height, <=, cells.y);
      g_assert_cmpfloat (cells.y + cells.height, <=, legend.y);
      g_assert_cmpfloat (legend.y + legend.height, <=, height);
      g_assert_cmpfloat (columns.x, ==, cells.x);
      g_assert_cmpfloat (rows.y, ==, cells.y);
      if (rtl)
        g_assert_cmpfloat (rows.x, >=, cells.x + cells.width);
      else
        g_assert_cmpfloat (rows.x + rows.width, <=, cells.x);
      g_assert_cmpfloat (MAX (rows.x + rows.width, cells.x + cells.width), <=, width);
    }
}

static void
test_filters (void)
{
  g_autoptr(TrellisDocument) doc = load_small_shared ();
  g_autoptr(TrellisLayout) lead = make_layout (doc, TRELLIS_VIEW_GAPS, "ro-lead", NULL);
  g_autoptr(TrellisLayout) anna = make_layout (doc, TRELLIS_VIEW_GAPS, NULL, "p-anna");
  g_autoptr(TrellisLayout) lead_map = make_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, "ro-lead", NULL);

  /* The lead: Ben and the role's aggregates; both competencies (listening
   * through the complaints it is accountable for). */
  g_assert_cmpuint (trellis_layout_get_n_rows (lead), ==, 3);
  g_assert_cmpuint (trellis_layout_get_n_row_groups (lead), ==, 1);
  g_assert_cmpstr (trellis_layout_get_row_label (lead, 0), ==, "Ben");
  g_assert_cmpuint (trellis_layout_get_n_columns (lead), ==, 2);

  /* Anna alone: one row, no aggregates. */
  g_assert_cmpuint (trellis_layout_get_n_rows (anna), ==, 1);
  g_assert_cmpstr (trellis_layout_get_row_label (anna, 0), ==, "Anna");

  /* The lead's responsibilities, with the roles it shares them with. */
  g_assert_cmpuint (trellis_layout_get_n_rows (lead_map), ==, 1);
  g_assert_cmpint (find_column (lead_map, "Agent"), >=, 0);
  g_assert_cmpint (find_column (lead_map, "Lead"), >=, 0);
}

static void
test_errors (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(GError) error = NULL;
  TrellisLayout *layout;

  trellis_render_options_set_role (options, "ro-nobody");
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_null (layout);
  g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_ROLE);
  g_assert_nonnull (strstr (error->message, "ro-nobody"));
  g_clear_error (&error);

  /* An id of the wrong kind is unknown too. */
  trellis_render_options_set_role (options, "p-anna");
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_null (layout);
  g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_ROLE);
  g_clear_error (&error);

  trellis_render_options_set_role (options, NULL);
  trellis_render_options_set_person (options, "ro-agent");
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON);
  g_clear_error (&error);

  /* A trend without a date compares with the first round of
   * assessments; with none, there is nothing to compare with. */
  trellis_render_options_set_person (options, NULL);
  options->view = TRELLIS_VIEW_TREND;
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_clear_object (&layout);
  {
    g_autoptr(TrellisDocument) empty = trellis_document_new ();
    g_autoptr(TrellisAnalysis) nothing = trellis_analysis_new (empty);

    layout = trellis_layout_new (nothing, options, &error);
    g_assert_null (layout);
    g_assert_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_NEEDS_DATE);
  }
}

static void
test_privacy (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = NULL;
  TrellisCellInfo info;

  options->audience = TRELLIS_AUDIENCE_WORKSHOP;
  layout = trellis_layout_new (analysis, options, NULL);

  /* Ben keeps his assessments private: he is in no row. Every aggregate
   * covers fewer than three people: all hidden. */
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      g_assert_cmpstr (trellis_layout_get_row_label (layout, r), !=, "Ben");
      if (trellis_layout_get_row_kind (layout, r) == TRELLIS_ITEM_PERSON)
        continue;
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          g_autofree char *text = trellis_layout_dup_cell_text (layout, r, c);

          trellis_layout_get_cell_info (layout, r, c, &info);
          if (info.content != TRELLIS_CONTENT_EMPTY)
            g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
          g_assert_null (strpbrk (text, "0123456789"));
        }
    }
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Anna", "Agent"), >=, 0);
}

static void
test_privacy_large (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (60, 20, 3, 11);
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = NULL;
  guint shown = 0;
  guint values = 0;

  options->audience = TRELLIS_AUDIENCE_WORKSHOP;
  layout = trellis_layout_new (analysis, options, NULL);

  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      TrellisEntity *e = trellis_layout_get_row_entity (layout, r);

      if (trellis_layout_get_row_kind (layout, r) == TRELLIS_ITEM_PERSON)
        {
          g_assert_cmpint (trellis_entity_get_int (e, TRELLIS_FIELD_SHARE), ==, TRELLIS_SHARE_TEAM);
          shown++;
          continue;
        }
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          TrellisCellInfo info;

          trellis_layout_get_cell_info (layout, r, c, &info);
          if (info.content == TRELLIS_CONTENT_VALUE)
            {
              g_assert_cmpuint (info.total, >=, 3);
              values++;
            }
        }
    }

  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, 60);
  g_assert_cmpuint (values, >, 0);
}

/* A role's aggregate with one or two people not shown would give them
 * away once the rows shown are taken out: hidden too. */
static void
test_privacy_differencing (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisAnalysis) analysis = NULL;
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
  g_autoptr(TrellisLayout) layout = NULL;
  gint agent_mean;
  gint listen;
  TrellisCellInfo info;
  const char *names[] = { "Cas", "Dee", "Eli" };

  /* Five agents: Anna, Ben (private) and three who share. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      TrellisEntity *p = trellis_document_create (doc, TRELLIS_KIND_PERSON, names[i], -1);
      const char *roles[] = { "ro-agent", NULL };
      TrellisAssessment as = { "c-listen", 3, FALSE, TRELLIS_SOURCE_AGREED, 0, NULL, NULL };

      trellis_date_parse ("2026-11-01", 10, &as.date);
      trellis_document_set_strv (doc, p, TRELLIS_FIELD_ROLES, roles);
      trellis_document_set_int (doc, p, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_TEAM);
      trellis_document_set_assessment (doc, TRELLIS_PERSON (p), &as);
    }

  analysis = trellis_analysis_new (doc);
  options->audience = TRELLIS_AUDIENCE_WORKSHOP;
  layout = trellis_layout_new (analysis, options, NULL);
  agent_mean = find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent");
  listen = find_column (layout, "Active listening");

  /* Five people behind it, but Ben alone is not shown: taking the four
   * rows shown from the mean would give his gap. */
  cell (layout, agent_mean, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);

  /* Ben shares too: nobody hidden, the aggregate shows. */
  trellis_document_set_int (doc, trellis_document_lookup (doc, "p-ben"), TRELLIS_FIELD_SHARE, TRELLIS_SHARE_TEAM);
  g_clear_object (&layout);
  g_clear_pointer (&analysis, trellis_analysis_unref);
  analysis = trellis_analysis_new (doc);
  layout = trellis_layout_new (analysis, options, NULL);
  cell (layout, agent_mean, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
}

static void
test_requirements (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_REQUIREMENTS, NULL, NULL);
  gint agent = find_row (layout, TRELLIS_ITEM_ROLE, "Agent", NULL);
  gint lead = find_row (layout, TRELLIS_ITEM_ROLE, "Lead", NULL);
  gint listen = find_column (layout, "Active listening");
  gint product = find_column (layout, "Product knowledge");
  TrellisCellInfo info;

  cell (layout, agent, listen, &info);
  g_assert_cmpfloat (info.value, ==, 3);
  cell (layout, agent, product, &info);
  g_assert_cmpfloat (info.value, ==, 2);
  /* The lead needs listening through the complaints it answers for. */
  cell (layout, lead, listen, &info);
  g_assert_cmpfloat (info.value, ==, 3);
  cell (layout, lead, product, &info);
  g_assert_cmpfloat (info.value, ==, 3);
}

static void
test_coverage (void)
{
  g_autoptr(TrellisDocument) doc = load_small_shared ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_COVERAGE, NULL, NULL);
  gint listen = find_row (layout, TRELLIS_ITEM_COMPETENCY, "Active listening", NULL);
  gint agent = find_column (layout, "Agent");
  gint lead = find_column (layout, "Lead");
  TrellisCellInfo info;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  /* One of two agents listens at 3: Anna alone (a single point), and the
   * agents' target of two people is missed. */
  cell (layout, listen, agent, &info);
  g_assert_cmpuint (info.count, ==, 1);
  g_assert_cmpuint (info.total, ==, 2);
  g_assert_true (info.flags & TRELLIS_CELL_FLAG_SINGLE);
  g_assert_true (info.flags & TRELLIS_CELL_FLAG_TARGET);
  text = trellis_layout_dup_cell_text (layout, listen, agent);
  g_assert_cmpstr (text, ==, "1/2");

  cell (layout, listen, lead, &info);
  g_assert_cmpuint (info.count, ==, 0);
  g_assert_true (info.flags & TRELLIS_CELL_FLAG_NOBODY);
  g_assert_false (info.flags & TRELLIS_CELL_FLAG_SINGLE);

  tooltip = trellis_layout_dup_tooltip (layout, listen, agent);
  g_assert_nonnull (strstr (tooltip, "Single point of knowledge"));
  g_assert_nonnull (strstr (tooltip, "Coverage target missed"));
}

static void
test_responsibilities (void)
{
  g_autoptr(TrellisDocument) doc = load_small_shared ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, NULL, NULL);
  gint complaints = find_row (layout, TRELLIS_ITEM_RESPONSIBILITY, "Handle complaints", "Solved in one contact");
  gint agent = find_column (layout, "Agent");
  gint lead = find_column (layout, "Lead");
  gint capable = (gint) trellis_layout_get_n_columns (layout) - 1;
  TrellisCellInfo info;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  g_assert_cmpint (trellis_layout_get_column_kind (layout, capable), ==, TRELLIS_ITEM_CAPABLE);

  cell (layout, complaints, agent, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_ASSIGNMENT);
  g_assert_cmpint (info.raci, ==, TRELLIS_RACI_RESPONSIBLE);
  g_assert_cmpint (info.authority, ==, TRELLIS_AUTHORITY_ADVISE);
  text = trellis_layout_dup_cell_text (layout, complaints, agent);
  g_assert_cmpstr (text, ==, "R5");
  g_clear_pointer (&text, g_free);

  cell (layout, complaints, lead, &info);
  g_assert_cmpint (info.raci, ==, TRELLIS_RACI_ACCOUNTABLE);
  g_assert_true (info.flags & TRELLIS_CELL_FLAG_OWNER);
  /* Ben leads but was never assessed on listening: no mandate finding. */
  g_assert_false (info.flags & TRELLIS_CELL_FLAG_MANDATE);
  text = trellis_layout_dup_cell_text (layout, complaints, lead);
  g_assert_cmpstr (text, ==, "A7");

  cell (layout, complaints, capable, &info);
  g_assert_cmpuint (info.count, ==, 1);

  tooltip = trellis_layout_dup_tooltip (layout, complaints, agent);
  g_assert_nonnull (strstr (tooltip, "Responsible"));
  g_assert_nonnull (strstr (tooltip, "5 Advise"));
  g_assert_cmpuint (trellis_layout_get_n_findings (layout), ==, 0);
}

/* A map with rule findings: nobody accountable, two accountable, no
 * authority, mandate above ability, nobody assigned. */
static const char findings_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<trellis xmlns=\"urn:trellis:matrix:1\" version=\"1.0\">"
  "<values><value id=\"v\" name=\"Care\"/></values>"
  "<results><result id=\"r\" name=\"Happy customers\" values=\"v\"/></results>"
  "<competencies><competency id=\"c\" name=\"Listening\" values=\"v\"/></competencies>"
  "<responsibilities>"
  "<responsibility id=\"s1\" name=\"Answer mail\" result=\"r\"><needs competency=\"c\" level=\"3\"/>"
  "<assign role=\"a\" raci=\"R\" authority=\"delegate\"/></responsibility>"
  "<responsibility id=\"s2\" name=\"Refunds\" result=\"r\">"
  "<assign role=\"a\" raci=\"A\" authority=\"agree\"/><assign role=\"b\" raci=\"A\"/></responsibility>"
  "<responsibility id=\"s3\" name=\"Nobody's job\" result=\"r\"/>"
  "</responsibilities>"
  "<roles><role id=\"a\" name=\"Agent\"/><role id=\"b\" name=\"Lead\"/></roles>"
  "<people><person id=\"p\" name=\"Pat\" roles=\"a\" share=\"team\">"
  "<assessment competency=\"c\" level=\"1\" source=\"agreed\" date=\"2026-01-01\"/></person>"
  "<person id=\"q\" name=\"Quinn\" roles=\"b\" share=\"team\"/></people>"
  "</trellis>";

static void
test_findings (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (findings_xml, sizeof findings_xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = trellis_document_new_from_bytes (bytes, "findings.trellis", NULL, &error);
  g_autoptr(TrellisLayout) layout = NULL;
  gint mail, agent;
  TrellisCellInfo info;
  gboolean seen[TRELLIS_N_FINDING_CODES] = { FALSE };

  g_assert_no_error (error);
  layout = make_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, NULL, NULL);
  mail = find_row (layout, TRELLIS_ITEM_RESPONSIBILITY, "Answer mail", NULL);
  agent = find_column (layout, "Agent");

  /* Pat answers mail with full authority but listens at 1 of the 3 it
   * needs. */
  cell (layout, mail, agent, &info);
  g_assert_true (info.flags & TRELLIS_CELL_FLAG_MANDATE);
  g_assert_true (info.flags & TRELLIS_CELL_FLAG_OWNER);

  for (guint i = 0; i < trellis_layout_get_n_findings (layout); i++)
    seen[trellis_layout_get_finding (layout, i)->code] = TRUE;
  g_assert_true (seen[TRELLIS_FINDING_NO_ACCOUNTABLE]);
  g_assert_true (seen[TRELLIS_FINDING_SEVERAL_ACCOUNTABLE]);
  g_assert_true (seen[TRELLIS_FINDING_NO_AUTHORITY]);
  g_assert_true (seen[TRELLIS_FINDING_UNASSIGNED]);
  g_assert_true (seen[TRELLIS_FINDING_MANDATE_ABOVE_ABILITY]);

  /* Numbered down the map: the first findings belong to the first row. */
  g_assert_true (trellis_layout_get_finding (layout, 0)->subject == trellis_document_lookup (doc, "s1"));
}

static TrellisEntity *
add_agent (TrellisDocument *doc,
           const char      *name,
           TrellisShare     share)
{
  TrellisEntity *p = trellis_document_create (doc, TRELLIS_KIND_PERSON, name, -1);
  const char *roles[] = { "ro-agent", NULL };
  TrellisAssessment as = { "c-listen", 3, FALSE, TRELLIS_SOURCE_AGREED, 0, NULL, NULL };

  trellis_date_parse ("2026-11-01", 10, &as.date);
  trellis_document_set_strv (doc, p, TRELLIS_FIELD_ROLES, roles);
  trellis_document_set_int (doc, p, TRELLIS_FIELD_SHARE, share);
  trellis_document_set_assessment (doc, TRELLIS_PERSON (p), &as);

  return p;
}

/* For a coach (the default), people who share with their coach or the
 * team are shown; whoever keeps their assessments private is not, and
 * counts only in totals that cannot give them away. */
static void
test_coach_audience (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = NULL;
  TrellisEntity *dee, *eli;
  TrellisCellInfo info;
  gint agent_mean, listen;

  /* Agents: Anna (team), Ben (private), three who share with their coach. */
  add_agent (doc, "Cas", TRELLIS_SHARE_COACH);
  dee = add_agent (doc, "Dee", TRELLIS_SHARE_COACH);
  eli = add_agent (doc, "Eli", TRELLIS_SHARE_COACH);

  layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Anna", "Agent"), >=, 0);
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Cas", "Agent"), >=, 0);
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Ben", NULL), <, 0);

  /* Five agents behind the mean, Ben alone not shown: taking the four
   * rows shown out of it would give his gap. Nothing of it goes out. */
  agent_mean = find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent");
  listen = find_column (layout, "Active listening");
  cell (layout, agent_mean, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
  g_assert_cmpuint (info.count, ==, 0);
  g_assert_cmpuint (info.total, ==, 0);
  {
    g_autofree char *tooltip = trellis_layout_dup_tooltip (layout, agent_mean, listen);

    g_assert_nonnull (strstr (tooltip, "keeps their assessments private"));
  }
  g_clear_object (&layout);

  /* Three agents keep theirs private: the mean covers them and shows. */
  trellis_document_set_int (doc, dee, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_PRIVATE);
  trellis_document_set_int (doc, eli, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_PRIVATE);
  layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Dee", NULL), <, 0);
  agent_mean = find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent");
  cell (layout, agent_mean, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  g_assert_cmpuint (info.total, ==, 5);
  g_clear_object (&layout);

  /* In a workshop only Anna shares with the team; Cas, who shares with
   * his coach only, is left out too. */
  layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_WORKSHOP);
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Anna", "Agent"), >=, 0);
  g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Cas", NULL), <, 0);
}

/* A five-person team with two private people: in a workshop every total
 * of the agents is withheld (taking the three named out would leave the
 * two); with totals only, nobody is named, and every total over three or
 * more people shows. */
static void
test_totals_only (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) workshop = NULL;
  g_autoptr(TrellisLayout) totals = NULL;
  TrellisCellInfo info;
  gint listen;

  /* Agents: Anna and Cas and Dee share with the team, Ben and Eli keep
   * theirs private; Ben is the lead too. */
  add_agent (doc, "Cas", TRELLIS_SHARE_TEAM);
  add_agent (doc, "Dee", TRELLIS_SHARE_TEAM);
  add_agent (doc, "Eli", TRELLIS_SHARE_PRIVATE);

  workshop = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_WORKSHOP);
  listen = find_column (workshop, "Active listening");
  g_assert_cmpint (find_row (workshop, TRELLIS_ITEM_PERSON, "Anna", "Agent"), >=, 0);
  cell (workshop, find_row (workshop, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
  cell (workshop, find_row (workshop, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Team"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);

  totals = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_TOTALS);
  listen = find_column (totals, "Active listening");
  for (guint r = 0; r < trellis_layout_get_n_rows (totals); r++)
    g_assert_cmpint (trellis_layout_get_row_kind (totals, r), !=, TRELLIS_ITEM_PERSON);
  cell (totals, find_row (totals, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  g_assert_cmpuint (info.total, ==, 5);
  cell (totals, find_row (totals, TRELLIS_ITEM_AGGREGATE_MEETING, "% meeting", "Agent"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  cell (totals, find_row (totals, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Team"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  /* The lead is one person: no total of hers. */
  cell (totals, find_row (totals, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Lead"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);

  /* Nobody by name, anywhere: not even in a tooltip. */
  for (guint r = 0; r < trellis_layout_get_n_rows (totals); r++)
    for (guint c = 0; c < trellis_layout_get_n_columns (totals); c++)
      {
        g_autofree char *tooltip = trellis_layout_dup_tooltip (totals, r, c);

        g_assert_null (strstr (tooltip, "Anna"));
        g_assert_null (strstr (tooltip, "Eli"));
      }
}

/* A total over a few people, none of them left out, gives nobody away:
 * a coach sees it; a workshop never sees a total under three. */
static void
test_coach_small_totals (void)
{
  g_autoptr(TrellisDocument) doc = load_small_shared ();
  g_autoptr(TrellisLayout) coach = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  g_autoptr(TrellisLayout) workshop = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_WORKSHOP);
  gint listen = find_column (coach, "Active listening");
  TrellisCellInfo info;

  cell (coach, find_row (coach, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  cell (workshop, find_row (workshop, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
}

/* The team's total beside the roles': taking the agents' total (which
 * covers four people not shown) and the rows shown out of it would leave
 * Fay, the one trainee, who keeps hers private. */
static void
test_coach_team_difference (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = NULL;
  const char *trainee_roles[2] = { NULL, NULL };
  TrellisEntity *trainee, *fay;
  TrellisAssessment as = { "c-listen", 1, FALSE, TRELLIS_SOURCE_AGREED, 0, NULL, NULL };
  TrellisCellInfo info;
  gint listen;

  add_agent (doc, "Cas", TRELLIS_SHARE_PRIVATE);
  add_agent (doc, "Dee", TRELLIS_SHARE_PRIVATE);
  add_agent (doc, "Eli", TRELLIS_SHARE_PRIVATE);
  trainee = trellis_document_create (doc, TRELLIS_KIND_ROLE, "Trainee", -1);
  trellis_document_set_requirement (doc, trainee, "c-listen", 2);
  fay = trellis_document_create (doc, TRELLIS_KIND_PERSON, "Fay", -1);
  trainee_roles[0] = trellis_entity_get_id (trainee);
  trellis_document_set_strv (doc, fay, TRELLIS_FIELD_ROLES, trainee_roles);
  trellis_document_set_int (doc, fay, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_PRIVATE);
  trellis_date_parse ("2026-11-01", 10, &as.date);
  trellis_document_set_assessment (doc, TRELLIS_PERSON (fay), &as);

  layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  listen = find_column (layout, "Active listening");
  cell (layout, find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Agent"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  cell (layout, find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Trainee"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
  cell (layout, find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Team"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
  cell (layout, find_row (layout, TRELLIS_ITEM_AGGREGATE_MEETING, "% meeting", "Team"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
  g_clear_object (&layout);

  /* Fay shares with her coach: the four left out are all in the agents'
   * total, and the team's shows. */
  trellis_document_set_int (doc, fay, TRELLIS_FIELD_SHARE, TRELLIS_SHARE_COACH);
  layout = render_test_layout (doc, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_COACH);
  cell (layout, find_row (layout, TRELLIS_ITEM_AGGREGATE_GAP, "Mean gap", "Team"), listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  g_assert_cmpuint (info.total, ==, 6);
}

/* Coverage, who can carry a responsibility, a single point of knowledge
 * and a mandate above ability are totals over people too. Ben alone
 * holds the lead's role and keeps his assessments private. */
static void
test_coach_other_totals (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) coverage = render_test_layout (doc, TRELLIS_VIEW_COVERAGE, TRELLIS_AUDIENCE_COACH);
  g_autoptr(TrellisLayout) map = render_test_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_AUDIENCE_COACH);
  gint product = find_row (coverage, TRELLIS_ITEM_COMPETENCY, "Product knowledge", NULL);
  gint complaints = find_row (map, TRELLIS_ITEM_RESPONSIBILITY, "Handle complaints", "Solved in one contact");
  TrellisCellInfo info;

  cell (coverage, product, find_column (coverage, "Lead"), &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
  g_assert_cmpuint (info.count, ==, 0);

  /* One person of the team not shown: "nobody else" would say something
   * about him, so no single points are marked either. */
  for (guint r = 0; r < trellis_layout_get_n_rows (coverage); r++)
    for (guint c = 0; c < trellis_layout_get_n_columns (coverage); c++)
      {
        trellis_layout_get_cell_info (coverage, r, c, &info);
        g_assert_false (info.flags & TRELLIS_CELL_FLAG_SINGLE);
      }

  cell (map, complaints, (gint) trellis_layout_get_n_columns (map) - 1, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_SUPPRESSED);
}

/* A finding that names a person is listed only where the audience may
 * see them: never for the team (a workshop, or totals only), for a coach
 * when they share with their coach or the team. The mandate mark is a
 * total over the role. */
static void
test_findings_audience (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (findings_xml, sizeof findings_xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisDocument) doc = trellis_document_new_from_bytes (bytes, "findings.trellis", NULL, &error);
  TrellisEntity *pat;
  const TrellisShare shares[] = { TRELLIS_SHARE_COACH, TRELLIS_SHARE_PRIVATE };

  g_assert_no_error (error);
  pat = trellis_document_lookup (doc, "p");

  for (guint s = 0; s < G_N_ELEMENTS (shares); s++)
    for (TrellisAudience audience = 0; audience < TRELLIS_N_AUDIENCES; audience++)
      {
        g_autoptr(TrellisLayout) layout = NULL;
        gboolean named = FALSE;
        gboolean may_see = audience == TRELLIS_AUDIENCE_COACH && shares[s] == TRELLIS_SHARE_COACH;
        TrellisCellInfo info;

        trellis_document_set_int (doc, pat, TRELLIS_FIELD_SHARE, shares[s]);
        layout = render_test_layout (doc, TRELLIS_VIEW_RESPONSIBILITIES, audience);
        for (guint i = 0; i < trellis_layout_get_n_findings (layout); i++)
          named |= trellis_layout_get_finding (layout, i)->person == pat;
        g_assert_true (named == may_see);

        cell (layout, find_row (layout, TRELLIS_ITEM_RESPONSIBILITY, "Answer mail", NULL),
              find_column (layout, "Agent"), &info);
        g_assert_true (!(info.flags & TRELLIS_CELL_FLAG_MANDATE) == (shares[s] == TRELLIS_SHARE_PRIVATE ||
                                                                    trellis_audience_is_team (audience)));
      }
}

/* A view narrowed to one person shows them whatever they chose: they are
 * looking at their own, or it is shown with their consent. */
static void
test_person_shown (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();

  for (TrellisAudience audience = 0; audience < TRELLIS_N_AUDIENCES; audience++)
    {
      g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
      g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_GAPS);
      g_autoptr(TrellisLayout) layout = NULL;
      g_autoptr(GError) error = NULL;

      options->audience = audience;
      trellis_render_options_set_person (options, "p-ben");
      layout = trellis_layout_new (analysis, options, &error);
      g_assert_no_error (error);
      g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Ben", "Agent"), >=, 0);
      g_assert_cmpint (find_row (layout, TRELLIS_ITEM_PERSON, "Ben", "Lead"), >=, 0);
    }
}

static void
test_perception (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_PERCEPTION, NULL, NULL);
  gint anna = find_row (layout, TRELLIS_ITEM_PERSON, "Anna", NULL);
  gint listen = find_column (layout, "Active listening");
  TrellisCellInfo info;
  g_autofree char *text = NULL;

  /* No aggregate rows: perspectives are never averaged. */
  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    g_assert_cmpint (trellis_layout_get_row_kind (layout, r), ==, TRELLIS_ITEM_PERSON);

  cell (layout, anna, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_PERSPECTIVES);
  g_assert_cmpint (info.perspectives[TRELLIS_SOURCE_SELF], ==, 2);
  g_assert_cmpint (info.perspectives[TRELLIS_SOURCE_COACH], ==, 3);
  g_assert_cmpint (info.perspectives[TRELLIS_SOURCE_PEER], ==, TRELLIS_LEVEL_NONE);
  g_assert_cmpint (info.perspectives[TRELLIS_SOURCE_AGREED], ==, TRELLIS_LEVEL_NONE);
  g_assert_cmpfloat (info.value, ==, -1);

  text = trellis_layout_dup_cell_text (layout, anna, listen);
  g_assert_cmpstr (text, ==, "Self 2 Coach 3");
}

static void
test_trend (void)
{
  g_autoptr(TrellisDocument) doc = load_small_shared ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_TREND, NULL, NULL);
  gint anna = find_row (layout, TRELLIS_ITEM_PERSON, "Anna", "Agent");
  gint ben = find_row (layout, TRELLIS_ITEM_PERSON, "Ben", "Agent");
  gint listen = find_column (layout, "Active listening");
  gint product = find_column (layout, "Product knowledge");
  TrellisCellInfo info;

  /* Anna was first assessed after 1 November; Ben's agreed 4 stands. */
  cell (layout, anna, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_NEW);
  cell (layout, ben, product, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
  g_assert_cmpfloat (info.value, ==, 0);
  cell (layout, ben, listen, &info);
  g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_NOT_ASSESSED);
}

static void
test_trend_change (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (40, 20, 2, 3);
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (TRELLIS_VIEW_TREND);
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(TrellisAnalysis) before = NULL;
  guint changes = 0;

  g_assert_true (trellis_date_parse ("2025-12-31", 10, &options->since));
  layout = trellis_layout_new (analysis, options, NULL);
  before = trellis_analysis_new_at (doc, options->since);

  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    {
      TrellisEntity *person = trellis_layout_get_row_entity (layout, r);
      gint p;

      if (trellis_layout_get_row_kind (layout, r) != TRELLIS_ITEM_PERSON)
        continue;
      p = trellis_analysis_get_index (analysis, person);
      for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
        {
          gint k = trellis_analysis_get_index (analysis, trellis_layout_get_column_entity (layout, c));
          const TrellisCell *now = trellis_analysis_get_cell (analysis, p, k);
          const TrellisCell *then = trellis_analysis_get_cell (before, p, k);
          TrellisCellInfo info;

          trellis_layout_get_cell_info (layout, r, c, &info);
          if (now->assessed != TRELLIS_LEVEL_NONE && then->assessed != TRELLIS_LEVEL_NONE)
            {
              g_assert_cmpint (info.content, ==, TRELLIS_CONTENT_VALUE);
              g_assert_cmpfloat (info.value, ==, now->assessed - then->assessed);
              changes += info.value != 0;
            }
        }
    }

  g_assert_cmpuint (changes, >, 0);
}

static void
test_sight (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisLayout) layout = make_layout (doc, TRELLIS_VIEW_SIGHT, NULL, NULL);
  g_autoptr(TrellisLayout) anna = make_layout (doc, TRELLIS_VIEW_SIGHT, NULL, "p-anna");
  gint listen = find_row (layout, TRELLIS_ITEM_NODE, "Active listening", NULL);
  g_autofree char *tooltip = NULL;
  g_autofree char *roles = NULL;
  TrellisRect rect;
  guint row, column;

  /* Mission, two values, a result, a responsibility, two competencies,
   * two roles. */
  g_assert_cmpuint (trellis_layout_get_n_rows (layout), ==, 9);
  g_assert_cmpuint (trellis_layout_get_n_columns (layout), ==, 6);
  g_assert_cmpint (listen, >=, 0);

  g_assert_true (trellis_layout_get_cell_rect (layout, listen, 4, &rect));
  g_assert_true (trellis_layout_cell_at_point (layout, rect.x + 3, rect.y + 3, &row, &column));
  g_assert_cmpint (row, ==, listen);
  g_assert_cmpuint (column, ==, 4);

  /* Why listening is there: the complaints need it; both roles require it. */
  tooltip = trellis_layout_dup_tooltip (layout, listen, 4);
  g_assert_nonnull (strstr (tooltip, "Responsibilities: Handle complaints"));
  g_assert_nonnull (strstr (tooltip, "Agent"));
  g_assert_nonnull (strstr (tooltip, "Lead"));
  roles = trellis_layout_dup_cell_text (layout, listen, 5);
  g_assert_cmpstr (roles, ==, "Agent, Lead");

  /* For Anna: her role and her person at the end. */
  g_assert_cmpuint (trellis_layout_get_n_columns (anna), ==, 7);
  g_assert_cmpint (find_row (anna, TRELLIS_ITEM_NODE, "Lead", NULL), ==, -1);
  g_assert_cmpint (find_row (anna, TRELLIS_ITEM_NODE, "Anna", NULL), >=, 0);
}

/* Every view can be read as text, cell by cell, as a table twin does. */
static void
test_twin (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (30, 16, 4, 5);

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      g_autoptr(TrellisLayout) layout = make_layout (doc, v, NULL, NULL);
      guint n_rows = trellis_layout_get_n_rows (layout);
      guint n_cols = trellis_layout_get_n_columns (layout);

      g_assert_cmpuint (n_rows, >, 0);
      g_assert_cmpuint (n_cols, >, 0);
      for (guint r = 0; r < n_rows; r++)
        {
          g_assert_nonnull (trellis_layout_get_row_label (layout, r));
          for (guint c = 0; c < n_cols; c++)
            {
              g_autofree char *text = trellis_layout_dup_cell_text (layout, r, c);
              g_autofree char *description = trellis_layout_dup_cell_description (layout, r, c);
              g_autofree char *tooltip = trellis_layout_dup_tooltip (layout, r, c);

              g_assert_nonnull (text);
              g_assert_true (g_utf8_validate (description, -1, NULL));
              if (v != TRELLIS_VIEW_SIGHT)
                g_assert_cmpuint (strlen (description), >, 0);
              g_assert_nonnull (tooltip);
            }
        }
    }
}

/* The registry: what each view needs, and the list of choices. */
static void
test_registry (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autofree char *choices = trellis_view_dup_choices ();
  g_autoptr(GString) expected = g_string_new (NULL);
  TrellisView view;

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (v);
      g_autoptr(TrellisLayout) layout = NULL;
      g_autoptr(GError) error = NULL;

      /* Without a date every view draws: one that compares with a date
       * takes the first round of assessments. */
      layout = trellis_layout_new (analysis, options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (layout);

      if (v > 0)
        g_string_append (expected, v + 1 < TRELLIS_N_VIEWS ? ", " : " or ");
      g_string_append (expected, trellis_view_to_string (v));
    }

  g_assert_cmpstr (choices, ==, expected->str);
  g_assert_true (trellis_view_needs_date (TRELLIS_VIEW_TREND));
  g_assert_false (trellis_view_needs_date (TRELLIS_VIEW_GAPS));
  g_assert_false (trellis_view_needs_date (TRELLIS_VIEW_SIGHT));
  g_assert_true (trellis_view_is_grid (TRELLIS_VIEW_GAPS));
  g_assert_true (trellis_view_is_grid (TRELLIS_VIEW_TREND));
  g_assert_false (trellis_view_is_grid (TRELLIS_VIEW_SIGHT));
  g_assert_false (trellis_view_from_string ("", &view));
  g_assert_false (trellis_view_from_string ("Gaps", &view));
  g_assert_false (trellis_view_from_string (NULL, &view));
}

/* Every view, in both directions: each cell's slot hit-tests back to it,
 * and agrees with its row's and column's extents. A grid has a slot for
 * every row and column, under row headers; the line of sight has one for
 * each node, in its own stage's column, and no row headers. */
static void
test_every_view_geometry (void)
{
  g_autoptr(TrellisDocument) doc = render_tier_load (30, 16, 4, 5);

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    for (guint rtl = 0; rtl < 2; rtl++)
      {
        g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
        g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (v);
        g_autoptr(TrellisLayout) layout = NULL;
        gboolean grid = trellis_view_is_grid (v);
        double width, height;

        options->rtl = rtl;
        if (trellis_view_needs_date (v))
          g_assert_true (trellis_date_parse ("2026-11-01", 10, &options->since));
        layout = trellis_layout_new (analysis, options, NULL);
        g_assert_nonnull (layout);
        trellis_layout_get_content_size (layout, &width, &height);
        g_assert_cmpint (trellis_layout_get_row_header_width (layout) > 0, ==, grid);

        for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
          {
            guint n_slots = 0;
            double ry, rh;

            g_assert_true (trellis_layout_get_row_extent (layout, r, &ry, &rh));
            for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
              {
                TrellisRect rect;
                double cx, cw;
                guint hr, hc;

                if (!trellis_layout_get_cell_rect (layout, r, c, &rect))
                  {
                    g_assert_false (grid);
                    continue;
                  }
                n_slots++;
                g_assert_true (trellis_layout_get_column_extent (layout, c, &cx, &cw));
                g_assert_cmpfloat (rect.x, ==, cx);
                g_assert_cmpfloat (rect.width, ==, cw);
                g_assert_cmpfloat (rect.y, ==, ry);
                g_assert_cmpfloat (rect.height, ==, rh);
                g_assert_cmpfloat (rect.x, >=, 0);
                g_assert_cmpfloat (rect.y, >=, 0);
                g_assert_cmpfloat (rect.x + rect.width, <=, width + 1e-6);
                g_assert_cmpfloat (rect.y + rect.height, <=, height + 1e-6);
                g_assert_true (trellis_layout_cell_at_point (layout, rect.x + rect.width / 2, rect.y + rect.height / 2,
                                                             &hr, &hc));
                g_assert_cmpuint (hr, ==, r);
                g_assert_cmpuint (hc, ==, c);
              }
            g_assert_cmpuint (n_slots, ==, grid ? trellis_layout_get_n_columns (layout) : 1);
          }
      }
}

static void
test_latest_date (void)
{
  g_autoptr(TrellisDocument) doc = load_small ();
  g_autoptr(TrellisAnalysis) now = trellis_analysis_new (doc);
  g_autoptr(TrellisAnalysis) then = NULL;
  g_autoptr(TrellisDocument) empty = trellis_document_new ();
  g_autoptr(TrellisAnalysis) none = trellis_analysis_new (empty);
  TrellisDate date;
  char buf[11];

  g_assert_cmpstr (trellis_date_format (trellis_analysis_get_latest_date (now), buf), ==, "2026-11-21");
  g_assert_true (trellis_date_parse ("2026-11-01", 10, &date));
  then = trellis_analysis_new_at (doc, date);
  g_assert_cmpstr (trellis_date_format (trellis_analysis_get_latest_date (then), buf), ==, "2026-10-01");
  g_assert_cmpuint (trellis_analysis_get_latest_date (none), ==, 0);
}

static void
test_options (void)
{
  g_autoptr(TrellisRenderOptions) a = trellis_render_options_new (TRELLIS_VIEW_COVERAGE);
  g_autoptr(TrellisRenderOptions) b = NULL;
  TrellisView view;
  TrellisTheme theme;

  trellis_render_options_set_role (a, "ro-agent");
  trellis_render_options_set_font_family (a, "DejaVu Sans");
  b = trellis_render_options_copy (a);
  g_assert_true (trellis_render_options_equal (a, b));
  g_assert_true (a->role != b->role);
  b->zoom = 2;
  g_assert_false (trellis_render_options_equal (a, b));

  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      g_assert_true (trellis_view_from_string (trellis_view_to_string (v), &view));
      g_assert_cmpint (view, ==, v);
      g_assert_nonnull (trellis_view_get_title (v));
    }
  g_assert_false (trellis_view_from_string ("heat", &view));
  g_assert_true (trellis_theme_from_string ("high-contrast", &theme));
  g_assert_cmpint (theme, ==, TRELLIS_THEME_HIGH_CONTRAST);
  g_assert_false (trellis_theme_from_string ("sepia", &theme));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/options", test_options);
  g_test_add_func ("/render/layout/registry", test_registry);
  g_test_add_func ("/render/layout/every-view-geometry", test_every_view_geometry);
  g_test_add_func ("/render/layout/latest-date", test_latest_date);
  g_test_add_func ("/render/layout/gaps", test_gaps_small);
  g_test_add_func ("/render/layout/geometry", test_geometry);
  g_test_add_func ("/render/layout/picture-areas", test_picture_areas);
  g_test_add_func ("/render/layout/filters", test_filters);
  g_test_add_func ("/render/layout/errors", test_errors);
  g_test_add_func ("/render/layout/privacy", test_privacy);
  g_test_add_func ("/render/layout/privacy-large", test_privacy_large);
  g_test_add_func ("/render/layout/privacy-differencing", test_privacy_differencing);
  g_test_add_func ("/render/layout/coach-audience", test_coach_audience);
  g_test_add_func ("/render/layout/coach-small-totals", test_coach_small_totals);
  g_test_add_func ("/render/layout/totals-only", test_totals_only);
  g_test_add_func ("/render/layout/coach-team-difference", test_coach_team_difference);
  g_test_add_func ("/render/layout/coach-other-totals", test_coach_other_totals);
  g_test_add_func ("/render/layout/findings-audience", test_findings_audience);
  g_test_add_func ("/render/layout/person-shown", test_person_shown);
  g_test_add_func ("/render/layout/requirements", test_requirements);
  g_test_add_func ("/render/layout/coverage", test_coverage);
  g_test_add_func ("/render/layout/responsibilities", test_responsibilities);
  g_test_add_func ("/render/layout/findings", test_findings);
  g_test_add_func ("/render/layout/perception", test_perception);
  g_test_add_func ("/render/layout/trend", test_trend);
  g_test_add_func ("/render/layout/trend-change", test_trend_change);
  g_test_add_func ("/render/layout/sight", test_sight);
  g_test_add_func ("/render/layout/twin", test_twin);

  return g_test_run ();
}

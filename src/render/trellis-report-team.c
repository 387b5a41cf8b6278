/* trellis-report-team.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "trellis-draw-private.h"
#include "trellis-layout-private.h"
#include "trellis-report-private.h"
#include "trellis-tiling-private.h"

/* The sections about the team: the cover, the line of sight, the role
 * profiles, the maps in tiles (with the findings and single points of
 * knowledge in words) and monitoring. None of them names a person the
 * audience may not see. */

#define CELL(m, f) { (m), (f), NULL, PANGO_ALIGN_LEFT }

/* An element's name in a table, with its original under it in a
 * bilingual report. */
static char *
escaped_name (TrellisReport *self,
              TrellisEntity *entity)
{
  return trellis_report_dup_name_markup (self, entity);
}

static const char *
text_field (TrellisEntity *entity,
            TrellisField   field)
{
  const char *text = trellis_entity_has_field (entity, field) ? trellis_entity_get_string (entity, field) : NULL;

  return text != NULL ? text : "";
}

/* Cover */

static void
add_values (TrellisReport *self)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_VALUE);

  if (n == 0)
    return;

  trellis_report_heading (self, TRELLIS_FONT_H2, _("Our values"));
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *value = trellis_document_get_item (self->document, TRELLIS_KIND_VALUE, i);
      const char **behaviours = trellis_entity_get_strv (value, TRELLIS_FIELD_BEHAVIOURS);

      trellis_report_name_heading (self, TRELLIS_FONT_H3, value);
      trellis_report_text (self, TRELLIS_FONT_BODY, NULL, 0, value, TRELLIS_TEXT_DESCRIPTION, 0);
      for (guint b = 0; behaviours != NULL && behaviours[b] != NULL; b++)
        trellis_report_bullet (self, value, b);
    }
}

void
trellis_report_add_cover (TrellisReport *self)
{
  TrellisOrganisation *org = trellis_document_get_organisation (self->document);
  TrellisEntity *o = TRELLIS_ENTITY (org);
  g_autofree char *organisation = trellis_markup_escape (self->organisation);
  g_autofree char *date = trellis_markup_escape (self->date_text);
  g_autofree char *title = trellis_markup_escape (self->title);
  g_autofree char *kicker = trellis_markup_escape (_("Values and competency matrix"));
  const char *vision = trellis_report_text_of (self, o, TRELLIS_TEXT_VISION, 0);
  const char *mission = trellis_report_text_of (self, o, TRELLIS_TEXT_MISSION, 0);

  trellis_flow_new_page (&self->flow, trellis_report_keep (self, g_strdup (trellis_report_section_get_title (TRELLIS_REPORT_COVER))));
  trellis_flow_space (&self->flow, 1);
  trellis_flow_space (&self->flow, 90);
  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_SMALL_BOLD, &self->style.accent, 0, kicker);
  trellis_flow_space (&self->flow, 4);
  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_COVER, NULL, 0, organisation);
  trellis_flow_space (&self->flow, 6);
  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_H2, &self->style.colors->muted, 0, title);
  if (self->options->matrix_name != NULL && self->options->matrix_name[0] != '\0')
    {
      /* Translators: on the cover of a report: the matrix's name. */
      g_autofree char *matrix = g_strdup_printf (_("Matrix: %s"), self->options->matrix_name);

      trellis_report_muted (self, matrix);
    }
  trellis_flow_paragraph (&self->flow, TRELLIS_FONT_BODY, &self->style.colors->muted, 0, date);
  if (self->options->audience == TRELLIS_AUDIENCE_TOTALS)
    trellis_report_muted (self, _("For the whole team, in totals only: nobody is named, and no total covers fewer than three people."));
  else if (self->options->audience == TRELLIS_AUDIENCE_WORKSHOP)
    trellis_report_muted (self, _("For the whole team: only people who share their assessments with the team are named, and no total covers fewer than three people."));
  else
    trellis_report_muted (self, _("For coaching: people who keep their assessments private are not named."));
  if (self->options->content_language != NULL)
    {
      g_autofree char *language = trellis_language_dup_name (self->options->content_language);
      g_autofree char *note = self->options->bilingual
        /* Translators: on the cover of a report; %s is a language such as “German (de)”. */
        ? g_strdup_printf (_("The team’s own texts in %s, each with the original under it."), language)
        /* Translators: on the cover of a report; %s is a language such as “German (de)”. */
        : g_strdup_printf (_("The team’s own texts in %s where they are translated, else as written."), language);

      trellis_report_muted (self, note);
    }
  trellis_flow_space (&self->flow, 14);
  {
    TrellisBox bar = { 0 };

    bar.kind = TRELLIS_BOX_FILL;
    bar.rect = TRELLIS_RECT_INIT (self->flow.body.x, self->flow.y, self->flow.body.width, 3);
    bar.color = self->style.accent;
    trellis_flow_add_box (&self->flow, &bar);
    self->flow.y += 3;
  }
  trellis_flow_space (&self->flow, 10);

  if (vision[0] != '\0')
    {
      trellis_report_heading (self, TRELLIS_FONT_H3, _("Vision"));
      trellis_report_text (self, TRELLIS_FONT_BODY, NULL, 0, o, TRELLIS_TEXT_VISION, 0);
    }
  if (mission[0] != '\0')
    {
      trellis_report_heading (self, TRELLIS_FONT_H3, _("Mission"));
      trellis_report_text (self, TRELLIS_FONT_BODY, NULL, 0, o, TRELLIS_TEXT_MISSION, 0);
    }
  add_values (self);
}

/* Line of sight */

/* "Active listening (3), Empathy and tone (2)": what a responsibility
 * needs. */
static char *
dup_needs (TrellisReport *self,
           TrellisEntity *responsibility)
{
  GArray *needs = trellis_entity_get_array (responsibility, TRELLIS_FIELD_NEEDS);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      const TrellisRequirement *r = &g_array_index (needs, TrellisRequirement, i);
      TrellisEntity *competency = trellis_document_lookup (self->document, r->competency);
      g_autofree char *name = trellis_markup_escape (trellis_report_name_of (self, competency));

      if (competency == NULL)
        continue;
      if (text->len > 0)
        /* Translators: separates the items of a list. */
        g_string_append (text, _(", "));
      /* Translators: a competency and the level a responsibility needs. */
      g_string_append_printf (text, _("%s (%d)"), name, r->level);
    }

  if (text->len == 0)
    g_string_append (text, "—");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
serves_value (TrellisEntity *result,
              TrellisEntity *value)
{
  const char **values = trellis_entity_get_strv (result, TRELLIS_FIELD_VALUES);

  if (value == NULL)
    return values == NULL || values[0] == NULL;

  return trellis_strv_contains_id (values, trellis_entity_get_id (value));
}

/* The results serving a value (or no value), each with its
 * responsibilities and what they need. */
static void
add_sight_table (TrellisReport *self,
                 TrellisEntity *value)
{
  guint n_results = trellis_document_get_n_items (self->document, TRELLIS_KIND_RESULT);
  guint n_resp = trellis_document_get_n_items (self->document, TRELLIS_KIND_RESPONSIBILITY);
  static const double widths[] = { 3, 4, 5 };
  gboolean begun = FALSE;

  for (guint i = 0; i < n_results; i++)
    {
      TrellisEntity *result = trellis_document_get_item (self->document, TRELLIS_KIND_RESULT, i);
      g_autofree char *result_name = escaped_name (self, result);
      gboolean first = TRUE;

      if (!serves_value (result, value))
        continue;

      if (!begun)
        {
          TrellisTableCell header[] = {
            CELL (_("Result"), TRELLIS_FONT_SMALL_BOLD),
            CELL (_("Responsibility"), TRELLIS_FONT_SMALL_BOLD),
            CELL (_("Competencies it needs (level)"), TRELLIS_FONT_SMALL_BOLD),
          };

          if (value != NULL)
            trellis_report_name_heading (self, TRELLIS_FONT_H2, value);
          else
            trellis_report_heading (self, TRELLIS_FONT_H2, _("Results that serve no value yet"));
          trellis_report_text (self, TRELLIS_FONT_SMALL, &self->style.colors->muted, 0, value, TRELLIS_TEXT_DESCRIPTION, 0);
          trellis_flow_space (&self->flow, 4);
          trellis_flow_table_begin (&self->flow, 3, widths, header);
          begun = TRUE;
        }

      for (guint k = 0; k < n_resp; k++)
        {
          TrellisEntity *resp = trellis_document_get_item (self->document, TRELLIS_KIND_RESPONSIBILITY, k);
          g_autofree char *resp_name = NULL;
          g_autofree char *needs = NULL;

          if (g_strcmp0 (text_field (resp, TRELLIS_FIELD_RESULT), trellis_entity_get_id (result)) != 0)
            continue;

          resp_name = escaped_name (self, resp);
          needs = dup_needs (self, resp);
          {
            TrellisTableCell row[] = {
              CELL (first ? result_name : "", TRELLIS_FONT_SMALL_BOLD),
              CELL (resp_name, TRELLIS_FONT_SMALL),
              CELL (needs, TRELLIS_FONT_SMALL),
            };

            trellis_flow_table_row (&self->flow, row);
          }
          first = FALSE;
        }

      if (first)
        {
          g_autofree char *none = trellis_markup_escape (_("No responsibility serves it yet."));
          TrellisTableCell row[] = {
            CELL (result_name, TRELLIS_FONT_SMALL_BOLD),
            CELL (none, TRELLIS_FONT_SMALL),
            CELL ("—", TRELLIS_FONT_SMALL),
          };

          trellis_flow_table_row (&self->flow, row);
        }
    }

  if (begun)
    trellis_flow_table_end (&self->flow);
}

void
trellis_report_add_sight (TrellisReport *self)
{
  TrellisOrganisation *org = trellis_document_get_organisation (self->document);
  const char *mission = trellis_report_text_of (self, TRELLIS_ENTITY (org), TRELLIS_TEXT_MISSION, 0);
  guint n_values = trellis_document_get_n_items (self->document, TRELLIS_KIND_VALUE);

  trellis_report_begin_section (self, trellis_report_section_get_title (TRELLIS_REPORT_SIGHT),
                                _("Why each competency matters: the mission, the values it rests on, the results "
                                  "that serve each value, the responsibilities that deliver them and the "
                                  "competencies those need."));
  if (mission[0] != '\0')
    {
      trellis_report_heading (self, TRELLIS_FONT_H3, _("Mission"));
      trellis_report_text (self, TRELLIS_FONT_ITALIC, NULL, 0, TRELLIS_ENTITY (org), TRELLIS_TEXT_MISSION, 0);
    }

  for (guint v = 0; v < n_values; v++)
    add_sight_table (self, trellis_document_get_item (self->document, TRELLIS_KIND_VALUE, v));
  add_sight_table (self, NULL);
}

/* Role profiles */

static void
add_role_responsibilities (TrellisReport *self,
                           TrellisEntity *role)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_RESPONSIBILITY);
  static const double widths[] = { 5, 4, 2, 3 };
  TrellisTableCell header[] = {
    CELL (_("Responsibility"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Result it serves"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("RACI"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Delegation level"), TRELLIS_FONT_SMALL_BOLD),
  };
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *resp = trellis_document_get_item (self->document, TRELLIS_KIND_RESPONSIBILITY, i);
      GArray *assigns = trellis_entity_get_array (resp, TRELLIS_FIELD_ASSIGNS);
      const TrellisAssignment *a = assigns != NULL ? trellis_assignments_lookup (assigns, trellis_entity_get_id (role)) : NULL;
      TrellisEntity *result;
      g_autofree char *resp_name = NULL;
      g_autofree char *result_name = NULL;
      g_autofree char *authority = NULL;
      char letters[5];

      if (a == NULL || (a->raci == TRELLIS_RACI_NONE && a->authority == TRELLIS_AUTHORITY_NONE))
        continue;
      if (!any)
        {
          trellis_report_heading (self, TRELLIS_FONT_H3, _("Responsibilities"));
          trellis_flow_table_begin (&self->flow, 4, widths, header);
          any = TRUE;
        }

      result = trellis_document_lookup (self->document, text_field (resp, TRELLIS_FIELD_RESULT));
      resp_name = escaped_name (self, resp);
      result_name = escaped_name (self, result);
      trellis_raci_to_string (a->raci, letters);
      authority = trellis_markup_escape (trellis_authority_get_label (a->authority < TRELLIS_N_AUTHORITIES ? a->authority : 0));
      {
        TrellisTableCell row[] = {
          CELL (resp_name, TRELLIS_FONT_SMALL),
          CELL (result_name, TRELLIS_FONT_SMALL),
          CELL (letters[0] != '\0' ? letters : "—", TRELLIS_FONT_SMALL_BOLD),
          CELL (authority, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (any)
    trellis_flow_table_end (&self->flow);
}

static void
add_role_requirements (TrellisReport *self,
                       TrellisEntity *role)
{
  gint r = trellis_analysis_get_index (self->analysis, role);
  guint n = trellis_analysis_get_n_competencies (self->analysis);
  GArray *targets = trellis_entity_get_array (role, TRELLIS_FIELD_TARGETS);
  gint min = trellis_document_get_scale_min (self->document);
  gint max = trellis_document_get_scale_max (self->document);
  static const double widths[] = { 5, 4, 4 };
  TrellisTableCell header[] = {
    CELL (_("Competency"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Required level"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Coverage target"), TRELLIS_FONT_SMALL_BOLD),
  };
  gboolean any = FALSE;

  if (r < 0)
    return;

  for (guint c = 0; c < trellis_document_get_n_items (self->document, TRELLIS_KIND_COMPETENCY); c++)
    {
      TrellisEntity *competency = trellis_document_get_item (self->document, TRELLIS_KIND_COMPETENCY, c);
      gint ci = trellis_analysis_get_index (self->analysis, competency);
      gint level = ci >= 0 && (guint) ci < n ? trellis_analysis_get_role_required (self->analysis, r, ci) : TRELLIS_LEVEL_NONE;
      g_autofree char *name = NULL;
      g_autofree char *level_text = NULL;
      g_autofree char *level_markup = NULL;
      g_autofree char *target = NULL;

      if (level == TRELLIS_LEVEL_NONE)
        continue;
      if (!any)
        {
          trellis_report_heading (self, TRELLIS_FONT_H3, _("Required competencies"));
          trellis_flow_table_begin (&self->flow, 3, widths, header);
          any = TRUE;
        }

      for (guint t = 0; targets != NULL && t < targets->len; t++)
        {
          const TrellisTarget *tg = &g_array_index (targets, TrellisTarget, t);

          if (g_strcmp0 (tg->competency, trellis_entity_get_id (competency)) == 0)
            /* Translators: a coverage target: a number of people at a level. */
            target = g_strdup_printf (ngettext ("at least %u person at level %d", "at least %u people at level %d",
                                                tg->people), tg->people, tg->level);
        }

      name = escaped_name (self, competency);
      level_text = trellis_report_dup_level_text (self, level);
      level_markup = trellis_markup_escape (level_text);
      {
        TrellisTableCell row[] = {
          CELL (name, TRELLIS_FONT_SMALL),
          { level_markup, TRELLIS_FONT_SMALL,
            trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED, trellis_palette_level_step (level, min, max)),
            PANGO_ALIGN_LEFT },
          CELL (target != NULL ? target : "—", TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (any)
    trellis_flow_table_end (&self->flow);
}

void
trellis_report_add_roles (TrellisReport *self)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_ROLE);

  trellis_report_begin_section (self, trellis_report_section_get_title (TRELLIS_REPORT_ROLES),
                                _("What each role carries: its responsibilities, with the RACI letters and how far "
                                  "decisions are delegated to it, and the competency levels it requires."));

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *role = trellis_document_get_item (self->document, TRELLIS_KIND_ROLE, i);
      gint r = trellis_analysis_get_index (self->analysis, role);
      guint members = 0;
      g_autofree char *count = NULL;

      for (guint p = 0; r >= 0 && p < trellis_analysis_get_n_people (self->analysis); p++)
        members += trellis_analysis_person_has_role (self->analysis, p, r);

      if (i > 0)
        trellis_flow_space (&self->flow, 8);
      trellis_report_name_heading (self, TRELLIS_FONT_H2, role);
      /* Translators: how many people have a role. */
      count = g_strdup_printf (ngettext ("%u person has this role.", "%u people have this role.", members), members);
      trellis_report_text (self, TRELLIS_FONT_BODY, NULL, 0, role, TRELLIS_TEXT_DESCRIPTION, 0);
      trellis_report_muted (self, count);
      add_role_responsibilities (self, role);
      add_role_requirements (self, role);
    }
}

/* Maps in tiles */

typedef struct
{
  TrellisTiling *tiling;
  guint          index;
  TrellisRgba    accent;
  TrellisRgba    line;
  gboolean       overview;
} TileDrawing;

static void
paint_tile_cb (cairo_t           *cr,
               const TrellisRect *box,
               gpointer           data)
{
  TileDrawing *d = data;

  cairo_translate (cr, box->x, box->y);
  if (d->overview)
    trellis_tiling_paint_overview (d->tiling, d->index, cr, box->width, box->height, &d->accent, &d->line);
  else
    {
      cairo_rectangle (cr, 0, 0, box->width, box->height);
      cairo_clip (cr);
      trellis_tiling_paint_tile (d->tiling, d->index, cr);
    }
}

static void
paint_legend_cb (cairo_t           *cr,
                 const TrellisRect *box,
                 gpointer           data)
{
  TrellisLayout *layout = data;
  TrellisRect clip = TRELLIS_RECT_INIT (0, 0, box->width, box->height);

  cairo_translate (cr, box->x, box->y);
  trellis_layout_paint_legend (layout, cr, &clip);
}

/* The legend first, so that the reader knows the colours before the
 * map; then the names the headers had to shorten, in full. */
static void
add_map_legend (TrellisReport *self,
                TrellisLayout *layout)
{
  TrellisLegend *legend = trellis_layout_fit_legend (layout, self->flow.body.width);
  const char *subtitle = trellis_layout_get_subtitle_text (layout);

  if (subtitle != NULL && subtitle[0] != '\0')
    trellis_report_muted (self, subtitle);
  trellis_flow_space (&self->flow, 6);
  if (legend->height > 0)
    {
      trellis_flow_need (&self->flow, legend->height + 4);
      trellis_flow_drawing_at (&self->flow, &TRELLIS_RECT_INIT (self->flow.body.x, self->flow.y, self->flow.body.width, legend->height + 4),
               paint_legend_cb, g_object_ref (layout), g_object_unref);
      self->flow.y += legend->height + 10;
    }

  /* The legend's own lines are the findings (written out in words below
   * the boundaries) and the names in full. */
  for (guint i = legend->findings->len; i < legend->lines->len; i++)
    trellis_report_muted (self, pango_layout_get_text (g_ptr_array_index (legend->lines, i)));
}

/* The tiling with fewer pages: upright, or on sheets turned sideways
 * (a map wider than tall usually is). */
static TrellisTiling *
choose_tiling (TrellisReport *self,
               TrellisLayout *layout,
               double         band,
               gboolean      *landscape)
{
  const TrellisRect *up = &self->flow.portrait;
  const TrellisRect *side = &self->flow.landscape;
  TrellisTiling *upright = trellis_tiling_new (layout, up->width, up->height - band);
  TrellisTiling *turned = trellis_tiling_new (layout, side->width, side->height - band);

  *landscape = trellis_tiling_get_n_tiles (turned) < trellis_tiling_get_n_tiles (upright);
  if (*landscape)
    {
      trellis_tiling_free (upright);
      return turned;
    }

  trellis_tiling_free (turned);
  return upright;
}

static void
add_tiles (TrellisReport *self,
           TrellisLayout *layout)
{
  const double band = TRELLIS_TILE_BAND;
  gboolean landscape;
  TrellisTiling *tiling = choose_tiling (self, layout, band, &landscape);
  guint n = trellis_tiling_get_n_tiles (tiling);
  guint n_rows = trellis_layout_get_n_rows (layout);
  guint n_columns = trellis_layout_get_n_columns (layout);

  /* Its pages share it; the report keeps it. */
  g_ptr_array_add (self->tilings, tiling);

  for (guint i = 0; i < n; i++)
    {
      const TrellisTile *tile = trellis_tiling_get_tile (tiling, i);
      TileDrawing *drawing = g_new0 (TileDrawing, 1);
      g_autofree char *part = NULL;
      g_autofree char *where = NULL;
      g_autofree char *label = NULL;
      double w, h;

      if (landscape)
        trellis_flow_new_landscape_page (&self->flow);
      else
        trellis_flow_new_page (&self->flow, NULL);

      /* Which part of the map this is, where there is more than one. */
      if (n > 1)
        {
          TileDrawing *overview = g_new0 (TileDrawing, 1);

          /* Translators: which part of a map a page shows. */
          part = g_strdup_printf (_("Part %u of %u"), i + 1, n);
          /* Translators: the rows and columns of a map on a page: first
           * row, last row, number of rows, first column, last column,
           * number of columns. */
          where = g_strdup_printf (_("Rows %u–%u of %u · columns %u–%u of %u"),
                                   tile->first_row + 1, tile->first_row + tile->n_rows, n_rows,
                                   tile->first_column + 1, tile->first_column + tile->n_columns, n_columns);
          label = g_markup_printf_escaped ("<b>%s</b>\n%s", part, where);
          trellis_flow_text_at (&self->flow, TRELLIS_FONT_SMALL, &self->style.colors->muted,
                                self->flow.body.x, self->flow.y - 6, self->flow.body.width - 130, PANGO_ALIGN_LEFT, label);


          overview->tiling = tiling;
          overview->index = i;
          overview->overview = TRUE;
          overview->accent = self->style.accent;
          overview->line = self->style.colors->muted;
          trellis_flow_drawing_at (&self->flow, &TRELLIS_RECT_INIT (self->flow.body.x + self->flow.body.width - 120, self->flow.y - 6, 120, band - 12),
                   paint_tile_cb, overview, g_free);
        }

      drawing->tiling = tiling;
      drawing->index = i;
      trellis_tiling_get_tile_size (tiling, i, &w, &h);
      trellis_flow_drawing_at (&self->flow, &TRELLIS_RECT_INIT (self->flow.body.x, self->flow.y + band, MIN (w, self->flow.body.width), h),
               paint_tile_cb, drawing, g_free);
      self->flow.y += band + h;
    }

  if (n == 0)
    {
      trellis_report_muted (self, _("The map is empty."));
    }
}

static void
add_findings (TrellisReport *self,
              TrellisLayout *layout)
{
  guint n_map = trellis_layout_get_n_findings (layout);
  guint n = trellis_analysis_get_n_findings (self->analysis);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);
  static const double widths[] = { 1, 3, 12 };
  TrellisTableCell header[] = {
    /* Translators: the header of the column that numbers the findings in the report. */
    CELL (C_("number column", "No."), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("Rule"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("What was found"), TRELLIS_FONT_SMALL_BOLD),
  };
  guint shown = 0;

  trellis_flow_new_page (&self->flow, NULL);
  trellis_report_heading (self, TRELLIS_FONT_H2, _("Rule findings"));
  trellis_report_muted (self, _("Every finding of the rule checks, in words. The numbers are those on the map’s rows; "
                           "findings about the team as a whole follow without a number."));
  trellis_flow_space (&self->flow, 4);
  trellis_flow_table_begin (&self->flow, 3, widths, header);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < (pass == 0 ? n_map : n); i++)
      {
        const TrellisFinding *f = pass == 0 ? trellis_layout_get_finding (layout, i)
                                            : trellis_analysis_get_finding (self->analysis, i);
        g_autofree char *message = NULL;
        g_autofree char *number = NULL;
        g_autofree char *rule = NULL;
        g_autofree char *text = NULL;
        const char *severity;

        if (g_hash_table_contains (listed, f) || !trellis_roster_finding_shown (&self->roster, f))
          continue;
        g_hash_table_add (listed, (gpointer) f);
        shown++;

        switch (trellis_finding_code_get_severity (f->code))
          {
          case TRELLIS_SEVERITY_PROBLEM: severity = C_("finding", "Problem"); break;
          case TRELLIS_SEVERITY_WARNING: severity = C_("finding", "Warning"); break;
          case TRELLIS_SEVERITY_INFO:
          default:                       severity = C_("finding", "Note"); break;
          }
        message = trellis_finding_dup_message_in (f, self->options->content_language);
        number = pass == 0 ? g_strdup_printf ("%u", i + 1) : g_strdup ("");
        rule = g_markup_printf_escaped ("<b>%s</b>\n%s", severity, trellis_finding_code_get_title (f->code));
        text = trellis_markup_escape (message);
        {
          TrellisTableCell row[] = {
            CELL (number, TRELLIS_FONT_SMALL_BOLD),
            CELL (rule, TRELLIS_FONT_SMALL),
            CELL (text, TRELLIS_FONT_SMALL),
          };

          trellis_flow_table_row (&self->flow, row);
        }
      }

  trellis_flow_table_end (&self->flow);
  if (shown == 0)
    trellis_report_muted (self, _("The rule checks found nothing."));
}

static void
add_single_points (TrellisReport *self)
{
  guint n = trellis_analysis_get_n_findings (self->analysis);
  static const double widths[] = { 3, 5 };
  TrellisTableCell header[] = {
    CELL (_("Competency"), TRELLIS_FONT_SMALL_BOLD),
    CELL (_("What was found"), TRELLIS_FONT_SMALL_BOLD),
  };
  guint shown = 0;
  guint withheld = 0;

  trellis_report_heading (self, TRELLIS_FONT_H2, _("Single points of knowledge"));
  trellis_report_muted (self, _("Knowledge only one person holds at the level needed, and coverage targets the team does not meet yet."));
  trellis_flow_space (&self->flow, 4);

  for (guint i = 0; i < n; i++)
    {
      const TrellisFinding *f = trellis_analysis_get_finding (self->analysis, i);
      g_autofree char *message = NULL;
      g_autofree char *name = NULL;

      if (f->code != TRELLIS_FINDING_SINGLE_POINT && f->code != TRELLIS_FINDING_TARGET_MISSED)
        continue;
      if (!trellis_roster_finding_shown (&self->roster, f))
        {
          withheld++;
          continue;
        }
      if (shown++ == 0)
        trellis_flow_table_begin (&self->flow, 2, widths, header);
      message = trellis_finding_dup_message_in (f, self->options->content_language);
      name = escaped_name (self, f->competency != NULL ? f->competency : f->subject);
      {
        g_autofree char *text = trellis_markup_escape (message);
        TrellisTableCell row[] = {
          CELL (name, TRELLIS_FONT_SMALL_BOLD),
          CELL (text, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
    }

  if (shown > 0)
    trellis_flow_table_end (&self->flow);
  else if (withheld == 0)
    trellis_report_muted (self, _("None: every competency is held by more than one person, and every target is met."));
  if (withheld > 0)
    {
      /* Translators: findings about people this audience does not see by name. */
      g_autofree char *text = g_strdup_printf (ngettext ("%u more finding names someone who is not shown to this audience.",
                                                         "%u more findings name someone who is not shown to this audience.",
                                                         withheld), withheld);

      trellis_report_muted (self, text);
    }
}

void
trellis_report_add_map (TrellisReport        *self,
                        TrellisReportSection  section,
                        TrellisLayout        *layout)
{
  const char *title = section != 0 ? trellis_report_section_get_title (section)
                                   : trellis_view_get_title (trellis_layout_get_options (layout)->view);
  const char *intro = NULL;

  switch (section)
    {
    case TRELLIS_REPORT_GAPS:
      intro = _("Each person against what their role requires: the number is the required level minus the "
                "assessed one. Positive numbers are gaps; a hatched cell was not assessed.");
      break;
    case TRELLIS_REPORT_REQUIREMENTS:
      intro = _("The level each role requires in each competency.");
      break;
    case TRELLIS_REPORT_PERCEPTION:
      intro = _("Self, peer, coach and agreed levels side by side, never averaged.");
      break;
    case TRELLIS_REPORT_BOUNDARIES:
      intro = _("Who carries each responsibility: RACI letters and delegation levels, with a heavy line where "
                "ownership passes from one role to another.");
      break;
    case TRELLIS_REPORT_COVERAGE:
      intro = _("How many people of each role meet its requirement in each competency.");
      break;
    default:
      break;
    }

  trellis_report_begin_section (self, title, intro);
  add_map_legend (self, layout);
  add_tiles (self, layout);

  if (section == TRELLIS_REPORT_BOUNDARIES)
    add_findings (self, layout);
  else if (section == TRELLIS_REPORT_COVERAGE)
    {
      trellis_flow_new_page (&self->flow, NULL);
      add_single_points (self);
    }
}

/* Monitoring */

typedef struct
{
  GArray      *measurements;  /* TrellisMeasurement, held */
  double       target;
  TrellisRgba  line;
  TrellisRgba  target_color;
  TrellisRgba  text;
  TrellisRgba  rule;
  PangoLayout *labels[4];     /* lowest, highest, first date, last date */
} Chart;

static void
chart_free (gpointer data)
{
  Chart *chart = data;

  g_array_unref (chart->measurements);
  for (guint i = 0; i < G_N_ELEMENTS (chart->labels); i++)
    g_clear_object (&chart->labels[i]);
  g_free (chart);
}

static void
chart_range (Chart  *chart,
             double *lo,
             double *hi)
{
  *lo = G_MAXDOUBLE;
  *hi = -G_MAXDOUBLE;
  for (guint i = 0; i < chart->measurements->len; i++)
    {
      double v = g_array_index (chart->measurements, TrellisMeasurement, i).value;

      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
  if (!isnan (chart->target))
    {
      *lo = MIN (*lo, chart->target);
      *hi = MAX (*hi, chart->target);
    }
  if (*hi - *lo < 1e-9)
    {
      *lo -= 1;
      *hi += 1;
    }
}

/* A small line chart: the measurements over time, the target dashed,
 * the highest and lowest value and the first and last date written. */
static void
paint_chart_cb (cairo_t           *cr,
                const TrellisRect *box,
                gpointer           data)
{
  Chart *chart = data;
  GArray *m = chart->measurements;
  double left = box->x + 44, right = box->x + box->width * 0.62;
  double top = box->y + 6, bottom = box->y + box->height - 16;
  TrellisDate first = g_array_index (m, TrellisMeasurement, 0).date;
  TrellisDate last = g_array_index (m, TrellisMeasurement, m->len - 1).date;
  double span = last > first ? last - first : 1;
  double lo, hi;

  chart_range (chart, &lo, &hi);

#define X(date) (m->len == 1 ? (left + right) / 2 : left + ((date) - first) / span * (right - left))
#define Y(value) (bottom - ((value) - lo) / (hi - lo) * (bottom - top))

  trellis_cairo_set_rgba (cr, &chart->rule);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, top);
  cairo_line_to (cr, left, bottom);
  cairo_line_to (cr, right, bottom);
  cairo_stroke (cr);

  if (!isnan (chart->target))
    {
      static const double dash[] = { 3, 2 };

      trellis_cairo_set_rgba (cr, &chart->target_color);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, left, Y (chart->target));
      cairo_line_to (cr, right, Y (chart->target));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  trellis_cairo_set_rgba (cr, &chart->line);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < m->len; i++)
    {
      const TrellisMeasurement *p = &g_array_index (m, TrellisMeasurement, i);

      if (i == 0)
        cairo_move_to (cr, X (p->date), Y (p->value));
      else
        cairo_line_to (cr, X (p->date), Y (p->value));
    }
  cairo_stroke (cr);
  for (guint i = 0; i < m->len; i++)
    {
      const TrellisMeasurement *p = &g_array_index (m, TrellisMeasurement, i);

      cairo_new_sub_path (cr);
      cairo_arc (cr, X (p->date), Y (p->value), 1.8, 0, 2 * G_PI);
    }
  cairo_fill (cr);

  trellis_cairo_set_rgba (cr, &chart->text);
  {
    int w, h;

    trellis_text_size (chart->labels[0], &w, &h);
    trellis_text_show (cr, chart->labels[0], left - 4 - w, bottom - h / 2.0);
    trellis_text_size (chart->labels[1], &w, &h);
    trellis_text_show (cr, chart->labels[1], left - 4 - w, top - h / 2.0);
    trellis_text_show (cr, chart->labels[2], left, bottom + 3);
    trellis_text_size (chart->labels[3], &w, &h);
    trellis_text_show (cr, chart->labels[3], right - w, bottom + 3);
  }

#undef X
#undef Y
}

static char *
format_value (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", value));
}

static void
add_chart (TrellisReport *self,
           TrellisEntity *indicator)
{
  GArray *m = trellis_entity_get_array (indicator, TRELLIS_FIELD_MEASUREMENTS);
  Chart *chart;
  double lo, hi;

  if (m == NULL || m->len == 0)
    {
      trellis_report_muted (self, _("No measurements yet."));
      return;
    }

  chart = g_new0 (Chart, 1);
  chart->measurements = g_array_ref (m);
  chart->target = trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET);
  chart->line = self->style.accent;
  chart->target_color = *trellis_palette_get_step (TRELLIS_PALETTE_GAP, 5);
  chart->text = self->style.colors->muted;
  chart->rule = self->style.colors->muted;
  chart_range (chart, &lo, &hi);
  {
    g_autofree char *lo_text = format_value (lo);
    g_autofree char *hi_text = format_value (hi);
    g_autofree char *first = trellis_date_dup_long (g_array_index (m, TrellisMeasurement, 0).date);
    g_autofree char *last = trellis_date_dup_long (g_array_index (m, TrellisMeasurement, m->len - 1).date);
    const char *texts[4] = { lo_text, hi_text, first, last };

    for (guint i = 0; i < 4; i++)
      {
        g_autofree char *markup = trellis_markup_escape (texts[i]);

        chart->labels[i] = trellis_report_style_text (&self->style, TRELLIS_FONT_TINY, markup, -1, PANGO_ALIGN_LEFT);
      }
  }

  trellis_flow_drawing (&self->flow, 86, paint_chart_cb, chart, chart_free);
}

static void
add_review (TrellisReport *self,
            TrellisEntity *indicator)
{
  GPtrArray *reviews = trellis_entity_get_ptr_array (indicator, TRELLIS_FIELD_REVIEWS);
  const TrellisReview *latest = NULL;
  static const double widths[] = { 1, 5 };
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      const TrellisReview *r = g_ptr_array_index (reviews, i);

      if (latest == NULL || r->date >= latest->date)
        latest = r;
    }
  if (latest == NULL)
    return;

  date = trellis_date_dup_long (latest->date);
  /* Translators: the heading of the latest review notes, with its date. */
  title = g_strdup_printf (_("Latest review, %s"), date);
  {
    g_autofree char *markup = trellis_markup_escape (title);

    trellis_flow_paragraph (&self->flow, TRELLIS_FONT_SMALL_BOLD, NULL, 0, markup);
  }
  trellis_flow_table_begin (&self->flow, 2, widths, NULL);
  {
    const char *labels[] = { C_("review", "Plan"), C_("review", "Do"), C_("review", "Check"), C_("review", "Act") };
    const char *texts[] = { latest->plan, latest->do_, latest->check, latest->act };

    for (guint i = 0; i < 4; i++)
      {
        g_autofree char *label = trellis_markup_escape (labels[i]);
        g_autofree char *text = trellis_markup_escape (texts[i] != NULL && texts[i][0] != '\0' ? texts[i] : "—");
        TrellisTableCell row[] = {
          CELL (label, TRELLIS_FONT_SMALL_BOLD),
          CELL (text, TRELLIS_FONT_SMALL),
        };

        trellis_flow_table_row (&self->flow, row);
      }
  }
  trellis_flow_table_end (&self->flow);
}

static void
add_indicator (TrellisReport *self,
               TrellisEntity *indicator)
{
  TrellisEntity *result = trellis_document_lookup (self->document, text_field (indicator, TRELLIS_FIELD_RESULT));
  TrellisEntity *owner = trellis_document_lookup (self->document, text_field (indicator, TRELLIS_FIELD_OWNER));
  double target = trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET);
  const char *unit = trellis_report_text_of (self, indicator, TRELLIS_TEXT_UNIT, 0);
  GArray *m = trellis_entity_get_array (indicator, TRELLIS_FIELD_MEASUREMENTS);
  g_autoptr(GPtrArray) facts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;

  trellis_flow_space (&self->flow, 6);
  /* An indicator keeps with its facts and chart. */
  trellis_flow_need (&self->flow, 150);
  trellis_report_name_heading (self, TRELLIS_FONT_H3, indicator);

  if (result != NULL)
    /* Translators: the result an indicator monitors. */
    g_ptr_array_add (facts, g_strdup_printf (_("Result: %s"), trellis_report_name_of (self, result)));
  g_ptr_array_add (facts, g_strdup (trellis_indicator_kind_get_label (trellis_entity_get_int (indicator, TRELLIS_FIELD_INDICATOR_KIND))));
  if (!isnan (target))
    {
      g_autofree char *value = format_value (target);

      /* Translators: an indicator's target: a number and its unit. */
      g_ptr_array_add (facts, g_strdup_printf (_("Target: %s %s"), value, unit));
    }
  g_ptr_array_add (facts, g_strdup (trellis_rhythm_get_label (trellis_entity_get_int (indicator, TRELLIS_FIELD_RHYTHM))));
  if (owner != NULL)
    /* Translators: the role that owns an indicator. */
    g_ptr_array_add (facts, g_strdup_printf (_("Owner: %s"), trellis_report_name_of (self, owner)));
  if (m != NULL && m->len > 0)
    {
      const TrellisMeasurement *latest = &g_array_index (m, TrellisMeasurement, m->len - 1);
      g_autofree char *value = format_value (latest->value);
      g_autofree char *date = trellis_date_dup_long (latest->date);

      /* Translators: the latest measurement: value, unit, date. */
      g_ptr_array_add (facts, g_strdup_printf (_("Latest: %s %s on %s"), value, unit, date));
    }
  g_ptr_array_add (facts, NULL);
  /* Translators: separates the facts of an indicator. */
  line = g_strjoinv (_(" · "), (char **) facts->pdata);
  trellis_report_muted (self, line);
  trellis_flow_space (&self->flow, 4);
  add_chart (self, indicator);
  add_review (self, indicator);
}

void
trellis_report_add_monitoring (TrellisReport *self)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_INDICATOR);

  trellis_report_begin_section (self, trellis_report_section_get_title (TRELLIS_REPORT_MONITORING),
                                _("How the team checks that its results are reached: each indicator with its "
                                  "target, rhythm and owner, its measurements (the target dashed), and the notes "
                                  "of its latest plan–do–check–act review. Human indicators are taken as anonymous "
                                  "pulses of the team, never of one person."));
  if (n == 0)
    trellis_report_muted (self, _("No indicators yet."));
  for (guint i = 0; i < n; i++)
    add_indicator (self, trellis_document_get_item (self->document, TRELLIS_KIND_INDICATOR, i));
}

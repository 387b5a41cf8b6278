/* trellis-layout-sight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-layout-private.h"

/* Line of sight: mission → values → results → responsibilities →
 * competencies → roles (→ the person), drawn as columns of boxes joined
 * by curves, so that anyone can follow why a competency is on their list.
 *
 * Links join neighbouring columns: a value and the results that serve it,
 * a result and its responsibilities, a responsibility and the
 * competencies it needs, a competency and the roles that require it. A
 * competency that no shown responsibility needs is joined to its values
 * directly, with a dashed line. Each column is ordered by the mean
 * position of what it is joined to on its left, which keeps crossings
 * few. */

enum
{
  STAGE_MISSION,
  STAGE_VALUES,
  STAGE_RESULTS,
  STAGE_RESPONSIBILITIES,
  STAGE_COMPETENCIES,
  STAGE_ROLES,
  STAGE_PEOPLE,
  N_STAGES
};

static const char * const stage_titles[N_STAGES] = {
  N_("Mission"), N_("Values"), N_("Results"), N_("Responsibilities"),
  N_("Competencies"), N_("Roles"), N_("Person"),
};

typedef struct
{
  TrellisEntity *entity;
  guint          stage;
  double         order;
  gint           gap;
  gboolean       has_gap;
} Pending;

static gint
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a;
  const Pending *pb = b;

  if (pa->stage != pb->stage)
    return pa->stage < pb->stage ? -1 : 1;
  if (pa->order != pb->order)
    return pa->order < pb->order ? -1 : 1;

  return 0;
}

static gboolean
strv_has (const char **strv,
          const char  *id)
{
  return trellis_strv_contains_id (strv, id);
}

static gboolean
linked (TrellisLayout *self,
        TrellisEntity *left,
        TrellisEntity *right,
        guint          stage)
{
  switch (stage)
    {
    case STAGE_MISSION:
      return TRUE;
    case STAGE_VALUES:
      return strv_has (trellis_entity_get_strv (right, TRELLIS_FIELD_VALUES), trellis_entity_get_id (left));
    case STAGE_RESULTS:
      return g_strcmp0 (trellis_entity_get_string (right, TRELLIS_FIELD_RESULT), trellis_entity_get_id (left)) == 0;
    case STAGE_RESPONSIBILITIES:
      return trellis_requirements_lookup (trellis_entity_get_array (left, TRELLIS_FIELD_NEEDS),
                                          trellis_entity_get_id (right)) != TRELLIS_LEVEL_NONE;
    case STAGE_COMPETENCIES:
      {
        gint c = trellis_analysis_get_index (self->analysis, left);
        gint r = trellis_analysis_get_index (self->analysis, right);

        return c >= 0 && r >= 0 && trellis_analysis_get_role_required (self->analysis, r, c) != TRELLIS_LEVEL_NONE;
      }
    case STAGE_ROLES:
      return strv_has (trellis_entity_get_strv (right, TRELLIS_FIELD_ROLES), trellis_entity_get_id (left));
    default:
      return FALSE;
    }
}

static gboolean
role_has_part (TrellisEntity *rs,
               GPtrArray     *roles)
{
  GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);

  for (guint i = 0; assigns != NULL && i < assigns->len; i++)
    {
      const TrellisAssignment *as = &g_array_index (assigns, TrellisAssignment, i);

      for (guint k = 0; k < roles->len; k++)
        if (g_strcmp0 (as->role, trellis_entity_get_id (g_ptr_array_index (roles, k))) == 0)
          return TRUE;
    }

  return FALSE;
}

gboolean
trellis_layout_build_sight (TrellisLayout  *self,
                            GError        **error)
{
  const TrellisRenderOptions *o = self->options;
  TrellisDocument *doc = self->document;
  TrellisAnalysis *a = self->analysis;
  TrellisOrganisation *org = trellis_document_get_organisation (doc);
  g_autoptr(GPtrArray) roles = g_ptr_array_new ();
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  TrellisEntity *person = o->person != NULL ? trellis_document_lookup (doc, o->person) : NULL;
  gboolean narrowed = o->role != NULL || person != NULL;
  gint person_index = person != NULL ? trellis_analysis_get_index (a, person) : -1;
  double zoom = o->zoom;
  double node_w = 180 * zoom;
  double node_h;
  double column_gap = 72 * zoom;
  double vgap = 8 * zoom;
  double column_height[N_STAGES] = { 0 };
  double tallest = 0;
  guint n;

  self->n_stages = person != NULL ? N_STAGES : STAGE_PEOPLE;
  self->cell_height = ceil (MAX (self->text_height * 1.55, 14 * zoom));
  self->cell_width = node_w;
  node_h = self->cell_height + 6 * zoom;

  /* The roles in view. */
  n = trellis_document_get_n_items (doc, TRELLIS_KIND_ROLE);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *role = trellis_document_get_item (doc, TRELLIS_KIND_ROLE, i);

      if (trellis_analysis_get_index (a, role) < 0)
        continue;
      if (o->role != NULL && g_strcmp0 (trellis_entity_get_id (role), o->role) != 0)
        continue;
      if (person != NULL && !strv_has (trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES), trellis_entity_get_id (role)))
        continue;
      g_ptr_array_add (roles, role);
    }

  /* Walk back from the roles when narrowed; take everything otherwise. */
  {
    g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
    static const TrellisKind kinds[] = {
      TRELLIS_KIND_VALUE, TRELLIS_KIND_RESULT, TRELLIS_KIND_RESPONSIBILITY, TRELLIS_KIND_COMPETENCY,
    };
    Pending p = { 0 };

    for (guint i = 0; i < roles->len; i++)
      g_hash_table_add (keep, g_ptr_array_index (roles, i));

    if (narrowed)
      {
        /* Responsibilities the roles have a part in, and what they serve. */
        n = trellis_document_get_n_items (doc, TRELLIS_KIND_RESPONSIBILITY);
        for (guint i = 0; i < n; i++)
          {
            TrellisEntity *rs = trellis_document_get_item (doc, TRELLIS_KIND_RESPONSIBILITY, i);
            TrellisEntity *result;

            if (!role_has_part (rs, roles))
              continue;
            g_hash_table_add (keep, rs);
            result = trellis_document_lookup (doc, trellis_entity_get_string (rs, TRELLIS_FIELD_RESULT));
            if (result != NULL && TRELLIS_IS_RESULT (result))
              g_hash_table_add (keep, result);
          }

        /* Competencies the roles require. */
        n = trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY);
        for (guint i = 0; i < n; i++)
          {
            TrellisEntity *comp = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, i);

            for (guint k = 0; k < roles->len; k++)
              if (linked (self, comp, g_ptr_array_index (roles, k), STAGE_COMPETENCIES))
                g_hash_table_add (keep, comp);
          }

        /* Values the kept results and competencies serve. */
        n = trellis_document_get_n_items (doc, TRELLIS_KIND_VALUE);
        for (guint i = 0; i < n; i++)
          {
            TrellisEntity *value = trellis_document_get_item (doc, TRELLIS_KIND_VALUE, i);
            GHashTableIter iter;
            gpointer key;

            g_hash_table_iter_init (&iter, keep);
            while (g_hash_table_iter_next (&iter, &key, NULL))
              {
                TrellisEntity *e = key;

                if ((TRELLIS_IS_RESULT (e) || TRELLIS_IS_COMPETENCY (e)) &&
                    strv_has (trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES), trellis_entity_get_id (value)))
                  {
                    g_hash_table_add (keep, value);
                    break;
                  }
              }
          }
      }

    p.entity = NULL;
    p.stage = STAGE_MISSION;
    g_array_append_val (pending, p);

    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        n = trellis_document_get_n_items (doc, kinds[k]);
        for (guint i = 0; i < n; i++)
          {
            TrellisEntity *e = trellis_document_get_item (doc, kinds[k], i);

            if (narrowed && !g_hash_table_contains (keep, e))
              continue;
            if (!narrowed && trellis_analysis_get_index (a, e) < 0 &&
                (kinds[k] == TRELLIS_KIND_COMPETENCY || kinds[k] == TRELLIS_KIND_RESPONSIBILITY))
              continue;

            p.entity = e;
            p.stage = STAGE_VALUES + k;
            p.order = i;
            p.has_gap = FALSE;
            if (kinds[k] == TRELLIS_KIND_COMPETENCY && person_index >= 0)
              {
                gint c = trellis_analysis_get_index (a, e);
                gint gap;

                if (c >= 0 && trellis_analysis_get_state (a, person_index, c, &gap) == TRELLIS_CELL_GAP)
                  {
                    p.gap = gap;
                    p.has_gap = TRUE;
                  }
              }
            g_array_append_val (pending, p);
          }
      }

    for (guint i = 0; i < roles->len; i++)
      {
        p.entity = g_ptr_array_index (roles, i);
        p.stage = STAGE_ROLES;
        p.order = i;
        p.has_gap = FALSE;
        g_array_append_val (pending, p);
      }

    if (person != NULL)
      {
        p.entity = person;
        p.stage = STAGE_PEOPLE;
        p.order = 0;
        g_array_append_val (pending, p);
      }
  }

  /* Order each column by the mean position of its links on the left. */
  for (guint stage = STAGE_RESULTS; stage < self->n_stages; stage++)
    {
      for (guint i = 0; i < pending->len; i++)
        {
          Pending *right = &g_array_index (pending, Pending, i);
          double sum = 0;
          guint count = 0;
          guint pos = 0;

          if (right->stage != stage)
            continue;

          for (guint k = 0; k < pending->len; k++)
            {
              const Pending *left = &g_array_index (pending, Pending, k);

              if (left->stage != stage - 1)
                continue;
              if (linked (self, left->entity, right->entity, stage - 1))
                {
                  sum += pos;
                  count++;
                }
              pos++;
            }

          /* Unlinked ones go last, in document order. */
          right->order = count > 0 ? sum / count + right->order * 1e-6 : 1e6 + right->order;
        }

      g_array_sort (pending, compare_pending);
    }

  /* Place the nodes: columns side by side, each centred vertically. */
  for (guint i = 0; i < pending->len; i++)
    column_height[g_array_index (pending, Pending, i).stage] += node_h + vgap;
  for (guint s = 0; s < self->n_stages; s++)
    {
      if (s == STAGE_MISSION)
        column_height[s] = node_h * 3 + vgap;
      tallest = MAX (tallest, column_height[s]);
    }

  {
    double y[N_STAGES];

    for (guint s = 0; s < self->n_stages; s++)
      y[s] = (tallest - column_height[s]) / 2;

    axis_begin_group (&self->columns, NULL, NULL);
    for (guint s = 0; s < self->n_stages; s++)
      axis_add_item (&self->columns, TRELLIS_ITEM_STAGE, s, NULL, _(stage_titles[s]));
    axis_end_group (&self->columns);

    for (guint s = 0; s < self->n_stages; s++)
      {
        Item *item = trellis_layout_column_item (self, s);

        item->pos = s * (node_w + column_gap);
        item->size = node_w;
      }

    for (guint i = 0; i < pending->len; i++)
      {
        const Pending *p = &g_array_index (pending, Pending, i);
        SightNode node = { 0 };
        double x = p->stage * (node_w + column_gap);

        node.stage = p->stage;
        node.entity = p->entity;
        node.gap = p->gap;
        node.has_gap = p->has_gap;
        node.width = node_w;
        if (p->stage == STAGE_MISSION)
          {
            const char *mission = org != NULL ? trellis_entity_get_string (TRELLIS_ENTITY (org), TRELLIS_FIELD_MISSION) : NULL;
            const char *name = org != NULL ? trellis_entity_get_name (TRELLIS_ENTITY (org)) : NULL;

            node.label = g_strdup (mission != NULL && mission[0] != '\0' ? mission :
                                   name != NULL && name[0] != '\0' ? name : _("Mission"));
            node.height = node_h * 3;
          }
        else
          {
            node.label = trellis_entity_dup_label (p->entity);
            node.height = node_h;
          }
        node.x = x;  /* mirrored below for right to left */
        node.y = y[p->stage];
        y[p->stage] += node.height + vgap;
        g_array_append_val (self->sight_nodes, node);
      }
  }

  /* Labels longer than their box are listed in full under the picture. */
  {
    g_autoptr(PangoLayout) measure = trellis_layout_make_text (self, self->header_font, "");

    for (guint i = 0; i < self->sight_nodes->len; i++)
      {
        const SightNode *node = &g_array_index (self->sight_nodes, SightNode, i);
        double text_w = node_w - 15 * zoom - (node->has_gap ? node_h - 2 * zoom : 0);
        int w;

        pango_layout_set_text (measure, node->label, -1);
        pango_layout_get_pixel_size (measure, &w, NULL);
        if (w > text_w * (node->stage == STAGE_MISSION ? 3 : 1) &&
            !g_hash_table_contains (self->shortened_seen, node->label))
          {
            g_hash_table_add (self->shortened_seen, node->label);
            g_ptr_array_add (self->shortened, node->label);
          }
      }
  }

  self->content_width = self->n_stages * node_w + (self->n_stages - 1) * column_gap;
  self->content_height = tallest;
  self->columns.extent = self->content_width;

  if (o->rtl)
    {
      for (guint i = 0; i < self->sight_nodes->len; i++)
        {
          SightNode *node = &g_array_index (self->sight_nodes, SightNode, i);

          node->x = self->content_width - node->x - node->width;
        }
    }

  /* Links. */
  for (guint i = 0; i < self->sight_nodes->len; i++)
    {
      const SightNode *left = &g_array_index (self->sight_nodes, SightNode, i);

      for (guint k = 0; k < self->sight_nodes->len; k++)
        {
          const SightNode *right = &g_array_index (self->sight_nodes, SightNode, k);
          SightLink link = { i, k };

          if (right->stage == left->stage + 1 && linked (self, left->entity, right->entity, left->stage))
            g_array_append_val (self->sight_links, link);
        }
    }

  /* Competencies no shown responsibility needs: straight to their values. */
  for (guint k = 0; k < self->sight_nodes->len; k++)
    {
      const SightNode *comp = &g_array_index (self->sight_nodes, SightNode, k);
      gboolean fed = FALSE;

      if (comp->stage != STAGE_COMPETENCIES)
        continue;
      for (guint l = 0; l < self->sight_links->len && !fed; l++)
        fed = g_array_index (self->sight_links, SightLink, l).to == k;
      if (fed)
        continue;

      for (guint i = 0; i < self->sight_nodes->len; i++)
        {
          const SightNode *value = &g_array_index (self->sight_nodes, SightNode, i);
          SightLink link = { i, k };

          if (value->stage == STAGE_VALUES &&
              strv_has (trellis_entity_get_strv (comp->entity, TRELLIS_FIELD_VALUES), trellis_entity_get_id (value->entity)))
            g_array_append_val (self->sight_links, link);
        }
    }

  /* Rows for the table twin: one per node, grouped by column. */
  for (guint s = 0; s < self->n_stages; s++)
    {
      axis_begin_group (&self->rows, NULL, _(stage_titles[s]));
      for (guint i = 0; i < self->sight_nodes->len; i++)
        {
          const SightNode *node = &g_array_index (self->sight_nodes, SightNode, i);

          if (node->stage == s)
            {
              axis_add_item (&self->rows, TRELLIS_ITEM_NODE, i, node->entity, node->label);
              g_array_index (self->rows.items, Item, self->rows.items->len - 1).size = node->height;
              g_array_index (self->rows.items, Item, self->rows.items->len - 1).pos = node->y;
            }
        }
      axis_end_group (&self->rows);
    }

  (void) error;
  return TRUE;
}

static void
link_ends (const SightNode *a,
           const SightNode *b,
           double          *x1,
           double          *y1,
           double          *x2,
           double          *y2)
{
  if (a->x < b->x)
    {
      *x1 = a->x + a->width;
      *x2 = b->x;
    }
  else
    {
      *x1 = a->x;
      *x2 = b->x + b->width;
    }
  *y1 = a->y + a->height / 2;
  *y2 = b->y + b->height / 2;
}

guint
trellis_layout_paint_sight (TrellisLayout     *self,
                            cairo_t           *cr,
                            const TrellisRect *clip)
{
  const TrellisThemeColors *c = self->colors;
  double zoom = self->options->zoom;
  double dashes[] = { 4 * zoom, 3 * zoom };
  guint painted = 0;

  /* Links under the nodes; solid first, then the dashed ones. */
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < self->sight_links->len; i++)
        {
          const SightLink *link = &g_array_index (self->sight_links, SightLink, i);
          const SightNode *a = &g_array_index (self->sight_nodes, SightNode, link->from);
          const SightNode *b = &g_array_index (self->sight_nodes, SightNode, link->to);
          gboolean dashed = b->stage != a->stage + 1;
          double x1, y1, x2, y2, dx;
          TrellisRect box;

          if (dashed != (pass == 1))
            continue;

          link_ends (a, b, &x1, &y1, &x2, &y2);
          box = TRELLIS_RECT_INIT (MIN (x1, x2), MIN (y1, y2) - 2 * zoom, fabs (x2 - x1), fabs (y2 - y1) + 4 * zoom);
          if (!trellis_rect_intersects (&box, clip))
            continue;

          dx = (x2 - x1) * 0.5;
          cairo_move_to (cr, x1, y1);
          cairo_curve_to (cr, x1 + dx, y1, x2 - dx, y2, x2, y2);
          any = TRUE;
        }

      if (!any)
        continue;

      trellis_cairo_set_rgba (cr, &c->link);
      cairo_set_line_width (cr, (c->bold ? 2.0 : 1.3) * zoom);
      cairo_set_dash (cr, dashes, pass == 1 ? 2 : 0, 0);
      trellis_cairo_flatten (cr);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint i = 0; i < self->sight_nodes->len; i++)
    {
      SightNode *node = &g_array_index (self->sight_nodes, SightNode, i);
      const TrellisRgba *stage = trellis_palette_stage_color (node->stage);
      TrellisRect rect = TRELLIS_RECT_INIT (node->x, node->y, node->width, node->height);
      TrellisRect reach = TRELLIS_RECT_INIT (node->x - 2 * zoom, node->y - 2 * zoom,
                                             node->width + 4 * zoom, node->height + 4 * zoom);
      double radius = 4 * zoom;
      double bar = 5 * zoom;
      double chip = node->has_gap ? node->height - 6 * zoom : 0;
      double text_w = node->width - bar - 10 * zoom - (chip > 0 ? chip + 4 * zoom : 0);
      gboolean rtl = self->options->rtl;
      int lw, lh;

      /* The outline reaches past the box. */
      if (!trellis_rect_intersects (&reach, clip))
        continue;
      painted++;

      cairo_new_sub_path (cr);
      cairo_arc (cr, rect.x + rect.width - radius, rect.y + radius, radius, -G_PI / 2, 0);
      cairo_arc (cr, rect.x + rect.width - radius, rect.y + rect.height - radius, radius, 0, G_PI / 2);
      cairo_arc (cr, rect.x + radius, rect.y + rect.height - radius, radius, G_PI / 2, G_PI);
      cairo_arc (cr, rect.x + radius, rect.y + radius, radius, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      trellis_cairo_flatten (cr);
      trellis_cairo_set_rgba (cr, &c->band[0]);
      cairo_fill_preserve (cr);
      trellis_cairo_set_rgba (cr, stage);
      cairo_set_line_width (cr, (c->bold ? 2.0 : 1.2) * zoom);
      cairo_stroke (cr);
      cairo_rectangle (cr, rtl ? rect.x + rect.width - bar - 1 : rect.x + 1, rect.y + radius / 2, bar, rect.height - radius);
      cairo_fill (cr);

      trellis_text_lock ();
      if (node->layout == NULL)
        {
          node->layout = trellis_layout_make_text (self, self->header_font, node->label);
          pango_layout_set_width (node->layout, (int) (text_w * PANGO_SCALE));
          pango_layout_set_ellipsize (node->layout, PANGO_ELLIPSIZE_END);
          if (node->stage == STAGE_MISSION)
            {
              pango_layout_set_wrap (node->layout, PANGO_WRAP_WORD);
              pango_layout_set_height (node->layout, (int) ((node->height - 6 * zoom) * PANGO_SCALE));
            }
          else
            pango_layout_set_single_paragraph_mode (node->layout, TRUE);
        }
      trellis_text_unlock ();

      trellis_text_size (node->layout, &lw, &lh);
      trellis_cairo_set_rgba (cr, &c->foreground);
      trellis_text_show_start (self, cr, node->layout,
                               rtl ? rect.x + rect.width - bar - 6 * zoom : rect.x + bar + 6 * zoom,
                               rect.y + (rect.height - lh) / 2);

      if (chip > 0)
        {
          const TrellisRgba *fill = trellis_palette_gap_color (node->gap);
          double cx = rtl ? rect.x + 3 * zoom : rect.x + rect.width - chip - 3 * zoom;

          trellis_cairo_set_rgba (cr, fill);
          cairo_rectangle (cr, cx, rect.y + 3 * zoom, chip, chip);
          cairo_fill (cr);
          trellis_paint_text_run (self, cr, self->number_text[CLAMP (node->gap, -20, 20) + 20],
                                  trellis_palette_text_on (self->options->theme, fill),
                                  cx + chip / 2, rect.y + 3 * zoom + chip / 2);
        }
    }

  return painted;
}

char *
trellis_layout_describe_node (TrellisLayout *self,
                              guint          node_index,
                              guint          stage,
                              gboolean       tooltip)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const SightNode *node;

  if (node_index >= self->sight_nodes->len)
    return g_strdup ("");

  node = &g_array_index (self->sight_nodes, SightNode, node_index);

  /* The table twin asks for one column at a time: the node's own column
   * names it; another lists what it is joined to there. */
  if (!tooltip && stage < self->n_stages && stage != node->stage)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < self->sight_links->len; i++)
        {
          const SightLink *link = &g_array_index (self->sight_links, SightLink, i);
          guint other = link->from == node_index ? link->to : link->to == node_index ? link->from : G_MAXUINT;

          if (other != G_MAXUINT && g_array_index (self->sight_nodes, SightNode, other).stage == stage)
            g_ptr_array_add (names, g_array_index (self->sight_nodes, SightNode, other).label);
        }
      g_ptr_array_add (names, NULL);

      /* Translators: separates names in a list. */
      return g_strjoinv (_(", "), (char **) names->pdata);
    }

  /* Translators: a column of the line of sight and an element in it. */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), _(stage_titles[node->stage]), node->label));

  for (guint s = 0; s < self->n_stages; s++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      if (s == node->stage)
        continue;

      for (guint i = 0; i < self->sight_links->len; i++)
        {
          const SightLink *link = &g_array_index (self->sight_links, SightLink, i);
          guint other = link->from == node_index ? link->to : link->to == node_index ? link->from : G_MAXUINT;

          if (other != G_MAXUINT && g_array_index (self->sight_nodes, SightNode, other).stage == s)
            g_ptr_array_add (names, g_array_index (self->sight_nodes, SightNode, other).label);
        }
      if (names->len == 0)
        continue;
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (_(", "), (char **) names->pdata);
      g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), _(stage_titles[s]), joined));
    }

  if (node->has_gap)
    {
      g_autofree char *gap = trellis_format_number (node->gap, 0, FALSE);
      /* Translators: the person's gap on a competency. */
      g_ptr_array_add (lines, g_strdup_printf (_("Gap: %s"), gap));
    }

  g_ptr_array_add (lines, NULL);

  return g_strjoinv (tooltip ? "\n" : "; ", (char **) lines->pdata);
}

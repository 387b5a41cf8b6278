/* trellis-sight-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-sight-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-draw-private.h"
#include "trellis-map-private.h"

/* Line of sight: mission → values → results → responsibilities →
 * competencies → roles (→ the person), drawn as columns of boxes joined
 * by curves, so that anyone can follow why a competency is on their list.
 * It is no grid: its columns are the stages, each box a node; for the
 * table twin each node is a row, grouped by stage, and a cell in another
 * stage's column lists what the node is joined to there.
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
  guint              stage;
  TrellisEntity     *entity;    /* NULL for the mission */
  char              *label;
  double             x;
  double             y;
  double             width;
  double             height;
  PangoLayout       *layout;
  gint               gap;       /* person mode: the person's gap, or G_MININT */
  gboolean           has_gap;
} SightNode;

typedef struct
{
  guint              from;
  guint              to;
} SightLink;

/* A node before it is placed. */
typedef struct
{
  TrellisEntity *entity;
  guint          stage;
  double         order;
  gint           gap;
  gboolean       has_gap;
} Pending;

G_DECLARE_FINAL_TYPE (TrellisSightMap, trellis_sight_map, TRELLIS, SIGHT_MAP, TrellisMap)

struct _TrellisSightMap
{
  TrellisMap  parent_instance;

  GArray     *nodes;     /* SightNode */
  GArray     *links;     /* SightLink */
  guint       n_stages;
};

G_DEFINE_FINAL_TYPE (TrellisSightMap, trellis_sight_map, TRELLIS_TYPE_MAP)

static inline SightNode *
node_at (TrellisSightMap *self,
         guint            index)
{
  return &g_array_index (self->nodes, SightNode, index);
}

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

/* Whether left, in stage, is joined to right in the next. */
static gboolean
linked (TrellisSightMap *self,
        TrellisEntity   *left,
        TrellisEntity   *right,
        guint            stage)
{
  TrellisAnalysis *analysis = ((TrellisMap *) self)->analysis;

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
        gint c = trellis_analysis_get_index (analysis, left);
        gint r = trellis_analysis_get_index (analysis, right);

        return c >= 0 && r >= 0 && trellis_analysis_get_role_required (analysis, r, c) != TRELLIS_LEVEL_NONE;
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

/* The roles in view: all, the one the view is narrowed to, or the
 * person's. */
static GPtrArray *
roles_in_view (TrellisSightMap *self,
               TrellisEntity   *person)
{
  TrellisMap *map = (TrellisMap *) self;
  GPtrArray *roles = g_ptr_array_new ();
  guint n = trellis_document_get_n_items (map->document, TRELLIS_KIND_ROLE);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *role = trellis_document_get_item (map->document, TRELLIS_KIND_ROLE, i);

      if (trellis_analysis_get_index (map->analysis, role) < 0)
        continue;
      if (map->options->role != NULL && g_strcmp0 (trellis_entity_get_id (role), map->options->role) != 0)
        continue;
      if (person != NULL && !strv_has (trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES), trellis_entity_get_id (role)))
        continue;
      g_ptr_array_add (roles, role);
    }

  return roles;
}

/* Narrowed to roles, what they lead back to: the responsibilities they
 * have a part in and the results those serve, the competencies they
 * require, and the values of all those. */
static GHashTable *
walk_back (TrellisSightMap *self,
           GPtrArray       *roles)
{
  TrellisDocument *doc = ((TrellisMap *) self)->document;
  GHashTable *keep = g_hash_table_new (NULL, NULL);
  guint n;

  for (guint i = 0; i < roles->len; i++)
    g_hash_table_add (keep, g_ptr_array_index (roles, i));

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

  n = trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY);
  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *comp = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, i);

      for (guint k = 0; k < roles->len; k++)
        if (linked (self, comp, g_ptr_array_index (roles, k), STAGE_COMPETENCIES))
          g_hash_table_add (keep, comp);
    }

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

  return keep;
}

/* Every node, in document order within its stage; for a person, each
 * competency carries the person's gap. */
static GArray *
collect_nodes (TrellisSightMap *self,
               GPtrArray       *roles,
               TrellisEntity   *person)
{
  static const TrellisKind kinds[] = {
    TRELLIS_KIND_VALUE, TRELLIS_KIND_RESULT, TRELLIS_KIND_RESPONSIBILITY, TRELLIS_KIND_COMPETENCY,
  };
  TrellisMap *map = (TrellisMap *) self;
  TrellisAnalysis *a = map->analysis;
  gboolean narrowed = map->options->role != NULL || person != NULL;
  gint person_index = person != NULL ? trellis_analysis_get_index (a, person) : -1;
  g_autoptr(GHashTable) keep = narrowed ? walk_back (self, roles) : NULL;
  GArray *pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  Pending p = { 0 };

  p.entity = NULL;
  p.stage = STAGE_MISSION;
  g_array_append_val (pending, p);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint n = trellis_document_get_n_items (map->document, kinds[k]);

      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *e = trellis_document_get_item (map->document, kinds[k], i);

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

  return pending;
}

/* Orders each column by the mean position of its links on the left. */
static void
order_columns (TrellisSightMap *self,
               GArray          *pending)
{
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
}

/* Places the nodes: columns side by side, each centred vertically, the
 * mission three boxes tall. */
static void
place_nodes (TrellisSightMap *self,
             GArray          *pending,
             double           node_w,
             double           node_h,
             double           column_gap,
             double           vgap)
{
  TrellisMap *map = (TrellisMap *) self;
  TrellisOrganisation *org = trellis_document_get_organisation (map->document);
  double column_height[N_STAGES] = { 0 };
  double tallest = 0;
  double y[N_STAGES];

  for (guint i = 0; i < pending->len; i++)
    column_height[g_array_index (pending, Pending, i).stage] += node_h + vgap;
  for (guint s = 0; s < self->n_stages; s++)
    {
      if (s == STAGE_MISSION)
        column_height[s] = node_h * 3 + vgap;
      tallest = MAX (tallest, column_height[s]);
    }
  for (guint s = 0; s < self->n_stages; s++)
    y[s] = (tallest - column_height[s]) / 2;

  trellis_axis_begin_group (&map->columns, NULL, NULL);
  for (guint s = 0; s < self->n_stages; s++)
    trellis_axis_add_item (&map->columns, TRELLIS_ITEM_STAGE, s, NULL, _(stage_titles[s]));
  trellis_axis_end_group (&map->columns);

  for (guint s = 0; s < self->n_stages; s++)
    {
      TrellisItem *item = trellis_axis_get_item (&map->columns, s);

      item->pos = s * (node_w + column_gap);
      item->size = node_w;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *p = &g_array_index (pending, Pending, i);
      SightNode node = { 0 };

      node.stage = p->stage;
      node.entity = p->entity;
      node.gap = p->gap;
      node.has_gap = p->has_gap;
      node.width = node_w;
      if (p->stage == STAGE_MISSION)
        {
          const char *mission = org != NULL ? trellis_entity_get_text (TRELLIS_ENTITY (org), TRELLIS_TEXT_MISSION, 0,
                                                                       map->options->content_language) : NULL;
          const char *name = org != NULL ? trellis_map_get_name (map, TRELLIS_ENTITY (org)) : NULL;

          node.label = g_strdup (mission != NULL && mission[0] != '\0' ? mission :
                                 name != NULL && name[0] != '\0' ? name : _("Mission"));
          node.height = node_h * 3;
        }
      else
        {
          node.label = trellis_map_dup_label (map, p->entity);
          node.height = node_h;
        }
      node.x = p->stage * (node_w + column_gap);  /* mirrored below for right to left */
      node.y = y[p->stage];
      y[p->stage] += node.height + vgap;
      g_array_append_val (self->nodes, node);
    }

  map->content_width = self->n_stages * node_w + (self->n_stages - 1) * column_gap;
  map->content_height = tallest;
  map->columns.extent = map->content_width;
}

/* Labels longer than their box are listed in full under the picture. */
static void
note_shortened (TrellisSightMap *self,
                double           node_w,
                double           node_h)
{
  TrellisMap *map = (TrellisMap *) self;
  double zoom = map->options->zoom;
  g_autoptr(PangoLayout) measure = trellis_style_new_text (map->style, map->style->header_font, "");

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SightNode *node = node_at (self, i);
      double text_w = node_w - 15 * zoom - (node->has_gap ? node_h - 2 * zoom : 0);
      int w;

      pango_layout_set_text (measure, node->label, -1);
      pango_layout_get_pixel_size (measure, &w, NULL);
      if (w > text_w * (node->stage == STAGE_MISSION ? 3 : 1))
        trellis_legend_note_shortened (map->legend, node->label);
    }
}

static void
link_nodes (TrellisSightMap *self)
{
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SightNode *left = node_at (self, i);

      for (guint k = 0; k < self->nodes->len; k++)
        {
          const SightNode *right = node_at (self, k);
          SightLink link = { i, k };

          if (right->stage == left->stage + 1 && linked (self, left->entity, right->entity, left->stage))
            g_array_append_val (self->links, link);
        }
    }

  /* Competencies no shown responsibility needs: straight to their values. */
  for (guint k = 0; k < self->nodes->len; k++)
    {
      const SightNode *comp = node_at (self, k);
      gboolean fed = FALSE;

      if (comp->stage != STAGE_COMPETENCIES)
        continue;
      for (guint l = 0; l < self->links->len && !fed; l++)
        fed = g_array_index (self->links, SightLink, l).to == k;
      if (fed)
        continue;

      for (guint i = 0; i < self->nodes->len; i++)
        {
          const SightNode *value = node_at (self, i);
          SightLink link = { i, k };

          if (value->stage == STAGE_VALUES &&
              strv_has (trellis_entity_get_strv (comp->entity, TRELLIS_FIELD_VALUES), trellis_entity_get_id (value->entity)))
            g_array_append_val (self->links, link);
        }
    }
}

static gboolean
trellis_sight_map_build (TrellisMap  *map,
                         GError     **error)
{
  TrellisSightMap *self = (TrellisSightMap *) map;
  const TrellisRenderOptions *o = map->options;
  TrellisEntity *person = o->person != NULL ? trellis_document_lookup (map->document, o->person) : NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GArray) pending = NULL;
  double zoom = o->zoom;
  double node_w = 180 * zoom;
  double node_h;

  self->n_stages = person != NULL ? N_STAGES : STAGE_PEOPLE;
  map->cell_height = ceil (MAX (map->style->text_height * 1.55, 14 * zoom));
  map->cell_width = node_w;
  node_h = map->cell_height + 6 * zoom;

  roles = roles_in_view (self, person);
  pending = collect_nodes (self, roles, person);
  order_columns (self, pending);
  place_nodes (self, pending, node_w, node_h, 72 * zoom, 8 * zoom);
  note_shortened (self, node_w, node_h);

  if (o->rtl)
    {
      for (guint i = 0; i < self->nodes->len; i++)
        {
          SightNode *node = node_at (self, i);

          node->x = map->content_width - node->x - node->width;
        }
    }

  link_nodes (self);

  /* Rows for the table twin: one per node, grouped by column. */
  for (guint s = 0; s < self->n_stages; s++)
    {
      trellis_axis_begin_group (&map->rows, NULL, _(stage_titles[s]));
      for (guint i = 0; i < self->nodes->len; i++)
        {
          const SightNode *node = node_at (self, i);

          if (node->stage == s)
            {
              TrellisItem *item = trellis_axis_add_item (&map->rows, TRELLIS_ITEM_NODE, i, node->entity, node->label);

              item->size = node->height;
              item->pos = node->y;
            }
        }
      trellis_axis_end_group (&map->rows);
    }

  return TRUE;
}

/* The nodes were placed as they were made. */
static void
trellis_sight_map_place (TrellisMap *map)
{
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

/* Links under the nodes; solid first, then the dashed ones. */
static void
paint_links (TrellisSightMap   *self,
             cairo_t           *cr,
             const TrellisRect *clip)
{
  TrellisMap *map = (TrellisMap *) self;
  const TrellisThemeColors *c = map->colors;
  double zoom = map->options->zoom;
  double dashes[] = { 4 * zoom, 3 * zoom };

  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < self->links->len; i++)
        {
          const SightLink *link = &g_array_index (self->links, SightLink, i);
          const SightNode *a = node_at (self, link->from);
          const SightNode *b = node_at (self, link->to);
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
}

/* A box with its stage's colour down the leading side, its label, and
 * for a person the gap beside it. */
static void
paint_node (TrellisSightMap *self,
            cairo_t         *cr,
            SightNode       *node)
{
  TrellisMap *map = (TrellisMap *) self;
  const TrellisThemeColors *c = map->colors;
  double zoom = map->options->zoom;
  gboolean rtl = map->options->rtl;
  const TrellisRgba *stage = trellis_palette_stage_color (node->stage);
  TrellisRect rect = TRELLIS_RECT_INIT (node->x, node->y, node->width, node->height);
  double radius = 4 * zoom;
  double bar = 5 * zoom;
  double chip = node->has_gap ? node->height - 6 * zoom : 0;
  double text_w = node->width - bar - 10 * zoom - (chip > 0 ? chip + 4 * zoom : 0);
  int lw, lh;

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
      node->layout = trellis_style_new_text (map->style, map->style->header_font, node->label);
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
  trellis_text_show_start (map->style, cr, node->layout,
                           rtl ? rect.x + rect.width - bar - 6 * zoom : rect.x + bar + 6 * zoom,
                           rect.y + (rect.height - lh) / 2);

  if (chip > 0)
    {
      const TrellisRgba *fill = trellis_palette_gap_color (node->gap);
      double cx = rtl ? rect.x + 3 * zoom : rect.x + rect.width - chip - 3 * zoom;

      trellis_cairo_set_rgba (cr, fill);
      cairo_rectangle (cr, cx, rect.y + 3 * zoom, chip, chip);
      cairo_fill (cr);
      trellis_draw_text_run (map->style, cr, map->style->number_text[CLAMP (node->gap, -20, 20) + 20],
                             trellis_palette_text_on (map->options->theme, fill),
                             cx + chip / 2, rect.y + 3 * zoom + chip / 2);
    }
}

static guint
trellis_sight_map_paint (TrellisMap        *map,
                         cairo_t           *cr,
                         const TrellisRect *clip,
                         TrellisPageMode    page)
{
  TrellisSightMap *self = (TrellisSightMap *) map;
  double zoom = map->options->zoom;
  guint painted = 0;

  /* No cells to paint the page between: the page goes under it all. */
  if (page != TRELLIS_PAGE_PAINTED)
    {
      trellis_cairo_set_rgba (cr, &map->colors->background);
      cairo_paint (cr);
    }

  paint_links (self, cr, clip);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SightNode *node = node_at (self, i);
      /* The outline reaches past the box. */
      TrellisRect reach = TRELLIS_RECT_INIT (node->x - 2 * zoom, node->y - 2 * zoom,
                                             node->width + 4 * zoom, node->height + 4 * zoom);

      if (!trellis_rect_intersects (&reach, clip))
        continue;
      painted++;
      paint_node (self, cr, node);
    }

  return painted;
}

/* A node's box, in its own stage's column only. */
static gboolean
trellis_sight_map_get_cell_rect (TrellisMap  *map,
                                 guint        row,
                                 guint        column,
                                 TrellisRect *rect)
{
  TrellisSightMap *self = (TrellisSightMap *) map;
  const SightNode *node;

  if (row >= self->nodes->len)
    return FALSE;
  node = node_at (self, row);
  if (node->stage != column)
    return FALSE;

  *rect = TRELLIS_RECT_INIT (node->x, node->y, node->width, node->height);
  return TRUE;
}

static gboolean
trellis_sight_map_cell_at_point (TrellisMap *map,
                                 double      x,
                                 double      y,
                                 guint      *row,
                                 guint      *column)
{
  TrellisSightMap *self = (TrellisSightMap *) map;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const SightNode *node = node_at (self, i);
      TrellisRect rect = TRELLIS_RECT_INIT (node->x, node->y, node->width, node->height);

      if (trellis_rect_contains_point (&rect, x, y))
        {
          *row = i;
          *column = node->stage;
          return TRUE;
        }
    }

  return FALSE;
}

/* The labels of the nodes in stage joined to a node. */
static char *
dup_linked_names (TrellisSightMap *self,
                  guint            node_index,
                  guint            stage)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->links->len; i++)
    {
      const SightLink *link = &g_array_index (self->links, SightLink, i);
      guint other = link->from == node_index ? link->to : link->to == node_index ? link->from : G_MAXUINT;

      if (other != G_MAXUINT && node_at (self, other)->stage == stage)
        g_ptr_array_add (names, node_at (self, other)->label);
    }
  if (names->len == 0)
    return NULL;
  g_ptr_array_add (names, NULL);

  /* Translators: separates names in a list. */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/* A node: its stage and label, what it is joined to in every other
 * stage, and a person's gap. The table twin asks for one column at a
 * time: the node's own column names it; another lists what it is joined
 * to there. */
static char *
trellis_sight_map_describe_cell (TrellisMap *map,
                                 guint       node_index,
                                 guint       stage,
                                 gboolean    tooltip)
{
  TrellisSightMap *self = (TrellisSightMap *) map;
  g_autoptr(GPtrArray) lines = NULL;
  const SightNode *node;

  if (node_index >= self->nodes->len)
    return g_strdup ("");

  node = node_at (self, node_index);

  if (!tooltip && stage < self->n_stages && stage != node->stage)
    {
      char *joined = dup_linked_names (self, node_index, stage);

      return joined != NULL ? joined : g_strdup ("");
    }

  lines = g_ptr_array_new_with_free_func (g_free);
  /* Translators: a column of the line of sight and an element in it. */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), _(stage_titles[node->stage]), node->label));

  for (guint s = 0; s < self->n_stages; s++)
    {
      g_autofree char *joined = NULL;

      if (s == node->stage)
        continue;

      joined = dup_linked_names (self, node_index, s);
      if (joined != NULL)
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

static char *
trellis_sight_map_dup_cell_text (TrellisMap *map,
                                 guint       row,
                                 guint       column)
{
  return trellis_sight_map_describe_cell (map, row, column, FALSE);
}

static void
trellis_sight_map_add_legend (TrellisMap *map)
{
  static const char * const stages[] = {
    N_("Mission"), N_("Values"), N_("Results"), N_("Responsibilities"),
    N_("Competencies"), N_("Roles"), N_("People"),
  };
  TrellisSightMap *self = (TrellisSightMap *) map;

  trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_HEADING, NULL, NULL,
                      _("Line of sight: follow the lines to see why each part is there"));
  for (guint i = 0; i < self->n_stages && i < G_N_ELEMENTS (stages); i++)
    trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_STAGE, trellis_palette_stage_color (i), NULL, _(stages[i]));
  if (map->options->person != NULL)
    trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_FILL, trellis_palette_gap_color (1), "1",
                        _("the person's gap on a competency"));
}

/* Each node's label, on its box. */
static void
trellis_sight_map_add_labels (TrellisMap        *map,
                              const TrellisRect *row_headers,
                              const TrellisRect *cells,
                              double             size,
                              TrellisLabelFunc   func,
                              gpointer           user_data)
{
  TrellisSightMap *self = (TrellisSightMap *) map;

  for (guint i = 0; i < map->rows.items->len; i++)
    {
      const SightNode *node = node_at (self, trellis_axis_get_item (&map->rows, i)->index);

      func (cells->x + node->x + 4, cells->y + node->y + node->height / 2, node->label, user_data);
    }
}

static void
sight_node_clear (gpointer data)
{
  SightNode *node = data;

  g_free (node->label);
  g_clear_object (&node->layout);
}

static void
trellis_sight_map_finalize (GObject *object)
{
  TrellisSightMap *self = (TrellisSightMap *) object;

  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (trellis_sight_map_parent_class)->finalize (object);
}

static void
trellis_sight_map_class_init (TrellisSightMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);

  object_class->finalize = trellis_sight_map_finalize;

  map_class->name = "sight";
  map_class->title = N_("Line of sight");
  map_class->flags = TRELLIS_MAP_NO_ROW_HEADERS;
  map_class->build = trellis_sight_map_build;
  map_class->place = trellis_sight_map_place;
  map_class->add_legend = trellis_sight_map_add_legend;
  map_class->paint = trellis_sight_map_paint;
  map_class->get_cell_rect = trellis_sight_map_get_cell_rect;
  map_class->cell_at_point = trellis_sight_map_cell_at_point;
  map_class->dup_cell_text = trellis_sight_map_dup_cell_text;
  map_class->describe_cell = trellis_sight_map_describe_cell;
  map_class->add_labels = trellis_sight_map_add_labels;
}

static void
trellis_sight_map_init (TrellisSightMap *self)
{
  self->nodes = g_array_new (FALSE, TRUE, sizeof (SightNode));
  g_array_set_clear_func (self->nodes, sight_node_clear);
  self->links = g_array_new (FALSE, FALSE, sizeof (SightLink));
}

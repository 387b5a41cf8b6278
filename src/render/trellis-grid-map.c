/* trellis-grid-map.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-grid-map"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-cell-batch-private.h"
#include "trellis-draw-private.h"
#include "trellis-grid-map-private.h"

/* What every grid view shares: cells the size of what they print, rows
 * and columns placed one cell apart in groups, hit tests, painting the
 * cells in view, and the words around a cell. A grid view says only
 * which rows and columns it has (build_axes), what a cell holds
 * (compute_cell), what that means (describe_cell) and its legend.
 *
 * Painting reads the cells and draws; it never looks at a cell outside
 * the clip. */

G_DEFINE_ABSTRACT_TYPE (TrellisGridMap, trellis_grid_map, TRELLIS_TYPE_MAP)

/* Room around a cell's text. */
double
trellis_grid_map_get_air (TrellisGridMap *self)
{
  TrellisMap *map = (TrellisMap *) self;

  return 3.5 * map->options->zoom + map->colors->cell_gap * map->options->zoom;
}

/**
 * trellis_grid_map_add_grouped:
 * @self: a grid map
 * @axis: its rows or columns
 * @kind: the kind of entity to add
 * @item_kind: what the items stand for
 * @group_kind: the kind of entity that groups them: a competency's
 *   first value, a responsibility's result
 * @keep: (nullable): which to add, by analysis index; %NULL for all
 * @ungrouped: the name of the group of those in none
 *
 * Adds entities grouped by what they refer to, in document order.
 */
void
trellis_grid_map_add_grouped (TrellisGridMap  *self,
                              TrellisAxis     *axis,
                              TrellisKind      kind,
                              TrellisItemKind  item_kind,
                              TrellisKind      group_kind,
                              const gboolean  *keep,
                              const char      *ungrouped)
{
  TrellisDocument *document = ((TrellisMap *) self)->document;
  guint n_groups = trellis_document_get_n_items (document, group_kind);
  guint n = self->roster.n_at[kind];
  g_autofree gboolean *placed = g_new0 (gboolean, MAX (n, 1));
  g_autofree const char **first = g_new0 (const char *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = trellis_roster_entity (&self->roster, kind, i);
      TrellisEntity *g;
      const char *id = NULL;

      if (e == NULL)
        continue;

      if (group_kind == TRELLIS_KIND_VALUE)
        {
          const char **values = trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES);
          id = values != NULL ? values[0] : NULL;
        }
      else
        id = trellis_entity_get_string (e, TRELLIS_FIELD_RESULT);

      g = id != NULL ? trellis_document_lookup (document, id) : NULL;
      first[i] = g != NULL && trellis_entity_get_kind (g) == group_kind ? trellis_entity_get_id (g) : NULL;
    }

  for (guint v = 0; v <= n_groups; v++)
    {
      TrellisEntity *group = v < n_groups ? trellis_document_get_item (document, group_kind, v) : NULL;
      const char *group_id = group != NULL ? trellis_entity_get_id (group) : NULL;

      trellis_axis_begin_group (axis, group, group != NULL ? trellis_map_get_name ((TrellisMap *) self, group) : ungrouped);
      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *e = trellis_roster_entity (&self->roster, kind, i);

          if (e == NULL || placed[i] || (keep != NULL && !keep[i]))
            continue;
          if (g_strcmp0 (first[i], group_id) != 0)
            continue;

          placed[i] = TRUE;
          trellis_axis_add_item (axis, item_kind, i, e, NULL);
        }
      trellis_axis_end_group (axis);
    }
}

/* Whether any of roles requires a competency. */
gboolean
trellis_grid_map_required_by (TrellisGridMap *self,
                              GArray         *roles,
                              guint           competency)
{
  for (guint i = 0; i < roles->len; i++)
    {
      if (trellis_analysis_get_role_required (((TrellisMap *) self)->analysis, g_array_index (roles, guint, i),
                                              competency) != TRELLIS_LEVEL_NONE)
        return TRUE;
    }

  return FALSE;
}

/* Requirements and any view without wider texts: room for "10". */
static double
trellis_grid_map_real_measure_cell (TrellisGridMap *self)
{
  TrellisMap *map = (TrellisMap *) self;

  return ceil (MAX (trellis_style_text_width (map->style, "10") + trellis_grid_map_get_air (self),
                    map->cell_height * 1.2));
}

/* Widens the columns, up to half again, where that lets a group's name
 * lie above its columns instead of standing up in a tall band. */
static void
fit_group_names (TrellisGridMap *self)
{
  TrellisMap *map = (TrellisMap *) self;
  g_autoptr(PangoLayout) layout = trellis_style_new_text (map->style, map->style->group_font, "");
  double limit = map->cell_width * 1.5;
  double wanted = map->cell_width;

  for (guint g = 0; g < map->columns.groups->len; g++)
    {
      const TrellisGroup *group = trellis_axis_get_group (&map->columns, g);
      int w;

      if (group->label == NULL || group->n == 0)
        continue;
      pango_layout_set_text (layout, group->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      wanted = MAX (wanted, (w + 10 * map->options->zoom) / group->n);
    }

  if (wanted <= limit)
    map->cell_width = ceil (wanted);
}

static gboolean
trellis_grid_map_build (TrellisMap  *map,
                        GError     **error)
{
  TrellisGridMap *self = (TrellisGridMap *) map;
  TrellisGridMapClass *klass = TRELLIS_GRID_MAP_GET_CLASS (self);

  trellis_roster_init (&self->roster, map->analysis, map->options);

  map->cell_height = ceil (MAX (map->style->text_height * 1.4, 14 * map->options->zoom));
  map->cell_width = klass->measure_cell (self);

  if (!klass->build_axes (self, error))
    return FALSE;

  if (klass->fit_group_names)
    fit_group_names (self);

  return TRUE;
}

static void
trellis_grid_map_place (TrellisMap *map)
{
  trellis_axis_place (&map->rows, map->cell_height, map->group_gap);
  trellis_axis_place (&map->columns, map->cell_width, map->group_gap);
  map->content_width = map->columns.extent;
  map->content_height = map->rows.extent;
}

/**
 * trellis_grid_map_compute_cell:
 * @self: a grid map
 * @row: a row
 * @column: a column
 * @info: (out caller-allocates): what the cell holds
 * @paint: (out caller-allocates) (optional): how it is painted
 *
 * What a cell holds and how it is painted, as the view says; without the
 * numbers in the cells, with no text.
 */
void
trellis_grid_map_compute_cell (TrellisGridMap   *self,
                               guint             row,
                               guint             column,
                               TrellisCellInfo  *info,
                               TrellisCellPaint *paint)
{
  memset (info, 0, sizeof *info);
  info->required = TRELLIS_LEVEL_NONE;
  info->assessed = TRELLIS_LEVEL_NONE;
  for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
    info->perspectives[k] = TRELLIS_LEVEL_NONE;

  TRELLIS_GRID_MAP_GET_CLASS (self)->compute_cell (self, row, column, info, paint);

  if (paint != NULL && !((TrellisMap *) self)->options->cell_text)
    memset (paint->text, 0, sizeof paint->text);
}

/* Computes every cell once: texts that vary from cell to cell ("2/3",
 * "RA5") are learned, and what a view reads lazily is read, so that
 * painting only reads. */
void
trellis_grid_map_compute_all (TrellisGridMap *self)
{
  TrellisMap *map = (TrellisMap *) self;

  for (guint r = 0; r < map->rows.items->len; r++)
    for (guint c = 0; c < map->columns.items->len; c++)
      {
        TrellisCellInfo info;
        TrellisCellPaint paint = { 0 };

        trellis_grid_map_compute_cell (self, r, c, &info, &paint);
      }
}

void
trellis_grid_map_fill (TrellisGridMap    *self,
                       TrellisCellPaint  *paint,
                       const TrellisRgba *fill)
{
  if (paint == NULL)
    return;

  paint->fill = fill;
  paint->text_color = trellis_palette_text_on (((TrellisMap *) self)->options->theme, fill);
}

/**
 * trellis_grid_map_fill_gap:
 * @self: a grid map
 * @paint: (nullable): how the cell is painted
 * @value: a value on the gap palette: a gap, or a change with its sign
 *   turned (growth on the "above" side)
 *
 * Fills a cell from the gap palette and marks which side of zero it is
 * on, so that the two sides differ in grey too (printed in black and
 * white, −1 and +1 are the same grey): in the bottom left corner a
 * triangle pointing down on the "short" side, pointing up on "above".
 */
void
trellis_grid_map_fill_gap (TrellisGridMap   *self,
                           TrellisCellPaint *paint,
                           double            value)
{
  if (paint == NULL)
    return;

  trellis_grid_map_fill (self, paint, trellis_palette_gap_color (value));
  paint->marks |= trellis_draw_gap_marks (value);
}

/* Not required: the quiet tone, nothing to say. */
void
trellis_grid_map_not_required (TrellisGridMap   *self,
                               TrellisCellInfo  *info,
                               TrellisCellPaint *paint)
{
  info->content = TRELLIS_CONTENT_EMPTY;
  if (paint != NULL)
    {
      paint->fill = &((TrellisMap *) self)->colors->not_required;
      paint->text_color = &((TrellisMap *) self)->colors->muted;
    }
}

/* Required but not assessed: hatched, never a number. */
void
trellis_grid_map_hatched (TrellisGridMap   *self,
                          TrellisCellInfo  *info,
                          TrellisCellPaint *paint)
{
  info->content = TRELLIS_CONTENT_NOT_ASSESSED;
  if (paint != NULL)
    {
      paint->pattern = TRELLIS_PATTERN_HATCH;
      paint->fill = &((TrellisMap *) self)->colors->hatch_background;
    }
}

/* A total withheld from the audience. */
void
trellis_grid_map_suppressed (TrellisGridMap   *self,
                             TrellisCellInfo  *info,
                             TrellisCellPaint *paint)
{
  /* Nothing of what is withheld goes out, not even as a fact. */
  info->content = TRELLIS_CONTENT_SUPPRESSED;
  info->value = 0;
  info->count = 0;
  info->total = 0;
  info->flags = 0;
  if (paint != NULL)
    {
      paint->pattern = TRELLIS_PATTERN_SUPPRESSED;
      paint->fill = &((TrellisMap *) self)->colors->suppressed;
    }
}

/* The page between the cells, as stripes along the gaps: far less to
 * fill than the whole clip when the cells cover most of it. */
static void
paint_page_stripes (TrellisGridMap    *self,
                    cairo_t           *cr,
                    const TrellisRect *clip,
                    guint              r0,
                    guint              r1,
                    guint              c0,
                    guint              c1)
{
  TrellisMap *map = (TrellisMap *) self;
  double gap = map->colors->cell_gap * map->options->zoom;
  double bottom = clip->y + clip->height;
  double cw = map->content_width;
  double first;

  trellis_cairo_set_rgba (cr, &map->colors->background);

  /* Above the first row, and under each row down to the next. */
  if (trellis_axis_get_item (&map->rows, r0)->pos > clip->y)
    cairo_rectangle (cr, clip->x, clip->y, clip->width, trellis_axis_get_item (&map->rows, r0)->pos - clip->y);
  for (guint r = r0; r < r1; r++)
    {
      const TrellisItem *item = trellis_axis_get_item (&map->rows, r);
      double from = item->pos + item->size - gap;
      double to = r + 1 < map->rows.items->len ? trellis_axis_get_item (&map->rows, r + 1)->pos : MAX (bottom, from);

      cairo_rectangle (cr, clip->x, from, clip->width, MIN (to, bottom) - from);
    }

  /* Beside each column, towards the next; columns run right to left when
   * mirrored. */
  for (guint c = c0; c < c1; c++)
    {
      const TrellisItem *item = trellis_axis_get_item (&map->columns, c);
      double from = item->pos + item->size - gap;
      double to = c + 1 < map->columns.items->len ? trellis_axis_get_item (&map->columns, c + 1)->pos : cw + clip->width;

      if (map->options->rtl)
        cairo_rectangle (cr, cw - to, clip->y, to - from, clip->height);
      else
        cairo_rectangle (cr, from, clip->y, to - from, clip->height);
    }
  first = trellis_axis_get_item (&map->columns, c0)->pos;
  if (map->options->rtl)
    cairo_rectangle (cr, cw - first, clip->y, first + clip->width, clip->height);
  else
    cairo_rectangle (cr, clip->x, clip->y, first - clip->x, clip->height);

  cairo_fill (cr);
}

/* Where the grid has its own colour (high contrast), it shows as the
 * block behind each group's cells. */
static void
paint_group_blocks (TrellisGridMap *self,
                    cairo_t        *cr,
                    guint           r0,
                    guint           r1,
                    guint           c0,
                    guint           c1)
{
  TrellisMap *map = (TrellisMap *) self;
  double gap = map->colors->cell_gap * map->options->zoom;

  trellis_cairo_set_rgba (cr, &map->colors->grid);
  for (guint rg = trellis_axis_get_item (&map->rows, r0)->group; rg <= trellis_axis_get_item (&map->rows, r1 - 1)->group; rg++)
    {
      const TrellisGroup *grow = trellis_axis_get_group (&map->rows, rg);

      for (guint cg = trellis_axis_get_item (&map->columns, c0)->group;
           cg <= trellis_axis_get_item (&map->columns, c1 - 1)->group; cg++)
        {
          const TrellisGroup *gcol = trellis_axis_get_group (&map->columns, cg);
          double x = map->options->rtl ? map->content_width - gcol->pos - gcol->size : gcol->pos;

          cairo_rectangle (cr, x - gap, grow->pos - gap, gcol->size + gap, grow->size + gap);
        }
    }
  cairo_fill (cr);
}

/* Gathers one cell into the batches. */
static inline void
batch_cell (TrellisGridMap   *self,
            TrellisCellBatch *b,
            guint             r,
            guint             c)
{
  TrellisMap *map = (TrellisMap *) self;
  const TrellisThemeColors *colors = map->colors;
  gboolean rtl = map->options->rtl;
  double gap = colors->cell_gap * map->options->zoom;
  const TrellisItem *ri = trellis_axis_get_item (&map->rows, r);
  const TrellisItem *ci = trellis_axis_get_item (&map->columns, c);
  TrellisCellInfo info;
  TrellisCellPaint paint;
  TrellisRect rect;

  memset (&paint, 0, sizeof paint);
  trellis_grid_map_compute_cell (self, r, c, &info, &paint);

  rect.x = rtl ? map->content_width - ci->pos - ci->size + gap : ci->pos;
  rect.y = ri->pos;
  rect.width = ci->size - gap;
  rect.height = ri->size - gap;

  if (paint.fill == NULL)
    paint.fill = &colors->background;
  if (paint.text_color == NULL)
    paint.text_color = &colors->foreground;

  trellis_cell_batch_fill (b, paint.fill, &rect);
  if (paint.pattern == TRELLIS_PATTERN_HATCH)
    trellis_cell_batch_hatch (b, &rect);
  else if (paint.pattern == TRELLIS_PATTERN_SUPPRESSED)
    trellis_cell_batch_suppressed (b, &rect);

  if (paint.n_parts == 0)
    {
      if (paint.text[0] != TRELLIS_NO_TEXT)
        trellis_cell_batch_text (b, paint.text[0], paint.text_color,
                                 rect.x + rect.width / 2, rect.y + rect.height / 2,
                                 rect.width - 2, rect.height);
    }
  else
    {
      double pw = rect.width / paint.n_parts;

      for (guint k = 0; k < paint.n_parts; k++)
        {
          guint kk = rtl ? paint.n_parts - 1 - k : k;
          TrellisRect part = TRELLIS_RECT_INIT (rect.x + kk * pw, rect.y, pw, rect.height);

          /* A part with nothing to show: a quiet dash. */
          if (paint.part_missing & (1 << k))
            trellis_cell_batch_suppressed (b, &part);
          else if (paint.text[k] != TRELLIS_NO_TEXT)
            trellis_cell_batch_text (b, paint.text[k], paint.text_color,
                                     part.x + part.width / 2, part.y + part.height / 2,
                                     part.width, part.height);
        }
    }

  for (guint m = TRELLIS_CELL_MARK_WANT; m <= TRELLIS_CELL_MARK_LAST; m <<= 1)
    {
      if (paint.marks & m)
        trellis_cell_batch_mark (b, paint.text_color, m, &rect);
    }
}

static guint
trellis_grid_map_paint (TrellisMap        *map,
                        cairo_t           *cr,
                        const TrellisRect *clip,
                        TrellisPageMode    page)
{
  TrellisGridMap *self = (TrellisGridMap *) map;
  TrellisGridMapClass *klass = TRELLIS_GRID_MAP_GET_CLASS (self);
  const TrellisThemeColors *colors = map->colors;
  gboolean grid_shows = memcmp (&colors->grid, &colors->background, sizeof (TrellisRgba)) != 0;
  guint n_rows = map->rows.items->len;
  guint n_columns = map->columns.items->len;
  guint r0, r1, c0, c1;
  TrellisCellBatch b;

  /* Stripes only work where the grid is the page's colour. */
  if (page == TRELLIS_PAGE_STRIPES && grid_shows)
    page = TRELLIS_PAGE_CLEAR;
  if (page == TRELLIS_PAGE_CLEAR)
    {
      trellis_cairo_set_rgba (cr, &colors->background);
      cairo_paint (cr);
    }

  trellis_axis_visible (&map->rows, clip->y, clip->height, FALSE, &r0, &r1);
  trellis_axis_visible (&map->columns, clip->x, clip->width, map->options->rtl, &c0, &c1);

  if (r0 >= r1 || c0 >= c1)
    {
      if (page == TRELLIS_PAGE_STRIPES)
        {
          trellis_cairo_set_rgba (cr, &colors->background);
          cairo_paint (cr);
        }
      return 0;
    }

  if (page == TRELLIS_PAGE_STRIPES)
    paint_page_stripes (self, cr, clip, r0, r1, c0, c1);
  if (grid_shows)
    paint_group_blocks (self, cr, r0, r1, c0, c1);

  trellis_cell_batch_init (&b, map->style);
  for (guint r = r0; r < r1; r++)
    for (guint c = c0; c < c1; c++)
      batch_cell (self, &b, r, c);
  trellis_cell_batch_paint (&b, cr);
  trellis_cell_batch_clear (&b);

  /* Lines over the cells may be wider than the gap between cells: those
   * of the cells just outside the clip reach into it. */
  if (klass->paint_over != NULL)
    klass->paint_over (self, cr, r0 > 0 ? r0 - 1 : 0, MIN (r1 + 1, n_rows),
                       c0 > 0 ? c0 - 1 : 0, MIN (c1 + 1, n_columns));

  return (r1 - r0) * (c1 - c0);
}

static gboolean
trellis_grid_map_get_cell_rect (TrellisMap  *map,
                                guint        row,
                                guint        column,
                                TrellisRect *rect)
{
  const TrellisItem *r, *c;

  if (row >= map->rows.items->len || column >= map->columns.items->len)
    return FALSE;

  r = trellis_axis_get_item (&map->rows, row);
  c = trellis_axis_get_item (&map->columns, column);
  *rect = TRELLIS_RECT_INIT (trellis_axis_item_start (&map->columns, c, map->options->rtl), r->pos, c->size, r->size);

  return TRUE;
}

static gboolean
trellis_grid_map_cell_at_point (TrellisMap *map,
                                double      x,
                                double      y,
                                guint      *row,
                                guint      *column)
{
  return trellis_axis_find (&map->rows, y, FALSE, row) &&
         trellis_axis_find (&map->columns, x, map->options->rtl, column);
}

static void
trellis_grid_map_get_cell_info (TrellisMap      *map,
                                guint            row,
                                guint            column,
                                TrellisCellInfo *info)
{
  g_return_if_fail (row < map->rows.items->len && column < map->columns.items->len);

  trellis_grid_map_compute_cell ((TrellisGridMap *) map, row, column, info, NULL);
}

static char *
trellis_grid_map_dup_cell_text (TrellisMap *map,
                                guint       row,
                                guint       column)
{
  TrellisCellInfo info;
  TrellisCellPaint paint = { 0 };
  GString *s;

  g_return_val_if_fail (row < map->rows.items->len && column < map->columns.items->len, NULL);

  trellis_grid_map_compute_cell ((TrellisGridMap *) map, row, column, &info, &paint);

  switch (info.content)
    {
    case TRELLIS_CONTENT_NOT_ASSESSED:
      return g_strdup (C_("cell", "not assessed"));
    case TRELLIS_CONTENT_SUPPRESSED:
      return g_strdup (C_("cell", "hidden"));
    case TRELLIS_CONTENT_NEW:
      return g_strdup (C_("cell", "new"));
    case TRELLIS_CONTENT_PERSPECTIVES:
      s = g_string_new (NULL);
      for (guint k = 0; k < TRELLIS_N_SOURCES; k++)
        {
          if (info.perspectives[k] == TRELLIS_LEVEL_NONE)
            continue;
          if (s->len > 0)
            g_string_append (s, " ");
          /* Translators: a perspective and its level, e.g. "Self 3". */
          g_string_append_printf (s, C_("perspective", "%s %d"),
                                  trellis_source_get_label (k), info.perspectives[k]);
        }
      return g_string_free (s, FALSE);
    case TRELLIS_CONTENT_EMPTY:
    case TRELLIS_CONTENT_VALUE:
    case TRELLIS_CONTENT_ASSIGNMENT:
    default:
      {
        const char *text = trellis_style_get_text (map->style, paint.text[0]);

        return g_strdup (text != NULL ? text : "");
      }
    }
}

void
trellis_grid_map_add_line (GPtrArray *lines,
                           char      *line)
{
  g_ptr_array_add (lines, line);
}

/* A level and its name, e.g. "3 (Proficient)". */
char *
trellis_grid_map_level_phrase (TrellisGridMap *self,
                               gint            level)
{
  const char *name = trellis_map_get_level_name ((TrellisMap *) self, level);

  if (name != NULL && name[0] != '\0')
    /* Translators: a level and its name, e.g. "3 (Proficient)". */
    return g_strdup_printf (_("%d (%s)"), level, name);

  return g_strdup_printf ("%d", level);
}

/* The row and column, then what the view says of the cell: one line
 * each in a tooltip, one sentence for screen readers. */
static char *
trellis_grid_map_describe_cell (TrellisMap *map,
                                guint       row,
                                guint       column,
                                gboolean    tooltip)
{
  TrellisGridMap *self = (TrellisGridMap *) map;
  g_autoptr(GPtrArray) lines = NULL;
  const TrellisItem *r, *c;
  TrellisCellInfo info;

  g_return_val_if_fail (row < map->rows.items->len && column < map->columns.items->len, NULL);

  lines = g_ptr_array_new_with_free_func (g_free);
  r = trellis_axis_get_item (&map->rows, row);
  c = trellis_axis_get_item (&map->columns, column);
  trellis_grid_map_compute_cell (self, row, column, &info, NULL);

  /* Translators: a cell's row and column, e.g. "Anna — Active listening". */
  if (r->kind == TRELLIS_ITEM_AGGREGATE_GAP || r->kind == TRELLIS_ITEM_AGGREGATE_MEETING)
    trellis_grid_map_add_line (lines, g_strdup_printf (_("%s — %s"),
                                                       r->entity != NULL ? trellis_map_get_name (map, r->entity) : _("Team"),
                                                       c->label));
  else
    trellis_grid_map_add_line (lines, g_strdup_printf (_("%s — %s"), r->label, c->label));

  TRELLIS_GRID_MAP_GET_CLASS (self)->describe_cell (self, row, column, &info, tooltip, lines);

  g_ptr_array_add (lines, NULL);

  return g_strjoinv (tooltip ? "\n" : "; ", (char **) lines->pdata);
}

/* Group names on their band, then each row's label, in the row headers. */
static void
trellis_grid_map_add_labels (TrellisMap        *map,
                             const TrellisRect *row_headers,
                             const TrellisRect *cells,
                             double             size,
                             TrellisLabelFunc   func,
                             gpointer           user_data)
{
  for (guint g = 0; g < map->rows.groups->len; g++)
    {
      const TrellisGroup *group = trellis_axis_get_group (&map->rows, g);

      if (group->label != NULL)
        func (row_headers->x, row_headers->y + group->pos + size, group->label, user_data);
    }
  for (guint i = 0; i < map->rows.items->len; i++)
    {
      const TrellisItem *item = trellis_axis_get_item (&map->rows, i);

      func (row_headers->x + map->rows.band, row_headers->y + item->pos + item->size / 2 + size / 3,
            item->label, user_data);
    }
}

/* Where the audience sees fewer people than the totals count, the legend
 * says what a withheld total looks like. */
void
trellis_grid_map_add_privacy_legend (TrellisGridMap *self)
{
  TrellisMap *map = (TrellisMap *) self;

  if (trellis_audience_is_team (map->options->audience) || self->roster.team_hidden > 0)
    trellis_legend_add (map->legend, map->style, TRELLIS_SWATCH_SUPPRESSED, &map->colors->suppressed, NULL,
                        trellis_roster_withheld_reason (&self->roster, FALSE));
}

static void
trellis_grid_map_finalize (GObject *object)
{
  TrellisGridMap *self = (TrellisGridMap *) object;

  trellis_roster_clear (&self->roster);

  G_OBJECT_CLASS (trellis_grid_map_parent_class)->finalize (object);
}

static void
trellis_grid_map_class_init (TrellisGridMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TrellisMapClass *map_class = TRELLIS_MAP_CLASS (klass);

  object_class->finalize = trellis_grid_map_finalize;

  map_class->build = trellis_grid_map_build;
  map_class->place = trellis_grid_map_place;
  map_class->paint = trellis_grid_map_paint;
  map_class->get_cell_rect = trellis_grid_map_get_cell_rect;
  map_class->cell_at_point = trellis_grid_map_cell_at_point;
  map_class->get_cell_info = trellis_grid_map_get_cell_info;
  map_class->dup_cell_text = trellis_grid_map_dup_cell_text;
  map_class->describe_cell = trellis_grid_map_describe_cell;
  map_class->add_labels = trellis_grid_map_add_labels;

  klass->fit_group_names = TRUE;
  klass->measure_cell = trellis_grid_map_real_measure_cell;
}

static void
trellis_grid_map_init (TrellisGridMap *self)
{
}

/* trellis-layout.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-draw-private.h"
#include "trellis-grid-map-private.h"
#include "trellis-headers-private.h"
#include "trellis-layout-struct-private.h"

/* A layout is everything about a view that does not change from frame to
 * frame: which rows and columns there are, where they are, what each
 * cell holds, the shaped text of headers and cell numbers, the legend
 * and the picture around the map. It is computed once per analysis,
 * options and font; painting then only reads it (and shapes a header
 * the first time it is shown).
 *
 * The view itself is a map (trellis-map-private.h) made from the view
 * registry: the map says what the rows, columns and cells are and paints
 * them; the layout places the map and its headers, title and legend in
 * the picture, and answers for all of it. Its fields are in
 * trellis-layout-struct-private.h; trellis-layout-screen.c arranges it
 * on a screen to fill. */

G_DEFINE_FINAL_TYPE (TrellisLayout, trellis_layout, G_TYPE_OBJECT)

static void
trellis_layout_finalize (GObject *object)
{
  TrellisLayout *self = TRELLIS_LAYOUT (object);

  /* Its Pango objects may share fonts with a layout another thread is
   * making or painting. */
  trellis_text_lock ();
  g_clear_object (&self->map);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  trellis_legend_clear (&self->legend);
  trellis_style_clear (&self->style);
  trellis_text_unlock ();
  g_clear_pointer (&self->options, trellis_render_options_free);
  g_clear_pointer (&self->analysis, trellis_analysis_unref);

  G_OBJECT_CLASS (trellis_layout_parent_class)->finalize (object);
}

static void
trellis_layout_class_init (TrellisLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_layout_finalize;
}

static void
trellis_layout_init (TrellisLayout *self)
{
  trellis_legend_init (&self->legend);
}

static void
make_title (TrellisLayout *self)
{
  const TrellisRenderOptions *o = self->options;
  TrellisOrganisation *org = trellis_document_get_organisation (self->document);
  const char *org_name = org != NULL ? trellis_map_get_name (self->map, TRELLIS_ENTITY (org)) : NULL;
  guint n_not_shown = self->map->n_not_shown;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  char date[11];

  if (o->title != NULL)
    title = g_strdup (o->title);
  else if (org_name != NULL && org_name[0] != '\0')
    /* Translators: the title of a picture: organisation — view. */
    title = g_strdup_printf (_("%s — %s"), org_name, trellis_view_get_title (o->view));
  else
    title = g_strdup (trellis_view_get_title (o->view));

  if (o->role != NULL)
    {
      TrellisEntity *role = trellis_document_lookup (self->document, o->role);
      /* Translators: the subtitle names the role a view is narrowed to. */
      g_ptr_array_add (parts, g_strdup_printf (_("Role: %s"), trellis_map_get_name (self->map, role)));
    }
  if (o->person != NULL)
    {
      TrellisEntity *person = trellis_document_lookup (self->document, o->person);
      /* Translators: the subtitle names the person a view is narrowed to. */
      g_ptr_array_add (parts, g_strdup_printf (_("Person: %s"), trellis_entity_get_name (person)));
    }
  trellis_map_add_subtitle (self->map, parts);
  if (self->latest != 0)
    /* Translators: %s is the ISO date of the newest assessment in the matrix. */
    g_ptr_array_add (parts, g_strdup_printf (_("Assessments up to %s"), trellis_date_format (self->latest, date)));
  else if (TRELLIS_MAP_GET_CLASS (self->map)->flags & TRELLIS_MAP_SHOWS_ASSESSMENTS)
    g_ptr_array_add (parts, g_strdup (_("No assessments yet")));
  if (o->audience == TRELLIS_AUDIENCE_TOTALS)
    g_ptr_array_add (parts, g_strdup (_("Totals only: nobody is shown by name, no group under three")));
  else if (o->audience == TRELLIS_AUDIENCE_WORKSHOP)
    g_ptr_array_add (parts, g_strdup (_("Workshop mode: only people who share with the team, no group under three")));
  /* Totals only show nobody: there is nobody to count. */
  if (n_not_shown > 0 && o->audience == TRELLIS_AUDIENCE_WORKSHOP)
    /* Translators: in a workshop, who shares only with their coach, or
     * with nobody, is left out. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u person does not share their assessments with the team and is not shown",
                                                       "%u people do not share their assessments with the team and are not shown",
                                                       n_not_shown),
                                             n_not_shown));
  else if (n_not_shown > 0 && o->audience == TRELLIS_AUDIENCE_COACH)
    /* Translators: for a coach, who keeps their assessments private is
     * left out. */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u person keeps their assessments private and is not shown",
                                                       "%u people keep their assessments private and are not shown",
                                                       n_not_shown),
                                             n_not_shown));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a subtitle. */
  subtitle = g_strjoinv (_(" · "), (char **) parts->pdata);

  self->title = trellis_style_new_text (&self->style, self->style.title_font, title);
  self->subtitle = trellis_style_new_text (&self->style, self->style.header_font, subtitle);
  pango_layout_set_wrap (self->subtitle, PANGO_WRAP_WORD);
}

/* Puts the title, the headers and cells, and the legend with the lines
 * under it on one page, mirrored right to left. */
static void
compute_picture (TrellisLayout *self)
{
  TrellisMap *map = self->map;
  double zoom = self->options->zoom;
  double margin = 16 * zoom;
  double title_h = 0;
  double map_w = map->rows.header + map->content_width;
  double width;
  double y;
  int tw = 0, th = 0, sw = 0, sh = 0;

  self->margin = margin;

  pango_layout_get_pixel_size (self->title, &tw, &th);
  pango_layout_get_pixel_size (self->subtitle, &sw, &sh);
  title_h = th + (sh > 0 ? 2 * zoom + sh : 0);

  /* The legend wraps at the map's width, but never narrower than a
   * readable line. */
  trellis_legend_place (&self->legend, &self->style, map->cell_height, MAX (map_w, 520 * zoom));
  width = MAX (map_w, MAX (self->legend.width, MAX (tw, sw)));
  trellis_legend_place_lines (&self->legend, &self->style, map->cell_height, MAX (width, 520 * zoom));
  if (self->legend.lines_height > 0)
    width = MAX (width, 520 * zoom);

  /* Layouts align within the picture. */
  pango_layout_set_width (self->title, (int) (width * PANGO_SCALE));
  pango_layout_set_width (self->subtitle, (int) (width * PANGO_SCALE));

  self->area_title = TRELLIS_RECT_INIT (margin, margin, width, title_h);
  y = margin + title_h + 14 * zoom;

  if (!self->options->rtl)
    {
      self->area_rows = TRELLIS_RECT_INIT (margin, y + map->columns.header,
                                           map->rows.header, map->content_height);
      self->area_columns = TRELLIS_RECT_INIT (margin + map->rows.header, y,
                                              map->content_width, map->columns.header);
      self->area_cells = TRELLIS_RECT_INIT (margin + map->rows.header, y + map->columns.header,
                                            map->content_width, map->content_height);
    }
  else
    {
      double right = margin + width;

      self->area_rows = TRELLIS_RECT_INIT (right - map->rows.header, y + map->columns.header,
                                           map->rows.header, map->content_height);
      self->area_columns = TRELLIS_RECT_INIT (right - map_w, y,
                                              map->content_width, map->columns.header);
      self->area_cells = TRELLIS_RECT_INIT (right - map_w, y + map->columns.header,
                                            map->content_width, map->content_height);
    }

  y += map->columns.header + map->content_height + 18 * zoom;
  self->area_legend = TRELLIS_RECT_INIT (margin, y, width,
                                         self->legend.height +
                                         (self->legend.lines_height > 0 ? 14 * zoom + self->legend.lines_height : 0));
  y += self->area_legend.height;

  self->picture_width = ceil (width + 2 * margin);
  self->picture_height = ceil (y + margin);
}

/* A role or person the options narrow the view to must be in the
 * matrix. */
static gboolean
check_filter (TrellisLayout  *self,
              GError        **error)
{
  const TrellisRenderOptions *o = self->options;

  if (o->role != NULL)
    {
      TrellisEntity *role = trellis_document_lookup (self->document, o->role);

      if (role == NULL || !TRELLIS_IS_ROLE (role))
        {
          g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_ROLE,
                       /* Translators: %s is an id given on the command line. */
                       _("The matrix has no role with the id ‘%s’."), o->role);
          return FALSE;
        }
    }

  if (o->person != NULL)
    {
      TrellisEntity *person = trellis_document_lookup (self->document, o->person);

      if (person == NULL || !TRELLIS_IS_PERSON (person))
        {
          g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_UNKNOWN_PERSON,
                       _("The matrix has no person with the id ‘%s’."), o->person);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
trellis_layout_build_parts (TrellisLayout  *self,
                            GError        **error)
{
  TrellisMapClass *klass;

  trellis_style_init (&self->style, self->options);

  self->map = g_object_new (trellis_view_get_map_type (self->options->view), NULL);
  klass = TRELLIS_MAP_GET_CLASS (self->map);
  if (!trellis_map_build (self->map, self->analysis, self->options, &self->style, &self->legend, error))
    return FALSE;
  trellis_map_place (self->map);
  trellis_headers_measure (&self->map->rows, &self->map->columns, &self->style, &self->legend,
                           self->map->cell_width, self->map->cell_height,
                           (klass->flags & TRELLIS_MAP_NO_ROW_HEADERS) == 0);

  make_title (self);
  trellis_map_add_legend (self->map);
  trellis_legend_add_names_in_full (&self->legend, &self->style);

  return TRUE;
}

void
trellis_layout_clear_parts (TrellisLayout *self)
{
  g_clear_object (&self->map);
  g_clear_object (&self->title);
  g_clear_object (&self->subtitle);
  trellis_legend_clear (&self->legend);
  trellis_legend_init (&self->legend);
  trellis_style_clear (&self->style);
}

static TrellisLayout *
layout_build (TrellisAnalysis             *analysis,
              const TrellisRenderOptions  *options,
              GError                     **error)
{
  g_autoptr(TrellisLayout) self = NULL;
  TrellisRenderOptions *o;

  self = g_object_new (TRELLIS_TYPE_LAYOUT, NULL);
  self->analysis = trellis_analysis_ref (analysis);
  self->document = trellis_analysis_get_document (analysis);
  self->options = o = trellis_render_options_copy (options);
  if (!(o->zoom > 0.05 && o->zoom < 40))
    o->zoom = 1.0;
  if (!(o->scale > 0.05 && o->scale < 40))
    o->scale = 1.0;
  if (o->theme >= TRELLIS_N_THEMES)
    o->theme = TRELLIS_THEME_LIGHT;
  if (o->audience >= TRELLIS_N_AUDIENCES)
    o->audience = TRELLIS_AUDIENCE_WORKSHOP;
  if (!(o->fit_width >= 1 && o->fit_height >= 1 && o->fit_width < 100000 && o->fit_height < 100000))
    o->fit_width = o->fit_height = 0;
  self->latest = trellis_analysis_get_latest_date (analysis);

  if (!check_filter (self, error))
    return NULL;

  if (o->fit_width > 0)
    {
      if (!trellis_layout_fit_to_screen (self, error))
        return NULL;
      return g_steal_pointer (&self);
    }

  if (!trellis_layout_build_parts (self, error))
    return NULL;
  compute_picture (self);

  return g_steal_pointer (&self);
}

/**
 * trellis_layout_new:
 * @analysis: the analysis of a document
 * @options: what to draw and how
 * @error: return location for a #TRELLIS_RENDER_ERROR
 *
 * Lays out a view: rows, columns, groups, header sizes, the legend and
 * the picture around the map. Fails when @options name a role or person
 * the document does not have, or a trend has no date to compare with.
 * Who is shown follows @options' audience. With a screen to fill
 * (@options' fit_width and fit_height), the zoom is the largest at which
 * the whole picture fits it (see #TrellisRenderOptions).
 *
 * Any thread may lay out a view, also while others paint layouts.
 *
 * Returns: (transfer full): a new #TrellisLayout, or %NULL
 */
TrellisLayout *
trellis_layout_new (TrellisAnalysis             *analysis,
                    const TrellisRenderOptions  *options,
                    GError                     **error)
{
  TrellisLayout *self;

  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->view < TRELLIS_N_VIEWS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Any thread may lay out while another paints: laying out shapes text
   * with Pango, under the lock that painting takes for Pango too. */
  trellis_text_lock ();
  self = layout_build (analysis, options, error);
  trellis_text_unlock ();

  return self;
}

const TrellisRenderOptions *
trellis_layout_get_options (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return self->options;
}

/**
 * trellis_layout_get_analysis:
 *
 * Returns: (transfer none): the analysis the layout shows
 */
TrellisAnalysis *
trellis_layout_get_analysis (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return self->analysis;
}

/* Geometry */

void
trellis_layout_get_content_size (TrellisLayout *self,
                                 double        *width,
                                 double        *height)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->map->content_width;
  if (height != NULL)
    *height = self->map->content_height;
}

double
trellis_layout_get_row_header_width (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->map->rows.header;
}

double
trellis_layout_get_column_header_height (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->map->columns.header;
}

/**
 * trellis_layout_get_picture_size:
 *
 * The size of the whole picture that trellis_render_cairo() paints:
 * title, headers, cells, legend and findings, with a margin.
 */
void
trellis_layout_get_picture_size (TrellisLayout *self,
                                 double        *width,
                                 double        *height)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->picture_width;
  if (height != NULL)
    *height = self->picture_height;
}

/**
 * trellis_layout_get_areas:
 *
 * Where each part sits in the whole picture, for printing and export.
 * Any argument may be %NULL.
 */
void
trellis_layout_get_areas (TrellisLayout *self,
                          TrellisRect   *title,
                          TrellisRect   *column_headers,
                          TrellisRect   *row_headers,
                          TrellisRect   *cells,
                          TrellisRect   *legend)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (title != NULL)
    *title = self->area_title;
  if (column_headers != NULL)
    *column_headers = self->area_columns;
  if (row_headers != NULL)
    *row_headers = self->area_rows;
  if (cells != NULL)
    *cells = self->area_cells;
  if (legend != NULL)
    *legend = self->area_legend;
}

guint
trellis_layout_get_n_rows (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->map->rows.items->len;
}

guint
trellis_layout_get_n_columns (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->map->columns.items->len;
}

static inline TrellisItem *
row_item (TrellisLayout *self,
          guint          row)
{
  return trellis_axis_get_item (&self->map->rows, row);
}

static inline TrellisItem *
column_item (TrellisLayout *self,
             guint          column)
{
  return trellis_axis_get_item (&self->map->columns, column);
}

gboolean
trellis_layout_get_row_extent (TrellisLayout *self,
                               guint          row,
                               double        *y,
                               double        *height)
{
  const TrellisItem *item;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (row >= self->map->rows.items->len)
    return FALSE;

  item = row_item (self, row);
  if (y != NULL)
    *y = item->pos;
  if (height != NULL)
    *height = item->size;

  return TRUE;
}

gboolean
trellis_layout_get_column_extent (TrellisLayout *self,
                                  guint          column,
                                  double        *x,
                                  double        *width)
{
  const TrellisItem *item;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (column >= self->map->columns.items->len)
    return FALSE;

  item = column_item (self, column);
  if (x != NULL)
    *x = trellis_axis_item_start (&self->map->columns, item, self->options->rtl);
  if (width != NULL)
    *width = item->size;

  return TRUE;
}

/**
 * trellis_layout_get_cell_rect:
 * @self: a #TrellisLayout
 * @row: a row
 * @column: a column
 * @rect: (out caller-allocates): the cell's slot in the cell area,
 *   including the thin gap that shows between cells
 *
 * For the line of sight, @row is a node and @column its stage.
 *
 * Returns: whether the cell exists
 */
gboolean
trellis_layout_get_cell_rect (TrellisLayout *self,
                              guint          row,
                              guint          column,
                              TrellisRect   *rect)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  return trellis_map_get_cell_rect (self->map, row, column, rect);
}

gboolean
trellis_layout_row_at_y (TrellisLayout *self,
                         double         y,
                         guint         *row)
{
  guint r;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (!trellis_axis_find (&self->map->rows, y, FALSE, &r))
    return FALSE;
  if (row != NULL)
    *row = r;

  return TRUE;
}

gboolean
trellis_layout_column_at_x (TrellisLayout *self,
                            double         x,
                            guint         *column)
{
  guint c;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (!trellis_axis_find (&self->map->columns, x, self->options->rtl, &c))
    return FALSE;
  if (column != NULL)
    *column = c;

  return TRUE;
}

/**
 * trellis_layout_cell_at_point:
 * @self: a #TrellisLayout
 * @x: x in the cell area
 * @y: y in the cell area
 * @row: (out) (optional): the row under the point
 * @column: (out) (optional): the column under the point
 *
 * Hit-tests the cell area. For the line of sight, @row is the node under
 * the point and @column its stage.
 *
 * Returns: whether a cell (or node) is under the point
 */
gboolean
trellis_layout_cell_at_point (TrellisLayout *self,
                              double         x,
                              double         y,
                              guint         *row,
                              guint         *column)
{
  guint r, c;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);

  if (!trellis_map_cell_at_point (self->map, x, y, &r, &c))
    return FALSE;

  if (row != NULL)
    *row = r;
  if (column != NULL)
    *column = c;

  return TRUE;
}

/* Rows, columns, groups */

TrellisItemKind
trellis_layout_get_row_kind (TrellisLayout *self,
                             guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), TRELLIS_ITEM_PERSON);
  g_return_val_if_fail (row < self->map->rows.items->len, TRELLIS_ITEM_PERSON);

  return row_item (self, row)->kind;
}

/**
 * trellis_layout_get_row_entity:
 *
 * Returns: (transfer none) (nullable): the person, competency, role or
 *   responsibility of @row; for an aggregate row its role, or %NULL for
 *   the team
 */
TrellisEntity *
trellis_layout_get_row_entity (TrellisLayout *self,
                               guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (row < self->map->rows.items->len, NULL);

  return row_item (self, row)->entity;
}

/**
 * trellis_layout_get_row_label:
 *
 * Returns: the full, never ellipsized label of @row
 */
const char *
trellis_layout_get_row_label (TrellisLayout *self,
                              guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (row < self->map->rows.items->len, NULL);

  return row_item (self, row)->label;
}

guint
trellis_layout_get_row_group (TrellisLayout *self,
                              guint          row)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);
  g_return_val_if_fail (row < self->map->rows.items->len, 0);

  return row_item (self, row)->group;
}

TrellisItemKind
trellis_layout_get_column_kind (TrellisLayout *self,
                                guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), TRELLIS_ITEM_COMPETENCY);
  g_return_val_if_fail (column < self->map->columns.items->len, TRELLIS_ITEM_COMPETENCY);

  return column_item (self, column)->kind;
}

/**
 * trellis_layout_get_column_entity:
 *
 * Returns: (transfer none) (nullable): the entity of @column
 */
TrellisEntity *
trellis_layout_get_column_entity (TrellisLayout *self,
                                  guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (column < self->map->columns.items->len, NULL);

  return column_item (self, column)->entity;
}

const char *
trellis_layout_get_column_label (TrellisLayout *self,
                                 guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (column < self->map->columns.items->len, NULL);

  return column_item (self, column)->label;
}

guint
trellis_layout_get_column_group (TrellisLayout *self,
                                 guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);
  g_return_val_if_fail (column < self->map->columns.items->len, 0);

  return column_item (self, column)->group;
}

guint
trellis_layout_get_n_row_groups (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->map->rows.groups->len;
}

const char *
trellis_layout_get_row_group_label (TrellisLayout *self,
                                    guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->map->rows.groups->len, NULL);

  return trellis_axis_get_group (&self->map->rows, group)->label;
}

/**
 * trellis_layout_get_row_group_entity:
 *
 * Returns: (transfer none) (nullable): the role (or result) a row group
 *   stands for; %NULL for the team and for "no role"
 */
TrellisEntity *
trellis_layout_get_row_group_entity (TrellisLayout *self,
                                     guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->map->rows.groups->len, NULL);

  return trellis_axis_get_group (&self->map->rows, group)->entity;
}

guint
trellis_layout_get_n_column_groups (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->map->columns.groups->len;
}

const char *
trellis_layout_get_column_group_label (TrellisLayout *self,
                                       guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->map->columns.groups->len, NULL);

  return trellis_axis_get_group (&self->map->columns, group)->label;
}

/**
 * trellis_layout_get_column_group_entity:
 *
 * Returns: (transfer none) (nullable): the value a column group stands
 *   for, or %NULL
 */
TrellisEntity *
trellis_layout_get_column_group_entity (TrellisLayout *self,
                                        guint          group)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (group < self->map->columns.groups->len, NULL);

  return trellis_axis_get_group (&self->map->columns, group)->entity;
}

/* Cells */

/**
 * trellis_layout_get_cell_info:
 * @self: a #TrellisLayout
 * @row: a row
 * @column: a column
 * @info: (out caller-allocates): what the cell holds
 *
 * The facts behind a cell, as painted.
 */
void
trellis_layout_get_cell_info (TrellisLayout   *self,
                              guint            row,
                              guint            column,
                              TrellisCellInfo *info)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (info != NULL);

  trellis_map_get_cell_info (self->map, row, column, info);
}

/**
 * trellis_layout_dup_cell_text:
 *
 * Returns: (transfer full): the text printed in the cell, or a short word
 *   for what a pattern means ("not assessed"), for a table twin; empty
 *   when the cell shows nothing
 */
char *
trellis_layout_dup_cell_text (TrellisLayout *self,
                              guint          row,
                              guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return trellis_map_dup_cell_text (self->map, row, column);
}

/**
 * trellis_layout_dup_cell_description:
 *
 * Returns: (transfer full): one sentence saying what the cell means, for
 *   screen readers and the table twin
 */
char *
trellis_layout_dup_cell_description (TrellisLayout *self,
                                     guint          row,
                                     guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return trellis_map_describe_cell (self->map, row, column, FALSE);
}

/**
 * trellis_layout_dup_tooltip:
 *
 * Returns: (transfer full): the tooltip of a cell: who and what, the
 *   required level, the assessed level with its source and date, the wish
 *   to grow and the note, one fact per line
 */
char *
trellis_layout_dup_tooltip (TrellisLayout *self,
                            guint          row,
                            guint          column)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return trellis_map_describe_cell (self->map, row, column, TRUE);
}

guint
trellis_layout_get_n_findings (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->legend.findings->len;
}

const TrellisFinding *
trellis_layout_get_finding (TrellisLayout *self,
                            guint          index)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->legend.findings->len, NULL);

  return g_ptr_array_index (self->legend.findings, index);
}

/* The picture in words and colours, for spreadsheets */

/**
 * trellis_layout_get_title:
 * @self: a #TrellisLayout
 *
 * Returns: (transfer none): the title over the picture
 */
const char *
trellis_layout_get_title (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return pango_layout_get_text (self->title);
}

/**
 * trellis_layout_get_subtitle:
 * @self: a #TrellisLayout
 *
 * Returns: (transfer none): the subtitle: the filter, the date of the
 *   newest assessment, the audience, and how many people are not shown
 *   and why
 */
const char *
trellis_layout_get_subtitle (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), NULL);

  return pango_layout_get_text (self->subtitle);
}

static void
look_from_paint (TrellisLayout          *self,
                 const TrellisCellPaint *paint,
                 TrellisCellLook        *look)
{
  const TrellisThemeColors *c = trellis_theme_get_colors (self->options->theme);

  look->fill = paint->fill != NULL ? *paint->fill : c->background;
  look->text = paint->text_color != NULL ? *paint->text_color : c->foreground;
  look->pattern = paint->pattern == TRELLIS_PATTERN_HATCH ? TRELLIS_CELL_PATTERN_HATCH
                  : paint->pattern == TRELLIS_PATTERN_SUPPRESSED ? TRELLIS_CELL_PATTERN_WITHHELD
                  : TRELLIS_CELL_PATTERN_NONE;
  look->pattern_color = paint->pattern == TRELLIS_PATTERN_HATCH ? c->hatch_line : c->muted;
}

/**
 * trellis_layout_get_cell_look:
 * @self: a #TrellisLayout
 * @row: a row
 * @column: a column
 * @look: (out caller-allocates): the cell's colours and pattern
 *
 * How a cell of a grid view is painted: the same colours in a
 * spreadsheet as in the picture.
 *
 * Returns: %FALSE when the view is not a grid of cells (the line of
 *   sight)
 */
gboolean
trellis_layout_get_cell_look (TrellisLayout   *self,
                              guint            row,
                              guint            column,
                              TrellisCellLook *look)
{
  TrellisCellInfo info;
  TrellisCellPaint paint = { 0 };

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (look != NULL, FALSE);

  if (!TRELLIS_IS_GRID_MAP (self->map))
    return FALSE;
  g_return_val_if_fail (row < trellis_layout_get_n_rows (self) && column < trellis_layout_get_n_columns (self), FALSE);

  trellis_grid_map_compute_cell ((TrellisGridMap *) self->map, row, column, &info, &paint);
  look_from_paint (self, &paint, look);
  return TRUE;
}

guint
trellis_layout_get_n_legend_entries (TrellisLayout *self)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);

  return self->legend.items->len;
}

/**
 * trellis_layout_get_legend_entry:
 * @self: a #TrellisLayout
 * @index: an entry of the legend
 * @label: (out) (transfer none): its words
 * @sample: (out) (transfer none): the text in its swatch, or %NULL
 * @heading: (out): whether it heads the entries after it
 * @look: (out caller-allocates): its swatch's colours and pattern
 *
 * An entry of the legend under the picture, for a spreadsheet's own.
 *
 * Returns: %TRUE when the entry has a swatch of a cell's colours; %FALSE
 *   for headings, words alone and marks that are drawn, not filled
 */
gboolean
trellis_layout_get_legend_entry (TrellisLayout    *self,
                                 guint             index,
                                 const char      **label,
                                 const char      **sample,
                                 gboolean         *heading,
                                 TrellisCellLook  *look)
{
  const TrellisLegendItem *item;
  TrellisCellPaint paint = { 0 };

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (index < self->legend.items->len, FALSE);

  item = &g_array_index (self->legend.items, TrellisLegendItem, index);
  *label = pango_layout_get_text (item->label);
  *sample = trellis_style_get_text (&self->style, item->text);
  *heading = item->kind == TRELLIS_SWATCH_HEADING;

  switch (item->kind)
    {
    case TRELLIS_SWATCH_FILL:
    case TRELLIS_SWATCH_NOT_REQUIRED:
    case TRELLIS_SWATCH_WANT:
    case TRELLIS_SWATCH_MANDATE:
    case TRELLIS_SWATCH_SINGLE:
    case TRELLIS_SWATCH_NEW:
    case TRELLIS_SWATCH_STRIPS:
      paint.fill = &item->fill;
      paint.text_color = trellis_palette_text_on (self->options->theme, &item->fill);
      break;
    case TRELLIS_SWATCH_SUPPRESSED:
      paint.fill = &item->fill;
      paint.pattern = TRELLIS_PATTERN_SUPPRESSED;
      break;
    case TRELLIS_SWATCH_HATCH:
      paint.fill = &trellis_theme_get_colors (self->options->theme)->hatch_background;
      paint.pattern = TRELLIS_PATTERN_HATCH;
      break;
    case TRELLIS_SWATCH_HEADING:
    case TRELLIS_SWATCH_BOUNDARY:
    case TRELLIS_SWATCH_PROBLEM:
    case TRELLIS_SWATCH_WARNING:
    case TRELLIS_SWATCH_STAGE:
    case TRELLIS_SWATCH_LINK:
    case TRELLIS_SWATCH_TEXT:
    default:
      return FALSE;
    }

  look_from_paint (self, &paint, look);
  return TRUE;
}

/* Painting */

guint
trellis_layout_paint_cells_on (TrellisLayout     *self,
                               cairo_t           *cr,
                               const TrellisRect *clip,
                               TrellisPageMode    page)
{
  guint painted;

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);
  painted = trellis_map_paint (self->map, cr, clip, page);
  cairo_restore (cr);

  return painted;
}

/**
 * trellis_layout_paint_cells:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the cell area's
 * @clip: the part of the cell area to paint
 *
 * Paints the cells that meet @clip, and no others.
 *
 * Returns: the number of cells (or nodes) painted
 */
guint
trellis_layout_paint_cells (TrellisLayout     *self,
                            cairo_t           *cr,
                            const TrellisRect *clip)
{
  g_return_val_if_fail (TRELLIS_IS_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (clip != NULL, 0);

  return trellis_layout_paint_cells_on (self, cr, clip, TRELLIS_PAGE_CLEAR);
}

/**
 * trellis_layout_paint_row_headers:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the row headers' top-left, with
 *   y running as in the cell area
 * @clip: the part of the row headers to paint
 *
 * Paints the group bands and row labels that meet @clip.
 */
void
trellis_layout_paint_row_headers (TrellisLayout     *self,
                                  cairo_t           *cr,
                                  const TrellisRect *clip)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  trellis_headers_paint_rows (&self->map->rows, &self->style, self->map->cell_height, cr, clip);
}

/**
 * trellis_layout_paint_column_headers:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the column headers' top-left,
 *   with x running as in the cell area
 * @clip: the part of the column headers to paint
 *
 * Paints the group bands and column labels that meet @clip; long labels
 * run upwards.
 */
void
trellis_layout_paint_column_headers (TrellisLayout     *self,
                                     cairo_t           *cr,
                                     const TrellisRect *clip)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  trellis_headers_paint_columns (&self->map->columns, &self->style, cr, clip);
}

/**
 * trellis_layout_paint_corner:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the corner's top-left
 *
 * Paints the corner where the row and column headers meet (its size is
 * the row header width by the column header height).
 */
void
trellis_layout_paint_corner (TrellisLayout *self,
                             cairo_t       *cr)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  trellis_cairo_fill_rect (cr, &self->style.colors->header, 0, 0, self->map->rows.header, self->map->columns.header);
}

/**
 * trellis_layout_paint_title:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the title's top-left
 * @clip: the part of the title area to paint
 *
 * Paints the title and the line under it: the filter, the trend's date,
 * the date of the newest assessment and workshop mode.
 */
void
trellis_layout_paint_title (TrellisLayout     *self,
                            cairo_t           *cr,
                            const TrellisRect *clip)
{
  int th;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  cairo_save (cr);
  trellis_cairo_clip_pixels (cr, clip);

  trellis_text_size (self->title, NULL, &th);
  trellis_cairo_set_rgba (cr, &self->style.colors->foreground);
  trellis_text_show_start (&self->style, cr, self->title, self->options->rtl ? self->area_title.width : 0, 0);
  trellis_cairo_set_rgba (cr, &self->style.colors->muted);
  trellis_text_show_start (&self->style, cr, self->subtitle, self->options->rtl ? self->area_title.width : 0,
                           th + 2 * self->options->zoom);

  cairo_restore (cr);
}

/**
 * trellis_layout_paint_legend:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the legend's top-left
 * @clip: the part of the legend area to paint
 *
 * Paints the legend (every colour, pattern and mark of the view) and,
 * under a responsibility map, the numbered list of rule findings.
 */
void
trellis_layout_paint_legend (TrellisLayout     *self,
                             cairo_t           *cr,
                             const TrellisRect *clip)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL && clip != NULL);

  trellis_legend_paint (&self->legend, &self->style, cr, clip, self->map->cell_height, self->area_legend.width);
}

/**
 * trellis_layout_paint_focus:
 * @self: a #TrellisLayout
 * @cr: a cairo context whose origin is the cell area's
 * @row: the focused row
 * @column: the focused column
 *
 * Outlines a cell (or node) in the theme's focus colour.
 */
void
trellis_layout_paint_focus (TrellisLayout *self,
                            cairo_t       *cr,
                            guint          row,
                            guint          column)
{
  const TrellisThemeColors *colors;
  TrellisRect rect;
  double w;

  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  if (!trellis_layout_get_cell_rect (self, row, column, &rect))
    return;

  colors = self->style.colors;
  w = 2 * self->options->zoom;
  cairo_save (cr);
  trellis_cairo_set_rgba (cr, &colors->focus);
  cairo_set_line_width (cr, w);
  cairo_rectangle (cr, rect.x - w / 2, rect.y - w / 2, rect.width + w - colors->cell_gap,
                   rect.height + w - colors->cell_gap);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * trellis_layout_prepare_threads:
 * @self: a #TrellisLayout
 *
 * Does the lazy steps of painting that change the layout's tables up
 * front (shaping cell text, reading perspectives), so that several threads
 * can then paint parts of the same layout at once. What is still made
 * while painting (header layouts, the hatch tile) is made under the
 * text lock.
 */
void
trellis_layout_prepare_threads (TrellisLayout *self)
{
  g_return_if_fail (TRELLIS_IS_LAYOUT (self));

  trellis_map_prepare_threads (self->map);
  trellis_style_shape_all (&self->style);
}

/* Whether every cell edge lies on whole logical pixels: the gaps, the
 * gaps between groups and the cells' sizes are whole. */
gboolean
trellis_layout_has_whole_cells (TrellisLayout *self)
{
  double gap = self->style.colors->cell_gap * self->options->zoom;
  TrellisMap *map = self->map;

  return gap == floor (gap) && map->group_gap == floor (map->group_gap) &&
         map->cell_width == floor (map->cell_width) && map->cell_height == floor (map->cell_height);
}

const char *
trellis_layout_get_title_text (TrellisLayout *self)
{
  return pango_layout_get_text (self->title);
}

/* The size of a text layer's letters. */
double
trellis_layout_get_label_size (TrellisLayout *self)
{
  return self->style.text_height * 0.8;
}

/**
 * trellis_layout_foreach_label:
 * @self: a #TrellisLayout
 * @size: the size of the letters, trellis_layout_get_label_size()
 * @func: receives each label
 * @user_data: for @func
 *
 * Hands every text of the picture to @func, in full, where it starts in
 * the picture: the title and subtitle, the column groups and columns,
 * the rows, the legend and the lines under it. An SVG's text layer is
 * made of them.
 */
void
trellis_layout_foreach_label (TrellisLayout    *self,
                              double            size,
                              TrellisLabelFunc  func,
                              gpointer          user_data)
{
  TrellisAxis *columns = &self->map->columns;
  int th = 0;

  pango_layout_get_pixel_size (self->title, NULL, &th);
  func (self->area_title.x, self->area_title.y + th * 0.8, pango_layout_get_text (self->title), user_data);
  func (self->area_title.x, self->area_title.y + th + size, pango_layout_get_text (self->subtitle), user_data);

  for (guint g = 0; g < columns->groups->len; g++)
    {
      const TrellisGroup *group = trellis_axis_get_group (columns, g);

      if (group->label != NULL)
        func (self->area_columns.x + group->pos, self->area_columns.y + size, group->label, user_data);
    }
  for (guint i = 0; i < columns->items->len; i++)
    {
      const TrellisItem *item = trellis_axis_get_item (columns, i);

      func (self->area_columns.x + trellis_axis_item_start (columns, item, self->options->rtl),
            self->area_columns.y + self->area_columns.height - 4, item->label, user_data);
    }

  trellis_map_add_labels (self->map, &self->area_rows, &self->area_cells, size, func, user_data);

  for (guint i = 0; i < self->legend.items->len; i++)
    {
      const TrellisLegendItem *item = &g_array_index (self->legend.items, TrellisLegendItem, i);

      func (self->area_legend.x + item->x, self->area_legend.y + item->y + size,
            pango_layout_get_text (item->label), user_data);
    }
  for (guint i = 0; i < self->legend.lines->len; i++)
    func (self->area_legend.x, self->area_legend.y + self->legend.height + (i + 1) * size * 1.4,
          pango_layout_get_text (g_ptr_array_index (self->legend.lines, i)), user_data);
}

const char *
trellis_layout_get_subtitle_text (TrellisLayout *self)
{
  return pango_layout_get_text (self->subtitle);
}

/* The legend's entries and lines placed again to fit @width (a page),
 * for a map shown in parts. Returns the legend. */
TrellisLegend *
trellis_layout_fit_legend (TrellisLayout *self,
                           double         width)
{
  trellis_legend_place (&self->legend, &self->style, self->map->cell_height, width);
  trellis_legend_place_lines (&self->legend, &self->style, self->map->cell_height, width);
  self->area_legend.width = width;
  self->area_legend.height = self->legend.height;

  return &self->legend;
}

/* trellis-axis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-axis"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trellis-axis-private.h"

/* The rows or the columns of a view: a view adds its items in groups, the
 * layout places them one cell apart with a gap between groups, and hit
 * tests and painting find them by position. */

static void
item_clear (gpointer data)
{
  TrellisItem *item = data;

  g_free (item->label);
  g_clear_object (&item->layout);
}

static void
group_clear (gpointer data)
{
  TrellisGroup *group = data;

  g_free (group->label);
  g_clear_object (&group->layout);
  g_clear_object (&group->layout_upright);
}

void
trellis_axis_init (TrellisAxis *axis)
{
  memset (axis, 0, sizeof *axis);
  axis->items = g_array_new (FALSE, TRUE, sizeof (TrellisItem));
  g_array_set_clear_func (axis->items, item_clear);
  axis->groups = g_array_new (FALSE, TRUE, sizeof (TrellisGroup));
  g_array_set_clear_func (axis->groups, group_clear);
}

void
trellis_axis_clear (TrellisAxis *axis)
{
  g_clear_pointer (&axis->items, g_array_unref);
  g_clear_pointer (&axis->groups, g_array_unref);
}

void
trellis_axis_begin_group (TrellisAxis   *axis,
                          TrellisEntity *entity,
                          const char    *label)
{
  TrellisGroup group = { 0 };

  group.label = g_strdup (label);
  group.entity = entity;
  group.first = axis->items->len;
  g_array_append_val (axis->groups, group);
}

void
trellis_axis_end_group (TrellisAxis *axis)
{
  TrellisGroup *group;

  g_assert (axis->groups->len > 0);

  group = trellis_axis_get_group (axis, axis->groups->len - 1);
  group->n = axis->items->len - group->first;

  /* Drop groups that came out empty. */
  if (group->n == 0)
    g_array_set_size (axis->groups, axis->groups->len - 1);
}

/**
 * trellis_axis_add_item:
 * @axis: an axis with a group begun
 * @kind: what the item stands for
 * @index: its position in the analysis
 * @entity: (nullable): what it stands for
 * @label: (nullable): its label, or %NULL for the entity's name in the
 *   axis's language
 *
 * Returns: (transfer none): the new item, valid until the next is added
 */
TrellisItem *
trellis_axis_add_item (TrellisAxis     *axis,
                       TrellisItemKind  kind,
                       guint            index,
                       TrellisEntity   *entity,
                       const char      *label)
{
  TrellisItem item = { 0 };

  g_assert (axis->groups->len > 0);

  item.kind = kind;
  item.index = index;
  item.entity = entity;
  item.group = axis->groups->len - 1;
  item.role = TRELLIS_NO_ROLE;
  item.label = g_strdup (label != NULL ? label : (entity != NULL ? trellis_entity_get_name_in (entity, axis->language) : ""));
  g_array_append_val (axis->items, item);

  return trellis_axis_get_item (axis, axis->items->len - 1);
}

/* Places the items size apart, with group_gap between groups. */
void
trellis_axis_place (TrellisAxis *axis,
                    double       size,
                    double       group_gap)
{
  double pos = 0;

  for (guint g = 0; g < axis->groups->len; g++)
    {
      TrellisGroup *group = trellis_axis_get_group (axis, g);

      if (g > 0)
        pos += group_gap;

      group->pos = pos;
      for (guint i = group->first; i < group->first + group->n; i++)
        {
          TrellisItem *item = trellis_axis_get_item (axis, i);

          item->group = g;
          item->pos = pos;
          item->size = size;
          pos += size;
        }
      group->size = pos - group->pos;
    }

  axis->extent = pos;
}

/**
 * trellis_axis_find:
 * @axis: a placed axis
 * @pos: a position along the content
 * @mirrored: whether the axis runs from its far end back
 * @index: (out): the item at @pos
 *
 * Finds the item at a position: the last that starts at or before it,
 * if it reaches past it. Mirrored, an item covers (pos, pos + size]
 * from the far end; stepping just below keeps each item's near edge in
 * the item.
 *
 * Returns: whether an item is there (gaps between groups hold none)
 */
gboolean
trellis_axis_find (const TrellisAxis *axis,
                   double             pos,
                   gboolean           mirrored,
                   guint             *index)
{
  guint lo = 0;
  guint hi = axis->items->len;
  const TrellisItem *item;

  if (mirrored)
    pos = nextafter (axis->extent - pos, -G_MAXDOUBLE);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (trellis_axis_get_item (axis, mid)->pos <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == 0)
    return FALSE;

  item = trellis_axis_get_item (axis, lo - 1);
  if (pos >= item->pos + item->size)
    return FALSE;

  *index = lo - 1;
  return TRUE;
}

/* The first item that reaches past lo. */
static guint
first_visible (const TrellisAxis *axis,
               double             lo)
{
  guint a = 0;
  guint b = axis->items->len;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;
      const TrellisItem *item = trellis_axis_get_item (axis, mid);

      if (item->pos + item->size <= lo)
        a = mid + 1;
      else
        b = mid;
    }

  return a;
}

static guint
end_visible (const TrellisAxis *axis,
             guint              first,
             double             hi)
{
  guint a = first;
  guint b = axis->items->len;

  while (a < b)
    {
      guint mid = a + (b - a) / 2;

      if (trellis_axis_get_item (axis, mid)->pos < hi)
        a = mid + 1;
      else
        b = mid;
    }

  return a;
}

/**
 * trellis_axis_visible:
 * @axis: an axis
 * @from: where a stretch of the content starts
 * @length: its length
 * @mirrored: whether the axis runs from its far end back (the columns of
 *   a right-to-left picture), so that positions are mirrored
 * @first: (out): the first item that meets the stretch
 * @end: (out): the item after the last that meets it
 *
 * The items [@first, @end) that meet a stretch of the content.
 */
void
trellis_axis_visible (const TrellisAxis *axis,
                      double             from,
                      double             length,
                      gboolean           mirrored,
                      guint             *first,
                      guint             *end)
{
  double lo = mirrored ? axis->extent - (from + length) : from;
  double hi = mirrored ? axis->extent - from : from + length;

  *first = first_visible (axis, lo);
  *end = end_visible (axis, *first, hi);
}

gboolean
trellis_axis_has_group_labels (const TrellisAxis *axis)
{
  for (guint g = 0; g < axis->groups->len; g++)
    {
      const TrellisGroup *group = trellis_axis_get_group (axis, g);

      if (group->label != NULL && group->label[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

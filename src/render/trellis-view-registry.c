/* trellis-view-registry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-view-registry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-grid-map-private.h"
#include "trellis-types-private.h"

/* What the registry, trellis-view-registry.h, lists: the map type of
 * each view, and from its class the view's name, title and needs. The
 * command line, the application's view switcher and the tests read the
 * views from here. */

#define TRELLIS_VIEW(CONSTANT, name) GType trellis_##name##_map_get_type (void);
#include "trellis-view-registry.h"
#undef TRELLIS_VIEW

static GType (* const map_types[TRELLIS_N_VIEWS]) (void) = {
#define TRELLIS_VIEW(CONSTANT, name) [TRELLIS_VIEW_##CONSTANT] = trellis_##name##_map_get_type,
#include "trellis-view-registry.h"
#undef TRELLIS_VIEW
};

static const char *view_names[TRELLIS_N_VIEWS];
static TrellisMapClass *view_classes[TRELLIS_N_VIEWS];

/* The map classes, made once and kept. */
static void
ensure_classes (void)
{
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint v = 0; v < TRELLIS_N_VIEWS; v++)
        {
          view_classes[v] = g_type_class_ref (map_types[v] ());
          view_names[v] = view_classes[v]->name;
        }
      g_once_init_leave (&ready, 1);
    }
}

static const TrellisMapClass *
view_class (TrellisView view)
{
  ensure_classes ();
  return view_classes[view];
}

/**
 * trellis_view_get_map_type:
 * @view: a #TrellisView
 *
 * Returns: the type of the map that draws @view
 */
GType
trellis_view_get_map_type (TrellisView view)
{
  g_return_val_if_fail (view < TRELLIS_N_VIEWS, G_TYPE_INVALID);

  return map_types[view] ();
}

/**
 * trellis_view_to_string:
 * @view: a #TrellisView
 *
 * Returns: the name of @view in files, settings and on the command line
 */
const char *
trellis_view_to_string (TrellisView view)
{
  g_return_val_if_fail (view < TRELLIS_N_VIEWS, NULL);

  return view_class (view)->name;
}

gboolean
trellis_view_from_string (const char  *str,
                          TrellisView *out)
{
  guint i;

  ensure_classes ();
  if (!trellis_names_lookup (view_names, TRELLIS_N_VIEWS, 0, str, -1, &i))
    return FALSE;

  *out = (TrellisView) i;
  return TRUE;
}

/**
 * trellis_view_get_title:
 * @view: a #TrellisView
 *
 * Returns: the translated name of @view
 */
const char *
trellis_view_get_title (TrellisView view)
{
  g_return_val_if_fail (view < TRELLIS_N_VIEWS, NULL);

  return _(view_class (view)->title);
}

/**
 * trellis_view_needs_date:
 * @view: a #TrellisView
 *
 * Returns: whether @view compares with an earlier date: the options'
 *   @since, or without one the date of the first assessment
 */
gboolean
trellis_view_needs_date (TrellisView view)
{
  g_return_val_if_fail (view < TRELLIS_N_VIEWS, FALSE);

  return (view_class (view)->flags & TRELLIS_MAP_NEEDS_DATE) != 0;
}

/**
 * trellis_view_is_grid:
 * @view: a #TrellisView
 *
 * Returns: whether @view is a grid of cells, each a row's and a
 *   column's (the line of sight is not)
 */
gboolean
trellis_view_is_grid (TrellisView view)
{
  g_return_val_if_fail (view < TRELLIS_N_VIEWS, FALSE);

  return g_type_is_a (trellis_view_get_map_type (view), TRELLIS_TYPE_GRID_MAP);
}

/**
 * trellis_view_dup_choices:
 *
 * Returns: (transfer full): the names of every view as a sentence lists
 *   choices: "gaps, requirements, … or sight"
 */
char *
trellis_view_dup_choices (void)
{
  GString *choices = g_string_new (NULL);

  for (guint v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      if (v > 0 && v + 1 < TRELLIS_N_VIEWS)
        /* Translators: separates names in a list. */
        g_string_append (choices, _(", "));
      else if (v > 0)
        /* Translators: before the last of a list of choices, as in
         * "gaps, requirements or sight". */
        g_string_append (choices, _(" or "));
      g_string_append (choices, trellis_view_to_string (v));
    }

  return g_string_free (choices, FALSE);
}

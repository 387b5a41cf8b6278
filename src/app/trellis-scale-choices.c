/* trellis-scale-choices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-scale-choices"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-scale-choices.h"

/* Scale levels as choices, optionally with "none" first. */

GtkStringList *
trellis_scale_choices_new (TrellisDocument *document,
                           const char      *none_label)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  GPtrArray *scale = document != NULL ? trellis_document_get_scale (document) : NULL;

  if (none_label != NULL)
    gtk_string_list_append (list, none_label);

  for (guint i = 0; scale != NULL && i < scale->len; i++)
    {
      const TrellisScaleLevel *level = g_ptr_array_index (scale, i);
      g_autofree char *label = NULL;

      if (level->name != NULL && level->name[0] != '\0')
        /* Translators: a level of the scale in a list: its number and name, e.g. “3 · Proficient”. */
        label = g_strdup_printf (_("%d · %s"), level->value, level->name);
      else
        label = g_strdup_printf ("%d", level->value);

      gtk_string_list_append (list, label);
    }

  return list;
}

/**
 * trellis_scale_choices_update:
 * @choices: a list made by trellis_scale_choices_new()
 * @document: (nullable): the document
 * @none_label: (nullable): as for trellis_scale_choices_new()
 *
 * Puts the levels of the scale as it is now into @choices, in place, so
 * that the choosers sharing @choices show them.
 */
void
trellis_scale_choices_update (GtkStringList   *choices,
                              TrellisDocument *document,
                              const char      *none_label)
{
  g_autoptr(GtkStringList) levels = NULL;
  g_autofree const char **strings = NULL;
  guint n;

  g_return_if_fail (GTK_IS_STRING_LIST (choices));

  levels = trellis_scale_choices_new (document, none_label);
  n = g_list_model_get_n_items (G_LIST_MODEL (levels));
  strings = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    strings[i] = gtk_string_list_get_string (levels, i);
  gtk_string_list_splice (choices, 0, g_list_model_get_n_items (G_LIST_MODEL (choices)), strings);
}

gint
trellis_scale_choice_to_level (TrellisDocument *document,
                               guint            position,
                               gboolean         with_none)
{
  GPtrArray *scale = trellis_document_get_scale (document);

  if (with_none)
    {
      if (position == 0)
        return TRELLIS_LEVEL_NONE;
      position--;
    }

  if (scale == NULL || position >= scale->len)
    return TRELLIS_LEVEL_NONE;

  return ((TrellisScaleLevel *) g_ptr_array_index (scale, position))->value;
}

guint
trellis_scale_level_to_choice (TrellisDocument *document,
                               gint             level,
                               gboolean         with_none)
{
  GPtrArray *scale = trellis_document_get_scale (document);

  if (level != TRELLIS_LEVEL_NONE)
    {
      for (guint i = 0; scale != NULL && i < scale->len; i++)
        {
          if (((TrellisScaleLevel *) g_ptr_array_index (scale, i))->value == level)
            return with_none ? i + 1 : i;
        }
    }

  return with_none ? 0 : GTK_INVALID_LIST_POSITION;
}

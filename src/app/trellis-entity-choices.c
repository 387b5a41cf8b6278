/* trellis-entity-choices.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-entity-choices"

#include "config.h"

#include "trellis-entity-choices.h"

/* Choices: a list of entities with "none" in front, for the drop-downs
 * that pick an entity or none, and the expression that labels them. */

static GObject *none_item;

static GObject *
get_none_item (void)
{
  if (none_item == NULL)
    none_item = g_object_new (G_TYPE_OBJECT, NULL);
  return none_item;
}

/**
 * trellis_entity_choices_new:
 * @entities: a list of entities
 * @none_label: (nullable): when set, a first item stands for "none"
 *
 * Returns: (transfer full): a list to pick an entity, or none, from
 */
GListModel *
trellis_entity_choices_new (GListModel *entities,
                            const char *none_label)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

  if (none_label != NULL)
    {
      g_autoptr(GListStore) none = g_list_store_new (G_TYPE_OBJECT);

      g_list_store_append (none, get_none_item ());
      g_list_store_append (parts, none);
    }
  g_list_store_append (parts, entities);

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
}

/**
 * trellis_entity_choices_get_entity:
 *
 * Returns: (transfer none) (nullable): the entity at @position, or %NULL
 *   for "none"
 */
TrellisEntity *
trellis_entity_choices_get_entity (GListModel *choices,
                                   guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (choices, position);

  if (item == NULL || !TRELLIS_IS_ENTITY (item))
    return NULL;

  /* The document's list keeps it alive. */
  return TRELLIS_ENTITY (item);
}

guint
trellis_entity_choices_find (GListModel *choices,
                             const char *id)
{
  guint n = g_list_model_get_n_items (choices);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (choices, i);

      if (TRELLIS_IS_ENTITY (item)
          ? (id != NULL && g_strcmp0 (trellis_entity_get_id (TRELLIS_ENTITY (item)), id) == 0)
          : id == NULL)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
free_label (gpointer  data,
            GClosure *closure)
{
  g_free (data);
}

static char *
entity_label_cb (GObject    *item,
                 const char *none_label)
{
  if (item != NULL && TRELLIS_IS_ENTITY (item))
    return trellis_entity_dup_label (TRELLIS_ENTITY (item));

  return g_strdup (none_label != NULL ? none_label : "");
}

/**
 * trellis_entity_label_expression_new:
 * @none_label: (nullable): the label of the "none" item
 *
 * Returns: (transfer full): an expression giving an entity's label
 */
GtkExpression *
trellis_entity_label_expression_new (const char *none_label)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (entity_label_cb),
                                      g_strdup (none_label), free_label);
}

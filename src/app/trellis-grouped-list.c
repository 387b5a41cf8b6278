/* trellis-grouped-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-grouped-list"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "trellis-entity-labels.h"
#include "trellis-grouped-list.h"

/* The competencies of a document grouped by the values they express, as
 * the heatmaps group them: each value, as a heading, followed by its
 * competencies in the document's order; a competency that expresses two
 * values is under both, and those that express none come last, under
 * the document's organisation standing for the heading "No value yet".
 * A search keeps the competencies whose label holds it, and the headings
 * over them. The list follows the document, and tells only what changed
 * (the common start and end stay), so that rows keep their focus. */

struct _TrellisGroupedList
{
  GObject          parent_instance;

  TrellisDocument *document;     /* weak */
  GPtrArray       *items;        /* TrellisEntity, owned */
  char            *search;       /* casefolded, or NULL */
};

static void trellis_grouped_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisGroupedList, trellis_grouped_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, trellis_grouped_list_model_init))

static gboolean
matches (TrellisGroupedList *self,
         TrellisEntity      *competency)
{
  g_autofree char *label = NULL;
  g_autofree char *folded = NULL;

  if (self->search == NULL)
    return TRUE;

  label = trellis_entity_dup_display_label (self->document, competency);
  folded = g_utf8_casefold (label, -1);

  return strstr (folded, self->search) != NULL;
}

/* Appends @heading and the competencies that @wanted accepts, if any. */
static void
add_group (TrellisGroupedList *self,
           GPtrArray          *items,
           TrellisEntity      *heading,
           const char         *value_id)
{
  guint n = trellis_document_get_n_items (self->document, TRELLIS_KIND_COMPETENCY);
  guint start = items->len;

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *competency = trellis_document_get_item (self->document, TRELLIS_KIND_COMPETENCY, i);
      const char * const *values = trellis_entity_get_strv (competency, TRELLIS_FIELD_VALUES);
      gboolean in_group = FALSE;

      if (value_id != NULL)
        in_group = trellis_strv_contains_id ((const char **) values, value_id);
      else
        {
          /* No value of the document: the last group. */
          in_group = TRUE;
          for (guint k = 0; values != NULL && values[k] != NULL; k++)
            if (trellis_document_lookup (self->document, values[k]) != NULL)
              in_group = FALSE;
        }

      if (in_group && matches (self, competency))
        {
          if (items->len == start)
            g_ptr_array_add (items, g_object_ref (heading));
          g_ptr_array_add (items, g_object_ref (competency));
        }
    }
}

static void
refresh (TrellisGroupedList *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->items->len;
  guint prefix = 0;
  guint suffix = 0;

  if (self->document != NULL)
    {
      guint n_values = trellis_document_get_n_items (self->document, TRELLIS_KIND_VALUE);

      for (guint v = 0; v < n_values; v++)
        {
          TrellisEntity *value = trellis_document_get_item (self->document, TRELLIS_KIND_VALUE, v);

          add_group (self, items, value, trellis_entity_get_id (value));
        }
      add_group (self, items, TRELLIS_ENTITY (trellis_document_get_organisation (self->document)), NULL);
    }

  /* Only what changed: the common start and end stay. */
  while (prefix < old_n && prefix < items->len &&
         g_ptr_array_index (self->items, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < items->len - prefix &&
         g_ptr_array_index (self->items, old_n - 1 - suffix) == g_ptr_array_index (items, items->len - 1 - suffix))
    suffix++;

  if (prefix == old_n && old_n == items->len)
    return;

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, self->items->len - prefix - suffix);
}

static void
document_changed_cb (TrellisGroupedList  *self,
                     const TrellisChange *change)
{
  TrellisKind kind = change->entity != NULL ? trellis_entity_get_kind (change->entity) : TRELLIS_N_KINDS;

  /* Competencies and values make the groups; a whole new scale or a
   * person's assessment does not. */
  if (change->entity == NULL || kind == TRELLIS_KIND_COMPETENCY || kind == TRELLIS_KIND_VALUE)
    refresh (self);
}

static GType
trellis_grouped_list_get_item_type (GListModel *model)
{
  return TRELLIS_TYPE_ENTITY;
}

static guint
trellis_grouped_list_get_n_items (GListModel *model)
{
  return TRELLIS_GROUPED_LIST (model)->items->len;
}

static gpointer
trellis_grouped_list_get_item (GListModel *model,
                               guint       position)
{
  TrellisGroupedList *self = TRELLIS_GROUPED_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
trellis_grouped_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = trellis_grouped_list_get_item_type;
  iface->get_n_items = trellis_grouped_list_get_n_items;
  iface->get_item = trellis_grouped_list_get_item;
}

static void
trellis_grouped_list_dispose (GObject *object)
{
  TrellisGroupedList *self = TRELLIS_GROUPED_LIST (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
      g_clear_weak_pointer (&self->document);
    }
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (trellis_grouped_list_parent_class)->dispose (object);
}

static void
trellis_grouped_list_finalize (GObject *object)
{
  TrellisGroupedList *self = TRELLIS_GROUPED_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_free (self->search);

  G_OBJECT_CLASS (trellis_grouped_list_parent_class)->finalize (object);
}

static void
trellis_grouped_list_class_init (TrellisGroupedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_grouped_list_dispose;
  object_class->finalize = trellis_grouped_list_finalize;
}

static void
trellis_grouped_list_init (TrellisGroupedList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * trellis_grouped_list_new:
 * @document: a document
 *
 * Returns: (transfer full): @document's competencies grouped by value
 */
TrellisGroupedList *
trellis_grouped_list_new (TrellisDocument *document)
{
  TrellisGroupedList *self;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TRELLIS_TYPE_GROUPED_LIST, NULL);
  g_set_weak_pointer (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);

  return self;
}

/**
 * trellis_grouped_list_set_search:
 * @self: a #TrellisGroupedList
 * @search: (nullable): what the competencies shown must have in their
 *   names, or %NULL for all
 */
void
trellis_grouped_list_set_search (TrellisGroupedList *self,
                                 const char         *search)
{
  g_return_if_fail (TRELLIS_IS_GROUPED_LIST (self));

  g_free (self->search);
  self->search = search != NULL && search[0] != '\0' ? g_utf8_casefold (search, -1) : NULL;
  refresh (self);
}

/**
 * trellis_grouped_list_is_heading:
 * @self: a #TrellisGroupedList
 * @item: an item of a list
 *
 * Returns: whether @item is a heading of @self's groups, not a competency
 */
gboolean
trellis_grouped_list_is_heading (TrellisGroupedList *self,
                                 gpointer            item)
{
  return TRELLIS_IS_ENTITY (item) && !TRELLIS_IS_COMPETENCY (item);
}

/**
 * trellis_grouped_list_dup_heading_label:
 * @item: a heading
 *
 * Returns: (transfer full): what the heading says
 */
char *
trellis_grouped_list_dup_heading_label (gpointer item)
{
  if (TRELLIS_IS_ORGANISATION (item))
    return g_strdup (_("No value yet"));

  return trellis_entity_dup_label (TRELLIS_ENTITY (item));
}

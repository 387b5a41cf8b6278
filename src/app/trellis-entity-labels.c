/* trellis-entity-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-entity-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-entity-labels.h"

/* What people read of entities: their labels in lists, and the labels
 * of the entities that refer to one, for the line of sight. */

/**
 * trellis_entity_dup_display_label:
 * @document: the document @entity belongs to
 * @entity: an entity
 *
 * A label for lists: the name, or for development actions and feedback,
 * who and what they are about.
 *
 * Returns: (transfer full): the label
 */
char *
trellis_entity_dup_display_label (TrellisDocument *document,
                                  TrellisEntity   *entity)
{
  g_return_val_if_fail (TRELLIS_IS_ENTITY (entity), NULL);

  if (TRELLIS_IS_ACTION (entity) && document != NULL)
    {
      TrellisEntity *person = trellis_document_lookup (document, trellis_entity_get_string (entity, TRELLIS_FIELD_PERSON));
      TrellisEntity *competency = trellis_document_lookup (document, trellis_entity_get_string (entity, TRELLIS_FIELD_COMPETENCY));
      TrellisActionKind kind = trellis_entity_get_int (entity, TRELLIS_FIELD_ACTION_KIND);
      g_autofree char *who = person != NULL ? trellis_entity_dup_label (person) : g_strdup (_("Nobody yet"));

      if (competency != NULL)
        {
          g_autofree char *what = trellis_entity_dup_label (competency);

          /* Translators: a development action in a list: person, kind of action, competency,
           * e.g. “Anna: Coaching in Active listening”. */
          return g_strdup_printf (_("%s: %s in %s"), who, trellis_action_kind_get_label (kind), what);
        }

      /* Translators: a development action in a list: person and kind of action. */
      return g_strdup_printf (_("%s: %s"), who, trellis_action_kind_get_label (kind));
    }

  return trellis_entity_dup_label (entity);
}

#define MAX_LABELS 12

static void
append_label (GString       *str,
              TrellisEntity *entity)
{
  g_autofree char *label = trellis_entity_dup_label (entity);

  if (str->len > 0)
    g_string_append (str, " · ");
  g_string_append (str, label);
}

/* A department has hundreds of people in a role: name a few, count the rest. */
static char *
finish_labels (GString *str,
               guint    more)
{
  if (str->len == 0)
    {
      g_string_free (str, TRUE);
      return NULL;
    }

  if (more > 0)
    /* Translators: after a list of names, how many more there are. */
    g_string_append_printf (str, ngettext (" and %u more", " and %u more", more), more);

  return g_string_free (str, FALSE);
}

/**
 * trellis_dup_labels_referencing:
 * @document: a document
 * @kind: the kind of entity to look through
 * @field: a field of @kind holding an id, a list of ids, or requirements
 * @id: the id looked for
 *
 * The labels of the entities of @kind whose @field refers to @id, for
 * the line of sight from one element of the chain to the next.
 *
 * Returns: (transfer full) (nullable): the labels joined with “ · ”, or
 *   %NULL when none refers to @id
 */
char *
trellis_dup_labels_referencing (TrellisDocument *document,
                                TrellisKind      kind,
                                TrellisField     field,
                                const char      *id)
{
  GString *str;
  GListModel *list;
  guint n;
  guint shown = 0;
  guint more = 0;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);

  if (id == NULL)
    return NULL;

  str = g_string_new (NULL);

  list = trellis_document_get_list (document, kind);
  n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = trellis_document_get_item (document, kind, i);
      GType type = trellis_field_get_value_type (field);
      gboolean match = FALSE;

      if (type == G_TYPE_STRING)
        match = g_strcmp0 (trellis_entity_get_string (e, field), id) == 0;
      else if (type == G_TYPE_STRV)
        match = trellis_strv_contains_id (trellis_entity_get_strv (e, field), id);
      else if (field == TRELLIS_FIELD_REQUIRES || field == TRELLIS_FIELD_NEEDS)
        match = trellis_requirements_lookup (trellis_entity_get_array (e, field), id) != TRELLIS_LEVEL_NONE;
      else if (field == TRELLIS_FIELD_ASSIGNS)
        {
          const TrellisAssignment *a = trellis_assignments_lookup (trellis_entity_get_array (e, field), id);

          match = a != NULL && (a->raci != TRELLIS_RACI_NONE || a->authority != TRELLIS_AUTHORITY_NONE);
        }

      if (match && shown++ < MAX_LABELS)
        append_label (str, e);
      else if (match)
        more++;
    }

  return finish_labels (str, more);
}

/**
 * trellis_dup_labels_of_ids:
 * @document: a document
 * @ids: (nullable): ids of entities
 *
 * Returns: (transfer full) (nullable): their labels joined with “ · ”
 */
char *
trellis_dup_labels_of_ids (TrellisDocument    *document,
                           const char * const *ids)
{
  GString *str = g_string_new (NULL);
  guint shown = 0;
  guint more = 0;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TrellisEntity *e = trellis_document_lookup (document, ids[i]);

      if (e != NULL && shown++ < MAX_LABELS)
        append_label (str, e);
      else if (e != NULL)
        more++;
    }

  return finish_labels (str, more);
}

/* trellis-sight.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-sight"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-sight.h"

/* The line of sight from any element of the matrix: mission → values →
 * results → responsibilities → competencies → roles → people, walked up
 * from the element to the mission and down to the people who carry it.
 * Each step follows one kind of link between neighbouring stages:
 *
 *   values ← mission        every value serves the mission
 *   results → values        the values a result serves
 *   responsibilities → results
 *   responsibilities → competencies   what a responsibility needs
 *   roles → competencies    what a role requires
 *   people → roles
 *
 * Two links skip a stage, and the walk takes them too, both ways: a
 * competency expresses values of its own, and a role carries the
 * responsibilities assigned to it. An element outside the spine starts from the elements
 * it is about: an indicator from its result, a development action from
 * its person and competency, a remark from what it is about. */

static const TrellisKind stage_kinds[TRELLIS_N_SIGHT_STAGES] = {
  TRELLIS_KIND_ORGANISATION, TRELLIS_KIND_VALUE, TRELLIS_KIND_RESULT, TRELLIS_KIND_RESPONSIBILITY,
  TRELLIS_KIND_COMPETENCY, TRELLIS_KIND_ROLE, TRELLIS_KIND_PERSON,
};

/**
 * trellis_sight_stage_get_label:
 * @stage: a stage
 *
 * Returns: the stage's name, translated
 */
const char *
trellis_sight_stage_get_label (TrellisSightStage stage)
{
  static const char * const labels[TRELLIS_N_SIGHT_STAGES] = {
    N_("Mission"), N_("Values"), N_("Results"), N_("Responsibilities"), N_("Competencies"), N_("Roles"), N_("People"),
  };

  g_return_val_if_fail (stage < TRELLIS_N_SIGHT_STAGES, NULL);

  return _(labels[stage]);
}

static gint
stage_of (TrellisKind kind)
{
  for (guint s = 0; s < TRELLIS_N_SIGHT_STAGES; s++)
    if (stage_kinds[s] == kind)
      return (gint) s;

  return -1;
}

static void
add_id (TrellisDocument *doc,
        GHashTable      *set,
        const char      *id,
        TrellisKind      kind)
{
  TrellisEntity *e = id != NULL ? trellis_document_lookup (doc, id) : NULL;

  if (e != NULL && trellis_entity_get_kind (e) == kind)
    g_hash_table_add (set, e);
}

static gboolean
requirements_name_any (GArray     *requirements,
                       GHashTable *competencies)
{
  for (guint i = 0; requirements != NULL && i < requirements->len; i++)
    {
      const TrellisRequirement *r = &g_array_index (requirements, TrellisRequirement, i);

      if (g_hash_table_contains (competencies, r->competency))
        return TRUE;
    }

  return FALSE;
}

/* The ids of the entities in @set, which lists and arrays refer to. */
static GHashTable *
ids_of (GHashTable *set)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer e;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &e, NULL))
    g_hash_table_add (ids, (gpointer) trellis_entity_get_id (e));

  return ids;
}

/* Whether @strv names any id of @ids. */
static gboolean
strv_names_any (const char * const *strv,
                GHashTable         *ids)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    if (g_hash_table_contains (ids, strv[i]))
      return TRUE;

  return FALSE;
}

/* One step up the spine: what the entities of @from (at stage @stage)
 * link to at the stage before, into @to. */
static void
step_up (TrellisDocument   *doc,
         TrellisSightStage  stage,
         GHashTable        *from,
         GHashTable        *to)
{
  g_autoptr(GHashTable) from_ids = ids_of (from);
  GHashTableIter iter;
  gpointer e;

  if (stage == TRELLIS_SIGHT_VALUES)
    {
      if (g_hash_table_size (from) > 0)
        g_hash_table_add (to, trellis_document_get_organisation (doc));
      return;
    }

  if (stage == TRELLIS_SIGHT_RESPONSIBILITIES || stage == TRELLIS_SIGHT_RESULTS)
    {
      g_hash_table_iter_init (&iter, from);
      while (g_hash_table_iter_next (&iter, &e, NULL))
        {
          if (stage == TRELLIS_SIGHT_RESPONSIBILITIES)
            add_id (doc, to, trellis_entity_get_string (e, TRELLIS_FIELD_RESULT), TRELLIS_KIND_RESULT);
          else
            for (const char * const *v = trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES); v != NULL && *v != NULL; v++)
              add_id (doc, to, *v, TRELLIS_KIND_VALUE);
        }
      return;
    }

  if (stage == TRELLIS_SIGHT_COMPETENCIES)
    {
      guint n = trellis_document_get_n_items (doc, TRELLIS_KIND_RESPONSIBILITY);

      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *r = trellis_document_get_item (doc, TRELLIS_KIND_RESPONSIBILITY, i);

          if (requirements_name_any (trellis_entity_get_array (r, TRELLIS_FIELD_NEEDS), from_ids))
            g_hash_table_add (to, r);
        }
      return;
    }

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &e, NULL))
    {
      if (stage == TRELLIS_SIGHT_ROLES)
        {
          GArray *requires = trellis_entity_get_array (e, TRELLIS_FIELD_REQUIRES);

          for (guint i = 0; requires != NULL && i < requires->len; i++)
            add_id (doc, to, g_array_index (requires, TrellisRequirement, i).competency, TRELLIS_KIND_COMPETENCY);
        }
      else if (stage == TRELLIS_SIGHT_PEOPLE)
        for (const char * const *r = trellis_entity_get_strv (e, TRELLIS_FIELD_ROLES); r != NULL && *r != NULL; r++)
          add_id (doc, to, *r, TRELLIS_KIND_ROLE);
    }
}

/* One step down the spine: what links to the entities of @from (at stage
 * @stage) from the stage after, into @to. */
static void
step_down (TrellisDocument   *doc,
           TrellisSightStage  stage,
           GHashTable        *from,
           GHashTable        *to)
{
  g_autoptr(GHashTable) from_ids = ids_of (from);
  g_autoptr(GHashTable) needed = g_hash_table_new (g_str_hash, g_str_equal);
  TrellisKind kind = stage_kinds[stage + 1];
  guint n = trellis_document_get_n_items (doc, kind);
  GHashTableIter iter;
  gpointer r;

  /* The competencies the responsibilities need. */
  g_hash_table_iter_init (&iter, from);
  while (stage == TRELLIS_SIGHT_RESPONSIBILITIES && g_hash_table_iter_next (&iter, &r, NULL))
    {
      GArray *needs = trellis_entity_get_array (r, TRELLIS_FIELD_NEEDS);

      for (guint k = 0; needs != NULL && k < needs->len; k++)
        g_hash_table_add (needed, (gpointer) g_array_index (needs, TrellisRequirement, k).competency);
    }

  for (guint i = 0; i < n; i++)
    {
      TrellisEntity *e = trellis_document_get_item (doc, kind, i);
      gboolean linked = FALSE;

      switch (stage)
        {
        case TRELLIS_SIGHT_MISSION:
          linked = g_hash_table_size (from) > 0;
          break;
        case TRELLIS_SIGHT_VALUES:
          linked = strv_names_any (trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES), from_ids);
          break;
        case TRELLIS_SIGHT_RESULTS:
          {
            const char *result = trellis_entity_get_string (e, TRELLIS_FIELD_RESULT);

            linked = result != NULL && g_hash_table_contains (from_ids, result);
          }
          break;
        case TRELLIS_SIGHT_RESPONSIBILITIES:
          linked = g_hash_table_contains (needed, trellis_entity_get_id (e));
          break;
        case TRELLIS_SIGHT_COMPETENCIES:
          linked = requirements_name_any (trellis_entity_get_array (e, TRELLIS_FIELD_REQUIRES), from_ids);
          break;
        case TRELLIS_SIGHT_ROLES:
          linked = strv_names_any (trellis_entity_get_strv (e, TRELLIS_FIELD_ROLES), from_ids);
          break;
        case TRELLIS_SIGHT_PEOPLE:
        case TRELLIS_N_SIGHT_STAGES:
        default:
          break;
        }

      if (linked)
        g_hash_table_add (to, e);
    }
}

/* The two links that skip a stage, taken on the way up: the values a
 * competency expresses itself, the responsibilities assigned to a role. */
static void
skip_up (TrellisDocument   *doc,
         TrellisSightStage  stage,
         GHashTable       **sets)
{
  GHashTableIter iter;
  gpointer e;

  if (stage == TRELLIS_SIGHT_COMPETENCIES)
    {
      g_hash_table_iter_init (&iter, sets[TRELLIS_SIGHT_COMPETENCIES]);
      while (g_hash_table_iter_next (&iter, &e, NULL))
        for (const char * const *v = trellis_entity_get_strv (e, TRELLIS_FIELD_VALUES); v != NULL && *v != NULL; v++)
          add_id (doc, sets[TRELLIS_SIGHT_VALUES], *v, TRELLIS_KIND_VALUE);
    }
  else if (stage == TRELLIS_SIGHT_ROLES)
    {
      g_autoptr(GHashTable) role_ids = ids_of (sets[TRELLIS_SIGHT_ROLES]);
      guint n = trellis_document_get_n_items (doc, TRELLIS_KIND_RESPONSIBILITY);

      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *r = trellis_document_get_item (doc, TRELLIS_KIND_RESPONSIBILITY, i);
          GArray *assigns = trellis_entity_get_array (r, TRELLIS_FIELD_ASSIGNS);

          for (guint k = 0; assigns != NULL && k < assigns->len; k++)
            if (g_hash_table_contains (role_ids, g_array_index (assigns, TrellisAssignment, k).role))
              g_hash_table_add (sets[TRELLIS_SIGHT_RESPONSIBILITIES], r);
        }
    }
}

/* The same two links on the way down: the competencies that express a
 * value, the roles a responsibility is assigned to. */
static void
skip_down (TrellisDocument   *doc,
           TrellisSightStage  stage,
           GHashTable       **sets)
{
  g_autoptr(GHashTable) ids = ids_of (sets[stage]);

  if (stage == TRELLIS_SIGHT_VALUES)
    {
      guint n = trellis_document_get_n_items (doc, TRELLIS_KIND_COMPETENCY);

      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *c = trellis_document_get_item (doc, TRELLIS_KIND_COMPETENCY, i);

          if (strv_names_any (trellis_entity_get_strv (c, TRELLIS_FIELD_VALUES), ids))
            g_hash_table_add (sets[TRELLIS_SIGHT_COMPETENCIES], c);
        }
    }
  else if (stage == TRELLIS_SIGHT_RESPONSIBILITIES)
    {
      GHashTableIter iter;
      gpointer r;

      g_hash_table_iter_init (&iter, sets[stage]);
      while (g_hash_table_iter_next (&iter, &r, NULL))
        {
          GArray *assigns = trellis_entity_get_array (r, TRELLIS_FIELD_ASSIGNS);

          for (guint k = 0; assigns != NULL && k < assigns->len; k++)
            add_id (doc, sets[TRELLIS_SIGHT_ROLES], g_array_index (assigns, TrellisAssignment, k).role, TRELLIS_KIND_ROLE);
        }
    }
}

/* Walks from the entities of @sets at @start: up to the mission, down to
 * the people. */
static void
walk_from (TrellisDocument *doc,
           guint            start,
           GHashTable     **sets)
{
  for (gint s = (gint) start; s > 0; s--)
    {
      skip_up (doc, s, sets);
      step_up (doc, s, sets[s], sets[s - 1]);
    }
  for (guint s = start; s + 1 < TRELLIS_N_SIGHT_STAGES; s++)
    {
      skip_down (doc, s, sets);
      step_down (doc, s, sets[s], sets[s + 1]);
    }
}

/**
 * trellis_document_walk_sight:
 * @self: a #TrellisDocument
 * @from: an entity of @self
 * @stages: (out caller-allocates): for each stage, a new array of the
 *   entities on the line of sight through @from, in document order
 *
 * Walks the line of sight through @from: up to the mission and down to
 * the people who carry it (see the top of this file). @from is in its
 * own stage's array.
 */
void
trellis_document_walk_sight (TrellisDocument *self,
                             TrellisEntity   *from,
                             GPtrArray       *stages[TRELLIS_N_SIGHT_STAGES])
{
  GHashTable *sets[TRELLIS_N_SIGHT_STAGES];
  gint stage;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ENTITY (from));

  for (guint s = 0; s < TRELLIS_N_SIGHT_STAGES; s++)
    sets[s] = g_hash_table_new (NULL, NULL);

  stage = stage_of (trellis_entity_get_kind (from));
  if (stage >= 0)
    {
      g_hash_table_add (sets[stage], from);
      walk_from (self, stage, sets);
    }
  else
    {
      /* Outside the spine: from what it is about, stage by stage. */
      TrellisEntity *about[3] = { NULL, NULL, NULL };
      guint n = 0;

      switch (trellis_entity_get_kind (from))
        {
        case TRELLIS_KIND_INDICATOR:
          about[n++] = trellis_document_lookup (self, trellis_entity_get_string (from, TRELLIS_FIELD_RESULT));
          break;
        case TRELLIS_KIND_ACTION:
          about[n++] = trellis_document_lookup (self, trellis_entity_get_string (from, TRELLIS_FIELD_PERSON));
          about[n++] = trellis_document_lookup (self, trellis_entity_get_string (from, TRELLIS_FIELD_COMPETENCY));
          break;
        case TRELLIS_KIND_FEEDBACK:
          about[n++] = trellis_document_lookup (self, trellis_entity_get_string (from, TRELLIS_FIELD_ABOUT));
          break;
        default:
          break;
        }

      for (guint i = 0; i < n; i++)
        {
          gint s = about[i] != NULL ? stage_of (trellis_entity_get_kind (about[i])) : -1;
          GHashTable *walked[TRELLIS_N_SIGHT_STAGES];

          if (s < 0)
            continue;
          for (guint k = 0; k < TRELLIS_N_SIGHT_STAGES; k++)
            walked[k] = g_hash_table_new (NULL, NULL);
          g_hash_table_add (walked[s], about[i]);
          walk_from (self, s, walked);
          for (guint k = 0; k < TRELLIS_N_SIGHT_STAGES; k++)
            {
              GHashTableIter iter;
              gpointer e;

              g_hash_table_iter_init (&iter, walked[k]);
              while (g_hash_table_iter_next (&iter, &e, NULL))
                g_hash_table_add (sets[k], e);
              g_hash_table_unref (walked[k]);
            }
        }
    }

  for (guint s = 0; s < TRELLIS_N_SIGHT_STAGES; s++)
    {
      TrellisKind kind = stage_kinds[s];
      guint n = kind == TRELLIS_KIND_ORGANISATION ? 1 : trellis_document_get_n_items (self, kind);

      stages[s] = g_ptr_array_new ();
      for (guint i = 0; i < n; i++)
        {
          TrellisEntity *e = kind == TRELLIS_KIND_ORGANISATION ? TRELLIS_ENTITY (trellis_document_get_organisation (self))
                                                              : trellis_document_get_item (self, kind, i);

          if (g_hash_table_contains (sets[s], e))
            g_ptr_array_add (stages[s], e);
        }
      g_hash_table_unref (sets[s]);
    }
}

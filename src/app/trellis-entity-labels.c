/* trellis-entity-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-entity-labels"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "trellis-date-button.h"
#include "trellis-entity-labels.h"
#include "trellis-monitor.h"

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

/**
 * trellis_dup_learning_rhythm:
 * @document: a document
 * @person: a person of @document
 * @today: the day it is
 * @brief: for a list's subtitle: only when the person is quiet
 *
 * Says when @person last took a step in growing (an assessment, or a
 * development action that came due), and whether that is long ago (see
 * trellis-monitor.c).
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL when
 *   @brief and there is nothing to point out
 */
char *
trellis_dup_learning_rhythm (TrellisDocument *document,
                             TrellisEntity   *person,
                             TrellisDate      today,
                             gboolean         brief)
{
  TrellisDate last = trellis_document_get_last_growth_step (document, person, today);
  gboolean quiet = trellis_growth_step_is_quiet (last, today);
  guint months = last != 0 ? (today - last) / 30 : 0;
  g_autofree char *when = NULL;

  if (brief && !quiet)
    return NULL;

  if (last == 0)
    return g_strdup (brief ? _("no growth step yet") : _("No assessment or development step yet: nobody has talked with them about growing."));

  if (brief)
    /* Translators: in a list, a person nobody has talked with about growing for %u months. */
    return g_strdup_printf (ngettext ("quiet for %u month", "quiet for %u months", months), months);

  when = trellis_date_format_for_display (last);
  if (quiet)
    /* Translators: %u is a number of months, %s the date of a person's last assessment or development step. */
    return g_strdup_printf (ngettext ("Nobody has talked with them about growing for %u month (last step: %s).",
                                      "Nobody has talked with them about growing for %u months (last step: %s).",
                                      months), months, when);
  if (months == 0)
    /* Translators: %s is the date of a person's last assessment or development step. */
    return g_strdup_printf (_("Last assessment or development step this month (%s)."), when);

  /* Translators: %u is a number of months, %s the date of a person's last assessment or development step. */
  return g_strdup_printf (ngettext ("Last assessment or development step %u month ago (%s).",
                                    "Last assessment or development step %u months ago (%s).",
                                    months), months, when);
}

/**
 * trellis_dup_team_learning_rhythm:
 * @document: a document
 * @today: the day it is
 *
 * The team's learning rhythm, as a human indicator shows it: how many
 * people nobody has talked with about growing for six months. A count,
 * never names.
 *
 * Returns: (transfer full): the sentence
 */
char *
trellis_dup_team_learning_rhythm (TrellisDocument *document,
                                  TrellisDate      today)
{
  guint n = trellis_document_get_n_items (document, TRELLIS_KIND_PERSON);
  guint quiet = trellis_document_count_quiet (document, today);

  if (quiet == 0)
    return g_strdup (_("Everyone has had an assessment or a development step in the last six months."));

  /* Translators: the first %u people, of the second %u in the team, have had no assessment or development step in six months. */
  return g_strdup_printf (ngettext ("%u of %u people has had no assessment or development step in six months.",
                                    "%u of %u people have had no assessment or development step in six months.",
                                    quiet), quiet, n);
}

/**
 * trellis_dup_indicator_status:
 * @indicator: an indicator
 * @brief: for a list's subtitle
 *
 * Returns: (transfer full) (nullable): the latest measurement against the
 *   target, or %NULL when there is no measurement
 */
char *
trellis_dup_indicator_status (TrellisEntity *indicator,
                              gboolean       brief)
{
  TrellisMeasurement latest;
  const char *unit = trellis_entity_get_string (indicator, TRELLIS_FIELD_UNIT);
  double target = trellis_entity_get_double (indicator, TRELLIS_FIELD_TARGET);
  g_autofree char *value = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *when = NULL;

  if (!trellis_indicator_get_latest (indicator, &latest))
    return NULL;

  value = g_strdup_printf ("%g%s%s", latest.value, unit != NULL ? " " : "", unit != NULL ? unit : "");
  if (isnan (target))
    return g_strdup_printf (brief
                            /* Translators: an indicator's latest measurement in its row, e.g. “latest 72 %”. */
                            ? _("latest %s")
                            /* Translators: an indicator's latest measurement, said in full, e.g. “Latest measurement: 72 %.” */
                            : _("Latest measurement: %s."), value);

  goal = g_strdup_printf ("%g%s%s", target, unit != NULL ? " " : "", unit != NULL ? unit : "");
  if (brief)
    return trellis_indicator_misses_target (indicator)
           /* Translators: an indicator's latest measurement below its target, e.g. “72 % misses 80 %”. */
           ? g_strdup_printf (_("%s misses %s"), value, goal)
           /* Translators: an indicator's latest measurement, which reaches its target, e.g. “82 % reaches 80 %”. */
           : g_strdup_printf (_("%s reaches %s"), value, goal);

  when = trellis_date_format_for_display (latest.date);
  return trellis_indicator_misses_target (indicator)
         /* Translators: the first %s is a measurement, the second its date, the third the target,
          * e.g. “The latest measurement, 72 % on 3 March 2026, misses the target of 80 %.” */
         ? g_strdup_printf (_("The latest measurement, %s on %s, misses the target of %s."), value, when, goal)
         /* Translators: the first %s is a measurement, the second its date, the third the target,
          * e.g. “The latest measurement, 82 % on 3 March 2026, reaches the target of 80 %.” */
         : g_strdup_printf (_("The latest measurement, %s on %s, reaches the target of %s."), value, when, goal);
}

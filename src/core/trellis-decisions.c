/* trellis-decisions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-decisions"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-document.h"

/* Decisions: a value a workshop agreed on after a secret vote, kept with
 * the rationale, the date and how the votes fell (see
 * trellis-vote-round.c). A role keeps the decisions on its required
 * levels (about a competency), a responsibility those on its delegation
 * (about a role), in the field TRELLIS_FIELD_DECISIONS, in the order they
 * were made: they are history, never edited, and the value that holds
 * is the requirement or the assignment itself.
 *
 * Recording one is a single edit of the document that sets the value and
 * adds the decision, undone as one. Deleting the competency or the role
 * a decision is about deletes the decision with it (trellis-document.c),
 * so that no decision names what is not there.
 *
 * In a file the votes are written as "level:count" pairs, lowest level
 * first, only levels somebody voted for: "2:1 3:4 4:1". Who voted what is
 * never kept, nor the names typed with the votes. */

void
trellis_decision_free (TrellisDecision *decision)
{
  g_return_if_fail (decision != NULL);

  g_free (decision->rationale);
  g_free (decision);
}

GPtrArray *
trellis_decisions_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) trellis_decision_free);
}

/**
 * trellis_decision_new:
 * @about: a competency id (a role's decision) or a role id (a
 *   responsibility's)
 * @level: the level or delegation agreed
 * @date: when
 * @votes: (array fixed-size=11): how many voted for each level
 * @rationale: (nullable): why
 *
 * Returns: (transfer full): a decision, for trellis_decisions_new()'s
 *   arrays
 */
TrellisDecision *
trellis_decision_new (const char    *about,
                      gint           level,
                      TrellisDate    date,
                      const guint16 *votes,
                      const char    *rationale)
{
  TrellisDecision *decision;

  g_return_val_if_fail (about != NULL, NULL);
  g_return_val_if_fail (votes != NULL, NULL);

  decision = g_new0 (TrellisDecision, 1);
  decision->about = g_intern_string (about);
  decision->level = level;
  decision->date = date;
  memcpy (decision->votes, votes, sizeof decision->votes);
  decision->rationale = rationale != NULL && rationale[0] != '\0' ? g_strdup (rationale) : NULL;

  return decision;
}

static TrellisDecision *
decision_copy (const TrellisDecision *decision)
{
  return trellis_decision_new (decision->about, decision->level, decision->date, decision->votes,
                               decision->rationale);
}

/**
 * trellis_decisions_copy_add:
 * @decisions: (nullable): the decisions of a role or a responsibility
 * @decision: one more
 *
 * Returns: (transfer full): a new array with @decision after the others
 */
GPtrArray *
trellis_decisions_copy_add (GPtrArray             *decisions,
                            const TrellisDecision *decision)
{
  GPtrArray *copy = trellis_decisions_new ();

  g_return_val_if_fail (decision != NULL, copy);

  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    g_ptr_array_add (copy, decision_copy (g_ptr_array_index (decisions, i)));
  g_ptr_array_add (copy, decision_copy (decision));

  return copy;
}

/**
 * trellis_decisions_copy_drop:
 * @decisions: (nullable): the decisions of a role or a responsibility
 * @about: a competency or role id
 *
 * Returns: (transfer full): a new array without the decisions about
 *   @about
 */
GPtrArray *
trellis_decisions_copy_drop (GPtrArray  *decisions,
                             const char *about)
{
  GPtrArray *copy = trellis_decisions_new ();

  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      const TrellisDecision *decision = g_ptr_array_index (decisions, i);

      if (g_strcmp0 (decision->about, about) != 0)
        g_ptr_array_add (copy, decision_copy (decision));
    }

  return copy;
}

gboolean
trellis_decisions_mention (GPtrArray  *decisions,
                           const char *about)
{
  return trellis_decisions_get_last (decisions, about) != NULL;
}

/**
 * trellis_decisions_get_last:
 * @decisions: (nullable): the decisions of a role or a responsibility
 * @about: a competency or role id
 *
 * Returns: (transfer none) (nullable): the latest decision about @about
 */
const TrellisDecision *
trellis_decisions_get_last (GPtrArray  *decisions,
                            const char *about)
{
  for (guint i = decisions != NULL ? decisions->len : 0; i > 0; i--)
    {
      const TrellisDecision *decision = g_ptr_array_index (decisions, i - 1);

      if (g_strcmp0 (decision->about, about) == 0)
        return decision;
    }

  return NULL;
}

/**
 * trellis_votes_to_string:
 * @votes: (array fixed-size=11): how many voted for each level
 *
 * Returns: (transfer full): the votes as a file writes them, "2:1 3:4"
 */
char *
trellis_votes_to_string (const guint16 *votes)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (votes != NULL, g_string_free (out, FALSE));

  for (gint level = TRELLIS_LEVEL_MIN; level <= TRELLIS_LEVEL_MAX; level++)
    if (votes[level] > 0)
      g_string_append_printf (out, "%s%d:%u", out->len > 0 ? " " : "", level, votes[level]);

  return g_string_free (out, FALSE);
}

/* A whole number from @p, at most @max, with no sign and no leading
 * zero; moves @p past it. */
static gboolean
read_number (const char **p,
             const char  *end,
             guint        max,
             guint       *out)
{
  const char *start = *p;
  guint value = 0;

  while (*p < end && g_ascii_isdigit (**p))
    {
      value = value * 10 + (guint) (**p - '0');
      if (value > max)
        return FALSE;
      (*p)++;
    }

  if (*p == start || (start[0] == '0' && *p - start > 1))
    return FALSE;

  *out = value;
  return TRUE;
}

/**
 * trellis_votes_from_string:
 * @str: the votes as a file writes them
 * @len: the length of @str
 * @min: the lowest level a vote may be for
 * @max: the highest
 * @votes: (out caller-allocates) (array fixed-size=11): how many voted
 *   for each level
 *
 * Reads what trellis_votes_to_string() writes: pairs separated by one
 * space, levels rising, counts from 1, at least one vote and at most
 * %TRELLIS_DECISION_MAX_VOTES in all.
 *
 * Returns: whether @str is such a list
 */
gboolean
trellis_votes_from_string (const char *str,
                           gsize       len,
                           gint        min,
                           gint        max,
                           guint16    *votes)
{
  const char *p = str;
  const char *end = str + len;
  gint last = -1;
  guint total = 0;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (votes != NULL, FALSE);
  g_return_val_if_fail (min >= TRELLIS_LEVEL_MIN && max <= TRELLIS_LEVEL_MAX, FALSE);

  memset (votes, 0, sizeof (guint16) * (TRELLIS_LEVEL_MAX + 1));

  while (p < end)
    {
      guint level, count;

      if (p > str && *p++ != ' ')
        return FALSE;
      if (!read_number (&p, end, TRELLIS_LEVEL_MAX, &level) || p >= end || *p++ != ':' ||
          !read_number (&p, end, TRELLIS_DECISION_MAX_VOTES, &count))
        return FALSE;
      if ((gint) level < min || (gint) level > max || (gint) level <= last || count == 0)
        return FALSE;

      total += count;
      if (total > TRELLIS_DECISION_MAX_VOTES)
        return FALSE;
      votes[level] = (guint16) count;
      last = (gint) level;
    }

  return total > 0;
}

/**
 * trellis_document_record_decision:
 * @self: a #TrellisDocument
 * @role_or_responsibility: a role (a required level) or a responsibility
 *   (a delegation)
 * @decision: the value agreed, with its rationale, date and votes
 *
 * Sets the value the workshop agreed on (the role's required level of
 * the competency @decision is about, or the delegation of the
 * responsibility to the role it is about, keeping the role's RACI
 * letters) and keeps @decision with it: one edit, undone as one.
 */
void
trellis_document_record_decision (TrellisDocument       *self,
                                  TrellisEntity         *role_or_responsibility,
                                  const TrellisDecision *decision)
{
  g_autofree char *label = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *object = NULL;
  TrellisEntity *about;
  GPtrArray *decisions;

  g_return_if_fail (TRELLIS_IS_DOCUMENT (self));
  g_return_if_fail (TRELLIS_IS_ROLE (role_or_responsibility) || TRELLIS_IS_RESPONSIBILITY (role_or_responsibility));
  g_return_if_fail (decision != NULL && decision->about != NULL && decision->date != 0);

  about = trellis_document_lookup (self, decision->about);
  subject = trellis_entity_dup_label (role_or_responsibility);

  if (TRELLIS_IS_ROLE (role_or_responsibility))
    {
      g_return_if_fail (TRELLIS_IS_COMPETENCY (about));
      g_return_if_fail (trellis_document_level_in_scale (self, decision->level));

      object = trellis_entity_dup_label (about);
      /* Translators: an undo step; the first %s is a competency, the second a role. */
      label = g_strdup_printf (_("Agree on the level of ‘%s’ for ‘%s’"), object, subject);
      trellis_document_begin_group (self, label);
      trellis_document_set_requirement (self, role_or_responsibility, decision->about, decision->level);
    }
  else
    {
      GArray *assigns = trellis_entity_get_array (role_or_responsibility, TRELLIS_FIELD_ASSIGNS);
      const TrellisAssignment *a = trellis_assignments_lookup (assigns, decision->about);

      g_return_if_fail (TRELLIS_IS_ROLE (about));
      g_return_if_fail (decision->level > TRELLIS_AUTHORITY_NONE && decision->level < TRELLIS_N_AUTHORITIES);

      object = trellis_entity_dup_label (about);
      /* Translators: an undo step; the first %s is a responsibility, the second a role. */
      label = g_strdup_printf (_("Agree on the delegation of ‘%s’ to ‘%s’"), subject, object);
      trellis_document_begin_group (self, label);
      trellis_document_set_assignment (self, TRELLIS_RESPONSIBILITY (role_or_responsibility), decision->about,
                                       a != NULL ? a->raci : TRELLIS_RACI_NONE, decision->level);
    }

  decisions = trellis_entity_get_ptr_array (role_or_responsibility, TRELLIS_FIELD_DECISIONS);
  trellis_document_take_ptr_array (self, role_or_responsibility, TRELLIS_FIELD_DECISIONS,
                                   trellis_decisions_copy_add (decisions, decision));
  trellis_document_end_group (self);
}

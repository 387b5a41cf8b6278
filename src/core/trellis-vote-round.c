/* trellis-vote-round.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-round"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "trellis-vote-round.h"

/* One round of a secret vote in a workshop (delegation poker, planning
 * poker): everyone picks a level on their own, all votes are shown at
 * once, the highest and the lowest explain themselves, and the team
 * agrees on a value.
 *
 * What a round decides is a cell of a map, by ids: a role's required
 * level of a competency (the role requirement map: row role, column
 * competency) on the document's scale, or how far a responsibility is
 * delegated to a role (the responsibility map: row responsibility,
 * column role) on the seven delegation levels.
 *
 * Decisions kept here, so that every face of a round (the laptop, the
 * phones, the tests) behaves the same:
 *
 * - While the round is open, nothing of the votes can be read but how
 *   many there are: the counts, the highest, the lowest and the names
 *   are refused until the reveal. The votes are kept as counts per
 *   level and names per level, never in the order they came in, so
 *   that even after the reveal the order of passing the laptop does not
 *   tell who voted what.
 * - A vote carries a name only when the participant typed one (on a
 *   phone). Names are shown at the reveal, sorted, and never written to
 *   the file.
 * - The current value is not offered before the reveal: it would anchor
 *   the votes as much as a first voice does.
 * - Restarting empties the round and opens it again for the same
 *   question; the serial counts the restarts, so that one vote per
 *   device can be told apart from one vote per device and restart.
 * - A round takes at most TRELLIS_VOTE_ROUND_MAX_VOTES votes and names
 *   of at most TRELLIS_VOTE_NAME_MAX_CHARS characters: the network can
 *   send anything.
 * - Agreeing is one undoable edit of the document, which sets the value
 *   and keeps the decision with its rationale, date and the counts per
 *   level (trellis-decisions.c); the round itself is not in the document
 *   and is not saved. */

#define N_SLOTS (TRELLIS_LEVEL_MAX + 1)

struct _TrellisVoteRound
{
  GObject           parent_instance;

  TrellisVoteKind   kind;
  TrellisVoteState  state;
  char             *row_id;
  char             *column_id;
  gint              min_level;
  gint              max_level;
  gint              current;
  guint             serial;

  guint             n_votes;
  guint             counts[N_SLOTS];
  GPtrArray        *names[N_SLOTS];   /* (nullable) names typed, per level */
};

enum {
  PROP_0,
  PROP_STATE,
  PROP_N_VOTES,
  PROP_SERIAL,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (trellis-vote-round-error, trellis_vote_round_error)
G_DEFINE_FINAL_TYPE (TrellisVoteRound, trellis_vote_round, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TrellisVoteKind, trellis_vote_kind,
  G_DEFINE_ENUM_VALUE (TRELLIS_VOTE_REQUIRED_LEVEL, "required-level"),
  G_DEFINE_ENUM_VALUE (TRELLIS_VOTE_DELEGATION, "delegation"))

G_DEFINE_ENUM_TYPE (TrellisVoteState, trellis_vote_state,
  G_DEFINE_ENUM_VALUE (TRELLIS_VOTE_STATE_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (TRELLIS_VOTE_STATE_REVEALED, "revealed"),
  G_DEFINE_ENUM_VALUE (TRELLIS_VOTE_STATE_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (TRELLIS_VOTE_STATE_DROPPED, "dropped"))

static void
clear_votes (TrellisVoteRound *self)
{
  self->n_votes = 0;
  memset (self->counts, 0, sizeof self->counts);
  for (guint i = 0; i < N_SLOTS; i++)
    g_clear_pointer (&self->names[i], g_ptr_array_unref);
}

static void
set_state (TrellisVoteRound *self,
           TrellisVoteState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Whether the votes may be read: after the reveal, and after the end
 * of a round that was revealed. */
static gboolean
is_revealed (TrellisVoteRound *self)
{
  return self->state == TRELLIS_VOTE_STATE_REVEALED || self->state == TRELLIS_VOTE_STATE_AGREED;
}

/* @name without the spaces around it, or NULL when nothing is left;
 * FALSE when it is no name a person would type. */
static gboolean
check_name (const char  *name,
            char       **out,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  *out = NULL;
  if (name == NULL)
    return TRUE;

  if (!g_utf8_validate (name, -1, NULL))
    goto refuse;

  stripped = g_strstrip (g_strdup (name));
  if (g_utf8_strlen (stripped, -1) > TRELLIS_VOTE_NAME_MAX_CHARS)
    goto refuse;

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT || type == G_UNICODE_LINE_SEPARATOR ||
          type == G_UNICODE_PARAGRAPH_SEPARATOR || type == G_UNICODE_UNASSIGNED || type == G_UNICODE_SURROGATE)
        goto refuse;
    }

  if (stripped[0] != '\0')
    *out = g_steal_pointer (&stripped);
  return TRUE;

refuse:
  g_set_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_NAME,
               /* Translators: shown on a phone when a workshop vote refuses a name; %d is the most
                * characters a name may have, e.g. 40. */
               _("A name is plain text of at most %d characters. Leave it out to vote without a name."),
               TRELLIS_VOTE_NAME_MAX_CHARS);
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
trellis_vote_round_finalize (GObject *object)
{
  TrellisVoteRound *self = TRELLIS_VOTE_ROUND (object);

  clear_votes (self);
  g_free (self->row_id);
  g_free (self->column_id);

  G_OBJECT_CLASS (trellis_vote_round_parent_class)->finalize (object);
}

static void
trellis_vote_round_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrellisVoteRound *self = TRELLIS_VOTE_ROUND (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_N_VOTES:
      g_value_set_uint (value, self->n_votes);
      break;

    case PROP_SERIAL:
      g_value_set_uint (value, self->serial);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trellis_vote_round_class_init (TrellisVoteRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_vote_round_finalize;
  object_class->get_property = trellis_vote_round_get_property;

  /**
   * TrellisVoteRound:state:
   *
   * Where the round is.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       TRELLIS_TYPE_VOTE_STATE, TRELLIS_VOTE_STATE_OPEN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TrellisVoteRound:n-votes:
   *
   * How many votes were cast since the round was last opened: the one
   * thing known of them before the reveal.
   */
  properties[PROP_N_VOTES] =
    g_param_spec_uint ("n-votes", NULL, NULL,
                       0, TRELLIS_VOTE_ROUND_MAX_VOTES, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * TrellisVoteRound:serial:
   *
   * How many times the round was restarted.
   */
  properties[PROP_SERIAL] =
    g_param_spec_uint ("serial", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trellis_vote_round_init (TrellisVoteRound *self)
{
  self->state = TRELLIS_VOTE_STATE_OPEN;
  self->current = TRELLIS_LEVEL_NONE;
}

/**
 * trellis_vote_round_new:
 * @document: the document with the question
 * @row_id: a role (for its required level) or a responsibility (for its
 *   delegation)
 * @column_id: a competency (with a role) or a role (with a
 *   responsibility)
 * @error: where to say why nothing can be voted on
 *
 * Opens a round on a cell of the role requirement map or of the
 * responsibility map. The round keeps the ids and the levels offered;
 * it does not follow the document.
 *
 * Returns: (transfer full) (nullable): the open round, or %NULL when the
 *   ids name no such cell
 */
TrellisVoteRound *
trellis_vote_round_new (TrellisDocument  *document,
                        const char       *row_id,
                        const char       *column_id,
                        GError          **error)
{
  g_autoptr(TrellisVoteRound) self = NULL;
  TrellisEntity *row, *column;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (row_id != NULL, NULL);
  g_return_val_if_fail (column_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  row = trellis_document_lookup (document, row_id);
  column = trellis_document_lookup (document, column_id);

  self = g_object_new (TRELLIS_TYPE_VOTE_ROUND, NULL);
  self->row_id = g_strdup (row_id);
  self->column_id = g_strdup (column_id);

  if (TRELLIS_IS_ROLE (row) && TRELLIS_IS_COMPETENCY (column))
    {
      GArray *requires = trellis_entity_get_array (row, TRELLIS_FIELD_REQUIRES);

      self->kind = TRELLIS_VOTE_REQUIRED_LEVEL;
      self->min_level = trellis_document_get_scale_min (document);
      self->max_level = trellis_document_get_scale_max (document);
      self->current = trellis_requirements_lookup (requires, trellis_entity_get_id (column));
    }
  else if (TRELLIS_IS_RESPONSIBILITY (row) && TRELLIS_IS_ROLE (column))
    {
      GArray *assigns = trellis_entity_get_array (row, TRELLIS_FIELD_ASSIGNS);
      const TrellisAssignment *a = trellis_assignments_lookup (assigns, trellis_entity_get_id (column));

      self->kind = TRELLIS_VOTE_DELEGATION;
      self->min_level = TRELLIS_AUTHORITY_TELL;
      self->max_level = TRELLIS_AUTHORITY_DELEGATE;
      self->current = a != NULL && a->authority != TRELLIS_AUTHORITY_NONE ? (gint) a->authority : TRELLIS_LEVEL_NONE;
    }
  else
    {
      g_set_error_literal (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_UNKNOWN,
                           _("Only the level a role requires of a competency and how far a responsibility is "
                             "delegated to a role can be voted on. Choose a cell of the role requirement map "
                             "or of the responsibility map."));
      return NULL;
    }

  /* A document's scale is never empty and always within these bounds;
   * the round must not count outside its slots whatever it was given. */
  g_assert (self->min_level >= TRELLIS_LEVEL_MIN && self->max_level <= TRELLIS_LEVEL_MAX &&
            self->min_level <= self->max_level);

  return g_steal_pointer (&self);
}

TrellisVoteKind
trellis_vote_round_get_kind (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRELLIS_VOTE_REQUIRED_LEVEL);

  return self->kind;
}

TrellisVoteState
trellis_vote_round_get_state (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRELLIS_VOTE_STATE_DROPPED);

  return self->state;
}

/**
 * trellis_vote_round_is_finished:
 * @self: a #TrellisVoteRound
 *
 * Returns: whether the round has ended: agreed or dropped
 */
gboolean
trellis_vote_round_is_finished (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRUE);

  return self->state == TRELLIS_VOTE_STATE_AGREED || self->state == TRELLIS_VOTE_STATE_DROPPED;
}

/**
 * trellis_vote_round_get_row_id:
 * @self: a #TrellisVoteRound
 *
 * Returns: the role (a required level) or the responsibility (a
 *   delegation) voted on
 */
const char *
trellis_vote_round_get_row_id (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), NULL);

  return self->row_id;
}

/**
 * trellis_vote_round_get_column_id:
 * @self: a #TrellisVoteRound
 *
 * Returns: the competency (a required level) or the role (a delegation)
 *   voted on
 */
const char *
trellis_vote_round_get_column_id (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), NULL);

  return self->column_id;
}

/**
 * trellis_vote_round_get_min_level:
 * @self: a #TrellisVoteRound
 *
 * Returns: the lowest level offered: the scale's lowest, or 1 (tell)
 */
gint
trellis_vote_round_get_min_level (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), 0);

  return self->min_level;
}

/**
 * trellis_vote_round_get_max_level:
 * @self: a #TrellisVoteRound
 *
 * Returns: the highest level offered: the scale's highest, or 7
 *   (delegate)
 */
gint
trellis_vote_round_get_max_level (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), 0);

  return self->max_level;
}

/**
 * trellis_vote_round_get_current:
 * @self: a #TrellisVoteRound
 *
 * The value the cell had when the round was opened. Known from the
 * reveal on, so that it does not anchor the votes.
 *
 * Returns: the level or delegation before the vote, or
 *   %TRELLIS_LEVEL_NONE (none, or not revealed yet)
 */
gint
trellis_vote_round_get_current (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRELLIS_LEVEL_NONE);

  return is_revealed (self) ? self->current : TRELLIS_LEVEL_NONE;
}

guint
trellis_vote_round_get_n_votes (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), 0);

  return self->n_votes;
}

guint
trellis_vote_round_get_serial (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), 0);

  return self->serial;
}

/**
 * trellis_vote_round_cast:
 * @self: a #TrellisVoteRound
 * @level: the level voted for
 * @name: (nullable): the name the participant typed, if any
 * @error: where to say why the vote was refused
 *
 * Counts one vote. It is refused, and nothing changes, unless the round
 * is open, @level is offered, @name is short plain text, and the round
 * is not full.
 *
 * Returns: whether the vote was counted
 */
gboolean
trellis_vote_round_cast (TrellisVoteRound *self,
                         gint              level,
                         const char       *name,
                         GError          **error)
{
  g_autofree char *checked = NULL;

  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state != TRELLIS_VOTE_STATE_OPEN)
    {
      g_set_error_literal (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_CLOSED,
                           _("Voting in this round has closed."));
      return FALSE;
    }

  if (level < self->min_level || level > self->max_level)
    {
      g_set_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_LEVEL,
                   /* Translators: shown when a workshop vote refuses a level; the %d are the lowest
                    * and the highest level, e.g. 0 and 4. */
                   _("Choose a level from %d to %d."), self->min_level, self->max_level);
      return FALSE;
    }

  if (!check_name (name, &checked, error))
    return FALSE;

  if (self->n_votes >= TRELLIS_VOTE_ROUND_MAX_VOTES)
    {
      g_set_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_FULL,
                   /* Translators: shown on a phone when a workshop vote is full; %d is the most votes
                    * a round takes, e.g. 200. */
                   _("This round already holds %d votes, the most it takes."), TRELLIS_VOTE_ROUND_MAX_VOTES);
      return FALSE;
    }

  self->counts[level]++;
  self->n_votes++;
  if (checked != NULL)
    {
      if (self->names[level] == NULL)
        self->names[level] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->names[level], g_steal_pointer (&checked));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VOTES]);

  return TRUE;
}

/**
 * trellis_vote_round_reveal:
 * @self: a #TrellisVoteRound
 *
 * Shows every vote at once and takes no more. A round with no votes has
 * nothing to reveal and stays open.
 *
 * Returns: whether the votes are revealed now
 */
gboolean
trellis_vote_round_reveal (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), FALSE);

  if (self->state == TRELLIS_VOTE_STATE_REVEALED)
    return TRUE;
  if (self->state != TRELLIS_VOTE_STATE_OPEN || self->n_votes == 0)
    return FALSE;

  set_state (self, TRELLIS_VOTE_STATE_REVEALED);

  return TRUE;
}

/**
 * trellis_vote_round_agree:
 * @self: a revealed #TrellisVoteRound
 * @document: the document the round was opened on
 * @level: the value the team agreed on
 * @rationale: (nullable): why, in a few words
 * @error: where to say why it could not be recorded
 *
 * Records the agreed value in @document, with @rationale, today's date
 * and how the votes fell, as one edit that can be undone, and ends the
 * round. Nothing changes when @level is not offered, or when what was
 * voted on was deleted during the round.
 *
 * Returns: whether the value was recorded
 */
gboolean
trellis_vote_round_agree (TrellisVoteRound  *self,
                          TrellisDocument   *document,
                          gint               level,
                          const char        *rationale,
                          GError           **error)
{
  g_autofree char *reason = NULL;
  g_autoptr(TrellisDecision) decision = NULL;
  TrellisEntity *row, *column;
  gboolean present;

  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), FALSE);
  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (self->state == TRELLIS_VOTE_STATE_REVEALED, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  row = trellis_document_lookup (document, self->row_id);
  column = trellis_document_lookup (document, self->column_id);
  present = self->kind == TRELLIS_VOTE_REQUIRED_LEVEL ? TRELLIS_IS_ROLE (row) && TRELLIS_IS_COMPETENCY (column)
                                                      : TRELLIS_IS_RESPONSIBILITY (row) && TRELLIS_IS_ROLE (column);
  if (!present)
    {
      g_set_error_literal (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_GONE,
                           _("What was voted on was deleted during the vote. Undo the deletion to record the "
                             "value, or drop the round."));
      return FALSE;
    }

  if (level < self->min_level || level > self->max_level ||
      (self->kind == TRELLIS_VOTE_REQUIRED_LEVEL && !trellis_document_level_in_scale (document, level)))
    {
      /* Translators: %d and %d are the lowest and the highest level of a vote. */
      g_set_error (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_LEVEL,
                   _("Choose a level from %d to %d."), self->min_level, self->max_level);
      return FALSE;
    }

  {
    guint16 votes[N_SLOTS] = { 0 };

    for (guint i = 0; i < N_SLOTS; i++)
      votes[i] = (guint16) self->counts[i];
    reason = rationale != NULL ? g_strstrip (g_strdup (rationale)) : NULL;
    decision = trellis_decision_new (self->column_id, level, trellis_date_today (), votes, reason);
  }

  trellis_document_record_decision (document, row, decision);
  set_state (self, TRELLIS_VOTE_STATE_AGREED);

  return TRUE;
}

/**
 * trellis_vote_round_restart:
 * @self: a #TrellisVoteRound
 *
 * Forgets every vote and opens the round again on the same question,
 * for a second vote after the talk. A round that has ended stays ended.
 */
void
trellis_vote_round_restart (TrellisVoteRound *self)
{
  g_return_if_fail (TRELLIS_IS_VOTE_ROUND (self));

  if (trellis_vote_round_is_finished (self))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  clear_votes (self);
  self->serial++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VOTES]);
  set_state (self, TRELLIS_VOTE_STATE_OPEN);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * trellis_vote_round_drop:
 * @self: a #TrellisVoteRound
 *
 * Ends the round without a value; its votes are forgotten.
 */
void
trellis_vote_round_drop (TrellisVoteRound *self)
{
  g_return_if_fail (TRELLIS_IS_VOTE_ROUND (self));

  if (trellis_vote_round_is_finished (self))
    return;

  clear_votes (self);
  set_state (self, TRELLIS_VOTE_STATE_DROPPED);
}

/**
 * trellis_vote_round_get_count:
 * @self: a #TrellisVoteRound
 * @level: a level
 *
 * Returns: how many voted for @level; 0 before the reveal
 */
guint
trellis_vote_round_get_count (TrellisVoteRound *self,
                              gint              level)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), 0);

  if (!is_revealed (self) || level < self->min_level || level > self->max_level)
    return 0;

  return self->counts[level];
}

/**
 * trellis_vote_round_get_lowest:
 * @self: a #TrellisVoteRound
 *
 * Returns: the lowest level voted for, or %TRELLIS_LEVEL_NONE before the
 *   reveal
 */
gint
trellis_vote_round_get_lowest (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRELLIS_LEVEL_NONE);

  if (is_revealed (self))
    for (gint level = self->min_level; level <= self->max_level; level++)
      if (self->counts[level] > 0)
        return level;

  return TRELLIS_LEVEL_NONE;
}

/**
 * trellis_vote_round_get_highest:
 * @self: a #TrellisVoteRound
 *
 * Returns: the highest level voted for, or %TRELLIS_LEVEL_NONE before
 *   the reveal
 */
gint
trellis_vote_round_get_highest (TrellisVoteRound *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRELLIS_LEVEL_NONE);

  if (is_revealed (self))
    for (gint level = self->max_level; level >= self->min_level; level--)
      if (self->counts[level] > 0)
        return level;

  return TRELLIS_LEVEL_NONE;
}

/**
 * trellis_vote_round_get_median:
 * @self: a #TrellisVoteRound
 *
 * The level in the middle of the votes (of two in the middle, the lower):
 * what the agreed value starts from, for the facilitator to change.
 *
 * Returns: the median level, or %TRELLIS_LEVEL_NONE before the reveal
 */
gint
trellis_vote_round_get_median (TrellisVoteRound *self)
{
  guint seen = 0;

  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), TRELLIS_LEVEL_NONE);

  if (!is_revealed (self))
    return TRELLIS_LEVEL_NONE;

  for (gint level = self->min_level; level <= self->max_level; level++)
    {
      seen += self->counts[level];
      if (seen * 2 >= self->n_votes && seen > 0)
        return level;
    }

  return TRELLIS_LEVEL_NONE;
}

/**
 * trellis_vote_round_dup_names:
 * @self: a #TrellisVoteRound
 * @level: a level
 *
 * The names typed with the votes for @level, in alphabetical order.
 *
 * Returns: (transfer full) (array zero-terminated=1): the names; none
 *   before the reveal
 */
GStrv
trellis_vote_round_dup_names (TrellisVoteRound *self,
                              gint              level)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) sorted = NULL;
  GPtrArray *names;

  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (self), NULL);

  if (is_revealed (self) && level >= self->min_level && level <= self->max_level &&
      (names = self->names[level]) != NULL)
    {
      /* A copy of the pointers only: the round keeps the names. */
      sorted = g_ptr_array_copy (names, NULL, NULL);
      g_ptr_array_set_free_func (sorted, NULL);
      g_ptr_array_sort (sorted, compare_names);
      for (guint i = 0; i < sorted->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (sorted, i));
    }

  return g_strv_builder_end (builder);
}

/* trellis-vote-round.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_VOTE_ROUND_ERROR (trellis_vote_round_error_quark ())

/**
 * TRELLIS_VOTE_ROUND_MAX_VOTES:
 *
 * The most votes one round takes: far more than a room holds, so that
 * a round fed from the network stays small whatever is sent to it.
 */
#define TRELLIS_VOTE_ROUND_MAX_VOTES TRELLIS_DECISION_MAX_VOTES

/**
 * TRELLIS_VOTE_NAME_MAX_CHARS:
 *
 * The longest name a participant may give their vote, in characters.
 */
#define TRELLIS_VOTE_NAME_MAX_CHARS 40

/**
 * TrellisVoteRoundError:
 * @TRELLIS_VOTE_ROUND_ERROR_UNKNOWN: the question names nothing that can be
 *   voted on
 * @TRELLIS_VOTE_ROUND_ERROR_CLOSED: the round takes no more votes
 * @TRELLIS_VOTE_ROUND_ERROR_LEVEL: the level is not one the round offers
 * @TRELLIS_VOTE_ROUND_ERROR_NAME: the name is too long or not text
 * @TRELLIS_VOTE_ROUND_ERROR_FULL: the round holds
 *   %TRELLIS_VOTE_ROUND_MAX_VOTES votes
 * @TRELLIS_VOTE_ROUND_ERROR_GONE: what was voted on left the document
 *   during the round
 *
 * Why a round refused a vote or an agreement. Every error carries a
 * translated sentence.
 */
typedef enum
{
  TRELLIS_VOTE_ROUND_ERROR_UNKNOWN,
  TRELLIS_VOTE_ROUND_ERROR_CLOSED,
  TRELLIS_VOTE_ROUND_ERROR_LEVEL,
  TRELLIS_VOTE_ROUND_ERROR_NAME,
  TRELLIS_VOTE_ROUND_ERROR_FULL,
  TRELLIS_VOTE_ROUND_ERROR_GONE,
} TrellisVoteRoundError;

/**
 * TrellisVoteKind:
 * @TRELLIS_VOTE_REQUIRED_LEVEL: the level of a competency a role requires,
 *   on the document's scale
 * @TRELLIS_VOTE_DELEGATION: how far a responsibility is delegated to a
 *   role, on the seven delegation levels
 *
 * What a round decides.
 */
typedef enum
{
  TRELLIS_VOTE_REQUIRED_LEVEL,
  TRELLIS_VOTE_DELEGATION,
} TrellisVoteKind;

/**
 * TrellisVoteState:
 * @TRELLIS_VOTE_STATE_OPEN: votes are cast; nothing of them is known but
 *   how many there are
 * @TRELLIS_VOTE_STATE_REVEALED: all votes are shown at once; no more are
 *   taken
 * @TRELLIS_VOTE_STATE_AGREED: the agreed value is in the document (ends
 *   the round)
 * @TRELLIS_VOTE_STATE_DROPPED: the round ended without a value
 *
 * Where a round is: open → revealed → agreed or dropped. A round that is
 * open or revealed can be restarted (open again, with no votes) or
 * dropped.
 */
typedef enum
{
  TRELLIS_VOTE_STATE_OPEN,
  TRELLIS_VOTE_STATE_REVEALED,
  TRELLIS_VOTE_STATE_AGREED,
  TRELLIS_VOTE_STATE_DROPPED,
} TrellisVoteState;

#define TRELLIS_TYPE_VOTE_KIND (trellis_vote_kind_get_type ())
GType trellis_vote_kind_get_type (void);
#define TRELLIS_TYPE_VOTE_STATE (trellis_vote_state_get_type ())
GType trellis_vote_state_get_type (void);

#define TRELLIS_TYPE_VOTE_ROUND (trellis_vote_round_get_type ())
G_DECLARE_FINAL_TYPE (TrellisVoteRound, trellis_vote_round, TRELLIS, VOTE_ROUND, GObject)

GQuark            trellis_vote_round_error_quark    (void);

TrellisVoteRound *trellis_vote_round_new            (TrellisDocument  *document,
                                                     const char       *row_id,
                                                     const char       *column_id,
                                                     GError          **error);

TrellisVoteKind   trellis_vote_round_get_kind       (TrellisVoteRound *self);
TrellisVoteState  trellis_vote_round_get_state      (TrellisVoteRound *self);
gboolean          trellis_vote_round_is_finished    (TrellisVoteRound *self);
const char       *trellis_vote_round_get_row_id     (TrellisVoteRound *self);
const char       *trellis_vote_round_get_column_id  (TrellisVoteRound *self);
gint              trellis_vote_round_get_min_level  (TrellisVoteRound *self);
gint              trellis_vote_round_get_max_level  (TrellisVoteRound *self);
gint              trellis_vote_round_get_current    (TrellisVoteRound *self);
guint             trellis_vote_round_get_n_votes    (TrellisVoteRound *self);
guint             trellis_vote_round_get_serial     (TrellisVoteRound *self);

gboolean          trellis_vote_round_cast           (TrellisVoteRound *self,
                                                     gint              level,
                                                     const char       *name,
                                                     GError          **error);
gboolean          trellis_vote_round_reveal         (TrellisVoteRound *self);
gboolean          trellis_vote_round_agree          (TrellisVoteRound *self,
                                                     TrellisDocument  *document,
                                                     gint              level,
                                                     const char       *rationale,
                                                     GError          **error);
void              trellis_vote_round_restart        (TrellisVoteRound *self);
void              trellis_vote_round_drop           (TrellisVoteRound *self);

guint             trellis_vote_round_get_count      (TrellisVoteRound *self,
                                                     gint              level);
gint              trellis_vote_round_get_lowest     (TrellisVoteRound *self);
gint              trellis_vote_round_get_highest    (TrellisVoteRound *self);
gint              trellis_vote_round_get_median     (TrellisVoteRound *self);
GStrv             trellis_vote_round_dup_names      (TrellisVoteRound *self,
                                                     gint              level);

G_END_DECLS

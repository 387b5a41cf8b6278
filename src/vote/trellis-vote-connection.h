/* trellis-vote-connection.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_VOTE_CONNECTION (trellis_vote_connection_get_type ())
G_DECLARE_FINAL_TYPE (TrellisVoteConnection, trellis_vote_connection, TRELLIS, VOTE_CONNECTION, GIOStream)

GIOStream *trellis_vote_connection_new (GSocketConnection *connection,
                                        guint64            budget);

G_END_DECLS

/* trellis-vote-server.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-vote-service.h"

G_BEGIN_DECLS

/**
 * TRELLIS_VOTE_PORT:
 *
 * The port the server tries first, so that the address stays the same
 * from one workshop to the next; another is taken when it is in use.
 */
#define TRELLIS_VOTE_PORT 8642

/**
 * TRELLIS_VOTE_MAX_CONNECTIONS:
 *
 * The most connections open at once: a room of phones, each with a few.
 */
#define TRELLIS_VOTE_MAX_CONNECTIONS 256

/**
 * TRELLIS_VOTE_CONNECTION_BUDGET:
 *
 * The most bytes read from one connection: dozens of requests of a
 * browser, and far less than could hurt.
 */
#define TRELLIS_VOTE_CONNECTION_BUDGET (256 * 1024)

/**
 * TRELLIS_VOTE_IDLE_SECONDS:
 *
 * How long a connection may stay silent before it is closed.
 */
#define TRELLIS_VOTE_IDLE_SECONDS 30

#define TRELLIS_TYPE_VOTE_SERVER (trellis_vote_server_get_type ())
G_DECLARE_FINAL_TYPE (TrellisVoteServer, trellis_vote_server, TRELLIS, VOTE_SERVER, GObject)

TrellisVoteServer  *trellis_vote_server_new              (TrellisVoteService *service);
TrellisVoteService *trellis_vote_server_get_service      (TrellisVoteServer  *self);
gboolean            trellis_vote_server_listen           (TrellisVoteServer  *self,
                                                          GInetAddress       *address,
                                                          guint16             port,
                                                          GError            **error);
gboolean            trellis_vote_server_get_listening    (TrellisVoteServer  *self);
guint16             trellis_vote_server_get_port         (TrellisVoteServer  *self);
char               *trellis_vote_server_dup_address      (TrellisVoteServer  *self);
char               *trellis_vote_server_dup_invitation   (TrellisVoteServer  *self);
guint               trellis_vote_server_get_n_connections (TrellisVoteServer *self);
void                trellis_vote_server_stop             (TrellisVoteServer  *self);

G_END_DECLS

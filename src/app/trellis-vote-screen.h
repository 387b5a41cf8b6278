/* trellis-vote-screen.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-vote-picture.h"

G_BEGIN_DECLS

/**
 * TRELLIS_VOTE_SCREEN_LOCKOUT_MS:
 *
 * How long after a vote from the laptop's keyboard the screen takes no
 * other, so that a key held down or pressed twice counts once.
 */
#define TRELLIS_VOTE_SCREEN_LOCKOUT_MS 1000

#define TRELLIS_TYPE_VOTE_SCREEN (trellis_vote_screen_get_type ())
G_DECLARE_FINAL_TYPE (TrellisVoteScreen, trellis_vote_screen, TRELLIS, VOTE_SCREEN, GtkWidget)

GtkWidget *trellis_vote_screen_new           (void);
void       trellis_vote_screen_set_round     (TrellisVoteScreen  *self,
                                              TrellisVoteRound   *round,
                                              TrellisVotePicture *picture);
void       trellis_vote_screen_set_networks  (TrellisVoteScreen  *self,
                                              GPtrArray          *networks,
                                              guint               selected);
void       trellis_vote_screen_set_phones    (TrellisVoteScreen  *self,
                                              const char         *address,
                                              const char         *invitation,
                                              const char         *code);
void       trellis_vote_screen_set_theme     (TrellisVoteScreen  *self,
                                              TrellisTheme        theme);
void       trellis_vote_screen_set_lockout   (TrellisVoteScreen  *self,
                                              guint               ms);

G_END_DECLS

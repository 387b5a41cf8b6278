/* trellis-vote-picture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "trellis-render.h"
#include "trellis-vote-round.h"

G_BEGIN_DECLS

typedef struct _TrellisVotePicture TrellisVotePicture;

TrellisVotePicture *trellis_vote_picture_new              (TrellisVoteRound    *round,
                                                           TrellisDocument     *document);
TrellisVotePicture *trellis_vote_picture_new_in           (TrellisVoteRound    *round,
                                                           TrellisDocument     *document,
                                                           const char          *language);
void                trellis_vote_picture_free             (TrellisVotePicture  *self);
void                trellis_vote_picture_set_theme        (TrellisVotePicture  *self,
                                                           TrellisTheme         theme);
void                trellis_vote_picture_set_font_family  (TrellisVotePicture  *self,
                                                           const char          *family);
void                trellis_vote_picture_set_title        (TrellisVotePicture  *self,
                                                           const char          *title);
const char         *trellis_vote_picture_get_question     (TrellisVotePicture  *self);
const char         *trellis_vote_picture_get_level_label  (TrellisVotePicture  *self,
                                                           gint                 level);
const char         *trellis_vote_picture_get_level_description (TrellisVotePicture *self,
                                                           gint                 level);
void                trellis_vote_picture_paint            (TrellisVotePicture  *self,
                                                           cairo_t             *cr,
                                                           double               width,
                                                           double               height);
gboolean            trellis_vote_picture_get_bar          (TrellisVotePicture  *self,
                                                           double               width,
                                                           double               height,
                                                           gint                 level,
                                                           TrellisRect         *bar);
char               *trellis_vote_picture_dup_description  (TrellisVotePicture  *self);
gboolean            trellis_vote_picture_write            (TrellisVotePicture  *self,
                                                           const char          *path,
                                                           TrellisExportFormat  format,
                                                           double               width,
                                                           double               height,
                                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisVotePicture, trellis_vote_picture_free)

G_END_DECLS

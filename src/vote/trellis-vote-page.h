/* trellis-vote-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-catalog.h"

G_BEGIN_DECLS

typedef struct _TrellisVotePage TrellisVotePage;

TrellisVotePage    *trellis_vote_page_new               (const char      *localedir);
void                trellis_vote_page_free              (TrellisVotePage *self);
const char * const *trellis_vote_page_get_languages     (TrellisVotePage *self);
const char         *trellis_vote_page_choose            (TrellisVotePage *self,
                                                         const char      *accept_language,
                                                         TrellisCatalog **catalog);
GBytes             *trellis_vote_page_render            (const char      *language,
                                                         TrellisCatalog  *catalog);
GBytes             *trellis_vote_page_get_file          (const char      *name);
char               *trellis_vote_page_dup_tag           (const char      *language);
char              **trellis_vote_parse_accept_language  (const char      *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisVotePage, trellis_vote_page_free)

G_END_DECLS

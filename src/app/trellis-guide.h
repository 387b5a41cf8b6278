/* trellis-guide.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-session.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GUIDE (trellis_guide_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGuide, trellis_guide, TRELLIS, GUIDE, GtkWidget)

GtkWidget *trellis_guide_new            (void);
void       trellis_guide_set_session    (TrellisGuide   *self,
                                         TrellisSession *session);
void       trellis_guide_show_progress  (TrellisGuide   *self);
const char *trellis_guide_get_page      (TrellisGuide   *self);
void       trellis_guide_set_content_language (TrellisGuide *self,
                                            const char     *language);
GMenu     *trellis_guide_get_content_language_menu (TrellisGuide *self);

G_END_DECLS

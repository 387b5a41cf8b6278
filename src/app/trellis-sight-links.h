/* trellis-sight-links.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_SIGHT_LINKS (trellis_sight_links_get_type ())
G_DECLARE_FINAL_TYPE (TrellisSightLinks, trellis_sight_links, TRELLIS, SIGHT_LINKS, GtkWidget)

GtkWidget *trellis_sight_links_new        (void);
void       trellis_sight_links_set_target (TrellisSightLinks *self,
                                           TrellisDocument   *document,
                                           TrellisEntity     *entity);

G_END_DECLS

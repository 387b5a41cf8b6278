/* trellis-welcome-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_WELCOME_PAGE (trellis_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TrellisWelcomePage, trellis_welcome_page, TRELLIS, WELCOME_PAGE, GtkWidget)

void       trellis_welcome_page_set_drafts  (TrellisWelcomePage *self,
                                             GListModel         *drafts);
void       trellis_welcome_page_reload      (TrellisWelcomePage *self);
GtkWidget *trellis_welcome_page_get_drafts_list (TrellisWelcomePage *self);

/* The examples shipped in the resources, as (name, resource path) pairs. */
GPtrArray *trellis_examples_list            (void);

G_END_DECLS

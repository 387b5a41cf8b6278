/* trellis-mandate-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_MANDATE_VIEW (trellis_mandate_view_get_type ())
G_DECLARE_FINAL_TYPE (TrellisMandateView, trellis_mandate_view, TRELLIS, MANDATE_VIEW, GtkWidget)

void      trellis_mandate_view_set_target (TrellisMandateView *self,
                                           TrellisDocument    *document,
                                           TrellisEntity      *person);
void      trellis_mandate_view_refresh    (TrellisMandateView *self);
gboolean  trellis_mandate_view_is_filling (TrellisMandateView *self);

G_END_DECLS

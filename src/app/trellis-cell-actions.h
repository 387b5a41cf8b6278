/* trellis-cell-actions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CELL_ACTIONS (trellis_cell_actions_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCellActions, trellis_cell_actions, TRELLIS, CELL_ACTIONS, GSimpleActionGroup)

TrellisCellActions *trellis_cell_actions_new         (TrellisDocument    *document);
void                trellis_cell_actions_set_enabled (TrellisCellActions *self,
                                                      gboolean            enabled);
TrellisCellActions *trellis_cell_actions_install     (GtkWidget          *widget,
                                                      TrellisDocument    *document);

G_END_DECLS

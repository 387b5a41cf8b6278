/* trellis-cell-popover.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-cell-target.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_CELL_POPOVER (trellis_cell_popover_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCellPopover, trellis_cell_popover, TRELLIS, CELL_POPOVER, GtkPopover)

GtkWidget *trellis_cell_popover_new        (void);
gboolean   trellis_cell_popover_set_target (TrellisCellPopover      *self,
                                            const TrellisCellTarget *target,
                                            GPtrArray               *scale,
                                            GListModel              *labels);
void       trellis_cell_popover_popup_at   (TrellisCellPopover      *self,
                                            const GdkRectangle      *rect);

G_END_DECLS

/* trellis-assignment-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ASSIGNMENT_TABLE (trellis_assignment_table_get_type ())
G_DECLARE_FINAL_TYPE (TrellisAssignmentTable, trellis_assignment_table, TRELLIS, ASSIGNMENT_TABLE, GtkWidget)

GtkWidget *trellis_assignment_table_new        (void);
void       trellis_assignment_table_set_target (TrellisAssignmentTable *self,
                                                TrellisDocument        *document,
                                                TrellisResponsibility  *responsibility);

G_END_DECLS

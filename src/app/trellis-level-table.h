/* trellis-level-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_LEVEL_TABLE (trellis_level_table_get_type ())
G_DECLARE_FINAL_TYPE (TrellisLevelTable, trellis_level_table, TRELLIS, LEVEL_TABLE, GtkWidget)

GtkWidget *trellis_level_table_new        (TrellisField       field);
void       trellis_level_table_set_target (TrellisLevelTable *self,
                                           TrellisDocument   *document,
                                           TrellisEntity     *entity);

G_END_DECLS

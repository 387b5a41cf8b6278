/* trellis-grouped-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_GROUPED_LIST (trellis_grouped_list_get_type ())
G_DECLARE_FINAL_TYPE (TrellisGroupedList, trellis_grouped_list, TRELLIS, GROUPED_LIST, GObject)

TrellisGroupedList *trellis_grouped_list_new        (TrellisDocument    *document);
void                trellis_grouped_list_set_search (TrellisGroupedList *self,
                                                     const char         *search);
gboolean            trellis_grouped_list_is_heading (TrellisGroupedList *self,
                                                     gpointer            item);
char               *trellis_grouped_list_dup_heading_label (gpointer     item);

G_END_DECLS

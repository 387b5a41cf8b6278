/* trellis-string-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_STRING_LIST (trellis_string_list_get_type ())
G_DECLARE_FINAL_TYPE (TrellisStringList, trellis_string_list, TRELLIS, STRING_LIST, GtkWidget)

void trellis_string_list_set_target (TrellisStringList *self,
                                     TrellisDocument   *document,
                                     TrellisEntity     *entity);
void trellis_string_list_flush      (TrellisStringList *self);

G_END_DECLS

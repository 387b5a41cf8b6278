/* trellis-accessible.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void  trellis_accessible_tidy            (GtkWidget  *root);
void  trellis_accessible_label_menu_button (GtkWidget  *menu_button,
                                           const char *label);
char *trellis_accessible_strip_mnemonic  (const char *text);
void  trellis_accessible_label_list_item (GtkWidget  *child,
                                          const char *label);
void  trellis_accessible_name_choices    (GtkWidget  *root);

G_END_DECLS

/* trellis-choice-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_CHOICE_BUTTON (trellis_choice_button_get_type ())
G_DECLARE_FINAL_TYPE (TrellisChoiceButton, trellis_choice_button, TRELLIS, CHOICE_BUTTON, GtkWidget)

/**
 * TrellisChoiceKeyFunc:
 * @button: the button
 * @keyval: a key pressed on it
 * @position: (out): the choice the key stands for
 * @user_data: the data given with the function
 *
 * Returns: whether @keyval stands for a choice (else it goes on)
 */
typedef gboolean (*TrellisChoiceKeyFunc) (TrellisChoiceButton *button,
                                          guint                keyval,
                                          guint               *position,
                                          gpointer             user_data);

GtkWidget *trellis_choice_button_new                  (GListModel          *model);
void       trellis_choice_button_set_model            (TrellisChoiceButton *self,
                                                       GListModel          *model);
guint      trellis_choice_button_get_selected         (TrellisChoiceButton *self);
void       trellis_choice_button_set_selected         (TrellisChoiceButton *self,
                                                       guint                selected);
void       trellis_choice_button_set_accessible_label (TrellisChoiceButton *self,
                                                       const char          *label);
void       trellis_choice_button_set_key_func         (TrellisChoiceButton *self,
                                                       TrellisChoiceKeyFunc func,
                                                       gpointer             user_data);

G_END_DECLS

/* trellis-date-button.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-types.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_DATE_BUTTON (trellis_date_button_get_type ())
G_DECLARE_FINAL_TYPE (TrellisDateButton, trellis_date_button, TRELLIS, DATE_BUTTON, GtkWidget)

GtkWidget   *trellis_date_button_new        (void);
TrellisDate  trellis_date_button_get_date   (TrellisDateButton *self);
void         trellis_date_button_set_date   (TrellisDateButton *self,
                                             TrellisDate        date);
gboolean     trellis_date_button_get_allow_none (TrellisDateButton *self);
void         trellis_date_button_set_allow_none (TrellisDateButton *self,
                                             gboolean           allow_none);
void         trellis_date_button_set_accessible_label (TrellisDateButton *self,
                                                       const char        *label);
char        *trellis_date_format_for_display (TrellisDate      date);

G_END_DECLS

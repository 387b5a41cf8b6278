/* trellis-scale-choices.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

GtkStringList *trellis_scale_choices_new      (TrellisDocument *document,
                                              const char      *none_label);
void           trellis_scale_choices_update   (GtkStringList   *choices,
                                              TrellisDocument *document,
                                              const char      *none_label);
gint           trellis_scale_choice_to_level  (TrellisDocument *document,
                                              guint            position,
                                              gboolean         with_none);
guint          trellis_scale_level_to_choice  (TrellisDocument *document,
                                              gint             level,
                                              gboolean         with_none);

G_END_DECLS

/* trellis-entity-choices.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"

G_BEGIN_DECLS

GListModel    *trellis_entity_choices_new          (GListModel *entities,
                                                    const char *none_label);
TrellisEntity *trellis_entity_choices_get_entity   (GListModel *choices,
                                                    guint       position);
guint          trellis_entity_choices_find         (GListModel *choices,
                                                    const char *id);
GtkExpression *trellis_entity_label_expression_new (const char *none_label);

G_END_DECLS

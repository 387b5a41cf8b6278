/* trellis-entity-labels.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

char *trellis_entity_dup_display_label (TrellisDocument    *document,
                                        TrellisEntity      *entity);
char *trellis_dup_labels_referencing   (TrellisDocument    *document,
                                        TrellisKind         kind,
                                        TrellisField        field,
                                        const char         *id);
char *trellis_dup_labels_of_ids        (TrellisDocument    *document,
                                        const char * const *ids);
char *trellis_dup_learning_rhythm      (TrellisDocument    *document,
                                        TrellisEntity      *person,
                                        TrellisDate         today,
                                        gboolean            brief);
char *trellis_dup_team_learning_rhythm (TrellisDocument    *document,
                                        TrellisDate         today);
char *trellis_dup_indicator_status     (TrellisEntity      *indicator,
                                        gboolean            brief);

G_END_DECLS

/* trellis-monitor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

/* A person nobody has talked with about growing for this many days
 * (about six months) is a signal. */
#define TRELLIS_QUIET_DAYS 183

gboolean    trellis_indicator_get_latest           (TrellisEntity      *indicator,
                                                    TrellisMeasurement *latest);
gboolean    trellis_indicator_misses_target        (TrellisEntity      *indicator);

TrellisDate trellis_document_get_last_growth_step  (TrellisDocument    *self,
                                                    TrellisEntity      *person,
                                                    TrellisDate         today);
gboolean    trellis_document_is_quiet              (TrellisDocument    *self,
                                                    TrellisEntity      *person,
                                                    TrellisDate         today);
guint       trellis_document_count_quiet           (TrellisDocument    *self,
                                                    TrellisDate         today);
gboolean    trellis_growth_step_is_quiet           (TrellisDate         last,
                                                    TrellisDate         today);

G_END_DECLS

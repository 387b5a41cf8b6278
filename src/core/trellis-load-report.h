/* trellis-load-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "trellis-types.h"

G_BEGIN_DECLS

/**
 * TrellisLoadReport:
 *
 * What a load found besides the document itself: every problem that makes
 * the file invalid (so that `trellis-cli validate` can list them all, not
 * only the first) and notices that did not stop the load, such as elements
 * of a newer format version that were kept as they were.
 */

typedef enum
{
  TRELLIS_LOAD_NOTICE,
  TRELLIS_LOAD_ERROR,
} TrellisLoadSeverity;

TrellisLoadReport  *trellis_load_report_new          (void);
void                trellis_load_report_free         (TrellisLoadReport  *self);
void                trellis_load_report_clear        (TrellisLoadReport  *self);
guint               trellis_load_report_get_n_items  (TrellisLoadReport  *self);
guint               trellis_load_report_get_n_errors (TrellisLoadReport  *self);
TrellisLoadSeverity trellis_load_report_get_severity (TrellisLoadReport  *self,
                                                      guint               index);
guint               trellis_load_report_get_line     (TrellisLoadReport  *self,
                                                      guint               index);
const char         *trellis_load_report_get_message  (TrellisLoadReport  *self,
                                                      guint               index);
gint                trellis_load_report_get_code     (TrellisLoadReport  *self,
                                                      guint               index);
void                trellis_load_report_add          (TrellisLoadReport  *self,
                                                      TrellisLoadSeverity severity,
                                                      gint                code,
                                                      guint               line,
                                                      const char         *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisLoadReport, trellis_load_report_free)

G_END_DECLS

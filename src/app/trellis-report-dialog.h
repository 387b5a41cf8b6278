/* trellis-report-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trellis-document.h"
#include "trellis-render.h"

G_BEGIN_DECLS

/**
 * TrellisReportChosenFunc:
 * @options: what the report is to hold
 * @user_data: data
 *
 * Receives the choices of the report dialog, when the person goes on.
 */
typedef void (*TrellisReportChosenFunc) (const TrellisReportOptions *options,
                                         gpointer                    user_data);

GtkWindow *trellis_report_dialog_new (GtkWindow               *parent,
                                      TrellisDocument         *document,
                                      gboolean                 export,
                                      TrellisReportChosenFunc  func,
                                      gpointer                 user_data,
                                      GDestroyNotify           destroy);
void       trellis_report_dialog_set_content_language (GtkWindow  *dialog,
                                                       const char *language);

G_END_DECLS

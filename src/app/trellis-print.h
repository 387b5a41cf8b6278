/* trellis-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trellis-document.h"
#include "trellis-render.h"

G_BEGIN_DECLS

GtkPrintOperation *trellis_print_operation_new (TrellisDocument            *document,
                                                const TrellisReportOptions *options);
TrellisPaper       trellis_print_paper_for_setup (GtkPageSetup            *setup);
GtkPageSetup      *trellis_print_page_setup_new  (TrellisPaper             paper);
char              *trellis_print_dup_matrix_name (TrellisDocument         *document);
void               trellis_print_report          (GtkWindow               *window,
                                                  TrellisDocument         *document,
                                                  gboolean                 export);

G_END_DECLS

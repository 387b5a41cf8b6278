/* trellis-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "trellis-document.h"

G_BEGIN_DECLS

/* Exit codes of trellis-cli, as documented in its --help and README. */
enum
{
  TRELLIS_CLI_OK      = 0,
  TRELLIS_CLI_INVALID = 1,  /* a file is invalid, or could not be read or written */
  TRELLIS_CLI_USAGE   = 2,  /* the command line was wrong */
};

typedef int (*TrellisCliCommand) (int    argc,
                                  char **argv);

int  trellis_cli_validate (int    argc,
                           char **argv);
int  trellis_cli_stats    (int    argc,
                           char **argv);
int  trellis_cli_convert  (int    argc,
                           char **argv);
int  trellis_cli_render   (int    argc,
                           char **argv);
int  trellis_cli_import   (int    argc,
                           char **argv);
int  trellis_cli_export   (int    argc,
                           char **argv);
int  trellis_cli_report   (int    argc,
                           char **argv);
int  trellis_cli_handout  (int    argc,
                           char **argv);
int  trellis_cli_merge    (int    argc,
                           char **argv);
int  trellis_cli_po_export (int    argc,
                            char **argv);
int  trellis_cli_po_import (int    argc,
                            char **argv);

/* Shared helpers. */
GOptionContext *trellis_cli_context_new (const char         *parameter,
                                         const char         *summary,
                                         const GOptionEntry *entries,
                                         gboolean           *version);
gboolean        trellis_cli_parse       (GOptionContext     *context,
                                         int                *argc,
                                         char             ***argv,
                                         const gboolean     *version,
                                         int                *status);
int  trellis_cli_usage_error (GOptionContext *context,
                              const char     *message);
void trellis_cli_print_error (const char     *file,
                              const GError   *error);
GFile           *trellis_cli_file_for_arg (const char         *arg,
                                          GError            **error);
TrellisDocument *trellis_cli_load_report  (const char         *file,
                                          TrellisLoadReport  *report,
                                          GError            **error);
TrellisDocument *trellis_cli_load         (const char         *file);
gboolean         trellis_cli_write_matrix (TrellisDocument    *doc,
                                          const char         *output,
                                          gboolean            update);
void             trellis_cli_json_string  (GString            *out,
                                          const char         *s);
gboolean         trellis_cli_content_language (GOptionContext *context,
                                          const char         *arg,
                                          char              **language,
                                          int                *status);
void             trellis_cli_warn_untranslated (TrellisDocument *doc,
                                          const char         *language);
void             trellis_cli_json_key     (GString            *out,
                                          const char         *key);

G_END_DECLS

/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "trellis-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TrellisApplication) app = NULL;
  const char *localedir = g_getenv ("TRELLIS_LOCALEDIR");

  /* An uninstalled build finds its translations through TRELLIS_LOCALEDIR. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Trellis"));

  app = trellis_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* vote-serve.c: a vote round served on loopback, driven from stdin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the browser test (test-vote-browser.py): opens a round on a cell
 * of a matrix, lets phones vote on 127.0.0.1, prints one line
 *
 *   ADDRESS INVITATION CODE
 *
 * and then answers one line per command read from stdin:
 *
 *   count    the number of votes
 *   reveal   the counts per level, lowest first ("0 1 3 0 0")
 *   restart  "restarted"
 *   quit     (nothing; exits)
 *
 *   vote-serve FILE ROW COLUMN [LOCALEDIR]
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "trellis-vote-server.h"

typedef struct
{
  GMainLoop        *loop;
  TrellisVoteRound *round;
} Serve;

static void
answer (Serve      *serve,
        const char *command)
{
  if (g_str_equal (command, "count"))
    printf ("%u\n", trellis_vote_round_get_n_votes (serve->round));
  else if (g_str_equal (command, "reveal"))
    {
      trellis_vote_round_reveal (serve->round);
      for (gint level = trellis_vote_round_get_min_level (serve->round);
           level <= trellis_vote_round_get_max_level (serve->round); level++)
        printf ("%s%u", level > trellis_vote_round_get_min_level (serve->round) ? " " : "",
                trellis_vote_round_get_count (serve->round, level));
      printf ("\n");
    }
  else if (g_str_equal (command, "restart"))
    {
      trellis_vote_round_restart (serve->round);
      printf ("restarted\n");
    }
  else if (g_str_equal (command, "quit"))
    g_main_loop_quit (serve->loop);
  else
    printf ("unknown command\n");

  fflush (stdout);
}

static gboolean
stdin_cb (GIOChannel   *channel,
          GIOCondition  condition,
          gpointer      user_data)
{
  Serve *serve = user_data;
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  gsize terminator;
  GIOStatus status;

  status = g_io_channel_read_line (channel, &line, NULL, &terminator, &error);
  if (status == G_IO_STATUS_EOF || status == G_IO_STATUS_ERROR)
    {
      g_main_loop_quit (serve->loop);
      return G_SOURCE_REMOVE;
    }

  if (line != NULL)
    {
      line[terminator] = '\0';
      answer (serve, line);
    }

  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TrellisDocument) document = NULL;
  g_autoptr(TrellisVoteRound) round = NULL;
  g_autoptr(TrellisVoteService) service = NULL;
  g_autoptr(TrellisVoteServer) server = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *address = NULL;
  g_autofree char *invitation = NULL;
  Serve serve = { 0 };

  if (argc < 4)
    {
      fprintf (stderr, "usage: vote-serve FILE ROW COLUMN [LOCALEDIR]\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = trellis_document_new_from_file (file, NULL, NULL, &error);
  if (document != NULL)
    round = trellis_vote_round_new (document, argv[2], argv[3], &error);
  if (round != NULL)
    {
      service = trellis_vote_service_new (round, argc > 4 ? argv[4] : NULL);
      server = trellis_vote_server_new (service);
    }
  if (server == NULL || !trellis_vote_server_listen (server, loopback, 0, &error))
    {
      fprintf (stderr, "vote-serve: %s\n", error->message);
      return 1;
    }

  address = trellis_vote_server_dup_address (server);
  invitation = trellis_vote_server_dup_invitation (server);
  printf ("%s %s %s\n", address, invitation, trellis_vote_service_get_code (service));
  fflush (stdout);

  serve.loop = g_main_loop_new (NULL, FALSE);
  serve.round = round;
  channel = g_io_channel_unix_new (0);
  g_io_add_watch (channel, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, &serve);
  g_main_loop_run (serve.loop);
  g_main_loop_unref (serve.loop);

  return 0;
}

/* fuzz-vote.c: libFuzzer harness for what answers the phones of a vote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds arbitrary requests to trellis_vote_service_handle(), as the
 * server would after reading them off the network. An input is up to
 * eight requests separated by a line "--"; each is up to seven header
 * lines (method, path, Content-Type, Cookie, Accept-Language, Host,
 * Origin; an empty line leaves the header out), then the body. In the
 * body "@CODE@" stands for the room code, and a Cookie of "@COOKIE@"
 * sends the cookie the last counted vote set, so that the fuzzer reaches
 * the votes and their replays. An input that starts with a line "d"
 * asks a delegation instead of a required level.
 *
 * Whatever the requests: nothing crashes, leaks or trips a sanitizer;
 * every answer has a status, a body and a language; a request is
 * counted only when it is answered 200 by /vote, and then exactly once;
 * and no answer holds a name of the matrix.
 */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trellis-vote-service.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define MAX_REQUESTS 8
#define SECRET_ROLE "Secret role name"
#define SECRET_COMPETENCY "Secret competency name"
#define SECRET_RESPONSIBILITY "Secret responsibility name"

static TrellisDocument *document;
static char *role_id, *competency_id, *responsibility_id;

static void
fail (const char *what)
{
  fprintf (stderr, "fuzz-vote: %s\n", what);
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  TrellisEntity *role, *competency, *responsibility;

  /* A critical or warning is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  document = trellis_document_new ();
  role = trellis_document_create (document, TRELLIS_KIND_ROLE, SECRET_ROLE, -1);
  competency = trellis_document_create (document, TRELLIS_KIND_COMPETENCY, SECRET_COMPETENCY, -1);
  responsibility = trellis_document_create (document, TRELLIS_KIND_RESPONSIBILITY, SECRET_RESPONSIBILITY, -1);
  role_id = g_strdup (trellis_entity_get_id (role));
  competency_id = g_strdup (trellis_entity_get_id (competency));
  responsibility_id = g_strdup (trellis_entity_get_id (responsibility));

  return 0;
}

/* @text with "@CODE@" replaced by @code. */
static GBytes *
substitute (const char *text,
            gsize       length,
            const char *code)
{
  GByteArray *out = g_byte_array_sized_new ((guint) length);
  const char *end = text + length;

  while (text < end)
    {
      const char *at = g_strstr_len (text, end - text, "@CODE@");

      if (at == NULL)
        {
          g_byte_array_append (out, (const guint8 *) text, (guint) (end - text));
          break;
        }
      g_byte_array_append (out, (const guint8 *) text, (guint) (at - text));
      g_byte_array_append (out, (const guint8 *) code, (guint) strlen (code));
      text = at + strlen ("@CODE@");
    }

  return g_byte_array_free_to_bytes (out);
}

static void
check_response (const TrellisVoteResponse *response)
{
  const char *secrets[] = { SECRET_ROLE, SECRET_COMPETENCY, SECRET_RESPONSIBILITY, role_id, competency_id,
                            responsibility_id };
  gsize size;
  const char *body;

  if (response->status < 200 || response->status > 499 || response->body == NULL ||
      response->content_type == NULL || response->language == NULL)
    fail ("an answer without a status, a body or a language");

  body = g_bytes_get_data (response->body, &size);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    if (g_strstr_len (body, (gssize) size, secrets[i]) != NULL)
      fail ("an answer named the matrix");
}

static void
handle_one (TrellisVoteService  *service,
            const char          *text,
            gsize                length,
            char               **cookie)
{
  TrellisVoteRound *round = trellis_vote_service_get_round (service);
  char *fields[7] = { NULL };
  g_autoptr(GBytes) body = NULL;
  g_auto(TrellisVoteResponse) response = { 0 };
  TrellisVoteRequest request = { 0 };
  const char *end = text + length;
  guint before = trellis_vote_round_get_n_votes (round);
  guint after;

  for (guint i = 0; i < G_N_ELEMENTS (fields) && text < end; i++)
    {
      const char *newline = memchr (text, '\n', (gsize) (end - text));
      const char *stop = newline != NULL ? newline : end;

      if (stop > text)
        fields[i] = g_strndup (text, (gsize) (stop - text));
      text = newline != NULL ? newline + 1 : end;
    }

  body = substitute (text, (gsize) (end - text), trellis_vote_service_get_code (service));
  request.method = fields[0];
  request.path = fields[1];
  request.content_type = fields[2];
  request.cookie = g_strcmp0 (fields[3], "@COOKIE@") == 0 ? *cookie : fields[3];
  request.accept_language = fields[4];
  request.host = fields[5];
  request.origin = fields[6];
  request.client = "192.0.2.1";
  request.body = g_bytes_get_size (body) > 0 ? body : NULL;

  trellis_vote_service_handle (service, &request, &response);
  check_response (&response);

  after = trellis_vote_round_get_n_votes (round);
  if (after != before + (response.status == 200 && g_strcmp0 (request.path, "/vote") == 0))
    fail ("a vote was counted other than once for an answer 200");
  if ((response.set_cookie != NULL) != (after != before))
    fail ("a cookie was set without a vote, or a vote counted without a cookie");

  if (response.set_cookie != NULL)
    {
      g_free (*cookie);
      *cookie = g_strndup (response.set_cookie, strcspn (response.set_cookie, ";"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i]);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  const char *end = text + size;
  g_autoptr(TrellisVoteRound) round = NULL;
  g_autoptr(TrellisVoteService) service = NULL;
  g_autofree char *cookie = NULL;
  gboolean delegation = size >= 2 && text[0] == 'd' && text[1] == '\n';

  round = delegation ? trellis_vote_round_new (document, responsibility_id, role_id, NULL)
                     : trellis_vote_round_new (document, role_id, competency_id, NULL);
  if (round == NULL)
    fail ("no round");
  service = trellis_vote_service_new (round, NULL);
  if (delegation)
    text += 2;

  for (guint i = 0; i < MAX_REQUESTS && text < end; i++)
    {
      const char *separator = g_strstr_len (text, end - text, "\n--\n");
      const char *stop = separator != NULL ? separator : end;

      handle_one (service, text, (gsize) (stop - text), &cookie);
      text = separator != NULL ? separator + 4 : end;
    }

  return 0;
}

/* trellis-vote-service.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trellis-vote-round.h"

G_BEGIN_DECLS

/**
 * TRELLIS_VOTE_MAX_BODY:
 *
 * The largest request body taken, in bytes. A vote is about 60.
 */
#define TRELLIS_VOTE_MAX_BODY 1024

/**
 * TRELLIS_VOTE_CODE_LENGTH:
 *
 * The number of characters of a room code.
 */
#define TRELLIS_VOTE_CODE_LENGTH 6

/**
 * TRELLIS_VOTE_MAX_WRONG_CODES:
 *
 * How many wrong room codes one address may send before it is refused
 * for the rest of the round: enough for typing mistakes, far too few to
 * guess.
 */
#define TRELLIS_VOTE_MAX_WRONG_CODES 10

/**
 * TRELLIS_VOTE_COOKIE:
 *
 * The name of the cookie that remembers a device's vote in a round.
 */
#define TRELLIS_VOTE_COOKIE "trellis-vote"

/**
 * TrellisVoteRequest:
 * @method: the request method ("GET", "POST" …)
 * @path: the path, without the query
 * @host: (nullable): the Host header
 * @origin: (nullable): the Origin header
 * @content_type: (nullable): the Content-Type header
 * @cookie: (nullable): the Cookie header
 * @accept_language: (nullable): the Accept-Language header
 * @client: (nullable): the address the request came from
 * @body: (nullable): the request body
 *
 * One HTTP request, as the vote service sees it: nothing of the socket,
 * so that the same requests can be made by the server, a test or a
 * fuzzer.
 */
typedef struct
{
  const char *method;
  const char *path;
  const char *host;
  const char *origin;
  const char *content_type;
  const char *cookie;
  const char *accept_language;
  const char *client;
  GBytes     *body;
} TrellisVoteRequest;

/**
 * TrellisVoteResponse:
 * @status: the HTTP status
 * @content_type: the media type of @body
 * @body: the response body
 * @set_cookie: (nullable): a Set-Cookie header to send
 * @allow: (nullable): the Allow header of a 405
 * @language: the language of @body (Content-Language)
 *
 * The answer to a #TrellisVoteRequest. Free its members with
 * trellis_vote_response_clear().
 */
typedef struct
{
  guint       status;
  const char *content_type;
  GBytes     *body;
  char       *set_cookie;
  const char *allow;
  char       *language;
} TrellisVoteResponse;

void trellis_vote_response_clear (TrellisVoteResponse *response);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrellisVoteResponse, trellis_vote_response_clear)

#define TRELLIS_TYPE_VOTE_SERVICE (trellis_vote_service_get_type ())
G_DECLARE_FINAL_TYPE (TrellisVoteService, trellis_vote_service, TRELLIS, VOTE_SERVICE, GObject)

TrellisVoteService *trellis_vote_service_new            (TrellisVoteRound         *round,
                                                         const char               *localedir);
TrellisVoteRound   *trellis_vote_service_get_round      (TrellisVoteService       *self);
const char         *trellis_vote_service_get_code       (TrellisVoteService       *self);
void                trellis_vote_service_set_host       (TrellisVoteService       *self,
                                                         const char               *host);
const char * const *trellis_vote_service_get_languages  (TrellisVoteService       *self);
gboolean            trellis_vote_service_refuse         (TrellisVoteService       *self,
                                                         const TrellisVoteRequest *request,
                                                         gint64                    content_length,
                                                         TrellisVoteResponse      *response);
void                trellis_vote_service_handle         (TrellisVoteService       *self,
                                                         const TrellisVoteRequest *request,
                                                         TrellisVoteResponse      *response);

const char * const *trellis_vote_response_headers       (void);

/* Exposed for the tests and the fuzzer. */
gboolean            trellis_vote_code_equal             (const char               *code,
                                                         const char               *typed);

G_END_DECLS

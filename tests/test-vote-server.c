/* test-vote-server.c: phones voting over HTTP on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "trellis-network.h"
#include "trellis-vote-server.h"
#include "test-vote-util.h"

#define N_PHONES 60

typedef struct
{
  TrellisDocument    *doc;
  TrellisVoteRound   *round;
  TrellisVoteService *service;
  TrellisVoteServer  *server;
  char               *address;
  const char         *code;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);

  f->doc = test_vote_load ("small.trellis");
  f->round = test_vote_open (f->doc, "ro-agent", "c-listen");
  f->service = trellis_vote_service_new (f->round, NULL);
  f->server = trellis_vote_server_new (f->service);
  g_assert_false (trellis_vote_server_get_listening (f->server));
  g_assert_null (trellis_vote_server_dup_address (f->server));

  g_assert_true (trellis_vote_server_listen (f->server, loopback, 0, &error));
  g_assert_no_error (error);
  g_assert_true (trellis_vote_server_get_listening (f->server));
  f->address = trellis_vote_server_dup_address (f->server);
  f->code = trellis_vote_service_get_code (f->service);
  g_assert_true (g_str_has_prefix (f->address, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (f->address, "/"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->address);
  g_assert_finalize_object (f->server);
  g_assert_finalize_object (f->service);
  g_assert_finalize_object (f->round);
  g_assert_finalize_object (f->doc);
}

/* A phone: a session of its own, with its own cookies. */
static SoupSession *
new_phone (void)
{
  SoupSession *session = soup_session_new_with_options ("timeout", 20, NULL);
  g_autoptr(SoupCookieJar) jar = soup_cookie_jar_new ();

  soup_session_add_feature (session, SOUP_SESSION_FEATURE (jar));
  return session;
}

static SoupMessage *
new_post (Fixture    *f,
          const char *path,
          const char *content_type,
          const char *body,
          gsize       length)
{
  g_autofree char *uri = g_strconcat (f->address, path + 1, NULL);
  SoupMessage *msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) bytes = g_bytes_new (body, length);

  soup_message_set_request_body_from_bytes (msg, content_type, bytes);
  return msg;
}

static char *
vote_body (const char *code,
           gint        level)
{
  return g_strdup_printf ("{\"code\":\"%s\",\"level\":%d}", code, level);
}

/* Sends @msg and waits; returns the status, or 0 if no answer came. */
typedef struct
{
  GMainLoop *loop;
  guint      pending;
  GBytes   **bodies;
  GError   **errors;
} Waiter;

typedef struct
{
  Waiter *waiter;
  guint   index;
} Pending;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Pending *pending = user_data;
  Waiter *waiter = pending->waiter;

  waiter->bodies[pending->index] = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                                      &waiter->errors[pending->index]);
  if (--waiter->pending == 0)
    g_main_loop_quit (waiter->loop);
  g_free (pending);
}

/* Sends every message at once, each from its phone, and waits for all
 * the answers. */
static void
send_all (SoupSession **phones,
          SoupMessage **messages,
          guint         n,
          GBytes      **bodies,
          GError      **errors)
{
  Waiter waiter = { g_main_loop_new (NULL, FALSE), n, bodies, errors };

  for (guint i = 0; i < n; i++)
    {
      Pending *pending = g_new (Pending, 1);

      pending->waiter = &waiter;
      pending->index = i;
      soup_session_send_and_read_async (phones[i], messages[i], G_PRIORITY_DEFAULT, NULL, sent_cb, pending);
    }

  g_main_loop_run (waiter.loop);
  g_main_loop_unref (waiter.loop);
}

static guint
send_one (SoupSession *phone,
          SoupMessage *msg,
          GBytes     **body)
{
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  send_all (&phone, &msg, 1, &answer, &error);
  if (error != NULL)
    {
      g_test_message ("No answer: %s", error->message);
      return 0;
    }

  if (body != NULL)
    *body = g_steal_pointer (&answer);
  return soup_message_get_status (msg);
}

static guint
post (Fixture     *f,
      SoupSession *phone,
      const char  *path,
      const char  *body)
{
  g_autoptr(SoupMessage) msg = new_post (f, path, "application/json", body, strlen (body));

  return send_one (phone, msg, NULL);
}

static void
test_sixty_at_once (Fixture       *f,
                    gconstpointer  data)
{
  SoupSession *phones[N_PHONES];
  SoupMessage *messages[N_PHONES];
  GBytes *bodies[N_PHONES] = { NULL };
  GError *errors[N_PHONES] = { NULL };
  guint expected[5] = { 0 };
  gint64 start, took;

  for (guint i = 0; i < N_PHONES; i++)
    {
      g_autofree char *body = vote_body (f->code, (gint) (i % 5));

      phones[i] = new_phone ();
      messages[i] = new_post (f, "/vote", "application/json", body, strlen (body));
      expected[i % 5]++;
    }

  start = g_get_monotonic_time ();
  send_all (phones, messages, N_PHONES, bodies, errors);
  took = g_get_monotonic_time () - start;
  g_test_message ("%d phones voting at once were all answered in %.0f ms", N_PHONES, took / 1000.0);

  for (guint i = 0; i < N_PHONES; i++)
    {
      g_assert_no_error (errors[i]);
      g_assert_cmpuint (soup_message_get_status (messages[i]), ==, 200);
      g_clear_pointer (&bodies[i], g_bytes_unref);
      g_clear_object (&messages[i]);
    }
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, N_PHONES);

  /* Each phone again, at once: every one is told it already voted. */
  for (guint i = 0; i < N_PHONES; i++)
    {
      g_autofree char *body = vote_body (f->code, 4);

      messages[i] = new_post (f, "/vote", "application/json", body, strlen (body));
    }
  send_all (phones, messages, N_PHONES, bodies, errors);
  for (guint i = 0; i < N_PHONES; i++)
    {
      g_assert_no_error (errors[i]);
      g_assert_cmpuint (soup_message_get_status (messages[i]), ==, 409);
      g_clear_pointer (&bodies[i], g_bytes_unref);
      g_clear_object (&messages[i]);
      g_clear_object (&phones[i]);
    }

  g_assert_true (trellis_vote_round_reveal (f->round));
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, N_PHONES);
  for (guint level = 0; level < 5; level++)
    g_assert_cmpuint (trellis_vote_round_get_count (f->round, (gint) level), ==, expected[level]);
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SoupSession) phone = new_phone ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", f->address);
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers;
  const char * const *fixed = trellis_vote_response_headers ();

  g_assert_cmpuint (send_one (phone, msg, &body), ==, 200);
  headers = soup_message_get_response_headers (msg);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "text/html");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Content-Language"), ==, "en");
  for (guint i = 0; fixed[i] != NULL; i += 2)
    g_assert_cmpstr (soup_message_headers_get_one (headers, fixed[i]), ==, fixed[i + 1]);
  /* Nothing says what answers. */
  g_assert_null (soup_message_headers_get_one (headers, "Server"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "Workshop Vote"));

  {
    g_autofree char *uri = g_strconcat (f->address, "nothing", NULL);
    g_autoptr(SoupMessage) missing = soup_message_new ("GET", uri);

    g_assert_cmpuint (send_one (phone, missing, NULL), ==, 404);
  }

  /* The invitation is the address with the code. */
  {
    g_autofree char *invitation = trellis_vote_server_dup_invitation (f->server);
    g_autofree char *expected = g_strconcat (f->address, "#", f->code, NULL);

    g_assert_cmpstr (invitation, ==, expected);
  }
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SoupSession) phone = new_phone ();
  g_autofree char *right = vote_body (f->code, 2);
  g_autofree char *wrong = vote_body (g_str_equal (f->code, "AAAAAA") ? "CCCCCC" : "AAAAAA", 2);
  g_autofree char *large = g_strnfill (TRELLIS_VOTE_MAX_BODY * 2, ' ');
  g_autofree char *larger = g_strnfill (200 * 1024, ' ');
  const char *malformed[] = {
    "{\"code\":", "[1,2]", "{\"code\":\"ABCDEF\",\"level\":\"3\"}", "\xff\xfe", "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    g_assert_cmpuint (post (f, phone, "/vote", malformed[i]), ==, 400);

  g_assert_cmpuint (post (f, phone, "/vote", wrong), ==, 403);

  {
    g_autoptr(SoupMessage) msg = new_post (f, "/vote", "text/plain", right, strlen (right));
    g_assert_cmpuint (send_one (phone, msg, NULL), ==, 415);
  }

  /* Too large, announced: refused from the headers alone. */
  {
    g_autoptr(SoupMessage) msg = new_post (f, "/vote", "application/json", large, strlen (large));
    g_assert_cmpuint (send_one (phone, msg, NULL), ==, 413);
  }
  {
    g_autoptr(SoupMessage) msg = new_post (f, "/vote", "application/json", larger, strlen (larger));
    g_assert_cmpuint (send_one (phone, msg, NULL), ==, 413);
  }

  /* Too large, in chunks of unknown length. */
  {
    g_autoptr(SoupMessage) msg = new_post (f, "/vote", "application/json", "", 0);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (large, (gssize) strlen (large), NULL);

    soup_message_set_request_body (msg, "application/json", stream, -1);
    g_assert_cmpuint (send_one (phone, msg, NULL), ==, 413);
  }

  /* Far too large: never answered 200, and the connection is closed
   * once its budget is spent. */
  {
    gsize size = 4 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size);
    g_autoptr(SoupMessage) msg = NULL;
    guint status;

    memset (huge, ' ', size);
    msg = new_post (f, "/vote", "application/json", huge, size);
    status = send_one (phone, msg, NULL);
    g_assert_true (status == 0 || status == 413);
  }

  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);
  g_assert_cmpuint (post (f, phone, "/vote", right), ==, 200);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);
}

static void
test_replayed_cookie (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SoupSession) phone = new_phone ();
  g_autoptr(SoupSession) copier = soup_session_new ();
  g_autofree char *body = vote_body (f->code, 3);
  g_autoptr(SoupMessage) first = new_post (f, "/vote", "application/json", body, strlen (body));
  const char *set_cookie;
  g_autofree char *cookie = NULL;

  g_assert_cmpuint (send_one (phone, first, NULL), ==, 200);
  set_cookie = soup_message_headers_get_one (soup_message_get_response_headers (first), "Set-Cookie");
  g_assert_nonnull (set_cookie);
  cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));

  /* The cookie, copied into requests of another client, ten times. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(SoupMessage) replay = new_post (f, "/vote", "application/json", body, strlen (body));

      soup_message_headers_replace (soup_message_get_request_headers (replay), "Cookie", cookie);
      g_assert_cmpuint (send_one (copier, replay, NULL), ==, 409);
    }

  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);
}

static void
test_closed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SoupSession) phone = new_phone ();
  g_autoptr(SoupSession) late = new_phone ();
  g_autofree char *body = vote_body (f->code, 3);
  g_autofree char *join = g_strdup_printf ("{\"code\":\"%s\"}", f->code);

  g_assert_cmpuint (post (f, phone, "/vote", body), ==, 200);
  g_assert_true (trellis_vote_round_reveal (f->round));

  /* Revealed: still listening, to say voting has closed. */
  g_assert_cmpuint (post (f, late, "/vote", body), ==, 410);
  g_assert_cmpuint (post (f, late, "/join", join), ==, 410);
  g_assert_true (trellis_vote_server_get_listening (f->server));
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 3), ==, 1);

  /* Ended: nobody listens any more. */
  trellis_vote_round_drop (f->round);
  g_assert_false (trellis_vote_server_get_listening (f->server));
  g_assert_cmpuint (post (f, late, "/vote", body), ==, 0);
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GError) error = NULL;

    g_assert_false (trellis_vote_server_listen (f->server, loopback, 0, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  }
}

static void
test_stop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SoupSession) phone = new_phone ();
  g_autofree char *body = vote_body (f->code, 3);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  guint16 port = trellis_vote_server_get_port (f->server);

  trellis_vote_server_stop (f->server);
  g_assert_cmpuint (post (f, phone, "/vote", body), ==, 0);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);

  /* Listening again, on the port it had if it is free. */
  g_assert_true (trellis_vote_server_listen (f->server, loopback, port, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_vote_server_get_port (f->server), ==, port);
  g_assert_cmpuint (post (f, phone, "/vote", body), ==, 200);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);
}

static void
test_port_in_use (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TrellisVoteService) second = trellis_vote_service_new (f->round, NULL);
  g_autoptr(TrellisVoteServer) server = trellis_vote_server_new (second);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GError) error = NULL;
  guint16 taken = trellis_vote_server_get_port (f->server);

  /* The port asked for is taken: another is. */
  g_assert_true (trellis_vote_server_listen (server, loopback, taken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (trellis_vote_server_get_port (server), !=, taken);
  g_assert_cmpuint (trellis_vote_server_get_port (server), !=, 0);
}

/* Raw connections, as no browser would make them. */
static GSocketConnection *
connect_raw (Fixture *f)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", trellis_vote_server_get_port (f->server),
                                                NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_header_flood (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GSocketConnection) connection = connect_raw (f);
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(SoupSession) phone = new_phone ();
  g_autofree char *line = g_strdup_printf ("X-Flood: %0*d\r\n", 1000, 0);
  g_autofree char *body = vote_body (f->code, 1);
  gsize sent = 0;

  g_assert_true (g_output_stream_write_all (out, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", 34, NULL, NULL, NULL));
  g_socket_set_blocking (g_socket_connection_get_socket (connection), FALSE);

  /* Endless headers: the server reads its budget, then hangs up. */
  while (sent < 2 * TRELLIS_VOTE_CONNECTION_BUDGET)
    {
      g_autoptr(GError) error = NULL;
      gssize n = g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (out), line, strlen (line),
                                                             NULL, &error);

      if (n < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        iterate (5);
      else if (n < 0)
        break;
      else
        sent += (gsize) n;
    }

  for (guint i = 0; i < 500 && trellis_vote_server_get_n_connections (f->server) > 0; i++)
    iterate (10);
  g_assert_cmpuint (trellis_vote_server_get_n_connections (f->server), ==, 0);
  g_test_message ("A flood of %" G_GSIZE_FORMAT " bytes of headers was cut off", sent);

  /* And everyone else is answered as before. */
  g_assert_cmpuint (post (f, phone, "/vote", body), ==, 200);
}

static void
test_many_connections (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(SoupSession) phone = new_phone ();
  g_autofree char *body = vote_body (f->code, 1);

  for (guint i = 0; i < TRELLIS_VOTE_MAX_CONNECTIONS + 40; i++)
    {
      g_ptr_array_add (connections, connect_raw (f));
      /* The server lives on this thread: let it take the connection. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  iterate (300);
  g_assert_cmpuint (trellis_vote_server_get_n_connections (f->server), ==, TRELLIS_VOTE_MAX_CONNECTIONS);

  /* Once some go, a phone gets in. */
  g_ptr_array_set_size (connections, 0);
  iterate (300);
  g_assert_cmpuint (trellis_vote_server_get_n_connections (f->server), ==, 0);
  g_assert_cmpuint (post (f, phone, "/vote", body), ==, 200);
}

/* The networks to choose from: loopback last, under a name of its own. */
static void
test_networks (void)
{
  g_autoptr(GPtrArray) networks = trellis_network_list ();
  const TrellisNetwork *last;
  g_autofree char *label = NULL;
  guint lo;

  g_assert_cmpuint (networks->len, >, 0);
  last = g_ptr_array_index (networks, networks->len - 1);
  g_assert_true (last->loopback);
  label = trellis_network_dup_label (last);
  g_assert_cmpstr (label, ==, "This computer only (127.0.0.1)");

  lo = trellis_network_find (networks, last->interface);
  g_assert_cmpuint (lo, ==, networks->len - 1);
  g_assert_cmpuint (trellis_network_find (networks, "no-such-interface"), ==, 0);
  for (guint i = 0; i + 1 < networks->len; i++)
    g_assert_false (((TrellisNetwork *) g_ptr_array_index (networks, i))->loopback);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/trellis/vote-server/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sixty-at-once", test_sixty_at_once);
  ADD ("page", test_page);
  ADD ("refused", test_refused);
  ADD ("replayed-cookie", test_replayed_cookie);
  ADD ("closed", test_closed);
  ADD ("stop", test_stop);
  ADD ("port-in-use", test_port_in_use);
  ADD ("header-flood", test_header_flood);
  ADD ("many-connections", test_many_connections);
  g_test_add_func ("/trellis/vote-server/networks", test_networks);

  return g_test_run ();
}

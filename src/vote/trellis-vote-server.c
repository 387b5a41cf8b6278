/* trellis-vote-server.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-server"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "trellis-vote-connection.h"
#include "trellis-vote-server.h"

/* The small web server inside the app that lets phones vote: HTTP (with
 * libsoup 3) in front of a TrellisVoteService, which decides every
 * answer. It runs on the thread-default main context of whoever made it
 * (the window's), and
 *
 * - listens on one address only, the one the facilitator chose (never
 *   on every interface), and only from trellis_vote_server_listen() to
 *   trellis_vote_server_stop() or the end of the round, whichever comes
 *   first: then it closes the listening socket and every connection;
 * - accepts the connections itself, at most TRELLIS_VOTE_MAX_CONNECTIONS
 *   at once, each closed after TRELLIS_VOTE_IDLE_SECONDS of silence and
 *   after TRELLIS_VOTE_CONNECTION_BUDGET bytes (trellis-vote-connection.c),
 *   and hands them to libsoup;
 * - never keeps a request body: it is taken in chunks up to one byte
 *   more than a vote may have, the rest dropped; a body announced too
 *   large is answered 413 from its headers (and the connection closed);
 * - speaks plain HTTP: the room code keeps out who is not in the room,
 *   and nothing secret travels (a vote is revealed to all anyway).
 *   Phones cannot be given a certificate they would trust for a
 *   laptop's address. */

#define BODY_KEY "trellis-vote-body"

struct _TrellisVoteServer
{
  GObject             parent_instance;

  TrellisVoteService *service;
  SoupServer         *soup;
  GSocketService     *listener;
  GInetAddress       *address;
  guint16             port;
  guint              *n_connections;   /* shared with the connections */
};

G_DEFINE_FINAL_TYPE (TrellisVoteServer, trellis_vote_server, G_TYPE_OBJECT)

static void
connection_closed_cb (gpointer  data,
                      GObject  *where_the_object_was)
{
  guint *n_connections = data;

  (*n_connections)--;
  g_rc_box_release (n_connections);
}

static gboolean
incoming_cb (GSocketService    *listener,
             GSocketConnection *connection,
             GObject           *source,
             TrellisVoteServer *self)
{
  g_autoptr(GIOStream) bounded = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  g_autoptr(GError) error = NULL;

  if (*self->n_connections >= TRELLIS_VOTE_MAX_CONNECTIONS)
    {
      g_debug ("A connection over the limit of %d is closed", TRELLIS_VOTE_MAX_CONNECTIONS);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }

  g_socket_set_timeout (g_socket_connection_get_socket (connection), TRELLIS_VOTE_IDLE_SECONDS);
  local = g_socket_connection_get_local_address (connection, NULL);
  remote = g_socket_connection_get_remote_address (connection, NULL);
  bounded = trellis_vote_connection_new (connection, TRELLIS_VOTE_CONNECTION_BUDGET);

  (*self->n_connections)++;
  g_object_weak_ref (G_OBJECT (bounded), connection_closed_cb, g_rc_box_acquire (self->n_connections));

  if (!soup_server_accept_iostream (self->soup, bounded, local, remote, &error))
    g_debug ("A connection could not be taken: %s", error->message);

  return TRUE;
}

static TrellisVoteRequest
make_request (SoupServerMessage *msg,
              GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  TrellisVoteRequest request = {
    .method = soup_server_message_get_method (msg),
    .path = g_uri_get_path (soup_server_message_get_uri (msg)),
    .host = soup_message_headers_get_one (headers, "Host"),
    .origin = soup_message_headers_get_one (headers, "Origin"),
    .content_type = soup_message_headers_get_one (headers, "Content-Type"),
    .cookie = soup_message_headers_get_list (headers, "Cookie"),
    .accept_language = soup_message_headers_get_list (headers, "Accept-Language"),
    .client = soup_server_message_get_remote_host (msg),
    .body = body,
  };

  return request;
}

static void
send_response (SoupServerMessage         *msg,
               const TrellisVoteResponse *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char * const *fixed = trellis_vote_response_headers ();
  gsize size = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &size) : NULL;

  soup_server_message_set_status (msg, response->status, NULL);
  for (guint i = 0; fixed[i] != NULL; i += 2)
    soup_message_headers_replace (headers, fixed[i], fixed[i + 1]);
  if (response->set_cookie != NULL)
    soup_message_headers_append (headers, "Set-Cookie", response->set_cookie);
  if (response->allow != NULL)
    soup_message_headers_replace (headers, "Allow", response->allow);
  if (response->language != NULL)
    soup_message_headers_replace (headers, "Content-Language", response->language);

  soup_server_message_set_response (msg, response->content_type, SOUP_MEMORY_COPY, data, size);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              GByteArray        *body)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (chunk, &size);

  /* One byte past the most a vote takes is enough to refuse it. */
  if (body->len <= TRELLIS_VOTE_MAX_BODY)
    g_byte_array_append (body, data, MIN (size, TRELLIS_VOTE_MAX_BODY + 1 - body->len));
}

/* Before the body: refuse what the headers decide, and collect the
 * body ourselves, bounded. */
static void
early_cb (SoupServer        *soup,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  TrellisVoteServer *self = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_auto(TrellisVoteResponse) response = { 0 };
  TrellisVoteRequest request = make_request (msg, NULL);
  GByteArray *body = g_byte_array_new ();
  gint64 length = -1;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_object_set_data_full (G_OBJECT (msg), BODY_KEY, body, (GDestroyNotify) g_byte_array_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), body);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);

  if (trellis_vote_service_refuse (self->service, &request, length, &response))
    {
      /* What follows the headers is read only to be dropped. */
      if (response.status == 413)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Connection", "close");
      send_response (msg, &response);
    }
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  TrellisVoteServer *self = user_data;
  GByteArray *collected = g_object_get_data (G_OBJECT (msg), BODY_KEY);
  g_autoptr(GBytes) body = NULL;
  g_auto(TrellisVoteResponse) response = { 0 };
  TrellisVoteRequest request;

  if (collected != NULL && collected->len > 0)
    body = g_bytes_new (collected->data, collected->len);

  request = make_request (msg, body);
  trellis_vote_service_handle (self->service, &request, &response);
  send_response (msg, &response);
}

static void
round_state_cb (TrellisVoteRound  *round,
                GParamSpec        *pspec,
                TrellisVoteServer *self)
{
  if (trellis_vote_round_is_finished (round))
    trellis_vote_server_stop (self);
}

static void
trellis_vote_server_dispose (GObject *object)
{
  TrellisVoteServer *self = TRELLIS_VOTE_SERVER (object);

  trellis_vote_server_stop (self);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (trellis_vote_service_get_round (self->service), self);
  g_clear_object (&self->soup);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (trellis_vote_server_parent_class)->dispose (object);
}

static void
trellis_vote_server_finalize (GObject *object)
{
  TrellisVoteServer *self = TRELLIS_VOTE_SERVER (object);

  g_rc_box_release (self->n_connections);

  G_OBJECT_CLASS (trellis_vote_server_parent_class)->finalize (object);
}

static void
trellis_vote_server_class_init (TrellisVoteServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trellis_vote_server_dispose;
  object_class->finalize = trellis_vote_server_finalize;
}

static void
trellis_vote_server_init (TrellisVoteServer *self)
{
  self->n_connections = g_rc_box_new0 (guint);
}

/**
 * trellis_vote_server_new:
 * @service: what answers the phones
 *
 * Returns: (transfer full): a server for @service, not listening yet
 */
TrellisVoteServer *
trellis_vote_server_new (TrellisVoteService *service)
{
  TrellisVoteServer *self;

  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVICE (service), NULL);

  self = g_object_new (TRELLIS_TYPE_VOTE_SERVER, NULL);
  self->service = g_object_ref (service);
  /* No Server header: nobody needs to know what answers. */
  self->soup = soup_server_new ("server-header", NULL, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  g_signal_connect_object (trellis_vote_service_get_round (service), "notify::state",
                           G_CALLBACK (round_state_cb), self, 0);

  return self;
}

TrellisVoteService *
trellis_vote_server_get_service (TrellisVoteServer *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), NULL);

  return self->service;
}

static GSocketService *
try_listen (GInetAddress  *address,
            guint16        port,
            guint16       *effective_port,
            GError       **error)
{
  g_autoptr(GSocketService) listener = g_socket_service_new ();
  g_autoptr(GSocketAddress) wanted = g_inet_socket_address_new (address, port);
  g_autoptr(GSocketAddress) effective = NULL;

  /* A room of phones may knock at once; GIO's default queue is ten. */
  g_socket_listener_set_backlog (G_SOCKET_LISTENER (listener), TRELLIS_VOTE_MAX_CONNECTIONS);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (listener), wanted, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, NULL, &effective, error))
    return NULL;

  *effective_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  return g_steal_pointer (&listener);
}

/**
 * trellis_vote_server_listen:
 * @self: a #TrellisVoteServer
 * @address: the address of the network interface to listen on
 * @port: the port to try first, or 0 for any
 * @error: where to say why the server could not listen
 *
 * Starts taking phones' requests on @address, on @port or, when that is
 * in use, on a port the system chooses. A server that was listening
 * stops listening elsewhere first. A round that has ended is not
 * listened for.
 *
 * Returns: whether the server listens now
 */
gboolean
trellis_vote_server_listen (TrellisVoteServer  *self,
                            GInetAddress       *address,
                            guint16             port,
                            GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GSocketService) listener = NULL;
  g_autofree char *host = NULL;
  g_autofree char *shown = NULL;
  guint16 effective = 0;

  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trellis_vote_server_stop (self);

  if (trellis_vote_round_is_finished (trellis_vote_service_get_round (self->service)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, _("This round has ended."));
      return FALSE;
    }

  listener = try_listen (address, port, &effective, &local_error);
  if (listener == NULL && port != 0 && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
    {
      g_clear_error (&local_error);
      listener = try_listen (address, 0, &effective, &local_error);
    }

  if (listener == NULL)
    {
      shown = g_inet_address_to_string (address);
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: shown when a workshop vote cannot be opened to phones; the first %s
                    * is a network address such as 192.168.1.20, the second why it failed, e.g.
                    * “Address already in use”. */
                   _("Phones cannot be let in on %s: %s. Choose another network."), shown, local_error->message);
      return FALSE;
    }

  self->listener = g_steal_pointer (&listener);
  self->address = g_object_ref (address);
  self->port = effective;
  g_signal_connect (self->listener, "incoming", G_CALLBACK (incoming_cb), self);
  g_socket_service_start (self->listener);

  shown = trellis_vote_server_dup_address (self);
  host = g_strndup (shown + strlen ("http://"), strlen (shown) - strlen ("http://") - 1);
  trellis_vote_service_set_host (self->service, host);

  return TRUE;
}

/**
 * trellis_vote_server_get_listening:
 * @self: a #TrellisVoteServer
 *
 * Returns: whether the server takes connections now
 */
gboolean
trellis_vote_server_get_listening (TrellisVoteServer *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), FALSE);

  return self->listener != NULL;
}

guint16
trellis_vote_server_get_port (TrellisVoteServer *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), 0);

  return self->port;
}

/**
 * trellis_vote_server_dup_address:
 * @self: a #TrellisVoteServer
 *
 * Returns: (transfer full) (nullable): the page's address
 *   ("http://192.0.2.7:8642/"), or %NULL when not listening
 */
char *
trellis_vote_server_dup_address (TrellisVoteServer *self)
{
  g_autofree char *host = NULL;

  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), NULL);

  if (self->listener == NULL)
    return NULL;

  host = g_inet_address_to_string (self->address);
  if (g_inet_address_get_family (self->address) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("http://[%s]:%u/", host, self->port);

  return g_strdup_printf ("http://%s:%u/", host, self->port);
}

/**
 * trellis_vote_server_dup_invitation:
 * @self: a #TrellisVoteServer
 *
 * The page's address with the room code after a '#', for the QR code: a
 * phone that scans it need not type the code, and the part after the
 * '#' is never sent over the network.
 *
 * Returns: (transfer full) (nullable): the address with the code, or
 *   %NULL when not listening
 */
char *
trellis_vote_server_dup_invitation (TrellisVoteServer *self)
{
  g_autofree char *address = NULL;

  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), NULL);

  address = trellis_vote_server_dup_address (self);
  if (address == NULL)
    return NULL;

  return g_strconcat (address, "#", trellis_vote_service_get_code (self->service), NULL);
}

/**
 * trellis_vote_server_get_n_connections:
 * @self: a #TrellisVoteServer
 *
 * Returns: how many connections from phones are open
 */
guint
trellis_vote_server_get_n_connections (TrellisVoteServer *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVER (self), 0);

  return *self->n_connections;
}

/**
 * trellis_vote_server_stop:
 * @self: a #TrellisVoteServer
 *
 * Stops listening and closes every connection.
 */
void
trellis_vote_server_stop (TrellisVoteServer *self)
{
  g_return_if_fail (TRELLIS_IS_VOTE_SERVER (self));

  if (self->listener != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->listener, self);
      g_socket_service_stop (self->listener);
      g_socket_listener_close (G_SOCKET_LISTENER (self->listener));
      g_clear_object (&self->listener);
    }
  g_clear_object (&self->address);
  self->port = 0;

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

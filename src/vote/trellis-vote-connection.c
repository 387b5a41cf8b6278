/* trellis-vote-connection.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-connection"

#include "config.h"

#include "trellis-vote-connection.h"

/* A phone's connection to the vote server, with a budget: it fails once
 * more bytes than the budget came in on it. libsoup 3.2 reads request
 * headers without any limit and reads a request's body to its end even
 * when the answer is already a refusal; with a budget per connection
 * (and a limit on connections, in trellis-vote-server.c) nothing sent
 * from the network can make the laptop keep more than a little. A
 * connection that runs out is closed, and a browser opens a new one for
 * its next request.
 *
 * libsoup reads without blocking, so the input is pollable: readiness
 * is the socket's, and a read past the budget fails at once. */

#define TRELLIS_TYPE_BOUNDED_INPUT (trellis_bounded_input_get_type ())
G_DECLARE_FINAL_TYPE (TrellisBoundedInput, trellis_bounded_input, TRELLIS, BOUNDED_INPUT, GFilterInputStream)

struct _TrellisBoundedInput
{
  GFilterInputStream parent_instance;

  guint64 budget;
  guint64 read;
};

static void trellis_bounded_input_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrellisBoundedInput, trellis_bounded_input, G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      trellis_bounded_input_pollable_init))

static GInputStream *
get_base (TrellisBoundedInput *self)
{
  return g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self));
}

static gboolean
spent (TrellisBoundedInput  *self,
       GError              **error)
{
  if (self->read < self->budget)
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "The connection sent more than a vote needs");
  return TRUE;
}

static gssize
count (TrellisBoundedInput *self,
       gssize               n)
{
  if (n > 0)
    self->read += (guint64) n;

  return n;
}

static gssize
trellis_bounded_input_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          size,
                            GCancellable  *cancellable,
                            GError       **error)
{
  TrellisBoundedInput *self = TRELLIS_BOUNDED_INPUT (stream);

  if (spent (self, error))
    return -1;

  size = MIN (size, self->budget - self->read);
  return count (self, g_input_stream_read (get_base (self), buffer, size, cancellable, error));
}

static gboolean
trellis_bounded_input_can_poll (GPollableInputStream *stream)
{
  GInputStream *base = get_base (TRELLIS_BOUNDED_INPUT (stream));

  return G_IS_POLLABLE_INPUT_STREAM (base) && g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (base));
}

static gboolean
trellis_bounded_input_is_readable (GPollableInputStream *stream)
{
  TrellisBoundedInput *self = TRELLIS_BOUNDED_INPUT (stream);

  /* Past the budget a read fails at once: that is readable. */
  return self->read >= self->budget ||
         g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (get_base (self)));
}

static GSource *
trellis_bounded_input_create_source (GPollableInputStream *stream,
                                     GCancellable         *cancellable)
{
  TrellisBoundedInput *self = TRELLIS_BOUNDED_INPUT (stream);
  g_autoptr(GSource) base_source = NULL;

  if (self->read >= self->budget)
    return g_pollable_source_new_full (stream, g_timeout_source_new (0), cancellable);

  base_source = g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (get_base (self)), NULL);
  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static gssize
trellis_bounded_input_read_nonblocking (GPollableInputStream  *stream,
                                        void                  *buffer,
                                        gsize                  size,
                                        GError               **error)
{
  TrellisBoundedInput *self = TRELLIS_BOUNDED_INPUT (stream);

  if (spent (self, error))
    return -1;

  size = MIN (size, self->budget - self->read);
  return count (self, g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (get_base (self)),
                                                                buffer, size, NULL, error));
}

static void
trellis_bounded_input_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = trellis_bounded_input_can_poll;
  iface->is_readable = trellis_bounded_input_is_readable;
  iface->create_source = trellis_bounded_input_create_source;
  iface->read_nonblocking = trellis_bounded_input_read_nonblocking;
}

static void
trellis_bounded_input_class_init (TrellisBoundedInputClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = trellis_bounded_input_read;
}

static void
trellis_bounded_input_init (TrellisBoundedInput *self)
{
}

/* The connection */

struct _TrellisVoteConnection
{
  GIOStream          parent_instance;

  GSocketConnection *connection;
  GInputStream      *input;
};

G_DEFINE_FINAL_TYPE (TrellisVoteConnection, trellis_vote_connection, G_TYPE_IO_STREAM)

static GInputStream *
trellis_vote_connection_get_input_stream (GIOStream *stream)
{
  return TRELLIS_VOTE_CONNECTION (stream)->input;
}

static GOutputStream *
trellis_vote_connection_get_output_stream (GIOStream *stream)
{
  return g_io_stream_get_output_stream (G_IO_STREAM (TRELLIS_VOTE_CONNECTION (stream)->connection));
}

static gboolean
trellis_vote_connection_close (GIOStream     *stream,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return g_io_stream_close (G_IO_STREAM (TRELLIS_VOTE_CONNECTION (stream)->connection), cancellable, error);
}

static void
trellis_vote_connection_dispose (GObject *object)
{
  TrellisVoteConnection *self = TRELLIS_VOTE_CONNECTION (object);

  g_clear_object (&self->input);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (trellis_vote_connection_parent_class)->dispose (object);
}

static void
trellis_vote_connection_class_init (TrellisVoteConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GIOStreamClass *stream_class = G_IO_STREAM_CLASS (klass);

  object_class->dispose = trellis_vote_connection_dispose;
  stream_class->get_input_stream = trellis_vote_connection_get_input_stream;
  stream_class->get_output_stream = trellis_vote_connection_get_output_stream;
  stream_class->close_fn = trellis_vote_connection_close;
}

static void
trellis_vote_connection_init (TrellisVoteConnection *self)
{
}

/**
 * trellis_vote_connection_new:
 * @connection: a connection accepted from a phone
 * @budget: the most bytes to read from it
 *
 * Returns: (transfer full): @connection with a budget
 */
GIOStream *
trellis_vote_connection_new (GSocketConnection *connection,
                             guint64            budget)
{
  TrellisVoteConnection *self;
  TrellisBoundedInput *input;

  g_return_val_if_fail (G_IS_SOCKET_CONNECTION (connection), NULL);

  input = g_object_new (TRELLIS_TYPE_BOUNDED_INPUT,
                        "base-stream", g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                        "close-base-stream", FALSE,
                        NULL);
  input->budget = budget;

  self = g_object_new (TRELLIS_TYPE_VOTE_CONNECTION, NULL);
  self->connection = g_object_ref (connection);
  self->input = G_INPUT_STREAM (input);

  return G_IO_STREAM (self);
}

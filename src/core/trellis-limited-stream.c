/* trellis-limited-stream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-limited-stream"

#include "config.h"

#include "trellis-limited-stream-private.h"

/* An input stream that fails once more than a given number of bytes
 * came through it, so that endless input (a pipe that never ends, a
 * file that keeps growing) is refused instead of read forever. */

struct _TrellisLimitedStream
{
  GFilterInputStream parent_instance;

  guint64 limit;
  guint64 read;
};

G_DEFINE_FINAL_TYPE (TrellisLimitedStream, trellis_limited_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
trellis_limited_stream_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  TrellisLimitedStream *self = TRELLIS_LIMITED_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n;

  /* Ask for one byte more than allowed, to tell "exactly the limit" from
   * "more than the limit". */
  if (self->read > self->limit)
    count = 0;
  else
    count = MIN (count, self->limit - self->read + 1);

  n = g_input_stream_read (base, buffer, count, cancellable, error);
  if (n < 0)
    return n;

  self->read += (guint64) n;
  if (self->read > self->limit)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, "too large");
      return -1;
    }

  return n;
}

static void
trellis_limited_stream_class_init (TrellisLimitedStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  stream_class->read_fn = trellis_limited_stream_read;
}

static void
trellis_limited_stream_init (TrellisLimitedStream *self)
{
}

/**
 * trellis_limited_stream_new:
 * @base: the stream to read
 * @limit: how many bytes may be read at the most
 *
 * Returns: (transfer full): a stream that reads @base and fails with
 *   %G_IO_ERROR_MESSAGE_TOO_LARGE once @base holds more than @limit bytes
 */
GInputStream *
trellis_limited_stream_new (GInputStream *base,
                            guint64       limit)
{
  TrellisLimitedStream *self = g_object_new (TRELLIS_TYPE_LIMITED_STREAM,
                                             "base-stream", base,
                                             "close-base-stream", FALSE,
                                             NULL);

  self->limit = limit;

  return G_INPUT_STREAM (self);
}

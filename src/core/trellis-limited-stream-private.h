/* trellis-limited-stream-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRELLIS_TYPE_LIMITED_STREAM (trellis_limited_stream_get_type ())
G_DECLARE_FINAL_TYPE (TrellisLimitedStream, trellis_limited_stream, TRELLIS, LIMITED_STREAM, GFilterInputStream)

GInputStream *trellis_limited_stream_new (GInputStream *base,
                                          guint64       limit);

G_END_DECLS

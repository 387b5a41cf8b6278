/* test-render-util.h: helpers shared by the renderer's test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "trellis-render.h"

/* One of the example matrices that ship in data/examples. */
static inline TrellisDocument *
load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "examples", name, NULL));
  TrellisDocument *doc = trellis_document_new_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

/* A layout of @view for @audience, which must not fail. */
static inline TrellisLayout *
render_test_layout (TrellisDocument *doc,
                    TrellisView      view,
                    TrellisAudience  audience)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (view);
  g_autoptr(GError) error = NULL;
  TrellisLayout *layout;

  options->audience = audience;
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);

  return layout;
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         at;
} RenderTestReader;

static inline cairo_status_t
render_test_read_bytes (void          *closure,
                        unsigned char *data,
                        unsigned int   length)
{
  RenderTestReader *r = closure;

  if (r->at + length > r->length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, r->data + r->at, length);
  r->at += length;

  return CAIRO_STATUS_SUCCESS;
}

/* Reads a PNG file whole, as libpng does: it checks every chunk's CRC
 * and the zlib stream's Adler-32. */
static inline cairo_surface_t *
render_test_decode_png (GBytes *bytes)
{
  RenderTestReader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (bytes, &reader.length);
  g_assert_cmpuint (reader.length, >=, 8);
  g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);

  surface = cairo_image_surface_create_from_png_stream (render_test_read_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (reader.at, ==, reader.length);

  return surface;
}

/* A pixel of an RGB24 image, as red, green and blue. */
static inline void
render_test_pixel (cairo_surface_t *surface,
                   int              x,
                   int              y,
                   guint8           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  p = *(const guint32 *) (const void *) (data + (gsize) stride * y + 4 * x);
  rgb[0] = p >> 16;
  rgb[1] = p >> 8;
  rgb[2] = p;
}

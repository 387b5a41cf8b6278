/* trellis-png.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-png"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "trellis-layout-private.h"
#include "trellis-png.h"
#include "trellis-render.h"

/* PNG export, fast: the picture is painted in horizontal strips, each
 * strip filtered and compressed on its own as a raw deflate stream ending
 * on a byte boundary (Z_SYNC_FLUSH), and the streams are joined into one
 * zlib stream with the Adler-32 sums combined. Strips are small enough to
 * stay in the processor's cache and independent enough to run on every
 * core. A heatmap is made of flat runs and repeated rows, so the "up"
 * filter turns most of it into zeros, which run-length deflate packs
 * tightly at memory speed. */

#define STRIP_ROWS 96

static guint n_threads_wanted;

/**
 * trellis_png_set_threads:
 * @n_threads: how many threads paint and compress a PNG; 0 for one per
 *   processor
 *
 * For tests and benchmarks.
 */
void
trellis_png_set_threads (guint n_threads)
{
  n_threads_wanted = n_threads;
}

typedef struct
{
  TrellisLayout *layout;
  int            width;
  int            height;
  double         scale;
  guint          n_strips;
  guint          n_threads;
  GByteArray   **out;        /* compressed strips */
  guint32       *adler;
  gsize         *raw_length;
  gboolean       failed;
} Job;

typedef struct
{
  Job   *job;
  guint  first;
} Worker;

static void
filter_row (guint8       *dst,
            const guint8 *row,
            const guint8 *prev,
            int           width)
{
  const guint32 *px = (const guint32 *) (const void *) row;
  guint8 *out = dst + 1;

  /* RGB24 pixels are 0xXXRRGGBB in native order. */
  if (prev == NULL)
    {
      guint8 lr = 0, lg = 0, lb = 0;

      dst[0] = 1;  /* sub */
      for (int x = 0; x < width; x++)
        {
          guint32 p = px[x];
          guint8 r = p >> 16, g = p >> 8, b = p;

          out[0] = r - lr;
          out[1] = g - lg;
          out[2] = b - lb;
          lr = r, lg = g, lb = b;
          out += 3;
        }
      return;
    }

  {
    const guint32 *pp = (const guint32 *) (const void *) prev;

    dst[0] = 2;  /* up */
    for (int x = 0; x < width; x++)
      {
        guint32 p = px[x];
        guint32 q = pp[x];

        out[0] = (guint8) ((p >> 16) - (q >> 16));
        out[1] = (guint8) ((p >> 8) - (q >> 8));
        out[2] = (guint8) (p - q);
        out += 3;
      }
  }
}

static void
do_strip (Job   *job,
          guint  strip,
          guint8 *scanlines)
{
  int y0 = strip * STRIP_ROWS;
  int rows = MIN (STRIP_ROWS, job->height - y0);
  gsize line = 1 + 3 * (gsize) job->width;
  gsize raw = line * rows;
  cairo_surface_t *surface;
  cairo_t *cr;
  TrellisRect clip;
  const guint8 *data;
  int stride;
  z_stream z;
  GByteArray *out;
  int ret;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, job->width, rows);
  cairo_surface_set_device_scale (surface, job->scale, job->scale);
  cr = cairo_create (surface);
  cairo_translate (cr, 0, -y0 / job->scale);
  clip = TRELLIS_RECT_INIT (0, y0 / job->scale, job->width / job->scale, rows / job->scale);
  trellis_render_cairo (job->layout, cr, &clip);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    job->failed = TRUE;
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < rows; y++)
    filter_row (scanlines + line * y, data + (gsize) stride * y,
                y > 0 ? data + (gsize) stride * (y - 1) : NULL, job->width);
  cairo_surface_destroy (surface);

  job->adler[strip] = adler32 (adler32 (0, NULL, 0), scanlines, raw);
  job->raw_length[strip] = raw;

  memset (&z, 0, sizeof z);
  out = g_byte_array_sized_new (raw / 16 + 64);
  if (deflateInit2 (&z, 1, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK)
    {
      job->failed = TRUE;
      job->out[strip] = out;
      return;
    }

  g_byte_array_set_size (out, deflateBound (&z, raw) + 16);
  z.next_in = scanlines;
  z.avail_in = raw;
  z.next_out = out->data;
  z.avail_out = out->len;
  ret = deflate (&z, strip + 1 == job->n_strips ? Z_FINISH : Z_SYNC_FLUSH);
  if (ret != Z_OK && ret != Z_STREAM_END)
    job->failed = TRUE;
  g_byte_array_set_size (out, out->len - z.avail_out);
  deflateEnd (&z);

  job->out[strip] = out;
}

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  Job *job = w->job;
  gsize line = 1 + 3 * (gsize) job->width;
  g_autofree guint8 *scanlines = g_malloc (line * STRIP_ROWS);

  for (guint s = w->first; s < job->n_strips; s += job->n_threads)
    do_strip (job, s, scanlines);

  return NULL;
}

static void
put_u32 (GByteArray *out,
         guint32     v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };

  g_byte_array_append (out, b, 4);
}

static void
put_chunk (GByteArray   *out,
           const char   *type,
           const guint8 *data,
           gsize         length)
{
  uLong crc = crc32 (0, (const Bytef *) type, 4);

  if (length > 0)
    crc = crc32 (crc, data, length);
  put_u32 (out, length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  put_u32 (out, crc);
}

/**
 * trellis_layout_prepare_threads:
 *
 * Does every lazy step of painting up front (shaping text, making header
 * layouts, reading perspectives, the hatch pattern), so that several
 * threads can then paint parts of the same layout at once: painting
 * then only reads.
 */
void
trellis_layout_prepare_threads (TrellisLayout *self)
{
  TrellisRect none = TRELLIS_RECT_INIT (0, 0, 0, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr;
  TrellisCellInfo info;
  CellPaint paint;

  cairo_surface_set_device_scale (surface, self->options->scale, self->options->scale);
  cr = cairo_create (surface);

  /* Compute every cell once: this interns any text a cell needs. */
  if (self->options->view != TRELLIS_VIEW_SIGHT)
    {
      for (guint r = 0; r < self->rows.items->len; r++)
        for (guint c = 0; c < self->columns.items->len; c++)
          {
            memset (&paint, 0, sizeof paint);
            trellis_layout_compute_cell (self, r, c, &info, &paint);
          }
    }

  for (guint i = 1; i < self->texts->len; i++)
    trellis_layout_get_text_run (self, i);

  /* Paint every header and the sight into nothing: that makes their
   * layouts; the clip keeps it cheap. */
  {
    TrellisRect rows = TRELLIS_RECT_INIT (0, 0, self->rows.header, self->content_height);
    TrellisRect columns = TRELLIS_RECT_INIT (0, 0, self->content_width, self->columns.header);

    cairo_rectangle (cr, 0, 0, 0, 0);
    cairo_clip (cr);
    trellis_layout_paint_row_headers (self, cr, &rows);
    trellis_layout_paint_column_headers (self, cr, &columns);
    if (self->options->view == TRELLIS_VIEW_SIGHT)
      {
        TrellisRect all = TRELLIS_RECT_INIT (0, 0, self->content_width, self->content_height);
        trellis_layout_paint_cells (self, cr, &all);
      }
    trellis_paint_hatch_rect (self, cr, &none);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

GBytes *
trellis_png_render (TrellisLayout  *layout,
                    GError        **error)
{
  g_autoptr(GByteArray) png = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree Worker *workers = NULL;
  guint8 ihdr[13];
  Job job = { 0 };
  guint32 adler;
  gsize total_out = 0;
  guint8 zhead[2] = { 0x78, 0x01 };
  guint8 *idat;
  gsize at;

  if (!trellis_render_check_raster_size (layout, &job.width, &job.height, error))
    return NULL;

  job.layout = layout;
  job.scale = layout->options->scale;
  job.n_strips = (job.height + STRIP_ROWS - 1) / STRIP_ROWS;
  job.n_threads = n_threads_wanted > 0 ? n_threads_wanted : g_get_num_processors ();
  job.n_threads = CLAMP (job.n_threads, 1, MIN (8, job.n_strips));
  job.out = g_new0 (GByteArray *, job.n_strips);
  job.adler = g_new0 (guint32, job.n_strips);
  job.raw_length = g_new0 (gsize, job.n_strips);

  if (job.n_threads > 1)
    trellis_layout_prepare_threads (layout);

  workers = g_new0 (Worker, job.n_threads);
  threads = g_ptr_array_new ();
  for (guint t = 0; t < job.n_threads; t++)
    {
      workers[t].job = &job;
      workers[t].first = t;
      if (t > 0)
        g_ptr_array_add (threads, g_thread_new ("trellis-png", worker_run, &workers[t]));
    }
  worker_run (&workers[0]);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));

  if (job.failed)
    {
      for (guint s = 0; s < job.n_strips; s++)
        if (job.out[s] != NULL)
          g_byte_array_unref (job.out[s]);
      g_free (job.out);
      g_free (job.adler);
      g_free (job.raw_length);
      g_set_error_literal (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_WRITE,
                           _("The picture could not be drawn or compressed."));
      return NULL;
    }

  adler = job.adler[0];
  total_out = job.out[0]->len;
  for (guint s = 1; s < job.n_strips; s++)
    {
      adler = adler32_combine (adler, job.adler[s], job.raw_length[s]);
      total_out += job.out[s]->len;
    }

  png = g_byte_array_sized_new (total_out + 1024);
  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);

  ihdr[0] = job.width >> 24; ihdr[1] = job.width >> 16; ihdr[2] = job.width >> 8; ihdr[3] = job.width;
  ihdr[4] = job.height >> 24; ihdr[5] = job.height >> 16; ihdr[6] = job.height >> 8; ihdr[7] = job.height;
  ihdr[8] = 8;   /* bit depth */
  ihdr[9] = 2;   /* RGB */
  ihdr[10] = 0;  /* deflate */
  ihdr[11] = 0;  /* adaptive filtering */
  ihdr[12] = 0;  /* no interlace */
  put_chunk (png, "IHDR", ihdr, sizeof ihdr);

  {
    /* Physical size: 96 logical pixels per inch. */
    guint32 ppm = (guint32) floor (96.0 * job.scale / 0.0254 + 0.5);
    guint8 phys[9] = { ppm >> 24, ppm >> 16, ppm >> 8, ppm, ppm >> 24, ppm >> 16, ppm >> 8, ppm, 1 };

    put_chunk (png, "pHYs", phys, sizeof phys);
  }

  /* One IDAT: zlib header, the strips, the combined Adler-32. */
  idat = g_malloc (total_out + 6);
  memcpy (idat, zhead, 2);
  at = 2;
  for (guint s = 0; s < job.n_strips; s++)
    {
      memcpy (idat + at, job.out[s]->data, job.out[s]->len);
      at += job.out[s]->len;
      g_byte_array_unref (job.out[s]);
    }
  idat[at++] = adler >> 24;
  idat[at++] = adler >> 16;
  idat[at++] = adler >> 8;
  idat[at++] = adler;
  put_chunk (png, "IDAT", idat, at);
  put_chunk (png, "IEND", NULL, 0);
  g_free (idat);

  g_free (job.out);
  g_free (job.adler);
  g_free (job.raw_length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

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
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "trellis-layout-private.h"
#include "trellis-png.h"
#include "trellis-render.h"

/* PNG export, fast. The picture is painted in horizontal strips, small
 * enough to stay in a core's second-level cache, on every core; each
 * strip is compressed on its own into deflate blocks that end on a byte
 * boundary, and the strips are joined into one zlib stream, their
 * Adler-32 sums combined.
 *
 * The compressor is our own, made for what a heatmap is: rows that repeat
 * the row above (a cell is many identical rows) and runs of one colour
 * (a cell is one colour across). A row equal to the one above becomes
 * back-references to it at the distance of one row; any other row becomes
 * references to the row above or to the pixel before wherever the colour
 * repeats, and literal bytes elsewhere, all in deflate's fixed Huffman
 * code (RFC 1951, 3.2.6). This runs at the speed of comparing memory and
 * makes files close to zlib's size for a heatmap. Every row uses PNG
 * filter 0 (none), so the compressor sees the pixels themselves. */

#define STRIP_ROWS 64

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

/* Fixed Huffman codes, bit-reversed for writing least significant bit
 * first, with the extra bits of lengths folded in. */
typedef struct
{
  guint32 bits;
  guint8  n;
} Code;

static Code literal_codes[257];
static Code length_codes[259];

static guint32
reverse_bits (guint32 code,
              guint   n)
{
  guint32 r = 0;

  for (guint i = 0; i < n; i++)
    r |= ((code >> i) & 1) << (n - 1 - i);

  return r;
}

static Code
fixed_literal (guint symbol)
{
  Code c;

  if (symbol < 144)
    c.bits = reverse_bits (0x30 + symbol, 8), c.n = 8;
  else if (symbol < 256)
    c.bits = reverse_bits (0x190 + symbol - 144, 9), c.n = 9;
  else if (symbol < 280)
    c.bits = reverse_bits (symbol - 256, 7), c.n = 7;
  else
    c.bits = reverse_bits (0xc0 + symbol - 280, 8), c.n = 8;

  return c;
}

static void
init_codes (void)
{
  static const guint16 base[29] = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
    35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
  };
  static const guint8 extra[29] = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
    3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  };

  for (guint s = 0; s <= 256; s++)
    literal_codes[s] = fixed_literal (s);

  for (guint len = 3; len <= 258; len++)
    {
      guint i = 28;
      Code sym;

      while (base[i] > len)
        i--;
      if (len == 258)
        i = 28;
      sym = fixed_literal (257 + i);
      length_codes[len].bits = sym.bits | (guint32) (len - base[i]) << sym.n;
      length_codes[len].n = sym.n + extra[i];
    }
}

static Code
distance_code (guint distance)
{
  static const guint16 base[30] = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
    257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  };
  guint i = 29;
  guint extra;
  Code c;

  while (base[i] > distance)
    i--;
  extra = i < 4 ? 0 : i / 2 - 1;
  c.bits = reverse_bits (i, 5) | (guint32) (distance - base[i]) << 5;
  c.n = 5 + extra;

  return c;
}

typedef struct
{
  guint8  *data;
  gsize    length;
  gsize    allocated;
  guint64  bits;
  guint    n_bits;
} Writer;

static inline void
writer_reserve (Writer *w,
                gsize   more)
{
  if (w->length + more + 16 > w->allocated)
    {
      w->allocated = MAX (w->allocated * 2, w->length + more + 16);
      w->data = g_realloc (w->data, w->allocated);
    }
}

static inline void
put_bits (Writer  *w,
          guint32  bits,
          guint    n)
{
  w->bits |= (guint64) bits << w->n_bits;
  w->n_bits += n;
  if (w->n_bits >= 32)
    {
      guint32 low = (guint32) w->bits;

      /* Little-endian, as deflate's bit order wants. */
      w->data[w->length++] = low;
      w->data[w->length++] = low >> 8;
      w->data[w->length++] = low >> 16;
      w->data[w->length++] = low >> 24;
      w->bits >>= 32;
      w->n_bits -= 32;
    }
}

static void
flush_bits (Writer *w)
{
  while (w->n_bits > 0)
    {
      w->data[w->length++] = (guint8) w->bits;
      w->bits >>= 8;
      w->n_bits = w->n_bits > 8 ? w->n_bits - 8 : 0;
    }
  w->bits = 0;
}

static inline void
put_literal (Writer *w,
             guint8  byte)
{
  put_bits (w, literal_codes[byte].bits, literal_codes[byte].n);
}

/* A copy of length bytes from distance back, in pieces deflate allows. */
static inline void
put_match (Writer     *w,
           gsize       length,
           const Code *distance)
{
  while (length > 0)
    {
      gsize piece = length;

      if (piece > 258)
        piece = length - 258 < 3 ? length - 3 : 258;
      put_bits (w, length_codes[piece].bits, length_codes[piece].n);
      put_bits (w, distance->bits, distance->n);
      length -= piece;
    }
}

/* Adler-32 (RFC 1950) sixteen bytes at a time: zlib's own does one. The
 * sum of the bytes and their sum weighted by position come from SSE2's
 * sum of absolute differences and multiply-add. */
guint32
trellis_png_adler32 (guint32       adler,
                     const guint8 *data,
                     gsize         length)
{
#ifdef __SSE2__
  guint32 a = adler & 0xffff;
  guint32 b = adler >> 16;
  const __m128i zero = _mm_setzero_si128 ();
  const __m128i weights_hi = _mm_setr_epi16 (16, 15, 14, 13, 12, 11, 10, 9);
  const __m128i weights_lo = _mm_setr_epi16 (8, 7, 6, 5, 4, 3, 2, 1);

  while (length >= 16)
    {
      /* At most 5552 bytes before the sums must be reduced (zlib's NMAX),
       * in whole blocks of sixteen. */
      gsize block = MIN (length, 5552) & ~(gsize) 15;
      __m128i sum_a = zero;
      __m128i sum_b = zero;
      __m128i prev_a = zero;

      length -= block;
      b += a * (guint32) block;
      for (gsize i = 0; i < block; i += 16)
        {
          __m128i bytes = _mm_loadu_si128 ((const __m128i *) (const void *) (data + i));
          __m128i lo = _mm_unpacklo_epi8 (bytes, zero);
          __m128i hi = _mm_unpackhi_epi8 (bytes, zero);

          prev_a = _mm_add_epi32 (prev_a, sum_a);
          sum_a = _mm_add_epi32 (sum_a, _mm_sad_epu8 (bytes, zero));
          sum_b = _mm_add_epi32 (sum_b, _mm_madd_epi16 (lo, weights_hi));
          sum_b = _mm_add_epi32 (sum_b, _mm_madd_epi16 (hi, weights_lo));
        }
      data += block;

      {
        guint32 va[4], vb[4], vp[4];
        guint64 total_a, total_b, total_p;

        _mm_storeu_si128 ((__m128i *) (void *) va, sum_a);
        _mm_storeu_si128 ((__m128i *) (void *) vb, sum_b);
        _mm_storeu_si128 ((__m128i *) (void *) vp, prev_a);
        total_a = (guint64) va[0] + va[2];
        total_b = (guint64) vb[0] + vb[1] + vb[2] + vb[3];
        total_p = (guint64) vp[0] + vp[2];
        b = (guint32) ((b + total_b + 16 * total_p) % 65521);
        a = (guint32) ((a + total_a) % 65521);
      }
    }

  adler = (b << 16) | a;
#endif

  return length > 0 ? adler32 (adler, data, length) : adler;
}

/* Adler-32 of RGB24 pixels as the bytes R, G, B each, without making
 * those bytes. A pixel (r, g, b) moves the sums (a, b) to
 * (a + r + g + b, b + 3a + 3r + 2g + b); a run of pixels adds up the
 * same way, four at a time. */
guint32
trellis_png_adler32_pixels (guint32        adler,
                            const guint32 *px,
                            gsize          n)
{
  guint64 a = adler & 0xffff;
  guint64 b = adler >> 16;
  gsize i = 0;

#ifdef __SSE2__
  const __m128i low = _mm_set1_epi32 (0xff);
  const __m128i lane_weights = _mm_setr_epi32 (9, 6, 3, 0);

  while (n - i >= 4)
    {
      /* 1024 pixels at most between reductions: no sum overflows. */
      gsize block = MIN (n - i, 1024) & ~(gsize) 3;
      __m128i sum_s = _mm_setzero_si128 ();
      __m128i sum_t = _mm_setzero_si128 ();
      __m128i prev = _mm_setzero_si128 ();
      guint32 vs[4], vt[4], vp[4];

      for (gsize k = 0; k < block; k += 4)
        {
          __m128i p = _mm_loadu_si128 ((const __m128i *) (const void *) (px + i + k));
          __m128i r = _mm_and_si128 (_mm_srli_epi32 (p, 16), low);
          __m128i g = _mm_and_si128 (_mm_srli_epi32 (p, 8), low);
          __m128i bl = _mm_and_si128 (p, low);
          __m128i sum = _mm_add_epi32 (_mm_add_epi32 (r, g), bl);
          /* 3r + 2g + b, plus the weight of the lanes after this one. */
          __m128i w = _mm_add_epi32 (_mm_add_epi32 (_mm_slli_epi32 (r, 1), r), _mm_add_epi32 (_mm_slli_epi32 (g, 1), bl));
          __m128i t = _mm_add_epi32 (w, _mm_mullo_epi16 (sum, lane_weights));

          prev = _mm_add_epi32 (prev, sum_s);
          sum_s = _mm_add_epi32 (sum_s, sum);
          sum_t = _mm_add_epi32 (sum_t, t);
        }

      _mm_storeu_si128 ((__m128i *) (void *) vs, sum_s);
      _mm_storeu_si128 ((__m128i *) (void *) vt, sum_t);
      _mm_storeu_si128 ((__m128i *) (void *) vp, prev);
      {
        /* Per lane, prev holds the sums of the chunks before each chunk;
         * every chunk before counts 12 (4 pixels × 3 bytes) times the
         * pixels' byte sum into b. */
        guint64 total_s = (guint64) vs[0] + vs[1] + vs[2] + vs[3];
        guint64 total_t = (guint64) vt[0] + vt[1] + vt[2] + vt[3];
        guint64 total_p = (guint64) vp[0] + vp[1] + vp[2] + vp[3];

        b = (b + 3 * (guint64) block * a + total_t + 12 * total_p) % 65521;
        a = (a + total_s) % 65521;
      }
      i += block;
    }
#endif

  for (; i < n; i++)
    {
      guint32 p = px[i];
      guint32 r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, bl = p & 0xff;

      b = (b + 3 * a + 3 * r + 2 * g + bl) % 65521;
      a = (a + r + g + bl) % 65521;
    }

  return (guint32) (b << 16 | a);
}

typedef struct
{
  TrellisLayout *layout;
  int            width;
  int            height;
  double         scale;
  guint          n_strips;
  guint          n_threads;
  Writer        *out;         /* per strip */
  guint32       *adler;
  gsize         *raw_length;
  gint           next_strip;
  gint           failed;      /* set by any worker */
} Job;

typedef struct
{
  Job             *job;
  cairo_surface_t *surface;
} Worker;

#define RGB_MASK 0x00ffffffu

/* How many pixels from x on equal those in other (from x on); the
 * padding byte of RGB24 is ignored. */
static inline int
count_same (const guint32 *px,
            const guint32 *other,
            int            x,
            int            width)
{
  int start = x;

#ifdef __SSE2__
  const __m128i mask = _mm_set1_epi32 ((int) RGB_MASK);

  while (x + 4 <= width)
    {
      __m128i a = _mm_loadu_si128 ((const __m128i *) (const void *) (px + x));
      __m128i b = _mm_loadu_si128 ((const __m128i *) (const void *) (other + x));
      __m128i diff = _mm_and_si128 (_mm_xor_si128 (a, b), mask);
      int same = _mm_movemask_epi8 (_mm_cmpeq_epi32 (diff, _mm_setzero_si128 ()));

      if (same != 0xffff)
        return x - start + __builtin_ctz (~same) / 4;
      x += 4;
    }
#endif

  while (x < width && ((px[x] ^ other[x]) & RGB_MASK) == 0)
    x++;

  return x - start;
}

/* How many pixels from x on have the colour c. */
static inline int
count_colour (const guint32 *px,
              guint32        c,
              int            x,
              int            width)
{
  int start = x;

#ifdef __SSE2__
  const __m128i mask = _mm_set1_epi32 ((int) RGB_MASK);
  const __m128i colour = _mm_and_si128 (_mm_set1_epi32 ((int) c), mask);

  while (x + 4 <= width)
    {
      __m128i a = _mm_and_si128 (_mm_loadu_si128 ((const __m128i *) (const void *) (px + x)), mask);
      int same = _mm_movemask_epi8 (_mm_cmpeq_epi32 (a, colour));

      if (same != 0xffff)
        return x - start + __builtin_ctz (~same) / 4;
      x += 4;
    }
#endif

  while (x < width && ((px[x] ^ c) & RGB_MASK) == 0)
    x++;

  return x - start;
}

/* Compresses the rows of one painted strip. The first row of a strip
 * refers to nothing above it, so that strips stand alone. */
static void
encode_strip (Job             *job,
              Worker          *worker,
              guint            strip,
              int              rows)
{
  const guint8 *data = cairo_image_surface_get_data (worker->surface);
  int stride = cairo_image_surface_get_stride (worker->surface);
  int width = job->width;
  gsize row_length = 1 + 3 * (gsize) width;
  gboolean up_allowed = row_length <= 32768;
  Code up = distance_code (up_allowed ? row_length : 1);
  Code left = distance_code (3);
  Writer *w = &job->out[strip];
  guint32 adler = adler32 (0, NULL, 0);
  guint32 row_adler = 0;

  /* A heatmap's rows compress to a tenth and better; grow from there. */
  writer_reserve (w, row_length * rows / 12 + 64);
  put_bits (w, 0, 1);  /* not the final block */
  put_bits (w, 1, 2);  /* fixed Huffman codes */

  for (int y = 0; y < rows; y++)
    {
      const guint32 *px = (const guint32 *) (const void *) (data + (gsize) stride * y);
      const guint32 *above = y > 0 ? (const guint32 *) (const void *) (data + (gsize) stride * (y - 1)) : NULL;
      int x = 0;

      writer_reserve (w, row_length * 9 / 8 + 64);

      if (above != NULL && up_allowed && memcmp (px, above, 4 * (gsize) width) == 0)
        {
          /* The row above again, filter byte and all. */
          put_match (w, row_length, &up);
          adler = adler32_combine (adler, row_adler, row_length);
          continue;
        }

      /* The filter byte 0 leaves a = 1 and makes b = 1. */
      row_adler = trellis_png_adler32_pixels (0x00010001, px, width);
      adler = adler32_combine (adler, row_adler, row_length);

      put_literal (w, 0);
      while (x < width)
        {
          int n_up = 0;
          int n_left = 0;

          if (above != NULL && up_allowed)
            n_up = count_same (px, above, x, width);
          if (x > 0 && n_up < 32)
            n_left = count_colour (px, px[x - 1], x, width);

          if (n_up > 0 && n_up >= n_left)
            {
              put_match (w, 3 * (gsize) n_up, &up);
              x += n_up;
            }
          else if (n_left > 0)
            {
              put_match (w, 3 * (gsize) n_left, &left);
              x += n_left;
            }
          else
            {
              put_literal (w, (px[x] >> 16) & 0xff);
              put_literal (w, (px[x] >> 8) & 0xff);
              put_literal (w, px[x] & 0xff);
              x++;
            }
        }
    }

  /* End of block, then an empty stored block to reach a byte boundary. */
  put_bits (w, literal_codes[256].bits, literal_codes[256].n);
  put_bits (w, 0, 3);
  flush_bits (w);
  writer_reserve (w, 4);
  w->data[w->length++] = 0x00;
  w->data[w->length++] = 0x00;
  w->data[w->length++] = 0xff;
  w->data[w->length++] = 0xff;

  job->adler[strip] = adler;
  job->raw_length[strip] = row_length * rows;
}

static void
do_strip (Job    *job,
          Worker *worker,
          guint   strip)
{
  int y0 = strip * STRIP_ROWS;
  int rows = MIN (STRIP_ROWS, job->height - y0);
  TrellisRect clip;
  cairo_t *cr;

  /* The strip's place as a device offset, in whole pixels: moving the
   * user space instead (by y0 / scale, rarely a number a double holds
   * exactly) would round some positions the other way than painting the
   * whole picture does. */
  cairo_surface_set_device_offset (worker->surface, 0, -y0);
  cr = cairo_create (worker->surface);
  clip = TRELLIS_RECT_INIT (0, y0 / job->scale, job->width / job->scale, rows / job->scale);
  trellis_render_cairo (job->layout, cr, &clip);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_atomic_int_set (&job->failed, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (worker->surface);

  encode_strip (job, worker, strip, rows);
}

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;
  Job *job = w->job;

  /* One surface per worker, painted over strip after strip. */
  w->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, job->width, STRIP_ROWS);
  cairo_surface_set_device_scale (w->surface, job->scale, job->scale);

  if (cairo_surface_status (w->surface) != CAIRO_STATUS_SUCCESS)
    g_atomic_int_set (&job->failed, TRUE);
  else
    {
      /* Each worker takes the next strip nobody has taken: a thread the
       * machine keeps waiting does less, and nobody waits for it long. */
      gint s;

      while ((s = g_atomic_int_add (&job->next_strip, 1)) < (gint) job->n_strips)
        do_strip (job, w, (guint) s);
    }

  g_clear_pointer (&w->surface, cairo_surface_destroy);

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
 * Does the lazy steps of painting that change the layout's tables up
 * front (shaping cell text, reading perspectives), so that several threads
 * can then paint parts of the same layout at once. What is still made
 * while painting (header layouts, the hatch pattern) is made under the
 * text lock.
 */
void
trellis_layout_prepare_threads (TrellisLayout *self)
{
  if (self->options->view == TRELLIS_VIEW_PERCEPTION)
    {
      for (guint r = 0; r < self->rows.items->len; r++)
        for (guint c = 0; c < self->columns.items->len; c++)
          {
            TrellisCellInfo info;
            CellPaint paint = { 0 };

            trellis_layout_compute_cell (self, r, c, &info, &paint);
          }
    }

  for (guint i = 1; i < self->texts->len; i++)
    trellis_layout_get_text_run (self, i);
}

GBytes *
trellis_png_render (TrellisLayout  *layout,
                    GError        **error)
{
  static gsize codes_ready;
  g_autoptr(GByteArray) png = NULL;
  g_autoptr(GPtrArray) threads = NULL;
  g_autofree Worker *workers = NULL;
  guint8 ihdr[13];
  Job job = { 0 };
  guint32 adler;
  gsize total_out = 0;
  gsize at;

  if (!trellis_render_check_raster_size (layout, &job.width, &job.height, error))
    return NULL;

  if (g_once_init_enter (&codes_ready))
    {
      init_codes ();
      g_once_init_leave (&codes_ready, 1);
    }

  job.layout = layout;
  job.scale = layout->options->scale;
  job.n_strips = (job.height + STRIP_ROWS - 1) / STRIP_ROWS;
  job.n_threads = n_threads_wanted > 0 ? n_threads_wanted : g_get_num_processors ();
  job.n_threads = CLAMP (job.n_threads, 1, MIN (8, job.n_strips));
  job.out = g_new0 (Writer, job.n_strips);
  job.adler = g_new0 (guint32, job.n_strips);
  job.raw_length = g_new0 (gsize, job.n_strips);

  if (job.n_threads > 1)
    trellis_layout_prepare_threads (layout);

  workers = g_new0 (Worker, job.n_threads);
  threads = g_ptr_array_new ();
  for (guint t = 0; t < job.n_threads; t++)
    {
      workers[t].job = &job;
      if (t > 0)
        g_ptr_array_add (threads, g_thread_new ("trellis-png", worker_run, &workers[t]));
    }
  worker_run (&workers[0]);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (g_ptr_array_index (threads, t));

  if (job.failed)
    {
      for (guint s = 0; s < job.n_strips; s++)
        g_free (job.out[s].data);
      g_free (job.out);
      g_free (job.adler);
      g_free (job.raw_length);
      g_set_error_literal (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_WRITE,
                           _("The picture could not be drawn or compressed."));
      return NULL;
    }

  adler = job.adler[0];
  total_out = job.out[0].length;
  for (guint s = 1; s < job.n_strips; s++)
    {
      adler = adler32_combine (adler, job.adler[s], job.raw_length[s]);
      total_out += job.out[s].length;
    }

  png = g_byte_array_sized_new (total_out + 128);
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

  /* One IDAT, written in place: the zlib header, the strips, a final
   * empty block, the combined Adler-32. */
  {
    gsize idat_length = 2 + total_out + 2 + 4;
    gsize start = png->len;
    guint8 *p;

    g_byte_array_set_size (png, start + 8 + idat_length + 4);
    p = png->data + start;
    p[0] = idat_length >> 24; p[1] = idat_length >> 16; p[2] = idat_length >> 8; p[3] = idat_length;
    memcpy (p + 4, "IDAT", 4);
    at = 8;
    p[at++] = 0x78;
    p[at++] = 0x01;
    for (guint s = 0; s < job.n_strips; s++)
      {
        memcpy (p + at, job.out[s].data, job.out[s].length);
        at += job.out[s].length;
        g_free (job.out[s].data);
      }
    p[at++] = 0x03;  /* final block, fixed codes, end of block */
    p[at++] = 0x00;
    p[at++] = adler >> 24;
    p[at++] = adler >> 16;
    p[at++] = adler >> 8;
    p[at++] = adler;
    {
      guint32 crc = crc32 (0, p + 4, idat_length + 4);

      p[at++] = crc >> 24;
      p[at++] = crc >> 16;
      p[at++] = crc >> 8;
      p[at++] = crc;
    }
    g_assert (at == 8 + idat_length + 4);
  }
  put_chunk (png, "IEND", NULL, 0);

  g_free (job.out);
  g_free (job.adler);
  g_free (job.raw_length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

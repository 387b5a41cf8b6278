/* test-render-vote.c: the spread of a workshop vote and the QR code that
 * takes phones to it, drawn without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "trellis-qr-code.h"
#include "trellis-render.h"
#include "trellis-vote-picture.h"
#include "test-vote-util.h"

#define WIDTH  1200
#define HEIGHT 700

static cairo_surface_t *
paint (TrellisVotePicture *picture,
       int                 width,
       int                 height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  trellis_vote_picture_paint (picture, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The colour at @x, @y, as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;

  memcpy (&argb, data + y * stride + x * 4, 4);
  return argb & 0xffffff;
}

static guint32
rgb (const TrellisRgba *c)
{
  return ((guint32) (c->red * 255 + 0.5) << 16) | ((guint32) (c->green * 255 + 0.5) << 8) |
         (guint32) (c->blue * 255 + 0.5);
}

static guint32
level_colour (gint level,
              gint min,
              gint max)
{
  return rgb (trellis_palette_get_step (TRELLIS_PALETTE_REQUIRED, trellis_palette_level_step (level, min, max)));
}

/* Counts the pixels of @colour on the row @y. */
static guint
count_on_row (cairo_surface_t *surface,
              int              y,
              guint32          colour)
{
  guint n = 0;

  for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
    n += pixel (surface, x, y) == colour;

  return n;
}

static void
test_spread (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(TrellisVotePicture) picture = trellis_vote_picture_new (round, doc);
  guint32 background = rgb (&trellis_theme_get_colors (TRELLIS_THEME_LIGHT)->background);
  cairo_surface_t *surface;
  TrellisRect bar1, bar3, bar4;

  test_vote_cast (round, 1, NULL);
  test_vote_cast (round, 3, "Anna");
  test_vote_cast (round, 3, "Ben");
  test_vote_cast (round, 3, NULL);
  test_vote_cast (round, 4, NULL);

  /* Before the reveal: nothing of the votes, anywhere. */
  g_assert_false (trellis_vote_picture_get_bar (picture, WIDTH, HEIGHT, 3, &bar3));
  surface = paint (picture, WIDTH, HEIGHT);
  for (int y = 0; y < HEIGHT; y += 7)
    for (gint level = 0; level <= 4; level++)
      g_assert_cmpuint (count_on_row (surface, y, level_colour (level, 0, 4)), ==, 0);
  g_assert_cmpuint (count_on_row (surface, HEIGHT / 2, background), ==, WIDTH);
  cairo_surface_destroy (surface);

  g_assert_true (trellis_vote_round_reveal (round));
  surface = paint (picture, WIDTH, HEIGHT);

  g_assert_true (trellis_vote_picture_get_bar (picture, WIDTH, HEIGHT, 1, &bar1));
  g_assert_true (trellis_vote_picture_get_bar (picture, WIDTH, HEIGHT, 3, &bar3));
  g_assert_true (trellis_vote_picture_get_bar (picture, WIDTH, HEIGHT, 4, &bar4));
  g_assert_false (trellis_vote_picture_get_bar (picture, WIDTH, HEIGHT, 0, &bar1));
  g_assert_true (trellis_vote_picture_get_bar (picture, WIDTH, HEIGHT, 1, &bar1));

  /* Heights by count: three votes make a bar three times one vote's,
   * all on one baseline; bars from left to right by level. */
  g_assert_cmpfloat_with_epsilon (bar3.height, bar1.height * 3, 0.01);
  g_assert_cmpfloat_with_epsilon (bar3.y + bar3.height, bar1.y + bar1.height, 0.01);
  g_assert_cmpfloat (bar1.x, <, bar3.x);
  g_assert_cmpfloat (bar3.x, <, bar4.x);

  /* Each bar in its level's colour, at its middle. */
  g_assert_cmphex (pixel (surface, (int) (bar1.x + bar1.width / 2), (int) (bar1.y + bar1.height / 2)), ==,
                   level_colour (1, 0, 4));
  g_assert_cmphex (pixel (surface, (int) (bar3.x + bar3.width / 2), (int) (bar3.y + bar3.height / 2)), ==,
                   level_colour (3, 0, 4));
  /* The lowest and the highest are outlined; the one between is not. */
  g_assert_cmphex (pixel (surface, (int) bar1.x, (int) (bar1.y + bar1.height / 2)), !=, level_colour (1, 0, 4));
  g_assert_cmphex (pixel (surface, (int) bar4.x, (int) (bar4.y + bar4.height / 2)), !=, level_colour (4, 0, 4));
  g_assert_cmphex (pixel (surface, (int) bar3.x + 1, (int) (bar3.y + bar3.height / 2)), ==, level_colour (3, 0, 4));
  /* Nobody voted 2: no bar. */
  g_assert_cmpuint (count_on_row (surface, (int) (bar1.y + bar1.height / 2), level_colour (2, 0, 4)), ==, 0);
  cairo_surface_destroy (surface);

  {
    g_autofree char *description = trellis_vote_picture_dup_description (picture);

    g_assert_cmpstr (description, ==,
                     "What level of ‘Active listening’ does ‘Agent’ need? Level 1, With guidance: 1 vote. "
                     "Level 3, Proficient: 3 votes. Named: Anna, Ben. Level 4, Expert: 1 vote. "
                     "Lowest 1, highest 4.");
  }
}

static void
test_words (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) required = test_vote_open (doc, "ro-agent", "c-listen");
  g_autoptr(TrellisVoteRound) delegation = test_vote_open (doc, "rs-complaints", "ro-agent");
  g_autoptr(TrellisVotePicture) a = trellis_vote_picture_new (required, doc);
  g_autoptr(TrellisVotePicture) b = trellis_vote_picture_new (delegation, doc);

  g_assert_cmpstr (trellis_vote_picture_get_question (a), ==, "What level of ‘Active listening’ does ‘Agent’ need?");
  g_assert_cmpstr (trellis_vote_picture_get_level_label (a, 0), ==, "Not yet");
  /* The competency's own words where it has them, else the scale's. */
  g_assert_cmpstr (trellis_vote_picture_get_level_description (a, 3), ==, "Summarises the need before answering");
  g_assert_cmpstr (trellis_vote_picture_get_level_description (a, 4), ==, "Teaches others");
  g_assert_null (trellis_vote_picture_get_level_description (a, 2));

  g_assert_cmpstr (trellis_vote_picture_get_question (b), ==, "How far is ‘Handle complaints’ delegated to ‘Agent’?");
  g_assert_null (trellis_vote_picture_get_level_label (b, 0));
  g_assert_cmpstr (trellis_vote_picture_get_level_label (b, 3), ==, "Consult");
  g_assert_cmpstr (trellis_vote_picture_get_level_description (b, 7), ==, "The role decides; the manager need not be told.");

  /* Everyone the same: one bar, the one mark. */
  test_vote_cast (delegation, 5, NULL);
  test_vote_cast (delegation, 5, NULL);
  g_assert_true (trellis_vote_round_reveal (delegation));
  {
    g_autofree char *description = trellis_vote_picture_dup_description (b);
    g_assert_true (g_str_has_suffix (description, "Level 5, Advise: 2 votes. Everyone voted 5."));
  }
}

static void
test_write (void)
{
  g_autoptr(TrellisDocument) doc = test_vote_load ("small.trellis");
  g_autoptr(TrellisVoteRound) round = test_vote_open (doc, "ro-agent", "c-product");
  g_autoptr(TrellisVotePicture) picture = trellis_vote_picture_new (round, doc);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-vote-picture-XXXXXX", &error);
  const char *names[] = { "spread.png", "spread.svg", "spread.pdf" };
  const TrellisExportFormat formats[] = { TRELLIS_EXPORT_PNG, TRELLIS_EXPORT_SVG, TRELLIS_EXPORT_PDF };
  const char *starts[] = { "\x89PNG", "<?xml", "%PDF" };

  g_assert_no_error (error);
  test_vote_cast (round, 2, NULL);
  test_vote_cast (round, 3, "Zoë");
  g_assert_true (trellis_vote_round_reveal (round));
  trellis_vote_picture_set_theme (picture, TRELLIS_THEME_DARK);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (trellis_vote_picture_write (picture, path, formats[i], 800, 500, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_str_has_prefix (contents, starts[i]));
      if (formats[i] == TRELLIS_EXPORT_PNG)
        {
          cairo_surface_t *png = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
          g_assert_cmpint (cairo_image_surface_get_height (png), ==, 500);
          g_assert_cmphex (pixel (png, 2, 2), ==, rgb (&trellis_theme_get_colors (TRELLIS_THEME_DARK)->background));
          cairo_surface_destroy (png);
        }
      g_remove (path);
    }

  {
    g_autofree char *path = g_build_filename (dir, "no", "such", "spread.png", NULL);

    g_assert_false (trellis_vote_picture_write (picture, path, TRELLIS_EXPORT_PNG, 800, 500, &error));
    g_assert_nonnull (error);
  }
  g_rmdir (dir);
}

/* What a phone's camera reads: zbarimg decodes the code as painted. */
static void
test_qr_decodes (void)
{
  const char *zbarimg = g_getenv ("TRELLIS_ZBARIMG");
  const char *texts[] = {
    "http://127.0.0.1:8642/#ACDEF3",
    "http://[fe80::1c2:3ff:fe44:5566]:40123/#XY4679",
  };
  const int sizes[] = { 600, 150 };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("trellis-qr-XXXXXX", &error);

  g_assert_no_error (error);
  if (zbarimg == NULL || zbarimg[0] == '\0')
    {
      g_test_skip ("zbarimg (zbar-tools) is not installed");
      g_rmdir (dir);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(TrellisQrCode) code = trellis_qr_code_new (texts[i], &error);
        g_autofree char *path = g_build_filename (dir, "code.png", NULL);
        g_autofree char *out = NULL;
        g_autofree char *err = NULL;
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s], sizes[s]);
        cairo_t *cr = cairo_create (surface);
        const char *argv[] = { zbarimg, "-q", "--raw", path, NULL };
        int status;

        g_assert_no_error (error);
        trellis_qr_code_paint (code, cr, 0, 0, sizes[s]);
        cairo_destroy (cr);
        g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
        cairo_surface_destroy (surface);

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                     &out, &err, &status, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (g_strchomp (out), ==, texts[i]);
        g_remove (path);
      }
  g_rmdir (dir);
}

static void
test_qr_modules (void)
{
  g_autoptr(TrellisQrCode) code = trellis_qr_code_new ("http://192.0.2.7:8642/#ACDEF3", NULL);
  guint width = trellis_qr_code_get_width (code);
  cairo_surface_t *surface;
  cairo_t *cr;
  int side;

  /* A finder pattern in three corners: dark ring, light ring, dark core. */
  g_assert_cmpuint (width, >=, 21);
  g_assert_cmpuint ((width - 17) % 4, ==, 0);
  g_assert_true (trellis_qr_code_get_module (code, 0, 0));
  g_assert_true (trellis_qr_code_get_module (code, 6, 6));
  g_assert_false (trellis_qr_code_get_module (code, 1, 1));
  g_assert_true (trellis_qr_code_get_module (code, 3, 3));
  g_assert_true (trellis_qr_code_get_module (code, width - 1, 0));
  g_assert_true (trellis_qr_code_get_module (code, 0, width - 1));
  g_assert_false (trellis_qr_code_get_module (code, width, 0));

  /* Painted: whole pixels per module, a white quiet zone, black modules. */
  side = (int) (width + 2 * TRELLIS_QR_QUIET_ZONE) * 5;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  trellis_qr_code_paint (code, cr, 0, 0, side);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixel (surface, 0, 0), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, TRELLIS_QR_QUIET_ZONE * 5 - 1, TRELLIS_QR_QUIET_ZONE * 5 - 1), ==, 0xffffff);
  g_assert_cmphex (pixel (surface, TRELLIS_QR_QUIET_ZONE * 5, TRELLIS_QR_QUIET_ZONE * 5), ==, 0x000000);
  g_assert_cmphex (pixel (surface, (TRELLIS_QR_QUIET_ZONE + 1) * 5 + 2, (TRELLIS_QR_QUIET_ZONE + 1) * 5 + 2), ==,
                   0xffffff);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trellis/render/vote/spread", test_spread);
  g_test_add_func ("/trellis/render/vote/words", test_words);
  g_test_add_func ("/trellis/render/vote/write", test_write);
  g_test_add_func ("/trellis/render/vote/qr-decodes", test_qr_decodes);
  g_test_add_func ("/trellis/render/vote/qr-modules", test_qr_modules);

  return g_test_run ();
}

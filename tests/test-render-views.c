/* test-render-views.c: every registered view, drawn and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "test-render-util.h"
#include "trellis-render.h"

/* The cases are made from the view registry, so that a view is drawn,
 * in every theme and every file format, for every example matrix, the
 * moment it is registered. */

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The example matrices that ship in data/examples, by name. */
static GPtrArray *
list_examples (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (g_test_get_filename (G_TEST_DIST, "..", "data", "examples", NULL), 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".trellis"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  return names;
}

/* A PNG that libpng reads whole (it checks every chunk's CRC and the
 * zlib stream's Adler-32), of the picture's size at the options' scale,
 * with the page's colour in its corner and a picture on the page. */
static void
check_png (TrellisLayout *layout,
           GBytes        *bytes)
{
  const TrellisRenderOptions *options = trellis_layout_get_options (layout);
  const TrellisRgba *page = &trellis_theme_get_colors (options->theme)->background;
  cairo_surface_t *surface = render_test_decode_png (bytes);
  double width, height;
  guint8 corner[3];
  gsize painted = 0;
  int w, h;

  trellis_layout_get_picture_size (layout, &width, &height);
  w = cairo_image_surface_get_width (surface);
  h = cairo_image_surface_get_height (surface);
  g_assert_cmpint (w, ==, (int) ceil (width * options->scale));
  g_assert_cmpint (h, ==, (int) ceil (height * options->scale));

  render_test_pixel (surface, 1, 1, corner);
  g_assert_cmpint (ABS (corner[0] - (int) lround (page->red * 255)), <=, 2);
  g_assert_cmpint (ABS (corner[1] - (int) lround (page->green * 255)), <=, 2);
  g_assert_cmpint (ABS (corner[2] - (int) lround (page->blue * 255)), <=, 2);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint8 rgb[3];

        render_test_pixel (surface, x, y, rgb);
        painted += memcmp (rgb, corner, 3) != 0;
      }
  /* Title, headers, cells and legend: far more than a few specks. */
  g_assert_cmpuint (painted, >, (gsize) w * h / 100);

  cairo_surface_destroy (surface);
}

static gboolean
text_layer_says (xmlNode    *node,
                 const char *text)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_ELEMENT_NODE && xmlStrcmp (n->name, (const xmlChar *) "text") == 0)
        {
          g_autofree char *content = (char *) xmlNodeGetContent (n);

          if (g_strcmp0 (content, text) == 0)
            return TRUE;
        }
      if (text_layer_says (n->children, text))
        return TRUE;
    }

  return FALSE;
}

/* Well-formed SVG of the picture's size, with a text layer that says
 * the picture's title. */
static void
check_svg (TrellisLayout *layout,
           GBytes        *bytes)
{
  const TrellisRenderOptions *options = trellis_layout_get_options (layout);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *view_box = NULL;
  g_autofree char *title = NULL;
  xmlChar *attribute;
  xmlDocPtr xml;
  xmlNode *root;
  double width, height;

  g_assert_cmpuint (length, >, 100);
  xml = xmlReadMemory (data, (int) length, "view.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (xml);
  root = xmlDocGetRootElement (xml);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");

  trellis_layout_get_picture_size (layout, &width, &height);
  view_box = g_strdup_printf ("0 0 %g %g", width, height);
  attribute = xmlGetProp (root, (const xmlChar *) "viewBox");
  g_assert_cmpstr ((const char *) attribute, ==, view_box);
  xmlFree (attribute);

  /* The examples name their organisation: "organisation — view". */
  title = g_strdup_printf ("%s — %s",
                           trellis_entity_get_name (TRELLIS_ENTITY (trellis_document_get_organisation (
                             trellis_analysis_get_document (trellis_layout_get_analysis (layout))))),
                           trellis_view_get_title (options->view));
  g_assert_true (text_layer_says (root, title));

  xmlFreeDoc (xml);
}

/* How many times needle is in data, which may hold nul bytes, not
 * followed by not_after (or followed by anything when it is nul). */
static guint
count_bytes (const char *data,
             gsize       length,
             const char *needle,
             char        not_after)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0 &&
        (not_after == '\0' || i + n == length || data[i + n] != not_after))
      count++;

  return count;
}

/* A PDF of one page the picture's size, one point per logical pixel. */
static void
check_pdf (TrellisLayout *layout,
           GBytes        *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *media_box = NULL;
  double width, height;

  g_assert_cmpuint (length, >, 100);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  g_assert_cmpuint (count_bytes (data + length - 32, 32, "%%EOF", 0), ==, 1);

  trellis_layout_get_picture_size (layout, &width, &height);
  media_box = g_strdup_printf ("/MediaBox [ 0 0 %g %g ]", width, height);
  g_assert_cmpuint (count_bytes (data, length, media_box, 0), ==, 1);
  /* "/Type /Page", not "/Type /Pages". */
  g_assert_cmpuint (count_bytes (data, length, "/Type /Page", 's'), ==, 1);
}

static void
test_view (gconstpointer data)
{
  TrellisView view = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) examples = list_examples ();

  /* English and Dutch at least. */
  g_assert_cmpuint (examples->len, >=, 2);
  for (guint e = 0; e < examples->len; e++)
    {
      const char *example = g_ptr_array_index (examples, e);
      g_autoptr(TrellisDocument) doc = load_example (example);
      g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);

      for (TrellisTheme theme = 0; theme < TRELLIS_N_THEMES; theme++)
        {
          g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (view);
          g_autoptr(TrellisLayout) layout = NULL;
          g_autoptr(GError) error = NULL;

          options->theme = theme;
          /* A fractional scale for one theme: the PNG's size rounds up. */
          options->scale = theme == TRELLIS_THEME_DARK ? 1.5 : 1;
          if (trellis_view_needs_date (view))
            g_assert_true (trellis_date_parse ("2026-03-31", 10, &options->since));
          layout = trellis_layout_new (analysis, options, &error);
          g_assert_no_error (error);

          for (TrellisExportFormat f = TRELLIS_EXPORT_PNG; f <= TRELLIS_EXPORT_PDF; f++)
            {
              g_autoptr(GBytes) bytes = trellis_render_to_bytes (layout, f, &error);

              g_test_message ("%s, %s, %s theme, format %d", trellis_view_to_string (view), example,
                              trellis_theme_to_string (theme), f);
              g_assert_no_error (error);
              g_assert_nonnull (bytes);
              switch (f)
                {
                case TRELLIS_EXPORT_PNG:
                  check_png (layout, bytes);
                  break;
                case TRELLIS_EXPORT_SVG:
                  check_svg (layout, bytes);
                  break;
                case TRELLIS_EXPORT_PDF:
                default:
                  check_pdf (layout, bytes);
                  break;
                }
            }
        }
    }
}

/* Each view has a name of its own, which names it back, and a title. */
static void
test_registry (void)
{
  g_autofree char *choices = trellis_view_dup_choices ();
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_dated = 0;

  g_assert_cmpint (TRELLIS_N_VIEWS, >, 0);
  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      const char *name = trellis_view_to_string (v);
      TrellisView back;

      g_assert_nonnull (name);
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_add (names, (gpointer) name);
      g_assert_true (trellis_view_from_string (name, &back));
      g_assert_cmpint (back, ==, v);
      g_assert_cmpstr (trellis_view_get_title (v), !=, "");
      g_assert_nonnull (strstr (choices, name));
      n_dated += trellis_view_needs_date (v);
    }

  g_assert_true (g_str_has_suffix (choices, trellis_view_to_string (TRELLIS_N_VIEWS - 1)));
  g_assert_cmpuint (n_dated, <, TRELLIS_N_VIEWS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/views/registry", test_registry);
  for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
    {
      g_autofree char *path = g_strdup_printf ("/render/views/%s", trellis_view_to_string (v));

      g_test_add_data_func (path, GUINT_TO_POINTER (v), test_view);
    }

  return g_test_run ();
}

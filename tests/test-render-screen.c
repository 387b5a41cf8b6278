/* test-render-screen.c: the picture that fills a projector
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A presentation lays every view out for a screen: the cells as large as
 * fit, the legend beside the map or under it, the title wrapped at the
 * screen's width. Checked from the layout's geometry, on the screens a
 * workshop meets (1280 × 720, 1920 × 1080, 3840 × 2160), for the example
 * matrices in their languages and for a matrix of long names: every part
 * lies on the screen, and no part is drawn over another.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "test-render-util.h"

static const struct {
  double width;
  double height;
} screens[] = {
  { 1280, 720 },
  { 1920, 1080 },
  { 3840, 2160 },
};

static const char *
element_name (TrellisElementKind kind)
{
  static const char * const names[] = {
    "title", "subtitle", "corner", "column headers", "row headers", "cells", "legend entry", "legend line",
  };

  return kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

/* Whether two rectangles share more than a hairline. */
static gboolean
overlap (const TrellisRect *a,
         const TrellisRect *b)
{
  const double e = 0.5;

  return a->x + a->width - e > b->x && b->x + b->width - e > a->x &&
         a->y + a->height - e > b->y && b->y + b->height - e > a->y;
}

static void
check_screen (TrellisDocument *doc,
              const char      *what,
              TrellisView      view,
              TrellisAudience  audience,
              double           width,
              double           height,
              gboolean         rtl)
{
  g_autoptr(TrellisAnalysis) analysis = trellis_analysis_new (doc);
  g_autoptr(TrellisRenderOptions) options = trellis_render_options_new (view);
  g_autoptr(TrellisLayout) layout = NULL;
  g_autoptr(GArray) elements = NULL;
  g_autoptr(GError) error = NULL;
  double pw, ph;

  options->audience = audience;
  options->rtl = rtl;
  options->fit_width = width;
  options->fit_height = height;
  layout = trellis_layout_new (analysis, options, &error);
  g_assert_no_error (error);

  /* The picture is the screen: it all fits. */
  trellis_layout_get_picture_size (layout, &pw, &ph);
  g_test_message ("%s, %s, %s, %.0f × %.0f%s: zoom %.2f", what, trellis_view_to_string (view),
                  trellis_audience_to_string (audience), width, height, rtl ? ", right to left" : "",
                  trellis_layout_get_options (layout)->zoom);
  g_assert_cmpfloat (pw, ==, width);
  g_assert_cmpfloat (ph, ==, height);
  g_assert_cmpfloat (trellis_layout_get_options (layout)->zoom, >=, 0.6);

  elements = trellis_layout_dup_elements (layout);
  g_assert_cmpuint (elements->len, >=, 4);
  for (guint i = 0; i < elements->len; i++)
    {
      const TrellisElement *a = &g_array_index (elements, TrellisElement, i);

      /* On the screen: no text runs off it. */
      if (a->rect.x < 0 || a->rect.y < 0 || a->rect.x + a->rect.width > width + 0.5 ||
          a->rect.y + a->rect.height > height + 0.5)
        g_error ("%s, %s, %.0f × %.0f: the %s (%.0f, %.0f, %.0f × %.0f) is not on the screen",
                 what, trellis_view_to_string (view), width, height, element_name (a->kind),
                 a->rect.x, a->rect.y, a->rect.width, a->rect.height);

      /* Nothing over anything else. */
      for (guint k = i + 1; k < elements->len; k++)
        {
          const TrellisElement *b = &g_array_index (elements, TrellisElement, k);

          if (overlap (&a->rect, &b->rect))
            g_error ("%s, %s, %.0f × %.0f: the %s (%.0f, %.0f, %.0f × %.0f) overlaps the %s (%.0f, %.0f, %.0f × %.0f)",
                     what, trellis_view_to_string (view), width, height,
                     element_name (a->kind), a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                     element_name (b->kind), b->rect.x, b->rect.y, b->rect.width, b->rect.height);
        }
    }
}

static void
check_every_screen (TrellisDocument *doc,
                    const char      *what)
{
  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    {
      for (TrellisView v = 0; v < TRELLIS_N_VIEWS; v++)
        check_screen (doc, what, v, TRELLIS_AUDIENCE_WORKSHOP, screens[s].width, screens[s].height, FALSE);
      check_screen (doc, what, TRELLIS_VIEW_GAPS, TRELLIS_AUDIENCE_TOTALS, screens[s].width, screens[s].height, FALSE);
      check_screen (doc, what, TRELLIS_VIEW_RESPONSIBILITIES, TRELLIS_AUDIENCE_WORKSHOP,
                    screens[s].width, screens[s].height, TRUE);
    }
}

/* The interface's own words in @language: the legends and subtitles. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  /* Tells gettext that the language changed. */
  setlocale (LC_ALL, "");
}

static void
test_examples (gconstpointer data)
{
  const char * const *example = data;
  g_autoptr(TrellisDocument) doc = load_example (example[0]);

  use_language (example[1]);
  /* Dutch is translated; German not yet, which still takes the path. */
  if (g_str_equal (example[1], "nl"))
    g_assert_cmpstr (trellis_view_get_title (TRELLIS_VIEW_GAPS), !=, "Gap heatmap");
  check_every_screen (doc, example[0]);
  use_language ("en");
}

/* Every name as long as people write them. */
static void
test_long_names (gconstpointer data)
{
  const char *language = data;
  g_autoptr(TrellisDocument) doc = load_example ("customer-service.trellis");
  static const TrellisKind kinds[] = {
    TRELLIS_KIND_VALUE, TRELLIS_KIND_RESULT, TRELLIS_KIND_COMPETENCY, TRELLIS_KIND_RESPONSIBILITY,
    TRELLIS_KIND_ROLE, TRELLIS_KIND_PERSON,
  };

  trellis_document_set_string (doc, TRELLIS_ENTITY (trellis_document_get_organisation (doc)), TRELLIS_FIELD_NAME,
                               "Regional Customer Service and Complaints Resolution Centre of the North-Western Provinces");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      TrellisEntity *first = trellis_document_get_item (doc, kinds[k], 0);
      g_autofree char *name = g_strdup_printf ("%s, which is described here at the length that real teams "
                                               "sometimes give their names, with every word of it",
                                               trellis_entity_get_name (first));

      trellis_document_set_string (doc, first, TRELLIS_FIELD_NAME, name);
    }

  use_language (language);
  check_every_screen (doc, "long names");
  use_language ("en");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const examples[][2] = {
    { "customer-service.trellis", "en" },
    { "klantenservice.trellis", "nl" },
    { "kundenservice.trellis", "de" },
  };

  setlocale (LC_ALL, "");
  if (g_getenv ("TRELLIS_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TRELLIS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/screen/examples/%s", examples[i][1]);

      g_test_add_data_func (path, examples[i], test_examples);
    }
  g_test_add_data_func ("/render/screen/long-names/en", "en", test_long_names);
  g_test_add_data_func ("/render/screen/long-names/nl", "nl", test_long_names);

  return g_test_run ();
}

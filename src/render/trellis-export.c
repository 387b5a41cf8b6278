/* trellis-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-export"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "trellis-layout-private.h"
#include "trellis-png.h"
#include "trellis-render.h"

/* Export: the whole picture (trellis_render_cairo()) as a PNG, SVG or
 * PDF file. */

#define MAX_RASTER_SIDE 32767

gboolean
trellis_export_format_from_path (const char          *path,
                                 TrellisExportFormat *format)
{
  g_autofree char *lower = NULL;

  if (path == NULL)
    return FALSE;

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".png"))
    *format = TRELLIS_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = TRELLIS_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = TRELLIS_EXPORT_PDF;
  else
    return FALSE;

  return TRUE;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PNG is limited to 32,767 pixels a side here; say so before painting. */
static gboolean
check_raster_size (TrellisLayout  *layout,
                   int            *width,
                   int            *height,
                   GError        **error)
{
  double scale = trellis_layout_get_options (layout)->scale;
  double picture_width, picture_height;
  double w, h;

  trellis_layout_get_picture_size (layout, &picture_width, &picture_height);
  w = ceil (picture_width * scale);
  h = ceil (picture_height * scale);

  if (w > MAX_RASTER_SIDE || h > MAX_RASTER_SIDE)
    {
      g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_TOO_LARGE,
                   /* Translators: the picture's size in pixels, then the limit. */
                   _("The picture would be %.0f × %.0f pixels, more than a PNG image can hold here (%d). "
                     "Narrow it to a role or person, or write SVG or PDF."),
                   w, h, MAX_RASTER_SIDE);
      return FALSE;
    }

  *width = (int) w;
  *height = (int) h;

  return TRUE;
}

static void
prepare_png_cb (gpointer user_data)
{
  trellis_layout_prepare_threads (user_data);
}

static void
paint_png_cb (cairo_t           *cr,
              const TrellisRect *clip,
              gpointer           user_data)
{
  trellis_render_cairo (user_data, cr, clip);
}

static GBytes *
render_png (TrellisLayout  *layout,
            GError        **error)
{
  int width, height;

  if (!check_raster_size (layout, &width, &height, error))
    return NULL;

  return trellis_png_encode (width, height, trellis_layout_get_options (layout)->scale,
                             prepare_png_cb, paint_png_cb, layout, error);
}

static void
xml_text (GString    *out,
          const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* Cairo draws SVG text as glyph outlines. A transparent text layer on top
 * makes the picture searchable and readable by screen readers, with the
 * full names where the picture had to shorten them. */
static void
add_text_cb (double      x,
             double      y,
             const char *text,
             gpointer    user_data)
{
  GString *out = user_data;

  g_string_append_printf (out, "<text x=\"%.1f\" y=\"%.1f\">", x, y);
  xml_text (out, text);
  g_string_append (out, "</text>\n");
}

static void
svg_text_layer (TrellisLayout *layout,
                GString       *out)
{
  double size = trellis_layout_get_label_size (layout);

  g_string_append_printf (out, "<g id=\"trellis-text\" fill-opacity=\"0\" font-family=\"sans-serif\" font-size=\"%.1f\">\n", size);
  trellis_layout_foreach_label (layout, size, add_text_cb, out);
  g_string_append (out, "</g>\n");
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_WRITE,
               /* Translators: %s is cairo's own description of what went wrong. */
               _("The picture could not be drawn: %s."), cairo_status_to_string (status));
  return FALSE;
}

/**
 * trellis_render_to_bytes:
 * @layout: a #TrellisLayout
 * @format: the file format
 * @error: return location for a #TRELLIS_RENDER_ERROR
 *
 * Renders the whole picture as PNG (at the options' scale), SVG or PDF
 * (one logical pixel per point). Sizes follow the content.
 *
 * Returns: (transfer full): the file's bytes, or %NULL
 */
GBytes *
trellis_render_to_bytes (TrellisLayout        *layout,
                         TrellisExportFormat   format,
                         GError              **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  double width, height;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (layout), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  trellis_layout_get_picture_size (layout, &width, &height);

  if (format == TRELLIS_EXPORT_PNG)
    return render_png (layout, error);

  bytes = g_byte_array_new ();

  if (format == TRELLIS_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (write_to_array, bytes, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
    }
  else
    {
      TrellisDocument *document = trellis_analysis_get_document (trellis_layout_get_analysis (layout));
      TrellisEntity *org = TRELLIS_ENTITY (trellis_document_get_organisation (document));
      const char *org_name = trellis_entity_get_name_in (org, trellis_layout_get_options (layout)->content_language);

      surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, trellis_layout_get_title_text (layout));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Trellis " PACKAGE_VERSION);
      if (org_name != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, org_name);
    }

  cr = cairo_create (surface);
  trellis_render_cairo (layout, cr, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  if (format == TRELLIS_EXPORT_SVG)
    {
      GString *layer = g_string_new (NULL);
      const char *end = g_strrstr_len ((const char *) bytes->data, bytes->len, "</svg>");

      svg_text_layer (layout, layer);
      if (end != NULL)
        {
          gsize at = end - (const char *) bytes->data;
          g_byte_array_remove_range (bytes, at, bytes->len - at);
          g_byte_array_append (bytes, (const guint8 *) layer->str, layer->len);
          g_byte_array_append (bytes, (const guint8 *) "</svg>\n", 7);
        }
      g_string_free (layer, TRUE);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * trellis_render_to_file:
 * @layout: a #TrellisLayout
 * @path: where to write
 * @format: the file format
 * @error: return location for a #GError
 *
 * Renders the whole picture and writes it atomically.
 *
 * Returns: whether the file was written
 */
gboolean
trellis_render_to_file (TrellisLayout        *layout,
                        const char           *path,
                        TrellisExportFormat   format,
                        GError              **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TRELLIS_IS_LAYOUT (layout), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = trellis_render_to_bytes (layout, format, error);
  if (bytes == NULL)
    return FALSE;

  return trellis_export_save (bytes, path, 0644, error);
}

/**
 * trellis_export_save:
 * @bytes: what an export made
 * @path: where to write it
 * @mode: the permissions of a new file
 * @error: return location for a #GError
 *
 * Writes an export atomically: the file is whole, or as it was.
 *
 * Returns: whether the file was written
 */
gboolean
trellis_export_save (GBytes      *bytes,
                     const char  *path,
                     int          mode,
                     GError     **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, mode, &local))
    {
      g_set_error (error, TRELLIS_RENDER_ERROR, TRELLIS_RENDER_ERROR_WRITE,
                   "%s", local->message);
      return FALSE;
    }

  return TRUE;
}

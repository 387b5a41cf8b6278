/* trellis-qr-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-qr-code"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <qrencode.h>

#include "trellis-qr-code.h"

/* A QR code (ISO/IEC 18004, made by libqrencode) drawn with cairo, so
 * that the window shows, and a test decodes, the same picture. It is
 * always black on white with its quiet zone, whatever the theme: readers
 * look for dark modules on a light ground. Error correction is level M
 * (15 % of the code may be lost): enough for a projector's glare, and
 * an address stays a small code that a phone reads from the back of a
 * room. Each module is a whole number of device pixels where the size
 * allows, so that no module blurs into its neighbours. */

struct _TrellisQrCode
{
  QRcode *code;
};

/**
 * trellis_qr_code_new:
 * @text: what the code holds, such as an address
 * @error: where to say why no code could be made
 *
 * Returns: (transfer full) (nullable): the code, or %NULL when @text is
 *   too long for one
 */
TrellisQrCode *
trellis_qr_code_new (const char  *text,
                     GError     **error)
{
  g_autofree TrellisQrCode *self = g_new0 (TrellisQrCode, 1);

  g_return_val_if_fail (text != NULL, NULL);

  self->code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (self->code == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: %s says why, e.g. “Numerical result out of range”. */
                   _("No QR code could be made of the address: %s"), g_strerror (saved));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
trellis_qr_code_free (TrellisQrCode *self)
{
  g_return_if_fail (self != NULL);

  QRcode_free (self->code);
  g_free (self);
}

/**
 * trellis_qr_code_get_width:
 * @self: a #TrellisQrCode
 *
 * Returns: the number of modules on a side, without the quiet zone
 */
guint
trellis_qr_code_get_width (TrellisQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) self->code->width;
}

/**
 * trellis_qr_code_get_module:
 * @self: a #TrellisQrCode
 * @x: a column
 * @y: a row
 *
 * Returns: whether the module at @x, @y is dark
 */
gboolean
trellis_qr_code_get_module (TrellisQrCode *self,
                            guint          x,
                            guint          y)
{
  guint width;

  g_return_val_if_fail (self != NULL, FALSE);

  width = (guint) self->code->width;
  if (x >= width || y >= width)
    return FALSE;

  /* The lowest bit of each byte is the module's colour. */
  return (self->code->data[y * width + x] & 1) != 0;
}

/**
 * trellis_qr_code_paint:
 * @self: a #TrellisQrCode
 * @cr: where to paint
 * @x: the left edge of the square, quiet zone included
 * @y: its top edge
 * @size: its side
 *
 * Paints the code with its quiet zone in a square.
 */
void
trellis_qr_code_paint (TrellisQrCode *self,
                       cairo_t       *cr,
                       double         x,
                       double         y,
                       double         size)
{
  guint width, total;
  double module, ux = 1, uy = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  width = (guint) self->code->width;
  total = width + 2 * TRELLIS_QR_QUIET_ZONE;
  module = size / total;

  /* Whole device pixels per module, when there are enough of them. */
  cairo_user_to_device_distance (cr, &ux, &uy);
  if (module * ux >= 2)
    module = floor (module * ux) / ux;

  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  /* Centred in the square, if the modules were rounded down. */
  cairo_translate (cr, x + (size - module * total) / 2 + module * TRELLIS_QR_QUIET_ZONE,
                   y + (size - module * total) / 2 + module * TRELLIS_QR_QUIET_ZONE);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint row = 0; row < width; row++)
    for (guint column = 0; column < width; column++)
      if (trellis_qr_code_get_module (self, column, row))
        cairo_rectangle (cr, column * module, row * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

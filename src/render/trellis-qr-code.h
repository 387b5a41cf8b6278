/* trellis-qr-code.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TRELLIS_QR_QUIET_ZONE:
 *
 * The light margin around a QR code, in modules, that readers need.
 */
#define TRELLIS_QR_QUIET_ZONE 4

typedef struct _TrellisQrCode TrellisQrCode;

TrellisQrCode *trellis_qr_code_new        (const char     *text,
                                           GError        **error);
void           trellis_qr_code_free       (TrellisQrCode  *self);
guint          trellis_qr_code_get_width  (TrellisQrCode  *self);
gboolean       trellis_qr_code_get_module (TrellisQrCode  *self,
                                           guint           x,
                                           guint           y);
void           trellis_qr_code_paint      (TrellisQrCode  *self,
                                           cairo_t        *cr,
                                           double          x,
                                           double          y,
                                           double          size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisQrCode, trellis_qr_code_free)

G_END_DECLS

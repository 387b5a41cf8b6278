/* trellis-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TRELLIS_CATALOG_MAX_SIZE:
 *
 * The largest message catalog read: many times Trellis's own.
 */
#define TRELLIS_CATALOG_MAX_SIZE (16 * 1024 * 1024)

typedef struct _TrellisCatalog TrellisCatalog;

TrellisCatalog *trellis_catalog_new_from_bytes  (GBytes         *bytes,
                                                 GError        **error);
TrellisCatalog *trellis_catalog_new_from_file   (const char     *path,
                                                 GError        **error);
TrellisCatalog *trellis_catalog_ref             (TrellisCatalog *self);
void            trellis_catalog_unref           (TrellisCatalog *self);
guint           trellis_catalog_get_n_messages  (TrellisCatalog *self);
const char     *trellis_catalog_lookup          (TrellisCatalog *self,
                                                 const char     *context,
                                                 const char     *msgid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrellisCatalog, trellis_catalog_unref)

G_END_DECLS

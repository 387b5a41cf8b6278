/* trellis-types-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-types.h"

G_BEGIN_DECLS

gboolean trellis_names_lookup (const char * const *names,
                               guint               n_names,
                               guint               first,
                               const char         *str,
                               gssize              len,
                               guint              *out);

G_END_DECLS

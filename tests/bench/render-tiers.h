/* render-tiers.h: matrices of the design's scale tiers, made up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-document.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  guint       people;
  guint       competencies;
  guint       roles;
} RenderTier;

extern const RenderTier render_tiers[3];

char            *render_tier_xml  (guint  people,
                                   guint  competencies,
                                   guint  roles,
                                   guint  seed,
                                   gsize *length);
TrellisDocument *render_tier_load (guint  people,
                                   guint  competencies,
                                   guint  roles,
                                   guint  seed);

char            *render_tier_generate (const char *tier,
                                       const char *folder);

G_END_DECLS

/* trellis-heatmap-keys.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-heatmap-view.h"

G_BEGIN_DECLS

void trellis_heatmap_keys_attach (TrellisHeatmapView *view);

G_END_DECLS

/* trellis-indicator-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_INDICATOR_EDITOR (trellis_indicator_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisIndicatorEditor, trellis_indicator_editor, TRELLIS, INDICATOR_EDITOR, TrellisEditor)

G_END_DECLS

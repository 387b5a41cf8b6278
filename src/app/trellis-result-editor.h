/* trellis-result-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RESULT_EDITOR (trellis_result_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisResultEditor, trellis_result_editor, TRELLIS, RESULT_EDITOR, TrellisEditor)

G_END_DECLS

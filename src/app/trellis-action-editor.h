/* trellis-action-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ACTION_EDITOR (trellis_action_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisActionEditor, trellis_action_editor, TRELLIS, ACTION_EDITOR, TrellisEditor)

G_END_DECLS

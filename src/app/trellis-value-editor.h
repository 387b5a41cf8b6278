/* trellis-value-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_VALUE_EDITOR (trellis_value_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisValueEditor, trellis_value_editor, TRELLIS, VALUE_EDITOR, TrellisEditor)

G_END_DECLS

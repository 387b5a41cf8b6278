/* trellis-responsibility-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_RESPONSIBILITY_EDITOR (trellis_responsibility_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisResponsibilityEditor, trellis_responsibility_editor, TRELLIS, RESPONSIBILITY_EDITOR, TrellisEditor)

G_END_DECLS

/* trellis-role-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ROLE_EDITOR (trellis_role_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisRoleEditor, trellis_role_editor, TRELLIS, ROLE_EDITOR, TrellisEditor)

G_END_DECLS

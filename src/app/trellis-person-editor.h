/* trellis-person-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_PERSON_EDITOR (trellis_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisPersonEditor, trellis_person_editor, TRELLIS, PERSON_EDITOR, TrellisEditor)

G_END_DECLS

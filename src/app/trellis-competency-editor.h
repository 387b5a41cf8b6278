/* trellis-competency-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_COMPETENCY_EDITOR (trellis_competency_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisCompetencyEditor, trellis_competency_editor, TRELLIS, COMPETENCY_EDITOR, TrellisEditor)

G_END_DECLS

/* trellis-feedback-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_FEEDBACK_EDITOR (trellis_feedback_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisFeedbackEditor, trellis_feedback_editor, TRELLIS, FEEDBACK_EDITOR, TrellisEditor)

G_END_DECLS

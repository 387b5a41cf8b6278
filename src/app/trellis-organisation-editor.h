/* trellis-organisation-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-editor.h"

G_BEGIN_DECLS

#define TRELLIS_TYPE_ORGANISATION_EDITOR (trellis_organisation_editor_get_type ())
G_DECLARE_FINAL_TYPE (TrellisOrganisationEditor, trellis_organisation_editor, TRELLIS, ORGANISATION_EDITOR, TrellisEditor)

G_END_DECLS

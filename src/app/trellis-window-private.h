/* trellis-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-cell-actions.h"
#include "trellis-entity-pane.h"
#include "trellis-guide.h"
#include "trellis-heatmap-page.h"
#include "trellis-session.h"
#include "trellis-vote-server.h"
#include "trellis-welcome-page.h"
#include "trellis-window.h"

G_BEGIN_DECLS

typedef struct _TrellisWindowVote TrellisWindowVote;
typedef struct _TrellisWindowTranslate TrellisWindowTranslate;

struct _TrellisWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkButton            *banner_primary;
  GtkButton            *banner_secondary;
  TrellisEntityPane    *competencies_pane;
  TrellisGuide         *guide;
  GtkWidget            *content;
  GtkWidget            *content_header;
  TrellisHeatmapPage   *heatmap_page;
  AdwLeaflet           *leaflet;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GtkStack             *main_stack;
  GtkListBox           *sections_list;
  GtkStack             *sections_stack;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  AdwToastOverlay      *toast_overlay;
  TrellisEntityPane    *values_pane;
  TrellisWelcomePage   *welcome_page;
  AdwWindowTitle       *window_title;
  GMenu                *content_language_menu;

  /* State */
  GSettings            *settings;
  TrellisSession       *session;
  TrellisDocument      *document;      /* the session's, as shown */
  GPtrArray            *panes;
  TrellisCellActions   *cell_actions;  /* the document's, owned by the window */
  guint                 undo_labels_source;

  /* Presenting, and what to restore afterwards. */
  guint                 presenting : 1;
  guint                 present_was_fullscreen : 1;
  guint                 fullscreen_requested : 1;  /* a window manager may not grant it */
  guint                 present_editing : 1;       /* the facilitator turned editing on */
  char                 *present_section;
  GtkWidget            *present_leaflet_child;
  GtkWidget            *present_focus;

  /* A workshop vote, and the server phones vote through
   * (trellis-window-vote.c). */
  TrellisWindowVote    *vote;

  /* The language the matrix's texts are shown in
   * (trellis-window-translate.c). */
  TrellisWindowTranslate *translate;
};

void trellis_window_class_add_actions  (GtkWidgetClass *widget_class);
void trellis_window_add_shortcuts      (TrellisWindow  *self);
void trellis_window_update_actions     (TrellisWindow  *self);
void trellis_window_apply_editing      (TrellisWindow  *self);
void trellis_window_queue_undo_labels  (TrellisWindow  *self);
void trellis_window_update_title       (TrellisWindow  *self);
void trellis_window_notify_presenting  (TrellisWindow  *self);
void trellis_window_notify_present_editing (TrellisWindow *self);
void trellis_window_save               (TrellisWindow  *self);
void trellis_window_save_as            (TrellisWindow  *self);
void trellis_window_reload             (TrellisWindow  *self);
void trellis_window_discard_recovered  (TrellisWindow  *self);
void trellis_window_discard_draft      (TrellisWindow  *self,
                                        const char     *uuid);
void trellis_window_show_message       (TrellisWindow  *self,
                                        const char     *heading,
                                        const char     *body);
void trellis_window_show_section_number (TrellisWindow *self,
                                        guint           number);
void trellis_window_switch_tab         (TrellisWindow  *self,
                                        int             delta);
void trellis_window_show_entity        (TrellisWindow  *self,
                                        TrellisEntity  *entity);
TrellisWindow *trellis_window_get_target_for_new (TrellisWindow *self);

/* trellis-window-sheets.c */
void trellis_window_class_add_sheet_actions (GtkWidgetClass *widget_class);
void trellis_window_update_sheet_actions    (TrellisWindow  *self,
                                             gboolean        has_document);
GtkWidget *trellis_window_get_section_focus (TrellisWindow *self);

/* Personal files: trellis-personal-actions.c */
void trellis_window_class_add_personal_actions (GtkWidgetClass *widget_class);
void trellis_window_hand_out_to        (TrellisWindow  *self,
                                        GFile          *folder);
void trellis_window_import             (TrellisWindow  *self,
                                        GPtrArray      *inputs);
void trellis_window_assess_myself_from (TrellisWindow  *self,
                                        GFile          *team);

/* Workshop votes (trellis-window-vote.c) */
void trellis_window_class_add_vote_actions (GtkWidgetClass *widget_class);

/* trellis-window-sections.c */
void trellis_window_build_sections              (TrellisWindow  *self);
void trellis_window_class_add_section_callbacks (GtkWidgetClass *widget_class);
void trellis_window_update_vote_actions    (TrellisWindow  *self);
void trellis_window_vote_dispose           (TrellisWindow  *self);
void trellis_window_vote_on                (TrellisWindow  *self,
                                            const char     *row_id,
                                            const char     *column_id);
TrellisVoteRound  *trellis_window_get_vote_round  (TrellisWindow *self);
TrellisVoteServer *trellis_window_get_vote_server (TrellisWindow *self);

/* The content language and translations (trellis-window-translate.c) */
void trellis_window_class_add_translate_actions (GtkWidgetClass *widget_class);
void trellis_window_translate_init          (TrellisWindow  *self);
void trellis_window_translate_dispose       (TrellisWindow  *self);
void trellis_window_update_translate_actions (TrellisWindow *self);
void trellis_window_notify_content_language (TrellisWindow  *self);

G_END_DECLS

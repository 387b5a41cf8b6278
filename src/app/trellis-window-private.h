/* trellis-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-draft.h"
#include "trellis-entity-pane.h"
#include "trellis-heatmap-page.h"
#include "trellis-pending-edits.h"
#include "trellis-welcome-page.h"
#include "trellis-window.h"

G_BEGIN_DECLS

typedef enum
{
  BANNER_NONE,
  BANNER_DRAFT_FOUND,
  BANNER_RECOVERED,
  BANNER_CHANGED_ON_DISK,
} BannerKind;

struct _TrellisWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkButton            *banner_primary;
  GtkButton            *banner_secondary;
  TrellisEntityPane    *competencies_pane;
  GtkWidget            *content;
  GtkWidget            *content_header;
  TrellisHeatmapPage   *heatmap_page;
  AdwLeaflet           *leaflet;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  GtkStack             *main_stack;
  GtkListBox           *sections_list;
  GtkStack             *sections_stack;
  GtkWidget            *sidebar;
  GtkWidget            *sidebar_separator;
  AdwToastOverlay      *toast_overlay;
  TrellisEntityPane    *values_pane;
  TrellisWelcomePage   *welcome_page;
  AdwWindowTitle       *window_title;

  /* State */
  GSettings            *settings;
  TrellisDocument      *document;
  TrellisDraft         *draft;
  TrellisDraft         *offered_draft;
  GFileMonitor         *monitor;
  GCancellable         *cancellable;
  TrellisPendingEdits  *pending_edits;
  GPtrArray            *panes;
  BannerKind            banner_kind;
  guint                 check_source;
  guint                 loading_generation;
  guint                 busy : 1;
  guint                 saving : 1;
  guint                 recovered : 1;
  guint                 changed_on_disk : 1;
  guint                 close_after_save : 1;
  guint                 check_after_save : 1;

  /* Presenting, and what to restore afterwards. */
  guint                 presenting : 1;
  guint                 present_was_fullscreen : 1;
  guint                 fullscreen_requested : 1;  /* a window manager may not grant it */
  char                 *present_section;
  GtkWidget            *present_leaflet_child;
  GtkWidget            *present_focus;
  AdwToast             *present_toast;
};

void trellis_window_class_add_actions  (GtkWidgetClass *widget_class);
void trellis_window_add_shortcuts      (TrellisWindow  *self);
void trellis_window_update_actions     (TrellisWindow  *self);
void trellis_window_update_title       (TrellisWindow  *self);
void trellis_window_notify_presenting  (TrellisWindow  *self);
void trellis_window_save               (TrellisWindow  *self);
void trellis_window_save_as            (TrellisWindow  *self);
void trellis_window_reload             (TrellisWindow  *self);
void trellis_window_discard_recovered  (TrellisWindow  *self);
void trellis_window_discard_draft      (TrellisWindow  *self,
                                        const char     *uuid);
void trellis_window_show_message       (TrellisWindow  *self,
                                        const char     *heading,
                                        const char     *body);
void trellis_window_show_banner        (TrellisWindow  *self,
                                        BannerKind      kind);
void trellis_window_show_section_number (TrellisWindow *self,
                                        guint           number);
TrellisWindow *trellis_window_get_target_for_new (TrellisWindow *self);
GtkWidget *trellis_window_get_section_focus (TrellisWindow *self);

G_END_DECLS

/* trellis-window-vote.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-window-vote"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-heatmap-view-private.h"
#include "trellis-network.h"
#include "trellis-vote-screen.h"
#include "trellis-vote-server.h"
#include "trellis-widget-util.h"
#include "trellis-window-private.h"

/* A window's workshop vote: the round, and the small web server that
 * lets phones vote in it. The window owns them; the vote screen
 * (trellis-vote-screen.c) shows the round and activates these actions:
 *
 *   win.vote-on        (ss)  start a round on a cell: row id, column id
 *   win.vote-on-focus        … on the focus cell of the heatmap
 *   vote.cast          i     a vote from the laptop's keyboard
 *   vote.reveal              show every vote at once
 *   vote.restart             vote again on the same question
 *   vote.agree         (is)  record the agreed value and its rationale
 *   vote.drop                end the round without a value
 *   vote.phones        s     let phones vote on the network of that
 *                            interface; "" stops it
 *   vote.export              save the picture of the spread
 *
 * A round takes the whole window, full screen, in large type: the
 * presentation screen of the workshop. It comes back to what was shown
 * before (the map presented with F5, if it was) when the round ends:
 * agreed (one undoable edit, offered back in a toast), dropped, or when
 * the window shows another document. The server listens only from
 * "vote.phones" until phones are turned off or the round ends, on the
 * one network the facilitator chose (remembered in GSettings
 * "vote-interface"), and never after the window is gone. */

struct _TrellisWindowVote
{
  TrellisDocument    *document;
  TrellisVoteRound   *round;
  TrellisVoteService *service;
  TrellisVoteServer  *server;
  TrellisVoteScreen  *screen;         /* the main stack's page "vote", made once */
  char               *previous_page;
  GtkWidget          *previous_focus;
  gulong              document_handler;
  gboolean            was_fullscreen;
  gboolean            was_presenting;
};

static gboolean
is_voting (TrellisWindow *self)
{
  return self->vote != NULL && self->vote->round != NULL;
}

/**
 * trellis_window_get_vote_round:
 * @self: a #TrellisWindow
 *
 * Returns: (transfer none) (nullable): the workshop vote going on
 */
TrellisVoteRound *
trellis_window_get_vote_round (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return is_voting (self) ? self->vote->round : NULL;
}

/**
 * trellis_window_get_vote_server:
 * @self: a #TrellisWindow
 *
 * Returns: (transfer none) (nullable): the server phones vote through,
 *   while it exists
 */
TrellisVoteServer *
trellis_window_get_vote_server (TrellisWindow *self)
{
  g_return_val_if_fail (TRELLIS_IS_WINDOW (self), NULL);

  return self->vote != NULL ? self->vote->server : NULL;
}

void
trellis_window_update_vote_actions (TrellisWindow *self)
{
  gboolean voting = is_voting (self);
  gboolean can_start = self->document != NULL && !trellis_session_get_loading (self->session) && !voting;
  TrellisVoteState state = voting ? trellis_vote_round_get_state (self->vote->round) : TRELLIS_VOTE_STATE_DROPPED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.vote-on", can_start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.vote-on-focus", can_start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.cast", state == TRELLIS_VOTE_STATE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.reveal", state == TRELLIS_VOTE_STATE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.restart", voting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.agree", state == TRELLIS_VOTE_STATE_REVEALED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.export", state == TRELLIS_VOTE_STATE_REVEALED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.drop", voting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vote.phones", voting);

  /* The vote covers the window: no map to present, no section to show. */
  if (voting)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-section", FALSE);
    }
}

static TrellisTheme
current_theme (TrellisWindow *self)
{
  return trellis_settings_get_theme (self->settings);
}

static void
style_changed_cb (TrellisWindow *self)
{
  if (self->vote != NULL && self->vote->screen != NULL)
    trellis_vote_screen_set_theme (self->vote->screen, current_theme (self));
}

static TrellisVoteScreen *
ensure_screen (TrellisWindow *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (self->vote->screen != NULL)
    return self->vote->screen;

  self->vote->screen = TRELLIS_VOTE_SCREEN (trellis_vote_screen_new ());
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->vote->screen), "vote");

  g_signal_connect_object (style, "notify::dark", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::heatmap-theme", G_CALLBACK (style_changed_cb), self,
                             G_CONNECT_SWAPPED);

  return self->vote->screen;
}

static void
stop_phones (TrellisWindow *self)
{
  if (self->vote->server != NULL)
    trellis_vote_server_stop (self->vote->server);
  g_clear_object (&self->vote->server);
  g_clear_object (&self->vote->service);
  if (self->vote->screen != NULL)
    trellis_vote_screen_set_phones (self->vote->screen, NULL, NULL, NULL);
}

/* Back to what the window showed before the round. */
static void
leave (TrellisWindow *self)
{
  TrellisWindowVote *vote = self->vote;

  if (vote == NULL || vote->round == NULL)
    return;

  stop_phones (self);
  g_clear_signal_handler (&vote->document_handler, self->session);
  g_clear_object (&vote->document);
  g_clear_object (&vote->round);
  if (vote->screen != NULL)
    trellis_vote_screen_set_round (vote->screen, NULL, NULL);

  gtk_stack_set_visible_child_name (self->main_stack, vote->previous_page != NULL ? vote->previous_page : "document");
  g_clear_pointer (&vote->previous_page, g_free);
  if (!vote->was_fullscreen)
    gtk_window_unfullscreen (GTK_WINDOW (self));

  trellis_window_update_actions (self);
  if (vote->was_presenting)
    trellis_window_set_presenting (self, TRUE);
  else if (vote->previous_focus != NULL && gtk_widget_get_mapped (vote->previous_focus))
    gtk_widget_grab_focus (vote->previous_focus);
  g_clear_weak_pointer (&vote->previous_focus);
}

/* Another document in the window: the round was about the one before. */
static void
session_document_cb (TrellisWindow *self)
{
  if (is_voting (self) && trellis_session_get_document (self->session) != self->vote->document)
    {
      trellis_vote_round_drop (self->vote->round);
      leave (self);
    }
}

static void
round_state_cb (TrellisWindow *self)
{
  trellis_window_update_vote_actions (self);
}

/**
 * trellis_window_vote_on:
 * @self: a #TrellisWindow
 * @row_id: a role, or a responsibility
 * @column_id: a competency (with a role), or a role (with a
 *   responsibility)
 *
 * Starts a workshop vote on the required level of a competency for a
 * role, or on how far a responsibility is delegated to a role.
 */
void
trellis_window_vote_on (TrellisWindow *self,
                        const char    *row_id,
                        const char    *column_id)
{
  g_autoptr(TrellisVoteRound) round = NULL;
  g_autoptr(GPtrArray) networks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *interface = NULL;
  TrellisWindowVote *vote;
  TrellisVoteScreen *screen;

  g_return_if_fail (TRELLIS_IS_WINDOW (self));

  if (self->document == NULL || is_voting (self))
    return;

  round = trellis_vote_round_new (self->document, row_id, column_id, &error);
  if (round == NULL)
    {
      trellis_window_show_message (self, _("Nothing to Vote On"), error->message);
      return;
    }

  if (self->vote == NULL)
    self->vote = g_new0 (TrellisWindowVote, 1);
  vote = self->vote;

  /* What to come back to; the map presented with F5 steps aside. */
  vote->was_presenting = trellis_window_get_presenting (self);
  if (vote->was_presenting)
    trellis_window_set_presenting (self, FALSE);
  vote->was_fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));
  vote->previous_page = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
  g_set_weak_pointer (&vote->previous_focus, gtk_root_get_focus (GTK_ROOT (self)));

  vote->round = g_object_ref (round);
  vote->document = g_object_ref (self->document);
  g_signal_connect_object (round, "notify::state", G_CALLBACK (round_state_cb), self, G_CONNECT_SWAPPED);
  vote->document_handler = g_signal_connect_object (self->session, "notify::document",
                                                    G_CALLBACK (session_document_cb), self, G_CONNECT_SWAPPED);

  screen = ensure_screen (self);
  trellis_vote_screen_set_theme (screen, current_theme (self));
  trellis_vote_screen_set_round (screen, round, trellis_vote_picture_new_in (round, self->document,
                                                                            trellis_window_get_content_language (self)));
  networks = trellis_network_list ();
  interface = self->settings != NULL ? g_settings_get_string (self->settings, "vote-interface") : NULL;
  trellis_vote_screen_set_networks (screen, networks, trellis_network_find (networks, interface));

  gtk_stack_set_visible_child_name (self->main_stack, "vote");
  gtk_window_fullscreen (GTK_WINDOW (self));
  trellis_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (screen));
}

/* win.vote-on, win.vote-on-focus */

static void
vote_on_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  const char *row, *column;

  g_variant_get (param, "(&s&s)", &row, &column);
  trellis_window_vote_on (TRELLIS_WINDOW (widget), row, column);
}

static void
vote_on_focus_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_auto(TrellisCellTarget) target = { 0 };

  trellis_heatmap_view_get_shown_target (trellis_heatmap_page_get_view (self->heatmap_page), &target);
  if (trellis_cell_target_can_vote (&target))
    {
      trellis_window_vote_on (self, target.row_id, target.column_id);
      return;
    }

  trellis_window_show_message (self, _("Choose What to Vote On"),
                               _("In Heatmaps, on the role requirement map or the responsibility map, move to "
                                 "the cell of a role and a competency, or of a responsibility and a role. Then "
                                 "press V, or choose Vote on This… again."));
}

/* vote.* */

static void
cast_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (is_voting (self) && !trellis_vote_round_cast (self->vote->round, g_variant_get_int32 (param), NULL, NULL))
    gtk_widget_error_bell (widget);
}

static void
reveal_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (is_voting (self) && !trellis_vote_round_reveal (self->vote->round))
    trellis_window_add_toast (self, adw_toast_new (_("Nobody has voted yet")));
}

static void
restart_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);

  if (is_voting (self))
    trellis_vote_round_restart (self->vote->round);
}

static void
agree_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  const char *rationale;
  gboolean delegation;
  gint32 level;
  AdwToast *toast;

  if (!is_voting (self))
    return;

  g_variant_get (param, "(i&s)", &level, &rationale);
  delegation = trellis_vote_round_get_kind (self->vote->round) == TRELLIS_VOTE_DELEGATION;
  if (!trellis_vote_round_agree (self->vote->round, self->document, level, rationale, &error))
    {
      trellis_window_show_message (self, _("Could Not Record the Agreed Value"), error->message);
      return;
    }

  leave (self);

  if (delegation)
    /* Translators: a toast after a workshop vote; %d is the delegation level agreed on (1–7). */
    title = g_strdup_printf (_("Delegation level %d agreed"), level);
  else
    /* Translators: a toast after a workshop vote; %d is the required level agreed on. */
    title = g_strdup_printf (_("Level %d agreed"), level);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "doc.undo");
  trellis_window_add_toast (self, toast);
}

static void
drop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  TrellisWindow    *self)
{
  if (g_strcmp0 (response, "drop") != 0 || !is_voting (self))
    return;

  trellis_vote_round_drop (self->vote->round);
  leave (self);
}

static void
drop_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n;

  if (!is_voting (self))
    return;

  /* Votes nobody has seen yet are not thrown away by a slip. */
  n = trellis_vote_round_get_n_votes (self->vote->round);
  if (trellis_vote_round_get_state (self->vote->round) != TRELLIS_VOTE_STATE_OPEN || n == 0)
    {
      trellis_vote_round_drop (self->vote->round);
      leave (self);
      return;
    }

  /* Translators: %u is how many people have voted. */
  body = g_strdup_printf (ngettext ("The vote cast so far is lost, and nothing is recorded.",
                                    "The %u votes cast so far are lost, and nothing is recorded.", n), n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Drop This Vote?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Voting"),
                                    "drop", _("_Drop Vote"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (drop_response_cb), self, 0);
  trellis_accessible_tidy (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Lets phones vote on the network of @interface. */
static void
open_phones (TrellisWindow *self,
             const char    *interface)
{
  TrellisWindowVote *vote = self->vote;
  g_autoptr(GPtrArray) networks = trellis_network_list ();
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *invitation = NULL;
  const TrellisNetwork *network;
  guint position = trellis_network_find (networks, interface);

  if (position >= networks->len ||
      g_strcmp0 ((network = g_ptr_array_index (networks, position))->interface, interface) != 0)
    {
      trellis_window_show_message (self, _("Could Not Let Phones Vote"),
                                   _("That network is gone. Choose another one."));
      trellis_vote_screen_set_networks (vote->screen, networks, 0);
      return;
    }

  if (vote->service == NULL)
    {
      /* The page speaks the phone's language where Trellis has it: the
       * translations bound for this program. */
      vote->service = trellis_vote_service_new (vote->round, bindtextdomain (GETTEXT_PACKAGE, NULL));
      vote->server = trellis_vote_server_new (vote->service);
    }

  if (!trellis_vote_server_listen (vote->server, network->address, TRELLIS_VOTE_PORT, &error))
    {
      trellis_window_show_message (self, _("Could Not Let Phones Vote"), error->message);
      return;
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "vote-interface", interface);

  address = trellis_vote_server_dup_address (vote->server);
  invitation = trellis_vote_server_dup_invitation (vote->server);
  trellis_vote_screen_set_phones (vote->screen, address, invitation, trellis_vote_service_get_code (vote->service));
}

static void
phones_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  const char *interface = g_variant_get_string (param, NULL);

  if (!is_voting (self))
    return;

  if (interface[0] == '\0')
    stop_phones (self);
  else
    open_phones (self, interface);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    TrellisWindow   *self)
{
  if (response == GTK_RESPONSE_ACCEPT && is_voting (self))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(TrellisVotePicture) picture =
        trellis_vote_picture_new_in (self->vote->round, self->document, trellis_window_get_content_language (self));
      g_autoptr(GError) error = NULL;
      TrellisExportFormat format = TRELLIS_EXPORT_PNG;

      if (path != NULL)
        trellis_export_format_from_path (path, &format);
      trellis_vote_picture_set_theme (picture, current_theme (self));
      if (path == NULL || !trellis_vote_picture_write (picture, path, format, 1600, 900, &error))
        trellis_window_show_message (self, _("Could Not Save the Picture"),
                                     error != NULL ? error->message : _("Choose a folder on this computer."));
      else
        trellis_window_add_toast (self, adw_toast_new (_("Picture saved")));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TrellisWindow *self = TRELLIS_WINDOW (widget);
  GtkFileChooserNative *dialog;

  if (!is_voting (self))
    return;

  dialog = gtk_file_chooser_native_new (_("Save the Picture of the Votes"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the suggested name of the saved picture of a vote. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("votes.png"));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * trellis_window_vote_dispose:
 * @self: a #TrellisWindow
 *
 * Ends a round going on and stops the server, for a window that goes.
 */
void
trellis_window_vote_dispose (TrellisWindow *self)
{
  TrellisWindowVote *vote = self->vote;

  if (vote == NULL)
    return;

  if (vote->server != NULL)
    trellis_vote_server_stop (vote->server);
  if (self->session != NULL)
    g_clear_signal_handler (&vote->document_handler, self->session);
  g_clear_object (&vote->server);
  g_clear_object (&vote->service);
  g_clear_object (&vote->round);
  g_clear_object (&vote->document);
  g_clear_pointer (&vote->previous_page, g_free);
  g_clear_weak_pointer (&vote->previous_focus);
  g_clear_pointer (&self->vote, g_free);
}

void
trellis_window_class_add_vote_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.vote-on", "(ss)", vote_on_action_cb);
  gtk_widget_class_install_action (widget_class, "win.vote-on-focus", NULL, vote_on_focus_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.cast", "i", cast_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.reveal", NULL, reveal_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.restart", NULL, restart_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.agree", "(is)", agree_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.drop", NULL, drop_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.phones", "s", phones_action_cb);
  gtk_widget_class_install_action (widget_class, "vote.export", NULL, export_action_cb);
}

/* trellis-vote-screen.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-screen"

#include "config.h"

#include <glib/gi18n.h>

#include "trellis-accessible.h"
#include "trellis-network.h"
#include "trellis-qr-code.h"
#include "trellis-vote-screen.h"

/* The presentation screen of a workshop vote: large type for a
 * projector, the whole window. It shows a TrellisVoteRound and never
 * changes it: keys and buttons activate the window's "vote." actions
 * (trellis-window-vote.c), which do.
 *
 * While the round is open it shows the question and the levels in
 * words, and of the votes only how many there are. Passing the laptop
 * round, each participant presses the digit of their level: the digit
 * is caught before any control sees it, a vote is cast, and for a
 * moment (TRELLIS_VOTE_SCREEN_LOCKOUT_MS) the screen says only that it
 * was counted and takes no other digit, so that a key held or pressed
 * twice is not a second vote. Nothing the participants chose is
 * anywhere on the screen or in its accessible tree until the reveal:
 * the spread's drawing area is empty and has no description before it.
 *
 * Revealed, it shows the spread large (trellis-vote-picture.c, the same
 * picture the file export writes), described in words for screen
 * readers, the agreed value to choose (the median to start with) and the
 * rationale to type. With phones, it shows the page's address, its QR
 * code and the room code; the network to open is chosen here. */

struct _TrellisVoteScreen
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkWidget          *address_label;
  GtkDropDown        *agree_dropdown;
  GtkWidget          *agree_button;
  GtkWidget          *buttons;
  GtkWidget          *code_label;
  GtkWidget          *content;
  GtkWidget          *count_label;
  GtkWidget          *current_label;
  GtkWidget          *export_button;
  GtkWidget          *flash_label;
  GtkWidget          *hint_label;
  GtkWidget          *levels_box;
  GtkDropDown        *network_dropdown;
  GtkWidget          *phones_box;
  GtkWidget          *phones_button;
  GtkWidget          *phones_chooser;
  GtkDrawingArea     *qr_area;
  GtkWidget          *question_label;
  GtkEntry           *rationale_entry;
  GtkWidget          *restart_button;
  GtkWidget          *reveal_button;
  GtkDrawingArea     *spread_area;
  GtkStack           *state_stack;

  /* State */
  TrellisVoteRound   *round;
  TrellisVotePicture *picture;
  TrellisQrCode      *qr_code;
  GPtrArray          *networks;
  TrellisTheme        theme;
  guint               lockout_id;
  guint               lockout_ms;
};

G_DEFINE_FINAL_TYPE (TrellisVoteScreen, trellis_vote_screen, GTK_TYPE_WIDGET)

static gboolean
is_open (TrellisVoteScreen *self)
{
  return self->round != NULL && trellis_vote_round_get_state (self->round) == TRELLIS_VOTE_STATE_OPEN;
}

static void
update_count (TrellisVoteScreen *self)
{
  guint n = self->round != NULL ? trellis_vote_round_get_n_votes (self->round) : 0;
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No votes yet"));
  else
    /* Translators: how many people have voted so far; nothing else of the votes is shown. */
    text = g_strdup_printf (ngettext ("%u has voted", "%u have voted", n), n);

  gtk_label_set_label (GTK_LABEL (self->count_label), text);
}

/* The levels to choose from: number, name and what it means. */
static void
fill_levels (TrellisVoteScreen *self)
{
  GtkWidget *child;
  gint min, max;

  while ((child = gtk_widget_get_first_child (self->levels_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->levels_box), child);

  if (self->round == NULL)
    return;

  min = trellis_vote_round_get_min_level (self->round);
  max = trellis_vote_round_get_max_level (self->round);
  for (gint level = min; level <= max; level++)
    {
      const char *name = trellis_vote_picture_get_level_label (self->picture, level);
      const char *description = trellis_vote_picture_get_level_description (self->picture, level);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
      GtkWidget *number = gtk_label_new (NULL);
      GtkWidget *words = gtk_label_new (NULL);
      g_autofree char *digits = g_strdup_printf ("%d", level);
      g_autofree char *markup = NULL;

      gtk_label_set_label (GTK_LABEL (number), digits);
      gtk_widget_add_css_class (number, "vote-level-number");
      gtk_widget_set_valign (number, GTK_ALIGN_START);

      if (description != NULL && description[0] != '\0')
        markup = g_markup_printf_escaped ("<b>%s</b>\n%s", name != NULL ? name : "", description);
      else
        markup = g_markup_printf_escaped ("<b>%s</b>", name != NULL ? name : "");
      gtk_label_set_markup (GTK_LABEL (words), markup);
      gtk_label_set_wrap (GTK_LABEL (words), TRUE);
      gtk_label_set_xalign (GTK_LABEL (words), 0);
      gtk_widget_set_hexpand (words, TRUE);
      gtk_widget_add_css_class (words, "vote-level-words");

      gtk_box_append (GTK_BOX (row), number);
      gtk_box_append (GTK_BOX (row), words);
      gtk_box_append (GTK_BOX (self->levels_box), row);
    }
}

static void
fill_agree_choices (TrellisVoteScreen *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  gint min = trellis_vote_round_get_min_level (self->round);
  gint max = trellis_vote_round_get_max_level (self->round);
  gint median = trellis_vote_round_get_median (self->round);

  for (gint level = min; level <= max; level++)
    {
      const char *name = trellis_vote_picture_get_level_label (self->picture, level);
      /* Translators: a choice of the agreed value: a level and its name, e.g. “3 Proficient”. */
      g_autofree char *text = g_strdup_printf (C_("vote choice", "%d %s"), level, name != NULL ? name : "");

      gtk_string_list_append (choices, g_strstrip (text));
    }

  gtk_drop_down_set_model (self->agree_dropdown, G_LIST_MODEL (choices));
  if (median != TRELLIS_LEVEL_NONE)
    gtk_drop_down_set_selected (self->agree_dropdown, (guint) (median - min));
}

/* What the cell said before the vote: shown from the reveal on, for the
 * talk, never before (it would anchor the votes). */
static void
update_current (TrellisVoteScreen *self)
{
  gint current = trellis_vote_round_get_current (self->round);
  const char *name = current != TRELLIS_LEVEL_NONE ? trellis_vote_picture_get_level_label (self->picture, current) : NULL;
  g_autofree char *text = NULL;

  if (current == TRELLIS_LEVEL_NONE)
    text = g_strdup (trellis_vote_round_get_kind (self->round) == TRELLIS_VOTE_DELEGATION
                       ? _("Until now no delegation level was agreed.")
                       : _("Until now this level was not required."));
  else
    /* Translators: the value before a workshop vote; %d is a level, %s its name, e.g. “3 Proficient”. */
    text = g_strdup_printf (_("Until now: %d %s"), current, name != NULL ? name : "");

  gtk_label_set_label (GTK_LABEL (self->current_label), g_strstrip (text));
}

/* Shows the state the round is in. */
static void
update_state (TrellisVoteScreen *self)
{
  gboolean revealed;

  if (self->round == NULL)
    return;

  revealed = trellis_vote_round_get_state (self->round) == TRELLIS_VOTE_STATE_REVEALED;
  gtk_stack_set_visible_child_name (self->state_stack, revealed ? "revealed" : "open");
  gtk_widget_set_visible (self->reveal_button, !revealed);
  gtk_widget_set_visible (self->agree_button, revealed);
  gtk_widget_set_visible (self->restart_button, revealed);
  gtk_widget_set_visible (self->export_button, revealed);

  if (revealed)
    {
      g_autofree char *description = trellis_vote_picture_dup_description (self->picture);

      fill_agree_choices (self);
      update_current (self);
      gtk_editable_set_text (GTK_EDITABLE (self->rationale_entry), "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->spread_area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("The votes"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->agree_dropdown));
    }
  else
    {
      /* Open again after a restart: nothing of the last votes stays. */
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->spread_area), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->spread_area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_drop_down_set_model (self->agree_dropdown, NULL);
      gtk_widget_grab_focus (self->reveal_button);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->spread_area));
  update_count (self);
}

static void
round_state_cb (TrellisVoteScreen *self)
{
  update_state (self);
}

static void
round_n_votes_cb (TrellisVoteScreen *self)
{
  update_count (self);
}

static gboolean
lockout_done_cb (gpointer user_data)
{
  TrellisVoteScreen *self = user_data;

  self->lockout_id = 0;
  gtk_widget_set_visible (self->flash_label, FALSE);

  return G_SOURCE_REMOVE;
}

/* A digit from the laptop: one vote, then a pause. */
static void
cast_from_key (TrellisVoteScreen *self,
               gint               level)
{
  if (self->lockout_id != 0 || level < trellis_vote_round_get_min_level (self->round) ||
      level > trellis_vote_round_get_max_level (self->round))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "vote.cast", "i", level);
  gtk_widget_set_visible (self->flash_label, TRUE);
  self->lockout_id = g_timeout_add (self->lockout_ms, lockout_done_cb, self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TrellisVoteScreen     *self)
{
  gunichar ch = gdk_keyval_to_unicode (keyval);
  gboolean plain = (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0;

  if (self->round == NULL)
    return FALSE;

  if (keyval == GDK_KEY_Escape && plain)
    return gtk_widget_activate_action (GTK_WIDGET (self), "vote.drop", NULL);

  /* Ctrl+Enter does what the first button does. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_CONTROL_MASK) != 0)
    {
      if (is_open (self))
        return gtk_widget_activate_action (GTK_WIDGET (self), "vote.reveal", NULL);
      gtk_widget_activate (self->agree_button);
      return TRUE;
    }

  /* While the round is open a digit is a vote, whatever has the focus. */
  if (is_open (self) && plain && g_unichar_isdigit (ch))
    {
      cast_from_key (self, g_unichar_digit_value (ch));
      return TRUE;
    }

  return FALSE;
}

static void
agree_clicked_cb (TrellisVoteScreen *self)
{
  guint selected = gtk_drop_down_get_selected (self->agree_dropdown);
  const char *rationale = gtk_editable_get_text (GTK_EDITABLE (self->rationale_entry));

  if (self->round == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "vote.agree", "(is)",
                              trellis_vote_round_get_min_level (self->round) + (gint) selected, rationale);
}

static void
phones_clicked_cb (TrellisVoteScreen *self)
{
  guint selected = gtk_drop_down_get_selected (self->network_dropdown);
  const TrellisNetwork *network;

  if (self->networks == NULL || selected >= self->networks->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  network = g_ptr_array_index (self->networks, selected);
  gtk_widget_activate_action (GTK_WIDGET (self), "vote.phones", "s", network->interface);
}

static void
draw_spread (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TrellisVoteScreen *self = user_data;

  if (self->picture == NULL || self->round == NULL ||
      trellis_vote_round_get_state (self->round) != TRELLIS_VOTE_STATE_REVEALED)
    return;

  trellis_vote_picture_set_theme (self->picture, self->theme);
  trellis_vote_picture_paint (self->picture, cr, width, height);
}

static void
draw_qr (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  TrellisVoteScreen *self = user_data;

  if (self->qr_code != NULL)
    trellis_qr_code_paint (self->qr_code, cr, (width - MIN (width, height)) / 2.0, 0, MIN (width, height));
}

static void
trellis_vote_screen_dispose (GObject *object)
{
  TrellisVoteScreen *self = TRELLIS_VOTE_SCREEN (object);

  trellis_vote_screen_set_round (self, NULL, NULL);
  g_clear_handle_id (&self->lockout_id, g_source_remove);
  g_clear_pointer (&self->qr_code, trellis_qr_code_free);
  g_clear_pointer (&self->networks, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRELLIS_TYPE_VOTE_SCREEN);

  G_OBJECT_CLASS (trellis_vote_screen_parent_class)->dispose (object);
}

static void
trellis_vote_screen_class_init (TrellisVoteScreenClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trellis_vote_screen_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/trellis-vote-screen.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "votescreen");
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, address_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, agree_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, agree_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, buttons);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, code_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, content);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, count_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, current_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, export_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, flash_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, hint_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, levels_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, network_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, phones_box);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, phones_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, phones_chooser);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, qr_area);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, question_label);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, rationale_entry);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, restart_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, reveal_button);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, spread_area);
  gtk_widget_class_bind_template_child (widget_class, TrellisVoteScreen, state_stack);
  gtk_widget_class_bind_template_callback (widget_class, agree_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, phones_clicked_cb);
}

static void
trellis_vote_screen_init (TrellisVoteScreen *self)
{
  GtkEventController *keys;

  self->lockout_ms = TRELLIS_VOTE_SCREEN_LOCKOUT_MS;
  gtk_widget_init_template (GTK_WIDGET (self));

  trellis_accessible_tidy (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->spread_area, draw_spread, self, NULL);
  gtk_drawing_area_set_draw_func (self->qr_area, draw_qr, self, NULL);

  /* Before any control: a digit is a vote, not a letter in a field. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
trellis_vote_screen_new (void)
{
  return g_object_new (TRELLIS_TYPE_VOTE_SCREEN, NULL);
}

/**
 * trellis_vote_screen_set_round:
 * @self: a #TrellisVoteScreen
 * @round: (nullable): the round to show
 * @picture: (nullable) (transfer full): its picture, for the question,
 *   the words of the levels and the spread
 */
void
trellis_vote_screen_set_round (TrellisVoteScreen  *self,
                               TrellisVoteRound   *round,
                               TrellisVotePicture *picture)
{
  g_return_if_fail (TRELLIS_IS_VOTE_SCREEN (self));
  g_return_if_fail (round == NULL || TRELLIS_IS_VOTE_ROUND (round));
  g_return_if_fail ((round == NULL) == (picture == NULL));

  if (self->round != NULL)
    g_signal_handlers_disconnect_by_data (self->round, self);
  g_clear_object (&self->round);
  g_clear_pointer (&self->picture, trellis_vote_picture_free);
  g_clear_handle_id (&self->lockout_id, g_source_remove);
  gtk_widget_set_visible (self->flash_label, FALSE);
  trellis_vote_screen_set_phones (self, NULL, NULL, NULL);

  if (round == NULL)
    {
      fill_levels (self);
      return;
    }

  self->round = g_object_ref (round);
  self->picture = picture;
  g_signal_connect_swapped (round, "notify::state", G_CALLBACK (round_state_cb), self);
  g_signal_connect_swapped (round, "notify::n-votes", G_CALLBACK (round_n_votes_cb), self);

  gtk_label_set_label (GTK_LABEL (self->question_label), trellis_vote_picture_get_question (picture));
  gtk_label_set_label (GTK_LABEL (self->hint_label),
                       trellis_vote_round_get_kind (round) == TRELLIS_VOTE_DELEGATION
                         ? _("Pass the laptop round: each person presses the number of the delegation level they "
                             "choose. Nobody sees a vote until all are revealed.")
                         : _("Pass the laptop round: each person presses the number of the level they choose. "
                             "Nobody sees a vote until all are revealed."));
  fill_levels (self);
  update_state (self);
}

/**
 * trellis_vote_screen_set_networks:
 * @self: a #TrellisVoteScreen
 * @networks: (element-type TrellisNetwork): the networks phones may
 *   use
 * @selected: the one to offer first
 */
void
trellis_vote_screen_set_networks (TrellisVoteScreen *self,
                                  GPtrArray         *networks,
                                  guint              selected)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_if_fail (TRELLIS_IS_VOTE_SCREEN (self));
  g_return_if_fail (networks != NULL);

  g_clear_pointer (&self->networks, g_ptr_array_unref);
  self->networks = g_ptr_array_ref (networks);

  for (guint i = 0; i < networks->len; i++)
    {
      g_autofree char *label = trellis_network_dup_label (g_ptr_array_index (networks, i));
      gtk_string_list_append (labels, label);
    }

  gtk_drop_down_set_model (self->network_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->network_dropdown, MIN (selected, networks->len));
  gtk_widget_set_sensitive (self->phones_chooser, networks->len > 0);
}

/**
 * trellis_vote_screen_set_phones:
 * @self: a #TrellisVoteScreen
 * @address: (nullable): the page's address, or %NULL when phones cannot
 *   vote
 * @invitation: (nullable): the address with the room code, for the QR
 *   code
 * @code: (nullable): the room code
 */
void
trellis_vote_screen_set_phones (TrellisVoteScreen *self,
                                const char        *address,
                                const char        *invitation,
                                const char        *code)
{
  g_autofree char *qr_description = NULL;

  g_return_if_fail (TRELLIS_IS_VOTE_SCREEN (self));

  g_clear_pointer (&self->qr_code, trellis_qr_code_free);
  gtk_widget_set_visible (self->phones_box, address != NULL);
  gtk_widget_set_visible (self->phones_chooser, address == NULL);

  if (address == NULL)
    return;

  self->qr_code = trellis_qr_code_new (invitation, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->qr_area), self->qr_code != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->qr_area));
  gtk_label_set_label (GTK_LABEL (self->address_label), address);
  gtk_label_set_label (GTK_LABEL (self->code_label), code);
  /* Translators: %s is the address the QR code takes a phone to. */
  qr_description = g_strdup_printf (_("Opens %s with the room code"), address);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->qr_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, qr_description, -1);
}

void
trellis_vote_screen_set_theme (TrellisVoteScreen *self,
                               TrellisTheme       theme)
{
  g_return_if_fail (TRELLIS_IS_VOTE_SCREEN (self));

  self->theme = theme;
  gtk_widget_queue_draw (GTK_WIDGET (self->spread_area));
}

/**
 * trellis_vote_screen_set_lockout:
 * @self: a #TrellisVoteScreen
 * @ms: how long after a vote from the keyboard no other is taken
 */
void
trellis_vote_screen_set_lockout (TrellisVoteScreen *self,
                                 guint              ms)
{
  g_return_if_fail (TRELLIS_IS_VOTE_SCREEN (self));

  self->lockout_ms = ms;
}

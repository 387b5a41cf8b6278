/* test-app-vote.c: a workshop vote in the window, by keyboard, from the
 * laptop and from a phone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "trellis-cell-popover.h"
#include "trellis-heatmap-page.h"
#include "trellis-test-app.h"
#include "trellis-vote-screen.h"
#include "trellis-window-private.h"

static TrellisApplication *app;

typedef struct
{
  GFile              *file;
  TrellisWindow      *window;
  TrellisDocument    *document;
  TrellisHeatmapPage *page;
  TrellisHeatmapView *view;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->file = trellis_test_copy_example ("customer-service.trellis");
  f->window = trellis_test_open (app, f->file);
  f->document = trellis_window_get_document (f->window);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-section", "i", 6);
  trellis_test_iterate (100);
  f->page = TRELLIS_HEATMAP_PAGE (trellis_window_get_section_widget (f->window, "heatmaps"));
  f->view = trellis_heatmap_page_get_view (f->page);
  trellis_test_wait_until (trellis_heatmap_page_get_layout (f->page) != NULL, 5000);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  trellis_test_close_all (app);
  g_clear_object (&f->file);
}

/* Shows @view with the focus on the cell where @row_entity meets
 * @column_entity (the page lays out a copy of the document, whose
 * entities share the document's ids). */
static void
focus_cell (Fixture       *f,
            TrellisView    view,
            TrellisEntity *row_entity,
            TrellisEntity *column_entity)
{
  TrellisLayout *layout;
  guint row = G_MAXUINT, column = G_MAXUINT;

  trellis_heatmap_page_set_view (f->page, view);
  trellis_test_wait_until ((layout = trellis_heatmap_page_get_layout (f->page)) != NULL &&
                           trellis_layout_get_options (layout)->view == view, 5000);

  for (guint r = 0; r < trellis_layout_get_n_rows (layout); r++)
    if (trellis_entity_same (trellis_layout_get_row_entity (layout, r), row_entity))
      row = r;
  for (guint c = 0; c < trellis_layout_get_n_columns (layout); c++)
    if (trellis_entity_same (trellis_layout_get_column_entity (layout, c), column_entity))
      column = c;
  g_assert_cmpuint (row, !=, G_MAXUINT);
  g_assert_cmpuint (column, !=, G_MAXUINT);

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  trellis_heatmap_view_set_focus_cell (f->view, row, column);
}

static TrellisVoteScreen *
get_screen (Fixture *f)
{
  return TRELLIS_VOTE_SCREEN (gtk_stack_get_child_by_name (f->window->main_stack, "vote"));
}

static const char *
shown_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (f->window->main_stack);
}

/* A label of the vote screen that has the CSS class @css_class. */
static const char *
screen_label (Fixture    *f,
              const char *css_class)
{
  GtkWidget *label = trellis_test_find_css (GTK_WIDGET (get_screen (f)), css_class);

  g_assert_nonnull (label);
  return gtk_label_get_label (GTK_LABEL (label));
}

/* Every text the screen shows, in one string. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    g_string_append_printf (out, "%s\n", gtk_button_get_label (GTK_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
screen_text (Fixture *f)
{
  GString *out = g_string_new (NULL);

  collect_text (GTK_WIDGET (get_screen (f)), out);
  return g_string_free (out, FALSE);
}

static gboolean
press (Fixture *f,
       guint    keyval)
{
  return trellis_test_press_key (GTK_WIDGET (get_screen (f)), keyval, 0);
}

static void
start_on_requirement (Fixture        *f,
                      TrellisEntity **role,
                      TrellisEntity **competency)
{
  *role = trellis_document_get_item (f->document, TRELLIS_KIND_ROLE, 0);
  *competency = trellis_document_get_item (f->document, TRELLIS_KIND_COMPETENCY, 0);
  focus_cell (f, TRELLIS_VIEW_REQUIREMENTS, *role, *competency);

  /* V on the focus cell. */
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_v, 0));
  trellis_test_wait_until (g_strcmp0 (shown_page (f), "vote") == 0, 5000);
  trellis_test_iterate (50);
}

static void
test_laptop_round (Fixture       *f,
                   gconstpointer  data)
{
  TrellisEntity *role, *competency;
  TrellisVoteRound *round;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  GPtrArray *decisions;
  const TrellisDecision *decision;
  gint required_before;

  start_on_requirement (f, &role, &competency);
  required_before = trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES),
                                                 trellis_entity_get_id (competency));
  round = trellis_window_get_vote_round (f->window);
  g_assert_nonnull (round);
  g_assert_cmpint (trellis_vote_round_get_kind (round), ==, TRELLIS_VOTE_REQUIRED_LEVEL);
  g_assert_cmpstr (trellis_vote_round_get_row_id (round), ==, trellis_entity_get_id (role));
  g_assert_cmpstr (screen_label (f, "vote-count"), ==, "No votes yet");
  before = screen_text (f);
  g_assert_nonnull (strstr (before, trellis_entity_get_name (competency)));

  /* The map steps aside: no F5, no sections while voting. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  trellis_test_iterate (50);
  g_assert_false (trellis_window_get_presenting (f->window));
  g_assert_cmpstr (shown_page (f), ==, "vote");

  /* One key per person; a key pressed again at once is no second vote. */
  g_assert_true (press (f, GDK_KEY_3));
  g_assert_true (press (f, GDK_KEY_3));
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 1);
  trellis_vote_screen_set_lockout (get_screen (f), 10);
  trellis_test_iterate (TRELLIS_VOTE_SCREEN_LOCKOUT_MS + 100);
  g_assert_true (press (f, GDK_KEY_KP_1));
  trellis_test_iterate (30);
  g_assert_true (press (f, GDK_KEY_4));
  trellis_test_iterate (30);
  /* Off the scale: refused. */
  g_assert_true (press (f, GDK_KEY_9));
  trellis_test_iterate (60);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 3);
  g_assert_cmpstr (screen_label (f, "vote-count"), ==, "3 have voted");

  /* Nothing of the votes on the screen: what changed is the count. */
  during = screen_text (f);
  {
    g_autoptr(GString) expected = g_string_new (before);

    g_string_replace (expected, "No votes yet", "3 have voted", 1);
    g_assert_cmpstr (during, ==, expected->str);
  }
  g_assert_null (strstr (during, "Lowest"));
  g_assert_null (strstr (during, "Highest"));

  /* Ctrl+Enter reveals. */
  g_assert_true (trellis_test_press_key (GTK_WIDGET (get_screen (f)), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_REVEALED);
  {
    g_autofree char *revealed = screen_text (f);
    g_autofree char *until = g_strdup_printf ("Until now: %d Proficient", required_before);

    /* The level before the vote, now that it anchors nothing. */
    g_assert_cmpint (required_before, ==, 3);
    g_assert_nonnull (strstr (revealed, until));
    g_assert_null (strstr (before, "Until now"));
  }
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (trellis_test_find_type (GTK_WIDGET (get_screen (f)), GTK_TYPE_DROP_DOWN, 0));
    GtkWidget *entry = trellis_test_find_type (GTK_WIDGET (get_screen (f)), GTK_TYPE_ENTRY, 0);

    /* The median to start from: 1, 3, 4 → 3. */
    g_assert_nonnull (dropdown);
    g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 3);
    gtk_drop_down_set_selected (dropdown, 4);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Agents teach it to newcomers");
  }

  /* Ctrl+Enter records the agreed value: one undoable edit, and the
   * window as it was. */
  g_assert_true (trellis_test_press_key (GTK_WIDGET (get_screen (f)), GDK_KEY_Return, GDK_CONTROL_MASK));
  trellis_test_wait_until (trellis_window_get_vote_round (f->window) == NULL, 5000);
  g_assert_cmpstr (shown_page (f), ==, "document");
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES),
                                                trellis_entity_get_id (competency)), ==, 4);
  decisions = trellis_entity_get_ptr_array (role, TRELLIS_FIELD_DECISIONS);
  g_assert_cmpuint (decisions->len, ==, 1);
  decision = g_ptr_array_index (decisions, 0);
  g_assert_cmpstr (decision->rationale, ==, "Agents teach it to newcomers");
  g_assert_cmpuint (decision->votes[1] + decision->votes[3] + decision->votes[4], ==, 3);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->view)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "doc.undo", NULL);
  trellis_test_iterate (50);
  g_assert_cmpint (trellis_requirements_lookup (trellis_entity_get_array (role, TRELLIS_FIELD_REQUIRES),
                                                trellis_entity_get_id (competency)), ==, required_before);
}

static void
test_restart_and_drop (Fixture       *f,
                       gconstpointer  data)
{
  TrellisEntity *role, *competency;
  TrellisVoteRound *round;
  g_autofree char *saved_before = trellis_test_serialize (f->document);

  start_on_requirement (f, &role, &competency);
  round = trellis_window_get_vote_round (f->window);
  trellis_vote_screen_set_lockout (get_screen (f), 0);

  /* Reveal with nobody voted: nothing happens. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.reveal", NULL);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_OPEN);

  press (f, GDK_KEY_2);
  trellis_test_iterate (20);
  press (f, GDK_KEY_0);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.reveal", NULL);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_REVEALED);

  /* Again: open, no votes, nothing of the last ones. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.restart", NULL);
  g_assert_cmpint (trellis_vote_round_get_state (round), ==, TRELLIS_VOTE_STATE_OPEN);
  g_assert_cmpstr (screen_label (f, "vote-count"), ==, "No votes yet");

  /* Escape with no votes leaves at once; nothing was changed. */
  g_assert_true (press (f, GDK_KEY_Escape));
  trellis_test_wait_until (trellis_window_get_vote_round (f->window) == NULL, 5000);
  g_assert_cmpstr (shown_page (f), ==, "document");
  {
    g_autofree char *saved_after = trellis_test_serialize (f->document);
    g_assert_cmpstr (saved_after, ==, saved_before);
  }
}

static void
test_delegation_from_popover (Fixture       *f,
                              gconstpointer  data)
{
  TrellisEntity *responsibility = NULL, *role = NULL;
  TrellisVoteRound *round;
  GtkWidget *popover, *button = NULL;

  /* The first responsibility with a role assigned to it. */
  for (guint i = 0; responsibility == NULL && i < trellis_document_get_n_items (f->document, TRELLIS_KIND_RESPONSIBILITY); i++)
    {
      TrellisEntity *rs = trellis_document_get_item (f->document, TRELLIS_KIND_RESPONSIBILITY, i);
      GArray *assigns = trellis_entity_get_array (rs, TRELLIS_FIELD_ASSIGNS);

      if (assigns != NULL && assigns->len > 0)
        {
          responsibility = rs;
          role = trellis_document_lookup (f->document, g_array_index (assigns, TrellisAssignment, 0).role);
        }
    }
  g_assert_nonnull (role);
  focus_cell (f, TRELLIS_VIEW_RESPONSIBILITIES, responsibility, role);

  /* The Menu key opens the cell's choices, with the vote among them. */
  g_assert_true (trellis_test_press_key (GTK_WIDGET (f->view), GDK_KEY_Menu, 0));
  trellis_test_iterate (100);
  popover = trellis_test_find_type (GTK_WIDGET (f->view), TRELLIS_TYPE_CELL_POPOVER, 0);
  g_assert_nonnull (popover);
  {
    guint n = 0;
    GtkWidget *b;

    while ((b = trellis_test_find_type (popover, GTK_TYPE_BUTTON, n++)) != NULL)
      if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (b)), "_Vote on This…") == 0)
        button = b;
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  trellis_test_wait_until (g_strcmp0 (shown_page (f), "vote") == 0, 5000);

  round = trellis_window_get_vote_round (f->window);
  g_assert_cmpint (trellis_vote_round_get_kind (round), ==, TRELLIS_VOTE_DELEGATION);
  g_assert_cmpstr (trellis_vote_round_get_row_id (round), ==, trellis_entity_get_id (responsibility));
  g_assert_cmpstr (trellis_vote_round_get_column_id (round), ==, trellis_entity_get_id (role));

  /* 0 and 8 are no delegation levels. */
  trellis_vote_screen_set_lockout (get_screen (f), 0);
  press (f, GDK_KEY_0);
  press (f, GDK_KEY_8);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 0);
  press (f, GDK_KEY_7);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 1);

  /* Escape with votes asks first; keeping on changes nothing. */
  press (f, GDK_KEY_Escape);
  trellis_test_iterate (100);
  g_assert_nonnull (trellis_window_get_vote_round (f->window));
  {
    GList *toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Drop This Vote?");
    adw_message_dialog_response (dialog, "drop");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  trellis_test_wait_until (trellis_window_get_vote_round (f->window) == NULL, 5000);
}

typedef struct
{
  GMainLoop *loop;
  guint      status;
} PhoneReply;

static void
phone_reply_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PhoneReply *reply = user_data;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  reply->status = body != NULL ? soup_message_get_status (soup_session_get_async_result_message (SOUP_SESSION (source), result)) : 0;
  g_main_loop_quit (reply->loop);
}

/* A vote from a phone: a session of its own, through the page's address. */
static guint
phone_vote (const char *address,
            const char *code,
            gint        level)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 10, NULL);
  g_autofree char *uri = g_strconcat (address, "vote", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autofree char *json = g_strdup_printf ("{\"code\":\"%s\",\"level\":%d,\"name\":\"Zoë\"}", code, level);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  PhoneReply reply = { g_main_loop_new (NULL, FALSE), 0 };

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, phone_reply_cb, &reply);
  g_main_loop_run (reply.loop);
  g_main_loop_unref (reply.loop);

  return reply.status;
}

static void
test_phones (Fixture       *f,
             gconstpointer  data)
{
  TrellisEntity *role, *competency;
  TrellisVoteRound *round;
  TrellisVoteServer *server;
  g_autofree char *address = NULL;
  const char *code_label;

  start_on_requirement (f, &role, &competency);
  round = trellis_window_get_vote_round (f->window);

  /* On this computer alone, as tests do. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.phones", "s", "lo");
  server = trellis_window_get_vote_server (f->window);
  g_assert_nonnull (server);
  g_assert_true (trellis_vote_server_get_listening (server));
  address = trellis_vote_server_dup_address (server);
  g_assert_true (g_str_has_prefix (address, "http://127.0.0.1:"));
  g_assert_cmpstr (screen_label (f, "vote-address"), ==, address);
  code_label = screen_label (f, "vote-code");
  g_assert_cmpuint (strlen (code_label), ==, TRELLIS_VOTE_CODE_LENGTH);

  g_assert_cmpuint (phone_vote (address, code_label, 2), ==, 200);
  g_assert_cmpuint (phone_vote (address, "WRONG1", 2), ==, 403);
  trellis_test_iterate (50);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 1);
  g_assert_cmpstr (screen_label (f, "vote-count"), ==, "1 has voted");

  /* The laptop and the phones count together. */
  trellis_vote_screen_set_lockout (get_screen (f), 0);
  press (f, GDK_KEY_4);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (round), ==, 2);

  /* The name typed on the phone shows at the reveal, with its level. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.reveal", NULL);
  {
    g_auto(GStrv) names = trellis_vote_round_dup_names (round, 2);
    g_assert_cmpstrv (names, ((const char *[]) { "Zoë", NULL }));
  }
  /* Revealed, the server still says voting has closed. */
  g_assert_cmpuint (phone_vote (address, code_label, 3), ==, 410);

  /* Enter in the rationale records the agreed value; the round has
   * ended, and nobody listens any more. */
  {
    GtkWidget *entry = trellis_test_find_type (GTK_WIDGET (get_screen (f)), GTK_TYPE_ENTRY, 0);

    gtk_editable_set_text (GTK_EDITABLE (entry), "Half the room asked for more");
    g_signal_emit_by_name (entry, "activate");
  }
  trellis_test_wait_until (trellis_window_get_vote_round (f->window) == NULL, 5000);
  g_assert_cmpuint (trellis_entity_get_ptr_array (role, TRELLIS_FIELD_DECISIONS)->len, ==, 1);
  g_assert_null (trellis_window_get_vote_server (f->window));
  g_assert_cmpuint (phone_vote (address, "ANYONE", 3), ==, 0);
}

static void
test_presenting_and_document (Fixture       *f,
                              gconstpointer  data)
{
  TrellisEntity *role, *competency;

  /* From the presented map, and back to it. */
  trellis_window_set_presenting (f->window, TRUE);
  trellis_test_iterate (100);
  start_on_requirement (f, &role, &competency);
  g_assert_false (trellis_window_get_presenting (f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.drop", NULL);
  trellis_test_wait_until (trellis_window_get_vote_round (f->window) == NULL, 5000);
  g_assert_true (trellis_window_get_presenting (f->window));
  trellis_window_set_presenting (f->window, FALSE);
  trellis_test_iterate (100);

  /* Another document in the window ends the round about the first. */
  start_on_requirement (f, &role, &competency);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "vote.phones", "s", "lo");
  trellis_window_new_document (f->window);
  trellis_test_wait_until (trellis_window_get_vote_round (f->window) == NULL, 5000);
  g_assert_null (trellis_window_get_vote_server (f->window));
  g_assert_cmpstr (shown_page (f), ==, "document");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  trellis_test_init (&argc, &argv);
  app = trellis_test_app_new ();

#define ADD(path, func) \
  g_test_add ("/trellis/app/vote/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("laptop-round", test_laptop_round);
  ADD ("restart-and-drop", test_restart_and_drop);
  ADD ("delegation-from-popover", test_delegation_from_popover);
  ADD ("phones", test_phones);
  ADD ("presenting-and-document", test_presenting_and_document);

  status = g_test_run ();
  g_object_unref (app);
  trellis_test_cleanup ();

  return status;
}

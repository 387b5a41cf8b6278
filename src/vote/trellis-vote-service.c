/* trellis-vote-service.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-vote-service"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/random.h>

#include "trellis-vote-page.h"
#include "trellis-vote-service.h"

/* What the phones of a workshop may ask of one vote round, answered
 * without a socket: the server (trellis-vote-server.c) turns HTTP into a
 * TrellisVoteRequest and the TrellisVoteResponse back into HTTP, and the
 * tests and the fuzzer call trellis_vote_service_handle() directly.
 *
 * Only these exist; everything else is 404, and every refusal changes
 * nothing:
 *
 *   GET  /           the page (HTML), in the phone's language
 *   GET  /vote.css   its style
 *   GET  /vote.js    its script
 *   POST /join       {"code": "…"}: the question's kind and choices
 *   POST /vote       {"code": "…", "level": N, "name": "…"?}: one vote
 *
 * What a phone learns, and what it never learns:
 *
 * - The page and its two files are the same for everyone and hold
 *   nothing of the matrix; they need no room code.
 * - With the room code, /join tells whether the question is a required
 *   level or a delegation, and the levels to choose from: the numbers of
 *   the scale (what each level means is on the shared screen, in the
 *   matrix's own words) or the seven delegation levels in Trellis's own
 *   words. Never the name of a role, a competency, a responsibility or a
 *   person, never the current value, never how many have voted, never a
 *   vote.
 * - /vote answers only whether this vote was counted.
 *
 * Security, by decision:
 *
 * - A random room code of TRELLIS_VOTE_CODE_LENGTH characters per round
 *   (from the kernel's random source, in an alphabet without look-alikes)
 *   is needed on every /join and /vote; an address that sends
 *   TRELLIS_VOTE_MAX_WRONG_CODES wrong codes is refused for the rest of
 *   the round (429).
 * - Bodies are JSON objects of at most TRELLIS_VOTE_MAX_BODY bytes, with
 *   exactly the members above and their types: anything else is 400,
 *   more bytes 413, another media type 415, another method 405.
 * - One vote per device and round: a counted vote sets a cookie with a
 *   random token; a vote that shows a token already counted in this
 *   round (however often it is replayed) is 409 with a clear sentence.
 *   The tokens are forgotten when the round restarts. A device that
 *   throws its cookies away can vote again: the screen counts the votes,
 *   so the room sees it.
 * - A request whose Host is not the address the server listens on, or
 *   whose Origin is another site, is refused (a web page elsewhere must
 *   not drive the vote through a participant's browser, DNS rebinding
 *   included).
 * - Every response says: no caching, no sniffing, no framing, no
 *   referrer, scripts and styles from this server only
 *   (trellis_vote_response_headers()). */

#define TOKEN_BYTES 16

/* The sentence that says so counts the characters itself. */
G_STATIC_ASSERT (TRELLIS_VOTE_NAME_MAX_CHARS == 40);
#define MAX_CLIENTS 4096

/* Without 0/O, 1/I/L, 2/Z, 5/S, 8/B and G/6: readable from the back of a
 * room, typed without doubt. */
static const char code_alphabet[] = "ACDEFHJKMNPQRTUVWXY34679";

typedef enum
{
  MESSAGE_COUNTED,
  MESSAGE_ALREADY,
  MESSAGE_CLOSED,
  MESSAGE_ENDED,
  MESSAGE_WRONG_CODE,
  MESSAGE_BLOCKED,
  MESSAGE_MALFORMED,
  MESSAGE_TOO_LARGE,
  MESSAGE_MEDIA_TYPE,
  MESSAGE_NOT_FOUND,
  MESSAGE_METHOD,
  MESSAGE_FULL,
  MESSAGE_LEVEL,
  MESSAGE_NAME,
  MESSAGE_FORBIDDEN,
  MESSAGE_LEGEND_LEVEL,
  MESSAGE_HINT_LEVEL,
  MESSAGE_LEGEND_DELEGATION,
  N_MESSAGES
} Message;

/* The answers, in the phone's language. */
static const char * const messages[N_MESSAGES] = {
  [MESSAGE_COUNTED] = N_("Your vote is counted. All votes are revealed together on the shared screen."),
  [MESSAGE_ALREADY] = N_("You have already voted in this round. Your first vote counts."),
  [MESSAGE_CLOSED] = N_("Voting in this round has closed."),
  [MESSAGE_ENDED] = N_("This round has ended."),
  [MESSAGE_WRONG_CODE] = N_("That room code is not right. Check the code on the shared screen."),
  [MESSAGE_BLOCKED] = N_("Too many wrong room codes came from this device. Ask the facilitator for help."),
  [MESSAGE_MALFORMED] = N_("The request could not be read. Reload the page and try again."),
  [MESSAGE_TOO_LARGE] = N_("The request is too large."),
  [MESSAGE_MEDIA_TYPE] = N_("The request must be sent as JSON."),
  [MESSAGE_NOT_FOUND] = N_("There is nothing here. Open the address shown on the shared screen."),
  [MESSAGE_METHOD] = N_("This address does not take that kind of request."),
  [MESSAGE_FULL] = N_("This round holds as many votes as it takes."),
  [MESSAGE_LEVEL] = N_("That level is not one of the choices."),
  [MESSAGE_NAME] = N_("A name is plain text of at most 40 characters. Leave it out to vote without a name."),
  [MESSAGE_FORBIDDEN] = N_("This request did not come from the vote page."),
  [MESSAGE_LEGEND_LEVEL] = N_("Which level does the role need?"),
  [MESSAGE_HINT_LEVEL] = N_("What each level means is shown on the shared screen."),
  [MESSAGE_LEGEND_DELEGATION] = N_("How far should the decision be delegated to the role?"),
};

/* Headers every response carries. */
static const char * const response_headers[] = {
  "Cache-Control", "no-store",
  "X-Content-Type-Options", "nosniff",
  "X-Frame-Options", "DENY",
  "Referrer-Policy", "no-referrer",
  "Cross-Origin-Resource-Policy", "same-origin",
  "Content-Security-Policy",
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
  "form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
  NULL,
};

struct _TrellisVoteService
{
  GObject           parent_instance;

  TrellisVoteRound *round;
  char              code[TRELLIS_VOTE_CODE_LENGTH + 1];
  char             *host;

  TrellisVotePage  *page;

  guint             serial;      /* of the round, when the tokens were last reset */
  GHashTable       *tokens;      /* tokens of the devices that voted since */
  GHashTable       *wrong_codes; /* client → count */
};

G_DEFINE_FINAL_TYPE (TrellisVoteService, trellis_vote_service, G_TYPE_OBJECT)

/* Fills @buffer from the kernel's random source: room codes and tokens
 * must not be guessed from earlier ones, which GLib's generator allows. */
static void
random_bytes (guint8 *buffer,
              gsize   length)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = getrandom (buffer + done, length - done, 0);

      if (n < 0)
        {
          /* Interrupted before any byte; anything else means the kernel
           * has no random source, and then no code is safe. */
          if (errno == EINTR)
            continue;
          g_error ("No random numbers from the kernel: %s", g_strerror (errno));
        }
      done += (gsize) n;
    }
}

static void
make_code (char out[TRELLIS_VOTE_CODE_LENGTH + 1])
{
  const guint n = sizeof code_alphabet - 1;
  guint made = 0;

  while (made < TRELLIS_VOTE_CODE_LENGTH)
    {
      guint8 byte;

      random_bytes (&byte, 1);
      /* Only bytes below the largest multiple of n, so that every
       * character is equally likely. */
      if (byte < 256 - 256 % n)
        out[made++] = code_alphabet[byte % n];
    }
  out[made] = '\0';
}

static char *
make_token (void)
{
  guint8 bytes[TOKEN_BYTES];
  GString *token = g_string_sized_new (TOKEN_BYTES * 2);

  random_bytes (bytes, sizeof bytes);
  for (guint i = 0; i < TOKEN_BYTES; i++)
    g_string_append_printf (token, "%02x", bytes[i]);

  return g_string_free (token, FALSE);
}

typedef struct
{
  const char     *language;
  TrellisCatalog *catalog;
} Speaker;

static Speaker
speaker_for (TrellisVoteService       *self,
             const TrellisVoteRequest *request)
{
  Speaker speaker;

  speaker.language = trellis_vote_page_choose (self->page, request->accept_language, &speaker.catalog);

  return speaker;
}

static const char *
translate (const Speaker *speaker,
           const char    *context,
           const char    *msgid)
{
  return trellis_catalog_lookup (speaker->catalog, context, msgid);
}

/* Responses */

static void
respond_bytes (TrellisVoteResponse *response,
               guint                status,
               const char          *content_type,
               GBytes              *body,
               const Speaker       *speaker)
{
  response->status = status;
  response->content_type = content_type;
  g_clear_pointer (&response->body, g_bytes_unref);
  response->body = g_bytes_ref (body);
  g_free (response->language);
  response->language = trellis_vote_page_dup_tag (speaker->language);
}

static void
respond_json (TrellisVoteResponse *response,
              guint                status,
              JsonBuilder         *builder,
              const Speaker       *speaker)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autoptr(GBytes) body = NULL;
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  body = g_bytes_new_take (text, length);
  respond_bytes (response, status, "application/json", body, speaker);
}

static void
respond_message (TrellisVoteResponse *response,
                 guint                status,
                 Message              message,
                 const Speaker       *speaker)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, translate (speaker, NULL, messages[message]));
  json_builder_end_object (builder);
  respond_json (response, status, builder, speaker);
}

/* Requests */

static gboolean
has_media_type (const char *content_type,
                const char *wanted)
{
  gsize len = strlen (wanted);

  if (content_type == NULL || g_ascii_strncasecmp (content_type, wanted, len) != 0)
    return FALSE;

  /* Parameters (a charset) may follow. */
  return content_type[len] == '\0' || content_type[len] == ';' || content_type[len] == ' ';
}

/* The token of @cookie_header's vote cookie, if it is one this service
 * could have made. */
static char *
find_token (const char *cookie_header)
{
  g_auto(GStrv) cookies = NULL;

  if (cookie_header == NULL || strlen (cookie_header) > 4096)
    return NULL;

  cookies = g_strsplit (cookie_header, ";", 64);
  for (guint i = 0; cookies[i] != NULL; i++)
    {
      const char *cookie = cookies[i];
      const char *value;

      while (*cookie == ' ')
        cookie++;
      if (!g_str_has_prefix (cookie, TRELLIS_VOTE_COOKIE "="))
        continue;

      value = cookie + strlen (TRELLIS_VOTE_COOKIE "=");
      if (strlen (value) != TOKEN_BYTES * 2)
        continue;
      for (const char *c = value; *c != '\0'; c++)
        if (!g_ascii_isxdigit (*c) || g_ascii_isupper (*c))
          goto next;

      return g_strdup (value);
next:
      ;
    }

  return NULL;
}

/* Whether the request may speak to the vote at all: from the address
 * the server listens on, from its own page. */
static gboolean
is_same_origin (TrellisVoteService       *self,
                const TrellisVoteRequest *request)
{
  if (self->host != NULL && g_strcmp0 (request->host, self->host) != 0)
    return FALSE;

  if (request->origin != NULL)
    {
      g_autofree char *expected = NULL;

      if (request->host == NULL)
        return FALSE;
      expected = g_strconcat ("http://", request->host, NULL);
      if (g_ascii_strcasecmp (request->origin, expected) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * trellis_vote_code_equal:
 * @code: the room code
 * @typed: what was typed, in any case, with spaces or dashes
 *
 * Compares in a time that does not depend on where they differ.
 *
 * Returns: whether @typed is @code
 */
gboolean
trellis_vote_code_equal (const char *code,
                         const char *typed)
{
  char normal[TRELLIS_VOTE_CODE_LENGTH];
  guint n = 0;
  guint8 differ = 0;

  g_return_val_if_fail (code != NULL && strlen (code) == TRELLIS_VOTE_CODE_LENGTH, FALSE);

  if (typed == NULL || strlen (typed) > 16)
    return FALSE;

  for (const char *c = typed; *c != '\0'; c++)
    {
      if (*c == ' ' || *c == '-')
        continue;
      if (n == TRELLIS_VOTE_CODE_LENGTH)
        return FALSE;
      normal[n++] = g_ascii_toupper (*c);
    }

  if (n != TRELLIS_VOTE_CODE_LENGTH)
    return FALSE;

  for (guint i = 0; i < TRELLIS_VOTE_CODE_LENGTH; i++)
    differ |= (guint8) (normal[i] ^ code[i]);

  return differ == 0;
}

/* The members of a JSON body: only these names, of these types. */
typedef struct
{
  const char *code;
  gint64      level;
  gboolean    has_level;
  const char *name;
} Body;

static gboolean
read_body (const TrellisVoteRequest *request,
           gboolean                  with_vote,
           JsonParser               *parser,
           Body                     *body)
{
  const char *data;
  gsize size;
  JsonNode *root;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  memset (body, 0, sizeof *body);
  if (request->body == NULL)
    return FALSE;

  data = g_bytes_get_data (request->body, &size);
  if (size == 0 || size > TRELLIS_VOTE_MAX_BODY || !g_utf8_validate_len (data, size, NULL) ||
      memchr (data, '\0', size) != NULL)
    return FALSE;

  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return FALSE;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return FALSE;

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (object, member);

      if (g_str_equal (member, "code") && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        body->code = json_node_get_string (node);
      else if (with_vote && g_str_equal (member, "level") && JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_INT64)
        {
          body->level = json_node_get_int (node);
          body->has_level = TRUE;
        }
      else if (with_vote && g_str_equal (member, "name") && JSON_NODE_HOLDS_NULL (node))
        body->name = NULL;
      else if (with_vote && g_str_equal (member, "name") && JSON_NODE_HOLDS_VALUE (node) &&
               json_node_get_value_type (node) == G_TYPE_STRING)
        body->name = json_node_get_string (node);
      else
        return FALSE;
    }

  return body->code != NULL && (!with_vote || body->has_level);
}

/* Whether @request's room code is right; says why not. */
static gboolean
check_code (TrellisVoteService       *self,
            const TrellisVoteRequest *request,
            const char               *code,
            const Speaker            *speaker,
            TrellisVoteResponse      *response)
{
  const char *client = request->client != NULL ? request->client : "";
  guint wrong = GPOINTER_TO_UINT (g_hash_table_lookup (self->wrong_codes, client));

  if (wrong >= TRELLIS_VOTE_MAX_WRONG_CODES)
    {
      respond_message (response, 429, MESSAGE_BLOCKED, speaker);
      return FALSE;
    }

  if (trellis_vote_code_equal (self->code, code))
    return TRUE;

  /* Past MAX_CLIENTS addresses, the newcomers share one count. */
  if (g_hash_table_size (self->wrong_codes) >= MAX_CLIENTS && !g_hash_table_contains (self->wrong_codes, client))
    client = "";
  g_hash_table_insert (self->wrong_codes, g_strdup (client), GUINT_TO_POINTER (wrong + 1));

  respond_message (response, 403, MESSAGE_WRONG_CODE, speaker);
  return FALSE;
}

/* Whether the device that sent @token already voted in this round. */
static gboolean
has_voted (TrellisVoteService *self,
           const char         *token)
{
  guint serial = trellis_vote_round_get_serial (self->round);

  /* A restart opens the round to everyone again. */
  if (serial != self->serial)
    {
      g_hash_table_remove_all (self->tokens);
      self->serial = serial;
    }

  return token != NULL && g_hash_table_contains (self->tokens, token);
}

/* Whether the round takes votes; says why not. */
static gboolean
check_open (TrellisVoteService  *self,
            const Speaker       *speaker,
            TrellisVoteResponse *response)
{
  TrellisVoteState state = trellis_vote_round_get_state (self->round);

  if (state == TRELLIS_VOTE_STATE_OPEN)
    return TRUE;

  respond_message (response, 410, state == TRELLIS_VOTE_STATE_REVEALED ? MESSAGE_CLOSED : MESSAGE_ENDED, speaker);
  return FALSE;
}

static void
add_choices (TrellisVoteService *self,
             JsonBuilder        *builder,
             const Speaker      *speaker)
{
  TrellisVoteKind kind = trellis_vote_round_get_kind (self->round);
  gint min = trellis_vote_round_get_min_level (self->round);
  gint max = trellis_vote_round_get_max_level (self->round);

  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  for (gint level = min; level <= max; level++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "value");
      json_builder_add_int_value (builder, level);
      json_builder_set_member_name (builder, "label");
      if (kind == TRELLIS_VOTE_DELEGATION)
        {
          json_builder_add_string_value (builder,
                                         translate (speaker, "delegation level",
                                                    trellis_authority_get_label_msgid (level)));
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder,
                                         translate (speaker, NULL, trellis_authority_get_description_msgid (level)));
        }
      else
        {
          char number[16];

          g_snprintf (number, sizeof number, "%d", level);
          json_builder_add_string_value (builder, number);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
handle_join (TrellisVoteService       *self,
             const TrellisVoteRequest *request,
             const Speaker            *speaker,
             TrellisVoteResponse      *response)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *token = find_token (request->cookie);
  gboolean delegation;
  gboolean voted;
  Body body;

  if (!read_body (request, FALSE, parser, &body))
    {
      respond_message (response, 400, MESSAGE_MALFORMED, speaker);
      return;
    }

  if (!check_code (self, request, body.code, speaker, response) || !check_open (self, speaker, response))
    return;

  voted = has_voted (self, token);
  delegation = trellis_vote_round_get_kind (self->round) == TRELLIS_VOTE_DELEGATION;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, delegation ? "delegation" : "required-level");
  json_builder_set_member_name (builder, "voted");
  json_builder_add_boolean_value (builder, voted);
  if (voted)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, translate (speaker, NULL, messages[MESSAGE_ALREADY]));
    }
  json_builder_set_member_name (builder, "legend");
  json_builder_add_string_value (builder,
                                 translate (speaker, NULL,
                                            messages[delegation ? MESSAGE_LEGEND_DELEGATION : MESSAGE_LEGEND_LEVEL]));
  if (!delegation)
    {
      json_builder_set_member_name (builder, "hint");
      json_builder_add_string_value (builder, translate (speaker, NULL, messages[MESSAGE_HINT_LEVEL]));
    }
  add_choices (self, builder, speaker);
  json_builder_end_object (builder);

  respond_json (response, 200, builder, speaker);
}

static void
handle_vote (TrellisVoteService       *self,
             const TrellisVoteRequest *request,
             const Speaker            *speaker,
             TrellisVoteResponse      *response)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *token = find_token (request->cookie);
  g_autofree char *new_token = NULL;
  g_autoptr(GError) error = NULL;
  Body body;

  if (!read_body (request, TRUE, parser, &body))
    {
      respond_message (response, 400, MESSAGE_MALFORMED, speaker);
      return;
    }

  if (!check_code (self, request, body.code, speaker, response) || !check_open (self, speaker, response))
    return;

  if (has_voted (self, token))
    {
      respond_message (response, 409, MESSAGE_ALREADY, speaker);
      return;
    }

  if (body.level < G_MININT || body.level > G_MAXINT ||
      !trellis_vote_round_cast (self->round, (gint) body.level, body.name, &error))
    {
      Message message = MESSAGE_LEVEL;
      guint status = 400;

      if (g_error_matches (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_NAME))
        message = MESSAGE_NAME;
      else if (g_error_matches (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_FULL))
        message = MESSAGE_FULL, status = 409;
      else if (g_error_matches (error, TRELLIS_VOTE_ROUND_ERROR, TRELLIS_VOTE_ROUND_ERROR_CLOSED))
        message = MESSAGE_CLOSED, status = 410;

      respond_message (response, status, message, speaker);
      return;
    }

  new_token = make_token ();
  response->set_cookie = g_strdup_printf (TRELLIS_VOTE_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict", new_token);
  g_hash_table_add (self->tokens, g_steal_pointer (&new_token));
  respond_message (response, 200, MESSAGE_COUNTED, speaker);
}

static void
handle_file (const char          *name,
             const char          *content_type,
             const Speaker       *speaker,
             TrellisVoteResponse *response)
{
  g_autoptr(GBytes) bytes = trellis_vote_page_get_file (name);

  respond_bytes (response, 200, content_type, bytes, speaker);
}

/* GObject */

static void
trellis_vote_service_finalize (GObject *object)
{
  TrellisVoteService *self = TRELLIS_VOTE_SERVICE (object);

  g_clear_object (&self->round);
  g_free (self->host);
  g_clear_pointer (&self->page, trellis_vote_page_free);
  g_hash_table_unref (self->tokens);
  g_hash_table_unref (self->wrong_codes);

  G_OBJECT_CLASS (trellis_vote_service_parent_class)->finalize (object);
}

static void
trellis_vote_service_class_init (TrellisVoteServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trellis_vote_service_finalize;
}

static void
trellis_vote_service_init (TrellisVoteService *self)
{
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->wrong_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * trellis_vote_service_new:
 * @round: the round to take votes for
 * @localedir: (nullable): where the translations are, as for
 *   bindtextdomain(); %NULL for English only
 *
 * Makes a new room code for @round.
 *
 * Returns: (transfer full): a new #TrellisVoteService
 */
TrellisVoteService *
trellis_vote_service_new (TrellisVoteRound *round,
                          const char       *localedir)
{
  TrellisVoteService *self;

  g_return_val_if_fail (TRELLIS_IS_VOTE_ROUND (round), NULL);

  self = g_object_new (TRELLIS_TYPE_VOTE_SERVICE, NULL);
  self->round = g_object_ref (round);
  self->serial = trellis_vote_round_get_serial (round);
  self->page = trellis_vote_page_new (localedir);
  make_code (self->code);

  return self;
}

TrellisVoteRound *
trellis_vote_service_get_round (TrellisVoteService *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVICE (self), NULL);

  return self->round;
}

/**
 * trellis_vote_service_get_code:
 * @self: a #TrellisVoteService
 *
 * Returns: the room code, to show on the shared screen
 */
const char *
trellis_vote_service_get_code (TrellisVoteService *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVICE (self), NULL);

  return self->code;
}

/**
 * trellis_vote_service_set_host:
 * @self: a #TrellisVoteService
 * @host: (nullable): the Host every request must name ("192.0.2.7:8642"),
 *   or %NULL to take any
 */
void
trellis_vote_service_set_host (TrellisVoteService *self,
                               const char         *host)
{
  g_return_if_fail (TRELLIS_IS_VOTE_SERVICE (self));

  g_free (self->host);
  self->host = g_strdup (host);
}

/**
 * trellis_vote_service_get_languages:
 * @self: a #TrellisVoteService
 *
 * Returns: (transfer none): the languages the page speaks besides English
 */
const char * const *
trellis_vote_service_get_languages (TrellisVoteService *self)
{
  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVICE (self), NULL);

  return trellis_vote_page_get_languages (self->page);
}

/**
 * trellis_vote_response_headers:
 *
 * Returns: (transfer none): the headers every response carries, as
 *   name, value, name, value …, %NULL
 */
const char * const *
trellis_vote_response_headers (void)
{
  return response_headers;
}

void
trellis_vote_response_clear (TrellisVoteResponse *response)
{
  g_return_if_fail (response != NULL);

  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->set_cookie, g_free);
  g_clear_pointer (&response->language, g_free);
  memset (response, 0, sizeof *response);
}

typedef struct
{
  const char *path;
  gboolean    post;
} Route;

static const Route routes[] = {
  { "/", FALSE }, { "/vote.css", FALSE }, { "/vote.js", FALSE }, { "/join", TRUE }, { "/vote", TRUE },
};

static const Route *
find_route (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_strcmp0 (path, routes[i].path) == 0)
      return &routes[i];

  return NULL;
}

/* Answers what the headers alone decide; see
 * trellis_vote_service_refuse(). */
static gboolean
refuse (TrellisVoteService       *self,
        const TrellisVoteRequest *request,
        gint64                    content_length,
        const Speaker            *speaker,
        TrellisVoteResponse      *response)
{
  const char *method = request->method != NULL ? request->method : "";
  const Route *route = find_route (request->path);

  if (route == NULL)
    respond_message (response, 404, MESSAGE_NOT_FOUND, speaker);
  else if (!is_same_origin (self, request))
    respond_message (response, 403, MESSAGE_FORBIDDEN, speaker);
  else if (route->post ? !g_str_equal (method, "POST")
                       : !(g_str_equal (method, "GET") || g_str_equal (method, "HEAD")))
    {
      respond_message (response, 405, MESSAGE_METHOD, speaker);
      response->allow = route->post ? "POST" : "GET, HEAD";
    }
  else if (!route->post && content_length > 0)
    respond_message (response, 400, MESSAGE_MALFORMED, speaker);
  else if (route->post && content_length > TRELLIS_VOTE_MAX_BODY)
    respond_message (response, 413, MESSAGE_TOO_LARGE, speaker);
  else if (route->post && !has_media_type (request->content_type, "application/json"))
    respond_message (response, 415, MESSAGE_MEDIA_TYPE, speaker);
  else
    return FALSE;

  return TRUE;
}

/**
 * trellis_vote_service_refuse:
 * @self: a #TrellisVoteService
 * @request: a request whose body has not come yet
 * @content_length: the length of the body announced, or -1 if unknown
 * @response: (out caller-allocates): the refusal, if any
 *
 * Answers @request from its headers alone when they already decide it:
 * an unknown path, another origin, a method the path does not take, a
 * body where none belongs or one too large, another media type. The
 * server calls it before it reads the body.
 *
 * Returns: whether @request was refused, and @response made
 */
gboolean
trellis_vote_service_refuse (TrellisVoteService       *self,
                             const TrellisVoteRequest *request,
                             gint64                    content_length,
                             TrellisVoteResponse      *response)
{
  Speaker speaker;

  g_return_val_if_fail (TRELLIS_IS_VOTE_SERVICE (self), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  memset (response, 0, sizeof *response);
  speaker = speaker_for (self, request);

  return refuse (self, request, content_length, &speaker, response);
}

/**
 * trellis_vote_service_handle:
 * @self: a #TrellisVoteService
 * @request: a request from a phone
 * @response: (out caller-allocates): the answer; clear it with
 *   trellis_vote_response_clear()
 *
 * Answers @request. See the top of trellis-vote-service.c for what
 * exists and what is refused.
 */
void
trellis_vote_service_handle (TrellisVoteService       *self,
                             const TrellisVoteRequest *request,
                             TrellisVoteResponse      *response)
{
  gint64 length;
  Speaker speaker;

  g_return_if_fail (TRELLIS_IS_VOTE_SERVICE (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (response != NULL);

  memset (response, 0, sizeof *response);
  speaker = speaker_for (self, request);
  length = request->body != NULL ? (gint64) g_bytes_get_size (request->body) : 0;

  if (refuse (self, request, length, &speaker, response))
    return;

  if (g_str_equal (request->path, "/"))
    {
      g_autoptr(GBytes) page = trellis_vote_page_render (speaker.language, speaker.catalog);
      respond_bytes (response, 200, "text/html; charset=utf-8", page, &speaker);
    }
  else if (g_str_equal (request->path, "/vote.css"))
    handle_file ("vote.css", "text/css; charset=utf-8", &speaker, response);
  else if (g_str_equal (request->path, "/vote.js"))
    handle_file ("vote.js", "text/javascript; charset=utf-8", &speaker, response);
  else if (g_str_equal (request->path, "/join"))
    handle_join (self, request, &speaker, response);
  else
    handle_vote (self, request, &speaker, response);
}

/* test-vote-service.c: what a phone may ask of a vote, and what is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "trellis-catalog.h"
#include "trellis-vote-page.h"
#include "trellis-vote-service.h"
#include "test-vote-util.h"

/* Names of the matrix and its people that a phone must never see. */
static const char * const secrets[] = {
  "Small", "Agent", "Lead", "Active listening", "Product knowledge", "Handle complaints",
  "Anna", "Ben", "ro-agent", "c-listen", "rs-complaints", "Not yet", "Proficient",
  "Summarises", NULL,
};

/* A folder laid out as bindtextdomain() wants it, with the test's own
 * Dutch catalog (tests/data/vote/nl.po). */
static char *localedir;

static void
make_localedir (void)
{
  g_autofree char *mo = g_test_build_filename (G_TEST_BUILT, "vote-nl.mo", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *target = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  localedir = g_dir_make_tmp ("trellis-vote-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (localedir, "nl", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  target = g_build_filename (folder, "trellis.mo", NULL);
  g_assert_true (g_file_get_contents (mo, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
}

static void
remove_localedir (void)
{
  g_autofree char *mo = g_build_filename (localedir, "nl", "LC_MESSAGES", "trellis.mo", NULL);
  g_autofree char *messages = g_path_get_dirname (mo);
  g_autofree char *nl = g_path_get_dirname (messages);

  g_remove (mo);
  g_rmdir (messages);
  g_rmdir (nl);
  g_rmdir (localedir);
  g_free (localedir);
}

typedef struct
{
  TrellisDocument    *doc;
  TrellisVoteRound   *round;
  TrellisVoteService *service;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *cell = data != NULL ? data : "ro-agent c-listen";
  g_auto(GStrv) ids = g_strsplit (cell, " ", 2);

  f->doc = test_vote_load ("small.trellis");
  f->round = test_vote_open (f->doc, ids[0], ids[1]);
  f->service = trellis_vote_service_new (f->round, localedir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->service);
  g_assert_finalize_object (f->round);
  g_assert_finalize_object (f->doc);
}

typedef struct
{
  const char *method;
  const char *path;
  const char *body;
  gssize      body_len;         /* -1: strlen (body) */
  const char *content_type;     /* NULL: "application/json" for POST */
  gboolean    no_content_type;
  const char *cookie;
  const char *accept_language;
  const char *client;
  const char *host;
  const char *origin;
} Req;

/* Sends @req and returns the status; the response in @response. */
static guint
send (Fixture             *f,
      const Req           *req,
      TrellisVoteResponse *response)
{
  g_autoptr(GBytes) body = NULL;
  gboolean post = g_strcmp0 (req->method, "POST") == 0;
  TrellisVoteRequest request = {
    .method = req->method != NULL ? req->method : "GET",
    .path = req->path,
    .host = req->host,
    .origin = req->origin,
    .content_type = req->no_content_type ? NULL : req->content_type != NULL ? req->content_type :
                    post ? "application/json" : NULL,
    .cookie = req->cookie,
    .accept_language = req->accept_language,
    .client = req->client != NULL ? req->client : "192.0.2.10",
  };

  if (req->body != NULL)
    body = g_bytes_new (req->body, req->body_len >= 0 && req->body_len != 0 ? (gsize) req->body_len : strlen (req->body));
  request.body = body;

  trellis_vote_service_handle (f->service, &request, response);
  g_assert_nonnull (response->body);
  g_assert_nonnull (response->content_type);
  g_assert_nonnull (response->language);
  return response->status;
}

static char *
body_text (const TrellisVoteResponse *response)
{
  return g_strndup (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
}

static JsonObject *
body_json (const TrellisVoteResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_cmpstr (response->content_type, ==, "application/json");
  json_parser_load_from_data (parser, g_bytes_get_data (response->body, NULL),
                              (gssize) g_bytes_get_size (response->body), &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
assert_no_secrets (const TrellisVoteResponse *response)
{
  g_autofree char *text = body_text (response);

  for (guint i = 0; secrets[i] != NULL; i++)
    if (strstr (text, secrets[i]) != NULL)
      g_error ("A phone was shown ‘%s’ in:\n%s", secrets[i], text);
}

static char *
vote_body (const char *code,
           gint        level,
           const char *name)
{
  if (name != NULL)
    return g_strdup_printf ("{\"code\":\"%s\",\"level\":%d,\"name\":\"%s\"}", code, level, name);

  return g_strdup_printf ("{\"code\":\"%s\",\"level\":%d}", code, level);
}

/* The cookie to send back, from a Set-Cookie header. */
static char *
cookie_of (const TrellisVoteResponse *response)
{
  g_assert_nonnull (response->set_cookie);
  g_assert_true (g_str_has_prefix (response->set_cookie, TRELLIS_VOTE_COOKIE "="));
  g_assert_nonnull (strstr (response->set_cookie, "HttpOnly"));
  g_assert_nonnull (strstr (response->set_cookie, "SameSite=Strict"));

  return g_strndup (response->set_cookie, strcspn (response->set_cookie, ";"));
}

static guint
vote (Fixture    *f,
      const char *code,
      gint        level,
      const char *cookie,
      char      **new_cookie)
{
  g_auto(TrellisVoteResponse) response = { 0 };
  g_autofree char *body = vote_body (code, level, NULL);
  Req req = { .method = "POST", .path = "/vote", .body = body, .cookie = cookie };
  guint status = send (f, &req, &response);

  if (new_cookie != NULL)
    *new_cookie = status == 200 ? cookie_of (&response) : NULL;
  else if (status != 200)
    g_assert_null (response.set_cookie);

  return status;
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  const char *files[][2] = {
    { "/", "text/html; charset=utf-8" },
    { "/vote.css", "text/css; charset=utf-8" },
    { "/vote.js", "text/javascript; charset=utf-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      Req req = { .path = files[i][0] };

      g_assert_cmpuint (send (f, &req, &response), ==, 200);
      g_assert_cmpstr (response.content_type, ==, files[i][1]);
      g_assert_cmpstr (response.language, ==, "en");
      g_assert_null (response.set_cookie);
      assert_no_secrets (&response);
    }

  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autofree char *html = NULL;
    Req req = { .method = "HEAD", .path = "/" };

    g_assert_cmpuint (send (f, &req, &response), ==, 200);
    html = body_text (&response);
    g_assert_nonnull (strstr (html, "<html lang=\"en\" dir=\"ltr\">"));
    g_assert_nonnull (strstr (html, "<title>Workshop Vote</title>"));
    g_assert_nonnull (strstr (html, "Room code"));
    /* Every word was put in; nothing from outside is loaded. */
    g_assert_null (strstr (html, "@@"));
    g_assert_null (strstr (html, "http:"));
    g_assert_null (strstr (html, "https:"));
    g_assert_null (strstr (html, "<script>"));
    g_assert_null (strstr (html, "style="));
  }

  /* The headers every answer carries. */
  {
    const char * const *headers = trellis_vote_response_headers ();
    gboolean csp = FALSE;

    for (guint i = 0; headers[i] != NULL; i += 2)
      if (g_str_equal (headers[i], "Content-Security-Policy"))
        csp = strstr (headers[i + 1], "default-src 'none'") != NULL;
    g_assert_true (csp);
  }
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  const char *paths[] = { "/nothing", "/../etc/passwd", "", "/vote.html", "/VOTE", "//", "/join/", NULL };
  const char *methods[][2] = { { "POST", "/" }, { "PUT", "/vote" }, { "GET", "/vote" }, { "DELETE", "/join" },
                               { "OPTIONS", "/vote" }, { "POST", "/vote.js" }, { "", "/" } };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      Req req = { .path = paths[i] };

      g_assert_cmpuint (send (f, &req, &response), ==, 404);
      assert_no_secrets (&response);
    }

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      Req req = { .method = methods[i][0], .path = methods[i][1], .content_type = "application/json" };

      g_assert_cmpuint (send (f, &req, &response), ==, 405);
      g_assert_nonnull (response.allow);
    }

  /* A body where none belongs. */
  {
    g_auto(TrellisVoteResponse) response = { 0 };
    Req req = { .path = "/", .body = "x" };

    g_assert_cmpuint (send (f, &req, &response), ==, 400);
  }
}

static void
test_origin (Fixture       *f,
             gconstpointer  data)
{
  const char *code = trellis_vote_service_get_code (f->service);
  g_autofree char *body = vote_body (code, 2, NULL);
  const Req refused[] = {
    { .method = "POST", .path = "/vote", .body = body, .host = "192.0.2.7:8642", .origin = "http://evil.example" },
    { .method = "POST", .path = "/vote", .body = body, .host = "evil.example:8642" },
    { .method = "POST", .path = "/vote", .body = body, .host = "192.0.2.7:8642", .origin = "https://192.0.2.7:8642" },
    { .method = "POST", .path = "/vote", .body = body, .origin = "http://192.0.2.7:8642" },
    { .method = "GET", .path = "/", .host = "evil.example" },
  };

  trellis_vote_service_set_host (f->service, "192.0.2.7:8642");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };

      g_assert_cmpuint (send (f, &refused[i], &response), ==, 403);
    }
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);

  {
    g_auto(TrellisVoteResponse) response = { 0 };
    Req req = { .method = "POST", .path = "/vote", .body = body, .host = "192.0.2.7:8642",
                .origin = "http://192.0.2.7:8642" };

    g_assert_cmpuint (send (f, &req, &response), ==, 200);
    g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);
  }
}

static void
test_join (Fixture       *f,
           gconstpointer  data)
{
  g_auto(TrellisVoteResponse) response = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\"}", trellis_vote_service_get_code (f->service));
  g_autoptr(JsonObject) answer = NULL;
  JsonArray *choices;
  Req req = { .method = "POST", .path = "/join", .body = body };

  g_assert_cmpuint (send (f, &req, &response), ==, 200);
  assert_no_secrets (&response);
  answer = body_json (&response);
  g_assert_cmpstr (json_object_get_string_member (answer, "kind"), ==, "required-level");
  g_assert_false (json_object_get_boolean_member (answer, "voted"));
  g_assert_cmpstr (json_object_get_string_member (answer, "legend"), ==, "Which level does the role need?");

  /* The numbers of the scale, nothing of what the matrix calls them. */
  choices = json_object_get_array_member (answer, "choices");
  g_assert_cmpuint (json_array_get_length (choices), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *choice = json_array_get_object_element (choices, i);
      char number[4];

      g_snprintf (number, sizeof number, "%u", i);
      g_assert_cmpint (json_object_get_int_member (choice, "value"), ==, i);
      g_assert_cmpstr (json_object_get_string_member (choice, "label"), ==, number);
      g_assert_false (json_object_has_member (choice, "description"));
    }

  /* Joining counts nothing. */
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);
}

static void
test_join_delegation (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(TrellisVoteResponse) response = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\"}", trellis_vote_service_get_code (f->service));
  g_autoptr(JsonObject) answer = NULL;
  JsonArray *choices;
  JsonObject *first;
  Req req = { .method = "POST", .path = "/join", .body = body };

  g_assert_cmpuint (send (f, &req, &response), ==, 200);
  assert_no_secrets (&response);
  answer = body_json (&response);
  g_assert_cmpstr (json_object_get_string_member (answer, "kind"), ==, "delegation");
  choices = json_object_get_array_member (answer, "choices");
  g_assert_cmpuint (json_array_get_length (choices), ==, 7);
  first = json_array_get_object_element (choices, 0);
  g_assert_cmpint (json_object_get_int_member (first, "value"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "1 Tell");
  g_assert_cmpstr (json_object_get_string_member (first, "description"), ==, "The manager decides and tells the role.");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (choices, 6), "label"), ==,
                   "7 Delegate");
}

static void
test_vote_once (Fixture       *f,
                gconstpointer  data)
{
  const char *code = trellis_vote_service_get_code (f->service);
  g_autofree char *cookie = NULL;
  g_autofree char *second = NULL;
  g_autofree char *both = NULL;
  g_autofree char *join = g_strdup_printf ("{\"code\":\"%s\"}", code);

  g_assert_cmpuint (vote (f, code, 3, NULL, &cookie), ==, 200);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);

  /* The same device again, however often, with any level. */
  for (gint i = 0; i < 5; i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      g_autofree char *body = vote_body (code, i, NULL);
      g_autoptr(JsonObject) answer = NULL;
      Req req = { .method = "POST", .path = "/vote", .body = body, .cookie = cookie };

      g_assert_cmpuint (send (f, &req, &response), ==, 409);
      g_assert_null (response.set_cookie);
      answer = body_json (&response);
      g_assert_cmpstr (json_object_get_string_member (answer, "message"), ==,
                       "You have already voted in this round. Your first vote counts.");
    }
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);

  /* Among other cookies too. */
  both = g_strconcat ("other=1; ", cookie, "; more=2", NULL);
  g_assert_cmpuint (vote (f, code, 2, both, NULL), ==, 409);

  /* Joining says so at once. */
  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autoptr(JsonObject) answer = NULL;
    Req req = { .method = "POST", .path = "/join", .body = join, .cookie = cookie };

    g_assert_cmpuint (send (f, &req, &response), ==, 200);
    answer = body_json (&response);
    g_assert_true (json_object_get_boolean_member (answer, "voted"));
    g_assert_nonnull (json_object_get_string_member (answer, "message"));
  }

  /* Another device; a cookie this service never made is no vote. */
  g_assert_cmpuint (vote (f, code, 1, "trellis-vote=00000000000000000000000000000000", &second), ==, 200);
  g_assert_cmpstr (second, !=, cookie);
  g_assert_cmpuint (vote (f, code, 1, "trellis-vote=not-a-token", NULL), ==, 200);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 3);

  /* A name is taken as typed; the code in any case, spaced. */
  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autofree char *lower = g_ascii_strdown (code, -1);
    g_autofree char *spaced = g_strdup_printf ("%.3s %s", lower, lower + 3);
    g_autofree char *body = vote_body (spaced, 4, "Zoë");
    Req req = { .method = "POST", .path = "/vote", .body = body };

    g_assert_cmpuint (send (f, &req, &response), ==, 200);
  }

  g_assert_true (trellis_vote_round_reveal (f->round));
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 3), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 1), ==, 2);
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 4), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 2), ==, 0);
}

static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  const char *code = trellis_vote_service_get_code (f->service);
  g_autofree char *too_large = g_strnfill (TRELLIS_VOTE_MAX_BODY + 1, ' ');
  g_autofree char *nested = g_strnfill (TRELLIS_VOTE_MAX_BODY / 2, '[');
  g_autofree char *long_name = g_strnfill (TRELLIS_VOTE_NAME_MAX_CHARS + 1, 'x');
  g_autofree char *with_nul = g_strdup_printf ("{\"code\":\"%s\",\"level\":2}", code);
  char *body;
  struct {
    char  *body;
    gssize body_len;
    guint  status;
  } cases[] = {
    { g_strdup ("not json"), -1, 400 },
    { g_strdup ("{"), -1, 400 },
    { g_strdup ("[]"), -1, 400 },
    { g_strdup ("null"), -1, 400 },
    { g_strdup ("\"code\""), -1, 400 },
    { g_strdup ("{}"), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\"}", code), -1, 400 },
    { g_strdup_printf ("{\"level\":2}"), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":\"2\"}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":2.5}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":true}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":[2]}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":2,\"extra\":1}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":2,\"name\":7}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":7,\"level\":2}"), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":99999999999999999999}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":-9223372036854775808}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":9}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":-1}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":2,\"name\":\"%s\"}", code, long_name), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":2,\"name\":\"\xff\"}", code), -1, 400 },
    { g_strdup_printf ("{\"code\":\"%s\",\"level\":2} trailing", code), -1, 400 },
    { g_strdup (nested), -1, 400 },
    { g_strdup (with_nul), (gssize) strlen (with_nul) + 1, 400 },
    { g_strdup (too_large), -1, 413 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      Req req = { .method = "POST", .path = "/vote", .body = cases[i].body, .body_len = cases[i].body_len };

      g_test_message ("body %u", i);
      g_assert_cmpuint (send (f, &req, &response), ==, cases[i].status);
      g_assert_null (response.set_cookie);
      g_free (cases[i].body);
    }

  /* No body; another media type. */
  body = vote_body (code, 2, NULL);
  {
    g_auto(TrellisVoteResponse) r1 = { 0 };
    g_auto(TrellisVoteResponse) r2 = { 0 };
    g_auto(TrellisVoteResponse) r3 = { 0 };
    Req none = { .method = "POST", .path = "/vote" };
    Req text = { .method = "POST", .path = "/vote", .body = body, .content_type = "text/plain" };
    Req form = { .method = "POST", .path = "/vote", .body = body, .no_content_type = TRUE };

    g_assert_cmpuint (send (f, &none, &r1), ==, 400);
    g_assert_cmpuint (send (f, &text, &r2), ==, 415);
    g_assert_cmpuint (send (f, &form, &r3), ==, 415);
  }
  g_free (body);

  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);

  /* What is refused is not counted as a wrong code: the device can
   * still vote. */
  g_assert_cmpuint (vote (f, code, 2, NULL, NULL), ==, 200);
}

static void
test_wrong_code (Fixture       *f,
                 gconstpointer  data)
{
  const char *code = trellis_vote_service_get_code (f->service);
  const char *wrong[] = { "", "AAAAAA", "AAAAAAA", "AAAAA", "0000000000000000000", "AAA AAA" };

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      g_autofree char *body = vote_body (wrong[i], 2, NULL);
      g_autoptr(JsonObject) answer = NULL;
      Req req = { .method = "POST", .path = "/vote", .body = body, .client = "192.0.2.20" };

      /* (A wrong code that happens to be the right one is no test.) */
      if (trellis_vote_code_equal (code, wrong[i]))
        continue;
      g_assert_cmpuint (send (f, &req, &response), ==, 403);
      answer = body_json (&response);
      g_assert_cmpstr (json_object_get_string_member (answer, "message"), ==,
                       "That room code is not right. Check the code on the shared screen.");
    }

  /* Until the device has sent too many; then the right one is refused
   * too, from that device only. */
  for (guint i = G_N_ELEMENTS (wrong); i < TRELLIS_VOTE_MAX_WRONG_CODES + 2; i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      g_autofree char *join = g_strdup ("{\"code\":\"XXXXXX\"}");
      Req req = { .method = "POST", .path = "/join", .body = join, .client = "192.0.2.20" };
      guint status = send (f, &req, &response);

      g_assert_true (status == 403 || status == 429);
    }

  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autofree char *body = vote_body (code, 2, NULL);
    Req req = { .method = "POST", .path = "/vote", .body = body, .client = "192.0.2.20" };

    g_assert_cmpuint (send (f, &req, &response), ==, 429);
  }
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);

  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autofree char *body = vote_body (code, 2, NULL);
    Req req = { .method = "POST", .path = "/vote", .body = body, .client = "192.0.2.21" };

    g_assert_cmpuint (send (f, &req, &response), ==, 200);
  }
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);

  g_assert_true (trellis_vote_code_equal (code, code));
  g_assert_false (trellis_vote_code_equal (code, NULL));
}

static void
test_closed (Fixture       *f,
             gconstpointer  data)
{
  const char *code = trellis_vote_service_get_code (f->service);
  g_autofree char *join = g_strdup_printf ("{\"code\":\"%s\"}", code);
  g_autofree char *cookie = NULL;
  g_autofree char *after_restart = NULL;

  g_assert_cmpuint (vote (f, code, 2, NULL, &cookie), ==, 200);
  g_assert_true (trellis_vote_round_reveal (f->round));

  g_assert_cmpuint (vote (f, code, 3, NULL, NULL), ==, 410);
  g_assert_cmpuint (vote (f, code, 3, cookie, NULL), ==, 410);
  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autoptr(JsonObject) answer = NULL;
    Req req = { .method = "POST", .path = "/join", .body = join };

    g_assert_cmpuint (send (f, &req, &response), ==, 410);
    answer = body_json (&response);
    g_assert_cmpstr (json_object_get_string_member (answer, "message"), ==, "Voting in this round has closed.");
  }
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 2), ==, 1);
  g_assert_cmpuint (trellis_vote_round_get_count (f->round, 3), ==, 0);

  /* A new vote on the same question: everyone may vote again, with the
   * same code. */
  trellis_vote_round_restart (f->round);
  g_assert_cmpuint (vote (f, code, 4, cookie, &after_restart), ==, 200);
  g_assert_cmpuint (vote (f, code, 4, after_restart, NULL), ==, 409);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 1);

  trellis_vote_round_drop (f->round);
  g_assert_cmpuint (vote (f, code, 4, NULL, NULL), ==, 410);
  g_assert_cmpuint (trellis_vote_round_get_n_votes (f->round), ==, 0);
}

static void
test_language (Fixture       *f,
               gconstpointer  data)
{
  const char * const *languages = trellis_vote_service_get_languages (f->service);
  const char *cases[][2] = {
    { "nl", "nl" }, { "nl-BE", "nl" }, { "fr-FR, nl;q=0.5", "nl" }, { "en, nl", "en" },
    { "nl;q=0.2, en;q=0.9", "en" }, { "nl;q=0", "en" }, { "fr", "en" }, { "", "en" },
    { "*", "en" }, { "n\xffl", "en" }, { "nl;q=abc", "en" }, { "de, NL-nl", "nl" },
  };

  g_assert_cmpstrv (languages, ((const char *[]) { "nl", NULL }));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(TrellisVoteResponse) response = { 0 };
      Req req = { .path = "/", .accept_language = cases[i][0] };

      g_assert_cmpuint (send (f, &req, &response), ==, 200);
      g_assert_cmpstr (response.language, ==, cases[i][1]);
    }

  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autofree char *html = NULL;
    Req req = { .path = "/", .accept_language = "nl-NL,nl;q=0.9,en;q=0.8" };

    g_assert_cmpuint (send (f, &req, &response), ==, 200);
    html = body_text (&response);
    g_assert_nonnull (strstr (html, "<html lang=\"nl\" dir=\"ltr\">"));
    g_assert_nonnull (strstr (html, "<title>Stemming in de workshop</title>"));
    g_assert_nonnull (strstr (html, ">Kamercode<"));
    g_assert_nonnull (strstr (html, ">Stem<"));
    /* What the catalog lacks stays English. */
    g_assert_nonnull (strstr (html, "Your name (optional)"));
  }

  {
    g_auto(TrellisVoteResponse) response = { 0 };
    g_autofree char *body = vote_body ("XXXXXX", 2, NULL);
    g_autoptr(JsonObject) answer = NULL;
    Req req = { .method = "POST", .path = "/vote", .body = body, .accept_language = "nl" };

    g_assert_cmpuint (send (f, &req, &response), ==, 403);
    answer = body_json (&response);
    g_assert_cmpstr (json_object_get_string_member (answer, "message"), ==,
                     "Die kamercode klopt niet. Kijk op het gedeelde scherm.");
  }
}

static void
test_language_delegation (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(TrellisVoteResponse) response = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"code\":\"%s\"}", trellis_vote_service_get_code (f->service));
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *first;
  Req req = { .method = "POST", .path = "/join", .body = body, .accept_language = "nl" };

  g_assert_cmpuint (send (f, &req, &response), ==, 200);
  answer = body_json (&response);
  first = json_array_get_object_element (json_object_get_array_member (answer, "choices"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "label"), ==, "1 Vertellen");
  g_assert_cmpstr (json_object_get_string_member (first, "description"), ==,
                   "De leidinggevende beslist en vertelt het de rol.");
}

static void
test_accept_language (void)
{
  const struct {
    const char *header;
    const char *expected[4];
  } cases[] = {
    { "nl-NL,nl;q=0.9,en;q=0.8", { "nl_NL", "nl", "en", NULL } },
    { "en;q=0.1, de ;q=0.7 , pt-br", { "pt_BR", "de", "en", NULL } },
    { "zh-Hant-TW, x;q=0", { "zh", NULL } },
    { ",,;;q=1,", { NULL } },
    { "a;q=1.5, b;q=-1, c;q=, d", { "d", NULL } },
    { NULL, { NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parsed = trellis_vote_parse_accept_language (cases[i].header);

      g_assert_cmpstrv (parsed, cases[i].expected);
    }

  /* At most 16 are read, of any length of header. */
  {
    g_autoptr(GString) many = g_string_new (NULL);
    g_auto(GStrv) parsed = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append_printf (many, "%sl%u", i > 0 ? "," : "", i);
    parsed = trellis_vote_parse_accept_language (many->str);
    g_assert_cmpuint (g_strv_length (parsed), <=, 16);
  }
}

static void
test_catalog (void)
{
  const char *path = g_test_get_filename (G_TEST_BUILT, "vote-nl.mo", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrellisCatalog) catalog = trellis_catalog_new_from_file (path, &error);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpstr (trellis_catalog_lookup (catalog, NULL, "Room code"), ==, "Kamercode");
  g_assert_cmpstr (trellis_catalog_lookup (catalog, "vote page", "Vote"), ==, "Stem");
  g_assert_cmpstr (trellis_catalog_lookup (catalog, NULL, "Vote"), ==, "Vote");
  g_assert_cmpstr (trellis_catalog_lookup (catalog, "delegation level", "1 Tell"), ==, "1 Vertellen");
  g_assert_cmpstr (trellis_catalog_lookup (catalog, NULL, "One vote"), ==, "Eén stem");
  g_assert_cmpstr (trellis_catalog_lookup (catalog, NULL, "Not translated"), ==, "Not translated");
  g_assert_cmpstr (trellis_catalog_lookup (catalog, NULL, "Unknown"), ==, "Unknown");
  g_assert_cmpstr (trellis_catalog_lookup (NULL, NULL, "Unknown"), ==, "Unknown");
  g_assert_cmpuint (trellis_catalog_get_n_messages (catalog), ==, 7);

  /* Every shortened copy, and copies with a word broken, are refused or
   * read within bounds. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 0; cut < length; cut += 3)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (contents, cut);
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(TrellisCatalog) broken = trellis_catalog_new_from_bytes (bytes, &cut_error);

      if (broken == NULL)
        g_assert_error (cut_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
  /* The number of messages, where the tables are, and the first entry
   * of the table of originals. */
  for (gsize at = 8; at <= 32; at += (at == 16 ? 12 : 4))
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(TrellisCatalog) broken = NULL;

      memset (copy + at, 0xff, 4);
      bytes = g_bytes_new (copy, length);
      broken = trellis_catalog_new_from_bytes (bytes, NULL);
      g_assert_null (broken);
    }
}

static void
test_language_tag (void)
{
  const char *cases[][2] = { { "nl", "nl" }, { "pt_BR", "pt-BR" }, { "sr@latin", "sr" }, { "de_DE.UTF-8", "de-DE" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tag = trellis_vote_page_dup_tag (cases[i][0]);
      g_assert_cmpstr (tag, ==, cases[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/trellis/vote-service/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("page", test_page, NULL);
  ADD ("not-found", test_not_found, NULL);
  ADD ("origin", test_origin, NULL);
  ADD ("join", test_join, NULL);
  ADD ("join-delegation", test_join_delegation, "rs-complaints ro-agent");
  ADD ("vote-once", test_vote_once, NULL);
  ADD ("malformed", test_malformed, NULL);
  ADD ("wrong-code", test_wrong_code, NULL);
  ADD ("closed", test_closed, NULL);
  ADD ("language", test_language, NULL);
  ADD ("language-delegation", test_language_delegation, "rs-complaints ro-agent");
  g_test_add_func ("/trellis/vote-service/accept-language", test_accept_language);
  g_test_add_func ("/trellis/vote-service/catalog", test_catalog);
  g_test_add_func ("/trellis/vote-service/language-tag", test_language_tag);

  make_localedir ();
  status = g_test_run ();
  remove_localedir ();

  return status;
}

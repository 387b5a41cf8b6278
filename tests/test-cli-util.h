/* test-cli-util.h: running trellis-cli as a person would, and reading
 * what it prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <string.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

G_GNUC_UNUSED static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

G_GNUC_UNUSED static const char *
cli_path (void)
{
  const char *path = g_getenv ("TRELLIS_CLI");

  if (path == NULL || path[0] == '\0')
    g_error ("TRELLIS_CLI is not set; run the test through meson test");

  return path;
}

/* Runs trellis-cli with @args (NULL-terminated) in @cwd, with the extra
 * environment @env ("NAME=VALUE", NULL-terminated, may be NULL) and
 * @input (may be NULL) on its standard input. */
G_GNUC_UNUSED static void
test_cli_run (Run                *run,
              const char         *cwd,
              const char * const *env,
              GBytes             *input,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                               (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : G_SUBPROCESS_FLAGS_NONE));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);

  /* An empty GBytes has no data at all. */
  run->out = g_bytes_get_size (out) > 0 ? g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out)) : g_strdup ("");
  run->err = g_bytes_get_size (err) > 0 ? g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err)) : g_strdup ("");

  if (!g_subprocess_get_if_exited (process))
    g_error ("trellis-cli was killed (signal %d); it printed:\n%s", g_subprocess_get_term_sig (process), run->err);
  run->status = g_subprocess_get_exit_status (process);

  /* Whatever it prints is text. */
  g_assert_true (g_utf8_validate (run->out, -1, NULL));
  g_assert_true (g_utf8_validate (run->err, -1, NULL));
}

G_GNUC_UNUSED static void
assert_status (const Run *run,
               int        expected)
{
  if (run->status != expected)
    g_error ("trellis-cli exited %d, not %d\n--- stdout ---\n%s--- stderr ---\n%s",
             run->status, expected, run->out, run->err);
}

G_GNUC_UNUSED static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("expected ‘%s’ in:\n%s", needle, haystack);
}

G_GNUC_UNUSED static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("did not expect ‘%s’ in:\n%s", needle, haystack);
}

/* A small JSON reader, strict as RFC 8259: objects become a{sv}, arrays
 * av, strings s, numbers d, true and false b, null an empty maybe. */

typedef struct
{
  const char *p;
  const char *end;
  const char *error;
} JsonReader;

static GVariant *json_value (JsonReader *r, guint depth);

static void
json_space (JsonReader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
json_literal (JsonReader *r,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (r->end - r->p) < n || memcmp (r->p, word, n) != 0)
    return FALSE;
  r->p += n;
  return TRUE;
}

static int
json_hex4 (JsonReader *r)
{
  int v = 0;

  if (r->end - r->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (r->p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  r->p += 4;
  return v;
}

static char *
json_string (JsonReader *r)
{
  GString *s = g_string_new (NULL);

  if (r->p >= r->end || *r->p != '"')
    goto fail;
  r->p++;

  while (r->p < r->end && *r->p != '"')
    {
      guchar c = (guchar) *r->p;

      if (c < 0x20)
        goto fail;
      if (c != '\\')
        {
          g_string_append_c (s, (char) c);
          r->p++;
          continue;
        }

      r->p++;
      if (r->p >= r->end)
        goto fail;
      switch (*r->p++)
        {
        case '"':  g_string_append_c (s, '"'); break;
        case '\\': g_string_append_c (s, '\\'); break;
        case '/':  g_string_append_c (s, '/'); break;
        case 'b':  g_string_append_c (s, '\b'); break;
        case 'f':  g_string_append_c (s, '\f'); break;
        case 'n':  g_string_append_c (s, '\n'); break;
        case 'r':  g_string_append_c (s, '\r'); break;
        case 't':  g_string_append_c (s, '\t'); break;
        case 'u':
          {
            int u = json_hex4 (r);

            if (u < 0)
              goto fail;
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low;

                if (!json_literal (r, "\\u") || (low = json_hex4 (r)) < 0xDC00 || low > 0xDFFF)
                  goto fail;
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (u >= 0xDC00 && u <= 0xDFFF)
              goto fail;
            g_string_append_unichar (s, (gunichar) u);
          }
          break;
        default:
          goto fail;
        }
    }

  if (r->p >= r->end)
    goto fail;
  r->p++;

  if (!g_utf8_validate (s->str, s->len, NULL))
    goto fail;
  return g_string_free (s, FALSE);

fail:
  r->error = "bad string";
  g_string_free (s, TRUE);
  return NULL;
}

static GVariant *
json_number (JsonReader *r)
{
  const char *start = r->p;
  g_autofree char *text = NULL;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (r->p < r->end && *r->p >= '1' && *r->p <= '9')
    while (r->p < r->end && g_ascii_isdigit (*r->p))
      r->p++;
  else
    goto fail;

  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        goto fail;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (r->p >= r->end || !g_ascii_isdigit (*r->p))
        goto fail;
      while (r->p < r->end && g_ascii_isdigit (*r->p))
        r->p++;
    }

  text = g_strndup (start, r->p - start);
  return g_variant_new_double (g_ascii_strtod (text, NULL));

fail:
  r->error = "bad number";
  return NULL;
}

static GVariant *
json_value (JsonReader *r,
            guint       depth)
{
  json_space (r);
  if (r->p >= r->end || depth > 64)
    {
      r->error = "unexpected end";
      return NULL;
    }

  switch (*r->p)
    {
    case '{':
      {
        GVariantBuilder builder;

        g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
        r->p++;
        json_space (r);
        if (r->p < r->end && *r->p == '}')
          {
            r->p++;
            return g_variant_builder_end (&builder);
          }
        for (;;)
          {
            g_autofree char *key = NULL;
            GVariant *value;

            json_space (r);
            key = json_string (r);
            if (key == NULL)
              break;
            json_space (r);
            if (r->p >= r->end || *r->p != ':')
              {
                r->error = "expected ‘:’";
                break;
              }
            r->p++;
            value = json_value (r, depth + 1);
            if (value == NULL)
              break;
            g_variant_builder_add (&builder, "{sv}", key, value);
            json_space (r);
            if (r->p < r->end && *r->p == ',')
              {
                r->p++;
                continue;
              }
            if (r->p < r->end && *r->p == '}')
              {
                r->p++;
                return g_variant_builder_end (&builder);
              }
            r->error = "expected ‘,’ or ‘}’";
            break;
          }
        g_variant_builder_clear (&builder);
        return NULL;
      }

    case '[':
      {
        GVariantBuilder builder;

        g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
        r->p++;
        json_space (r);
        if (r->p < r->end && *r->p == ']')
          {
            r->p++;
            return g_variant_builder_end (&builder);
          }
        for (;;)
          {
            GVariant *value = json_value (r, depth + 1);

            if (value == NULL)
              break;
            g_variant_builder_add (&builder, "v", value);
            json_space (r);
            if (r->p < r->end && *r->p == ',')
              {
                r->p++;
                continue;
              }
            if (r->p < r->end && *r->p == ']')
              {
                r->p++;
                return g_variant_builder_end (&builder);
              }
            r->error = "expected ‘,’ or ‘]’";
            break;
          }
        g_variant_builder_clear (&builder);
        return NULL;
      }

    case '"':
      {
        char *s = json_string (r);

        return s != NULL ? g_variant_new_take_string (s) : NULL;
      }

    case 't':
      if (json_literal (r, "true"))
        return g_variant_new_boolean (TRUE);
      break;

    case 'f':
      if (json_literal (r, "false"))
        return g_variant_new_boolean (FALSE);
      break;

    case 'n':
      if (json_literal (r, "null"))
        return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
      break;

    default:
      return json_number (r);
    }

  r->error = "unexpected character";
  return NULL;
}

/* Returns the value (floating reference sunk), or NULL with @error set
 * to what is wrong. */
G_GNUC_UNUSED static GVariant *
json_parse (const char  *text,
            const char **error)
{
  JsonReader r = { text, text + strlen (text), NULL };
  GVariant *value;

  if (!g_utf8_validate (text, -1, NULL))
    {
      *error = "not UTF-8";
      return NULL;
    }

  value = json_value (&r, 0);
  if (value != NULL)
    {
      json_space (&r);
      if (r.p != r.end)
        {
          g_variant_unref (g_variant_ref_sink (value));
          *error = "text after the value";
          return NULL;
        }
      return g_variant_ref_sink (value);
    }

  *error = r.error != NULL ? r.error : "invalid";
  return NULL;
}

G_GNUC_UNUSED static GVariant *
json_get (GVariant   *object,
          const char *path)
{
  g_auto(GStrv) keys = g_strsplit (path, ".", -1);
  GVariant *v = g_variant_ref (object);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      /* For a{sv} this is the value inside the variant. */
      GVariant *next = g_variant_lookup_value (v, keys[i], NULL);

      g_variant_unref (v);
      if (next == NULL)
        g_error ("no ‘%s’ in the JSON", path);
      v = next;
    }

  return v;
}

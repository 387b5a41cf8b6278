/* trellis-mandate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trellis-mandate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trellis-mandate.h"

/* A person's mandate card, "what may I decide here?": for each
 * responsibility one of their roles holds, the result it serves, the
 * role's RACI letters and delegation level in the first person, whom to
 * consult and inform, and the values that guide the decision. The words
 * are made here once; the report draws them and the application shows
 * them, so that both say the same. Other people are never named: the
 * card names roles. */

struct _TrellisMandate
{
  gatomicrefcount  ref_count;
  GArray          *items;   /* TrellisMandateItem */
  GPtrArray       *values;  /* the values of all items, in document order */
};

G_DEFINE_BOXED_TYPE (TrellisMandate, trellis_mandate, trellis_mandate_ref, trellis_mandate_unref)

/* The delegation levels as the person holding them says it. */
static const char * const decisions[TRELLIS_N_AUTHORITIES] = {
  NC_("mandate", "Not agreed yet"),
  NC_("mandate", "I am told"),
  NC_("mandate", "I am told why"),
  NC_("mandate", "I am asked first"),
  NC_("mandate", "We decide together"),
  NC_("mandate", "I decide after advice"),
  NC_("mandate", "I decide and report back"),
  NC_("mandate", "I decide"),
};

static const char * const explanations[TRELLIS_N_AUTHORITIES] = {
  N_("Agree with whoever is accountable how far this decision is yours."),
  N_("Someone else decides and tells me the outcome."),
  N_("Someone else decides and explains why, so that I can stand behind it."),
  N_("I give my view first; then someone else decides."),
  N_("We talk it through until we agree; neither decides alone."),
  N_("I decide after hearing the advice of whoever is accountable."),
  N_("I decide, and tell whoever is accountable afterwards."),
  N_("I decide; nobody needs to be asked or told."),
};

/* What each RACI letter means for the person holding it. */
static const char * const raci_words[] = {
  NC_("mandate", "I do the work"),
  NC_("mandate", "I answer for the outcome"),
  NC_("mandate", "I am consulted"),
  NC_("mandate", "I am kept informed"),
};

static const char *
translate_mandate (const char *msgid)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "mandate", msgid);
}

/**
 * trellis_authority_get_decision:
 * @authority: a delegation level
 *
 * Returns: the level as the person holding it says it, from "I am told"
 *   to "I decide"
 */
const char *
trellis_authority_get_decision (TrellisAuthority authority)
{
  g_return_val_if_fail (authority < TRELLIS_N_AUTHORITIES, NULL);

  return translate_mandate (decisions[authority]);
}

/**
 * trellis_authority_get_explanation:
 * @authority: a delegation level
 *
 * Returns: what the level means, in one sentence in the first person
 */
const char *
trellis_authority_get_explanation (TrellisAuthority authority)
{
  g_return_val_if_fail (authority < TRELLIS_N_AUTHORITIES, NULL);

  return _(explanations[authority]);
}

/**
 * trellis_raci_dup_words:
 * @raci: RACI letters
 *
 * Returns: (transfer full): what the letters mean for the person holding
 *   them, in one phrase: "I do the work and I answer for the outcome"
 */
char *
trellis_raci_dup_words (TrellisRaci raci)
{
  const char *parts[4];
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (raci_words); i++)
    if (raci & (1 << i))
      parts[n++] = translate_mandate (raci_words[i]);

  if (n == 0)
    return g_strdup (C_("mandate", "No part in it"));

  {
    g_autofree char *text = g_strdup (parts[0]);

    for (guint i = 1; i < n; i++)
      {
        char *joined;

        if (i + 1 < n)
          /* Translators: joins the phrases of a list but the last. */
          joined = g_strdup_printf (C_("mandate", "%s, %s"), text, parts[i]);
        else
          /* Translators: joins the last phrase of a list: "I do the
           * work and I answer for the outcome". */
          joined = g_strdup_printf (C_("mandate", "%s and %s"), text, parts[i]);
        g_free (text);
        text = joined;
      }

    return g_steal_pointer (&text);
  }
}

static void
item_clear (gpointer data)
{
  TrellisMandateItem *item = data;

  g_free (item->roles);
  g_clear_pointer (&item->accountable, g_ptr_array_unref);
  g_clear_pointer (&item->consult, g_ptr_array_unref);
  g_clear_pointer (&item->inform, g_ptr_array_unref);
  g_clear_pointer (&item->values, g_ptr_array_unref);
}

/* The other roles with a letter, in the order of the assignments. */
static GPtrArray *
other_roles (TrellisDocument *document,
             GArray          *assigns,
             const char      *own,
             const char     **own_roles,
             TrellisRaci      letter)
{
  GPtrArray *roles = g_ptr_array_new ();

  for (guint i = 0; assigns != NULL && i < assigns->len; i++)
    {
      const TrellisAssignment *a = &g_array_index (assigns, TrellisAssignment, i);
      TrellisEntity *role;

      if (!(a->raci & letter) || g_strcmp0 (a->role, own) == 0 || trellis_strv_contains_id (own_roles, a->role))
        continue;
      role = trellis_document_lookup (document, a->role);
      if (role != NULL && TRELLIS_IS_ROLE (role))
        g_ptr_array_add (roles, role);
    }

  return roles;
}

static void
add_item (TrellisMandate          *self,
          TrellisDocument         *document,
          TrellisEntity           *role,
          const char             **own_roles,
          TrellisEntity           *responsibility,
          const TrellisAssignment *assignment,
          GHashTable              *values_seen)
{
  GArray *assigns = trellis_entity_get_array (responsibility, TRELLIS_FIELD_ASSIGNS);
  const char *result_id = trellis_entity_get_string (responsibility, TRELLIS_FIELD_RESULT);
  TrellisEntity *result = result_id != NULL ? trellis_document_lookup (document, result_id) : NULL;
  const char **value_ids;
  TrellisMandateItem item = { 0 };
  const char *own = trellis_entity_get_id (role);

  if (result != NULL && !TRELLIS_IS_RESULT (result))
    result = NULL;

  item.role = role;
  item.responsibility = responsibility;
  item.result = result;
  item.raci = assignment->raci;
  item.authority = assignment->authority < TRELLIS_N_AUTHORITIES ? assignment->authority : TRELLIS_AUTHORITY_NONE;
  item.roles = trellis_raci_dup_words (item.raci);
  item.decision = trellis_authority_get_decision (item.authority);
  item.explanation = trellis_authority_get_explanation (item.authority);
  item.accountable = other_roles (document, assigns, own, own_roles, TRELLIS_RACI_ACCOUNTABLE);
  item.consult = other_roles (document, assigns, own, own_roles, TRELLIS_RACI_CONSULTED);
  item.inform = other_roles (document, assigns, own, own_roles, TRELLIS_RACI_INFORMED);
  item.values = g_ptr_array_new ();

  value_ids = result != NULL ? trellis_entity_get_strv (result, TRELLIS_FIELD_VALUES) : NULL;
  for (guint i = 0; value_ids != NULL && value_ids[i] != NULL; i++)
    {
      TrellisEntity *value = trellis_document_lookup (document, value_ids[i]);

      if (value == NULL || !TRELLIS_IS_VALUE (value))
        continue;
      g_ptr_array_add (item.values, value);
      g_hash_table_add (values_seen, value);
    }

  g_array_append_val (self->items, item);
}

/**
 * trellis_mandate_new:
 * @document: a document
 * @person: a person of @document
 *
 * Works out the person's mandate card: one item for each responsibility
 * each of their roles holds (a letter or a delegation level), by role in
 * the person's order and by responsibility in the document's.
 *
 * Returns: (transfer full): the mandate
 */
TrellisMandate *
trellis_mandate_new (TrellisDocument *document,
                     TrellisEntity   *person)
{
  TrellisMandate *self;
  g_autoptr(GHashTable) values_seen = NULL;
  const char **own_roles;
  guint n_responsibilities;
  guint n_values;

  g_return_val_if_fail (TRELLIS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TRELLIS_IS_PERSON (person), NULL);

  self = g_new0 (TrellisMandate, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->items = g_array_new (FALSE, TRUE, sizeof (TrellisMandateItem));
  g_array_set_clear_func (self->items, item_clear);
  self->values = g_ptr_array_new ();
  values_seen = g_hash_table_new (NULL, NULL);

  own_roles = trellis_entity_get_strv (person, TRELLIS_FIELD_ROLES);
  n_responsibilities = trellis_document_get_n_items (document, TRELLIS_KIND_RESPONSIBILITY);
  for (guint r = 0; own_roles != NULL && own_roles[r] != NULL; r++)
    {
      TrellisEntity *role = trellis_document_lookup (document, own_roles[r]);
      gboolean twice = FALSE;

      for (guint k = 0; k < r; k++)
        twice |= g_strcmp0 (own_roles[k], own_roles[r]) == 0;
      if (role == NULL || !TRELLIS_IS_ROLE (role) || twice)
        continue;

      for (guint i = 0; i < n_responsibilities; i++)
        {
          TrellisEntity *responsibility = trellis_document_get_item (document, TRELLIS_KIND_RESPONSIBILITY, i);
          GArray *assigns = trellis_entity_get_array (responsibility, TRELLIS_FIELD_ASSIGNS);
          const TrellisAssignment *a = assigns != NULL ? trellis_assignments_lookup (assigns, own_roles[r]) : NULL;

          if (a != NULL && (a->raci != TRELLIS_RACI_NONE || a->authority != TRELLIS_AUTHORITY_NONE))
            add_item (self, document, role, own_roles, responsibility, a, values_seen);
        }
    }

  n_values = trellis_document_get_n_items (document, TRELLIS_KIND_VALUE);
  for (guint i = 0; i < n_values; i++)
    {
      TrellisEntity *value = trellis_document_get_item (document, TRELLIS_KIND_VALUE, i);

      if (g_hash_table_contains (values_seen, value))
        g_ptr_array_add (self->values, value);
    }

  return self;
}

TrellisMandate *
trellis_mandate_ref (TrellisMandate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
trellis_mandate_unref (TrellisMandate *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->items);
  g_ptr_array_unref (self->values);
  g_free (self);
}

guint
trellis_mandate_get_n_items (TrellisMandate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const TrellisMandateItem *
trellis_mandate_get_item (TrellisMandate *self,
                          guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, TrellisMandateItem, index);
}

/**
 * trellis_mandate_get_values:
 * @self: a mandate
 *
 * Returns: (transfer none) (element-type TrellisEntity): every value the
 *   results of the items serve, once each, in the document's order: the
 *   values, with their behaviours, that guide the person's decisions
 */
GPtrArray *
trellis_mandate_get_values (TrellisMandate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->values;
}

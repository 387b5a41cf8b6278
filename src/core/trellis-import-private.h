/* trellis-import-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trellis-assessments-private.h"
#include "trellis-csv-private.h"
#include "trellis-document-private.h"
#include "trellis-import.h"

#include <string.h>

G_BEGIN_DECLS

/* The kinds of entity an import matches and may create. */
typedef enum
{
  TRELLIS_IMPORT_PERSON,
  TRELLIS_IMPORT_COMPETENCY,
  TRELLIS_IMPORT_ROLE,
  TRELLIS_IMPORT_VALUE,
  TRELLIS_N_IMPORT_TARGETS
} TrellisImportTarget;

/* A reference to an entity: below the snapshot's count, one of the
 * matrix; from there on, one the import creates. */
typedef guint32 TrellisImportRef;
#define TRELLIS_IMPORT_REF_NONE G_MAXUINT32

/* One entity of the matrix as it was when the import was made. */
typedef struct
{
  TrellisEntity *entity;      /* a reference, never read from another thread */
  char          *id;
  char          *name;
  /* people */
  char         **roles;
  gint           share;
  GArray        *records;     /* a copy: TrellisRecord */
  /* competencies */
  char          *description;
  char         **values;
  GPtrArray     *levels;      /* immutable, shared with the matrix */
  guint32        slot;
} TrellisSnapEntity;

/* One entity the import creates. */
typedef struct
{
  char          *name;
  char          *id;          /* from the file, when it is free to use */
} TrellisNewEntity;

typedef struct
{
  GPtrArray     *items;       /* TrellisSnapEntity */
  GHashTable    *by_id;       /* id → index + 1 */
  GHashTable    *by_key;      /* folded name → index + 1, or AMBIGUOUS */
  GPtrArray     *created;     /* TrellisNewEntity */
  GHashTable    *created_by_key;  /* folded name → index + 1 */
  GHashTable    *created_by_id;   /* id → index + 1 */
  GHashTable    *cache;       /* cells as written → TrellisCacheEntry */
  GArray        *next;        /* per ref, the cells that came after it last: TrellisPrediction */
} TrellisSnapList;

/* What a row's cells naming an entity meant. */
typedef struct
{
  guint32 ref;
  char    problem[];        /* "" when it matched */
} TrellisCacheEntry;

/* The cells a row named an entity with, and which it was: a long sheet
 * names competencies in the same order for each person, so the cells
 * that followed one last time most often follow it again. */
typedef struct
{
  const char *key;          /* the cache's copy */
  gsize       len;
  guint32     ref;
} TrellisPrediction;

#define TRELLIS_SNAP_AMBIGUOUS G_MAXUINT

/* The matrix as the import sees it: copied when the import is made, so
 * that reading can run in another thread while the matrix stays with
 * the main one. */
typedef struct
{
  TrellisSnapList   lists[TRELLIS_N_IMPORT_TARGETS];
  gint              scale_min;
  gint              scale_max;
  GHashTable       *level_names;   /* folded level name → level + 1 */
  GHashTable       *texts;         /* text index → const TrellisText * */
  GHashTable       *ids;           /* every id in the matrix */
} TrellisSnapshot;

/* An assessment to set. */
typedef struct
{
  TrellisImportRef  person;
  TrellisImportRef  competency;
  TrellisDate       date;
  gint8             level;
  guint8            source;
  guint8            want;
  guint8            flags;       /* PLAN_* */
  guint32           text;        /* index into the plan's texts, 0 for none */
  guint32           row;
  guint32           key;         /* the competency's order: its slot, or past every slot */
} TrellisPlanRecord;

enum
{
  PLAN_DATE_SWAPPABLE = 1 << 0,  /* d/m/y that could be m/d/y */
  PLAN_DUPLICATE      = 1 << 1,  /* a later row sets the same assessment */
  PLAN_ADDED          = 1 << 2,
  PLAN_UPDATED        = 1 << 3,
};

/* The last cell of a column read and what it meant: most rows of a
 * long sheet repeat the person, date and source of the row before. */
typedef struct
{
  char     text[120];
  gsize    len;         /* G_MAXSIZE: nothing kept */
  guint32  value;
} TrellisCellMemo;

static inline gboolean
trellis_cell_memo_get (const TrellisCellMemo *memo,
                       const char            *text,
                       gsize                  len,
                       guint32               *value)
{
  if (len != memo->len || memcmp (text, memo->text, len) != 0)
    return FALSE;

  *value = memo->value;
  return TRUE;
}

static inline void
trellis_cell_memo_set (TrellisCellMemo *memo,
                       const char      *text,
                       gsize            len,
                       guint32          value)
{
  if (len > sizeof memo->text)
    {
      memo->len = G_MAXSIZE;
      return;
    }

  memcpy (memo->text, text, len);
  memo->len = len;
  memo->value = value;
}

/* Fields a row sets on a person or competency; NULL or -1: unchanged. */
typedef struct
{
  TrellisImportRef  ref;
  guint             row;
  char             *name;
  char             *description;
  GArray           *links;       /* roles of a person, values of a competency: TrellisImportRef */
  gint              share;
  GPtrArray        *levels;      /* TrellisLevelText, the levels described */
} TrellisPlanEntity;

struct _TrellisImport
{
  GObject              parent_instance;

  TrellisDocument     *document;
  gulong               changed_id;
  gint                 stale;      /* atomic: the matrix changed since the snapshot */
  gboolean             applied;
  char                *display_name;

  TrellisCsvFormat     format;     /* as chosen */
  TrellisCsvFormat     found;      /* as found by the last reading */
  TrellisImportKind    kind;       /* as chosen */
  TrellisImportKind    found_kind;
  gboolean             create_missing;
  TrellisSource        default_source;
  TrellisDate          default_date;

  GPtrArray           *headers;    /* char * */
  GArray              *columns;    /* TrellisImportColumn */
  gboolean             columns_chosen;
  GPtrArray           *preview;    /* GStrv per row */
  GArray              *preview_numbers;

  TrellisSnapshot      snapshot;

  /* The plan, made by reading */
  gboolean             read;
  TrellisLoadReport   *problems;
  TrellisImportSummary summary;
  GArray              *records;    /* TrellisPlanRecord */
  guint                records_room;  /* records allocated, see append_record() */
  GPtrArray           *texts;      /* TrellisText *, index 0 unused */
  GArray              *entities;   /* TrellisPlanEntity */
  GHashTable          *entity_rows;  /* ref → index + 1 into entities */
  GArray              *wide;       /* per column: competency ref (wide form) */
  guint8               slash_order;  /* SLASH_* seen */
  gint                 at[TRELLIS_N_COLUMN_FIELDS];  /* the first column of each field, or -1 */
  TrellisCellMemo      memo_date;
  TrellisCellMemo      memo_source;
  TrellisCellMemo      memo_want;
  TrellisCellMemo      memo_ref[TRELLIS_N_IMPORT_TARGETS];  /* id and name cells → ref */
  guint32              last_ref[TRELLIS_N_IMPORT_TARGETS];
};

enum
{
  SLASH_DAY_FIRST   = 1 << 0,   /* a d/m/y date that cannot be m/d/y */
  SLASH_MONTH_FIRST = 1 << 1,
};

/* trellis-import-snapshot.c */
void              trellis_snapshot_init        (TrellisSnapshot     *self,
                                                TrellisDocument     *document,
                                                gboolean             records);
void              trellis_snapshot_clear       (TrellisSnapshot     *self);
void              trellis_snapshot_reset_new   (TrellisSnapshot     *self);
TrellisSnapEntity *trellis_snapshot_get        (TrellisSnapshot     *self,
                                                TrellisImportTarget  target,
                                                TrellisImportRef     ref);
TrellisNewEntity *trellis_snapshot_get_new     (TrellisSnapshot     *self,
                                                TrellisImportTarget  target,
                                                TrellisImportRef     ref);
TrellisImportRef  trellis_snapshot_resolve     (TrellisSnapshot     *self,
                                                TrellisImportTarget  target,
                                                const char          *id,
                                                const char          *name,
                                                gboolean             create,
                                                char               **problem);
char             *trellis_import_fold          (const char          *text,
                                                gssize               len);

/* trellis-import-columns.c */
void              trellis_import_map_columns   (TrellisImport       *self);
TrellisImportKind trellis_import_detect_kind   (TrellisImport       *self);
gboolean          trellis_import_check_columns (TrellisImport       *self,
                                                GError             **error);
gboolean          trellis_import_parse_level   (TrellisImport       *self,
                                                const char          *text,
                                                gsize                len,
                                                gint                *level,
                                                char               **problem);
gboolean          trellis_import_parse_date    (TrellisImport       *self,
                                                const char          *text,
                                                gsize                len,
                                                TrellisDate         *date,
                                                gboolean            *swappable,
                                                char               **problem);
gboolean          trellis_import_parse_want    (const char          *text,
                                                gsize                len,
                                                gboolean            *want,
                                                char               **problem);
gboolean          trellis_import_parse_source  (const char          *text,
                                                gsize                len,
                                                TrellisSource       *source,
                                                char               **problem);
gboolean          trellis_import_parse_share   (const char          *text,
                                                gsize                len,
                                                TrellisShare        *share,
                                                char               **problem);
TrellisDate       trellis_import_swap_date     (TrellisDate          date);

/* trellis-import-rows.c */
void              trellis_import_plan_reset    (TrellisImport       *self);
gboolean          trellis_import_plan_begin    (TrellisImport       *self,
                                                GError             **error);
gboolean          trellis_import_plan_row      (TrellisImport       *self,
                                                const TrellisCsvRow *row);
void              trellis_import_plan_finish   (TrellisImport       *self);

/* trellis-import-apply.c */
void              trellis_import_apply_plan    (TrellisImport       *self);

G_END_DECLS

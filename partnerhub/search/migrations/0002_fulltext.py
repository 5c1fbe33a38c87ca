"""Full-text structures over search_searchentry, for the engine in use.

SQLite: an FTS5 table over (title, body) with the entries table as external content, kept
in sync by triggers. The text is normalised before it is stored (partnerhub.search.text),
so the ``ascii`` tokenizer splits it exactly at the spaces between words; FTS5's own
``unicode61 remove_diacritics`` would not fold "ł". Prefix indexes of 1, 2 and 3 characters
make the short prefixes typed first fast.

PostgreSQL: the table becomes partitioned by id, one partition per kind (an entry's id is
its kind's rank × 10^12 + its record's id), so the planner has each kind's own statistics
and chooses per kind between walking the ids in order and reading the GIN index: a word
common among problems but absent from organisations no longer makes it walk every
organisation. Generated tsvector columns hold the same words as SQLite's index (split at
spaces, no parser, no dictionary, so no stemming or stop words), one of the title and one
of title and body, each with a GIN index. No extension is needed.

Any other engine gets neither, and searching there raises an error saying so.
"""

from django.db import migrations

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content='search_searchentry', content_rowid='id',
        tokenize='ascii', prefix='1 2 3', detail='column'
    )
    """,
    """
    CREATE TRIGGER search_entry_after_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    """
    CREATE TRIGGER search_entry_after_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END
    """,
    """
    CREATE TRIGGER search_entry_after_update AFTER UPDATE OF title, body
    ON search_searchentry BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END
    """,
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS search_entry_after_update",
    "DROP TRIGGER IF EXISTS search_entry_after_delete",
    "DROP TRIGGER IF EXISTS search_entry_after_insert",
    "DROP TABLE IF EXISTS search_fts",
]

# Frozen here (not imported): partnerhub.search.choices.KIND_RANK when this was written.
KINDS = ["organisation", "partnership", "programme", "project", "event", "problem", "person"]
ID_SPAN = 10**12

POSTGRES_CREATE = [
    "ALTER TABLE search_searchentry RENAME TO search_searchentry_unpartitioned",
    """
    CREATE TABLE search_searchentry (
        LIKE search_searchentry_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS
    ) PARTITION BY RANGE (id)
    """,
    *(
        f"CREATE TABLE search_searchentry_{kind} PARTITION OF search_searchentry "
        f"FOR VALUES FROM ({rank * ID_SPAN}) TO ({(rank + 1) * ID_SPAN})"
        for rank, kind in enumerate(KINDS, start=1)
    ),
    "CREATE TABLE search_searchentry_other PARTITION OF search_searchentry DEFAULT",
    "INSERT INTO search_searchentry SELECT * FROM search_searchentry_unpartitioned",
    "DROP TABLE search_searchentry_unpartitioned",
    "ALTER TABLE search_searchentry ADD CONSTRAINT search_searchentry_pkey PRIMARY KEY (id)",
    """
    ALTER TABLE search_searchentry
    ADD COLUMN title_document tsvector
        GENERATED ALWAYS AS (array_to_tsvector(string_to_array(title, ' '))) STORED,
    ADD COLUMN document tsvector
        GENERATED ALWAYS AS (array_to_tsvector(
            array_cat(string_to_array(title, ' '), string_to_array(body, ' '))
        )) STORED
    """,
    "CREATE INDEX search_entry_title_document ON search_searchentry USING gin (title_document)",
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
]
POSTGRES_DROP = [
    "ALTER TABLE search_searchentry DROP COLUMN document, DROP COLUMN title_document",
    "ALTER TABLE search_searchentry RENAME TO search_searchentry_partitioned",
    """
    CREATE TABLE search_searchentry (
        LIKE search_searchentry_partitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS
    )
    """,
    "INSERT INTO search_searchentry SELECT * FROM search_searchentry_partitioned",
    "DROP TABLE search_searchentry_partitioned",
    "ALTER TABLE search_searchentry ADD CONSTRAINT search_searchentry_pkey PRIMARY KEY (id)",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
            elidable=False,
        ),
    ]

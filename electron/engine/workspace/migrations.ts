/**
 * Numbered schema migrations. A migration is never edited once released: add a new one.
 * `PRAGMA user_version` holds the number of the last migration applied.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'datasets, their columns, and column data in chunks',
    sql: `
      CREATE TABLE datasets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        source_name TEXT NOT NULL,
        source_path TEXT,
        source_sha256 TEXT NOT NULL,
        source_bytes INTEGER NOT NULL,
        imported_at INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        positives INTEGER NOT NULL,
        time_min INTEGER,
        time_max INTEGER,
        import_options TEXT NOT NULL DEFAULT '{}',
        validation_summary TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE dataset_columns (
        dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        storage TEXT NOT NULL CHECK (storage IN ('float64', 'int32', 'uint8')),
        kind TEXT NOT NULL,
        role TEXT,
        dictionary TEXT,
        PRIMARY KEY (dataset_id, position)
      ) STRICT;

      -- Whole-column reads are the hot path: each chunk is one typed array, little-endian.
      -- A rowid table, because WITHOUT ROWID suits small rows and these are large blobs.
      CREATE TABLE column_chunks (
        dataset_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        chunk INTEGER NOT NULL,
        row_count INTEGER NOT NULL,
        data BLOB NOT NULL,
        FOREIGN KEY (dataset_id, position) REFERENCES dataset_columns(dataset_id, position) ON DELETE CASCADE
      ) STRICT;
      CREATE UNIQUE INDEX column_chunks_by_column ON column_chunks(dataset_id, position, chunk);
    `,
  },
  {
    version: 2,
    description: 'column provenance and statistics; find datasets by source SHA-256',
    sql: `
      -- source: the column's name in the file; details: JSON with timestampFormat, scoreScale and
      -- stats ({ missing, min, max }) gathered during the import.
      ALTER TABLE dataset_columns ADD COLUMN source TEXT;
      ALTER TABLE dataset_columns ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
      CREATE INDEX datasets_by_source_sha256 ON datasets(source_sha256);
    `,
  },
  {
    version: 3,
    description: 'saved calibration models with their parameter documents',
    sql: `
      -- A model carries its own provenance (dataset name and SHA-256 in columns and in the
      -- document), so it outlives its dataset: deleting the dataset only clears dataset_id.
      -- document: the sealed parameter file (JSON) that models.exportParams writes unchanged.
      CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('run', 'file')),
        dataset_id INTEGER REFERENCES datasets(id) ON DELETE SET NULL,
        dataset_name TEXT NOT NULL,
        dataset_sha256 TEXT NOT NULL,
        method TEXT NOT NULL,
        options TEXT NOT NULL,
        request TEXT,
        params TEXT NOT NULL,
        test_metrics TEXT NOT NULL,
        ci TEXT,
        usage TEXT NOT NULL,
        validation TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        document TEXT NOT NULL
      ) STRICT;
      CREATE INDEX models_by_dataset ON models(dataset_id);
    `,
  },
  {
    version: 4,
    description: 'custom scoring scripts and their version history',
    sql: `
      -- A script is a name plus its history; models fitted with it keep their own copy of the
      -- source (in their parameter document), so deleting a script never touches a model.
      CREATE TABLE scripts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      -- Versions count from 1 per script and are append-only: a model names (script, version,
      -- sha256), so rewriting a version would make that record lie. The trigger enforces it.
      CREATE TABLE script_versions (
        script_id INTEGER NOT NULL REFERENCES scripts(id) ON DELETE CASCADE,
        version INTEGER NOT NULL CHECK (version >= 1),
        saved_at INTEGER NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        source TEXT NOT NULL,
        PRIMARY KEY (script_id, version)
      ) STRICT;
      CREATE TRIGGER script_versions_append_only BEFORE UPDATE ON script_versions
      BEGIN
        SELECT RAISE(ABORT, 'script versions are never rewritten');
      END;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);

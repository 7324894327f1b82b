import type { ClickHouseClient } from '@clickhouse/client';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { insertSettings } from './insert-settings';

export const DATABASE = 'grid_command';
export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
  readonly checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Splits a file on `;` at the end of a line; `--` comments are dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** `NNN_name.sql` files, in version order. */
export async function loadMigrations(directory = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{3})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`migration file ${file} must be named NNN_snake_case.sql`);
    const text = await readFile(join(directory, file), 'utf8');
    const version = Number(match[1]);
    if (migrations.some((migration) => migration.version === version)) throw new MigrationError(`two migrations have version ${version}`);
    migrations.push({
      version,
      name: match[2] ?? file,
      statements: splitStatements(text),
      checksum: createHash('sha256').update(text).digest('hex'),
    });
  }
  return migrations;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order. A recorded migration whose file
 * changed since is an error: the schema would silently differ from the files.
 */
export async function runMigrations(client: ClickHouseClient, migrations: readonly Migration[]): Promise<Migration[]> {
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${DATABASE}` });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${DATABASE}.schema_migrations
      (version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
      ENGINE = MergeTree ORDER BY version`,
  });
  const applied = await (
    await client.query({ query: `SELECT version, checksum FROM ${DATABASE}.schema_migrations`, format: 'JSONEachRow' })
  ).json<{ version: number; checksum: string }>();
  const appliedChecksums = new Map(applied.map((row) => [Number(row.version), row.checksum]));

  const newlyApplied: Migration[] = [];
  for (const migration of migrations) {
    const recorded = appliedChecksums.get(migration.version);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new MigrationError(`migration ${migration.version} (${migration.name}) was changed after it was applied; add a new migration instead`);
      }
      continue;
    }
    for (const [index, statement] of migration.statements.entries()) {
      try {
        // A statement that inserts must not inherit the previous insert's deduplication token (embedded sessions keep it).
        await client.command({
          query: statement,
          clickhouse_settings: { insert_deduplication_token: `migration-${migration.version}-${migration.checksum}-${index}` },
        });
      } catch (error) {
        throw new MigrationError(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.insert({
      table: `${DATABASE}.schema_migrations`,
      values: [{ version: migration.version, name: migration.name, checksum: migration.checksum }],
      format: 'JSONEachRow',
      clickhouse_settings: insertSettings(`migration-${migration.version}-${migration.checksum}`),
    });
    newlyApplied.push(migration);
  }
  return newlyApplied;
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { loadMigrations, MigrationError, splitStatements } from './migration-runner';

describe('splitStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    const sql = '-- a table\nCREATE TABLE t (x UInt8)\nENGINE = Memory;\n\n-- its view\nCREATE VIEW v AS SELECT \';\' AS s FROM t;\n';
    expect(splitStatements(sql)).toEqual(['CREATE TABLE t (x UInt8)\nENGINE = Memory', "CREATE VIEW v AS SELECT ';' AS s FROM t"]);
  });

  it('keeps a last statement without a semicolon', () => {
    expect(splitStatements('SELECT 1;\nSELECT 2')).toEqual(['SELECT 1', 'SELECT 2']);
  });
});

describe('loadMigrations', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  function folder(files: Record<string, string>): string {
    directory = mkdtempSync(join(tmpdir(), 'migrations-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    return directory;
  }

  it('orders the shipped migrations by version, each with a checksum', async () => {
    const migrations = await loadMigrations();
    expect(migrations.map((migration) => migration.version)).toEqual([...migrations.map((migration) => migration.version)].sort((a, b) => a - b));
    expect(migrations[0]?.name).toBe('reports');
    expect(migrations.every((migration) => /^[0-9a-f]{64}$/.test(migration.checksum) && migration.statements.length > 0)).toBe(true);
  });

  it('rejects a badly named file and a repeated version', async () => {
    await expect(loadMigrations(folder({ '1_reports.sql': 'SELECT 1;' }))).rejects.toThrow(MigrationError);
    await expect(loadMigrations(folder({ '001_a.sql': 'SELECT 1;', '001_b.sql': 'SELECT 2;' }))).rejects.toThrow('two migrations have version 1');
  });
});

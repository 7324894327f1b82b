import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Shared plumbing: any folder may use it, it uses no capability. */
const PLUMBING = new Set(['common', 'infrastructure']);
const APP_DIR = __dirname;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every relative import of the app's folders that lands in another top-level folder: from, to, and the path inside. */
function crossFolderImports(): Array<{ from: string; to: string; inside: string; file: string }> {
  const folders = readdirSync(APP_DIR).filter((name) => statSync(join(APP_DIR, name)).isDirectory());
  return folders.flatMap((folder) =>
    sourceFiles(join(APP_DIR, folder)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']*)'/g)].flatMap(([, specifier]) => {
        const target = relative(APP_DIR, resolve(dirname(file), specifier ?? ''));
        const [to, ...rest] = target.split(sep);
        if (!to || to === folder || to.startsWith('..') || !folders.includes(to)) return [];
        return [{ from: folder, to, inside: rest.join('/'), file: relative(APP_DIR, file) }];
      }),
    ),
  );
}

describe('capability folders of the server', () => {
  const imports = crossFolderImports();

  it('are found (the scan itself works)', () => {
    expect(imports.some(({ from, to }) => from === 'alerts' && to === 'tickets')).toBe(true);
  });

  it('reach another capability only through its public face (its index)', () => {
    const throughInternals = imports.filter(({ to, inside }) => !PLUMBING.has(to) && inside !== '' && inside !== 'index');
    expect(throughInternals.map(({ file, to, inside }) => `${file} → ${to}/${inside}`)).toEqual([]);
  });

  it('leave shared plumbing free of capabilities', () => {
    const fromPlumbing = imports.filter(({ from, to }) => PLUMBING.has(from) && !PLUMBING.has(to));
    expect(fromPlumbing.map(({ file, to }) => `${file} → ${to}`)).toEqual([]);
  });

  it('depend on each other one way only: the graph between capabilities has no cycle', () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of imports) {
      if (PLUMBING.has(from) || PLUMBING.has(to)) continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
    const cycles: string[] = [];
    const visit = (node: string, path: readonly string[]): void => {
      if (path.includes(node)) {
        cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
        return;
      }
      for (const next of edges.get(node) ?? []) visit(next, [...path, node]);
    };
    for (const node of edges.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});

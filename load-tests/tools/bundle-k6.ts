/**
 * Bundles each load-tests/k6/*.ts into load-tests/dist/*.js for k6, which cannot resolve npm packages
 * or TypeScript paths: shared contracts, domain code and zod are inlined; only k6's own modules stay
 * imports. Then proves it: every remaining import must be a k6 module, and each bundle must parse as
 * an ES module, so a broken bundle fails here rather than on the operator's load machine.
 */
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { build, transform } from 'esbuild';

const root = join(__dirname, '..');
const sourceDir = join(root, 'k6');
const outDir = join(root, 'dist');
const K6_MODULE = /^k6(\/|$)/;

async function main(): Promise<number> {
  const entryPoints = readdirSync(sourceDir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(sourceDir, file));
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    // k6's JavaScript runtime (Sobek) covers ES2020 fully; newer syntax is lowered.
    target: 'es2020',
    mainFields: ['module', 'main'],
    external: ['k6', 'k6/*'],
    tsconfig: join(sourceDir, 'tsconfig.json'),
    metafile: true,
    // Whitespace and syntax only: identifiers stay readable in k6 stack traces; zod is most of the bytes.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
  });

  const problems: string[] = [];
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    const name = relative(process.cwd(), output);
    for (const imported of meta.imports) {
      if (!imported.external || !K6_MODULE.test(imported.path)) problems.push(`${name} imports ${imported.path}: only k6 modules may stay imports`);
    }
    const code = await readFile(output, 'utf8');
    await transform(code, { loader: 'js', format: 'esm', target: 'es2020' }).catch((error: unknown) => {
      problems.push(`${name} does not parse as an ES2020 module: ${error instanceof Error ? error.message : String(error)}`);
    });
    const k6Imports = [...new Set(meta.imports.map((imported) => imported.path))].sort().join(', ');
    console.log(`${name}  ${(meta.bytes / 1024).toFixed(0)} KiB  imports: ${k6Imports}`);
  }
  for (const problem of problems) console.error(problem);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What the demo issued, kept beside the data it belongs to (`DATA_DIR/demo-credentials.json`, readable by the owner
 * only), so a second `npm run demo` on the same data signs in with the same passwords, key and token. A demo
 * convenience: a deployment hands out credentials once and keeps no copy.
 */
const demoStoreSchema = z.strictObject({
  passwords: z.record(z.string(), z.string()),
  ingestKey: z.strictObject({ id: z.string(), key: z.string() }).nullable(),
  displayToken: z.strictObject({ id: z.string(), token: z.string(), url: z.string() }).nullable(),
});
export type DemoStore = z.infer<typeof demoStoreSchema>;

const EMPTY: DemoStore = { passwords: {}, ingestKey: null, displayToken: null };
const fileOf = (dataDir: string): string => join(dataDir, 'demo-credentials.json');

/** The stored credentials; none when the file is missing or unreadable (everything is then issued afresh). */
export async function readDemoStore(dataDir: string): Promise<DemoStore> {
  const text = await readFile(fileOf(dataDir), 'utf8').catch(() => null);
  if (text === null) return EMPTY;
  try {
    return demoStoreSchema.parse(JSON.parse(text));
  } catch {
    return EMPTY;
  }
}

export async function writeDemoStore(dataDir: string, store: DemoStore): Promise<void> {
  await writeFile(fileOf(dataDir), `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
  await chmod(fileOf(dataDir), 0o600);
}

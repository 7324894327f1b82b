import { describe, expect, it, afterAll } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReferenceIndex } from '../infrastructure/reference-loader';
import { DEMO_REFERENCE, WORKSPACE_ROOT } from '../../testing/test-server';
import { PlaylistFileError, readPlaylist, validatePlaylists } from './playlist-files';

const SHIPPED = join(WORKSPACE_ROOT, 'dashboards');
const scratch = mkdtempSync(join(tmpdir(), 'playlists-'));
mkdirSync(join(scratch, 'playlists'));
copyFileSync(join(SHIPPED, 'leader-wall.json'), join(scratch, 'leader-wall.json'));

function writePlaylist(name: string, body: unknown): void {
  writeFileSync(join(scratch, 'playlists', `${name}.json`), typeof body === 'string' ? body : JSON.stringify(body));
}

const tour = (entries: unknown[], scope = 'district:450103') => ({ version: 1, title: { zh: '轮播', en: 'Tour' }, scope, entries });

async function problemsOf(name: string): Promise<readonly string[]> {
  const reference = await loadReferenceIndex([DEMO_REFERENCE]);
  try {
    await readPlaylist(scratch, name, reference);
  } catch (error) {
    if (error instanceof PlaylistFileError) return error.problems;
    throw error;
  }
  return [];
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('playlist files', () => {
  it('ships playlists that name only existing layouts and scopes within their own', async () => {
    const shipped = readdirSync(join(SHIPPED, 'playlists')).filter((file) => file.endsWith('.json'));
    expect(shipped.length).toBeGreaterThan(0);
    const names = await validatePlaylists(SHIPPED, await loadReferenceIndex([DEMO_REFERENCE]));
    expect(names.sort()).toEqual(shipped.map((file) => file.slice(0, -5)).sort());
  });

  it('reads a playlist whose entries fall back to their layout’s scope', async () => {
    writePlaylist('good', tour([{ layout: 'leader-wall', dwellSeconds: 30 }, { layout: 'leader-wall', scope: 'street:450103001', dwellSeconds: 20 }]));
    expect(await problemsOf('good')).toEqual([]);
  });

  it('names each entry whose layout is missing, whose scope is not loaded, or lies outside the playlist’s scope', async () => {
    writePlaylist(
      'bad-names',
      tour(
        [
          { layout: 'no-such-wall', dwellSeconds: 30 },
          { layout: 'leader-wall', scope: 'street:450103999', dwellSeconds: 30 },
          { layout: 'leader-wall', scope: 'street:450103002', dwellSeconds: 30 },
          { layout: 'leader-wall', dwellSeconds: 30 },
        ],
        'street:450103001',
      ),
    );
    const problems = await problemsOf('bad-names');
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('entries[0].layout: no valid layout named no-such-wall');
    expect(problems[1]).toContain('entries[1].scope: street:450103999 is not in the loaded reference data');
    expect(problems[2]).toContain('entries[2].scope: street:450103002 is not within');
    expect(problems[3]).toContain('entries[3].layout (its scope district:450103)');
  });

  it('names the field of a schema problem and the parser’s words for a file that is not JSON', async () => {
    writePlaylist('short-dwell', tour([{ layout: 'leader-wall', dwellSeconds: 1 }]));
    expect((await problemsOf('short-dwell')).join('\n')).toContain('entries[0].dwellSeconds');
    writePlaylist('not-json', '{ "version": 1,');
    expect(await problemsOf('not-json')).toHaveLength(1);
  });

  it('stops the start-up on a broken playlist, like a broken layout', async () => {
    writePlaylist('broken', tour([{ layout: 'no-such-wall', dwellSeconds: 30 }]));
    await expect(validatePlaylists(scratch, await loadReferenceIndex([DEMO_REFERENCE]))).rejects.toThrow(PlaylistFileError);
  });
});

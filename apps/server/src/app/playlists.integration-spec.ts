import { apiErrorSchema, playlistSchema } from '@grid-command/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi, startTestServer, tempDataDir, WORKSPACE_ROOT, type RunningServer } from '../testing/test-server';

const DISTRICT = 'district:450103';

describe('GET /api/v1/playlists/:name', () => {
  const dataDir = tempDataDir();
  const dashboardDir = mkdtempSync(join(tmpdir(), 'playlists-route-'));
  let server: RunningServer;
  let displayToken: string;
  let leader: string;
  let ingestKey: string;

  const writePlaylist = (name: string, body: unknown): void =>
    writeFileSync(join(dashboardDir, 'playlists', `${name}.json`), JSON.stringify(body));

  beforeAll(async () => {
    mkdirSync(join(dashboardDir, 'playlists'));
    copyFileSync(join(WORKSPACE_ROOT, 'dashboards/leader-wall.json'), join(dashboardDir, 'leader-wall.json'));
    copyFileSync(join(WORKSPACE_ROOT, 'dashboards/playlists/district-tour.json'), join(dashboardDir, 'playlists/district-tour.json'));
    server = await startTestServer(dataDir.path, { DASHBOARD_DIR: dashboardDir });
    displayToken = (await server.credentials.displayToken(DISTRICT)).token;
    leader = await server.credentials.userToken({ roles: ['leader'], scopes: ['street:450103001'] });
    ingestKey = await server.credentials.ingestKey(DISTRICT);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    dataDir.remove();
    rmSync(dashboardDir, { recursive: true, force: true });
  });

  it('gives a wall on its display token the playlist as its file says, with the defaults filled in', async () => {
    const answer = await callApi(server, 'GET', '/api/v1/playlists/district-tour', undefined, displayToken);
    expect(answer.status).toBe(200);
    const playlist = playlistSchema.parse(answer.body);
    expect(playlist.scope).toBe(DISTRICT);
    expect(playlist.entries[0]).toEqual({ layout: 'leader-wall', dwellSeconds: 60 });
    expect(playlist.entries[1]?.scope).toBe('street:450103001');
  });

  it('reads a file changed after the start without a restart', async () => {
    writePlaylist('short-tour', { version: 1, title: { zh: '短轮播', en: 'Short tour' }, scope: DISTRICT, entries: [{ layout: 'leader-wall', dwellSeconds: 5 }] });
    const answer = await callApi(server, 'GET', '/api/v1/playlists/short-tour', undefined, leader);
    expect(answer.status).toBe(200);
    expect(playlistSchema.parse(answer.body).entries).toHaveLength(1);
  });

  it('answers 404 for a playlist that does not exist and 400 for a name that is no file name', async () => {
    const missing = await callApi(server, 'GET', '/api/v1/playlists/no-such-tour', undefined, leader);
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(missing.body).message).toContain('no-such-tour');
    const traversal = await callApi(server, 'GET', `/api/v1/playlists/${encodeURIComponent('../leader-wall')}`, undefined, leader);
    expect(traversal.status).toBe(400);
    expect(apiErrorSchema.parse(traversal.body).message).toContain('name');
  });

  it('says in Chinese and English what is wrong with a broken file, naming the field', async () => {
    writePlaylist('broken-tour', { version: 1, title: { zh: '坏', en: 'Broken' }, scope: DISTRICT, entries: [{ layout: 'gone-wall', dwellSeconds: 30 }, { layout: 'leader-wall', dwellSeconds: 2 }] });
    const answer = await callApi(server, 'GET', '/api/v1/playlists/broken-tour', undefined, leader);
    expect(answer.status).toBe(500);
    const error = apiErrorSchema.parse(answer.body);
    expect(error.message).toContain('播放列表 broken-tour 的文件有误');
    expect(error.message).toContain('playlist broken-tour is invalid');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['entries[1].dwellSeconds']);
    // Once the schema holds, what the entries name is checked too.
    writePlaylist('broken-tour', { version: 1, title: { zh: '坏', en: 'Broken' }, scope: DISTRICT, entries: [{ layout: 'gone-wall', dwellSeconds: 30 }] });
    const named = apiErrorSchema.parse((await callApi(server, 'GET', '/api/v1/playlists/broken-tour', undefined, leader)).body);
    expect(named.issues?.map((issue) => issue.path)).toEqual(['entries[0].layout']);
  });

  it('is refused to a source system’s ingest key and to a caller without a credential, like the layouts', async () => {
    expect((await callApi(server, 'GET', '/api/v1/playlists/district-tour', undefined, ingestKey)).status).toBe(403);
    expect((await callApi(server, 'GET', '/api/v1/playlists/district-tour')).status).toBe(401);
  });
});

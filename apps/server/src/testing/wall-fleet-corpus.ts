import { randomUUID } from 'node:crypto';
import type { CorpusBody, CorpusCredential, HttpCase, SocketCase } from './bad-input-corpus';
import { exampleWallHealth } from './wall-health-example';

const HIGH_SURROGATE = 'cut \ud83d';

/** The wall fleet's routes (as an admin, an operator's peer) and the walls' health report; no wall is connected, so a well-formed id names none. */
export function wallFleetCases(): Array<HttpCase | SocketCase> {
  const cases: Array<HttpCase | SocketCase> = [];
  const commandRoute = 'POST /api/v1/ops/walls/:id/commands';
  const unknownWall = randomUUID();
  const command = (badClass: string, name: string, id: string, body: CorpusBody, status: number, names: string, credential: CorpusCredential = 'admin') =>
    cases.push({ kind: 'http', route: commandRoute, badClass, name: `wall command ${name}`, method: 'POST', path: `/api/v1/ops/walls/${id}/commands`, credential, body, status, names });
  command('malformed id', 'id: not a uuid', 'lobby-left', { json: { kind: 'reload' } }, 400, 'id');
  command('lone surrogate', 'id: its CESU-8 bytes', '%ED%A0%BD', { json: { kind: 'reload' } }, 400, 'decode param');
  command('unknown resource', 'no such wall connected', unknownWall, { json: { kind: 'reload' } }, 404, unknownWall);
  command('bad enum value', 'kind: explode', unknownWall, { json: { kind: 'explode' } }, 400, 'kind');
  command('missing field', 'show without layout', unknownWall, { json: { kind: 'show' } }, 400, 'layout');
  command('path traversal', 'layout: ../config', unknownWall, { json: { kind: 'show', layout: '../config/alert-rules' } }, 400, 'layout');
  command('bad scope', 'show on scope garbage', unknownWall, { json: { kind: 'show', layout: 'leader-wall', scope: 'everything' } }, 400, 'scope');
  command('lone surrogate', 'playlist name with a lone surrogate', unknownWall, { json: { kind: 'playlist', name: HIGH_SURROGATE } }, 400, 'name');
  command('unknown field', 'reload with a delay', unknownWall, { json: { kind: 'reload', afterSeconds: 5 } }, 400, 'afterSeconds');
  command('wrong type', 'body: an array', unknownWall, { json: [{ kind: 'reload' }] }, 400, 'body');
  command('wrong content type', 'a form post', unknownWall, { raw: 'kind=reload', contentType: 'application/x-www-form-urlencoded' }, 415, 'Content-Type');
  command('wrong role', 'as a leader', unknownWall, { json: { kind: 'pause' } }, 403, 'operator', 'leader');

  const listRoute = 'GET /api/v1/ops/walls';
  cases.push({ kind: 'http', route: listRoute, badClass: 'unknown field', name: 'walls: an unknown parameter', method: 'GET', path: '/api/v1/ops/walls?stale=true', credential: 'admin', status: 400, names: 'stale' });
  cases.push({ kind: 'http', route: listRoute, badClass: 'wrong role', name: 'walls as a leader', method: 'GET', path: '/api/v1/ops/walls', credential: 'leader', status: 403, names: 'operator' });

  const health = exampleWallHealth('district:450103');
  const report = (badClass: string, name: string, payload: unknown, error: SocketCase['error'] = 'invalid_health') =>
    cases.push({ kind: 'socket', route: 'socket reportWallHealth', badClass, name: `reportWallHealth ${name}`, event: 'reportWallHealth', payload, error });
  report('wrong type', 'null', null);
  report('missing field', 'an empty object', {});
  report('malformed id', 'wallId: not a uuid', { ...health, wallId: 'lobby-left' });
  report('lone surrogate', 'label: a lone surrogate', { ...health, label: HIGH_SURROGATE });
  report('huge string', 'label: 65 characters', { ...health, label: '屏'.repeat(65) });
  report('out-of-range number', 'heapUsedMb: negative', { ...health, heapUsedMb: -1 });
  report('out-of-range number', 'framesPerSecond: 10,000', { ...health, framesPerSecond: 10_000 });
  report('bad enum value', 'socket: melted', { ...health, socket: 'melted' });
  report('bad enum value', 'reloads.lastReason: boredom', { ...health, reloads: { count: 1, lastReason: 'boredom', lastAt: null } });
  report('wrong type', 'playlist: a string', { ...health, playlist: 'district-tour' });
  report('unknown field', 'an unknown field', { ...health, userAgent: 'Chrome' });
  report('bad scope', 'scope: garbage', { ...health, scope: 'everything' });
  report('oversized body', 'a message over the 16 KiB a socket may send', { ...health, revision: 'x'.repeat(100_000) }, 'disconnect');
  return cases;
}

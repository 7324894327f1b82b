import { randomUUID } from 'node:crypto';
import { wallFleetCases } from './wall-fleet-corpus';

/**
 * The bad-input corpus: requests that must be refused with their documented 4xx, naming what is wrong. Generated
 * from the fields of each write route, query and socket event crossed with the classes of bad value that got past
 * validation before (lone surrogates, dates the store cannot hold, ids in another letter case…), so a field added to
 * a contract gets the same treatment by adding its name here.
 */

/** Whose credential a case is sent with. `streetKey` is an ingest key of one street only (scope refusals). */
export type CorpusCredential = 'ingestKey' | 'streetKey' | 'officer' | 'leader' | 'admin' | 'none' | 'garbage';

/** Resources the cases aim at, made by the spec before the corpus runs. */
export interface CorpusWorld {
  /** A grid of the district, inside the street of `streetKey`. */
  readonly gridCode: string;
  /** A grid of the district in another street. */
  readonly otherStreetGrid: string;
  readonly ticketId: string;
  readonly alertId: string;
  readonly muteId: string;
}

export type CorpusBody =
  | { readonly json: unknown }
  /** Sent byte for byte, with this Content-Type (null: none). */
  | { readonly raw: string; readonly contentType: string | null };

export interface HttpCase {
  readonly kind: 'http';
  /** The route as the access policy names it, for the tally. */
  readonly route: string;
  /** The class of bad input, for the tally. */
  readonly badClass: string;
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly credential: CorpusCredential;
  readonly body?: CorpusBody;
  readonly status: number;
  /** What the answer's message or one of its issues must mention: the field, parameter or header. */
  readonly names: string;
}

export const LIVE_EVENTS = ['subscribe', 'unsubscribe', 'watchAlerts', 'unwatchAlerts', 'watchKpis', 'unwatchKpis'] as const;

export interface SocketCase {
  readonly kind: 'socket';
  readonly route: string;
  readonly badClass: string;
  readonly name: string;
  readonly event: (typeof LIVE_EVENTS)[number] | 'reportWallHealth';
  readonly payload: unknown;
  /** The refusal the acknowledgement must carry; `disconnect` for a message over the socket's size limit. */
  readonly error: 'invalid_scope' | 'invalid_request' | 'unknown_scope' | 'invalid_health' | 'disconnect';
}

export type CorpusCase = HttpCase | SocketCase;

export const HIGH_SURROGATE = 'cut \ud83d';
export const LOW_SURROGATE = '\ude00 first';
export const REVERSED_PAIR = 'pair \ude00\ud83d reversed';
const SURROGATES: ReadonlyArray<readonly [string, string]> = [
  ['lone high surrogate', HIGH_SURROGATE],
  ['lone low surrogate', LOW_SURROGATE],
  ['reversed surrogate pair', REVERSED_PAIR],
];

const DAY_MS = 86_400_000;
/** Inside the demo district's grants but not in its reference data (404), and another district altogether (403). */
const UNKNOWN_STREET = 'street:450103999';
const OTHER_DISTRICT = 'district:450199';
const isoAgo = (ms: number): string => new Date(Date.now() - ms).toISOString();

/** Instants that are not instants, or that no store holds: every time field and parameter gets each. */
export const BAD_INSTANTS: ReadonlyArray<readonly [string, string]> = [
  ['year 0001', '0001-01-01T00:00:00Z'],
  ['year 1000', '1000-06-15T12:00:00Z'],
  ['year 1899', '1899-12-31T23:59:59Z'],
  ['year 1970', '1970-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59Z'],
  ['no offset', '2026-06-01T10:00:00'],
  ['a date only', '2026-06-01'],
  ['garbage', 'the day before yesterday'],
  ['NaN', 'NaN'],
  ['empty', ''],
  ['day 30 of February', '2026-02-30T00:00:00Z'],
  ['an epoch number', 1_764_547_200_000 as unknown as string],
];

/** Within 2000–2100 but outside what a report may claim now: the configured window. */
const OUT_OF_WINDOW_INSTANTS = (): ReadonlyArray<readonly [string, string]> => [
  ['far future', '2099-01-01T00:00:00Z'],
  ['tomorrow', new Date(Date.now() + DAY_MS).toISOString()],
  ['older than the report age limit', isoAgo(401 * DAY_MS)],
];

const BAD_DATES: ReadonlyArray<readonly [string, string]> = [
  ['year 0001', '0001-01-01'],
  ['year 1999', '1999-12-31'],
  ['year 2101', '2101-01-01'],
  ['day 30 of February', '2026-02-30'],
  ['no zero padding', '2026-1-5'],
  ['an instant', '2026-01-05T00:00:00Z'],
  ['garbage', 'yesterday'],
];

const WRONG_TYPES_FOR_TEXT: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['a number', 12_345],
  ['a boolean', true],
  ['an array', ['text']],
  ['an object', { text: 'text' }],
];

const WRONG_TYPES_FOR_NUMBER: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['a numeric string', '2'],
  ['NaN as a string', 'NaN'],
  ['Infinity as a string', 'Infinity'],
  ['an array', [2]],
  ['a boolean', false],
];

export function validReport(gridCode: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    gridCode,
    category: 'environment_sanitation',
    severity: 1,
    source: 'grid_worker',
    reportedAt: new Date(Date.now() - 60_000).toISOString(),
    reporterId: 'worker-17',
    location: { lat: 22.81, lon: 108.37 },
    description: '小区门口垃圾堆积 😀',
  };
}

function reportCases(world: CorpusWorld): HttpCase[] {
  const route = 'POST /api/v1/reports';
  const cases: HttpCase[] = [];
  const add = (badClass: string, name: string, body: CorpusBody, status: number, names: string, credential: CorpusCredential = 'ingestKey') =>
    cases.push({ kind: 'http', route, badClass, name: `report ${name}`, method: 'POST', path: '/api/v1/reports', credential, body, status, names });
  const withField = (field: string, value: unknown): Record<string, unknown> => ({ ...validReport(world.gridCode), [field]: value });
  const withLocation = (location: unknown): Record<string, unknown> => ({ ...validReport(world.gridCode), location });

  for (const field of ['id', 'gridCode', 'category', 'source', 'reportedAt', 'reporterId', 'description']) {
    for (const [label, value] of SURROGATES) add('lone surrogate', `${field}: ${label}`, { json: withField(field, value) }, 400, field);
    for (const [label, value] of WRONG_TYPES_FOR_TEXT) add('wrong type', `${field}: ${label}`, { json: withField(field, value) }, 400, field);
  }
  for (const [label, value] of WRONG_TYPES_FOR_NUMBER) add('wrong type', `severity: ${label}`, { json: withField('severity', value) }, 400, 'severity');
  for (const field of ['id', 'gridCode', 'category', 'severity', 'source', 'reportedAt']) {
    const report = validReport(world.gridCode);
    delete report[field];
    add('missing field', `without ${field}`, { json: report }, 400, field);
  }

  for (const [label, value] of [['not a uuid', 'not-a-uuid'], ['no dashes', '3f2c6a9e8b1d4c7e9a5f1b2c3d4e5f60'], ['empty', ''], ['a trailing space', `${randomUUID()} `], ['braces', `{${randomUUID()}}`]]) {
    add('malformed id', `id: ${label}`, { json: withField('id', value) }, 400, 'id');
  }
  for (const [label, value] of [['14 digits', '45010300100201'], ['16 digits', '4501030010020150'], ['letters', '45010300100201x'], ['a leading space', ` ${world.gridCode}`], ['a scope id', `grid:${world.gridCode}`]]) {
    add('malformed grid code', `gridCode: ${label}`, { json: withField('gridCode', value) }, 400, 'gridCode');
  }
  add('unknown grid', 'gridCode: not in the reference data', { json: withField('gridCode', '450103999999999') }, 422, 'gridCode');
  add('out of scope', 'gridCode: outside the key’s street', { json: withField('gridCode', world.otherStreetGrid) }, 403, 'gridCode', 'streetKey');
  for (const [field, value] of [['category', 'graffiti'], ['category', 'NOISE'], ['category', ''], ['source', 'email'], ['source', 'Grid_Worker']]) {
    add('bad enum value', `${field}: ${JSON.stringify(value)}`, { json: withField(field ?? '', value) }, 400, field ?? '');
  }
  for (const value of [0, 5, 2.5, -1, 1e21]) add('out-of-range number', `severity: ${value}`, { json: withField('severity', value) }, 400, 'severity');
  add('out-of-range number', 'severity: 1e309 (Infinity once parsed)', { raw: JSON.stringify(withField('severity', 1)).replace('"severity":1', '"severity":1e309'), contentType: 'application/json' }, 400, 'severity');

  for (const [label, value] of BAD_INSTANTS) add('bad date', `reportedAt: ${label}`, { json: withField('reportedAt', value) }, 400, 'reportedAt');
  for (const [label, value] of OUT_OF_WINDOW_INSTANTS()) add('date outside the window', `reportedAt: ${label}`, { json: withField('reportedAt', value) }, 400, 'reportedAt');

  add('too long', 'reporterId: 65 characters', { json: withField('reporterId', 'w'.repeat(65)) }, 400, 'reporterId');
  add('too short', 'reporterId: empty', { json: withField('reporterId', '') }, 400, 'reporterId');
  add('too long', 'description: 2001 characters', { json: withField('description', '长'.repeat(2001)) }, 400, 'description');
  add('huge string', 'description: 200,000 characters', { json: withField('description', 'x'.repeat(200_000)) }, 400, 'description');
  // The cut that made the first lone surrogate: a long text cut at a fixed length in the middle of an emoji.
  add('lone surrogate', 'description: cut at 2000 units inside an emoji', { json: withField('description', `${'x'.repeat(1999)}😀`.slice(0, 2000)) }, 400, 'description');

  for (const [label, location, names] of [
    ['lat 91', { lat: 91, lon: 108 }, 'lat'],
    ['lat -90.5', { lat: -90.5, lon: 108 }, 'lat'],
    ['lon 181', { lat: 22, lon: 181 }, 'lon'],
    ['lat as a string', { lat: '22.8', lon: 108 }, 'lat'],
    ['lon missing', { lat: 22 }, 'lon'],
    ['an extra key', { lat: 22, lon: 108, alt: 80 }, 'alt'],
    ['a pair', [22.8, 108.4], 'location'],
    ['a text', 'near the school', 'location'],
    ['null', null, 'location'],
  ] as const) {
    add(typeof location === 'object' && location !== null && !Array.isArray(location) ? 'out-of-range number' : 'wrong type', `location: ${label}`, { json: withLocation(location) }, 400, names);
  }

  for (const key of ['priority', 'constructor', 'ID', 'grid_code']) add('unknown field', `an unknown field ${key}`, { json: withField(key, 'x') }, 400, key);
  add('unknown field', 'a __proto__ member', { raw: JSON.stringify(validReport(world.gridCode)).replace(/^\{/, '{"__proto__":{"admin":true},'), contentType: 'application/json' }, 400, '__proto__');
  add('lone surrogate', 'a key holding a lone surrogate', { raw: JSON.stringify(validReport(world.gridCode)).replace(/^\{/, '{"note\\ud83d":"x",'), contentType: 'application/json' }, 400, 'note\\ud83d');
  const batchWithBadThird = [validReport(world.gridCode), validReport(world.gridCode), validReport(world.gridCode), { ...validReport(world.gridCode), description: HIGH_SURROGATE }];
  add('lone surrogate', 'an array whose element 3 holds a lone surrogate', { json: batchWithBadThird }, 400, '[3].description');
  add('bad element', 'an array whose element 2 has severity 9', { json: [validReport(world.gridCode), validReport(world.gridCode), { ...validReport(world.gridCode), severity: 9 }] }, 400, 'severity');

  add('array size', 'an empty array', { json: [] }, 400, 'array');
  add('array size', '1001 reports', { json: Array.from({ length: 1001 }, () => validReport(world.gridCode)) }, 400, '1001');
  add('nested depth', 'arrays 100 deep', { raw: `${'['.repeat(100)}${']'.repeat(100)}`, contentType: 'application/json' }, 400, 'deeper');
  add('nested depth', 'arrays 400,000 deep', { raw: `${'['.repeat(400_000)}${']'.repeat(400_000)}`, contentType: 'application/json' }, 400, 'deeper');
  add('nested depth', 'a report whose location nests 40 objects', { json: withLocation(Array.from({ length: 40 }).reduce<unknown>((inner) => ({ inner }), 1)) }, 400, 'deeper');
  for (const [label, body] of [
    ['null', null],
    ['a string', 'report'],
    ['a number', 42],
    ['true', true],
  ] as const) {
    add('not a report', `the body is ${label}`, { json: body }, 400, 'body');
  }

  for (const [label, raw] of [
    ['plain text', 'not json'],
    ['an unclosed object', '{"id": '],
    ['single quotes', "{'id': 'x'}"],
    ['a trailing comma', '[{"id":"x"},]'],
    ['NaN', 'NaN'],
    ['a lone surrogate escape cut short', '{"description":"\\ud8"}'],
    ['two documents', '{}{}'],
  ] as const) {
    add('not JSON', `the body is ${label}`, { raw, contentType: 'application/json' }, 400, 'JSON');
  }
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', null]) {
    add('wrong content type', `Content-Type ${contentType ?? 'missing'}`, { raw: JSON.stringify(validReport(world.gridCode)), contentType }, 415, 'Content-Type');
  }
  add('wrong content type', 'charset latin1', { raw: JSON.stringify(validReport(world.gridCode)), contentType: 'application/json; charset=latin1' }, 415, 'charset');
  add('oversized body', 'a body over INGEST_MAX_BODY_BYTES', { raw: JSON.stringify([{ ...validReport(world.gridCode), description: 'x'.repeat(CORPUS_MAX_BODY_BYTES) }]), contentType: 'application/json' }, 413, 'limit');

  add('no credential', 'without Authorization', { json: validReport(world.gridCode) }, 401, 'Authorization', 'none');
  add('bad credential', 'with a made-up bearer', { json: validReport(world.gridCode) }, 401, '', 'garbage');
  add('wrong role', 'with a leader’s token', { json: validReport(world.gridCode) }, 403, 'ingest', 'leader');
  return cases;
}

/** INGEST_MAX_BODY_BYTES of the corpus's server: small, so the oversized case is cheap. */
export const CORPUS_MAX_BODY_BYTES = 1024 * 1024;

function ticketEventCases(world: CorpusWorld): HttpCase[] {
  const route = 'POST /api/v1/tickets/:id/events';
  const path = `/api/v1/tickets/${world.ticketId}/events`;
  const cases: HttpCase[] = [];
  const add = (badClass: string, name: string, body: CorpusBody, status: number, names: string, eventPath = path) =>
    cases.push({ kind: 'http', route, badClass, name: `ticket event ${name}`, method: 'POST', path: eventPath, credential: 'officer', body, status, names });
  const dispatch = (changes: Record<string, unknown> = {}) => ({ type: 'dispatched', at: new Date().toISOString(), department: '城管执法', ...changes });

  for (const field of ['type', 'at', 'department', 'note']) {
    for (const [label, value] of SURROGATES) add('lone surrogate', `${field}: ${label}`, { json: dispatch({ [field]: value }) }, 400, field);
  }
  for (const field of ['type', 'at', 'department', 'note']) {
    for (const [label, value] of WRONG_TYPES_FOR_TEXT.slice(0, 3)) add('wrong type', `${field}: ${label}`, { json: dispatch({ [field]: value }) }, 400, field);
  }
  for (const [label, value] of BAD_INSTANTS) add('bad date', `at: ${label}`, { json: dispatch({ at: value }) }, 400, 'at');
  add('date outside the window', 'at: far future', { json: dispatch({ at: '2099-01-01T00:00:00Z' }) }, 422, 'at');
  add('date outside the window', 'at: tomorrow', { json: dispatch({ at: new Date(Date.now() + DAY_MS).toISOString() }) }, 422, 'at');
  add('date outside the window', 'at: before the report', { json: dispatch({ at: isoAgo(30 * DAY_MS) }) }, 422, 'at');
  for (const value of ['closed', 'DISPATCHED', '']) add('bad enum value', `type: ${JSON.stringify(value)}`, { json: dispatch({ type: value }) }, 400, 'type');
  add('bad enum value', 'satisfaction: "happy" on a verification', { json: { type: 'verified', at: new Date().toISOString(), satisfaction: 'happy' } }, 400, 'satisfaction');
  add('missing field', 'a dispatch without department', { json: { type: 'dispatched', at: new Date().toISOString() } }, 400, 'department');
  add('missing field', 'without at', { json: { type: 'accepted' } }, 400, 'at');
  add('missing field', 'a suspension without its reason', { json: { type: 'suspended', at: new Date().toISOString() } }, 400, 'note');
  add('too long', 'department: 65 characters', { json: dispatch({ department: '部'.repeat(65) }) }, 400, 'department');
  add('too long', 'note: 2001 characters', { json: dispatch({ note: 'n'.repeat(2001) }) }, 400, 'note');
  add('too short', 'department: blank', { json: dispatch({ department: '   ' }) }, 400, 'department');
  add('unknown field', 'a client-sent actor', { json: dispatch({ actor: 'someone else' }) }, 400, 'actor');
  add('unknown field', 'an unknown field', { json: dispatch({ priority: 1 }) }, 400, 'priority');
  add('array size', 'an empty array', { json: [] }, 400, 'event');
  add('array size', '51 events', { json: Array.from({ length: 51 }, (_, index) => dispatch({ at: new Date(Date.now() - index * 1000).toISOString() })) }, 400, '50');
  add('lone surrogate', 'event 1 of 2 holds a lone surrogate', { json: [dispatch(), dispatch({ note: HIGH_SURROGATE })] }, 400, '[1].note');
  add('malformed id', 'id: not a uuid', { json: dispatch() }, 400, 'id', '/api/v1/tickets/not-a-uuid/events');
  add('unknown resource', 'id: no such ticket', { json: dispatch() }, 404, 'ticket', `/api/v1/tickets/${randomUUID()}/events`);
  add('not JSON', 'the body is not JSON', { raw: '{"type":', contentType: 'application/json' }, 400, 'JSON');
  add('wrong content type', 'Content-Type text/plain', { raw: JSON.stringify(dispatch()), contentType: 'text/plain' }, 415, 'Content-Type');
  add('oversized body', 'a body over the body limit', { raw: JSON.stringify(dispatch({ note: 'x'.repeat(CORPUS_MAX_BODY_BYTES) })), contentType: 'application/json' }, 413, 'limit');
  return cases;
}

function alertActionCases(world: CorpusWorld): HttpCase[] {
  const route = 'POST /api/v1/alerts/:id/actions';
  const path = `/api/v1/alerts/${world.alertId}/actions`;
  const cases: HttpCase[] = [];
  const add = (badClass: string, name: string, body: CorpusBody, status: number, names: string, actionPath = path) =>
    cases.push({ kind: 'http', route, badClass, name: `alert action ${name}`, method: 'POST', path: actionPath, credential: 'officer', body, status, names });
  const dispatch = (changes: Record<string, unknown> = {}) => ({ action: 'dispatch', department: '城管执法', note: '派往现场', ...changes });

  for (const field of ['action', 'department', 'note']) {
    for (const [label, value] of SURROGATES) add('lone surrogate', `${field}: ${label}`, { json: dispatch({ [field]: value }) }, 400, field);
    for (const [label, value] of WRONG_TYPES_FOR_TEXT.slice(0, 3)) add('wrong type', `${field}: ${label}`, { json: dispatch({ [field]: value }) }, 400, field);
  }
  for (const value of ['delete', 'ACKNOWLEDGE', '']) add('bad enum value', `action: ${JSON.stringify(value)}`, { json: dispatch({ action: value }) }, 400, 'action');
  for (const value of [0, -1, 1.5, '1', null]) add('out-of-range number', `expectedVersion: ${JSON.stringify(value)}`, { json: dispatch({ expectedVersion: value }) }, 400, 'expectedVersion');
  add('missing field', 'a dispatch without department', { json: { action: 'dispatch' } }, 400, 'department');
  add('missing field', 'a close without note', { json: { action: 'close' } }, 400, 'note');
  add('too long', 'department: 65 characters', { json: dispatch({ department: '部'.repeat(65) }) }, 400, 'department');
  add('too long', 'note: 2001 characters', { json: dispatch({ note: 'n'.repeat(2001) }) }, 400, 'note');
  add('unknown field', 'a client-sent by', { json: dispatch({ by: 'someone else' }) }, 400, 'by');
  add('unknown field', 'an unknown field', { json: dispatch({ urgent: true }) }, 400, 'urgent');
  add('not an action', 'the body is an array', { json: [dispatch()] }, 400, 'body');
  add('malformed id', 'id: not a uuid', { json: dispatch() }, 400, 'id', '/api/v1/alerts/not-a-uuid/actions');
  add('unknown resource', 'id: no such alert', { json: { action: 'acknowledge' } }, 404, 'alert', `/api/v1/alerts/${randomUUID()}/actions`);
  add('wrong content type', 'Content-Type text/plain', { raw: JSON.stringify(dispatch()), contentType: 'text/plain' }, 415, 'Content-Type');
  return cases;
}

function muteCases(world: CorpusWorld): HttpCase[] {
  const route = 'POST /api/v1/alert-mutes';
  const cases: HttpCase[] = [];
  const add = (badClass: string, name: string, body: CorpusBody, status: number, names: string) =>
    cases.push({ kind: 'http', route, badClass, name: `mute ${name}`, method: 'POST', path: '/api/v1/alert-mutes', credential: 'officer', body, status, names });
  const mute = (changes: Record<string, unknown> = {}) => ({ scope: `grid:${world.gridCode}`, minutes: 30, reason: '管道维修', ...changes });

  for (const field of ['ruleId', 'scope', 'reason']) {
    for (const [label, value] of SURROGATES) add('lone surrogate', `${field}: ${label}`, { json: mute({ [field]: value }) }, 400, field);
    for (const [label, value] of WRONG_TYPES_FOR_TEXT.slice(0, 3)) add('wrong type', `${field}: ${label}`, { json: mute({ [field]: value }) }, 400, field);
  }
  for (const [label, value] of WRONG_TYPES_FOR_NUMBER) add('wrong type', `minutes: ${label}`, { json: mute({ minutes: value }) }, 400, 'minutes');
  for (const value of [0, -5, 1.5, 10_081]) add('out-of-range number', `minutes: ${value}`, { json: mute({ minutes: value }) }, 400, 'minutes');
  for (const value of ['district:1', 'street:450103', 'grid:450103001', 'city:450100', 'district:450103 ']) add('bad scope', `scope: ${JSON.stringify(value)}`, { json: mute({ scope: value }) }, 400, 'scope');
  add('unknown resource', 'scope: not in the reference data', { json: mute({ scope: UNKNOWN_STREET }) }, 404, UNKNOWN_STREET);
  add('out of scope', 'scope: outside the officer’s grants', { json: mute({ scope: OTHER_DISTRICT }) }, 403, 'scope');
  add('unknown resource', 'ruleId: no such rule', { json: mute({ ruleId: 'no-such-rule' }) }, 400, 'ruleId');
  add('missing field', 'neither rule nor scope', { json: { minutes: 30, reason: 'x' } }, 400, 'ruleId');
  add('missing field', 'without reason', { json: { scope: `grid:${world.gridCode}`, minutes: 30 } }, 400, 'reason');
  add('too short', 'reason: blank', { json: mute({ reason: '  ' }) }, 400, 'reason');
  add('too long', 'reason: 501 characters', { json: mute({ reason: 'r'.repeat(501) }) }, 400, 'reason');
  add('unknown field', 'a client-sent by', { json: mute({ by: 'someone else' }) }, 400, 'by');
  add('unknown field', 'an unknown field', { json: mute({ until: '2026-12-31T00:00:00Z' }) }, 400, 'until');
  return cases;
}

function deleteMuteCases(world: CorpusWorld): HttpCase[] {
  const route = 'DELETE /api/v1/alert-mutes/:id';
  return [
    ['malformed id', 'not a uuid', '/api/v1/alert-mutes/not-a-uuid', 400, 'id'],
    ['malformed id', 'a uuid with a suffix', `/api/v1/alert-mutes/${world.muteId}x`, 400, 'id'],
    ['unknown resource', 'no such mute', `/api/v1/alert-mutes/${randomUUID()}`, 404, 'mute'],
  ].map(([badClass, name, path, status, names]) => ({
    kind: 'http' as const,
    route,
    badClass: String(badClass),
    name: `delete mute: ${String(name)}`,
    method: 'DELETE',
    path: String(path),
    credential: 'officer' as const,
    status: Number(status),
    names: String(names),
  }));
}

/** The dead letters' routes, as an admin (an operator's peer there); the world has no dead letter, so a well-formed id names none. */
function deadLetterCases(world: CorpusWorld): HttpCase[] {
  const cases: HttpCase[] = [];
  const replayRoute = 'POST /api/v1/ops/dead-letters/:id/replay';
  const unknownLetter = `${randomUUID()}%230`;
  const replay = (badClass: string, name: string, id: string, body: CorpusBody | undefined, status: number, names: string, credential: CorpusCredential = 'admin') =>
    cases.push({ kind: 'http', route: replayRoute, badClass, name: `replay ${name}`, method: 'POST', path: `/api/v1/ops/dead-letters/${id}/replay`, credential, body, status, names });
  const corrected = (changes: Record<string, unknown>) => ({ json: { report: { ...validReport(world.gridCode), ...changes } } });

  for (const [label, id] of [
    ['not a letter id', 'not-a-letter'],
    ['a batch id without its index', randomUUID()],
    ['a negative index', `${randomUUID()}%23-1`],
    ['an index with a leading zero', `${randomUUID()}%2301`],
    ['a word for the index', `${randomUUID()}%23first`],
    ['200 characters', `${randomUUID()}%23${'1'.repeat(160)}`],
  ]) {
    replay('malformed id', `id: ${label}`, String(id), { json: {} }, 400, 'id');
  }
  replay('lone surrogate', 'id: its CESU-8 bytes', '%ED%A0%BD', { json: {} }, 400, 'decode param');
  replay('unknown resource', 'no such dead letter', unknownLetter, { json: {} }, 404, 'dead letter');
  replay('wrong role', 'as a leader', unknownLetter, { json: {} }, 403, 'operator', 'leader');
  replay('wrong type', 'body: an array', unknownLetter, { json: [{}] }, 400, 'body');
  replay('unknown field', 'an unknown field beside report', unknownLetter, { json: { reason: 'fixed it' } }, 400, 'reason');
  replay('wrong type', 'report: a string', unknownLetter, { json: { report: 'the same report' } }, 400, 'report');
  replay('bad enum value', 'report.severity: 9', unknownLetter, corrected({ severity: 9 }), 400, 'report.severity');
  replay('missing field', 'report without gridCode', unknownLetter, corrected({ gridCode: undefined }), 400, 'report.gridCode');
  replay('malformed id', 'report.id: not a uuid', unknownLetter, corrected({ id: 'not-a-uuid' }), 400, 'report.id');
  replay('unknown field', 'report: an unknown field', unknownLetter, corrected({ fixedBy: 'me' }), 400, 'report.fixedBy');
  replay('lone surrogate', 'report.description: a lone surrogate', unknownLetter, corrected({ description: HIGH_SURROGATE }), 400, 'description');
  replay('unknown resource', 'report.gridCode: not in the reference data', unknownLetter, corrected({ gridCode: '999999999999999' }), 422, 'report.gridCode');
  replay('oversized body', 'a body over HTTP_MAX_BODY_BYTES', unknownLetter, { raw: JSON.stringify({ report: { description: 'x'.repeat(70_000) } }), contentType: 'application/json' }, 413, 'limit');
  replay('wrong content type', 'a form post', unknownLetter, { raw: 'report=x', contentType: 'application/x-www-form-urlencoded' }, 415, 'Content-Type');

  const listRoute = 'GET /api/v1/ops/dead-letters';
  const list = (badClass: string, name: string, query: string, status: number, names: string, credential: CorpusCredential = 'admin') =>
    cases.push({ kind: 'http', route: listRoute, badClass, name: `dead letters ${name}`, method: 'GET', path: `/api/v1/ops/dead-letters?${query}`, credential, status, names });
  for (const value of ['0', '501', 'all', '1.5']) list('out-of-range number', `limit: ${value}`, `limit=${value}`, 400, 'limit');
  for (const value of ['-1', '1000001', 'next']) list('out-of-range number', `offset: ${value}`, `offset=${value}`, 400, 'offset');
  list('unknown field', 'cursor (paged by offset)', 'cursor=abc', 400, 'cursor');
  list('wrong role', 'as a duty officer', '', 403, 'operator', 'officer');
  return cases;
}

/** GET routes: every query parameter and path parameter with the values it must refuse. */
function queryCases(world: CorpusWorld): HttpCase[] {
  const cases: HttpCase[] = [];
  const add = (route: string, badClass: string, name: string, path: string, status: number, names: string, credential: CorpusCredential = 'leader') =>
    cases.push({ kind: 'http', route, badClass, name: `${route} ${name}`, method: 'GET', path, credential, status, names });
  const query = (parameters: Record<string, string>): string => new URLSearchParams(parameters).toString();
  const district = 'district:450103';
  const badScopes: ReadonlyArray<readonly [string, string]> = [
    ['garbage', 'everything'],
    ['a bare code', '450103'],
    ['a short code', 'district:4501'],
    ['an unknown level', 'city:450100'],
    ['a grid code with a street level', `street:${world.gridCode}`],
    ['200 characters', `district:${'4'.repeat(191)}`],
  ];

  for (const [label, value] of badScopes) {
    add('GET /api/v1/kpis', 'bad scope', `scope: ${label}`, `/api/v1/kpis?${query({ scope: value })}`, 400, 'scope');
    add('GET /api/v1/alerts', 'bad scope', `scope: ${label}`, `/api/v1/alerts?${query({ scope: value })}`, 400, 'scope');
    add('GET /api/v1/snapshot', 'bad scope', `scope: ${label}`, `/api/v1/snapshot?${query({ scope: value })}`, 400, 'scope');
  }
  for (const route of ['GET /api/v1/kpis', 'GET /api/v1/alerts', 'GET /api/v1/snapshot']) {
    const path = route.replace('GET ', '');
    add(route, 'missing field', 'without scope', path, 400, 'scope');
    add(route, 'unknown resource', 'scope: not in the reference data', `${path}?${query({ scope: UNKNOWN_STREET })}`, 404, UNKNOWN_STREET);
    add(route, 'out of scope', 'scope: outside the leader’s grants', `${path}?${query({ scope: OTHER_DISTRICT })}`, 403, 'scope');
  }
  add('GET /api/v1/kpis', 'bad enum value', 'period: year', `/api/v1/kpis?${query({ scope: district, period: 'year' })}`, 400, 'period');
  add('GET /api/v1/kpis', 'missing field', 'a custom period without dates', `/api/v1/kpis?${query({ scope: district, period: 'custom' })}`, 400, 'from');
  add('GET /api/v1/kpis', 'unknown field', 'from on a week', `/api/v1/kpis?${query({ scope: district, period: 'week', from: '2026-11-01' })}`, 400, 'from');
  for (const [label, value] of BAD_DATES) {
    add('GET /api/v1/kpis', 'bad date', `from: ${label}`, `/api/v1/kpis?${query({ scope: district, period: 'custom', from: value, to: '2026-11-30' })}`, 400, 'from');
    add('GET /api/v1/kpis', 'bad date', `to: ${label}`, `/api/v1/kpis?${query({ scope: district, period: 'custom', from: '2000-01-01', to: value })}`, 400, 'to');
  }
  add('GET /api/v1/kpis', 'bad date', 'to before from', `/api/v1/kpis?${query({ scope: district, period: 'custom', from: '2026-11-30', to: '2026-11-01' })}`, 400, 'to');
  add('GET /api/v1/kpis', 'date outside the window', 'a span of 367 days', `/api/v1/kpis?${query({ scope: district, period: 'custom', from: '2025-01-01', to: '2026-01-02' })}`, 400, 'to');
  add('GET /api/v1/kpis', 'unknown field', 'an unknown parameter', `/api/v1/kpis?${query({ scope: district, colour: 'red' })}`, 400, 'colour');

  // A replay's instant: not an instant, or one the store cannot answer for (the future, before its history).
  for (const route of ['GET /api/v1/snapshot', 'GET /api/v1/kpis']) {
    const path = route.replace('GET ', '');
    for (const [label, value] of BAD_INSTANTS) add(route, 'bad date', `at: ${label}`, `${path}?${query({ scope: district, at: String(value) })}`, 400, 'at');
    for (const [label, value] of [...OUT_OF_WINDOW_INSTANTS().slice(0, 2), ['before the stored history', '2000-01-02T00:00:00Z']]) {
      add(route, 'date outside the window', `at: ${label}`, `${path}?${query({ scope: district, at: String(value) })}`, 400, 'at');
    }
  }
  for (const [label, value] of BAD_INSTANTS.filter(([, value]) => typeof value === 'string' && value !== '')) {
    add('GET /api/v1/alerts', 'bad date', `updatedSince: ${label}`, `/api/v1/alerts?${query({ scope: district, updatedSince: value })}`, 400, 'updatedSince');
  }
  for (const value of ['0', '1001', 'abc', '-1', '1.5', '10abc']) add('GET /api/v1/alerts', 'out-of-range number', `limit: ${value}`, `/api/v1/alerts?${query({ scope: district, limit: value })}`, 400, 'limit');
  add('GET /api/v1/alerts', 'bad enum value', 'state: bogus', `/api/v1/alerts?${query({ scope: district, state: 'open,bogus' })}`, 400, 'state');
  add('GET /api/v1/alerts', 'bad enum value', 'category: graffiti', `/api/v1/alerts?${query({ scope: district, category: 'graffiti' })}`, 400, 'category');
  add('GET /api/v1/alerts', 'unknown field', 'an unknown parameter', `/api/v1/alerts?${query({ scope: district, sort: 'age' })}`, 400, 'sort');
  add('GET /api/v1/alert-mutes', 'bad scope', 'scope: garbage', `/api/v1/alert-mutes?${query({ scope: 'everything' })}`, 400, 'scope');

  for (const [label, value] of BAD_INSTANTS.filter(([, value]) => typeof value === 'string' && value !== '')) {
    add('GET /api/v1/audit', 'bad date', `from: ${label}`, `/api/v1/audit?${query({ from: value })}`, 400, 'from', 'admin');
  }
  add('GET /api/v1/audit', 'bad date', 'to before from', `/api/v1/audit?${query({ from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })}`, 400, 'to', 'admin');
  add('GET /api/v1/audit', 'bad enum value', 'outcome: maybe', `/api/v1/audit?${query({ outcome: 'maybe' })}`, 400, 'outcome', 'admin');
  add('GET /api/v1/audit', 'bad enum value', 'action: DROP TABLE', `/api/v1/audit?${query({ action: 'DROP TABLE audit_log' })}`, 400, 'action', 'admin');
  for (const value of ['0', '1001', 'all']) add('GET /api/v1/audit', 'out-of-range number', `limit: ${value}`, `/api/v1/audit?${query({ limit: value })}`, 400, 'limit', 'admin');
  add('GET /api/v1/audit', 'too long', 'actor: 65 characters', `/api/v1/audit?${query({ actor: 'a'.repeat(65) })}`, 400, 'actor', 'admin');
  add('GET /api/v1/audit', 'wrong role', 'as a leader', '/api/v1/audit', 403, 'admin');

  for (const [label, value] of [['not a uuid', 'not-a-uuid'], ['a uuid with a suffix', `${world.ticketId}0`]]) {
    add('GET /api/v1/tickets/:id', 'malformed id', `id: ${label}`, `/api/v1/tickets/${value}`, 400, 'id');
    add('GET /api/v1/alerts/:id', 'malformed id', `id: ${label}`, `/api/v1/alerts/${value}`, 400, 'id');
  }
  // Percent-encoded bytes that are not UTF-8 (a lone surrogate's CESU-8 form): the router refuses to decode them.
  add('GET /api/v1/tickets/:id', 'lone surrogate', 'id: its CESU-8 bytes', '/api/v1/tickets/%ED%A0%BD', 400, 'decode param');
  add('GET /api/v1/alerts/:id', 'lone surrogate', 'id: its CESU-8 bytes', '/api/v1/alerts/%ED%A0%BD', 400, 'decode param');
  add('GET /api/v1/tickets/:id', 'unknown resource', 'no such ticket', `/api/v1/tickets/${randomUUID()}`, 404, 'ticket');
  add('GET /api/v1/alerts/:id', 'unknown resource', 'no such alert', `/api/v1/alerts/${randomUUID()}`, 404, 'alert');
  for (const [label, value] of badScopes.slice(0, 4)) {
    add('GET /api/v1/scopes/:scope', 'bad scope', `scope: ${label}`, `/api/v1/scopes/${encodeURIComponent(value)}`, 400, 'scope');
    add('GET /api/v1/geo/:scope', 'bad scope', `scope: ${label}`, `/api/v1/geo/${encodeURIComponent(value)}`, 400, 'scope');
  }
  add('GET /api/v1/scopes/:scope', 'unknown resource', 'not in the reference data', `/api/v1/scopes/${UNKNOWN_STREET}`, 404, UNKNOWN_STREET);
  add('GET /api/v1/geo/:scope', 'bad enum value', 'level: planet', '/api/v1/geo/district:450103?level=planet', 400, 'level');
  add('GET /api/v1/dashboards/:name', 'path traversal', 'name: ../config', `/api/v1/dashboards/${encodeURIComponent('../config/alert-rules')}`, 400, 'name');
  add('GET /api/v1/dashboards/:name', 'unknown resource', 'no such wall', '/api/v1/dashboards/no-such-wall', 404, 'no-such-wall');
  add('GET /api/v1/playlists/:name', 'path traversal', 'name: ../leader-wall', `/api/v1/playlists/${encodeURIComponent('../leader-wall')}`, 400, 'name');
  add('GET /api/v1/playlists/:name', 'bad format', 'name: upper case', '/api/v1/playlists/District-Tour', 400, 'name');
  add('GET /api/v1/playlists/:name', 'unknown resource', 'no such playlist', '/api/v1/playlists/no-such-tour', 404, 'no-such-tour');
  add('GET /metrics', 'unknown field', 'an unknown parameter', `/metrics?${query({ name: 'gridcommand_alerts' })}`, 400, 'name', 'admin');
  add('GET /metrics', 'wrong role', 'as a leader', '/metrics', 403, 'operator');
  add('GET /metrics', 'no credential', 'without Authorization', '/metrics', 401, 'Authorization', 'none');
  add('GET /metrics', 'bad credential', 'with a made-up bearer (not the scrape token)', '/metrics', 401, '', 'garbage');
  add('GET /api/v1/ops/overview', 'unknown field', 'an unknown parameter', `/api/v1/ops/overview?${query({ window: '1h' })}`, 400, 'window', 'admin');
  add('GET /api/v1/ops/overview', 'lone surrogate', 'a parameter holding a lone surrogate', `/api/v1/ops/overview?${query({ scope: HIGH_SURROGATE })}`, 400, 'scope', 'admin');
  add('GET /api/v1/ops/overview', 'wrong role', 'as a leader', '/api/v1/ops/overview', 403, 'operator');
  return cases;
}

/** The identity routes' bodies; what they hold is the identity capability's, the Unicode rule is the boundary's. */
function identityCases(): HttpCase[] {
  const cases: HttpCase[] = [];
  const add = (route: string, badClass: string, name: string, path: string, body: CorpusBody, status: number, names: string, credential: CorpusCredential = 'admin') =>
    cases.push({ kind: 'http', route, badClass, name: `${route} ${name}`, method: route.split(' ')[0] ?? 'POST', path, credential, body, status, names });
  const user = (changes: Record<string, unknown> = {}) => ({ username: `corpus-${randomUUID().slice(0, 8)}`, password: 'a-long-enough-password', roles: ['leader'], scopes: ['district:450103'], ...changes });

  for (const [label, value] of SURROGATES) {
    add('POST /api/v1/auth/login', 'lone surrogate', `username: ${label}`, '/api/v1/auth/login', { json: { username: value, password: 'whatever-password' } }, 400, 'username', 'none');
    add('POST /api/v1/auth/login', 'lone surrogate', `password: ${label}`, '/api/v1/auth/login', { json: { username: 'admin', password: value } }, 400, 'password', 'none');
    add('POST /api/v1/users', 'lone surrogate', `displayName: ${label}`, '/api/v1/users', { json: user({ displayName: value }) }, 400, 'displayName');
    add('POST /api/v1/ingest-keys', 'lone surrogate', `name: ${label}`, '/api/v1/ingest-keys', { json: { name: value, scope: 'district:450103' } }, 400, 'name');
    add('POST /api/v1/display-tokens', 'lone surrogate', `name: ${label}`, '/api/v1/display-tokens', { json: { name: value, scope: 'district:450103' } }, 400, 'name');
  }
  add('POST /api/v1/auth/login', 'missing field', 'without password', '/api/v1/auth/login', { json: { username: 'admin' } }, 400, 'password', 'none');
  add('POST /api/v1/auth/login', 'wrong type', 'password: a number', '/api/v1/auth/login', { json: { username: 'admin', password: 12_345_678_901_234 } }, 400, 'password', 'none');
  add('POST /api/v1/auth/login', 'wrong content type', 'a form post', '/api/v1/auth/login', { raw: 'username=admin&password=x', contentType: 'application/x-www-form-urlencoded' }, 415, 'Content-Type', 'none');
  for (const [label, value] of [['a slash', 'officer/li'], ['a space', 'officer li'], ['one character', 'o'], ['33 characters', 'o'.repeat(33)]]) {
    add('POST /api/v1/users', 'malformed name', `username: ${label}`, '/api/v1/users', { json: user({ username: value }) }, 400, 'username');
  }
  add('POST /api/v1/users', 'too short', 'password: 11 characters', '/api/v1/users', { json: user({ password: 'short-pass1' }) }, 400, 'password');
  add('POST /api/v1/users', 'bad enum value', 'roles: superuser', '/api/v1/users', { json: user({ roles: ['superuser'] }) }, 400, 'roles');
  add('POST /api/v1/users', 'array size', 'roles: none', '/api/v1/users', { json: user({ roles: [] }) }, 400, 'roles');
  add('POST /api/v1/users', 'bad scope', 'scopes: garbage', '/api/v1/users', { json: user({ scopes: ['everything'] }) }, 400, 'scopes');
  add('POST /api/v1/users', 'array size', 'scopes: 51', '/api/v1/users', { json: user({ scopes: Array.from({ length: 51 }, () => 'district:450103') }) }, 400, 'scopes');
  add('POST /api/v1/users', 'wrong role', 'as a duty officer', '/api/v1/users', { json: user() }, 403, 'admin', 'officer');
  add('POST /api/v1/ingest-keys', 'bad scope', 'scope: garbage', '/api/v1/ingest-keys', { json: { name: 'k', scope: 'everything' } }, 400, 'scope');
  add('POST /api/v1/display-tokens', 'bad scope', 'scope: garbage', '/api/v1/display-tokens', { json: { name: 't', scope: 'everything' } }, 400, 'scope');
  add('PATCH /api/v1/users/:id', 'wrong type', 'disabled: "yes"', `/api/v1/users/${randomUUID()}`, { json: { disabled: 'yes' } }, 400, 'disabled');
  return cases;
}

function socketCases(): SocketCase[] {
  const payloads: ReadonlyArray<readonly [string, string, unknown, SocketCase['error']]> = [
    ['wrong type', 'null', null, 'invalid_scope'],
    ['wrong type', 'a bare string', 'district:450103', 'invalid_scope'],
    ['wrong type', 'a number', 42, 'invalid_scope'],
    ['wrong type', 'an array', [{ scope: 'district:450103' }], 'invalid_scope'],
    ['missing field', 'an empty object', {}, 'invalid_scope'],
    ['wrong type', 'scope: a number', { scope: 450_103 }, 'invalid_scope'],
    ['bad scope', 'scope: garbage', { scope: 'everything' }, 'invalid_scope'],
    ['lone surrogate', 'scope: a lone surrogate', { scope: `district:450103${HIGH_SURROGATE}` }, 'invalid_scope'],
    ['lone surrogate', 'a key holding a lone surrogate', { scope: 'district:450103', ['x\ud83d']: 1 }, 'invalid_scope'],
    ['unknown field', 'an unknown field', { scope: 'district:450103', extra: true }, 'invalid_scope'],
    ['huge string', 'scope: 10,000 characters', { scope: `district:${'4'.repeat(10_000)}` }, 'invalid_scope'],
    ['oversized body', 'a message over the 16 KiB a socket may send', { scope: `district:${'4'.repeat(100_000)}` }, 'disconnect'],
    ['unknown resource', 'scope: not in the reference data', { scope: UNKNOWN_STREET }, 'unknown_scope'],
  ];
  // Leaving a scope one never joined is harmless, so only subscribing and watching must know the scope exists.
  const joins = (event: (typeof LIVE_EVENTS)[number]) => event === 'subscribe' || event === 'watchAlerts' || event === 'watchKpis';
  // The KPI watches take a period too: past a good scope, another bad field is `invalid_request`.
  const kpiEvent = (event: (typeof LIVE_EVENTS)[number]) => event === 'watchKpis' || event === 'unwatchKpis';
  const kpiPayloads: ReadonlyArray<readonly [string, string, unknown, SocketCase['error']]> = [
    ['bad enum', 'period: garbage', { scope: 'district:450103', period: 'fortnight' }, 'invalid_request'],
    ['wrong type', 'period: a number', { scope: 'district:450103', period: 7 }, 'invalid_request'],
    ['missing field', 'custom without from and to', { scope: 'district:450103', period: 'custom' }, 'invalid_request'],
    ['bad date', 'from: not a date', { scope: 'district:450103', period: 'custom', from: '2026-13-45', to: '2026-12-01' }, 'invalid_request'],
    ['inconsistent', 'to before from', { scope: 'district:450103', period: 'custom', from: '2026-12-01', to: '2026-11-01' }, 'invalid_request'],
    ['inconsistent', 'from on a running period', { scope: 'district:450103', period: 'today', from: '2026-12-01' }, 'invalid_request'],
    ['huge range', 'a custom period over a year', { scope: 'district:450103', period: 'custom', from: '2024-01-01', to: '2025-06-30' }, 'invalid_request'],
  ];
  const unknownKeyIsRequest = (event: (typeof LIVE_EVENTS)[number], payload: unknown, error: SocketCase['error']): SocketCase['error'] =>
    kpiEvent(event) && error === 'invalid_scope' && isObject(payload) && 'scope' in payload && payload['scope'] === 'district:450103' ? 'invalid_request' : error;
  return LIVE_EVENTS.flatMap((event) =>
    [...payloads, ...(kpiEvent(event) ? kpiPayloads : [])]
      .filter(([, , , error]) => joins(event) || error !== 'unknown_scope')
      .map(([badClass, name, payload, error]) => ({
        kind: 'socket' as const,
        route: `socket ${event}`,
        badClass,
        name: `${event} ${name}`,
        event,
        payload,
        error: unknownKeyIsRequest(event, payload, error),
      })),
  );
}

/** The whole corpus, HTTP cases first (in route order), then socket events. */
export function badInputCorpus(world: CorpusWorld): CorpusCase[] {
  return [
    ...reportCases(world),
    ...ticketEventCases(world),
    ...alertActionCases(world),
    ...muteCases(world),
    ...deleteMuteCases(world),
    ...deadLetterCases(world),
    ...queryCases(world),
    ...identityCases(),
    ...socketCases(),
    ...wallFleetCases(),
  ];
}

/** Cases per route and per class of bad input, for the report at the end of the run. */
export function tally(cases: readonly CorpusCase[]): { byRoute: Record<string, number>; byClass: Record<string, number>; total: number } {
  const count = (key: (item: CorpusCase) => string) =>
    cases.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});
  return { byRoute: count((item) => item.route), byClass: count((item) => item.badClass), total: cases.length };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

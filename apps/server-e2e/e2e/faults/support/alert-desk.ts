import { alertActionResultSchema, LIVE_NAMESPACE, sessionTokensSchema, type AlertNotice, type LiveClientToServerEvents, type LiveServerToClientEvents } from '@grid-command/contracts';
import { requestJson } from '@grid-command/server-harness';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { DISTRICT_SCOPE } from './report-feed';

interface Seen {
  readonly notice: AlertNotice;
  readonly receivedAt: number;
}

/**
 * A duty officer of the district at the console: signed in through the API, watching the district's alerts on the
 * /live socket (every notice kept with when it came) and acting on alerts through the API.
 */
export class AlertDesk {
  private readonly seen: Seen[] = [];

  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents>,
  ) {
    socket.on('alert', (notice) => this.seen.push({ notice, receivedAt: Date.now() }));
    socket.on('alertUpdated', (notice) => this.seen.push({ notice, receivedAt: Date.now() }));
  }

  /** The admin creates a duty officer of the district, who signs in and watches the district's alerts. */
  static async open(baseUrl: string, adminToken: string): Promise<AlertDesk> {
    const username = `duty-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(18).toString('base64url');
    await requestJson(baseUrl, { method: 'POST', path: '/api/v1/users', bearer: adminToken, body: { username, password, roles: ['duty_officer'], scopes: [DISTRICT_SCOPE] } });
    const session = sessionTokensSchema.parse(await requestJson(baseUrl, { method: 'POST', path: '/api/v1/auth/login', body: { username, password } }));
    const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = io(`${baseUrl}${LIVE_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: session.accessToken },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const desk = new AlertDesk(baseUrl, session.accessToken, socket);
    const watching = await socket.timeout(10_000).emitWithAck('watchAlerts', { scope: DISTRICT_SCOPE });
    if (!('ok' in watching) || watching.ok !== true) throw new Error(`watchAlerts refused: ${JSON.stringify(watching)}`);
    return desk;
  }

  /** When the desk was first shown the report in a live (not closed) alert of `ruleId`, with that notice; undefined if not yet. */
  shown(reportId: string, ruleId: string): Seen | undefined {
    return this.seen.find(({ notice }) => notice.alert.ruleId === ruleId && notice.alert.state !== 'closed' && notice.alert.reportIds.includes(reportId));
  }

  /** Waits up to `withinMs` for the report to be shown; null when it never was. */
  async waitUntilShown(reportId: string, ruleId: string, withinMs: number): Promise<Seen | null> {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const seen = this.shown(reportId, ruleId);
      if (seen) return seen;
      if (Date.now() > deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Acts on an alert as the officer; the HTTP status (200, or 409 when another change got there first). */
  async act(alertId: string, action: 'acknowledge' | 'close'): Promise<number> {
    const response = await fetch(`${this.baseUrl}/api/v1/alerts/${alertId}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(action === 'close' ? { action, note: '已处置 / handled' } : { action }),
      signal: AbortSignal.timeout(10_000),
    });
    const body: unknown = await response.json();
    if (response.status === 200) alertActionResultSchema.parse(body);
    return response.status;
  }

  close(): void {
    this.socket.disconnect();
  }
}

import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentilesOf, type EndToEndRun } from '../src/bench-result';
import type { GridSite } from '../src/grid-sites';
import type { BenchClients } from './credentials';
import { postBody, prepareBodies, startBackgroundFeed, type IngestLedger } from './ingest';
import { connectLive, type LiveSocket } from './live-socket';
import { DISTRICT_SCOPE, reportedToday } from './snapshot-watch';

export interface EndToEndPlan {
  readonly label: string;
  readonly samples: number;
  /** Reports per second posted in the background in batches of 100 while sampling; 0 for an idle server. */
  readonly backgroundRate: number;
  readonly sampleTimeoutMs: number;
}

interface Push {
  readonly at: number;
  readonly reported: number;
}

/** A wall: subscribed to the district over socket.io, remembering when each push arrived and what it counted. */
async function openScreen(baseUrl: string, wallToken: string): Promise<{ socket: LiveSocket; pushes: Push[] }> {
  const pushes: Push[] = [];
  const socket = await connectLive(baseUrl, wallToken, 'subscribe', DISTRICT_SCOPE, (live) =>
    live.on('snapshot', (snapshot) => {
      if (snapshot.scope === DISTRICT_SCOPE) pushes.push({ at: performance.now(), reported: snapshot.totals.reported });
    }),
  );
  return { socket, pushes };
}

/**
 * Posts one report at a time and times, from its 202, how long until (a) GET /api/v1/snapshot and (b) a
 * socket.io push count it. "Count it" means totals.reported reaches every report acknowledged so far,
 * which with background load also waits for reports acknowledged just before: an honest upper bound.
 */
export async function measureEndToEnd(
  baseUrl: string,
  clients: BenchClients,
  ledger: IngestLedger,
  sites: readonly GridSite[],
  plan: EndToEndPlan,
): Promise<EndToEndRun> {
  const { socket, pushes } = await openScreen(baseUrl, clients.wallToken);
  const stopBackground = startBackgroundFeed(clients.ingest, ledger, sites, plan.backgroundRate);
  const bodies = prepareBodies(sites, 1, plan.samples);
  const snapshotMs: number[] = [];
  const pushMs: number[] = [];
  let timeouts = 0;
  try {
    for (const body of bodies) {
      const sentAt = performance.now();
      const posted = await postBody(clients.ingest, ledger, body);
      const acknowledgedAt = performance.now();
      if (!posted.acknowledged) {
        timeouts += 1;
        continue;
      }
      const expected = ledger.distinctAccepted;
      const deadline = acknowledgedAt + plan.sampleTimeoutMs;
      let snapshotSeen: number | null = null;
      let pushSeen: number | null = null;
      while (performance.now() < deadline && (snapshotSeen === null || pushSeen === null)) {
        if (snapshotSeen === null) {
          const reported = await reportedToday(clients.officer);
          if (reported !== null && reported >= expected) snapshotSeen = performance.now() - acknowledgedAt;
        }
        const push = pushes.find((entry) => entry.at >= sentAt && entry.reported >= expected);
        if (pushSeen === null && push) pushSeen = Math.max(0, push.at - acknowledgedAt);
        await sleep(25);
      }
      if (snapshotSeen === null || pushSeen === null) timeouts += 1;
      if (snapshotSeen !== null) snapshotMs.push(snapshotSeen);
      if (pushSeen !== null) pushMs.push(pushSeen);
      pushes.length = 0;
      // Spaced out so each sample meets a fresh push cycle rather than the tail of the previous one.
      await sleep(300);
    }
  } finally {
    await stopBackground();
    socket.close();
  }
  return { label: plan.label, backgroundRate: plan.backgroundRate, samples: bodies.length, timeouts, snapshotMs: percentilesOf(snapshotMs), pushMs: percentilesOf(pushMs) };
}

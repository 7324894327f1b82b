import { alertRoomOf, isSnapshotRoom } from '@grid-command/contracts';
import type { PipelineMetrics } from '../common/telemetry';
import type { LiveNamespace } from './live-namespace';

const ALERT_ROOM_PREFIX = alertRoomOf('');
/** Read from memory, so not cached: a scrape sees the sockets as they are. */
const IN_MEMORY = 0;

/** Sockets and their subscriptions, read from socket.io's own rooms when scraped: nothing is counted on a socket's path. */
export function sampleLiveGauges(metrics: PipelineMetrics, namespace: LiveNamespace): void {
  metrics.liveSockets.sampleFrom(() => namespace.sockets.size, IN_MEMORY);
  metrics.liveSubscriptions.sampleFrom(() => {
    let snapshot = 0;
    let alerts = 0;
    for (const [room, members] of namespace.adapter.rooms) {
      if (isSnapshotRoom(room)) snapshot += members.size;
      else if (room.startsWith(ALERT_ROOM_PREFIX)) alerts += members.size;
    }
    return [
      { labels: { kind: 'snapshot' }, value: snapshot },
      { labels: { kind: 'alerts' }, value: alerts },
    ];
  }, IN_MEMORY);
}

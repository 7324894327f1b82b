import { randomUUID } from 'node:crypto';
import { alertListSchema, reportSchema, type Alert } from '@grid-command/contracts';
import { expect } from '@jest/globals';
import { postReports } from './demo-reports';
import { eventually, type EventuallyOptions } from './eventually';
import { DISTRICT, type ServerAccess } from './wall-session';

/** A 特急 report posted with the source's ingest key, and the alert the server raised for it (read as the admin). */
export async function raiseCriticalAlert(server: ServerAccess, gridCode: string, wait: EventuallyOptions): Promise<Alert> {
  const report = reportSchema.parse({
    id: randomUUID(),
    gridCode,
    category: 'gas_utilities',
    severity: 4,
    source: 'hotline_12345',
    reportedAt: new Date().toISOString(),
    description: '居民反映楼道内有明显燃气味',
  });
  await postReports(server.baseUrl, server.ingestKey, [report]);
  let raised: Alert | undefined;
  await eventually(
    async () => {
      const list = alertListSchema.parse(await server.admin.get(`/api/v1/alerts?scope=${DISTRICT}`));
      raised = list.alerts.find((alert) => alert.reportIds.includes(report.id));
      return raised !== undefined;
    },
    (found) => expect(found).toBe(true),
    wait,
  );
  if (raised === undefined) throw new Error(`no alert for the 特急 report ${report.id}`);
  return raised;
}

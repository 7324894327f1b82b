import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { WORKSPACE_ROOT } from '../../testing/test-server';
import { loadTicketRules } from './ticket-rules-loader';

const POLICY = join(WORKSPACE_ROOT, 'config/sla-policy.json');
const CALENDAR = join(WORKSPACE_ROOT, 'config/work-calendar.json');
const NOW = new Date('2026-11-25T06:00:00Z');

describe('loadTicketRules', () => {
  const directory = mkdtempSync(join(tmpdir(), 'grid-command-rules-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const write = (name: string, content: unknown): string => {
    const path = join(directory, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('loads the shipped policy and calendar, warning that 2027 has no holidays yet', async () => {
    const loaded = await loadTicketRules(POLICY, CALENDAR, 'Asia/Shanghai', NOW);
    expect(loaded.rules.workingTime.isWorkingDay('2026-10-01')).toBe(false);
    expect(loaded.rules.policy.dispatch).toEqual({ minutes: 30, clock: 'calendar' });
    expect(loaded.warnings).toEqual([expect.stringMatching(/lists no holidays for 2027/)]);
  });

  it('names the variable, the file and the field of a bad policy', async () => {
    const policy = JSON.parse(readFileSync(POLICY, 'utf8')) as { resolution: Record<string, { minutes: number }> };
    (policy.resolution['2'] as { minutes: number }).minutes = -5;
    const path = write('policy.json', policy);
    await expect(loadTicketRules(path, CALENDAR, 'Asia/Shanghai', NOW)).rejects.toThrow(`SLA_POLICY_FILE=${path}: resolution.2.minutes`);
  });

  it('refuses a file that is not JSON, overlapping office hours and a calendar in another zone', async () => {
    await expect(loadTicketRules(write('broken.json', '{'), CALENDAR, 'Asia/Shanghai', NOW)).rejects.toThrow(/SLA_POLICY_FILE=.*cannot read it as JSON/);
    const calendar = JSON.parse(readFileSync(CALENDAR, 'utf8')) as Record<string, unknown>;
    const overlapping = write('overlap.json', { ...calendar, workingHours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '17:00' }] });
    await expect(loadTicketRules(POLICY, overlapping, 'Asia/Shanghai', NOW)).rejects.toThrow(/WORK_CALENDAR_FILE=.*workingHours\[1\]\.start: must not be before/);
    await expect(loadTicketRules(POLICY, CALENDAR, 'Asia/Urumqi', NOW)).rejects.toThrow(/differs from APP_TIMEZONE=Asia\/Urumqi/);
  });
});

import { describe, expect, it } from '@jest/globals';
import { snapshotFixture } from '@grid-command/contracts/testing';
import { shouldReplace } from './snapshot-order';

const older = snapshotFixture({ asOf: '2026-11-23T02:30:00.000Z', reported: 10 });
const newer = snapshotFixture({ asOf: '2026-11-23T02:30:01.000Z', reported: 11 });

describe('shouldReplace', () => {
  it('takes the first snapshot of the scope', () => {
    expect(shouldReplace(null, older, 'district:450103')).toBe(true);
  });

  it('takes newer data and a keep-alive with the same time', () => {
    expect(shouldReplace(older, newer, 'district:450103')).toBe(true);
    expect(shouldReplace(newer, newer, 'district:450103')).toBe(true);
  });

  it('refuses data older than what is shown', () => {
    expect(shouldReplace(newer, older, 'district:450103')).toBe(false);
  });

  it('refuses another scope', () => {
    expect(shouldReplace(null, snapshotFixture({ scope: 'street:450103001' }), 'district:450103')).toBe(false);
  });
});

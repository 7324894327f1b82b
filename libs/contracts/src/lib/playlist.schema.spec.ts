import { describe, expect, it } from '@jest/globals';
import { describeIssues } from './zod-issues';
import { playlistSchema } from './playlist.schema';

const tour = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
  version: 1,
  title: { zh: '青秀区轮播', en: 'Qingxiu tour' },
  scope: 'district:450103',
  entries,
  ...extra,
});

describe('playlistSchema', () => {
  it('keeps the entries in order and fills in the critical-alert behaviour', () => {
    const playlist = playlistSchema.parse(
      tour([
        { layout: 'leader-wall', dwellSeconds: 60 },
        { layout: 'leader-wall', scope: 'street:450103001', dwellSeconds: 30 },
      ]),
    );
    expect(playlist.entries.map((entry) => entry.scope ?? null)).toEqual([null, 'street:450103001']);
    expect(playlist.onCritical).toBe('pause');
    expect(playlist.criticalHoldSeconds).toBe(300);
  });

  it.each([
    ['no entries', tour([]), 'entries'],
    ['a dwell under the minimum', tour([{ layout: 'leader-wall', dwellSeconds: 4 }]), 'entries[0].dwellSeconds'],
    ['a dwell over an hour', tour([{ layout: 'leader-wall', dwellSeconds: 3601 }]), 'entries[0].dwellSeconds'],
    ['a fractional dwell', tour([{ layout: 'leader-wall', dwellSeconds: 12.5 }]), 'entries[0].dwellSeconds'],
    ['a layout name with a path in it', tour([{ layout: '../secrets', dwellSeconds: 30 }]), 'entries[0].layout'],
    ['a malformed scope', tour([{ layout: 'leader-wall', scope: 'street:4501', dwellSeconds: 30 }]), 'entries[0].scope'],
    ['an unknown field', tour([{ layout: 'leader-wall', dwellSeconds: 30, colour: 'red' }]), 'entries[0]'],
    ['a hold under ten seconds', tour([{ layout: 'leader-wall', dwellSeconds: 30 }], { criticalHoldSeconds: 5 }), 'criticalHoldSeconds'],
    ['an unknown critical behaviour', tour([{ layout: 'leader-wall', dwellSeconds: 30 }], { onCritical: 'flash' }), 'onCritical'],
  ])('refuses %s, naming the field', (_case, input, field) => {
    const parsed = playlistSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeIssues(parsed.error).join('\n')).toContain(field);
  });
});

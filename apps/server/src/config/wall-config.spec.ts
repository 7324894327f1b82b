import { describe, expect, it } from '@jest/globals';
import { loadAppConfig } from './app-config';

describe('the walls’ self-healing bounds', () => {
  it('defaults to 512/1024 MB, 64 MB/h, 5 fps and 03:00-05:00', () => {
    expect(loadAppConfig({}).walls).toEqual({ heapLimitMb: 512, heapHardLimitMb: 1024, heapGrowthMbPerHour: 64, minFps: 5, quietHours: { start: '03:00', end: '05:00' } });
  });

  it('reads quiet hours that span midnight', () => {
    expect(loadAppConfig({ WALL_QUIET_HOURS: '23:30-04:15' }).walls.quietHours).toEqual({ start: '23:30', end: '04:15' });
  });

  it.each([
    [{ WALL_QUIET_HOURS: '3-5' }, 'WALL_QUIET_HOURS="3-5": must be HH:MM-HH:MM'],
    [{ WALL_QUIET_HOURS: '24:00-05:00' }, 'WALL_QUIET_HOURS="24:00-05:00": must be HH:MM-HH:MM'],
    [{ WALL_QUIET_HOURS: '04:00-04:00' }, 'must not start and end at the same minute'],
    [{ WALL_MIN_FPS: '-1' }, 'WALL_MIN_FPS="-1"'],
    [{ WALL_HEAP_LIMIT_MB: '600', WALL_HEAP_HARD_LIMIT_MB: '600' }, 'WALL_HEAP_HARD_LIMIT_MB=600: must be above WALL_HEAP_LIMIT_MB (600)'],
  ])('refuses %j naming the variable', (environment, message) => {
    expect(() => loadAppConfig(environment)).toThrow(message);
  });
});

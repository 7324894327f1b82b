import { describe, expect, it } from '@jest/globals';
import { routeOf } from './app-route';

describe('routeOf', () => {
  it('opens the duty console at /console', () => {
    expect(routeOf('/console')).toBe('console');
    expect(routeOf('/console/')).toBe('console');
  });

  it('opens user admin at /admin', () => {
    expect(routeOf('/admin')).toBe('admin');
    expect(routeOf('/admin/')).toBe('admin');
  });

  it('opens the pipeline health at /ops', () => {
    expect(routeOf('/ops')).toBe('ops');
    expect(routeOf('/ops/')).toBe('ops');
  });

  it('opens the wall everywhere else', () => {
    expect(routeOf('/')).toBe('wall');
    expect(routeOf('/consoles')).toBe('wall');
    expect(routeOf('/administrator')).toBe('wall');
    expect(routeOf('/opsx')).toBe('wall');
    expect(routeOf('/anything')).toBe('wall');
  });
});

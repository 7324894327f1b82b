import { DOCUMENT, inject, InjectionToken } from '@angular/core';
import { parseWallParams, type WallParams } from './wall-params';

/** The page address, read once: the wall is opened with its parameters and left running. */
export const WALL_PARAMS = new InjectionToken<WallParams>('WALL_PARAMS', {
  providedIn: 'root',
  factory: () => parseWallParams(inject(DOCUMENT).location.search),
});

import type { Capability } from '../capability';
import { LiveModule } from './live.module';

export { LiveIoAdapter } from './live-io.adapter';

/** Live push to the screens over socket.io. */
export const LIVE: Capability = { live: LiveModule };

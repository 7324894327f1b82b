import type { Capability } from '../capability';
import { ScopesModule } from './scopes.module';

/** Reference scopes, their geometry and current figures over REST. */
export const SCOPES: Capability = { api: ScopesModule };

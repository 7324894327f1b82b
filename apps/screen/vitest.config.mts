import { projectTestConfig } from '../../vitest.shared.mts';

// The specs cover pure logic (layout maths, freshness, formatting, chart options), so no Angular TestBed.
export default projectTestConfig(import.meta.dirname, 'unit');

import { projectTestConfig } from '../../vitest.shared.mts';

export default projectTestConfig(import.meta.dirname, 'e2e');

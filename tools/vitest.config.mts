import { projectTestConfig } from '../vitest.shared.mts';

const config = projectTestConfig(import.meta.dirname, 'unit');
export default { ...config, test: { ...config.test, include: ['**/*.spec.ts'] } };

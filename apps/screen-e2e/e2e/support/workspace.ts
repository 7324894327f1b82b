import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../../');

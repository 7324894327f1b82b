import { SharedArray } from 'k6/data';
import { validateReferenceFile } from '@grid-command/domain';
import { gridSitesOf, wallScopesOf, type GridSite } from '../../src/grid-sites';
import { stringFromEnv } from './env';

/** k6 resolves a relative open() path against the script, i.e. the bundle in load-tests/dist/. */
const REFERENCE = stringFromEnv('REFERENCE', '../../reference/demo-district.json');

function referenceFile(): ReturnType<typeof validateReferenceFile> {
  return validateReferenceFile(JSON.parse(open(REFERENCE)), REFERENCE);
}

/** Parsed and validated once for the whole test, shared read-only by every VU. */
export const gridSites = new SharedArray<GridSite>('grid sites', () => gridSitesOf(referenceFile()));
export const wallScopes = new SharedArray<string>('wall scopes', () => wallScopesOf(referenceFile()));
/** The reference's district: what every credential of a script must cover. */
export const districtScope = wallScopes.find((scope) => scope.startsWith('district:')) ?? 'district:450103';

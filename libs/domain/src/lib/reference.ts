import {
  referenceFileSchema,
  describeIssues,
  SCOPE_CODE_LENGTH,
  type AreaGeometry,
  type ReferenceFile,
  type ScopeDetail,
  type ScopeFeatureCollection,
  type ScopeLevel,
  type ScopeSummary,
} from '@grid-command/contracts';
import { childLevelOf, formatScope, lineageOf, parentOf, parseScope, type Scope } from './scope';

export class ReferenceValidationError extends Error {
  constructor(readonly source: string, readonly problems: readonly string[]) {
    super(`reference data ${source} is invalid:\n  - ${problems.slice(0, 20).join('\n  - ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
    this.name = 'ReferenceValidationError';
  }
}

interface ScopeNode {
  readonly summary: ScopeSummary;
  readonly parentCode: string | null;
  readonly childCodes: string[];
  readonly geometry: AreaGeometry;
  gridCount: number;
  gridWorkers: number;
  readonly population: number | null;
}

/** Checks a parsed reference file: its shape, then that codes, levels and the hierarchy agree. */
export function validateReferenceFile(raw: unknown, source: string): ReferenceFile {
  const parsed = referenceFileSchema.safeParse(raw);
  if (!parsed.success) throw new ReferenceValidationError(source, describeIssues(parsed.error));
  const file = parsed.data;
  const problems: string[] = [];
  const codes = new Set<string>();
  const districts = file.features.filter((feature) => feature.properties.level === 'district');
  if (districts.length !== 1) problems.push(`expected exactly one district feature, found ${districts.length}`);
  const districtCode = districts[0]?.properties.code ?? '';

  file.features.forEach((feature, index) => {
    const { level, code, workers } = feature.properties;
    const where = `features[${index}] (${level} ${code})`;
    if (code.length !== SCOPE_CODE_LENGTH[level]) problems.push(`${where}: a ${level} code has ${SCOPE_CODE_LENGTH[level]} digits`);
    if (codes.has(code)) problems.push(`${where}: duplicate code`);
    codes.add(code);
    if (!code.startsWith(districtCode)) problems.push(`${where}: not inside district ${districtCode}`);
    if (level === 'grid' && workers === undefined) problems.push(`${where}: a grid needs properties.workers`);
    if (level !== 'grid' && workers !== undefined) problems.push(`${where}: only grids have properties.workers`);
  });
  file.features.forEach((feature, index) => {
    const { level, code } = feature.properties;
    if (code.length !== SCOPE_CODE_LENGTH[level]) return;
    const parent = parentOf({ level, code });
    if (parent !== null && !codes.has(parent.code)) problems.push(`features[${index}] (${level} ${code}): its ${parent.level} ${parent.code} is missing`);
  });
  if (problems.length > 0) throw new ReferenceValidationError(source, problems);
  return file;
}

/** Scope lookups over every loaded district: names, parents, children, geometry and grid membership. */
export class ReferenceIndex {
  private readonly nodes = new Map<string, ScopeNode>();
  private readonly districtCodes: string[] = [];

  constructor(files: readonly ReferenceFile[]) {
    for (const file of files) this.add(file);
  }

  private add(file: ReferenceFile): void {
    for (const feature of file.features) {
      const { level, code, name } = feature.properties;
      if (this.nodes.has(code)) throw new ReferenceValidationError('(loaded set)', [`${level} ${code} is defined twice`]);
      const parent = parentOf({ level, code });
      this.nodes.set(code, {
        summary: { scope: formatScope({ level, code }), level, code, name },
        parentCode: parent?.code ?? null,
        childCodes: [],
        geometry: feature.geometry,
        gridCount: level === 'grid' ? 1 : 0,
        gridWorkers: feature.properties.workers ?? 0,
        population: feature.properties.population ?? null,
      });
      if (level === 'district') this.districtCodes.push(code);
    }
    for (const feature of file.features) {
      const node = this.nodes.get(feature.properties.code);
      if (!node || node.parentCode === null) continue;
      this.nodes.get(node.parentCode)?.childCodes.push(node.summary.code);
      if (node.summary.level === 'grid') {
        for (let ancestor = this.nodes.get(node.parentCode); ancestor; ancestor = ancestor.parentCode ? this.nodes.get(ancestor.parentCode) : undefined) {
          ancestor.gridCount += 1;
          ancestor.gridWorkers += node.gridWorkers;
        }
      }
    }
    for (const node of this.nodes.values()) node.childCodes.sort();
  }

  hasGrid(gridCode: string): boolean {
    return this.nodes.get(gridCode)?.summary.level === 'grid';
  }

  districts(): ScopeSummary[] {
    return this.districtCodes.map((code) => this.require(code).summary);
  }

  /** The scope's node, or undefined when the scope is well-formed but not loaded. */
  find(scope: Scope): ScopeSummary | undefined {
    const node = this.nodes.get(scope.code);
    return node?.summary.level === scope.level ? node.summary : undefined;
  }

  detail(scope: Scope): ScopeDetail | undefined {
    const node = this.nodeOf(scope);
    if (!node) return undefined;
    return {
      ...node.summary,
      parent: node.parentCode ? this.require(node.parentCode).summary : null,
      children: this.children(scope),
      gridCount: node.gridCount,
      gridWorkers: node.gridWorkers,
    };
  }

  children(scope: Scope): ScopeSummary[] {
    return (this.nodeOf(scope)?.childCodes ?? []).map((code) => this.require(code).summary);
  }

  /** Registered residents, when the reference data gives them. */
  population(scope: Scope): number | null {
    return this.nodeOf(scope)?.population ?? null;
  }

  gridCount(scope: Scope): number {
    return this.nodeOf(scope)?.gridCount ?? 0;
  }

  /** GeoJSON of the scope's descendants at `level` (its children by default). */
  geometry(scope: Scope, level: ScopeLevel | null = childLevelOf(scope.level)): ScopeFeatureCollection {
    const codes = level === null ? [] : this.descendantsAt(scope, level);
    return {
      type: 'FeatureCollection',
      features: codes.map((code) => {
        const node = this.require(code);
        return {
          type: 'Feature' as const,
          id: node.summary.scope,
          properties: { scope: node.summary.scope, code: node.summary.code, name: node.summary.name },
          geometry: node.geometry,
        };
      }),
    };
  }

  /**
   * Where the scope is as officers say it: the street · community · grid names under the district, or the district's
   * own name for a district; undefined when the scope is not loaded.
   */
  placeName(scope: Scope): string | undefined {
    const node = this.nodeOf(scope);
    if (!node) return undefined;
    const below = lineageOf(scope).filter((ancestor) => ancestor.level !== 'district');
    return below.length > 0 ? below.map((ancestor) => this.require(ancestor.code).summary.name).join(' · ') : node.summary.name;
  }

  parseKnownScope(input: string): ScopeSummary | undefined {
    return this.find(parseScope(input));
  }

  private descendantsAt(scope: Scope, level: ScopeLevel): string[] {
    if (SCOPE_CODE_LENGTH[level] < scope.code.length) return [];
    let frontier = this.nodeOf(scope) ? [scope.code] : [];
    while (frontier.length > 0 && (frontier[0]?.length ?? 0) < SCOPE_CODE_LENGTH[level]) {
      frontier = frontier.flatMap((code) => this.require(code).childCodes);
    }
    return frontier;
  }

  private nodeOf(scope: Scope): ScopeNode | undefined {
    const node = this.nodes.get(scope.code);
    return node?.summary.level === scope.level ? node : undefined;
  }

  private require(code: string): ScopeNode {
    const node = this.nodes.get(code);
    if (!node) throw new Error(`reference index has no scope ${code}`);
    return node;
  }
}

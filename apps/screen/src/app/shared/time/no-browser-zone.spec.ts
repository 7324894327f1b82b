import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const APP = join(__dirname, '../..');
/** The one file that formats times, always with the deployment's zone as a parameter. */
const FORMATTER = 'shared/time/clock-format.ts';

/** Ways to turn an instant into text a person reads, each in the browser's zone unless told otherwise. */
const BROWSER_ZONE_FORMATTING: readonly RegExp[] = [
  /\.toLocale(Time|Date)?String\(/,
  // A formatter given no zone formats in the browser's.
  /\bIntl\.DateTimeFormat\((?![^)]*\btimeZone\b)/,
  /\.(getHours|getMinutes|getSeconds|getDate|getDay|getMonth|getFullYear)\(/,
  /\|\s*date\b/,
  /\bformatDate\(/,
  /\.toTimeString\(|\.toDateString\(/,
];

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|html)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('no page formats a time in the browser zone', () => {
  const files = sources(APP).map((path) => ({ file: relative(APP, path), text: readFileSync(path, 'utf8') }));

  it('finds the screen sources (a wrong path would pass vacuously)', () => {
    expect(files.some(({ file }) => file === FORMATTER)).toBe(true);
    expect(files.length).toBeGreaterThan(50);
  });

  it('formats no date or time without an explicit zone (the helper takes the deployment zone as a parameter)', () => {
    const offenders = files
      .filter(({ file }) => file !== FORMATTER)
      .flatMap(({ file, text }) =>
        text.split('\n').flatMap((line, index) => (BROWSER_ZONE_FORMATTING.some((pattern) => pattern.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('has the helper build every formatter with an explicit zone', () => {
    const helper = files.find(({ file }) => file === FORMATTER)?.text ?? '';
    const constructions = helper.match(/new Intl\.DateTimeFormat\([^)]*\)/g) ?? [];
    expect(constructions.length).toBeGreaterThan(0);
    expect(constructions.filter((call) => !call.includes('timeZone'))).toEqual([]);
  });
});

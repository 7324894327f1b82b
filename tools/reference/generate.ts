import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateReferenceFile } from '@grid-command/domain';
import { generateDemoDistrict } from './demo-district';

/**
 * Writes the demo district to reference/demo-district.json. With --check it only compares, failing
 * when the committed file has drifted from what the generator produces.
 */
const target = resolve(__dirname, '../../reference/demo-district.json');
const generated = generateDemoDistrict();
validateReferenceFile(generated, 'generated demo district');
const text = `${JSON.stringify(generated)}\n`;

if (process.argv.includes('--check')) {
  const committed = readFileSync(target, 'utf8');
  if (committed !== text) {
    console.error('reference/demo-district.json differs from the generator: run `npm run generate:reference` and commit it.');
    process.exit(1);
  }
  console.log('reference/demo-district.json matches the generator');
} else {
  writeFileSync(target, text);
  const count = (level: string): number => generated.features.filter((f) => f.properties.level === level).length;
  console.log(`wrote ${target}: ${count('street')} streets, ${count('community')} communities, ${count('grid')} grids`);
}

// The shared factory's unit tier (files, library aliases, Nx resolver) with jest-preset-angular's transform and
// jsdom environment: Angular code is compiled by Angular's own rules, not SWC's.
const { createCjsPreset } = require('jest-preset-angular/presets');
const { projectJestConfig } = require('../../tools/jest/project-config.cjs');

module.exports = projectJestConfig(__dirname, 'unit', {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
});

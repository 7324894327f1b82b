module.exports = require('./jest/project-config.cjs').projectJestConfig(__dirname, 'unit', { testMatch: ['<rootDir>/**/*.spec.ts'] });

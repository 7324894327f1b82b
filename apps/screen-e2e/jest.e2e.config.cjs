module.exports = require('../../tools/jest/project-config.cjs').projectJestConfig(__dirname, 'e2e');

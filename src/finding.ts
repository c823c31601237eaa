// Kept so that `../finding.js` imports go on working: findings live on the lowest floor, src/core.
export * from './core/finding.js';

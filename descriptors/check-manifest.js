// Validates manifest.yml with Atlassian's own @forge/manifest validate(), as `forge deploy` and `forge lint` do.
// The Forge CLI substitutes ${VAR} environment variables before it validates, so this sets sample values for
// the ones the manifest declares (real values, when set, win). Exits 1 and prints each error on any error.
'use strict';

const path = require('path');
const { validate } = require('@forge/manifest');

const SAMPLES = {
  FORGE_APP_ID: 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
  FERRY_APP_KEY: 'ferry-for-jira',
  FERRY_BASE_URL: 'https://ferry.example.com'
};

async function main() {
  for (const [name, sample] of Object.entries(SAMPLES)) {
    if (!process.env[name]) {
      process.env[name] = sample;
    }
  }
  const manifest = path.join(__dirname, 'manifest.yml');
  const result = await validate(false, manifest);
  const errors = (result.errors || []).filter((error) => error.level !== 'warning');
  const warnings = (result.errors || []).filter((error) => error.level === 'warning');
  for (const problem of [...errors, ...warnings]) {
    const where = problem.line ? `${path.basename(manifest)}:${problem.line}:${problem.column || 0}` : path.basename(manifest);
    console.log(`${problem.level} ${where} ${problem.message}`);
  }
  if (!result.success || errors.length > 0) {
    console.log(`manifest.yml: ${errors.length} error(s)`);
    process.exit(1);
  }
  console.log(`manifest.yml: valid (${warnings.length} warning(s))`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// Validates manifest.yml with Atlassian's own @forge/manifest: validate() as `forge deploy` runs it, then the extra
// manifest passes `forge lint` runs (its manifest linters in @forge/lint: the scopes each product event needs, and the
// deprecated CSP and egress forms). The Forge CLI substitutes ${VAR} environment variables before it validates, so
// this sets sample values for the ones the manifest declares (real values, when set, win).
// Prints each problem; exits 1 on any error.
'use strict';

const path = require('path');
const { validate, ProcessorBuilder, ValidationTypes } = require('@forge/manifest');

const SAMPLES = {
  FORGE_APP_ID: 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000',
  FERRY_APP_KEY: 'ferry-for-jira',
  FERRY_BASE_URL: 'https://ferry.example.com'
};
const LINT_PASSES = [
  ValidationTypes.PRODUCT_TRIGGER,
  ValidationTypes.AGENT_PRODUCT_CONTEXT,
  ValidationTypes.DEPRECATED_CSP_METHOD,
  ValidationTypes.DEPRECATED_EGRESS_PERMISSIONS
];

async function main() {
  for (const [name, sample] of Object.entries(SAMPLES)) {
    if (!process.env[name]) {
      process.env[name] = sample;
    }
  }
  const manifest = path.join(__dirname, 'manifest.yml');
  const results = [['validate', await validate(false, manifest)]];
  for (const pass of LINT_PASSES) {
    results.push([pass, await ProcessorBuilder.instance().withValidation(pass).build().process(manifest)]);
  }
  let errors = 0;
  let warnings = 0;
  for (const [pass, result] of results) {
    for (const problem of result.errors || []) {
      const where = problem.line ? `manifest.yml:${problem.line}:${problem.column || 0}` : 'manifest.yml';
      console.log(`${problem.level} [${pass}] ${where} ${problem.message}`);
      problem.level === 'warning' ? warnings++ : errors++;
    }
    if (!result.success && !(result.errors || []).some((problem) => problem.level !== 'warning')) {
      console.log(`error [${pass}] manifest.yml did not pass, without saying why`);
      errors++;
    }
  }
  if (errors > 0) {
    console.log(`manifest.yml: ${errors} error(s), ${warnings} warning(s)`);
    process.exit(1);
  }
  console.log(`manifest.yml: valid (${warnings} warning(s))`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

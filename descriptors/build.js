// Builds the two Custom UI front ends into ui/dist/{issue,configure}/ (index.html, app.js, the shared stylesheet and
// the glance icon), the folders manifest.yml's resources point at.
'use strict';

const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const ui = path.join(__dirname, 'ui');
const icon = path.join(__dirname, '..', 'app', 'src', 'main', 'resources', 'static', 'ferry-glance.svg');

const UNAVAILABLE = `window.addEventListener('error', function (event) {
  if (!/bridge/i.test(String(event.message))) return;
  var error = document.getElementById('error'), status = document.getElementById('status');
  if (status) status.textContent = '';
  if (error) { error.hidden = false; error.textContent = 'This page works only inside Jira: the Forge bridge is not available.'; }
});`;

async function build(name) {
  const out = path.join(ui, 'dist', name);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ui, 'src', `${name}.js`)],
    outfile: path.join(out, 'app.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    legalComments: 'none',
    // @forge/bridge reaches for Jira's host bridge as it loads; outside Jira that throws before any of our code runs.
    banner: { js: UNAVAILABLE },
    logLevel: 'warning'
  });
  fs.copyFileSync(path.join(ui, 'static', `${name}.html`), path.join(out, 'index.html'));
  fs.copyFileSync(path.join(ui, 'static', 'ferry.css'), path.join(out, 'ferry.css'));
  fs.copyFileSync(icon, path.join(out, 'ferry-glance.svg'));
  console.log(`built ui/dist/${name}`);
}

Promise.all(['issue', 'configure'].map(build)).catch((error) => {
  console.error(error);
  process.exit(1);
});

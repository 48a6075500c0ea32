'use strict';
// Runs `npm ci` in the project root (argv[2]) unless node_modules already holds exactly what
// package-lock.json pins. The marker written after a successful install is the lock file's
// SHA-256, so an unchanged lock costs one hash and no network; a changed lock reinstalls.
// --ignore-scripts: the anvil binary ships inside its platform package (for example
// @foundry-rs/anvil-linux-amd64), so the wrapper package's download fallback must never run.
const { createHash } = require('crypto');
const { execSync } = require('child_process');
const { readFileSync, writeFileSync } = require('fs');
const { join } = require('path');

const root = process.argv[2];
if (!root) {
  throw new Error('usage: node install-node-tools.js <project root holding package-lock.json>');
}
const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
const marker = join(root, 'node_modules', '.chainwire-npm-ci');

let installed = '';
try {
  installed = readFileSync(marker, 'utf8').trim();
} catch (error) {
  if (error.code !== 'ENOENT') {
    throw error;
  }
}
if (installed !== lockHash) {
  execSync('npm ci --ignore-scripts --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(marker, lockHash + '\n');
}

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
  // npm's output is shown only when it fails: its summary ("added 10 packages in 1s") would
  // otherwise land in the output of every first build, even under mvn -q.
  try {
    execSync('npm ci --ignore-scripts --no-audit --no-fund', { cwd: root, stdio: 'pipe' });
  } catch (error) {
    process.stderr.write(`npm ci failed in ${root} (exit status ${error.status}):\n`);
    process.stderr.write(error.stdout || '');
    process.stderr.write(error.stderr || '');
    process.exit(error.status || 1);
  }
  writeFileSync(marker, lockHash + '\n');
}

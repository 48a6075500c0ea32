'use strict';
// Compiles the standard-JSON input read from stdin with the solc npm package at argv[1] and
// writes solc's standard-JSON output to stdout. Imports are read from the folder argv[2] and
// below, never from outside it.
const fs = require('fs');
const path = require('path');
const solc = require(process.argv[1]);
const base = path.resolve(process.argv[2]);

function findImports(unit) {
  const file = path.resolve(base, unit);
  if (!file.startsWith(base + path.sep)) {
    return { error: 'import ' + unit + ' is outside ' + base };
  }
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    return { error: 'cannot read ' + file + ': ' + error.message };
  }
}

process.stdout.write(solc.compile(fs.readFileSync(0, 'utf8'), { import: findImports }));

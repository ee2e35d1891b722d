#!/usr/bin/env node
// Reference runner for EnvDeck's hcl2json differential tests: one node process for a whole batch.
//
//   node hcl2json-batch.js [--modules DIR] [--manifest FILE] [FILE...]
//
// Files come from argv, from a manifest (one path per line, or JSON lines: a JSON string or an
// object {"file": path}), or, when neither is given, from stdin in the same manifest format.
// For each file it prints one JSON line: {"file": path, "json": <parse result>} or
// {"file": path, "error": message}. The filename passed to parse() is the path as given.
// --modules DIR points at the folder holding node_modules/@cdktf/hcl2json (install.sh's DEST).
'use strict';
const fs = require('fs');
const path = require('path');

function usage(msg) {
    process.stderr.write(`hcl2json-batch: ${msg}\n`);
    process.exit(2);
}

const args = process.argv.slice(2);
let modulesDir = null;
let manifest = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
    if (args[i] === '--modules') modulesDir = args[++i];
    else if (args[i] === '--manifest') manifest = args[++i];
    else files.push(args[i]);
}

function parseManifest(text) {
    const out = [];
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line) continue;
        if (line[0] === '"' || line[0] === '{') {
            const v = JSON.parse(line);
            out.push(typeof v === 'string' ? v : v.file);
        } else {
            out.push(line);
        }
    }
    return out;
}

let hcl2json;
try {
    const base = modulesDir ? path.resolve(modulesDir) : __dirname;
    hcl2json = require(require.resolve('@cdktf/hcl2json', { paths: [base, path.join(base, 'node_modules')] }));
} catch (e) {
    usage(`cannot load @cdktf/hcl2json (run install.sh): ${e.message}`);
}

async function main() {
    if (manifest) files.push(...parseManifest(fs.readFileSync(manifest, 'utf8')));
    if (!manifest && files.length === 0) files.push(...parseManifest(fs.readFileSync(0, 'utf8')));
    const out = [];
    for (const file of files) {
        let line;
        try {
            const text = fs.readFileSync(file, 'utf8');
            const json = await hcl2json.parse(file, text);
            line = JSON.stringify({ file, json });
        } catch (e) {
            line = JSON.stringify({ file, error: String(e && e.message ? e.message : e) });
        }
        out.push(line);
        if (out.length >= 256) {
            process.stdout.write(out.join('\n') + '\n');
            out.length = 0;
        }
    }
    if (out.length) process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => usage(String(e && e.stack ? e.stack : e)));

#!/usr/bin/env node
// Parse throughput of HashiCorp's converter (@cdktf/hcl2json, its parse function) on the same
// files as envdeck_bench_hcl, in one node process: reads every file first, warms up once, then
// reports the best of REPETITIONS runs over all files as JSON.
//   node hcl2json-timing.js MODULES_DIR MANIFEST [REPETITIONS]
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
    const [modulesDir, manifest, reps] = process.argv.slice(2);
    if (!modulesDir || !manifest) {
        process.stderr.write('usage: node hcl2json-timing.js MODULES_DIR MANIFEST [REPETITIONS]\n');
        process.exit(2);
    }
    const { parse } = require(path.join(path.resolve(modulesDir), 'node_modules', '@cdktf', 'hcl2json'));
    const files = fs.readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim() !== '')
        .map((name) => [name, fs.readFileSync(name, 'utf8')]);
    const bytes = files.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
    const repetitions = Math.max(1, parseInt(reps || '3', 10));

    await parse(files[0][0], files[0][1]); // loads the WebAssembly module
    let best = Infinity;
    let errors = 0;
    for (let run = 0; run < repetitions; ++run) {
        errors = 0;
        const start = process.hrtime.bigint();
        for (const [name, text] of files) {
            try {
                await parse(name, text);
            } catch (e) {
                ++errors;
            }
        }
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
    }
    process.stdout.write(JSON.stringify({ tool: '@cdktf/hcl2json', files: files.length, bytes,
        seconds: best, mb_per_s: bytes / 1e6 / best, errors }) + '\n');
}
main().catch((e) => { process.stderr.write(`${e.stack || e}\n`); process.exit(1); });

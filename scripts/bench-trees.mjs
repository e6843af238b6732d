// The workspace-scan half of `npm run bench`: generates ../shared/bench trees (small, medium, large) and
// times, in one run and on the same tree, the CLI scan against ../shared/bench/floor.mjs (walk, read and
// parse every manifest with plain parsers, nothing else): wall time, peak memory, and the ratio.
// Budget (SPEC §8): at most 1.5× the floor at medium and large, growing linearly with size.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repo, '../shared/bench');
const work = path.join(repo, '.bench');
const scales = process.argv.slice(2).length ? process.argv.slice(2) : ['small', 'medium', 'large'];
const RUNS = 3;

fs.mkdirSync(work, { recursive: true });
// The floor imports its parsers by name; beside our node_modules it finds the same packages.
fs.copyFileSync(path.join(shared, 'floor.mjs'), path.join(work, 'floor.mjs'));
const reporter = path.join(work, 'peak-rss.mjs');
fs.writeFileSync(reporter, "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\\n`));\n");

function measure(args) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', reporter, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(/PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  return { seconds, rss };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log('Workspace scan against the read-and-parse floor (median of 3 runs, warm cache):');
console.log('scale    components   floor                 scan (text report)            scan --format json');
for (const scale of scales) {
  const tree = path.join(work, scale);
  if (!fs.existsSync(tree)) execFileSync(process.execPath, [path.join(shared, 'gen.mjs'), scale, tree], { stdio: 'ignore' });
  const runs = { floor: [], text: [], json: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.floor.push(measure([path.join(work, 'floor.mjs'), tree]));
    runs.text.push(measure([path.join(repo, 'dist/cli.js'), 'scan', tree]));
    runs.json.push(measure([path.join(repo, 'dist/cli.js'), 'scan', tree, '--format', 'json']));
  }
  const [floor, text, json] = [runs.floor, runs.text, runs.json].map((list) => ({
    seconds: median(list.map((r) => r.seconds)),
    rss: median(list.map((r) => r.rss)),
  }));
  // The scan exits 1 when the target is not met (the synthetic trees never meet it): read its output anyway.
  const report = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', tree, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const components = JSON.parse(report.stdout).components.length;
  const figure = (r) => `${r.seconds.toFixed(2)} s / ${r.rss.toFixed(0)} MB`;
  const ratio = (r) => `${(r.seconds / floor.seconds).toFixed(2)}×`;
  console.log(
    `${scale.padEnd(8)} ${String(components).padStart(10)}   ${figure(floor)}`.padEnd(44) +
      `${figure(text)} ${ratio(text)}`.padEnd(30) +
      `${figure(json)} ${ratio(json)}`,
  );
}

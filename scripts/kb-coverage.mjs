// `npm run kb:coverage -- PATH…`: how much of a scanned project the knowledge base can place — the
// share of declared (direct) components classified as something other than unknown, by ecosystem.
// First-party code counts as placed: the project knows its own packages.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: npm run kb:coverage -- PATH…');
  process.exit(2);
}

const scan = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', ...paths, '--format', 'json'], {
  encoding: 'utf8',
  maxBuffer: 1 << 30,
});
if (scan.status === 2 || !scan.stdout) {
  console.error(scan.stderr.trim());
  process.exit(2);
}
const report = JSON.parse(scan.stdout);
const direct = report.components.filter((c) => c.relation !== 'transitive');
const byEcosystem = new Map();
for (const component of direct) {
  const row = byEcosystem.get(component.ecosystem) ?? { total: 0, placed: 0, unknown: new Map() };
  row.total++;
  if (component.classification === 'unknown') row.unknown.set(component.id, (row.unknown.get(component.id) ?? 0) + 1);
  else row.placed++;
  byEcosystem.set(component.ecosystem, row);
}

const pct = (a, b) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`Knowledge base ${report.tool.knowledgeBase} on ${paths.join(' ')}`);
console.log('ecosystem    declared   placed   coverage');
let total = 0;
let placed = 0;
for (const [ecosystem, row] of [...byEcosystem].sort()) {
  console.log(`${ecosystem.padEnd(12)} ${String(row.total).padStart(8)} ${String(row.placed).padStart(8)}   ${pct(row.placed, row.total).padStart(7)}`);
  total += row.total;
  placed += row.placed;
}
console.log(`${'all'.padEnd(12)} ${String(total).padStart(8)} ${String(placed).padStart(8)}   ${pct(placed, total).padStart(7)}`);
const unknown = [...byEcosystem.values()].flatMap((row) => [...row.unknown]).sort((a, b) => b[1] - a[1]);
if (unknown.length) {
  console.log(`\nUnplaced (${unknown.length} distinct), most declared first:`);
  console.log(unknown.slice(0, Number(process.env.KB_COVERAGE_LIST ?? 40)).map(([id, n]) => `  ${id} ×${n}`).join('\n'));
}

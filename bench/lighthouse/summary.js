// Prints one line for a page and preset: the median of each category score (0-100), of Total
// Blocking Time and Largest Contentful Paint (ms) and of Lighthouse's benchmark index (the machine's
// speed during the run: higher is faster; a loaded machine scores lower) over the given Lighthouse
// JSON reports, then every run's scores, and the audits that cost points in any run so a score below 100 says why.
// Usage: node summary.js <page> <preset> report.json...
'use strict';
const fs = require('fs');
const [page, preset, ...files] = process.argv.slice(2);
const reports = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const score = (r, c) => Math.round(r.categories[c].score * 100);
const audit = (r, id) => r.audits[id].numericValue;

const runs = reports.map((r) => CATEGORIES.map((c) => score(r, c)).join(' ')).join(', ');
console.log(
  [page.padEnd(8), preset.padEnd(8)]
    .concat(CATEGORIES.map((c) => String(median(reports.map((r) => score(r, c)))).padStart(5)))
    .concat(['total-blocking-time', 'largest-contentful-paint'].map((id) =>
      String(Math.round(median(reports.map((r) => audit(r, id))))).padStart(8)))
    .join(' ') + String(Math.round(median(reports.map((r) => r.environment.benchmarkIndex)))).padStart(7) +
    '   ' + runs);

// Audits that lost points in a run whose category scored below 100, with their display value.
const lost = new Map();
for (const r of reports) {
  for (const c of CATEGORIES) {
    if (r.categories[c].score === 1) continue;
    for (const ref of r.categories[c].auditRefs) {
      const a = r.audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) {
        const key = c + ': ' + ref.id;
        lost.set(key, (a.displayValue ? a.displayValue + ' ' : '') + 'score ' + a.score);
      }
    }
  }
}
for (const [k, v] of lost) console.log('           - ' + k + ' (' + v + ')');

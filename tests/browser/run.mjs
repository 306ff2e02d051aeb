// Opens every HTML page styrdok wrote under an output directory in
// Debian's headless Chromium and checks what the law and a printer need:
//   - axe-core with the WCAG 2.0/2.1 A and AA rules: zero violations;
//   - no console errors and no network request (pages are self-contained);
//   - at 320 px width no horizontal scrolling of the page (wide tables
//     scroll inside their own container);
//   - at 1280 and 390 px no word in a table cell or a heading (h1-h3)
//     broken across lines
//     (a break after a hyphen in a compound excepted), and nothing
//     wider than the screen outside a scroll wrapper;
//   - print to A4 PDF: each bilaga of a packet from a new page, page
//     furniture (Dokument-id and version) on every
//     page of a document, no heading as the last line of a page, and a
//     <thead> on every table with several rows (Chromium repeats it);
// and writes a screenshot of each kind of page under OUTPUT/screenshots/.
//
// usage: node run.mjs OUTPUT-DIR
// Prints one line per problem (rule, element, file) and a summary line.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const out = process.argv[2];
if (!out) {
  console.error('usage: node run.mjs OUTPUT-DIR');
  process.exit(2);
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'screenshots' ? [] : htmlFiles(p);
    return name.endsWith('.html') ? [p] : [];
  }).sort();
}

// The kind of page, for one screenshot each.
function kind(file) {
  const rel = relative(out, file);
  if (rel === 'index.html') return 'index';
  if (rel.startsWith('register/')) return rel.replace(/^register\/|\.html$/g, '');
  if (rel.startsWith('report/')) return 'report';
  return 'document';
}

const problems = [];
let passed = 0;
function fail(file, rule, what) {
  problems.push(`${relative(out, file)}: ${rule}: ${what}`);
}

// Debian's Chromium, never a downloaded browser; playwright gives each
// launch a fresh, empty user data directory of its own.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shots = join(out, 'screenshots');
mkdirSync(shots, { recursive: true });
const shotTaken = new Set();

for (const file of htmlFiles(out)) {
  const before = problems.length;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') fail(file, 'console-error', m.text()); });
  page.on('pageerror', (e) => fail(file, 'page-error', e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) fail(file, 'network', r.url());
  });
  await page.goto('file://' + file);

  // axe-core, WCAG 2.0 and 2.1, levels A and AA.
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  for (const v of result.violations)
    for (const n of v.nodes) fail(file, `axe:${v.id}`, `${n.target.join(' ')} — ${v.help}`);

  // Tables with several rows have a <thead>, which Chromium repeats on every printed page.
  const bare = await page.evaluate(() => [...document.querySelectorAll('table')]
    .filter((t) => t.rows.length > 2 && !t.tHead && t.querySelector('th[scope=col]'))
    .map((t) => (t.caption ? t.caption.textContent : t.id)));
  for (const t of bare) fail(file, 'print-thead', `table without thead: ${t}`);

  // Tables at a desktop and a phone width: every cell and heading at
  // least as wide as its longest word (so no word is broken inside; the
  // browser has no Swedish hyphenation to fall back on), and nothing
  // sticking out of the screen except inside a wrapper that scrolls.
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const bad = await page.evaluate(() => {
      const out = [];
      // Each word of each visible text node in a cell, as a range: a word
      // set on one line has one box; two or more mean it was broken
      // inside.  A hyphen before a letter ends a word ("IT-|enheten").
      for (const cell of document.querySelectorAll('td, th, h1, h2, h3')) {
        const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let t = walk.nextNode(); t; t = walk.nextNode()) {
          // A code (the sheets' registration code) is not a word: it may break.
          if (t.parentElement.closest('.visually-hidden, code')) continue;
          const re = /[^\s-]+(?:-(?=[^\p{L}\s])[^\s-]*)*-?/gu;
          for (let m = re.exec(t.data); m; m = re.exec(t.data)) {
            const r = document.createRange();
            r.setStart(t, m.index);
            r.setEnd(t, m.index + m[0].length);
            const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
            if (lines.size > 1) out.push(`"${m[0]}" broken across ${lines.size} lines in <${cell.tagName.toLowerCase()}>`);
          }
        }
      }
      const scrolls = (e) => {
        for (let a = e.parentElement; a; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX;
          if (o === 'auto' || o === 'scroll') return true;
        }
        return false;
      };
      for (const e of document.querySelectorAll('body *')) {
        const r = e.getBoundingClientRect();
        if (r.width && r.right > window.innerWidth + 1 && !scrolls(e) && !e.closest('.skip, .visually-hidden'))
          out.push(`<${e.tagName.toLowerCase()}> ends ${Math.round(r.right - window.innerWidth)}px past the screen`);
      }
      return [...new Set(out)].slice(0, 5);
    });
    for (const b of bad) fail(file, `tables-${width}`, b);
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const k = kind(file);
  if (!shotTaken.has(k)) {
    await page.screenshot({ path: join(shots, `${k}.png`), fullPage: false });
    shotTaken.add(k);
  }

  // 320 CSS pixels wide (WCAG 1.4.10): the page itself must not scroll sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (wide > 1) fail(file, 'reflow-320', `page is ${wide}px wider than a 320px screen`);
  if (!shotTaken.has(k + '-320')) {
    await page.screenshot({ path: join(shots, `${k}-320px.png`), fullPage: false });
    shotTaken.add(k + '-320');
  }

  // Print: A4 through the page's own @page rules.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  // Each heading as a printed line: "1.2 Titel" (number and title).
  const headings = await page.evaluate(() => [...document.querySelectorAll('h2, h3, h4, h5')]
    .map((h) => {
      const num = h.querySelector('.num')?.textContent.trim() || '';
      const all = h.textContent.replace(/\s+/g, ' ').trim();
      const title = all.slice(all.indexOf(num) + num.length).trim();
      return num ? `${num} ${title}` : title;
    }));
  const furniture = await page.evaluate(() => ({
    id: document.querySelector('meta[name="styrdok:sha256"]')?.content?.slice(0, 12),
    version: document.querySelector('meta[name="styrdok:version"]')?.content,
  }));
  const pdf = join(mkdtempSync(join(tmpdir(), 'styrdok-pdf-')), 'page.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  // Signing sheets: exactly one printed page per person.
  const sheets = await page.evaluate(() => document.querySelectorAll('section.sheet').length);
  if (sheets > 0 && sheets !== pages)
    fail(file, 'print-one-page-per-person', `${sheets} people but ${pages} pages`);
  if (!/Page size:.*\(A4\)/.test(info)) fail(file, 'print-a4', 'pages are not A4');
  // Each bilaga of a packet starts a printed page: its heading first.
  const bilagor = await page.evaluate(() => [...document.querySelectorAll('section.bilaga')]
    .map((b) => b.querySelector('h2')?.textContent.replace(/\s+/g, ' ').trim()).filter(Boolean));
  const tops = [];
  for (let n = 1; n <= pages; n++) {
    const text = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'])
      .toString();
    const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    tops.push(lines[0] || '');
    // A document's pages say "Dokument-id"; a signing sheet, which staff
    // sign, gives the same short hash as its Kontrollsumma.
    const want = sheets > 0 ? furniture.id : `Dokument-id ${furniture.id}`;
    if (furniture.id && !(text.includes(want) && text.includes(furniture.version)))
      fail(file, 'print-furniture', `page ${n} lacks the Dokument-id and version`);
    if (!/Sida \d+ \(\d+\)/.test(text)) fail(file, 'print-page-number', `page ${n} has no "Sida x (y)"`);
    // The last line of body text, above the page number, must not be a heading.
    const body = lines.filter((l) => !/^Sida \d+ \(\d+\)$/.test(l));
    const isHeading = (l) => headings.includes(l);
    const last = body[body.length - 1] || '';
    // A run of headings is the table of contents, not an orphan.
    if (n < pages && isHeading(last) && !isHeading(body[body.length - 2] || ''))
      fail(file, 'print-orphan-heading', `page ${n} ends with the heading "${last}"`);
  }
  for (const b of bilagor)
    if (!tops.some((t) => t && b.startsWith(t.replace(/ Sida \d+ \(\d+\)$/, ''))))
      fail(file, 'print-bilaga-page', `"${b}" does not start a printed page`);
  await context.close();
  if (problems.length === before) passed++;
}
await browser.close();

for (const p of problems) console.log(p);
console.log(`browser: ${passed} passed, ${htmlFiles(out).length - passed} failed`);
process.exit(problems.length ? 1 : 0);

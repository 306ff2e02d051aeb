// The live preview (styrdok serve) in Debian's headless Chromium, as the
// IT chief uses it while drafting: a document is open in the browser, a
// source is saved, and
//   - the page reloads by itself and shows the new text within 2 s;
//   - a broken source puts the problem page in its place within 2 s,
//     listing the error, and that page passes axe-core (WCAG 2.0/2.1 A
//     and AA);
//   - the fixed source brings the document back within 2 s, scrolled to
//     where it was being read;
// with no console error (the Content-Security-Policy allows only the
// reload script) and no request to anywhere but the preview.  Writes
// screenshots of the page and the problem page under OUTPUT/screenshots/.
//
// usage: node serve.mjs STYRDOK PROJECT-DIR OUTPUT-DIR
// Prints one line per problem and a summary line.

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [styrdok, project, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node serve.mjs STYRDOK PROJECT-DIR OUTPUT-DIR');
  process.exit(2);
}
const policy = 'informationssakerhetspolicy';
const source = join(project, 'policies/documents', policy + '.xml');
const original = readFileSync(source, 'utf8');
const problems = [];
let passed = 0;
function check(ok, what) {
  if (ok) passed++;
  else problems.push(what);
  return ok;
}

// The server, on any free port; its first line with the address.
const server = spawn(styrdok, ['-C', project, 'serve', '--port', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
let said = '';
const origin = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('serve printed no address')), 30000);
  server.stdout.on('data', (chunk) => {
    said += chunk;
    const m = / at (http:\/\/127\.0\.0\.1:\d+)\//.exec(said);
    if (m) { clearTimeout(timer); resolve(m[1]); }
  });
  server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${said}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console-error: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`page-error: ${e.message}`));
page.on('request', (r) => {
  if (!r.url().startsWith(origin + '/')) problems.push(`network: ${r.url()}`);
});
const listening = page.waitForRequest((r) => r.url().includes('/_styrdok/events'));
await page.goto(`${origin}/${policy}/2.0/${policy}.html`);
await listening;
check(await page.locator('h1').first().innerText() === 'Informationssäkerhetspolicy',
  'the policy is shown');
const shots = join(out, 'screenshots');
mkdirSync(shots, { recursive: true });

// axe-core in the page, through the DevTools protocol: the page's own
// Content-Security-Policy would refuse it as a script tag.
async function axe(what) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  for (const v of result.violations)
    for (const n of v.nodes) problems.push(`${what}: axe:${v.id}: ${n.target.join(' ')} — ${v.help}`);
  check(result.violations.length === 0, `${what} passes axe`);
}

// Waits up to 2 s for the page to show what test finds; the time taken.
async function within2s(what, test, arg) {
  const t0 = Date.now();
  try {
    await page.waitForFunction(test, arg, { timeout: 2000, polling: 50 });
  } catch (e) {
    check(false, `${what} within 2 s (${e.message.split('\n')[0]})`);
    return -1;
  }
  const ms = Date.now() - t0;
  check(true, what);
  console.log(`ok - ${what}: ${ms} ms after the save`);
  return ms;
}

// 1. An edit: the page reloads with the new text.
const text = 'Denna mening skrevs medan förhandsvisningen var öppen.';
writeFileSync(source, original.replace(/<prose>/, `<prose>\n${text}\n`));
await within2s('the page reloads with the new text',
  (t) => document.body && document.body.innerText.includes(t), text);
await page.screenshot({ path: join(shots, 'serve-page.png') });
await axe('the served page');

// 2. A broken source: the problem page, from its top, with the error,
// accessible.  The reader was further down the document.
await page.locator('h2').last().scrollIntoViewIfNeeded();
const reading = await page.evaluate(() => scrollY);
writeFileSync(source, original.replace(/<title>/, '<title><fel/>'));
await within2s('the problem page replaces the page',
  () => document.getElementById('styrdok-problem') !== null);
check(await page.evaluate(() => scrollY) === 0, 'the problem page is shown from its top');
const listed = await page.locator('#styrdok-problem li').allInnerTexts();
check(listed.some((r) => r.includes(`policies/documents/${policy}.xml:`) && r.includes('schema')),
  'the problem page lists the error with its file and rule');
await page.screenshot({ path: join(shots, 'serve-problems.png') });
await axe('the problem page');
await page.setViewportSize({ width: 320, height: 640 });
const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
check(wide <= 1, `the problem page fits 320 px (${wide}px too wide)`);
await page.screenshot({ path: join(shots, 'serve-problems-320px.png') });
await page.setViewportSize({ width: 1280, height: 900 });

// 3. Fixed: the document is back, with the text of the last save.
writeFileSync(source, original.replace(/<prose>/, `<prose>\n${text}\n`));
await within2s('the page comes back when the source is fixed',
  (t) => document.getElementById('styrdok-problem') === null &&
    document.body && document.body.innerText.includes(t), text);
await page.waitForLoadState('load');
const back = await page.evaluate(() => scrollY);
check(reading > 0 && Math.abs(back - reading) <= 2,
  `the page comes back where it was read (${back}, was ${reading})`);

await browser.close();
server.kill('SIGINT');
const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
check(code === 0, `serve stops on SIGINT with exit 0 (exit ${code})`);
writeFileSync(source, original);

for (const p of problems) console.log(p);
console.log(`serve-browser: ${passed} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);

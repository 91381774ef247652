// Render Mermaid diagrams with the real mermaid library in headless Chromium.
//
//   node tests/browser/render.mjs JOB.json > RESULT.json
//
// JOB: {"diagrams": [{"name": ..., "text": ...}],
//       "screenshot": {"name": ..., "out": PNG, "compare": PNG or null}}   (optional)
// RESULT: per diagram whether mermaid parsed and drew it (or its error), the
// drawn nodes and subgraphs (id, classes, text, computed fill and stroke) and
// links; for the screenshot, its size and how far it is from the compared
// picture (mean absolute difference of 64x64 grey thumbnails, 0-255).
//
// The browser is Debian's /usr/bin/chromium (CLLINT_CHROMIUM overrides), with
// a fresh profile, no network (every request is aborted) and no sandbox (tests
// run as root in CI).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const job = JSON.parse(readFileSync(process.argv[2], 'utf-8'));
const profile = mkdtempSync(join(tmpdir(), 'cllint-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CLLINT_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
  ],
  viewport: { width: 1600, height: 1200 },
  deviceScaleFactor: 1,
});
try {
  await context.route('**/*', (route) => route.abort());
  const page = context.pages()[0] || (await context.newPage());
  await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><div id="out"></div></body></html>');
  await page.addScriptTag({ path: join(here, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js') });
  await page.evaluate(() => {
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: 'default' });
  });
  const results = [];
  let n = 0;
  for (const diagram of job.diagrams) {
    n += 1;
    results.push(await page.evaluate(async ({ text, id }) => {
      const out = document.getElementById('out');
      out.innerHTML = '';
      const describe = (el) => {
        const shape = el.querySelector(':scope > rect, :scope > polygon, :scope > path, :scope > g > rect, :scope > g > path, :scope > circle');
        const style = shape ? getComputedStyle(shape) : null;
        return {
          id: el.id, classes: el.getAttribute('class') || '', text: el.textContent,
          fill: style ? style.fill : '', stroke: style ? style.stroke : '',
        };
      };
      try {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(id, text);
        out.innerHTML = svg;
        const root = out.querySelector('svg');
        return {
          ok: true,
          svg_length: svg.length,
          nodes: [...root.querySelectorAll('g.node')].map(describe),
          clusters: [...root.querySelectorAll('g.cluster')].map(describe),
          links: [...root.querySelectorAll('path.flowchart-link')].map((p) => ({
            id: p.id, stroke: getComputedStyle(p).stroke,
          })),
          text: root.textContent,
          scripts: root.querySelectorAll('script').length,
          errors: root.querySelectorAll('.error-icon, .error-text').length,
        };
      } catch (error) {
        return { ok: false, error: String(error && error.message ? error.message : error) };
      }
    }, { text: diagram.text, id: `d${n}` }));
    results[results.length - 1].name = diagram.name;
  }
  const result = { results };
  if (job.screenshot) {
    const shot = job.screenshot;
    const diagram = results.find((r) => r.name === shot.name);
    if (!diagram || !diagram.ok) throw new Error(`no diagram ${shot.name} to take a picture of`);
    await page.evaluate(async ({ text }) => {
      const out = document.getElementById('out');
      const { svg } = await window.mermaid.render('shot', text);
      out.innerHTML = svg;
      const root = out.querySelector('svg');
      // A picture for a README: at most 1600 pixels wide, in proportion.
      const box = root.viewBox.baseVal;
      const width = Math.min(box.width, 1600);
      root.style.maxWidth = 'none';
      root.setAttribute('width', width);
      root.setAttribute('height', (box.height * width) / box.width);
    }, { text: job.diagrams.find((d) => d.name === shot.name).text });
    const png = await page.locator('#out svg').screenshot({ type: 'png' });
    writeFileSync(shot.out, png);
    const compare = shot.compare ? readFileSync(shot.compare).toString('base64') : null;
    result.screenshot = await page.evaluate(async ({ a, b }) => {
      const load = (data) => new Promise((resolve, reject) => {
        const img = new Image();
        img.onload = () => resolve(img);
        img.onerror = () => reject(new Error('not a picture'));
        img.src = `data:image/png;base64,${data}`;
      });
      const grey = (img) => {
        const canvas = document.createElement('canvas');
        canvas.width = 64; canvas.height = 64;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 64, 64);
        ctx.drawImage(img, 0, 0, 64, 64);
        const px = ctx.getImageData(0, 0, 64, 64).data;
        const out = [];
        for (let i = 0; i < px.length; i += 4) out.push((px[i] + px[i + 1] + px[i + 2]) / 3);
        return out;
      };
      const mine = await load(a);
      const info = { width: mine.naturalWidth, height: mine.naturalHeight };
      if (b) {
        const theirs = await load(b);
        const x = grey(mine); const y = grey(theirs);
        let sum = 0;
        for (let i = 0; i < x.length; i += 1) sum += Math.abs(x[i] - y[i]);
        Object.assign(info, {
          compare_width: theirs.naturalWidth, compare_height: theirs.naturalHeight,
          difference: sum / x.length,
          ink: x.filter((v) => v < 200).length, compare_ink: y.filter((v) => v < 200).length,
        });
      }
      return info;
    }, { a: png.toString('base64'), b: compare });
  }
  process.stdout.write(JSON.stringify(result));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

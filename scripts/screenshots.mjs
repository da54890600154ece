// Writes the README screenshots (www/screenshots/<lang>-<phone|desktop>.png)
// from the release build in dist/. Needs CJK fonts (Debian: fonts-noto-cjk).
//   node scripts/screenshots.mjs
import { join } from 'node:path';
import { serveDist } from './serve.mjs';
import { launch } from '../tests/e2e/harness.mjs';

const out = join(import.meta.dirname, '..', 'www', 'screenshots');
const server = await serveDist();
const browser = await launch();
for (const lang of ['zh-Hant', 'zh-Hans', 'en']) {
  for (const [name, width] of [['phone', 375], ['desktop', 1100]]) {
    // The first screenful and a half: header, the Kling section and its chart.
    const page = await browser.newPage({ viewport: { width, height: 1400 } });
    await page.goto(`${server.url}index.html?lang=${lang}`);
    await page.waitForSelector('[data-metric="kling_share_2025q3"][data-value]');
    const file = join(out, `${lang}-${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
}
await browser.close();
await server.close();

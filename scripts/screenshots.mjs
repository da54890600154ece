// Writes the README screenshots (www/screenshots/<lang>-<phone|desktop>[-dark].png)
// from the release build in dist/, in the default (compact) layout. Needs CJK
// fonts (Debian: fonts-noto-cjk).
//   node scripts/screenshots.mjs
import { join } from 'node:path';
import { serveDist } from './serve.mjs';
import { launch } from '../tests/e2e/harness.mjs';

const out = join(import.meta.dirname, '..', 'www', 'screenshots');
const server = await serveDist();
const browser = await launch();
const shots = [];
for (const lang of ['zh-Hant', 'zh-Hans', 'en']) {
  shots.push([lang, 'phone', 390, 'light'], [lang, 'desktop', 1100, 'light']);
}
shots.push(['en', 'phone', 390, 'dark'], ['zh-Hant', 'desktop', 1100, 'dark']);
for (const [lang, name, width, colorScheme] of shots) {
  // The first screenful and a half: header, the Kling section's narrative,
  // headline results and chart.
  const page = await browser.newPage({ viewport: { width, height: 1400 }, colorScheme });
  await page.goto(`${server.url}index.html?lang=${lang}`);
  await page.waitForSelector('[data-metric="kling_share_2025q3"][data-value]', { state: 'attached', timeout: 30000 });
  const file = join(out, `${lang}-${name}${colorScheme === 'dark' ? '-dark' : ''}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
  await page.close();
}
await browser.close();
await server.close();

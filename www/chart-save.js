// Chart downloads: a chart as a self-contained SVG file, or as a PNG at twice
// its size drawn from that file through a canvas.
// (The widget's one click handler calls it for every click, so it also moves
// the focus off a reset button that is about to go: see `kcSave`.)
//
// JavaScript, not Rust: through web-sys the canvas, the image and the file's
// parts cost about 3 KB of gzip wasm, this module a few hundred bytes of glue.
// wasm-bindgen imports it (`charts::save`, called by the widget's one click
// handler), and scripts/inline-snippets.mjs writes it into the glue, so the
// site still serves one glue file.
//
// The file is made from the page at the click: the figure's title and legend,
// its <svg> as drawn (the reader's current values), the source line the wasm
// wrote in the buttons' data-src and the widget's edition line. It has no
// script and travels as a data: URL: an <a download> needs no CSP directive
// and the PNG's image only `img-src data:`, which the CSPs of standalone.html
// and embed.html allow; no request, so file:// works too.

/** Starts the download of a chart's SVG or PNG button when `target` (what the
 * reader clicked in the widget) is in one, and keeps the focus of a reset
 * button's click; any other click is left alone. */
export async function kcSave(target) {
  // A reset button goes once it has done its work, so the focus moves first:
  // to the slider of the field it reset (not its text box, which would open
  // a phone's keyboard) or, for "reset all", to the widget's title; a
  // keyboard reader is not sent back to the page's top.
  const r = target.closest('[class^=kc-reset]');
  r && (r.closest('.kc-field') || r.closest('.kc')).querySelector('[type=range],.kc-title')?.focus();
  const button = target.closest('[data-save]');
  if (!button) return;
  const figure = button.closest('[data-chart]');
  const chart = figure.querySelector('svg');
  const edition = figure.closest('.kc').querySelector('[data-edition]');
  const { width: w, height: h } = chart.viewBox.baseVal;
  const width = w + 16;
  let y = 8;
  let file = '';
  // `text` in lines of class `cls` at `x`, no wider than the file by an
  // estimate (a file has no layout engine to ask): as many characters as fit
  // at 0.6 em each, or 1 em in text with CJK, broken after a space when one
  // is near enough (CJK anywhere).
  const lines = (text, x, size, cls) => {
    const n = ((width - 8 - x) / size / (/[\u2e80-\uffff]/.test(text) ? 1 : 0.6)) | 0;
    for (const line of text.match(RegExp(`.{1,${n}}(\\s|$)|.{${n}}`, 'g'))) {
      file += `<text x="${x}" y="${(y += size + 4) - 3}" class="${cls}">${new Option(line).innerHTML}</text>`;
    }
  };
  lines(figure.firstChild.firstChild.data, 8, 13, 't');
  // The legend's entries in the colours of their marks (its keys are the
  // page's CSS, which the file has not).
  for (const li of figure.querySelectorAll('.kc-legend li')) lines(li.textContent, 8, 11, li.className);
  // The chart as drawn, nested at its own size under the legend.
  file += chart.outerHTML.replace('width="100%"', `x="8" y="${y + 4}" width="${w}" height="${h}"`);
  y += h + 8;
  lines(button.parentNode.dataset.src, 8, 11, 'm');
  lines(edition.textContent, 8, 11, 'm');
  // The format is the button text's last word.
  const ext = button.textContent.slice(-3).toLowerCase();
  const save = (href) => {
    Object.assign(document.createElement('a'), {
      href,
      download: `kling-calc-${figure.dataset.chart}-${edition.dataset.edition}.${ext}`,
    }).click();
  };
  // The widget's chart classes in the light theme (the file has no page
  // stylesheet), `t` the title, `m` the muted lines, and a white page. The
  // page's serialization is HTML: its one entity XML lacks, &nbsp;, numeric.
  const url = `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11" width="${width}" height="${y += 8}"><style>text{fill:#1a1a1a}.m,.kc-bar{fill:#555}.t{font-size:13px;font-weight:700}.kc-hi,.kc-key{fill:#0b57a4}.kc-assumed{fill:none;stroke:#555;stroke-width:2;stroke-dasharray:4 3}.kc-hi.kc-assumed{stroke:#0b57a4}.kc-axis,.kc-share{stroke:#1a1a1a}.kc-share{stroke-width:2}.kc-share,.kc-key-share{fill:#1a1a1a}.kc-key-peer{fill:#555}.kc-grid{stroke:#c8c8c8;stroke-dasharray:2 2}rect.kc-mix{stroke:#fff}.kc-mix0,.kc-mix1{fill:#0b57a4}.kc-mix2{fill:#1a1a1a}.kc-mix+text[text-anchor=middle]{fill:#fff}</style><rect width="100%" height="100%" fill="#fff"/>${file.replace(/&nbsp;/g, '&#160;')}</svg>`)}`;
  if (ext == 'svg') return save(url);
  const img = new Image();
  img.src = url;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = y * 2;
  canvas.getContext('2d').drawImage(img, 0, 0, width * 2, y * 2);
  save(canvas.toDataURL());
}

// The editor's kit, dist/builder.html: a live preview mounted through the JS
// API, the choices an embed can carry, and the code for each way to embed.
// It runs from file:// with no network, under the page's hash-only CSP: the
// widget is inline (standalone.html's wasm data block and scripts), and what the downloaded
// standalone.html needs is in the #kit-data block the bundler wrote.
(() => {
  const kit = JSON.parse(document.getElementById("kit-data").textContent);
  const $ = (id) => document.getElementById(id);
  const form = $("kit-form");
  const preview = $("kit-preview");
  const HEX = /^#([0-9a-f]{3}){1,2}$/i;
  const DEFAULTS = { lang: "zh-Hant", layout: "compact", theme: "auto" };

  for (const [key, label] of kit.parts) {
    const l = document.createElement("label");
    const c = document.createElement("input");
    c.type = "checkbox";
    c.name = "section";
    c.value = key;
    l.append(c, label);
    $("kit-parts").append(l);
  }
  // Served over HTTP, the files are next to this page; from disk, say where they go.
  $("kit-base").value = /^https?:$/.test(location.protocol) ? new URL(".", location.href).href : "https://www.example.com/kling/";

  // The preview's handle, and its changed inputs ({ id: number }, as the JS API gives them).
  let handle = null;
  let inputs = {};
  let mounted = "";

  /** Everything the editor has chosen, checked and normalised. */
  const choice = () => {
    const boxes = [...form.querySelectorAll("[name=section]")];
    const on = boxes.filter((c) => c.checked).map((c) => c.value);
    const accent = $("kit-accent").value.trim();
    let base = $("kit-base").value.trim();
    if (base && !base.endsWith("/")) base += "/";
    return {
      lang: $("kit-lang").value,
      // None or all ticked: all, which needs no attribute.
      sections: on.length === boxes.length ? "" : on.join(","),
      layout: $("kit-layout").value,
      theme: $("kit-theme").value,
      // As share-link items (id:number~…), what data-inputs and inputs= take.
      inputs: Object.entries(inputs)
        .map(([k, v]) => k + ":" + String(v).replace("e+", "e"))
        .join("~"),
      accent: HEX.test(accent) ? accent.toLowerCase() : "",
      base,
    };
  };

  /** The options that differ from the widget's defaults, as [name, value] pairs. */
  const options = (c) =>
    ["lang", "sections", "layout", "theme", "inputs"]
      .map((k) => [k, c[k]])
      .filter(([k, v]) => v && v !== DEFAULTS[k]);

  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const element = (name, attrs, accent, content = "") =>
    `<${name}${attrs.map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`)).join("")}` +
    (accent ? ` style="--kc-accent:${accent}"` : "") +
    `>${content}</${name}>`;
  const dataAttrs = (c) => [["data-kling-calc", true], ...options(c).map(([k, v]) => ["data-" + k, v])];
  // Commas, colons and tildes stay readable in the iframe's address.
  const query = (pairs) =>
    pairs.map(([k, v]) => k + "=" + encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":")).join("&");

  /**
   * The iframe's height for each width of its box, as CSS: the widget's height
   * in `embed.html` at each of WIDTHS (`heights`, from `firstFrame`), applied
   * from that width up by container queries on a wrapper, so the iframe has its
   * widget's height from the start and the article does not move when it
   * reports. Heights fall as the width grows, so between two widths the iframe
   * is at most a little taller than its widget (no scroll bar), then shrinks by
   * that when it reports. The rules name the iframe by a hash of the heights.
   * Without heights (no widget to measure) the iframe starts at 600 px.
   */
  const fitted = (heights) => {
    if (!heights) return { attr: "", height: "height: 600px; ", css: "" };
    const id = "k" + fnv(heights.join()).toString(36);
    const sel = `iframe[data-kc-fit="${id}"]`;
    let css = `${sel}{height:${heights[0][1]}px}`;
    for (let i = 1; i < heights.length; i++)
      if (heights[i][1] !== heights[i - 1][1]) css += `\n@container (min-width:${heights[i][0]}px){${sel}{height:${heights[i][1]}px}}`;
    return { attr: ` data-kc-fit="${id}"`, height: "", css };
  };

  /**
   * The three snippets for choice `c`; `frame` is the widget's first frame for
   * it (see `firstFrame`), or "" for none, and `heights` its heights by width,
   * or null. A frame needs its stylesheet from
   * the first paint: a parser-inserted <link> to the stable kling-calc.css,
   * before it (the loader then adds no stylesheet of its own).
   */
  const snippets = (c, frame, heights) => {
    const script =
      (frame ? `<link rel="stylesheet" href="${esc(c.base)}kling-calc.css">\n` : "") +
      `<script src="${esc(c.base)}kling-calc.js" defer><\/script>`;
    const params = options(c);
    if (c.accent) params.push(["accent", c.accent]);
    const src = c.base + "embed.html" + (params.length ? "?" + query(params) : "");
    const fit = fitted(heights);
    const iframe =
      `<iframe data-kling-calc-frame${fit.attr} title="${esc(kit.title[c.lang])}" src="${esc(src)}"` +
      ` style="width: 100%; ${fit.height}border: 0"></iframe>`;
    return {
      script: script + "\n" + element("div", dataAttrs(c), c.accent, frame),
      element: script + "\n" + element("kling-calc", options(c), c.accent, frame),
      iframe:
        (fit.css ? `<div style="container-type: inline-size">\n${iframe}\n</div>\n<style>\n${fit.css}\n</style>` : iframe) +
        `\n<script>\n${kit.parent}<\/script>`,
    };
  };

  // WCAG relative luminance and contrast ratio.
  const luminance = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const fromHex = (h) => {
    h = h.slice(1);
    if (h.length === 3) h = [...h].map((d) => d + d).join("");
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  };
  /** The colour the widget is drawn on: the first opaque background from its root up. */
  const background = () => {
    for (let el = preview.querySelector(".kc") || preview; el; el = el.parentElement) {
      const c = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)?.map(Number);
      if (c && c.length >= 3 && (c[3] ?? 1) > 0) return c;
    }
    return matchMedia("(prefers-color-scheme: dark)").matches ? [0, 0, 0] : [255, 255, 255];
  };

  /** FNV-1a of `text`, 32 bits. */
  const fnv = (text) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  };

  // The iframe widths (px) at which the widget's height is measured: every 10 px
  // through phone widths, every 20 px up to the widget's widest (.kc's 46em).
  const WIDTHS = [];
  for (let w = 280; w <= 500; w += 10) WIDTHS.push(w);
  for (let w = 520; w <= 760; w += 20) WIDTHS.push(w);

  /**
   * The widget's first frame for choice `c` and its heights, from a second
   * widget mounted out of sight (not the preview, which holds the editor's
   * opened disclosures, focus and announcements); resolves to
   * `{ frame, heights }`.
   *
   * The frame is what the bundler's pre-render writes into its own pages: the
   * DOM a fresh widget renders first, with values as attributes, fields
   * read-only and sliders disabled (an entry typed before the widget starts
   * would be lost), marked `data-kc-static` so the widget replaces it when it
   * starts. Element ids get a random prefix, so frames copied at different
   * times can share a page.
   *
   * The heights are `[width, height]` pairs, the height `embed.html`'s page
   * would report at each of WIDTHS: the widget's box with its margins, laid
   * out (hidden, off screen) with the font stack `embed.html` gives it
   * (`data-kc-page`). A few widths are measured per frame, so the editor's
   * page stays responsive.
   */
  let frameMemo = { key: "", made: null };
  const firstFrame = (c) => {
    const key = [c.lang, c.sections, c.layout, c.inputs].join("|");
    if (frameMemo.key !== key)
      frameMemo = {
        key,
        made: new Promise((resolve, reject) => {
          const box = document.createElement("div");
          box.setAttribute("data-kc-page", "");
          box.style.cssText = "position:absolute;left:-10000px;top:0;visibility:hidden;display:flow-root";
          document.body.append(box);
          let h = null;
          let done = false;
          const finish = (made) => {
            if (done) return;
            done = true;
            seen.disconnect();
            clearTimeout(limit);
            h?.destroy();
            box.remove();
            made ? resolve(made) : reject(new Error("the widget did not render"));
          };
          const measure = (frame, heights) => {
            if (done) return;
            for (const w of WIDTHS.slice(heights.length, heights.length + 6)) {
              box.style.width = w + "px";
              heights.push([w, Math.ceil(box.getBoundingClientRect().height)]);
            }
            if (heights.length < WIDTHS.length) requestAnimationFrame(() => measure(frame, heights));
            else finish({ frame, heights });
          };
          const seen = new MutationObserver(() => {
            const root = box.querySelector(":scope > .kc-root");
            if (!root) return;
            seen.disconnect();
            measure(frozen(root), []);
          });
          seen.observe(box, { childList: true });
          const limit = setTimeout(finish, 10000, null);
          const o = { lang: c.lang, layout: c.layout, inputs };
          if (c.sections) o.sections = c.sections;
          h = klingCalc.mount(box, o);
        }),
      };
    return frameMemo.made;
  };
  /** A rendered widget root as its static first frame (what `prerender::finish` does to the bundler's). */
  const frozen = (root) => {
    const copy = root.cloneNode(true);
    const live = root.querySelectorAll("input");
    copy.querySelectorAll("input").forEach((el, i) => {
      el.setAttribute("value", live[i].value);
      el.setAttribute(el.type === "range" ? "disabled" : "readonly", "");
    });
    for (const el of copy.querySelectorAll('[role=slider][tabindex="0"]')) {
      el.removeAttribute("tabindex");
      el.setAttribute("aria-disabled", "true");
    }
    copy.classList.add("kc-static");
    copy.setAttribute("data-kc-static", "");
    const prefix = "kc" + crypto.getRandomValues(new Uint32Array(1))[0].toString(36) + "-";
    return copy.outerHTML.replace(/\bkc\d+-/g, prefix);
  };

  // Bumped by each update, so a first frame that arrives late for older choices is dropped.
  let generation = 0;
  let pause = 0;
  /**
   * Writes the code for choice `c` once its first frame and heights are made
   * (at once if there is no widget to make them). Choices that follow each
   * other within a quarter of a second (an editor typing a figure in the
   * preview) make one frame, for the last of them.
   */
  const writeCode = (c) => {
    const write = (made) => {
      const frame = $("kit-frame").checked && made ? made.frame : "";
      const s = snippets(c, frame, made?.heights ?? null);
      for (const k of ["script", "element", "iframe"]) $("kit-code-" + k).value = s[k];
      $("kit-frame-size").textContent = frame ? `${Math.round(frame.length / 1024)} KB` : "no frame";
    };
    const gen = ++generation;
    clearTimeout(pause);
    if (!window.klingCalc) return write(null);
    pause = setTimeout(() => {
      if (gen !== generation) return;
      firstFrame(c).then(
        (made) => gen === generation && write(made),
        () => {
          // Not remembered: the next change of choice tries again.
          frameMemo = { key: "", made: null };
          if (gen === generation) write(null);
        },
      );
    }, 250);
  };

  /** Applies the choices to the preview (remounting only when the widget must) and rewrites the code. */
  const update = () => {
    const c = choice();
    if (window.klingCalc) {
      const key = [c.lang, c.sections, c.layout].join("|");
      if (!handle || key !== mounted) {
        const o = { lang: c.lang, layout: c.layout, inputs };
        if (c.sections) o.sections = c.sections;
        handle?.destroy();
        handle = klingCalc.mount(preview, o);
        mounted = key;
      }
      preview.dataset.theme = c.theme;
      if (c.accent) preview.style.setProperty("--kc-accent", c.accent);
      else preview.style.removeProperty("--kc-accent");
    }
    const raw = $("kit-accent").value.trim();
    let warning = "";
    if (raw && !c.accent) warning = `“${raw}” is not a colour the widget takes: write #rgb or #rrggbb.`;
    else if (c.accent) {
      const ratio = contrast(fromHex(c.accent), background());
      if (ratio < 4.5)
        warning = `Accent ${c.accent} has a contrast of ${ratio.toFixed(2)}:1 with the widget's background; links and controls need at least 4.5:1. Choose a darker (or, on dark, lighter) colour.`;
    }
    $("kit-contrast").textContent = warning;
    $("kit-inputs").textContent = c.inputs ? c.inputs.split("~").join(", ") : "Published figures";
    writeCode(c);
  };

  // A language chosen with the preview's own switch is the embed's language
  // too: the menu follows, and the preview, already in it, is not remounted.
  new MutationObserver(() => {
    const lang = preview.querySelector(".kc")?.lang;
    const menu = $("kit-lang");
    if (!lang || lang === menu.value || ![...menu.options].some((o) => o.value === lang)) return;
    menu.value = lang;
    mounted = [lang, ...mounted.split("|").slice(1)].join("|");
    update();
  }).observe(preview, { subtree: true, attributes: true, attributeFilter: ["lang"] });

  // An edit in the preview: read the changed inputs back through the JS API.
  preview.addEventListener("kling-calc:change", () => {
    inputs = handle.get().inputs;
    update();
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  $("kit-reset").addEventListener("click", () => {
    inputs = {};
    handle?.destroy();
    handle = null;
    update();
  });

  for (const b of document.querySelectorAll("[data-copy]")) {
    b.addEventListener("click", async () => {
      const area = $(b.dataset.copy);
      const status = $(b.dataset.copy + "-status");
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = "Copied.";
      } catch {
        // No clipboard permission (some file:// pages): select it for the editor to copy.
        area.focus();
        area.select();
        status.textContent = document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
      }
    });
  }

  /** standalone.html with the choices: the mount element's attributes, and the accent as a hashed <style>. */
  const standalone = async (c) => {
    // The page carries the widget's module script and wasm once, running them; the kit's copy of
    // standalone.html has marks where they go.
    const code = document.querySelector("script[type=module]").textContent;
    const wasm = document.getElementById("kc-wasm").text;
    let html = kit.page.replace(kit.mark, () => code).replace(kit.wasm, () => wasm);
    // The page's own lang goes, whatever its place among <html>'s attributes
    // (the minifier orders them); the chosen one comes first.
    html = html.replace(/<html\b[^>]*>/, (tag) =>
      tag.replace(/\slang=("[^"]*"|[^\s>]*)/, "").replace("<html", `<html lang="${c.lang}"`));
    html = html.replace("<div data-kling-calc>", () => element("div", dataAttrs(c)).replace("></div>", ">"));
    // The page carries the first frame of these choices, not the default one
    // (or, if none could be made, the default one it has).
    const made = window.klingCalc ? await firstFrame(c).catch(() => null) : null;
    if (made) {
      const { frame } = made;
      html = html.replace(/<!--kc-fallback-->[\s\S]*?<!--\/kc-fallback-->/, () => `<!--kc-fallback-->${frame}<!--/kc-fallback-->`);
    }
    if (c.accent) {
      const css = `[data-kling-calc]{--kc-accent:${c.accent}}`;
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css)));
      const hash = btoa(String.fromCharCode(...digest));
      html = html.replace("style-src ", () => `style-src 'sha256-${hash}' `).replace("</head>", () => `<style>${css}</style>\n</head>`);
    }
    return html;
  };
  $("kit-download").addEventListener("click", async () => {
    const url = URL.createObjectURL(new Blob([await standalone(choice())], { type: "text/html" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "standalone.html";
    document.body.append(a);
    a.click();
    a.remove();
    // The download has its own copy of the bytes once started.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });

  update();
  if (!window.klingCalc) addEventListener("kling-calc:ready", update, { once: true });
})();

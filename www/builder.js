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

  // The kit's own words in Chinese; English is the page's text (data-t marks
  // each translated element) or the second argument of `say`.
  const ZH = {
    title: ["嵌入產生器 · 快手與可靈計算器", "嵌入生成器 · 快手与可灵计算器"],
    h1: ["嵌入產生器", "嵌入生成器"],
    ui: ["介面語言", "界面语言"],
    intro: [
      "選擇計算器在報道中的樣子,在預覽中設定起始數字,然後複製程式碼或下載單一檔案。這裡的一切都可離線使用;你的選擇不會離開此頁。",
      "选择计算器在报道中的样子,在预览中设定起始数字,然后复制代码或下载单一文件。这里的一切都可离线使用;你的选择不会离开此页。",
    ],
    widget: ["計算器", "计算器"],
    lang: ["語言", "语言"],
    layout: ["版面", "版式"],
    compact: ["精簡:結果在前,輸入欄收在展開區", "精简:结果在前,输入栏收在展开区"],
    full: ["完整:所有輸入欄和結果一次顯示", "完整:所有输入栏和结果一次显示"],
    theme: ["主題", "主题"],
    auto: ["自動:跟隨讀者的淺色或深色設定", "自动:跟随读者的浅色或深色设置"],
    light: ["淺色", "浅色"],
    dark: ["深色", "深色"],
    accent: ["強調色", "强调色"],
    accentHelp: ["#rgb 或 #rrggbb;留空則用計算器自己的。", "#rgb 或 #rrggbb;留空则用计算器自己的。"],
    sections: ["區塊(都不勾選即顯示全部)", "板块(都不勾选即显示全部)"],
    starting: ["起始數字", "起始数字"],
    startingHelp: [
      "在預覽中改動任何數字:嵌入的計算器就從預覽顯示的數字開始。",
      "在预览中改动任何数字:嵌入的计算器就从预览显示的数字开始。",
    ],
    published: ["報道數字", "报道数字"],
    reset: ["從報道數字重新開始", "从报道数字重新开始"],
    where: ["放在哪裡,程式碼帶甚麼", "放在哪里,代码带什么"],
    base: ["計算器檔案的網址(放 kling-calc.js 的資料夾)", "计算器文件的网址(放 kling-calc.js 的文件夹)"],
    frame: ["在程式碼中附上計算器的第一幀", "在代码中附上计算器的第一帧"],
    frameHelp1: [
      "計算器啟動時報道不會移動,沒有 JavaScript 的讀者也能看到數字。它增加 ",
      "计算器启动时报道不会移动,没有 JavaScript 的读者也能看到数字。它增加 ",
    ],
    frameHelp2: [
      " 的標記(經網絡傳輸約為其六分之一)。計算器啟動前,這一幀顯示這些數字:新版本帶來新數字時,請重新複製程式碼。",
      " 的标记(经网络传输约为其六分之一)。计算器启动前,这一帧显示这些数字:新版本带来新数字时,请重新复制代码。",
    ],
    noFrame: ["0 KB", "0 KB"],
    preview: ["預覽", "预览"],
    previewWait: ["計算器載入後即開始預覽。", "计算器加载后即开始预览。"],
    code: ["程式碼", "代码"],
    codeScript: ["腳本和元素(建議)", "脚本和元素(推荐)"],
    codeElement: ["腳本和 <kling-calc> 元素", "脚本和 <kling-calc> 元素"],
    codeIframe: ["iframe,附調整其高度的程式碼", "iframe,附调整其高度的代码"],
    iframeHelp: [
      "它按每個寬度預留計算器的高度(在此量得),所以 iframe 回報自身高度時報道不會移動。",
      "它按每个宽度预留计算器的高度(在此测得),所以 iframe 回报自身高度时报道不会移动。",
    ],
    copy: ["複製", "复制"],
    copied: ["已複製。", "已复制。"],
    selected: ["已選取:按 Ctrl+C(Mac 上按 ⌘C)複製。", "已选取:按 Ctrl+C(Mac 上按 ⌘C)复制。"],
    download: ["按這些選擇下載 standalone.html", "按这些选择下载 standalone.html"],
    badAccent: ["「$1」不是計算器接受的顏色:請寫 #rgb 或 #rrggbb。", "“$1”不是计算器接受的颜色:请写 #rgb 或 #rrggbb。"],
    lowContrast: [
      "強調色 $1 與計算器背景的對比度為 $2:1;連結和控制項至少需要 4.5:1。請選較深(深色主題下較淺)的顏色。",
      "强调色 $1 与计算器背景的对比度为 $2:1;链接和控件至少需要 4.5:1。请选较深(深色主题下较浅)的颜色。",
    ],
  };
  /** The kit's language (its own words, not the widget's), from the browser's first. */
  const preferred = (navigator.languages?.[0] ?? navigator.language ?? "").toLowerCase();
  let ui = !preferred.startsWith("zh") ? "en" : /hant|tw|hk|mo/.test(preferred) ? "zh-Hant" : "zh-Hans";
  /** The words of `key` in the kit's language: `en` in English; $1, $2… filled from `args`. */
  const say = (key, en, ...args) =>
    (ui === "en" ? en : ZH[key][ui === "zh-Hant" ? 0 : 1]).replace(/\$(\d)/g, (_, k) => args[k - 1]);
  const english = new Map();
  const englishTitle = document.title;
  const partLabels = [];

  for (const [key, labels] of kit.parts) {
    const l = document.createElement("label");
    const c = document.createElement("input");
    const text = document.createElement("span");
    c.type = "checkbox";
    c.name = "section";
    c.value = key;
    l.append(c, text);
    partLabels.push([text, labels]);
    $("kit-parts").append(l);
  }

  /** Writes the kit's words in its language (the choices and the preview stay as they are). */
  const localize = () => {
    document.documentElement.lang = ui;
    $("kit-ui").value = ui;
    document.title = say("title", englishTitle);
    for (const el of document.querySelectorAll("[data-t]")) {
      if (!english.has(el)) english.set(el, el.textContent);
      el.textContent = say(el.dataset.t, english.get(el));
    }
    // Each section's title in that language (zh-Hant, zh-Hans, en), then its key.
    for (const [text, labels] of partLabels) text.textContent = labels[["zh-Hant", "zh-Hans", "en"].indexOf(ui)];
  };
  localize();
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
      $("kit-frame-size").textContent = frame ? `${Math.round(frame.length / 1024)} KB` : say("noFrame", "no frame");
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
    if (raw && !c.accent) warning = say("badAccent", "“$1” is not a colour the widget takes: write #rgb or #rrggbb.", raw);
    else if (c.accent) {
      const ratio = contrast(fromHex(c.accent), background());
      if (ratio < 4.5)
        warning = say(
          "lowContrast",
          "Accent $1 has a contrast of $2:1 with the widget's background; links and controls need at least 4.5:1. Choose a darker (or, on dark, lighter) colour.",
          c.accent,
          ratio.toFixed(2),
        );
    }
    $("kit-contrast").textContent = warning;
    $("kit-inputs").textContent = c.inputs ? c.inputs.split("~").join(", ") : say("published", "Published figures");
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
  $("kit-ui").addEventListener("change", (e) => {
    ui = e.target.value;
    localize();
    update();
  });
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
        status.textContent = say("copied", "Copied.");
      } catch {
        // No clipboard permission (some file:// pages): select it for the editor to copy.
        area.focus();
        area.select();
        status.textContent = document.execCommand("copy")
          ? say("copied", "Copied.")
          : say("selected", "Selected: press Ctrl+C (⌘C on a Mac) to copy.");
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

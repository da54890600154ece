// The stable loader, shipped as dist/kling-calc.js (unhashed). The bundler
// (src/bin/standalone/loader.rs) fills in ASSETS with this release's hashed
// file names and their integrity hashes, inserts FAIL (the trilingual
// start-up failure message every page shares), and drops these full-line
// comments and the indentation. An embed is this script plus one element, so
// it survives releases: the hashed files are immutable, only this one changes.
(() => {
  // A page that includes the loader twice gets one module and one definition.
  if (customElements.get("kling-calc")) return;
  const A = ASSETS;
  // Asset names are relative to the loader's own URL, wherever it is served
  // from (a classic script, so currentScript is set while it runs).
  const base = document.currentScript.src;
  const url = (name) => new URL(name, base).href;
  // (An asset is [name, integrity].)
  const link = (rel, [n, i]) => {
    const l = document.createElement("link");
    l.rel = rel;
    l.href = url(n);
    l.integrity = i;
    // ("" is the anonymous state.)
    l.crossOrigin = "";
    document.head.append(l);
  };
  // An embed that carries the widget's first frame links kling-calc.css (the
  // same rules, unhashed) so the frame is styled from its first paint.
  document.querySelector("[href$='kling-calc.css']") || A.css.forEach((c) => link("stylesheet", c));
  // The glue is imported below; the preload carries its integrity hash, and
  // the import reuses that checked fetch.
  link("modulepreload", A.js);
  FAIL;
  // A custom element is inline until styled; zero specificity, so a host's
  // own rule for kling-calc wins. Constructed sheets need no CSP source.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(":where(kling-calc){display:block}");
    document.adoptedStyleSheets.push(sheet);
  } catch {}
  // window.klingCalc once the module has started; what waits for it till then.
  let api;
  const queue = [];
  const run = (go) => (api ? go() : queue.push(go));
  // Lazy mounting as at start-up: an element mounts when it comes within a
  // viewport's height of the screen, unless its load attribute says eager.
  const waiting = new WeakMap();
  // Stops waiting for el; returns what it was waiting to do, if anything.
  const stop = (el, go = waiting.get(el)) => (near.unobserve(el), waiting.delete(el), go);
  const near = new IntersectionObserver(
    (entries) => entries.forEach((e) => e.isIntersecting && run(stop(e.target) || (() => {}))),
    { rootMargin: "100% 0px" },
  );
  const start = (el, load, go) => (load === "eager" ? run(go) : (waiting.set(el, go), near.observe(el)));
  // [data-kling-calc] elements: the module mounts those on the page when it
  // starts; this mounts each added later, once, from its data-* attributes.
  const SEL = "[data-kling-calc]:not(kling-calc)";
  const seen = new WeakSet();
  const added = (el) => {
    if (seen.has(el)) return;
    seen.add(el);
    start(el, el.dataset.load, () => api.mount(el));
  };
  const watch = new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1 && !n.closest(".kc-root"))
          for (const el of [n, ...n.querySelectorAll(SEL)]) if (el.matches(SEL)) added(el);
  });
  watch.observe(document.documentElement, { childList: true, subtree: true });
  const OPTIONS = ["lang", "sections", "layout", "theme", "inputs"];
  customElements.define(
    "kling-calc",
    class extends HTMLElement {
      static observedAttributes = [...OPTIONS, "load"];
      connectedCallback() {
        start(this, this.getAttribute("load"), () => this.mount());
      }
      // Removing the element destroys its widget; adding it again mounts a new one.
      disconnectedCallback() {
        stop(this);
        this.h?.destroy();
        this.h = null;
      }
      // A changed option remounts the widget, keeping the reader's own
      // changes unless the starting inputs are what changed.
      attributeChangedCallback(name, old, value) {
        if (name === "load") {
          // Made eager while waiting to come near the screen: mount now.
          if (value === "eager" && waiting.has(this)) run(stop(this));
          return;
        }
        if (!this.h || old === value) return;
        const keep = name === "inputs" ? undefined : this.h.get().inputs;
        this.h.destroy();
        this.h = null;
        this.mount(keep);
      }
      // Mounts from the attributes, copied to the data-* ones the widget
      // reads (leniently, as a share link is read); `keep` is the reader's
      // inputs to carry over a remount.
      mount(keep) {
        if (!this.isConnected) return;
        for (const a of OPTIONS) {
          const v = this.getAttribute(a);
          v === null ? this.removeAttribute("data-" + a) : this.setAttribute("data-" + a, v);
        }
        if (keep) this.dataset.inputs = Object.entries(keep).map((e) => e.join(":")).join("~");
        this.h = api.mount(this);
      }
    },
  );
  const ready = () => {
    if (api) return;
    api = window.klingCalc;
    // An element mounted through the API (which marks it data-kling-calc)
    // is the host's: never mounted again from its data-* attributes when the
    // observer reports it added.
    const m = api.mount;
    api.mount = (e, o) => (seen.add(e), m(e, o));
    // The module has just mounted (or deferred) every [data-kling-calc] on
    // the page; additions reported from before then are those.
    watch.takeRecords();
    document.querySelectorAll(SEL).forEach((el) => seen.add(el));
    queue.splice(0).forEach((go) => go());
  };
  // init resolving is the usual signal; the event (fired once the start-up
  // widgets are complete, after init) covers a module another script on the
  // page had already started.
  addEventListener("kling-calc:ready", ready);
  import(url(A.js[0]))
    .then((m) => m.default({ module_or_path: fetch(url(A.wasm[0]), { integrity: A.wasm[1] }) }))
    .then(ready, __kc_failed);
})();

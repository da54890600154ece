// Kling calculator: resizes each widget iframe (<iframe data-kling-calc-frame src=".../embed.html">)
// to the height its page reports. Paste into the host page once, after or before the iframes.
// A message is accepted only when it comes from one of those iframes' own windows AND from the
// origin of that iframe's src, and only a finite number is used, clamped to 200–10000 px.
(function () {
  var MIN = 200, MAX = 10000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'kling-calc:height') return;
    if (typeof data.height !== 'number' || !isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-kling-calc-frame]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
      frame.style.height = Math.min(MAX, Math.max(MIN, Math.ceil(data.height))) + 'px';
      return;
    }
  });
})();

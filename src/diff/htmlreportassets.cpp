#include "diff/htmlreportassets.h"

namespace Cloudcraft::Core::HtmlReportAssets {

QLatin1StringView styleSheet()
{
    return QLatin1StringView(R"CSS(
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --text: #1d2330; --muted: #5d6678; --line: #dde1e8;
  --accent: #2f6fed; --bad: #c62828; --bad-bg: #fdecec; --good: #1b7f3b; --good-bg: #e7f6ec;
  --added: #1b7f3b; --removed: #c62828; --changed: #b26a00; --moved: #5b5fc7;
  --check-a: #ffffff; --check-b: #e4e7ec;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14171c; --panel: #1d2128; --text: #e6e9ef; --muted: #9aa3b2; --line: #323843;
    --accent: #7aa5ff; --bad: #ff7b7b; --bad-bg: #3a1f22; --good: #5fd38a; --good-bg: #1c3325;
    --added: #5fd38a; --removed: #ff7b7b; --changed: #f0b25a; --moved: #a9acff;
    --check-a: #2a2f38; --check-b: #232830;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Open Sans", sans-serif; }
main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
h2 { font-size: 17px; margin: 32px 0 12px; }
h3 { font-size: 15px; margin: 20px 0 8px; }
code, .mono { font-family: ui-monospace, "Inconsolata", "DejaVu Sans Mono", monospace; font-size: 13px; }
.label { font-family: ui-monospace, "Inconsolata", monospace; font-weight: 600; word-break: break-all; }
.arrow { color: var(--muted); }
.meta, .note { color: var(--muted); font-size: 13px; margin: 4px 0; }
.verdict { display: inline-block; padding: 2px 12px; border-radius: 999px; font-size: 14px; font-weight: 700; }
.verdict.different { color: var(--bad); background: var(--bad-bg); }
.verdict.same { color: var(--good); background: var(--good-bg); }
.summary { font-size: 16px; margin: 14px 0 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 14px 0 0; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; }
.card dt { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card dd { margin: 2px 0 0; font-size: 20px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card.added dd { color: var(--added); } .card.removed dd { color: var(--removed); }
.card.changed dd { color: var(--changed); } .card.moved dd { color: var(--moved); }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; padding: 14px; }
.canvas { position: relative; width: 100%; overflow: hidden; border-radius: 6px;
  background: repeating-conic-gradient(var(--check-a) 0 25%, var(--check-b) 0 50%) 0 0 / 16px 16px; }
.canvas img, .canvas .layer { position: absolute; display: block; user-select: none; -webkit-user-drag: none; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 14px; }
figure { margin: 0; }
figcaption { font-weight: 600; margin: 0 0 8px; display: flex; justify-content: space-between; gap: 8px; }
figcaption span { color: var(--muted); font-weight: 400; font-size: 13px; }
.swipe { cursor: ew-resize; touch-action: pan-y; outline: none; }
.swipe .before-layer { inset: 0; clip-path: inset(0 calc(100% - var(--pos, 50%)) 0 0); }
.swipe .divider { position: absolute; top: 0; bottom: 0; left: var(--pos, 50%); width: 0; }
.swipe .divider::before { content: ""; position: absolute; top: 0; bottom: 0; left: -1.5px; width: 3px;
  background: var(--accent); box-shadow: 0 0 0 1px rgba(255,255,255,.6); }
.swipe .handle { position: absolute; top: 50%; left: -18px; width: 36px; height: 36px; margin-top: -18px;
  border-radius: 50%; background: var(--accent); color: #fff; display: grid; place-items: center;
  font-size: 16px; box-shadow: 0 2px 6px rgba(0,0,0,.35); }
.swipe .handle:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; }
.swipe .tag { position: absolute; top: 8px; padding: 1px 8px; border-radius: 6px; font-size: 12px;
  background: rgba(0,0,0,.6); color: #fff; pointer-events: none; }
.swipe .tag.before { left: 8px; } .swipe .tag.after { right: 8px; }
.box { position: absolute; border: 2px solid #e53935; border-radius: 2px; cursor: pointer;
  box-shadow: 0 0 0 1px rgba(255,255,255,.7); min-width: 6px; min-height: 6px; }
.box.selected { border-color: var(--accent); box-shadow: 0 0 0 3px rgba(47,111,237,.45); z-index: 2; }
.swipe .box { pointer-events: none; border-style: dashed; opacity: .8; }
table { border-collapse: collapse; width: 100%; background: var(--panel); border: 1px solid var(--line);
  border-radius: 10px; overflow: hidden; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.num, th.num { text-align: right; }
tr.resource td:nth-child(-n+4) { white-space: nowrap; }
tr:last-child td { border-bottom: 0; }
#regions tbody tr { cursor: pointer; }
#regions tbody tr:hover { background: color-mix(in srgb, var(--accent) 8%, transparent); }
#regions tbody tr.selected { background: color-mix(in srgb, var(--accent) 18%, transparent); }
#regions tbody tr:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
.zoom { display: none; margin: 14px 0; }
.zoom.open { display: block; }
.zoom .crops { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; }
.crop { aspect-ratio: 4 / 3; border-radius: 6px; border: 1px solid var(--line); background-repeat: no-repeat;
  background-color: var(--check-b); image-rendering: pixelated; }
.change-added { color: var(--added); } .change-removed { color: var(--removed); }
.change-changed { color: var(--changed); } .change-moved { color: var(--moved); }
ul.attrs { margin: 0; padding-left: 18px; }
del { color: var(--removed); text-decoration: line-through; } ins { color: var(--added); text-decoration: none; }
details { margin: 10px 0; } summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
)CSS");
}

QLatin1StringView script()
{
    return QLatin1StringView(R"JS(
(function () {
  'use strict';
  var swipe = document.getElementById('swipe');
  if (swipe) {
    var handle = swipe.querySelector('.handle');
    var position = 50;
    var layers = swipe.querySelectorAll('img[data-source]');
    for (var i = 0; i < layers.length; ++i) {
      var source = document.getElementById(layers[i].getAttribute('data-source'));
      if (source) layers[i].src = source.src;
    }
    var setPosition = function (value) {
      position = Math.max(0, Math.min(100, value));
      swipe.style.setProperty('--pos', position + '%');
      handle.setAttribute('aria-valuenow', String(Math.round(position)));
      swipe.setAttribute('data-position', String(Math.round(position)));
    };
    var fromPointer = function (event) {
      var rect = swipe.getBoundingClientRect();
      if (rect.width > 0) setPosition((event.clientX - rect.left) / rect.width * 100);
    };
    // One pointer drags at a time: a mouse button, a finger or a pen.
    var dragging = null;
    swipe.addEventListener('pointerdown', function (event) {
      if (event.button !== 0 || dragging !== null) return;
      dragging = event.pointerId;
      try { swipe.setPointerCapture(event.pointerId); } catch (e) { /* the pointer is gone already */ }
      fromPointer(event);
      handle.focus({ preventScroll: true });
      event.preventDefault();
    });
    swipe.addEventListener('pointermove', function (event) {
      if (event.pointerId === dragging) fromPointer(event);
    });
    var release = function (event) { if (event.pointerId === dragging) dragging = null; };
    swipe.addEventListener('pointerup', release);
    swipe.addEventListener('pointercancel', release);
    swipe.addEventListener('lostpointercapture', release);
    handle.addEventListener('keydown', function (event) {
      var step = event.shiftKey ? 10 : 2;
      var keys = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step, PageDown: -25, PageUp: 25 };
      if (event.key in keys) setPosition(position + keys[event.key]);
      else if (event.key === 'Home') setPosition(0);
      else if (event.key === 'End') setPosition(100);
      else return;
      event.preventDefault();
    });
    setPosition(50);
    swipe.setAttribute('data-ready', '1');
  }

  var rows = document.querySelectorAll('#regions tbody tr[data-region]');
  var zoom = document.getElementById('zoom');
  var showCrop = function (crop, image, region) {
    if (!crop || !image) return;
    // Fit the region plus a margin into the crop box, keeping the aspect ratio.
    var canvasW = Number(zoom.getAttribute('data-canvas-width')), canvasH = Number(zoom.getAttribute('data-canvas-height'));
    var imgX = Number(image.getAttribute('data-x') || 0), imgY = Number(image.getAttribute('data-y') || 0);
    var imgW = Number(image.getAttribute('data-width') || canvasW), imgH = Number(image.getAttribute('data-height') || canvasH);
    var margin = Math.max(24, Math.max(region.w, region.h) * 0.25);
    var viewW = region.w + 2 * margin, viewH = region.h + 2 * margin;
    var boxW = crop.clientWidth || 300, boxH = crop.clientHeight || 225;
    var scale = Math.min(boxW / viewW, boxH / viewH);
    var left = region.x - margin - (boxW / scale - viewW) / 2, top = region.y - margin - (boxH / scale - viewH) / 2;
    crop.style.backgroundImage = 'url("' + image.src + '")';
    crop.style.backgroundSize = (imgW * scale) + 'px ' + (imgH * scale) + 'px';
    crop.style.backgroundPosition = ((imgX - left) * scale) + 'px ' + ((imgY - top) * scale) + 'px';
  };
  var select = function (id, scroll) {
    var row = document.querySelector('#regions tr[data-region="' + id + '"]');
    if (!row) return;
    var marked = document.querySelectorAll('.selected');
    for (var i = 0; i < marked.length; ++i) marked[i].classList.remove('selected');
    row.classList.add('selected');
    var boxes = document.querySelectorAll('.box[data-region="' + id + '"]');
    for (var j = 0; j < boxes.length; ++j) boxes[j].classList.add('selected');
    var region = { x: Number(row.getAttribute('data-x')), y: Number(row.getAttribute('data-y')),
                   w: Number(row.getAttribute('data-w')), h: Number(row.getAttribute('data-h')) };
    if (zoom) {
      zoom.classList.add('open');
      zoom.setAttribute('data-selected', id);
      zoom.querySelector('.zoom-title').textContent = row.getAttribute('data-title');
      showCrop(zoom.querySelector('.crop.before'), document.getElementById('img-before'), region);
      showCrop(zoom.querySelector('.crop.after'), document.getElementById('img-after'), region);
      showCrop(zoom.querySelector('.crop.diff'), document.getElementById('img-diff'), region);
      if (scroll) zoom.scrollIntoView({ block: 'nearest' });
    }
  };
  for (var r = 0; r < rows.length; ++r) {
    rows[r].addEventListener('click', function () { select(this.getAttribute('data-region'), true); });
    rows[r].addEventListener('keydown', function (event) {
      if (event.key === 'Enter' || event.key === ' ') { select(this.getAttribute('data-region'), true); event.preventDefault(); }
    });
  }
  var boxes = document.querySelectorAll('.figure-diff .box[data-region]');
  for (var b = 0; b < boxes.length; ++b)
    boxes[b].addEventListener('click', function () { select(this.getAttribute('data-region'), true); });
  var fromHash = function () {
    var match = /^#region-(\d+)$/.exec(window.location.hash);
    if (match) select(match[1], false);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
  var list = document.getElementById('regions');
  if (list) list.setAttribute('data-ready', '1');
  document.documentElement.setAttribute('data-report-ready', '1');
})();
)JS");
}

} // namespace Cloudcraft::Core::HtmlReportAssets

// The chart viewer of the orgc HTML handbook. A chart shrunk to the page's width is unreadable
// (boxes 5 px tall), so it is shown at its natural size in a viewport that pans and zooms, with
// Panzoom (assets/panzoom.min.js, copied from npm beside this file: no network needed). The search
// box brings a role's box into view and marks it. Without JavaScript the chart is still there at
// natural size, in a box that scrolls (orgc.css); the search form stays hidden.
(function () {
  'use strict';
  var view = document.querySelector('.chart-view');
  var svg = view && view.querySelector('svg');
  var form = document.querySelector('form.chart-find');
  if (!svg || !form || typeof window.Panzoom !== 'function') return;

  var input = form.querySelector('input');
  var status = form.querySelector('output');
  var MAX_SCALE = 4;
  var STEP = Math.exp(0.3);
  // On a phone a little smaller than natural: box text stays about 13 px (natural is 16 px).
  var SMALL_SCREEN = 600;
  var SMALL_SCALE = 0.8;

  // The chart's natural size in CSS pixels (Graphviz gives width and height in points).
  var box = svg.getBoundingClientRect();
  var chart = { w: box.width, h: box.height };

  view.classList.add('pannable');
  // Tall enough for the chart, short enough to leave the page scrollable around it on a phone.
  function fitHeight() {
    view.style.height = Math.round(Math.max(240, Math.min(chart.h + 2, window.innerHeight * 0.7))) + 'px';
  }
  fitHeight();

  function size() {
    return { w: view.clientWidth, h: view.clientHeight };
  }
  // The scale at which the whole chart fits the viewport (never above natural size).
  function wholeScale() {
    var v = size();
    return Math.min(1, v.w / chart.w, v.h / chart.h);
  }
  function startScale() {
    return size().w < SMALL_SCREEN ? SMALL_SCALE : 1;
  }

  // Where things are is worked out in the viewport's pixels: the chart drawn at scale s with its
  // top left corner at u. Panzoom draws `scale(s) translate(t)` about the chart's centre c (an outer
  // <svg> is an HTML element to it), which puts that corner at u = s·t + c·(1 − s).
  function toPan(u, s, length) {
    return (u - (length / 2) * (1 - s)) / s;
  }
  function corner() {
    var s = pz.getScale();
    var t = pz.getPan();
    return { x: s * t.x + (chart.w / 2) * (1 - s), y: s * t.y + (chart.h / 2) * (1 - s) };
  }
  // A chart smaller than the viewport is centred; a larger one is kept from leaving a gap at an edge.
  function axis(viewLength, chartLength, s, u) {
    if (s * chartLength <= viewLength) return (viewLength - s * chartLength) / 2;
    return Math.min(0, Math.max(viewLength - s * chartLength, u));
  }
  function place(s, ux, uy) {
    s = Math.min(MAX_SCALE, Math.max(Math.min(wholeScale(), SMALL_SCALE), s));
    var v = size();
    return { scale: s, x: toPan(axis(v.w, chart.w, s, ux), s, chart.w), y: toPan(axis(v.h, chart.h, s, uy), s, chart.h) };
  }
  function show(s, ux, uy) {
    var to = place(s, ux, uy);
    pz.zoom(to.scale, { animate: false, force: true });
    pz.pan(to.x, to.y, { animate: false, force: true });
  }
  // An element's centre in the chart's own pixels, from the SVG's geometry: right even while
  // Panzoom has yet to draw the last move (it does so on the next animation frame).
  function centreOf(el) {
    var b = el.getBBox();
    var m = el.getCTM();
    var p = svg.createSVGPoint();
    p.x = b.x + b.width / 2;
    p.y = b.y + b.height / 2;
    p = p.matrixTransform(m);
    return { x: p.x, y: p.y };
  }
  // The view that puts a chart point in the middle of the viewport at scale s.
  function around(point, s) {
    var v = size();
    return place(s, v.w / 2 - s * point.x, v.h / 2 - s * point.y);
  }
  function centreOn(point, s) {
    var to = around(point, s);
    pz.zoom(to.scale, { animate: false, force: true });
    pz.pan(to.x, to.y, { animate: false, force: true });
  }
  function zoomBy(factor) {
    var s = pz.getScale();
    var u = corner();
    var v = size();
    centreOn({ x: (v.w / 2 - u.x) / s, y: (v.h / 2 - u.y) / s }, s * factor);
  }
  function settle() {
    var u = corner();
    show(pz.getScale(), u.x, u.y);
  }

  // The Graphviz boxes by node id (each box's <title>).
  var boxes = {};
  Array.prototype.forEach.call(svg.querySelectorAll('g.node'), function (g) {
    var title = g.querySelector('title');
    if (title) boxes[title.textContent] = g;
  });

  // Search: by title or role id, any case, any part; `sales-director`, `sales director` and
  // `Sales Director` are the same. Chinese needs no case folding; NFKC makes full-width letters plain.
  function norm(text) {
    return String(text).normalize('NFKC').toLowerCase().replace(/[\s\-_]+/g, ' ').trim();
  }
  var entries = Array.prototype.map.call(document.querySelectorAll('#chart-find-list option'), function (option) {
    return {
      title: option.value,
      node: option.getAttribute('data-node'),
      name: norm(option.value),
      id: norm(option.getAttribute('data-id') || ''),
      text: norm(option.getAttribute('data-text') || ''),
    };
  });
  // First view: the top of the chart, centred on its first box (the head of the org, the first step).
  function first() {
    var head = (entries[0] && boxes[entries[0].node]) || svg.querySelector('g.node');
    var s = startScale();
    return place(s, head ? size().w / 2 - s * centreOf(head).x : 0, 0);
  }
  var initial = first();
  var pz = window.Panzoom(svg, {
    canvas: true,
    cursor: 'grab',
    animate: false,
    maxScale: MAX_SCALE,
    minScale: Math.min(wholeScale(), SMALL_SCALE),
    startScale: initial.scale,
    startX: initial.x,
    startY: initial.y,
  });
  function start() {
    var to = first();
    pz.zoom(to.scale, { animate: false, force: true });
    pz.pan(to.x, to.y, { animate: false, force: true });
  }

  svg.addEventListener('panzoomend', settle);
  // The wheel scrolls the page as everywhere else; with Ctrl (or a trackpad pinch, which browsers
  // report as Ctrl + wheel) it zooms at the pointer.
  view.addEventListener('wheel', function (event) {
    if (!event.ctrlKey && !event.metaKey) return;
    pz.zoomWithWheel(event);
    settle();
  }, { passive: false });
  // From the keyboard: arrows move, + and - zoom, 0 shows the whole chart.
  view.tabIndex = 0;
  view.addEventListener('keydown', function (event) {
    var u = corner();
    var moves = { ArrowLeft: [60, 0], ArrowRight: [-60, 0], ArrowUp: [0, 60], ArrowDown: [0, -60] };
    if (moves[event.key]) show(pz.getScale(), u.x + moves[event.key][0], u.y + moves[event.key][1]);
    else if (event.key === '+' || event.key === '=') zoomBy(STEP);
    else if (event.key === '-') zoomBy(1 / STEP);
    else if (event.key === '0') show(wholeScale(), 0, 0);
    else return;
    event.preventDefault();
  });
  window.addEventListener('resize', function () {
    fitHeight();
    pz.setOptions({ minScale: Math.min(wholeScale(), SMALL_SCALE) });
    settle();
  });

  Array.prototype.forEach.call(form.querySelectorAll('button[data-zoom]'), function (button) {
    button.addEventListener('click', function () {
      var how = button.getAttribute('data-zoom');
      if (how === 'in') zoomBy(STEP);
      else if (how === 'out') zoomBy(1 / STEP);
      else if (how === 'whole') show(wholeScale(), 0, 0);
      else start();
    });
  });

  // The best matches first: the exact title or id, then a title or id that starts with the query,
  // then one that contains it, then any text of the box (a process step names its roles).
  function matches(query) {
    var q = norm(query);
    if (!q) return [];
    var ranks = [[], [], [], []];
    entries.forEach(function (e) {
      if (!boxes[e.node]) return;
      if (e.name === q || e.id === q) ranks[0].push(e);
      else if (e.name.indexOf(q) === 0 || e.id.indexOf(q) === 0) ranks[1].push(e);
      else if (e.name.indexOf(q) >= 0 || e.id.indexOf(q) >= 0) ranks[2].push(e);
      else if (e.text.indexOf(q) >= 0) ranks[3].push(e);
    });
    return ranks[0].concat(ranks[1], ranks[2], ranks[3]);
  }
  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
    });
  }

  var found = [];
  var at = -1;
  var asked = null;
  function mark(g) {
    Array.prototype.forEach.call(svg.querySelectorAll('g.node.found'), function (old) {
      old.classList.remove('found');
    });
    if (g) g.classList.add('found');
  }
  // The same query again moves on to the next match.
  function find() {
    var query = input.value;
    if (query !== asked) {
      asked = query;
      found = matches(query);
      at = -1;
    }
    if (!found.length) {
      mark(null);
      status.className = 'miss';
      status.textContent = norm(query) ? say(form.getAttribute('data-not-found'), { q: query.trim() }) : '';
      return;
    }
    at = (at + 1) % found.length;
    var g = boxes[found[at].node];
    mark(g);
    centreOn(centreOf(g), Math.max(pz.getScale(), startScale()));
    // On a phone the viewport may reach below the screen: bring it, and so the box, into sight.
    view.scrollIntoView({ block: 'nearest' });
    status.className = 'hit';
    status.textContent = say(form.getAttribute('data-found'), { i: String(at + 1), n: String(found.length), title: found[at].title });
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    find();
  });
  // A title picked from the list (not typed) is searched at once.
  input.addEventListener('input', function (event) {
    if (event.inputType && event.inputType !== 'insertReplacementText') return;
    var picked = norm(input.value);
    if (entries.some(function (e) { return e.name === picked; })) find();
  });

  form.hidden = false;
  var help = document.querySelector('.chart-help');
  if (help) help.hidden = false;
})();

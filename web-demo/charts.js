// SVG pictures, drawn from numbers the posfee package worked out. Money
// strings become numbers here only to place points on the screen.
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function niceStep(max, ticks) {
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
}

const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Line chart of fee against amount.
 * series: [{ id, label, color, dash?, points: [[amount, fee]] }]
 * marks: [{ x, y, label }] annotations (the debit cap kink); cursor: amount or null.
 */
export function feeChart(host, { series, marks = [], cursor = null, xLabel, yLabel, cursorLabel }) {
  // The drawing is as wide as its box (within limits), so its text stays readable on a phone.
  const W = Math.round(Math.max(320, Math.min(720, host.clientWidth || 720)));
  const H = Math.round(W < 500 ? W * 0.75 : 360), L = 52, R = 34, T = 16, B = 44;
  const xmax = Math.max(...series.flatMap((s) => s.points.map((p) => p[0])));
  const ymaxRaw = Math.max(...series.flatMap((s) => s.points.map((p) => p[1])));
  const ystep = niceStep(ymaxRaw, 6);
  const ymax = Math.ceil(ymaxRaw / ystep) * ystep;
  const xstep = niceStep(xmax, W < 500 ? 4 : 5);
  const X = (v) => L + (v / xmax) * (W - L - R);
  const Y = (v) => H - B - (v / ymax) * (H - T - B);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'svg-chart', 'aria-hidden': 'true' });
  for (let v = 0; v <= ymax + 1e-9; v += ystep) {
    svg.append(el('line', { x1: L, x2: W - R, y1: Y(v), y2: Y(v), class: 'grid' }));
    svg.append(el('text', { x: L - 6, y: Y(v) + 4, 'text-anchor': 'end', class: 'tick' }, group(Math.round(v))));
  }
  for (let v = 0; v <= xmax + 1e-9; v += xstep) {
    svg.append(el('line', { x1: X(v), x2: X(v), y1: T, y2: H - B, class: 'grid' }));
    svg.append(el('text', { x: X(v), y: H - B + 16, 'text-anchor': 'middle', class: 'tick' }, group(Math.round(v))));
  }
  svg.append(el('text', { x: (L + W - R) / 2, y: H - 6, 'text-anchor': 'middle', class: 'axis-label' }, xLabel));
  svg.append(el('text', { x: 14, y: (T + H - B) / 2, 'text-anchor': 'middle', class: 'axis-label', transform: `rotate(-90 14 ${(T + H - B) / 2})` }, yLabel));
  if (cursor !== null && cursor > 0 && cursor <= xmax) {
    svg.append(el('line', { x1: X(cursor), x2: X(cursor), y1: T, y2: H - B, class: 'cursor' }));
    svg.append(el('text', { x: X(cursor) + 4, y: T + 12, class: 'cursor-label' }, cursorLabel));
  }
  for (const s of series) {
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join('');
    const path = el('path', { d, fill: 'none', stroke: s.color, 'stroke-width': s.width ?? 2.5, class: 'series', 'data-series': s.id });
    if (s.opacity) path.setAttribute('stroke-opacity', s.opacity);
    if (s.dash) path.setAttribute('stroke-dasharray', s.dash);
    svg.append(path);
  }
  for (const m of marks) {
    svg.append(el('circle', { cx: X(m.x), cy: Y(m.y), r: 5, class: 'kink' }));
    svg.append(el('text', { x: X(m.x) + 8, y: Y(m.y) + 18, class: 'kink-label' }, m.label));
  }
  host.replaceChildren(svg);
  // A label running past the right edge is right-aligned to it instead.
  for (const label of svg.querySelectorAll('.kink-label')) {
    const box = label.getBBox();
    if (box.x + box.width > W - 2) {
      label.setAttribute('x', String(W - 2));
      label.setAttribute('text-anchor', 'end');
    }
  }
  const legend = document.createElement('ul');
  legend.className = 'chart-legend';
  for (const s of series) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'line-sw' + (s.dash ? ' dashed' : '');
    sw.style.borderColor = s.color;
    if (s.width) sw.style.borderTopWidth = `${s.width}px`;
    li.append(sw, document.createTextNode(s.label));
    legend.append(li);
  }
  host.append(legend);
}

/**
 * Grouped horizontal bars: for each group, plan A and plan B.
 * groups: [{ label, a, b, aText, bText }]; the last group may be the total.
 */
export function barChart(host, { groups, labelA, labelB }) {
  const W = Math.round(Math.max(320, Math.min(720, host.clientWidth || 720)));
  const rowH = 22, gap = 16, L = W < 500 ? 110 : 150, R = 80;
  const H = groups.length * (2 * rowH + gap) + 34;
  const max = Math.max(1e-9, ...groups.flatMap((g) => [g.a, g.b]));
  const X = (v) => (v / max) * (W - L - R);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'svg-chart', 'aria-hidden': 'true' });
  groups.forEach((g, i) => {
    const y0 = 8 + i * (2 * rowH + gap);
    svg.append(el('text', { x: L - 8, y: y0 + rowH + 4, 'text-anchor': 'end', class: g.total ? 'bar-group total' : 'bar-group' }, g.label));
    svg.append(el('rect', { x: L, y: y0, width: Math.max(1, X(g.a)), height: rowH - 3, class: 'bar bar-a', 'data-plan': 'a', 'data-group': String(i) }));
    svg.append(el('text', { x: L + X(g.a) + 6, y: y0 + rowH - 8, class: 'bar-value' }, g.aText));
    svg.append(el('rect', { x: L, y: y0 + rowH, width: Math.max(1, X(g.b)), height: rowH - 3, class: 'bar bar-b', 'data-plan': 'b', 'data-group': String(i) }));
    svg.append(el('text', { x: L + X(g.b) + 6, y: y0 + 2 * rowH - 8, class: 'bar-value' }, g.bText));
  });
  const ly = H - 12;
  svg.append(el('rect', { x: L, y: ly - 10, width: 12, height: 12, class: 'bar-a' }));
  svg.append(el('text', { x: L + 18, y: ly, class: 'tick' }, labelA));
  const off = W < 500 ? 90 : 160;
  svg.append(el('rect', { x: L + off, y: ly - 10, width: 12, height: 12, class: 'bar-b' }));
  svg.append(el('text', { x: L + off + 18, y: ly, class: 'tick' }, labelB));
  host.replaceChildren(svg);
}

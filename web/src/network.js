// The alliance network: states as nodes (sized by CINC), an edge for each
// pair sharing an alliance in force, blocs (connected groups) coloured.
import cytoscape from 'cytoscape';
import { api, EMBEDDED } from './api.js';
import { $, PALETTE, fmt, status } from './util.js';

let cy;
let years = { first: 1816, last: 2016, data: false };
let pending = 0;

// graph turns a world into cytoscape elements and the bloc of each state.
export function graph(world) {
  const edges = new Map();
  const adj = new Map(world.states.map((s) => [s.ccode, []]));
  for (const a of world.alliances) {
    const m = a.members.filter((c) => adj.has(c));
    for (let i = 0; i < m.length; i++) {
      for (let j = i + 1; j < m.length; j++) {
        const [x, y] = m[i] < m[j] ? [m[i], m[j]] : [m[j], m[i]];
        const key = x + '-' + y;
        if (!edges.has(key)) {
          edges.set(key, { x, y, names: [] });
          adj.get(x).push(y);
          adj.get(y).push(x);
        }
        edges.get(key).names.push(a.name || a.id);
      }
    }
  }
  // Blocs: connected components of two or more states.
  const bloc = new Map();
  let n = 0;
  for (const s of world.states) {
    if (bloc.has(s.ccode) || adj.get(s.ccode).length === 0) continue;
    const stack = [s.ccode];
    bloc.set(s.ccode, n);
    while (stack.length) {
      const c = stack.pop();
      for (const d of adj.get(c)) if (!bloc.has(d)) { bloc.set(d, n); stack.push(d); }
    }
    n++;
  }
  const maxC = Math.max(...world.states.map((s) => s.cinc || 0), 1e-9);
  const nodes = world.states.map((s) => ({
    data: {
      id: String(s.ccode), label: s.abbrev || s.iso3 || String(s.ccode), name: s.name, cinc: s.cinc,
      size: 14 + 46 * Math.sqrt((s.cinc || 0) / maxC),
      color: bloc.has(s.ccode) ? PALETTE[bloc.get(s.ccode) % PALETTE.length] : '#b8bec6',
      allies: adj.get(s.ccode).length,
    },
  }));
  const links = [...edges.values()].map((e) => ({
    data: { id: `e${e.x}-${e.y}`, source: String(e.x), target: String(e.y), names: e.names.join('; '), w: Math.min(e.names.length, 4) },
  }));
  return { nodes, links, blocs: n };
}

function init() {
  cy = cytoscape({
    container: $('network'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'background-color': 'data(color)', width: 'data(size)', height: 'data(size)', label: 'data(label)', 'font-size': 9, color: '#1d2330', 'text-valign': 'center' } },
      { selector: 'edge', style: { width: 'data(w)', 'line-color': '#9aa5b1', opacity: 0.45, 'curve-style': 'haystack' } },
      { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#ffd24d' } },
    ],
  });
  const tip = $('tooltip');
  cy.on('mouseover', 'node', (ev) => {
    const d = ev.target.data();
    ev.target.addClass('hover');
    tip.textContent = `${d.name} (${d.id}): CINC ${fmt(d.cinc, 4)}, allied with ${d.allies} states`;
    tip.hidden = false;
  });
  cy.on('mouseover', 'edge', (ev) => {
    const d = ev.target.data();
    tip.textContent = `${cy.getElementById(d.source).data('name')} – ${cy.getElementById(d.target).data('name')}: ${d.names}`;
    tip.hidden = false;
  });
  cy.on('mousemove', (ev) => {
    const e = ev.originalEvent;
    if (e) { tip.style.left = e.clientX + 12 + 'px'; tip.style.top = e.clientY + 12 + 'px'; }
  });
  // A click opens the state's threats in the same world.
  cy.on('tap', 'node', (ev) => {
    $('threat-year').value = $('node-count').dataset.year || String(EMBEDDED);
    location.hash = 'threats/' + ev.target.id();
  });
  cy.on('mouseout', 'node, edge', (ev) => { ev.target.removeClass('hover'); tip.hidden = true; });
}

// sliderYear maps the slider to an API year: its last step is the
// embedded world (0).
function sliderYear() {
  const v = Number($('year').value);
  return v > years.last ? 0 : v;
}

async function show() {
  const year = sliderYear();
  $('year-label').textContent = year === 0 ? `${EMBEDDED} (embedded)` : String(year);
  const ticket = ++pending;
  let world;
  try {
    world = await api.world(year);
  } catch (e) {
    status(e.message);
    return;
  }
  if (ticket !== pending) return; // a later move of the slider won
  const g = graph(world);
  cy.batch(() => {
    cy.elements().remove();
    cy.add(g.nodes);
    cy.add(g.links);
  });
  cy.layout({ name: 'cose', animate: false, randomize: true, numIter: 600, nodeRepulsion: () => 9000, idealEdgeLength: () => 60, fit: true, padding: 20 }).run();
  const count = $('node-count');
  count.dataset.count = String(g.nodes.length);
  count.dataset.year = String(world.year);
  count.textContent = `${g.nodes.length} states, ${g.links.length} allied pairs, ${g.blocs} blocs in ${world.year}`;
}

export async function setupNetwork() {
  init();
  try {
    years = await api.years();
  } catch (e) {
    status(e.message);
  }
  const slider = $('year');
  if (!years.data) {
    slider.min = String(EMBEDDED);
    slider.max = String(EMBEDDED);
    slider.disabled = true;
    years.last = EMBEDDED - 1;
  } else {
    slider.min = String(years.first);
    slider.max = String(years.last + 1);
  }
  slider.value = slider.max;
  let timer;
  slider.addEventListener('input', () => {
    $('year-label').textContent = Number(slider.value) > years.last ? `${EMBEDDED} (embedded)` : slider.value;
    clearTimeout(timer);
    timer = setTimeout(show, 150);
  });
  // Keyboard steps fire change at every step: wait for the last one too.
  slider.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(show, 150); });
  await show();
}

export function resizeNetwork() {
  if (cy) { cy.resize(); cy.fit(undefined, 20); }
}

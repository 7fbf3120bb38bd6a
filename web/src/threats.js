// Threats a chosen state faces, with their components, and its predicted
// alignment with the conditions that fired and the best partners.
import { Chart, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { api, EMBEDDED } from './api.js';
import { $, fmt, table, status, stateName, fillStates } from './util.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

let chart;
let worldYear = -1;
let world;

async function loadStates(year) {
  if (year === worldYear) return;
  world = await api.world(year === EMBEDDED ? 0 : year);
  worldYear = year;
  const sel = $('threat-state');
  const keep = sel.value;
  fillStates(sel, world);
  if (keep && world.states.some((s) => String(s.ccode) === keep)) sel.value = keep;
}

export async function showThreats(ccode) {
  const year = Number($('threat-year').value) || EMBEDDED;
  try {
    await loadStates(year);
    if (ccode) $('threat-state').value = String(ccode);
    const state = Number($('threat-state').value);
    if (!state) return;
    const api_year = year === EMBEDDED ? 0 : year;
    const [rows, preds] = await Promise.all([api.threat(api_year, state, 10), api.align(api_year, state)]);
    render(state, rows, preds[0]);
  } catch (e) {
    status(e.message);
  }
}

function render(state, rows, p) {
  $('threat-title').textContent = `Threats ${stateName(world, state)} faces in ${world.year}`;
  $('threat-table').dataset.rows = String(rows.length);
  table($('threat-table'), ['from', 'total', 'power', 'proximity', 'offense', 'intent'],
    rows.map((t) => [stateName(world, t.from), { text: fmt(t.total), class: 'num' }, { text: fmt(t.power), class: 'num' },
      { text: fmt(t.proximity), class: 'num' }, { text: fmt(t.offense), class: 'num' }, { text: fmt(t.intent), class: 'num' }]));
  const labels = rows.map((t) => stateName(world, t.from));
  const comp = (k) => rows.map((t) => (t[k] === null ? 0 : t[k]));
  const data = {
    labels,
    datasets: [
      { label: 'power', data: comp('power'), backgroundColor: '#2f6fbd' },
      { label: 'proximity', data: comp('proximity'), backgroundColor: '#2a9d8f' },
      { label: 'offense', data: comp('offense'), backgroundColor: '#e67e22' },
      { label: 'intent', data: comp('intent'), backgroundColor: '#c0392b' },
    ],
  };
  if (chart) { chart.data = data; chart.update(); } else {
    chart = new Chart($('threat-chart'), {
      type: 'bar', data,
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true, title: { display: true, text: 'threat components (each 0..1)' } }, y: { stacked: true } } },
    });
  }
  if (!p) { $('align-choice').textContent = ''; return; }
  const top = p.top_threat ? `${stateName(world, p.top_threat.from)} (total ${fmt(p.top_threat.total)})` : 'nobody';
  $('align-choice').textContent = `Top threat: ${top}. Predicted choice: ${p.choice}.`;
  table($('align-conditions'), ['condition', 'value', 'threshold', 'fired', 'rule'],
    (p.conditions || []).map((c) => [c.name, { text: fmt(c.value), class: 'num' }, c.threshold, c.fired ? 'yes' : 'no', c.rule]));
  table($('align-partners'), ['partner', 'utility', 'capability', 'interests', 'domestic', 'identity', 'shares threat'],
    (p.partners || []).map((q) => [stateName(world, q.ccode), { text: fmt(q.utility), class: 'num' }, { text: fmt(q.capability), class: 'num' },
      { text: fmt(q.interests), class: 'num' }, { text: fmt(q.domestic), class: 'num' }, { text: fmt(q.identity), class: 'num' }, q.shares_threat ? 'yes' : 'no']));
}

export function setupThreats() {
  $('threat-go').addEventListener('click', () => showThreats());
  $('threat-state').addEventListener('change', () => showThreats());
  $('threat-year').addEventListener('change', () => showThreats());
}

// Simulation of a shipped scenario (Monte Carlo): for each state the share
// of runs in which it joins each side of the war or stays out, with the
// reasons the rules gave, and the war's size over the runs.
import { api } from './api.js';
import { $, el, table, num, pct, busy } from './util.js';

let scenarios;

// loadScenarios lists the shipped scenarios from the API's own description
// of /api/simulate, so that the list follows the server.
async function loadScenarios() {
  if (scenarios) return;
  const doc = await api.openapi();
  const p = ((doc.paths['/api/simulate'] || {}).get || {}).parameters || [];
  const sc = p.find((x) => x.name === 'scenario');
  scenarios = (sc && sc.schema && sc.schema.enum) || [];
  const sel = $('sim-scenario');
  sel.replaceChildren(...scenarios.map((s) => el('option', { value: s, text: s })));
}

export async function setupSimulate() {
  $('sim-go').addEventListener('click', () => runSimulation());
  try {
    await loadScenarios();
  } catch (e) {
    $('sim-title').textContent = `The list of scenarios could not be read: ${e.message}`;
  }
}

// side names an outcome of the summary ("side 0", "out", "began", ...).
function side(outcome, sides) {
  const m = /^side (\d+)$/.exec(outcome);
  if (m) return `with ${sides[Number(m[1])] || outcome}`;
  if (outcome === 'out') return 'stayed out';
  return outcome;
}

function reasons(st, sides) {
  const rs = st.reasons || [];
  if (!rs.length) return '–';
  return {
    text: rs.slice(0, 3).map((r) => `${side(r.outcome, sides)} ${(100 * r.share).toFixed(1)}%` + (r.rules && r.rules.length ? `: ${r.rules.join(', ')}` : '')).join('; ') + (rs.length > 3 ? '; …' : ''),
    title: rs.filter((r) => r.example).map((r) => `${side(r.outcome, sides)}: ${r.example}`).join('\n\n'),
  };
}

const week = (w) => (w === null || w === undefined ? 'NA' : Number(w).toFixed(1));

export async function runSimulation() {
  const scenario = $('sim-scenario').value;
  const runs = $('sim-runs').value.trim();
  const seed = $('sim-seed').value.trim();
  const t = $('sim-table');
  t.dataset.running = 'true';
  await busy($('sim-go'), `Running ${scenario}: ${runs || 1000} runs…`, async () => {
    try {
      const r = await api.simulate(scenario, runs || undefined, seed === '' ? undefined : seed);
      render(r);
    } finally {
      delete t.dataset.running;
    }
  });
}

function render(r) {
  const sides = r.sides || [];
  const w = r.war || {};
  $('sim-title').textContent = `${r.scenario}: ${r.runs} runs; sides led by ${sides.join(' and ')}`;
  $('sim-war').textContent = `States at war: mean ${Number(w.mean_size).toFixed(2)}, median ${w.median} (10%–90%: ${w.p10}–${w.p90}); ` +
    `major powers at war: mean ${w.mean_majors === null || w.mean_majors === undefined ? 'NA' : Number(w.mean_majors).toFixed(2)}.`;
  const states = r.states || [];
  const t = $('sim-table');
  t.dataset.rows = String(states.length);
  t.dataset.scenario = r.scenario;
  table(t, ['state', ...sides.map((s) => `with ${s}`), 'stays out', ...sides.map((s) => `week joined ${s}`), 'top threat', 'reasons (hover for an example)'],
    states.map((st) => [`${st.name} (${st.ccode})`, ...sides.map((_, i) => pct((st.side || [])[i])), pct(st.out),
      ...sides.map((_, i) => ({ text: week((st.week || [])[i]), class: 'num' })), st.top_threat || '–', reasons(st, sides)]));
  table($('sim-years'), ['year', 'alliances', 'allied pairs', 'defence pairs', 'at war', 'formed', 'left'],
    (r.years || []).map((y) => [String(y.year), num(y.alliances, 2), num(y.allied_dyads, 2), num(y.defence_dyads, 2), num(y.at_war, 2), num(y.formed, 2), num(y.left, 2)]));
}

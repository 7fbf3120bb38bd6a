// Why alliances end: the Kaplan–Meier survival of alliances (or
// memberships) read at 5, 10, 25 and 50 years, the cumulative incidence of
// ending by violation and by other causes (ATOP), and the Cox model's
// hazard ratios with robust intervals and the proportional-hazards test,
// as /api/survival gives them.
import { Chart, LineController, LineElement, PointElement, LinearScale, Legend, Tooltip } from 'chart.js';
import { api } from './api.js';
import { $, table, num, fmt, status, PALETTE } from './util.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

const charts = {};

// draw shows curves read at their years, each starting at (0, start):
// straight lines join the readings the API gives, not the step function.
function draw(id, curves, start, label) {
  const datasets = curves.map((c, i) => ({
    label: c.label,
    data: [{ x: 0, y: start }, ...c.at.filter((p) => p.value !== null).map((p) => ({ x: p.years, y: p.value }))],
    borderColor: PALETTE[i % PALETTE.length],
    backgroundColor: PALETTE[i % PALETTE.length],
    borderDash: c.dash ? [6, 4] : [],
    fill: false,
  }));
  const data = { datasets };
  if (charts[id]) {
    charts[id].data = data;
    charts[id].update();
  } else {
    charts[id] = new Chart($(id), {
      type: 'line', data,
      options: { responsive: true, maintainAspectRatio: false, animation: false, parsing: true,
        scales: { x: { type: 'linear', min: 0, title: { display: true, text: 'years since formation' } },
          y: { min: 0, max: 1, title: { display: true, text: label } } } },
    });
  }
  $(id).dataset.lines = String(datasets.length);
}

const interval = (lo, hi, digits = 3) => ({ text: lo === null || hi === null || lo === undefined || hi === undefined ? 'NA' : `${fmt(lo, digits)}–${fmt(hi, digits)}`, class: 'num' });

function query() {
  return {
    source: $('sv-source').value,
    level: $('sv-level').value,
    by: $('sv-by').value || undefined,
    covariates: $('sv-covariates').value.replace(/\s+/g, '') || undefined,
    cause: $('sv-cause').value === 'all' ? undefined : $('sv-cause').value,
    ties: $('sv-ties').value === 'efron' ? undefined : $('sv-ties').value,
    formed: $('sv-formed').value.trim() || undefined,
    bilateral: $('sv-bilateral').checked ? 'true' : undefined,
  };
}

// calls numbers the requests: only the latest one renders.
let calls = 0;

export async function showSurvival() {
  const call = ++calls;
  const q = query();
  try {
    const a = await api.survival(q);
    if (call !== calls) return;
    render(a);
    $('sv-km').dataset.query = JSON.stringify(q);
  } catch (e) {
    if (call === calls) status(e.message);
  }
}

function render(a) {
  const c = a.causes || {};
  const cause = a.incidence ? `(violation ${c.violation || 0}, other ${c.other || 0}, cause unknown ${c.unknown || 0}), ` : '';
  $('sv-title').textContent = `${a.source.toUpperCase()} ${a.level} spells: ${a.spells}, ended ${a.ended} ${cause}censored ${c.censored || 0}`;

  const at = a.survival[0].at.map((p) => p.years);
  const km = $('sv-km');
  km.dataset.rows = String(a.survival.length);
  table(km, ['group', 'n', 'ended', 'median', '95% interval', ...at.flatMap((y) => [`S(${y})`, '95% interval'])],
    a.survival.map((g) => [g.group, g.n, g.events, num(g.median, 2), interval(g.median_lower, g.median_upper, 2),
      ...g.at.flatMap((p) => [num(p.value), interval(p.lower, p.upper)])]),
    (i) => (i === 0 ? 'total' : ''));
  draw('sv-km-chart', a.survival.map((g) => ({ label: `${g.group} (n=${g.n})`, at: g.at })), 1, 'share still in force');

  const inc = a.incidence || [];
  $('sv-cif-box').hidden = inc.length === 0;
  const cif = $('sv-cif');
  cif.dataset.rows = String(inc.length);
  table(cif, ['cause', 'ended', ...(inc[0] ? inc[0].at.map((p) => `F(${p.years})`) : [])],
    inc.map((k) => [k.cause, k.events, ...k.at.map((p) => num(p.value))]));
  if (inc.length) draw('sv-cif-chart', inc.map((k) => ({ label: `${k.cause} (${k.events})`, at: k.at, dash: true })), 0, 'share ended by cause');

  const cox = a.cox;
  const t = $('sv-cox');
  $('sv-cox-box').hidden = !cox;
  if (!cox) {
    t.dataset.rows = '0';
    t.replaceChildren();
    $('sv-cox-note').textContent = '';
    return;
  }
  const unit = a.yearly ? 'spell-years' : 'spells';
  $('sv-cox-note').textContent = `Event: ${cox.event} (${cox.ties} ties); ${cox.rows} ${unit} of ${cox.spells} spells, ${cox.events} events` +
    (cox.dropped ? `; ${cox.dropped} rows left out for a missing covariate` : '') +
    `. Log partial likelihood ${fmt(cox.loglik, 4)} (null ${fmt(cox.loglik0, 4)}), LR χ² ${fmt(cox.lr_chisq, 2)}, p ${sig(cox.lr_p)}.`;
  t.dataset.rows = String(cox.coefficients.length);
  const ph = cox.ph_test;
  const global = ph[ph.length - 1];
  table(t, ['covariate', 'coef', 'se', 'robust se', 'hazard ratio', '95% interval (robust)', 'p', 'PH χ²', 'PH p'],
    [...cox.coefficients.map((l, j) => [l.name, num(l.coef, 4), num(l.se, 4), num(l.robust_se, 4), num(l.hazard_ratio), interval(l.lower, l.upper),
      { text: sig(l.p), class: 'num' }, num(ph[j].chisq, 2), { text: sig(ph[j].p), class: ph[j].p < 0.05 ? 'num up' : 'num', title: ph[j].p < 0.05 ? 'proportional hazards rejected at 5%' : '' }]),
    ['GLOBAL PH test', '', '', '', '', '', '', num(global.chisq, 2), { text: sig(global.p), class: 'num' }]],
    (i) => (i === cox.coefficients.length ? 'total' : ''));
}

// sig prints a p-value with three significant digits.
function sig(p) {
  return p === null || p === undefined ? 'NA' : Number(p).toPrecision(3);
}

export function setupSurvival() {
  $('sv-go').addEventListener('click', () => showSurvival());
  for (const id of ['sv-source', 'sv-level', 'sv-by', 'sv-cause', 'sv-ties', 'sv-bilateral']) $(id).addEventListener('change', () => showSurvival());
  for (const id of ['sv-covariates', 'sv-formed']) $(id).addEventListener('keydown', (e) => { if (e.key === 'Enter') showSurvival(); });
}

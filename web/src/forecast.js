// The forecast: the most likely new alliances after the embedded world,
// with their probabilities and the three features that move each most.
import { api } from './api.js';
import { $, table, pct, busy } from './util.js';

const signed = (x) => (x === null || x === undefined ? 'NA' : (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(2));

function feature(f) {
  if (!f) return '–';
  const v = f.value === null || f.value === undefined ? 'NA' : Number(f.value).toFixed(Number.isInteger(f.value) ? 0 : 2);
  return { text: `${f.feature} = ${v} (logit ${signed(f.logit)})`, title: 'the feature, its value for the pair, and its contribution to the log-odds' };
}

export async function showForecast() {
  const kind = $('fc-kind').value;
  const top = $('fc-top').value.trim();
  await busy($('fc-go'), 'Fitting the forecast model and scoring every pair (the first request for a kind takes tens of seconds)…', async () => {
    const r = await api.forecast(kind, top === '' ? undefined : top);
    const picks = r.picks || [];
    const outcome = $('fc-kind').selectedOptions[0].textContent;
    $('fc-title').textContent = `The ${picks.length} pairs most likely to form a new alliance (${outcome}) after the world of ${r.world_year}: ` +
      `${r.dyads_at_risk} pairs at risk, ${Number(r.expected_new_dyads).toFixed(1)} new allied pairs expected in a year`;
    const t = $('fc-table');
    t.dataset.rows = String(picks.length);
    table(t, ['#', 'state', 'state', 'probability', 'feature 1', 'feature 2', 'feature 3'],
      picks.map((p, i) => [i + 1, `${p.name1} (${p.ccode1})`, `${p.name2} (${p.ccode2})`, pct(p.p), ...[0, 1, 2].map((k) => feature((p.top_features || [])[k]))]));
  });
}

export function setupForecast() {
  $('fc-go').addEventListener('click', () => showForecast());
}


// Reliability: how often allies honoured their commitments when the casus
// foederis arose, by coding rule and grouped by type, era or alliance,
// with 95% intervals.
import { api } from './api.js';
import { $, table, pct, status } from './util.js';

export async function showReliability() {
  const rule = $('rel-rule').value;
  const by = $('rel-by').value;
  const years = $('rel-years').value.trim();
  try {
    const r = await api.reliability(rule, years || undefined, by || undefined);
    $('rel-title').textContent = `Rule: ${$('rel-rule').selectedOptions[0].textContent}, ${r.from}–${r.to}` + (r.by ? `, by ${r.by}` : '') +
      (r.not_triggered ? `; ${r.not_triggered} invocations where the obligation did not apply are left out` : '');
    const rows = [...(r.overall || []), ...(r.groups || [])];
    const t = $('rel-table');
    t.dataset.rows = String(rows.length);
    table(t, ['group', 'honoured', 'invocations', 'rate', '95% interval'],
      rows.map((g) => [g.group, g.honoured, g.n, pct(g.rate), { text: g.lo === null || g.hi === null ? 'NA' : `${(100 * g.lo).toFixed(1)}–${(100 * g.hi).toFixed(1)}%`, class: 'num' }]),
      (i) => (i < (r.overall || []).length ? 'total' : ''));
  } catch (e) {
    status(e.message);
  }
}

export function setupReliability() {
  $('rel-go').addEventListener('click', () => showReliability());
  for (const id of ['rel-rule', 'rel-by', 'rel-years']) $(id).addEventListener('change', () => showReliability());
}

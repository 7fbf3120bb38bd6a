// The credibility of commitments: a patron's (or a protégé's) alliance
// commitments with the five components of the index and the flags of
// extended deterrence. Missing components read NA, never 0.
import { api, EMBEDDED } from './api.js';
import { $, table, num, status, fillStates } from './util.js';

let worldYear = -1;

async function loadStates(year) {
  if (year === worldYear) return;
  const world = await api.world(year === EMBEDDED ? 0 : year);
  worldYear = year;
  for (const id of ['cred-patron', 'cred-protege']) {
    const sel = $(id);
    const keep = sel.value;
    fillStates(sel, world, true);
    sel.options[0].textContent = '(any)';
    if (keep && world.states.some((s) => String(s.ccode) === keep)) sel.value = keep;
  }
  sel0();
}

// sel0 starts on the United States' commitments when nothing is chosen.
function sel0() {
  if (!$('cred-patron').value && !$('cred-protege').value && $('cred-patron').querySelector('option[value="2"]')) $('cred-patron').value = '2';
}

const yesNo = (v) => (v === null || v === undefined ? 'NA' : v ? 'yes' : 'no');

function deterrence(x) {
  if (!x) return 'NA';
  const f = [];
  if (x.umbrella) f.push('nuclear umbrella');
  else if (x.patron_nuclear) f.push('patron nuclear');
  if (x.adversary_nuclear) f.push('adversary nuclear');
  if (x.homeland_exposed) f.push('homeland exposed');
  return f.length ? f.join(', ') : '–';
}

// calls numbers the requests: only the latest one renders.
let calls = 0;

export async function showCredibility() {
  const year = Number($('cred-year').value) || EMBEDDED;
  const call = ++calls;
  try {
    await loadStates(year);
    const patron = Number($('cred-patron').value) || undefined;
    const protege = Number($('cred-protege').value) || undefined;
    const r = await api.credibility(year === EMBEDDED ? undefined : year, patron, protege);
    if (call !== calls) return;
    const cs = r.commitments || [];
    $('cred-title').textContent = `${cs.length} commitment${cs.length === 1 ? '' : 's'} in ${r.year}` +
      (r.record ? `; reputation from the record of honoured commitments (half-life ${r.half_life} years)` : '; no reliability record (no data directory): reputation is NA');
    $('cred-note').textContent = r.note || '';
    const t = $('cred-table');
    t.dataset.rows = String(cs.length);
    table(t, ['patron', 'protégé', 'alliance', 'obligations', 'since', 'index', 'interests', 'capability', 'reputation', 'signals', 'domestic', 'extended deterrence'],
      cs.map((c) => [c.patron_name || String(c.patron), c.protege_name || String(c.protege),
        { text: c.name || c.alliance, title: c.alliance }, (c.obligations || []).join(', ') + (c.formal === false ? ' (informal)' : ''), c.since || '–',
        num(c.index), num(c.interests), num(c.capability), num(c.reputation), num(c.signals), num(c.domestic),
        { text: deterrence(c.extended_deterrence), title: c.extended_deterrence ? `patron nuclear: ${yesNo(c.extended_deterrence.patron_nuclear)}` : '' }]));
  } catch (e) {
    status(e.message);
  }
}

export function setupCredibility() {
  $('cred-go').addEventListener('click', () => showCredibility());
  for (const id of ['cred-year', 'cred-patron', 'cred-protege']) $(id).addEventListener('change', () => showCredibility());
}

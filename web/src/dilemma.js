// The alliance security dilemma: each member's fear of abandonment and
// risk of entrapment with their components, and what both become when the
// commitment is tightened or loosened by some steps (Snyder 1984: a tighter
// commitment trades abandonment for entrapment).
import { api, EMBEDDED } from './api.js';
import { $, el, table, num, status, stateName } from './util.js';

let loaded = -1;
let world;

// loadAlliances lists the alliances (and partnerships) the model assesses
// in the year, from its rows for every member.
async function loadAlliances(year) {
  if (year === loaded) return;
  const y = year === EMBEDDED ? undefined : year;
  const [w, all] = await Promise.all([api.world(y), api.dilemma(y)]);
  world = w;
  loaded = year;
  const names = new Map();
  for (const r of all) if (!names.has(r.alliance)) names.set(r.alliance, r.alliance_name || r.alliance);
  const sel = $('dil-alliance');
  const keep = sel.value;
  const ids = [...names.keys()].sort((a, b) => names.get(a).localeCompare(names.get(b)));
  sel.replaceChildren(...ids.map((id) => el('option', { value: id, text: `${names.get(id)} (${id})` })));
  if (keep && names.has(keep)) sel.value = keep;
  else if (names.has('world:nato')) sel.value = 'world:nato';
  fillMembers(all);
}

let members = new Map(); // alliance → ccodes

function fillMembers(all) {
  if (all) {
    members = new Map();
    for (const r of all) {
      if (!members.has(r.alliance)) members.set(r.alliance, []);
      members.get(r.alliance).push(r.ccode);
    }
  }
  const sel = $('dil-state');
  const keep = sel.value;
  const cs = (members.get($('dil-alliance').value) || []).slice().sort((a, b) => stateName(world, a).localeCompare(stateName(world, b)));
  sel.replaceChildren(el('option', { value: '', text: '(every member)' }), ...cs.map((c) => el('option', { value: String(c), text: `${stateName(world, c)} (${c})` })));
  if (keep && cs.includes(Number(keep))) sel.value = keep;
}

// A change in the what-if: the new value and its difference.
function moved(now, then) {
  if (then === undefined) return '';
  if (now === null || then === null) return { text: then === null ? 'NA' : Number(then).toFixed(3), class: 'num' };
  const d = then - now;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return { text: `${Number(then).toFixed(3)} (${sign}${Math.abs(d).toFixed(3)})`, class: 'num' + (Math.abs(d) > 5e-4 ? (d > 0 ? ' up' : ' down') : '') };
}

// calls numbers the requests: only the latest one renders, so that a slow
// answer cannot overwrite a newer choice.
let calls = 0;

export async function showDilemma() {
  const year = Number($('dil-year').value) || EMBEDDED;
  const call = ++calls;
  try {
    await loadAlliances(year);
    const alliance = $('dil-alliance').value;
    if (!alliance) { status(`no alliance with two or more members in ${year}`); return; }
    const state = Number($('dil-state').value) || undefined;
    const steps = Number($('dil-steps').value) || 0;
    const rows = await api.dilemma(year === EMBEDDED ? undefined : year, alliance, state, steps > 0 ? steps : undefined, steps < 0 ? -steps : undefined);
    if (call === calls) render(rows, steps);
  } catch (e) {
    status(e.message);
  }
}

function render(rows, steps) {
  const what = steps > 0 ? `tightened by ${steps}` : steps < 0 ? `loosened by ${-steps}` : '';
  $('dil-title').textContent = `${rows.length ? rows[0].alliance_name || rows[0].alliance : ''} in ${world.year}` + (what ? `: the commitment ${what}` : '');
  const t = $('dil-table');
  t.dataset.rows = String(rows.length);
  t.dataset.steps = String(steps);
  t.dataset.alliance = rows.length ? rows[0].alliance : '';
  const head = ['member', 'strongest partner', 'obligation', 'tightness', 'top threat', 'threat', 'partner share', 'alternatives', 'dependence', 'credibility', 'abandonment fear'];
  if (steps) head.push(`abandonment, ${what}`);
  head.push('partner conflict H', 'not shared F', 'unshared U = H·F', 'entrapment risk');
  if (steps) head.push(`entrapment, ${what}`);
  if (steps) head.push(`obligation, ${what}`);
  table(t, head, rows.map((r) => {
    const w = r.what_if;
    const row = [stateName(world, r.ccode), r.patron ? stateName(world, r.patron) : '–', r.tightness ? r.tightness.obligation : 'NA', num(r.tightness && r.tightness.total),
      r.threat_from ? stateName(world, r.threat_from) : '–', num(r.threat), num(r.partner_share), num(r.alternatives), num(r.dependence), num(r.credibility), num(r.abandonment)];
    if (steps) row.push(moved(r.abandonment, w ? w.abandonment : null));
    row.push(num(r.partner_conflict), num(r.not_shared), num(r.unshared), num(r.entrapment));
    if (steps) row.push(moved(r.entrapment, w ? w.entrapment : null));
    if (steps) row.push(w && w.tightness ? `${w.tightness.obligation} (${Number(w.tightness.total).toFixed(2)})` : 'NA');
    return row;
  }));
}

export function setupDilemma() {
  $('dil-go').addEventListener('click', () => showDilemma());
  $('dil-year').addEventListener('change', () => showDilemma());
  $('dil-alliance').addEventListener('change', () => { fillMembers(); showDilemma(); });
  $('dil-state').addEventListener('change', () => showDilemma());
  $('dil-steps').addEventListener('input', () => {
    const s = Number($('dil-steps').value);
    $('dil-steps-label').textContent = s > 0 ? `tighten ${s}` : s < 0 ? `loosen ${-s}` : 'as signed';
  });
  $('dil-steps').addEventListener('change', () => showDilemma());
}

// The scenario editor: edits to a base world, run on the server against
// the base (POST /api/evaluate), saved with a version history.
import { api, token, EMBEDDED } from './api.js';
import { $, el, fmt, table, status, stateName, fillStates } from './util.js';

let base;       // the base world
let edits = [];
let savedId = ''; // the scenario being edited, once saved

function scenario() {
  return { name: $('sc-name').value.trim(), author: $('sc-author').value.trim(), base: Number($('sc-base').value) || 0, edits };
}

function describe(e) {
  const n = (c) => stateName(base, c);
  switch (e.op) {
    case 'add_member': return `${n(e.state)} joins ${e.alliance}`;
    case 'remove_member': return `${n(e.state)} leaves ${e.alliance}`;
    case 'suspend': return `${e.alliance}: ${e.obligation || 'every'} obligation suspended`;
    case 'set_milex': return `${n(e.state)} spends US$ ${Number(e.value).toLocaleString('en')} on the military`;
    case 'set_hostility': return `hostility ${n(e.state)}–${n(e.other)} set to ${e.value}`;
  }
  return e.op;
}

function renderEdits() {
  const ol = $('sc-edits');
  ol.replaceChildren(...edits.map((e, i) => {
    const b = el('button', { type: 'button', text: 'remove' });
    b.addEventListener('click', () => { edits.splice(i, 1); renderEdits(); });
    return el('li', {}, describe(e) + ' ', b);
  }));
  ol.dataset.count = String(edits.length);
}

async function loadBase() {
  const year = Number($('sc-base').value) || 0;
  base = await api.world(year);
  fillStates($('ed-state'), base);
  fillStates($('ed-other'), base, true);
  const al = $('ed-alliance');
  al.replaceChildren(...base.alliances.map((a) => el('option', { value: a.id, text: a.name || a.id })));
}

function addEdit() {
  const op = $('ed-op').value;
  const e = { op };
  const state = Number($('ed-state').value);
  const v = $('ed-value').value;
  if (op === 'add_member' || op === 'remove_member') { e.alliance = $('ed-alliance').value; e.state = state; }
  if (op === 'suspend') { e.alliance = $('ed-alliance').value; if ($('ed-obligation').value) e.obligation = $('ed-obligation').value; }
  if (op === 'set_milex') { e.state = state; e.value = Number(v); }
  if (op === 'set_hostility') { e.state = state; e.other = Number($('ed-other').value); e.value = Number(v); }
  if ((op === 'set_milex' || op === 'set_hostility') && v === '') { status('this change needs a value'); return; }
  edits.push(e);
  renderEdits();
}

async function run() {
  try {
    const focus = edits.find((e) => e.state) || {};
    const res = await api.evaluate(scenario(), focus.state);
    renderDiff(res);
    status('models run on the edited world', true);
  } catch (e) {
    status(e.message);
  }
}

function renderDiff(res) {
  const b = new Map(res.base.align.map((p) => [p.state, p]));
  const rows = [];
  let changed = 0;
  const top = (p) => (p && p.top_threat ? stateName(res.base.world, p.top_threat.from) : '–');
  const partners = (p) => (p ? (p.partners || []).slice(0, 3).map((q) => stateName(res.base.world, q.ccode)).join(', ') : '');
  for (const p of res.scenario.align) {
    const q = b.get(p.state);
    const diff = !q || q.choice !== p.choice || top(q) !== top(p) || partners(q) !== partners(p) ||
      fmt(q.top_threat && q.top_threat.total) !== fmt(p.top_threat && p.top_threat.total);
    if (diff) changed++;
    rows.push({ diff, cells: [stateName(res.base.world, p.state), q ? q.choice : '–', p.choice, top(q), top(p),
      { text: fmt(q && q.top_threat && q.top_threat.total), class: 'num' }, { text: fmt(p.top_threat && p.top_threat.total), class: 'num' }, partners(q), partners(p)] });
  }
  rows.sort((x, y) => Number(y.diff) - Number(x.diff));
  $('diff-summary').textContent = `${changed} of ${rows.length} states change their top threat, its size, their choice or their best partners.`;
  $('diff-table').dataset.changed = String(changed);
  table($('diff-table'), ['state', 'choice (base)', 'choice (scenario)', 'top threat (base)', 'top threat (scenario)', 'total (base)', 'total (scenario)', 'partners (base)', 'partners (scenario)'],
    rows.map((r) => r.cells), (i) => (rows[i].diff ? 'changed' : ''));
}

async function save() {
  if (!token()) { status('saving needs the token: paste it in the Token field (entente serve printed its file)'); return; }
  try {
    const sc = scenario();
    const saved = savedId ? await api.update(savedId, sc) : await api.create(sc);
    savedId = saved.id;
    $('sc-saved').textContent = `saved ${saved.name} as ${saved.id}, version ${saved.version}`;
    $('sc-saved').dataset.id = saved.id;
    status('saved', true);
    await Promise.all([refresh(), showVersions(saved.id)]);
  } catch (e) {
    status(e.message);
  }
}

async function refresh() {
  try {
    const list = await api.scenarios();
    $('sc-list').replaceChildren(...list.map((m) => {
      const b = el('button', { type: 'button', text: 'load' });
      b.addEventListener('click', () => load(m.id));
      return el('li', { 'data-id': m.id }, `${m.name} — ${m.author || 'anonymous'}, version ${m.version}, ${new Date(m.updated).toLocaleString()} `, b);
    }));
  } catch (e) {
    status(e.message);
  }
}

async function showVersions(id) {
  const vs = await api.versions(id);
  $('sc-versions').replaceChildren(...vs.map((v) => {
    const b = el('button', { type: 'button', text: 'load' });
    b.addEventListener('click', () => load(id, v.version));
    return el('li', {}, `version ${v.version}: ${v.name}, ${new Date(v.saved).toLocaleString()} `, b);
  }));
}

async function load(id, version) {
  try {
    const s = version ? await api.version(id, version) : await api.scenario(id);
    savedId = s.id;
    $('sc-name').value = s.scenario.name;
    $('sc-author').value = s.scenario.author || '';
    $('sc-base').value = String(s.scenario.base || 0);
    await loadBase();
    edits = s.scenario.edits || [];
    renderEdits();
    $('sc-saved').textContent = `loaded ${s.name}, version ${s.version}`;
    await showVersions(id);
    await run();
  } catch (e) {
    status(e.message);
  }
}

export async function setupScenario() {
  const years = await api.years().catch(() => ({ data: false }));
  if (years.data) {
    for (const y of [years.last, 1990, 1938, 1914]) $('sc-base').append(el('option', { value: String(y), text: `the world of ${y}` }));
  }
  $('sc-base').addEventListener('change', () => { edits = []; renderEdits(); loadBase().catch((e) => status(e.message)); });
  $('ed-add').addEventListener('click', addEdit);
  $('sc-run').addEventListener('click', run);
  $('sc-save').addEventListener('click', save);
  $('sc-refresh').addEventListener('click', refresh);
  $('sc-name').addEventListener('input', () => { savedId = ''; });
  await loadBase();
  renderEdits();
  await refresh();
  void EMBEDDED;
}

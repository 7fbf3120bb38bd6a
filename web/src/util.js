// Small DOM helpers: elements are built with textContent, never innerHTML,
// so names from the data cannot inject markup.

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

export function fmt(v, digits = 3) {
  return v === null || v === undefined ? 'NA' : Number(v).toFixed(digits);
}

// table fills a <table> with a header row and rows of cells; a cell is a
// string, a number (right-aligned) or {text, class, title}.
export function table(t, head, rows, rowClass) {
  t.replaceChildren();
  t.append(el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { text: h })))));
  const body = el('tbody');
  rows.forEach((r, i) => {
    const tr = el('tr');
    if (rowClass) {
      const c = rowClass(i);
      if (c) tr.className = c;
    }
    for (const c of r) {
      if (typeof c === 'number') tr.append(el('td', { class: 'num', text: String(c) }));
      else if (c && typeof c === 'object') {
        const td = el('td', { class: c.class || '', text: c.text });
        if (c.title) td.title = c.title;
        tr.append(td);
      }
      else tr.append(el('td', { text: c === null || c === undefined ? '' : String(c) }));
    }
    body.append(tr);
  });
  t.append(body);
}

// num is a right-aligned cell of fmt(v): missing values read NA, never 0.
export const num = (v, digits = 3) => ({ text: fmt(v, digits), class: 'num' });

// pct is a share in [0,1] as a percentage cell.
export const pct = (v) => ({ text: v === null || v === undefined ? 'NA' : (100 * v).toFixed(1) + '%', class: 'num' });

// busy marks a button as working while promise runs: disabled, with the
// message in the status line, and restores it after.
export async function busy(button, msg, run) {
  button.disabled = true;
  status(msg, true);
  clearTimeout(statusTimer);
  try {
    await run();
    status('', true);
  } catch (e) {
    status(e.message);
  } finally {
    button.disabled = false;
  }
}

let statusTimer;
export function status(msg, ok = false) {
  const s = $('status');
  s.textContent = msg;
  s.className = ok ? 'ok' : '';
  clearTimeout(statusTimer);
  if (ok && msg) statusTimer = setTimeout(() => { s.textContent = ''; }, 4000);
}

export const PALETTE = ['#2f6fbd', '#2a9d8f', '#c0392b', '#e67e22', '#8e44ad', '#b7950b', '#16a085', '#d35400', '#2c3e50', '#27ae60'];

export function stateName(world, ccode) {
  const s = world.states.find((x) => x.ccode === ccode);
  return s ? s.name : String(ccode);
}

export function fillStates(select, world, withEmpty) {
  select.replaceChildren();
  if (withEmpty) select.append(el('option', { value: '', text: '(none)' }));
  const states = [...world.states].sort((a, b) => a.name.localeCompare(b.name));
  for (const s of states) select.append(el('option', { value: String(s.ccode), text: `${s.name} (${s.ccode})` }));
}

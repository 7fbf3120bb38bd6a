// The entente API, as /api/openapi.json describes it. Errors come back as
// {code, message}; they are thrown as Error with that message.

export function token() {
  return localStorage.getItem('entente-token') || '';
}

export function setToken(t) {
  localStorage.setItem('entente-token', t);
}

async function request(method, path, body) {
  const headers = {};
  const t = token();
  if (t) headers.Authorization = 'Bearer ' + t;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const resp = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (resp.status === 204) return null;
  const data = await resp.json().catch(() => null);
  if (!resp.ok) {
    const err = new Error(data && data.message ? data.message : `${method} ${path}: HTTP ${resp.status}`);
    err.status = resp.status;
    throw err;
  }
  return data;
}

const q = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== 0) s.set(k, v);
  const str = s.toString();
  return str ? '?' + str : '';
};

export const api = {
  years: () => request('GET', '/api/years'),
  world: (year) => request('GET', '/api/world' + q({ year })),
  threat: (year, state, top) => request('GET', '/api/threat' + q({ year, state, top })),
  align: (year, state) => request('GET', '/api/align' + q({ year, state })),
  credibility: (year, patron, protege) => request('GET', '/api/credibility' + q({ year, patron, protege })),
  dilemma: (year, alliance, state, tighten, loosen) => request('GET', '/api/dilemma' + q({ year, alliance, state, tighten, loosen })),
  forecast: (kind, top) => request('GET', '/api/forecast' + q({ kind, top })),
  simulate: (scenario, runs, seed) => request('GET', '/api/simulate' + q({ scenario, runs, seed })),
  reliability: (rule, years, by) => request('GET', '/api/reliability' + q({ rule, years, by })),
  // params: source, level, by, covariates, cause, ties, formed, bilateral.
  survival: (params) => request('GET', '/api/survival' + q(params)),
  openapi: () => request('GET', '/api/openapi.json'),
  report: (params) => request('GET', '/api/report' + q(params)),
  evaluate: (scenario, state) => request('POST', '/api/evaluate' + q({ state, top: 10 }), scenario),
  scenarios: () => request('GET', '/api/scenarios'),
  scenario: (id) => request('GET', '/api/scenarios/' + encodeURIComponent(id)),
  versions: (id) => request('GET', '/api/scenarios/' + encodeURIComponent(id) + '/versions'),
  version: (id, v) => request('GET', '/api/scenarios/' + encodeURIComponent(id) + '/versions/' + v),
  create: (scenario) => request('POST', '/api/scenarios', scenario),
  update: (id, scenario) => request('PUT', '/api/scenarios/' + encodeURIComponent(id), scenario),
};

// worldYear turns the slider's value into an API year: its last step is
// the embedded world (year omitted).
export const EMBEDDED = 2024;

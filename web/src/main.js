// entente's web application: one page per view, chosen by the URL's hash.
import { setToken, token } from './api.js';
import { $ } from './util.js';
import { setupNetwork, resizeNetwork } from './network.js';
import { setupThreats, showThreats } from './threats.js';
import { showMap } from './map.js';
import { showBurden } from './burden.js';
import { setupScenario } from './scenario.js';

const pages = ['network', 'threats', 'map', 'burden', 'scenario'];

function route() {
  const [name, arg] = (location.hash.slice(1) || 'network').split('/');
  const page = pages.includes(name) ? name : 'network';
  for (const p of pages) $('page-' + p).hidden = p !== page;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.page === page);
  if (page === 'network') resizeNetwork();
  if (page === 'threats') showThreats(arg ? Number(arg) : 0);
  if (page === 'map') showMap();
  if (page === 'burden') showBurden();
}

async function start() {
  const t = $('token');
  t.value = token();
  t.addEventListener('change', () => setToken(t.value.trim()));
  setupThreats();
  window.addEventListener('hashchange', route);
  route();
  await Promise.all([setupNetwork(), setupScenario()]);
  document.body.dataset.ready = 'true';
}

start();

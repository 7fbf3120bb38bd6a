// entente's web application: one page per view, chosen by the URL's hash.
import { setToken, token } from './api.js';
import { $ } from './util.js';
import { setupNetwork, resizeNetwork } from './network.js';
import { setupThreats, showThreats } from './threats.js';
import { showMap } from './map.js';
import { showBurden } from './burden.js';
import { setupScenario } from './scenario.js';
import { setupCredibility, showCredibility } from './credibility.js';
import { setupDilemma, showDilemma } from './dilemma.js';
import { setupReliability, showReliability } from './reliability.js';
import { setupSurvival, showSurvival } from './survival.js';
import { setupForecast } from './forecast.js';
import { setupSimulate } from './simulate.js';

const pages = ['network', 'threats', 'map', 'burden', 'credibility', 'dilemma', 'reliability', 'survival', 'forecast', 'simulate', 'scenario'];

function route() {
  const [name, arg] = (location.hash.slice(1) || 'network').split('/');
  const page = pages.includes(name) ? name : 'network';
  for (const p of pages) $('page-' + p).hidden = p !== page;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.page === page);
  if (page === 'network') resizeNetwork();
  if (page === 'threats') showThreats(arg ? Number(arg) : 0);
  if (page === 'map') showMap();
  if (page === 'burden') showBurden();
  if (page === 'credibility') showCredibility();
  if (page === 'dilemma') showDilemma();
  if (page === 'reliability' && !$('rel-table').dataset.rows) showReliability();
  if (page === 'survival' && !$('sv-km').dataset.rows) showSurvival();
}

async function start() {
  const t = $('token');
  t.value = token();
  t.addEventListener('change', () => setToken(t.value.trim()));
  setupThreats();
  setupCredibility();
  setupDilemma();
  setupReliability();
  setupSurvival();
  setupForecast();
  window.addEventListener('hashchange', route);
  route();
  await Promise.all([setupNetwork(), setupScenario(), setupSimulate()]);
  document.body.dataset.ready = 'true';
}

start();

// Today's world coloured by alliance system, from the embedded world and
// the Natural Earth 1:110m atlas of the world-atlas package.
import { feature } from 'topojson-client';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import countries from 'world-atlas/countries-110m.json';
import iso from 'i18n-iso-countries';
import { api } from './api.js';
import { $, el, status } from './util.js';

// systems, in order of precedence: a state is coloured by the first
// system one of whose alliances it belongs to.
const SYSTEMS = [
  { name: 'NATO', alliances: ['world:nato'] },
  { name: 'US hub-and-spoke, Asia-Pacific', alliances: ['world:us-japan', 'world:us-rok', 'world:us-philippines', 'world:us-thailand', 'world:anzus'] },
  { name: "Russia's alliances", alliances: ['world:csto', 'world:russia-belarus', 'world:russia-dprk'] },
  { name: 'China–DPRK', alliances: ['world:china-dprk'] },
  { name: 'Rio Treaty', alliances: ['world:rio'] },
  { name: 'Other alliances', alliances: null },
  { name: 'No alliance in the world file', alliances: [] },
];

const COLORS = ['#2f6fbd', '#2a9d8f', '#c0392b', '#e67e22', '#8e44ad', '#b7950b', '#cfd4da'];

export function systemOf(world) {
  const sys = new Map();
  for (const s of world.states) {
    let k = 6;
    for (let i = 0; i < SYSTEMS.length - 2 && k === 6; i++) {
      if (world.alliances.some((a) => SYSTEMS[i].alliances.includes(a.id) && a.members.includes(s.ccode))) k = i;
    }
    if (k === 6 && world.alliances.some((a) => a.members.includes(s.ccode) && (a.obligations || []).includes('defense'))) k = 5;
    if (s.iso3) sys.set(iso.alpha3ToNumeric(s.iso3), { k, name: s.name });
  }
  return sys;
}

let drawn = false;

export async function showMap() {
  if (drawn) return;
  let world;
  try {
    world = await api.world(0);
  } catch (e) {
    status(e.message);
    return;
  }
  const sys = systemOf(world);
  const land = feature(countries, countries.objects.countries);
  const projection = geoNaturalEarth1().fitSize([960, 500], land);
  const path = geoPath(projection);
  const svg = $('map');
  const ns = 'http://www.w3.org/2000/svg';
  svg.replaceChildren();
  let coloured = 0;
  for (const f of land.features) {
    const p = document.createElementNS(ns, 'path');
    p.setAttribute('d', path(f) || '');
    const s = sys.get(f.id);
    p.setAttribute('fill', s ? COLORS[s.k] : '#e4e7eb');
    if (s && s.k < 6) coloured++;
    const title = document.createElementNS(ns, 'title');
    title.textContent = s ? `${s.name}: ${SYSTEMS[s.k].name}` : (f.properties && f.properties.name) || '';
    p.append(title);
    svg.append(p);
  }
  svg.dataset.coloured = String(coloured);
  const legend = $('map-legend');
  legend.replaceChildren(...SYSTEMS.map((s, i) => el('li', {}, el('span', { class: 'swatch sw-' + (i === 6 ? 7 : i) }), s.name)));
  drawn = true;
}

// The burden chart: military spending as a share of GDP against NATO's 2%
// guideline, from the report's burden-sharing section.
import { Chart, BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip } from 'chart.js';
import { api } from './api.js';
import { $, el, status } from './util.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

let chart;
let tables = [];

function draw(i) {
  const t = tables[i];
  if (!t) return;
  const col = (name) => t.columns.findIndex((c) => c.name === name);
  const si = col('State');
  const vi = col('Milex/GDP');
  const rows = t.rows.filter((r) => r[vi] !== null);
  const data = {
    labels: rows.map((r) => r[si]),
    datasets: [
      { label: 'military spending, % of GDP', data: rows.map((r) => r[vi]), backgroundColor: rows.map((r) => (r[vi] >= 2 ? '#2a9d8f' : '#c0392b')) },
      { label: '2% guideline', data: rows.map(() => 2), type: 'line', borderColor: '#1d2330', borderDash: [6, 4], pointRadius: 0, fill: false },
    ],
  };
  if (chart) { chart.data = data; chart.update(); } else {
    chart = new Chart($('burden-chart'), { type: 'bar', data,
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { title: { display: true, text: '% of GDP' } } } } });
  }
  $('burden-chart').dataset.bars = String(rows.length);
}

export async function showBurden() {
  if (tables.length) return;
  try {
    const rep = await api.report({});
    const sec = rep.sections.find((s) => s.id === 'burden');
    tables = (sec && sec.tables) || [];
    const sel = $('burden-table');
    sel.replaceChildren(...tables.map((t, i) => el('option', { value: String(i), text: t.caption })));
    sel.addEventListener('change', () => draw(Number(sel.value)));
    $('burden-notes').replaceChildren(...((sec && sec.paragraphs) || []).map((p) => el('li', { text: p })));
    draw(0);
  } catch (e) {
    status(e.message);
  }
}

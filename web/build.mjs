// Bundles the application into ../internal/web/dist, which the entente
// binary embeds: index.html, app.js (every library included: no CDN) and
// app.css. Run through "make web".
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = '../internal/web/dist';
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) {
  if (f !== 'README.md') rmSync(join(out, f), { recursive: true });
}
await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  loader: { '.json': 'json' },
  legalComments: 'linked',
  logLevel: 'info',
});
copyFileSync('src/index.html', join(out, 'index.html'));
copyFileSync('src/app.css', join(out, 'app.css'));

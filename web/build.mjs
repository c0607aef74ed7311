// Bundles the playground (GraphiQL with its Monaco editor and web workers) and the claims
// explorer into dist/web with esbuild, with every asset local: the pages fetch nothing
// from another host. Run by `npm run build` after GraphQL Code Generator and tsc.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/web');

const common = {
  bundle: true,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: { 'playground/assets/playground': 'web/playground/main.tsx', 'explore/assets/explorer': 'web/explorer/main.tsx' },
  outdir: out,
  format: 'esm',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  // Fonts the stylesheet refers to (Monaco's codicons) go next to it.
  assetNames: 'playground/assets/[name]-[hash]',
});

// Monaco runs its language services in web workers, each a script of its own.
await build({
  ...common,
  entryPoints: {
    'playground/assets/editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'playground/assets/json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'playground/assets/graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: out,
  format: 'iife',
});

// Pages are served at <prefix>/playground (and <prefix>/graphql) and <prefix>/explore, so
// relative URLs reach their assets behind any path prefix.
const page = (title, name, script, css) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${css ? `<link rel="stylesheet" href="${name}/assets/${css}">` : ''}
</head>
<body style="margin:0">
<div id="${name === 'playground' ? 'graphiql' : 'explorer'}" style="${name === 'playground' ? 'height:100vh' : ''}"></div>
<script type="module" src="${name}/assets/${script}"></script>
</body>
</html>
`;
await mkdir(path.join(out, 'playground'), { recursive: true });
await writeFile(path.join(out, 'playground/index.html'), page('Claimgraph playground', 'playground', 'playground.js', 'playground.css'));
await writeFile(path.join(out, 'explore/index.html'), page('Claimgraph claims explorer', 'explore', 'explorer.js', null));

// Stylesheets are bundled by esbuild; importing one gives nothing to TypeScript.
declare module '*.css';

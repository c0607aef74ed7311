/**
 * Where Monaco (GraphiQL's editor) finds its web workers: files bundled next to this
 * script by web/build.mjs, so nothing is fetched from another host and the page works
 * under any path prefix. Imported before GraphiQL so the editor sees it when it starts.
 */
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(new URL(WORKERS[label] ?? 'editor.worker.js', import.meta.url));
  },
};

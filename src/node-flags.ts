/**
 * Flags the server's Node.js process runs with, wherever it is started: `npm start`, the
 * Dockerfile's CMD and the benchmark (a test keeps the first two in step with this list).
 *
 * A request allocates rows, loaders and response objects that die once it is answered;
 * with 16 requests in flight, V8's default 16 MB semi-spaces fill before they die, so
 * they are promoted and collected by the slow old-generation collector. 64 MB semi-spaces
 * let them die young: q1 of the benchmark went from about 500 to about 690 req/s with a
 * peak RSS of 234 MB (bench/NOTES.md).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'];

/**
 * Flags the server's Node.js process runs with, wherever it is started: `npm start`, the
 * Dockerfile's CMD and the benchmark (a test keeps the first two in step with this list).
 *
 * A request allocates rows, loaders and response objects that die once it is answered;
 * with 16 requests in flight, V8's default 16 MB semi-spaces fill before they die, so
 * they are promoted and collected by the slow old-generation collector. 64 MB semi-spaces
 * let them die young: q1 of the benchmark went from about 500 to about 690 req/s with a
 * peak RSS of 234 MB (bench/NOTES.md).
 *
 * What survives anyway fills the old generation slowly (70 KB per young collection under the
 * benchmark's search), but V8 sizes that generation's limit from its live size with a factor
 * that is small for a heap this small, so a full collection ran every 6.5 s, pausing all
 * requests in flight for 5-9 ms plus its marking steps: at 16 connections those requests
 * are a round's slowest 1 %. A growing factor of 2 spaces them about 30 s apart for some
 * 20 MB more RSS; in twenty alternating pairs of 3 s search rounds, p99 over 45 ms in 2
 * rounds against 9, the worst 49 against 53 ms (bench/NOTES.md). V8 refuses it in
 * NODE_OPTIONS, so it goes on the command line.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=100'];

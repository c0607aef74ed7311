import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './support/test-app';

/** Debian's Chromium (apt-get install chromium); the suite is skipped, saying so, without it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a headless Chromium on a machine with no way out: no background connections at all. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

/** A reverse proxy that serves the app under /claims, as a load balancer with a path prefix would. */
function prefixProxy(target: string): Promise<http.Server> {
  const upstream = new URL(target);
  const server = http.createServer((request, response) => {
    if (!request.url?.startsWith('/claims/')) {
      response.writeHead(404).end();
      return;
    }
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, path: request.url.slice('/claims'.length), method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(forwarded);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The response editor's text; Monaco draws spaces as no-break spaces. */
const responseText = async (page: Page) => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');

describe('the playground and the claims explorer in Chromium', { skip: fs.existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}: apt-get install chromium` }, () => {
  let api: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let proxy: http.Server;
  const requests: string[] = [];

  before(async () => {
    api = await startTestApp({ seed: true });
    proxy = await prefixProxy(new URL(api.app.url).origin);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => proxy?.close(resolve));
    await api?.close();
  });

  const origin = () => new URL(api.app.url).origin;

  async function runFirstExample(page: Page): Promise<string> {
    // Monaco fills the editors a moment after the page shows; run only once the example is in.
    await page.waitForFunction("document.querySelector('.graphiql-container')?.textContent?.includes('U3BlYWtlcj')", undefined, { timeout: 20_000 });
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction("document.querySelector('.graphiql-response')?.textContent?.replace(/\\u00a0/g, ' ').includes('Mark Rutte')", undefined, { timeout: 20_000 });
    return responseText(page);
  }

  it('runs the first example in the playground and shows the answer', async () => {
    const page = await context.newPage();
    await page.goto(`${origin()}/playground`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    const tabs = await page.locator('.graphiql-tab').count();
    assert.equal(tabs, 7, 'the five questions, search, comparison and a write');
    const answer = await runFirstExample(page);
    assert.match(answer, /"name": "Mark Rutte"/);
    assert.match(answer, /unsustainable/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });
    await page.close();
  });

  it('opens the schema documentation', async () => {
    const page = await context.newPage();
    await page.goto(`${origin()}/playground`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.getByRole('link', { name: 'Query', exact: true }).click({ timeout: 20_000 });
    await page.getByText('Entry points for reading claims', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'compareFigures' }).first().click();
    await page.getByText('Lines up every figure given on a measure', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'playground-docs.png') });
    await page.close();
  });

  it('serves the playground on GET /graphql to a browser, and works behind a path prefix', async () => {
    const page = await context.newPage();
    const prefix = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/claims`;
    await page.goto(`${prefix}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20_000 });
    await runFirstExample(page);
    assert.ok(requests.includes(`${prefix}/playground/assets/editor.worker.js`), `the editor's worker came through the prefix: ${requests.filter((url) => url.startsWith(prefix)).join(' ')}`);
    assert.ok(requests.some((url) => url === `${prefix}/graphql`), 'the query went through the prefix');
    const api = await fetch(`${origin()}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    assert.deepEqual(await api.json(), { data: { __typename: 'Query' } }, 'GET /graphql still answers GraphQL');
    await page.close();
  });

  it('charts the compared figures and follows a figure to its statement, event and the event\'s other statements', async () => {
    const page = await context.newPage();
    await page.goto(`${origin()}/explore`);
    const rows = page.getByTestId('figure-row');
    await rows.first().waitFor({ timeout: 20_000 });
    assert.equal(await rows.count(), 4);
    const drawn = await rows.evaluateAll((elements) => elements.map((element) => `${element.getAttribute('data-speaker')} ${element.getAttribute('data-kind')}`).sort());
    assert.deepEqual(drawn, ['Mark Rutte ESTIMATE', 'Mark Rutte HISTORICAL', 'Mykhailo Fedorov ESTIMATE', 'Mykhailo Fedorov TARGET']);
    assert.equal(await page.locator('[data-testid="spread"][data-kind="ESTIMATE"] td').last().innerText(), '1.75');
    await page.locator('[data-testid="figure-row"][data-speaker="Mark Rutte"][data-kind="ESTIMATE"]').click();
    await page.getByTestId('statement-text').waitFor();
    assert.equal(await page.getByTestId('statement-text').innerText(), 'About 20,000 to 25,000 Russian soldiers are killed each month.');
    assert.match(await page.getByTestId('event').innerText(), /Mark Rutte speech in Brussels/);
    const others = await page.getByTestId('event-statements').innerText();
    assert.match(others, /unsustainable/);
    assert.match(others, /Afghanistan/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-statement.png'), fullPage: true });
    await page.getByTestId('period').selectOption('YEAR');
    await page.locator('[data-testid="spread"][data-kind="TARGET"] td').nth(2).getByText('600,000').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'explorer-per-year.png'), fullPage: true });
    await page.close();
  });

  it('made no request to any other host', () => {
    assert.ok(requests.length > 10, `saw ${requests.length} requests`);
    assert.deepEqual(requests.filter((url) => !LOCAL.test(url)), []);
  });
});

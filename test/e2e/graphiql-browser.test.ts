import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { installedUnits } from '@kkmp/api';
import { createDevApi } from '@kkmp/api/local';
import { ManualClock } from '@kkmp/core';
import { coreExamples } from '@kkmp/host';
import { createDb, ensureTable } from '@kkmp/store';
import { parse, type OperationDefinitionNode } from 'graphql';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { launchChromium } from '../support/browser';

let server: Server;
let origin: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let users: { label: string; token: string }[];
const requested: string[] = [];

beforeAll(async () => {
  // The dev server's API (demo data, demo tokens, GraphiQL) on a fresh table of the run's DynamoDB Local.
  const db = createDb({ tableName: `test-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });
  await ensureTable(db);
  // At 01:00 WIB today, the hour that catches an example whose time is "today at 08:00": in the future
  // from midnight to 08:00 (it passed or failed by the hour the suite ran).
  const wibToday = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  const dev = await createDevApi(db, new ManualClock(new Date(`${wibToday}T01:00:00+07:00`)));
  users = dev.users;
  server = createServer(dev.yoga);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  browser.context.on('request', (r) => requested.push(r.url()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

const operationName = (query: string) => (parse(query).definitions[0] as OperationDefinitionNode).name!.value;
/** Monaco renders spaces as no-break spaces; compare text as a person reads it. */
const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
/**
 * Runs the active tab (`operation`) with the button and waits for `expected` in the result pane. GraphiQL
 * re-reads the operation name a moment after an edit or a tab switch; a click in that moment is refused
 * in the page ("Cannot infer operation") and sends nothing, so click again until the request goes out.
 */
async function run(page: Page, operation: string, expected: string): Promise<void> {
  await expect.poll(() => page.locator('.graphiql-tab-active').innerText()).toBe(operation);
  for (let attempt = 1; ; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() === 'POST' && r.postDataJSON()?.operationName === operation, { timeout: 2_000 })
      .catch(() => null);
    await page.locator('.graphiql-execute-button').click();
    if (await sent) break;
    if (attempt === 10) throw new Error(`GraphiQL never sent ${operation}: ${await text(page, '.graphiql-response')}`);
  }
  await expect.poll(() => text(page, '.graphiql-response'), { timeout: 15_000 }).toContain(expected);
}
const token = (label: string) => users.find((u) => u.label === label)!.token;

describe('GraphiQL in a real browser (headless Chromium), as `npm run dev` serves it', () => {
  it('opens with a tab per example, the demo token in the header editor, and runs a typed query', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    await page.goto(`${origin}/graphql`);

    // One tab per example: the core's, then each installed unit's (labelled by operation name).
    const expected = [...coreExamples, ...installedUnits.flatMap((u) => u.examples ?? [])].map((e) => operationName(e.query));
    await page.waitForSelector('.graphiql-tab');
    await expect.poll(() => page.locator('.graphiql-tab').allInnerTexts()).toEqual(expected);

    // The header editor holds the demo manager's token.
    await page.getByRole('button', { name: 'Headers' }).click();
    const headers = await text(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden) .view-lines');
    expect(headers).toContain(`"Authorization": "Bearer ${token('manager')}"`);

    // Type a query of our own, run it with the button, read the data in the result pane.
    await page.locator('.graphiql-query-editor .monaco-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('query Typed { me { role name } }');
    expect(await text(page, '.graphiql-query-editor .view-lines')).toBe('query Typed { me { role name } }');
    await run(page, 'Typed', '"role": "COOP_MANAGER"');
    expect(await text(page, '.graphiql-response')).toContain('"name": "Ketua KKMP Sukaluyu"');

    // An example tab runs as it is: the city dashboard, with the city admin's token and the demo city's id.
    // Tabs are draggable (reorderable): a click that lands as the list settles may not select; click again.
    await expect
      .poll(async () => {
        await page.locator('.graphiql-tab-button', { hasText: 'CityDashboard' }).click();
        return page.locator('.graphiql-tab-active').innerText();
      })
      .toBe('CityDashboard');
    await run(page, 'CityDashboard', '"name": "Kota Bandung"');
    const dashboard = await text(page, '.graphiql-response');
    for (const status of ['OPERATING', 'LEGAL_ENTITY', 'FORMED']) expect(dashboard).toContain(`"status": "${status}"`);
    expect(dashboard).toContain('"totalEquity"');

    // Self-hosted: every request the page made went to this server (no CDN; the network may be closed).
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(failures).toEqual([]);
  }, 60_000);

  it('runs every example tab, core and units, as shipped: data and no errors, mutations succeed', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    // GraphiQL keeps edited tabs in localStorage (the test above typed into one): start as a new visitor.
    await page.goto(`${origin}/graphql`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector('.graphiql-tab');
    const examples = [...coreExamples, ...installedUnits.flatMap((u) => u.examples ?? [])];
    const outcomes: string[] = [];
    for (const example of examples) {
      const operation = operationName(example.query);
      await expect
        .poll(async () => {
          await page.locator('.graphiql-tab-button', { hasText: new RegExp(`^\\s*${operation}\\s*$`) }).click();
          return page.locator('.graphiql-tab-active').innerText();
        })
        .toBe(operation);
      const body = await runForBody(page, operation);
      const mutation = (parse(example.query).definitions[0] as OperationDefinitionNode).operation === 'mutation';
      const typenames = mutation ? Object.values(body.data ?? {}).map((v) => (v as { __typename?: string })?.__typename) : [];
      const ok = body.data && !body.errors && typenames.every((t) => t?.endsWith('Success'));
      outcomes.push(`${operation}: ${ok ? 'ok' : JSON.stringify(body).slice(0, 400)}`);
    }
    expect(outcomes).toEqual(examples.map((e) => `${operationName(e.query)}: ok`));
  }, 180_000);
});

/** Runs the active tab and returns the JSON body the API answered (the result pane shows only what fits). */
async function runForBody(page: Page, operation: string): Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }> {
  for (let attempt = 1; ; attempt++) {
    const answered = page
      .waitForResponse((r) => r.request().method() === 'POST' && r.request().postDataJSON()?.operationName === operation, { timeout: 3_000 })
      .catch(() => null);
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    if (response) return (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    if (attempt === 10) throw new Error(`GraphiQL never sent ${operation}`);
  }
}

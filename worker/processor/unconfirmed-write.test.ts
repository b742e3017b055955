import { describe, expect, it } from 'vitest';
import { PartnerCenterError } from '../../shared/partner-center/partner-center-error.ts';
import type { PartnerCenterClient } from '../../shared/partner-center/create-partner-center-client.ts';
import type { LosableWrite, LostAnswerMode } from '../../sandbox/internal/lose-answer.ts';
import { buildCustomerCsv, parseResultsCsv, validRow } from '../../test/support/worker/build-customer-csv.ts';
import { buildOrdersCsv } from '../../test/support/worker/build-orders-csv.ts';
import { MCA_ACCEPTED, TEST_OFFERS } from '../../test/support/worker/test-offers.ts';
import type { TestPipeline } from '../../test/support/worker/start-test-pipeline.ts';
import { useTestPipelines } from '../../test/support/worker/use-test-pipelines.ts';

// docs/contracts/partner-center.md §0.20: every write of a row whose answer is lost — the sandbox
// commits it and then resets the connection or answers 504 — ends the row in one status, with
// exactly one customer, agreement and order in Partner Center, with replay on and off.

const startPipeline = useTestPipelines();
const { m365Basic, legacyE1 } = TEST_OFFERS;

/** A row that makes every write: customer, MCA, a cart and its checkout (one annual order), a legacy order. */
const buyingRow = (domain: string) => validRow(domain, { Offers: `${m365Basic}*3; ${legacyE1}*2`, Term: 'P1Y', 'Billing cycle': 'annual', ...MCA_ACCEPTED });

/** Asks the running sandbox, over HTTP, to lose the next answer of `write` after committing it. */
async function loseNextAnswer(pipeline: TestPipeline, write: LosableWrite, mode: LostAnswerMode): Promise<void> {
  const answer = await fetch(`${pipeline.sandbox.url}/_sandbox/lose-answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ [write]: 1, mode }) });
  expect(await answer.json()).toMatchObject({ [write]: 1, mode });
}

/** How many answers of `write` the sandbox is still to lose (0: the one asked for was lost). */
async function answersStillToLose(pipeline: TestPipeline, write: LosableWrite): Promise<number> {
  return ((await (await fetch(`${pipeline.sandbox.url}/_sandbox/lose-answers`)).json()) as Record<LosableWrite, number>)[write];
}

/** What the sandbox holds for the one customer of the import, and what the row's result says. */
async function outcome(pipeline: TestPipeline, importId: string) {
  const [result] = parseResultsCsv(await pipeline.resultsText(importId));
  const stats = await pipeline.sandboxStats();
  expect(stats.customers).toHaveLength(1);
  const customer = stats.customers[0]!;
  const orders = pipeline.sandbox.state.orders.get(customer.id) ?? [];
  return {
    result: result!,
    customer,
    creations: Object.values(stats.creationsPerDomain),
    lines: orders.flatMap((order) => (order.lineItems as { offerId: string; quantity: number }[]).map((line) => `${line.offerId}*${line.quantity}`)).sort(),
    subscriptions: (pipeline.sandbox.state.subscriptions.get(customer.id) ?? []).length,
  };
}

/** One customer, one agreement, each offer bought once, and the row naming exactly those orders. */
async function expectBoughtOnce(pipeline: TestPipeline, importId: string) {
  const found = await outcome(pipeline, importId);
  expect(found.result.pc_status).toBe('created');
  expect(found.result.pc_error).toBe('');
  expect(found.result.pc_customer_id).toBe(found.customer.id);
  expect(found.creations).toEqual([1]);
  expect(found.customer.agreements).toBe(1);
  expect(found.lines).toEqual([`${legacyE1}*2`, `${m365Basic}*3`]);
  expect(found.subscriptions).toBe(2);
  expect(found.result.pc_orders!.split(';').sort()).toEqual([...found.customer.orders].sort());
  return found;
}

const WRITES: LosableWrite[] = ['customer', 'agreement', 'cart', 'checkout', 'order'];
/** The writes read back before a retry, by their name in the worker's log, and their sandbox endpoint. */
const READ_BACK: Partial<Record<LosableWrite, { logged: string; endpoint: string }>> = {
  agreement: { logged: 'agreement', endpoint: 'POST /v1/customers/{customerId}/agreements' },
  checkout: { logged: 'checkout', endpoint: 'POST /v1/customers/{customerId}/carts/{cartId}/checkout' },
  order: { logged: 'legacy-order', endpoint: 'POST /v1/customers/{customerId}/orders' },
};
const cases = [true, false].flatMap((replay) => WRITES.map((write, index) => ({ write, replay, mode: (index % 2 === 0) === replay ? ('reset' as const) : ('504' as const) })));

describe('a write whose answer is lost once', () => {
  it.each(cases)('should end the row created with everything once when the $write answer is lost (replay $replay, $mode)', async ({ write, replay, mode }) => {
    const pipeline = await startPipeline({ sandbox: { replay } });
    await loseNextAnswer(pipeline, write, mode);
    const summary = await pipeline.importCsv(buildCustomerCsv([buyingRow(`lost${write}`)]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1, failed: 0 });
    expect(await answersStillToLose(pipeline, write)).toBe(0);
    const { result } = await expectBoughtOnce(pipeline, summary.id);
    // Only the create's lost answer without replay takes the password with it (§0.16).
    if (write === 'customer' && !replay) expect(result.pc_note).toMatch(/admin password of admin@lostcustomer\.onmicrosoft\.com was reset/);
    else expect(result.pc_note).toBe('');
    expect(await pipeline.service.revealPassword(summary.id, 1)).toEqual({ adminUser: `admin@lost${write}.onmicrosoft.com`, password: expect.stringMatching(/^.{16}$/) });
    const readBack = READ_BACK[write];
    if (readBack) {
      // The next attempt read back, found the write, and did not send it again.
      expect(pipeline.logLines.filter((line) => line.includes('found the write of an earlier attempt') && line.includes(`"write":"${readBack.logged}"`))).toHaveLength(1);
      expect((await pipeline.sandboxStats()).callsPerEndpoint[readBack.endpoint]).toBe(1);
    }
  }, 30_000);

  it.each(['agreement', 'checkout', 'order'] as const)('should read back at once when the %s answer is lost on the last attempt, replay off', async (write) => {
    const pipeline = await startPipeline({ maxAttempts: 1, sandbox: { replay: false } });
    await loseNextAnswer(pipeline, write, '504');
    const summary = await pipeline.importCsv(buildCustomerCsv([buyingRow(`last${write}`)]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1, failed: 0 });
    expect(await answersStillToLose(pipeline, write)).toBe(0);
    await expectBoughtOnce(pipeline, summary.id);
    expect(pipeline.logLines.some((line) => line.includes('found the write whose answer was lost'))).toBe(true);
  }, 30_000);
});

/** The client, except that the first call of `write` fails with a 503 before reaching the sandbox: nothing happened. */
function failFirstBeforeSending(write: 'confirmCustomerAgreement' | 'checkoutCart' | 'createOrder') {
  return (client: PartnerCenterClient): PartnerCenterClient => {
    let failed = false;
    return {
      ...client,
      [write]: (...args: unknown[]) => {
        if (failed) return (client[write] as (...inner: unknown[]) => unknown)(...args);
        failed = true;
        return Promise.reject(new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, status: 503, message: `${write} answered 503.` }));
      },
    };
  };
}

describe('a write that failed without happening', () => {
  it.each([
    { call: 'confirmCustomerAgreement', logged: 'agreement' },
    { call: 'checkoutCart', logged: 'checkout' },
    { call: 'createOrder', logged: 'legacy-order' },
  ] as const)('should read back, find nothing, and send $call again', async ({ call, logged }) => {
    const pipeline = await startPipeline({ sandbox: { replay: false }, wrapClient: failFirstBeforeSending(call) });
    const summary = await pipeline.importCsv(buildCustomerCsv([buyingRow(`again${logged.replace('-', '')}`)]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1, failed: 0 });
    await expectBoughtOnce(pipeline, summary.id);
    expect(pipeline.logLines.some((line) => line.includes('found the write') && line.includes(`"write":"${logged}"`))).toBe(false);
    expect(pipeline.logLines.some((line) => line.includes('row attempt failed; retrying') && line.includes(`${call} answered 503`))).toBe(true);
  }, 30_000);
});

/** A read-back Partner Center cannot answer: a 503 each time, until `working` is set. */
function failingRead(read: 'listCustomerAgreements' | 'getCart' | 'listOrders', switchboard: { working: boolean }) {
  return (client: PartnerCenterClient): PartnerCenterClient => ({
    ...client,
    [read]: (...args: unknown[]) => {
      if (switchboard.working) return (client[read] as (...inner: unknown[]) => unknown)(...args);
      return Promise.reject(new PartnerCenterError({ errorCode: 'upstream_error', retryable: true, status: 503, message: `The read-back ${read} answered 503.` }));
    },
  });
}

const UNDECIDABLE = [
  { write: 'agreement', read: 'listCustomerAgreements', offers: buyingRow('x').Offers, where: /Customers → [0-9a-f-]{36} → Account\) whether the Microsoft Customer Agreement is shown as accepted/ },
  { write: 'checkout', read: 'getCart', offers: buyingRow('x').Offers, where: /Customers → [0-9a-f-]{36} → Subscriptions and Order history\) whether subscriptions for the row's offers were bought at or after \d{4}-\d\d-\d\d \d\d:\d\d UTC/ },
  { write: 'order', read: 'listOrders', offers: `${legacyE1}*2`, where: /Customers → [0-9a-f-]{36} → Subscriptions and Order history\) whether an order with the row's legacy offers and quantities was placed at or after \d{4}-\d\d-\d\d \d\d:\d\d UTC/ },
] as const;

describe('a lost answer that cannot be read back', () => {
  it.each(UNDECIDABLE)('should end the row failed with answer_lost when the $write cannot be read back, then finish it on retry without a duplicate', async ({ write, read, offers, where }) => {
    const switchboard = { working: false };
    const pipeline = await startPipeline({ maxAttempts: 2, sandbox: { replay: false }, wrapClient: failingRead(read, switchboard) });
    await loseNextAnswer(pipeline, write, 'reset');
    const summary = await pipeline.importCsv(buildCustomerCsv([validRow(`undecided${write}`, { Offers: offers, Term: 'P1Y', 'Billing cycle': 'annual', ...MCA_ACCEPTED })]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ failed: 1, created: 0 });

    const { result, customer } = await outcome(pipeline, summary.id);
    expect(result.pc_status).toBe('failed');
    expect(result.pc_error_code).toBe('answer_lost');
    expect(result.pc_customer_id).toBe(customer.id);
    expect(result.pc_error).toMatch(where);
    expect(result.pc_error).toContain(`(pc-onboard retry ${summary.id})`);
    const [ja] = parseResultsCsv(await pipeline.resultsText(summary.id, 'results', 'ja'));
    expect(ja!.pc_error).toContain(`顧客 ${customer.id} の`);
    expect(ja!.pc_error).toContain('読み取りで確認できませんでした');
    expect(ja!.pc_error).toContain(`(pc-onboard retry ${summary.id})`);
    // The write happened once, and was not sent again while it could not be decided.
    if (write === 'agreement') expect(customer.agreements).toBe(1);
    else expect(customer.orders).toHaveLength(1);

    // Once Partner Center can be read again, the retry finds the write and finishes the row.
    switchboard.working = true;
    expect(await pipeline.service.retryFailed(summary.id)).toBe(1);
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ created: 1, failed: 0 });
    const after = await outcome(pipeline, summary.id);
    expect(after.result.pc_error).toBe('');
    expect(after.customer.agreements).toBe(1);
    expect(after.creations).toEqual([1]);
    expect(after.result.pc_orders!.split(';').sort()).toEqual([...after.customer.orders].sort());
    expect(after.lines).toEqual(write === 'order' ? [`${legacyE1}*2`] : [`${legacyE1}*2`, `${m365Basic}*3`]);
  }, 30_000);
});

describe('an orders file whose purchase answer is lost', () => {
  it.each([true, false])("should read the checkout back, buy once and name the new subscription beside the customer's older one of the same product (replay %s)", async (replay) => {
    const pipeline = await startPipeline({ sandbox: { replay } });
    // The customer already holds the product, bought monthly by its customer row.
    const created = await pipeline.importCsv(buildCustomerCsv([validRow('holder', { Offers: `${m365Basic}*3`, ...MCA_ACCEPTED })]));
    expect((await pipeline.waitUntilSettled(created.id)).counts).toMatchObject({ created: 1 });
    const [customerRow] = parseResultsCsv(await pipeline.resultsText(created.id));
    const customerId = customerRow!.pc_customer_id!;
    const [older] = pipeline.sandbox.state.orders.get(customerId)!;

    await loseNextAnswer(pipeline, 'checkout', 'reset');
    const summary = await pipeline.importCsv(buildOrdersCsv([{ customer: customerId, offers: `${m365Basic}*4`, term: 'P1Y', billingCycle: 'annual' }]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ ordered: 1, failed: 0 });
    expect(await answersStillToLose(pipeline, 'checkout')).toBe(0);

    const orders = pipeline.sandbox.state.orders.get(customerId)!;
    expect(orders).toHaveLength(2);
    const bought = orders.find((order) => order.id !== older!.id)!;
    const [newSubscription] = (bought.lineItems as { subscriptionId: string }[]).map((line) => line.subscriptionId);
    const [result] = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(result!.pc_subscriptions).toBe(`${newSubscription}:+4`);
    expect((await pipeline.subscriptionsOf(customerId)).map((subscription) => subscription.quantity).sort()).toEqual([3, 4]);
    expect(pipeline.logLines.filter((line) => line.includes('found the write of an earlier attempt') && line.includes('"write":"checkout"'))).toHaveLength(1);
  }, 30_000);
});

/**
 * The client, except that once armed, the purchases (`write`) of the first two calls wait for
 * each other — both rows have planned a purchase — and then go one after the other, each after
 * `beforeTurn` (which loses its answer, or refuses it by throwing). Later calls (a retry) go at once.
 */
function purchasesInTurn(write: 'checkoutCart' | 'createOrder', beforeTurn: (turn: number) => Promise<void>) {
  const turns = { armed: false, arrived: 0 };
  let bothArrived = () => {};
  const gate = new Promise<void>((resolve) => (bothArrived = resolve));
  let previous: Promise<unknown> = Promise.resolve();
  const wrap = (client: PartnerCenterClient): PartnerCenterClient => ({
    ...client,
    [write]: async (...args: unknown[]) => {
      const send = () => (client[write] as (...inner: unknown[]) => Promise<unknown>)(...args);
      if (!turns.armed || turns.arrived >= 2) return send();
      const turn = ++turns.arrived;
      if (turn === 2) bothArrived();
      await gate;
      const sent = previous.then(async () => {
        await beforeTurn(turn);
        return send();
      });
      previous = sent.catch(() => undefined);
      return sent;
    },
  });
  return { arm: () => void (turns.armed = true), wrap };
}

describe('two orders rows of one customer buying the same offer side by side, one or both answers lost', () => {
  const cases = [
    { write: 'checkout', call: 'checkoutCart', offers: `${m365Basic}*4`, lostRow: 1 },
    { write: 'checkout', call: 'checkoutCart', offers: `${m365Basic}*4`, lostRow: 2 },
    { write: 'order', call: 'createOrder', offers: `${legacyE1}*2`, lostRow: 1 },
    { write: 'order', call: 'createOrder', offers: `${legacyE1}*2`, lostRow: 2 },
  ] as const;
  it.each(cases)("should end each row with its own $write, buy nothing twice and never take the other row's (purchase $lostRow lost)", async ({ write, call, offers, lostRow }) => {
    const turns = purchasesInTurn(call, async (turn) => {
      if (turn === lostRow) await loseNextAnswer(pipeline, write, 'reset');
    });
    const pipeline = await startPipeline({ sandbox: { replay: false }, wrapClient: turns.wrap });
    const created = await pipeline.importCsv(buildCustomerCsv([validRow(`twice${write}${lostRow}`, { Offers: `${m365Basic}*3`, ...MCA_ACCEPTED })]));
    expect((await pipeline.waitUntilSettled(created.id)).counts).toMatchObject({ created: 1 });
    const customerId = parseResultsCsv(await pipeline.resultsText(created.id))[0]!.pc_customer_id!;
    const [older] = pipeline.sandbox.state.orders.get(customerId)!;

    turns.arm();
    const row = { customer: customerId, offers, term: 'P1Y', billingCycle: 'annual' };
    const summary = await pipeline.importCsv(buildOrdersCsv([row, row]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ ordered: 2, failed: 0 });
    expect(await answersStillToLose(pipeline, write)).toBe(0);

    // Two orders bought, one per row, and each row names the new subscription of a different one.
    const bought = pipeline.sandbox.state.orders.get(customerId)!.filter((order) => order.id !== older!.id);
    expect(bought).toHaveLength(2);
    const boughtSubscriptions = bought.map((order) => `${(order.lineItems as { subscriptionId: string }[])[0]!.subscriptionId}:+${offers.split('*')[1]}`);
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(results.map((result) => result.pc_subscriptions).sort()).toEqual(boughtSubscriptions.sort());
    expect(pipeline.logLines.filter((line) => line.includes('found the write of an earlier attempt') && line.includes(`"write":"${write === 'order' ? 'legacy-order' : 'checkout'}"`))).toHaveLength(1);
  }, 30_000);

  it.each([
    { write: 'checkout', call: 'checkoutCart', offers: `${m365Basic}*4` },
    { write: 'order', call: 'createOrder', offers: `${legacyE1}*2` },
  ] as const)('should end both rows answer_lost, never guessing, when both $write answers are lost', async ({ write, call, offers }) => {
    const loseBoth = async () => {
      const answer = await fetch(`${pipeline.sandbox.url}/_sandbox/lose-answers`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ [write]: 2, mode: 'reset' }) });
      expect(answer.ok).toBe(true);
    };
    const turns = purchasesInTurn(call, async (turn) => {
      if (turn === 1) await loseBoth();
    });
    const pipeline = await startPipeline({ sandbox: { replay: false }, wrapClient: turns.wrap });
    const created = await pipeline.importCsv(buildCustomerCsv([validRow(`both${write}`, { Offers: `${m365Basic}*3`, ...MCA_ACCEPTED })]));
    expect((await pipeline.waitUntilSettled(created.id)).counts).toMatchObject({ created: 1 });
    const customerId = parseResultsCsv(await pipeline.resultsText(created.id))[0]!.pc_customer_id!;

    turns.arm();
    const row = { customer: customerId, offers, term: 'P1Y', billingCycle: 'annual' };
    const summary = await pipeline.importCsv(buildOrdersCsv([row, row]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ failed: 2, ordered: 0 });
    expect(await answersStillToLose(pipeline, write)).toBe(0);

    // Each purchase happened once; neither row took an order, both say what to check.
    expect(pipeline.sandbox.state.orders.get(customerId)).toHaveLength(3);
    for (const result of parseResultsCsv(await pipeline.resultsText(summary.id))) {
      expect(result.pc_error_code).toBe('answer_lost');
      expect(result.pc_subscriptions).toBe('');
      expect(result.pc_error).toMatch(/Several orders fit the row's lines \([0-9a-f]+, [0-9a-f]+\)/);
    }
  }, 30_000);

  it('should not hold back a read-back for a row whose purchase of the same lines was refused', async () => {
    const turns = purchasesInTurn('createOrder', async (turn) => {
      if (turn === 1) throw new PartnerCenterError({ errorCode: 'order_rejected', retryable: false, status: 400, message: 'createOrder refused.' });
      await loseNextAnswer(pipeline, 'order', 'reset');
    });
    const pipeline = await startPipeline({ sandbox: { replay: false }, maxAttempts: 2, wrapClient: turns.wrap });
    const created = await pipeline.importCsv(buildCustomerCsv([validRow('refusedorder', { Offers: `${m365Basic}*3`, ...MCA_ACCEPTED })]));
    expect((await pipeline.waitUntilSettled(created.id)).counts).toMatchObject({ created: 1 });
    const customerId = parseResultsCsv(await pipeline.resultsText(created.id))[0]!.pc_customer_id!;

    turns.arm();
    const row = { customer: customerId, offers: `${legacyE1}*2`, term: 'P1Y', billingCycle: 'annual' };
    const summary = await pipeline.importCsv(buildOrdersCsv([row, row]));
    expect((await pipeline.waitUntilSettled(summary.id)).counts).toMatchObject({ ordered: 1, failed: 1 });
    expect(await answersStillToLose(pipeline, 'order')).toBe(0);
    const [bought] = pipeline.sandbox.state.orders.get(customerId)!.slice(1);
    const results = parseResultsCsv(await pipeline.resultsText(summary.id));
    expect(results.map((result) => result.pc_subscriptions)).toContain(`${(bought!.lineItems as { subscriptionId: string }[])[0]!.subscriptionId}:+2`);
  }, 30_000);
});

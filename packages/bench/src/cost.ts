import type { Row } from './measure';
import { align } from './report';

/**
 * AWS on-demand prices, us-east-1 (N. Virginia), USD, as published in 2025-2026 (DynamoDB after the
 * November 2024 on-demand cut). The Jakarta region (ap-southeast-3) is priced higher; its rates were not
 * at hand when this was written: multiply by the regional factor before quoting a budget (docs/scaling.md).
 */
export const PRICES = {
  dynamoReadUnit: 0.125 / 1e6,
  dynamoWriteUnit: 0.625 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  /** arm64, first 7.5 billion GB-s a month. */
  lambdaGbSecond: 0.0000133334,
  /** HTTP API, first 300 million requests a month. */
  apiRequest: 1.0 / 1e6,
};

/** Lambda memory the cost assumes (GB), and a request's duration: its DynamoDB round trips plus compute. */
export const LAMBDA = { memoryGb: 1, msPerRoundTrip: 8, computeMs: 15 };

/**
 * A month of one cooperative, by scenario: how often each operation happens, already weighted by the share
 * of cooperatives running the unit (docs/scaling.md gives the reasons from /work/shared/domain.md).
 */
export const MONTHLY_MIX: Record<string, number> = {
  // Shop (every cooperative): 40 sales a day; the cashier's catalog page once per 4 sales.
  'sembako-sale': 40 * 30,
  'products-50': 10 * 30,
  // LPG outlet (half of them): 250 cylinders a month (the agent's quota of 200-300), one a sale.
  'lpg-sale': 0.5 * 250,
  // Fertilizer kiosk (40%, villages): 150 redemptions a month averaged over the seasons.
  'pupuk-redemption': 0.4 * 150,
  // Refill depot (30%): 30 sales a day of about 3 gallons.
  'airminum-sale': 0.3 * 30 * 30,
  // Retention pond (about 1 in 17 cooperatives: Bandung has 9 ponds for 151): hourly readings.
  'kolam-reading': 0.06 * 24 * 30,
  // Members (300) look at their profile and equity twice a month in the member app.
  'member-profile': 300 * 2,
  // The manager: the financial position and the loan portfolio every working day.
  'financial-position': 22,
  'loan-portfolio': 0.6 * 22,
  // Savings and loan (60%): 100 member statements a month.
  'member-statement': 0.6 * 100,
  // City offices: each of ~514 cities opens its cooperative pages 20 times a working day; per cooperative.
  'city-20': (514 * 20 * 22) / 82_800,
};

export interface CostLine {
  scenario: string;
  perMonth: number;
  usd: { dynamo: number; lambda: number; api: number; total: number };
}

/** The monthly cost of one cooperative from the measured capacity units and round trips of each operation. */
export function monthlyCost(rows: readonly Row[]): { lines: CostLine[]; total: number } {
  const lines = rows
    .filter((r) => r.scale === 1 && MONTHLY_MIX[r.scenario] !== undefined)
    .map((r) => {
      const n = MONTHLY_MIX[r.scenario]!;
      const dynamo = n * (r.readUnits * PRICES.dynamoReadUnit + r.writeUnits * PRICES.dynamoWriteUnit);
      const seconds = (r.roundTrips * LAMBDA.msPerRoundTrip + LAMBDA.computeMs) / 1000;
      const lambda = n * (PRICES.lambdaRequest + seconds * LAMBDA.memoryGb * PRICES.lambdaGbSecond);
      const api = n * PRICES.apiRequest;
      return { scenario: r.scenario, perMonth: n, usd: { dynamo, lambda, api, total: dynamo + lambda + api } };
    });
  return { lines, total: lines.reduce((a, l) => a + l.usd.total, 0) };
}

export function costText(rows: readonly Row[]): string {
  const { lines, total } = monthlyCost(rows);
  const usd = (n: number) => `$${n.toFixed(4)}`;
  const table = align([
    ['operation', 'per month', 'DynamoDB', 'Lambda', 'API Gateway', 'total'],
    ...lines.map((l) => [l.scenario, l.perMonth.toFixed(1), usd(l.usd.dynamo), usd(l.usd.lambda), usd(l.usd.api), usd(l.usd.total)]),
  ]);
  return `${table}\nper cooperative per month: ${usd(total)}; 82,800 cooperatives: $${(total * 82_800).toFixed(0)} a month (us-east-1 on-demand prices; request costs only, storage not included)`;
}

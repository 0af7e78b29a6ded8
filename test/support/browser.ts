import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.KKMP_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot work on these
 * machines). A fresh profile each time, and no background traffic: the network here is closed, and a
 * Chromium that phones home stalls.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The GraphiQL browser test needs Debian's chromium package: ` +
        '`sudo apt-get install -y chromium` (.ci/run installs it), or set KKMP_CHROMIUM to a Chromium binary.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'kkmp-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    // Tall: Monaco renders only the lines in view, and tests read the result pane as text.
    viewport: { width: 1600, height: 3200 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Chromium for the tests that need Mermaid itself. CI installs it (.ci/run); locally, a missing
// browser fails these tests rather than skipping them silently.
import { createRequire } from 'node:module';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser, mermaidPage } from '../../src/render/charts/images.js';

export function launch(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findBrowser(), headless: true, args: BROWSER_ARGS });
}

/** Mermaid's ES module build, from the optional peer the tests install (a development dependency). */
export const MERMAID_MODULE = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.esm.min.mjs');

/** Each text parsed by Mermaid in the browser: the error message, or '' when Mermaid accepts it. */
export async function mermaidParse(browser: Browser, texts: string[]): Promise<string[]> {
  const page = await mermaidPage(browser, MERMAID_MODULE);
  try {
    return await page.evaluate(async (all: string[]) => {
      const m = (globalThis as any).mermaid;
      const out: string[] = [];
      for (const text of all) {
        try {
          await m.parse(text);
          out.push('');
        } catch (error) {
          out.push(String((error as Error)?.message ?? error).split('\n')[0] || 'rejected');
        }
      }
      return out;
    }, texts);
  } finally {
    await page.close();
  }
}

// Chromium for the tests that need Mermaid itself. CI installs it (.ci/run); locally, a missing
// browser fails these tests rather than skipping them silently.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser } from 'puppeteer-core';
import { BROWSER_ARGS, findBrowser } from '../../src/render/charts/images.js';

export function launch(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findBrowser(), headless: true, args: BROWSER_ARGS });
}

const require = createRequire(import.meta.url);

/** Mermaid's browser bundle, from the optional peer the tests install. */
export const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');

/** Each text parsed by Mermaid in the browser: the error message, or '' when Mermaid accepts it. */
export async function mermaidParse(browser: Browser, texts: string[]): Promise<string[]> {
  const page = await browser.newPage();
  try {
    const bundle = MERMAID_SCRIPT;
    if (!existsSync(bundle)) throw new Error(`no Mermaid bundle at ${bundle}`);
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ path: bundle });
    return await page.evaluate(async (all: string[]) => {
      const m = (globalThis as any).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
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

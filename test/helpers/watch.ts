import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { BIN } from './cli.js';

/** `orgc <args>` left running (a `--watch`): its output so far, a wait for a condition on it, and a stop. */
export function running(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => (output.stdout += d));
  child.stderr.on('data', (d) => (output.stderr += d));
  return {
    output,
    /** Waits up to 30 s for `ok`, then fails with what the command printed. */
    async until(ok: () => boolean): Promise<void> {
      for (let i = 0; i < 600 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(ok(), `${output.stdout}\n${output.stderr}`).toBe(true);
    },
    stop: () => void child.kill(),
  };
}

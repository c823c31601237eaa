// Where command output goes and whether it is coloured.
import { Chalk } from 'chalk';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  readStdin?: () => Promise<Uint8Array>;
}

export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour when writing to a terminal, unless NO_COLOR is set; FORCE_COLOR decides over both. */
export function useColor(io: Io, isTTY: boolean): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return isTTY;
}

export function errorLine(io: Io, message: string): void {
  const c = new Chalk({ level: useColor(io, io.stderrIsTTY) ? 1 : 0 });
  io.stderr(`${c.red('orgc:')} ${message}\n`);
}

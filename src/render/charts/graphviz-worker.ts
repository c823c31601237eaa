// Graphviz layouts on a worker thread. The chart pages of a large org's HTML handbook (9,447 at
// 100k roles) are a fifth of its render, all of it Graphviz's WebAssembly; on a worker they are laid
// out on the machine's other core while the main thread makes the job descriptions. Each layout is
// made from its DOT text alone, so the pages are the same bytes whichever thread drew them.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Plain JavaScript run by the worker: it loads Graphviz itself (the package is ESM and outside the
// bundle), then answers each batch of DOT texts with their SVGs, in order.
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const said = (error) => String((error && error.message) || error);
import(workerData.graphviz)
  .then(({ Graphviz }) => Graphviz.load())
  .then((graphviz) => {
    parentPort.on('message', ({ id, dots }) => {
      try {
        parentPort.postMessage({ id, svgs: dots.map((dot) => graphviz.dot(dot)) });
      } catch (error) {
        parentPort.postMessage({ id, error: said(error) });
      }
    });
    parentPort.postMessage({ id: 0 });
  }, (error) => parentPort.postMessage({ id: 0, error: said(error) }));
`;

/** Megabytes; a batch of 100 chart pages' DOT and SVG texts is a few. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

interface Reply {
  id: number;
  svgs?: string[];
  error?: string;
}

export class GraphvizWorker {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (svgs: string[]) => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      if (reply.id === 0) {
        if (reply.error !== undefined) this.fail(new Error(reply.error));
        return;
      }
      const waiting = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.error !== undefined) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply.svgs ?? []);
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('the Graphviz worker stopped')));
    // The worker is waited on through the batches it owes, not for its own sake: an idle one does
    // not keep the process alive.
    worker.unref();
  }

  /** A worker, or undefined where threads or the Graphviz package are not to be had (the caller draws in-process). */
  static start(): GraphvizWorker | undefined {
    try {
      const graphviz = pathToFileURL(createRequire(import.meta.url).resolve('@hpcc-js/wasm-graphviz')).href;
      // A small heap: the worker holds a batch of charts at a time, and without a cap V8 lets an idle
      // heap grow beside the main thread's (200 MB more at the peak of a 100k-role render).
      return new GraphvizWorker(new Worker(WORKER_CODE, { eval: true, workerData: { graphviz }, resourceLimits: WORKER_LIMITS }));
    } catch {
      return undefined;
    }
  }

  /** The SVG of each DOT text, in order. */
  draw(dots: string[]): Promise<string[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const drawn = new Promise<string[]>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.worker.ref();
    this.worker.postMessage({ id, dots });
    return drawn.finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the Graphviz worker was closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

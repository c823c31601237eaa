// Graphviz on a worker thread (src/render/charts/graphviz-worker.ts): the SVGs it draws are those
// drawn in-process, byte for byte, and its failures reach the caller instead of hanging the render.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphvizWorker } from '../../src/render/charts/graphviz-worker.js';

const DOTS = ['digraph { a -> b; b -> c; a -> c }', 'digraph { rankdir=LR; node [shape=box]; "销售总监" -> "客户经理" [label="汇报"] }'];

describe('the Graphviz worker', () => {
  const worker = GraphvizWorker.start()!;
  afterAll(() => worker.close());

  it('draws the SVGs Graphviz draws in-process, in order, batch after batch', async () => {
    const graphviz = await Graphviz.load();
    const here = DOTS.map((dot) => graphviz.dot(dot));
    const [first, second] = await Promise.all([worker.draw(DOTS), worker.draw([...DOTS].reverse())]);
    expect(first).toEqual(here);
    expect(second).toEqual([...here].reverse());
  });

  it('rejects a batch Graphviz cannot draw, and draws the next', async () => {
    await expect(worker.draw(['digraph { a -> ']),).rejects.toThrow();
    expect(await worker.draw(DOTS.slice(0, 1))).toHaveLength(1);
  });

  it('rejects every batch once closed', async () => {
    const closing = GraphvizWorker.start()!;
    await closing.close();
    await expect(closing.draw(DOTS)).rejects.toThrow(/closed/);
  });
});

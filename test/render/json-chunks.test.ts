// org.json is written in chunks of about a megabyte (src/render/json.ts): the chunks joined are
// JSON.stringify of the whole model, byte for byte, and a large org makes several of them.
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../scripts/bench/synthetic-org.js';
import { loadFiles } from '../../src/load/index.js';
import { sourceFromBytes } from '../../src/load/sources.js';
import { buildModel } from '../../src/model/build.js';
import { modelJson, modelJsonChunks } from '../../src/render/json.js';

describe('org.json in chunks', () => {
  it('is the whole model stringified, for an org large enough to need several chunks', async () => {
    const org = syntheticOrg(1500);
    const loaded = await loadFiles([...org.files].map(([p, text]) => sourceFromBytes(p, Buffer.from(text))));
    const model = buildModel(loaded.files).model!;
    const chunks = [...modelJsonChunks(model)];
    expect(chunks.length).toBeGreaterThan(2);
    // Each but the last holds at least a chunk's worth: no flood of small writes.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1 << 20);
    expect(chunks.join('')).toBe(`${JSON.stringify(modelJson(model), null, 2)}\n`);
  });
});

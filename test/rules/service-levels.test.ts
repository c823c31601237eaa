import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const orgWith = (serviceLevels: string) => org(`
  process:
    win:
      name: Win
      steps:
        qualify: { name: Qualify }
        close: { name: Close }
    keep:
      name: Keep
      steps:
        support: { name: Support }
  duties:
    qualify: { name: Qualify, area: execution, step: qualify }
    close: { name: Close, area: execution, step: close }
    support: { name: Support, area: customer, step: support }
  roles:
    manager: { title: Manager, level: tactical, duties: { qualify: A, close: A, support: A } }
    sdr: { title: SDR, level: frontline, reports_to: manager, duties: { qualify: R } }
    rep: { title: Rep, level: frontline, reports_to: manager, duties: { close: R, support: R } }
  service_levels:
${serviceLevels}
`);

describe('service-levels', () => {
  it('is quiet when each hand-off has a service level and chains fit', async () => {
    expect(await findings('service-levels', orgWith(`
    lead-handoff: { what: Lead, from: sdr, to: rep, within: 24h }
    resolution: { what: Solution, from: rep, to: customer, within: 48h }
    routing: { what: Complaint, from: rep, to: manager, within: 1h, part_of: resolution }
    answer: { what: Answer, from: manager, to: customer, within: 24h, part_of: resolution }`))).toEqual([]);
  });

  it('reports a hand-off between steps with no service level, at the step handed to', async () => {
    expect(await findings('service-levels', orgWith(`
    other: { what: Other, from: rep, to: customer, within: 2d }`))).toEqual([
      '8:7 the hand-off from Qualify (qualify) to Close (close) (sdr → rep) has no service level',
    ]);
  });

  it('reports parts that exceed the whole', async () => {
    expect(await findings('service-levels', orgWith(`
    lead-handoff: { what: Lead, from: sdr, to: rep, within: 24h }
    resolution: { what: Solution, from: rep, to: customer, within: 24h }
    routing: { what: Complaint, from: rep, to: manager, within: 1h, part_of: resolution }
    answer: { what: Answer, from: manager, to: customer, within: 24h, part_of: resolution }`))).toEqual([
      '24:66 the parts of resolution take 25h (routing 1h + answer 24h), more than its 24h',
    ]);
  });
});

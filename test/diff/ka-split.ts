// The example org with its key account manager split in two: a KA solution manager who wins the
// deals, and a KA relationship manager who owns the accounts. For the tests of `orgc diff`.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/cli.js';

const SPLIT = `  ka-solution-manager:
    title: { en: KA Solution Manager, zh-CN: KA 方案经理 }
    level: frontline
    family: sales
    cut: [tier, channel]
    scope: { tier: [ka], channel: [field] }
    reports_to: sales-director
    dotted_line_to: [regional-manager-east, regional-manager-south]
    headcount: 2
    quota: { per_seat: 5.6M CNY, attainment: 90% }
    duties:
      analyse-needs: R
      propose-solutions: R
      close-deals: R
      provide-product-expertise: C
    requires:
      experience: 3y
      competencies: { need-discovery: 2, solution-selling: 3, negotiation: 3 }
    tools: [crm]
  ka-relationship-manager:
    title: { en: KA Relationship Manager, zh-CN: KA 关系经理 }
    level: frontline
    family: sales
    cut: [tier, channel]
    scope: { tier: [ka], channel: [field] }
    reports_to: sales-director
    dotted_line_to: [regional-manager-east, regional-manager-south]
    headcount: 2
    duties:
      manage-key-accounts: [A, R]
      collect-payments: R
      renew-and-upsell: R
      coordinate-resources: C
    requires:
      experience: 3y
      competencies: { account-management: 3, risk-control: 1 }
    tools: [crm, bi]
`;

/** A copy of examples/sales-org in `dir`, with the KA account manager split. */
export function kaSplit(dir: string): string {
  cpSync(`${ROOT}examples/sales-org`, dir, { recursive: true });
  const edit = (file: string, change: (text: string) => string) => {
    const p = path.join(dir, file);
    const before = readFileSync(p, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`no change to ${file}`);
    writeFileSync(p, after);
  };
  edit('roles/sales.yaml', (t) => t.replace(/ {2}ka-account-manager:\n(?: {4}.*\n| *\n)*?(?= {2}\S)/, SPLIT));
  edit('performance.yaml', (t) => t.replace(/ka-account-manager/g, 'ka-relationship-manager'));
  edit('people.yaml', (t) => t.replace(/ka-account-manager/g, 'ka-relationship-manager'));
  return dir;
}

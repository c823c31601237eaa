// A pay band reads lowest to highest in one currency: a band whose minimum is above its maximum,
// or whose midpoint lies outside them, or whose amounts mix currencies, gives every cost computed
// from it (the loaded cost of the design, cost of sale, the pay range of a job posting) a wrong number.
import { parseQuantity } from '../../model/quantity.js';
import { named } from '../named.js';
import { defineRule } from '../rule.js';
import { valueAt } from '../where.js';

export default defineRule({
  meta: {
    id: 'pay-band',
    description: {
      en: 'A pay band whose amounts are out of order (min above max, mid outside them) or in more than one currency.',
      'zh-CN': '薪酬带宽的金额顺序不对（最低值高于最高值、中位值不在两者之间）或使用了不止一种币种。',
    },
    severity: 'error',
    recommended: true,
    options: {},
    messages: {
      order: {
        en: 'the minimum of {band} ({min}) is above its maximum ({max}): swap them',
        'zh-CN': '{band} 的最低值（{min}）高于最高值（{max}）：请对调',
      },
      mid: {
        en: 'the midpoint of {band} ({mid}) is outside its range {min} – {max}: write a midpoint inside it, or leave it out for the halfway point',
        'zh-CN': '{band} 的中位值（{mid}）不在 {min} – {max} 范围内：请写范围内的值，或删去它以取中间值',
      },
      currency: {
        en: 'the `{field}` of {band} is in {currency}, its minimum in {minCurrency}: write every amount of a band in one currency',
        'zh-CN': '{band} 的 `{field}` 以 {currency} 计，最低值以 {minCurrency} 计：同一薪酬带宽的金额请使用同一币种',
      },
    },
  },
  check({ model, report }) {
    for (const band of model.payBands.values()) {
      const name = named(model, band);
      let mixed = false;
      for (const field of ['mid', 'max'] as const) {
        const written = band.written[field];
        if (written === undefined) continue;
        const currency = parseQuantity(written).currency ?? '';
        if (currency === band.currency) continue;
        mixed = true;
        report({ messageId: 'currency', data: { band: name, field, currency, minCurrency: band.currency }, at: valueAt(band.src, field) });
      }
      // Amounts in different currencies cannot be ordered.
      if (mixed) continue;
      if (band.min > band.max) report({ messageId: 'order', data: { band: name, min: band.written.min, max: band.written.max }, at: valueAt(band.src, 'min') });
      else if (band.written.mid !== undefined && (band.mid < band.min || band.mid > band.max)) {
        report({ messageId: 'mid', data: { band: name, mid: band.written.mid, min: band.written.min, max: band.written.max }, at: valueAt(band.src, 'mid') });
      }
    }
  },
});

import { describe, expect, it } from 'vitest';
import { findings, org } from '../helpers/lint.js';

const band = (fields: string) => org(`
  duties:
    sell: { name: Sell, area: execution }
  roles:
    rep: { title: Sales Representative, level: frontline, pay_band: p5, duties: { sell: [A, R] } }
  pay_bands:
    p5: { name: Seller (P5), ${fields} }
`);

describe('pay-band', () => {
  it('is quiet on a band in order, in one currency, with or without a midpoint', async () => {
    expect(await findings('pay-band', band('min: 220K CNY, max: 350K CNY'))).toEqual([]);
    expect(await findings('pay-band', band('min: 22万 CNY, mid: 300K CNY, max: 0.35M CNY'))).toEqual([]);
  });

  it('reports a minimum above the maximum, at the minimum', async () => {
    expect(await findings('pay-band', band('min: 350K CNY, max: 220K CNY'))).toEqual(['8:33 the minimum of Seller (P5) (p5) (350K CNY) is above its maximum (220K CNY): swap them']);
  });

  it('reports a midpoint outside the range, at the midpoint', async () => {
    expect(await findings('pay-band', band('min: 220K CNY, mid: 400K CNY, max: 350K CNY'))).toEqual([
      '8:48 the midpoint of Seller (P5) (p5) (400K CNY) is outside its range 220K CNY – 350K CNY: write a midpoint inside it, or leave it out for the halfway point',
    ]);
  });

  it('reports amounts in another currency than the minimum, and does not order them', async () => {
    expect(await findings('pay-band', band('min: 220K CNY, max: 50K USD'))).toEqual([
      '8:48 the `max` of Seller (P5) (p5) is in USD, its minimum in CNY: write every amount of a band in one currency',
    ]);
  });
});

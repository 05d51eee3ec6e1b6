import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('keeps Latin words', () => expect(slugify('  Acme Sales & Marketing! ')).toBe('acme-sales-marketing'));
  it('folds accents', () => expect(slugify('Café Crème')).toBe('cafe-creme'));
  it('gives Chinese names a short random slug', () => expect(slugify('星辰营销')).toMatch(/^ws-[0-9a-f]{6}$/));
  it('keeps the latin part of mixed names', () => expect(slugify('星辰 Marketing')).toBe('marketing'));
});

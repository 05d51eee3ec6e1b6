import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages, pickLocale, translate } from './messages.ts';

const serverDir = path.resolve(import.meta.dirname, '..');
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('server messages', () => {
  it('has the same keys in zh-CN and en', () => {
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages.en).sort());
  });

  it('has a message in both languages for every key the code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(serverDir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:code|reason): '([a-z_]+\.[a-z_]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((k) => !(k in messages.en) || !(k in messages['zh-CN']));
    expect(missing).toEqual([]);
  });

  it('fills parameters and translates keys given as reasons', () => {
    expect(translate('en', 'has_dependents', { reason: 'position.in_use', people: 3 })).toBe(
      'Cannot remove it: 3 person(s) still hold this position; give them another position first.',
    );
    expect(translate('zh-CN', 'not_found', { entity: 'person' })).toBe('找不到该人员，它可能已被删除，或你无权查看。');
  });

  it('picks the language: explicit choice, then Accept-Language, then Chinese', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en');
    expect(pickLocale(undefined, 'fr-FR,en-US;q=0.8,zh;q=0.5')).toBe('en');
    expect(pickLocale(undefined, 'zh-TW')).toBe('zh-CN');
    expect(pickLocale(undefined, 'fr')).toBe('zh-CN');
    expect(pickLocale(undefined, undefined)).toBe('zh-CN');
  });
});

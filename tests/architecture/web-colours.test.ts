import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brand, chart, goalStatus, gradeColors, themeConfig } from '../../src/web/theme.ts';

// the web app's files, read here (a web file may not use node:fs: tests/architecture holds the checks that read the tree)
const WEB = join(import.meta.dirname, '../../src/web');
const HEX = /#[0-9a-fA-F]{3,8}\b/g;

/** Files that may keep a hex colour, each with the reason. Paths relative to src/web. */
const EXCEPTIONS: Record<string, string> = {
  // the theme itself: the one place colours are defined
  'theme.ts': 'defines the colours',
  // the page shown before any script loads (it cannot import theme.ts)
  'index.html': 'static loading background, before the app and its theme exist',
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.(tsx?|css|html)$/.test(e.name) ? [path] : [];
  });
}

describe('theme', () => {
  it('keeps every hex colour of src/web in theme.ts', () => {
    const found: string[] = [];
    for (const path of files(WEB)) {
      const rel = relative(WEB, path).split('\\').join('/');
      if (rel in EXCEPTIONS) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(HEX)) found.push(`${rel}:${i + 1} ${m[0]}`);
        });
    }
    expect(found, 'use a named colour from src/web/theme.ts instead').toEqual([]);
  });

  it('seeds antd with the brand colour', () => {
    expect(themeConfig.token?.colorPrimary).toBe(brand.primary);
    expect(chart.series[0]).toBe(brand.primary);
  });

  it('gives every grade and goal status a colour', () => {
    for (const g of ['S', 'A', 'B', 'C', 'D']) expect(gradeColors[g]).toMatch(/^#[0-9a-f]{6}$/);
    for (const c of Object.values(goalStatus)) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});

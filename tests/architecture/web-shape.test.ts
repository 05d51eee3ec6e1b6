import { describe, expect, it } from 'vitest';
import { MAX_COMPONENT_LINES, shapeProblems, styleProblems, type WebFile, webFiles } from './web-shape.ts';

describe('web features of one shape', () => {
  const all = webFiles();

  it('keeps endpoint calls in *-api.ts, server state in *-queries.ts, components small', () => {
    expect(shapeProblems(all)).toEqual([]);
  });

  it('takes spacing and type sizes from theme.ts', () => {
    expect(styleProblems(all), 'use space.* / fontSize.* from src/web/theme.ts').toEqual([]);
  });

  it('would notice each kind of problem', () => {
    const long = `${'x\n'.repeat(MAX_COMPONENT_LINES + 1)}`;
    const sample: WebFile[] = [
      { rel: 'features/a/Page.tsx', text: "import { useQuery } from '@tanstack/react-query';\nimport { request, type Ok } from '../../api.ts';" },
      { rel: 'features/a/a-queries.ts', text: "import { useQuery } from '@tanstack/react-query';\nimport { aApi } from './a-api.ts';" },
      { rel: 'features/a/a-api.ts', text: "import { get } from '../../api.ts';" },
      { rel: 'features/a/Types.tsx', text: "import { type Ok, ApiError } from '../../api.ts';\nimport type { QueryKey } from '@tanstack/react-query';" },
      { rel: 'features/a/Big.tsx', text: long },
      { rel: 'features/a/Styled.tsx', text: '<div style={{ marginTop: 16, fontSize: space.sm }} /><Space size={8}><Space size={space.sm}>' },
    ];
    expect(shapeProblems(sample)).toEqual([
      'features/a/Page.tsx: uses react-query: move its queries and mutations into the feature\'s <feature>-queries.ts',
      "features/a/Page.tsx: sends requests (request): move the call into the feature's <feature>-api.ts",
      `features/a/Big.tsx: ${MAX_COMPONENT_LINES + 2} lines: split it (at most ${MAX_COMPONENT_LINES})`,
    ]);
    expect(styleProblems(sample)).toEqual(['features/a/Styled.tsx:1 marginTop: 16', 'features/a/Styled.tsx:1 <Space size={8}']);
  });
});

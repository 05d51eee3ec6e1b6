import type { CSSProperties, ReactNode } from 'react';
import { border, fontSize, space, surface } from '../theme.ts';

type Props = { title: ReactNode; children: ReactNode; testId?: string; style?: CSSProperties };

/**
 * A plain card for the sign-in and first-run pages. antd's Card pulls in Tabs (and with
 * them Menu and Dropdown), which the very first screen does not need.
 */
export default function Panel({ title, children, testId, style }: Props) {
  return (
    <section
      data-testid={testId}
      style={{
        background: surface.base,
        border: `1px solid ${border.divider}`,
        borderRadius: 8,
        boxShadow: '0 1px 2px rgba(0,0,0,0.03), 0 2px 8px rgba(0,0,0,0.04)',
        ...style,
      }}
    >
      <h2 style={{ margin: 0, padding: `${space.lg}px ${space.xl}px`, fontSize: fontSize.title, fontWeight: 600, borderBottom: `1px solid ${border.divider}` }}>
        {title}
      </h2>
      <div style={{ padding: space.xl }}>{children}</div>
    </section>
  );
}

import { BUILTIN_TEMPLATES } from '../../core/datasets/builtin-templates.ts';

const youzan = BUILTIN_TEMPLATES.find((t) => t.key === 'youzan-orders')!;

/** A Youzan order export of `rows` orders, every column filled with a value of its type. */
export function youzanCsv(rows: number, first = 1): string {
  const header = youzan.columns.map((c) => c.name).join(',');
  const lines = [header];
  for (let i = first; i < first + rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      youzan.columns
        .map((c) => {
          if (c.name === youzan.keyColumns[0]) return `E${String(i).padStart(12, '0')}`;
          if (c.name === '分销员') return i % 2 ? '王芳' : '李娜';
          if (c.name === '订单状态') return '交易成功';
          switch (c.type) {
            case 'datetime':
              return `2026-10-${day} 10:00:00`;
            case 'integer':
              return String(i % 5);
            case 'decimal':
              return (i % 997) + 0.5;
            case 'percent':
              return '0.5';
            case 'duration':
              return '10秒';
            default:
              return `t${i % 13}`;
          }
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}


/** An InputNumber's display while typing, thousands grouped in the integer part only (531000 → 531,000; 0.12345 stays). */
export const groupDigits = (value: number | string | undefined): string => {
  const [int, frac] = String(value ?? '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
};

/** The parser matching groupDigits. */
export const ungroupDigits = (text: string | undefined): string => (text ?? '').replace(/,/g, '');

import { DIRECTIONS, KINDS, NATURES, PERIODS, PERSPECTIVES, ROLL_UPS, TERM_ROLL_UPS } from '../../../core/indicators/types.ts';

export const PERSPECTIVE_OPTIONS = PERSPECTIVES;
export { DIRECTIONS, KINDS, NATURES, PERIODS, ROLL_UPS, TERM_ROLL_UPS };

/** Tag colours of the balanced-scorecard perspectives. */
export const PERSPECTIVE_COLORS: Record<(typeof PERSPECTIVES)[number], string> = {
  finance: 'gold',
  customer: 'blue',
  internal: 'purple',
  learning: 'green',
};

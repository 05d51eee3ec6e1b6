/**
 * Escapes the LIKE wildcards in text a user typed, so that searching for "50%" finds
 * "50%" and not everything starting with "50".
 * @example escapeLike('50%_off') // '50\\%\\_off'
 */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

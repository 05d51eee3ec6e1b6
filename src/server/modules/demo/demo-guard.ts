import { AppError } from '../../errors.ts';
import type { Auth } from '../../http/request-context.ts';

/**
 * The demo accounts are shared by every visitor (anyone can open the demo), so nothing
 * that outlives the demo or reaches beyond it may be created with them: accounts (which
 * would also end first-run setup), workspaces, API tokens.
 */
export function assertNotDemoAccount(auth: Auth): void {
  if (auth.user.isDemo) throw new AppError('demo_restricted');
}

import { screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it, vi } from 'vitest';
import type { Position } from '../api.ts';
import PositionModal from '../features/positions/PositionModal.tsx';
import { apiError, type StubRequest, stubApi } from '../testing/network.ts';
import { renderInApp, t } from '../testing/render.tsx';

/**
 * The dialog of a stale save (issue 13), through a real edit form (a position's): a 409
 * request.stale_version names who changed the record and when, and offers to reload the latest
 * values, to apply the user's change anyway with the current version, or to go back to the form.
 */
const PATCH = 'PATCH /workspaces/acme/positions/p1';
const LIST = 'GET /workspaces/acme/positions';
const AT = '2026-12-07T10:15:00.000Z';
const loaded: Position = { id: 'p1', name: '销售代表', description: '旧说明', headcount: 2, version: 3 };
const theirs: Position = { ...loaded, description: '他人的说明', version: 4 };

const stale = (updatedBy: string) =>
  apiError(409, 'conflict', 'This record was changed by Ada Admin at 2026-12-07 10:15 UTC …', [
    { code: 'request.stale_version', value: { currentVersion: 4, updatedBy, updatedAt: AT } },
  ]);

/** The form open on `loaded`; the first save is refused as stale, later ones are saved. */
function setUp(updatedBy = 'Ada Admin') {
  let saves = 0;
  const net = stubApi({
    [PATCH]: (r: StubRequest) => (++saves === 1 ? stale(updatedBy) : { ...loaded, ...(r.body as object), version: 5 }),
    [LIST]: [theirs],
  });
  const onClose = vi.fn();
  const view = renderInApp(<PositionModal ws="acme" position={loaded} onClose={onClose} />);
  return { net, onClose, ...view };
}

const description = () => screen.getByLabelText(t('positions.description')) as HTMLTextAreaElement;
async function editAndSave(user: ReturnType<typeof setUp>['user']) {
  await user.clear(description());
  await user.type(description(), '我的说明');
  await user.click(screen.getByTestId('position-submit'));
  return screen.findByTestId('stale-version-text');
}

describe('StaleVersionDialog (a save based on a stale version)', () => {
  it('names who changed the record and when, and "Reload" shows the latest values without saving', async () => {
    const { net, user, onClose } = setUp();
    const text = await editAndSave(user);
    expect(net.last(PATCH)?.body).toMatchObject({ description: '我的说明', version: 3 });
    expect(text.textContent).toContain(t('conflict.changedBy', { by: 'Ada Admin', at: dayjs(AT).format('YYYY-MM-DD HH:mm') }));
    const dialog = screen.getByTestId('stale-reload').closest<HTMLElement>('[role=dialog]')!;
    expect(within(dialog).getByText(t('conflict.title'))).toBeTruthy();

    await user.click(within(dialog).getByTestId('stale-reload'));
    await waitFor(() => expect(description().value).toBe('他人的说明'));
    expect(screen.queryByTestId('stale-version-text')).toBeNull();
    expect(net.calls.filter((c) => `${c.method} ${c.path}` === PATCH)).toHaveLength(1);
    expect(onClose).not.toHaveBeenCalled();
    // the next save is based on the version the conflict named
    await user.click(screen.getByTestId('position-submit'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(net.last(PATCH)?.body).toMatchObject({ description: '他人的说明', version: 4 });
  });

  it('"Apply my change anyway" sends the user\'s values again with the current version', async () => {
    const { net, user, onClose } = setUp();
    await editAndSave(user);
    await user.click(screen.getByTestId('stale-apply'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const patches = net.calls.filter((c) => `${c.method} ${c.path}` === PATCH);
    expect(patches.map((c) => c.body)).toEqual([
      expect.objectContaining({ description: '我的说明', version: 3 }),
      expect.objectContaining({ description: '我的说明', version: 4 }),
    ]);
  });

  it('Cancel goes back to the form with the user\'s values kept, sending nothing', async () => {
    const { net, user, onClose } = setUp('');
    const text = await editAndSave(user);
    // no name known: the time alone
    expect(text.textContent).toContain(t('conflict.changedAt', { at: dayjs(AT).format('YYYY-MM-DD HH:mm') }));
    // (Esc does the same: e2e/conflicts.spec.ts — jsdom gives every antd dialog one id, so Esc reaches the form's own)
    await user.click(screen.getByTestId('stale-cancel'));
    await waitFor(() => expect(screen.queryByTestId('stale-version-text')).toBeNull());
    expect(description().value).toBe('我的说明');
    expect(net.calls.filter((c) => c.method !== 'GET' || c.path !== '/workspaces/acme/positions')).toHaveLength(1);
    expect(onClose).not.toHaveBeenCalled();
  });
});

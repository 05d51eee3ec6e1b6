import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contracts/common.ts';
import { renderInApp } from '../../testing/render.tsx';
import { abilitiesFor } from '../../testing/workspace.ts';
import SideNav from './SideNav.tsx';

const menus = () => screen.getAllByTestId(/^nav-/).map((a) => a.dataset.testid?.slice(4));

function show(role: Role, solo = false) {
  renderInApp(<SideNav workspace="acme" abilities={abilitiesFor(role)} solo={solo} />, { route: '/w/acme/home' });
  return menus();
}

describe('SideNav', () => {
  it('shows each menu by the action its page needs, as the server grants them to the role', () => {
    expect(show('admin')).toEqual(['home', 'org', 'positions', 'plans', 'indicators', 'scorecards', 'cycles', 'datasets', 'metrics', 'members', 'audit', 'account']);
  });

  it('gives a manager the scorecards and datasets, not the members or the audit log', () => {
    expect(show('manager')).toEqual(['home', 'org', 'positions', 'plans', 'indicators', 'scorecards', 'cycles', 'datasets', 'metrics', 'account']);
  });

  it('gives a member what everyone reads', () => {
    expect(show('member')).toEqual(['home', 'org', 'positions', 'plans', 'indicators', 'cycles', 'metrics', 'account']);
  });

  it('leaves out the organisation and appraisal in a solo workspace', () => {
    expect(show('admin', true)).toEqual(['home', 'plans', 'indicators', 'datasets', 'metrics', 'members', 'audit', 'account']);
  });

  it('shows only the account without a workspace', () => {
    renderInApp(<SideNav workspace={null} abilities={[]} />, { route: '/account', path: '*' });
    expect(menus()).toEqual(['account']);
  });
});

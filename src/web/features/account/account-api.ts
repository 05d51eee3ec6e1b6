/** The signed-in user's own endpoints (contracts/auth.ts): profile, password, API tokens. */
import type { z } from 'zod';
import type * as auth from '../../../contracts/auth.ts';
import { type ApiToken, type CreatedToken, del, get, type Me, type Ok, patch, post } from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
export type UpdateProfileBody = In<typeof auth.updateProfileInput>;
export type ChangePasswordBody = In<typeof auth.changePasswordInput>;
export type CreateTokenBody = In<typeof auth.createTokenInput>;

export const accountApi = {
  updateProfile: (body: UpdateProfileBody) => patch<Me>('/auth/me', body),
  changePassword: (body: ChangePasswordBody) => post<Ok>('/auth/password', body),
  tokens: {
    list: () => get<ApiToken[]>('/auth/tokens'),
    create: (body: CreateTokenBody) => post<CreatedToken>('/auth/tokens', body),
    revoke: (id: string) => del(`/auth/tokens/${id}`),
  },
};

/** The workspace members endpoints (contracts/org.ts), on top of the shared typed client of api.ts. */
import type { z } from 'zod';
import type * as org from '../../../contracts/org.ts';
import { del, get, type Member, patch, post, workspacePath } from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
export type AddMemberBody = In<typeof org.addMemberInput>;
export type UpdateMemberBody = In<typeof org.updateMemberInput>;

export const membersApi = {
  list: (ws: string) => get<Member[]>(`${workspacePath(ws)}/members`),
  add: (ws: string, body: AddMemberBody) => post<Member>(`${workspacePath(ws)}/members`, body),
  update: (ws: string, userId: string, body: UpdateMemberBody) => patch<Member>(`${workspacePath(ws)}/members/${userId}`, body),
  remove: (ws: string, userId: string) => del(`${workspacePath(ws)}/members/${userId}`),
};

/** The positions endpoints (contracts/org.ts), on top of the shared typed client of api.ts. */
import type { z } from 'zod';
import type * as org from '../../../contracts/org.ts';
import { del, get, patch, type Position, post, workspacePath } from '../../api.ts';

type In<T extends z.ZodType> = z.input<T>;
export type CreatePositionBody = In<typeof org.createPositionInput>;
export type UpdatePositionBody = In<typeof org.updatePositionInput>;

export const positionsApi = {
  list: (ws: string) => get<Position[]>(`${workspacePath(ws)}/positions`),
  create: (ws: string, body: CreatePositionBody) => post<Position>(`${workspacePath(ws)}/positions`, body),
  update: (ws: string, id: string, body: UpdatePositionBody) => patch<Position>(`${workspacePath(ws)}/positions/${id}`, body),
  remove: (ws: string, id: string) => del(`${workspacePath(ws)}/positions/${id}`),
};

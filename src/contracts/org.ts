import { z } from 'zod';
import { calendarDate, calendarDateTime, displayName, email, expectedVersion, pageQuery, paged, role, rowVersion, uuid } from './common.ts';

const isoDate = calendarDate;

export const unit = z.object({
  id: uuid,
  name: z.string(),
  parentId: uuid.nullable(),
  leadPersonId: uuid.nullable(),
  leadName: z.string().nullable(),
  sortOrder: z.number().int(),
  status: z.enum(['active', 'inactive']),
  /** Active people directly in this unit. */
  headcount: z.number().int(),
  version: rowVersion,
});
export type Unit = z.infer<typeof unit>;

export const createUnitInput = z
  .object({
    name: displayName,
    parentId: uuid.nullable().optional(),
    leadPersonId: uuid.nullable().optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict();
export const updateUnitInput = z
  .object({
    name: displayName.optional(),
    parentId: uuid.nullable().optional(),
    leadPersonId: uuid.nullable().optional(),
    sortOrder: z.number().int().min(0).max(100000).optional(),
    status: z.enum(['active', 'inactive']).optional(),
    version: expectedVersion,
  })
  .strict();

export const position = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  headcount: z.number().int(),
  version: rowVersion,
});
export type Position = z.infer<typeof position>;
export const createPositionInput = z
  .object({ name: displayName, description: z.string().trim().max(2000).optional() })
  .strict();
export const updatePositionInput = createPositionInput.partial().extend({ version: expectedVersion }).strict();

export const personStatus = z.enum(['active', 'left']);
export const person = z.object({
  id: uuid,
  name: z.string(),
  email: z.string().nullable(),
  employeeNo: z.string().nullable(),
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  positionId: uuid.nullable(),
  positionName: z.string().nullable(),
  managerId: uuid.nullable(),
  managerName: z.string().nullable(),
  status: personStatus,
  joinedOn: z.string().nullable(),
  leftOn: z.string().nullable(),
  version: rowVersion,
  updatedAt: z.string(),
});
export type Person = z.infer<typeof person>;

// an empty field means "no email"; anything else must be a valid address
const optionalEmail = z.preprocess((v) => (v === '' ? null : v), email.nullable());
export const createPersonInput = z
  .object({
    name: displayName,
    email: optionalEmail.optional(),
    employeeNo: z.string().trim().max(50).nullable().optional(),
    unitId: uuid.nullable().optional(),
    positionId: uuid.nullable().optional(),
    managerId: uuid.nullable().optional(),
    joinedOn: isoDate.nullable().optional(),
  })
  .strict();
export type CreatePersonInput = z.input<typeof createPersonInput>;
export const updatePersonInput = createPersonInput
  .partial()
  .extend({ status: personStatus.optional(), leftOn: isoDate.nullable().optional(), version: expectedVersion })
  .strict();

export const listPeopleQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: uuid.optional(),
  /** With unitId: include the people of every unit below it. */
  includeSubunits: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  positionId: uuid.optional(),
  status: z.enum(['active', 'left', 'all']).default('active'),
  sort: z.enum(['name', '-name', 'unit', '-unit', 'updatedAt', '-updatedAt']).default('name'),
});
export const peoplePage = paged(person);

export const importResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unitsCreated: z.number().int(),
  positionsCreated: z.number().int(),
  rows: z.number().int(),
});

export const member = z.object({
  userId: uuid,
  email: z.string(),
  name: z.string(),
  role,
  personId: uuid.nullable(),
  personName: z.string().nullable(),
  /** Raised by a change of the role or the linked person. */
  version: rowVersion,
});
export const addMemberInput = z
  .object({
    email,
    name: displayName,
    role,
    personId: uuid.nullable().optional(),
    /** Initial password for a new account; required when no account has this email yet. */
    password: z.string().min(8).max(200).optional(),
  })
  .strict();
export const updateMemberInput = z.object({ role: role.optional(), personId: uuid.nullable().optional(), version: expectedVersion }).strict();

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUserId: uuid.nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export const auditQuery = pageQuery.extend({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(50).optional(),
  entityId: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(100).optional(),
  from: calendarDateTime.optional(),
  to: calendarDateTime.optional(),
});
export const auditPage = paged(auditEntry);

import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaceIdColumn } from './accounts.ts';
import { idColumn, timestampColumns, versionColumn } from './columns.ts';

export const orgUnits = pgTable(
  'org_units',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    /** null for a top-level unit. Cycles are prevented by the service. */
    parentId: uuid('parent_id'),
    /** The person who leads the unit; a manager account linked to them manages its subtree. */
    leadPersonId: uuid('lead_person_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [
    index('org_units_ws_parent_idx').on(t.workspaceId, t.parentId),
    uniqueIndex('org_units_sibling_name_uq').on(
      t.workspaceId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.name,
    ),
  ],
);

export const positions = pgTable(
  'positions',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [uniqueIndex('positions_ws_name_uq').on(t.workspaceId, t.name)],
);

export const people = pgTable(
  'people',
  {
    id: idColumn(),
    workspaceId: workspaceIdColumn(),
    name: text('name').notNull(),
    email: text('email'),
    employeeNo: text('employee_no'),
    unitId: uuid('unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    positionId: uuid('position_id').references(() => positions.id, { onDelete: 'restrict' }),
    managerId: uuid('manager_id'),
    status: text('status', { enum: ['active', 'left'] }).notNull().default('active'),
    joinedOn: date('joined_on'),
    leftOn: date('left_on'),
    version: versionColumn(),
    ...timestampColumns(),
  },
  (t) => [
    index('people_ws_unit_idx').on(t.workspaceId, t.unitId),
    index('people_ws_name_idx').on(t.workspaceId, t.name),
    uniqueIndex('people_ws_email_uq').on(t.workspaceId, sql`lower(${t.email})`),
  ],
);

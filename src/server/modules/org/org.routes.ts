import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { okBody } from '../../../contracts/common.ts';
import {
  createPersonInput,
  createPositionInput,
  createUnitInput,
  listPeopleQuery,
  peoplePage,
  person,
  position,
  unit,
  updatePersonInput,
  updatePositionInput,
  updateUnitInput,
} from '../../../contracts/org.ts';
import type { AppDeps } from '../../http/deps.ts';
import { expectedVersion, tagged } from '../../http/versions.ts';
import { route } from '../../http/workspace-scope.ts';
import { createPerson, getPerson, listPeople, updatePerson } from './people.service.ts';
import { createPosition, deletePosition, listPositions, updatePosition } from './positions.service.ts';
import { createUnit, deleteUnit, listUnits, updateUnit } from './units.service.ts';

const idParams = z.object({ ws: z.string(), id: z.uuid() });
const wsParams = z.object({ ws: z.string() });

/** Org units, positions and people of one workspace. Thin: validate, authorise, call the service. */
export const orgRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, { database: { db } }) => {
  const units = { tags: ['organisation'] };
  app.get('/units', { config: route('org.read'), schema: { ...units, summary: 'All org units (flat; build the tree from parentId)', params: wsParams, response: { 200: z.array(unit) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listUnits(db, viewer.workspaceId);
  });
  app.post('/units', { config: route('unit.write'), schema: { ...units, summary: 'Create an org unit', params: wsParams, body: createUnitInput, response: { 201: unit } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return createUnit(db, actor, request.body);
  });
  app.patch('/units/:id', { config: route('unit.write'), schema: { ...units, summary: 'Rename, move, set the lead, deactivate or reactivate a unit', params: idParams, body: updateUnitInput, response: { 200: unit } } }, async (request, reply) => {
    const { actor } = request.ctx;
    const { version, ...input } = request.body;
    return tagged(reply, await updateUnit(db, actor, request.params.id, input, expectedVersion(request, version)));
  });
  app.delete('/units/:id', { config: route('unit.write'), schema: { ...units, summary: 'Delete an empty unit', params: idParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await deleteUnit(db, actor, request.params.id);
    return { ok: true as const };
  });

  const pos = { tags: ['organisation'] };
  app.get('/positions', { config: route('org.read'), schema: { ...pos, summary: 'All positions with headcount', params: wsParams, response: { 200: z.array(position) } } }, async (request) => {
    const { viewer } = request.ctx;
    return listPositions(db, viewer.workspaceId);
  });
  app.post('/positions', { config: route('position.write'), schema: { ...pos, summary: 'Create a position', params: wsParams, body: createPositionInput, response: { 201: position } } }, async (request, reply) => {
    const { actor } = request.ctx;
    reply.status(201);
    return createPosition(db, actor, request.body);
  });
  app.patch('/positions/:id', { config: route('position.write'), schema: { ...pos, summary: 'Edit a position', params: idParams, body: updatePositionInput, response: { 200: position } } }, async (request, reply) => {
    const { actor } = request.ctx;
    const { version, ...input } = request.body;
    return tagged(reply, await updatePosition(db, actor, request.params.id, input, expectedVersion(request, version)));
  });
  app.delete('/positions/:id', { config: route('position.write'), schema: { ...pos, summary: 'Delete a position nobody holds', params: idParams, response: { 200: okBody } } }, async (request) => {
    const { actor } = request.ctx;
    await deletePosition(db, actor, request.params.id);
    return { ok: true as const };
  });

  const ppl = { tags: ['people'] };
  app.get('/people', { config: route('people.list'), schema: { ...ppl, summary: 'Search and page through the people you may see', params: wsParams, querystring: listPeopleQuery, response: { 200: peoplePage } } }, async (request) => {
    const { viewer } = request.ctx;
    return listPeople(db, viewer, request.query);
  });
  app.get('/people/:id', { config: route('people.list'), schema: { ...ppl, summary: 'One person (ETag: their version)', params: idParams, response: { 200: person } } }, async (request, reply) =>
    tagged(reply, await getPerson(db, request.ctx.viewer, request.params.id)),
  );
  app.post('/people', { config: route('people.write'), schema: { ...ppl, summary: 'Add a person', params: wsParams, body: createPersonInput, response: { 201: person } } }, async (request, reply) => {
    reply.status(201);
    return createPerson(db, request.ctx, request.body);
  });
  app.patch('/people/:id', { config: route('people.write'), schema: { ...ppl, summary: 'Edit, move or deactivate a person (status "left")', params: idParams, body: updatePersonInput, response: { 200: person } } }, async (request, reply) => {
    const { version, ...input } = request.body;
    return tagged(reply, await updatePerson(db, request.ctx, request.params.id, input, expectedVersion(request, version)));
  });
};

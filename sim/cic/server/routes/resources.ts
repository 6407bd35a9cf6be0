/**
 * Other session resources: workgroup activations, directory lookup, configuration lists.
 */
import { z } from 'zod';
import { Right } from '../../telephony/host.js';
import { configItemJson, findCollection, parseSelection } from '../configuration-model.js';
import { lookupEntries } from '../directory-model.js';
import { SimErrorId } from '../errors.js';
import { ErrorId, HttpError, parseBody } from '../http-util.js';
import type { Router } from '../router.js';
import type { World } from '../world.js';

const activationDeltaSchema = z.object({ activations: z.record(z.string(), z.boolean()) });
const lookupSchema = z.object({
  lookupEntryTypes: z.array(z.number().int().min(0).max(6)).min(1),
  lookupEntryProperties: z.array(z.number().int().min(0).max(14)).min(1),
  lookupComparisonType: z.number().int().min(0).max(4).default(3),
  lookupString: z.string(),
  maxEntries: z.number().int().min(0).default(15),
});

function activationSet(world: World, userId: string): Record<string, unknown> {
  const presence = world.presenceOf(userId);
  return { userId: presence.userId, activations: Object.fromEntries(presence.activations) };
}

export function resourceRoutes(router: Router): void {
  router.session('GET', '/icws/:sessionId/activations/users/:userId', ({ world, params }) => ({
    status: 200,
    body: activationSet(world, world.requireUser(params['userId'] ?? '').userId),
  }));
  router.session('GET', '/icws/:sessionId/activations/users', ({ world }) => ({
    status: 200,
    body: { userActivationSetList: world.site.users.map((u) => activationSet(world, u.userId)) },
  }));
  router.session('PUT', '/icws/:sessionId/activations/users/:userId', ({ world, session, params, body }) => {
    const target = world.requireUser(params['userId'] ?? '');
    const actor = world.requireUser(session.userId);
    const delta = parseBody(activationDeltaSchema, body, 'activation change');
    const self = target.userId === actor.userId;
    if (self ? !actor.rightSet.has(Right.ActivateSelf) && !actor.supervisor : !actor.supervisor) {
      throw new HttpError(403, ErrorId.accessDenied, `You are not allowed to change the activations of ${target.userId}.`);
    }
    for (const name of Object.keys(delta.activations)) {
      const w = world.site.workgroup(name);
      if (w === undefined || !target.memberOf.includes(w.name)) {
        throw new HttpError(400, SimErrorId.unknownWorkgroup, `${target.userId} is not a member of "${name}".`, {
          propertyName: `activations.${name}`,
        });
      }
    }
    world.setActivations(target.userId, delta.activations);
    return { status: 200, body: activationSet(world, target.userId) };
  });
  router.session('GET', '/icws/:sessionId/activations/workgroups/:workgroupId', ({ world, params }) => {
    const w = world.site.workgroup(params['workgroupId'] ?? '');
    if (w === undefined) throw new HttpError(404, SimErrorId.unknownWorkgroup, `There is no workgroup "${params['workgroupId']}".`);
    const activations: Record<string, boolean> = {};
    for (const m of w.memberIds) activations[m] = world.presenceOf(m).activations.get(w.name) ?? false;
    return { status: 200, body: { workgroupId: w.name, activations } };
  });

  router.session('POST', '/icws/:sessionId/directories/lookup-entries', ({ world, body }) => ({
    status: 200,
    body: lookupEntries(world, parseBody(lookupSchema, body, 'lookup query')),
  }));

  router.session('GET', '/icws/:sessionId/configuration/:collection', ({ world, params, url, req }) => {
    const collection = findCollection(params['collection'] ?? '');
    if (collection === undefined) {
      throw new HttpError(404, ErrorId.notFound, `The simulator has no configuration collection "${params['collection']}".`);
    }
    const selection = parseSelection(url.searchParams.get('select'));
    let items = collection.items(world).map((item) => configItemJson(collection, item, selection));
    const total = items.length;
    const range = /^items=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (range) {
      const from = Number(range[1]);
      const to = Math.min(Number(range[2]), total - 1);
      items = items.slice(from, to + 1);
      return {
        status: 200,
        body: { items },
        headers: { 'Content-Range': `items ${from}-${Math.max(from, to)}/${total}` },
      };
    }
    return { status: 200, body: { items } };
  });
  router.session('GET', '/icws/:sessionId/configuration/:collection/:id', ({ world, params, url }) => {
    const collection = findCollection(params['collection'] ?? '');
    if (collection === undefined) {
      throw new HttpError(404, ErrorId.notFound, `The simulator has no configuration collection "${params['collection']}".`);
    }
    const item = collection.items(world).find((i) => i.id.toLowerCase() === (params['id'] ?? '').toLowerCase());
    if (item === undefined) {
      throw new HttpError(404, SimErrorId.unknownConfigurationObject, `There is no ${collection.name} object "${params['id']}".`);
    }
    return { status: 200, body: configItemJson(collection, item, parseSelection(url.searchParams.get('select'))) };
  });
}

/**
 * The control API (`/sim/v1/...`): the outside world and the test harness. Reset, state, inbound
 * calls, the far end answering or hanging up, a supervisor changing a status, faults, and SSO
 * tokens for tests. Bodies are validated; a bad one is a 400 `{errorId, message}` naming the field.
 */
import { z } from 'zod';
import { SimErrorId } from './errors.js';
import { HttpError, parseBody } from './http-util.js';
import type { Router } from './router.js';
import { stationInformationJson } from './station-model.js';
import { validateStatusChange } from './status-model.js';
import { parseUntil, untilSchema } from './routes/status.js';
import type { World } from './world.js';

const C = '/sim/v1';

const callSchema = z.object({
  from: z.string().trim().min(1),
  fromName: z.string().optional(),
  to: z.union(
    [
      z.strictObject({ workgroup: z.string().min(1) }),
      z.strictObject({ user: z.string().min(1) }),
      z.strictObject({ extension: z.string().min(1) }),
    ],
    { error: 'to must be exactly one of {"workgroup": …}, {"user": …} or {"extension": …}' },
  ),
  attributes: z.record(z.string(), z.string()).optional(),
});

const statusSchema = z.object({
  statusId: z.string().min(1),
  notes: z.string().optional(),
  forwardNumber: z.string().optional(),
  until: untilSchema,
});

const faultSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('drop-session'), userId: z.string().min(1) }),
    z.object({ kind: z.literal('switchover') }),
    z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
    z.object({ kind: z.literal('malformed-message'), userId: z.string().min(1) }),
    z.object({
      kind: z.literal('network-outage'),
      ms: z.number().int().min(1).max(3_600_000),
      server: z.enum(['primary', 'backup']).optional(),
    }),
    z.object({ kind: z.literal('clear') }),
  ],
  { error: 'kind must be one of drop-session, switchover, latency, malformed-message, network-outage, clear' },
);

const ssoSchema = z.object({ userId: z.string().min(1) });

/** Everything `GET /sim/v1/state` reports. */
export function simState(world: World): Record<string, unknown> {
  return {
    site: world.site.file.name,
    activeServer: world.active,
    servers: Object.fromEntries(world.servers),
    faults: {
      latencyMs: world.latencyMs,
      networkOutageMs: world.networkDown() && world.outageUntil !== null ? world.outageUntil - world.clock.now() : 0,
    },
    sessions: [...world.sessions.values()].map((s) => {
      const presence = world.presenceOf(s.userId);
      return {
        sessionId: s.id,
        server: world.sessionRoles.get(s.id) ?? 'primary',
        state: s.state,
        userId: s.userId,
        applicationName: s.applicationName,
        language: s.language,
        station: s.station === null ? null : s.station.stationless ? 'stationless' : stationInformationJson(s.station),
        statusId: presence.statusId,
        messaging: s.messagingMode,
        queuedMessages: s.queuedCount,
        subscriptions: [...s.subscriptions.values()].map((sub) => sub.describe),
      };
    }),
    users: world.site.users.map((u) => {
      const status = world.userStatus(u.userId);
      return {
        userId: u.userId,
        displayName: u.displayName,
        extension: u.extension,
        statusId: status.statusId,
        loggedIn: status.loggedIn,
        onPhone: status.onPhone,
        stations: status.stations,
        activations: Object.fromEntries(world.presenceOf(u.userId).activations),
      };
    }),
    interactions: world.engine.interactions(),
    queues: {
      workgroups: world.site.workgroups.map((w) => ({
        name: w.name,
        extension: w.extension,
        waiting: world.engine.waitingInWorkgroup(w.name),
        members: w.memberIds,
      })),
    },
  };
}

export function controlRoutes(router: Router): void {
  router.open('POST', `${C}/reset`, ({ world }) => {
    world.reset();
    return { status: 204 };
  });

  router.open('GET', `${C}/state`, ({ world }) => ({ status: 200, body: simState(world) }));

  router.open('GET', `${C}/site`, ({ world }) => ({
    status: 200,
    body: {
      name: world.site.file.name,
      users: world.site.users.map((u) => ({
        userId: u.userId,
        displayName: u.displayName,
        extension: u.extension,
        workgroups: u.memberOf,
        supervisor: u.supervisor,
        defaultWorkstation: u.defaultWorkstation ?? null,
      })),
      stations: world.site.stations.map((s) => ({ stationId: s.stationId, extension: s.extension, kind: s.kind })),
      workgroups: world.site.workgroups.map((w) => ({ name: w.name, extension: w.extension, members: w.memberIds })),
      attendantProfiles: world.site.attendantProfiles,
      statuses: world.site.statuses.map((s) => s.statusId),
      demoCallers: world.site.demoCallers,
    },
  }));

  router.open('POST', `${C}/calls`, ({ world, body }) => {
    const call = parseBody(callSchema, body, 'call');
    const to = call.to;
    if ('workgroup' in to && world.site.workgroup(to.workgroup) === undefined) {
      throw new HttpError(404, SimErrorId.unknownWorkgroup, `There is no workgroup "${to.workgroup}".`, { propertyName: 'to.workgroup' });
    }
    if ('user' in to && world.site.user(to.user) === undefined) {
      throw new HttpError(404, SimErrorId.unknownUser, `There is no user "${to.user}".`, { propertyName: 'to.user' });
    }
    const interactionId = world.engine.offerCall({
      from: call.from,
      ...(call.fromName !== undefined ? { fromName: call.fromName } : {}),
      to,
      ...(call.attributes !== undefined ? { attributes: call.attributes } : {}),
    });
    world.log(`call ${interactionId} from ${call.from} to ${JSON.stringify(to)}`);
    return { status: 201, body: { interactionId } };
  });

  router.open('POST', `${C}/interactions/:interactionId/remote-hangup`, ({ world, params }) => {
    world.engine.remoteHangup(params['interactionId'] ?? '');
    return { status: 204 };
  });
  router.open('POST', `${C}/interactions/:interactionId/remote-answer`, ({ world, params }) => {
    world.engine.remoteAnswer(params['interactionId'] ?? '');
    return { status: 204 };
  });

  router.open('PUT', `${C}/users/:userId/status`, ({ world, params, body }) => {
    const target = world.requireUser(params['userId'] ?? '');
    const request = parseBody(statusSchema, body, 'status');
    const update = validateStatusChange(world, null, target, { ...request, until: parseUntil(request.until) });
    world.applyStatus(target.userId, update, { notifyEngine: true });
    return { status: 204 };
  });

  router.open('POST', `${C}/faults`, ({ world, body }) => {
    const fault = parseBody(faultSchema, body, 'fault');
    switch (fault.kind) {
      case 'drop-session': {
        const user = world.requireUser(fault.userId);
        return { status: 200, body: { kind: fault.kind, droppedSessions: world.dropSessionsOf(user.userId) } };
      }
      case 'switchover':
        return { status: 200, body: { kind: fault.kind, ...world.switchover() } };
      case 'latency':
        world.latencyMs = fault.ms;
        world.log(`latency ${fault.ms} ms`);
        return { status: 200, body: { kind: fault.kind, ms: fault.ms } };
      case 'malformed-message': {
        const user = world.requireUser(fault.userId);
        const sessions = world.sessionsOf(user.userId);
        for (const s of sessions) s.enqueueMalformed();
        return { status: 200, body: { kind: fault.kind, sessions: sessions.length } };
      }
      case 'network-outage':
        return {
          status: 200,
          body: {
            kind: fault.kind,
            ms: fault.ms,
            server: fault.server ?? 'both',
            streamsCut: world.startNetworkOutage(fault.ms, fault.server ?? null),
          },
        };
      case 'clear':
        world.latencyMs = 0;
        world.endNetworkOutage();
        return { status: 200, body: { kind: fault.kind } };
    }
  });

  router.open('POST', `${C}/sso-tokens`, ({ world, body }) => {
    const { userId } = parseBody(ssoSchema, body);
    return { status: 201, body: { token: world.mintSsoToken(userId) } };
  });
}

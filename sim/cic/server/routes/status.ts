/**
 * Status resources: the status message list, which statuses a user may select, a user's status
 * (read; change → 202 `{requestId}` then `asyncOperationCompletedMessage`) and previous status info.
 */
import { z } from 'zod';
import { ErrorId, HttpError, parseBody } from '../http-util.js';
import { previousInfoJson } from '../presence.js';
import type { Router } from '../router.js';
import { selectableStatusIds, statusMessageJson, validateStatusChange } from '../status-model.js';
import { Urn, parseWireDate } from '../wire.js';

export const untilSchema = z
  .object({ untilDateTime: z.string(), hasDate: z.boolean(), hasTime: z.boolean() })
  .nullable()
  .optional();

export const statusUpdateSchema = z.object({
  statusId: z.string().min(1),
  notes: z.string().optional(),
  forwardNumber: z.string().optional(),
  until: untilSchema,
});

export function parseUntil(until: z.output<typeof untilSchema>): { untilDateTime: number; hasDate: boolean; hasTime: boolean } | null {
  if (until === undefined || until === null) return null;
  const ms = parseWireDate(until.untilDateTime);
  if (ms === undefined) {
    throw new HttpError(400, ErrorId.invalidProperty, `until.untilDateTime "${until.untilDateTime}" is not an ISO-8601 UTC date.`, {
      propertyName: 'until.untilDateTime',
    });
  }
  return { untilDateTime: ms, hasDate: until.hasDate, hasTime: until.hasTime };
}

export function statusRoutes(router: Router): void {
  router.session('GET', '/icws/:sessionId/status/status-messages', ({ world }) => ({
    status: 200,
    body: { statusMessageList: world.site.statuses.map(statusMessageJson) },
  }));

  router.session('GET', '/icws/:sessionId/status/status-messages-user-access/:userId', ({ world, params }) => {
    const user = world.requireUser(params['userId'] ?? '');
    return { status: 200, body: { userId: user.userId, statusMessages: selectableStatusIds(world, user) } };
  });

  router.session('GET', '/icws/:sessionId/status/user-statuses/:userId', ({ world, params }) => {
    const user = world.requireUser(params['userId'] ?? '');
    return { status: 200, body: world.userStatus(user.userId) };
  });

  router.session('PUT', '/icws/:sessionId/status/user-statuses/:userId', ({ world, session, params, body }) => {
    const target = world.requireUser(params['userId'] ?? '');
    const actor = world.requireUser(session.userId);
    const request = parseBody(statusUpdateSchema, body, 'status update');
    const update = validateStatusChange(world, actor, target, { ...request, until: parseUntil(request.until) });
    const requestId = world.nextRequestId();
    world.applyStatus(target.userId, update, { notifyEngine: true });
    session.enqueue({ __type: Urn.asyncOperationCompleted, isDelta: false, requestId, error: null });
    return { status: 202, body: { requestId } };
  });

  router.session('GET', '/icws/:sessionId/status/user-status-previous-info/:userId', ({ world, params }) => {
    const presence = world.presenceOf(world.requireUser(params['userId'] ?? '').userId);
    return { status: 200, body: { userStatusPreviousInfoList: [...presence.previous.values()].map(previousInfoJson) } };
  });
}

/**
 * Interaction commands. Each validates its body, then asks the telephony engine on behalf of the
 * session's user; the engine's refusals (`SimRequestError`) become `{errorId, message}` replies.
 * Success codes follow the reference: 201 for create/consult/conference, 204 for the consult
 * sub-commands, 200 (no body) for the rest.
 */
import { z } from 'zod';
import type { SecurePauseType, TransferDestination } from '../../telephony/engine-api.js';
import { ErrorId, HttpError, parseBody } from '../http-util.js';
import { queryDetails } from '../phone-numbers.js';
import type { Router, SessionContext } from '../router.js';
import { pickAttributes } from '../subscriptions/subscription.js';
import { RequestUrn, parseWireDate } from '../wire.js';

const I = '/icws/:sessionId/interactions';

const attributesRecord = z.record(z.string(), z.string());
const onSchema = z.object({ on: z.boolean() });
const recordSchema = z.object({ on: z.boolean(), supervisor: z.boolean().default(false) });
const queueIdSchema = z.object({ queueType: z.number().int().min(0).max(3), queueName: z.string().min(1) });
const transferSchema = z
  .object({ target: z.string().min(1).optional(), queueID: queueIdSchema.optional() })
  .refine((b) => (b.target === undefined) !== (b.queueID === undefined), {
    message: 'exactly one of target and queueID is required',
    path: ['target'],
  });
const consultSchema = z
  .object({
    target: z.string().min(1).optional(),
    queueID: queueIdSchema.optional(),
    callMadeStage: z.number().int().min(0).max(3).optional(),
    additionalAttributes: attributesRecord.optional(),
  })
  .refine((b) => (b.target === undefined) !== (b.queueID === undefined), {
    message: 'exactly one of target and queueID is required',
    path: ['target'],
  });
const createCallSchema = z.object({
  __type: z.literal(RequestUrn.createCall).optional(),
  target: z.string().trim().min(1),
  workgroup: z.string().min(1).optional(),
  accountCodeId: z.string().min(1).optional(),
  callMadeStage: z.number().int().min(0).max(3).optional(),
  notes: z.string().optional(),
  additionalAttributes: attributesRecord.optional(),
});
const securePauseSchema = z.object({
  securePauseType: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  duration: z.number().int().min(1).optional(),
});
const digitsSchema = z.object({ dtmfDigits: z.string().regex(/^[0-9*#A-Da-d,]+$/, 'DTMF digits are 0-9, *, #, A-D and ,') });
const audienceSchema = z.object({ audience: z.object({ originalParty: z.boolean(), consultedParty: z.boolean() }) });
const interactionsListSchema = z.object({ interactions: z.array(z.string().min(1)).min(1) });
const invitePartySchema = z.object({ target: z.string().min(1), callMadeStage: z.number().int().min(0).max(3).optional() });
const attributesUpdateSchema = z.object({ attributes: attributesRecord, appendMode: z.union([z.literal(1), z.literal(2)]).optional() });
const wrapUpSchema = z.object({
  code: z.string().min(1),
  segmentId: z.number().int(),
  time: z.string().min(1),
  user: z.string().min(1),
  sourceInteractionId: z.string().min(1),
});
const phoneNumberQuerySchema = z.object({ phoneNumber: z.string().min(1) });

function destination(body: { target?: string | undefined; queueID?: { queueType: number; queueName: string } | undefined }): TransferDestination {
  if (body.target !== undefined) return { target: body.target };
  const q = body.queueID as { queueType: 0 | 1 | 2 | 3; queueName: string };
  return { queue: { queueType: q.queueType, queueName: q.queueName } };
}

const ok = { status: 200 } as const;

type Command = (ctx: SessionContext, id: string) => void;

export function interactionRoutes(router: Router): void {
  const command = (path: string, run: Command, status = 200) =>
    router.session('POST', `${I}/:interactionId/${path}`, (ctx) => {
      run(ctx, ctx.params['interactionId'] ?? '');
      return { status };
    });

  // Conferences first: "conferences" must not be read as an interaction id.
  router.session('POST', `${I}/conferences`, (ctx) => {
    const body = parseBody(interactionsListSchema, ctx.body);
    const conferenceId = ctx.world.engine.createConference(ctx.session.userId, body.interactions);
    return { status: 201, body: { conferenceId } };
  });
  router.session('PUT', `${I}/conferences/:conferenceId`, (ctx) => {
    const body = parseBody(interactionsListSchema, ctx.body);
    ctx.world.engine.addToConference(ctx.session.userId, ctx.params['conferenceId'] ?? '', body.interactions);
    return ok;
  });
  router.session('POST', `${I}/conferences/:conferenceId/invite-party`, (ctx) => {
    const body = parseBody(invitePartySchema, ctx.body);
    ctx.world.engine.invitePartyToConference(ctx.session.userId, ctx.params['conferenceId'] ?? '', body.target);
    return ok;
  });

  router.session('POST', I, (ctx) => {
    const raw = ctx.body as { __type?: unknown } | undefined;
    if (raw && typeof raw === 'object' && typeof raw.__type === 'string' && raw.__type !== RequestUrn.createCall) {
      throw new HttpError(400, ErrorId.invalidProperty, `The simulator does not create "${raw.__type}" interactions.`, {
        propertyName: '__type',
      });
    }
    const body = parseBody(createCallSchema, ctx.body, 'create call request');
    if (body.accountCodeId !== undefined && ctx.world.site.file.accountCodesEnabled) {
      if (!ctx.world.site.accountCodes.some((c) => c.id === body.accountCodeId)) {
        throw new HttpError(400, ErrorId.invalidProperty, `There is no account code "${body.accountCodeId}".`, {
          propertyName: 'accountCodeId',
        });
      }
    }
    const interactionId = ctx.world.engine.createCall(ctx.session.userId, {
      target: body.target,
      ...(body.workgroup !== undefined ? { workgroup: body.workgroup } : {}),
      ...(body.accountCodeId !== undefined && ctx.world.site.file.accountCodesEnabled ? { accountCodeId: body.accountCodeId } : {}),
      ...(body.additionalAttributes !== undefined ? { additionalAttributes: body.additionalAttributes } : {}),
    });
    return { status: 201, body: { interactionId }, headers: { Location: `/icws/${ctx.session.id}/interactions/${interactionId}` } };
  });

  router.session('GET', `${I}/:interactionId`, (ctx) => {
    const id = ctx.params['interactionId'] ?? '';
    const select = ctx.url.searchParams.get('select');
    const names = select === null ? [] : select.split(',').map((s) => s.trim()).filter(Boolean);
    const attributes = ctx.world.engine.getAttributes(ctx.session.userId, id, names.length > 0 ? names : ['Eic_CallId']);
    const picked = names.length > 0 ? pickAttributes(attributes, names) : { Eic_CallId: id };
    return { status: 200, body: { attributes: picked } };
  });
  router.session('POST', `${I}/:interactionId`, (ctx) => {
    const body = parseBody(attributesUpdateSchema, ctx.body);
    ctx.world.engine.setAttributes(ctx.session.userId, ctx.params['interactionId'] ?? '', body.attributes, body.appendMode !== undefined);
    return ok;
  });

  command('pickup', ({ world, session }, id) => world.engine.pickup(session.userId, id));
  command('disconnect', ({ world, session }, id) => world.engine.disconnect(session.userId, id));
  command('hold', ({ world, session, body }, id) => world.engine.hold(session.userId, id, parseBody(onSchema, body).on));
  command('mute', ({ world, session, body }, id) => world.engine.mute(session.userId, id, parseBody(onSchema, body).on));
  command('pause', ({ world, session, body }, id) => world.engine.pause(session.userId, id, parseBody(onSchema, body).on));
  command('make-private', ({ world, session, body }, id) => world.engine.makePrivate(session.userId, id, parseBody(onSchema, body).on));
  command('record', ({ world, session, body }, id) => {
    const b = parseBody(recordSchema, body);
    world.engine.record(session.userId, id, b.on, b.supervisor);
  });
  command('record-snippet', ({ world, session, body }, id) => {
    const b = parseBody(recordSchema, body);
    world.engine.recordSnippet(session.userId, id, b.on, b.supervisor);
  });
  command('secure-pause', ({ world, session, body }, id) => {
    const b = parseBody(securePauseSchema, body);
    if (b.securePauseType === 3 && b.duration === undefined) {
      throw new HttpError(400, ErrorId.missingProperty, 'securePauseType 3 (PauseWithSpecifiedTimeout) needs a duration in seconds.', {
        propertyName: 'duration',
      });
    }
    world.engine.securePause(session.userId, id, b.securePauseType as SecurePauseType, b.duration);
  });
  command('send-digits', ({ world, session, body }, id) => world.engine.sendDigits(session.userId, id, parseBody(digitsSchema, body).dtmfDigits));
  command('send-to-voicemail', ({ world, session }, id) => world.engine.sendToVoicemail(session.userId, id));
  command('transfer-to-voicemail', ({ world, session, body }, id) =>
    world.engine.transferToVoicemail(session.userId, id, destination(parseBody(transferSchema, body))),
  );
  command('blind-transfer', ({ world, session, body }, id) =>
    world.engine.blindTransfer(session.userId, id, destination(parseBody(transferSchema, body))),
  );
  command('park', ({ world, session, body }, id) => world.engine.park(session.userId, id, destination(parseBody(transferSchema, body))));
  command('invite-party', ({ world, session, body }, id) =>
    world.engine.inviteParty(session.userId, id, parseBody(invitePartySchema, body).target),
  );
  command('wrap-up-assignments', ({ world, session, body }, id) => {
    const b = parseBody(wrapUpSchema, body);
    const time = parseWireDate(b.time);
    if (time === undefined) {
      throw new HttpError(400, ErrorId.invalidProperty, `time "${b.time}" is not an ISO-8601 UTC date.`, { propertyName: 'time' });
    }
    const code = world.site.wrapUpCode(b.code);
    if (code === undefined) {
      throw new HttpError(400, ErrorId.invalidProperty, `There is no wrap-up code "${b.code}".`, { propertyName: 'code' });
    }
    world.engine.assignWrapUp(session.userId, id, { ...b, code: code.id, time });
  });

  router.session('POST', `${I}/:interactionId/consult`, (ctx) => {
    const b = parseBody(consultSchema, ctx.body);
    const result = ctx.world.engine.consult(ctx.session.userId, ctx.params['interactionId'] ?? '', destination(b), b.additionalAttributes);
    return { status: 201, body: result };
  });
  router.session('POST', `${I}/:interactionId/consult/:consultId/change-audience`, (ctx) => {
    const b = parseBody(audienceSchema, ctx.body);
    ctx.world.engine.changeAudience(ctx.session.userId, ctx.params['interactionId'] ?? '', ctx.params['consultId'] ?? '', b.audience);
    return { status: 204 };
  });
  router.session('POST', `${I}/:interactionId/consult/:consultId/conclude`, (ctx) => {
    ctx.world.engine.concludeConsult(ctx.session.userId, ctx.params['interactionId'] ?? '', ctx.params['consultId'] ?? '');
    return { status: 204 };
  });
  router.session('DELETE', `${I}/:interactionId/consult/:consultId`, (ctx) => {
    ctx.world.engine.cancelConsult(ctx.session.userId, ctx.params['interactionId'] ?? '', ctx.params['consultId'] ?? '');
    return { status: 204 };
  });

  router.session('POST', '/icws/:sessionId/phone-numbers/query-details', (ctx) => {
    const b = parseBody(phoneNumberQuerySchema, ctx.body);
    return { status: 200, body: queryDetails(ctx.world, b.phoneNumber) };
  });
}

/**
 * How an interaction looks from outside: its parties, its `Eic_*` attributes (derived from the
 * engine's fields on every read) and the queues it sits in.
 */
import { Eic, flag, joinList, ObjectType, wireTime } from './attributes.js';
import { capabilityMask } from './capabilities.js';
import { QueueType, type QueueId, type TelephonyHost } from './host.js';
import type { Interaction, Party } from './model.js';

export interface LocalParty extends Party {
  userId: string;
}

/** What the view needs from the engine. */
export interface ViewContext {
  readonly host: TelephonyHost;
  get(id: string): Interaction | undefined;
}

const NOBODY: LocalParty = { address: '', name: '', id: '', userId: '' };

/** The agent side of a leg: its owner (station extension first), else the queue holding it. */
export function localParty(ctx: ViewContext, ix: Interaction): LocalParty {
  if (ix.owner !== null) {
    const user = ctx.host.user(ix.owner);
    const station = ctx.host.agent(ix.owner)?.station ?? null;
    return {
      address: station?.extension ?? user?.extension ?? '',
      name: user?.displayName ?? ix.owner,
      id: station?.stationId ?? user?.extension ?? '',
      userId: ix.owner,
    };
  }
  if (ix.acd !== null) {
    const wg = ctx.host.workgroup(ix.acd.workgroup);
    return { address: wg?.extension ?? '', name: ix.acd.workgroup, id: ix.acd.workgroup, userId: '' };
  }
  if (ix.attendant !== null) {
    const profile = ctx.host.attendantProfile(ix.attendant);
    return { address: profile?.extension ?? '', name: ix.attendant, id: ix.attendant, userId: '' };
  }
  if (ix.parkedOn !== null) {
    const user =
      ix.parkedOn.queueType === QueueType.Workgroup ? undefined : ctx.host.user(ix.parkedOn.queueName);
    return {
      address: user?.extension ?? '',
      name: user?.displayName ?? ix.parkedOn.queueName,
      id: ix.parkedOn.queueName,
      userId: user?.userId ?? '',
    };
  }
  return NOBODY;
}

/** The other end: the peer leg's agent side for internal calls, else the outside party. */
export function remoteParty(ctx: ViewContext, ix: Interaction): Party {
  let party: Party = ix.external ?? NOBODY;
  if (ix.peerId !== null) {
    const peer = ctx.get(ix.peerId);
    if (peer !== undefined) {
      const local = localParty(ctx, peer);
      party = { address: local.address, name: local.name, id: local.userId || local.id };
    }
  }
  return ix.remoteNameOverride === null ? party : { ...party, name: ix.remoteNameOverride };
}

/** Every attribute the interaction has except `Eic_Capabilities` (which depends on the viewer). */
export function baseAttributes(ctx: ViewContext, ix: Interaction): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const { name, value } of ix.custom.values()) attrs[name] = value;
  const local = localParty(ctx, ix);
  const remote = remoteParty(ctx, ix);
  const wg = ix.workgroupName === '' ? undefined : ctx.host.workgroup(ix.workgroupName);
  Object.assign(attrs, {
    [Eic.CallId]: ix.id,
    [Eic.ObjectType]: ix.objectType,
    [Eic.State]: ix.state,
    [Eic.CallStateString]: ix.stateText,
    [Eic.CallDirection]: ix.direction,
    [Eic.CallType]: ix.callType,
    [Eic.RemoteAddress]: remote.address,
    [Eic.RemoteName]: ix.objectType === ObjectType.Conference ? 'Conference' : remote.name,
    [Eic.RemoteId]: remote.id,
    [Eic.LocalAddress]: local.address,
    [Eic.LocalName]: local.name,
    [Eic.LocalId]: local.id,
    [Eic.LocalUserId]: local.userId,
    [Eic.UserName]: ix.owner ?? '',
    [Eic.WorkgroupName]: ix.workgroupName,
    [Eic.Muted]: flag(ix.muted),
    [Eic.Private]: flag(ix.isPrivate),
    [Eic.Recorders]: joinList(ix.recorders),
    [Eic.RecordersSupv]: joinList(ix.supervisorRecorders),
    [Eic.SnippetRecordingId]: ix.snippetId,
    [Eic.SecurePauseStartTime]: ix.securePause === null ? '' : wireTime(ix.securePause.start),
    [Eic.RecordingsAutoResumeTime]:
      ix.securePause?.resume === null || ix.securePause === null ? '' : wireTime(ix.securePause.resume),
    [Eic.ConferenceId]: ix.members !== null ? ix.id : (ix.conferenceId ?? ''),
    [Eic.ConferenceMembers]: ix.members === null ? '' : joinList(ix.members),
    [Eic.InitiationTime]: wireTime(ix.initiatedAt),
    [Eic.ConnectTime]: ix.connectedAt === null ? '' : wireTime(ix.connectedAt),
    [Eic.TerminationTime]: ix.terminatedAt === null ? '' : wireTime(ix.terminatedAt),
    [Eic.WrapUpCodeSet]: wg === undefined ? '' : joinList(wg.wrapUpCodes),
    [Eic.WrapUpCode]: ix.wrapUpCode,
    [Eic.WrapupConnectionSegments]: ix.wrapUpSegments.join(';'),
    [Eic.AccountCode]: ix.accountCode,
    [Eic.IsConsult]: flag(ix.isConsultLeg),
    [Eic.Consultee]: ix.consultee,
    [Eic.ConsultCallId]: ix.consultCallId,
  });
  return attrs;
}

/** The attributes one viewer sees (`null`: a queue with no single viewer, rights ignored). */
export function attributesFor(
  ctx: ViewContext,
  ix: Interaction,
  viewer: string | null,
  base = baseAttributes(ctx, ix),
): Record<string, string> {
  const user = viewer === null ? null : (ctx.host.user(viewer) ?? null);
  return { ...base, [Eic.Capabilities]: String(capabilityMask(ix, user)) };
}

/** The queues an interaction belongs in right now, each with the user its capabilities are for. */
export function desiredQueues(
  ctx: ViewContext,
  ix: Interaction,
): { queue: QueueId; viewer: string | null }[] {
  if (ix.deallocated) return [];
  const out: { queue: QueueId; viewer: string | null }[] = [];
  const userQueues = (userId: string): void => {
    out.push({ queue: { queueType: QueueType.User, queueName: userId }, viewer: userId });
    out.push({ queue: { queueType: QueueType.System, queueName: userId }, viewer: userId });
  };
  if (ix.owner !== null) {
    userQueues(ix.owner);
    const station = ctx.host.agent(ix.owner)?.station ?? null;
    if (station !== null)
      out.push({ queue: { queueType: QueueType.Station, queueName: station.stationId }, viewer: ix.owner });
  } else if (ix.parkedOn !== null) {
    const q = ix.parkedOn;
    if (q.queueType === QueueType.User || q.queueType === QueueType.System) userQueues(q.queueName);
    else out.push({ queue: q, viewer: null });
  }
  if (ix.acd !== null && ix.parkedOn?.queueType !== QueueType.Workgroup)
    out.push({ queue: { queueType: QueueType.Workgroup, queueName: ix.acd.workgroup }, viewer: null });
  return out;
}

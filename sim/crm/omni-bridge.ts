/**
 * The emulator's stand-in for the package's Aura utility component that bridges
 * `lightning:omniToolkitAPI` and the Lightning Message Service: on the bridge channel it answers
 * toolkit requests the softphone publishes and publishes every Omni-Channel event.
 *
 *   softphone → bridge: { type: 'omni.request', requestId, method, args? }
 *   bridge → softphone: { type: 'omni.response', requestId, ok: true, result } | { …, ok: false, error }
 *                       { type: 'omni.event', name: 'omniChannelStatusChanged' | …, params }
 */
import { z } from 'zod';
import type { ConsoleCore, ConsoleWindow } from './console-core.js';
import { OmniError, type OmniPresence } from './omni.js';
import type { WireValue } from './protocol.js';

const request = z
  .object({ type: z.literal('omni.request'), requestId: z.string().min(1), method: z.string(), args: z.record(z.string(), z.unknown()).optional() })
  .strict();
const statusArgs = z.object({ statusId: z.string().min(1) }).strict();
const workArgs = z.object({ workId: z.string().min(1) }).strict();
const declineArgs = z.object({ workId: z.string().min(1), declineReason: z.string().optional() }).strict();
const flagArgs = z.object({ workId: z.string().min(1), message: z.string().optional() }).strict();
const none = z.object({}).strict();

function statusResult(omni: OmniPresence): WireValue {
  const s = omni.current();
  if (!s) throw new OmniError('the agent is not logged in to Omni-Channel');
  return { statusId: s.statusId, statusName: s.statusName, statusApiName: s.statusApiName };
}

function call(omni: OmniPresence, method: string, rawArgs: Record<string, unknown>): WireValue {
  const parse = <T>(schema: z.ZodType<T>): T => {
    const r = schema.safeParse(rawArgs);
    if (!r.success) throw new OmniError(`invalid arguments for ${method}: ${r.error.issues.map((i) => `${i.path.join('.') || '(args)'} ${i.message}`).join('; ')}`);
    return r.data;
  };
  const status = (id: string) => {
    const s = omni.findStatus({ statusId: id });
    if (!s) throw new OmniError(`no service presence status ${id} for this user`);
    return s;
  };
  switch (method) {
    case 'login':
      omni.setStatus(status(parse(statusArgs).statusId), 'OmniToolkitStatusChange', 'toolkit');
      return true;
    case 'logout':
      parse(none);
      omni.logout('toolkit');
      return true;
    case 'setServicePresenceStatus': {
      const s = status(parse(statusArgs).statusId);
      omni.setStatus(s, 'OmniToolkitStatusChange', 'toolkit');
      return { statusId: s.statusId, statusName: s.statusName, statusApiName: s.statusApiName, channels: omni.channelsJson(s) };
    }
    case 'getServicePresenceStatusId':
      parse(none);
      return statusResult(omni);
    case 'getServicePresenceStatusChannels':
      parse(none);
      return { channels: omni.channelsJson(omni.current()) };
    case 'getAgentWorks':
      parse(none);
      return {
        works: JSON.stringify(
          omni
            .agentWorks()
            .filter((w) => w.state === 'Assigned' || w.state === 'Opened')
            .map((w) => ({ workId: w.workId, workItemId: w.workItemId, isEngaged: w.state === 'Opened', capacityWeight: w.capacityWeight })),
        ),
      };
    case 'getAgentWorkload':
      parse(none);
      return { configuredCapacity: omni.capacity(), currentWorkload: omni.workload(), configuredInterruptibleCapacity: 0, currentInterruptibleWorkload: 0 };
    case 'acceptAgentWork':
      omni.acceptWork(parse(workArgs).workId);
      return true;
    case 'declineAgentWork':
      omni.declineWork(parse(declineArgs).workId);
      return true;
    case 'closeAgentWork':
      omni.closeWork(parse(workArgs).workId);
      return true;
    case 'raiseAgentWorkFlag':
      omni.flagWork(parse(flagArgs).workId, true);
      return true;
    case 'lowerAgentWorkFlag':
      omni.flagWork(parse(workArgs).workId, false);
      return true;
    case 'getServicePresenceStatuses':
      // Not a toolkit method: what the package's bridge learns by querying ServicePresenceStatus.
      parse(none);
      return omni.statuses.map((s) => ({ statusId: s.statusId, statusName: s.statusName, statusApiName: s.statusApiName, channels: omni.channelsJson(s) }));
    default:
      throw new OmniError(`unknown omniToolkitAPI method ${method}`);
  }
}

/** Installs the bridge on the console: requests on the bridge channel get a response there. */
export function installOmniBridge(core: ConsoleCore): void {
  core.onBridgeMessage = (win: ConsoleWindow, message: WireValue) => {
    const type = message !== null && typeof message === 'object' && !Array.isArray(message) ? message['type'] : undefined;
    if (type !== 'omni.request') return;
    const parsed = request.safeParse(message);
    if (!parsed.success) {
      const requestId = (message as Record<string, WireValue>)['requestId'];
      core.publish(win, core.config.omniBridgeChannel, { type: 'omni.response', requestId: typeof requestId === 'string' ? requestId : null, ok: false, error: 'malformed omni.request' }, 'omni-bridge');
      return;
    }
    const { requestId, method, args } = parsed.data;
    let reply: WireValue;
    try {
      reply = { type: 'omni.response', requestId, ok: true, result: call(core.omni, method, args ?? {}) };
    } catch (error) {
      if (!(error instanceof OmniError)) throw error;
      reply = { type: 'omni.response', requestId, ok: false, error: error.message };
    }
    core.publish(win, core.config.omniBridgeChannel, reply, 'omni-bridge');
    core.renderAll();
  };
}

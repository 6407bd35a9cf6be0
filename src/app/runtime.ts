/**
 * The imperative shell around the pure domain: it runs every effect a step asks for through the
 * matching port, feeds each result back into the store as an observation stamped with the local
 * time, forwards what the CIC port pushes, and sends a `clock.tick` every second.
 *
 * Effects are idempotent by {@link effectKey}: while an effect with a key is still running, a
 * second one with the same key is not started again (a double-click, or a mirroring tab).
 */
import {
  effectKey,
  redactEffect,
  type CicPort,
  type Clock,
  type CommandErrorKind,
  type CommandOperation,
  type CrmPort,
  type Effect,
  type Input,
  type InteractionId,
  type NotifierPort,
  type StoragePort,
  type Store,
} from '../domain/index.js';

export interface RuntimePorts {
  readonly cic: CicPort;
  readonly storage: StoragePort;
  readonly notifier: NotifierPort;
  /** Absent when the panel runs outside a CRM (the standalone page). */
  readonly crm?: CrmPort;
}

export interface RuntimeOptions {
  readonly store: Store;
  readonly ports: RuntimePorts;
  readonly clock: Clock;
  /** Receives one line per failed effect; effects are redacted first, so no password is logged. */
  readonly log?: (line: string) => void;
  /** Milliseconds between `clock.tick` inputs (default 1000). */
  readonly tickMs?: number;
}

export interface Runtime {
  /** Dispatches an input stamped with the current time (what the UI calls for each intent). */
  dispatch(input: Input): void;
  /** Resolves once every effect started so far has settled (used by tests and on shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

/** What a rejected port call carries, whatever threw it. */
function failureOf(error: unknown): {
  errorKind: CommandErrorKind;
  errorId: string | null;
  message: string | null;
} {
  const kinds: readonly CommandErrorKind[] = [
    'rejected',
    'forbidden',
    'notFound',
    'network',
    'session',
    'unknown',
  ];
  if (typeof error === 'object' && error !== null) {
    const record = error as { portKind?: unknown; kind?: unknown; errorId?: unknown; message?: unknown };
    const kind = [record.portKind, record.kind].find((k): k is CommandErrorKind =>
      kinds.includes(k as CommandErrorKind),
    );
    return {
      errorKind: kind ?? 'unknown',
      errorId: typeof record.errorId === 'string' ? record.errorId : null,
      message: typeof record.message === 'string' ? record.message : null,
    };
  }
  return { errorKind: 'unknown', errorId: null, message: String(error) };
}

export function startRuntime(options: RuntimeOptions): Runtime {
  const { store, ports, clock } = options;
  const log = options.log ?? (() => undefined);
  const running = new Map<string, Promise<void>>();
  let stopped = false;

  const feed = (input: Input): void => {
    if (stopped) return;
    store.dispatch({ ...input, now: clock.now() } as Input);
  };

  const failed = (
    operation: CommandOperation,
    error: unknown,
    ids: { interactionId?: InteractionId; requestId?: string } = {},
  ): void => {
    feed({
      kind: 'obs.command.failed',
      operation,
      interactionId: ids.interactionId ?? null,
      requestId: ids.requestId ?? null,
      ...failureOf(error),
    });
  };

  /** Runs one effect; resolves with nothing, having fed back what the port answered. */
  const run = async (effect: Effect): Promise<void> => {
    const { cic, storage, notifier, crm } = ports;
    switch (effect.kind) {
      case 'cic.fetchServerInfo':
        return cic.fetchServerInfo(effect.server).then(feed, (error: unknown) => {
          // Shown on the log-on form; a logon already under way (possibly through an alternate
          // server) is decided by its own answer, not by this one.
          if (store.getState().session.current.phase !== 'signedOut') return;
          feed({ kind: 'obs.logon.failed', reason: 'unreachable', errorId: failureOf(error).errorId });
        });
      case 'cic.logon':
        return cic
          .logon(effect)
          .then(feed, (error: unknown) =>
            feed({ kind: 'obs.logon.failed', reason: 'unknown', errorId: failureOf(error).errorId }),
          );
      case 'cic.logoff':
        return cic.logoff().then(feed, (error: unknown) => failed('logoff', error));
      case 'cic.changePassword':
        return cic.changePassword(effect).then(feed, (error: unknown) => failed('changePassword', error));
      case 'cic.subscribe':
        return cic.subscribe(effect);
      case 'cic.watchUserStatuses':
        return cic.watchUserStatuses(effect);
      case 'cic.setStation':
        return cic
          .setStation(effect)
          .then(feed, (error: unknown) =>
            feed({ kind: 'obs.logon.failed', reason: 'unknown', errorId: failureOf(error).errorId }),
          );
      case 'cic.setStatus':
        return cic.setStatus(effect).catch((error: unknown) => failed('setStatus', error));
      case 'cic.setActivation':
        return cic.setActivation(effect).catch((error: unknown) => failed('setActivation', error));
      case 'cic.pickup':
      case 'cic.hold':
      case 'cic.mute':
      case 'cic.disconnect':
      case 'cic.record':
      case 'cic.snip':
      case 'cic.securePause':
      case 'cic.sendToVoicemail':
      case 'cic.sendDigits':
      case 'cic.blindTransfer':
        return cic
          .interactionCommand(effect)
          .catch((error: unknown) =>
            failed(commandOperation[effect.kind], error, { interactionId: effect.interactionId }),
          );
      case 'cic.createCall':
        return cic
          .createCall(effect)
          .then(feed, (error: unknown) => failed('createCall', error, { requestId: effect.requestId }));
      case 'cic.consult.start':
        return cic
          .startConsult(effect)
          .then(feed, (error: unknown) =>
            failed('consultStart', error, { interactionId: effect.interactionId }),
          );
      case 'cic.consult.audience':
        return cic
          .changeConsultAudience(effect)
          .then(feed, (error: unknown) =>
            failed('consultAudience', error, { interactionId: effect.interactionId }),
          );
      case 'cic.consult.conclude':
        return cic
          .concludeConsult(effect)
          .then(feed, (error: unknown) =>
            failed('consultConclude', error, { interactionId: effect.interactionId }),
          );
      case 'cic.consult.cancel':
        return cic
          .cancelConsult(effect)
          .then(feed, (error: unknown) =>
            failed('consultCancel', error, { interactionId: effect.interactionId }),
          );
      case 'cic.conference.create':
      case 'cic.conference.add':
        return cic.conference(effect).catch((error: unknown) => failed('conference', error));
      case 'cic.assignWrapUp':
        return cic
          .assignWrapUp(effect)
          .then(feed, (error: unknown) =>
            failed('assignWrapUp', error, { interactionId: effect.interactionId }),
          );
      case 'cic.directory.page':
        return cic
          .directoryPage(effect)
          .then(feed, (error: unknown) => failed('directoryPage', error, { requestId: effect.requestId }));
      case 'cic.transfer.search':
        return cic
          .transferSearch(effect)
          .then(feed, (error: unknown) => failed('transferSearch', error, { requestId: effect.requestId }));
      case 'ui.ring.start':
        return notifier.startRing();
      case 'ui.ring.stop':
        return notifier.stopRing();
      case 'ui.notify':
        return notifier.notify(effect);
      case 'ui.panel.show':
        return crm?.setPanelVisible(true);
      case 'crm.screenPop':
        return crm?.screenPop(effect).then((matches) => {
          if (matches !== null) feed(matches);
        });
      case 'crm.interactionChanged':
        return crm?.interactionChanged(effect);
      case 'crm.saveLog':
        if (crm === undefined) return;
        return crm.saveLog(effect).then(feed, (error: unknown) =>
          feed({
            kind: 'obs.crm.logFailed',
            interactionId: effect.interactionId,
            seq: effect.seq,
            message: failureOf(error).message ?? 'unknown error',
          }),
        );
      case 'crm.findLog':
        if (crm === undefined) return;
        // A CRM that cannot look Tasks up cannot tell a lost create from a made one: never guess.
        if (crm.findLog === undefined)
          return feed({
            kind: 'obs.crm.logFailed',
            interactionId: effect.interactionId,
            seq: effect.seq,
            message: 'this CRM cannot look up call logs',
          });
        return crm.findLog(effect).then(feed, (error: unknown) =>
          feed({
            kind: 'obs.crm.logFailed',
            interactionId: effect.interactionId,
            seq: effect.seq,
            message: failureOf(error).message ?? 'unknown error',
          }),
        );
      case 'crm.openRecord':
        return crm?.openRecord(effect.recordId);
      case 'crm.utility':
        return crm?.setUtility(effect);
      case 'storage.loadUserPrefs':
        return storage
          .loadUserPrefs(effect.userId)
          .then(feed, () => feed({ kind: 'obs.storage.userPrefs', userId: effect.userId, prefs: null }));
      case 'storage.saveUserPrefs':
        return storage.saveUserPrefs(effect.userId, effect.prefs);
      case 'storage.saveLogonPrefs':
        return storage.saveLogonPrefs(effect.prefs);
    }
  };

  const start = (effect: Effect): void => {
    const key = effectKey(effect);
    if (running.has(key)) return;
    const done = Promise.resolve()
      .then(() => run(effect))
      .catch((error: unknown) => {
        log(
          `effect failed: ${JSON.stringify(redactEffect(effect))}: ${failureOf(error).message ?? 'unknown error'}`,
        );
      })
      .finally(() => running.delete(key));
    running.set(key, done);
  };

  const unsubscribeStore = store.subscribe((step) => {
    if (!stopped) step.effects.forEach(start);
  });
  const unobserve = ports.cic.observe(feed);
  const unobserveCrm = ports.crm?.observe(feed) ?? (() => undefined);
  const stopTicks = clock.every(options.tickMs ?? 1000, () => feed({ kind: 'clock.tick', now: clock.now() }));
  void ports.storage.loadLogonPrefs().then(feed, () => feed({ kind: 'obs.storage.logonPrefs', prefs: null }));

  return {
    dispatch: feed,
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
    stop() {
      stopped = true;
      unsubscribeStore();
      unobserve();
      unobserveCrm();
      stopTicks();
    },
  };
}

const commandOperation: Record<
  Extract<
    Effect['kind'],
    | 'cic.pickup'
    | 'cic.hold'
    | 'cic.mute'
    | 'cic.disconnect'
    | 'cic.record'
    | 'cic.snip'
    | 'cic.securePause'
    | 'cic.sendToVoicemail'
    | 'cic.sendDigits'
    | 'cic.blindTransfer'
  >,
  CommandOperation
> = {
  'cic.pickup': 'pickup',
  'cic.hold': 'hold',
  'cic.mute': 'mute',
  'cic.disconnect': 'disconnect',
  'cic.record': 'record',
  'cic.snip': 'snip',
  'cic.securePause': 'securePause',
  'cic.sendToVoicemail': 'voicemail',
  'cic.sendDigits': 'dtmf',
  'cic.blindTransfer': 'blindTransfer',
};

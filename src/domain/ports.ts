/**
 * Ports: interfaces the runtime (`src/app`) implements with adapters (`src/cic`, `src/crm`,
 * storage, the clock). The domain never calls them; it emits effects, and the runtime runs each
 * effect through the matching port method and feeds the result back as observations. A rejected
 * promise should carry a {@link PortFailure}; the runtime turns it into `obs.command.failed`.
 */
import type { CicEffect, CrmEffect, UiEffect, UserPrefs } from './effects.js';
import type { LogonPrefs } from './session/session-state.js';
import type { CommandErrorKind, Observation } from './observations.js';

type Obs<K extends Observation['kind']> = Extract<Observation, { kind: K }>;
type Args<K extends CicEffect['kind']> = Omit<Extract<CicEffect, { kind: K }>, 'kind'>;

/** What a failed port call rejects with (the CIC client's `CicError` satisfies it). */
export interface PortFailure {
  readonly kind: CommandErrorKind;
  readonly errorId: string | null;
  readonly message: string | null;
}

/** Commands on one interaction that answer with nothing but success (confirmation comes as a delta). */
export type InteractionCommand = Extract<
  CicEffect,
  {
    kind:
      | 'cic.pickup'
      | 'cic.hold'
      | 'cic.mute'
      | 'cic.disconnect'
      | 'cic.record'
      | 'cic.snip'
      | 'cic.securePause'
      | 'cic.sendToVoicemail'
      | 'cic.sendDigits'
      | 'cic.blindTransfer';
  }
>;

/** The CIC session (ICWS): logon, subscriptions, commands, and the stream of pushed messages. */
export interface CicPort {
  fetchServerInfo(server: string): Promise<Obs<'obs.serverInfo'>>;
  /** Resolves with the session or a classified failure (bad credentials, switchover…). */
  logon(request: Args<'cic.logon'>): Promise<Obs<'obs.session.connected'> | Obs<'obs.logon.failed'>>;
  logoff(): Promise<Obs<'obs.session.ended'>>;
  changePassword(
    request: Args<'cic.changePassword'>,
  ): Promise<Obs<'obs.password.changed'> | Obs<'obs.password.rejected'>>;
  /** Opens the subscriptions; their snapshots and deltas arrive through {@link CicPort.observe}. */
  subscribe(request: Args<'cic.subscribe'>): Promise<void>;
  watchUserStatuses(request: Args<'cic.watchUserStatuses'>): Promise<void>;
  setStation(request: Args<'cic.setStation'>): Promise<Obs<'obs.station.changed'> | Obs<'obs.logon.failed'>>;
  setStatus(request: Args<'cic.setStatus'>): Promise<void>;
  setActivation(request: Args<'cic.setActivation'>): Promise<void>;
  interactionCommand(command: InteractionCommand): Promise<void>;
  createCall(request: Args<'cic.createCall'>): Promise<Obs<'obs.call.created'>>;
  startConsult(request: Args<'cic.consult.start'>): Promise<Obs<'obs.consult.started'>>;
  changeConsultAudience(request: Args<'cic.consult.audience'>): Promise<Obs<'obs.consult.audience'>>;
  concludeConsult(request: Args<'cic.consult.conclude'>): Promise<Obs<'obs.consult.ended'>>;
  cancelConsult(request: Args<'cic.consult.cancel'>): Promise<Obs<'obs.consult.ended'>>;
  conference(
    request: Extract<CicEffect, { kind: 'cic.conference.create' | 'cic.conference.add' }>,
  ): Promise<void>;
  assignWrapUp(request: Args<'cic.assignWrapUp'>): Promise<Obs<'obs.wrapUp.assigned'>>;
  directoryPage(request: Args<'cic.directory.page'>): Promise<Obs<'obs.directory.page'>>;
  transferSearch(request: Args<'cic.transfer.search'>): Promise<Obs<'obs.transfer.results'>>;
  /** Server-pushed messages, already validated and mapped; returns an unsubscribe function. */
  observe(listener: (observation: Observation) => void): () => void;
}

/** The CRM (Salesforce Open CTI, or a memory fake). */
export interface CrmPort {
  /** Searches and pops per the screen-pop rules; resolves with the matches (for the call log). */
  screenPop(
    request: Omit<Extract<CrmEffect, { kind: 'crm.screenPop' }>, 'kind'>,
  ): Promise<Obs<'obs.crm.matches'> | null>;
  interactionChanged(
    request: Omit<Extract<CrmEffect, { kind: 'crm.interactionChanged' }>, 'kind'>,
  ): Promise<void>;
  /** Open CTI `setSoftphonePanelVisibility`. */
  setPanelVisible(visible: boolean): Promise<void>;
  /** Creates or updates the Task (`saveLog`, then `refreshView`); rejects with the CRM's message. */
  saveLog(
    request: Omit<Extract<CrmEffect, { kind: 'crm.saveLog' }>, 'kind'>,
  ): Promise<Obs<'obs.crm.logSaved'> | Obs<'obs.crm.logFailed'>>;
  /**
   * Looks the interaction's Task up by `CallObject` before a create whose answer was lost is sent
   * again. Optional: without it such a write fails and is retried (never guessed "not found").
   */
  findLog?(
    request: Omit<Extract<CrmEffect, { kind: 'crm.findLog' }>, 'kind'>,
  ): Promise<Obs<'obs.crm.logFound'> | Obs<'obs.crm.logFailed'>>;
  openRecord(recordId: string): Promise<void>;
  setUtility(request: Omit<Extract<CrmEffect, { kind: 'crm.utility' }>, 'kind'>): Promise<void>;
  /** Settings, navigation and click-to-dial as they happen; returns an unsubscribe function. */
  observe(listener: (observation: Observation) => void): () => void;
}

/** The panel's own attention-getters: ring sound, desktop notifications. */
export interface NotifierPort {
  startRing(): void;
  stopRing(): void;
  notify(request: Omit<Extract<UiEffect, { kind: 'ui.notify' }>, 'kind'>): void;
}

/** Browser storage for preferences. Implementations must never be handed credentials. */
export interface StoragePort {
  loadUserPrefs(userId: string): Promise<Obs<'obs.storage.userPrefs'>>;
  saveUserPrefs(userId: string, prefs: UserPrefs): Promise<void>;
  loadLogonPrefs(): Promise<Obs<'obs.storage.logonPrefs'>>;
  saveLogonPrefs(prefs: LogonPrefs): Promise<void>;
}

/** Time for the runtime: the domain only ever sees `now` values in inputs. */
export interface Clock {
  /** Local epoch milliseconds. */
  now(): number;
  /** Calls `callback` every `ms` milliseconds until the returned function is called. */
  every(ms: number, callback: () => void): () => void;
}

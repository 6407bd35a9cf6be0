/** The station connection (reference §1.6). */
import type { CallOptions } from '../call-options.js';
import { requestBody } from '../call-options.js';
import type { CicSession } from '../session.js';
import { URN } from '../schemas/common.js';
import type { MediaType, StationInformation, StationSettings } from '../schemas/station.js';
import { MediaType as Media, stationInformation, stationSettings } from '../schemas/station.js';

interface StationCommon {
  /** Default `[Call]`. */
  readonly supportedMediaTypes?: readonly MediaType[];
  /** Default true. */
  readonly readyForInteractions?: boolean;
}

/** The four station types. */
export type StationChoice = StationCommon &
  (
    | { readonly kind: 'workstation'; readonly workstation: string }
    | { readonly kind: 'remoteWorkstation'; readonly workstation: string; readonly remoteNumber?: string }
    | {
        readonly kind: 'remoteNumber';
        readonly remoteNumber: string;
        readonly persistentConnection?: boolean;
      }
    | { readonly kind: 'stationless' }
  );

/** The wire body for a station choice. */
export function stationSettingsFor(choice: StationChoice): StationSettings {
  const common = {
    supportedMediaTypes: [...(choice.supportedMediaTypes ?? [Media.Call])],
    readyForInteractions: choice.readyForInteractions ?? true,
  };
  switch (choice.kind) {
    case 'workstation':
      return { __type: `${URN}connection:workstationSettings`, ...common, workstation: choice.workstation };
    case 'remoteWorkstation':
      return {
        __type: `${URN}connection:remoteWorkstationSettings`,
        ...common,
        workstation: choice.workstation,
        ...(choice.remoteNumber !== undefined ? { remoteNumber: choice.remoteNumber } : {}),
      };
    case 'remoteNumber':
      return {
        __type: `${URN}connection:remoteNumberSettings`,
        ...common,
        remoteNumber: choice.remoteNumber,
        persistentConnection: choice.persistentConnection ?? false,
      };
    case 'stationless':
      return { __type: `${URN}connection:stationlessSettings`, ...common };
  }
}

export class StationApi {
  readonly #session: CicSession;

  constructor(session: CicSession) {
    this.#session = session;
  }

  /** `PUT /connection/station`: creates, changes or replaces the session's station. */
  async set(choice: StationChoice, options: CallOptions = {}): Promise<void> {
    const operation = 'PUT connection/station';
    const body = requestBody(stationSettings, stationSettingsFor(choice), operation);
    await this.#session.call({
      method: 'PUT',
      path: 'connection/station',
      operation,
      body,
      signal: options.signal,
    });
  }

  /** `GET /connection/station`. */
  get(options: CallOptions = {}): Promise<StationInformation> {
    return this.#session.call({
      method: 'GET',
      path: 'connection/station',
      schema: stationInformation,
      signal: options.signal,
    });
  }

  /** `DELETE /connection/station`: disconnects the station. */
  async remove(options: CallOptions = {}): Promise<void> {
    await this.#session.call({ method: 'DELETE', path: 'connection/station', signal: options.signal });
  }
}

/**
 * A session's station connection: what the engine sees (`AgentStation`) and what ICWS reports
 * (`stationInformation`, `effectiveStation`).
 */
import type { AgentStation } from '../telephony/host.js';
import { StationSetting } from './wire.js';

export interface StationInfo {
  readonly agent: AgentStation | null;
  /** `true` for an explicit stationless logon. */
  readonly stationless: boolean;
  /** Key in the station-occupancy map (`station:<id>` or `remote:<number>`); null when stationless. */
  readonly occupancyKey: string | null;
  readonly supportedMediaTypes: readonly number[];
  readonly readyForInteractions: boolean;
}

export function stationSetting(info: StationInfo | null): number {
  switch (info?.agent?.kind) {
    case 'workstation':
      return StationSetting.Workstation;
    case 'remoteWorkstation':
      return StationSetting.RemoteWorkstation;
    case 'remoteNumber':
      return StationSetting.RemoteNumber;
    default:
      return StationSetting.None;
  }
}

/** `connection:stationInformation`. */
export function stationInformationJson(info: StationInfo | null): Record<string, unknown> {
  const agent = info?.agent ?? null;
  if (agent === null) {
    return { id: '', extension: '', stationSetting: StationSetting.None, allowedMediaTypes: [] };
  }
  const json: Record<string, unknown> = {
    id: agent.stationId,
    extension: agent.extension,
    stationSetting: stationSetting(info),
    canBeDialed: agent.kind === 'workstation',
    ringAlways: false,
    allowedMediaTypes: [...(info?.supportedMediaTypes ?? [1])],
  };
  if (agent.remoteNumber !== undefined) json['remoteNumber'] = agent.remoteNumber;
  if (agent.kind !== 'workstation') json['persistentConnection'] = agent.persistent;
  return json;
}

/** `effectiveStation` of the logon response and of `effectiveStationChangeMessage`. */
export function effectiveStationJson(info: StationInfo | null): Record<string, unknown> | null {
  const agent = info?.agent ?? null;
  if (agent === null) return null;
  return {
    stationId: {
      id: agent.stationId,
      displayName: agent.stationId,
      uri: `/configuration/stations/${encodeURIComponent(agent.stationId)}`,
    },
  };
}

/**
 * Station settings (`PUT /connection/station`, or `stationSettings` in the logon body): the four
 * ICWS station types, validated against the site, licences, rights and station occupancy.
 */
import { z } from 'zod';
import { License, Right } from '../telephony/host.js';
import type { SiteUser } from '../site/site.js';
import { SimErrorId } from './errors.js';
import { HttpError } from './http-util.js';
import type { StationInfo } from './station-model.js';
import { RequestUrn } from './wire.js';
import type { World } from './world.js';

const common = {
  supportedMediaTypes: z.array(z.number().int().min(0).max(9)).optional(),
  readyForInteractions: z.boolean().optional(),
  stationConnectionMode: z.number().int().min(0).max(2).optional(),
};

const number = z.string().trim().regex(/^\+?[0-9 ()\-.]{3,30}$/, 'must be a phone number');

export const stationSettingsSchema = z.discriminatedUnion('__type', [
  z.object({ __type: z.literal(RequestUrn.workstation), workstation: z.string().trim().min(1), ...common }),
  z.object({
    __type: z.literal(RequestUrn.remoteWorkstation),
    workstation: z.string().trim().min(1),
    remoteNumber: number.optional(),
    ...common,
  }),
  z.object({
    __type: z.literal(RequestUrn.remoteNumber),
    remoteNumber: number,
    persistentConnection: z.boolean().optional(),
    ...common,
  }),
  z.object({ __type: z.literal(RequestUrn.stationless), ...common }),
]);
export type StationSettings = z.output<typeof stationSettingsSchema>;

function digits(text: string): string {
  return text.replace(/[^0-9+]/g, '');
}

function requireLicences(user: SiteUser, licences: readonly string[]): void {
  const missing = licences.filter((l) => !user.licenseSet.has(l));
  if (missing.length > 0) {
    throw new HttpError(403, SimErrorId.licenseUnavailable, `The following licenses were not available: ${missing.join(', ')}`);
  }
}

/** Resolves settings to a station connection for `user`, or refuses with the documented error. */
export function resolveStation(world: World, user: SiteUser, settings: StationSettings): StationInfo {
  const media = settings.supportedMediaTypes ?? [1];
  const ready = settings.readyForInteractions ?? true;
  if (settings.__type === RequestUrn.stationless) {
    return { agent: null, stationless: true, occupancyKey: null, supportedMediaTypes: media, readyForInteractions: ready };
  }
  requireLicences(user, [License.ClientAccess, License.BasicStation]);
  const userDefinedNumber = user.rightSet.has(Right.UserDefinedTelephoneNumber);

  if (settings.__type === RequestUrn.remoteNumber) {
    if (!userDefinedNumber) {
      throw new HttpError(
        403,
        SimErrorId.stationAccessDenied,
        'You are not allowed to log on with a remote number (User-defined Telephone Number on Remote Logon).',
      );
    }
    const remote = digits(settings.remoteNumber);
    const key = `remote:${remote}`;
    checkFree(world, user, key, remote);
    // Without the Persistent Connections right the request is silently ignored, as CIC does.
    const persistent = (settings.persistentConnection ?? false) && user.rightSet.has(Right.PersistentConnections);
    return {
      agent: { stationId: remote, extension: '', kind: 'remoteNumber', remoteNumber: remote, persistent },
      stationless: false,
      occupancyKey: key,
      supportedMediaTypes: media,
      readyForInteractions: ready,
    };
  }

  const station = world.site.station(settings.workstation);
  if (station === undefined) {
    throw new HttpError(400, SimErrorId.stationNotFound, `The station "${settings.workstation}" was not found.`, {
      errorCode: -2147221496,
    });
  }
  if (station.allowedUsers !== undefined && !station.allowedUsers.some((u) => u.toLowerCase() === user.userId.toLowerCase())) {
    throw new HttpError(403, SimErrorId.stationAccessDenied, 'You are not allowed to log on to this station.');
  }
  const key = `station:${station.stationId.toLowerCase()}`;
  checkFree(world, user, key, station.stationId);
  if (station.kind === 'workstation' && settings.__type === RequestUrn.workstation) {
    return {
      agent: { stationId: station.stationId, extension: station.extension, kind: 'workstation', persistent: false },
      stationless: false,
      occupancyKey: key,
      supportedMediaTypes: media,
      readyForInteractions: ready,
    };
  }
  // A remote workstation (or a workstation request naming one): the configured number unless the
  // user may type their own.
  const requested = settings.__type === RequestUrn.remoteWorkstation ? settings.remoteNumber : undefined;
  const configured = station.remoteNumber;
  if (requested !== undefined && digits(requested) !== (configured ?? '') && !userDefinedNumber) {
    throw new HttpError(
      403,
      SimErrorId.stationAccessDenied,
      'You are not allowed to change the remote number of this station (User-defined Telephone Number on Remote Logon).',
    );
  }
  const remoteNumber = requested !== undefined ? digits(requested) : configured;
  if (remoteNumber === undefined) {
    throw new HttpError(400, SimErrorId.stationNotFound, `The station "${station.stationId}" is not a remote workstation.`, {
      errorCode: -2147221496,
    });
  }
  return {
    agent: {
      stationId: station.stationId,
      extension: station.extension,
      kind: 'remoteWorkstation',
      remoteNumber,
      persistent: station.persistent,
    },
    stationless: false,
    occupancyKey: key,
    supportedMediaTypes: media,
    readyForInteractions: ready,
  };
}

/** One user per station: the first one keeps it. */
function checkFree(world: World, user: SiteUser, key: string, label: string): void {
  const holder = world.stationHolder(key);
  if (holder !== undefined && holder.userId.toLowerCase() !== user.userId.toLowerCase()) {
    throw new HttpError(400, SimErrorId.stationInUse, `The station "${label}" is in use by another user.`);
  }
}

/**
 * `/icws/{sessionId}/connection/station`: connect (PUT, one of the four station types), read (GET)
 * and disconnect (DELETE) the session's station. A change also sends the session an
 * `effectiveStationChangeMessage`.
 */
import { parseBody } from '../http-util.js';
import type { Router, SessionContext } from '../router.js';
import { effectiveStationJson, stationInformationJson } from '../station-model.js';
import { resolveStation, stationSettingsSchema } from '../station-service.js';
import { Urn } from '../wire.js';

function announce({ session }: SessionContext): void {
  session.enqueue({ __type: Urn.effectiveStationChange, isDelta: false, effectiveStation: effectiveStationJson(session.station) });
}

export function stationRoutes(router: Router): void {
  router.session('PUT', '/icws/:sessionId/connection/station', (ctx) => {
    const settings = parseBody(stationSettingsSchema, ctx.body, 'station settings');
    const user = ctx.world.requireUser(ctx.session.userId);
    const station = resolveStation(ctx.world, user, settings);
    ctx.world.applyStation(ctx.session, station);
    announce(ctx);
    return { status: 200, headers: { Location: `/icws/${ctx.session.id}/connection/station` } };
  });

  router.session('GET', '/icws/:sessionId/connection/station', ({ session }) => ({
    status: 200,
    body: stationInformationJson(session.station),
  }));

  router.session('DELETE', '/icws/:sessionId/connection/station', (ctx) => {
    if (ctx.session.station !== null) {
      ctx.world.clearStation(ctx.session);
      announce(ctx);
    }
    return { status: 200 };
  });
}

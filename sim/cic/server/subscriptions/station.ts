/**
 * `connection/station`: the session's station connection, first as it is now, then every change.
 * A subscription may exist without a station (the info then has `stationSetting` 0).
 */
import type { WorldEvent } from '../events.js';
import { stationInformationJson } from '../station-model.js';
import { Urn } from '../wire.js';
import type { Subscription, SubscriptionContext } from './subscription.js';

export class StationSubscription implements Subscription {
  readonly key = 'connection/station';
  readonly describe = 'station connection';

  constructor(private readonly ctx: SubscriptionContext) {}

  start(): void {
    this.ctx.session.enqueue({
      __type: Urn.stationConnectionStateChange,
      isDelta: false,
      newStationInfo: stationInformationJson(this.ctx.session.station),
    });
  }

  handle(event: WorldEvent): void {
    if (event.kind !== 'station' || event.sessionId !== this.ctx.session.id) return;
    this.ctx.session.enqueue({
      __type: Urn.stationConnectionStateChange,
      isDelta: true,
      previousStationInfo: stationInformationJson(event.previous),
      newStationInfo: stationInformationJson(event.current),
    });
  }
}

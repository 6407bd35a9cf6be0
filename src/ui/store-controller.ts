import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Input, SoftphoneState, Store } from '../domain/index.js';

/**
 * Keeps a host rendering the latest domain state: subscribes to the store while the host is
 * connected and asks for an update after every step.
 */
export class StoreController implements ReactiveController {
  private store: Store<SoftphoneState, Input> | null = null;
  private unsubscribe: (() => void) | null = null;
  private connected = false;
  /** The state to render, `null` without a store. */
  value: SoftphoneState | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows another store (or none). */
  setStore(store: Store<SoftphoneState, Input> | null): void {
    if (store === this.store) return;
    this.detach();
    this.store = store;
    this.value = store?.getState() ?? null;
    if (this.connected) this.attach();
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    if (this.store === null || this.unsubscribe !== null) return;
    this.value = this.store.getState();
    this.unsubscribe = this.store.subscribe((step) => {
      this.value = step.state;
      this.host.requestUpdate();
    });
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}

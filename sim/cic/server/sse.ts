/**
 * One server-sent-events stream: each message is one `data:` event holding one JSON object, and a
 * `:ping` comment goes out every `pingIntervalMs` (on the simulator's clock) to keep proxies and
 * idle timers quiet.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, TimerHandle } from '../clock.js';

export class SseStream {
  #timer: TimerHandle | undefined;
  #closed = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly clock: Clock,
    private readonly pingIntervalMs: number,
    onClose: () => void,
  ) {
    res.on('close', () => {
      if (this.#closed) return;
      this.#stop();
      onClose();
    });
    this.#schedulePing();
  }

  /** Starts the stream: status line and headers, flushed at once so `EventSource` opens. */
  static open(req: IncomingMessage, res: ServerResponse, extraHeaders: Record<string, string>): void {
    void req;
    res.writeHead(200, {
      ...extraHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Writes one event whose data is already serialised (one line of JSON). */
  send(data: string): void {
    if (this.#closed) return;
    this.res.write(`data: ${data}\n\n`);
  }

  /** Cuts the stream as a broken network would: the socket goes away without a proper end. */
  cut(): void {
    if (this.#closed) return;
    this.#stop();
    this.res.destroy();
  }

  /** Ends the stream from the server side. */
  close(): void {
    if (this.#closed) return;
    this.#stop();
    this.res.end();
  }

  #stop(): void {
    this.#closed = true;
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedulePing(): void {
    if (this.pingIntervalMs <= 0) return;
    this.#timer = this.clock.setTimeout(() => {
      if (this.#closed) return;
      this.res.write(':ping\n\n');
      this.#schedulePing();
    }, this.pingIntervalMs);
  }
}

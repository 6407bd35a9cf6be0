/**
 * A server-sent-events parser fed with decoded text chunks of any size (reference §2.2). Lines end
 * in LF, CRLF or CR, and a chunk may end anywhere, even between CR and LF. Comment lines (`:ping`)
 * are dropped; `event:`, `id:` and `retry:` are kept on the event but not needed by ICWS.
 */

export interface SseEvent {
  /** The `event:` name, `message` when none was given. */
  readonly type: string;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
  readonly id: string | null;
}

export class SseParser {
  #buffer = '';
  #skipLeadingLf = false;
  #started = false;
  #data: string[] = [];
  #type = '';
  #id: string | null = null;
  #lastId: string | null = null;
  /** The last `retry:` value in milliseconds, if the server sent one. */
  retry: number | null = null;

  /** Feeds a chunk; returns the events it completed. */
  push(chunk: string): SseEvent[] {
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.#skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
    this.#skipLeadingLf = false;
    this.#buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.#buffer.length; i++) {
      const ch = this.#buffer[i];
      if (ch !== '\n' && ch !== '\r') continue;
      const line = this.#buffer.slice(start, i);
      if (ch === '\r') {
        if (i + 1 < this.#buffer.length) {
          if (this.#buffer[i + 1] === '\n') i++;
        } else {
          this.#skipLeadingLf = true;
        }
      }
      start = i + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(start);
    return events;
  }

  /** The stream ended: a half-built event without its blank line is dropped, as the spec says. */
  end(): void {
    this.#buffer = '';
    this.#resetEvent();
  }

  #line(line: string): SseEvent | null {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#data.push(value);
        break;
      case 'event':
        this.#type = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
    return null;
  }

  #dispatch(): SseEvent | null {
    if (this.#id !== null) this.#lastId = this.#id;
    if (this.#data.length === 0) {
      this.#resetEvent();
      return null;
    }
    const event: SseEvent = { type: this.#type || 'message', data: this.#data.join('\n'), id: this.#lastId };
    this.#resetEvent();
    return event;
  }

  #resetEvent(): void {
    this.#data = [];
    this.#type = '';
    this.#id = null;
  }
}

/**
 * A small strict XML reader for the call-center definition files the emulator accepts (the
 * Setup → Call Centers → Import format). Elements, attributes, text, comments, CDATA, the
 * XML declaration and the predefined and numeric entities; no DTDs or namespaces processing.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Concatenated text content directly inside this element (entities decoded). */
  readonly text: string;
}

export class XmlError extends Error {
  constructor(message: string, position: number) {
    super(`${message} (at offset ${position})`);
    this.name = 'XmlError';
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, at: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('bare "&" (write &amp;)', at);
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const value = ENTITIES[ref];
    if (value === undefined) throw new XmlError(`unknown entity ${whole}`, at);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const skipMisc = (): void => {
    for (;;) {
      const ws = /\s*/y;
      ws.lastIndex = pos;
      ws.exec(source);
      pos = ws.lastIndex;
      if (source.startsWith('<?', pos)) {
        const end = source.indexOf('?>', pos);
        if (end < 0) throw new XmlError('unterminated processing instruction', pos);
        pos = end + 2;
      } else if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos);
        if (end < 0) throw new XmlError('unterminated comment', pos);
        pos = end + 3;
      } else if (source.startsWith('<!DOCTYPE', pos)) {
        throw new XmlError('DOCTYPE is not allowed', pos);
      } else return;
    }
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) throw new XmlError('expected a name', pos);
    pos = NAME.lastIndex;
    return m[0];
  };
  const skipSpace = (): void => {
    while (pos < source.length && /\s/.test(source.charAt(pos))) pos++;
  };
  const readElement = (): XmlElement => {
    if (source.charAt(pos) !== '<') throw new XmlError('expected "<"', pos);
    pos++;
    const name = readName();
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source.charAt(pos) === '>') {
        pos++;
        break;
      }
      const attr = readName();
      skipSpace();
      if (source.charAt(pos) !== '=') throw new XmlError(`expected "=" after attribute ${attr}`, pos);
      pos++;
      skipSpace();
      const quote = source.charAt(pos);
      if (quote !== '"' && quote !== "'") throw new XmlError('expected a quoted attribute value', pos);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) throw new XmlError('unterminated attribute value', pos);
      const raw = source.slice(pos + 1, end);
      if (raw.includes('<')) throw new XmlError('"<" in an attribute value', pos);
      if (attr in attributes) throw new XmlError(`duplicate attribute ${attr}`, pos);
      attributes[attr] = decode(raw, pos);
      pos = end + 1;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) throw new XmlError(`unclosed element <${name}>`, pos);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = readName();
        if (closing !== name) throw new XmlError(`</${closing}> does not close <${name}>`, pos);
        skipSpace();
        if (source.charAt(pos) !== '>') throw new XmlError('expected ">"', pos);
        pos++;
        return { name, attributes, children, text };
      }
      if (source.startsWith('<!--', pos)) {
        const end = source.indexOf('-->', pos);
        if (end < 0) throw new XmlError('unterminated comment', pos);
        pos = end + 3;
      } else if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos);
        if (end < 0) throw new XmlError('unterminated CDATA', pos);
        text += source.slice(pos + 9, end);
        pos = end + 3;
      } else if (source.charAt(pos) === '<') {
        children.push(readElement());
      } else {
        const next = source.indexOf('<', pos);
        const end = next < 0 ? source.length : next;
        text += decode(source.slice(pos, end), pos);
        pos = end;
      }
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (pos < source.length) throw new XmlError('content after the root element', pos);
  return root;
}

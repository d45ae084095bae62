/**
 * An incremental reader of one JSON document handed over in text pieces (a 260 MB backup never
 * exists as one string). It walks only the skeleton the caller asks for: objects on `descend`
 * paths are entered key by key; arrays on `stream` paths are handed out element by element as
 * raw JSON text (parsed later, a page at a time, by the native JSON.parse); every other value is
 * collected whole and parsed. Only strings and brackets are tracked inside a value, and strings
 * are skipped with indexOf, so it runs at several hundred MB/s.
 *
 * Why not a streaming JSON library: those tokenise every value in JavaScript (≈ 10× slower than
 * JSON.parse on the same text) and we only need the boundaries of the elements of four arrays.
 */
export type JsonPath = readonly string[];

export interface SplitterHandlers {
  /** Objects at these paths are entered (their members reported one by one). */
  descend(path: JsonPath): boolean;
  /** Arrays at these paths are streamed: `element` is called per element instead of one `value`. */
  stream(path: JsonPath): boolean;
  value(path: JsonPath, value: unknown): void;
  element(path: JsonPath, text: string): void;
  /** A streamed array ended. */
  arrayEnd?(path: JsonPath): void;
}

interface Frame {
  kind: 'object' | 'array';
  path: JsonPath;
  /** object: key → colon → value → comma; array: value → comma. */
  state: 'key' | 'colon' | 'value' | 'comma';
  key: string;
  /** No member/element yet (a comma before the first one is an error). */
  empty: boolean;
}

interface Capture {
  kind: 'container' | 'string' | 'scalar';
  target: 'key' | 'value' | 'element';
  start: number;
  carry: string;
  depth: number;
  inString: boolean;
  escape: boolean;
}

const isWs = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Push text pieces in order, then call `end()`; handlers run synchronously during `push`. */
export class JsonSplitter {
  private stack: Frame[] = [];
  private cap: Capture | undefined;
  private rootDone = false;
  private offset = 0;
  private nextQuote = -1;
  private nextBs = -1;

  constructor(private readonly h: SplitterHandlers) {}

  push(s: string): void {
    const n = s.length;
    this.nextQuote = -1;
    this.nextBs = -1;
    let i = 0;
    while (i < n) {
      if (this.cap) {
        i = this.scan(s, i);
        continue;
      }
      const c = s.charCodeAt(i);
      if (isWs(c)) { i++; continue; }
      this.structural(s, i, c);
      i++;
    }
    if (this.cap) {
      this.cap.carry += s.slice(this.cap.start);
      this.cap.start = 0;
    }
    this.offset += n;
  }

  /** The document is complete: throws when it was cut short. */
  end(): void {
    if (this.cap?.kind === 'scalar') this.finish(this.cap.carry);
    if (this.cap || this.stack.length || !this.rootDone) throw new SyntaxError('Unexpected end of JSON');
  }

  private fail(s: string, i: number): never {
    throw new SyntaxError(`Unexpected ${JSON.stringify(s.slice(i, i + 12))} in JSON at position ${this.offset + i}`);
  }

  /** A structural character outside any captured value. */
  private structural(s: string, i: number, c: number): void {
    const f = this.stack[this.stack.length - 1];
    if (!f) {
      if (this.rootDone) this.fail(s, i);
      return this.startValue(s, i, c, [], 'value');
    }
    const close = f.kind === 'object' ? 125 : 93;
    if (f.state === 'comma') {
      if (c === 44) f.state = f.kind === 'object' ? 'key' : 'value';
      else if (c === close) this.pop();
      else this.fail(s, i);
    } else if (f.state === 'colon') {
      if (c !== 58) this.fail(s, i);
      f.state = 'value';
    } else if (c === close && f.empty) this.pop();
    else if (f.state === 'key') {
      if (c !== 34) this.fail(s, i);
      f.empty = false;
      this.capture('string', 'key', i);
    } else if (f.kind === 'array') {
      this.startValue(s, i, c, f.path, 'element');
    } else this.startValue(s, i, c, [...f.path, f.key], 'value');
  }

  private startValue(s: string, i: number, c: number, path: JsonPath, target: 'value' | 'element'): void {
    const f = this.stack[this.stack.length - 1];
    if (f) f.empty = false;
    if (target === 'value' && c === 123 && this.h.descend(path)) this.stack.push({ kind: 'object', path, state: 'key', key: '', empty: true });
    else if (target === 'value' && c === 91 && this.h.stream(path)) this.stack.push({ kind: 'array', path, state: 'value', key: '', empty: true });
    else if (c === 123 || c === 91) this.capture('container', target, i);
    else if (c === 34) this.capture('string', target, i);
    else if (c === 44 || c === 58 || c === 125 || c === 93) this.fail(s, i);
    else this.capture('scalar', target, i);
  }

  private capture(kind: Capture['kind'], target: Capture['target'], i: number): void {
    // push() steps over the opening bracket, quote or first character; scan() goes on after it.
    this.cap = { kind, target, start: i, carry: '', depth: kind === 'container' ? 1 : 0, inString: kind === 'string', escape: false };
  }

  /** Go on with the captured value from `i`; returns where the structural walk resumes. */
  private scan(s: string, i: number): number {
    const cap = this.cap!;
    const n = s.length;
    if (cap.kind === 'scalar') {
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 44 || c === 125 || c === 93 || isWs(c)) { this.finish(cap.carry + s.slice(cap.start, i)); return i; }
        i++;
      }
      return n;
    }
    while (i < n) {
      if (cap.inString) {
        if (cap.escape) { cap.escape = false; i++; continue; }
        if (this.nextQuote < i) { const q = s.indexOf('"', i); this.nextQuote = q < 0 ? n : q; }
        if (this.nextBs < i) { const b = s.indexOf('\\', i); this.nextBs = b < 0 ? n : b; }
        if (this.nextBs < this.nextQuote) {
          i = this.nextBs + 2;
          if (i > n) { cap.escape = true; i = n; }
          continue;
        }
        if (this.nextQuote >= n) return n;
        i = this.nextQuote + 1;
        cap.inString = false;
        if (cap.depth === 0) { this.finish(cap.carry + s.slice(cap.start, i)); return i; }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === 34) cap.inString = true;
      else if (c === 123 || c === 91) cap.depth++;
      else if (c === 125 || c === 93) {
        if (--cap.depth === 0) { this.finish(cap.carry + s.slice(cap.start, i + 1)); return i + 1; }
      }
      i++;
    }
    return n;
  }

  private finish(text: string): void {
    const cap = this.cap!;
    this.cap = undefined;
    const f = this.stack[this.stack.length - 1];
    if (!f) {
      this.rootDone = true;
      this.h.value([], JSON.parse(text));
    } else if (cap.target === 'key') {
      f.key = JSON.parse(text) as string;
      f.state = 'colon';
    } else if (cap.target === 'element') {
      this.h.element(f.path, text);
      f.state = 'comma';
    } else {
      this.h.value([...f.path, f.key], JSON.parse(text));
      f.state = 'comma';
    }
  }

  private pop(): void {
    const f = this.stack.pop()!;
    if (f.kind === 'array') this.h.arrayEnd?.(f.path);
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.state = 'comma';
    else this.rootDone = true;
  }
}

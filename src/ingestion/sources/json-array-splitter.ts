/**
 * Splits a top-level JSON array into the text of its elements as chunks arrive, so
 * a large file is never held (or parsed) whole, and one bad element is one rejection.
 * It tracks only strings and nesting; each element's text is parsed by the caller.
 */
export interface JsonArrayElement {
  /** 0-based position in the array. */
  index: number;
  /** Line (from 1) where the element starts. */
  line: number;
  text: string;
}

export class JsonArraySplitter {
  private started = false;
  private finished = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private current: string[] | undefined;
  private currentLine = 0;
  private index = 0;
  private line = 1;
  /** Text after the closing bracket that is not whitespace, if any. */
  trailing = "";

  /** Feeds a chunk; returns the elements it completed. Throws if the text is not a JSON array. */
  push(chunk: string): JsonArrayElement[] {
    const out: JsonArrayElement[] = [];
    let start = this.current ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (ch === "\n") this.line++;
      if (this.finished) {
        if (!/\s/.test(ch) && this.trailing.length < 40) this.trailing += ch;
        continue;
      }
      if (!this.started) {
        if (ch === "[") this.started = true;
        else if (!/[\s\uFEFF]/.test(ch))
          throw new Error(`not a JSON array (starts with ${JSON.stringify(ch)})`);
        continue;
      }
      if (this.current === undefined) {
        // Between elements.
        if (/\s/.test(ch) || ch === ",") continue;
        if (ch === "]") {
          this.finished = true;
          continue;
        }
        this.current = [];
        this.currentLine = this.line;
        start = i;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === "\\") this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (ch === '"') this.inString = true;
      else if (ch === "{" || ch === "[") this.depth++;
      else if (ch === "}" || ch === "]" || ch === ",") {
        if (this.depth > 0 && ch !== ",") {
          this.depth--;
          if (this.depth === 0) out.push(this.take(chunk.slice(start, i + 1)));
        } else if (this.depth === 0) {
          // End of a bare value (number, string, literal) at the top level.
          out.push(this.take(chunk.slice(start, i)));
          if (ch === "]") this.finished = true;
        }
      }
    }
    if (this.current && start >= 0) this.current.push(chunk.slice(start));
    return out;
  }

  /** Call at the end of input: throws when the array (or an element) was cut short. */
  end(): void {
    if (!this.started) throw new Error("empty input: no JSON array");
    if (!this.finished) {
      const where = this.current
        ? `inside element ${this.index} (line ${this.currentLine})`
        : "before the closing ]";
      throw new Error(`input ends ${where}: truncated?`);
    }
  }

  private take(last: string): JsonArrayElement {
    const text = `${this.current!.join("")}${last}`.trim();
    const element = { index: this.index++, line: this.currentLine, text };
    this.current = undefined;
    return element;
  }
}

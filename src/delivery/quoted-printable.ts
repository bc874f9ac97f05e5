/**
 * Quoted-printable (RFC 2045 section 6.7) for text bodies, in one pass over the
 * UTF-8 bytes into a reused buffer. nodemailer's encoder gets there through a
 * stream, a per-byte lookahead and a regular-expression line wrapper, which made
 * it the largest single cost of sending a digest.
 *
 * - Line breaks (LF or CRLF) become CRLF hard breaks; a lone CR is encoded.
 * - Printable ASCII except "=" is kept; space and tab too, unless they end a line.
 * - Encoded lines are at most 76 characters, soft breaks ("=" CRLF) included,
 *   and a soft break never splits an escape or a multi-byte UTF-8 character.
 */
/** Characters a line may hold before its soft break's "=". */
const LINE_ROOM = 75;
const HEX = Buffer.from("0123456789ABCDEF", "latin1");
const EQUALS = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

const TAB = 0x09;
const SPACE = 0x20;

/**
 * 1 for bytes written as they are: printable ASCII except "=", space and tab.
 * Whitespace that turns out to end a line is escaped after the fact.
 */
const LITERAL = new Uint8Array(256);
for (let b = 0x21; b <= 0x7e; b++) LITERAL[b] = b === EQUALS ? 0 : 1;
LITERAL[SPACE] = 1;
LITERAL[TAB] = 1;

/**
 * Text is encoded in pieces of at most this many characters, each into the same
 * two scratch buffers. (Constant buffers, read through local names in the loop:
 * V8 compiles that markedly faster than buffers passed in or reallocated, or
 * module bindings, which it checks on every use.)
 */
const PIECE = 64 * 1024;
const INPUT = Buffer.allocUnsafeSlow((PIECE + 1) * 3);
/** Room for a prefix of 1 KiB and a piece with every byte escaped, plus soft breaks. */
const OUTPUT = Buffer.allocUnsafeSlow(1024 + Math.ceil((PIECE + 1) * 9 * (76 / 72)) + 16);
const SOFT_BREAK = Buffer.from("=\r\n", "latin1");

/** `prefix` (ASCII, e.g. MIME part headers) followed by `text` encoded, as one buffer. */
export function quotedPrintableBuffer(text: string, prefix = ""): Buffer {
  if (text.length <= PIECE) return encodePiece(text, prefix);
  const parts: Buffer[] = [Buffer.from(prefix, "latin1")];
  for (let start = 0; start < text.length; ) {
    let end = start + PIECE;
    if (end >= text.length) {
      end = text.length;
    } else {
      // End a piece after a line break, so the next one starts a line; failing that
      // (one very long line), anywhere but inside a surrogate pair, with a soft break.
      const lineBreak = text.lastIndexOf("\n", end);
      if (lineBreak >= start) end = lineBreak + 1;
      else if (/[\ud800-\udbff]/.test(text[end - 1]!)) end -= 1;
    }
    parts.push(encodePiece(text.slice(start, end), ""));
    if (end < text.length && text[end - 1] !== "\n") parts.push(SOFT_BREAK);
    start = end;
  }
  return Buffer.concat(parts);
}

/** `prefix` (ASCII, short) and the encoded piece, copied out of the scratch buffer. */
function encodePiece(piece: string, prefix: string): Buffer {
  const input = INPUT;
  const output = OUTPUT;
  const literal = LITERAL;
  const hex = HEX;
  const length = input.write(piece, 0, "utf8");
  if (prefix.length > 1024) throw new RangeError("a quoted-printable prefix is MIME headers: 1 KiB at most");
  const bodyStart = OUTPUT.write(prefix, 0, "latin1");
  let pos = bodyStart;
  let lineEnd = pos + LINE_ROOM;

  let i = 0;
  while (i < length) {
    // Most bytes are literal: copy them a line's room at a time, with one bound per
    // run instead of a line-length check per byte (about 40% faster per message).
    let byte = 0;
    for (;;) {
      let limit = i + (lineEnd - pos);
      if (limit > length) limit = length;
      while (i < limit) {
        byte = input[i]!;
        if (literal[byte] !== 1) break;
        output[pos++] = byte;
        i++;
      }
      if (i < limit || i >= length) break;
      // The line is full.
      byte = input[i]!;
      if (literal[byte] !== 1) break;
      output[pos++] = EQUALS;
      output[pos++] = CR;
      output[pos++] = LF;
      lineEnd = pos + LINE_ROOM;
    }
    if (i >= length) break;

    if (byte === LF || (byte === CR && i + 1 < length && input[i + 1] === LF)) {
      pos = escapeTrailingSpace(pos, bodyStart, lineEnd);
      i += byte === CR ? 2 : 1;
      output[pos++] = CR;
      output[pos++] = LF;
      lineEnd = pos + LINE_ROOM;
      continue;
    }
    // Escaped: "=", a control byte, a lone CR or a UTF-8 byte; a UTF-8 lead byte
    // keeps its whole character on one line.
    const width = byte >= 0xf0 ? 12 : byte >= 0xe0 ? 9 : byte >= 0xc0 ? 6 : 3;
    if (pos + width > lineEnd) {
      output[pos++] = EQUALS;
      output[pos++] = CR;
      output[pos++] = LF;
      lineEnd = pos + LINE_ROOM;
    }
    output[pos++] = EQUALS;
    output[pos++] = hex[byte >> 4]!;
    output[pos++] = hex[byte & 0x0f]!;
    i++;
  }
  pos = escapeTrailingSpace(pos, bodyStart, lineEnd);
  return Buffer.from(OUTPUT.subarray(0, pos));
}

/**
 * Space or tab just written at the end of a line (before a hard break, or at the
 * end of the text) would be lost in transit: it is written again as an escape.
 * Past the prefix, a space in the output can only be a literal one.
 */
function escapeTrailingSpace(pos: number, bodyStart: number, lineEnd: number): number {
  if (pos <= bodyStart) return pos;
  const last = OUTPUT[pos - 1]!;
  if (last !== SPACE && last !== TAB) return pos;
  pos -= 1;
  if (pos + 3 > lineEnd) {
    OUTPUT[pos++] = EQUALS;
    OUTPUT[pos++] = CR;
    OUTPUT[pos++] = LF;
  }
  OUTPUT[pos++] = EQUALS;
  OUTPUT[pos++] = HEX[last >> 4]!;
  OUTPUT[pos++] = HEX[last & 0x0f]!;
  return pos;
}

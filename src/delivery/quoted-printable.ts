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

/** 1 for bytes always written as they are: printable ASCII except "=". */
const LITERAL = new Uint8Array(256);
for (let b = 0x21; b <= 0x7e; b++) LITERAL[b] = b === EQUALS ? 0 : 1;

/**
 * Text is encoded in pieces of at most this many characters, each into the same
 * two scratch buffers. (Constant buffers: V8 compiles the loop over them
 * markedly faster than over buffers passed in or reallocated.)
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
  const length = INPUT.write(piece, 0, "utf8");
  if (prefix.length > 1024) throw new RangeError("a quoted-printable prefix is MIME headers: 1 KiB at most");
  let pos = OUTPUT.write(prefix, 0, "latin1");
  let lineEnd = pos + LINE_ROOM;

  for (let i = 0; i < length; i++) {
    const byte = INPUT[i]!;
    // Most bytes are printable ASCII: a loop of their own. (Folding them into the general
    // path below costs about a quarter more time per message.)
    if (LITERAL[byte] === 1) {
      if (pos >= lineEnd) {
        OUTPUT[pos++] = EQUALS;
        OUTPUT[pos++] = CR;
        OUTPUT[pos++] = LF;
        lineEnd = pos + LINE_ROOM;
      }
      OUTPUT[pos++] = byte;
      continue;
    }
    if (byte === LF || (byte === CR && i + 1 < length && INPUT[i + 1] === LF)) {
      if (byte === CR) i++;
      OUTPUT[pos++] = CR;
      OUTPUT[pos++] = LF;
      lineEnd = pos + LINE_ROOM;
      continue;
    }
    // Space and tab are kept unless they end a line (or the text), where they would be lost.
    let keep = false;
    if (byte === SPACE || byte === TAB) {
      const next = i + 1 < length ? INPUT[i + 1]! : -1;
      keep = !(next === -1 || next === LF || (next === CR && i + 2 < length && INPUT[i + 2] === LF));
    }
    // Escaped: "=", a control byte, a lone CR, line-ending whitespace or a UTF-8 byte;
    // a UTF-8 lead byte keeps its whole character on one line.
    const width = keep ? 1 : byte >= 0xf0 ? 12 : byte >= 0xe0 ? 9 : byte >= 0xc0 ? 6 : 3;
    if (pos + width > lineEnd) {
      OUTPUT[pos++] = EQUALS;
      OUTPUT[pos++] = CR;
      OUTPUT[pos++] = LF;
      lineEnd = pos + LINE_ROOM;
    }
    if (keep) {
      OUTPUT[pos++] = byte;
    } else {
      OUTPUT[pos++] = EQUALS;
      OUTPUT[pos++] = HEX[byte >> 4]!;
      OUTPUT[pos++] = HEX[byte & 0x0f]!;
    }
  }
  return Buffer.from(OUTPUT.subarray(0, pos));
}

/**
 * The composer's text ⇄ the bytes it sends. HTTP ends lines with CRLF, so a line break in the box
 * is CRLF; anything else is written with an escape, so every byte can be typed and nothing is
 * hidden: `\r` (CR), `\n` (LF), `\t`, `\xHH` (any byte), `\\` (a backslash). A character beyond
 * ASCII typed in the box is sent as its UTF-8 bytes, as a browser would send it.
 */
export function toBytes(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n')
  let out = ''
  for (let i = 0; i < lines.length; i++) {
    const ch = lines[i]
    if (ch === '\n') out += '\r\n'
    else if (ch === '\\' && i + 1 < lines.length) {
      const next = lines[i + 1]
      const hex = /^x([0-9A-Fa-f]{2})/.exec(lines.slice(i + 1, i + 4))
      if (next === 'r') out += '\r'
      else if (next === 'n') out += '\n'
      else if (next === 't') out += '\t'
      else if (next === '\\') out += '\\'
      else if (hex) {
        out += String.fromCharCode(parseInt(hex[1], 16))
        i += 2
      } else {
        out += '\\'
        continue
      }
      i++
    } else if (ch.charCodeAt(0) > 0x7f) {
      // A whole code point (a surrogate pair is two UTF-16 units); a lone surrogate becomes U+FFFD.
      const point = lines.codePointAt(i) ?? 0xfffd
      if (point > 0xffff) i++
      out += String.fromCharCode(...new TextEncoder().encode(String.fromCodePoint(point)))
    } else out += ch
  }
  return out
}

/** The box's text for `bytes` (a preset, a shared link): toBytes(fromBytes(b)) === b. */
export function fromBytes(bytes: string): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const ch = bytes[i]
    const code = ch.charCodeAt(0)
    if (ch === '\r' && bytes[i + 1] === '\n') {
      out += '\n'
      i++
    } else if (ch === '\r') out += '\\r'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\\') out += '\\\\'
    else if (code < 0x20 || code >= 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out
}

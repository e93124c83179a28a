/**
 * The tokenizer, following nginx's ngx_conf_read_token (src/core/ngx_conf_file.c) rule for
 * rule: words, quotes, backslash escapes, `${var}`, `#` comments and the `;` `{` `}`
 * terminators, with nginx's messages and lines. Where nginx stops at the first error, this
 * reader records it and carries on, so the editor can show every problem at once.
 *
 * Written by hand because no library tokenizes nginx's language with nginx's own errors and
 * positions (crossplane, the closest, keeps no columns and no nginx messages).
 */
import type { Range } from './source.ts'

export interface Word {
  /** The argument as nginx sees it: quotes removed, `\"` `\'` `\\` `\t` `\r` `\n` unescaped. */
  value: string
  /** The source text, quotes included. */
  raw: string
  quoted: '"' | "'" | null
  range: Range
}

export type StatementEnd = 'semicolon' | 'block-start' | 'block-done' | 'eof'

export interface LexError {
  message: string
  /** The line nginx reports: the line of the character that caused the error. */
  nginxLine: number
  range: Range
  code: 'NGINX_SYNTAX' | 'NGINX_UNEXPECTED_EOF'
}

/** What one call of ngx_conf_read_token returns: the words up to a terminator. */
export interface Statement {
  args: Word[]
  end: StatementEnd
  /** The terminator character (`;`, `{`, `}`), or the end of the text for `eof`. */
  endRange: Range
  /** nginx's current line when the statement ended: the line its handler's messages report. */
  endLine: number
  errors: LexError[]
}

/** nginx reads the file through a 4096-byte buffer; a token that fills it is "too long". */
const CONF_BUFFER = 4096

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n'

function utf8Length(code: number): number {
  if (code < 0x80) return 1
  if (code < 0x800) return 2
  if (code >= 0xd800 && code <= 0xdfff) return 2 // each half of a surrogate pair: 4 bytes together
  return 3
}

/** Removes nginx's escapes from a token's text, as ngx_conf_read_token copies it. */
function unescape(text: string): string {
  if (!text.includes('\\')) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1]
      if (next === '"' || next === "'" || next === '\\') {
        out += next
        i++
        continue
      }
      if (next === 't' || next === 'r' || next === 'n') {
        out += next === 't' ? '\t' : next === 'r' ? '\r' : '\n'
        i++
        continue
      }
    }
    out += ch
  }
  return out
}

export class Lexer {
  private pos = 0
  private line = 1
  private lineStart = 0
  private bytePos = 0
  private bufferLast = 0
  private readonly byteSize: number

  constructor(private readonly text: string) {
    let size = 0
    for (let i = 0; i < text.length; i++) size += utf8Length(text.charCodeAt(i))
    this.byteSize = size
  }

  /** The line after the last newline: where nginx reports "unexpected end of file". */
  get currentLine(): number {
    return this.line
  }

  private here(): { line: number; column: number } {
    return { line: this.line, column: this.pos - this.lineStart + 1 }
  }

  /** Range of the character just consumed (at index pos - 1). */
  private lastCharRange(charLine: number, charColumn: number): Range {
    return { line: charLine, column: charColumn, endLine: charLine, endColumn: charColumn + 1 }
  }

  private word(
    tokenStart: { index: number; line: number; column: number },
    start: number,
    endIndex: number,
    quote: '"' | "'" | null,
    endLine: number,
    endColumn: number,
  ): Word {
    return {
      value: unescape(this.text.slice(start, quote ? Math.max(start, endIndex - 1) : endIndex)),
      raw: this.text.slice(tokenStart.index, endIndex),
      quoted: quote,
      range: { line: tokenStart.line, column: tokenStart.column, endLine, endColumn },
    }
  }

  next(): Statement {
    const args: Word[] = []
    const errors: LexError[] = []
    let needSpace = false
    let lastSpace = true
    let sharpComment = false
    let variable = false
    let quoted = false
    let sQuoted = false
    let dQuoted = false
    // nginx's `start`: where the current token began (after an opening quote), in chars and bytes.
    let start = this.pos
    let startByte = this.bytePos
    // Where the token began including its quote, for the editor's range.
    let tokenStart = { index: this.pos, line: this.line, column: this.pos - this.lineStart + 1 }
    let tokenQuote: '"' | "'" | null = null

    const pushWord = (endIndex: number, endLine: number, endColumn: number): void => {
      args.push(this.word(tokenStart, start, endIndex, tokenQuote, endLine, endColumn))
    }

    for (;;) {
      if (this.bytePos >= this.bufferLast) {
        if (this.bufferLast >= this.byteSize) {
          const at = this.here()
          const eofRange = { line: at.line, column: at.column, endLine: at.line, endColumn: at.column }
          if (args.length > 0 || !lastSpace) {
            if (!lastSpace && !needSpace) {
              // A token still open at the end of the text (an unterminated quote, say).
              const wasQuote = tokenQuote
              tokenQuote = null
              pushWord(this.pos, at.line, at.column)
              args[args.length - 1].quoted = wasQuote
            }
            errors.push({
              message: 'unexpected end of file, expecting ";" or "}"',
              nginxLine: this.line,
              range: args.length > 0 ? { ...args[args.length - 1].range } : eofRange,
              code: 'NGINX_UNEXPECTED_EOF',
            })
          }
          return { args, end: 'eof', endRange: eofRange, endLine: this.line, errors }
        }
        const held = this.bytePos - startByte
        if (held >= CONF_BUFFER) {
          const first = this.text.slice(start, start + 10)
          errors.push({
            message: dQuoted
              ? 'too long parameter, probably missing terminating """ character'
              : sQuoted
                ? `too long parameter, probably missing terminating "'" character`
                : `too long parameter "${first}..." started`,
            nginxLine: tokenStart.line,
            range: { line: tokenStart.line, column: tokenStart.column, endLine: this.line, endColumn: this.pos - this.lineStart + 1 },
            code: 'NGINX_SYNTAX',
          })
          // Carry on as if the buffer had room, so the rest of the file is still read.
          startByte = this.bytePos
        }
        this.bufferLast = Math.min(this.byteSize, startByte + CONF_BUFFER)
      }

      const ch = this.text[this.pos]
      const charLine = this.line
      const charColumn = this.pos - this.lineStart + 1
      this.bytePos += utf8Length(this.text.charCodeAt(this.pos))
      this.pos++

      if (ch === '\n') {
        this.line++
        this.lineStart = this.pos
        sharpComment = false
      }

      if (sharpComment) continue

      if (quoted) {
        quoted = false
        continue
      }

      if (needSpace) {
        if (isSpace(ch)) {
          lastSpace = true
          needSpace = false
          continue
        }
        if (ch === ';') {
          return { args, end: 'semicolon', endRange: this.lastCharRange(charLine, charColumn), endLine: this.line, errors }
        }
        if (ch === '{') {
          return { args, end: 'block-start', endRange: this.lastCharRange(charLine, charColumn), endLine: this.line, errors }
        }
        if (ch !== ')') {
          errors.push({
            message: `unexpected "${ch}"`,
            nginxLine: this.line,
            range: this.lastCharRange(charLine, charColumn),
            code: 'NGINX_SYNTAX',
          })
          // Recover: read the character as the start of a new word.
        }
        lastSpace = true
        needSpace = false
      }

      if (lastSpace) {
        start = this.pos - 1
        startByte = this.bytePos - utf8Length(ch.charCodeAt(0))
        tokenStart = { index: start, line: charLine, column: charColumn }
        tokenQuote = null

        if (isSpace(ch)) continue

        switch (ch) {
          case ';':
          case '{':
            if (args.length === 0) {
              errors.push({
                message: `unexpected "${ch}"`,
                nginxLine: this.line,
                range: this.lastCharRange(charLine, charColumn),
                code: 'NGINX_SYNTAX',
              })
              // A stray `;` is skipped; a stray `{` still opens a block, so braces stay balanced.
              if (ch === ';') continue
            }
            return {
              args,
              end: ch === '{' ? 'block-start' : 'semicolon',
              endRange: this.lastCharRange(charLine, charColumn),
              endLine: this.line,
              errors,
            }

          case '}':
            if (args.length !== 0) {
              errors.push({
                message: 'unexpected "}"',
                nginxLine: this.line,
                range: this.lastCharRange(charLine, charColumn),
                code: 'NGINX_SYNTAX',
              })
            }
            return { args, end: 'block-done', endRange: this.lastCharRange(charLine, charColumn), endLine: this.line, errors }

          case '#':
            sharpComment = true
            continue

          case '\\':
            quoted = true
            lastSpace = false
            continue

          case '"':
          case "'":
            start++
            startByte++
            tokenQuote = ch
            if (ch === '"') dQuoted = true
            else sQuoted = true
            lastSpace = false
            continue

          case '$':
            variable = true
            lastSpace = false
            continue

          default:
            lastSpace = false
        }
      } else {
        if (ch === '{' && variable) continue

        variable = false

        if (ch === '\\') {
          quoted = true
          continue
        }

        if (ch === '$') {
          variable = true
          continue
        }

        let found = false
        if (dQuoted) {
          if (ch === '"') {
            dQuoted = false
            needSpace = true
            found = true
          }
        } else if (sQuoted) {
          if (ch === "'") {
            sQuoted = false
            needSpace = true
            found = true
          }
        } else if (isSpace(ch) || ch === ';' || ch === '{') {
          lastSpace = true
          found = true
        }

        if (found) {
          if (tokenQuote) pushWord(this.pos, charLine, charColumn + 1)
          else pushWord(this.pos - 1, charLine, charColumn)
          if (ch === ';') {
            return { args, end: 'semicolon', endRange: this.lastCharRange(charLine, charColumn), endLine: this.line, errors }
          }
          if (ch === '{') {
            return { args, end: 'block-start', endRange: this.lastCharRange(charLine, charColumn), endLine: this.line, errors }
          }
        }
      }
    }
  }
}

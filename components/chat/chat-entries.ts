/**
 * What a chat client shows: the sample chat server's JSON messages (server/chat/chat-server.ts
 * `ChatMessage`, each naming the backend instance that sent it) and anything else as raw text
 * (the `/echo` path, or a backend that is not the sample's). The log is bounded: a client left
 * chatting for an hour keeps its last entries only.
 */
import type { ChatMessage } from '../../server/chat/chat-server.ts'

export type ChatEntry =
  | { kind: 'chat'; message: ChatMessage }
  | { kind: 'text'; text: string }
  /** What this client sent. */
  | { kind: 'sent'; text: string }
  /** Connection news: opened, closed with a code, the handshake answer. */
  | { kind: 'status'; text: string; tone: 'ok' | 'bad' | 'info' }

/** How many entries a client keeps (older ones go first). */
export const CHAT_ENTRIES_KEPT = 200

const TYPES = new Set(['welcome', 'join', 'leave', 'message'])

/** A received text frame: a chat message when it is one of the server's shapes, else the text itself. */
export function receivedEntry(data: string): ChatEntry {
  try {
    const value: unknown = JSON.parse(data)
    if (isChatMessage(value)) return { kind: 'chat', message: value }
  } catch {
    // Not JSON: an echo or another backend's text.
  }
  return { kind: 'text', text: data }
}

function isChatMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Record<string, unknown>
  return typeof m.type === 'string' && TYPES.has(m.type) && typeof m.instance === 'string' && typeof m.nick === 'string'
}

/** Appends, dropping the oldest beyond the bound; returns the new array (Vue sees the change). */
export function appendEntry(entries: readonly ChatEntry[], entry: ChatEntry): ChatEntry[] {
  const next = entries.length >= CHAT_ENTRIES_KEPT ? entries.slice(entries.length - CHAT_ENTRIES_KEPT + 1) : entries.slice()
  next.push(entry)
  return next
}

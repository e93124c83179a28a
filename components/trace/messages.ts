/**
 * The trace views' own words, in English and 简体中文. What nginx wrote (request lines, headers,
 * log lines, `request.rejected`'s reason, `budget`'s detail) is shown as it is, never translated.
 * Placeholders `{name}` are filled by `say`, or by `sayParts` as separate (code-set) parts.
 */
import type { DroppedReason, HiddenReason } from '../../server/proxy/trace.ts'
import { sayer, type Lang } from '../words.ts'

export type TraceLang = Lang

const WORDS = {
  // The hops.
  'hop.browser-proxy': { en: 'browser → nginx', zh: '浏览器 → nginx' },
  'hop.proxy-upstream': { en: 'nginx → upstream', zh: 'nginx → 上游' },
  'hop.upstream-proxy': { en: 'upstream → nginx', zh: '上游 → nginx' },
  'hop.proxy-browser': { en: 'nginx → browser', zh: 'nginx → 浏览器' },
  'hop.none': { en: 'did not happen', zh: '没有发生' },
  noRequest: { en: 'No request on this connection yet.', zh: '这个连接上还没有请求。' },
  client: { en: 'client {client} → {listen}', zh: '客户端 {client} → {listen}' },
  request: { en: 'request {n} of {count}', zh: '第 {n} 个请求（共 {count} 个）' },
  attempts: { en: 'sent upstream {count} times: the last one is shown', zh: '向上游发送了 {count} 次：显示的是最后一次' },
  ambiguous: {
    en: 'Another connection with this number opened while this one was open (a reload numbers connections anew): their events cannot be told apart.',
    zh: '此连接尚未关闭时又出现了同号的连接（重载后编号重新开始）：两者的事件无法区分。',
  },
  // The marks.
  legend: { en: 'Legend', zh: '图例' },
  'mark.passed': { en: 'passed unchanged', zh: '原样转发' },
  'mark.dropped': { en: 'not passed on', zh: '未转发' },
  'mark.rewritten': { en: 'sent with another value', zh: '以另一个值发送' },
  'mark.added': { en: 'written by nginx', zh: 'nginx 写入' },
  'mark.hidden': { en: 'hidden from the browser', zh: '未转给浏览器' },
  replaces: { en: 'in place of the browser’s', zh: '取代浏览器发来的同名头' },
  was: { en: 'was {value}', zh: '原为 {value}' },
  becomes: { en: 'sent as {value}', zh: '发送为 {value}' },
  // Why a request header was not passed upstream (upstream.request's dropped).
  'dropped.hop-by-hop': {
    en: 'hop-by-hop: about the browser’s connection to nginx; passed only when a proxy_set_header names it',
    zh: '逐跳头：只关乎浏览器到 nginx 的连接；只有 proxy_set_header 指定它时才会转发',
  },
  'dropped.replaced': {
    en: 'replaced: nginx sent its own header of this name (a proxy_set_header, or its own Host or Content-Length)',
    zh: '被替换：nginx 发送了自己的同名头（来自 proxy_set_header，或它自己的 Host、Content-Length）',
  },
  'dropped.empty': {
    en: 'emptied: a proxy_set_header of this name had an empty value, so nginx sent neither',
    zh: '被清空：同名的 proxy_set_header 值为空，nginx 两者都不发送',
  },
  'dropped.not-passed': {
    en: 'not passed: proxy_pass_request_headers off sends only the proxy_set_header list',
    zh: '未转发：proxy_pass_request_headers off 时只发送 proxy_set_header 列出的头',
  },
  // Why a response header was not passed to the browser (response.sent's hidden).
  'hidden.hop-by-hop': {
    en: 'hop-by-hop: about the upstream connection; nginx never passes it, and writes its own',
    zh: '逐跳头：只关乎 nginx 到上游的连接；nginx 从不转发，而是写自己的',
  },
  'hidden.nginx-default-hidden': {
    en: 'hidden by default: nginx writes its own Date and Server and acts on X-Accel-* itself; proxy_pass_header lets it through',
    zh: '默认隐藏：nginx 自己写 Date 和 Server，X-Accel-* 是给 nginx 的指令；proxy_pass_header 可以放行',
  },
  'hidden.proxy_hide_header': { en: 'hidden by the config’s proxy_hide_header', zh: '被配置中的 proxy_hide_header 隐藏' },
  // The decisions.
  decisions: { en: 'What nginx decided', zh: 'nginx 的决定' },
  'decision.server.name': { en: 'server {server} (by name)', zh: 'server {server}（按名称）' },
  'decision.server.default': { en: 'server {server} (the default for {host})', zh: 'server {server}（{host} 的默认 server）' },
  noName: { en: '(no name)', zh: '（无名称）' },
  'decision.location': { en: 'location {location}', zh: 'location {location}' },
  'decision.variable': { en: '{name} = {value}', zh: '{name} = {value}' },
  'decision.variable.map': { en: '{name} = {value} (map)', zh: '{name} = {value}（map）' },
  'decision.variable.missing': { en: '{name} has no value (- in logs)', zh: '{name} 没有值（日志中为 -）' },
  'decision.if.true': { en: 'if {condition}: held', zh: 'if {condition}：成立' },
  'decision.if.false': { en: 'if {condition}: did not hold', zh: 'if {condition}：不成立' },
  'decision.upstream': { en: 'upstream {upstream} → {peer}, try {tries}', zh: 'upstream {upstream} → {peer}，第 {tries} 次尝试' },
  'decision.connect': { en: 'connect to {peer}: {outcome}', zh: '连接 {peer}：{outcome}' },
  'decision.rejected': { en: 'refused with {status}: {reason}', zh: '以 {status} 拒绝：{reason}' },
  'decision.budget': { en: 'stopped by the lab’s {kind} budget: {detail}', zh: '被实验室的 {kind} 预算中止：{detail}' },
  'outcome.connected': { en: 'connected', zh: '已连接' },
  'outcome.refused': { en: 'refused', zh: '被拒绝' },
  'outcome.timeout': { en: 'timed out', zh: '超时' },
  'outcome.error': { en: 'error', zh: '出错' },
  reveal: { en: 'Show {where} in the editor', zh: '在编辑器中显示 {where}' },
  logs: { en: 'Log lines', zh: '日志' },
  // The frame timeline.
  frames: { en: 'Frames', zh: '帧' },
  framesCount: { en: '{shown} of {count} frames', zh: '{count} 帧中的 {shown} 帧' },
  framesDropped: { en: '{count} older frames no longer kept', zh: '{count} 个更早的帧已不再保留' },
  noFrames: { en: 'No frames.', zh: '没有帧。' },
  'direction.all': { en: 'both directions', zh: '两个方向' },
  'direction.client-to-upstream': { en: '→ upstream', zh: '→ 上游' },
  'direction.upstream-to-client': { en: '← client', zh: '← 客户端' },
  'kind.all': { en: 'all kinds', zh: '所有类型' },
  filterText: { en: 'Filter previews…', zh: '筛选内容…' },
  fin: { en: 'fin', zh: 'fin' },
  notFin: { en: 'more follows', zh: '未完' },
  masked: { en: 'masked', zh: '已掩码' },
  truncated: { en: '… (truncated)', zh: '…（已截断）' },
  bytes: { en: '{n} B', zh: '{n} 字节' },
  close: { en: 'close {code} {reason}', zh: '关闭 {code} {reason}' },
  closeNoCode: { en: 'close (no code)', zh: '关闭（无状态码）' },
  tunnelOpened: { en: 'tunnel opened', zh: '隧道已建立' },
  tunnelClosed: { en: 'tunnel closed by {by} after {duration}', zh: '隧道在 {duration} 后由 {by} 关闭' },
  'by.client': { en: 'the client', zh: '客户端' },
  'by.upstream': { en: 'the upstream', zh: '上游' },
  'by.timeout': { en: 'a timeout', zh: '超时' },
  'by.error': { en: 'an error', zh: '错误' },
  // The idle timers.
  timers: { en: 'Idle timers', zh: '空闲计时器' },
  'timer.armed': { en: '{remaining} left', zh: '剩余 {remaining}' },
  'timer.fired': { en: 'fired', zh: '已触发' },
  'timer.stopped': { en: 'stopped', zh: '已停止' },
  'timer.never': { en: 'not armed', zh: '未启动' },
} as const

export type TraceWordKey = keyof typeof WORDS

/** The words of `key` in `lang`, with `{name}` placeholders filled from `values`. */
export const say = sayer(WORDS)

/** A piece of a sentence: the words, or a value from the trace to set in code type. */
export interface TextPart {
  text: string
  code?: boolean
}

/** Like `say`, split at the placeholders so a view can set the values (config names, values) apart. */
export function sayParts(lang: TraceLang, key: TraceWordKey, values: Record<string, string | number>): TextPart[] {
  return WORDS[key][lang]
    .split(/(\{\w+\})/)
    .filter((piece) => piece !== '')
    .map((piece) => {
      const name = /^\{(\w+)\}$/.exec(piece)?.[1]
      return name === undefined ? { text: piece } : { text: String(values[name] ?? ''), code: true }
    })
}

/** Why a header was not passed on, in words: `dropped` reasons for requests, `hidden` for responses. */
export function reasonWords(lang: TraceLang, side: 'dropped' | 'hidden', reason: DroppedReason | HiddenReason): string {
  const key = `${side}.${reason}`
  return key in WORDS ? say(lang, key as TraceWordKey) : reason
}

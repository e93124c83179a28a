/**
 * Markdown for hovers and completion details. Anything that comes from the user's text goes
 * through `escape` or `code`, so a config cannot inject links, images or formatting.
 */
import type { LessonSlug } from '../../../server/nginx/directives/directive-docs.ts'
import type { Lang } from './types.ts'

/** Markdown's punctuation, backslash-escaped (CommonMark: any ASCII punctuation may be). */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:$%@^]/g, '\\$&').replace(/\r?\n/g, ' ')
}

/** Inline code: a fence longer than any run of backticks inside, so the text cannot close it. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const padded = text.startsWith('`') || text.endsWith('`') || text === '' ? ` ${text} ` : text
  return `${fence}${padded.replace(/\r?\n/g, ' ')}${fence}`
}

/** A fenced block; the fence is longer than any run of backticks inside. */
export function codeBlock(text: string, language = 'nginx'): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}${language}\n${text}\n${fence}`
}

export function link(label: string, url: string): string {
  return `[${escape(label)}](${encodeURI(url).replace(/[()]/g, (c) => encodeURIComponent(c))})`
}

/**
 * Where a lesson of the docs site lives: the one place the editor builds its address (the
 * site's English pages under /guide/, 简体中文 under /zh/guide/).
 */
export function lessonUrl(slug: LessonSlug, lang: Lang): string {
  return `${lang === 'zh' ? '/zh' : ''}/guide/${slug}`
}

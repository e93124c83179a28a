/** Small pieces of the services' wording in both languages. */
import { code } from './markdown.ts'
import type { Lang, Location } from './types.ts'

export const say = (lang: Lang, en: string, zh: string): string => (lang === 'zh' ? zh : en)

/** `line 12`, or `line 12 of /etc/nginx/proxy_params` when it is another file than the one shown. */
export function where(at: Location | undefined, file: string, lang: Lang): string {
  if (!at) return ''
  const line = at.range.line
  if (at.file === file) return say(lang, `line ${line}`, `第 ${line} 行`)
  return say(lang, `line ${line} of ${code(at.file)}`, `${code(at.file)} 第 ${line} 行`)
}

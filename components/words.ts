/**
 * The UI's words, in the docs' two locales. Each part keeps its own table (its words beside its
 * code); this is the one way they are looked up and filled in.
 */
export type Lang = 'en' | 'zh'

export type WordTable = Readonly<Record<string, Readonly<Record<Lang, string>>>>

/** `{name}` placeholders filled from `values` (a missing value leaves nothing). */
export function fill(text: string, values: Readonly<Record<string, string | number>> = {}): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

/** `say(lang, word, values)` for one table. */
export function sayer<T extends WordTable>(table: T): (lang: Lang, word: keyof T & string, values?: Readonly<Record<string, string | number>>) => string {
  return (lang, word, values) => fill(table[word][lang], values)
}

/**
 * Light and dark themes on Monaco's own, with colours for the semantic tokens the engine gives
 * (known and unknown directives, built-in, defined and unknown variables). The page decides
 * which: `html.dark`, as VitePress sets it.
 */
import type * as Monaco from 'monaco-editor/editor'

export const LIGHT_THEME = 'upgrade-lab-light'
export const DARK_THEME = 'upgrade-lab-dark'

/** Each token's colour on the light and the dark theme, and its style. */
const TOKEN_STYLES: ReadonlyArray<{ token: string; light: string; dark: string; fontStyle?: string }> = [
  { token: 'directive', light: '0550ae', dark: '79c0ff', fontStyle: 'bold' },
  { token: 'directive.unknown', light: 'b31d28', dark: 'ff7b72', fontStyle: 'italic underline' },
  { token: 'variable.builtin', light: '8250df', dark: 'd2a8ff' },
  { token: 'variable.defined', light: '116329', dark: '7ee787', fontStyle: 'bold' },
  { token: 'variable.unknown', light: 'b31d28', dark: 'ff7b72', fontStyle: 'italic' },
  { token: 'variable', light: '8250df', dark: 'd2a8ff' },
  { token: 'regexp', light: '953800', dark: 'ffa657' },
  { token: 'number', light: '0a7f5f', dark: '56d4dd' },
  { token: 'string', light: '0a3069', dark: 'a5d6ff' },
  { token: 'comment', light: '6e7781', dark: '8b949e', fontStyle: 'italic' },
]

export function defineThemes(monaco: typeof Monaco): void {
  const rules = (theme: 'light' | 'dark') => TOKEN_STYLES.map(({ token, fontStyle, ...colours }) => ({ token, foreground: colours[theme], ...(fontStyle ? { fontStyle } : {}) }))
  monaco.editor.defineTheme(LIGHT_THEME, { base: 'vs', inherit: true, rules: rules('light'), colors: {} })
  // The background of VitePress's dark pages, so the editor sits in them without a seam.
  monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: rules('dark'), colors: { 'editor.background': '#1b1b1f' } })
}

/** Whether the page is dark now (VitePress and the playground put `dark` on <html>). */
export function pageIsDark(): boolean {
  return document.documentElement.classList.contains('dark')
}

/** Calls `apply` with the page's theme now and whenever `html.dark` changes; returns the stop. */
export function followPageTheme(apply: (theme: string) => void): () => void {
  const update = (): void => apply(pageIsDark() ? DARK_THEME : LIGHT_THEME)
  update()
  const observer = new MutationObserver(update)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

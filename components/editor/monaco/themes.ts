/**
 * Light and dark themes on Monaco's own, with colours for the semantic tokens the engine gives
 * (known and unknown directives, built-in, defined and unknown variables). The page decides
 * which: `html.dark`, as VitePress sets it.
 */
import type * as Monaco from 'monaco-editor/editor'

export const LIGHT_THEME = 'upgrade-lab-light'
export const DARK_THEME = 'upgrade-lab-dark'

export function defineThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(LIGHT_THEME, {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'directive', foreground: '0550ae', fontStyle: 'bold' },
      { token: 'directive.unknown', foreground: 'b31d28', fontStyle: 'italic underline' },
      { token: 'variable.builtin', foreground: '8250df' },
      { token: 'variable.defined', foreground: '116329', fontStyle: 'bold' },
      { token: 'variable.unknown', foreground: 'b31d28', fontStyle: 'italic' },
      { token: 'variable', foreground: '8250df' },
      { token: 'regexp', foreground: '953800' },
      { token: 'number', foreground: '0a7f5f' },
      { token: 'string', foreground: '0a3069' },
      { token: 'comment', foreground: '6e7781', fontStyle: 'italic' },
    ],
    colors: {},
  })
  monaco.editor.defineTheme(DARK_THEME, {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'directive', foreground: '79c0ff', fontStyle: 'bold' },
      { token: 'directive.unknown', foreground: 'ff7b72', fontStyle: 'italic underline' },
      { token: 'variable.builtin', foreground: 'd2a8ff' },
      { token: 'variable.defined', foreground: '7ee787', fontStyle: 'bold' },
      { token: 'variable.unknown', foreground: 'ff7b72', fontStyle: 'italic' },
      { token: 'variable', foreground: 'd2a8ff' },
      { token: 'regexp', foreground: 'ffa657' },
      { token: 'number', foreground: '56d4dd' },
      { token: 'string', foreground: 'a5d6ff' },
      { token: 'comment', foreground: '8b949e', fontStyle: 'italic' },
    ],
    colors: { 'editor.background': '#1b1b1f' },
  })
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

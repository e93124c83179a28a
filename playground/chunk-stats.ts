/**
 * Writes dist/.chunk-stats.json: for each JavaScript file of the build, its size and how much
 * of it is Monaco's code, so `npm run bench` can say what Monaco weighs apart from ours.
 */
import type { Plugin } from 'vite'

export interface ChunkStat {
  file: string
  /** The file's size as written (minified). */
  bytes: number
  /** The share of the file's code that is Monaco's (by its modules' sizes before minifying). */
  monacoShare: number
}

export function chunkStats(): Plugin {
  const stats: ChunkStat[] = []
  return {
    name: 'upgrade-lab:chunk-stats',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue
        let monaco = 0
        let all = 0
        for (const [id, module] of Object.entries(chunk.modules)) {
          all += module.renderedLength
          if (id.includes('/node_modules/monaco-editor/')) monaco += module.renderedLength
        }
        stats.push({ file: chunk.fileName, bytes: chunk.code.length, monacoShare: all ? monaco / all : 0 })
      }
      // Workers are bundled apart and are not listed: the bench tells Monaco's editor worker from ours by name.
      this.emitFile({ type: 'asset', fileName: '.chunk-stats.json', source: JSON.stringify(stats, null, 2) })
    },
  }
}

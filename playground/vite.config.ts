/**
 * The playground's build: a Vite + Vue app served at /playground/ by `upgrade-lab start`. The
 * editor and the other shared components come from components/ through `@components`.
 */
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { chunkStats } from './chunk-stats.ts'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/playground/',
  plugins: [vue(), chunkStats()],
  resolve: { alias: { '@components': fileURLToPath(new URL('../components', import.meta.url)) } },
  // The engine's worker imports ES modules (the engine is shared with the server).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco's chunks are large by nature and loaded only when an editor mounts.
    chunkSizeWarningLimit: 4096,
    // Rolldown reports which plugins took the build's time; on 2 cores that is every build, and noise.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
})

import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
        // The trace components' tests render .vue files on the server (vue/server-renderer).
        plugins: [vue()],
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'nginx',
          include: ['test/nginx/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        // --expose-gc: the fault tests measure live memory, not garbage.
        test: { name: 'lab', include: ['test/lab/**/*.test.ts'], exclude: ['test/lab/hostile*.test.ts'], environment: 'node', testTimeout: 30_000, execArgv: ['--expose-gc'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        // The hostile suites measure a victim's latency and the event loop's delay (and load the
        // machine themselves): they run last, alone, so that the other suites' processes are not
        // what they measure, nor they what the others time.
        test: {
          name: 'hostile',
          include: ['test/lab/hostile*.test.ts'],
          environment: 'node',
          // --expose-gc: the regex suite measures live memory, not garbage.
          execArgv: ['--expose-gc'],
          testTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        // Real Chromium against the built playground (npm test builds it first). Last and alone:
        // Monaco's hovers and suggestions wait on timers a loaded machine stretches.
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false, sequence: { groupOrder: 3 } },
      },
      {
        extends: true,
        test: {
          name: 'runtime',
          include: ['test/runtime/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
          // The scenarios compare timings with real nginx's (to 0.5 s): after the parallel suites, on their own.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})

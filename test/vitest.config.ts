import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  test: {
    projects: [
      {
        extends: true,
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
        // The hostile suites measure a victim's latency and the event loop's delay: they run last,
        // alone, so that the other suites' processes (real nginx, the runtime under load) are not
        // what they measure.
        test: {
          name: 'hostile',
          include: ['test/lab/hostile*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'runtime',
          include: ['test/runtime/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          fileParallelism: false,
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
})

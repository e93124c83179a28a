/** How the benchmarks weigh what a page loads: gzip -9 of each file, as a compressing server would send it. */
import { gzipSync } from 'node:zlib'

export const gzipSize = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`

// `node --import ./server/bin/register.mjs file.ts` runs a TypeScript file of this project
// (see ts-hooks.mjs for why this is not tsx).
import { register } from 'node:module'

register('./ts-hooks.mjs', import.meta.url)

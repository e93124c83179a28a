/**
 * One check of a config as the lab runs it (Debian's stock files read-only beside the user's,
 * nothing else exists: server/sandbox/check-job.ts), kept with what the services ask of it:
 * the texts, their parse trees and each directive's block. Lives in the worker; only the
 * services' answers cross to the page.
 */
import { check, DEBIAN_FILES, stockHost, type CheckResult, type Placement } from '../../../server/nginx/index.ts'
import type { DirectiveSpec } from '../../../server/nginx/directive-spec.ts'
import { directiveTable } from '../../../server/nginx/directives/index.ts'
import { parseNginxVersion, unsupportedVersion, type NginxVersion } from '../../../server/nginx/nginx-version.ts'
import { parse, type DirectiveNode, type ParsedFile } from '../../../server/nginx/parser.ts'

export interface AnalysisInput {
  /** Absolute path of the main file, e.g. /etc/nginx/nginx.conf. */
  main: string
  /** The user's files by absolute path, the main one included. */
  files: Record<string, string>
  /** A modelled version: 1.22.1, 1.30.4. */
  version: string
}

export interface Analysis {
  main: string
  version: NginxVersion
  table: ReadonlyMap<string, readonly DirectiveSpec[]>
  /** The check; null when it could not finish (an include loop past the lab's budget). */
  result: CheckResult | null
  /** Why the check could not finish, as the lab says it. */
  failure: string | null
  /** The user's files, then Debian's stock ones they did not replace. */
  texts: ReadonlyMap<string, string>
  /** Parse trees: the check's for the files it read, parsed here on demand for the others. */
  trees: Map<string, ParsedFile>
}

export function analyse(input: AnalysisInput): Analysis {
  const version = parseNginxVersion(input.version)
  if (!version) throw new RangeError(unsupportedVersion(input.version))
  const mainText = input.files[input.main] ?? DEBIAN_FILES[input.main] ?? ''
  // Stock files are read-only in the lab: a copy of one among the user's files is the stock text.
  const userFiles: Record<string, string> = {}
  for (const path of Object.keys(input.files)) {
    if (path !== input.main && !Object.hasOwn(DEBIAN_FILES, path)) userFiles[path] = input.files[path]
  }
  const texts = new Map<string, string>([[input.main, mainText], ...Object.entries(userFiles)])
  for (const path of Object.keys(DEBIAN_FILES)) if (!texts.has(path)) texts.set(path, DEBIAN_FILES[path])

  let result: CheckResult | null = null
  let failure: string | null = null
  try {
    const host = stockHost(userFiles, { path: input.main, text: mainText })
    result = check(mainText, { file: input.main, host, nginxVersion: version.name })
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    failure = error.message
  }
  return {
    main: input.main,
    version,
    table: directiveTable(version),
    result,
    failure,
    texts,
    trees: new Map(result?.files ?? []),
  }
}

export function textOf(analysis: Analysis, file: string): string {
  return analysis.texts.get(file) ?? ''
}

export function treeOf(analysis: Analysis, file: string): ParsedFile {
  let tree = analysis.trees.get(file)
  if (!tree) {
    tree = parse(textOf(analysis, file))
    analysis.trees.set(file, tree)
  }
  return tree
}

/** The block a directive stood in when nginx read it; undefined where nginx never got to it. */
export function placementOf(analysis: Analysis, node: DirectiveNode): Placement | undefined {
  return analysis.result?.placements.get(node)
}

/** The files nginx read, main first: where variables and upstreams of the config are defined. */
export function configFiles(analysis: Analysis): string[] {
  return analysis.result ? [...analysis.result.files.keys()] : [analysis.main]
}

/** File names as nginx resolves them: relative to the prefix (`-p`), which is the config's folder here. */

export function fullPath(prefix: string, name: string): string {
  if (name.startsWith('/')) return name
  return prefix + name
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}
